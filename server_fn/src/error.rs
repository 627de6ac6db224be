//! Errors of server functions: what a call can fail with, how it travels over the wire and
//! which HTTP status it answers with.
//!
//! - [`ServerFnError`] is the error every server function returns. Its type parameter is an
//!   optional custom error of the application (default [`NoCustomError`]); it travels inside
//!   [`ServerFnError::WrappedServerError`] and is serialized with serde, so the client gets
//!   back the same value the server returned.
//! - [`AsStatusCode`] says which HTTP status an error answers with: 500 unless the type says
//!   otherwise; argument errors answer 400.
//! - [`CodecError`] is what the codecs of [`crate::codec`] fail with; it becomes a
//!   [`ServerFnError`] through [`ServerFnError::from_codec`].

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
    /// The status of a response carrying this error.
    fn status_code(&self) -> StatusCode {
        StatusCode::INTERNAL_SERVER_ERROR
    }
}

impl AsStatusCode for NoCustomError {}
impl AsStatusCode for String {}

impl<E: AsStatusCode> AsStatusCode for ServerFnError<E> {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::WrappedServerError(error) => error.status_code(),
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
