//! The app of the benchmark: one `#[server]` function mounted the way apps mount them
//! (by `leptos_routes`, each function at its own path; or on a catch-all route,
//! `/api/{*fn_name}` → `leptos_axum::handle_server_fns`) and a hand-written axum handler
//! doing the same work at `/hand/add`. Both take `a=3&b=4` as an
//! `application/x-www-form-urlencoded` POST body and answer `7` as `application/json`.

use axum::routing::post;
use axum::{Form, Json, Router};
use leptos::config::LeptosOptions;
use leptos::prelude::*;
use leptos_axum::LeptosRoutes;
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

/// The page `leptos_routes` renders at `/` (the benchmark does not request it).
#[component]
pub fn App() -> impl IntoView {
    view! { <p>"server_fn_wrk"</p> }
}

/// Fails at start-up, not on the first request, if the function did not register.
fn assert_registered() {
    assert!(
        leptos::server_fn::registry::server_fns()
            .get("/api/add")
            .is_some(),
        "the server function `add` is not registered at /api/add"
    );
}

/// Both endpoints, the server function mounted as an app that serves pages mounts it:
/// `leptos_routes` puts every registered function at its own path (as Leptos 0.8 does).
///
/// # Panics
///
/// If the server function did not register at `/api/add`.
pub fn app() -> Router {
    assert_registered();
    let options = LeptosOptions::default();
    Router::new()
        .leptos_routes(&options, leptos_axum::generate_route_list(App), App)
        .route("/hand/add", post(hand_add))
        .with_state(options)
}

/// Both endpoints, the server function mounted on a catch-all route,
/// `/api/{*fn_name}` → `leptos_axum::handle_server_fns` (which finds the function by the
/// request's path).
///
/// # Panics
///
/// If the server function did not register at `/api/add`.
pub fn app_with_catch_all() -> Router {
    assert_registered();
    Router::new()
        .route("/api/{*fn_name}", post(leptos_axum::handle_server_fns))
        .route("/hand/add", post(hand_add))
}
