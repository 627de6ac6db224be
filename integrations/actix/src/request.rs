//! The request as server functions and components see it, and the conversions between
//! actix-web's HTTP types (the `http` 0.2 crate) and the `http` 1 types of `server_fn`.

use std::ops::Deref;

use actix_web::http::header::{HeaderName as ActixHeaderName, HeaderValue as ActixHeaderValue};
use actix_web::http::{StatusCode as ActixStatusCode, Version as ActixVersion};
use actix_web::{HttpRequest, HttpResponse};
use bytes::Bytes;
use futures::StreamExt;
use http::request::Parts;
use send_wrapper::SendWrapper;
use server_fn::codec::ResponseBody;

/// The actix-web request being served, in the context of every server function call and
/// page render (beside its `http::request::Parts`).
///
/// `HttpRequest` cannot leave its worker thread, and the reactive context only holds values
/// that can; this wrapper can, and panics if it is used on another thread (actix-web never
/// moves a request's work to another one). Most code wants [`crate::extract`] instead.
///
/// ```
/// use leptos::prelude::*;
///
/// #[server]
/// pub async fn path_of_this_call() -> Result<String, ServerFnError> {
///     let request = expect_context::<leptos_actix::Request>();
///     Ok(request.path().to_owned())
/// }
/// ```
#[derive(Clone, Debug)]
pub struct Request(SendWrapper<HttpRequest>);

impl Request {
    /// Wraps a clone of `req` (cheap: actix-web's requests are reference-counted).
    pub fn new(req: &HttpRequest) -> Self {
        Self(SendWrapper::new(req.clone()))
    }

    /// The request itself.
    ///
    /// # Panics
    ///
    /// On another thread than the one the request is served on.
    pub fn into_inner(self) -> HttpRequest {
        self.0.take()
    }
}

impl Deref for Request {
    type Target = HttpRequest;

    fn deref(&self) -> &HttpRequest {
        &self.0
    }
}

/// The request's method, URI, version and headers as `http` 1 types, for the codecs of
/// `server_fn` and for code shared with other integrations (`use_context::<Parts>()`).
/// Headers whose name or value `http` 1 refuses are left out (both crates accept the same
/// ones, so none are in practice).
pub(crate) fn parts_from(req: &HttpRequest) -> Parts {
    let method =
        http::Method::from_bytes(req.method().as_str().as_bytes()).unwrap_or(http::Method::GET);
    let uri = req
        .uri()
        .to_string()
        .parse::<http::Uri>()
        .unwrap_or_else(|_| http::Uri::from_static("/"));
    let (mut parts, ()) = http::Request::new(()).into_parts();
    parts.method = method;
    parts.uri = uri;
    parts.version = version_to_http(req.version());
    for (name, value) in req.headers() {
        if let Some((name, value)) = header_to_http(name, value) {
            parts.headers.append(name, value);
        }
    }
    parts
}

fn version_to_http(version: ActixVersion) -> http::Version {
    match version {
        ActixVersion::HTTP_09 => http::Version::HTTP_09,
        ActixVersion::HTTP_10 => http::Version::HTTP_10,
        ActixVersion::HTTP_2 => http::Version::HTTP_2,
        ActixVersion::HTTP_3 => http::Version::HTTP_3,
        _ => http::Version::HTTP_11,
    }
}

/// An actix-web header name as an `http` 1 one.
pub(crate) fn header_name_to_http(name: &ActixHeaderName) -> Option<http::HeaderName> {
    http::HeaderName::from_bytes(name.as_str().as_bytes()).ok()
}

/// An actix-web header as an `http` 1 header.
pub(crate) fn header_to_http(
    name: &ActixHeaderName,
    value: &ActixHeaderValue,
) -> Option<(http::HeaderName, http::HeaderValue)> {
    Some((
        header_name_to_http(name)?,
        http::HeaderValue::from_bytes(value.as_bytes()).ok()?,
    ))
}

/// An `http` 1 header as an actix-web header.
pub(crate) fn header_from_http(
    name: &http::HeaderName,
    value: &http::HeaderValue,
) -> Option<(ActixHeaderName, ActixHeaderValue)> {
    Some((
        ActixHeaderName::from_bytes(name.as_str().as_bytes()).ok()?,
        ActixHeaderValue::from_bytes(value.as_bytes()).ok()?,
    ))
}

/// An `http` 1 status as actix-web's.
pub(crate) fn status_from_http(status: http::StatusCode) -> ActixStatusCode {
    ActixStatusCode::from_u16(status.as_u16()).unwrap_or(ActixStatusCode::INTERNAL_SERVER_ERROR)
}

/// An actix-web status as `http` 1's.
pub(crate) fn status_to_http(status: ActixStatusCode) -> http::StatusCode {
    http::StatusCode::from_u16(status.as_u16()).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
}

/// A server function's answer as an actix-web response; a streamed body is sent chunk by
/// chunk as it is produced (an error in the stream aborts the response).
pub(crate) fn into_actix_response(response: http::Response<ResponseBody>) -> HttpResponse {
    let (parts, body) = response.into_parts();
    let mut builder = HttpResponse::build(status_from_http(parts.status));
    for (name, value) in &parts.headers {
        if let Some(header) = header_from_http(name, value) {
            builder.append_header(header);
        }
    }
    match body {
        ResponseBody::Full(bytes) => builder.body(bytes),
        ResponseBody::Stream(chunks) => {
            builder.streaming(chunks.map(|chunk| chunk.map_err(std::io::Error::other)))
        }
    }
}

/// A whole `http` 1 response (the integrations' own error answers) as an actix-web one.
pub(crate) fn full_into_actix_response(response: http::Response<Bytes>) -> HttpResponse {
    into_actix_response(response.map(ResponseBody::Full))
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    #[test]
    fn parts_carry_method_uri_version_and_every_header() {
        let req = TestRequest::post()
            .uri("/api/add?x=1")
            .insert_header(("accept", "text/html"))
            .append_header(("cookie", "a=1"))
            .append_header(("cookie", "b=2"))
            .to_http_request();
        let parts = parts_from(&req);
        assert_eq!(parts.method, http::Method::POST);
        assert_eq!(parts.uri, "/api/add?x=1");
        assert_eq!(parts.version, http::Version::HTTP_11);
        assert_eq!(parts.headers[http::header::ACCEPT], "text/html");
        let cookies: Vec<_> = parts.headers.get_all(http::header::COOKIE).iter().collect();
        assert_eq!(cookies, ["a=1", "b=2"]);
    }

    #[test]
    fn responses_keep_status_and_repeated_headers() {
        let response = http::Response::builder()
            .status(http::StatusCode::IM_A_TEAPOT)
            .header(http::header::SET_COOKIE, "a=1")
            .header(http::header::SET_COOKIE, "b=2")
            .body(ResponseBody::Full(Bytes::from_static(b"tea")))
            .unwrap();
        let response = into_actix_response(response);
        assert_eq!(response.status(), ActixStatusCode::IM_A_TEAPOT);
        let cookies: Vec<_> = response
            .headers()
            .get_all(actix_web::http::header::SET_COOKIE)
            .collect();
        assert_eq!(cookies, ["a=1", "b=2"]);
    }
}
