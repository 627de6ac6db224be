//! What a server function or a page render may change about its HTTP response: status,
//! headers, cookies, and redirects, in actix-web's types.

use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

use actix_web::http::header::{HeaderMap, HeaderName, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use http::request::Parts;
use reactive_graph::use_context;
use server_fn::redirect_protocol::redirect_answer;

use crate::request::{
    header_from_http, header_name_to_http, header_to_http, status_from_http, status_to_http,
};

/// The status and headers a handler wants on its response.
#[derive(Debug, Clone, Default)]
pub struct ResponseParts {
    /// The status, if one was set (otherwise the handler's own).
    pub status: Option<StatusCode>,
    /// Headers added to the response (a `Set-Cookie` may appear several times).
    pub headers: HeaderMap,
}

impl ResponseParts {
    /// Sets a header, replacing earlier values of it.
    pub fn insert_header(&mut self, key: HeaderName, value: HeaderValue) {
        self.headers.insert(key, value);
    }

    /// Adds a header, keeping earlier values of it (for `Set-Cookie`).
    pub fn append_header(&mut self, key: HeaderName, value: HeaderValue) {
        self.headers.append(key, value);
    }
}

/// Lets a server function, or a component during server rendering, set the status and
/// headers of the response. `leptos_actix` provides one per request as context.
///
/// ```
/// use actix_web::{cookie::Cookie, http::header, http::header::HeaderValue, http::StatusCode};
/// use leptos::prelude::*;
/// use leptos_actix::ResponseOptions;
///
/// #[server]
/// pub async fn tea_and_cookies() -> Result<(), ServerFnError> {
///     let response = expect_context::<ResponseOptions>();
///     response.set_status(StatusCode::IM_A_TEAPOT);
///     let cookie = Cookie::build("biscuits", "yes").finish();
///     if let Ok(cookie) = HeaderValue::from_str(&cookie.to_string()) {
///         response.append_header(header::SET_COOKIE, cookie);
///     }
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
        self.write().insert_header(key, value);
    }

    /// Adds a header, keeping earlier values of it (for `Set-Cookie`).
    pub fn append_header(&self, key: HeaderName, value: HeaderValue) {
        self.write().append_header(key, value);
    }

    /// A copy of what has been set.
    pub fn parts(&self) -> ResponseParts {
        self.read().clone()
    }

    /// Applies what has been set to a server function's `http` 1 response: the status, and
    /// each header set, replacing the response's own values of it.
    pub(crate) fn apply_to_http<B>(&self, response: &mut http::Response<B>) {
        let parts = self.read();
        if let Some(status) = parts.status {
            *response.status_mut() = status_to_http(status);
        }
        for name in parts.headers.keys().filter_map(header_name_to_http) {
            response.headers_mut().remove(&name);
        }
        for (name, value) in parts.headers.iter() {
            if let Some((name, value)) = header_to_http(name, value) {
                response.headers_mut().append(name, value);
            }
        }
    }

    /// Applies what has been set to a page's response, as [`Self::apply_to_http`] does.
    pub(crate) fn apply_to_actix(&self, response: &mut HttpResponse) {
        let parts = self.read();
        if let Some(status) = parts.status {
            *response.status_mut() = status;
        }
        for name in parts.headers.keys() {
            response.headers_mut().remove(name);
        }
        for (name, value) in parts.headers.iter() {
            response.headers_mut().append(name.clone(), value.clone());
        }
    }

    fn read(&self) -> RwLockReadGuard<'_, ResponseParts> {
        self.0
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn write(&self) -> RwLockWriteGuard<'_, ResponseParts> {
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
/// (`server_fn::redirect_protocol`, which `leptos_axum` follows too).
///
/// Outside a request (no [`ResponseOptions`] in context) it does nothing but log. Code
/// shared between integrations can call [`leptos::redirect`] instead, which calls this one
/// while actix-web serves the request.
///
/// ```
/// use leptos::prelude::*;
///
/// #[server]
/// pub async fn login(username: String) -> Result<(), ServerFnError> {
///     // ... check the password, start a session ...
///     leptos_actix::redirect("/");
///     Ok(())
/// }
/// ```
pub fn redirect(path: &str) {
    let Some(response) = use_context::<ResponseOptions>() else {
        eprintln!("leptos_actix::redirect({path:?}) was called outside a request; nothing happens");
        return;
    };
    let headers = use_context::<Parts>().map(|parts| parts.headers);
    let answer = match redirect_answer(path, headers.as_ref()) {
        Ok(answer) => answer,
        Err(error) => {
            eprintln!("leptos_actix::redirect: {error}; nothing happens");
            return;
        }
    };
    if let Some(status) = answer.status() {
        response.set_status(status_from_http(status));
    }
    if let Some((name, value)) = header_from_http(&answer.header_name(), answer.value()) {
        response.insert_header(name, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header;

    #[test]
    fn applied_headers_replace_the_responses_and_keep_every_cookie() {
        let options = ResponseOptions::default();
        options.set_status(StatusCode::IM_A_TEAPOT);
        options.append_header(header::SET_COOKIE, HeaderValue::from_static("a=1"));
        options.append_header(header::SET_COOKIE, HeaderValue::from_static("b=2"));
        options.insert_header(header::CONTENT_TYPE, HeaderValue::from_static("text/plain"));
        let mut response = http::Response::builder()
            .header(http::header::CONTENT_TYPE, "application/json")
            .header(http::header::SET_COOKIE, "old=1")
            .body(())
            .unwrap();
        options.apply_to_http(&mut response);
        assert_eq!(response.status(), http::StatusCode::IM_A_TEAPOT);
        assert_eq!(response.headers()[http::header::CONTENT_TYPE], "text/plain");
        let cookies: Vec<_> = response
            .headers()
            .get_all(http::header::SET_COOKIE)
            .iter()
            .collect();
        assert_eq!(cookies, ["a=1", "b=2"]);

        let mut page = HttpResponse::Ok().body("<p>hi</p>");
        options.apply_to_actix(&mut page);
        assert_eq!(page.status(), StatusCode::IM_A_TEAPOT);
        assert_eq!(page.headers().get_all(header::SET_COOKIE).count(), 2);
    }

    #[test]
    fn outside_a_request_redirect_does_nothing() {
        // No owner, no context: logs and returns.
        redirect("/home");
    }
}
