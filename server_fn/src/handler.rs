//! Server side: answering one request with one server function, in the integration-neutral
//! form the integrations (`leptos_axum`) wrap.

use std::future::Future;
use std::pin::Pin;

use bytes::Bytes;
use http::{header::HeaderValue, Request, Response, StatusCode};

use crate::codec::{FromReq, IntoRes, ResponseBody};
use crate::error::{encode_error, HttpError, ServerFnErrorErr};
use crate::{FromServerFnError, ServerFn, ServerFnError};

/// The response header that marks a response as a server function error; its value is the
/// function's path.
pub const SERVER_FN_ERROR_HEADER: &str = "serverfnerror";

/// The future of a server function's response; the body is whole, or a stream for the
/// streaming encodings.
pub type ResponseFuture = Pin<Box<dyn Future<Output = Response<ResponseBody>> + Send>>;

/// Answers `req` by running `F`: decodes the arguments, runs the body, encodes the result.
/// A failure at any step answers with the error's status and the error in its encoding
/// (see [`error_response`]).
pub fn handle<F>(req: Request<Bytes>) -> ResponseFuture
where
    F: ServerFn + FromReq<F::InputEncoding>,
    F::Output: IntoRes<F::OutputEncoding>,
{
    Box::pin(async move {
        let codec_error = |error| F::Error::from_server_fn_error(ServerFnError::from_codec(error));
        let result = match F::from_req(req) {
            Ok(args) => args.run_body().await,
            Err(error) => Err(codec_error(error)),
        };
        match result.and_then(|output| output.into_res().map_err(codec_error)) {
            Ok(response) => response,
            Err(error) => error_response(F::PATH, &error).map(ResponseBody::Full),
        }
    })
}

/// The response for a failed call of the function at `path`: the error's status
/// ([`crate::error::AsStatusCode`]), the [`SERVER_FN_ERROR_HEADER`] header and the error in
/// its encoding ([`FromServerFnError::Encoder`]), which the client decodes back into the
/// same value.
pub fn error_response<E: FromServerFnError>(path: &str, error: &E) -> Response<Bytes> {
    let (status, content_type, body) = encode_error(error);
    let mut response = Response::new(body);
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        http::header::CONTENT_TYPE,
        HeaderValue::from_static(content_type),
    );
    if let Ok(value) = HeaderValue::from_str(path) {
        headers.insert(SERVER_FN_ERROR_HEADER, value);
    }
    response
}

/// A server function error that is not tied to any function's error type, for the
/// integrations' own answers (unknown path, wrong method, body too large, a panic): a
/// [`ServerFnError::Http`] with `status` and `message`, as JSON. The client decodes it into
/// whatever error type the function has, keeping the status
/// ([`crate::error::decode_error`]).
pub fn plain_error_response(path: &str, status: StatusCode, message: String) -> Response<Bytes> {
    let error: ServerFnErrorErr = ServerFnError::Http(HttpError::new(status, message));
    error_response(path, &error)
}
