//! Control flow in views: [`Show`] for conditions ([`AnimatedShow`] to let an exit
//! animation play first), [`ShowLet`] for optional values, [`For`] for keyed lists, and
//! [`Suspense`], [`Transition`], [`Suspend`] and [`Await`] for async data.

mod animated_show;
mod await_view;
mod for_each;
mod show;
mod show_let;
pub(crate) mod suspense;

pub use animated_show::{AnimatedShow, AnimatedShowProps};
pub use await_view::{Await, AwaitProps};
pub use for_each::{For, ForProps, KeyedList};
pub use show::{Show, ShowProps};
pub use show_let::{IntoOptionGetter, OptionFn, OptionSignal, ShowLet, ShowLetProps, StaticOption};
pub use suspense::{Suspend, Suspense, SuspenseProps, Transition, TransitionProps};
