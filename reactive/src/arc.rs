//! Reference-counted handles: [`ArcRwSignal`], [`ArcReadSignal`], [`ArcWriteSignal`],
//! [`ArcMemo`] and [`ArcTrigger`] live as long as one of their clones does, rather than as
//! long as the owner they were created under. They suit values that outlive a component or
//! move between owners: a cache kept in a context, a signal stored in a struct.
//!
//! They are `Clone` but not `Copy`: clone one into each closure that needs it. Each converts
//! into its `Copy` counterpart (`RwSignal::from(arc)`), and the current owner then holds on
//! to the node until it is disposed.
//!
//! A shared handle still lives in a graph: the one of the owner current when it was made.
//! In the browser there is one graph for the page. On the server each root owner (each
//! request) has a graph of its own, and disposing the root frees everything in it, shared
//! handles included, so that a request leaves nothing behind.
//!
//! ```
//! use reactive_graph::prelude::*;
//!
//! let app = Owner::new();
//! app.with(|| {
//!     let page = Owner::new();
//!     let count = page.with(|| ArcRwSignal::new(1));
//!     page.dispose(); // the signal belongs to its clones, not to the page
//!     count.set(2);
//!     assert_eq!(count.get(), 2);
//!
//!     let double = {
//!         let count = count.clone();
//!         ArcMemo::new(move |_| count.get() * 2)
//!     };
//!     count.set(3);
//!     assert_eq!(double.get(), 6);
//! });
//! ```

use crate::derived::derive_fn;
use crate::graph::Ownership;
use crate::guards::{ReadGuard, WriteGuard};
use crate::handle::dispose_node;
use crate::memo::{memo_node, owning_memo_node};
use crate::runtime::NodeRef;
use crate::signal::create_signal_node;
use crate::sync::{MaybeSend, MaybeSync, Shared};
use crate::traits::{
    impl_with_by_tracking, DefinedAt, Notify, Read, ReadUntracked, Track, Update, UpdateUntracked,
    WithUntracked, Write,
};
use crate::trigger::trigger_node;
use crate::{Memo, Owner, ReadSignal, RwSignal, Signal, StoredValue, Trigger, WriteSignal};

/// Disposes its node when the last handle sharing it is dropped.
struct Keep(NodeRef);

impl Drop for Keep {
    fn drop(&mut self) {
        dispose_node(&self.0);
    }
}

/// Makes the current owner hold `keep` until it is disposed (or, with no owner, keeps it
/// forever, as a `Copy` handle made outside any owner is).
fn hold_with_current_owner(keep: Shared<Keep>) {
    match Owner::current() {
        Some(owner) => {
            // Owner cleanups must be `Send`; in the browser `Shared` is an `Rc`.
            #[cfg(target_arch = "wasm32")]
            let keep = crate::sync::ThreadBound::new(keep);
            owner.add_cleanup(Box::new(move || drop(keep)));
        }
        None => std::mem::forget(keep),
    }
}

/// Defines an `Arc` handle type around a `Copy` handle, with `Clone`, `Debug`, `PartialEq`,
/// `Eq`, `Hash`, `DefinedAt` and the conversion into the `Copy` handle.
macro_rules! arc_handle {
    ($(#[$doc:meta])* $arc:ident($inner:ident)) => {
        $(#[$doc])*
        pub struct $arc<T> {
            inner: $inner<T>,
            keep: Shared<Keep>,
        }

        impl<T> Clone for $arc<T> {
            fn clone(&self) -> Self {
                $arc {
                    inner: self.inner,
                    keep: self.keep.clone(),
                }
            }
        }

        impl<T> std::fmt::Debug for $arc<T> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_tuple(stringify!($arc)).field(&self.inner).finish()
            }
        }

        impl<T> PartialEq for $arc<T> {
            fn eq(&self, other: &Self) -> bool {
                self.inner == other.inner
            }
        }

        impl<T> Eq for $arc<T> {}

        impl<T> std::hash::Hash for $arc<T> {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.inner.hash(state);
            }
        }

        impl<T> DefinedAt for $arc<T> {
            fn defined_at(&self) -> Option<&'static std::panic::Location<'static>> {
                self.inner.defined_at()
            }
        }

        impl<T> From<$arc<T>> for $inner<T> {
            /// A `Copy` handle to the same node, which the current owner keeps alive until it
            /// is disposed (outside any owner, forever).
            fn from(arc: $arc<T>) -> Self {
                hold_with_current_owner(arc.keep);
                arc.inner
            }
        }
    };
}

/// Reading through an `Arc` handle: what its `Copy` handle does.
macro_rules! delegate_read {
    ($arc:ident($inner:ident)) => {
        impl<T: MaybeSend + MaybeSync + 'static> Track for $arc<T> {
            fn track(&self) {
                self.inner.track();
            }
        }
        impl<T: MaybeSend + MaybeSync + 'static> WithUntracked for $arc<T> {
            type Value = T;
            fn try_with_untracked<U>(&self, f: impl FnOnce(&T) -> U) -> Option<U> {
                self.inner.try_with_untracked(f)
            }
        }
        impl<T: MaybeSend + MaybeSync + 'static> Read for $arc<T> {
            type Value = T;
            fn try_read(&self) -> Option<ReadGuard<T>> {
                self.inner.try_read()
            }
        }
        impl<T: MaybeSend + MaybeSync + 'static> ReadUntracked for $arc<T> {
            type Value = T;
            fn try_read_untracked(&self) -> Option<ReadGuard<T>> {
                self.inner.try_read_untracked()
            }
        }
        impl_with_by_tracking!($arc);
        impl<T: MaybeSend + MaybeSync + 'static> From<$arc<T>> for Signal<T> {
            fn from(arc: $arc<T>) -> Self {
                Signal::from($inner::from(arc))
            }
        }
    };
}

/// Writing through an `Arc` handle: what its `Copy` handle does.
macro_rules! delegate_write {
    ($arc:ident) => {
        impl<T: MaybeSend + MaybeSync + 'static> Update for $arc<T> {
            type Value = T;
            #[track_caller]
            fn try_maybe_update<U>(&self, f: impl FnOnce(&mut T) -> (bool, U)) -> Option<U> {
                self.inner.try_maybe_update(f)
            }
        }
        impl<T: MaybeSend + MaybeSync + 'static> UpdateUntracked for $arc<T> {
            type Value = T;
            #[track_caller]
            fn try_update_untracked<U>(&self, f: impl FnOnce(&mut T) -> U) -> Option<U> {
                self.inner.try_update_untracked(f)
            }
        }
        impl<T: MaybeSend + MaybeSync + 'static> Write for $arc<T> {
            type Value = T;
            #[track_caller]
            fn try_write(&self) -> Option<WriteGuard<T>> {
                self.inner.try_write()
            }
            #[track_caller]
            fn try_write_untracked(&self) -> Option<WriteGuard<T>> {
                self.inner.try_write_untracked()
            }
        }
        impl<T> Notify for $arc<T> {
            fn notify(&self) {
                self.inner.notify();
            }
        }
    };
}

arc_handle!(
    /// A signal that lives as long as one of its clones: [`RwSignal`] without an owner.
    ///
    /// ```
    /// use reactive_graph::prelude::*;
    /// let name = ArcRwSignal::new(String::from("Ada"));
    /// let reader = name.read_only();
    /// name.update(|n| n.push_str(" Lovelace"));
    /// assert_eq!(reader.get(), "Ada Lovelace");
    /// ```
    ArcRwSignal(RwSignal)
);
arc_handle!(
    /// The read half of an [`arc_signal`]: [`ReadSignal`] without an owner.
    ArcReadSignal(ReadSignal)
);
arc_handle!(
    /// The write half of an [`arc_signal`]: [`WriteSignal`] without an owner.
    ArcWriteSignal(WriteSignal)
);
arc_handle!(
    /// A memo that lives as long as one of its clones: [`Memo`] without an owner.
    ArcMemo(Memo)
);

delegate_read!(ArcRwSignal(RwSignal));
delegate_read!(ArcReadSignal(ReadSignal));
delegate_read!(ArcMemo(Memo));
delegate_write!(ArcRwSignal);
delegate_write!(ArcWriteSignal);

/// Creates a signal that lives as long as one of its halves (see [`signal`](crate::signal)).
///
/// ```
/// use reactive_graph::prelude::*;
/// let (count, set_count) = arc_signal(0);
/// set_count.update(|n| *n += 1);
/// assert_eq!(count.get(), 1);
/// ```
#[track_caller]
pub fn arc_signal<T: MaybeSend + MaybeSync + 'static>(
    value: T,
) -> (ArcReadSignal<T>, ArcWriteSignal<T>) {
    ArcRwSignal::new(value).split()
}

impl<T: MaybeSend + MaybeSync + 'static> ArcRwSignal<T> {
    /// Creates a signal holding `value`, owned by its clones.
    #[track_caller]
    pub fn new(value: T) -> Self {
        let node = create_signal_node(value, Ownership::Shared);
        ArcRwSignal {
            inner: RwSignal::from_node(node),
            keep: Shared::new(Keep(node)),
        }
    }
}

impl<T> ArcRwSignal<T> {
    /// The `Copy` handle to the node, which does not keep it alive (unlike
    /// `RwSignal::from(arc)`, which hands it to the current owner).
    pub(crate) fn unkept(&self) -> RwSignal<T> {
        self.inner
    }

    /// A read-only handle to the same signal.
    pub fn read_only(&self) -> ArcReadSignal<T> {
        ArcReadSignal {
            inner: self.inner.read_only(),
            keep: self.keep.clone(),
        }
    }

    /// A write-only handle to the same signal.
    pub fn write_only(&self) -> ArcWriteSignal<T> {
        ArcWriteSignal {
            inner: self.inner.write_only(),
            keep: self.keep.clone(),
        }
    }

    /// Both halves of the same signal.
    pub fn split(&self) -> (ArcReadSignal<T>, ArcWriteSignal<T>) {
        (self.read_only(), self.write_only())
    }
}

impl<T: Default + MaybeSend + MaybeSync + 'static> Default for ArcRwSignal<T> {
    #[track_caller]
    fn default() -> Self {
        Self::new(T::default())
    }
}

impl<T: PartialEq + MaybeSend + MaybeSync + 'static> ArcMemo<T> {
    /// Creates a memo owned by its clones (see [`Memo::new`]).
    #[track_caller]
    pub fn new(compute: impl Fn(Option<&T>) -> T + MaybeSend + MaybeSync + 'static) -> Self {
        Self::new_with_compare(compute, |old, new| old != new)
    }
}

impl<T: MaybeSend + MaybeSync + 'static> ArcMemo<T> {
    /// Creates a memo owned by its clones that decides with `changed(old, new)` whether its
    /// subscribers must re-run (see [`Memo::new_with_compare`]).
    #[track_caller]
    pub fn new_with_compare(
        compute: impl Fn(Option<&T>) -> T + MaybeSend + MaybeSync + 'static,
        changed: fn(Option<&T>, Option<&T>) -> bool,
    ) -> Self {
        ArcMemo::from_node(memo_node(compute, changed, Ownership::Shared))
    }

    /// Creates a memo owned by its clones whose function takes the previous value itself
    /// (see [`Memo::new_owning`]).
    ///
    /// ```
    /// use reactive_graph::prelude::*;
    /// let (n, set_n) = signal(1);
    /// // A running total: the function gets the last total and adds the new input.
    /// let total = ArcMemo::new_owning(move |total: Option<i32>| {
    ///     (total.unwrap_or(0) + n.get(), true)
    /// });
    /// assert_eq!(total.get(), 1);
    /// set_n.set(2);
    /// assert_eq!(total.get(), 3);
    /// ```
    #[track_caller]
    pub fn new_owning(
        compute: impl Fn(Option<T>) -> (T, bool) + MaybeSend + MaybeSync + 'static,
    ) -> Self {
        ArcMemo::from_node(owning_memo_node(compute, Ownership::Shared))
    }

    fn from_node(node: NodeRef) -> Self {
        ArcMemo {
            inner: Memo::from_node(node),
            keep: Shared::new(Keep(node)),
        }
    }
}

/// A [`Trigger`] that lives as long as one of its clones.
#[derive(Clone)]
pub struct ArcTrigger {
    inner: Trigger,
    keep: Shared<Keep>,
}

impl ArcTrigger {
    /// Creates a trigger owned by its clones.
    #[track_caller]
    pub fn new() -> Self {
        let node = trigger_node(Ownership::Shared);
        ArcTrigger {
            inner: Trigger::from_node(node),
            keep: Shared::new(Keep(node)),
        }
    }
}

impl Default for ArcTrigger {
    #[track_caller]
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for ArcTrigger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("ArcTrigger").field(&self.inner).finish()
    }
}

impl Track for ArcTrigger {
    fn track(&self) {
        self.inner.track();
    }
}

impl Notify for ArcTrigger {
    fn notify(&self) {
        self.inner.notify();
    }
}

impl DefinedAt for ArcTrigger {
    fn defined_at(&self) -> Option<&'static std::panic::Location<'static>> {
        self.inner.defined_at()
    }
}

impl From<ArcTrigger> for Trigger {
    /// A `Copy` handle to the same trigger, kept alive by the current owner.
    fn from(arc: ArcTrigger) -> Self {
        hold_with_current_owner(arc.keep);
        arc.inner
    }
}

/// A [`Signal`] that lives as long as one of its clones: any reactive value of type `T` (a
/// shared signal or memo, a derived closure or a constant) that is not freed with the owner
/// it was made under. Take one where a struct or a cache should keep a reactive value.
///
/// ```
/// use reactive_graph::prelude::*;
///
/// let app = Owner::new();
/// app.with(|| {
///     let page = Owner::new();
///     let (count, doubled) = page.with(|| {
///         let count = ArcRwSignal::new(1);
///         let c = count.clone();
///         (count, ArcSignal::derive(move || c.get() * 2))
///     });
///     let as_signal: ArcSignal<i32> = count.clone().into();
///     page.dispose(); // both belong to their clones, not to the page
///     count.set(4);
///     assert_eq!((as_signal.get(), doubled.get()), (4, 8));
/// });
/// ```
pub struct ArcSignal<T: 'static> {
    inner: Signal<T>,
    keep: Shared<Keep>,
}

impl<T: MaybeSend + MaybeSync + 'static> ArcSignal<T> {
    /// Wraps a closure that reads other reactive values; it re-runs at every read.
    #[track_caller]
    pub fn derive(f: impl Fn() -> T + MaybeSend + MaybeSync + 'static) -> Self {
        let stored = StoredValue::new_shared(derive_fn(f));
        ArcSignal {
            inner: Signal::from_derive_fn(stored),
            keep: Shared::new(Keep(stored.node())),
        }
    }

    /// Wraps a constant.
    #[track_caller]
    pub fn stored(value: T) -> Self {
        let stored = StoredValue::new_shared(value);
        ArcSignal {
            inner: Signal::from_stored(stored),
            keep: Shared::new(Keep(stored.node())),
        }
    }
}

impl<T> Clone for ArcSignal<T> {
    fn clone(&self) -> Self {
        ArcSignal {
            inner: self.inner,
            keep: self.keep.clone(),
        }
    }
}

impl<T> std::fmt::Debug for ArcSignal<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("ArcSignal").field(&self.inner).finish()
    }
}

impl<T> DefinedAt for ArcSignal<T> {
    fn defined_at(&self) -> Option<&'static std::panic::Location<'static>> {
        self.inner.defined_at()
    }
}

impl<T: 'static> Track for ArcSignal<T> {
    fn track(&self) {
        self.inner.track();
    }
}

impl<T: 'static> WithUntracked for ArcSignal<T> {
    type Value = T;
    fn try_with_untracked<U>(&self, f: impl FnOnce(&T) -> U) -> Option<U> {
        self.inner.try_with_untracked(f)
    }
}

/// Reads in one pass, as [`Signal`] does.
impl<T: 'static> crate::traits::With for ArcSignal<T> {
    type Value = T;
    fn try_with<U>(&self, f: impl FnOnce(&T) -> U) -> Option<U> {
        self.inner.try_with(f)
    }
}

impl<T: 'static> Read for ArcSignal<T> {
    type Value = T;
    fn try_read(&self) -> Option<ReadGuard<T>> {
        self.inner.try_read()
    }
}

impl<T: 'static> ReadUntracked for ArcSignal<T> {
    type Value = T;
    fn try_read_untracked(&self) -> Option<ReadGuard<T>> {
        self.inner.try_read_untracked()
    }
}

impl<T> From<ArcSignal<T>> for Signal<T> {
    /// A `Copy` handle to the same value, which the current owner keeps alive until it is
    /// disposed (outside any owner, forever).
    fn from(arc: ArcSignal<T>) -> Self {
        hold_with_current_owner(arc.keep);
        arc.inner
    }
}

macro_rules! arc_signal_from {
    ($($arc:ident),*) => {$(
        impl<T: MaybeSend + MaybeSync + 'static> From<$arc<T>> for ArcSignal<T> {
            fn from(arc: $arc<T>) -> Self {
                ArcSignal {
                    inner: Signal::from(arc.inner),
                    keep: arc.keep,
                }
            }
        }
    )*};
}
arc_signal_from!(ArcReadSignal, ArcRwSignal, ArcMemo);

impl<T: MaybeSend + MaybeSync + 'static> From<T> for ArcSignal<T> {
    #[track_caller]
    fn from(value: T) -> Self {
        ArcSignal::stored(value)
    }
}
