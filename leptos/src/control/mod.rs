//! Control flow in views: [`Show`] for conditions, [`For`] for keyed lists, and
//! [`Suspense`], [`Transition`] and [`Suspend`] for async data.

mod for_each;
mod show;
pub(crate) mod suspense;

pub use for_each::{For, ForProps, KeyedList};
pub use show::{Show, ShowProps};
pub use suspense::{Suspend, Suspense, SuspenseProps, Transition, TransitionProps};
