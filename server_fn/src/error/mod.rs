//! Errors of server functions: what a call can fail with, how it travels over the wire and
//! which HTTP status it answers with.
//!
//! # Which error type to return
//!
//! A server function returns `Result<T, E>` where `E` is any [`FromServerFnError`]: a type
//! that can stand for a failure outside the function's body (the network, a malformed
//! request), says its HTTP status ([`AsStatusCode`]) and travels over the wire. Built in:
//!
//! | `E` | status | use it for |
//! | --- | --- | --- |
//! | [`ServerFnError`] | 500; 400 for bad arguments | the default; any `std::error::Error` converts with `?` |
//! | [`ServerFnError<MyError>`](ServerFnError) | `MyError`'s | your own error inside [`ServerFnError::WrappedServerError`] |
//! | [`HttpError`] | its own | a status and a message: `HttpError::not_found("no such user")`, `.or_not_found("...")?` ([`OrHttpError`]) |
//! | [`http::StatusCode`] | itself | just a status: `Result<User, StatusCode>` |
//! | your own enum | yours | `Result<User, UserError>`: implement [`FromServerFnError`] and [`AsStatusCode`] |
//!
//! Whatever the type, the client gets back the same value, with the same status: the server
//! answers with the error's status and its encoding ([`FromServerFnError::Encoder`], JSON
//! for serde types), and `server_fn::client::decode_response` decodes it.
//!
//! # The pieces
//!
//! - [`ServerFnError`]: transport, codec and body errors, plus an optional custom error
//!   (type parameter, default [`NoCustomError`]).
//! - [`AsStatusCode`]: the HTTP status of an error: 500 unless the type says otherwise.
//! - [`FromServerFnError`] and [`ErrorEncoding`]: what makes a type usable as a server
//!   function's error.
//! - [`CodecError`]: what the codecs of [`crate::codec`] fail with; it becomes a
//!   [`ServerFnError`] through [`ServerFnError::from_codec`].

mod any_error;
mod from_server_fn_error;
mod http_error;

pub use any_error::AnyError;
pub use from_server_fn_error::{
    decode_error, encode_error, ErrorEncoding, FromServerFnError, ServerFnErrorErr, StatusOnly,
};
pub use http_error::{HttpError, OrHttpError};

use std::fmt;

use http::StatusCode;
use serde::{Deserialize, Serialize};

/// The error of a server function call.
///
/// `E` is an application-defined error type carried in [`Self::WrappedServerError`]; it must be
/// serializable with serde so that the client can decode it. Any [`std::error::Error`] converts
/// into [`Self::ServerError`] with `?`, which is why this type does not implement
/// `std::error::Error` itself.
///
/// ```
/// use server_fn::ServerFnError;
///
/// fn check(name: &str) -> Result<(), ServerFnError> {
///     if name.is_empty() {
///         return Err(ServerFnError::new("the name is empty: type a name"));
///     }
///     let _n: u32 = "42".parse()?; // any std error converts
///     Ok(())
/// }
/// assert_eq!(
///     check("").unwrap_err().to_string(),
///     "error running server function: the name is empty: type a name"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum ServerFnError<E = NoCustomError> {
    /// The application's own error type.
    WrappedServerError(E),
    /// Error while running the function on the server (the body returned an error or panicked).
    ServerError(String),
    /// Error while building or sending the request (client side).
    Request(String),
    /// Error while reading the server's response (client side).
    Response(String),
    /// Error while deserializing the server's response (client side).
    Deserialization(String),
    /// Error while serializing the arguments (client side) or the result (server side).
    Serialization(String),
    /// The server could not decode the arguments; the message names the field.
    Args(String),
    /// An argument is missing from the request; holds its name.
    MissingArg(String),
    /// An error with an HTTP status and a message: what `?` makes of an [`HttpError`]
    /// (`.or_not_found("...")?`), and what the integrations answer for a request that
    /// reaches no function (404, 405, 413).
    Http(HttpError),
}

impl ServerFnError<NoCustomError> {
    /// The same error as a `ServerFnError<E>` for any custom error type `E`.
    pub fn into_custom<E>(self) -> ServerFnError<E> {
        match self {
            Self::WrappedServerError(NoCustomError) => {
                ServerFnError::ServerError(NoCustomError.to_string())
            }
            Self::ServerError(message) => ServerFnError::ServerError(message),
            Self::Request(message) => ServerFnError::Request(message),
            Self::Response(message) => ServerFnError::Response(message),
            Self::Deserialization(message) => ServerFnError::Deserialization(message),
            Self::Serialization(message) => ServerFnError::Serialization(message),
            Self::Args(message) => ServerFnError::Args(message),
            Self::MissingArg(name) => ServerFnError::MissingArg(name),
            Self::Http(error) => ServerFnError::Http(error),
        }
    }
}

impl<E> ServerFnError<E> {
    /// An error raised by the server function's body, with a message for the user.
    pub fn new(message: impl fmt::Display) -> Self {
        Self::ServerError(message.to_string())
    }

    /// The `ServerFnError` a codec failure stands for.
    pub fn from_codec(error: CodecError) -> Self {
        match error {
            CodecError::Args(message) => Self::Args(message),
            CodecError::MissingArg(name) => Self::MissingArg(name),
            CodecError::Request(message) => Self::Request(message),
            CodecError::Response(message) => Self::Response(message),
            CodecError::Serialization(message) => Self::Serialization(message),
            CodecError::Deserialization(message) => Self::Deserialization(message),
        }
    }
}

impl<E: fmt::Display> fmt::Display for ServerFnError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::WrappedServerError(error) => write!(f, "{error}"),
            Self::ServerError(message) => write!(f, "error running server function: {message}"),
            Self::Request(message) => write!(f, "error building or sending the request: {message}"),
            Self::Response(message) => write!(f, "error reading the server's response: {message}"),
            Self::Deserialization(message) => {
                write!(f, "error deserializing the server's response: {message}")
            }
            Self::Serialization(message) => write!(f, "error serializing: {message}"),
            Self::Args(message) => write!(f, "the server could not read the arguments: {message}"),
            Self::MissingArg(name) => write!(f, "missing argument `{name}`: send a value for it"),
            Self::Http(error) => write!(f, "{error}"),
        }
    }
}

impl<E, C> From<E> for ServerFnError<C>
where
    E: std::error::Error,
{
    fn from(error: E) -> Self {
        Self::ServerError(error.to_string())
    }
}

/// Keeps the status: `.or_not_found("no such user")?` in a function returning
/// `Result<T, ServerFnError>` answers 404.
impl<C> From<HttpError> for ServerFnError<C> {
    fn from(error: HttpError) -> Self {
        Self::Http(error)
    }
}

/// The custom error of a server function that has none: `ServerFnError` means
/// `ServerFnError<NoCustomError>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoCustomError;

impl fmt::Display for NoCustomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("no custom error")
    }
}

/// The HTTP status an error answers with.
///
/// The default is 500 Internal Server Error. Implement it for your custom error type (an
/// empty `impl` keeps the default):
///
/// ```
/// use server_fn::{error::AsStatusCode, http::StatusCode};
///
/// #[derive(Debug)]
/// enum TodoError { NotFound, Database }
///
/// impl AsStatusCode for TodoError {
///     fn status_code(&self) -> StatusCode {
///         match self {
///             TodoError::NotFound => StatusCode::NOT_FOUND,
///             TodoError::Database => StatusCode::INTERNAL_SERVER_ERROR,
///         }
///     }
/// }
/// assert_eq!(TodoError::NotFound.status_code(), 404);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is used as a server function's custom error but does not say its HTTP status",
    label = "add `impl server_fn::error::AsStatusCode for {Self} {{}}` (500) or override `status_code`"
)]
pub trait AsStatusCode {
    /// The status of a response carrying this error. Dioxus names it
    /// [`Self::as_status_code`]: implement either; this one is what the handlers call, and by
    /// default answers the other.
    fn status_code(&self) -> StatusCode {
        self.as_status_code()
    }

    /// The status under Dioxus's name; 500 unless implemented. The built-in error types
    /// implement this one, so both names give their status.
    fn as_status_code(&self) -> StatusCode {
        StatusCode::INTERNAL_SERVER_ERROR
    }
}

impl AsStatusCode for NoCustomError {}
impl AsStatusCode for String {}

/// A bare status is its own status: `Result<User, StatusCode>`.
impl AsStatusCode for StatusCode {
    fn as_status_code(&self) -> StatusCode {
        *self
    }
}

impl<E: AsStatusCode> AsStatusCode for ServerFnError<E> {
    fn as_status_code(&self) -> StatusCode {
        match self {
            Self::WrappedServerError(error) => error.status_code(),
            Self::Http(error) => error.status(),
            Self::Args(_) | Self::MissingArg(_) | Self::Request(_) => StatusCode::BAD_REQUEST,
            Self::ServerError(_)
            | Self::Response(_)
            | Self::Deserialization(_)
            | Self::Serialization(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// What a codec of [`crate::codec`] fails with.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CodecError {
    /// The server could not decode the arguments of a request; the message names the field.
    Args(String),
    /// The request lacks an argument; holds its name.
    MissingArg(String),
    /// The client could not build the request.
    Request(String),
    /// The client could not read the response.
    Response(String),
    /// A value could not be serialized.
    Serialization(String),
    /// The client could not decode the response's body.
    Deserialization(String),
}

impl fmt::Display for CodecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&ServerFnError::<NoCustomError>::from_codec(self.clone()), f)
    }
}

impl std::error::Error for CodecError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argument_errors_answer_400_and_others_500() {
        let args: ServerFnError = ServerFnError::Args("field `a`: invalid digit".into());
        assert_eq!(args.status_code(), StatusCode::BAD_REQUEST);
        let missing: ServerFnError = ServerFnError::MissingArg("b".into());
        assert_eq!(missing.status_code(), StatusCode::BAD_REQUEST);
        assert_eq!(
            ServerFnError::<NoCustomError>::new("boom").status_code(),
            500
        );
    }

    #[test]
    fn custom_errors_choose_their_status() {
        #[derive(Debug, Serialize, Deserialize, PartialEq)]
        struct NotFound;
        impl AsStatusCode for NotFound {
            fn status_code(&self) -> StatusCode {
                StatusCode::NOT_FOUND
            }
        }
        assert_eq!(
            ServerFnError::WrappedServerError(NotFound).status_code(),
            404
        );
    }

    #[test]
    fn errors_round_trip_through_json() {
        let error: ServerFnError<String> = ServerFnError::WrappedServerError("no such todo".into());
        let json = serde_json::to_string(&error).unwrap();
        assert_eq!(
            serde_json::from_str::<ServerFnError<String>>(&json).unwrap(),
            error
        );
        let error: ServerFnError = ServerFnError::new("disk full");
        let json = serde_json::to_string(&error).unwrap();
        assert_eq!(json, r#"{"ServerError":"disk full"}"#);
        assert_eq!(serde_json::from_str::<ServerFnError>(&json).unwrap(), error);
    }

    #[test]
    fn std_errors_convert_with_question_mark() {
        fn parse() -> Result<u32, ServerFnError> {
            Ok("x".parse::<u32>()?)
        }
        assert!(
            matches!(parse(), Err(ServerFnError::ServerError(m)) if m.contains("invalid digit"))
        );
    }
}
