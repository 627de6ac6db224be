//! Streaming results through the axum router: the chunks of a `TextStream`/`ByteStream`
//! reach the client one by one, in order, while the function is still producing them.

use std::sync::Mutex;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use futures::channel::mpsc;
use futures::{stream, StreamExt};
use http_body_util::BodyExt;
use leptos_axum::ServerFnHandler;
use server_fn::codec::{ByteStream, TextStream};
use server_fn::{server, ServerFn, ServerFnError};
use tower::ServiceExt;

/// The lines the `follow` function streams, sent by the test.
static LINES: Mutex<Option<mpsc::UnboundedReceiver<String>>> = Mutex::new(None);

/// Streams the lines the test sends, as they come.
#[server(output = StreamingText)]
pub async fn follow() -> Result<TextStream, ServerFnError> {
    let lines = LINES
        .lock()
        .unwrap()
        .take()
        .ok_or_else(|| ServerFnError::new("no lines to follow"))?;
    Ok(TextStream::new(lines.map(Ok)))
}

/// `n` chunks of bytes: `[0]`, `[1, 1]`, `[2, 2, 2]`, ...; at most 100.
#[server(output = Streaming)]
pub async fn blocks(n: u8) -> Result<ByteStream, ServerFnError> {
    if n > 100 {
        return Err(ServerFnError::new("too many blocks: ask for at most 100"));
    }
    let chunks = (0..n).map(|i| Ok(vec![i; usize::from(i) + 1]));
    Ok(ByteStream::new(stream::iter(chunks)))
}

fn app() -> Router {
    ServerFnHandler::new().router()
}

fn post(path: &str, body: &'static str) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap()
}

/// The next data frame of `body`, as text.
async fn next_chunk(body: &mut Body) -> Option<String> {
    loop {
        let frame = body.frame().await?.unwrap();
        if let Ok(data) = frame.into_data() {
            return Some(String::from_utf8(data.to_vec()).unwrap());
        }
    }
}

#[tokio::test]
async fn text_chunks_arrive_in_order_while_the_function_produces_them() {
    let (sender, receiver) = mpsc::unbounded();
    *LINES.lock().unwrap() = Some(receiver);
    let response = app().oneshot(post(Follow::PATH, "")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/plain; charset=utf-8"
    );
    let mut body = response.into_body();
    // Each line is read before the next is produced: the body is not buffered.
    for line in ["first\n", "second\n", "third\n"] {
        sender.unbounded_send(line.to_owned()).unwrap();
        assert_eq!(next_chunk(&mut body).await.as_deref(), Some(line));
    }
    drop(sender);
    assert_eq!(next_chunk(&mut body).await, None);
}

#[tokio::test]
async fn byte_chunks_arrive_in_order_and_the_client_reads_them_whole() {
    let response = app().oneshot(post(Blocks::PATH, "n=4")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let mut body = response.into_body();
    let mut chunks = Vec::new();
    while let Some(frame) = body.frame().await {
        if let Ok(data) = frame.unwrap().into_data() {
            chunks.push(data.to_vec());
        }
    }
    assert_eq!(
        chunks,
        [vec![0], vec![1, 1], vec![2, 2, 2], vec![3, 3, 3, 3]]
    );

    // A client reads the whole body: one chunk with everything, in order.
    let response = app().oneshot(post(Blocks::PATH, "n=3")).await.unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    let decoded =
        server_fn::client::decode_response::<Blocks>(http::Response::from_parts(parts, bytes))
            .unwrap();
    let all: Vec<_> = decoded.into_inner().collect().await;
    assert_eq!(all, [Ok(vec![0, 1, 1, 2, 2, 2].into())]);
}

#[tokio::test]
async fn an_error_before_the_stream_is_an_ordinary_error_response() {
    let response = app().oneshot(post(Blocks::PATH, "n=101")).await.unwrap();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let error: ServerFnError = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        error,
        ServerFnError::new("too many blocks: ask for at most 100")
    );
}
