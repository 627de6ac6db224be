//! Server-rendered pages through a real actix-web `App` (`actix_web::test`): `LeptosRoutes`
//! with the app's context, response options and redirects during rendering, the document
//! around an app, a panicking page, the server functions `leptos_routes` mounts, and the
//! file/404 default service.

use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::test::{self, TestRequest};
use actix_web::{web, App};
use leptos::config::LeptosOptions;
use leptos::prelude::*;
use leptos_actix::{
    file_and_error_handler, generate_route_list, redirect, ActixRouteListing, LeptosRoutes,
    ResponseOptions,
};

#[derive(Clone, Debug)]
struct Pool(&'static str);

#[component]
fn Home() -> impl IntoView {
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
            actix_web::rt::time::sleep(std::time::Duration::from_millis(20)).await;
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
    let response = expect_context::<ResponseOptions>();
    response.set_status(StatusCode::GONE);
    response.append_header(header::SET_COOKIE, HeaderValue::from_static("seen=1"));
    view! { <p>"gone"</p> }
}

#[component]
fn Elsewhere() -> impl IntoView {
    redirect("/login");
    view! { <p>"moved"</p> }
}

#[component]
fn SharedElsewhere() -> impl IntoView {
    leptos::redirect("/shared-login");
    view! { <p>"moved"</p> }
}

#[component]
fn Broken() -> impl IntoView {
    let rows: Vec<&str> = Vec::new();
    // A bug in the app: indexing an empty list.
    let first = rows[0];
    view! { <p>{first}</p> }
}

/// Reads the actix-web request it renders for.
#[component]
fn WhoAsks() -> impl IntoView {
    let request = expect_context::<leptos_actix::Request>();
    let agent = request
        .headers()
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("nobody")
        .to_owned();
    view! { <p>{agent}</p> }
}

/// Reads the pool the app's context provides.
#[server]
pub async fn pool_name() -> Result<String, ServerFnError> {
    Ok(expect_context::<Pool>().0.to_owned())
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

/// Sends `req` to `app` and reads the answer.
async fn send(
    app: &impl Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
    req: TestRequest,
) -> (StatusCode, header::HeaderMap, String) {
    let response = test::call_service(app, req.to_request()).await;
    let status = response.status();
    let headers = response.headers().clone();
    let body = test::read_body(response).await;
    (status, headers, String::from_utf8(body.to_vec()).unwrap())
}

fn get(path: &str) -> TestRequest {
    TestRequest::get()
        .uri(path)
        .insert_header((header::ACCEPT, "text/html"))
}

#[actix_web::test]
async fn pages_render_in_a_document_with_the_apps_context() {
    let app = test::init_service(
        App::new()
            .leptos_routes_with_context(
                generate_route_list(Home),
                || provide_context(Pool("sqlite")),
                Home,
            )
            .app_data(web::Data::new(options("target/site"))),
    )
    .await;
    let (status, headers, body) = send(&app, get("/")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers.get(header::CONTENT_TYPE).unwrap(),
        "text/html; charset=utf-8"
    );
    assert!(body.starts_with("<!DOCTYPE html>"), "{body}");
    assert!(
        body.contains("import init, { hydrate } from '/pkg/todo.js'"),
        "{body}"
    );
    let page = body
        .split_once("<body><!--[-->")
        .and_then(|(_, rest)| rest.strip_suffix("<!--]--></body></html>"))
        .unwrap_or_else(|| panic!("the app is not bracketed in <body>: {body}"));
    let text = page.replace("<!--[-->", "").replace("<!--]-->", "");
    assert_eq!(text, "<h1>&lt;Todos&gt;</h1><p>sqlite</p>");
}

#[actix_web::test]
async fn pages_wait_for_their_resources_and_carry_the_data() {
    let options = options("target/site");
    let app = test::init_service(
        App::new()
            .leptos_routes_with_context(
                generate_route_list(Slow),
                || provide_context(Pool("sqlite")),
                {
                    let options = options.clone();
                    move || slow_shell(options.clone())
                },
            )
            .app_data(web::Data::new(options)),
    )
    .await;
    let (status, _, body) = send(&app, get("/")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!body.contains("Loading..."), "{body}");
    let text = body.replace("<!--[-->", "").replace("<!--]-->", "");
    assert!(text.contains("<ul><li>sqlite row</li></ul>"), "{body}");
    assert!(
        body.ends_with(r#"<script type="application/json" id="__RESOURCES">{"0":["sqlite row"]}</script></body></html>"#),
        "the data goes inside <body>: {body}"
    );
}

#[actix_web::test]
async fn components_set_the_status_and_cookies_and_redirect() {
    let app = test::init_service(
        App::new()
            .leptos_routes(vec![ActixRouteListing::new("/gone")], Gone)
            .leptos_routes(vec![ActixRouteListing::new("/elsewhere")], Elsewhere)
            .leptos_routes(vec![ActixRouteListing::new("/shared")], SharedElsewhere)
            .app_data(web::Data::new(options("target/site"))),
    )
    .await;
    let (status, headers, body) = send(&app, get("/gone")).await;
    assert_eq!(status, StatusCode::GONE);
    assert_eq!(headers.get(header::SET_COOKIE).unwrap(), "seen=1");
    assert!(body.contains("<p>gone</p>"), "{body}");

    let (status, headers, _) = send(&app, get("/elsewhere")).await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(headers.get(header::LOCATION).unwrap(), "/login");
    let (status, headers, _) = send(&app, get("/shared")).await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(headers.get(header::LOCATION).unwrap(), "/shared-login");
}

#[actix_web::test]
async fn a_page_reads_the_actix_request() {
    let app = test::init_service(
        App::new()
            .leptos_routes(generate_route_list(WhoAsks), WhoAsks)
            .app_data(web::Data::new(options("target/site"))),
    )
    .await;
    let req = get("/").insert_header((header::USER_AGENT, "curl/8"));
    let (_, _, body) = send(&app, req).await;
    let text = body.replace("<!--[-->", "").replace("<!--]-->", "");
    assert!(text.contains("<p>curl/8</p>"), "{body}");
}

#[actix_web::test]
async fn a_panicking_page_is_a_500_and_the_next_request_works() {
    let app = test::init_service(
        App::new()
            .leptos_routes(vec![ActixRouteListing::new("/broken")], Broken)
            .leptos_routes(generate_route_list(Gone), Gone)
            .app_data(web::Data::new(options("target/site"))),
    )
    .await;
    let (status, _, body) = send(&app, get("/broken")).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(body.contains("the page panicked while rendering"), "{body}");
    let (status, _, _) = send(&app, get("/")).await;
    assert_eq!(status, StatusCode::GONE);
}

#[actix_web::test]
async fn without_leptos_options_the_page_says_what_to_add() {
    let app = test::init_service(App::new().leptos_routes(generate_route_list(Gone), Gone)).await;
    let (status, _, body) = send(&app, get("/")).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(
        body.contains("add `.app_data(actix_web::web::Data::new(leptos_options))`"),
        "{body}"
    );
}

#[actix_web::test]
async fn leptos_routes_mounts_the_server_functions_with_the_context() {
    let app = test::init_service(
        App::new()
            .leptos_routes_with_context(
                generate_route_list(Home),
                || provide_context(Pool("sqlite")),
                Home,
            )
            .app_data(web::Data::new(options("target/site"))),
    )
    .await;
    let req = TestRequest::post()
        .uri(PoolName::PATH)
        .insert_header((header::CONTENT_TYPE, "application/x-www-form-urlencoded"));
    let (status, _, body) = send(&app, req).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, r#""sqlite""#));
    let (status, headers, _) = send(&app, TestRequest::get().uri(PoolName::PATH)).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(headers.get(header::ALLOW).unwrap(), "POST");
}

#[actix_web::test]
async fn files_are_served_and_anything_else_is_a_404_page() {
    let root = std::env::temp_dir().join(format!("leptos-actix-routes-{}", std::process::id()));
    std::fs::create_dir_all(root.join("pkg")).unwrap();
    std::fs::write(root.join("pkg/todo.js"), "export default 1;").unwrap();
    let app = test::init_service(
        App::new()
            .app_data(web::Data::new(options(root.to_str().unwrap())))
            .default_service(file_and_error_handler(shell)),
    )
    .await;
    let (status, headers, body) = send(&app, get("/pkg/todo.js")).await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::OK, "export default 1;")
    );
    assert!(
        headers
            .get(header::CONTENT_TYPE)
            .unwrap()
            .to_str()
            .unwrap()
            .contains("javascript"),
        "{headers:?}"
    );
    let (status, _, body) = send(&app, get("/no/such/page")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.starts_with("<!DOCTYPE html>"), "{body}");
    assert!(body.contains("<p>Not here</p>"));
    let (status, _, _) = send(&app, get("/pkg/../../etc/passwd")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    std::fs::remove_dir_all(root).ok();
}
