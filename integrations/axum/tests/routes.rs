//! Server-rendered pages through a real axum router: `LeptosRoutes`, response options and
//! redirects during rendering, the document around an app, and the file/404 fallback.

use axum::body::Body;
use axum::extract::FromRef;
use axum::http::{header, Request, StatusCode};
use axum::response::Response;
use axum::Router;
use http_body_util::BodyExt;
use leptos::config::LeptosOptions;
use leptos::prelude::*;
use leptos_axum::{
    file_and_error_handler, generate_route_list, redirect, LeptosRoutes, ResponseOptions,
};
use tower::ServiceExt;

#[derive(Clone, Debug)]
struct Pool(&'static str);

#[derive(FromRef, Clone, Debug)]
struct AppState {
    leptos_options: LeptosOptions,
    pool: Pool,
}

#[component]
fn App() -> impl IntoView {
    let pool = expect_context::<Pool>();
    let (title, _) = signal("<Todos>");
    view! { <h1>{title}</h1><p>{pool.0}</p> }
}

#[component]
fn Slow() -> impl IntoView {
    let pool = expect_context::<Pool>();
    let rows = Resource::new(
        || (),
        move |_| async move {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            vec![format!("{} row", pool.0)]
        },
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading..."</p> }>
            <ul>{move || rows.get().map(|rows| rows.into_iter().map(|r| view! { <li>{r}</li> }).collect::<Vec<_>>())}</ul>
        </Suspense>
    }
}

fn slow_shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head><HydrationScripts options/></head>
            <body><Slow/></body>
        </html>
    }
}

#[component]
fn Gone() -> impl IntoView {
    expect_context::<ResponseOptions>().set_status(StatusCode::GONE);
    view! { <p>"gone"</p> }
}

#[component]
fn Elsewhere() -> impl IntoView {
    redirect("/login");
    view! { <p>"moved"</p> }
}

fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head><HydrationScripts options/></head>
            <body><p>"Not here"</p></body>
        </html>
    }
}

fn options(site_root: &str) -> LeptosOptions {
    LeptosOptions {
        output_name: "todo".into(),
        site_root: site_root.into(),
        ..Default::default()
    }
}

async fn get(app: Router, path: &str) -> (StatusCode, http::HeaderMap, String) {
    let request = Request::get(path)
        .header(header::ACCEPT, "text/html")
        .body(Body::empty())
        .unwrap();
    let response: Response = app.oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8(bytes.to_vec()).unwrap())
}

#[tokio::test]
async fn pages_render_in_a_document_with_the_apps_context() {
    let state = AppState {
        leptos_options: options("target/site"),
        pool: Pool("sqlite"),
    };
    let pool = state.pool.clone();
    let app = Router::new()
        .leptos_routes_with_context(
            &state,
            generate_route_list(App),
            move || provide_context(pool.clone()),
            App,
        )
        .with_state(state);
    let (status, headers, body) = get(app, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "text/html; charset=utf-8");
    assert!(body.starts_with("<!DOCTYPE html>"), "{body}");
    assert!(
        body.contains("import init, { hydrate } from '/pkg/todo.js'"),
        "{body}"
    );
    let app = body
        .split_once("<body><!--[-->")
        .and_then(|(_, rest)| rest.strip_suffix("<!--]--></body></html>"))
        .unwrap_or_else(|| panic!("the app is not bracketed in <body>: {body}"));
    let text = app.replace("<!--[-->", "").replace("<!--]-->", "");
    assert_eq!(text, "<h1>&lt;Todos&gt;</h1><p>sqlite</p>");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_wait_for_their_resources_and_carry_the_data() {
    let state = AppState {
        leptos_options: options("target/site"),
        pool: Pool("sqlite"),
    };
    let pool = state.pool.clone();
    let options = state.leptos_options.clone();
    let app = Router::new()
        .leptos_routes_with_context(
            &state,
            generate_route_list(Slow),
            move || provide_context(pool.clone()),
            move || slow_shell(options.clone()),
        )
        .with_state(state);
    let (status, _, body) = get(app, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!body.contains("Loading..."), "{body}");
    let text = body.replace("<!--[-->", "").replace("<!--]-->", "");
    assert!(text.contains("<ul><li>sqlite row</li></ul>"), "{body}");
    assert!(
        body.ends_with(r#"<script type="application/json" id="__RESOURCES">{"0":["sqlite row"]}</script></body></html>"#),
        "the data goes inside <body>: {body}"
    );
}

#[tokio::test]
async fn components_set_the_status_and_redirect() {
    let options = options("target/site");
    let gone = Router::new()
        .leptos_routes(&options, generate_route_list(Gone), Gone)
        .with_state(options.clone());
    let (status, _, body) = get(gone, "/").await;
    assert_eq!(status, StatusCode::GONE);
    assert!(body.contains("<p>gone</p>"));

    let moved = Router::new()
        .leptos_routes(&options, generate_route_list(Elsewhere), Elsewhere)
        .with_state(options);
    let (status, headers, _) = get(moved, "/").await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(headers[header::LOCATION], "/login");
}

#[component]
fn Broken() -> impl IntoView {
    let rows: Vec<&str> = Vec::new();
    // A bug in the app: indexing an empty list.
    let first = rows[0];
    view! { <p>{first}</p> }
}

/// Panics once its data has loaded: in the second render pass, after an await.
#[component]
fn BrokenAfterLoading() -> impl IntoView {
    let value = Resource::new(|| (), |_| async { 1 });
    view! {
        <Suspense>
            {move || value.get().map(|_| -> View { panic!("the page panics once loaded") })}
        </Suspense>
    }
}

/// Mounts `page` at `path` beside `Gone` at `/` (one `leptos_routes` call: it mounts the
/// server functions too, which a second call would mount again), and checks that requesting
/// `path` is a 500 page saying the render panicked, and that the next request is served.
async fn assert_panicking_page_is_a_500<IV: IntoView + 'static>(path: &str, page: fn() -> IV) {
    let options = options("target/site");
    let listings = vec![
        leptos_axum::AxumRouteListing::new(path),
        leptos_axum::AxumRouteListing::new("/"),
    ];
    let app = Router::new()
        .leptos_routes(&options, listings, move || {
            let at_root = expect_context::<leptos::server_context::RequestContext>().path() == "/";
            if at_root {
                Either::Left(Gone())
            } else {
                Either::Right(page())
            }
        })
        .with_state(options);
    let (status, _, body) = get(app.clone(), path).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(body.contains("the page panicked while rendering"), "{body}");
    let (status, _, _) = get(app, "/").await;
    assert_eq!(status, StatusCode::GONE);
}

#[tokio::test]
async fn a_page_panicking_after_its_data_loaded_is_a_500_and_the_next_request_works() {
    assert_panicking_page_is_a_500("/later", BrokenAfterLoading).await;
}

#[tokio::test]
async fn a_panicking_page_is_a_500_and_the_next_request_works() {
    assert_panicking_page_is_a_500("/broken", Broken).await;
}

#[tokio::test]
async fn files_are_served_and_anything_else_is_a_404_page() {
    let root = std::env::temp_dir().join(format!("leptos-axum-routes-{}", std::process::id()));
    std::fs::create_dir_all(root.join("pkg")).unwrap();
    std::fs::write(root.join("pkg/todo.js"), "export default 1;").unwrap();
    let options = options(root.to_str().unwrap());
    let app = || {
        Router::new()
            .fallback(file_and_error_handler(shell))
            .with_state(options.clone())
    };
    let (status, _, body) = get(app(), "/pkg/todo.js").await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::OK, "export default 1;")
    );
    let (status, _, body) = get(app(), "/no/such/page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.starts_with("<!DOCTYPE html>"), "{body}");
    assert!(body.contains("<p>Not here</p>"));
    std::fs::remove_dir_all(root).ok();
}

/// A server function that reads the router's state and the app's context.
#[server(endpoint = "routes_test_pool")]
async fn pool_name(suffix: String) -> Result<String, ServerFnError> {
    let state = expect_context::<AppState>();
    let pool = expect_context::<Pool>();
    Ok(format!("{}/{}/{suffix}", state.pool.0, pool.0))
}

async fn post_form(app: Router, path: &str, body: &'static str) -> (StatusCode, String) {
    let request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .body(Body::from(body))
        .unwrap();
    let response: Response = app.oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(bytes.to_vec()).unwrap())
}

#[tokio::test]
async fn leptos_routes_mounts_the_server_functions_with_the_state_as_context() {
    let state = AppState {
        leptos_options: options("target/site"),
        pool: Pool("sqlite"),
    };
    let app = Router::new()
        .leptos_routes_with_context(
            &state,
            generate_route_list(App),
            || provide_context(Pool("from context")),
            App,
        )
        .with_state(state);
    // No `/api/{*fn_name}` route: `leptos_routes` mounted the function at its path.
    let (status, body) = post_form(app.clone(), "/api/routes_test_pool", "suffix=x").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body, r#""sqlite/from context/x""#);
    // A method the function does not take is a 405 naming the one it does.
    let (status, _, body) = get(app.clone(), "/api/routes_test_pool").await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{body}");
    assert!(body.contains("POST"), "{body}");
    // Malformed arguments are a 400 with a message.
    let (status, body) = post_form(app.clone(), "/api/routes_test_pool", "nothing=1").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(body.contains("suffix"), "{body}");
    // The pages are still there.
    let (status, _, body) = get(app, "/").await;
    assert_eq!(status, StatusCode::OK, "{body}");
}
