//! The axum integration: serving server functions.
//!
//! [`handle_server_fns`] is an axum handler that runs whichever `#[server]` function is
//! registered at the request's path; [`ServerFnHandler`] does the same with options (the
//! body limit) and can build a [`axum::Router`] with every function at its own path.
//!
//! Requests that reach no function are answered with a [`ServerFnRouteError`]: 404 for an
//! unknown path, 405 for the wrong method, 413 for a body over the limit (2 MB by default),
//! 500 when the function panics (the server keeps serving). Malformed arguments answer 400
//! with a message naming the field, from the function's own decoding.
//!
//! Each function runs in a reactive owner of its own whose context holds the request's
//! `http::request::Parts`, so its body can use axum extractors
//! (`server_fn::axum::extract`), plus whatever [`ServerFnHandler::with_context`] (or
//! [`handle_server_fns_with_context`]) provides.
//!
//! **Not implemented yet:** `LeptosRoutes`, `ResponseOptions`, `redirect()` and
//! `LeptosOptions`.

mod error;
mod server_fns;

pub use error::ServerFnRouteError;
pub use server_fns::{
    handle_server_fns, handle_server_fns_with_context, ServerFnHandler, DEFAULT_BODY_LIMIT,
};
