//! Client side: calling a server function over HTTP.
//!
//! In a build without the `ssr` feature, calling a `#[server]` function builds the request
//! with the input encoding ([`crate::codec::IntoReq`]), sends it, and decodes the answer: the
//! `Ok` value with the output encoding, or a `ServerFnError` from an error response.
//!
//! The transport is a [`Client`]: [`DefaultClient`] uses `fetch` in the browser and, with
//! the `reqwest` feature, `reqwest` on native targets (set the server's address with
//! [`set_server_url`]). `#[server(client = MyClient)]` names another.
//!
//! # Redirects
//!
//! When a server function calls `redirect(path)` during a fetch call, the server answers
//! normally and names the target in the [`REDIRECT_HEADER`] header instead of answering a
//! 302 (which `fetch` would follow into the target page's HTML). [`call`] sees the header and
//! hands the path to the redirect hook: by default the browser navigates there
//! (`location.assign`); a router replaces the hook with client-side navigation
//! ([`set_redirect_hook`]).

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(all(feature = "reqwest", not(target_arch = "wasm32")))]
mod native;
mod redirect;

#[cfg(all(feature = "reqwest", not(target_arch = "wasm32")))]
pub use native::set_server_url;
pub use redirect::{set_redirect_hook, RedirectHook, REDIRECT_HEADER};

use bytes::Bytes;
use http::{Request, Response};

use crate::codec::{BodyStream, CodecError, Encoding, FromRes, IntoReq, ResponseBody};
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
/// answer. For a streaming output encoding ([`Encoding::STREAMS_RESPONSE`]) the call answers
/// once the response's headers are in, and the value reads the body as it arrives.
pub async fn call<F>(args: F) -> Result<F::Output, F::Error>
where
    F: ServerFn + IntoReq<F::InputEncoding>,
    F::Output: FromRes<F::OutputEncoding>,
{
    let request = build_request(args)?;
    let request_error = |message| F::Error::from_server_fn_error(ServerFnError::Request(message));
    if <F::OutputEncoding as Encoding>::STREAMS_RESPONSE {
        let response = <F::Client as Client>::send_streaming(request)
            .await
            .map_err(request_error)?;
        follow_redirect(response.headers());
        if response.status().is_success() {
            return F::Output::from_streaming_res(response).map_err(codec_error::<F>);
        }
        // An error answer is read whole and decoded as for every other encoding.
        let (parts, body) = response.into_parts();
        let body = ResponseBody::Stream(body)
            .collect()
            .await
            .map_err(|message| F::Error::from_server_fn_error(ServerFnError::Response(message)))?;
        return decode_response::<F>(Response::from_parts(parts, body));
    }
    let response = <F::Client as Client>::send(request)
        .await
        .map_err(request_error)?;
    follow_redirect(response.headers());
    decode_response::<F>(response)
}

/// Hands a redirect the server asked for ([`REDIRECT_HEADER`]) to the redirect hook.
fn follow_redirect(headers: &http::HeaderMap) {
    if let Some(target) = headers
        .get(REDIRECT_HEADER)
        .and_then(|value| value.to_str().ok())
    {
        redirect::follow(target);
    }
}

/// A response whose body is read whole as a stream of one chunk: what
/// [`Client::send_streaming`] answers for a client that reads whole responses.
fn whole_as_stream(response: Response<Bytes>) -> Response<BodyStream> {
    response.map(|body| Box::pin(futures::stream::once(async move { Ok(body) })) as BodyStream)
}

/// Sends a server function's request and answers the response: the transport of a client
/// build. Name your own with `#[server(client = MyClient)]`.
///
/// On native targets the future must be `Send` (so a call can run on any tokio worker); in
/// the browser it need not be.
#[cfg(not(target_arch = "wasm32"))]
pub trait Client: 'static {
    /// Sends `request` (its URI is the function's path, relative to the server) and
    /// answers the response, or a message saying why nothing came back.
    fn send(
        request: Request<Bytes>,
    ) -> impl std::future::Future<Output = Result<Response<Bytes>, String>> + Send;

    /// Sends `request` and answers the response as soon as its headers are in, with a body
    /// that yields chunks as they arrive: what calls of functions with a streaming output
    /// encoding use. The default reads the whole body with [`Client::send`] and yields it
    /// as one chunk.
    fn send_streaming(
        request: Request<Bytes>,
    ) -> impl std::future::Future<Output = Result<Response<BodyStream>, String>> + Send {
        async move { Self::send(request).await.map(whole_as_stream) }
    }
}

/// Sends a server function's request and answers the response: the transport of a client
/// build. Name your own with `#[server(client = MyClient)]`.
#[cfg(target_arch = "wasm32")]
pub trait Client: 'static {
    /// Sends `request` (its URI is the function's path, relative to the page's origin) and
    /// answers the response, or a message saying why nothing came back.
    fn send(
        request: Request<Bytes>,
    ) -> impl std::future::Future<Output = Result<Response<Bytes>, String>>;

    /// Sends `request` and answers the response as soon as its headers are in, with a body
    /// that yields chunks as they arrive: what calls of functions with a streaming output
    /// encoding use. The default reads the whole body with [`Client::send`] and yields it
    /// as one chunk.
    fn send_streaming(
        request: Request<Bytes>,
    ) -> impl std::future::Future<Output = Result<Response<BodyStream>, String>> {
        async move { Self::send(request).await.map(whole_as_stream) }
    }
}

/// The client a server function uses unless it names another: `fetch` in the browser,
/// `reqwest` on native targets with the `reqwest` feature. A native build without that
/// feature has no transport, and a call answers [`ServerFnError::Request`] saying so.
#[derive(Debug, Clone, Copy, Default)]
pub struct DefaultClient;

#[cfg(target_arch = "wasm32")]
impl Client for DefaultClient {
    async fn send(request: Request<Bytes>) -> Result<Response<Bytes>, String> {
        browser::send(request).await
    }

    async fn send_streaming(request: Request<Bytes>) -> Result<Response<BodyStream>, String> {
        browser::send_streaming(request).await
    }
}

#[cfg(all(feature = "reqwest", not(target_arch = "wasm32")))]
impl Client for DefaultClient {
    async fn send(request: Request<Bytes>) -> Result<Response<Bytes>, String> {
        native::send(request).await
    }

    async fn send_streaming(request: Request<Bytes>) -> Result<Response<BodyStream>, String> {
        native::send_streaming(request).await
    }
}

#[cfg(all(not(feature = "reqwest"), not(target_arch = "wasm32")))]
impl Client for DefaultClient {
    async fn send(request: Request<Bytes>) -> Result<Response<Bytes>, String> {
        Err(format!(
            "cannot send {} {}: a native client build needs the `reqwest` feature of \
             `server_fn` (and `server_fn::client::set_server_url`) to call the server",
            request.method(),
            request.uri()
        ))
    }
}
