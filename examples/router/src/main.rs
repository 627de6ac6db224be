//! The server: renders every route of the app and serves the server functions and the
//! bundle. Settings come from `[package.metadata.leptos]` and the `LEPTOS_*` variables the
//! build tool sets.

use axum::Router;
use leptos::config::{get_configuration, LeptosOptions};
use leptos::prelude::*;
use leptos_axum::{file_and_error_handler, generate_route_list, LeptosRoutes};
use leptos_meta::MetaTags;
use router::app::App;

/// The document around the app.
fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <style>
                    "body { font-family: sans-serif; margin: 2em; }
                     a[aria-current] { font-weight: bold; }
                     #contacts { display: flex; gap: 2em; }"
                </style>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

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
        .leptos_routes(&options, routes, {
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
