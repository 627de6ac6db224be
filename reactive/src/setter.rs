//! `SignalSetter<T>`: one `Copy` type for anything that can be set, as [`Signal`](crate::Signal)
//! is for anything that can be read.

use crate::signal::{RwSignal, WriteSignal};
use crate::storage::SyncStorage;
use crate::stored::StoredValue;
use crate::sync::{MaybeSend, MaybeSync};
use crate::traits::{DefinedAt, Set};

#[cfg(not(target_arch = "wasm32"))]
type SetFn<T> = Box<dyn Fn(T) + Send + Sync>;
#[cfg(target_arch = "wasm32")]
type SetFn<T> = Box<dyn Fn(T)>;

/// Something that takes a new value: a signal's write half or a closure. Take one where a
/// component should let its parent decide what setting means.
///
/// ```
/// use reactive_graph::prelude::*;
/// fn reset(to: SignalSetter<i32>) {
///     to.set(0);
/// }
/// let (count, set_count) = signal(5);
/// reset(set_count.into());
/// assert_eq!(count.get(), 0);
///
/// let (log, set_log) = signal(Vec::new());
/// reset(SignalSetter::map(move |n| set_log.update(|l| l.push(n))));
/// assert_eq!(log.get(), [0]);
/// // The default setter ignores what it is given.
/// reset(SignalSetter::default());
/// ```
pub struct SignalSetter<T: 'static, S = SyncStorage> {
    inner: SetterInner<T, S>,
}

enum SetterInner<T: 'static, S> {
    Write(WriteSignal<T, S>),
    Mapped(StoredValue<SetFn<T>>),
    Ignore,
}

impl<T, S> Clone for SignalSetter<T, S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T, S> Copy for SignalSetter<T, S> {}
impl<T, S> Clone for SetterInner<T, S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T, S> Copy for SetterInner<T, S> {}

impl<T, S> std::fmt::Debug for SignalSetter<T, S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.inner {
            SetterInner::Write(_) => "signal",
            SetterInner::Mapped(_) => "mapped",
            SetterInner::Ignore => "default",
        };
        f.debug_struct("SignalSetter")
            .field("type", &std::any::type_name::<T>())
            .field("kind", &kind)
            .finish()
    }
}

impl<T: 'static, S> SignalSetter<T, S> {
    /// A setter that calls `set` with each value, owned by the current owner.
    #[track_caller]
    pub fn map(set: impl Fn(T) + MaybeSend + MaybeSync + 'static) -> Self {
        let set: SetFn<T> = Box::new(set);
        SignalSetter {
            inner: SetterInner::Mapped(StoredValue::new(set)),
        }
    }
}

/// A setter that ignores its values (what an optional setter prop defaults to).
impl<T: 'static, S> Default for SignalSetter<T, S> {
    fn default() -> Self {
        SignalSetter {
            inner: SetterInner::Ignore,
        }
    }
}

impl<T, S> DefinedAt for SignalSetter<T, S> {
    fn defined_at(&self) -> Option<&'static std::panic::Location<'static>> {
        match &self.inner {
            SetterInner::Write(w) => w.defined_at(),
            SetterInner::Mapped(m) => m.defined_at(),
            SetterInner::Ignore => None,
        }
    }
}

impl<T: 'static, S> Set for SignalSetter<T, S> {
    type Value = T;

    #[track_caller]
    fn set(&self, value: T) {
        if self.try_set(value).is_some() && !matches!(self.inner, SetterInner::Ignore) {
            crate::traits::panic_disposed(self.defined_at(), std::any::type_name::<Self>())
        }
    }

    /// Sets the value; gives it back if the signal or closure was disposed, or if this is
    /// the default setter.
    fn try_set(&self, value: T) -> Option<T> {
        match &self.inner {
            SetterInner::Write(w) => w.try_set(value),
            SetterInner::Mapped(m) => {
                let mut value = Some(value);
                m.try_with_value(|set| set(value.take().expect("taken once")));
                value
            }
            SetterInner::Ignore => Some(value),
        }
    }
}

impl<T: 'static, S> From<WriteSignal<T, S>> for SignalSetter<T, S> {
    fn from(signal: WriteSignal<T, S>) -> Self {
        SignalSetter {
            inner: SetterInner::Write(signal),
        }
    }
}

impl<T: 'static, S> From<RwSignal<T, S>> for SignalSetter<T, S> {
    fn from(signal: RwSignal<T, S>) -> Self {
        signal.write_only().into()
    }
}
