//! The traits every reactive handle shares, named as in Leptos 0.8.
//!
//! A handle implements the few required methods (`try_with_untracked`, `track`,
//! `try_maybe_update`, ...); everything else (`get`, `with`, `set`, `update`, ...) comes from
//! blanket implementations, so all handles behave the same way.
//!
//! | to...                                   | use                                   |
//! | --------------------------------------- | ------------------------------------- |
//! | read a clone, re-running on change      | [`Get::get`]                          |
//! | read by reference, re-running on change | [`With::with`], [`Read::read`]        |
//! | read without subscribing                | [`GetUntracked`], [`WithUntracked`]   |
//! | subscribe without reading               | [`Track::track`]                      |
//! | replace or mutate, notifying            | [`Set::set`], [`Update::update`], [`Write::write`] |
//! | mutate silently                         | [`UpdateUntracked::update_untracked`] |
//! | notify without a change                 | [`Notify::notify`]                    |
//! | free the node now                       | [`Dispose::dispose`]                  |
//!
//! Every `x` has a `try_x` that returns `None` instead of panicking when the handle's node
//! was disposed.

use std::panic::Location;

/// Where a handle was created (in debug builds), for error messages.
pub trait DefinedAt {
    /// The source location of the call that created this handle, or `None` in release
    /// builds.
    fn defined_at(&self) -> Option<&'static Location<'static>>;
}

/// Subscribes the current computation to this value without reading it.
pub trait Track {
    /// Makes the running memo or effect re-run when this value changes.
    fn track(&self);
}

/// Reads a value by reference without subscribing to it.
pub trait WithUntracked: DefinedAt {
    /// The type of the value.
    type Value: ?Sized;

    /// Calls `f` with the value, or returns `None` if the node was disposed.
    fn try_with_untracked<U>(&self, f: impl FnOnce(&Self::Value) -> U) -> Option<U>;

    /// Calls `f` with the value.
    ///
    /// # Panics
    /// If the node was disposed (the message says where it was created).
    #[track_caller]
    fn with_untracked<U>(&self, f: impl FnOnce(&Self::Value) -> U) -> U {
        match self.try_with_untracked(f) {
            Some(value) => value,
            None => panic_disposed(self.defined_at(), std::any::type_name::<Self>()),
        }
    }
}

/// Reads a value by reference and subscribes the current computation to it.
pub trait With: DefinedAt {
    /// The type of the value.
    type Value: ?Sized;

    /// Calls `f` with the value, or returns `None` if the node was disposed.
    fn try_with<U>(&self, f: impl FnOnce(&Self::Value) -> U) -> Option<U>;

    /// Calls `f` with the value.
    ///
    /// # Panics
    /// If the node was disposed (the message says where it was created).
    #[track_caller]
    fn with<U>(&self, f: impl FnOnce(&Self::Value) -> U) -> U {
        match self.try_with(f) {
            Some(value) => value,
            None => panic_disposed(self.defined_at(), std::any::type_name::<Self>()),
        }
    }
}

/// Implements [`With`] for a handle as "track, then read untracked", which is right for every
/// handle whose read is cheap to repeat (all but derived closures).
macro_rules! impl_with_by_tracking {
    ($ty:ident $(, $s:ident)?) => {
        impl<T: 'static $(, $s)?> $crate::traits::With for $ty<T $(, $s)?>
        where
            Self: $crate::traits::Track + $crate::traits::WithUntracked<Value = T>,
        {
            type Value = T;
            fn try_with<U>(&self, f: impl FnOnce(&T) -> U) -> Option<U> {
                $crate::traits::Track::track(self);
                $crate::traits::WithUntracked::try_with_untracked(self, f)
            }
        }
    };
}
pub(crate) use impl_with_by_tracking;

/// Lends the value through a guard and subscribes the current computation to it
/// (`*count.read()`, `todos.read().len()`).
pub trait Read: DefinedAt {
    /// The type of the value.
    type Value: 'static;

    /// A guard lending the value, or `None` if the node was disposed.
    fn try_read(&self) -> Option<crate::guards::ReadGuard<Self::Value>>;

    /// A guard lending the value until it is dropped.
    ///
    /// # Panics
    /// If the node was disposed (the message says where it was created), or if this thread
    /// holds the value's write guard.
    #[track_caller]
    fn read(&self) -> crate::guards::ReadGuard<Self::Value> {
        match self.try_read() {
            Some(guard) => guard,
            None => panic_disposed(self.defined_at(), std::any::type_name::<Self>()),
        }
    }
}

/// Lends the value through a guard without subscribing to it.
pub trait ReadUntracked: DefinedAt {
    /// The type of the value.
    type Value: 'static;

    /// A guard lending the value, or `None` if the node was disposed.
    fn try_read_untracked(&self) -> Option<crate::guards::ReadGuard<Self::Value>>;

    /// A guard lending the value until it is dropped.
    ///
    /// # Panics
    /// If the node was disposed (the message says where it was created), or if this thread
    /// holds the value's write guard.
    #[track_caller]
    fn read_untracked(&self) -> crate::guards::ReadGuard<Self::Value> {
        match self.try_read_untracked() {
            Some(guard) => guard,
            None => panic_disposed(self.defined_at(), std::any::type_name::<Self>()),
        }
    }
}

/// Lends the value for changing through a guard (`*count.write() += 1`,
/// `todos.write().push(todo)`); dropping the guard notifies the value's subscribers.
pub trait Write: DefinedAt {
    /// The type of the value.
    type Value: 'static;

    /// A guard that notifies when dropped, or `None` if the node was disposed.
    fn try_write(&self) -> Option<crate::guards::WriteGuard<Self::Value>>;

    /// A guard that does not notify when dropped, or `None` if the node was disposed.
    fn try_write_untracked(&self) -> Option<crate::guards::WriteGuard<Self::Value>>;

    /// A guard lending the value for changing; subscribers are notified when it is dropped.
    ///
    /// # Panics
    /// If the node was disposed (the message says where it was created), or if this thread
    /// is reading the value right now.
    #[track_caller]
    fn write(&self) -> crate::guards::WriteGuard<Self::Value> {
        match self.try_write() {
            Some(guard) => guard,
            None => panic_disposed(self.defined_at(), std::any::type_name::<Self>()),
        }
    }

    /// Like [`Write::write`], without notifying anyone when the guard is dropped.
    ///
    /// # Panics
    /// As [`Write::write`].
    #[track_caller]
    fn write_untracked(&self) -> crate::guards::WriteGuard<Self::Value> {
        match self.try_write_untracked() {
            Some(guard) => guard,
            None => panic_disposed(self.defined_at(), std::any::type_name::<Self>()),
        }
    }
}

/// Reads a clone of the value and subscribes the current computation to it.
pub trait Get: DefinedAt {
    /// The type of the value.
    type Value;

    /// A clone of the value, or `None` if the node was disposed.
    fn try_get(&self) -> Option<Self::Value>;

    /// A clone of the value.
    ///
    /// # Panics
    /// If the node was disposed (the message says where it was created).
    #[track_caller]
    fn get(&self) -> Self::Value {
        match self.try_get() {
            Some(value) => value,
            None => panic_disposed(self.defined_at(), std::any::type_name::<Self>()),
        }
    }
}

impl<S: With> Get for S
where
    S::Value: Clone,
{
    type Value = S::Value;

    fn try_get(&self) -> Option<Self::Value> {
        self.try_with(S::Value::clone)
    }
}

/// Reads a clone of the value without subscribing to it.
pub trait GetUntracked: DefinedAt {
    /// The type of the value.
    type Value;

    /// A clone of the value, or `None` if the node was disposed.
    fn try_get_untracked(&self) -> Option<Self::Value>;

    /// A clone of the value.
    ///
    /// # Panics
    /// If the node was disposed (the message says where it was created).
    #[track_caller]
    fn get_untracked(&self) -> Self::Value {
        match self.try_get_untracked() {
            Some(value) => value,
            None => panic_disposed(self.defined_at(), std::any::type_name::<Self>()),
        }
    }
}

impl<S: WithUntracked> GetUntracked for S
where
    S::Value: Clone,
{
    type Value = S::Value;

    fn try_get_untracked(&self) -> Option<Self::Value> {
        self.try_with_untracked(S::Value::clone)
    }
}

/// Tells subscribers to re-run, whether or not the value changed.
pub trait Notify {
    /// Marks every subscriber stale and runs the effects that need it.
    fn notify(&self);
}

/// Mutates a value without notifying anyone.
pub trait UpdateUntracked: DefinedAt {
    /// The type of the value.
    type Value;

    /// Mutates the value silently, or returns `None` if the node was disposed.
    fn try_update_untracked<U>(&self, f: impl FnOnce(&mut Self::Value) -> U) -> Option<U>;

    /// Mutates the value silently: nothing re-runs.
    ///
    /// # Panics
    /// If the node was disposed.
    #[track_caller]
    fn update_untracked<U>(&self, f: impl FnOnce(&mut Self::Value) -> U) -> U {
        match self.try_update_untracked(f) {
            Some(value) => value,
            None => panic_disposed(self.defined_at(), std::any::type_name::<Self>()),
        }
    }
}

/// Mutates a value and notifies its subscribers.
pub trait Update: DefinedAt {
    /// The type of the value.
    type Value;

    /// Mutates the value; notifies subscribers if `f` returns `true` in the first place of
    /// its result. Returns `None` if the node was disposed.
    fn try_maybe_update<U>(&self, f: impl FnOnce(&mut Self::Value) -> (bool, U)) -> Option<U>;

    /// Mutates the value and notifies subscribers.
    ///
    /// # Panics
    /// If the node was disposed.
    #[track_caller]
    fn update(&self, f: impl FnOnce(&mut Self::Value)) {
        if self.try_maybe_update(|v| (true, f(v))).is_none() {
            panic_disposed(self.defined_at(), std::any::type_name::<Self>())
        }
    }

    /// Mutates the value; notifies subscribers only if `f` returns `true`.
    ///
    /// # Panics
    /// If the node was disposed.
    #[track_caller]
    fn maybe_update(&self, f: impl FnOnce(&mut Self::Value) -> bool) {
        if self.try_maybe_update(|v| (f(v), ())).is_none() {
            panic_disposed(self.defined_at(), std::any::type_name::<Self>())
        }
    }

    /// Mutates the value and notifies subscribers; `None` if the node was disposed.
    fn try_update<U>(&self, f: impl FnOnce(&mut Self::Value) -> U) -> Option<U> {
        self.try_maybe_update(|v| (true, f(v)))
    }
}

/// Replaces a value and notifies its subscribers.
pub trait Set: DefinedAt {
    /// The type of the value.
    type Value;

    /// Replaces the value and notifies subscribers.
    ///
    /// # Panics
    /// If the node was disposed.
    #[track_caller]
    fn set(&self, value: Self::Value);

    /// Replaces the value and notifies subscribers; if the node was disposed, gives the
    /// value back.
    fn try_set(&self, value: Self::Value) -> Option<Self::Value>;
}

impl<S: Update> Set for S {
    type Value = S::Value;

    #[track_caller]
    fn set(&self, value: Self::Value) {
        if let Some(value) = self.try_set(value) {
            drop(value);
            panic_disposed(self.defined_at(), std::any::type_name::<Self>())
        }
    }

    fn try_set(&self, value: Self::Value) -> Option<Self::Value> {
        let mut value = Some(value);
        self.try_update(|v| *v = value.take().expect("the value is set once"));
        value
    }
}

/// Frees a handle's node now instead of when its owner is disposed.
pub trait Dispose {
    /// Frees the node; reading the handle afterwards is an error.
    fn dispose(self);
}

/// The message for a handle used after its node was freed.
#[cold]
#[track_caller]
pub(crate) fn panic_disposed(defined_at: Option<&'static Location<'static>>, type_name: &str) -> ! {
    match defined_at {
        Some(at) => panic!(
            "tried to use a `{type_name}` (created at {at}) after it was disposed; a reactive \
             value lives as long as the owner it was created in: create it in an owner that \
             outlives this use, or check with the `try_` methods"
        ),
        None => panic!(
            "tried to use a `{type_name}` after it was disposed; a reactive value lives as long \
             as the owner it was created in (build in debug mode to see where it was created)"
        ),
    }
}
