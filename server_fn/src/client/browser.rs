//! The browser transport: `fetch`.

use bytes::Bytes;
use futures::stream;
use http::{Request, Response};
use js_sys::{Array, Reflect, Uint8Array};
use send_wrapper::SendWrapper;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::ReadableStreamDefaultReader;

use crate::codec::BodyStream;

/// Sends `request` with `window.fetch` (the URI is relative to the page's origin); the
/// response with its status and headers, its body not yet read.
async fn start(
    request: Request<Bytes>,
) -> Result<(web_sys::Response, http::response::Builder), String> {
    let window =
        web_sys::window().ok_or("server functions are called from a page, with `window`")?;
    let init = web_sys::RequestInit::new();
    init.set_method(request.method().as_str());
    let headers = web_sys::Headers::new().map_err(describe)?;
    for (name, value) in request.headers() {
        let value = value.to_str().map_err(|e| e.to_string())?;
        headers.append(name.as_str(), value).map_err(describe)?;
    }
    init.set_headers(&headers);
    if !request.body().is_empty() {
        init.set_body(&Uint8Array::from(request.body().as_ref()));
    }
    let fetch_request = web_sys::Request::new_with_str_and_init(&request.uri().to_string(), &init)
        .map_err(describe)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_request(&fetch_request))
        .await
        .map_err(describe)?
        .dyn_into()
        .map_err(describe)?;

    let mut builder = Response::builder().status(response.status());
    let iterator = js_sys::try_iter(&response.headers())
        .map_err(describe)?
        .ok_or("the response's headers cannot be iterated")?;
    for pair in iterator {
        let pair: Array = pair.map_err(describe)?.unchecked_into();
        if let (Some(name), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
            builder = builder.header(name, value);
        }
    }
    Ok((response, builder))
}

/// Sends `request` with `window.fetch` and reads the whole answer.
pub(super) async fn send(request: Request<Bytes>) -> Result<Response<Bytes>, String> {
    let (response, builder) = start(request).await?;
    let buffer = JsFuture::from(response.array_buffer().map_err(describe)?)
        .await
        .map_err(describe)?;
    let body = Uint8Array::new(&buffer).to_vec();
    builder.body(Bytes::from(body)).map_err(|e| e.to_string())
}

/// Sends `request` with `window.fetch`; the answer's body yields its chunks as they arrive
/// (the body's `ReadableStream`, read with a reader).
pub(super) async fn send_streaming(
    request: Request<Bytes>,
) -> Result<Response<BodyStream>, String> {
    let (response, builder) = start(request).await?;
    let chunks: BodyStream = match response.body() {
        None => Box::pin(stream::empty()),
        Some(body) => {
            let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
            let chunks = stream::unfold(Some(reader), |reader| async move {
                let reader = reader?;
                match read_chunk(&reader).await {
                    Ok(Some(chunk)) => Some((Ok(chunk), Some(reader))),
                    Ok(None) => None,
                    Err(message) => Some((Err(message), None)),
                }
            });
            // JavaScript values are not `Send`; the wrapper makes the stream `Send` by
            // panicking if it were ever polled from another thread (a wasm32 build has one).
            Box::pin(SendWrapper::new(Box::pin(chunks)))
        }
    };
    builder.body(chunks).map_err(|e| e.to_string())
}

/// The next chunk `reader` reads, or `None` at the end of the body.
async fn read_chunk(reader: &ReadableStreamDefaultReader) -> Result<Option<Bytes>, String> {
    let result = JsFuture::from(reader.read()).await.map_err(describe)?;
    let done = Reflect::get(&result, &JsValue::from_str("done")).map_err(describe)?;
    if done.as_bool().unwrap_or(true) {
        return Ok(None);
    }
    let value = Reflect::get(&result, &JsValue::from_str("value")).map_err(describe)?;
    let bytes: Uint8Array = value
        .dyn_into()
        .map_err(|_| "a chunk of the response's body is not bytes".to_owned())?;
    Ok(Some(Bytes::from(bytes.to_vec())))
}

/// A JavaScript error as text.
fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}
