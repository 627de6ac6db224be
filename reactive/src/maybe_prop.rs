//! `MaybeProp<T>`: an optional reactive value, the usual type of a component's optional prop.

use crate::guards::ReadGuard;
use crate::memo::Memo;
use crate::signal::{ReadSignal, RwSignal};
use crate::sync::{MaybeSend, MaybeSync};
use crate::traits::{DefinedAt, Get, Read, ReadUntracked, Track, With, WithUntracked};
use crate::Signal;

/// A value that may be absent, and may change: nothing, a constant, a signal, a memo or a
/// derived closure. Reading it gives an `Option<T>`.
///
/// It is what a component takes for an optional prop that callers may pass as a plain value
/// or as something reactive: `#[prop(into, optional)] class: MaybeProp<String>` accepts no
/// `class` at all, `class="wide"`, or `class=some_signal`. In `view!` it follows its value:
/// `<div class=class>` has no `class` attribute while the value is `None`.
///
/// ```
/// use reactive_graph::prelude::*;
/// use reactive_graph::MaybeProp;
/// let (name, set_name) = signal("Ada".to_owned());
/// let absent: MaybeProp<String> = MaybeProp::default();
/// let constant: MaybeProp<String> = "Grace".into();
/// let following: MaybeProp<String> = name.into();
/// assert_eq!(absent.get(), None);
/// assert_eq!(constant.get().as_deref(), Some("Grace"));
/// set_name.set("Alan".to_owned());
/// assert_eq!(following.get().as_deref(), Some("Alan"));
/// ```
pub struct MaybeProp<T: 'static>(Option<Signal<Option<T>>>);

impl<T> Clone for MaybeProp<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for MaybeProp<T> {}

impl<T> Default for MaybeProp<T> {
    /// No value (not even a reactive one).
    fn default() -> Self {
        MaybeProp(None)
    }
}

impl<T> std::fmt::Debug for MaybeProp<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            None => f.write_str("MaybeProp(None)"),
            Some(signal) => f.debug_tuple("MaybeProp").field(signal).finish(),
        }
    }
}

impl<T: MaybeSend + MaybeSync + 'static> MaybeProp<T> {
    /// Wraps a closure that reads other reactive values; it re-runs at every read.
    #[track_caller]
    pub fn derive(f: impl Fn() -> Option<T> + MaybeSend + MaybeSync + 'static) -> Self {
        MaybeProp(Some(Signal::derive(f)))
    }
}

impl<T> DefinedAt for MaybeProp<T> {
    fn defined_at(&self) -> Option<&'static std::panic::Location<'static>> {
        self.0.as_ref().and_then(DefinedAt::defined_at)
    }
}

impl<T: MaybeSend + MaybeSync + 'static> Track for MaybeProp<T> {
    fn track(&self) {
        if let Some(signal) = &self.0 {
            signal.track();
        }
    }
}

impl<T: MaybeSend + MaybeSync + 'static> WithUntracked for MaybeProp<T> {
    type Value = Option<T>;

    fn try_with_untracked<U>(&self, f: impl FnOnce(&Option<T>) -> U) -> Option<U> {
        match &self.0 {
            None => Some(f(&None)),
            Some(signal) => signal.try_with_untracked(f),
        }
    }
}

impl<T: MaybeSend + MaybeSync + 'static> With for MaybeProp<T> {
    type Value = Option<T>;

    fn try_with<U>(&self, f: impl FnOnce(&Option<T>) -> U) -> Option<U> {
        match &self.0 {
            None => Some(f(&None)),
            Some(signal) => signal.try_with(f),
        }
    }
}

impl<T: MaybeSend + MaybeSync + 'static> ReadUntracked for MaybeProp<T> {
    type Value = Option<T>;

    fn try_read_untracked(&self) -> Option<ReadGuard<Option<T>>> {
        match &self.0 {
            None => Some(ReadGuard::owned(None)),
            Some(signal) => signal.try_read_untracked(),
        }
    }
}

impl<T: MaybeSend + MaybeSync + 'static> Read for MaybeProp<T> {
    type Value = Option<T>;

    fn try_read(&self) -> Option<ReadGuard<Option<T>>> {
        match &self.0 {
            None => Some(ReadGuard::owned(None)),
            Some(signal) => signal.try_read(),
        }
    }
}

impl<T: MaybeSend + MaybeSync + 'static> From<T> for MaybeProp<T> {
    #[track_caller]
    fn from(value: T) -> Self {
        MaybeProp(Some(Signal::stored(Some(value))))
    }
}

impl<T: MaybeSend + MaybeSync + 'static> From<Option<T>> for MaybeProp<T> {
    #[track_caller]
    fn from(value: Option<T>) -> Self {
        MaybeProp(Some(Signal::stored(value)))
    }
}

/// `label="literal"` for a `#[prop(into, optional)] label: MaybeProp<String>`.
impl From<&str> for MaybeProp<String> {
    #[track_caller]
    fn from(value: &str) -> Self {
        Some(value.to_owned()).into()
    }
}

/// `label=Some("literal")`.
impl From<Option<&str>> for MaybeProp<String> {
    #[track_caller]
    fn from(value: Option<&str>) -> Self {
        value.map(str::to_owned).into()
    }
}

/// Implements `From<$handle<Option<T>>>` (as it is) and `From<$handle<T>>` (wrapped in
/// `Some`) for `MaybeProp<T>`.
macro_rules! from_handles {
    ($($handle:ident),*) => {$(
        impl<T: MaybeSend + MaybeSync + 'static> From<$handle<Option<T>>> for MaybeProp<T> {
            fn from(handle: $handle<Option<T>>) -> Self {
                MaybeProp(Some(handle.into()))
            }
        }

        impl<T: Clone + MaybeSend + MaybeSync + 'static> From<$handle<T>> for MaybeProp<T> {
            #[track_caller]
            fn from(handle: $handle<T>) -> Self {
                MaybeProp::derive(move || Some(handle.get()))
            }
        }
    )*};
}
from_handles!(ReadSignal, RwSignal, Memo, Signal);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;
    use std::sync::{Arc, Mutex};

    #[test]
    fn an_absent_prop_reads_none_and_a_constant_reads_its_value() {
        let absent = MaybeProp::<i32>::default();
        assert_eq!(absent.get(), None);
        assert!(absent.with(Option::is_none));
        assert_eq!(*absent.read(), None);
        assert_eq!(MaybeProp::from(3).get(), Some(3));
        assert_eq!(MaybeProp::<i32>::from(None).get(), None);
        assert_eq!(MaybeProp::<String>::from("a").get().as_deref(), Some("a"));
        assert_eq!(MaybeProp::<String>::from(None::<&str>).get(), None);
    }

    #[test]
    fn a_prop_from_a_signal_follows_it_and_subscribes_its_reader() {
        // A root owner of its own: a graph no other test (on another thread) is batching in.
        let root = Owner::new();
        root.with(signal_prop_follows_and_subscribes);
        root.dispose();
    }

    fn signal_prop_follows_and_subscribes() {
        let (count, set_count) = signal(1);
        let (maybe, set_maybe) = signal(None::<i32>);
        let from_value: MaybeProp<i32> = count.into();
        let from_option: MaybeProp<i32> = maybe.into();
        let doubled = MaybeProp::derive(move || from_value.get().map(|n| n * 2));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let s = seen.clone();
        Effect::new_isomorphic(move |_| s.lock().unwrap().push((doubled.get(), from_option.get())));
        set_count.set(5);
        set_maybe.set(Some(7));
        assert_eq!(
            *seen.lock().unwrap(),
            [(Some(2), None), (Some(10), None), (Some(10), Some(7))]
        );
    }

    #[test]
    fn a_prop_from_a_memo_or_rw_signal_reads_through() {
        let rw = RwSignal::new("x".to_owned());
        let memo = Memo::new(move |_| rw.get().len());
        let text: MaybeProp<String> = rw.into();
        let len: MaybeProp<usize> = memo.into();
        rw.set("xyz".to_owned());
        assert_eq!(text.get().as_deref(), Some("xyz"));
        assert_eq!(len.get(), Some(3));
        assert_eq!(len.get_untracked(), Some(3));
    }
}
