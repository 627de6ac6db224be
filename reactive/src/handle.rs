//! What every typed handle shares: reading and writing its node's value cell, disposing
//! its node, and the `Copy`/`Debug`/`Eq` boilerplate.

use crate::graph;
use crate::guards::{ReadGuard, WriteGuard};
use crate::runtime::NodeRef;
use crate::storage::cell_of;
use crate::sync::{read_cell, write_cell, OwnedRead, OwnedWrite};

// Reading and writing need no `Send` bound on `T`: the value was checked when its node was
// made (`sync_cell` wants `Send + Sync`; `local_cell` pins it to its thread, and `cell_of`
// refuses other threads).

/// Reads the value of a node that stores a value cell; `None` if disposed.
pub(crate) fn with_value<T: 'static, U>(
    node: &NodeRef,
    track: bool,
    f: impl FnOnce(&T) -> U,
) -> Option<U> {
    let (_runtime, value) = graph::node_value(node, track)?;
    Some(read_cell(cell_of::<T>(&value), f))
}

/// Mutates the value of a node that stores a value cell, then (if `notify` and `f` says it
/// changed) notifies subscribers; `None` if disposed.
#[track_caller]
pub(crate) fn update_value<T: 'static, U>(
    node: &NodeRef,
    notify: bool,
    f: impl FnOnce(&mut T) -> (bool, U),
) -> Option<U> {
    let (_runtime, value) = graph::node_value(node, false)?;
    let Some((changed, out)) = write_cell(cell_of::<T>(&value), f) else {
        panic_written_while_read(node, std::any::type_name::<T>())
    };
    drop(value);
    if notify && changed {
        graph::notify_node(node);
    }
    Some(out)
}

/// A guard lending the value of a node that stores a value cell (subscribing the current
/// computation if `track`); `None` if disposed.
pub(crate) fn read_guard<T: 'static>(node: &NodeRef, track: bool) -> Option<ReadGuard<T>> {
    let (_runtime, value) = graph::node_value(node, track)?;
    Some(ReadGuard::new(OwnedRead::new(value)))
}

/// A guard lending the value of a node that stores a value cell for changing (notifying when
/// dropped if `notify`); `None` if disposed.
#[track_caller]
pub(crate) fn write_guard<T: 'static>(node: &NodeRef, notify: bool) -> Option<WriteGuard<T>> {
    let (_runtime, value) = graph::node_value(node, false)?;
    let Some(lock) = OwnedWrite::new(value) else {
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
/// handle type `$ty<T>` (or `$ty<T, S>` with a storage parameter) with a `node: NodeRef`
/// field, without bounds on `T`.
macro_rules! impl_handle {
    ($ty:ident $(, $s:ident)?) => {
        impl<T $(, $s)?> Clone for $ty<T $(, $s)?> {
            fn clone(&self) -> Self {
                *self
            }
        }
        impl<T $(, $s)?> Copy for $ty<T $(, $s)?> {}
        impl<T $(, $s)?> std::fmt::Debug for $ty<T $(, $s)?> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($ty))
                    .field("type", &std::any::type_name::<T>())
                    .field("node", &self.node)
                    .finish()
            }
        }
        impl<T $(, $s)?> PartialEq for $ty<T $(, $s)?> {
            fn eq(&self, other: &Self) -> bool {
                self.node == other.node
            }
        }
        impl<T $(, $s)?> Eq for $ty<T $(, $s)?> {}
        impl<T $(, $s)?> std::hash::Hash for $ty<T $(, $s)?> {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.node.hash(state);
            }
        }
        impl<T $(, $s)?> $crate::traits::DefinedAt for $ty<T $(, $s)?> {
            fn defined_at(&self) -> Option<&'static std::panic::Location<'static>> {
                self.node.defined_at()
            }
        }
    };
}
pub(crate) use impl_handle;
