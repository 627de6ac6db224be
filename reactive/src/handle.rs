//! What every typed handle shares: reading and writing its node's value cell, disposing
//! its node, and the `Copy`/`Debug`/`Eq` boilerplate.

use crate::graph;
use crate::guards::{ReadGuard, WriteGuard};
use crate::runtime::{downcast, NodeRef};
use crate::sync::{read_cell, write_cell, MaybeSend, MaybeSync, OwnedRead, OwnedWrite, ValueCell};

/// Reads the value of a node that stores a `ValueCell<T>`; `None` if disposed.
pub(crate) fn with_value<T: MaybeSend + MaybeSync + 'static, U>(
    node: &NodeRef,
    track: bool,
    f: impl FnOnce(&T) -> U,
) -> Option<U> {
    let (_runtime, value) = graph::node_value(node, track)?;
    let cell = downcast::<ValueCell<T>>(value);
    Some(read_cell(&cell, f))
}

/// Mutates the value of a node that stores a `ValueCell<T>`, then (if `notify` and `f`
/// says it changed) notifies subscribers; `None` if disposed.
#[track_caller]
pub(crate) fn update_value<T: MaybeSend + MaybeSync + 'static, U>(
    node: &NodeRef,
    notify: bool,
    f: impl FnOnce(&mut T) -> (bool, U),
) -> Option<U> {
    let (_runtime, value) = graph::node_value(node, false)?;
    let cell = downcast::<ValueCell<T>>(value);
    let Some((changed, out)) = write_cell(&cell, f) else {
        panic_written_while_read(node, std::any::type_name::<T>())
    };
    drop(cell);
    if notify && changed {
        graph::notify_node(node);
    }
    Some(out)
}

/// A guard lending the value of a node that stores a `ValueCell<T>` (subscribing the
/// current computation if `track`); `None` if disposed.
pub(crate) fn read_guard<T: MaybeSend + MaybeSync + 'static>(
    node: &NodeRef,
    track: bool,
) -> Option<ReadGuard<T>> {
    let (_runtime, value) = graph::node_value(node, track)?;
    Some(ReadGuard::new(OwnedRead::new(downcast::<ValueCell<T>>(
        value,
    ))))
}

/// A guard lending the value of a node that stores a `ValueCell<T>` for changing (notifying
/// when dropped if `notify`); `None` if disposed.
#[track_caller]
pub(crate) fn write_guard<T: MaybeSend + MaybeSync + 'static>(
    node: &NodeRef,
    notify: bool,
) -> Option<WriteGuard<T>> {
    let (_runtime, value) = graph::node_value(node, false)?;
    let Some(lock) = OwnedWrite::new(downcast::<ValueCell<T>>(value)) else {
        panic_written_while_read(node, std::any::type_name::<T>())
    };
    Some(WriteGuard::new(lock, *node, notify))
}

/// Frees a handle's node (and whatever it owns).
pub(crate) fn dispose_node(node: &NodeRef) {
    if let Some(runtime) = node.runtime() {
        graph::dispose_owned(&runtime, node.id, true);
    }
}

#[cold]
#[track_caller]
fn panic_written_while_read(node: &NodeRef, type_name: &str) -> ! {
    let at = node
        .defined_at()
        .map(|at| format!(" (created at {at})"))
        .unwrap_or_default();
    panic!(
        "a reactive value of type `{type_name}`{at} was written while it was being read on \
         this thread (inside its own `.with(...)`); clone what you need out of the read first, \
         then write"
    )
}

/// Implements `Clone`, `Copy`, `Debug`, `PartialEq`, `Eq`, `Hash` and `DefinedAt` for a
/// handle type `$ty<T>` with a `node: NodeRef` field, without bounds on `T`.
macro_rules! impl_handle {
    ($ty:ident) => {
        impl<T> Clone for $ty<T> {
            fn clone(&self) -> Self {
                *self
            }
        }
        impl<T> Copy for $ty<T> {}
        impl<T> std::fmt::Debug for $ty<T> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($ty))
                    .field("type", &std::any::type_name::<T>())
                    .field("node", &self.node)
                    .finish()
            }
        }
        impl<T> PartialEq for $ty<T> {
            fn eq(&self, other: &Self) -> bool {
                self.node == other.node
            }
        }
        impl<T> Eq for $ty<T> {}
        impl<T> std::hash::Hash for $ty<T> {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.node.hash(state);
            }
        }
        impl<T> $crate::traits::DefinedAt for $ty<T> {
            fn defined_at(&self) -> Option<&'static std::panic::Location<'static>> {
                self.node.defined_at()
            }
        }
    };
}
pub(crate) use impl_handle;
