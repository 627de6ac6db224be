//! Why an integration's server function route refused a request before any function ran
//! (feature `ssr`): the answers every integration gives the same way.
//!
//! [`crate::registry::ServerFnRegistry::find`] answers [`ServerFnRouteError::NotFound`] and
//! [`ServerFnRouteError::MethodNotAllowed`]; the integration reads the body up to its limit
//! ([`DEFAULT_BODY_LIMIT`] unless configured) and catches a panicking function.
//!
//! ```
//! use http::StatusCode;
//! use server_fn::route_error::ServerFnRouteError;
//!
//! let error = ServerFnRouteError::PayloadTooLarge { path: "/api/upload".into(), limit: 16 };
//! assert_eq!(error.status(), StatusCode::PAYLOAD_TOO_LARGE);
//! let response = error.into_response();
//! assert_eq!(response.headers()["serverfnerror"], "/api/upload");
//! ```

use std::fmt;

use bytes::Bytes;
use http::{header, HeaderValue, Method, Response, StatusCode};

use crate::handler::plain_error_response;

/// The default limit on a server function's request body: 2 MB.
pub const DEFAULT_BODY_LIMIT: usize = 2 * 1024 * 1024;

/// A request the server function route answers without running a function.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ServerFnRouteError {
    /// No server function is registered at the path (404).
    NotFound {
        /// The requested path.
        path: String,
    },
    /// Functions answer at the path, but not for this method (405).
    MethodNotAllowed {
        /// The requested path.
        path: String,
        /// The methods the functions at this path take.
        allowed: Vec<Method>,
    },
    /// The body is larger than the limit (413).
    PayloadTooLarge {
        /// The requested path.
        path: String,
        /// The limit in bytes.
        limit: usize,
    },
    /// The body could not be read (400).
    UnreadableBody {
        /// The requested path.
        path: String,
        /// What went wrong.
        reason: String,
    },
    /// The function panicked (500); the server keeps serving.
    Panicked {
        /// The requested path.
        path: String,
    },
}

impl ServerFnRouteError {
    /// The HTTP status of the answer.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::NotFound { .. } => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            Self::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnreadableBody { .. } => StatusCode::BAD_REQUEST,
            Self::Panicked { .. } => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The requested path.
    pub fn path(&self) -> &str {
        match self {
            Self::NotFound { path }
            | Self::MethodNotAllowed { path, .. }
            | Self::PayloadTooLarge { path, .. }
            | Self::UnreadableBody { path, .. }
            | Self::Panicked { path } => path,
        }
    }

    /// The answer: the status, a `ServerFnError::ServerError` with this message as the JSON
    /// body (so a client decodes it like any server function error), and `Allow` for 405.
    pub fn into_response(self) -> Response<Bytes> {
        let mut response = plain_error_response(self.path(), self.status(), self.to_string());
        if let Self::MethodNotAllowed { allowed, .. } = &self {
            if let Ok(value) = HeaderValue::from_str(&method_list(allowed, ", ")) {
                response.headers_mut().insert(header::ALLOW, value);
            }
        }
        response
    }
}

impl fmt::Display for ServerFnRouteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound { path } => write!(
                f,
                "no server function at `{path}`: check the prefix and endpoint, and that the \
                 server was built from the same source as the client"
            ),
            Self::MethodNotAllowed { path, allowed } => {
                let allowed = method_list(allowed, " or ");
                write!(
                    f,
                    "the server function at `{path}` takes {allowed} requests"
                )
            }
            Self::PayloadTooLarge { limit, .. } => {
                write!(
                    f,
                    "the request body is larger than the limit of {limit} bytes: send less, or \
                     raise the server's limit (`body_limit` on the integration's handler)"
                )
            }
            Self::UnreadableBody { reason, .. } => {
                write!(f, "the request body could not be read: {reason}")
            }
            Self::Panicked { path } => write!(
                f,
                "the server function at `{path}` panicked; the server's log has the message"
            ),
        }
    }
}

impl std::error::Error for ServerFnRouteError {}

fn method_list(methods: &[Method], separator: &str) -> String {
    methods
        .iter()
        .map(Method::as_str)
        .collect::<Vec<_>>()
        .join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_and_allow_header() {
        let error = ServerFnRouteError::MethodNotAllowed {
            path: "/api/a".into(),
            allowed: vec![Method::GET],
        };
        assert_eq!(error.status(), StatusCode::METHOD_NOT_ALLOWED);
        let response = error.into_response();
        assert_eq!(response.headers()[header::ALLOW], "GET");
        let body = String::from_utf8(response.body().to_vec()).unwrap();
        assert!(body.contains("takes GET requests"), "{body}");
        let error = ServerFnRouteError::MethodNotAllowed {
            path: "/api/a".into(),
            allowed: vec![Method::GET, Method::DELETE],
        };
        assert!(error.to_string().contains("takes GET or DELETE requests"));
        assert_eq!(
            error.into_response().headers()[header::ALLOW],
            "GET, DELETE"
        );
    }
}
