//! [`HttpError`]: an HTTP status with a message, and [`OrHttpError`] to make one from an
//! `Option` or a `Result`.

use std::fmt;

use http::StatusCode;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{AsStatusCode, FromServerFnError, ServerFnError, ServerFnErrorErr};
use crate::codec::Json;

/// An error that is an HTTP status and a message for the user.
///
/// Return it from a server function (`Result<T, HttpError>`), or let `?` turn it into a
/// [`ServerFnError`] (which keeps the status). The client gets back the same status and
/// message.
///
/// ```
/// use server_fn::error::{HttpError, OrHttpError};
/// use server_fn::server;
///
/// /// The name of user `id`.
/// #[server]
/// pub async fn user_name(id: u32) -> Result<String, HttpError> {
///     if id == 0 {
///         return Err(HttpError::bad_request("user ids start at 1"));
///     }
///     let names = ["ada", "grace"];
///     let name = names.get(id as usize - 1).or_not_found("no such user")?;
///     Ok(name.to_string())
/// }
///
/// let error = HttpError::not_found("no such user");
/// assert_eq!(error.status(), 404);
/// assert_eq!(error.to_string(), "404 Not Found: no such user");
/// ```
///
/// It does not implement `std::error::Error`, so that `?` converts it into a
/// `ServerFnError` with its status rather than into a status-less
/// [`ServerFnError::ServerError`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpError {
    #[serde(serialize_with = "status_as_u16", deserialize_with = "status_from_u16")]
    status: StatusCode,
    message: String,
}

impl HttpError {
    /// An error with `status` and `message`.
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
        }
    }

    /// 400 Bad Request: the request was wrong; say what to change.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    /// 401 Unauthorized: the user is not signed in.
    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, message)
    }

    /// 403 Forbidden: the user is signed in but may not do this.
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, message)
    }

    /// 404 Not Found: what was asked for does not exist.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }

    /// 500 Internal Server Error: the server failed.
    pub fn internal_server_error(message: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }

    /// The status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.status, self.message)
    }
}

impl AsStatusCode for HttpError {
    fn as_status_code(&self) -> StatusCode {
        self.status
    }
}

/// A failure outside the body becomes an `HttpError` with that failure's status and
/// message (an [`ServerFnError::Http`] is taken as it is).
impl FromServerFnError for HttpError {
    type Encoder = Json;

    fn from_server_fn_error(error: ServerFnErrorErr) -> Self {
        match error {
            ServerFnError::Http(error) => error,
            other => Self::new(other.status_code(), other.to_string()),
        }
    }
}

fn status_as_u16<S: Serializer>(status: &StatusCode, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_u16(status.as_u16())
}

fn status_from_u16<'de, D: Deserializer<'de>>(deserializer: D) -> Result<StatusCode, D::Error> {
    let code = u16::deserialize(deserializer)?;
    StatusCode::from_u16(code).map_err(serde::de::Error::custom)
}

/// Turns a missing value or a failure into an [`HttpError`]: `.or_not_found("no such
/// user")?`.
///
/// Implemented for `Option<T>` (`None` is the error) and `Result<T, E>` (the `Err` is
/// replaced by the message: it is not shown to the client, which should not see the
/// server's internals).
pub trait OrHttpError<T>: Sized {
    /// The value, or an [`HttpError`] with `status` and `message`.
    fn or_http_error(self, status: StatusCode, message: impl Into<String>) -> Result<T, HttpError>;

    /// The value, or 400 Bad Request with `message`.
    fn or_bad_request(self, message: impl Into<String>) -> Result<T, HttpError> {
        self.or_http_error(StatusCode::BAD_REQUEST, message)
    }

    /// The value, or 401 Unauthorized with `message`.
    fn or_unauthorized(self, message: impl Into<String>) -> Result<T, HttpError> {
        self.or_http_error(StatusCode::UNAUTHORIZED, message)
    }

    /// The value, or 403 Forbidden with `message`.
    fn or_forbidden(self, message: impl Into<String>) -> Result<T, HttpError> {
        self.or_http_error(StatusCode::FORBIDDEN, message)
    }

    /// The value, or 404 Not Found with `message`.
    fn or_not_found(self, message: impl Into<String>) -> Result<T, HttpError> {
        self.or_http_error(StatusCode::NOT_FOUND, message)
    }

    /// The value, or 500 Internal Server Error with `message`.
    fn or_internal_server_error(self, message: impl Into<String>) -> Result<T, HttpError> {
        self.or_http_error(StatusCode::INTERNAL_SERVER_ERROR, message)
    }
}

impl<T> OrHttpError<T> for Option<T> {
    fn or_http_error(self, status: StatusCode, message: impl Into<String>) -> Result<T, HttpError> {
        self.ok_or_else(|| HttpError::new(status, message))
    }
}

impl<T, E> OrHttpError<T> for Result<T, E> {
    fn or_http_error(self, status: StatusCode, message: impl Into<String>) -> Result<T, HttpError> {
        self.map_err(|_| HttpError::new(status, message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers_set_their_status() {
        let cases = [
            (HttpError::bad_request("m"), 400),
            (HttpError::unauthorized("m"), 401),
            (HttpError::forbidden("m"), 403),
            (HttpError::not_found("m"), 404),
            (HttpError::internal_server_error("m"), 500),
        ];
        for (error, status) in cases {
            assert_eq!(error.status(), status);
            assert_eq!(error.status_code(), status);
            assert_eq!(error.message(), "m");
        }
    }

    #[test]
    fn or_helpers_keep_values_and_replace_misses() {
        assert_eq!(Some(3).or_not_found("gone"), Ok(3));
        assert_eq!(
            None::<u8>.or_not_found("gone"),
            Err(HttpError::not_found("gone"))
        );
        assert_eq!(
            "x".parse::<u8>().or_bad_request("not a number"),
            Err(HttpError::bad_request("not a number"))
        );
        assert_eq!(
            Err::<(), _>(()).or_forbidden("no"),
            Err(HttpError::forbidden("no"))
        );
        assert_eq!(
            None::<()>.or_unauthorized("sign in"),
            Err(HttpError::unauthorized("sign in"))
        );
        assert_eq!(
            None::<()>.or_internal_server_error("db"),
            Err(HttpError::internal_server_error("db"))
        );
    }

    #[test]
    fn question_mark_into_server_fn_error_keeps_the_status() {
        fn find() -> Result<u8, ServerFnError> {
            Ok(None.or_not_found("no such todo")?)
        }
        let error = find().unwrap_err();
        assert_eq!(error.status_code(), StatusCode::NOT_FOUND);
        assert_eq!(error.to_string(), "404 Not Found: no such todo");
    }

    #[test]
    fn serialized_as_a_number_and_a_message() {
        let json = serde_json::to_string(&HttpError::forbidden("no")).unwrap();
        assert_eq!(json, r#"{"status":403,"message":"no"}"#);
        assert_eq!(
            serde_json::from_str::<HttpError>(&json).unwrap(),
            HttpError::forbidden("no")
        );
        assert!(serde_json::from_str::<HttpError>(r#"{"status":1000,"message":""}"#).is_err());
    }

    #[test]
    fn failures_outside_the_body_keep_their_status() {
        let error = HttpError::from_server_fn_error(ServerFnError::Args("field `a`".into()));
        assert_eq!(error.status(), StatusCode::BAD_REQUEST);
        assert!(error.message().contains("field `a`"));
    }
}
