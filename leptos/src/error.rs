//! Errors in views: a `Result` is a view ([`Ok`] renders its value; an [`Err`] renders
//! nothing and reports the error to the nearest [`ErrorBoundary`]), and `<ErrorBoundary/>`
//! shows its fallback, with the errors, while any child reports one.
//!
//! ```
//! use leptos::prelude::*;
//!
//! let html = leptos::ssr::render_to_string(|| {
//!     let (input, _) = signal(String::from("forty-two"));
//!     view! {
//!         <ErrorBoundary fallback=|errors| view! {
//!             <p class="error">{move || errors.with(|e| e.iter().map(|(_, e)| e.to_string()).collect::<Vec<_>>().join(", "))}</p>
//!         }>
//!             <p>"You typed: " {move || input.get().parse::<i32>()}</p>
//!         </ErrorBoundary>
//!     }
//! });
//! assert!(html.contains("invalid digit found in string"), "{html}");
//! assert!(!html.contains("You typed"), "{html}");
//! ```

use reactive_graph::prelude::*;
use reactive_graph::{on_cleanup, use_context, RwSignal};

use crate::children::{Children, ViewFn};
use crate::component;
use crate::control::suspense::{boundary, Watched};
use crate::view::{IntoView, View};

/// An error a view reported: any `std::error::Error` (a parse error, ...) or a
/// `ServerFnError`, shared.
pub use server_fn::error::AnyError as Error;

/// A `Result` whose error is any [`Error`]: `?` converts every `std::error::Error` into it.
///
/// ```
/// fn parse(text: &str) -> leptos::error::Result<u32> {
///     Ok(text.trim().parse()?)
/// }
/// assert_eq!(parse(" 7 ").unwrap(), 7);
/// assert!(parse("seven").is_err());
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Which report an error in [`Errors`] came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ErrorId(u64);

/// The errors reported under an `<ErrorBoundary/>`, oldest first.
#[derive(Clone, Debug, Default)]
pub struct Errors {
    errors: Vec<(ErrorId, Error)>,
    next: u64,
}

impl Errors {
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// Each error with its id, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = &(ErrorId, Error)> {
        self.errors.iter()
    }

    fn insert(&mut self, error: Error) -> ErrorId {
        let id = ErrorId(self.next);
        self.next += 1;
        self.errors.push((id, error));
        id
    }

    fn remove(&mut self, id: ErrorId) {
        self.errors.retain(|(at, _)| *at != id);
    }
}

impl IntoIterator for Errors {
    type Item = (ErrorId, Error);
    type IntoIter = std::vec::IntoIter<(ErrorId, Error)>;
    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

/// What an `<ErrorBoundary/>` provides to its children.
#[derive(Clone, Copy, Debug)]
struct ErrorsContext(RwSignal<Errors>);

/// Reports `error` to the nearest `<ErrorBoundary/>` until the current reactive owner is
/// cleaned up (the closure that produced it runs again, or the view goes away). Without a
/// boundary the error is printed as a console (or server log) error.
pub fn throw(error: impl Into<Error>) {
    let error = error.into();
    match use_context::<ErrorsContext>() {
        Some(ErrorsContext(errors)) => {
            let id = errors.try_update(|errors| errors.insert(error));
            if let Some(id) = id {
                on_cleanup(move || {
                    errors.try_update(|errors| errors.remove(id));
                });
            }
        }
        None => crate::logging::console_error(&format!(
            "a view returned an error and no <ErrorBoundary/> is around it to show it: {error}"
        )),
    }
}

impl<T: IntoView, E: Into<Error>> IntoView for Result<T, E> {
    fn into_view(self) -> View {
        match self {
            Ok(view) => view.into_view(),
            Err(error) => {
                throw(error);
                View::empty()
            }
        }
    }
}

/// Shows its children, or, while any of them reports an error (a `Result` view that is an
/// `Err`), `fallback` with the errors. When the errors go away (the closures that returned
/// them return `Ok`), the children show again.
///
/// On the server the children are rendered first and the fallback is written instead if
/// they reported an error; hydration takes over whichever the server wrote.
#[component]
pub fn ErrorBoundary<F, V>(
    /// Renders the errors (called again if the boundary shows its fallback again).
    fallback: F,
    /// The content whose errors this boundary catches.
    children: Children,
) -> impl IntoView
where
    F: Fn(RwSignal<Errors>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    boundary(children, None, "<ErrorBoundary/>", move || {
        let errors = RwSignal::new(Errors::default());
        reactive_graph::provide_context(ErrorsContext(errors));
        (
            Watched::Errors(errors),
            ViewFn::from(move || fallback(errors)),
        )
    })
}
