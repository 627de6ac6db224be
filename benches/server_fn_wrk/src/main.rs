//! The server of the benchmark (see the library): `server_fn_wrk PORT [catch-all]` serves
//! `POST /api/add` (the server function, mounted by `leptos_routes`, or with `catch-all` on
//! `/api/{*fn_name}`) and `POST /hand/add` (the hand-written handler) on 127.0.0.1:PORT
//! until killed.

fn main() {
    let port: u16 = std::env::args()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| {
            eprintln!("usage: server_fn_wrk PORT [catch-all]");
            std::process::exit(2)
        });
    let app = match std::env::args().nth(2).as_deref() {
        None | Some("routes") => server_fn_wrk::app(),
        Some("catch-all") => server_fn_wrk::app_with_catch_all(),
        Some(other) => {
            eprintln!("unknown mount {other:?}: expected `routes` (the default) or `catch-all`");
            std::process::exit(2)
        }
    };
    // Multi-threaded; run.sh pins the process to one core with `taskset` (so tokio starts one
    // worker, as many as the cores it may use).
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime")
        .block_on(async move {
            let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
                .await
                .unwrap_or_else(|e| panic!("cannot bind 127.0.0.1:{port}: {e}"));
            eprintln!("server_fn_wrk listening on http://127.0.0.1:{port}");
            axum::serve(listener, app).await.expect("the server");
        });
}
