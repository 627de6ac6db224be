//! Serving the registered server functions through actix-web.

use std::fmt;
use std::panic::AssertUnwindSafe;
use std::rc::Rc;

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse, Route};
use bytes::{Bytes, BytesMut};
use futures::{FutureExt, StreamExt};
use server_fn::registry::{server_fns, ServerFnRegistry};
use server_fn::route_error::{ServerFnRouteError, DEFAULT_BODY_LIMIT};

use crate::call::{run_server_fn, AdditionalContext};
use crate::request::{full_into_actix_response, into_actix_response, parts_from};

/// An actix-web route that runs the server function registered at the request's path,
/// with the default options ([`ServerFnHandler`]). Mount it under the prefix of your
/// functions, for every method (a wrong one answers 405):
///
/// ```
/// use actix_web::App;
///
/// let app = App::new().route("/api/{tail:.*}", leptos_actix::handle_server_fns());
/// ```
///
/// (`LeptosRoutes::leptos_routes` mounts every function's own path too.)
pub fn handle_server_fns() -> Route {
    ServerFnHandler::new().route()
}

/// [`handle_server_fns`], with `additional_context` run in each call's owner before the
/// function, so that the function can `use_context` what it provides.
///
/// ```
/// use actix_web::App;
/// use leptos::prelude::*;
///
/// #[derive(Clone, Debug)]
/// struct Pool;
///
/// let pool = Pool;
/// let app = App::new().route(
///     "/api/{tail:.*}",
///     leptos_actix::handle_server_fns_with_context(move || provide_context(pool.clone())),
/// );
/// ```
pub fn handle_server_fns_with_context(additional_context: impl Fn() + Clone + 'static) -> Route {
    ServerFnHandler::new()
        .with_context(additional_context)
        .route()
}

/// Serves the server functions of this binary: finds the function by path, checks the
/// method and the body's size, runs it, and turns a panic into a 500.
///
/// Build it inside `HttpServer::new`'s factory (once per worker), as actix-web apps are.
///
/// ```
/// use actix_web::App;
/// use leptos_actix::ServerFnHandler;
///
/// // A 64 KiB body limit; every registered function at its own path.
/// let handler = ServerFnHandler::new().body_limit(64 * 1024);
/// let app = App::new().configure(|config| handler.configure(config));
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
    pub fn with_context(mut self, context: impl Fn() + 'static) -> Self {
        self.context = Some(Rc::new(context));
        self
    }

    /// Runs `context` in each call's owner, if there is one.
    pub(crate) fn with_shared_context(mut self, context: Option<AdditionalContext>) -> Self {
        self.context = context;
        self
    }

    /// Sets the largest request body accepted, in bytes; larger ones answer 413.
    #[must_use = "the handler is returned, not changed in place"]
    pub fn body_limit(mut self, bytes: usize) -> Self {
        self.body_limit = bytes;
        self
    }

    /// A route (for every method) that answers with [`Self::handle`].
    pub fn route(self) -> Route {
        web::route().to(move |req: HttpRequest, payload: web::Payload| {
            let handler = self.clone();
            async move { handler.handle(req, payload).await }
        })
    }

    /// Mounts every registered function at its own path (patterns such as
    /// `/api/users/{id}` as they are; actix-web reads the same syntax). Other paths are left
    /// to the app (a 404 by default).
    pub fn configure(&self, config: &mut web::ServiceConfig) {
        for path in self.registry.routes() {
            config.route(path, self.clone().route());
        }
    }

    /// Answers one request.
    pub async fn handle(&self, req: HttpRequest, payload: web::Payload) -> HttpResponse {
        match self.run(&req, payload).await {
            Ok(response) => into_actix_response(response),
            Err(error) => full_into_actix_response(error.into_response()),
        }
    }

    async fn run(
        &self,
        req: &HttpRequest,
        payload: web::Payload,
    ) -> Result<http::Response<server_fn::codec::ResponseBody>, ServerFnRouteError> {
        let parts = parts_from(req);
        let path = parts.uri.path().to_owned();
        let entry = self.registry.find(&parts.method, &path)?;
        let body = self.read_body(&path, req, payload).await?;
        AssertUnwindSafe(run_server_fn(
            entry,
            req,
            parts,
            body,
            self.context.as_ref(),
        ))
        .catch_unwind()
        .await
        .map_err(|_| ServerFnRouteError::Panicked { path })
    }

    /// Reads the whole body, refusing more than the limit (by `Content-Length` up front, and
    /// while reading for bodies without one).
    async fn read_body(
        &self,
        path: &str,
        req: &HttpRequest,
        mut payload: web::Payload,
    ) -> Result<Bytes, ServerFnRouteError> {
        let too_large = || ServerFnRouteError::PayloadTooLarge {
            path: path.to_owned(),
            limit: self.body_limit,
        };
        let declared = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.parse::<u64>().ok());
        if declared.is_some_and(|length| length > self.body_limit as u64) {
            return Err(too_large());
        }
        let mut body = BytesMut::new();
        while let Some(chunk) = payload.next().await {
            let chunk = chunk.map_err(|error| ServerFnRouteError::UnreadableBody {
                path: path.to_owned(),
                reason: error.to_string(),
            })?;
            if body.len() + chunk.len() > self.body_limit {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body.freeze())
    }
}
