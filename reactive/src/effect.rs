//! Effects: where the graph meets the outside world.
//!
//! An [`Effect`] runs a side effect (logging, storage, a DOM call) whenever what it read
//! last time changes. It runs once when created and again after every write that affects
//! it, at the end of the current [`batch`](crate::batch) if one is open; it tracks its
//! reads anew on every run, so a branch it stopped taking no longer re-runs it.
//!
//! A [`RenderEffect`] is the renderer's tool: it runs at once, in place, and re-runs
//! before ordinary effects, keeping the value its last run returned.
//!
//! Effects belong to the browser: with the `effects` feature off (as for server rendering)
//! `Effect::new` does nothing, while [`Effect::new_isomorphic`] still runs everywhere.

use crate::graph;
use crate::runtime::{Compute, Node, NodeKind, NodeRef, NodeState};
use crate::sync::{BoxedFnMut, Lock, MaybeSend, MaybeSync, Shared, ThreadBound};
use crate::traits::Dispose;

/// A function an effect can run: either `FnMut(Option<T>) -> T`, which receives what its
/// previous run returned, or a plain `FnMut()`.
pub trait EffectFunction<T, M> {
    /// Runs the effect body with the previous run's value.
    fn run(&mut self, previous: Option<T>) -> T;
}

/// Marks [`EffectFunction`]s that take the previous value.
#[derive(Debug)]
pub struct WithPrevious;
/// Marks [`EffectFunction`]s that take no argument.
#[derive(Debug)]
pub struct NoArgument;

impl<F: FnMut(Option<T>) -> T, T> EffectFunction<T, WithPrevious> for F {
    fn run(&mut self, previous: Option<T>) -> T {
        self(previous)
    }
}

impl<F: FnMut()> EffectFunction<(), NoArgument> for F {
    fn run(&mut self, _: Option<()>) {
        self()
    }
}

/// The computation stored in an effect's node.
struct EffectCompute {
    body: Lock<BoxedFnMut>,
}

impl Compute for EffectCompute {
    fn run(&self) -> bool {
        (self.body.lock())();
        true
    }
}

/// A side effect that re-runs when what it read changes.
///
/// ```
/// use reactive_graph::prelude::*;
/// # use std::sync::{Arc, Mutex};
/// let (count, set_count) = signal(0);
/// let log = Arc::new(Mutex::new(Vec::new()));
/// let l = log.clone();
/// Effect::new(move |_| l.lock().unwrap().push(count.get()));
/// set_count.set(1);
/// set_count.set(2);
/// assert_eq!(*log.lock().unwrap(), [0, 1, 2]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Effect {
    node: Option<NodeRef>,
}

impl Effect {
    /// Creates an effect that runs now (or at the end of the current batch) and whenever
    /// what it read changes. The function need not be `Send`; the effect then only ever runs
    /// on the thread that created it. Does nothing when the `effects` feature is off.
    #[track_caller]
    pub fn new<T: 'static, M>(body: impl EffectFunction<T, M> + 'static) -> Self {
        if !cfg!(feature = "effects") {
            return Effect { node: None };
        }
        let mut state = ThreadBound::new((body, None::<T>));
        Self::create(
            NodeKind::Effect,
            Box::new(move || {
                let (body, previous) = state.get_mut();
                *previous = Some(body.run(previous.take()));
            }),
        )
    }

    /// Like [`Effect::new`], for a function that may run on any thread (a write on another
    /// thread then runs the effect there). Does nothing when the `effects` feature is off.
    #[track_caller]
    pub fn new_sync<T: MaybeSend + 'static, M>(
        body: impl EffectFunction<T, M> + MaybeSend + MaybeSync + 'static,
    ) -> Self {
        if !cfg!(feature = "effects") {
            return Effect { node: None };
        }
        Self::new_isomorphic(body)
    }

    /// Like [`Effect::new_sync`], but runs whether or not the `effects` feature is on (on
    /// the server too).
    #[track_caller]
    pub fn new_isomorphic<T: MaybeSend + 'static, M>(
        body: impl EffectFunction<T, M> + MaybeSend + MaybeSync + 'static,
    ) -> Self {
        let mut state = (body, None::<T>);
        Self::create(
            NodeKind::Effect,
            Box::new(move || {
                let (body, previous) = &mut state;
                *previous = Some(body.run(previous.take()));
            }),
        )
    }

    /// Runs `callback(&new, previous, previous_result)` whenever `dependencies()` changes,
    /// tracking only what `dependencies` reads. With `immediate`, it also runs at once.
    #[track_caller]
    pub fn watch<D, R>(
        dependencies: impl Fn() -> D + 'static,
        mut callback: impl FnMut(&D, Option<&D>, Option<R>) -> R + 'static,
        immediate: bool,
    ) -> Self
    where
        D: 'static,
        R: 'static,
    {
        let mut previous: Option<D> = None;
        let mut result: Option<R> = None;
        let mut first = true;
        Effect::new(move || {
            let current = dependencies();
            if !first || immediate {
                let r = graph_untrack(|| callback(&current, previous.as_ref(), result.take()));
                result = Some(r);
            }
            first = false;
            previous = Some(current);
        })
    }

    #[track_caller]
    fn create(kind: NodeKind, body: BoxedFnMut) -> Self {
        let mut node = Node::new(kind, None);
        node.state = NodeState::Dirty;
        node.queued = true;
        node.compute = Some(Shared::new(EffectCompute {
            body: Lock::new(body),
        }));
        let node = graph::create_node(node);
        if let Some(runtime) = node.runtime() {
            runtime.state.lock().effect_queue.push_back(node.id);
            graph::flush(&runtime);
        }
        Effect { node: Some(node) }
    }

    /// Stops the effect and frees what it owns.
    pub fn stop(self) {
        self.dispose();
    }
}

fn graph_untrack<T>(f: impl FnOnce() -> T) -> T {
    graph::untrack(f)
}

impl Dispose for Effect {
    fn dispose(self) {
        if let Some(node) = self.node {
            crate::handle::dispose_node(&node);
        }
    }
}

/// An effect for the renderer: runs at once, in place, re-runs before ordinary effects,
/// keeps the value its last run returned, and stops when dropped.
///
/// ```
/// use reactive_graph::prelude::*;
/// let (name, set_name) = signal("Ada");
/// let mut effect = RenderEffect::new(move |_| name.get().len());
/// assert_eq!(effect.with_value_mut(|len| *len), Some(3));
/// set_name.set("Grace");
/// assert_eq!(effect.with_value_mut(|len| *len), Some(5));
/// ```
pub struct RenderEffect<T> {
    node: NodeRef,
    value: Shared<Lock<ThreadBound<Option<T>>>>,
}

impl<T> std::fmt::Debug for RenderEffect<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RenderEffect")
            .field("node", &self.node)
            .finish_non_exhaustive()
    }
}

impl<T: 'static> RenderEffect<T> {
    /// Creates a render effect and runs it now.
    #[track_caller]
    pub fn new(body: impl FnMut(Option<T>) -> T + 'static) -> Self {
        Self::new_with_value(body, None)
    }

    /// Creates a render effect whose first run receives `initial`, and runs it now.
    #[track_caller]
    pub fn new_with_value(body: impl FnMut(Option<T>) -> T + 'static, initial: Option<T>) -> Self {
        let value = Shared::new(Lock::new(ThreadBound::new(initial)));
        let mut body = ThreadBound::new(body);
        let slot = value.clone();
        let run: BoxedFnMut = Box::new(move || {
            let previous = slot.lock().get_mut().take();
            let next = (body.get_mut())(previous);
            *slot.lock().get_mut() = Some(next);
        });
        RenderEffect {
            node: start_render_effect(run),
            value,
        }
    }

    /// Calls `f` with the value the last run returned (`None` while none is stored).
    pub fn with_value_mut<U>(&mut self, f: impl FnOnce(&mut T) -> U) -> Option<U> {
        self.value.lock().get_mut().as_mut().map(f)
    }

    /// Takes the value the last run returned out of the effect.
    pub fn take_value(&mut self) -> Option<T> {
        self.value.lock().get_mut().take()
    }
}

/// The part of creating a render effect that does not depend on its value's type: its node,
/// run once now. One copy in the binary instead of one per effect body.
#[track_caller]
#[inline(never)]
fn start_render_effect(run: BoxedFnMut) -> NodeRef {
    let mut node = Node::new(NodeKind::RenderEffect, None);
    node.compute = Some(Shared::new(EffectCompute {
        body: Lock::new(run),
    }));
    let node = graph::create_node(node);
    if let Some(runtime) = node.runtime() {
        graph::run_computation(&runtime, node.id);
    }
    node
}

impl<T> Drop for RenderEffect<T> {
    fn drop(&mut self) {
        crate::handle::dispose_node(&self.node);
    }
}
