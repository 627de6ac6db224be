//! The server (the `ssr` feature): renders every route of the app, answers the server
//! functions, and serves the browser bundle and other files of the site.
//!
//! Its settings come from `[package.metadata.leptos]` in `Cargo.toml`, overridden by the
//! `LEPTOS_*` environment variables that `cargo app serve` sets (`LEPTOS_SITE_ADDR`,
//! `LEPTOS_SITE_ROOT`, ...).

use actix_files::Files;
use actix_web::{web, App, HttpServer};
use leptos::config::get_configuration;
use leptos_actix::{file_and_error_handler, generate_route_list, LeptosRoutes};
use {{lib_name}}::app::{shell, App as Root};

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
    let addr = options.site_addr;

    let server = HttpServer::new(move || {
        let pkg = format!("{}/{}", options.site_root, options.site_pkg_dir);
        App::new()
            // The browser bundle.
            .service(Files::new(&options.pkg_path(), pkg))
            // Every route of the app, rendered in the document shell, and every server
            // function at its path.
            .leptos_routes(generate_route_list(Root), {
                let options = options.clone();
                move || shell(options.clone())
            })
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
    println!("listening on http://{addr}");
    server.run().await
}
