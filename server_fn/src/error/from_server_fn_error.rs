//! [`FromServerFnError`]: what makes a type usable as the error of a server function, and
//! how errors travel ([`ErrorEncoding`], [`encode_error`], [`decode_error`]).

use std::fmt;

use bytes::Bytes;
use http::StatusCode;
use serde::{de::DeserializeOwned, Serialize};

use super::{AsStatusCode, NoCustomError, ServerFnError};
use crate::codec::Json;

/// The failures outside a function's body, without a custom error: what
/// [`FromServerFnError::from_server_fn_error`] receives. (Leptos 0.8's name for it.)
pub type ServerFnErrorErr = ServerFnError<NoCustomError>;

/// A type a server function can return as its error: `Result<T, E>` with `E` one of these.
///
/// It must stand for the failures that happen outside the function's body (the request
/// could not be sent, the arguments could not be decoded, ...), which arrive as a
/// [`ServerFnErrorErr`]; say its HTTP status ([`AsStatusCode`]); and travel over the wire
/// ([`Self::Encoder`], usually [`crate::codec::JsonEncoding`] for a serde type).
///
/// ```
/// use serde::{Deserialize, Serialize};
/// use server_fn::codec::JsonEncoding;
/// use server_fn::error::{AsStatusCode, FromServerFnError, ServerFnErrorErr};
/// use server_fn::http::StatusCode;
/// use server_fn::server;
///
/// #[derive(Debug, Serialize, Deserialize)]
/// pub enum UserError {
///     NotFound,
///     InvalidEmail(String),
///     Server(String),
/// }
///
/// impl FromServerFnError for UserError {
///     type Encoder = JsonEncoding;
///     fn from_server_fn_error(error: ServerFnErrorErr) -> Self {
///         UserError::Server(error.to_string())
///     }
/// }
///
/// impl AsStatusCode for UserError {
///     fn status_code(&self) -> StatusCode {
///         match self {
///             UserError::NotFound => StatusCode::NOT_FOUND,
///             UserError::InvalidEmail(_) => StatusCode::BAD_REQUEST,
///             UserError::Server(_) => StatusCode::INTERNAL_SERVER_ERROR,
///         }
///     }
/// }
///
/// /// Checks an email address.
/// #[server]
/// pub async fn check_email(email: String) -> Result<(), UserError> {
///     if !email.contains('@') {
///         return Err(UserError::InvalidEmail(email));
///     }
///     Ok(())
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the error type of a server function",
    label = "return `Result<T, ServerFnError>`, `Result<T, HttpError>`, `Result<T, StatusCode>` or a type implementing `FromServerFnError`",
    note = "a server function's error must also stand for network and decoding failures: implement `server_fn::error::FromServerFnError` (and `AsStatusCode`) for it, or wrap it as `ServerFnError<{Self}>`"
)]
pub trait FromServerFnError: AsStatusCode + fmt::Debug + Send + Sized + 'static {
    /// How the error travels: [`crate::codec::JsonEncoding`] for serde types,
    /// [`StatusOnly`] for a bare status.
    type Encoder: ErrorEncoding<Self>;

    /// The error standing for `error`, a failure outside the function's body.
    fn from_server_fn_error(error: ServerFnErrorErr) -> Self;
}

/// How an error type travels over the wire: the body of an error response, and back.
pub trait ErrorEncoding<E> {
    /// The `Content-Type` of the error body.
    const CONTENT_TYPE: &'static str;

    /// The body for `error`, or why it cannot be written.
    fn encode(error: &E) -> Result<Bytes, String>;

    /// The error an error response with `status` and `body` carries, or why it does not
    /// carry one.
    fn decode(status: StatusCode, body: &[u8]) -> Result<E, String>;
}

impl<E: Serialize + DeserializeOwned> ErrorEncoding<E> for Json {
    const CONTENT_TYPE: &'static str = "application/json";

    fn encode(error: &E) -> Result<Bytes, String> {
        serde_json::to_vec(error)
            .map(Bytes::from)
            .map_err(|e| e.to_string())
    }

    fn decode(_status: StatusCode, body: &[u8]) -> Result<E, String> {
        serde_json::from_slice(body).map_err(|e| e.to_string())
    }
}

/// The encoding of an error that is only a status ([`StatusCode`]): the body is the
/// status's text, and the client reads the status itself.
#[derive(Clone, Copy, Debug, Default)]
pub struct StatusOnly;

impl ErrorEncoding<StatusCode> for StatusOnly {
    const CONTENT_TYPE: &'static str = "text/plain; charset=utf-8";

    fn encode(error: &StatusCode) -> Result<Bytes, String> {
        Ok(Bytes::from(error.to_string()))
    }

    fn decode(status: StatusCode, _body: &[u8]) -> Result<StatusCode, String> {
        Ok(status)
    }
}

impl<E> FromServerFnError for ServerFnError<E>
where
    E: Serialize + DeserializeOwned + AsStatusCode + fmt::Debug + Send + 'static,
{
    type Encoder = Json;

    fn from_server_fn_error(error: ServerFnErrorErr) -> Self {
        error.into_custom()
    }
}

/// `Result<User, StatusCode>`: a failure outside the body becomes its status (400 for
/// bad arguments, 500 otherwise).
impl FromServerFnError for StatusCode {
    type Encoder = StatusOnly;

    fn from_server_fn_error(error: ServerFnErrorErr) -> Self {
        error.status_code()
    }
}

/// The status, `Content-Type` and body of the error response for `error`. If the error
/// cannot be encoded, the answer is a 500 carrying a [`ServerFnError::Serialization`] as
/// JSON instead, which [`decode_error`] still understands.
pub fn encode_error<E: FromServerFnError>(error: &E) -> (StatusCode, &'static str, Bytes) {
    match E::Encoder::encode(error) {
        Ok(body) => (error.status_code(), E::Encoder::CONTENT_TYPE, body),
        Err(reason) => {
            let fallback = ServerFnErrorErr::Serialization(format!(
                "the server function's error could not be encoded: {reason}"
            ));
            let body = serde_json::to_vec(&fallback).unwrap_or_default();
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                <Json as ErrorEncoding<ServerFnErrorErr>>::CONTENT_TYPE,
                Bytes::from(body),
            )
        }
    }
}

/// The error an error response carries, for a function whose error type is `E`.
///
/// The body is decoded with `E`'s encoding. A response the integration wrote itself (no
/// function at that path, a body too large: a [`ServerFnErrorErr`] as JSON) becomes `E`
/// through [`FromServerFnError::from_server_fn_error`]; anything else becomes a
/// [`ServerFnError::Response`] that quotes the body.
pub fn decode_error<E: FromServerFnError>(status: StatusCode, body: &[u8]) -> E {
    if let Ok(error) = E::Encoder::decode(status, body) {
        return error;
    }
    match serde_json::from_slice::<ServerFnErrorErr>(body) {
        Ok(plain) => E::from_server_fn_error(plain),
        Err(_) => E::from_server_fn_error(ServerFnError::Response(format!(
            "the server answered {status}: {}",
            String::from_utf8_lossy(body)
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::HttpError;

    fn round_trip<E: FromServerFnError>(error: &E) -> (StatusCode, E) {
        let (status, _, body) = encode_error(error);
        (status, decode_error::<E>(status, &body))
    }

    #[test]
    fn server_fn_errors_round_trip_with_their_status() {
        let error: ServerFnError = ServerFnError::Args("field `a`: bad".into());
        assert_eq!(round_trip(&error), (StatusCode::BAD_REQUEST, error));
        let error: ServerFnError<String> = ServerFnError::WrappedServerError("mine".into());
        assert_eq!(
            round_trip(&error),
            (StatusCode::INTERNAL_SERVER_ERROR, error)
        );
    }

    #[test]
    fn a_status_code_travels_as_the_status() {
        let (status, content_type, body) = encode_error(&StatusCode::IM_A_TEAPOT);
        assert_eq!(status, StatusCode::IM_A_TEAPOT);
        assert!(content_type.starts_with("text/plain"));
        assert_eq!(body.as_ref(), b"418 I'm a teapot");
        assert_eq!(
            decode_error::<StatusCode>(StatusCode::IM_A_TEAPOT, b""),
            StatusCode::IM_A_TEAPOT
        );
        assert_eq!(
            StatusCode::from_server_fn_error(ServerFnError::MissingArg("id".into())),
            StatusCode::BAD_REQUEST
        );
    }

    #[test]
    fn an_integration_error_becomes_the_functions_error_type() {
        // What leptos_axum answers for an unknown path, decoded by a function returning
        // `Result<T, HttpError>`: the status survives.
        let route: ServerFnErrorErr =
            ServerFnError::Http(HttpError::not_found("no server function at `/api/x`"));
        let (status, _, body) = encode_error(&route);
        assert_eq!(status, StatusCode::NOT_FOUND);
        let error = decode_error::<HttpError>(status, &body);
        assert_eq!(
            error,
            HttpError::not_found("no server function at `/api/x`")
        );
    }

    #[test]
    fn an_unknown_body_is_a_response_error_quoting_it() {
        let error = decode_error::<ServerFnError>(StatusCode::BAD_GATEWAY, b"<html>proxy</html>");
        assert_eq!(
            error,
            ServerFnError::Response(
                "the server answered 502 Bad Gateway: <html>proxy</html>".into()
            )
        );
    }
}
