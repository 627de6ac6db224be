//! Where a signal or stored value keeps its value: [`SyncStorage`] (the default) or
//! [`LocalStorage`] (for values that are not `Send`).
//!
//! On the server the graph of a request may be used from any thread of the runtime, so an
//! ordinary signal's value must be `Send + Sync`. Some values never leave the browser and are
//! not: a `web_sys` element, an `Rc`, a JS closure. [`signal_local`](crate::signal_local),
//! [`RwSignal::new_local`](crate::RwSignal::new_local) and
//! [`StoredValue::new_local`](crate::StoredValue::new_local) take any `'static` value and pin
//! it to the thread that created it; using it from another thread panics with a message.
//!
//! The storage is the handle's second type parameter, as in Leptos (`RwSignal<T,
//! LocalStorage>`), so a field or prop can name it. Both kinds are read and written with the
//! same traits.
//!
//! ```
//! use reactive_graph::prelude::*;
//! use std::rc::Rc;
//!
//! let (shared, set_shared) = signal_local(Rc::new(1));
//! set_shared.set(Rc::new(2));
//! let kept: ReadSignal<Rc<i32>, LocalStorage> = shared;
//! assert_eq!(*kept.get(), 2);
//! ```

use crate::graph::{self, Ownership};
use crate::runtime::{Node, NodeKind, NodeRef};
use crate::sync::{AnyShared, Shared, ValueCell};

/// The default storage of a signal: the value is `Send + Sync` (on the server), so the
/// signal may be used from any thread.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct SyncStorage;

/// The storage of `signal_local`, `RwSignal::new_local` and `StoredValue::new_local`: any
/// value, used only on the thread that created it (in the browser there is only one).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct LocalStorage;

/// The cell of a value that may be used from any thread, type-erased for the graph.
pub(crate) fn sync_cell<T: crate::MaybeSend + crate::MaybeSync + 'static>(value: T) -> AnyShared {
    Shared::new(ValueCell::new(value))
}

/// The cell of a value pinned to this thread, type-erased for the graph. In the browser every
/// value is usable there, so it is an ordinary cell.
pub(crate) fn local_cell<T: 'static>(value: T) -> AnyShared {
    #[cfg(not(target_arch = "wasm32"))]
    {
        Shared::new(crate::sync::ThreadBound::new(ValueCell::new(value)))
    }
    #[cfg(target_arch = "wasm32")]
    {
        Shared::new(ValueCell::new(value))
    }
}

/// Creates a node of `kind` (a signal or a stored value) holding `value`, a cell made by
/// [`sync_cell`] or [`local_cell`].
#[track_caller]
pub(crate) fn value_node(kind: NodeKind, value: AnyShared, ownership: Ownership) -> NodeRef {
    let mut node = Node::new(kind, None);
    node.value = Some(value);
    graph::create_node_in(node, ownership)
}

/// The value cell inside a node's value, made by [`sync_cell`] or [`local_cell`].
///
/// # Panics
/// If the value is pinned to another thread (the message says what to do).
pub(crate) fn cell_of<T: 'static>(value: &AnyShared) -> &ValueCell<T> {
    if let Some(cell) = value.downcast_ref::<ValueCell<T>>() {
        return cell;
    }
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(local) = value.downcast_ref::<crate::sync::ThreadBound<ValueCell<T>>>() {
        return local.get();
    }
    unreachable!("a handle's type always matches the value stored for its node")
}
