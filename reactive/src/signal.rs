//! Signals: values that notify their readers when they change.
//!
//! [`signal`] returns a read half and a write half, so a component can hand out one without
//! the other; [`RwSignal`] is both in one handle. All are `Copy` keys into the graph: pass
//! them into as many closures as you like.

// The signals owned by their clones, and triggers, live here too under Leptos's paths
// (`reactive_graph::signal::ArcRwSignal`).
pub use crate::arc::{arc_signal, ArcReadSignal, ArcRwSignal, ArcTrigger, ArcWriteSignal};
pub use crate::trigger::Trigger;

use crate::graph::{self, Ownership};
use crate::guards::{ReadGuard, WriteGuard};
use crate::handle::{dispose_node, impl_handle, read_guard, update_value, with_value, write_guard};
use crate::runtime::{Node, NodeKind, NodeRef};
use crate::sync::{MaybeSend, MaybeSync, Shared, ValueCell};
use crate::traits::{
    impl_with_by_tracking, Dispose, Notify, Read, ReadUntracked, Track, Update, UpdateUntracked,
    WithUntracked, Write,
};
use std::marker::PhantomData;

/// Creates a signal and returns its read and write halves.
///
/// ```
/// use reactive_graph::prelude::*;
/// let (count, set_count) = signal(0);
/// set_count.update(|n| *n += 1);
/// assert_eq!(count.get(), 1);
/// ```
#[track_caller]
pub fn signal<T: MaybeSend + MaybeSync + 'static>(value: T) -> (ReadSignal<T>, WriteSignal<T>) {
    let node = create_signal_node(value, Ownership::Owned);
    (
        ReadSignal {
            node,
            ty: PhantomData,
        },
        WriteSignal {
            node,
            ty: PhantomData,
        },
    )
}

#[track_caller]
pub(crate) fn create_signal_node<T: MaybeSend + MaybeSync + 'static>(
    value: T,
    ownership: Ownership,
) -> NodeRef {
    let mut node = Node::new(NodeKind::Signal, None);
    node.value = Some(Shared::new(ValueCell::new(value)));
    graph::create_node_in(node, ownership)
}

/// The read half of a signal: reading it inside a memo or effect subscribes to it.
pub struct ReadSignal<T> {
    node: NodeRef,
    ty: PhantomData<fn() -> T>,
}

/// The write half of a signal: writing notifies every reader.
pub struct WriteSignal<T> {
    node: NodeRef,
    ty: PhantomData<fn() -> T>,
}

/// A signal that can be both read and written through one handle.
///
/// ```
/// use reactive_graph::prelude::*;
/// let name = RwSignal::new(String::from("Ada"));
/// name.update(|n| n.push_str(" Lovelace"));
/// assert_eq!(name.with(|n| n.len()), 12);
/// ```
pub struct RwSignal<T> {
    node: NodeRef,
    ty: PhantomData<fn() -> T>,
}

impl_handle!(ReadSignal);
impl_handle!(WriteSignal);
impl_handle!(RwSignal);

impl<T: MaybeSend + MaybeSync + 'static> RwSignal<T> {
    /// Creates a signal holding `value`.
    #[track_caller]
    pub fn new(value: T) -> Self {
        RwSignal {
            node: create_signal_node(value, Ownership::Owned),
            ty: PhantomData,
        }
    }
}

impl<T> RwSignal<T> {
    /// The handle of an existing signal node.
    pub(crate) fn from_node(node: NodeRef) -> Self {
        RwSignal {
            node,
            ty: PhantomData,
        }
    }

    /// A read-only handle to the same signal.
    pub fn read_only(&self) -> ReadSignal<T> {
        ReadSignal {
            node: self.node,
            ty: PhantomData,
        }
    }

    /// A write-only handle to the same signal.
    pub fn write_only(&self) -> WriteSignal<T> {
        WriteSignal {
            node: self.node,
            ty: PhantomData,
        }
    }

    /// Both halves of the same signal.
    pub fn split(&self) -> (ReadSignal<T>, WriteSignal<T>) {
        (self.read_only(), self.write_only())
    }
}

impl<T: Default + MaybeSend + MaybeSync + 'static> Default for RwSignal<T> {
    #[track_caller]
    fn default() -> Self {
        Self::new(T::default())
    }
}

/// Reading: `ReadSignal` and `RwSignal`.
macro_rules! impl_read {
    ($ty:ident) => {
        impl<T> Track for $ty<T> {
            fn track(&self) {
                graph::track_node(&self.node);
            }
        }
        impl<T: MaybeSend + MaybeSync + 'static> WithUntracked for $ty<T> {
            type Value = T;
            fn try_with_untracked<U>(&self, f: impl FnOnce(&T) -> U) -> Option<U> {
                with_value(&self.node, false, f)
            }
        }
        impl<T: MaybeSend + MaybeSync + 'static> Read for $ty<T> {
            type Value = T;
            fn try_read(&self) -> Option<ReadGuard<T>> {
                read_guard(&self.node, true)
            }
        }
        impl<T: MaybeSend + MaybeSync + 'static> ReadUntracked for $ty<T> {
            type Value = T;
            fn try_read_untracked(&self) -> Option<ReadGuard<T>> {
                read_guard(&self.node, false)
            }
        }
    };
}

/// Writing: `WriteSignal` and `RwSignal`.
macro_rules! impl_write {
    ($ty:ident) => {
        impl<T: MaybeSend + MaybeSync + 'static> Update for $ty<T> {
            type Value = T;
            #[track_caller]
            fn try_maybe_update<U>(&self, f: impl FnOnce(&mut T) -> (bool, U)) -> Option<U> {
                update_value(&self.node, true, f)
            }
        }
        impl<T: MaybeSend + MaybeSync + 'static> UpdateUntracked for $ty<T> {
            type Value = T;
            #[track_caller]
            fn try_update_untracked<U>(&self, f: impl FnOnce(&mut T) -> U) -> Option<U> {
                update_value(&self.node, false, |v| (false, f(v)))
            }
        }
        impl<T: MaybeSend + MaybeSync + 'static> Write for $ty<T> {
            type Value = T;
            #[track_caller]
            fn try_write(&self) -> Option<WriteGuard<T>> {
                write_guard(&self.node, true)
            }
            #[track_caller]
            fn try_write_untracked(&self) -> Option<WriteGuard<T>> {
                write_guard(&self.node, false)
            }
        }
        impl<T> Notify for $ty<T> {
            fn notify(&self) {
                graph::notify_node(&self.node);
            }
        }
        impl<T> Dispose for $ty<T> {
            fn dispose(self) {
                dispose_node(&self.node);
            }
        }
    };
}

impl_read!(ReadSignal);
impl_read!(RwSignal);
impl_with_by_tracking!(ReadSignal);
impl_with_by_tracking!(RwSignal);
impl_write!(WriteSignal);
impl_write!(RwSignal);

impl<T> Dispose for ReadSignal<T> {
    fn dispose(self) {
        dispose_node(&self.node);
    }
}

impl<T> From<RwSignal<T>> for ReadSignal<T> {
    fn from(signal: RwSignal<T>) -> Self {
        signal.read_only()
    }
}

impl<T> From<RwSignal<T>> for WriteSignal<T> {
    fn from(signal: RwSignal<T>) -> Self {
        signal.write_only()
    }
}
