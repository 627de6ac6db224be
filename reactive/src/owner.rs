//! Owners: who frees what, and where context lives.
//!
//! Every node belongs to the owner that was current when it was created. Owners form a
//! tree: a component's owner, the memos and effects inside it (each of which is the owner
//! of what its last run created), and so on. Disposing an owner runs its cleanups, frees
//! every node below it and forgets its context; re-running a memo or effect first disposes
//! what its previous run created.
//!
//! Context is a value stored on an owner and looked up by type from any owner below it
//! ([`provide_context`], [`use_context`], [`expect_context`]).

// Stored values and the storage kinds live here too under Leptos's paths
// (`reactive_graph::owner::StoredValue`, `reactive_graph::owner::LocalStorage`).
pub use crate::storage::{LocalStorage, SyncStorage};
pub use crate::stored::StoredValue;

use crate::graph;
use crate::runtime::{default_runtime, NodeId, NodeKind, Runtime};
use crate::sync::{AnyShared, Shared};
use std::any::TypeId;
use std::cell::RefCell;

thread_local! {
    static CURRENT: RefCell<Option<Owner>> = const { RefCell::new(None) };
}

/// An owner: a node of the ownership tree that frees what was created inside it.
///
/// On the server, each request's root owner ([`Owner::new_root`], or `Owner::new` with no
/// owner around) gets a reactive graph of its own: requests share no lock and no node, and
/// disposing the root frees the whole graph.
///
/// ```
/// use reactive_graph::prelude::*;
/// # use std::sync::{Arc, atomic::{AtomicBool, Ordering}};
/// let owner = Owner::new();
/// let cleaned = Arc::new(AtomicBool::new(false));
/// let c = cleaned.clone();
/// let count = owner.with(|| {
///     on_cleanup(move || c.store(true, Ordering::Relaxed));
///     RwSignal::new(0)
/// });
/// owner.dispose();
/// assert!(cleaned.load(Ordering::Relaxed));
/// assert_eq!(count.try_get(), None); // freed with its owner
/// ```
#[derive(Clone)]
pub struct Owner {
    runtime: Shared<Runtime>,
    id: NodeId,
}

impl std::fmt::Debug for Owner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Owner")
            .field("runtime", &self.runtime.id)
            .field("id", &self.id)
            .finish()
    }
}

impl PartialEq for Owner {
    fn eq(&self, other: &Self) -> bool {
        self.runtime.id == other.runtime.id && self.id == other.id
    }
}

impl Default for Owner {
    fn default() -> Self {
        Self::new()
    }
}

impl Owner {
    /// Creates an owner: a child of the current owner, or a new root if there is none.
    #[track_caller]
    pub fn new() -> Owner {
        match Owner::current() {
            Some(parent) => parent.child(),
            None => Owner::new_root(),
        }
    }

    /// Creates a root owner, whatever the current owner is. On the server the root gets a
    /// graph of its own (use one per request); in the browser all roots share one graph.
    #[track_caller]
    pub fn new_root() -> Owner {
        let runtime = Runtime::for_new_root();
        let id = {
            let mut state = runtime.state.lock();
            #[allow(unused_mut)]
            let mut node = crate::runtime::Node::new(NodeKind::Owner, None);
            #[cfg(not(target_arch = "wasm32"))]
            {
                node.owner_data = state.spare_root_data.take();
            }
            state.nodes.insert(node)
        };
        Owner { runtime, id }
    }

    /// Creates an owner below this one.
    #[track_caller]
    pub fn child(&self) -> Owner {
        let node =
            self.with(|| graph::create_node(crate::runtime::Node::new(NodeKind::Owner, None)));
        Owner {
            runtime: self.runtime.clone(),
            id: node.id,
        }
    }

    /// Creates an owner below the current one that the current one does not hold: it sees
    /// the contexts above it, but is freed only by its own [`Owner::dispose`], not with its
    /// parent. What it owns then lives as long as the handles that share it decide (an
    /// `ArcResource`, say, disposes its owner when its last clone is dropped). On the
    /// server it still goes with its graph, when the root owner is disposed (as the `Arc`
    /// signals do).
    ///
    /// ```
    /// use reactive_graph::prelude::*;
    /// use reactive_graph::owner::Owner;
    ///
    /// let root = Owner::new_root();
    /// let parent = root.child();
    /// let unowned = parent.with(Owner::new_unowned);
    /// let signal = unowned.with(|| RwSignal::new(1));
    /// parent.dispose();
    /// assert_eq!(signal.get(), 1, "not freed with the parent");
    /// unowned.dispose();
    /// assert_eq!(signal.try_get(), None);
    /// root.dispose();
    /// ```
    #[track_caller]
    pub fn new_unowned() -> Owner {
        Owner::with_current_parts(|runtime, parent| {
            let mut node = crate::runtime::Node::new(NodeKind::Owner, None);
            // Linked up for contexts only: the parent's list of what it owns omits it.
            node.parent = parent;
            let id = runtime.state.lock().nodes.insert(node);
            Owner {
                runtime: runtime.clone(),
                id,
            }
        })
    }

    /// The owner that is current on this thread, if any.
    pub fn current() -> Option<Owner> {
        CURRENT.with(|c| c.borrow().clone())
    }

    /// Runs `f` with this owner as the current one: what `f` creates belongs to it.
    pub fn with<T>(&self, f: impl FnOnce() -> T) -> T {
        let previous = CURRENT.with(|c| c.replace(Some(self.clone())));
        let _restore = RestoreOwner(Some(previous));
        f()
    }

    /// Makes this owner the current one on this thread until another is set (as a
    /// client-side app does once at start-up).
    pub fn set(&self) {
        CURRENT.with(|c| *c.borrow_mut() = Some(self.clone()));
    }

    /// The owner above this one, if it has one and it is still alive.
    pub fn parent(&self) -> Option<Owner> {
        let parent = self.runtime.state.lock().nodes.get(self.id)?.parent?;
        Some(Owner {
            runtime: self.runtime.clone(),
            id: parent,
        })
    }

    /// Runs this owner's cleanups and frees everything it owns, but keeps the owner itself
    /// usable (as a computation does before it re-runs).
    pub fn cleanup(&self) {
        graph::dispose_owned(&self.runtime, self.id, false);
    }

    /// Runs this owner's cleanups, frees everything it owns and the owner itself. Disposing
    /// a root on the server frees its whole graph.
    pub fn dispose(&self) {
        // On the server a root has a graph of its own, which goes with it (emptied at once
        // when nothing else shares it) and is then reused; in the browser all roots share
        // the page's one graph.
        #[cfg(not(target_arch = "wasm32"))]
        if self.is_root() && !Shared::ptr_eq(&self.runtime, &default_runtime()) {
            if !graph::dispose_whole_graph(&self.runtime, self.id) {
                graph::dispose_owned(&self.runtime, self.id, true);
            }
            Runtime::recycle(&self.runtime);
            return;
        }
        graph::dispose_owned(&self.runtime, self.id, true);
    }

    /// Whether this owner is alive and has no parent.
    #[cfg(not(target_arch = "wasm32"))]
    fn is_root(&self) -> bool {
        self.runtime
            .state
            .lock()
            .nodes
            .get(self.id)
            .is_some_and(|n| n.parent.is_none() && n.kind == NodeKind::Owner)
    }

    /// Whether this owner has been disposed.
    pub fn is_disposed(&self) -> bool {
        !self.runtime.state.lock().nodes.contains_key(self.id)
    }

    /// The number of live nodes (signals, memos, effects, owners, ...) in this owner's graph.
    /// Useful to check that disposing frees what it should.
    pub fn live_node_count(&self) -> usize {
        self.runtime.node_count()
    }

    /// Which graph this owner belongs to.
    #[cfg(test)]
    pub(crate) fn runtime_id(&self) -> crate::runtime::RuntimeId {
        self.runtime.id
    }

    pub(crate) fn from_parts(runtime: Shared<Runtime>, id: NodeId) -> Owner {
        Owner { runtime, id }
    }

    /// Calls `f` with the graph new nodes go into and the owner they belong to.
    pub(crate) fn with_current_parts<T>(
        f: impl FnOnce(&Shared<Runtime>, Option<NodeId>) -> T,
    ) -> T {
        let current = CURRENT.with(|c| {
            c.borrow()
                .as_ref()
                .map(|owner| (owner.runtime.clone(), owner.id))
        });
        match current {
            Some((runtime, id)) => f(&runtime, Some(id)),
            None => f(&default_runtime(), None),
        }
    }

    /// Runs `f` with no current owner.
    pub(crate) fn with_none<T>(f: impl FnOnce() -> T) -> T {
        let previous = CURRENT.with(|c| c.replace(None));
        let _restore = RestoreOwner(Some(previous));
        f()
    }

    pub(crate) fn add_cleanup(&self, cleanup: crate::runtime::Cleanup) {
        let mut graph = self.runtime.state.lock();
        if let Some(node) = graph.nodes.get_mut(self.id) {
            node.owner_data
                .get_or_insert_with(Default::default)
                .cleanups
                .push(cleanup);
        }
    }

    fn insert_context(&self, type_id: TypeId, value: AnyShared) -> bool {
        let mut graph = self.runtime.state.lock();
        let Some(node) = graph.nodes.get_mut(self.id) else {
            return false;
        };
        let old = put_context(
            node.owner_data.get_or_insert_with(Default::default),
            type_id,
            value,
        );
        // The old value (if any) is dropped after the lock is released.
        drop(graph);
        drop(old);
        true
    }

    /// Provides each of `values` on this owner, as [`ContextValue::provide`] would inside
    /// [`Owner::with`], but taking the graph's lock once for all of them: what a server
    /// gives each request (its parts, the response options, the app's state) goes in at once.
    ///
    /// A value of a type this owner already provides replaces it; nothing is stored on an
    /// owner that was disposed.
    ///
    /// ```
    /// use reactive_graph::prelude::*;
    /// use reactive_graph::ContextValue;
    ///
    /// let request = Owner::new();
    /// request.provide_contexts([ContextValue::new(7_u32), ContextValue::new("seven")]);
    /// assert_eq!(request.with(use_context::<u32>), Some(7));
    /// assert_eq!(request.with(use_context::<&str>), Some("seven"));
    /// ```
    pub fn provide_contexts(&self, values: impl IntoIterator<Item = ContextValue>) {
        // Replaced values are dropped after the lock is released (a value's drop may use the
        // graph); the first few wait here without an allocation.
        let mut replaced: [Option<AnyShared>; 4] = Default::default();
        let mut more_replaced = Vec::new();
        let mut graph = self.runtime.state.lock();
        if let Some(node) = graph.nodes.get_mut(self.id) {
            let data = node.owner_data.get_or_insert_with(Default::default);
            for value in values {
                if let Some(old) = put_context(data, value.type_id, value.value) {
                    match replaced.iter_mut().find(|slot| slot.is_none()) {
                        Some(slot) => *slot = Some(old),
                        None => more_replaced.push(old),
                    }
                }
            }
        }
        drop(graph);
        drop(replaced);
        drop(more_replaced);
    }

    fn find_context(&self, type_id: TypeId) -> Option<AnyShared> {
        let graph = self.runtime.state.lock();
        let mut at = Some(self.id);
        while let Some(id) = at {
            let node = graph.nodes.get(id)?;
            let found = node.owner_data.as_ref().and_then(|d| {
                let (_, value) = d.contexts.iter().find(|(t, _)| *t == type_id)?;
                Some(value.clone())
            });
            if found.is_some() {
                return found;
            }
            at = node.parent;
        }
        None
    }
}

/// Room for the first contexts an owner holds on the server, whose request owners hold five
/// or six. (In the browser the list grows as `Vec` does, from four.)
#[cfg(not(target_arch = "wasm32"))]
const FIRST_CONTEXTS_CAPACITY: usize = 8;

/// Puts the previous owner back when a scope ends, even by a panic.
struct RestoreOwner(Option<Option<Owner>>);

impl Drop for RestoreOwner {
    fn drop(&mut self) {
        if let Some(previous) = self.0.take() {
            let replaced = CURRENT.with(|c| c.replace(previous));
            drop(replaced);
        }
    }
}

/// Registers `f` to run when the current owner is disposed or, inside a memo or effect,
/// before it re-runs. Cleanups of one owner run in reverse order of registration, after
/// those of its children. Outside any owner there is nothing to clean up after, and `f` is
/// dropped without being called.
pub fn on_cleanup(f: impl FnOnce() + Send + 'static) {
    if let Some(owner) = Owner::current() {
        owner.add_cleanup(Box::new(f));
    }
}

/// Like [`on_cleanup`], for a closure that is not `Send` (one holding a browser object, say).
/// It runs on the thread that registered it; if the owner is disposed on another thread, it
/// is dropped there without being called (leaked, never touched off its thread).
///
/// ```
/// use reactive_graph::prelude::*;
/// use reactive_graph::on_cleanup_local;
/// use std::{cell::Cell, rc::Rc};
/// let cleaned = Rc::new(Cell::new(false));
/// let owner = Owner::new();
/// let flag = cleaned.clone();
/// owner.with(|| on_cleanup_local(move || flag.set(true)));
/// owner.dispose();
/// assert!(cleaned.get());
/// ```
pub fn on_cleanup_local(f: impl FnOnce() + 'static) {
    let mut f = crate::sync::ThreadBound::new(Some(f));
    on_cleanup(move || {
        if let Some(f) = f.take_on_home_thread() {
            f()
        }
    });
}

/// Stores `value` on the current owner, where [`use_context`] finds it from this owner and
/// every owner below it. A second value of the same type on the same owner replaces the
/// first.
///
/// # Panics
/// Outside any owner (the value would be lost): create one with [`Owner::new`] and call
/// this inside [`Owner::with`].
///
/// ```
/// use reactive_graph::prelude::*;
/// #[derive(Clone, Debug, PartialEq)]
/// struct Theme(&'static str);
///
/// let root = Owner::new();
/// root.with(|| provide_context(Theme("dark")));
/// let child = root.with(Owner::new);
/// assert_eq!(child.with(use_context::<Theme>), Some(Theme("dark")));
/// ```
#[track_caller]
pub fn provide_context<T: Send + Sync + 'static>(value: T) {
    owner_to_provide(std::any::type_name::<T>())
        .insert_context(TypeId::of::<T>(), Shared::new(value));
}

/// Stores `value` as the context of type `type_id` in `data`, returning the value it replaces.
fn put_context(
    data: &mut crate::runtime::OwnerData,
    type_id: TypeId,
    value: AnyShared,
) -> Option<AnyShared> {
    match data.contexts.iter_mut().find(|(t, _)| *t == type_id) {
        Some((_, slot)) => Some(std::mem::replace(slot, value)),
        None => {
            // A request's owner holds a handful (its parts, response options, ...): room for
            // them at once rather than growing 4 -> 8.
            #[cfg(not(target_arch = "wasm32"))]
            if data.contexts.capacity() == 0 {
                data.contexts.reserve_exact(FIRST_CONTEXTS_CAPACITY);
            }
            data.contexts.push((type_id, value));
            None
        }
    }
}

/// The current owner, for providing a context of type `type_name`.
#[track_caller]
fn owner_to_provide(type_name: &str) -> Owner {
    match Owner::current() {
        Some(owner) => owner,
        None => panic!(
            "provide_context::<{type_name}>() was called outside any owner, so the value would \
             be lost; create an owner with `Owner::new()` and call it inside `owner.with(|| ...)`"
        ),
    }
}

/// A context value made once and provided to many owners: providing it copies a pointer,
/// where [`provide_context`] stores a new copy of its value each time. Meant for what a
/// server gives every request it renders (a handler shared by the whole process, the app's
/// settings).
///
/// ```
/// use reactive_graph::prelude::*;
/// use reactive_graph::ContextValue;
/// #[derive(Clone, Debug, PartialEq)]
/// struct Settings(&'static str);
///
/// let settings = ContextValue::new(Settings("todos"));
/// for _ in 0..2 {
///     let request = Owner::new();
///     request.with(|| settings.provide());
///     assert_eq!(request.with(use_context::<Settings>), Some(Settings("todos")));
///     request.dispose();
/// }
/// ```
#[derive(Clone)]
pub struct ContextValue {
    type_id: TypeId,
    type_name: &'static str,
    value: AnyShared,
}

impl ContextValue {
    /// Stores `value`, to be provided with [`ContextValue::provide`].
    pub fn new<T: Send + Sync + 'static>(value: T) -> Self {
        ContextValue {
            type_id: TypeId::of::<T>(),
            type_name: std::any::type_name::<T>(),
            value: Shared::new(value),
        }
    }

    /// Provides the value on the current owner, as [`provide_context`] would.
    ///
    /// # Panics
    /// Outside any owner, as [`provide_context`] does.
    #[track_caller]
    pub fn provide(&self) {
        owner_to_provide(self.type_name).insert_context(self.type_id, self.value.clone());
    }
}

impl std::fmt::Debug for ContextValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("ContextValue")
            .field(&self.type_name)
            .finish()
    }
}

/// Looks up a context value of type `T` on the current owner and its ancestors, nearest
/// first, and returns a clone of it.
pub fn use_context<T: Clone + 'static>() -> Option<T> {
    let value = Owner::current()?.find_context(TypeId::of::<T>())?;
    value.downcast_ref::<T>().cloned()
}

/// Like [`use_context`], but panics with the type's name when no owner above provides it.
#[track_caller]
pub fn expect_context<T: Clone + 'static>() -> T {
    match use_context::<T>() {
        Some(value) => value,
        None => panic!(
            "expected a context of type `{}`, but no owner above this one provides it; \
             call `provide_context` with a value of that type in an ancestor component or owner",
            std::any::type_name::<T>()
        ),
    }
}
