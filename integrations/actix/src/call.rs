//! Running one server function inside the request's reactive owner, and shaping its answer
//! for the kind of client that called it.
//!
//! The function runs in a fresh root owner that holds the actix-web request ([`Request`]),
//! its `http::request::Parts`, a [`ResponseOptions`], the [`RedirectHandler`] of
//! [`crate::redirect`] and whatever the app's additional context provides, so `extract()`,
//! `expect_context::<ResponseOptions>()`, `redirect()` (this crate's or `leptos::redirect`)
//! and the app's own context work inside it.
//!
//! A form posted without JavaScript gets a redirect instead of the function's answer, as
//! `server_fn::redirect_protocol` says (the protocol `leptos_axum` follows too).

use std::rc::Rc;

use actix_web::HttpRequest;
use bytes::Bytes;
use http::request::Parts;
use http::Response;
use leptos::RedirectHandler;
use reactive_graph::{ContextValue, Owner, ScopedFuture};
use server_fn::codec::ResponseBody;
use server_fn::redirect_protocol::FormPost;
use server_fn::registry::ServerFnEntry;

use crate::request::Request;
use crate::response::ResponseOptions;

/// What the app provides as context to each server function call or page render.
pub(crate) type AdditionalContext = Rc<dyn Fn()>;

/// Disposes the request's owner however the call ends (a panic included).
pub(crate) struct DisposeOnDrop(pub(crate) Owner);

impl Drop for DisposeOnDrop {
    fn drop(&mut self) {
        self.0.dispose();
    }
}

/// Provides, on the current owner, what every request owner holds (the request, its parts,
/// the response options and the redirect handler) and `more`, all under one lock
/// ([`Owner::provide_contexts`]).
pub(crate) fn provide_request_context(
    req: &HttpRequest,
    parts: Parts,
    response_options: &ResponseOptions,
    more: impl IntoIterator<Item = ContextValue>,
) {
    let Some(owner) = Owner::current() else {
        unreachable!("a request's context is provided inside its owner")
    };
    owner.provide_contexts(
        [
            ContextValue::new(Request::new(req)),
            ContextValue::new(parts),
            ContextValue::new(response_options.clone()),
            REDIRECT_HANDLER.clone(),
        ]
        .into_iter()
        .chain(more),
    );
}

/// `leptos::redirect`'s handler for every request: one context value, shared (no allocation
/// per request).
static REDIRECT_HANDLER: std::sync::LazyLock<ContextValue> =
    std::sync::LazyLock::new(|| ContextValue::new(RedirectHandler::new(crate::redirect)));

/// Runs `entry` with `parts` and `body` (of `req`) inside a request owner and shapes the
/// response.
pub(crate) async fn run_server_fn(
    entry: &ServerFnEntry,
    req: &HttpRequest,
    parts: Parts,
    body: Bytes,
    context: Option<&AdditionalContext>,
) -> Response<ResponseBody> {
    let owner = DisposeOnDrop(Owner::new_root());
    let response_options = ResponseOptions::default();
    let form_post = FormPost::from_headers(&parts.headers);
    // The call decodes the arguments and hands the parts back, which then move into the
    // context instead of being cloned.
    let call = entry.call(http::Request::from_parts(parts, body));
    owner.0.with(|| {
        provide_request_context(req, call.parts, &response_options, []);
        if let Some(context) = context {
            context();
        }
    });
    let mut response = ScopedFuture::with_owner(owner.0.clone(), call.response).await;
    drop(owner);
    response_options.apply_to_http(&mut response);
    if let Some(form_post) = &form_post {
        form_post.answer(&mut response, entry.path());
    }
    response
}
