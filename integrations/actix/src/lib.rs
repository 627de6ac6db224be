//! The actix-web integration: server functions, server-rendered pages, extractors,
//! response options and redirects. The same surface as `leptos_axum`, shaped the way
//! actix-web apps are written.
//!
//! - Server functions: [`handle_server_fns`] is a route that runs whichever `#[server]`
//!   function is registered at the request's path (`.route("/api/{tail:.*}",
//!   handle_server_fns())`); [`handle_server_fns_with_context`] provides the app's context
//!   to each call; [`ServerFnHandler`] does the same with options (the body limit) and can
//!   mount every function at its own path.
//! - Requests that reach no function are answered with a [`ServerFnRouteError`]: 404 for an
//!   unknown path, 405 for the wrong method, 413 for a body over the limit (2 MB by
//!   default), 500 when the function panics (the server keeps serving). Malformed
//!   arguments answer 400 with a message naming the field, from the function's own
//!   decoding.
//! - Each function runs in a reactive owner of its own whose context holds the request
//!   ([`Request`], and its `http::request::Parts`) and a [`ResponseOptions`], so its body
//!   can use actix-web extractors ([`extract`]), set the status, headers and cookies, and
//!   [`redirect`], plus whatever the app's context function provides. A form posted without
//!   JavaScript is answered with a redirect, as `server_fn::redirect_protocol` says (the
//!   protocol `leptos_axum` follows too).
//! - Pages: [`LeptosRoutes`] renders the app for each route of [`generate_route_list`] on an
//!   actix-web `App` (and mounts every server function at its path);
//!   [`file_and_error_handler`] serves the site's files and a 404 page. Serve the bundle
//!   with `actix_files::Files::new("/pkg", ...)`, as the example does.
//!
//! ```no_run
//! use actix_files::Files;
//! use actix_web::{web, App, HttpServer};
//! use leptos::config::get_configuration;
//! use leptos::prelude::*;
//! use leptos_actix::{generate_route_list, LeptosRoutes};
//!
//! #[component]
//! fn Home() -> impl IntoView {
//!     view! { <h1>"Todos"</h1> }
//! }
//!
//! #[actix_web::main]
//! async fn main() -> std::io::Result<()> {
//!     let options = get_configuration(None).unwrap().leptos_options;
//!     let addr = options.site_addr;
//!     HttpServer::new(move || {
//!         let site_root = options.site_root.to_string();
//!         App::new()
//!             .service(Files::new("/pkg", format!("{site_root}/pkg")))
//!             .leptos_routes(generate_route_list(Home), Home)
//!             .app_data(web::Data::new(options.clone()))
//!     })
//!     .bind(addr)?
//!     .run()
//!     .await
//! }
//! ```

mod call;
mod extract;
mod request;
mod response;
mod routes;
mod server_fns;

pub use extract::extract;
pub use leptos::config::LeptosOptions;
pub use request::Request;
pub use response::{redirect, ResponseOptions, ResponseParts};
pub use routes::{file_and_error_handler, generate_route_list, ActixRouteListing, LeptosRoutes};
pub use server_fn::redirect_protocol::{ERROR_PARAM, PATH_PARAM, STATUS_PARAM};
pub use server_fn::route_error::{ServerFnRouteError, DEFAULT_BODY_LIMIT};
pub use server_fns::{handle_server_fns, handle_server_fns_with_context, ServerFnHandler};
