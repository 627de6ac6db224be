//! Serving the registered server functions through axum.

use std::fmt;
use std::future::Future;
use std::panic::AssertUnwindSafe;

use axum::body::Body;
use axum::extract::Request;
use axum::response::Response;
use axum::routing::{on, MethodFilter, MethodRouter};
use axum::Router;
use futures::future::Either;
use futures::FutureExt;
use http::header;
use server_fn::codec::ResponseBody;
use server_fn::pattern;
use server_fn::registry::{server_fns, ServerFnEntry, ServerFnRegistry};
use server_fn::route_error::{ServerFnRouteError, DEFAULT_BODY_LIMIT};

use crate::body::{read_body, BodyError};
use crate::call::{start_call, AdditionalContext};

/// An axum handler that runs the server function registered at the request's path, with
/// the default options ([`ServerFnHandler`]).
///
/// Mount it under the prefix of your functions:
///
/// ```
/// use axum::{routing::post, Router};
/// use leptos_axum::handle_server_fns;
///
/// let app: Router = Router::new().route("/api/{*fn_name}", post(handle_server_fns).get(handle_server_fns));
/// ```
pub fn handle_server_fns(req: Request) -> impl Future<Output = Response> + Send + 'static {
    ServerFnHandler::new().handle(req)
}

/// [`handle_server_fns`], with `additional_context` run in each call's owner before the
/// function, so that the function can `use_context` what it provides.
///
/// ```
/// use axum::{extract::Request, routing::post, Router};
/// use leptos::prelude::*;
///
/// #[derive(Clone, Debug)]
/// struct Pool;
///
/// let pool = Pool;
/// let app: Router = Router::new().route(
///     "/api/{*fn_name}",
///     post(move |req: Request| {
///         let pool = pool.clone();
///         leptos_axum::handle_server_fns_with_context(move || provide_context(pool.clone()), req)
///     }),
/// );
/// ```
pub fn handle_server_fns_with_context(
    additional_context: impl Fn() + Clone + Send + Sync + 'static,
    req: Request,
) -> impl Future<Output = Response> + Send + 'static {
    ServerFnHandler::new()
        .with_context(additional_context)
        .handle(req)
}

/// Serves the server functions of this binary: finds the function by path, checks the
/// method and the body's size, runs it, and turns a panic into a 500.
///
/// ```
/// use axum::Router;
/// use leptos_axum::ServerFnHandler;
///
/// // Every registered function at its own path, with a 64 KiB body limit.
/// let app: Router = ServerFnHandler::new().body_limit(64 * 1024).router();
/// ```
#[derive(Clone)]
pub struct ServerFnHandler {
    registry: &'static ServerFnRegistry,
    body_limit: usize,
    context: Option<AdditionalContext>,
}

impl fmt::Debug for ServerFnHandler {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServerFnHandler")
            .field("functions", &self.registry.len())
            .field("body_limit", &self.body_limit)
            .field("context", &self.context.is_some())
            .finish()
    }
}

impl Default for ServerFnHandler {
    fn default() -> Self {
        Self::new()
    }
}

impl ServerFnHandler {
    /// A handler for every registered function, with a body limit of
    /// [`DEFAULT_BODY_LIMIT`].
    ///
    /// # Panics
    ///
    /// If two registered functions share a path (the message names both).
    pub fn new() -> Self {
        Self {
            registry: server_fns(),
            body_limit: DEFAULT_BODY_LIMIT,
            context: None,
        }
    }

    /// Runs `context` in each call's owner before the function, to provide what the app's
    /// functions read with `use_context` (a database pool, the app's state).
    #[must_use = "the handler is returned, not changed in place"]
    pub fn with_context(mut self, context: impl Fn() + Send + Sync + 'static) -> Self {
        self.context = Some(AdditionalContext::run(context));
        self
    }

    /// Provides `context` (already shared: the app's values, then its function if any) in
    /// each call's owner before the function.
    pub(crate) fn with_shared_context(mut self, context: AdditionalContext) -> Self {
        self.context = Some(context);
        self
    }

    /// Sets the largest request body accepted, in bytes; larger ones answer 413.
    #[must_use = "the handler is returned, not changed in place"]
    pub fn body_limit(mut self, bytes: usize) -> Self {
        self.body_limit = bytes;
        self
    }

    /// A router with every registered function at its path (patterns such as
    /// `/api/users/{id}` as they are), wrapped in its `#[middleware(...)]` layers; other
    /// paths are left to the router you merge it into (404 by default).
    ///
    /// Each route knows its function, so a call is not looked up again by path; a method
    /// no function at that path takes is answered with the 405 of [`Self::handle`].
    ///
    /// Per-function middleware applies here only: [`handle_server_fns`] on a catch-all
    /// route runs functions without it.
    pub fn router<S>(self) -> Router<S>
    where
        S: Clone + Send + Sync + 'static,
    {
        let mut router = Router::new();
        for path in self.registry.routes() {
            let at_path: Vec<&'static ServerFnEntry> = self
                .registry
                .iter()
                .filter(|entry| pattern::shape(entry.path()) == pattern::shape(path))
                .collect();
            if at_path.iter().all(|entry| entry.layers().is_empty()) {
                // A route of the router's own state type: axum calls it in place (a route
                // added as a service is cloned per request and driven through one more layer).
                router = router.route(path, self.route(&at_path, |one, _| one));
            } else {
                router = router.route_service(path, self.layered_route(&at_path));
            }
        }
        router
    }

    /// The route of the functions at one path: each method to its function (passed
    /// through `wrap`), other methods to [`Self::handle`] (a 405 naming the allowed ones).
    fn route<S>(
        &self,
        entries: &[&'static ServerFnEntry],
        wrap: impl Fn(MethodRouter<S>, &'static ServerFnEntry) -> MethodRouter<S>,
    ) -> MethodRouter<S>
    where
        S: Clone + Send + Sync + 'static,
    {
        let fallback = self.clone();
        let mut route = MethodRouter::new().fallback(move |req: Request| fallback.handle(req));
        for &entry in entries {
            let Ok(filter) = MethodFilter::try_from(entry.method().clone()) else {
                continue;
            };
            let handler = self.clone();
            let one = on(filter, move |req: Request| handler.answer(Ok(entry), req));
            route = route.merge(wrap(one, entry));
        }
        route
    }

    /// [`Self::route`] with each function wrapped in its `#[middleware(...)]` layers (the
    /// first listed outermost).
    fn layered_route(&self, entries: &[&'static ServerFnEntry]) -> MethodRouter {
        self.route(entries, |mut one, entry| {
            for layer in entry.layers().iter().rev() {
                one = layer(one);
            }
            one
        })
    }

    /// Answers one request.
    ///
    /// The returned future owns what it needs (it does not borrow the handler) and is
    /// small (axum boxes it; under about 1 KiB the allocator serves it from its fastest
    /// size classes): finding the function and checking the declared length happen before
    /// it is made, decoding the arguments and providing the context in a synchronous step
    /// after the body is read, and the request stays in one place until then.
    pub fn handle(&self, req: Request) -> impl Future<Output = Response> + Send + 'static {
        let found = self.registry.find(req.method(), req.uri().path());
        self.answer(found, req)
    }

    /// Answers `req` with the function `found` for it (or with the error of not finding
    /// one).
    fn answer(
        &self,
        found: Result<&'static ServerFnEntry, ServerFnRouteError>,
        mut req: Request,
    ) -> impl Future<Output = Response> + Send + 'static {
        let body_limit = self.body_limit;
        let context = self.context.clone();
        let found = found.and_then(|entry| {
            check_declared_length(entry, req.headers(), body_limit).map(|()| entry)
        });
        async move {
            let answer = match found {
                Ok(entry) => {
                    let body = std::mem::take(req.body_mut());
                    match read_body(body, body_limit).await {
                        Ok(bytes) => run(entry, req.map(|_| bytes), context.as_ref()).await,
                        Err(error) => Err(unreadable(entry.path(), body_limit, error)),
                    }
                }
                Err(error) => Err(error),
            };
            match answer {
                Ok(response) => response.map(|body| match body {
                    ResponseBody::Full(bytes) => Body::from(bytes),
                    ResponseBody::Stream(chunks) => Body::from_stream(chunks),
                }),
                Err(error) => error.into_response().map(Body::from),
            }
        }
    }
}

/// Runs `entry` for `req`, a panic in the function (or in the app's context function)
/// answering 500.
fn run(
    entry: &'static ServerFnEntry,
    req: http::Request<bytes::Bytes>,
    context: Option<&AdditionalContext>,
) -> impl Future<Output = Result<http::Response<ResponseBody>, ServerFnRouteError>> + Send + 'static
{
    let panicked = move |_| ServerFnRouteError::Panicked {
        path: entry.path().to_owned(),
    };
    match std::panic::catch_unwind(AssertUnwindSafe(|| start_call(entry, req, context))) {
        Ok(started) => Either::Left(
            AssertUnwindSafe(started.finish())
                .catch_unwind()
                .map(move |answer| answer.map_err(panicked)),
        ),
        Err(panic) => Either::Right(std::future::ready(Err(panicked(panic)))),
    }
}

/// Refuses a body whose `Content-Length` is over the limit before reading any of it.
fn check_declared_length(
    entry: &ServerFnEntry,
    headers: &http::HeaderMap,
    body_limit: usize,
) -> Result<(), ServerFnRouteError> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|length| length > body_limit as u64) {
        return Err(too_large(entry.path(), body_limit));
    }
    Ok(())
}

fn too_large(path: &str, limit: usize) -> ServerFnRouteError {
    ServerFnRouteError::PayloadTooLarge {
        path: path.to_owned(),
        limit,
    }
}

/// The error for a body that could not be read: over the limit while reading (for bodies
/// without a `Content-Length`, or with a wrong one), or broken off.
fn unreadable(path: &str, body_limit: usize, error: BodyError) -> ServerFnRouteError {
    match error {
        BodyError::TooLarge => too_large(path, body_limit),
        BodyError::Broken(error) => ServerFnRouteError::UnreadableBody {
            path: path.to_owned(),
            reason: error.to_string(),
        },
    }
}
