//! Peer benchmarks: our `reactive_graph` (`ours`, ../../reactive) against Leptos 0.8's
//! `reactive_graph` 0.2.16 from crates.io (`anchor`), side by side.
//!
//! Each workload is one criterion group with two functions, `ours` and `anchor`, so criterion
//! prints them together and stores them under `target/criterion/<workload>/<ours|anchor>/`.
//!
//! Every timed iteration checks (cheaply, with a couple of atomic loads) that the effects
//! really ran the expected number of times and saw the expected final value, so a graph that
//! silently does nothing cannot pass as fast.
//!
//! # How the anchor's effects are run
//!
//! Anchor 0.2.16 has three kinds of effect, and they differ in how they are scheduled:
//!
//! * `Effect::new` runs nothing at creation: it spawns a task with
//!   `any_spawner::Executor::spawn_local` whose first run, and every re-run, happens when the
//!   executor polls it.
//! * `RenderEffect::new` runs its function synchronously at creation; re-runs go through a task
//!   spawned with `Executor::spawn_local`, woken by a write, exactly like `Effect`.
//! * `ImmediateEffect::new` runs synchronously at creation and synchronously inside every write
//!   (no executor); `reactive_graph::effect::batch` defers those runs to the end of the batch.
//!   Its closure must be `Send + Sync`.
//!
//! For the executor we use `any_spawner::Executor::init_futures_executor()`: `spawn_local` goes
//! to a thread-local `futures::executor::LocalPool`, and `Executor::poll_local()` runs
//! `LocalPool::run_until_stalled()`, i.e. it runs every woken effect task on this thread, right
//! now, until nothing is left to do. That is deterministic (no threads, no timers) and cheap:
//! only the tasks that were woken are polled. `settle()` below is that call; it is inside the
//! timed part, after every write, because the anchor's work is not done until it returns.
//!
//! CHOSEN: for each workload, the anchor's fastest kind of effect that passes the checks
//! (measured here with `ANCHOR_EFFECT=render|effect|immediate`, numbers in README.md):
//!
//! * `create_dispose_1000_signals_with_effect`: `ImmediateEffect` (~30% faster than
//!   `RenderEffect` here: no task, no channel; it runs once at creation and is dropped at
//!   dispose).
//! * every other workload: `RenderEffect` + futures `LocalPool`.
//!   - `RenderEffect` is as fast as or faster than `Effect` everywhere (same re-run machinery,
//!     but no executor round-trip for the first run); it is also what Leptos itself uses for
//!     every DOM update.
//!   - `ImmediateEffect` is not a usable peer on these: on `memo_chain_1000` it overflows the
//!     main thread's 8 MiB stack (the re-run recurses through the whole chain inside the
//!     write); on `diamond_1_1000_1` the effect runs 1,001 times per write and sees glitched
//!     intermediate sums (it re-runs as soon as each of the 1,000 memos is marked); on
//!     `one_signal_1000_effects` and `batch_10000_writes` it is slower than `RenderEffect`.
//! * Executor: the effect tasks' polling is not the anchor's bottleneck: in
//!   `one_signal_1000_effects`, `ImmediateEffect` (no executor at all) is no faster than
//!   `RenderEffect` + `LocalPool`, so a hand-written executor would not change the picture.
//!
//! `ANCHOR_EFFECT=render|effect|immediate` forces one kind for every workload; results for a
//! kind that is not the workload's chosen one are stored as `anchor-<kind>`, never as
//! `anchor`.
//!
//! # `batch` in the anchor
//!
//! Anchor 0.2.16 does have a `batch` (`reactive_graph::effect::batch`), but it only defers
//! `ImmediateEffect`s. Executor-scheduled effects (`Effect`, `RenderEffect`) are already
//! deferred: a write only marks them dirty and wakes their task; they run when the executor
//! polls. So the anchor's honest equivalent of `batch(|| 10_000 writes)` with a `RenderEffect`
//! is "10,000 writes, then one `settle()`", and the effect runs once. With
//! `ANCHOR_EFFECT=immediate` the writes are wrapped in `reactive_graph::effect::batch`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::sync::{
    atomic::{AtomicUsize, Ordering::Relaxed},
    Arc,
};
use std::time::Duration;

/// Width/length of the graphs.
const N: usize = 1_000;
/// Writes inside one batch in `batch_10000_writes`.
const WRITES: usize = 10_000;

/// A counter shared with effect closures (`Send + Sync`, so it fits every effect kind of both
/// crates; both sides use the same one).
#[derive(Clone, Default)]
struct Counter(Arc<AtomicUsize>);

impl Counter {
    #[inline]
    fn add(&self, n: usize) {
        self.0.fetch_add(n, Relaxed);
    }
    #[inline]
    fn store(&self, n: usize) {
        self.0.store(n, Relaxed);
    }
    #[inline]
    fn get(&self) -> usize {
        self.0.load(Relaxed)
    }
}

/// Expected value of the diamond's sum for head value `k`: Σ (k + i) for i in 0..N.
fn diamond_sum(k: usize) -> usize {
    N * k + N * (N - 1) / 2
}

// ---------------------------------------------------------------------------------------------
// ours
// ---------------------------------------------------------------------------------------------

#[cfg(feature = "ours")]
mod ours_side {
    use super::*;
    use ours::prelude::*;

    /// 1,000 signals, each with one effect that reads it, in an owner; then dispose the owner.
    pub fn create_dispose(runs: &Counter) {
        let before = runs.get();
        let owner = Owner::new();
        owner.with(|| {
            for i in 0..N {
                let s = RwSignal::new(i);
                let runs = runs.clone();
                Effect::new(move |_| {
                    black_box(s.get());
                    runs.add(1);
                });
            }
        });
        assert_eq!(runs.get() - before, N, "ours: every effect runs once");
        owner.dispose();
    }

    pub struct Graph {
        pub owner: Owner,
        pub head: RwSignal<usize>,
        /// Number of runs of the effect(s) at the end.
        pub runs: Counter,
        /// Last value seen by the effect at the end (or the sum of the values seen).
        pub seen: Counter,
    }

    pub fn memo_chain() -> Graph {
        let owner = Owner::new();
        let (runs, seen) = (Counter::default(), Counter::default());
        let head = owner.with(|| {
            let head = RwSignal::new(0usize);
            let mut last = Memo::new(move |_| head.get() + 1);
            for _ in 1..N {
                let prev = last;
                last = Memo::new(move |_| prev.get() + 1);
            }
            let (runs, seen) = (runs.clone(), seen.clone());
            Effect::new(move |_| {
                seen.store(last.get());
                runs.add(1);
            });
            head
        });
        Graph {
            owner,
            head,
            runs,
            seen,
        }
    }

    pub fn fan_out() -> Graph {
        let owner = Owner::new();
        let (runs, seen) = (Counter::default(), Counter::default());
        let head = owner.with(|| {
            let head = RwSignal::new(0usize);
            for _ in 0..N {
                let (runs, seen) = (runs.clone(), seen.clone());
                Effect::new(move |_| {
                    seen.add(head.get());
                    runs.add(1);
                });
            }
            head
        });
        Graph {
            owner,
            head,
            runs,
            seen,
        }
    }

    pub fn diamond() -> Graph {
        let owner = Owner::new();
        let (runs, seen) = (Counter::default(), Counter::default());
        let head = owner.with(|| {
            let head = RwSignal::new(0usize);
            let memos: Vec<Memo<usize>> =
                (0..N).map(|i| Memo::new(move |_| head.get() + i)).collect();
            let sum = Memo::new(move |_| memos.iter().map(|m| m.get()).sum::<usize>());
            let (runs, seen) = (runs.clone(), seen.clone());
            Effect::new(move |_| {
                seen.store(sum.get());
                runs.add(1);
            });
            head
        });
        Graph {
            owner,
            head,
            runs,
            seen,
        }
    }

    pub fn single() -> Graph {
        let owner = Owner::new();
        let (runs, seen) = (Counter::default(), Counter::default());
        let head = owner.with(|| {
            let head = RwSignal::new(0usize);
            let (runs, seen) = (runs.clone(), seen.clone());
            Effect::new(move |_| {
                seen.store(head.get());
                runs.add(1);
            });
            head
        });
        Graph {
            owner,
            head,
            runs,
            seen,
        }
    }

    impl Graph {
        #[inline]
        pub fn write(&self, v: usize) {
            self.head.set(v);
        }
        #[inline]
        pub fn write_batch(&self, base: usize) {
            batch(|| {
                for i in 1..=WRITES {
                    self.head.set(base + i);
                }
            });
        }
        pub fn dispose(self) {
            self.owner.dispose();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// anchor: reactive_graph 0.2.16
// ---------------------------------------------------------------------------------------------

mod anchor_side {
    use super::*;
    use anchor::computed::Memo;
    use anchor::effect::{Effect, ImmediateEffect, RenderEffect};
    use anchor::owner::Owner;
    use anchor::prelude::*;
    use anchor::signal::RwSignal;
    use any_spawner::Executor;
    use std::sync::OnceLock;

    /// Which of the anchor's effects to use. See the top of this file.
    #[derive(Clone, Copy, PartialEq, Eq, Debug)]
    pub enum Kind {
        /// `RenderEffect::new` + `futures` `LocalPool`.
        Render,
        /// `Effect::new` + `futures` `LocalPool`.
        Effect,
        /// `ImmediateEffect::new`, no executor.
        Immediate,
    }

    /// `ANCHOR_EFFECT=render|effect|immediate` forces one kind for every workload.
    fn forced() -> Option<Kind> {
        static FORCED: OnceLock<Option<Kind>> = OnceLock::new();
        *FORCED.get_or_init(|| match std::env::var("ANCHOR_EFFECT").as_deref() {
            Err(_) | Ok("") => None,
            Ok("render") => Some(Kind::Render),
            Ok("effect") => Some(Kind::Effect),
            Ok("immediate") => Some(Kind::Immediate),
            Ok(other) => panic!("ANCHOR_EFFECT={other}: expected render, effect or immediate"),
        })
    }

    /// The kind to use for a workload whose fastest honest kind is `best`, and the benchmark
    /// id to store it under: `anchor` only for `best` itself.
    pub fn kind(best: Kind) -> (Kind, &'static str) {
        match forced() {
            None => (best, "anchor"),
            Some(k) if k == best => (k, "anchor"),
            Some(Kind::Render) => (Kind::Render, "anchor-render"),
            Some(Kind::Effect) => (Kind::Effect, "anchor-effect"),
            Some(Kind::Immediate) => (Kind::Immediate, "anchor-immediate"),
        }
    }

    pub fn init() {
        // Once per process; a second call only says "already set".
        let _ = Executor::init_futures_executor();
    }

    /// Runs every effect task that a write (or a creation) woke, until the executor is idle.
    #[inline]
    pub fn settle(kind: Kind) {
        if kind != Kind::Immediate {
            Executor::poll_local();
        }
    }

    /// `RenderEffect`s and `ImmediateEffect`s are not owned by the arena: they live as long as
    /// their handle, so they are kept here. `Effect`s are owned by the current `Owner`.
    pub struct Effects {
        kind: Kind,
        render: Vec<RenderEffect<()>>,
        immediate: Vec<ImmediateEffect>,
    }

    impl Effects {
        pub fn new(kind: Kind) -> Self {
            Self {
                kind,
                render: Vec::new(),
                immediate: Vec::new(),
            }
        }

        #[inline]
        pub fn add(&mut self, f: impl Fn() + Send + Sync + 'static) {
            match self.kind {
                Kind::Render => self.render.push(RenderEffect::new(move |_| f())),
                Kind::Effect => {
                    Effect::new(f);
                }
                Kind::Immediate => self.immediate.push(ImmediateEffect::new(f)),
            }
        }
    }

    pub fn create_dispose(kind: Kind, runs: &Counter) {
        let before = runs.get();
        let owner = Owner::new();
        let mut effects = Effects::new(kind);
        owner.with(|| {
            for i in 0..N {
                let s = RwSignal::new(i);
                let runs = runs.clone();
                effects.add(move || {
                    black_box(s.get());
                    runs.add(1);
                });
            }
        });
        settle(kind); // `Effect`: the first runs happen here
        assert_eq!(runs.get() - before, N, "anchor: every effect runs once");
        owner.cleanup();
        drop(effects);
        drop(owner);
        settle(kind); // lets the effect tasks see their end and drop what they hold
    }

    pub struct Graph {
        pub owner: Owner,
        pub head: RwSignal<usize>,
        pub runs: Counter,
        pub seen: Counter,
        kind: Kind,
        effects: Effects,
    }

    fn build(
        kind: Kind,
        f: impl FnOnce(&mut Effects, &Counter, &Counter) -> RwSignal<usize>,
    ) -> Graph {
        let owner = Owner::new();
        let (runs, seen) = (Counter::default(), Counter::default());
        let mut effects = Effects::new(kind);
        let head = owner.with(|| f(&mut effects, &runs, &seen));
        settle(kind);
        Graph {
            owner,
            head,
            runs,
            seen,
            kind,
            effects,
        }
    }

    pub fn memo_chain(kind: Kind) -> Graph {
        build(kind, |effects, runs, seen| {
            let head = RwSignal::new(0usize);
            let mut last = Memo::new(move |_| head.get() + 1);
            for _ in 1..N {
                let prev = last;
                last = Memo::new(move |_| prev.get() + 1);
            }
            let (runs, seen) = (runs.clone(), seen.clone());
            effects.add(move || {
                seen.store(last.get());
                runs.add(1);
            });
            head
        })
    }

    pub fn fan_out(kind: Kind) -> Graph {
        build(kind, |effects, runs, seen| {
            let head = RwSignal::new(0usize);
            for _ in 0..N {
                let (runs, seen) = (runs.clone(), seen.clone());
                effects.add(move || {
                    seen.add(head.get());
                    runs.add(1);
                });
            }
            head
        })
    }

    pub fn diamond(kind: Kind) -> Graph {
        build(kind, |effects, runs, seen| {
            let head = RwSignal::new(0usize);
            let memos: Vec<Memo<usize>> =
                (0..N).map(|i| Memo::new(move |_| head.get() + i)).collect();
            let sum = Memo::new(move |_| memos.iter().map(|m| m.get()).sum::<usize>());
            let (runs, seen) = (runs.clone(), seen.clone());
            effects.add(move || {
                seen.store(sum.get());
                runs.add(1);
            });
            head
        })
    }

    pub fn single(kind: Kind) -> Graph {
        build(kind, |effects, runs, seen| {
            let head = RwSignal::new(0usize);
            let (runs, seen) = (runs.clone(), seen.clone());
            effects.add(move || {
                seen.store(head.get());
                runs.add(1);
            });
            head
        })
    }

    impl Graph {
        /// One write, then let the effects run.
        #[inline]
        pub fn write(&self, v: usize) {
            self.head.set(v);
            settle(self.kind);
        }
        /// `WRITES` writes, effects deferred to the end (see "`batch` in the anchor" above).
        #[inline]
        pub fn write_batch(&self, base: usize) {
            let writes = || {
                for i in 1..=WRITES {
                    self.head.set(base + i);
                }
            };
            match self.kind {
                Kind::Immediate => anchor::effect::batch(writes),
                Kind::Render | Kind::Effect => writes(),
            }
            settle(self.kind);
        }
        pub fn dispose(self) {
            self.owner.cleanup();
            drop(self.effects);
            drop(self.owner);
            settle(self.kind);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The workloads. The `ours` and `anchor` graphs have the same public shape, so each workload
// is written once, as a macro over the side's module.
// ---------------------------------------------------------------------------------------------

/// `create_dispose_1000_signals_with_effect`
macro_rules! create_dispose {
    ($group:expr, $id:expr, $run:expr) => {{
        let runs = Counter::default();
        let run = $run;
        $group.bench_function($id, |b| b.iter(|| run(&runs)));
    }};
}

/// `memo_chain_1000`: one write at the head, propagated through 1,000 memos to one effect.
macro_rules! memo_chain {
    ($group:expr, $id:expr, $graph:expr) => {{
        let g = $graph;
        assert_eq!((g.runs.get(), g.seen.get()), (1, N), "initial run");
        let mut k = 0usize;
        $group.bench_function($id, |b| {
            b.iter(|| {
                k += 1;
                let runs = g.runs.get();
                g.write(k);
                assert_eq!(g.runs.get(), runs + 1, "the effect runs once per write");
                assert_eq!(g.seen.get(), k + N, "the effect sees the end of the chain");
            })
        });
        g.dispose();
    }};
}

/// `one_signal_1000_effects`: one write, 1,000 effects run.
macro_rules! fan_out {
    ($group:expr, $id:expr, $graph:expr) => {{
        let g = $graph;
        assert_eq!((g.runs.get(), g.seen.get()), (N, 0), "initial runs");
        let mut k = 0usize;
        $group.bench_function($id, |b| {
            b.iter(|| {
                k += 1;
                let (runs, seen) = (g.runs.get(), g.seen.get());
                g.write(k);
                assert_eq!(g.runs.get(), runs + N, "all effects run once per write");
                assert_eq!(g.seen.get(), seen + N * k, "all effects see the new value");
            })
        });
        g.dispose();
    }};
}

/// `diamond_1_1000_1`: one write, 1,000 memos, one sum memo, one effect.
macro_rules! diamond {
    ($group:expr, $id:expr, $graph:expr) => {{
        let g = $graph;
        assert_eq!(
            (g.runs.get(), g.seen.get()),
            (1, diamond_sum(0)),
            "initial run"
        );
        let mut k = 0usize;
        $group.bench_function($id, |b| {
            b.iter(|| {
                k += 1;
                let runs = g.runs.get();
                g.write(k);
                assert_eq!(g.runs.get(), runs + 1, "the effect runs once per write");
                assert_eq!(g.seen.get(), diamond_sum(k), "the effect sees the new sum");
            })
        });
        g.dispose();
    }};
}

/// `batch_10000_writes`: 10,000 writes in one batch; the effect runs once, at the end.
macro_rules! batch_writes {
    ($group:expr, $id:expr, $graph:expr) => {{
        let g = $graph;
        assert_eq!((g.runs.get(), g.seen.get()), (1, 0), "initial run");
        let mut base = 0usize;
        $group.bench_function($id, |b| {
            b.iter(|| {
                let runs = g.runs.get();
                g.write_batch(base);
                base += WRITES;
                assert_eq!(g.runs.get(), runs + 1, "the effect runs once per batch");
                assert_eq!(g.seen.get(), base, "the effect sees the last write");
            })
        });
        g.dispose();
    }};
}

/// One group per workload: `ours`, then `anchor` with the anchor's fastest honest effect kind
/// for that workload (`$best`, unless `ANCHOR_EFFECT` forces another one).
macro_rules! workload {
    ($c:expr, $name:literal, $mac:ident, ours: $ours:expr, anchor($best:expr): |$k:ident| $anchor:expr) => {{
        let mut group = $c.benchmark_group($name);
        #[cfg(feature = "ours")]
        $mac!(group, "ours", $ours);
        let ($k, id) = anchor_side::kind($best);
        $mac!(group, id, $anchor);
        group.finish();
    }};
}

fn benches(c: &mut Criterion) {
    use anchor_side::Kind;
    anchor_side::init();
    // The anchor's kind per workload is its fastest honest one (see the top of this file and
    // README.md): `ImmediateEffect` where it is correct and fastest (creation), `RenderEffect`
    // elsewhere.
    workload!(c, "create_dispose_1000_signals_with_effect", create_dispose,
        ours: ours_side::create_dispose,
        anchor(Kind::Immediate): |k| move |runs: &Counter| anchor_side::create_dispose(k, runs));
    workload!(c, "memo_chain_1000", memo_chain,
        ours: ours_side::memo_chain(),
        anchor(Kind::Render): |k| anchor_side::memo_chain(k));
    workload!(c, "one_signal_1000_effects", fan_out,
        ours: ours_side::fan_out(),
        anchor(Kind::Render): |k| anchor_side::fan_out(k));
    workload!(c, "diamond_1_1000_1", diamond,
        ours: ours_side::diamond(),
        anchor(Kind::Render): |k| anchor_side::diamond(k));
    workload!(c, "batch_10000_writes", batch_writes,
        ours: ours_side::single(),
        anchor(Kind::Render): |k| anchor_side::single(k));
}

fn config() -> Criterion {
    // Modest defaults so the whole suite runs in a few minutes; the command line
    // (`--warm-up-time`, `--measurement-time`, `--sample-size`) still overrides them.
    Criterion::default()
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(5))
        .sample_size(100)
}

criterion_group! {
    name = reactive;
    config = config();
    targets = benches
}
criterion_main!(reactive);
