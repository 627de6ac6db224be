//! `Signal<T>`: one `Copy` type for anything that can be read reactively.

use crate::graph::untrack;
use crate::guards::ReadGuard;
use crate::memo::Memo;
use crate::signal::{ReadSignal, RwSignal};
use crate::storage::{LocalStorage, SyncStorage};
use crate::stored::StoredValue;
use crate::sync::{MaybeSend, MaybeSync, Shared};
use crate::traits::{DefinedAt, Read, ReadUntracked, Track, With, WithUntracked};

#[cfg(not(target_arch = "wasm32"))]
type DeriveFn<T> = Shared<dyn Fn() -> T + Send + Sync>;
#[cfg(target_arch = "wasm32")]
type DeriveFn<T> = Shared<dyn Fn() -> T>;

/// The closure of [`Signal::derive_local`], which need not be `Send` (in the browser
/// [`DeriveFn`] is already this).
#[cfg(not(target_arch = "wasm32"))]
type LocalDeriveFn<T> = std::rc::Rc<dyn Fn() -> T>;

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
///
/// `S` is where a stored value or signal is kept: [`SyncStorage`] (the default) or
/// [`LocalStorage`] ([`Signal::derive_local`], [`Signal::stored_local`], or a local signal
/// converted with `into()`).
pub struct Signal<T: 'static, S = SyncStorage> {
    inner: SignalInner<T, S>,
}

enum SignalInner<T: 'static, S> {
    Read(ReadSignal<T, S>),
    Memo(Memo<T>),
    Derived(StoredValue<DeriveFn<T>>),
    #[cfg(not(target_arch = "wasm32"))]
    DerivedLocal(StoredValue<LocalDeriveFn<T>, LocalStorage>),
    Stored(StoredValue<T, S>),
}

impl<T, S> Clone for Signal<T, S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T, S> Copy for Signal<T, S> {}
impl<T, S> Clone for SignalInner<T, S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T, S> Copy for SignalInner<T, S> {}

impl<T, S> std::fmt::Debug for Signal<T, S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.inner {
            SignalInner::Read(_) => "signal",
            SignalInner::Memo(_) => "memo",
            SignalInner::Derived(_) => "derived",
            #[cfg(not(target_arch = "wasm32"))]
            SignalInner::DerivedLocal(_) => "derived",
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
        Self::from_derive_fn(StoredValue::new(derive_fn(f)))
    }

    /// Wraps a constant.
    #[track_caller]
    pub fn stored(value: T) -> Self {
        Self::from_stored(StoredValue::new(value))
    }

    /// A derived signal over a closure stored in `stored` (this owner's, or an
    /// `ArcSignal`'s).
    pub(crate) fn from_derive_fn(stored: StoredValue<DeriveFn<T>>) -> Self {
        Signal {
            inner: SignalInner::Derived(stored),
        }
    }

    /// A constant signal over `stored` (this owner's, or an `ArcSignal`'s).
    pub(crate) fn from_stored(stored: StoredValue<T>) -> Self {
        Signal {
            inner: SignalInner::Stored(stored),
        }
    }
}

/// The closure of a derived signal, as [`Signal`] stores it.
pub(crate) fn derive_fn<T>(f: impl Fn() -> T + MaybeSend + MaybeSync + 'static) -> DeriveFn<T> {
    Shared::new(f)
}

impl<T: 'static> Signal<T, LocalStorage> {
    /// Wraps a closure that need not be `Send` (it may hold an `Rc` or a `web_sys` object);
    /// it re-runs at every read. On the server, reading it from another thread than the one
    /// that created it panics with a message.
    ///
    /// ```
    /// use reactive_graph::prelude::*;
    /// use std::rc::Rc;
    /// let (count, set_count) = signal(1);
    /// let unit = Rc::new(String::from("px"));
    /// let width: Signal<String, LocalStorage> =
    ///     Signal::derive_local(move || format!("{}{unit}", count.get() * 10));
    /// set_count.set(3);
    /// assert_eq!(width.get(), "30px");
    /// ```
    #[track_caller]
    pub fn derive_local(f: impl Fn() -> T + 'static) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        let inner = SignalInner::DerivedLocal(StoredValue::new_local(std::rc::Rc::new(f) as _));
        #[cfg(target_arch = "wasm32")]
        let inner = SignalInner::Derived(StoredValue::new(derive_fn(f)));
        Signal { inner }
    }

    /// Wraps a constant that need not be `Send`.
    #[track_caller]
    pub fn stored_local(value: T) -> Self {
        Signal {
            inner: SignalInner::Stored(StoredValue::new_local(value)),
        }
    }
}

impl<T, S> DefinedAt for Signal<T, S> {
    fn defined_at(&self) -> Option<&'static std::panic::Location<'static>> {
        match &self.inner {
            SignalInner::Read(s) => s.defined_at(),
            SignalInner::Memo(m) => m.defined_at(),
            SignalInner::Derived(d) => d.defined_at(),
            #[cfg(not(target_arch = "wasm32"))]
            SignalInner::DerivedLocal(d) => d.defined_at(),
            SignalInner::Stored(s) => s.defined_at(),
        }
    }
}

impl<T: 'static, S> Signal<T, S> {
    /// Runs a derived signal's closure and `f` on its value, both tracked if `track` (else
    /// untracked); `None` if this is not a derived signal.
    fn with_derived<U>(&self, track: bool, f: impl FnOnce(T) -> U) -> Option<Option<U>> {
        match &self.inner {
            SignalInner::Derived(d) => {
                Some(d.try_get_value().map(|derive| run(track, &*derive, f)))
            }
            #[cfg(not(target_arch = "wasm32"))]
            SignalInner::DerivedLocal(d) => {
                Some(d.try_get_value().map(|derive| run(track, &*derive, f)))
            }
            _ => None,
        }
    }

    /// A guard lending the value, subscribing the caller if `track`. A derived signal's
    /// guard holds the value its closure computed for this read.
    fn read_guard(&self, track: bool) -> Option<ReadGuard<T>> {
        match &self.inner {
            SignalInner::Read(s) if track => s.try_read(),
            SignalInner::Read(s) => s.try_read_untracked(),
            SignalInner::Memo(m) if track => m.try_read(),
            SignalInner::Memo(m) => m.try_read_untracked(),
            SignalInner::Stored(s) => s.try_read_value(),
            _ => self.with_derived(track, ReadGuard::owned).flatten(),
        }
    }
}

/// Runs a derived signal's closure and `f` on its value, tracked or not.
fn run<T, U>(track: bool, derive: &dyn Fn() -> T, f: impl FnOnce(T) -> U) -> U {
    if track {
        f(derive())
    } else {
        untrack(|| f(derive()))
    }
}

impl<T: 'static, S> Track for Signal<T, S> {
    fn track(&self) {
        match &self.inner {
            SignalInner::Read(s) => s.track(),
            SignalInner::Memo(m) => m.track(),
            SignalInner::Stored(_) => {}
            _ => {
                self.with_derived(true, drop);
            }
        }
    }
}

impl<T: 'static, S> WithUntracked for Signal<T, S> {
    type Value = T;

    fn try_with_untracked<U>(&self, f: impl FnOnce(&T) -> U) -> Option<U> {
        match &self.inner {
            SignalInner::Read(s) => s.try_with_untracked(f),
            SignalInner::Memo(m) => m.try_with_untracked(f),
            SignalInner::Stored(s) => s.try_with_value(f),
            _ => self.with_derived(false, |value| f(&value)).flatten(),
        }
    }
}

/// Reads in one pass: a derived closure runs once, tracked (tracking and then reading
/// untracked would run it twice).
impl<T: 'static, S> With for Signal<T, S> {
    type Value = T;

    fn try_with<U>(&self, f: impl FnOnce(&T) -> U) -> Option<U> {
        match &self.inner {
            SignalInner::Read(s) => s.try_with(f),
            SignalInner::Memo(m) => m.try_with(f),
            SignalInner::Stored(s) => s.try_with_value(f),
            _ => self.with_derived(true, |value| f(&value)).flatten(),
        }
    }
}

impl<T: 'static, S> ReadUntracked for Signal<T, S> {
    type Value = T;

    fn try_read_untracked(&self) -> Option<ReadGuard<T>> {
        self.read_guard(false)
    }
}

impl<T: 'static, S> Read for Signal<T, S> {
    type Value = T;

    fn try_read(&self) -> Option<ReadGuard<T>> {
        self.read_guard(true)
    }
}

impl<T: 'static, S> From<ReadSignal<T, S>> for Signal<T, S> {
    fn from(signal: ReadSignal<T, S>) -> Self {
        Signal {
            inner: SignalInner::Read(signal),
        }
    }
}

impl<T: 'static, S> From<RwSignal<T, S>> for Signal<T, S> {
    fn from(signal: RwSignal<T, S>) -> Self {
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
