//! The server: opens the database, serves the pages, the server functions and the bundle.
//!
//! Settings come from `[package.metadata.leptos]` and the `LEPTOS_*` variables the build
//! tool sets; the database file is `TODO_DB` (default `todos.db`), created on first run.

use axum::extract::FromRef;
use axum::Router;
use leptos::config::{get_configuration, LeptosOptions};
use leptos::prelude::*;
use leptos_axum::{file_and_error_handler, generate_route_list, LeptosRoutes};
use todo_app_sqlite::todo::db::Db;
use todo_app_sqlite::todo::{shell, TodoApp};

/// What the router's handlers share.
#[derive(FromRef, Clone, Debug)]
struct AppState {
    leptos_options: LeptosOptions,
    db: Db,
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
    let path = std::env::var("TODO_DB").unwrap_or_else(|_| "todos.db".to_owned());
    let db = match Db::open(&path) {
        Ok(db) => db,
        Err(error) => {
            eprintln!("cannot open the database {path}: {error}");
            std::process::exit(1);
        }
    };
    let state = AppState {
        leptos_options: options.clone(),
        db: db.clone(),
    };
    let context = move || provide_context(db.clone());

    let app = Router::new()
        // The pages, and the server functions at their paths, each with the database.
        .leptos_routes_with_context(&state, generate_route_list(TodoApp), context, {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(file_and_error_handler(shell))
        .with_state(state);

    let addr = options.site_addr;
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("cannot listen on {addr}: {error}; set LEPTOS_SITE_ADDR to a free address");
            std::process::exit(1);
        }
    };
    println!("listening on http://{addr} (database: {path})");
    axum::serve(listener, app)
        .await
        .expect("the server stopped");
}
