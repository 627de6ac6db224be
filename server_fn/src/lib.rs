//! Server functions: async Rust functions that run on the server and that the browser calls
//! over HTTP.
//!
//! Mark an `async fn` returning `Result<T, ServerFnError>` (or another error type: see
//! [`error`]) with [`#[server]`](server). In a build with your crate's `ssr` feature the
//! function runs its body and registers itself (`registry`) so that an integration such as
//! `leptos_axum::handle_server_fns` serves it; in a client build the same function sends a
//! request instead ([`client`]).
//!
//! ```
//! use server_fn::{server, ServerFnError};
//!
//! /// Adds two numbers on the server.
//! #[server]
//! pub async fn add(a: i32, b: i32) -> Result<i32, ServerFnError> {
//!     Ok(a + b)
//! }
//! ```
//!
//! Or give it a fixed path and method, with arguments in the path, the query and a JSON body
//! and server-only axum extractors: [`#[get("/api/users/{id}")]`](get), [`post`], [`put`],
//! [`delete`], [`patch`].
//!
//! - [`codec`]: how arguments and results travel (`PostUrl`, `GetUrl`, `Json`, `Cbor`,
//!   `MultipartFormData`, `Streaming`, ...).
//! - [`error`]: which error types a server function can return ([`ServerFnError`],
//!   [`HttpError`], `StatusCode`, your own), and their HTTP status.
//! - [`handler`]: answering a request with a server function (for integrations).
//! - `axum` (feature `axum`): axum extractors inside server functions.
//! - `registry`, `route_error`, `redirect_protocol` (feature `ssr`): what every integration
//!   shares: finding the function of a request, the answers to requests no function takes
//!   (404, 405, 413, 500), and the redirect protocol for `redirect()` and forms posted
//!   without JavaScript.
//!
//! See `STATUS.md` beside this crate for what is implemented and tested.

#[cfg(feature = "axum")]
pub mod axum;
pub mod client;
pub mod codec;
pub mod error;
pub mod form_error;
mod function;
pub mod handler;
pub mod path;
pub mod pattern;
#[cfg(feature = "ssr")]
pub mod redirect_protocol;
#[cfg(feature = "ssr")]
pub mod registry;
#[cfg(feature = "ssr")]
pub mod route_error;

pub use error::{FromServerFnError, HttpError, NoCustomError, OrHttpError, ServerFnError};
#[doc(hidden)]
pub use function::body_not_compiled;
pub use function::{ServerFn, ServerFnReturn};
pub use server_fn_macro_default::{delete, get, patch, post, put, server};

pub use bytes;
pub use http;
#[cfg(feature = "ssr")]
#[doc(hidden)]
pub use inventory;
#[doc(hidden)]
pub use serde;

/// The result of a server function: `Result<T, ServerFnError<E>>`.
pub type ServerFnResult<T, E = NoCustomError> = Result<T, ServerFnError<E>>;
