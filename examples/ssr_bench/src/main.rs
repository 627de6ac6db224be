//! `ssr_bench [PORT]`: serves the SSR harness's four routes on `127.0.0.1:PORT` (default
//! 3001) with one tokio worker thread (the harness pins the server to one core).

use std::net::SocketAddr;

fn main() {
    let port: u16 = match std::env::args().nth(1).map(|p| p.parse()) {
        None => 3001,
        Some(Ok(port)) => port,
        Some(Err(_)) => {
            eprintln!("usage: ssr_bench [PORT]");
            std::process::exit(2);
        }
    };
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a tokio runtime")
        .block_on(async move {
            let addr = SocketAddr::from(([127, 0, 0, 1], port));
            let listener = match tokio::net::TcpListener::bind(addr).await {
                Ok(listener) => listener,
                Err(error) => {
                    eprintln!("cannot listen on {addr}: {error}");
                    std::process::exit(1);
                }
            };
            eprintln!("ssr_bench listening on http://{addr}");
            axum::serve(listener, ssr_bench::router())
                .await
                .expect("the server stopped");
        });
}
