//! A todo list kept in SQLite.
//!
//! - [`todo`]: the server functions (list, add, delete), the components and the document
//!   shell.
//! - `main.rs` (the `axum` feature): the axum server, which opens the database (a file,
//!   created on first run) and serves the pages and the functions.
//!   `examples/todo_app_sqlite_actix` serves this same app with actix-web.
//! - [`hydrate`] (the `hydrate` feature): the browser bundle's entry point.
//!
//! Adding or deleting a todo works without JavaScript (the form posts, the server answers
//! with a redirect back to the list) and with it (the form is intercepted, the function is
//! called with `fetch`, and the list reloads in place).

pub mod todo;

/// The browser bundle's entry point: takes over the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_body(todo::TodoApp);
}
