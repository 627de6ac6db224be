//! What a server function or a page render may change about its HTTP response: status,
//! headers, cookies, and redirects.

use std::sync::{Arc, RwLock};

use http::header::{HeaderName, HeaderValue};
use http::request::Parts;
use http::{HeaderMap, StatusCode};
use reactive_graph::use_context;
use server_fn::redirect_protocol::redirect_answer;

/// The status and headers a handler wants on its response.
#[derive(Debug, Clone, Default)]
pub struct ResponseParts {
    /// The status, if one was set (otherwise the handler's own).
    pub status: Option<StatusCode>,
    /// Headers added to the response (a `Set-Cookie` may appear several times).
    pub headers: HeaderMap,
}

/// Lets a server function, or a component during server rendering, set the status and
/// headers of the response. The integration provides one per request as context.
///
/// ```
/// use leptos::prelude::*;
/// use leptos_axum::ResponseOptions;
/// use http::{header, HeaderValue, StatusCode};
///
/// #[leptos::server]
/// pub async fn tea_and_cookies() -> Result<(), ServerFnError> {
///     let response = expect_context::<ResponseOptions>();
///     response.set_status(StatusCode::IM_A_TEAPOT);
///     response.append_header(header::SET_COOKIE, HeaderValue::from_static("biscuits=yes"));
///     Ok(())
/// }
/// ```
#[derive(Debug, Clone, Default)]
pub struct ResponseOptions(pub Arc<RwLock<ResponseParts>>);

impl ResponseOptions {
    /// Replaces everything set so far.
    pub fn overwrite(&self, parts: ResponseParts) {
        *self.write() = parts;
    }

    /// Sets the response's status.
    pub fn set_status(&self, status: StatusCode) {
        self.write().status = Some(status);
    }

    /// The status set so far, if any.
    pub fn status(&self) -> Option<StatusCode> {
        self.read().status
    }

    /// Sets a header, replacing earlier values of it.
    pub fn insert_header(&self, key: HeaderName, value: HeaderValue) {
        self.write().headers.insert(key, value);
    }

    /// Adds a header, keeping earlier values of it (for `Set-Cookie`).
    pub fn append_header(&self, key: HeaderName, value: HeaderValue) {
        self.write().headers.append(key, value);
    }

    /// A copy of what has been set.
    pub fn parts(&self) -> ResponseParts {
        self.read().clone()
    }

    /// Makes the response a `302 Found` to `location`: what [`redirect`] does for a page
    /// load, and what a page render's `<Redirect/>` does.
    pub(crate) fn redirect_page(&self, location: HeaderValue) {
        self.set_status(StatusCode::FOUND);
        self.insert_header(http::header::LOCATION, location);
    }

    /// Applies what has been set to `response`.
    pub(crate) fn apply_to<B>(&self, response: &mut http::Response<B>) {
        let parts = self.read();
        if parts.status.is_none() && parts.headers.is_empty() {
            return;
        }
        if let Some(status) = parts.status {
            *response.status_mut() = status;
        }
        // `extend` would replace all values of a repeated header with the last one's.
        let mut last: Option<HeaderName> = None;
        for (name, value) in parts.headers.clone() {
            let name = name
                .or_else(|| last.clone())
                .expect("the first header has a name");
            if last.as_ref() != Some(&name) {
                response.headers_mut().remove(&name);
            }
            response.headers_mut().append(name.clone(), value);
            last = Some(name);
        }
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, ResponseParts> {
        self.0
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, ResponseParts> {
        self.0
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Redirects to `path` from a server function or during server rendering.
///
/// For a page load or a form posted without JavaScript the response becomes a `302 Found`
/// with a `Location` header, which the browser follows. For a call made with `fetch` (the
/// client asked for data, not HTML) the response stays a success and names the target in
/// the `serverfnredirect` header, and the client navigates there itself
/// (`server_fn::redirect_protocol`).
///
/// Outside a request (no [`ResponseOptions`] in context) it does nothing but log. Code
/// shared between integrations can call [`leptos::redirect`] instead, which calls this one
/// while axum serves the request.
///
/// ```
/// use leptos::prelude::*;
///
/// #[leptos::server]
/// pub async fn add_todo(title: String) -> Result<(), ServerFnError> {
///     // ... save it ...
///     leptos_axum::redirect("/");
///     Ok(())
/// }
/// ```
pub fn redirect(path: &str) {
    let Some(response) = use_context::<ResponseOptions>() else {
        eprintln!("leptos_axum::redirect({path:?}) was called outside a request; nothing happens");
        return;
    };
    let headers = use_context::<Parts>().map(|parts| parts.headers);
    match redirect_answer(path, headers.as_ref()) {
        Ok(answer) => {
            if let Some(status) = answer.status() {
                response.set_status(status);
            }
            response.insert_header(answer.header_name(), answer.value().clone());
        }
        Err(error) => eprintln!("leptos_axum::redirect: {error}; nothing happens"),
    }
}
