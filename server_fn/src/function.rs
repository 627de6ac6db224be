//! The [`ServerFn`] trait, which `#[server]` implements for each function's arguments struct.

use std::future::Future;

use crate::codec::Encoding;
use crate::FromServerFnError;
#[cfg(doc)]
use crate::ServerFnError;

/// A server function, implemented by `#[server]` for the struct holding its arguments.
///
/// The struct is named after the function in UpperCamelCase (`add` gets `Add`) unless the
/// attribute says `name = ...`. You rarely implement this trait by hand; you call the
/// function, or use the struct with actions and forms.
///
/// ```
/// use server_fn::{codec::PostUrl, server, ServerFn, ServerFnError};
///
/// /// Adds two numbers on the server.
/// #[server]
/// pub async fn add(a: i32, b: i32) -> Result<i32, ServerFnError> {
///     Ok(a + b)
/// }
///
/// assert!(Add::PATH.starts_with("/api/add"));
/// assert_eq!(Add::PATH.len(), "/api/add".len() + 16); // fn name + a stable hash
/// ```
pub trait ServerFn: Send + Sized + 'static {
    /// The URL path the function is served at, prefix included (`/api/add1a2b...`).
    const PATH: &'static str;
    /// How the arguments travel (see [`crate::codec`]).
    type InputEncoding: Encoding;
    /// How the `Ok` value travels back.
    type OutputEncoding: Encoding;
    /// The `Ok` type of the function's `Result`.
    type Output: Send + 'static;
    /// The error type of the function's `Result<T, E>`: [`ServerFnError`],
    /// [`crate::HttpError`], `StatusCode` or any other [`FromServerFnError`].
    type Error: FromServerFnError;
    /// What sends the request in a client build (`client = ...` in the attribute;
    /// [`crate::client::DefaultClient`] otherwise).
    type Client: crate::client::Client;

    /// Runs the function's body with these arguments. On the server it is the body you
    /// wrote; in a client build (without the `ssr` feature) it answers
    /// [`ServerFnError::ServerError`] (as `Self::Error`) without running anything.
    fn run_body(self) -> impl Future<Output = Result<Self::Output, Self::Error>> + Send;
}

/// The `Ok` and error types of a server function's return type.
///
/// Implemented for `Result<T, E>` (and so for any alias of it), which is what every server
/// function must return; `E` must be a [`FromServerFnError`].
#[diagnostic::on_unimplemented(
    message = "a server function must return `Result<T, E>`, not `{Self}`",
    label = "change the return type to `Result<_, ServerFnError>`"
)]
pub trait ServerFnReturn {
    /// `T` in `Result<T, E>`.
    type Ok;
    /// `E` in `Result<T, E>`.
    type Error;
}

impl<T, E> ServerFnReturn for Result<T, E> {
    type Ok = T;
    type Error = E;
}

/// The error `run_body` answers in a client build, where the body is not compiled in.
/// (Called by `#[server]`'s generated code; a function rather than inline code so that a
/// wrong error type is reported once, at the return type.)
#[doc(hidden)]
pub fn body_not_compiled<F: ServerFn>(message: &str) -> F::Error {
    F::Error::from_server_fn_error(crate::ServerFnError::ServerError(message.to_owned()))
}
