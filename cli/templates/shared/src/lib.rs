//! {{crate_name}}: one crate compiled twice. With the `ssr` feature it is the server
//! (`src/main.rs`, {{server_name}}), which renders every page to HTML and runs the server
//! functions; with `hydrate` it is the browser bundle (WebAssembly), which takes over the
//! server's HTML. `cargo app serve` builds both and runs the server.
//!
//! - [`app`]: the document shell, the routes, the pages and the server functions.
//! - [`hydrate`] (the `hydrate` feature): the browser bundle's entry point.

pub mod app;

/// The browser bundle's entry point: the page's script calls it once the bundle is loaded,
/// and it hydrates the server's HTML (adopts its elements, attaches the event listeners).
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_body(app::App);
}
