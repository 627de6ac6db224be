//! The resource state machine outside any render (as in the browser, here on tokio): loading,
//! stale-while-revalidate, newest wins, refetch, `.await`, and actions driving refetches.

use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::oneshot;

/// Fetches that finish when the test says so: `open(key)` before the fetch for `key` starts,
/// then send the value.
#[derive(Clone, Default)]
struct Gates {
    waiting: Arc<Mutex<HashMap<u32, oneshot::Receiver<String>>>>,
    calls: Arc<Mutex<Vec<u32>>>,
}

impl Gates {
    fn open(&self, key: u32) -> oneshot::Sender<String> {
        let (tx, rx) = oneshot::channel();
        self.waiting.lock().unwrap().insert(key, rx);
        tx
    }

    fn fetch(&self, key: u32) -> impl std::future::Future<Output = String> + Send + 'static {
        self.calls.lock().unwrap().push(key);
        let rx = self.waiting.lock().unwrap().remove(&key);
        async move {
            match rx {
                Some(rx) => rx.await.unwrap_or_else(|_| "dropped".into()),
                None => format!("instant {key}"),
            }
        }
    }

    fn calls(&self) -> Vec<u32> {
        self.calls.lock().unwrap().clone()
    }
}

/// Lets spawned fetches and their completions run.
async fn settle() {
    for _ in 0..10 {
        tokio::task::yield_now().await;
    }
}

#[tokio::test]
async fn loads_then_reloads_on_source_change_keeping_the_old_value_meanwhile() {
    let owner = Owner::new_root();
    let gates = Gates::default();
    let first = gates.open(1);
    let (id, set_id) = owner.with(|| signal(1u32));
    let g = gates.clone();
    let user = owner.with(|| Resource::new(move || id.get(), move |id| g.fetch(id)));

    assert!(user.loading());
    assert_eq!(user.get(), None, "nothing until the first load completes");
    first.send("Ada".into()).unwrap();
    settle().await;
    assert!(!user.loading());
    assert_eq!(user.get().as_deref(), Some("Ada"));

    let second = gates.open(2);
    set_id.set(2);
    assert!(user.loading(), "a changed source starts a load at once");
    assert_eq!(
        user.get().as_deref(),
        Some("Ada"),
        "the old value stays while the new one loads"
    );
    second.send("Grace".into()).unwrap();
    settle().await;
    assert_eq!(user.get().as_deref(), Some("Grace"));
    assert_eq!(gates.calls(), [1, 2]);

    // The same value again: no fetch.
    set_id.set(2);
    settle().await;
    assert_eq!(gates.calls(), [1, 2]);
    owner.dispose();
}

#[tokio::test]
async fn the_newest_load_wins_when_loads_finish_out_of_order() {
    let owner = Owner::new_root();
    let gates = Gates::default();
    let (slow, fast) = (gates.open(1), gates.open(2));
    let (id, set_id) = owner.with(|| signal(1u32));
    let g = gates.clone();
    let value = owner.with(|| Resource::new(move || id.get(), move |id| g.fetch(id)));
    set_id.set(2);
    fast.send("new".into()).unwrap();
    settle().await;
    assert_eq!(value.get().as_deref(), Some("new"));
    slow.send("old".into()).unwrap();
    settle().await;
    assert_eq!(
        value.get().as_deref(),
        Some("new"),
        "a load that was superseded is ignored"
    );
    assert!(!value.loading());
    owner.dispose();
}

#[tokio::test]
async fn refetch_loads_again_with_the_same_source() {
    let owner = Owner::new_root();
    let gates = Gates::default();
    let g = gates.clone();
    let value = owner.with(|| Resource::new(|| 5, move |n| g.fetch(n)));
    settle().await;
    assert_eq!(value.get().as_deref(), Some("instant 5"));
    let again = gates.open(5);
    value.refetch();
    assert!(value.loading());
    again.send("fresh".into()).unwrap();
    settle().await;
    assert_eq!(value.get().as_deref(), Some("fresh"));
    assert_eq!(gates.calls(), [5, 5]);
    owner.dispose();
}

#[tokio::test]
async fn awaiting_a_resource_waits_for_its_value() {
    let owner = Owner::new_root();
    let gates = Gates::default();
    let gate = gates.open(3);
    let g = gates.clone();
    let value = owner.with(|| Resource::new(|| 3, move |n| g.fetch(n)));
    let waiter = tokio::spawn(async move { value.await });
    settle().await;
    assert!(!waiter.is_finished(), "the value is not there yet");
    gate.send("three".into()).unwrap();
    assert_eq!(waiter.await.unwrap(), "three");
    // Once loaded, `.await` is ready at once.
    assert_eq!(value.await, "three");
    owner.dispose();
}

#[tokio::test]
async fn a_resource_reading_an_action_version_refetches_when_the_action_completes() {
    let owner = Owner::new_root();
    let saved = Arc::new(Mutex::new(Vec::<String>::new()));
    let (s1, s2) = (saved.clone(), saved.clone());
    let (add, todos) = owner.with(|| {
        let add = Action::new(move |title: &String| {
            let (saved, title) = (s1.clone(), title.clone());
            async move { saved.lock().unwrap().push(title) }
        });
        let todos = Resource::new(
            move || add.version().get(),
            move |_| {
                let saved = s2.clone();
                async move { saved.lock().unwrap().clone() }
            },
        );
        (add, todos)
    });
    settle().await;
    assert_eq!(todos.get(), Some(vec![]));
    add.dispatch("milk".to_string());
    settle().await;
    assert_eq!(todos.get(), Some(vec!["milk".to_string()]));
    add.dispatch("eggs".to_string());
    settle().await;
    assert_eq!(
        todos.get(),
        Some(vec!["milk".to_string(), "eggs".to_string()])
    );
    owner.dispose();
}

#[tokio::test]
async fn once_resource_loads_its_future_once() {
    let owner = Owner::new_root();
    let (tx, rx) = oneshot::channel::<u32>();
    let value = owner.with(|| OnceResource::new(async move { rx.await.unwrap() }));
    assert_eq!(value.get(), None);
    tx.send(9).unwrap();
    assert_eq!(value.await, 9);
    value.refetch();
    settle().await;
    assert!(!value.loading(), "there is nothing to load again");
    assert_eq!(value.get(), Some(9));
    owner.dispose();
}

#[tokio::test]
async fn a_load_finishing_after_its_owner_is_gone_is_dropped_quietly() {
    let owner = Owner::new_root();
    let gates = Gates::default();
    let gate = gates.open(1);
    let g = gates.clone();
    let value = owner.with(|| Resource::new(|| 1, move |n| g.fetch(n)));
    owner.dispose();
    gate.send("late".into()).unwrap();
    settle().await;
    assert_eq!(value.try_get(), None, "disposed with its owner");
}

#[tokio::test]
async fn local_resource_tracks_what_its_fetcher_reads_and_refetches() {
    let local = tokio::task::LocalSet::new();
    local
        .run_until(async {
            let owner = Owner::new_root();
            let calls = std::rc::Rc::new(std::cell::Cell::new(0));
            let c = calls.clone();
            let (n, set_n) = owner.with(|| signal(2u32));
            let double = owner.with(|| {
                LocalResource::new(move || {
                    c.set(c.get() + 1);
                    let n = n.get();
                    // Not `Send`: a local resource's future need not be.
                    let not_send = std::rc::Rc::new(n * 2);
                    async move {
                        tokio::task::yield_now().await;
                        *not_send
                    }
                })
            });
            assert!(double.loading());
            assert_eq!(double.await, 4);
            set_n.set(5);
            assert!(double.loading());
            assert_eq!(double.get(), Some(4), "the old value stays meanwhile");
            settle().await;
            assert_eq!(double.get(), Some(10));
            double.refetch();
            settle().await;
            assert_eq!(calls.get(), 3);
            owner.dispose();
        })
        .await;
}

#[tokio::test]
async fn a_resource_can_be_written_by_hand_until_the_next_load() {
    let owner = Owner::new_root();
    let gates = Gates::default();
    let g = gates.clone();
    let (n, set_n) = owner.with(|| signal(1u32));
    let value = owner.with(|| Resource::new(move || n.get(), move |n| g.fetch(n)));
    settle().await;
    assert_eq!(value.get().as_deref(), Some("instant 1"));
    value.set(Some("optimistic".into()));
    assert_eq!(value.get().as_deref(), Some("optimistic"));
    value.update(|v| v.as_mut().unwrap().push('!'));
    assert_eq!(value.get().as_deref(), Some("optimistic!"));
    set_n.set(2);
    settle().await;
    assert_eq!(
        value.get().as_deref(),
        Some("instant 2"),
        "a load replaces it"
    );
    owner.dispose();
}

#[tokio::test]
async fn an_arc_resource_outlives_the_owner_that_made_it_and_goes_with_its_last_clone() {
    let root = Owner::new_root();
    let component = root.child();
    let gates = Gates::default();
    let first = gates.open(1);
    let (id, set_id) = root.with(|| signal(1u32));
    let g = gates.clone();
    let user = component.with(|| ArcResource::new(move || id.get(), move |id| g.fetch(id)));
    let kept = user.clone();
    drop(user);
    component.dispose();

    // Still loading, reactive and refetchable after the component is gone.
    assert!(kept.loading());
    first.send("Ada".into()).unwrap();
    settle().await;
    assert_eq!(kept.get().as_deref(), Some("Ada"));
    set_id.set(2);
    settle().await;
    assert_eq!(kept.get().as_deref(), Some("instant 2"));
    assert_eq!(kept.map(|name| name.len()), Some(9));

    // The last clone frees it: a `Copy` handle taken without an owner sees it gone.
    let nodes = root.live_node_count();
    drop(kept);
    assert!(
        root.live_node_count() < nodes,
        "dropping the last clone frees the resource's nodes"
    );
    set_id.set(3);
    settle().await;
    assert_eq!(gates.calls(), [1, 2], "a freed resource fetches no more");
    root.dispose();
}

#[tokio::test]
async fn an_arc_resource_is_awaited_and_converts_to_a_copy_handle_its_owner_keeps() {
    let root = Owner::new_root();
    let gates = Gates::default();
    let g = gates.clone();
    let arc = root.with(|| ArcResource::new(|| 4, move |n| g.fetch(n)));
    let awaited = arc.clone().await;
    assert_eq!(awaited, "instant 4");

    // `Resource::from` hands the last clone to the current owner.
    let owner = root.child();
    let copy: Resource<String> = owner.with(|| arc.into());
    assert_eq!(
        copy.get().as_deref(),
        Some("instant 4"),
        "alive while the owner is"
    );
    owner.dispose();
    assert_eq!(
        copy.try_get(),
        None,
        "freed with the owner that held the last clone"
    );

    // From a `Copy` resource: the same resource, living as its owner does.
    let plain = root.with(|| Resource::new(|| 8, |n| async move { n * 2 }));
    let shared = ArcResource::from(plain);
    settle().await;
    assert_eq!(shared.get(), Some(16));
    assert_eq!(ArcResource::from(plain), shared);
    root.dispose();
}
