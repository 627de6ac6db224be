//! What a server integration tells the app about the request it renders, and how the app
//! changes the response.
//!
//! The integration (`leptos_axum`, or a test) provides one [`RequestContext`] as context in
//! each page render: the URL that was requested, and callbacks that set the response's
//! status and make it a redirect. Libraries read it without depending on any integration:
//! the router matches the request's path, answers 404 when no route matches and 302 for a
//! `<Redirect/>`.
//!
//! ```
//! use leptos::prelude::*;
//! use leptos::server_context::RequestContext;
//! use std::sync::{Arc, Mutex};
//!
//! let status = Arc::new(Mutex::new(None));
//! let set = status.clone();
//! let html = leptos::ssr::render_to_string(move || {
//!     provide_context(
//!         RequestContext::new("/missing?page=2")
//!             .on_set_status(move |code| *set.lock().unwrap() = Some(code)),
//!     );
//!     let request = expect_context::<RequestContext>();
//!     request.set_status(leptos::server_fn::http::StatusCode::NOT_FOUND);
//!     view! { <p>"Nothing at " {request.path().to_string()}</p> }
//! });
//! assert_eq!(html, "<p>Nothing at <!--[-->/missing<!--]--></p>");
//! assert_eq!(*status.lock().unwrap(), Some(leptos::server_fn::http::StatusCode::NOT_FOUND));
//! ```

use server_fn::http::StatusCode;
use std::sync::Arc;

/// A callback that sets the response's status.
type StatusCallback = Arc<dyn Fn(StatusCode) + Send + Sync>;
/// A callback that turns the response into a redirect to a location.
type RedirectCallback = Arc<dyn Fn(&str) + Send + Sync>;

/// The request a server render is for (its path and query), with the callbacks that change
/// the response: provided as context by the server integration in every page render.
#[derive(Clone)]
pub struct RequestContext {
    path_and_query: Arc<str>,
    /// `None` until set: a no-op needs no allocation.
    set_status: Option<StatusCallback>,
    redirect: Option<RedirectCallback>,
}

impl std::fmt::Debug for RequestContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RequestContext")
            .field("path_and_query", &self.path_and_query)
            .finish_non_exhaustive()
    }
}

impl RequestContext {
    /// A request for `path_and_query` (`/contacts/3?tab=notes`); setting the status or
    /// redirecting does nothing until [`on_set_status`](Self::on_set_status) and
    /// [`on_redirect`](Self::on_redirect) say how.
    pub fn new(path_and_query: impl Into<Arc<str>>) -> Self {
        RequestContext {
            path_and_query: path_and_query.into(),
            set_status: None,
            redirect: None,
        }
    }

    /// What [`set_status`](Self::set_status) does.
    pub fn on_set_status(
        mut self,
        set_status: impl Fn(StatusCode) + Send + Sync + 'static,
    ) -> Self {
        self.set_status = Some(Arc::new(set_status));
        self
    }

    /// What [`redirect`](Self::redirect) does: the integration answers `302 Found` with the
    /// location in a `Location` header.
    pub fn on_redirect(mut self, redirect: impl Fn(&str) + Send + Sync + 'static) -> Self {
        self.redirect = Some(Arc::new(redirect));
        self
    }

    /// The requested path and query, as the request line had them (percent-encoded).
    pub fn path_and_query(&self) -> &str {
        &self.path_and_query
    }

    /// The requested path, without the query.
    pub fn path(&self) -> &str {
        let end = self
            .path_and_query
            .find(['?', '#'])
            .unwrap_or(self.path_and_query.len());
        &self.path_and_query[..end]
    }

    /// Sets the response's status (404 for a page that does not exist, say).
    pub fn set_status(&self, status: StatusCode) {
        if let Some(set_status) = &self.set_status {
            set_status(status)
        }
    }

    /// Makes the response a redirect to `location` (`302 Found`, `Location: location`).
    pub fn redirect(&self, location: &str) {
        if let Some(redirect) = &self.redirect {
            redirect(location)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn the_path_is_the_part_before_the_query_or_fragment() {
        assert_eq!(RequestContext::new("/a/b?c=d").path(), "/a/b");
        assert_eq!(RequestContext::new("/a#top").path(), "/a");
        assert_eq!(RequestContext::new("/").path(), "/");
        assert_eq!(RequestContext::new("/x?y").path_and_query(), "/x?y");
    }

    #[test]
    fn callbacks_receive_the_status_and_the_location() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (a, b) = (seen.clone(), seen.clone());
        let request = RequestContext::new("/")
            .on_set_status(move |s| a.lock().unwrap().push(s.as_u16().to_string()))
            .on_redirect(move |l| b.lock().unwrap().push(l.to_string()));
        request.set_status(StatusCode::NOT_FOUND);
        request.redirect("/login");
        assert_eq!(*seen.lock().unwrap(), ["404", "/login"]);
        // Without callbacks nothing happens (and nothing panics).
        RequestContext::new("/").redirect("/elsewhere");
    }
}
