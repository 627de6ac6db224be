//! The todo app of `examples/todo_app_sqlite`, served by actix-web instead of axum.
//!
//! The app (components, server functions, the database, the document shell) is that
//! crate's, unchanged: its server functions redirect with `leptos::redirect`, which answers
//! through whichever integration serves the request. This crate adds only:
//!
//! - `main.rs` (the `ssr` feature): the actix-web server;
//! - [`hydrate`] (the `hydrate` feature): the browser bundle's entry point, built from this
//!   crate (the build tool builds the bundle from the served package's own library).

/// The browser bundle's entry point: takes over the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_body(todo_app_sqlite::todo::TodoApp);
}
