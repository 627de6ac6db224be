//! Server functions served through a real axum router, driven with `tower::ServiceExt::oneshot`.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
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

/// Adds two numbers (GetUrl).
#[server(input = GetUrl)]
pub async fn add_get(a: i32, b: i32) -> Result<i32, ServerFnError> {
    Ok(a + b)
}

/// Adds two numbers (Json).
#[server(input = Json, output = Json)]
pub async fn add_json(a: i32, b: i32) -> Result<i32, ServerFnError> {
    Ok(a + b)
}

/// Adds two numbers (Cbor both ways).
#[server(input = Cbor, output = Cbor)]
pub async fn add_cbor(a: i32, b: i32) -> Result<i32, ServerFnError> {
    Ok(a + b)
}

/// Always fails.
#[server]
pub async fn fail() -> Result<(), ServerFnError> {
    Err(ServerFnError::new("the database is down: try again later"))
}

/// Always panics.
#[server]
pub async fn explode() -> Result<(), ServerFnError> {
    panic!("boom")
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
async fn add_with_post_url() {
    let (status, _, body) = send(app(), post_form(Add::PATH, "a=2&b=40")).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "42"));
}

#[tokio::test]
async fn add_with_get_url() {
    let req = Request::get(format!("{}?a=2&b=40", AddGet::PATH))
        .body(Body::empty())
        .unwrap();
    let (status, _, body) = send(app(), req).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "42"));
}

#[tokio::test]
async fn add_with_json() {
    let req = Request::post(AddJson::PATH)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"a":2,"b":40}"#))
        .unwrap();
    let (status, _, body) = send(app(), req).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "42"));
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

#[tokio::test]
async fn a_malformed_body_answers_400_naming_the_field() {
    let (status, _, body) = send(app(), post_form(Add::PATH, "a=2&b=forty")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("field `b`"), "{body}");
    let error: ServerFnError = serde_json::from_str(&body).unwrap();
    assert!(matches!(error, ServerFnError::Args(_)));

    let (status, _, body) = send(app(), post_form(Add::PATH, "a=2")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        serde_json::from_str::<ServerFnError>(&body).unwrap(),
        ServerFnError::MissingArg("b".into())
    );

    let req = Request::post(AddJson::PATH)
        .body(Body::from(r#"{"a":2,"b":"x"}"#))
        .unwrap();
    let (status, _, body) = send(app(), req).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("field `b`"), "{body}");
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
async fn a_malformed_query_answers_400_naming_the_field() {
    let req = Request::get(format!("{}?a=x&b=1", AddGet::PATH))
        .body(Body::empty())
        .unwrap();
    let (status, _, body) = send(app(), req).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("field `a`"), "{body}");
}

#[tokio::test]
async fn an_unknown_path_answers_404() {
    let (status, _, body) = send(app(), post_form("/api/no_such_function", "")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        body.contains("no server function at `/api/no_such_function`"),
        "{body}"
    );
}

#[tokio::test]
async fn the_wrong_method_answers_405() {
    let req = Request::get(Add::PATH).body(Body::empty()).unwrap();
    let (status, headers, _) = send(app(), req).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(headers[header::ALLOW], "POST");
    let (status, headers, _) = send(app(), post_form(AddGet::PATH, "a=1&b=2")).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(headers[header::ALLOW], Method::GET.as_str());
}

#[tokio::test]
async fn a_body_over_the_limit_answers_413() {
    let big = format!("text={}", "x".repeat(3 * 1024 * 1024));
    let req = Request::post(EchoLen::PATH).body(Body::from(big)).unwrap();
    let (status, _, body) = send(app(), req).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(body.contains("2097152 bytes"), "{body}");

    // A configured limit; a streamed body (no Content-Length) is cut off while reading.
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

#[tokio::test]
async fn a_panicking_function_answers_500_and_the_server_keeps_serving() {
    let router = app();
    let (status, _, body) = send(router.clone(), post_form(Explode::PATH, "")).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(body.contains("panicked"), "{body}");
    let (status, _, body) = send(router, post_form(Add::PATH, "a=1&b=2")).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "3"));
}

#[tokio::test]
async fn a_server_error_answers_500_with_the_error_for_the_client() {
    let (status, headers, body) = send(app(), post_form(Fail::PATH, "")).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        headers[server_fn::handler::SERVER_FN_ERROR_HEADER],
        Fail::PATH
    );
    let response = http::Response::builder()
        .status(status)
        .body(body.into())
        .unwrap();
    let decoded = server_fn::client::decode_response::<Fail>(response);
    assert_eq!(
        decoded,
        Err(ServerFnError::new("the database is down: try again later"))
    );
}
