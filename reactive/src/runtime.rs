//! The arena: where nodes live, and how a handle finds the graph it belongs to.
//!
//! A [`Runtime`] is one reactive graph: a `slotmap` of [`Node`]s behind one lock, plus the
//! queue of effects waiting to run. On the server every root [`Owner`](crate::Owner) (one
//! per request) gets a runtime of its own, so requests never contend on a lock or see each
//! other's nodes, and disposing the root frees the whole graph. In the browser there is one
//! runtime for the whole page.
//!
//! Creating and registering a runtime, then freeing it, is most of what a small request's
//! root owner costs, so a disposed root's runtime is emptied and kept in a small per-thread
//! pool of spares for the next root (see [`Runtime::recycle`]). Stale handles into it stay
//! harmless: the arena bumps a slot's version when it is freed, so an old [`NodeId`] never
//! finds a new request's node.
//!
//! Handles (`ReadSignal`, `Memo`, ...) are `Copy` pairs of a [`RuntimeId`] and a [`NodeId`].
//! A thread-local cache keeps the runtime used last, so resolving a handle is one
//! comparison in the common case; other runtimes are found through a registry of weak
//! pointers.

#[cfg(not(target_arch = "wasm32"))]
use crate::sync::WeakShared;
use crate::sync::{AnyShared, Lock, MaybeSend, Shared};
#[cfg(not(target_arch = "wasm32"))]
use rustc_hash::FxHashMap;
use slotmap::SlotMap;
use std::any::{Any, TypeId};
#[cfg(not(target_arch = "wasm32"))]
use std::cell::RefCell;
use std::panic::Location;

slotmap::new_key_type! {
    /// The key of one node in its runtime's arena.
    pub(crate) struct NodeId;
}

/// Identifies one reactive graph (one per server request, one in the browser).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct RuntimeId(u64);

/// What a node is. Sources (signals, triggers) are always clean; computations (memos,
/// effects) are re-run when a source changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NodeKind {
    Signal,
    Trigger,
    Stored,
    Memo,
    Effect,
    RenderEffect,
    Owner,
}

impl NodeKind {
    pub(crate) fn is_effect(self) -> bool {
        matches!(self, NodeKind::Effect | NodeKind::RenderEffect)
    }
}

/// How up to date a computation is (push-pull: a write marks, a read or a flush pulls).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum NodeState {
    /// Up to date.
    Clean,
    /// A source further up may have changed: check the sources before deciding.
    Check,
    /// A direct source changed: must re-run.
    Dirty,
}

/// A computation a memo or an effect runs. Returns whether its value changed.
pub(crate) trait Compute: MaybeSend + crate::sync::MaybeSync {
    fn run(&self) -> bool;

    /// The value the computation keeps, if it keeps one inside itself (a memo's cell, in
    /// the same allocation as its function).
    fn value(&self) -> &dyn Any {
        &()
    }
}

/// A function run when an owner is disposed or re-run.
pub(crate) type Cleanup = Box<dyn FnOnce() + Send>;

/// Ownership data, present only on nodes that have owned something.
#[derive(Default)]
pub(crate) struct OwnerData {
    pub(crate) owned: Vec<NodeId>,
    pub(crate) cleanups: Vec<Cleanup>,
    /// Few per owner: a list is smaller and as fast as a map.
    pub(crate) contexts: Vec<(TypeId, AnyShared)>,
}

/// One node of the graph.
pub(crate) struct Node {
    pub(crate) kind: NodeKind,
    pub(crate) state: NodeState,
    /// Whether the node sits in an effect queue right now.
    pub(crate) queued: bool,
    pub(crate) value: Option<AnyShared>,
    pub(crate) compute: Option<Shared<dyn Compute>>,
    pub(crate) sources: Vec<NodeId>,
    pub(crate) subscribers: Vec<NodeId>,
    pub(crate) parent: Option<NodeId>,
    pub(crate) owner_data: Option<Box<OwnerData>>,
    /// Scratch mark for set membership during one graph operation (see `GraphState::epoch`).
    pub(crate) mark: u32,
}

impl Node {
    pub(crate) fn new(kind: NodeKind, parent: Option<NodeId>) -> Self {
        Node {
            kind,
            state: NodeState::Clean,
            queued: false,
            value: None,
            compute: None,
            sources: Vec::new(),
            subscribers: Vec::new(),
            parent,
            owner_data: None,
            mark: 0,
        }
    }
}

/// A first-in, first-out queue of effects to run: a `Vec` read from a moving head, emptied
/// once everything in it was taken (a flush runs until its queues are empty). Less code in
/// a browser bundle than `VecDeque`, which a queue that is always drained does not need.
#[derive(Default)]
pub(crate) struct NodeQueue {
    nodes: Vec<NodeId>,
    head: usize,
}

impl NodeQueue {
    /// Adds `id` at the back.
    pub(crate) fn push_back(&mut self, id: NodeId) {
        self.nodes.push(id);
    }

    /// Takes the node at the front, if any.
    pub(crate) fn pop_front(&mut self) -> Option<NodeId> {
        let front = self.nodes.get(self.head).copied();
        if front.is_some() {
            self.head += 1;
        } else if self.head > 0 {
            self.clear();
        }
        front
    }

    /// Whether nothing is left to take.
    pub(crate) fn is_empty(&self) -> bool {
        self.head == self.nodes.len()
    }

    /// Forgets every queued node.
    pub(crate) fn clear(&mut self) {
        self.nodes.clear();
        self.head = 0;
    }
}

/// Everything behind a runtime's lock.
#[derive(Default)]
pub(crate) struct GraphState {
    pub(crate) nodes: SlotMap<NodeId, Node>,
    pub(crate) render_queue: NodeQueue,
    pub(crate) effect_queue: NodeQueue,
    pub(crate) flushing: bool,
    /// Incremented to start a fresh set of marks on nodes (cheaper than a hash set, and no
    /// sorting code in the bundle).
    pub(crate) epoch: u32,
    /// The last root's owner data, emptied, for the next root of this (recycled) graph: a
    /// request's root owner then starts with room for its children and contexts.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) spare_root_data: Option<Box<OwnerData>>,
}

/// One reactive graph.
pub(crate) struct Runtime {
    pub(crate) id: RuntimeId,
    pub(crate) state: Lock<GraphState>,
    /// Whether this runtime sits in a pool of spares (emptied, waiting for a new root).
    #[cfg(not(target_arch = "wasm32"))]
    spare: std::sync::atomic::AtomicBool,
}

impl std::fmt::Debug for Runtime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Runtime")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

// ---- the registry of runtimes ----------------------------------------------------------

#[cfg(not(target_arch = "wasm32"))]
mod registry {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::{Mutex, OnceLock};

    static NEXT_ID: AtomicU64 = AtomicU64::new(1);
    static REGISTRY: Mutex<Option<FxHashMap<RuntimeId, WeakShared<Runtime>>>> = Mutex::new(None);
    static DEFAULT: OnceLock<Shared<Runtime>> = OnceLock::new();

    pub(crate) fn next_id() -> RuntimeId {
        RuntimeId(NEXT_ID.fetch_add(1, Ordering::Relaxed))
    }

    pub(crate) fn with_registry<R>(
        f: impl FnOnce(&mut FxHashMap<RuntimeId, WeakShared<Runtime>>) -> R,
    ) -> R {
        let mut guard = REGISTRY.lock().unwrap_or_else(|p| p.into_inner());
        f(guard.get_or_insert_with(FxHashMap::default))
    }

    /// The runtime of nodes created outside any owner: one per process.
    pub(crate) fn default_runtime() -> Shared<Runtime> {
        DEFAULT
            .get_or_init(super::Runtime::create_registered)
            .clone()
    }
}

/// In the browser there is exactly one graph: the registry is that graph.
#[cfg(target_arch = "wasm32")]
mod registry {
    use super::*;

    thread_local! {
        static DEFAULT: Shared<Runtime> = Shared::new(Runtime {
            id: RuntimeId(1),
            state: Lock::new(GraphState::default()),
        });
    }

    /// The browser's one runtime.
    pub(crate) fn default_runtime() -> Shared<Runtime> {
        DEFAULT.with(Shared::clone)
    }

    pub(crate) fn find(id: RuntimeId) -> Option<Shared<Runtime>> {
        DEFAULT.with(|runtime| (runtime.id == id).then(|| runtime.clone()))
    }

    pub(crate) fn count() -> usize {
        1
    }
}

pub(crate) use registry::default_runtime;

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    /// The runtime resolved last on this thread: handles of one graph hit it every time.
    static LAST_USED: RefCell<Option<Shared<Runtime>>> = const { RefCell::new(None) };
}

impl Runtime {
    #[cfg(not(target_arch = "wasm32"))]
    fn create_registered() -> Shared<Runtime> {
        let runtime = Shared::new(Runtime {
            id: registry::next_id(),
            state: Lock::new(GraphState::default()),
            spare: std::sync::atomic::AtomicBool::new(false),
        });
        registry::with_registry(|r| r.insert(runtime.id, Shared::downgrade(&runtime)));
        runtime
    }

    /// An empty graph for a new root owner: a spare from this thread's pool, or a new one.
    /// In the browser all roots share one graph.
    pub(crate) fn for_new_root() -> Shared<Runtime> {
        #[cfg(target_arch = "wasm32")]
        return default_runtime();
        #[cfg(not(target_arch = "wasm32"))]
        return spares::take().unwrap_or_else(Self::create_registered);
    }

    /// Frees every node of this graph (its root owner was disposed) and keeps the emptied
    /// runtime as a spare for the next root on this thread, or forgets it when the pool is
    /// full or the graph grew large (a spare keeps its arena's capacity).
    ///
    /// The nodes' values are dropped with the graph unlocked, since a value's `Drop` may
    /// use the graph.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn recycle(this: &Shared<Runtime>) {
        let (leftovers, reusable) = {
            let mut state = this.state.lock();
            state.render_queue.clear();
            state.effect_queue.clear();
            // Disposing the root removed every node it owned; what is left was created
            // under a stale owner. Those go, and so does the runtime.
            let leftovers = (!state.nodes.is_empty()).then(|| std::mem::take(&mut state.nodes));
            let reusable = leftovers.is_none()
                && !state.flushing
                && state.nodes.capacity() <= spares::MAX_SLOTS;
            (leftovers, reusable)
        };
        drop(leftovers);
        if !(reusable && spares::offer(this)) {
            this.unregister();
        }
    }

    /// Forgets this runtime in the registry (its root owner was disposed).
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn unregister(&self) {
        registry::with_registry(|r| r.remove(&self.id));
        LAST_USED.with(|last| {
            let mut last = last.borrow_mut();
            if last.as_ref().is_some_and(|rt| rt.id == self.id) {
                *last = None;
            }
        });
    }

    /// Resolves a runtime by id, or `None` if it was disposed.
    #[cfg(target_arch = "wasm32")]
    pub(crate) fn find(id: RuntimeId) -> Option<Shared<Runtime>> {
        registry::find(id)
    }

    /// Resolves a runtime by id, or `None` if it was disposed.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn find(id: RuntimeId) -> Option<Shared<Runtime>> {
        let cached = LAST_USED.with(|last| {
            let last = last.borrow();
            last.as_ref().filter(|rt| rt.id == id).map(Shared::clone)
        });
        if cached.is_some() {
            return cached;
        }
        let found = registry::with_registry(|r| r.get(&id).and_then(WeakShared::upgrade))?;
        LAST_USED.with(|last| *last.borrow_mut() = Some(found.clone()));
        Some(found)
    }

    /// The number of live nodes in this graph.
    pub(crate) fn node_count(&self) -> usize {
        self.state.lock().nodes.len()
    }
}

/// The number of graphs alive in this process (one per undisposed root owner on the
/// server, plus the process-wide default one); spares waiting for a new root do not count.
pub(crate) fn runtime_count() -> usize {
    #[cfg(target_arch = "wasm32")]
    return registry::count();
    #[cfg(not(target_arch = "wasm32"))]
    return registry::with_registry(|r| {
        r.values()
            .filter_map(WeakShared::upgrade)
            .filter(|runtime| !spares::is_spare(runtime))
            .count()
    });
}

/// Per-thread pools of emptied runtimes, so that a server's request roots do not create,
/// register and free a graph each.
#[cfg(not(target_arch = "wasm32"))]
mod spares {
    use super::*;
    use std::sync::atomic::Ordering;

    /// How many spares a thread keeps.
    const MAX_SPARES: usize = 8;
    /// A graph whose arena grew beyond this many slots is freed instead of kept.
    pub(super) const MAX_SLOTS: usize = 1024;

    /// A thread's spares; when the thread ends they leave the registry too.
    struct Pool(Vec<Shared<Runtime>>);

    impl Drop for Pool {
        fn drop(&mut self) {
            // Not `Runtime::unregister`: it also clears this thread's `LAST_USED`, which
            // may already be gone while the thread's locals are being destroyed.
            for runtime in self.0.drain(..) {
                registry::with_registry(|r| r.remove(&runtime.id));
            }
        }
    }

    thread_local! {
        static SPARES: RefCell<Pool> = const { RefCell::new(Pool(Vec::new())) };
    }

    /// A spare runtime of this thread's pool, if there is one.
    pub(super) fn take() -> Option<Shared<Runtime>> {
        let runtime = SPARES
            .try_with(|spares| spares.borrow_mut().0.pop())
            .ok()
            .flatten()?;
        runtime.spare.store(false, Ordering::Relaxed);
        Some(runtime)
    }

    /// Keeps `runtime` (emptied) as a spare; `false` when this thread's pool is full.
    pub(super) fn offer(runtime: &Shared<Runtime>) -> bool {
        if runtime.spare.swap(true, Ordering::Relaxed) {
            return true; // already a spare (a root disposed twice)
        }
        let kept = SPARES
            .try_with(|spares| {
                let spares = &mut spares.borrow_mut().0;
                if spares.len() < MAX_SPARES {
                    spares.push(runtime.clone());
                    true
                } else {
                    false
                }
            })
            .unwrap_or(false);
        if !kept {
            runtime.spare.store(false, Ordering::Relaxed);
        }
        kept
    }

    /// Whether `runtime` is a spare (not counted as a live graph).
    pub(super) fn is_spare(runtime: &Runtime) -> bool {
        runtime.spare.load(Ordering::Relaxed)
    }
}

// ---- handles --------------------------------------------------------------------------

/// The untyped part of every handle: which graph, which node, and (in debug builds) where
/// the user created it, so that "disposed" errors can say so.
#[derive(Clone, Copy)]
pub(crate) struct NodeRef {
    pub(crate) runtime: RuntimeId,
    pub(crate) id: NodeId,
    #[cfg(debug_assertions)]
    pub(crate) defined_at: &'static Location<'static>,
}

impl NodeRef {
    pub(crate) fn new(
        runtime: RuntimeId,
        id: NodeId,
        #[allow(unused_variables)] defined_at: &'static Location<'static>,
    ) -> Self {
        NodeRef {
            runtime,
            id,
            #[cfg(debug_assertions)]
            defined_at,
        }
    }

    pub(crate) fn defined_at(&self) -> Option<&'static Location<'static>> {
        #[cfg(debug_assertions)]
        {
            Some(self.defined_at)
        }
        #[cfg(not(debug_assertions))]
        {
            None
        }
    }

    pub(crate) fn runtime(&self) -> Option<Shared<Runtime>> {
        Runtime::find(self.runtime)
    }
}

impl PartialEq for NodeRef {
    fn eq(&self, other: &Self) -> bool {
        self.runtime == other.runtime && self.id == other.id
    }
}
impl Eq for NodeRef {}
impl std::hash::Hash for NodeRef {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.runtime.hash(state);
        self.id.hash(state);
    }
}

impl std::fmt::Debug for NodeRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = f.debug_struct("NodeRef");
        s.field("runtime", &self.runtime.0).field("id", &self.id);
        if let Some(at) = self.defined_at() {
            s.field("defined_at", &format_args!("{at}"));
        }
        s.finish()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::Owner;

    #[test]
    fn a_disposed_roots_graph_is_reused_by_the_next_root_on_the_thread() {
        let first = Owner::new_root();
        let first_runtime = first.runtime_id();
        first.dispose();
        let second = Owner::new_root();
        assert_eq!(second.runtime_id(), first_runtime, "the spare was reused");
        assert_eq!(second.live_node_count(), 1);
        // A root whose graph is still in use is never handed out twice.
        let third = Owner::new_root();
        assert_ne!(third.runtime_id(), second.runtime_id());
        second.dispose();
        third.dispose();
    }

    #[test]
    fn a_large_graph_is_freed_instead_of_kept() {
        let root = Owner::new_root();
        let id = root.runtime_id();
        root.with(|| {
            for n in 0..spares::MAX_SLOTS + 1 {
                crate::RwSignal::new(n);
            }
        });
        root.dispose();
        assert!(Runtime::find(id).is_none(), "unregistered, not pooled");
    }

    #[test]
    fn a_node_queue_is_first_in_first_out_across_refills() {
        let mut ids: SlotMap<NodeId, ()> = SlotMap::with_key();
        let [a, b, c] = [(); 3].map(|()| ids.insert(()));
        let mut queue = NodeQueue::default();
        assert!(queue.is_empty());
        queue.push_back(a);
        queue.push_back(b);
        assert_eq!(queue.pop_front(), Some(a));
        queue.push_back(c);
        assert!(!queue.is_empty());
        assert_eq!(queue.pop_front(), Some(b));
        assert_eq!(queue.pop_front(), Some(c));
        assert!(queue.is_empty());
        assert_eq!(queue.pop_front(), None);
        assert_eq!(queue.nodes.len(), 0, "a drained queue lets go of its items");
        queue.push_back(a);
        assert_eq!(queue.pop_front(), Some(a));
        assert_eq!(queue.pop_front(), None);
    }
}
