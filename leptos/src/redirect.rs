//! [`redirect`]: a redirect that works under whichever server integration serves the
//! request, for app code shared between integrations.

use std::fmt;
use std::sync::Arc;

use reactive_graph::use_context;

/// What an integration provides as context while it serves a request (a server function
/// call or a page render): the function that answers a [`redirect`] on that request.
/// `leptos_axum` provides `leptos_axum::redirect`, `leptos_actix` provides
/// `leptos_actix::redirect`.
///
/// ```
/// use leptos::prelude::*;
/// use leptos::RedirectHandler;
/// use std::sync::{Arc, Mutex};
///
/// let seen = Arc::new(Mutex::new(None));
/// let owner = Owner::new();
/// owner.with(|| {
///     let seen = seen.clone();
///     provide_context(RedirectHandler::new(move |path| *seen.lock().unwrap() = Some(path.to_owned())));
///     leptos::redirect("/home");
/// });
/// assert_eq!(seen.lock().unwrap().as_deref(), Some("/home"));
/// ```
#[derive(Clone)]
pub struct RedirectHandler(Arc<dyn Fn(&str) + Send + Sync>);

impl RedirectHandler {
    /// A handler that answers a redirect to a path with `redirect`.
    pub fn new(redirect: impl Fn(&str) + Send + Sync + 'static) -> Self {
        Self(Arc::new(redirect))
    }

    /// Redirects to `path`.
    pub fn redirect(&self, path: &str) {
        (self.0)(path)
    }
}

impl fmt::Debug for RedirectHandler {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("RedirectHandler").finish_non_exhaustive()
    }
}

/// Redirects to `path` from a server function or during server rendering, through the
/// integration serving the request (the [`RedirectHandler`] it provided as context):
/// `302 Found` for a browser navigating or a form posted without JavaScript, the
/// `serverfnredirect` header for a `fetch` call, which the client follows.
///
/// Use it in app code shared between integrations (an app crate served by both axum and
/// actix-web); `leptos_axum::redirect` and `leptos_actix::redirect` do the same for code
/// that uses one integration. Outside a request (no handler in context) it does nothing
/// but log.
///
/// ```
/// use leptos::prelude::*;
///
/// #[server]
/// pub async fn add_todo(title: String) -> Result<(), ServerFnError> {
///     // ... save it ...
///     leptos::redirect("/");
///     Ok(())
/// }
/// ```
pub fn redirect(path: &str) {
    match use_context::<RedirectHandler>() {
        Some(handler) => handler.redirect(path),
        None => eprintln!(
            "leptos::redirect({path:?}) was called outside a request served by an integration \
             (`leptos_axum`, `leptos_actix`); nothing happens"
        ),
    }
}
