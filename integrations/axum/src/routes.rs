//! Serving the app's pages: [`LeptosRoutes`] mounts a server-rendering handler on each
//! route, [`file_and_error_handler`] serves the bundle and static files and renders the app
//! for anything else with a 404.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{FromRef, Request};
use axum::handler::Handler;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use futures::FutureExt;
use http::StatusCode;
use leptos::config::LeptosOptions;
use leptos::view::IntoView;
use reactive_graph::{provide_context, untrack};
use tower::ServiceExt;
use tower_http::services::ServeDir;

use crate::response::ResponseOptions;

/// One path the app renders, as [`generate_route_list`] lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AxumRouteListing {
    path: String,
}

impl AxumRouteListing {
    /// A route at `path` (axum's syntax: `/todos/{id}`).
    pub fn new(path: impl Into<String>) -> Self {
        AxumRouteListing { path: path.into() }
    }

    /// The route's path.
    pub fn path(&self) -> &str {
        &self.path
    }
}

/// The paths the app renders. Until the router is part of this framework an app has one
/// page, so this is `/`; `app_fn` is accepted for compatibility with Leptos.
pub fn generate_route_list<IV>(app_fn: impl Fn() -> IV + 'static) -> Vec<AxumRouteListing>
where
    IV: IntoView + 'static,
{
    let _ = app_fn;
    vec![AxumRouteListing::new("/")]
}

/// What the app's context function provides to each render.
type Context = Arc<dyn Fn() + Send + Sync>;

/// Adds server-rendered pages to an axum router.
///
/// `app_fn` renders either the whole document (a shell starting with `<!DOCTYPE html>`,
/// with `<HydrationScripts/>` in its head) or just the app, which is then wrapped in a
/// document that loads the bundle named in [`LeptosOptions`].
///
/// ```
/// use axum::Router;
/// use leptos::prelude::*;
/// use leptos::config::LeptosOptions;
/// use leptos_axum::{generate_route_list, LeptosRoutes};
///
/// #[component]
/// fn App() -> impl IntoView {
///     view! { <h1>"Todos"</h1> }
/// }
///
/// let options = LeptosOptions::default();
/// let routes = generate_route_list(App);
/// let app: Router = Router::new()
///     .leptos_routes(&options, routes, App)
///     .with_state(options);
/// ```
pub trait LeptosRoutes<S> {
    /// Renders `app_fn` at each of `paths`.
    fn leptos_routes<IV>(
        self,
        state: &S,
        paths: Vec<AxumRouteListing>,
        app_fn: impl Fn() -> IV + Clone + Send + Sync + 'static,
    ) -> Self
    where
        IV: IntoView + 'static;

    /// Renders `app_fn` at each of `paths`, with `additional_context` run first in each
    /// render's owner (to provide a database pool, the app's state, ...).
    fn leptos_routes_with_context<IV>(
        self,
        state: &S,
        paths: Vec<AxumRouteListing>,
        additional_context: impl Fn() + Clone + Send + Sync + 'static,
        app_fn: impl Fn() -> IV + Clone + Send + Sync + 'static,
    ) -> Self
    where
        IV: IntoView + 'static;
}

impl<S> LeptosRoutes<S> for Router<S>
where
    LeptosOptions: FromRef<S>,
    S: Clone + Send + Sync + 'static,
{
    fn leptos_routes<IV>(
        self,
        state: &S,
        paths: Vec<AxumRouteListing>,
        app_fn: impl Fn() -> IV + Clone + Send + Sync + 'static,
    ) -> Self
    where
        IV: IntoView + 'static,
    {
        self.leptos_routes_with_context(state, paths, || {}, app_fn)
    }

    fn leptos_routes_with_context<IV>(
        self,
        state: &S,
        paths: Vec<AxumRouteListing>,
        additional_context: impl Fn() + Clone + Send + Sync + 'static,
        app_fn: impl Fn() -> IV + Clone + Send + Sync + 'static,
    ) -> Self
    where
        IV: IntoView + 'static,
    {
        let options = LeptosOptions::from_ref(state);
        let context: Context = Arc::new(additional_context);
        let mut router = self;
        for listing in paths {
            let options = options.clone();
            let context = context.clone();
            let app_fn = app_fn.clone();
            router = router.route(
                listing.path(),
                get(move |req: Request| {
                    let options = options.clone();
                    let context = context.clone();
                    let app_fn = app_fn.clone();
                    async move {
                        render_page(req, &options, Some(context), StatusCode::OK, app_fn).await
                    }
                }),
            );
        }
        router
    }
}

/// Renders `app_fn` for `req` in a request owner (with the request's parts, a
/// [`ResponseOptions`] and `context`), waiting for the resources under its `<Suspense/>`s
/// ([`leptos::ssr::render_to_string_async`]), and answers the page with what the render set
/// on the response options.
pub(crate) async fn render_page<IV>(
    req: Request,
    options: &LeptosOptions,
    context: Option<Context>,
    status: StatusCode,
    app_fn: impl Fn() -> IV + Send + Sync + 'static,
) -> Response
where
    IV: IntoView + 'static,
{
    let (parts, _body) = req.into_parts();
    let response_options = ResponseOptions::default();
    let app = {
        let response_options = response_options.clone();
        let options = options.clone();
        move || {
            provide_context(parts.clone());
            provide_context(response_options.clone());
            provide_context(leptos::RedirectHandler::new(crate::redirect));
            provide_context(options.clone());
            if let Some(context) = &context {
                context();
            }
            app_fn()
        }
    };
    let html = match render_catching_panics(app).await {
        Ok(html) => html,
        Err(message) => {
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                Html(leptos::ssr::error_page(&message)),
            )
                .into_response()
        }
    };
    let page = leptos::ssr::page(html, options);
    let mut response = (status, Html(page)).into_response();
    response_options.apply_to(&mut response);
    response
}

/// Renders `app` with [`leptos::ssr::render_to_string_async`]; a panic while rendering is
/// an error page, not a dropped connection.
async fn render_catching_panics<IV>(
    app: impl Fn() -> IV + Send + Sync + 'static,
) -> Result<String, String>
where
    IV: IntoView + 'static,
{
    AssertUnwindSafe(leptos::ssr::render_to_string_async(move || untrack(&app)))
        .catch_unwind()
        .await
        .map_err(|_| "the page panicked while rendering".to_owned())
}

/// The future of a fallback handler's response.
pub type HandlerFuture = Pin<Box<dyn Future<Output = Response> + Send>>;

/// A fallback handler for the router: serves files under the site root (the bundle in
/// `pkg/`, stylesheets, images) and renders `shell` with a 404 status for anything else.
///
/// ```
/// use axum::Router;
/// use leptos::prelude::*;
/// use leptos::config::LeptosOptions;
/// use leptos_axum::file_and_error_handler;
///
/// fn shell(options: LeptosOptions) -> impl IntoView {
///     let _ = options;
///     view! { <p>"Not found"</p> }
/// }
///
/// let options = LeptosOptions::default();
/// let app: Router = Router::new()
///     .fallback(file_and_error_handler(shell))
///     .with_state(options);
/// ```
pub fn file_and_error_handler<IV>(shell: fn(LeptosOptions) -> IV) -> FileAndErrorHandler<IV>
where
    IV: IntoView + 'static,
{
    FileAndErrorHandler { shell }
}

/// The handler [`file_and_error_handler`] makes; it works with any router state that
/// [`LeptosOptions`] can be taken from (`#[derive(FromRef)]` on the app's state).
pub struct FileAndErrorHandler<IV> {
    shell: fn(LeptosOptions) -> IV,
}

impl<IV> Clone for FileAndErrorHandler<IV> {
    fn clone(&self) -> Self {
        FileAndErrorHandler { shell: self.shell }
    }
}

impl<IV> std::fmt::Debug for FileAndErrorHandler<IV> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileAndErrorHandler")
            .finish_non_exhaustive()
    }
}

impl<IV, S> Handler<(), S> for FileAndErrorHandler<IV>
where
    IV: IntoView + 'static,
    S: Clone + Send + Sync + 'static,
    LeptosOptions: FromRef<S>,
{
    type Future = HandlerFuture;

    fn call(self, req: Request<Body>, state: S) -> Self::Future {
        let options = LeptosOptions::from_ref(&state);
        let shell = self.shell;
        Box::pin(async move {
            let (parts, body) = req.into_parts();
            let file_req = Request::from_parts(parts.clone(), Body::empty());
            let served = ServeDir::new(&*options.site_root)
                .oneshot(file_req)
                .await
                .map(IntoResponse::into_response);
            match served {
                Ok(response) if response.status() != StatusCode::NOT_FOUND => response,
                _ => {
                    let req = Request::from_parts(parts, body);
                    let shell_options = options.clone();
                    render_page(req, &options, None, StatusCode::NOT_FOUND, move || {
                        shell(shell_options.clone())
                    })
                    .await
                }
            }
        })
    }
}
