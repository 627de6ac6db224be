//! Control flow in views: [`Show`] for conditions, [`For`] for keyed lists.

mod for_each;
mod show;

pub use for_each::{For, ForProps, KeyedList};
pub use show::{Show, ShowProps};
