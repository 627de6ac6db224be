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

/// One call of a server function, its arguments decoded: the request's parts, handed back
/// so the integration can put them into the call's context (for `extract()`) without
/// cloning them, and the future of the response.
pub struct Call {
    /// The request without its body.
    pub parts: http::request::Parts,
    /// Runs the function (if its arguments decoded) and encodes the answer.
    pub response: ResponseFuture,
}

impl std::fmt::Debug for Call {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Call")
            .field("parts", &self.parts)
            .finish_non_exhaustive()
    }
}

impl Call {
    /// A call of a hand-written handler: `parts` for the context, `response` its answer.
    pub fn new(parts: http::request::Parts, response: ResponseFuture) -> Self {
        Self { parts, response }
    }
}

/// Answers `req` by running `F`: decodes the arguments (right away), then runs the body and
/// encodes the result (in the returned future). A failure at any step answers with the
/// error's status and the error in its encoding (see [`error_response`]).
pub fn handle<F>(req: Request<Bytes>) -> Call
where
    F: ServerFn + FromReq<F::InputEncoding>,
    F::Output: IntoRes<F::OutputEncoding>,
{
    let args = F::from_req(&req);
    let (parts, _body) = req.into_parts();
    let response = Box::pin(async move {
        let codec_error = |error| F::Error::from_server_fn_error(ServerFnError::from_codec(error));
        let result = match args {
            Ok(args) => args.run_body().await,
            Err(error) => Err(codec_error(error)),
        };
        match result.and_then(|output| output.into_res().map_err(codec_error)) {
            Ok(response) => response,
            Err(error) => error_response(F::PATH, &error).map(ResponseBody::Full),
        }
    });
    Call { parts, response }
}

/// The response for a failed call of the function at `path`: the error's status
/// ([`crate::error::AsStatusCode`]), the [`SERVER_FN_ERROR_HEADER`] header and the error in
/// its encoding ([`FromServerFnError::Encoder`]), which the client decodes back into the
/// same value.
pub fn error_response<E: FromServerFnError>(path: &str, error: &E) -> Response<Bytes> {
    let (status, content_type, body) = encode_error(error);
    let mut response = crate::codec::typed_response(status, content_type, body);
    if let Ok(value) = HeaderValue::from_str(path) {
        response.headers_mut().insert(SERVER_FN_ERROR_HEADER, value);
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
