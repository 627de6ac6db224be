//! Stored values: data kept in the graph for its owner's lifetime, with no reactivity.

use crate::graph::Ownership;
use crate::guards::ReadGuard;
use crate::handle::{dispose_node, impl_handle, read_guard, update_value, with_value};
use crate::runtime::{NodeKind, NodeRef};
use crate::storage::{local_cell, sync_cell, value_node, LocalStorage, SyncStorage};
use crate::sync::{AnyShared, MaybeSend, MaybeSync};
use crate::traits::{panic_disposed, DefinedAt, Dispose};
use std::marker::PhantomData;

/// A `Copy` handle to a value that lives as long as its owner. Reading it subscribes to
/// nothing and writing it notifies no one: use it to share non-reactive data (a callback, a
/// cache) between closures without cloning.
///
/// ```
/// use reactive_graph::prelude::*;
/// let names = StoredValue::new(vec!["Ada"]);
/// names.update_value(|n| n.push("Grace"));
/// assert_eq!(names.with_value(|n| n.len()), 2);
/// ```
///
/// `S` is where the value is kept: [`SyncStorage`] (the default) or [`LocalStorage`] (from
/// [`StoredValue::new_local`]).
pub struct StoredValue<T, S = SyncStorage> {
    node: NodeRef,
    ty: PhantomData<fn() -> (T, S)>,
}

impl_handle!(StoredValue, S);

impl<T: MaybeSend + MaybeSync + 'static> StoredValue<T> {
    /// Stores `value`, owned by the current owner.
    #[track_caller]
    pub fn new(value: T) -> Self {
        Self::with_cell(sync_cell(value), Ownership::Owned)
    }

    /// Stores `value` in a node that belongs to no owner (an `Arc` handle frees it).
    #[track_caller]
    pub(crate) fn new_shared(value: T) -> Self {
        Self::with_cell(sync_cell(value), Ownership::Shared)
    }
}

impl<T: 'static> StoredValue<T, LocalStorage> {
    /// Stores a value that is not `Send` (an `Rc`, a JS closure), pinned to the thread that
    /// created it: on the server, using it from another thread panics with a message. In the
    /// browser this is [`StoredValue::new`].
    ///
    /// ```
    /// use reactive_graph::prelude::*;
    /// use std::rc::Rc;
    /// let greet = StoredValue::new_local(Rc::new(|name: &str| format!("hi {name}")));
    /// assert_eq!(greet.with_value(|f| f("Ada")), "hi Ada");
    /// ```
    #[track_caller]
    pub fn new_local(value: T) -> Self {
        Self::with_cell(local_cell(value), Ownership::Owned)
    }
}

impl<T: 'static, S> StoredValue<T, S> {
    #[track_caller]
    fn with_cell(value: AnyShared, ownership: Ownership) -> Self {
        StoredValue {
            node: value_node(NodeKind::Stored, value, ownership),
            ty: PhantomData,
        }
    }

    /// The node the value is stored in.
    pub(crate) fn node(&self) -> NodeRef {
        self.node
    }

    /// Calls `f` with the value, or returns `None` if it was disposed.
    pub fn try_with_value<U>(&self, f: impl FnOnce(&T) -> U) -> Option<U> {
        with_value(&self.node, false, f)
    }

    /// Calls `f` with the value.
    ///
    /// # Panics
    /// If the value was disposed.
    #[track_caller]
    pub fn with_value<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.try_with_value(f)
            .unwrap_or_else(|| panic_disposed(self.defined_at(), std::any::type_name::<Self>()))
    }

    /// Mutates the value, or returns `None` if it was disposed.
    #[track_caller]
    pub fn try_update_value<U>(&self, f: impl FnOnce(&mut T) -> U) -> Option<U> {
        update_value(&self.node, false, |v| (false, f(v)))
    }

    /// Mutates the value.
    ///
    /// # Panics
    /// If the value was disposed.
    #[track_caller]
    pub fn update_value<U>(&self, f: impl FnOnce(&mut T) -> U) -> U {
        self.try_update_value(f)
            .unwrap_or_else(|| panic_disposed(self.defined_at(), std::any::type_name::<Self>()))
    }

    /// Replaces the value.
    ///
    /// # Panics
    /// If the value was disposed.
    #[track_caller]
    pub fn set_value(&self, value: T) {
        self.update_value(|v| *v = value);
    }
}

impl<T: 'static, S> StoredValue<T, S> {
    /// A guard lending the value, or `None` if the value was disposed.
    pub fn try_read_value(&self) -> Option<ReadGuard<T>> {
        read_guard(&self.node, false)
    }
}

impl<T: Clone + 'static, S> StoredValue<T, S> {
    /// A clone of the value, or `None` if it was disposed.
    pub fn try_get_value(&self) -> Option<T> {
        self.try_with_value(T::clone)
    }

    /// A clone of the value.
    ///
    /// # Panics
    /// If the value was disposed.
    #[track_caller]
    pub fn get_value(&self) -> T {
        self.with_value(T::clone)
    }
}

impl<T, S> Dispose for StoredValue<T, S> {
    fn dispose(self) {
        dispose_node(&self.node);
    }
}
