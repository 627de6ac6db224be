//! Behaviour of the graph: propagation, memo equality, dynamic dependencies, ownership,
//! cleanup order, context and disposal.

use reactive_graph::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// A shared log for effects and cleanups to write into.
#[derive(Clone, Default)]
struct Log(Arc<Mutex<Vec<String>>>);

impl Log {
    fn push(&self, entry: impl Into<String>) {
        self.0.lock().unwrap().push(entry.into());
    }
    fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.0.lock().unwrap())
    }
}

#[derive(Clone, Default)]
struct Counter(Arc<AtomicUsize>);

impl Counter {
    fn hit(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
    fn get(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

#[test]
fn diamond_effect_runs_once_per_write_and_never_sees_a_mixed_state() {
    let owner = Owner::new();
    owner.with(|| {
        let (a, set_a) = signal(1);
        let b = Memo::new(move |_| a.get() * 10);
        let c = Memo::new(move |_| a.get() + 1);
        let d = Memo::new(move |_| (b.get(), c.get()));
        let log = Log::default();
        let l = log.clone();
        Effect::new(move |_| {
            let (b, c) = d.get();
            // b and c come from the same `a`: a mixed state would break this.
            assert_eq!(b / 10 + 1, c, "glitch: b={b} c={c}");
            l.push(format!("{b},{c}"));
        });
        set_a.set(2);
        set_a.set(3);
        assert_eq!(log.take(), ["10,2", "20,3", "30,4"]);
    });
    owner.dispose();
}

#[test]
fn diamond_with_plain_effect_reading_both_branches() {
    let owner = Owner::new();
    owner.with(|| {
        let (a, set_a) = signal(0);
        let b = Memo::new(move |_| a.get() + 1);
        let c = Memo::new(move |_| a.get() * 2);
        let runs = Counter::default();
        let r = runs.clone();
        Effect::new(move |_| {
            let (b, c) = (b.get(), c.get());
            assert_eq!(c, (b - 1) * 2, "glitch");
            r.hit();
        });
        assert_eq!(runs.get(), 1);
        for i in 1..=5 {
            set_a.set(i);
        }
        assert_eq!(runs.get(), 6, "one run per write");
    });
    owner.dispose();
}

#[test]
fn memo_is_lazy_and_recomputes_only_when_an_input_changed() {
    let owner = Owner::new();
    owner.with(|| {
        let (a, set_a) = signal(1);
        let computed = Counter::default();
        let c = computed.clone();
        let m = Memo::new(move |_| {
            c.hit();
            a.get() * 2
        });
        assert_eq!(computed.get(), 0, "not computed before it is read");
        assert_eq!(m.get(), 2);
        assert_eq!(m.get(), 2);
        assert_eq!(computed.get(), 1, "cached between reads");
        set_a.set(5);
        assert_eq!(computed.get(), 1, "not recomputed until read");
        assert_eq!(m.get(), 10);
        assert_eq!(computed.get(), 2);
    });
    owner.dispose();
}

#[test]
fn memo_with_an_unchanged_value_stops_its_dependents() {
    let owner = Owner::new();
    owner.with(|| {
        let (n, set_n) = signal(2);
        let parity = Memo::new(move |_| n.get() % 2);
        let downstream_runs = Counter::default();
        let d = downstream_runs.clone();
        let label = Memo::new(move |_| {
            d.hit();
            if parity.get() == 0 {
                "even"
            } else {
                "odd"
            }
        });
        let effect_runs = Counter::default();
        let e = effect_runs.clone();
        Effect::new(move |_| {
            label.get();
            e.hit();
        });
        assert_eq!((downstream_runs.get(), effect_runs.get()), (1, 1));
        set_n.set(4); // parity still 0
        set_n.set(6);
        assert_eq!((downstream_runs.get(), effect_runs.get()), (1, 1));
        set_n.set(7); // parity changes
        assert_eq!((downstream_runs.get(), effect_runs.get()), (2, 2));
        assert_eq!(label.get(), "odd");
    });
    owner.dispose();
}

#[test]
fn an_owning_memo_gets_its_previous_value_and_reports_whether_it_changed() {
    /// Not `Clone`: the memo's function must be handed the value itself.
    struct Log(Vec<i32>);
    let owner = Owner::new();
    owner.with(|| {
        let (n, set_n) = signal(1);
        let log = Memo::new_owning(move |previous: Option<Log>| {
            let mut log = previous.unwrap_or(Log(Vec::new()));
            let n = n.get();
            if n < 0 {
                // Negative inputs are ignored: the memo reports no change.
                return (log, false);
            }
            log.0.push(n);
            (log, true)
        });
        let effect_runs = Counter::default();
        let e = effect_runs.clone();
        Effect::new(move |_| {
            log.with(|log| log.0.len());
            e.hit();
        });
        assert_eq!(log.with(|log| log.0.clone()), [1]);
        set_n.set(2);
        assert_eq!(
            log.with(|log| log.0.clone()),
            [1, 2],
            "the same vector, extended"
        );
        assert_eq!(effect_runs.get(), 2);
        set_n.set(-1);
        assert_eq!(log.with(|log| log.0.clone()), [1, 2]);
        assert_eq!(
            effect_runs.get(),
            2,
            "no change reported: the effect does not re-run"
        );
    });
    owner.dispose();
}

#[test]
fn dynamic_dependencies_drop_a_branch_no_longer_read() {
    let owner = Owner::new();
    owner.with(|| {
        let (flag, set_flag) = signal(true);
        let (a, set_a) = signal(0);
        let (b, set_b) = signal(0);
        let runs = Counter::default();
        let r = runs.clone();
        Effect::new(move |_| {
            r.hit();
            if flag.get() {
                a.get()
            } else {
                b.get()
            }
        });
        assert_eq!(runs.get(), 1);
        set_b.set(1);
        assert_eq!(runs.get(), 1, "b is not read while flag is true");
        set_a.set(1);
        assert_eq!(runs.get(), 2);
        set_flag.set(false);
        assert_eq!(runs.get(), 3);
        set_a.set(2);
        assert_eq!(runs.get(), 3, "a is no longer read after the flag flipped");
        set_b.set(2);
        assert_eq!(runs.get(), 4);
    });
    owner.dispose();
}

#[test]
fn rerunning_an_effect_disposes_what_its_previous_run_created() {
    let owner = Owner::new();
    owner.with(|| {
        let (outer, set_outer) = signal(0);
        let (inner_source, set_inner_source) = signal(0);
        let inner_runs = Counter::default();
        let cleanups = Counter::default();
        let created = Arc::new(Mutex::new(Vec::new()));
        let (ir, cl, cr) = (inner_runs.clone(), cleanups.clone(), created.clone());
        Effect::new(move |_| {
            outer.get();
            let local = RwSignal::new(1);
            cr.lock().unwrap().push(local);
            let ir = ir.clone();
            Effect::new(move |_| {
                inner_source.get();
                ir.hit();
            });
            let cl = cl.clone();
            on_cleanup(move || cl.hit());
        });
        assert_eq!(inner_runs.get(), 1);
        set_outer.set(1); // disposes the first inner effect, creates a second
        assert_eq!(cleanups.get(), 1);
        assert_eq!(inner_runs.get(), 2);
        set_inner_source.set(1); // only the live inner effect runs
        assert_eq!(
            inner_runs.get(),
            3,
            "a nested effect from an earlier run still ran"
        );
        let created = created.lock().unwrap();
        assert_eq!(
            created[0].try_get(),
            None,
            "the first run's signal was disposed"
        );
        assert_eq!(created[1].try_get(), Some(1));
    });
    owner.dispose();
}

#[test]
fn cleanups_run_in_reverse_order_children_first() {
    let log = Log::default();
    let root = Owner::new();
    root.with(|| {
        let l = log.clone();
        on_cleanup(move || l.push("root 1"));
        let l = log.clone();
        on_cleanup(move || l.push("root 2"));
        let child_a = Owner::new();
        child_a.with(|| {
            let l = log.clone();
            on_cleanup(move || l.push("a 1"));
            let l = log.clone();
            on_cleanup(move || l.push("a 2"));
        });
        let child_b = Owner::new();
        child_b.with(|| {
            let l = log.clone();
            on_cleanup(move || l.push("b 1"));
        });
    });
    root.dispose();
    assert_eq!(log.take(), ["b 1", "a 2", "a 1", "root 2", "root 1"]);
}

#[test]
fn a_root_whose_graph_holds_a_node_of_a_stale_owner_still_runs_every_cleanup_once_in_order() {
    let log = Log::default();
    let root = Owner::new();
    let (stale, orphan) = root.with(|| {
        let l = log.clone();
        on_cleanup(move || l.push("root"));
        let child = Owner::new();
        child.with(|| {
            let l = log.clone();
            on_cleanup(move || l.push("child"));
        });
        let stale = Owner::new();
        stale.dispose();
        // Made under a disposed owner: in the root's graph, but owned by nothing alive.
        let orphan = stale.with(|| RwSignal::new(1));
        (stale, orphan)
    });
    assert_eq!(log.take(), Vec::<String>::new());
    root.dispose();
    assert_eq!(log.take(), ["child", "root"]);
    assert!(root.is_disposed() && stale.is_disposed());
    assert_eq!(orphan.try_get(), None, "the whole graph went with its root");
}

#[test]
fn cleanups_can_still_read_signals_of_their_owner() {
    let log = Log::default();
    let owner = Owner::new();
    owner.with(|| {
        let name = RwSignal::new("kept".to_string());
        let l = log.clone();
        on_cleanup(move || l.push(name.get_untracked()));
    });
    owner.dispose();
    assert_eq!(log.take(), ["kept"]);
}

#[derive(Clone, Debug, PartialEq)]
struct Theme(&'static str);
#[derive(Clone, Debug, PartialEq)]
struct User(&'static str);

#[test]
fn context_is_found_through_three_owner_levels_nearest_first() {
    let root = Owner::new();
    root.with(|| {
        provide_context(Theme("dark"));
        provide_context(User("root"));
        let middle = Owner::new();
        middle.with(|| {
            provide_context(User("middle"));
            let leaf = Owner::new();
            leaf.with(|| {
                assert_eq!(use_context::<Theme>(), Some(Theme("dark")));
                assert_eq!(use_context::<User>(), Some(User("middle")));
                assert_eq!(use_context::<String>(), None);
                // Effects look up context through the owner they were created in.
                let seen = Arc::new(Mutex::new(None));
                let s = seen.clone();
                Effect::new(move |_| *s.lock().unwrap() = use_context::<Theme>());
                assert_eq!(*seen.lock().unwrap(), Some(Theme("dark")));
            });
        });
        assert_eq!(use_context::<User>(), Some(User("root")));
    });
    root.dispose();
}

#[test]
fn expect_context_panics_with_the_type_name() {
    let owner = Owner::new();
    let panic = std::panic::catch_unwind(|| owner.with(expect_context::<Theme>)).unwrap_err();
    let message = panic.downcast_ref::<String>().unwrap();
    assert!(message.contains("graph::Theme"), "{message}");
    owner.dispose();
}

#[test]
fn a_context_value_made_once_is_seen_by_every_owner_it_is_provided_to() {
    // The value counts its copies: providing the prepared value must not make any.
    let shared = Arc::new(());
    let value = reactive_graph::ContextValue::new(User("shared"));
    let marker = reactive_graph::ContextValue::new(shared.clone());
    let owners: Vec<Owner> = (0..3).map(|_| Owner::new()).collect();
    for owner in &owners {
        owner.with(|| {
            provide_context(User("replaced"));
            value.provide();
            marker.provide();
        });
    }
    assert_eq!(
        Arc::strong_count(&shared),
        2,
        "one copy in the prepared value, no more"
    );
    for owner in &owners {
        assert_eq!(owner.with(use_context::<User>), Some(User("shared")));
        owner.dispose();
    }
    drop(marker);
    assert_eq!(Arc::strong_count(&shared), 1);
}

#[test]
fn disposing_a_root_drops_its_contexts_and_the_next_root_starts_without_them() {
    let held = Arc::new(());
    for _ in 0..3 {
        let root = Owner::new();
        assert_eq!(
            root.with(use_context::<Arc<()>>),
            None,
            "nothing left from the last root"
        );
        root.with(|| {
            provide_context(held.clone());
            let child = Owner::new();
            child.with(|| provide_context(User("child")));
        });
        assert_eq!(Arc::strong_count(&held), 2);
        root.dispose();
        assert_eq!(
            Arc::strong_count(&held),
            1,
            "the root's contexts were dropped"
        );
    }
}

#[test]
fn a_root_holding_only_contexts_drops_them_on_dispose_even_if_a_drop_uses_the_graph() {
    /// Uses the graph while being dropped (which must happen with the graph unlocked).
    struct MakesASignalOnDrop {
        _held: Arc<()>,
    }
    impl Drop for MakesASignalOnDrop {
        fn drop(&mut self) {
            let signal = RwSignal::new(1);
            signal.set(2);
            assert_eq!(signal.get_untracked(), 2);
        }
    }
    let held = Arc::new(());
    for round in 0..3 {
        let root = Owner::new();
        assert_eq!(
            root.with(use_context::<User>),
            None,
            "round {round}: a clean root"
        );
        root.provide_contexts([
            reactive_graph::ContextValue::new(User("first")),
            reactive_graph::ContextValue::new(Arc::new(MakesASignalOnDrop {
                _held: held.clone(),
            })),
            reactive_graph::ContextValue::new(User("second")),
        ]);
        assert_eq!(
            root.with(use_context::<User>),
            Some(User("second")),
            "a later value of the same type replaces the earlier one"
        );
        assert_eq!(Arc::strong_count(&held), 2);
        // More replaced values than are kept without an allocation; the one that uses the
        // graph when dropped is replaced last.
        let users = (0..6).map(|_| reactive_graph::ContextValue::new(User("again")));
        root.provide_contexts(users.chain([reactive_graph::ContextValue::new(Arc::new(
            MakesASignalOnDrop {
                _held: held.clone(),
            },
        ))]));
        assert_eq!(root.with(use_context::<User>), Some(User("again")));
        assert_eq!(
            Arc::strong_count(&held),
            2,
            "the replaced value was dropped"
        );
        root.dispose();
        assert_eq!(
            Arc::strong_count(&held),
            1,
            "round {round}: contexts dropped"
        );
    }
}

#[test]
fn a_context_value_provided_outside_any_owner_panics_with_the_type_name() {
    let value = reactive_graph::ContextValue::new(Theme("light"));
    let panic =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| value.provide())).unwrap_err();
    let message = panic.downcast_ref::<String>().unwrap();
    assert!(
        message.contains("graph::Theme") && message.contains("outside any owner"),
        "{message}"
    );
}

#[test]
fn disposing_an_owner_with_10000_nodes_returns_to_the_baseline() {
    let root = Owner::new();
    let baseline = root.live_node_count();
    let child = root.child();
    let sum = child.with(|| {
        let signals: Vec<RwSignal<usize>> = (0..2_500).map(RwSignal::new).collect();
        let memos: Vec<Memo<usize>> = signals
            .iter()
            .map(|&s| Memo::new(move |_| s.get() + 1))
            .collect();
        for &m in &memos {
            Effect::new(move |_| {
                m.get();
            });
        }
        for _ in 0..2_500 {
            Owner::new().with(|| StoredValue::new(0u8));
        }
        memos.iter().map(|m| m.get()).sum::<usize>()
    });
    assert_eq!(sum, (1..=2_500).sum::<usize>());
    assert!(root.live_node_count() >= baseline + 10_000);
    child.dispose();
    assert_eq!(root.live_node_count(), baseline);
    root.dispose();
}

#[test]
fn reading_a_disposed_signal_is_a_clear_error() {
    let owner = Owner::new();
    let count = owner.with(|| RwSignal::new(5));
    owner.dispose();
    assert_eq!(count.try_get(), None);
    assert_eq!(count.try_set(6), Some(6), "the value is given back");
    let panic = std::panic::catch_unwind(|| count.get()).unwrap_err();
    let message = panic.downcast_ref::<String>().unwrap();
    assert!(message.contains("after it was disposed"), "{message}");
    assert!(message.contains("RwSignal<i32>"), "{message}");
    assert!(
        message.contains("tests/graph.rs"),
        "names where it was created: {message}"
    );
}

#[test]
fn writing_a_signal_inside_its_own_read_is_reported_not_deadlocked() {
    let owner = Owner::new();
    let count = owner.with(|| RwSignal::new(1));
    let panic = std::panic::catch_unwind(|| count.with(|n| count.set(n + 1))).unwrap_err();
    let message = panic.downcast_ref::<String>().unwrap();
    assert!(
        message.contains("written while it was being read"),
        "{message}"
    );
    // The graph still works afterwards.
    count.set(3);
    assert_eq!(count.get(), 3);
    owner.dispose();
}

#[test]
fn batch_runs_each_effect_once_with_the_final_values() {
    let owner = Owner::new();
    owner.with(|| {
        let (a, set_a) = signal(0);
        let (b, set_b) = signal(0);
        let log = Log::default();
        let l = log.clone();
        Effect::new(move |_| l.push(format!("{}+{}", a.get(), b.get())));
        batch(|| {
            for i in 1..=100 {
                set_a.set(i);
                set_b.set(i * 2);
            }
            // Nested batches hold effects until the outermost one ends.
            batch(|| set_a.set(1000));
        });
        assert_eq!(log.take(), ["0+0", "1000+200"]);
    });
    owner.dispose();
}

#[test]
fn untrack_reads_without_subscribing() {
    let owner = Owner::new();
    owner.with(|| {
        let (a, set_a) = signal(0);
        let (b, set_b) = signal(0);
        let runs = Counter::default();
        let r = runs.clone();
        Effect::new(move |_| {
            a.get();
            untrack(|| b.get());
            r.hit();
        });
        set_b.set(1);
        assert_eq!(runs.get(), 1);
        set_a.set(1);
        assert_eq!(runs.get(), 2);
    });
    owner.dispose();
}

#[test]
fn effect_receives_its_previous_value_and_writes_inside_effects_propagate() {
    let owner = Owner::new();
    owner.with(|| {
        let (a, set_a) = signal(1);
        let (doubled, set_doubled) = signal(0);
        let history = Log::default();
        let h = history.clone();
        Effect::new(move |previous: Option<i32>| {
            let now = a.get();
            h.push(format!("{previous:?}->{now}"));
            set_doubled.set(now * 2);
            now
        });
        set_a.set(2);
        assert_eq!(history.take(), ["None->1", "Some(1)->2"]);
        assert_eq!(doubled.get(), 4);
    });
    owner.dispose();
}

#[test]
fn trigger_and_stored_value() {
    let owner = Owner::new();
    owner.with(|| {
        let outside = Arc::new(Mutex::new(1));
        let changed = Trigger::new();
        let cache = StoredValue::new(Vec::<i32>::new());
        let seen = Log::default();
        let (o, s) = (outside.clone(), seen.clone());
        Effect::new(move |_| {
            changed.track();
            let value = *o.lock().unwrap();
            cache.update_value(|c| c.push(value));
            s.push(value.to_string());
        });
        *outside.lock().unwrap() = 2;
        changed.notify();
        assert_eq!(seen.take(), ["1", "2"]);
        cache.set_value(vec![9]); // not reactive: nothing re-runs
        assert_eq!(seen.take(), Vec::<String>::new());
        assert_eq!(cache.get_value(), vec![9]);
    });
    owner.dispose();
}

#[test]
fn render_effect_runs_immediately_even_inside_a_batch() {
    let owner = Owner::new();
    owner.with(|| {
        let (a, set_a) = signal(1);
        let runs = Counter::default();
        let r = runs.clone();
        let mut effect = batch(|| {
            RenderEffect::new(move |_| {
                r.hit();
                a.get() * 3
            })
        });
        assert_eq!(effect.with_value_mut(|v| *v), Some(3));
        set_a.set(2);
        assert_eq!(effect.with_value_mut(|v| *v), Some(6));
        assert_eq!(runs.get(), 2);
        drop(effect); // stops it
        set_a.set(3);
        assert_eq!(runs.get(), 2);
    });
    owner.dispose();
}

#[test]
fn a_panicking_effect_leaves_the_graph_usable() {
    let owner = Owner::new();
    owner.with(|| {
        let (a, set_a) = signal(0);
        let (b, set_b) = signal(0);
        Effect::new(move |_| {
            if a.get() == 1 {
                panic!("boom");
            }
        });
        let runs = Counter::default();
        let r = runs.clone();
        Effect::new(move |_| {
            b.get();
            r.hit();
        });
        assert!(std::panic::catch_unwind(|| set_a.set(1)).is_err());
        set_b.set(1);
        assert!(
            runs.get() >= 2,
            "effects still run after a panic in another"
        );
    });
    owner.dispose();
}

#[test]
fn derived_closures_are_reactive() {
    let owner = Owner::new();
    owner.with(|| {
        let (first, set_first) = signal("Ada".to_string());
        let greeting = move || format!("Hello, {}!", first.get());
        let seen = Log::default();
        let s = seen.clone();
        Effect::new(move |_| s.push(greeting()));
        set_first.set("Grace".into());
        assert_eq!(seen.take(), ["Hello, Ada!", "Hello, Grace!"]);
    });
    owner.dispose();
}

#[test]
fn signal_type_wraps_every_kind_and_reads_derived_closures_once() {
    let owner = Owner::new();
    owner.with(|| {
        let (n, set_n) = signal(1);
        let calls = Counter::default();
        let c = calls.clone();
        let derived = Signal::derive(move || {
            c.hit();
            n.get() + 100
        });
        let from_memo: Signal<i32> = Memo::new(move |_| n.get() * 2).into();
        let constant: Signal<i32> = 5.into();
        let seen = Log::default();
        let s = seen.clone();
        Effect::new(move |_| {
            s.push(format!(
                "{} {} {}",
                derived.get(),
                from_memo.get(),
                constant.get()
            ));
        });
        assert_eq!(calls.get(), 1, "a tracked read runs the closure once");
        set_n.set(2);
        assert_eq!(seen.take(), ["101 2 5", "102 4 5"]);
        assert_eq!(calls.get(), 2);
    });
    owner.dispose();
}

#[test]
fn a_signal_read_twice_in_a_first_run_is_one_dependency_dropped_when_no_longer_read() {
    let owner = Owner::new();
    owner.with(|| {
        let (a, set_a) = signal(1);
        let (gate, set_gate) = signal(true);
        let runs = Counter::default();
        let r = runs.clone();
        Effect::new_isomorphic(move |_| {
            r.hit();
            if gate.get() {
                // Read twice on the first run: one edge, not two.
                a.get();
                a.get();
            }
        });
        assert_eq!(runs.get(), 1);
        set_a.set(2);
        assert_eq!(runs.get(), 2, "one re-run per write, however often it read");
        set_gate.set(false);
        assert_eq!(runs.get(), 3);
        set_a.set(3);
        assert_eq!(runs.get(), 3, "no longer read: no longer a dependency");
    });
    owner.dispose();
}
