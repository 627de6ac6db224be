//! Serving the app's pages: [`LeptosRoutes`] mounts a server-rendering handler on each
//! route of an actix-web `App` (and every server function at its path),
//! [`file_and_error_handler`] serves the files of the site and renders the app with a 404
//! for anything else.

use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use actix_files::{NamedFile, PathBufWrap};
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header::HeaderValue;
use actix_web::http::StatusCode;
use actix_web::{web, App, HttpRequest, HttpResponse, Route};
use futures::FutureExt;
use leptos::config::LeptosOptions;
use leptos::server_context::RequestContext;
use leptos::view::IntoView;
use leptos_router::PathSegment;
use reactive_graph::{provide_context, untrack, ContextValue};

use crate::call::{provide_request_context, AdditionalContext};
use crate::request::parts_from;
use crate::response::ResponseOptions;
use crate::server_fns::ServerFnHandler;

/// One path the app renders, as [`generate_route_list`] lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActixRouteListing {
    path: String,
}

impl ActixRouteListing {
    /// A route at `path` (actix-web's syntax: `/todos/{id}`).
    pub fn new(path: impl Into<String>) -> Self {
        ActixRouteListing { path: path.into() }
    }

    /// The route's path.
    pub fn path(&self) -> &str {
        &self.path
    }
}

/// The paths the app renders: every route of its router's `<Routes/>` in actix-web's syntax
/// (`/contacts/{id}`, `/files/{rest:.*}`; an optional segment gives a path with it and one
/// without), or `/` for an app without a router.
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
/// let routes = leptos_actix::generate_route_list(App);
/// assert_eq!(
///     routes.iter().map(|r| r.path()).collect::<Vec<_>>(),
///     ["/", "/contacts/{id}", "/files/{rest:.*}"]
/// );
/// ```
pub fn generate_route_list<IV>(app_fn: impl Fn() -> IV + 'static) -> Vec<ActixRouteListing>
where
    IV: IntoView + 'static,
{
    let collected = leptos_router::route_list::RouteList::generate(move || {
        // What a request's render would have, so that components that set the response
        // render while the routes are collected.
        provide_context(ResponseOptions::default());
        app_fn()
    });
    let Some(list) = collected else {
        return vec![ActixRouteListing::new("/")];
    };
    list.paths(|segments| vec![actix_path(segments)])
        .into_iter()
        .map(ActixRouteListing::new)
        .collect()
}

/// A route's path in actix-web's syntax; a wildcard matches the rest, empty included.
fn actix_path(segments: &[PathSegment]) -> String {
    let mut path = String::new();
    for segment in segments {
        match segment {
            PathSegment::Static(text) => {
                path.push('/');
                path.push_str(text);
            }
            PathSegment::Param(name) | PathSegment::OptionalParam(name) => {
                path.push_str(&format!("/{{{name}}}"));
            }
            PathSegment::Splat(name) => path.push_str(&format!("/{{{name}:.*}}")),
        }
    }
    if path.is_empty() {
        path.push('/');
    }
    path
}

/// What the router reads about the request being rendered: its path and query, and how
/// to set the status or redirect (`302` + `Location`) through `response`.
fn request_context(req: &HttpRequest, response: &ResponseOptions) -> RequestContext {
    let path_and_query = req
        .uri()
        .path_and_query()
        .map_or("/", |path_and_query| path_and_query.as_str());
    let (status, redirect) = (response.clone(), response.clone());
    RequestContext::new(path_and_query)
        .on_set_status(move |code| {
            if let Ok(code) = StatusCode::from_u16(code.as_u16()) {
                status.set_status(code);
            }
        })
        .on_redirect(move |location| match HeaderValue::from_str(location) {
            Ok(location) => {
                redirect.set_status(StatusCode::FOUND);
                redirect.insert_header(actix_web::http::header::LOCATION, location);
            }
            Err(_) => {
                eprintln!("a redirect to {location:?} was ignored: it is not a valid header value")
            }
        })
}

/// Adds server-rendered pages to an actix-web `App`, and every registered server function
/// at its own path (with the same additional context; when `leptos_routes` is called more
/// than once, the first call's routes answer the functions, as actix-web serves the first
/// route that matches).
///
/// `app_fn` renders either the whole document (a shell starting with `<!DOCTYPE html>`,
/// with `<HydrationScripts/>` in its head) or just the app, which is then wrapped in a
/// document that loads the bundle named in the [`LeptosOptions`]. The options are read from
/// the app's data: add `.app_data(web::Data::new(leptos_options))`.
///
/// ```
/// use actix_web::{web, App};
/// use leptos::config::LeptosOptions;
/// use leptos::prelude::*;
/// use leptos_actix::{generate_route_list, LeptosRoutes};
///
/// #[component]
/// fn Home() -> impl IntoView {
///     view! { <h1>"Todos"</h1> }
/// }
///
/// let options = LeptosOptions::default();
/// let app = App::new()
///     .leptos_routes(generate_route_list(Home), Home)
///     .app_data(web::Data::new(options));
/// ```
pub trait LeptosRoutes {
    /// Renders `app_fn` at each of `paths`.
    fn leptos_routes<IV>(
        self,
        paths: Vec<ActixRouteListing>,
        app_fn: impl Fn() -> IV + Clone + 'static,
    ) -> Self
    where
        IV: IntoView + 'static;

    /// Renders `app_fn` at each of `paths`, with `additional_context` run first in each
    /// render's and each server function call's owner (to provide a database pool, the
    /// app's state, ...).
    fn leptos_routes_with_context<IV>(
        self,
        paths: Vec<ActixRouteListing>,
        additional_context: impl Fn() + Clone + 'static,
        app_fn: impl Fn() -> IV + Clone + 'static,
    ) -> Self
    where
        IV: IntoView + 'static;
}

impl<T, B> LeptosRoutes for App<T>
where
    T: ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<B>,
        Error = actix_web::Error,
        InitError = (),
    >,
    B: MessageBody,
{
    fn leptos_routes<IV>(
        self,
        paths: Vec<ActixRouteListing>,
        app_fn: impl Fn() -> IV + Clone + 'static,
    ) -> Self
    where
        IV: IntoView + 'static,
    {
        self.leptos_routes_with_context(paths, || {}, app_fn)
    }

    fn leptos_routes_with_context<IV>(
        self,
        paths: Vec<ActixRouteListing>,
        additional_context: impl Fn() + Clone + 'static,
        app_fn: impl Fn() -> IV + Clone + 'static,
    ) -> Self
    where
        IV: IntoView + 'static,
    {
        let context: AdditionalContext = Rc::new(additional_context);
        let server_fns = ServerFnHandler::new().with_shared_context(Some(context.clone()));
        let mut app = self.configure(|config| server_fns.configure(config));
        for listing in paths {
            app = app.route(listing.path(), page_route(context.clone(), app_fn.clone()));
        }
        app
    }
}

/// The GET route that renders `app_fn`.
fn page_route<IV>(context: AdditionalContext, app_fn: impl Fn() -> IV + Clone + 'static) -> Route
where
    IV: IntoView + 'static,
{
    web::get().to(move |req: HttpRequest| {
        let context = context.clone();
        let app_fn = app_fn.clone();
        async move { render_page(req, Some(context), StatusCode::OK, app_fn).await }
    })
}

/// The message of the 500 answered when the app's data has no [`LeptosOptions`].
const NO_OPTIONS: &str = "the app has no LeptosOptions: add \
    `.app_data(actix_web::web::Data::new(leptos_options))` to the actix-web App";

/// Renders `app_fn` for `req` in a request owner (with the request, its parts, a
/// [`ResponseOptions`], the [`LeptosOptions`] and `context`), waiting for the resources under
/// its `<Suspense/>`s ([`leptos::ssr::render_to_string_async_with_context`]), and answers the page with
/// what the render set on the response options. A panic while rendering answers a 500 page.
pub(crate) async fn render_page<IV>(
    req: HttpRequest,
    context: Option<AdditionalContext>,
    status: StatusCode,
    app_fn: impl Fn() -> IV + 'static,
) -> HttpResponse
where
    IV: IntoView + 'static,
{
    let Some(options) = req.app_data::<web::Data<LeptosOptions>>() else {
        return html_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            leptos::ssr::error_page(NO_OPTIONS),
        );
    };
    let options = options.get_ref().clone();
    let parts = parts_from(&req);
    let response_options = ResponseOptions::default();
    let request = request_context(&req, &response_options);
    let provide = {
        let response_options = response_options.clone();
        let options = options.clone();
        move || {
            provide_request_context(
                &req,
                parts,
                &response_options,
                [ContextValue::new(options), ContextValue::new(request)],
            );
            if let Some(context) = &context {
                context();
            }
        }
    };
    let rendered = AssertUnwindSafe(leptos::ssr::render_to_string_async_with_context(
        provide,
        move || untrack(&app_fn),
    ))
    .catch_unwind()
    .await;
    let Ok(html) = rendered else {
        return html_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            leptos::ssr::error_page("the page panicked while rendering"),
        );
    };
    let mut response = html_response(status, leptos::ssr::page(html, &options));
    response_options.apply_to_actix(&mut response);
    response
}

fn html_response(status: StatusCode, html: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(html)
}

/// A default service for the app: serves the files under the site root (the bundle in
/// `pkg/`, stylesheets, images) and renders `shell` with a 404 status for anything else.
/// The site root is the `LeptosOptions` in the app's data.
///
/// ```
/// use actix_web::{web, App};
/// use leptos::config::LeptosOptions;
/// use leptos::prelude::*;
/// use leptos_actix::file_and_error_handler;
///
/// fn shell(options: LeptosOptions) -> impl IntoView {
///     let _ = options;
///     view! { <p>"Not found"</p> }
/// }
///
/// let app = App::new()
///     .app_data(web::Data::new(LeptosOptions::default()))
///     .default_service(file_and_error_handler(shell));
/// ```
pub fn file_and_error_handler<IV>(shell: fn(LeptosOptions) -> IV) -> Route
where
    IV: IntoView + 'static,
{
    web::to(move |req: HttpRequest| async move {
        let options = req.app_data::<web::Data<LeptosOptions>>().cloned();
        if let Some(file) = options.and_then(|o| site_file(Path::new(&*o.site_root), &req)) {
            if let Ok(file) = NamedFile::open(file) {
                return file.into_response(&req);
            }
        }
        let shell_options = req
            .app_data::<web::Data<LeptosOptions>>()
            .map(|o| o.get_ref().clone())
            .unwrap_or_default();
        render_page(req, None, StatusCode::NOT_FOUND, move || {
            shell(shell_options.clone())
        })
        .await
    })
}

/// The file under `root` that a GET of `req`'s path names, if it is one: the path is
/// decoded and refused if it climbs out of `root` or names a hidden file.
fn site_file(root: &Path, req: &HttpRequest) -> Option<PathBuf> {
    if req.method() != actix_web::http::Method::GET && req.method() != actix_web::http::Method::HEAD
    {
        return None;
    }
    let path = PathBufWrap::parse_req_path(req, false).ok()?;
    let file = root.join(path.as_ref());
    file.is_file().then_some(file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    #[test]
    fn site_files_stay_under_the_root() {
        let root = std::env::temp_dir().join(format!("leptos-actix-files-{}", std::process::id()));
        std::fs::create_dir_all(root.join("pkg")).unwrap();
        std::fs::write(root.join("pkg/app.js"), "1").unwrap();
        let get = |path: &str| TestRequest::get().uri(path).to_http_request();
        assert_eq!(
            site_file(&root, &get("/pkg/app.js")),
            Some(root.join("pkg/app.js"))
        );
        assert_eq!(site_file(&root, &get("/pkg/../../etc/passwd")), None);
        assert_eq!(
            site_file(&root, &get("/pkg/%2e%2e/%2e%2e/etc/passwd")),
            None
        );
        assert_eq!(site_file(&root, &get("/pkg")), None, "a directory");
        assert_eq!(site_file(&root, &get("/pkg/missing.js")), None);
        let post = TestRequest::post().uri("/pkg/app.js").to_http_request();
        assert_eq!(site_file(&root, &post), None);
        std::fs::remove_dir_all(root).ok();
    }
}
