//! The native client (`reqwest` feature, client half: no `ssr`) against a real socket: a
//! whole answer, an error answer, and a streamed answer whose first chunk must reach the
//! caller while the server still holds back the rest.
//!
//! The server is a few lines of HTTP/1.1 on a `TcpListener`, so the test controls exactly
//! when each chunk is written. Run with `cargo test -p server_fn --features reqwest` (the
//! test command does); in a build with `ssr`, calls run locally and this file is empty.
#![cfg(all(feature = "reqwest", not(feature = "ssr")))]

use std::time::Duration;

use futures::StreamExt;
use server_fn::codec::TextStream;
use server_fn::{server, NoCustomError, ServerFnError};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;

/// Adds two numbers (answered whole).
#[server(endpoint = "add")]
pub async fn add(a: i32, b: i32) -> Result<i32, ServerFnError> {
    Ok(a + b)
}

/// Two lines, streamed.
#[server(endpoint = "lines", output = StreamingText)]
pub async fn lines() -> Result<TextStream, ServerFnError> {
    Ok(TextStream::from(String::from("one\ntwo\n")))
}

/// Always fails on the server.
#[server(endpoint = "broken", output = StreamingText)]
pub async fn broken() -> Result<TextStream, ServerFnError> {
    Err(ServerFnError::new("the disk is gone"))
}

/// Told by the test once the first chunk has reached it; the server writes the second
/// chunk only then.
static FIRST_CHUNK_SEEN: Notify = Notify::const_new();

/// Reads one request's head and body; answers its path.
async fn read_request(socket: &mut TcpStream) -> String {
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        let n = socket.read(&mut chunk).await.expect("read a request");
        assert!(n > 0, "the client closed the connection mid-request");
        buffer.extend_from_slice(&chunk[..n]);
        if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
    };
    let head = String::from_utf8_lossy(&buffer[..head_end]).to_string();
    let length: usize = head
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse().ok())?
        })
        .unwrap_or(0);
    while buffer.len() < head_end + length {
        let n = socket.read(&mut chunk).await.expect("read a body");
        buffer.extend_from_slice(&chunk[..n]);
    }
    head.split_whitespace().nth(1).unwrap_or("").to_owned()
}

async fn answer(mut socket: TcpStream) {
    let path = read_request(&mut socket).await;
    match path.as_str() {
        "/api/add" => {
            let response = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
                            content-length: 1\r\nconnection: close\r\n\r\n7";
            socket.write_all(response.as_bytes()).await.unwrap();
        }
        "/api/lines" => {
            let head = "HTTP/1.1 200 OK\r\ncontent-type: text/plain; charset=utf-8\r\n\
                        transfer-encoding: chunked\r\nconnection: close\r\n\r\n";
            socket.write_all(head.as_bytes()).await.unwrap();
            // "one\n" and the first byte of "é": a character cut between two chunks.
            socket.write_all(b"5\r\none\n\xc3\r\n").await.unwrap();
            socket.flush().await.unwrap();
            FIRST_CHUNK_SEEN.notified().await;
            socket
                .write_all(b"4\r\n\xa9two\r\n0\r\n\r\n")
                .await
                .unwrap();
        }
        "/api/broken" => {
            let error = serde_json::to_string(&ServerFnError::<NoCustomError>::ServerError(
                "the disk is gone".into(),
            ))
            .unwrap();
            let response = format!(
                "HTTP/1.1 500 Internal Server Error\r\ncontent-type: application/json\r\n\
                 serverfnerror: /api/broken\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{error}",
                error.len()
            );
            socket.write_all(response.as_bytes()).await.unwrap();
        }
        other => panic!("unexpected request for {other}"),
    }
    socket.shutdown().await.ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_native_client_reads_whole_errors_and_streamed_answers() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let (socket, _) = listener.accept().await.unwrap();
            tokio::spawn(answer(socket));
        }
    });
    server_fn::client::set_server_url(format!("http://{address}")).unwrap();

    assert_eq!(add(3, 4).await, Ok(7));

    assert_eq!(
        broken().await.err(),
        Some(ServerFnError::ServerError("the disk is gone".into()))
    );

    // A client that read the whole body first would wait here forever: the server sends
    // the rest only after the test has seen the first chunk.
    let mut chunks = tokio::time::timeout(Duration::from_secs(10), lines())
        .await
        .expect("the call answers once the headers are in, before the body has ended")
        .expect("the call succeeds")
        .into_inner();
    let first = tokio::time::timeout(Duration::from_secs(10), chunks.next())
        .await
        .expect("the first chunk arrives while the server holds back the rest");
    assert_eq!(first, Some(Ok("one\n".to_owned())));
    FIRST_CHUNK_SEEN.notify_one();
    let rest: Vec<_> = tokio::time::timeout(Duration::from_secs(10), chunks.collect::<Vec<_>>())
        .await
        .expect("the rest arrives");
    assert_eq!(rest, [Ok("étwo".to_owned())]);
}
