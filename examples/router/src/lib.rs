//! A contact list with nested routes, served with server rendering and navigated
//! client-side once hydrated.
//!
//! - [`app`]: the pages and the routes between them (the router, `leptos_router`).
//! - [`contacts`]: the data, the same on both sides.
//! - [`auth`]: logging in and out with server functions, for the protected admin page.
//! - `main.rs` (the `ssr` feature): the axum server, which mounts every route of the app
//!   (`generate_route_list`) and the server functions.
//! - [`hydrate`] (the `hydrate` feature): the browser bundle's entry point.

pub mod app;
pub mod auth;
pub mod contacts;

/// The browser bundle's entry point: takes over the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_body(app::App);
}
