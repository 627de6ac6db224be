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
use serde::de::DeserializeOwned;

use crate::codec::{Encoding, FromRes, IntoReq};
use crate::{ServerFn, ServerFnError};

/// The request a client sends to call `F` with `args`.
pub fn build_request<F>(args: F) -> Result<Request<Bytes>, ServerFnError<F::Error>>
where
    F: ServerFn + IntoReq<F::InputEncoding>,
{
    args.into_req(F::PATH, <F::OutputEncoding as Encoding>::CONTENT_TYPE)
        .map_err(ServerFnError::from_codec)
}

/// The result of `F` that `response` carries: the `Ok` value of a success, or the
/// `ServerFnError` of an error response.
pub fn decode_response<F>(response: Response<Bytes>) -> Result<F::Output, ServerFnError<F::Error>>
where
    F: ServerFn,
    F::Output: FromRes<F::OutputEncoding>,
    F::Error: DeserializeOwned,
{
    if response.status().is_success() {
        return F::Output::from_res(response).map_err(ServerFnError::from_codec);
    }
    match serde_json::from_slice::<ServerFnError<F::Error>>(response.body()) {
        Ok(error) => Err(error),
        Err(_) => Err(ServerFnError::Response(format!(
            "{} answered {}: {}",
            F::PATH,
            response.status(),
            String::from_utf8_lossy(response.body())
        ))),
    }
}

/// Calls `F` on the server: builds the request, sends it with `F::Client`, decodes the
/// answer.
pub async fn call<F>(args: F) -> Result<F::Output, ServerFnError<F::Error>>
where
    F: ServerFn + IntoReq<F::InputEncoding>,
    F::Output: FromRes<F::OutputEncoding>,
    F::Error: DeserializeOwned,
{
    let request = build_request(args)?;
    let response = <F::Client as Client>::send(request)
        .await
        .map_err(ServerFnError::Request)?;
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
