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

use std::future::Future;
use std::sync::Arc;

use futures::FutureExt;

use bytes::Bytes;
use http::{Request, Response};
use leptos::RedirectHandler;
use reactive_graph::{ContextValue, Owner, ScopedFuture};
use server_fn::codec::ResponseBody;
use server_fn::handler::ResponseFuture;
use server_fn::redirect_protocol::FormPost;
use server_fn::registry::ServerFnEntry;

use crate::response::ResponseOptions;

/// What the app provides as context to each server function call and page: values made
/// once (the router's state), provided with the request's own in one step, and a function
/// the app gave (`..._with_context`) run in the request's owner after them.
///
/// Cloned with each route's handler on every request, so it is one shared pointer.
#[derive(Clone, Default)]
pub(crate) struct AdditionalContext(Arc<ContextParts>);

#[derive(Default)]
struct ContextParts {
    values: Vec<ContextValue>,
    run: Option<Box<dyn Fn() + Send + Sync>>,
}

impl AdditionalContext {
    /// Runs `run` in each request's owner.
    pub(crate) fn run(run: impl Fn() + Send + Sync + 'static) -> Self {
        AdditionalContext(Arc::new(ContextParts {
            values: Vec::new(),
            run: Some(Box::new(run)),
        }))
    }

    /// Provides `value` too (before `run`).
    ///
    /// # Panics
    ///
    /// If this context was cloned already (values are added while a router is built).
    pub(crate) fn with_value(mut self, value: ContextValue) -> Self {
        let Some(parts) = Arc::get_mut(&mut self.0) else {
            panic!("context values are added before the context is shared");
        };
        parts.values.push(value);
        self
    }

    /// Provides this context in `owner`, after `request`'s values (one step for all the
    /// values, then the app's function, if any, inside the owner).
    pub(crate) fn provide(
        this: Option<&Self>,
        owner: &Owner,
        request: impl IntoIterator<Item = ContextValue>,
    ) {
        let values = this.map_or(&[][..], |context| &context.0.values[..]);
        owner.provide_contexts(request.into_iter().chain(values.iter().cloned()));
        if let Some(run) = this.and_then(|context| context.0.run.as_ref()) {
            owner.with(run);
        }
    }
}

/// Disposes the request's owner however the call ends (a panic included).
struct DisposeOnDrop(Owner);

impl Drop for DisposeOnDrop {
    fn drop(&mut self) {
        self.0.dispose();
    }
}

/// `leptos::redirect`'s handler for every call and page: one context value, shared (no
/// allocation per request).
pub(crate) static REDIRECT_HANDLER: std::sync::LazyLock<ContextValue> =
    std::sync::LazyLock::new(|| ContextValue::new(RedirectHandler::new(crate::redirect)));

/// One server function call, started: the function's arguments are decoded and its
/// context provided; what is left is to run it ([`StartedCall::finish`]).
pub(crate) struct StartedCall {
    owner: DisposeOnDrop,
    response_options: ResponseOptions,
    form_post: Option<FormPost>,
    path: &'static str,
    response: ResponseFuture,
}

/// Starts `entry` for `req`: decodes the arguments and makes the request owner with the
/// request's parts, a [`ResponseOptions`], the redirect handler and the app's context.
///
/// This half is synchronous on purpose: what an async function takes stays in its future
/// until the future ends, and the future of every request is boxed, so keeping the request
/// out of it keeps the box small (under the allocator's fast size classes).
pub(crate) fn start_call(
    entry: &'static ServerFnEntry,
    req: Request<Bytes>,
    context: Option<&AdditionalContext>,
) -> StartedCall {
    let owner = DisposeOnDrop(Owner::new_root());
    let response_options = ResponseOptions::default();
    let form_post = FormPost::from_headers(req.headers());
    // Decoding the arguments needs the method, URI, headers and body; the function's
    // extractors need the request's parts (extensions included), which the call hands
    // back after decoding, so they move into the context instead of being cloned.
    let call = entry.call(req);
    AdditionalContext::provide(
        context,
        &owner.0,
        [
            ContextValue::new(call.parts),
            ContextValue::new(response_options.clone()),
            REDIRECT_HANDLER.clone(),
        ],
    );
    StartedCall {
        owner,
        response_options,
        form_post,
        path: entry.path(),
        response: call.response,
    }
}

impl StartedCall {
    /// Runs the function in its owner, disposes the owner and shapes the response.
    ///
    /// (Combinators rather than an `async fn`: an async function keeps its argument and
    /// the locals made from it side by side, which would double this future's size.)
    pub(crate) fn finish(self) -> impl Future<Output = Response<ResponseBody>> + Send {
        let Self {
            owner,
            response_options,
            form_post,
            path,
            response,
        } = self;
        ScopedFuture::with_owner(owner.0.clone(), response).map(move |mut response| {
            drop(owner);
            response_options.apply_to(&mut response);
            if let Some(form_post) = &form_post {
                form_post.answer(&mut response, path);
            }
            response
        })
    }
}
