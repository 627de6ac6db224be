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
use crate::runtime::{NodeKind, NodeRef};
use crate::storage::{local_cell, sync_cell, value_node, LocalStorage, SyncStorage};
use crate::sync::{MaybeSend, MaybeSync};
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
    RwSignal::new(value).split()
}

/// Creates a signal for a value that is not `Send` (an `Rc`, a `web_sys` object), pinned to
/// the thread that created it, and returns its read and write halves.
///
/// In the browser there is one thread and this is [`signal`]. On the server, using either
/// half from another thread panics with a message; keep such signals to code that runs in
/// the browser. See [`LocalStorage`](crate::LocalStorage).
///
/// ```
/// use reactive_graph::prelude::*;
/// use std::rc::Rc;
/// let (list, set_list) = signal_local(Rc::new(vec![1]));
/// set_list.update(|l| Rc::make_mut(l).push(2));
/// assert_eq!(list.with(|l| l.len()), 2);
/// ```
#[track_caller]
pub fn signal_local<T: 'static>(
    value: T,
) -> (ReadSignal<T, LocalStorage>, WriteSignal<T, LocalStorage>) {
    RwSignal::new_local(value).split()
}

#[track_caller]
pub(crate) fn create_signal_node<T: MaybeSend + MaybeSync + 'static>(
    value: T,
    ownership: Ownership,
) -> NodeRef {
    value_node(NodeKind::Signal, sync_cell(value), ownership)
}

/// The read half of a signal: reading it inside a memo or effect subscribes to it.
///
/// `S` is where the value is kept: [`SyncStorage`] (the default) or [`LocalStorage`] (from
/// [`signal_local`]).
pub struct ReadSignal<T, S = SyncStorage> {
    node: NodeRef,
    ty: PhantomData<fn() -> (T, S)>,
}

/// The write half of a signal: writing notifies every reader.
pub struct WriteSignal<T, S = SyncStorage> {
    node: NodeRef,
    ty: PhantomData<fn() -> (T, S)>,
}

/// A signal that can be both read and written through one handle.
///
/// ```
/// use reactive_graph::prelude::*;
/// let name = RwSignal::new(String::from("Ada"));
/// name.update(|n| n.push_str(" Lovelace"));
/// assert_eq!(name.with(|n| n.len()), 12);
/// ```
///
/// `S` is where the value is kept: [`SyncStorage`] (the default) or [`LocalStorage`] (from
/// [`RwSignal::new_local`]).
pub struct RwSignal<T, S = SyncStorage> {
    node: NodeRef,
    ty: PhantomData<fn() -> (T, S)>,
}

impl_handle!(ReadSignal, S);
impl_handle!(WriteSignal, S);
impl_handle!(RwSignal, S);

impl<T: MaybeSend + MaybeSync + 'static> RwSignal<T> {
    /// Creates a signal holding `value`.
    #[track_caller]
    pub fn new(value: T) -> Self {
        RwSignal::from_node(create_signal_node(value, Ownership::Owned))
    }
}

impl<T: 'static> RwSignal<T, LocalStorage> {
    /// Creates a signal holding a value that is not `Send` (an `Rc`, a `web_sys` object),
    /// pinned to the thread that created it: on the server, using it from another thread
    /// panics with a message. In the browser this is [`RwSignal::new`].
    ///
    /// ```
    /// use reactive_graph::prelude::*;
    /// use std::cell::Cell;
    /// use std::rc::Rc;
    /// let clicks = RwSignal::new_local(Rc::new(Cell::new(0)));
    /// clicks.with(|c| c.set(c.get() + 1));
    /// assert_eq!(clicks.get().get(), 1);
    /// ```
    #[track_caller]
    pub fn new_local(value: T) -> Self {
        RwSignal::from_node(value_node(
            NodeKind::Signal,
            local_cell(value),
            Ownership::Owned,
        ))
    }
}

impl<T, S> RwSignal<T, S> {
    /// The handle of an existing signal node.
    pub(crate) fn from_node(node: NodeRef) -> Self {
        RwSignal {
            node,
            ty: PhantomData,
        }
    }

    /// A read-only handle to the same signal.
    pub fn read_only(&self) -> ReadSignal<T, S> {
        ReadSignal {
            node: self.node,
            ty: PhantomData,
        }
    }

    /// A write-only handle to the same signal.
    pub fn write_only(&self) -> WriteSignal<T, S> {
        WriteSignal {
            node: self.node,
            ty: PhantomData,
        }
    }

    /// Both halves of the same signal.
    pub fn split(&self) -> (ReadSignal<T, S>, WriteSignal<T, S>) {
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
        impl<T, S> Track for $ty<T, S> {
            fn track(&self) {
                graph::track_node(&self.node);
            }
        }
        impl<T: 'static, S> WithUntracked for $ty<T, S> {
            type Value = T;
            fn try_with_untracked<U>(&self, f: impl FnOnce(&T) -> U) -> Option<U> {
                with_value(&self.node, false, f)
            }
        }
        impl<T: 'static, S> Read for $ty<T, S> {
            type Value = T;
            fn try_read(&self) -> Option<ReadGuard<T>> {
                read_guard(&self.node, true)
            }
        }
        impl<T: 'static, S> ReadUntracked for $ty<T, S> {
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
        impl<T: 'static, S> Update for $ty<T, S> {
            type Value = T;
            #[track_caller]
            fn try_maybe_update<U>(&self, f: impl FnOnce(&mut T) -> (bool, U)) -> Option<U> {
                update_value(&self.node, true, f)
            }
        }
        impl<T: 'static, S> UpdateUntracked for $ty<T, S> {
            type Value = T;
            #[track_caller]
            fn try_update_untracked<U>(&self, f: impl FnOnce(&mut T) -> U) -> Option<U> {
                update_value(&self.node, false, |v| (false, f(v)))
            }
        }
        impl<T: 'static, S> Write for $ty<T, S> {
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
        impl<T, S> Notify for $ty<T, S> {
            fn notify(&self) {
                graph::notify_node(&self.node);
            }
        }
        impl<T, S> Dispose for $ty<T, S> {
            fn dispose(self) {
                dispose_node(&self.node);
            }
        }
    };
}

impl_read!(ReadSignal);
impl_read!(RwSignal);
impl_with_by_tracking!(ReadSignal, S);
impl_with_by_tracking!(RwSignal, S);
impl_write!(WriteSignal);
impl_write!(RwSignal);

impl<T, S> Dispose for ReadSignal<T, S> {
    fn dispose(self) {
        dispose_node(&self.node);
    }
}

impl<T, S> From<RwSignal<T, S>> for ReadSignal<T, S> {
    fn from(signal: RwSignal<T, S>) -> Self {
        signal.read_only()
    }
}

impl<T, S> From<RwSignal<T, S>> for WriteSignal<T, S> {
    fn from(signal: RwSignal<T, S>) -> Self {
        signal.write_only()
    }
}
