//! The browser transport: `fetch`.

use bytes::Bytes;
use http::{Request, Response};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Sends `request` with `window.fetch` (the URI is relative to the page's origin).
pub(super) async fn send(request: Request<Bytes>) -> Result<Response<Bytes>, String> {
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
    let buffer = JsFuture::from(response.array_buffer().map_err(describe)?)
        .await
        .map_err(describe)?;
    let body = Uint8Array::new(&buffer).to_vec();
    builder.body(Bytes::from(body)).map_err(|e| e.to_string())
}

/// A JavaScript error as text.
fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}
