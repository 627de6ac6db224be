//! Running axum extractors inside a server function.

/// Runs axum extractors on the current request, from inside a server function (or a
/// component during server rendering). Extractors that need state use
/// [`extract_with_state`].
///
/// ```
/// use axum::{extract::Query, http::Method};
/// use leptos::prelude::*;
/// use serde::Deserialize;
///
/// #[derive(Deserialize, Debug)]
/// struct MyQuery {
///     foo: String,
/// }
///
/// #[leptos::server]
/// pub async fn axum_extract() -> Result<String, ServerFnError> {
///     let (method, query): (Method, Query<MyQuery>) = leptos_axum::extract().await?;
///     Ok(format!("{method:?} and {query:?}"))
/// }
/// ```
pub use server_fn::axum::extract;

/// Runs axum extractors that need the app's state `S` (such as `State<S>`) on the current
/// request.
///
/// ```
/// use axum::extract::State;
/// use leptos::prelude::*;
///
/// #[derive(Clone, Debug)]
/// pub struct AppState { pub greeting: &'static str }
///
/// #[leptos::server]
/// pub async fn greet() -> Result<String, ServerFnError> {
///     let state = expect_context::<AppState>();
///     let State(AppState { greeting }) = leptos_axum::extract_with_state(&state).await?;
///     Ok(greeting.to_owned())
/// }
/// ```
pub use server_fn::axum::extract_with_state;
