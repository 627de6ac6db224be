//! Serving the registered server functions through axum.

use std::fmt;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::Request;
use axum::response::Response;
use axum::routing::{any, on, MethodFilter, MethodRouter};
use axum::Router;
use futures::future::BoxFuture;
use futures::FutureExt;
use http::header;
use http_body_util::{BodyExt, LengthLimitError, Limited};
use server_fn::codec::ResponseBody;
use server_fn::pattern;
use server_fn::registry::{server_fns, ServerFnEntry, ServerFnRegistry};
use server_fn::route_error::{ServerFnRouteError, DEFAULT_BODY_LIMIT};

use crate::call::{run_server_fn, AdditionalContext};

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
pub async fn handle_server_fns(req: Request) -> Response {
    ServerFnHandler::new().handle(req).await
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
pub async fn handle_server_fns_with_context(
    additional_context: impl Fn() + Clone + Send + Sync + 'static,
    req: Request,
) -> Response {
    ServerFnHandler::new()
        .with_context(additional_context)
        .handle(req)
        .await
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
        self.context = Some(Arc::new(context));
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
    /// Per-function middleware applies here only: [`handle_server_fns`] on a catch-all
    /// route runs functions without it.
    pub fn router<S>(self) -> Router<S>
    where
        S: Clone + Send + Sync + 'static,
    {
        let mut router = Router::new();
        for path in self.registry.routes() {
            let at_path: Vec<&ServerFnEntry> = self
                .registry
                .iter()
                .filter(|entry| pattern::shape(entry.path()) == pattern::shape(path))
                .collect();
            if at_path.iter().all(|entry| entry.layers().is_empty()) {
                router = router.route(path, any(self.endpoint()));
            } else {
                router = router.route_service(path, self.layered(&at_path));
            }
        }
        router
    }

    /// The handler of one route.
    fn endpoint(&self) -> impl Fn(Request) -> BoxFuture<'static, Response> + Clone + Send + Sync {
        let handler = self.clone();
        move |req: Request| {
            let handler = handler.clone();
            Box::pin(async move { handler.handle(req).await })
        }
    }

    /// The route of functions with `#[middleware(...)]`: each method wrapped in its own
    /// function's layers (the first listed outermost), other methods answered by
    /// [`Self::handle`] (a 405 naming the allowed ones).
    fn layered(&self, entries: &[&ServerFnEntry]) -> MethodRouter {
        let mut route = MethodRouter::new().fallback(self.endpoint());
        for entry in entries {
            let Ok(filter) = MethodFilter::try_from(entry.method().clone()) else {
                continue;
            };
            let mut one = on(filter, self.endpoint());
            for layer in entry.layers().iter().rev() {
                one = layer(one);
            }
            route = route.merge(one);
        }
        route
    }

    /// Answers one request.
    pub async fn handle(&self, req: Request) -> Response {
        match self.run(req).await {
            Ok(response) => response.map(|body| match body {
                ResponseBody::Full(bytes) => Body::from(bytes),
                ResponseBody::Stream(chunks) => Body::from_stream(chunks),
            }),
            Err(error) => error.into_response().map(Body::from),
        }
    }

    async fn run(&self, req: Request) -> Result<http::Response<ResponseBody>, ServerFnRouteError> {
        let entry = self.registry.find(req.method(), req.uri().path())?;
        let (parts, body) = req.into_parts();
        let bytes = self
            .read_body(parts.uri.path(), &parts.headers, body)
            .await?;
        let req = http::Request::from_parts(parts, bytes);
        AssertUnwindSafe(run_server_fn(entry, req, self.context.as_ref()))
            .catch_unwind()
            .await
            .map_err(|_| ServerFnRouteError::Panicked {
                path: entry.path().to_owned(),
            })
    }

    /// Reads the whole body, refusing more than the limit (by `Content-Length` up front, and
    /// while reading for bodies without one).
    async fn read_body(
        &self,
        path: &str,
        headers: &http::HeaderMap,
        body: Body,
    ) -> Result<bytes::Bytes, ServerFnRouteError> {
        let too_large = || ServerFnRouteError::PayloadTooLarge {
            path: path.to_owned(),
            limit: self.body_limit,
        };
        let declared = headers
            .get(header::CONTENT_LENGTH)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.parse::<u64>().ok());
        if declared.is_some_and(|length| length > self.body_limit as u64) {
            return Err(too_large());
        }
        match Limited::new(body, self.body_limit).collect().await {
            Ok(collected) => Ok(collected.to_bytes()),
            Err(error) if error.is::<LengthLimitError>() => Err(too_large()),
            Err(error) => Err(ServerFnRouteError::UnreadableBody {
                path: path.to_owned(),
                reason: error.to_string(),
            }),
        }
    }
}
