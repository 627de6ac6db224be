//! Server functions served through a real axum router, driven with `tower::ServiceExt::oneshot`:
//! what is particular to axum (the router builder, streamed request bodies) and the CBOR
//! codec. The behaviour every integration shares (codecs, 400/404/405/413/500, the redirect
//! protocol, response options, extractors, context) is the suite of `tests/conformance.rs`.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::routing::any;
use axum::Router;
use http_body_util::BodyExt;
use leptos_axum::{handle_server_fns, ServerFnHandler};
use server_fn::{server, ServerFn, ServerFnError};
use tower::ServiceExt;

/// Adds two numbers (PostUrl).
#[server]
pub async fn add(a: i32, b: i32) -> Result<i32, ServerFnError> {
    Ok(a + b)
}

/// Adds two numbers (Cbor both ways).
#[server(input = Cbor, output = Cbor)]
pub async fn add_cbor(a: i32, b: i32) -> Result<i32, ServerFnError> {
    Ok(a + b)
}

/// Takes a text, to test the body limit.
#[server]
pub async fn echo_len(text: String) -> Result<usize, ServerFnError> {
    Ok(text.len())
}

fn app() -> Router {
    Router::new().route("/api/{*fn_name}", any(handle_server_fns))
}

async fn send(router: Router, req: Request<Body>) -> (StatusCode, http::HeaderMap, String) {
    let response = router.oneshot(req).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8(body.to_vec()).unwrap())
}

fn post_form(path: &str, body: &'static str) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap()
}

#[tokio::test]
async fn the_router_builder_mounts_every_function() {
    let router: Router = ServerFnHandler::new().router();
    let (status, _, body) = send(router.clone(), post_form(Add::PATH, "a=1&b=1")).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "2"));
    let req = Request::get("/api/nothing_here")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(router, req).await.0, StatusCode::NOT_FOUND);
}

fn cbor<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = Vec::new();
    ciborium::into_writer(value, &mut bytes).unwrap();
    bytes
}

fn post_cbor(path: &str, body: Vec<u8>) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/cbor")
        .body(Body::from(body))
        .unwrap()
}

#[tokio::test]
async fn add_with_cbor() {
    let args = cbor(&AddCbor { a: 2, b: 40 });
    let response = app().oneshot(post_cbor(AddCbor::PATH, args)).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/cbor");
    let body = response.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(ciborium::from_reader::<i32, _>(body.as_ref()).unwrap(), 42);
}

#[tokio::test]
async fn a_malformed_cbor_body_answers_400() {
    let (status, _, body) = send(app(), post_cbor(AddCbor::PATH, vec![0xff, 0x13])).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("invalid CBOR"), "{body}");

    #[derive(serde::Serialize)]
    struct Wrong {
        a: i32,
        b: &'static str,
    }
    let args = cbor(&Wrong { a: 1, b: "forty" });
    let (status, _, body) = send(app(), post_cbor(AddCbor::PATH, args)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("field `b`"), "{body}");
}

#[tokio::test]
async fn a_streamed_body_over_the_limit_answers_413() {
    // A body without Content-Length is cut off while reading.
    let router: Router = ServerFnHandler::new().body_limit(16).router();
    let chunks =
        futures::stream::iter(["text=0123456789", "0123456789"].map(Ok::<_, std::io::Error>));
    let req = Request::post(EchoLen::PATH)
        .body(Body::from_stream(chunks))
        .unwrap();
    assert_eq!(
        send(router.clone(), req).await.0,
        StatusCode::PAYLOAD_TOO_LARGE
    );
    let (status, _, body) = send(router, post_form(EchoLen::PATH, "text=abc")).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "3"));
}
