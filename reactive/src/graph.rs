//! The algorithms of the graph: tracking reads, marking on writes, pulling updates,
//! flushing effects, batching and disposing.
//!
//! Updates are push-pull. A write marks its direct subscribers [`Dirty`](NodeState::Dirty)
//! and everything further down [`Check`](NodeState::Check), queueing the effects it
//! reaches; nothing runs yet. Then the queued effects are pulled: a node in `Check` first
//! brings its sources up to date and re-runs only if one of them really changed. A memo
//! whose new value equals the old one does not dirty its subscribers, so propagation stops
//! there, and no computation ever observes a half-updated ("glitched") graph.
//!
//! The runtime's lock is only held for bookkeeping; user code (computations, cleanups,
//! value destructors) always runs with the lock released.

use crate::owner::Owner;
use crate::runtime::{Cleanup, Node, NodeId, NodeKind, NodeRef, NodeState, Runtime};
use crate::sync::{AnyShared, Shared};
use std::cell::{Cell, RefCell};
use std::panic::Location;

/// The computation currently recording what it reads.
struct Tracking {
    runtime: crate::runtime::RuntimeId,
    node: NodeId,
    /// How many of the node's previous sources were read again, in the same order.
    index: usize,
    /// Sources read that did not match the previous order.
    new_sources: Vec<NodeId>,
}

thread_local! {
    /// The stack of observers; `None` entries are `untrack` scopes.
    static OBSERVERS: RefCell<Vec<Option<Tracking>>> = const { RefCell::new(Vec::new()) };
    static BATCH_DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Runtimes written to during the current batch, to flush when it ends.
    static BATCHED: RefCell<Vec<Shared<Runtime>>> = const { RefCell::new(Vec::new()) };
}

// ---- creating nodes -------------------------------------------------------------------

/// Creates a node owned by the current owner (or unowned, in the default runtime).
#[track_caller]
pub(crate) fn create_node(node: Node) -> NodeRef {
    create_node_in(node, Ownership::Owned)
}

/// Whether a new node belongs to the current owner (and is disposed with it), or only to
/// the handles that share it (the `Arc` handles, which dispose it when the last is dropped).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ownership {
    Owned,
    Shared,
}

/// Puts `node` into the current owner's graph; with [`Ownership::Shared`], no owner holds it.
///
/// Takes a finished [`Node`] (its `parent` is filled in here) rather than a closure, so
/// this function exists once in the binary, not once per kind of node.
#[track_caller]
pub(crate) fn create_node_in(mut node: Node, ownership: Ownership) -> NodeRef {
    let defined_at = Location::caller();
    Owner::with_current_parts(|runtime, parent| {
        let parent = parent.filter(|_| ownership == Ownership::Owned);
        node.parent = parent;
        let mut state = runtime.state.lock();
        let id = state.nodes.insert(node);
        if let Some(parent) = parent {
            if let Some(parent) = state.nodes.get_mut(parent) {
                let owned = &mut parent.owner_data.get_or_insert_with(Default::default).owned;
                #[cfg(not(target_arch = "wasm32"))]
                if owned.capacity() == 0 {
                    owned.reserve_exact(FIRST_OWNED_CAPACITY);
                }
                owned.push(id);
            }
        }
        NodeRef::new(runtime.id, id, defined_at)
    })
}

/// Room for the first nodes an owner owns, on the server, where each request builds a
/// page's graph and drops it: room for eight saves the list's regrowth in the owners that
/// hold a component's few signals and memos. (In the browser, where a list's rows each own
/// one or two nodes, the list grows as `Vec` does, from four.)
#[cfg(not(target_arch = "wasm32"))]
const FIRST_OWNED_CAPACITY: usize = 8;

// ---- reading and writing values -------------------------------------------------------

/// Takes the node's value out (tracking the read if asked); `None` if disposed.
pub(crate) fn node_value(node: &NodeRef, track: bool) -> Option<(Shared<Runtime>, AnyShared)> {
    let runtime = node.runtime()?;
    let value = {
        let mut state = runtime.state.lock();
        let value = state.nodes.get(node.id)?.value.clone()?;
        if track {
            record_read(&runtime, &mut state, node.id);
        }
        value
    };
    Some((runtime, value))
}

/// The node's computation (which holds a memo's value); `None` if disposed.
pub(crate) fn node_compute(node: &NodeRef) -> Option<Shared<dyn crate::runtime::Compute>> {
    let runtime = node.runtime()?;
    let state = runtime.state.lock();
    state.nodes.get(node.id)?.compute.clone()
}

/// Records that the current observer (if any, and in the same graph) read `source`.
fn record_read(runtime: &Runtime, state: &mut crate::runtime::GraphState, source: NodeId) {
    OBSERVERS.with(|observers| {
        let mut observers = observers.borrow_mut();
        let Some(Some(tracking)) = observers.last_mut() else {
            return;
        };
        if tracking.runtime != runtime.id || tracking.node == source {
            return;
        }
        let Some(observer) = state.nodes.get(tracking.node) else {
            return;
        };
        if observer.sources.get(tracking.index) == Some(&source) {
            tracking.index += 1;
        } else {
            tracking.new_sources.push(source);
        }
    });
}

/// Tracks a read of `node` without reading any value (`Track::track`, triggers).
pub(crate) fn track_node(node: &NodeRef) -> bool {
    let Some(runtime) = node.runtime() else {
        return false;
    };
    let mut state = runtime.state.lock();
    if !state.nodes.contains_key(node.id) {
        return false;
    }
    record_read(&runtime, &mut state, node.id);
    true
}

/// Marks everything that depends on `node` as stale and runs the effects that need it
/// (now, or at the end of the current batch). Returns `false` if the node was disposed.
pub(crate) fn notify_node(node: &NodeRef) -> bool {
    let Some(runtime) = node.runtime() else {
        return false;
    };
    {
        let mut state = runtime.state.lock();
        if !state.nodes.contains_key(node.id) {
            return false;
        }
        mark_subscribers(&mut state, node.id, NodeState::Dirty);
    }
    flush(&runtime);
    true
}

/// Marks the direct subscribers of `source` with `direct` and their dependents `Check`,
/// queueing every effect reached.
fn mark_subscribers(state: &mut crate::runtime::GraphState, source: NodeId, direct: NodeState) {
    let mut work: Vec<(NodeId, NodeState)> = match state.nodes.get(source) {
        Some(node) => node.subscribers.iter().map(|&s| (s, direct)).collect(),
        None => return,
    };
    while let Some((id, new_state)) = work.pop() {
        let Some(node) = state.nodes.get_mut(id) else {
            continue;
        };
        if node.state >= new_state {
            continue;
        }
        let was_clean = node.state == NodeState::Clean;
        node.state = new_state;
        if node.kind.is_effect() && !node.queued {
            node.queued = true;
            if node.kind == NodeKind::RenderEffect {
                state.render_queue.push_back(id);
            } else {
                state.effect_queue.push_back(id);
            }
        }
        if was_clean {
            let node = &state.nodes[id];
            work.extend(node.subscribers.iter().map(|&s| (s, NodeState::Check)));
        }
    }
}

/// A memo recomputed to a new value: its subscribers still waiting in `Check` must re-run.
///
/// Nothing is queued: when the memo went stale, the write that made it so already marked
/// its subscribers `Check` and queued the effects among them. A subscriber that is `Clean`
/// is the computation reading the memo right now, and it gets the new value.
fn mark_memo_changed(state: &mut crate::runtime::GraphState, memo: NodeId) {
    let Some(node) = state.nodes.get(memo) else {
        return;
    };
    for index in 0..node.subscribers.len() {
        let subscriber = state.nodes[memo].subscribers[index];
        if let Some(subscriber) = state.nodes.get_mut(subscriber) {
            if subscriber.state == NodeState::Check {
                subscriber.state = NodeState::Dirty;
            }
        }
    }
}

// ---- pulling updates ------------------------------------------------------------------

/// Brings a computation up to date: re-runs it if a source really changed.
pub(crate) fn update_if_necessary(runtime: &Shared<Runtime>, id: NodeId) {
    let state = match runtime.state.lock().nodes.get(id) {
        Some(node) => node.state,
        None => return,
    };
    if state == NodeState::Clean {
        return;
    }
    if state == NodeState::Check {
        let mut index = 0;
        loop {
            let stale_source = {
                let graph = runtime.state.lock();
                let Some(node) = graph.nodes.get(id) else {
                    return;
                };
                if node.state == NodeState::Dirty {
                    break;
                }
                let Some(&source) = node.sources.get(index) else {
                    break;
                };
                graph
                    .nodes
                    .get(source)
                    .filter(|s| s.kind == NodeKind::Memo && s.state != NodeState::Clean)
                    .map(|_| source)
            };
            if let Some(source) = stale_source {
                update_if_necessary(runtime, source);
            }
            index += 1;
        }
    }
    let dirty = {
        let mut graph = runtime.state.lock();
        let Some(node) = graph.nodes.get_mut(id) else {
            return;
        };
        let dirty = node.state == NodeState::Dirty;
        node.state = NodeState::Clean;
        dirty
    };
    if dirty {
        // A run that panics leaves the node dirty, so the next read runs it again instead of
        // keeping a value its inputs no longer give.
        let restore = DirtyOnPanic { runtime, id };
        run_computation(runtime, id);
        std::mem::forget(restore);
    }
}

/// Marks a node dirty again if dropped while its run panics.
struct DirtyOnPanic<'a> {
    runtime: &'a Shared<Runtime>,
    id: NodeId,
}

impl Drop for DirtyOnPanic<'_> {
    fn drop(&mut self) {
        if let Some(node) = self.runtime.state.lock().nodes.get_mut(self.id) {
            node.state = NodeState::Dirty;
        }
    }
}

/// Runs a memo or effect: disposes what its previous run created, runs it while tracking
/// what it reads, and updates its sources. A memo whose value changed dirties its
/// subscribers.
pub(crate) fn run_computation(runtime: &Shared<Runtime>, id: NodeId) {
    dispose_owned(runtime, id, false);
    let (compute, kind) = {
        let graph = runtime.state.lock();
        let Some(node) = graph.nodes.get(id) else {
            return;
        };
        match &node.compute {
            Some(compute) => (compute.clone(), node.kind),
            None => return,
        }
    };
    {
        let observer = ObserverScope::enter(Some(Tracking {
            runtime: runtime.id,
            node: id,
            index: 0,
            new_sources: Vec::new(),
        }));
        let owner = Owner::from_parts(runtime.clone(), id);
        let changed = owner.with(|| compute.run());
        let tracking = observer.finish();
        let mut graph = runtime.state.lock();
        if let Some(tracking) = tracking {
            update_sources(&mut graph, tracking);
        }
        if changed && kind == NodeKind::Memo {
            mark_memo_changed(&mut graph, id);
        }
    }
}

/// Replaces a computation's sources with what its last run read, keeping both directions
/// of every edge in step.
fn update_sources(graph: &mut crate::runtime::GraphState, tracking: Tracking) {
    let id = tracking.node;
    let Some(node) = graph.nodes.get_mut(id) else {
        return;
    };
    if tracking.new_sources.is_empty() && tracking.index == node.sources.len() {
        return; // the same sources, read in the same order: nothing to change
    }
    let mut sources = std::mem::take(&mut node.sources);
    // (`split_off(0)` would allocate a new buffer of the old capacity for nothing.)
    let removed = if tracking.index == 0 {
        std::mem::take(&mut sources)
    } else {
        sources.split_off(tracking.index)
    };
    // Set membership by marks: sources kept get `kept`, old sources being dropped get `old`.
    graph.epoch = graph.epoch.wrapping_add(2);
    let (kept, old) = (graph.epoch, graph.epoch.wrapping_add(1));
    for &source in &removed {
        if let Some(node) = graph.nodes.get_mut(source) {
            node.mark = old;
        }
    }
    for &source in &sources {
        if let Some(node) = graph.nodes.get_mut(source) {
            node.mark = kept;
        }
    }
    // The new sources, each once, compacted in place in the list the run read into.
    let mut new_sources = tracking.new_sources;
    let mut len = 0;
    for at in 0..new_sources.len() {
        let source = new_sources[at];
        let Some(node) = graph.nodes.get_mut(source) else {
            continue;
        };
        if node.mark == kept {
            continue; // read twice in this run
        }
        let was_read = node.mark == old;
        node.mark = kept;
        if !was_read {
            node.subscribers.push(id);
        }
        new_sources[len] = source;
        len += 1;
    }
    new_sources.truncate(len);
    if sources.is_empty() {
        // A first run (or one that kept none of the old order): that list becomes the
        // node's own, no copy.
        sources = new_sources;
    } else {
        sources.append(&mut new_sources);
    }
    for source in removed {
        if let Some(node) = graph.nodes.get_mut(source) {
            if node.mark != kept {
                if let Some(at) = node.subscribers.iter().position(|&s| s == id) {
                    node.subscribers.swap_remove(at);
                }
            }
        }
    }
    graph.nodes[id].sources = sources;
}

/// Pushes an observer for the duration of a computation; pops it even if the computation
/// panics, so one failed request cannot corrupt the thread for the next.
struct ObserverScope {
    finished: bool,
}

impl ObserverScope {
    fn enter(observer: Option<Tracking>) -> Self {
        OBSERVERS.with(|o| o.borrow_mut().push(observer));
        ObserverScope { finished: false }
    }

    fn finish(mut self) -> Option<Tracking> {
        self.finished = true;
        OBSERVERS.with(|o| o.borrow_mut().pop()).flatten()
    }
}

impl Drop for ObserverScope {
    fn drop(&mut self) {
        if !self.finished {
            OBSERVERS.with(|o| o.borrow_mut().pop());
        }
    }
}

/// Runs `f` without tracking what it reads: the current computation will not re-run when
/// those values change.
///
/// ```
/// use reactive_graph::prelude::*;
/// # use std::sync::{Arc, atomic::{AtomicUsize, Ordering}};
/// let (a, set_a) = signal(1);
/// let (b, set_b) = signal(10);
/// let runs = Arc::new(AtomicUsize::new(0));
/// let r = runs.clone();
/// Effect::new(move |_| {
///     a.get();
///     untrack(|| b.get());
///     r.fetch_add(1, Ordering::Relaxed);
/// });
/// set_b.set(11); // not tracked: no re-run
/// set_a.set(2); // tracked: re-runs
/// assert_eq!(runs.load(Ordering::Relaxed), 2);
/// ```
pub fn untrack<T>(f: impl FnOnce() -> T) -> T {
    // Nothing is tracking (a component run on the server, say): reads are untracked already.
    if !OBSERVERS.with(|o| matches!(o.borrow().last(), Some(Some(_)))) {
        return f();
    }
    let scope = ObserverScope::enter(None);
    let value = f();
    scope.finish();
    value
}

// ---- effects and batches --------------------------------------------------------------

/// Runs the queued effects of a runtime, render effects first, unless a batch is open (then
/// they run when it closes) or this runtime is already flushing (then the running flush
/// picks them up).
pub(crate) fn flush(runtime: &Shared<Runtime>) {
    if BATCH_DEPTH.with(Cell::get) > 0 {
        BATCHED.with(|b| {
            let mut batched = b.borrow_mut();
            if !batched.iter().any(|r| r.id == runtime.id) {
                batched.push(runtime.clone());
            }
        });
        return;
    }
    {
        let mut graph = runtime.state.lock();
        if graph.flushing || (graph.render_queue.is_empty() && graph.effect_queue.is_empty()) {
            return;
        }
        graph.flushing = true;
    }
    let _flushing = FlushScope(runtime);
    loop {
        let next = {
            let mut graph = runtime.state.lock();
            let next = graph
                .render_queue
                .pop_front()
                .or_else(|| graph.effect_queue.pop_front());
            if let Some(node) = next.and_then(|id| graph.nodes.get_mut(id)) {
                node.queued = false;
            }
            next
        };
        match next {
            Some(id) => update_if_necessary(runtime, id),
            None => break,
        }
    }
}

/// Clears the runtime's `flushing` flag when a flush ends, even by a panic.
struct FlushScope<'a>(&'a Shared<Runtime>);

impl Drop for FlushScope<'_> {
    fn drop(&mut self) {
        self.0.state.lock().flushing = false;
    }
}

/// Runs `f`, holding back every effect until it returns: however many writes `f` makes,
/// each effect runs at most once, after the batch, and sees only the final values.
///
/// ```
/// use reactive_graph::prelude::*;
/// # use std::sync::{Arc, Mutex};
/// let (first, set_first) = signal("Ada");
/// let (last, set_last) = signal("Lovelace");
/// let seen = Arc::new(Mutex::new(Vec::new()));
/// let s = seen.clone();
/// Effect::new(move |_| s.lock().unwrap().push(format!("{} {}", first.get(), last.get())));
/// batch(|| {
///     set_first.set("Grace");
///     set_last.set("Hopper");
/// });
/// assert_eq!(*seen.lock().unwrap(), ["Ada Lovelace", "Grace Hopper"]);
/// ```
pub fn batch<T>(f: impl FnOnce() -> T) -> T {
    BATCH_DEPTH.with(|d| d.set(d.get() + 1));
    let scope = BatchScope;
    let value = f();
    drop(scope);
    value
}

/// Closes a batch (even by a panic) and flushes what it held back.
struct BatchScope;

impl Drop for BatchScope {
    fn drop(&mut self) {
        let depth = BATCH_DEPTH.with(|d| {
            let depth = d.get() - 1;
            d.set(depth);
            depth
        });
        if depth == 0 && !std::thread::panicking() {
            let runtimes = BATCHED.with(|b| std::mem::take(&mut *b.borrow_mut()));
            for runtime in runtimes {
                flush(&runtime);
            }
        }
    }
}

// ---- disposing ------------------------------------------------------------------------

/// Disposes what `id` owns: runs the cleanups of its subtree (children in reverse creation
/// order, deepest first, then its own cleanups in reverse registration order), removes its
/// children and forgets its contexts; when `dispose_self` is true, removes the node too.
pub(crate) fn dispose_owned(runtime: &Shared<Runtime>, id: NodeId, dispose_self: bool) {
    // 1. Take every cleanup of the subtree, in the order they must run.
    let cleanups = {
        let mut graph = runtime.state.lock();
        if !graph.nodes.contains_key(id) {
            return;
        }
        if !dispose_self && graph.nodes[id].owner_data.is_none() {
            return; // owns nothing: the common case for computations that create nothing
        }
        let mut cleanups: Vec<Cleanup> = Vec::new();
        collect_cleanups(&mut graph, id, &mut cleanups);
        cleanups
    };
    // 2. Run them with the graph unlocked, outside any owner or observer.
    if !cleanups.is_empty() {
        Owner::with_none(|| untrack(|| cleanups.into_iter().for_each(|cleanup| cleanup())));
    }
    // 3. Remove the nodes, then drop their values with the graph unlocked.
    let garbage = {
        let mut graph = runtime.state.lock();
        let mut garbage = Garbage::default();
        let children = graph
            .nodes
            .get_mut(id)
            .and_then(|n| n.owner_data.as_mut())
            .map(|data| std::mem::take(&mut data.owned))
            .unwrap_or_default();
        for child in children.into_iter().rev() {
            remove_subtree(&mut graph, child, &mut garbage);
        }
        if dispose_self {
            let parent = graph.nodes.get(id).and_then(|n| n.parent);
            if let Some(data) = parent
                .and_then(|p| graph.nodes.get_mut(p))
                .and_then(|p| p.owner_data.as_mut())
            {
                if let Some(at) = data.owned.iter().rposition(|&c| c == id) {
                    data.owned.remove(at);
                }
            }
            remove_subtree(&mut graph, id, &mut garbage);
        } else if let Some(data) = graph.nodes.get_mut(id).and_then(|n| n.owner_data.take()) {
            garbage.owner_data.push(*data);
        }
        garbage
    };
    drop(garbage);
}

/// Disposes `root`, the root owner of a graph of its own (a request's graph on the server),
/// when the graph holds nothing else: runs the cleanups in the order [`dispose_owned`] does,
/// then empties the graph at once, without unlinking the nodes one by one. Returns false,
/// having done nothing, when other nodes share the graph (the caller disposes the root node
/// by node).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn dispose_whole_graph(runtime: &Shared<Runtime>, root: NodeId) -> bool {
    let cleanups = {
        let mut graph = runtime.state.lock();
        if !graph.nodes.contains_key(root) {
            return false;
        }
        if graph.nodes.len() == 1 && graph.nodes.get(root).is_some_and(is_bare_owner) {
            // A root alone in its graph with nothing to clean up, such as a server function
            // call's owner holding only the request's contexts: one lock takes it all.
            let node = graph.nodes.remove(root);
            drop(graph);
            if let Some(data) = node.and_then(|node| node.owner_data) {
                keep_root_data(runtime, data);
            }
            return true;
        }
        let mut cleanups: Vec<Cleanup> = Vec::new();
        // Every node but the root is in exactly one list of owned nodes.
        let owned = collect_cleanups(&mut graph, root, &mut cleanups);
        if owned + 1 != graph.nodes.len() {
            // Nodes made under a stale owner share the graph: leave them to the slow path
            // (which lets the graph go rather than reuse it). Put the cleanups back first.
            restore_cleanups(&mut graph, root, cleanups);
            return false;
        }
        cleanups
    };
    if !cleanups.is_empty() {
        Owner::with_none(|| untrack(|| cleanups.into_iter().for_each(|cleanup| cleanup())));
    }
    let (garbage, root_data) = {
        let mut graph = runtime.state.lock();
        let mut garbage = Garbage::default();
        let mut root_data = None;
        for (id, mut node) in graph.nodes.drain() {
            if id == root {
                root_data = node.owner_data.take();
            }
            garbage.push_node(node);
        }
        (garbage, root_data)
    };
    drop(garbage);
    if let Some(data) = root_data {
        keep_root_data(runtime, data);
    }
    true
}

/// Whether `node` owns nothing and has no cleanups (it may hold contexts).
#[cfg(not(target_arch = "wasm32"))]
fn is_bare_owner(node: &Node) -> bool {
    node.owner_data
        .as_ref()
        .is_none_or(|data| data.owned.is_empty() && data.cleanups.is_empty())
}

/// Empties a disposed root's lists (its contexts dropped here, with the graph unlocked) and
/// keeps them for the next root of this graph, unless they grew large.
#[cfg(not(target_arch = "wasm32"))]
fn keep_root_data(runtime: &Shared<Runtime>, mut data: Box<crate::runtime::OwnerData>) {
    data.contexts.clear();
    data.cleanups.clear();
    data.owned.clear();
    if data.owned.capacity() <= SPARE_LIST_MAX && data.contexts.capacity() <= SPARE_LIST_MAX {
        runtime.state.lock().spare_root_data = Some(data);
    }
}

/// Spare root lists ([`dispose_whole_graph`]) with room for more than this are let go.
#[cfg(not(target_arch = "wasm32"))]
const SPARE_LIST_MAX: usize = 64;

/// Gives the root back the cleanups [`dispose_whole_graph`] took when it turns out it cannot
/// dispose the graph at once (they run in the same order from the root's own list, since
/// the slow path collects the subtree's cleanups again and finds the children's lists
/// empty).
#[cfg(not(target_arch = "wasm32"))]
fn restore_cleanups(graph: &mut crate::runtime::GraphState, root: NodeId, cleanups: Vec<Cleanup>) {
    if let Some(node) = graph.nodes.get_mut(root) {
        let data = node.owner_data.get_or_insert_with(Default::default);
        // `collect_cleanups` gives them in running order; an owner's list runs last first.
        data.cleanups = cleanups.into_iter().rev().collect();
    }
}

/// Post-order: children (last created first), then the node's own cleanups (last first).
/// Returns how many nodes the lists of owned nodes it walked hold (the subtree's size less
/// one).
fn collect_cleanups(
    graph: &mut crate::runtime::GraphState,
    id: NodeId,
    out: &mut Vec<Cleanup>,
) -> usize {
    let Some(data) = graph.nodes.get_mut(id).and_then(|n| n.owner_data.as_mut()) else {
        return 0;
    };
    let own = std::mem::take(&mut data.cleanups);
    // By index rather than over a copy of the list (no allocation per owner): taking
    // cleanups changes no node's list of owned nodes.
    let mut at = data.owned.len();
    let mut owned = at;
    while at > 0 {
        at -= 1;
        let child = graph
            .nodes
            .get(id)
            .and_then(|n| n.owner_data.as_ref())
            .map(|d| d.owned[at]);
        if let Some(child) = child {
            owned += collect_cleanups(graph, child, out);
        }
    }
    out.extend(own.into_iter().rev());
    owned
}

/// What disposal leaves to drop once the graph is unlocked (values may run user `Drop`s).
struct Garbage {
    /// The first node removed, kept out of `nodes` so that disposing one owner (a row, say)
    /// allocates nothing.
    first: Option<Node>,
    /// The other nodes removed, in a list kept from one disposal to the next on this thread
    /// (see `SPARE_GARBAGE`).
    nodes: Vec<Node>,
    owner_data: Vec<crate::runtime::OwnerData>,
}

thread_local! {
    /// An emptied list of removed nodes, so that disposing a request's graph on the server
    /// does not grow a new one each time. A disposal that starts while another one's
    /// garbage is being dropped (a value's `Drop` disposing an owner) finds it taken and
    /// makes its own.
    static SPARE_GARBAGE: std::cell::Cell<Vec<Node>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Spare lists longer than this are let go rather than kept.
const SPARE_GARBAGE_MAX: usize = 256;

impl Default for Garbage {
    fn default() -> Self {
        Garbage {
            first: None,
            nodes: SPARE_GARBAGE
                .try_with(std::cell::Cell::take)
                .unwrap_or_default(),
            owner_data: Vec::new(),
        }
    }
}

impl Drop for Garbage {
    fn drop(&mut self) {
        drop(self.first.take());
        let mut nodes = std::mem::take(&mut self.nodes);
        nodes.clear();
        if nodes.capacity() != 0 && nodes.capacity() <= SPARE_GARBAGE_MAX {
            let _ = SPARE_GARBAGE.try_with(|spare| spare.set(nodes));
        }
    }
}

impl Garbage {
    fn push_node(&mut self, node: Node) {
        if self.first.is_none() {
            self.first = Some(node);
        } else {
            self.nodes.push(node);
        }
    }
}

/// Removes a node and everything it owns, unlinking every edge.
fn remove_subtree(graph: &mut crate::runtime::GraphState, id: NodeId, garbage: &mut Garbage) {
    let Some(node) = graph.nodes.remove(id) else {
        return;
    };
    for &source in &node.sources {
        if let Some(source) = graph.nodes.get_mut(source) {
            if let Some(at) = source.subscribers.iter().position(|&s| s == id) {
                source.subscribers.swap_remove(at);
            }
        }
    }
    for &subscriber in &node.subscribers {
        if let Some(subscriber) = graph.nodes.get_mut(subscriber) {
            if let Some(at) = subscriber.sources.iter().position(|&s| s == id) {
                subscriber.sources.remove(at);
            }
        }
    }
    if let Some(data) = &node.owner_data {
        for &child in data.owned.iter().rev() {
            remove_subtree(graph, child, garbage);
        }
    }
    garbage.push_node(node);
}
