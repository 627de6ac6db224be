//! `Signal<T>`: one `Copy` type for anything that can be read reactively.

use crate::graph::untrack;
use crate::guards::ReadGuard;
use crate::memo::Memo;
use crate::signal::{ReadSignal, RwSignal};
use crate::stored::StoredValue;
use crate::sync::{MaybeSend, MaybeSync, Shared};
use crate::traits::{DefinedAt, Read, ReadUntracked, Track, With, WithUntracked};

#[cfg(not(target_arch = "wasm32"))]
type DeriveFn<T> = Shared<dyn Fn() -> T + Send + Sync>;
#[cfg(target_arch = "wasm32")]
type DeriveFn<T> = Shared<dyn Fn() -> T>;

/// Any reactive value of type `T`: a signal, a memo, a derived closure or a constant.
///
/// Take a `Signal<T>` where a component or function should accept all of them; every one
/// converts `into()` it.
///
/// ```
/// use reactive_graph::prelude::*;
/// fn label(count: Signal<i32>) -> String {
///     format!("count: {}", count.get())
/// }
/// let (count, set_count) = signal(1);
/// let double = Signal::derive(move || count.get() * 2);
/// set_count.set(2);
/// assert_eq!(label(count.into()), "count: 2");
/// assert_eq!(label(double), "count: 4");
/// assert_eq!(label(7.into()), "count: 7");
/// ```
pub struct Signal<T: 'static> {
    inner: SignalInner<T>,
}

enum SignalInner<T: 'static> {
    Read(ReadSignal<T>),
    Memo(Memo<T>),
    Derived(StoredValue<DeriveFn<T>>),
    Stored(StoredValue<T>),
}

impl<T> Clone for Signal<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Signal<T> {}
impl<T> Clone for SignalInner<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for SignalInner<T> {}

impl<T> std::fmt::Debug for Signal<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.inner {
            SignalInner::Read(_) => "signal",
            SignalInner::Memo(_) => "memo",
            SignalInner::Derived(_) => "derived",
            SignalInner::Stored(_) => "stored",
        };
        f.debug_struct("Signal")
            .field("type", &std::any::type_name::<T>())
            .field("kind", &kind)
            .finish()
    }
}

impl<T: MaybeSend + MaybeSync + 'static> Signal<T> {
    /// Wraps a closure that reads other reactive values; it re-runs at every read.
    #[track_caller]
    pub fn derive(f: impl Fn() -> T + MaybeSend + MaybeSync + 'static) -> Self {
        let f: DeriveFn<T> = Shared::new(f);
        Signal {
            inner: SignalInner::Derived(StoredValue::new(f)),
        }
    }

    /// Wraps a constant.
    #[track_caller]
    pub fn stored(value: T) -> Self {
        Signal {
            inner: SignalInner::Stored(StoredValue::new(value)),
        }
    }
}

impl<T> DefinedAt for Signal<T> {
    fn defined_at(&self) -> Option<&'static std::panic::Location<'static>> {
        match &self.inner {
            SignalInner::Read(s) => s.defined_at(),
            SignalInner::Memo(m) => m.defined_at(),
            SignalInner::Derived(d) => d.defined_at(),
            SignalInner::Stored(s) => s.defined_at(),
        }
    }
}

impl<T: MaybeSend + MaybeSync + 'static> Track for Signal<T> {
    fn track(&self) {
        match &self.inner {
            SignalInner::Read(s) => s.track(),
            SignalInner::Memo(m) => m.track(),
            SignalInner::Derived(d) => {
                if let Some(f) = d.try_get_value() {
                    drop(f());
                }
            }
            SignalInner::Stored(_) => {}
        }
    }
}

impl<T: MaybeSend + MaybeSync + 'static> WithUntracked for Signal<T> {
    type Value = T;

    fn try_with_untracked<U>(&self, f: impl FnOnce(&T) -> U) -> Option<U> {
        match &self.inner {
            SignalInner::Read(s) => s.try_with_untracked(f),
            SignalInner::Memo(m) => m.try_with_untracked(f),
            SignalInner::Derived(d) => {
                let derive = d.try_get_value()?;
                Some(untrack(|| f(&derive())))
            }
            SignalInner::Stored(s) => s.try_with_value(f),
        }
    }
}

/// Reads in one pass: a derived closure runs once, tracked (tracking and then reading
/// untracked would run it twice).
impl<T: MaybeSend + MaybeSync + 'static> With for Signal<T> {
    type Value = T;

    fn try_with<U>(&self, f: impl FnOnce(&T) -> U) -> Option<U> {
        match &self.inner {
            SignalInner::Read(s) => s.try_with(f),
            SignalInner::Memo(m) => m.try_with(f),
            SignalInner::Derived(d) => {
                let derive = d.try_get_value()?;
                Some(f(&derive()))
            }
            SignalInner::Stored(s) => s.try_with_value(f),
        }
    }
}

impl<T: MaybeSend + MaybeSync + 'static> Signal<T> {
    /// A guard lending the value, subscribing the caller if `track`. A derived signal's
    /// guard holds the value its closure computed for this read.
    fn read_guard(&self, track: bool) -> Option<ReadGuard<T>> {
        match &self.inner {
            SignalInner::Read(s) if track => s.try_read(),
            SignalInner::Read(s) => s.try_read_untracked(),
            SignalInner::Memo(m) if track => m.try_read(),
            SignalInner::Memo(m) => m.try_read_untracked(),
            SignalInner::Derived(d) => {
                let derive = d.try_get_value()?;
                let value = if track {
                    derive()
                } else {
                    untrack(|| derive())
                };
                Some(ReadGuard::owned(value))
            }
            SignalInner::Stored(s) => s.try_read_value(),
        }
    }
}

impl<T: MaybeSend + MaybeSync + 'static> ReadUntracked for Signal<T> {
    type Value = T;

    fn try_read_untracked(&self) -> Option<ReadGuard<T>> {
        self.read_guard(false)
    }
}

impl<T: MaybeSend + MaybeSync + 'static> Read for Signal<T> {
    type Value = T;

    fn try_read(&self) -> Option<ReadGuard<T>> {
        self.read_guard(true)
    }
}

impl<T: MaybeSend + MaybeSync + 'static> From<ReadSignal<T>> for Signal<T> {
    fn from(signal: ReadSignal<T>) -> Self {
        Signal {
            inner: SignalInner::Read(signal),
        }
    }
}

impl<T: MaybeSend + MaybeSync + 'static> From<RwSignal<T>> for Signal<T> {
    fn from(signal: RwSignal<T>) -> Self {
        signal.read_only().into()
    }
}

impl<T: MaybeSend + MaybeSync + 'static> From<Memo<T>> for Signal<T> {
    fn from(memo: Memo<T>) -> Self {
        Signal {
            inner: SignalInner::Memo(memo),
        }
    }
}

impl<T: MaybeSend + MaybeSync + 'static> From<T> for Signal<T> {
    #[track_caller]
    fn from(value: T) -> Self {
        Signal::stored(value)
    }
}

/// `text="literal"` for a `#[prop(into)] text: Signal<String>`.
impl From<&str> for Signal<String> {
    #[track_caller]
    fn from(value: &str) -> Self {
        Signal::stored(value.to_owned())
    }
}

impl<T: Default + MaybeSend + MaybeSync + 'static> Default for Signal<T> {
    #[track_caller]
    fn default() -> Self {
        Signal::stored(T::default())
    }
}
