//! Axum extractors inside server functions (feature `axum`).
//!
//! The integration (`leptos_axum`) runs each server function inside a reactive owner whose
//! context holds the request's [`Parts`] and whatever the application provided (its state,
//! a database pool, ...). [`extract`] runs any axum extractor on those parts, and
//! [`extract_state`] reads the state:
//!
//! ```
//! use server_fn::{server, ServerFnError};
//!
//! /// The `User-Agent` the request was sent with.
//! #[server]
//! pub async fn user_agent() -> Result<String, ServerFnError> {
//!     # #[cfg(feature = "ssr")] {
//!     let headers: axum::http::HeaderMap = server_fn::axum::extract().await?;
//!     let agent = headers.get("user-agent").and_then(|v| v.to_str().ok());
//!     return Ok(agent.unwrap_or("unknown").to_owned());
//!     # }
//!     # Ok(String::new())
//! }
//! ```
//!
//! `#[get("/path", headers: HeaderMap, state: State<AppState>)]` does the same for you: the
//! names after the path are bound by calling these functions before the body runs. And
//! `#[middleware(layer)]` under such an attribute becomes a [`RouteLayer`].

use axum::extract::FromRequestParts;
/// axum's `State`, as `State<S>` in `#[get("/path", state: State<AppState>)]` and what
/// [`extract_state`] answers.
pub use axum::extract::State;
use axum::response::IntoResponse;
/// axum's method router, which a [`RouteLayer`] wraps.
pub use axum::routing::MethodRouter;
use http::request::Parts;
use reactive_graph::use_context;

use crate::error::HttpError;
use crate::ServerFnError;

/// One `#[middleware(layer)]` of a function declared with `#[get]`, `#[post]`, ...: wraps
/// the function's route in the layer. `leptos_axum::ServerFnHandler::router()` applies
/// them; the registry keeps them in the function's entry
/// ([`crate::registry::ServerFnEntry::layers`]).
pub type RouteLayer = fn(MethodRouter) -> MethodRouter;

/// The largest rejection body quoted in an error message.
const REJECTION_BODY_LIMIT: usize = 4096;

/// Runs the axum extractor `T` on the current request.
///
/// # Errors
///
/// [`ServerFnError::ServerError`] outside a request served by an integration (no request
/// in the context); [`ServerFnError::Http`] with the rejection's status and text when the
/// extractor rejects the request (a missing header, a malformed cookie, ...).
pub async fn extract<T>() -> Result<T, ServerFnError>
where
    T: FromRequestParts<()>,
{
    extract_with_state::<T, ()>(&()).await
}

/// Runs the extractor `T`, which needs the application state `S` (such as `State<S>` or
/// a `FromRef` part of it), on the current request.
///
/// # Errors
///
/// As [`extract`].
pub async fn extract_with_state<T, S>(state: &S) -> Result<T, ServerFnError>
where
    T: FromRequestParts<S>,
{
    let mut parts = use_context::<Parts>().ok_or_else(|| no_request::<T>())?;
    match T::from_request_parts(&mut parts, state).await {
        Ok(value) => Ok(value),
        Err(rejection) => Err(rejected::<T>(rejection.into_response()).await),
    }
}

/// The application state `S`, as axum's `State<S>`.
///
/// # Errors
///
/// [`ServerFnError::ServerError`] if no `S` is in the context: provide it with
/// `leptos_axum::ServerFnHandler::with_context(move || provide_context(state.clone()))`
/// (or `handle_server_fns_with_context`).
pub async fn extract_state<S>() -> Result<State<S>, ServerFnError>
where
    S: Clone + Send + Sync + 'static,
{
    use_context::<S>().map(State).ok_or_else(|| {
        ServerFnError::ServerError(format!(
            "no `{}` in the context of this request: provide it in the integration's context \
             function (`leptos_axum::ServerFnHandler::with_context`)",
            std::any::type_name::<S>()
        ))
    })
}

fn no_request<T>() -> ServerFnError {
    ServerFnError::ServerError(format!(
        "cannot extract `{}`: there is no request in the context; extractors work while a \
         server function answers a request served by an integration such as `leptos_axum`",
        std::any::type_name::<T>()
    ))
}

/// The error for a rejection: its status, and its text (which axum's rejections write for
/// people) after the extractor's name.
async fn rejected<T>(response: axum::response::Response) -> ServerFnError {
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), REJECTION_BODY_LIMIT)
        .await
        .unwrap_or_default();
    let text = String::from_utf8_lossy(&body);
    let name = std::any::type_name::<T>();
    let message = if text.is_empty() {
        format!("the request was rejected by the `{name}` extractor")
    } else {
        format!("the request was rejected by the `{name}` extractor: {text}")
    };
    ServerFnError::Http(HttpError::new(status, message))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::Extension;
    use http::{HeaderMap, StatusCode};
    use reactive_graph::{provide_context, Owner, ScopedFuture};

    fn in_request<F: std::future::Future>(parts: Option<Parts>, future: F) -> F::Output {
        let owner = Owner::new_root();
        if let Some(parts) = parts {
            owner.with(|| provide_context(parts));
        }
        let output = futures::executor::block_on(ScopedFuture::with_owner(owner.clone(), future));
        owner.dispose();
        output
    }

    fn parts(uri: &str) -> Parts {
        let (parts, ()) = http::Request::get(uri)
            .header("x-token", "abc")
            .body(())
            .unwrap()
            .into_parts();
        parts
    }

    #[test]
    fn extract_runs_the_extractor_on_the_request_in_context() {
        let headers = in_request(Some(parts("/x")), extract::<HeaderMap>()).unwrap();
        assert_eq!(headers["x-token"], "abc");
    }

    #[test]
    fn a_rejection_keeps_its_status_and_text() {
        let error = in_request(Some(parts("/x")), extract::<Extension<u32>>()).unwrap_err();
        match error {
            ServerFnError::Http(error) => {
                assert_eq!(error.status(), StatusCode::INTERNAL_SERVER_ERROR);
                assert!(
                    error.message().contains(
                        "`axum::extension::Extension<u32>` extractor: Missing request extension"
                    ),
                    "{error}"
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn without_a_request_the_error_says_so() {
        let error = in_request(None, extract::<HeaderMap>()).unwrap_err();
        assert!(
            matches!(&error, ServerFnError::ServerError(m) if m.contains("no request in the context")),
            "{error:?}"
        );
    }

    #[test]
    fn extract_state_reads_the_provided_state() {
        #[derive(Clone, Debug, PartialEq)]
        struct AppState(u8);
        let owner = Owner::new_root();
        owner.with(|| provide_context(AppState(3)));
        let read = ScopedFuture::with_owner(owner.clone(), extract_state::<AppState>());
        let State(state) = futures::executor::block_on(read).unwrap();
        assert_eq!(state, AppState(3));
        let missing = ScopedFuture::with_owner(owner.clone(), extract_state::<String>());
        let error = futures::executor::block_on(missing).unwrap_err();
        assert!(
            error.to_string().contains("no `alloc::string::String`"),
            "{error}"
        );
        owner.dispose();
    }
}
