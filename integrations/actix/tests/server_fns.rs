//! What is particular to actix-web in serving server functions (the behaviour every
//! integration shares is the suite of `tests/conformance.rs`): a body without
//! `Content-Length` cut off at the limit, `ServerFnHandler::configure` mounting each function
//! at its path, `handle_server_fns_with_context`, actix's own extractors (`web::Data`,
//! `HttpRequest`) inside a function, and a streamed result sent chunk by chunk.

use actix_http::{BoxedPayloadStream, Payload};
use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::header;
use actix_web::http::StatusCode;
use actix_web::test::{self, TestRequest};
use actix_web::{web, App, HttpRequest};
use bytes::Bytes;
use futures::stream;
use leptos::prelude::*;
use leptos_actix::{handle_server_fns, handle_server_fns_with_context, ServerFnHandler};
use server_fn::codec::ByteStream;

/// The length of a text, to test the body limit.
#[server]
pub async fn echo_len(text: String) -> Result<usize, ServerFnError> {
    Ok(text.len())
}

/// Adds two numbers.
#[server]
pub async fn add(a: i32, b: i32) -> Result<i32, ServerFnError> {
    Ok(a + b)
}

/// The app's data and a header, read with actix-web's extractors.
#[server]
pub async fn data_and_header() -> Result<String, ServerFnError> {
    let (data, req): (web::Data<&'static str>, HttpRequest) = leptos_actix::extract().await?;
    let header = req
        .headers()
        .get("x-name")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("none")
        .to_owned();
    Ok(format!("{} {header}", data.get_ref()))
}

/// A value of the context function.
#[derive(Clone, Debug)]
struct Tenant(&'static str);

/// Reads the context function's value.
#[server]
pub async fn tenant_name() -> Result<String, ServerFnError> {
    Ok(expect_context::<Tenant>().0.to_owned())
}

/// `n` chunks of bytes: `[0]`, `[1, 1]`, `[2, 2, 2]`, ...
#[server(output = Streaming)]
pub async fn blocks(n: u8) -> Result<ByteStream, ServerFnError> {
    let chunks = (0..n).map(|i| Ok(vec![i; usize::from(i) + 1]));
    Ok(ByteStream::new(stream::iter(chunks)))
}

async fn send(
    app: &impl Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
    req: actix_http::Request,
) -> (StatusCode, String) {
    let response = test::call_service(app, req).await;
    let status = response.status();
    let body = test::read_body(response).await;
    (status, String::from_utf8_lossy(&body).into_owned())
}

fn post(path: &str, body: &'static str) -> TestRequest {
    TestRequest::post()
        .uri(path)
        .insert_header((header::CONTENT_TYPE, "application/x-www-form-urlencoded"))
        .set_payload(body)
}

#[actix_web::test]
async fn a_body_without_content_length_is_cut_off_at_the_limit() {
    let handler = ServerFnHandler::new().body_limit(16);
    let app = test::init_service(App::new().route("/api/{tail:.*}", handler.clone().route())).await;
    let chunks = stream::iter(["text=0123456789", "0123456789"].map(|c| Ok(Bytes::from(c))));
    let req = TestRequest::post()
        .uri(EchoLen::PATH)
        .insert_header((header::CONTENT_TYPE, "application/x-www-form-urlencoded"))
        .to_request();
    let (req, _) = req.replace_payload(Payload::Stream {
        payload: Box::pin(chunks) as BoxedPayloadStream,
    });
    assert!(actix_web::HttpMessage::headers(&req)
        .get(header::CONTENT_LENGTH)
        .is_none());
    let (status, body) = send(&app, req).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(body.contains("16 bytes"), "{body}");
    let (status, body) = send(&app, post(EchoLen::PATH, "text=abc").to_request()).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "3"));
}

#[actix_web::test]
async fn configure_mounts_every_function_at_its_path() {
    let handler = ServerFnHandler::new();
    let app = test::init_service(App::new().configure(|config| handler.configure(config))).await;
    let (status, body) = send(&app, post(Add::PATH, "a=1&b=1").to_request()).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "2"));
    let req = TestRequest::get().uri("/api/nothing_here").to_request();
    assert_eq!(send(&app, req).await.0, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn handle_server_fns_with_context_provides_it() {
    let app = test::init_service(App::new().route(
        "/api/{tail:.*}",
        handle_server_fns_with_context(|| provide_context(Tenant("acme"))),
    ))
    .await;
    let (status, body) = send(&app, post(TenantName::PATH, "").to_request()).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, r#""acme""#));
}

#[actix_web::test]
async fn extract_reads_app_data_and_the_request() {
    let app = test::init_service(
        App::new()
            .app_data(web::Data::new("app data"))
            .route("/api/{tail:.*}", handle_server_fns()),
    )
    .await;
    let req = post(DataAndHeader::PATH, "")
        .insert_header(("x-name", "ada"))
        .to_request();
    let (status, body) = send(&app, req).await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::OK, r#""app data ada""#)
    );

    // Without the app data: the rejection's status (500) and message, no panic.
    let app = test::init_service(App::new().route("/api/{tail:.*}", handle_server_fns())).await;
    let (status, body) = send(&app, post(DataAndHeader::PATH, "").to_request()).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(body.contains("Data<&str>"), "{body}");
}

#[actix_web::test]
async fn a_streamed_result_arrives_chunk_by_chunk() {
    let app = test::init_service(App::new().route("/api/{tail:.*}", handle_server_fns())).await;
    let response = test::call_service(&app, post(Blocks::PATH, "n=4").to_request()).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().get(header::CONTENT_LENGTH).is_none());
    let mut body = response.into_body();
    let mut chunks = Vec::new();
    while let Some(chunk) = std::future::poll_fn(|cx| {
        actix_web::body::MessageBody::poll_next(std::pin::Pin::new(&mut body), cx)
    })
    .await
    {
        chunks.push(chunk.unwrap().to_vec());
    }
    assert_eq!(
        chunks,
        [vec![0], vec![1, 1], vec![2, 2, 2], vec![3, 3, 3, 3]]
    );
}
