//! Serving the app's pages: [`LeptosRoutes`] mounts a server-rendering handler on each
//! route, [`file_and_error_handler`] serves the bundle and static files and renders the app
//! for anything else with a 404.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;

use axum::body::Body;
use axum::extract::{FromRef, Request};
use axum::handler::Handler;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use futures::future::{ready, BoxFuture, Either, Ready};
use futures::FutureExt;
use http::{HeaderValue, StatusCode};
use leptos::config::LeptosOptions;
use leptos::server_context::RequestContext;
use leptos::ssr::FirstPass;
use leptos::view::IntoView;
use leptos_router::PathSegment;
use reactive_graph::{provide_context, untrack, ContextValue, Owner};
use tower::ServiceExt;
use tower_http::services::ServeDir;

use crate::call::AdditionalContext;
use crate::response::ResponseOptions;
use crate::server_fns::ServerFnHandler;

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

/// The paths the app renders, for [`LeptosRoutes::leptos_routes`]: every route of the app's
/// `<Routes/>` (found by rendering the app once in the router's collecting mode), in axum's
/// syntax (`/contacts/{id}`, `/files/{*rest}`). A route with optional segments is listed
/// once per variant (`/posts/:page?` is `/posts/{page}` and `/posts`), and a wildcard route
/// also at its prefix (where the wildcard matches nothing). An app without a router renders
/// one page: `/`.
///
/// ```
/// use leptos::prelude::*;
/// use leptos_router::components::{Route, Router, Routes};
/// use leptos_router::path;
///
/// #[component]
/// fn App() -> impl IntoView {
///     view! {
///         <Router>
///             <Routes fallback=|| "Not found">
///                 <Route path=path!("/") view=|| "Home"/>
///                 <Route path=path!("/contacts/:id") view=|| "Contact"/>
///                 <Route path=path!("/files/*rest") view=|| "Files"/>
///             </Routes>
///         </Router>
///     }
/// }
///
/// let paths: Vec<String> = leptos_axum::generate_route_list(App)
///     .iter()
///     .map(|listing| listing.path().to_string())
///     .collect();
/// assert_eq!(paths, ["/", "/contacts/{id}", "/files/{*rest}", "/files"]);
/// ```
pub fn generate_route_list<IV>(app_fn: impl Fn() -> IV + 'static) -> Vec<AxumRouteListing>
where
    IV: IntoView + 'static,
{
    let collected = leptos_router::route_list::RouteList::generate(move || {
        // What a request's render would have, so that components that set the response
        // (`redirect()`, `ResponseOptions`) render while the routes are collected.
        provide_context(ResponseOptions::default());
        app_fn()
    });
    let Some(list) = collected else {
        return vec![AxumRouteListing::new("/")];
    };
    list.paths(axum_paths)
        .into_iter()
        .map(AxumRouteListing::new)
        .collect()
}

/// A route's path in axum's syntax, and its prefix too if it ends in a wildcard (axum's
/// `{*rest}` needs at least one character; the router's matches nothing as well).
fn axum_paths(segments: &[PathSegment]) -> Vec<String> {
    let mut path = String::new();
    let mut prefix = None;
    for segment in segments {
        match segment {
            PathSegment::Static(text) => {
                path.push('/');
                path.push_str(&text.replace('{', "{{").replace('}', "}}"));
            }
            PathSegment::Param(name) | PathSegment::OptionalParam(name) => {
                path.push_str(&format!("/{{{name}}}"));
            }
            PathSegment::Splat(name) => {
                prefix = Some(if path.is_empty() {
                    "/".to_string()
                } else {
                    path.clone()
                });
                path.push_str(&format!("/{{*{name}}}"));
            }
        }
    }
    if path.is_empty() {
        path.push('/');
    }
    let mut paths = vec![path];
    paths.extend(prefix);
    paths
}

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
    /// Renders `app_fn` at each of `paths` (and at each with a trailing `/`), and mounts
    /// every registered server function at its own path ([`ServerFnHandler::router`]), with
    /// the router's state `S` as context (`use_context::<S>()`), as Leptos 0.8 does: no
    /// `/api/{*fn_name}` route is needed. Call it once per router: a second call would
    /// mount the functions again, which axum refuses (it panics on the duplicate route).
    fn leptos_routes<IV>(
        self,
        state: &S,
        paths: Vec<AxumRouteListing>,
        app_fn: impl Fn() -> IV + Clone + Send + Sync + 'static,
    ) -> Self
    where
        IV: IntoView + 'static;

    /// Like [`LeptosRoutes::leptos_routes`], with `additional_context` run first in each
    /// render's and each server function call's owner (to provide a database pool, ...).
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
        mount_routes(self, state, paths, AdditionalContext::default(), app_fn)
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
        mount_routes(
            self,
            state,
            paths,
            AdditionalContext::run(additional_context),
            app_fn,
        )
    }
}

/// [`LeptosRoutes::leptos_routes_with_context`], with the app's own context (if any) in
/// `context`.
fn mount_routes<S, IV>(
    router: Router<S>,
    state: &S,
    paths: Vec<AxumRouteListing>,
    context: AdditionalContext,
    app_fn: impl Fn() -> IV + Clone + Send + Sync + 'static,
) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    LeptosOptions: FromRef<S>,
    IV: IntoView + 'static,
{
    let options = LeptosOptions::from_ref(state);
    // The app's state is context too, in pages and server functions alike (made into a
    // context value once here, provided per request by copying a pointer).
    let context = context.with_value(ContextValue::new(state.clone()));
    let mut router = router.merge(
        ServerFnHandler::new()
            .with_shared_context(context.clone())
            .router(),
    );
    let options = PageOptions::new(options);
    for path in with_trailing_slashes(&paths) {
        let options = options.clone();
        let context = context.clone();
        let app_fn = app_fn.clone();
        router = router.route(
            &path,
            get(move |req: Request| {
                render_page(
                    req,
                    &options,
                    Some(context.clone()),
                    StatusCode::OK,
                    app_fn.clone(),
                )
            }),
        );
    }
    router
}

/// The paths to mount: each listed path, and the same with a trailing `/` (`/contacts/`),
/// which the router matches as the path without it but axum would not route.
fn with_trailing_slashes(paths: &[AxumRouteListing]) -> Vec<String> {
    let mut all: Vec<String> = paths.iter().map(|p| p.path().to_string()).collect();
    for listing in paths {
        let path = listing.path();
        if path.ends_with('/') || path.contains("{*") {
            continue;
        }
        let slashed = format!("{path}/");
        if !all.contains(&slashed) {
            all.push(slashed);
        }
    }
    all
}

/// The app's options, and the same as a context value made once (per mounted route) rather
/// than once per request.
#[derive(Clone)]
pub(crate) struct PageOptions {
    options: LeptosOptions,
    context: ContextValue,
}

impl PageOptions {
    pub(crate) fn new(options: LeptosOptions) -> Self {
        PageOptions {
            context: ContextValue::new(options.clone()),
            options,
        }
    }
}

/// The future of a page's response: ready at once when the page needed no async data, boxed
/// only when it waits for some.
pub(crate) type PageFuture = Either<Ready<Response>, BoxFuture<'static, Response>>;

/// Renders `app_fn` for `req` in a request owner (with the request's parts, a
/// [`ResponseOptions`] and `context`) and answers the page with what the render set on the
/// response options.
///
/// The first render pass runs here, synchronously ([`leptos::ssr::render_first_pass`]): a
/// page without `<Suspense/>` data is answered without keeping the render in a future. A
/// page that waits for resources gets a boxed future that awaits them and renders again. A
/// panic while rendering is a 500 page, not a dropped connection.
pub(crate) fn render_page<IV>(
    req: Request,
    options: &PageOptions,
    context: Option<AdditionalContext>,
    status: StatusCode,
    app_fn: impl Fn() -> IV + Send + Sync + 'static,
) -> PageFuture
where
    IV: IntoView + 'static,
{
    let (parts, _body) = req.into_parts();
    let response_options = ResponseOptions::default();
    let request = request_context(&parts, &response_options);
    let provide = {
        let response_options = response_options.clone();
        let options = options.context.clone();
        move || {
            let Some(owner) = Owner::current() else {
                unreachable!("a render pass provides its context inside its owner")
            };
            AdditionalContext::provide(
                context.as_ref(),
                &owner,
                [
                    ContextValue::new(parts),
                    ContextValue::new(response_options),
                    crate::call::REDIRECT_HANDLER.clone(),
                    options,
                    ContextValue::new(request),
                ],
            );
        }
    };
    let app = move || untrack(&app_fn);
    let started = std::panic::catch_unwind(AssertUnwindSafe(|| {
        leptos::ssr::render_first_pass(provide, app)
    }));
    match started {
        Ok(FirstPass::Done(html)) => Either::Left(ready(page_response(
            html,
            &options.options,
            status,
            &response_options,
        ))),
        Ok(FirstPass::Pending(pending)) => {
            let options = options.options.clone();
            Either::Right(Box::pin(async move {
                match AssertUnwindSafe(pending.finish()).catch_unwind().await {
                    Ok(html) => page_response(html, &options, status, &response_options),
                    Err(_) => panicked_page(),
                }
            }))
        }
        Err(_) => Either::Left(ready(panicked_page())),
    }
}

/// The page around the app's `html`, with `status` and what the render set on
/// `response_options`.
fn page_response(
    html: String,
    options: &LeptosOptions,
    status: StatusCode,
    response_options: &ResponseOptions,
) -> Response {
    let page = leptos::ssr::page(html, options);
    let mut response = (status, Html(page)).into_response();
    response_options.apply_to(&mut response);
    response
}

/// The 500 page of a render that panicked.
fn panicked_page() -> Response {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        Html(leptos::ssr::error_page("the page panicked while rendering")),
    )
        .into_response()
}

/// What the router (or any library) reads about the request being rendered: its path and
/// query, and how to set the status (through `response`) or redirect (`302` + `Location`).
fn request_context(parts: &http::request::Parts, response: &ResponseOptions) -> RequestContext {
    let path_and_query = parts
        .uri
        .path_and_query()
        .map_or("/", |path_and_query| path_and_query.as_str());
    let (status, redirect) = (response.clone(), response.clone());
    RequestContext::new(path_and_query)
        .on_set_status(move |code| status.set_status(code))
        .on_redirect(move |location| match HeaderValue::from_str(location) {
            Ok(location) => redirect.redirect_page(location),
            Err(_) => {
                eprintln!("a redirect to {location:?} was ignored: it is not a valid header value")
            }
        })
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
                    let options = PageOptions::new(options);
                    render_page(req, &options, None, StatusCode::NOT_FOUND, move || {
                        shell(shell_options.clone())
                    })
                    .await
                }
            }
        })
    }
}
