//! Server side: answering one request with one server function, in the integration-neutral
//! form the integrations (`leptos_axum`) wrap.

use std::future::Future;
use std::pin::Pin;

use bytes::Bytes;
use http::{header::HeaderValue, Request, Response, StatusCode};
use serde::Serialize;

use crate::codec::{FromReq, IntoRes};
use crate::error::AsStatusCode;
use crate::{ServerFn, ServerFnError};

/// The response header that marks a response as a server function error; its value is the
/// function's path.
pub const SERVER_FN_ERROR_HEADER: &str = "serverfnerror";

/// The future of a server function's response.
pub type ResponseFuture = Pin<Box<dyn Future<Output = Response<Bytes>> + Send>>;

/// Answers `req` by running `F`: decodes the arguments, runs the body, encodes the result.
/// A failure at any step answers with the error's status and the error as JSON (see
/// [`error_response`]).
pub fn handle<F>(req: Request<Bytes>) -> ResponseFuture
where
    F: ServerFn + FromReq<F::InputEncoding>,
    F::Output: IntoRes<F::OutputEncoding>,
    F::Error: Serialize + AsStatusCode,
{
    Box::pin(async move {
        let result = match F::from_req(req) {
            Ok(args) => args.run_body().await,
            Err(error) => Err(ServerFnError::from_codec(error)),
        };
        match result.and_then(|output| output.into_res().map_err(ServerFnError::from_codec)) {
            Ok(response) => response,
            Err(error) => error_response(F::PATH, &error),
        }
    })
}

/// The response for a failed call of the function at `path`: the error's status
/// ([`AsStatusCode`]), the [`SERVER_FN_ERROR_HEADER`] header and the error as a JSON body,
/// which the client decodes back into the same `ServerFnError`.
pub fn error_response<E>(path: &str, error: &ServerFnError<E>) -> Response<Bytes>
where
    E: Serialize + AsStatusCode,
{
    let body = serde_json::to_vec(error).unwrap_or_else(|e| {
        // The custom error failed to serialize: send that failure instead.
        let fallback: ServerFnError = ServerFnError::Serialization(e.to_string());
        serde_json::to_vec(&fallback).unwrap_or_default()
    });
    let mut response = Response::new(Bytes::from(body));
    *response.status_mut() = error.status_code();
    let headers = response.headers_mut();
    headers.insert(
        http::header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Ok(value) = HeaderValue::from_str(path) {
        headers.insert(SERVER_FN_ERROR_HEADER, value);
    }
    response
}

/// A server function error that is not tied to any function's custom error type, for the
/// integrations' own answers (unknown path, wrong method, body too large, a panic).
pub fn plain_error_response(path: &str, status: StatusCode, message: String) -> Response<Bytes> {
    let mut response =
        error_response::<crate::NoCustomError>(path, &ServerFnError::ServerError(message));
    *response.status_mut() = status;
    response
}
