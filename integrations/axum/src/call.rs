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
//! failed, so the page can show it. The protocol itself is `server_fn::redirect_protocol`,
//! which every integration shares.

use std::sync::Arc;

use bytes::Bytes;
use http::header;
use http::{Request, Response};
use leptos::RedirectHandler;
use reactive_graph::{provide_context, Owner, ScopedFuture};
use server_fn::codec::ResponseBody;
use server_fn::redirect_protocol::{answer_form_post, wants_html};
use server_fn::registry::ServerFnEntry;

use crate::response::ResponseOptions;

/// What the app provides as context to each server function call.
pub(crate) type AdditionalContext = Arc<dyn Fn() + Send + Sync>;

/// Disposes the request's owner however the call ends (a panic included).
struct DisposeOnDrop(Owner);

impl Drop for DisposeOnDrop {
    fn drop(&mut self) {
        self.0.dispose();
    }
}

/// `leptos::redirect` for every call: one handler, shared (no allocation per call).
static REDIRECT_HANDLER: std::sync::LazyLock<RedirectHandler> =
    std::sync::LazyLock::new(|| RedirectHandler::new(crate::redirect));

/// Runs `entry` for `req` inside a request owner and shapes the response.
pub(crate) async fn run_server_fn(
    entry: &ServerFnEntry,
    req: Request<Bytes>,
    context: Option<&AdditionalContext>,
) -> Response<ResponseBody> {
    let owner = DisposeOnDrop(Owner::new_root());
    let response_options = ResponseOptions::default();
    let from_form = wants_html(req.headers());
    let referer = req.headers().get(header::REFERER).cloned();
    // Decoding the arguments needs the method, URI, headers and body; the function's
    // extractors need the request's parts (extensions included), which the call hands
    // back after decoding, so they move into the context instead of being cloned.
    let call = entry.call(req);
    owner.0.with(|| {
        provide_context(call.parts);
        provide_context(response_options.clone());
        provide_context(REDIRECT_HANDLER.clone());
        if let Some(context) = context {
            context();
        }
    });
    let mut response = ScopedFuture::with_owner(owner.0.clone(), call.response).await;
    drop(owner);
    response_options.apply_to(&mut response);
    if from_form {
        answer_form_post(&mut response, entry.path(), referer.as_ref());
    }
    response
}
