//! Memos: derived values that are computed lazily and only when an input really changed.

use crate::graph::{self, Ownership};
use crate::guards::ReadGuard;
use crate::handle::{dispose_node, impl_handle};
use crate::runtime::{Compute, Node, NodeKind, NodeRef, NodeState};
use crate::sync::{read_cell, write_cell, MaybeSend, MaybeSync, OwnedRead, Shared, ValueCell};
use crate::traits::{impl_with_by_tracking, Dispose, Read, ReadUntracked, Track, WithUntracked};
use std::marker::PhantomData;

/// A value derived from other reactive values, cached until one of them changes.
///
/// A memo computes when it is first read and recomputes only when it is read again after
/// one of its inputs changed. When the new value equals the old one, the memo's own
/// subscribers do not re-run: use a memo to stop needless work downstream.
///
/// ```
/// use reactive_graph::prelude::*;
/// let (n, set_n) = signal(3);
/// let is_even = Memo::new(move |_| n.get() % 2 == 0);
/// assert!(!is_even.get());
/// set_n.set(5); // is_even stays `false`: nothing that reads it re-runs
/// assert!(!is_even.get());
/// ```
pub struct Memo<T> {
    node: NodeRef,
    ty: PhantomData<fn() -> T>,
}

impl_handle!(Memo);
impl_with_by_tracking!(Memo);

/// The computation stored in a memo's node, with the memo's value: one allocation per memo
/// (the node has no separate value; readers find the cell through [`Compute::value`]).
struct MemoCompute<T, F> {
    cell: ValueCell<Option<T>>,
    compute: F,
    changed: fn(Option<&T>, Option<&T>) -> bool,
}

#[cold]
#[track_caller]
fn panic_recomputed_while_read() -> ! {
    panic!(
        "a memo had to recompute while its value was being read on this thread (a `.read()` \
         guard, or inside its own `.with(...)`); drop the guard before changing what the memo \
         reads"
    )
}

impl<T, F> Compute for MemoCompute<T, F>
where
    T: MaybeSend + MaybeSync + 'static,
    F: Fn(Option<&T>) -> T + MaybeSend + MaybeSync + 'static,
{
    fn run(&self) -> bool {
        let new = read_cell(&self.cell, |old| (self.compute)(old.as_ref()));
        let changed = read_cell(&self.cell, |old| (self.changed)(old.as_ref(), Some(&new)));
        if changed && write_cell(&self.cell, |value| *value = Some(new)).is_none() {
            panic_recomputed_while_read();
        }
        changed
    }

    fn value(&self) -> &dyn std::any::Any {
        &self.cell
    }
}

/// The computation of a memo made with [`Memo::new_owning`]: it is handed the previous value
/// itself, and says whether the new one differs.
struct OwningMemoCompute<T, F> {
    cell: ValueCell<Option<T>>,
    compute: F,
}

impl<T, F> Compute for OwningMemoCompute<T, F>
where
    T: MaybeSend + MaybeSync + 'static,
    F: Fn(Option<T>) -> (T, bool) + MaybeSend + MaybeSync + 'static,
{
    fn run(&self) -> bool {
        // The value is moved out and back under the write guard, so no reader ever sees the
        // memo without a value (a reader on another thread waits for the new one).
        let changed = write_cell(&self.cell, |value| {
            let (new, changed) = (self.compute)(value.take());
            *value = Some(new);
            changed
        });
        changed.unwrap_or_else(|| panic_recomputed_while_read())
    }

    fn value(&self) -> &dyn std::any::Any {
        &self.cell
    }
}

impl<T: PartialEq + MaybeSend + MaybeSync + 'static> Memo<T> {
    /// Creates a memo from a function of its previous value (`None` the first time).
    #[track_caller]
    pub fn new(compute: impl Fn(Option<&T>) -> T + MaybeSend + MaybeSync + 'static) -> Self {
        Self::new_with_compare(compute, |old, new| old != new)
    }
}

impl<T: MaybeSend + MaybeSync + 'static> Memo<T> {
    /// Creates a memo that decides with `changed(old, new)` whether its subscribers must
    /// re-run (for values that are not `PartialEq`, or to compare less strictly).
    #[track_caller]
    pub fn new_with_compare(
        compute: impl Fn(Option<&T>) -> T + MaybeSend + MaybeSync + 'static,
        changed: fn(Option<&T>, Option<&T>) -> bool,
    ) -> Self {
        Memo::from_node(memo_node(compute, changed, Ownership::Owned))
    }

    /// Creates a memo whose function takes the previous value itself (`None` the first
    /// time) and returns the new value with whether it changed: for a value that is costly
    /// to clone or compare, such as a list the memo extends in place.
    ///
    /// Reading the memo inside its own function panics: the value is in the function's
    /// hands while it runs.
    ///
    /// ```
    /// use reactive_graph::prelude::*;
    /// let (word, set_word) = signal("a");
    /// // Every distinct word seen, kept in one vector that is never copied.
    /// let seen = Memo::new_owning(move |previous: Option<Vec<&'static str>>| {
    ///     let mut seen = previous.unwrap_or_default();
    ///     let word = word.get();
    ///     if seen.contains(&word) {
    ///         (seen, false)
    ///     } else {
    ///         seen.push(word);
    ///         (seen, true)
    ///     }
    /// });
    /// assert_eq!(seen.get(), ["a"]);
    /// set_word.set("b");
    /// assert_eq!(seen.get(), ["a", "b"]);
    /// set_word.set("a");
    /// assert_eq!(seen.get(), ["a", "b"]);
    /// ```
    #[track_caller]
    pub fn new_owning(
        compute: impl Fn(Option<T>) -> (T, bool) + MaybeSend + MaybeSync + 'static,
    ) -> Self {
        Memo::from_node(owning_memo_node(compute, Ownership::Owned))
    }

    /// The handle of an existing memo node.
    pub(crate) fn from_node(node: NodeRef) -> Self {
        Memo {
            node,
            ty: PhantomData,
        }
    }
}

impl<T: 'static> Memo<T> {
    /// Brings the memo up to date; `false` if it was disposed.
    fn update(&self) -> bool {
        match self.node.runtime() {
            Some(runtime) => {
                graph::update_if_necessary(&runtime, self.node.id);
                true
            }
            None => false,
        }
    }
}

/// Creates a memo's node (see [`Memo::new_with_compare`]).
#[track_caller]
pub(crate) fn memo_node<T: MaybeSend + MaybeSync + 'static>(
    compute: impl Fn(Option<&T>) -> T + MaybeSend + MaybeSync + 'static,
    changed: fn(Option<&T>, Option<&T>) -> bool,
    ownership: Ownership,
) -> NodeRef {
    let compute = Shared::new(MemoCompute {
        cell: ValueCell::new(None::<T>),
        compute,
        changed,
    });
    create_memo_node(compute, ownership)
}

/// Creates the node of a memo that owns its previous value (see [`Memo::new_owning`]).
#[track_caller]
pub(crate) fn owning_memo_node<T: MaybeSend + MaybeSync + 'static>(
    compute: impl Fn(Option<T>) -> (T, bool) + MaybeSend + MaybeSync + 'static,
    ownership: Ownership,
) -> NodeRef {
    let compute = Shared::new(OwningMemoCompute {
        cell: ValueCell::new(None::<T>),
        compute,
    });
    create_memo_node(compute, ownership)
}

/// Puts a memo's computation (which holds its value) into a new node, to be computed on its
/// first read. Not generic: one copy serves every memo type.
#[track_caller]
fn create_memo_node(compute: Shared<dyn Compute>, ownership: Ownership) -> NodeRef {
    let mut node = Node::new(NodeKind::Memo, None);
    node.state = NodeState::Dirty; // computed on first read
    node.compute = Some(compute);
    graph::create_node_in(node, ownership)
}

impl<T: 'static> Track for Memo<T> {
    fn track(&self) {
        if self.update() {
            graph::track_node(&self.node);
        }
    }
}

impl<T: 'static> WithUntracked for Memo<T> {
    type Value = T;

    fn try_with_untracked<U>(&self, f: impl FnOnce(&T) -> U) -> Option<U> {
        if !self.update() {
            return None;
        }
        let compute = graph::node_compute(&self.node)?;
        let Some(cell) = compute.value().downcast_ref::<ValueCell<Option<T>>>() else {
            unreachable!("a memo handle's type always matches its node's value")
        };
        read_cell(cell, |value| value.as_ref().map(f))
    }
}

impl<T: 'static> ReadUntracked for Memo<T> {
    type Value = T;

    fn try_read_untracked(&self) -> Option<ReadGuard<T>> {
        if !self.update() {
            return None;
        }
        let compute = graph::node_compute(&self.node)?;
        let lock = OwnedRead::lock(compute, |compute| {
            compute.value().downcast_ref::<ValueCell<Option<T>>>()
        })?;
        ReadGuard::computed(lock)
    }
}

impl<T: 'static> Read for Memo<T> {
    type Value = T;

    fn try_read(&self) -> Option<ReadGuard<T>> {
        self.track();
        self.try_read_untracked()
    }
}

impl<T> Dispose for Memo<T> {
    fn dispose(self) {
        dispose_node(&self.node);
    }
}
