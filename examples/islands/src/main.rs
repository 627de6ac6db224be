//! The server: renders the page, serves the server function and the bundle.
//!
//! Settings come from `[package.metadata.leptos]` and the `LEPTOS_*` variables the build
//! tool sets.

use axum::Router;
use islands::{shell, App};
use leptos::config::get_configuration;
use leptos_axum::{file_and_error_handler, generate_route_list, LeptosRoutes};

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
    let app = Router::new()
        .leptos_routes(&options, generate_route_list(App), {
            let options = options.clone();
            move || shell(options.clone())
        })
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
