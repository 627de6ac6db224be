//! The server (the `ssr` feature): renders every route of the app, answers the server
//! functions, and serves the browser bundle and other files of the site.
//!
//! Its settings come from `[package.metadata.leptos]` in `Cargo.toml`, overridden by the
//! `LEPTOS_*` environment variables that `cargo app serve` sets (`LEPTOS_SITE_ADDR`,
//! `LEPTOS_SITE_ROOT`, ...).

use axum::Router;
use leptos::config::get_configuration;
use leptos_axum::{file_and_error_handler, generate_route_list, LeptosRoutes};
use {{lib_name}}::app::{shell, App};

#[tokio::main]
async fn main() {
    let options = match get_configuration(Some(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")))
    {
        Ok(conf) => conf.leptos_options,
        Err(error) => {
            eprintln!("cannot read the settings: {error}");
            std::process::exit(1);
        }
    };
    let routes = generate_route_list(App);
    let app = Router::new()
        // Every route of the app, rendered in the document shell, and every server
        // function at its own path.
        .leptos_routes(&options, routes, {
            let options = options.clone();
            move || shell(options.clone())
        })
        // The site's files (the bundle in /pkg), and a 404 page for anything else.
        .fallback(file_and_error_handler(shell))
        .with_state(options.clone());

    let addr = options.site_addr;
    let listener = match tokio::net::TcpListener::bind(addr).await {
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
