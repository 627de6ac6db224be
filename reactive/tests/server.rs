//! The graph on the server: many requests at once on a multi-threaded tokio runtime, each
//! with its own root owner, and actions running on that runtime.

use reactive_graph::diagnostics::live_runtime_count;
use reactive_graph::prelude::*;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::oneshot;

#[derive(Clone, Debug, PartialEq)]
struct RequestId(usize);

/// One simulated request: a root owner, some state, awaits between writes (so the task
/// moves between worker threads), and disposal at the end.
async fn request(n: usize) -> (usize, usize) {
    let root = Owner::new();
    assert!(root.parent().is_none(), "each request starts a root");
    let (count, set_count, total, seen) = root.with(|| {
        provide_context(RequestId(n));
        let (count, set_count) = signal(n);
        let double = Memo::new(move |_| count.get() * 2);
        let total = RwSignal::new(0usize);
        let seen = Arc::new(Mutex::new(Vec::new()));
        let s = seen.clone();
        Effect::new_sync(move |_| {
            let id = use_context::<RequestId>().expect("the request's context").0;
            s.lock().unwrap().push((id, double.get()));
            total.update(|t| *t += double.get_untracked());
        });
        (count, set_count, total, seen)
    });
    for step in 1..=5 {
        tokio::task::yield_now().await;
        set_count.update(|c| *c += step);
    }
    let final_count = count.get_untracked();
    let final_total = total.get_untracked();
    // Every run of the effect saw this request's context, never another's.
    assert!(seen.lock().unwrap().iter().all(|&(id, _)| id == n));
    assert_eq!(seen.lock().unwrap().len(), 6);
    root.dispose();
    assert_eq!(count.try_get_untracked(), None, "freed with the request");
    (final_count, final_total)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn many_requests_at_once_each_with_its_own_graph() {
    let baseline = live_runtime_count();
    let tasks: Vec<_> = (0..200).map(|n| tokio::spawn(request(n))).collect();
    for (n, task) in tasks.into_iter().enumerate() {
        let (count, total) = task.await.expect("the request task panicked");
        assert_eq!(count, n + 15);
        // double at each of the six runs: n, n+1, n+3, n+6, n+10, n+15
        assert_eq!(total, 2 * (6 * n + 35));
    }
    assert_eq!(
        live_runtime_count(),
        baseline,
        "every request's graph was freed when its root was disposed"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_signal_shared_on_purpose_is_safe_to_write_from_many_tasks() {
    let shared = Owner::new();
    let (hits, runs) = shared.with(|| {
        let hits = RwSignal::new(0usize);
        let runs = RwSignal::new(0usize);
        Effect::new_sync(move |_| {
            hits.get();
            runs.update_untracked(|r| *r += 1);
        });
        (hits, runs)
    });
    let tasks: Vec<_> = (0..64)
        .map(|_| {
            tokio::spawn(async move {
                for _ in 0..50 {
                    hits.update(|h| *h += 1);
                    tokio::task::yield_now().await;
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    assert_eq!(hits.get_untracked(), 64 * 50);
    assert!(runs.get_untracked() > 1, "the effect followed the writes");
    shared.dispose();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn context_does_not_leak_between_requests() {
    let a = Owner::new();
    a.with(|| provide_context(RequestId(1)));
    let b = Owner::new();
    assert_eq!(b.with(use_context::<RequestId>), None);
    assert_eq!(a.with(use_context::<RequestId>), Some(RequestId(1)));
    a.dispose();
    b.dispose();
}

/// Futures an action's calls wait on, completed by the test in the order it chooses.
#[derive(Clone, Default)]
struct Gates(Arc<Mutex<HashMap<u32, oneshot::Receiver<u32>>>>);

impl Gates {
    fn add(&self, key: u32) -> oneshot::Sender<u32> {
        let (tx, rx) = oneshot::channel();
        self.0.lock().unwrap().insert(key, rx);
        tx
    }
    fn take(&self, key: u32) -> oneshot::Receiver<u32> {
        self.0
            .lock()
            .unwrap()
            .remove(&key)
            .expect("a gate for this input")
    }
    /// An action whose call for input `n` returns what the test sends through gate `n`.
    fn action(&self) -> Action<u32, u32> {
        let gates = self.clone();
        Action::new(move |input: &u32| {
            let gate = gates.take(*input);
            async move { gate.await.unwrap() }
        })
    }
}

impl Gates {
    /// A multi-action whose call for input `n` returns what the test sends through gate `n`.
    fn multi_action(&self) -> MultiAction<u32, u32> {
        let gates = self.clone();
        MultiAction::new(move |input: &u32| {
            let gate = gates.take(*input);
            async move { gate.await.unwrap() }
        })
    }
}

/// Waits until `done()` holds. The deadline is generous on purpose: it only turns a hang
/// into a failure, on machines that may be busy with other work.
async fn until(mut done: impl FnMut() -> bool) {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(30);
    while !done() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "condition not reached in 30 s"
        );
        tokio::time::sleep(std::time::Duration::from_millis(1)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn action_tracks_input_pending_value_and_version() {
    let owner = Owner::new();
    let gates = Gates::default();
    let action = owner.with(|| gates.action());
    assert_eq!((action.pending().get(), action.version().get()), (false, 0));
    let release = gates.add(7);
    action.dispatch(7);
    assert!(action.pending().get());
    assert_eq!(action.input().get(), Some(7));
    assert_eq!(action.value().get(), None);
    release.send(70).unwrap();
    until(|| action.version().get_untracked() == 1).await;
    assert_eq!(action.value().get(), Some(70));
    assert_eq!(action.input().get(), None);
    assert!(!action.pending().get());
    owner.dispose();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_newer_dispatch_supersedes_an_older_ones_result() {
    let owner = Owner::new();
    let gates = Gates::default();
    let action = owner.with(|| gates.action());
    let slow = gates.add(1);
    let fast = gates.add(2);
    action.dispatch(1);
    action.dispatch(2);
    fast.send(20).unwrap();
    until(|| action.value().get_untracked() == Some(20)).await;
    assert!(
        action.pending().get(),
        "the first dispatch is still in flight"
    );
    slow.send(10).unwrap();
    until(|| !action.pending().get_untracked()).await;
    assert_eq!(
        action.value().get(),
        Some(20),
        "the older result did not overwrite it"
    );
    assert_eq!(action.version().get(), 1);
    owner.dispose();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_action_finishing_after_its_owner_is_gone_is_harmless() {
    let owner = Owner::new();
    let gates = Gates::default();
    let action = owner.with(|| gates.action());
    let release = gates.add(1);
    action.dispatch(1);
    owner.dispose();
    release.send(1).unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    assert_eq!(action.value().try_get_untracked(), None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_multi_action_keeps_every_dispatch_as_a_submission_of_its_own() {
    let owner = Owner::new();
    let gates = Gates::default();
    let action = owner.with(|| gates.multi_action());
    let (first, second, third) = (gates.add(1), gates.add(2), gates.add(3));
    action.dispatch(1);
    action.dispatch(2);
    action.dispatch(3);
    let submissions = action.submissions().get();
    assert_eq!(submissions.len(), 3);
    let inputs: Vec<_> = submissions.iter().map(|s| s.input().get()).collect();
    assert_eq!(inputs, [Some(1), Some(2), Some(3)]);
    assert!(submissions.iter().all(|s| s.pending().get()));

    // They complete out of order, and each keeps its own output: none supersedes another.
    second.send(20).unwrap();
    until(|| action.version().get_untracked() == 1).await;
    assert_eq!(submissions[1].value().get(), Some(20));
    assert_eq!(
        submissions[1].input().get(),
        None,
        "the input is cleared when done"
    );
    assert!(!submissions[1].pending().get());
    assert!(submissions[0].pending().get() && submissions[2].pending().get());

    // A canceled submission completes without its output.
    submissions[2].cancel();
    assert!(submissions[2].canceled().get());
    first.send(10).unwrap();
    third.send(30).unwrap();
    until(|| action.version().get_untracked() == 3).await;
    assert_eq!(submissions[0].value().get(), Some(10));
    assert_eq!(submissions[2].value().get(), None);
    assert!(!submissions[2].pending().get());

    // An outcome known at once is a complete submission; clearing forgets them all.
    action.dispatch_sync(99);
    let all = action.submissions().get();
    assert_eq!(all.len(), 4);
    assert_eq!(
        (all[3].value().get(), all[3].input().get()),
        (Some(99), None)
    );
    assert!(!all[3].pending().get());
    assert_eq!(action.version().get(), 4);
    action.clear();
    assert!(action.submissions().get().is_empty());
    owner.dispose();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_multi_action_finishing_after_its_owner_is_gone_is_harmless() {
    let owner = Owner::new();
    let gates = Gates::default();
    let action = owner.with(|| gates.multi_action());
    let release = gates.add(1);
    action.dispatch(1);
    owner.dispose();
    release.send(1).unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    assert_eq!(action.version().try_get_untracked(), None);
}

#[test]
fn spawning_outside_a_runtime_says_what_to_do() {
    let panic = std::panic::catch_unwind(|| reactive_graph::spawn(async {})).unwrap_err();
    let message = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .unwrap_or_else(|| panic.downcast_ref::<String>().cloned().unwrap_or_default());
    assert!(message.contains("outside a tokio runtime"), "{message}");
}

#[derive(Clone, Debug, PartialEq)]
struct RequestName(&'static str);

/// A root's graph is emptied and reused by later roots on the same thread: nothing of the
/// old request may be reachable from the new one, and no old handle may reach a new node.
#[test]
fn a_later_request_never_sees_an_earlier_requests_nodes_or_context() {
    let first = Owner::new_root();
    let (old_signal, old_child) = first.with(|| {
        provide_context(RequestName("first"));
        (RwSignal::new(1), Owner::new())
    });
    first.dispose();
    for _ in 0..20 {
        let next = Owner::new_root();
        let new_signal = next.with(|| {
            provide_context(RequestName("next"));
            RwSignal::new(2)
        });
        assert_eq!(
            old_signal.try_get_untracked(),
            None,
            "an old handle stays dead"
        );
        assert!(first.is_disposed() && old_child.is_disposed());
        assert_eq!(old_child.with(use_context::<RequestName>), None);
        assert_eq!(
            next.with(use_context::<RequestName>),
            Some(RequestName("next"))
        );
        // Writing through the old handle changes nothing in the new graph.
        old_signal.try_set(99);
        assert_eq!(new_signal.get_untracked(), 2);
        assert_eq!(
            next.live_node_count(),
            2,
            "the root and its signal, nothing older"
        );
        next.dispose();
        assert_eq!(new_signal.try_get_untracked(), None);
    }
}
