//! A full-stack reactive web framework.
//!
//! Today this crate re-exports the reactive core ([`reactive_graph`]) through
//! [`prelude`], so that `use leptos::prelude::*;` brings signals, memos, effects,
//! owners and context into scope. The view layer (`view!`, `#[component]`, server
//! rendering and hydration) arrives with issue #3 and is not here yet.
//!
//! ```
//! use leptos::prelude::*;
//!
//! let (count, set_count) = signal(1);
//! let double = Memo::new(move |_| count.get() * 2);
//! set_count.set(21);
//! assert_eq!(double.get(), 42);
//! ```

pub use reactive_graph;

/// Everything an application usually needs, in one glob import.
pub mod prelude {
    pub use reactive_graph::prelude::*;
}

/// The book's chapters, compiled here so that their code blocks run as doctests.
#[cfg(doctest)]
mod book {
    #[doc = include_str!("../../docs/book/src/reactivity.md")]
    struct Reactivity;
}
