//! [`ServerAction`] and [`ServerMultiAction`]: an [`Action`] and a [`MultiAction`] that call a
//! server function.

use std::ops::Deref;

use reactive_graph::prelude::*;
use reactive_graph::{Action, MultiAction};
use server_fn::codec::{FromRes, IntoReq};
use server_fn::ServerFn;

/// The result of a server function `S`, as its action holds it.
pub type ServerFnOutcome<S> = Result<<S as ServerFn>::Output, <S as ServerFn>::Error>;

/// What the two server action types share: `Clone`, `Copy`, `Debug`, `Default` (`new()`),
/// `url()`, and `Deref` to the action they wrap.
macro_rules! shared_impls {
    ($name:ident, $action:ident) => {
        impl<S: ServerFn> Clone for $name<S> {
            fn clone(&self) -> Self {
                *self
            }
        }

        impl<S: ServerFn> Copy for $name<S> {}

        impl<S: ServerFn> std::fmt::Debug for $name<S> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($name))
                    .field("url", &S::PATH)
                    .finish()
            }
        }

        impl<S> Default for $name<S>
        where
            S: ServerFn + IntoReq<S::InputEncoding> + Clone + Sync,
            S::Output: FromRes<S::OutputEncoding> + Send + Sync,
            S::Error: Send + Sync,
        {
            fn default() -> Self {
                Self::new()
            }
        }

        impl<S: ServerFn> $name<S> {
            /// The path the function is served at, which a form posts to.
            pub fn url(&self) -> &'static str {
                S::PATH
            }
        }

        impl<S: ServerFn> Deref for $name<S> {
            type Target = $action<S, ServerFnOutcome<S>>;

            fn deref(&self) -> &Self::Target {
                &self.action
            }
        }
    };
}

/// An action whose work is a call of the server function `S`: dispatch it with the
/// function's arguments struct, read `pending()`, `value()` and `version()` as with any
/// [`Action`] (it dereferences to one).
///
/// Pass it to [`ActionForm`](crate::form::ActionForm) to call the function from a form
/// that also works without JavaScript. When such a form was posted without JavaScript and
/// the function failed, the server sends the browser back with the error in the page's
/// query; the action then starts with that error as its value, so the page shows it.
///
/// ```
/// use leptos::prelude::*;
///
/// #[leptos::server]
/// pub async fn add_todo(title: String) -> Result<(), ServerFnError> {
///     Ok(())
/// }
///
/// # let owner = Owner::new_root();
/// # owner.with(|| {
/// let add = ServerAction::<AddTodo>::new();
/// // add.dispatch(AddTodo { title: "milk".into() });
/// assert_eq!(add.version().get_untracked(), 0);
/// assert!(add.url().starts_with("/api/add_todo"));
/// # });
/// ```
pub struct ServerAction<S: ServerFn>
where
    S::Output: 'static,
    S::Error: 'static,
{
    action: Action<S, ServerFnOutcome<S>>,
}

impl<S> ServerAction<S>
where
    S: ServerFn + IntoReq<S::InputEncoding> + Clone + Sync,
    S::Output: FromRes<S::OutputEncoding> + Send + Sync,
    S::Error: Send + Sync,
{
    /// An action calling `S`. On the server (the `ssr` feature) it runs the function's
    /// body; in the browser it sends the request.
    #[track_caller]
    pub fn new() -> Self {
        let action = Action::new(|args: &S| run::<S>(args.clone()));
        if let Some(error) = error_from_url::<S>() {
            action.value().set(Some(Err(error)));
        }
        ServerAction { action }
    }
}

shared_impls!(ServerAction, Action);

/// A multi-action whose work is a call of the server function `S`: every dispatch is a
/// submission of its own, listed with its input while pending and its result once done (see
/// [`MultiAction`], which it dereferences to). Suits adding several items in a row, each
/// shown as pending until the server has it.
///
/// Pass it to [`MultiActionForm`](crate::form::MultiActionForm) to call the function from a
/// form that also works without JavaScript. When such a form was posted without JavaScript
/// and the function failed, the action starts with a submission holding that error.
///
/// ```
/// use leptos::prelude::*;
///
/// #[leptos::server]
/// pub async fn add_todo(title: String) -> Result<(), ServerFnError> {
///     Ok(())
/// }
///
/// # let owner = Owner::new_root();
/// # owner.with(|| {
/// let add = ServerMultiAction::<AddTodo>::new();
/// let pending_titles = move || {
///     add.submissions()
///         .get()
///         .into_iter()
///         .filter(|submission| submission.pending().get())
///         .filter_map(|submission| submission.input().get().map(|args| args.title))
///         .collect::<Vec<_>>()
/// };
/// assert!(pending_titles().is_empty());
/// assert!(add.url().starts_with("/api/add_todo"));
/// # });
/// ```
pub struct ServerMultiAction<S: ServerFn>
where
    S::Output: 'static,
    S::Error: 'static,
{
    action: MultiAction<S, ServerFnOutcome<S>>,
}

impl<S> ServerMultiAction<S>
where
    S: ServerFn + IntoReq<S::InputEncoding> + Clone + Sync,
    S::Output: FromRes<S::OutputEncoding> + Send + Sync,
    S::Error: Send + Sync,
{
    /// A multi-action calling `S`. On the server (the `ssr` feature) it runs the function's
    /// body; in the browser it sends the request.
    #[track_caller]
    pub fn new() -> Self {
        let action = MultiAction::new(|args: &S| run::<S>(args.clone()));
        if let Some(error) = error_from_url::<S>() {
            action.dispatch_sync(Err(error));
        }
        ServerMultiAction { action }
    }
}

shared_impls!(ServerMultiAction, MultiAction);

/// Calls `S`: its body on the server, a request in the browser.
#[cfg(feature = "ssr")]
async fn run<S>(args: S) -> ServerFnOutcome<S>
where
    S: ServerFn + IntoReq<S::InputEncoding>,
    S::Output: FromRes<S::OutputEncoding>,
{
    args.run_body().await
}

/// Calls `S`: its body on the server, a request in the browser.
#[cfg(not(feature = "ssr"))]
async fn run<S>(args: S) -> ServerFnOutcome<S>
where
    S: ServerFn + IntoReq<S::InputEncoding>,
    S::Output: FromRes<S::OutputEncoding>,
{
    server_fn::client::call(args).await
}

/// The error a failed form post of `S` left in the page's query.
fn error_from_url<S: ServerFn>() -> Option<S::Error> {
    server_fn::form_error::error_from_query(&current_query()?, S::PATH)
}

/// The query of the page being rendered: the request's on the server, the location's in
/// the browser.
fn current_query() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window().and_then(|w| w.location().search().ok())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        reactive_graph::use_context::<server_fn::http::request::Parts>()
            .and_then(|parts| parts.uri.query().map(str::to_owned))
    }
}
