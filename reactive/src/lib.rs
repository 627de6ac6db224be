//! The reactive graph: signals, memos, effects, owners and context, batching and actions.
//!
//! # Which primitive?
//!
//! - A value that changes over time: [`signal`] (separate read and write halves) or
//!   [`RwSignal`] (one handle).
//! - A value computed from others: a plain closure (`move || count.get() * 2`) when it is
//!   cheap, a [`Memo`] when it is costly or when many readers should stop re-running if the
//!   result did not change.
//! - Doing something when values change: [`Effect`] (side effects; browser only by
//!   default), [`RenderEffect`] (the renderer's).
//! - "Something changed" with no value: [`Trigger`].
//! - Data that is not reactive but should live as long as its owner: [`StoredValue`].
//! - Async work started by an event, with its state in signals: [`Action`], and
//!   [`MultiAction`] for work dispatched many times, each dispatch kept as a submission.
//! - Many writes, one update: [`batch`]. A read that should not subscribe: [`untrack`].
//! - Lifetimes and context: [`Owner`], [`on_cleanup`], [`provide_context`],
//!   [`use_context`], [`expect_context`].
//!
//! ```
//! use reactive_graph::prelude::*;
//! # use std::sync::{Arc, Mutex};
//! let (count, set_count) = signal(1);
//! let double = Memo::new(move |_| count.get() * 2);
//! let seen = Arc::new(Mutex::new(Vec::new()));
//! let s = seen.clone();
//! Effect::new(move |_| s.lock().unwrap().push(double.get()));
//! set_count.set(2);
//! assert_eq!(*seen.lock().unwrap(), [2, 4]);
//! ```
//!
//! # How it works
//!
//! Handles are `Copy` keys into an arena (a `slotmap`); values live in the arena, not in
//! the handles. Updates are push-pull and glitch-free: a write marks what depends on it,
//! then effects pull fresh values, and memos recompute only when read and only if an input
//! really changed (see `graph.rs`). Every node belongs to an [`Owner`]; disposing the owner
//! frees it. On the server each request's root owner gets its own graph, usable from any
//! thread of a multi-threaded tokio runtime; in the browser there is one graph and no lock.
//!
//! Using a handle whose node was disposed panics with the place the handle was created (in
//! debug builds); every accessor has a `try_` form that returns `None` instead.

mod action;
mod arc;
mod derived;
pub mod effect;
mod executor;
mod graph;
pub mod guards;
mod handle;
mod maybe_prop;
mod memo;
mod multi_action;
pub mod owner;
mod runtime;
mod selector;
mod setter;
pub mod signal;
mod storage;
mod stored;
mod sync;
pub mod traits;
mod trigger;

pub use action::Action;
pub use arc::{
    arc_signal, ArcMemo, ArcReadSignal, ArcRwSignal, ArcSignal, ArcTrigger, ArcWriteSignal,
};
pub use derived::Signal;
pub use effect::{Effect, EffectFunction, NoArgument, RenderEffect, WithPrevious};
pub use executor::{spawn, spawn_local, tick, ScopedFuture};
pub use graph::{batch, untrack};
pub use maybe_prop::MaybeProp;
pub use memo::Memo;
pub use multi_action::{ArcSubmission, MultiAction};
pub use owner::{
    expect_context, on_cleanup, on_cleanup_local, provide_context, use_context, ContextValue, Owner,
};
pub use selector::Selector;
pub use setter::SignalSetter;
pub use signal::{signal, signal_local, ReadSignal, RwSignal, WriteSignal};
pub use storage::{LocalStorage, SyncStorage};
pub use stored::StoredValue;
pub use sync::{MaybeSend, MaybeSync};
pub use trigger::Trigger;

/// Derived values that cache: [`Memo`], [`ArcMemo`] and [`Selector`] (the module path
/// Leptos uses, `reactive_graph::computed::Memo`).
pub mod computed {
    pub use crate::{ArcMemo, Memo, Selector};
}

/// Wrappers that hide where a value comes from, under the module paths Leptos uses.
pub mod wrappers {
    /// Readable wrappers: [`Signal`](crate::Signal), [`ArcSignal`](crate::ArcSignal) and
    /// [`MaybeProp`](crate::MaybeProp).
    pub mod read {
        pub use crate::{ArcSignal, MaybeProp, Signal};
    }
    /// Writable wrappers: [`SignalSetter`](crate::SignalSetter).
    pub mod write {
        pub use crate::SignalSetter;
    }
}

/// Async work that is started on demand: [`Action`] and [`MultiAction`].
pub mod actions {
    pub use crate::{Action, ArcSubmission, MultiAction};
}

/// Figures about the graph, for tests and leak hunting.
pub mod diagnostics {
    /// The number of reactive graphs alive in this process: on the server one per root
    /// owner not yet disposed, plus one for nodes created outside any owner.
    pub fn live_runtime_count() -> usize {
        crate::runtime::runtime_count()
    }
}

/// Everything an application usually needs, in one glob import.
pub mod prelude {
    pub use crate::traits::{
        DefinedAt, Dispose, Get, GetUntracked, Notify, Read, ReadUntracked, Set, Track, Update,
        UpdateUntracked, With, WithUntracked, Write,
    };
    pub use crate::{
        arc_signal, ArcMemo, ArcReadSignal, ArcRwSignal, ArcSignal, ArcTrigger, ArcWriteSignal,
    };
    pub use crate::{
        batch, expect_context, on_cleanup, provide_context, signal, signal_local, untrack,
        use_context, Action, ArcSubmission, Effect, LocalStorage, MaybeProp, Memo, MultiAction,
        Owner, ReadSignal, RenderEffect, RwSignal, Selector, Signal, SignalSetter, StoredValue,
        SyncStorage, Trigger, WriteSignal,
    };
}
