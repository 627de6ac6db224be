//! Client side: calling a server function over HTTP.
//!
//! In a build without the `ssr` feature, calling a `#[server]` function builds the request
//! with the input encoding ([`crate::codec::IntoReq`]), sends it, and decodes the answer: the
//! `Ok` value with the output encoding, or a `ServerFnError` from an error response.
//!
//! **Not implemented yet:** the transports. The browser client (fetch) and the native one
//! (reqwest) arrive in the next slice; until then a client-side call answers
//! [`ServerFnError::Request`] saying so. Request building and response decoding are here and
//! tested.

use bytes::Bytes;
use http::{Request, Response};

use crate::codec::{CodecError, Encoding, FromRes, IntoReq};
use crate::error::decode_error;
use crate::{FromServerFnError, ServerFn, ServerFnError};

/// `F`'s error for a codec failure.
fn codec_error<F: ServerFn>(error: CodecError) -> F::Error {
    F::Error::from_server_fn_error(ServerFnError::from_codec(error))
}

/// The request a client sends to call `F` with `args`.
pub fn build_request<F>(args: F) -> Result<Request<Bytes>, F::Error>
where
    F: ServerFn + IntoReq<F::InputEncoding>,
{
    args.into_req(F::PATH, <F::OutputEncoding as Encoding>::CONTENT_TYPE)
        .map_err(codec_error::<F>)
}

/// The result of `F` that `response` carries: the `Ok` value of a success, or the error
/// of an error response, decoded into `F`'s error type with its status
/// ([`crate::error::decode_error`]).
pub fn decode_response<F>(response: Response<Bytes>) -> Result<F::Output, F::Error>
where
    F: ServerFn,
    F::Output: FromRes<F::OutputEncoding>,
{
    if response.status().is_success() {
        return F::Output::from_res(response).map_err(codec_error::<F>);
    }
    Err(decode_error(response.status(), response.body()))
}

/// Calls `F` on the server: builds the request, sends it with `F::Client`, decodes the
/// answer.
pub async fn call<F>(args: F) -> Result<F::Output, F::Error>
where
    F: ServerFn + IntoReq<F::InputEncoding>,
    F::Output: FromRes<F::OutputEncoding>,
{
    let request = build_request(args)?;
    let response = <F::Client as Client>::send(request)
        .await
        .map_err(|message| F::Error::from_server_fn_error(ServerFnError::Request(message)))?;
    decode_response::<F>(response)
}

/// Sends a server function's request and answers the response: the transport of a client
/// build. Name your own with `#[server(client = MyClient)]`.
pub trait Client: 'static {
    /// Sends `request` (its URI is the function's path, relative to the server) and
    /// answers the response, or a message saying why nothing came back.
    fn send(
        request: Request<Bytes>,
    ) -> impl std::future::Future<Output = Result<Response<Bytes>, String>>;
}

/// The client a server function uses unless it names another: `fetch` in the browser,
/// `reqwest` on native targets with the `reqwest` feature.
#[derive(Debug, Clone, Copy, Default)]
pub struct DefaultClient;

impl Client for DefaultClient {
    async fn send(request: Request<Bytes>) -> Result<Response<Bytes>, String> {
        Err(format!(
            "cannot send {} {}: this build has no HTTP client for server functions yet; \
             call it from a build with the `ssr` feature",
            request.method(),
            request.uri()
        ))
    }
}
