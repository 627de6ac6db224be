//! What is particular to axum in a server function's request context: `extract_with_state`
//! with the app's state provided as context. The rest (`extract()`, `ResponseOptions`,
//! `redirect()`, additional context, the redirects of forms posted without JavaScript) is
//! the suite every integration shares, in `tests/conformance.rs`.

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use leptos_axum::{extract_with_state, ServerFnHandler};
use reactive_graph::{expect_context, provide_context};
use server_fn::{server, ServerFn, ServerFnError};
use tower::ServiceExt;

#[derive(Clone, Debug)]
struct Greeting(&'static str);

/// Reads the app's context and state.
#[server]
pub async fn greet() -> Result<String, ServerFnError> {
    let greeting = expect_context::<Greeting>();
    let State(Greeting(again)) = extract_with_state(&greeting).await?;
    Ok(format!("{} / {again}", greeting.0))
}

fn app() -> Router {
    ServerFnHandler::new()
        .with_context(|| provide_context(Greeting("hello")))
        .router()
}

#[tokio::test]
async fn extract_with_state_reads_the_state_in_context() {
    let request = Request::post(Greet::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::empty())
        .unwrap();
    let response = app().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(bytes, r#""hello / hello""#);
}

/// The app's context function runs before the server function, outside its future: a
/// panic there is a 500 like a panic in the function, and the next request is served.
#[tokio::test]
async fn a_panicking_context_function_answers_500_and_the_next_request_works() {
    use std::sync::atomic::{AtomicBool, Ordering};
    static PANIC_NEXT: AtomicBool = AtomicBool::new(true);
    let app = ServerFnHandler::new()
        .with_context(|| {
            if PANIC_NEXT.swap(false, Ordering::SeqCst) {
                panic!("the context function panics on purpose");
            }
            provide_context(Greeting("hi"));
        })
        .router::<()>();
    let call = || {
        Request::post(Greet::PATH)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::empty())
            .unwrap()
    };
    let response = app.clone().oneshot(call()).await.unwrap();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    assert!(
        String::from_utf8_lossy(&bytes).contains("panicked"),
        "{bytes:?}"
    );
    let response = app.oneshot(call()).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(bytes, r#""hi / hi""#);
}
