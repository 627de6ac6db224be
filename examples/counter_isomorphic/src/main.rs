//! The server: renders the app to HTML and serves the wasm bundle.
//!
//! Settings come from the environment the build tool sets (`LEPTOS_SITE_ADDR`,
//! `LEPTOS_SITE_ROOT`, `LEPTOS_SITE_PKG_DIR`, `LEPTOS_OUTPUT_NAME`), with the defaults of
//! this crate's `[package.metadata.leptos]`.

use axum::response::Html;
use axum::routing::get;
use axum::Router;
use counter_isomorphic::App;
use tower_http::services::ServeDir;

fn setting(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_string())
}

#[tokio::main]
async fn main() {
    let addr = setting("LEPTOS_SITE_ADDR", "127.0.0.1:3000");
    let site_root = setting("LEPTOS_SITE_ROOT", "target/site/counter_isomorphic");
    let pkg_dir = setting("LEPTOS_SITE_PKG_DIR", "pkg");
    let output_name = setting("LEPTOS_OUTPUT_NAME", "counter_isomorphic");
    let pkg_path = format!("/{pkg_dir}");

    let page = {
        let pkg_path = pkg_path.clone();
        move || async move {
            Html(leptos::ssr::render_document(
                "Isomorphic counter",
                &pkg_path,
                &output_name,
                App,
            ))
        }
    };
    let app = Router::new()
        .route("/", get(page))
        .nest_service(&pkg_path, ServeDir::new(format!("{site_root}/{pkg_dir}")));

    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("cannot listen on {addr}: {error}; set LEPTOS_SITE_ADDR to a free address");
            std::process::exit(1);
        }
    };
    println!("listening on http://{addr}");
    axum::serve(listener, app)
        .await
        .expect("the server stopped");
}
