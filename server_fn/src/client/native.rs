//! The native transport: `reqwest`, to a server whose address is set once.

use std::sync::OnceLock;

use bytes::Bytes;
use futures::StreamExt;
use http::{Request, Response};

use crate::codec::BodyStream;

static SERVER_URL: OnceLock<String> = OnceLock::new();

/// Sets the server that native clients call (`http://127.0.0.1:3000`); a function's path is
/// appended to it. Answers `Err(url)` with the URL given if one was already set.
///
/// ```
/// server_fn::client::set_server_url("http://127.0.0.1:3000").ok();
/// ```
pub fn set_server_url(url: impl Into<String>) -> Result<(), String> {
    SERVER_URL.set(url.into().trim_end_matches('/').to_owned())
}

fn client() -> &'static reqwest::Client {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    CLIENT.get_or_init(reqwest::Client::new)
}

/// Sends `request` to the server set with [`set_server_url`]; the answer with its
/// headers, not yet its body.
async fn start(request: Request<Bytes>) -> Result<(reqwest::Response, String), String> {
    let base = SERVER_URL.get().ok_or(
        "a native client does not know the server's address: call \
         `server_fn::client::set_server_url(\"http://host:port\")` first",
    )?;
    let (parts, body) = request.into_parts();
    let url = format!("{base}{}", parts.uri);
    let response = client()
        .request(parts.method, &url)
        .headers(parts.headers)
        .body(body)
        .send()
        .await
        .map_err(|e| format!("calling {url}: {e}"))?;
    Ok((response, url))
}

/// A response builder with `response`'s status and headers.
fn head_of(response: &reqwest::Response) -> http::response::Builder {
    let mut builder = Response::builder().status(response.status());
    if let Some(headers) = builder.headers_mut() {
        *headers = response.headers().clone();
    }
    builder
}

/// Sends `request` to the server set with [`set_server_url`] and reads the whole answer.
pub(super) async fn send(request: Request<Bytes>) -> Result<Response<Bytes>, String> {
    let (response, url) = start(request).await?;
    let builder = head_of(&response);
    let body = response
        .bytes()
        .await
        .map_err(|e| format!("reading the answer of {url}: {e}"))?;
    builder.body(body).map_err(|e| e.to_string())
}

/// Sends `request` to the server set with [`set_server_url`]; the answer's body yields its
/// chunks as they arrive.
pub(super) async fn send_streaming(
    request: Request<Bytes>,
) -> Result<Response<BodyStream>, String> {
    let (response, url) = start(request).await?;
    let builder = head_of(&response);
    let chunks = response
        .bytes_stream()
        .map(move |chunk| chunk.map_err(|e| format!("reading the answer of {url}: {e}")));
    builder
        .body(Box::pin(chunks) as BodyStream)
        .map_err(|e| e.to_string())
}
