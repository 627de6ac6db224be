//! Running axum extractors inside a server function.

use axum::extract::FromRequestParts;
use http::request::Parts;
use reactive_graph::use_context;
use server_fn::ServerFnError;

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
pub async fn extract<T>() -> Result<T, ServerFnError>
where
    T: FromRequestParts<()>,
    T::Rejection: std::fmt::Debug,
{
    extract_with_state::<T, ()>(&()).await
}

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
pub async fn extract_with_state<T, S>(state: &S) -> Result<T, ServerFnError>
where
    T: FromRequestParts<S>,
    T::Rejection: std::fmt::Debug,
{
    let mut parts = use_context::<Parts>().ok_or_else(|| {
        ServerFnError::new(
            "leptos_axum::extract found no request: call it inside a server function or \
             while rendering a request served by leptos_axum",
        )
    })?;
    T::from_request_parts(&mut parts, state)
        .await
        .map_err(|rejection| ServerFnError::new(format!("an extractor failed: {rejection:?}")))
}
