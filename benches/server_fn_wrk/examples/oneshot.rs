//! The two endpoints called in a loop without the network, for `valgrind --tool=callgrind`
//! (instruction counts do not depend on the machine's load):
//!
//! ```sh
//! cargo build --release --example oneshot
//! valgrind --tool=callgrind target/release/examples/oneshot sf 10000
//! valgrind --tool=callgrind target/release/examples/oneshot hand 10000
//! ```
//!
//! `oneshot sf|sf-catch-all|hand N` sends N `POST a=3&b=4` requests through the router with
//! `tower::ServiceExt::oneshot` and reads each body, on a current-thread runtime; `sf` goes
//! to the function where `leptos_routes` mounted it (its own path, as the hand-written route
//! is), `sf-catch-all` through the catch-all route (`/api/{*fn_name}`).

use axum::body::Body;
use http_body_util::BodyExt;
use tower::ServiceExt;

fn main() {
    let mut args = std::env::args().skip(1);
    let (path, app) = match args.next().as_deref() {
        Some("sf") => ("/api/add", server_fn_wrk::app()),
        Some("sf-catch-all") => ("/api/add", server_fn_wrk::app_with_catch_all()),
        Some("hand") => ("/hand/add", server_fn_wrk::app()),
        _ => {
            eprintln!("usage: oneshot sf|sf-catch-all|hand N");
            std::process::exit(2)
        }
    };
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a tokio runtime")
        .block_on(async move {
            for _ in 0..n {
                let req = http::Request::post(path)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .header("content-length", "7")
                    .body(Body::from("a=3&b=4"))
                    .unwrap();
                let res = app.clone().oneshot(req).await.unwrap();
                assert_eq!(res.status(), 200);
                let body = res.into_body().collect().await.unwrap().to_bytes();
                assert_eq!(&body[..], b"7");
            }
        });
    eprintln!("{n} requests to {path}");
}
