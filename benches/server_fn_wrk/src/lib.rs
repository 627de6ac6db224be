//! The app of the benchmark: one `#[server]` function mounted the way apps mount them
//! (`/api/{*fn_name}` → `leptos_axum::handle_server_fns`) and a hand-written axum handler
//! doing the same work at `/hand/add`. Both take `a=3&b=4` as an
//! `application/x-www-form-urlencoded` POST body and answer `7` as `application/json`.

use axum::routing::post;
use axum::{Form, Json, Router};
use leptos::prelude::*;
use serde::Deserialize;

/// The server function: `POST /api/add`, arguments `PostUrl`-encoded, the result as JSON.
#[server(endpoint = "add")]
pub async fn add(a: i32, b: i32) -> Result<i32, ServerFnError> {
    Ok(a + b)
}

/// The arguments of the hand-written handler.
#[derive(Deserialize)]
pub struct Args {
    a: i32,
    b: i32,
}

/// The hand-written handler: the same form in, the same JSON out.
pub async fn hand_add(Form(args): Form<Args>) -> Json<i32> {
    Json(args.a + args.b)
}

/// Both endpoints.
///
/// # Panics
///
/// If the server function did not register at `/api/add`.
pub fn app() -> Router {
    // Fail at start-up, not on the first request, if the function did not register.
    assert!(
        leptos::server_fn::registry::server_fns()
            .get("/api/add")
            .is_some(),
        "the server function `add` is not registered at /api/add"
    );
    Router::new()
        .route("/api/{*fn_name}", post(leptos_axum::handle_server_fns))
        .route("/hand/add", post(hand_add))
}

/// The same two endpoints, the server function mounted by
/// `leptos_axum::ServerFnHandler::router()` (each function at its own path) rather than on
/// a catch-all route.
pub fn app_with_function_routes() -> Router {
    leptos_axum::ServerFnHandler::new()
        .router()
        .route("/hand/add", post(hand_add))
}
