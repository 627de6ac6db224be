//! The axum integration: serving server functions and server-rendered pages.
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
//! `http::request::Parts` and a [`ResponseOptions`], so its body can use axum extractors
//! ([`extract`]), set the status and headers, and [`redirect`], plus whatever
//! [`ServerFnHandler::with_context`] (or [`handle_server_fns_with_context`]) provides. A form
//! posted without JavaScript is answered with a redirect (see the `call` module).
//!
//! Pages: [`LeptosRoutes::leptos_routes`] mounts a server-rendering handler at each path of
//! [`generate_route_list`], which lists the routes of the app's `<Routes/>` (the router's
//! `leptos_router`); each render gets a [`leptos::server_context::RequestContext`] with the
//! request's URL, through which the router answers 404 for an unmatched URL and 302 for a
//! `<Redirect/>`.

mod body;
mod call;
mod extract;
mod response;
mod routes;
mod server_fns;

pub use extract::{extract, extract_with_state};
pub use leptos::config::LeptosOptions;
pub use response::{redirect, ResponseOptions, ResponseParts};
pub use routes::{
    file_and_error_handler, generate_route_list, AxumRouteListing, FileAndErrorHandler,
    HandlerFuture, LeptosRoutes,
};
pub use server_fn::redirect_protocol::{ERROR_PARAM, PATH_PARAM, STATUS_PARAM};
pub use server_fn::route_error::{ServerFnRouteError, DEFAULT_BODY_LIMIT};
pub use server_fns::{handle_server_fns, handle_server_fns_with_context, ServerFnHandler};
