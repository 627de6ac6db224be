//! Running one server function inside the request's reactive owner, and shaping its answer
//! for the kind of client that called it.
//!
//! The function runs in a fresh root owner that holds the request's
//! [`http::request::Parts`], a [`ResponseOptions`] and whatever the app's additional context
//! provides, so `extract()`, `expect_context::<ResponseOptions>()`, `redirect()` and the
//! app's own context work inside it.
//!
//! A form posted without JavaScript asks for HTML, so instead of the function's JSON it gets
//! a redirect: to the `redirect()` target if one was set, otherwise back to the page that
//! posted (the `Referer`), with the error in the query (`__path`, `__err`) when the function
//! failed, so the page can show it.

use std::sync::Arc;

use bytes::Bytes;
use http::header::{self, HeaderValue};
use http::{Request, Response, StatusCode};
use reactive_graph::{provide_context, Owner, ScopedFuture};
use server_fn::codec::ResponseBody;
use server_fn::handler::SERVER_FN_ERROR_HEADER;
use server_fn::registry::ServerFnEntry;

use crate::response::{wants_html, ResponseOptions};

/// What the app provides as context to each server function call.
pub(crate) type AdditionalContext = Arc<dyn Fn() + Send + Sync>;

/// The query parameter naming the function whose error [`ERROR_PARAM`] carries.
pub const PATH_PARAM: &str = "__path";
/// The query parameter carrying a failed no-JavaScript form post's error, in the
/// function's error encoding (JSON for `ServerFnError`).
pub const ERROR_PARAM: &str = "__err";
/// The query parameter carrying the HTTP status of that error.
pub const STATUS_PARAM: &str = "__status";

/// Disposes the request's owner however the call ends (a panic included).
struct DisposeOnDrop(Owner);

impl Drop for DisposeOnDrop {
    fn drop(&mut self) {
        self.0.dispose();
    }
}

/// Runs `entry` for `req` inside a request owner and shapes the response.
pub(crate) async fn run_server_fn(
    entry: &ServerFnEntry,
    req: Request<Bytes>,
    context: Option<&AdditionalContext>,
) -> Response<ResponseBody> {
    let owner = DisposeOnDrop(Owner::new_root());
    let response_options = ResponseOptions::default();
    let (parts, body) = req.into_parts();
    let from_form = wants_html(Some(&parts.headers));
    let referer = parts.headers.get(header::REFERER).cloned();
    owner.0.with(|| {
        provide_context(parts.clone());
        provide_context(response_options.clone());
        if let Some(context) = context {
            context();
        }
    });
    let req = Request::from_parts(parts, body);
    let mut response = ScopedFuture::with_owner(owner.0.clone(), entry.run(req)).await;
    drop(owner);
    response_options.apply_to(&mut response);
    if from_form {
        redirect_form_post(&mut response, entry.path(), referer);
    }
    response
}

/// Turns the answer to a form posted without JavaScript into a redirect the browser
/// follows: kept as is if it already is one, else `303 See Other` back to the page that
/// posted, with the error in the query if the call failed.
fn redirect_form_post(
    response: &mut Response<ResponseBody>,
    path: &str,
    referer: Option<HeaderValue>,
) {
    if response.status().is_redirection() && response.headers().contains_key(header::LOCATION) {
        response.headers_mut().remove(header::CONTENT_TYPE);
        *response.body_mut() = ResponseBody::Full(Bytes::new());
        return;
    }
    let Some(referer) = referer.and_then(|r| r.to_str().ok().map(str::to_owned)) else {
        // Nowhere to go back to: the answer stays as it is.
        return;
    };
    let mut target = strip_error_params(&referer);
    if response.headers().contains_key(SERVER_FN_ERROR_HEADER) || !response.status().is_success() {
        let error = response
            .body()
            .as_full()
            .map(|body| String::from_utf8_lossy(body).into_owned())
            .unwrap_or_default();
        target.push(if target.contains('?') { '&' } else { '?' });
        target.push_str(&format!(
            "{PATH_PARAM}={}&{ERROR_PARAM}={}&{STATUS_PARAM}={}",
            urlencoding::encode(path),
            urlencoding::encode(&error),
            response.status().as_u16()
        ));
    }
    let Ok(location) = HeaderValue::from_str(&target) else {
        return;
    };
    *response.status_mut() = StatusCode::SEE_OTHER;
    response.headers_mut().insert(header::LOCATION, location);
    response.headers_mut().remove(SERVER_FN_ERROR_HEADER);
    response.headers_mut().remove(header::CONTENT_TYPE);
    *response.body_mut() = ResponseBody::Full(Bytes::new());
}

/// `referer` without the `__path`/`__err` parameters of an earlier failed post.
fn strip_error_params(referer: &str) -> String {
    let (base, query) = match referer.split_once('?') {
        Some((base, query)) => (base, query),
        None => return referer.to_owned(),
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| {
            let name = pair.split('=').next().unwrap_or_default();
            name != PATH_PARAM && name != ERROR_PARAM && name != STATUS_PARAM && !pair.is_empty()
        })
        .collect();
    if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn earlier_errors_are_dropped_from_the_referer() {
        assert_eq!(strip_error_params("http://h/todos"), "http://h/todos");
        assert_eq!(
            strip_error_params("http://h/todos?__path=%2Fapi%2Fx&__err=boom&page=2"),
            "http://h/todos?page=2"
        );
        assert_eq!(strip_error_params("http://h/?__err=x"), "http://h/");
    }

    #[test]
    fn failed_posts_go_back_with_the_error() {
        let mut response = Response::new(ResponseBody::Full(Bytes::from_static(
            br#"{"ServerError":"no"}"#,
        )));
        *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        response
            .headers_mut()
            .insert(SERVER_FN_ERROR_HEADER, HeaderValue::from_static("/api/x"));
        redirect_form_post(
            &mut response,
            "/api/x",
            Some(HeaderValue::from_static("http://h/todos?page=2")),
        );
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            response.headers()[header::LOCATION],
            "http://h/todos?page=2&__path=%2Fapi%2Fx&__err=%7B%22ServerError%22%3A%22no%22%7D&__status=500"
        );
        assert_eq!(response.body().as_full(), Some(&Bytes::new()));
    }
}
