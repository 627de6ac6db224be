//! Profiling aid: `profile [ROUTE] [N]` requests ROUTE (default `/raw/table`) N times (100)
//! through the server's router, without the network, and prints the bytes received. For
//! instruction counts (BENCHMARKS.md, issue 7):
//!
//!     cargo build --release --example profile -p ssr_bench
//!     valgrind --tool=callgrind target/release/examples/profile /table 50
use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use tower::ServiceExt;

fn main() {
    let mut args = std::env::args().skip(1);
    let route = args.next().unwrap_or_else(|| "/raw/table".into());
    let n: usize = args.next().map(|n| n.parse().unwrap()).unwrap_or(100);
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let app = ssr_bench::router();
    let mut total = 0;
    rt.block_on(async {
        for _ in 0..n {
            let request = Request::get(&route).body(Body::empty()).unwrap();
            let response = app.clone().oneshot(request).await.unwrap();
            total += response
                .into_body()
                .collect()
                .await
                .unwrap()
                .to_bytes()
                .len();
        }
    });
    println!("{total}");
}
