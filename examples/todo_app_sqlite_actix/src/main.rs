//! The actix-web server: opens the database, serves the pages, the server functions and
//! the bundle.
//!
//! Settings come from `[package.metadata.leptos]` and the `LEPTOS_*` variables the build
//! tool sets; the database file is `TODO_DB` (default `todos.db`), created on first run.

use actix_files::Files;
use actix_web::{web, App, HttpServer};
use leptos::config::get_configuration;
use leptos::prelude::*;
use leptos_actix::{file_and_error_handler, generate_route_list, LeptosRoutes};
use todo_app_sqlite::todo::db::Db;
use todo_app_sqlite::todo::{shell, TodoApp};

#[actix_web::main]
async fn main() -> std::io::Result<()> {
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
    let addr = options.site_addr;

    let server = HttpServer::new(move || {
        let db = db.clone();
        let pkg = format!("{}/{}", options.site_root, options.site_pkg_dir);
        App::new()
            // The wasm bundle.
            .service(Files::new(&options.pkg_path(), pkg))
            // The page, and every server function at its path, with the database in context.
            .leptos_routes_with_context(
                generate_route_list(TodoApp),
                move || provide_context(db.clone()),
                {
                    let options = options.clone();
                    move || shell(options.clone())
                },
            )
            // Other files of the site, and a 404 page for anything else.
            .default_service(file_and_error_handler(shell))
            .app_data(web::Data::new(options.clone()))
    });
    let server = match server.bind(addr) {
        Ok(server) => server,
        Err(error) => {
            eprintln!("cannot listen on {addr}: {error}; set LEPTOS_SITE_ADDR to a free address");
            std::process::exit(1);
        }
    };
    println!("listening on http://{addr} (database: {path})");
    server.run().await
}
