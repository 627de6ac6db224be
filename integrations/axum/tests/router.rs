//! An app with the router, served through a real axum router: every route is mounted from
//! `generate_route_list`, each renders its own page, an unknown URL the router's fallback
//! with a 404, and `<Redirect/>` a 302.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::response::Response;
use axum::Router;
use http_body_util::BodyExt;
use leptos::config::LeptosOptions;
use leptos::prelude::*;
use leptos_axum::{file_and_error_handler, generate_route_list, LeptosRoutes};
use leptos_router::components::{Outlet, ParentRoute, Redirect, Route, Routes, A};
use leptos_router::hooks::use_params_map;
use leptos_router::path;
use tower::ServiceExt;

#[component]
fn Contacts() -> impl IntoView {
    view! { <h1>"Contacts"</h1><A href="7">"Seven"</A><Outlet/> }
}

#[component]
fn Contact() -> impl IntoView {
    let params = use_params_map();
    view! { <h2>"Contact " {move || params.get().get("id")}</h2> }
}

#[component]
fn App() -> impl IntoView {
    view! {
        <leptos_router::components::Router>
            <Routes fallback=|| view! { <h1>"No such page"</h1> }>
                <Route path=path!("/") view=|| view! { <h1>"Home"</h1> }/>
                <ParentRoute path=path!("/contacts") view=Contacts>
                    <Route path=path!("") view=|| view! { <p>"Pick one"</p> }/>
                    <Route path=path!(":id") view=Contact/>
                </ParentRoute>
                <Route path=path!("/posts/:page?") view=|| view! { <h1>"Posts"</h1> }/>
                <Route path=path!("/docs/*rest") view=|| view! { <h1>"Docs"</h1> }/>
                <Route path=path!("/old") view=|| view! { <Redirect path="/contacts"/> }/>
            </Routes>
        </leptos_router::components::Router>
    }
}

fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head><HydrationScripts options/></head>
            <body><App/></body>
        </html>
    }
}

fn app() -> Router {
    let options = LeptosOptions {
        output_name: "router".into(),
        site_root: "target/site".into(),
        ..Default::default()
    };
    let shell_options = options.clone();
    Router::new()
        .leptos_routes(&options, generate_route_list(App), move || {
            shell(shell_options.clone())
        })
        .fallback(file_and_error_handler(shell))
        .with_state(options)
}

/// A GET as a client that does not say it wants HTML (curl).
async fn get(path: &str) -> (StatusCode, http::HeaderMap, String) {
    let request = Request::get(path).body(Body::empty()).unwrap();
    let response: Response = app().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body = String::from_utf8(bytes.to_vec()).unwrap();
    (
        status,
        headers,
        body.replace("<!--[-->", "").replace("<!--]-->", ""),
    )
}

#[test]
fn the_route_list_has_every_route_in_axum_syntax() {
    let paths: Vec<String> = generate_route_list(App)
        .iter()
        .map(|listing| listing.path().to_string())
        .collect();
    assert_eq!(
        paths,
        [
            "/",
            "/contacts",
            "/contacts/{id}",
            "/posts/{page}",
            "/posts",
            "/docs/{*rest}",
            "/docs",
            "/old",
        ]
    );
}

#[tokio::test]
async fn every_route_renders_its_page() {
    let (status, headers, body) = get("/").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "text/html; charset=utf-8");
    assert!(body.contains("<h1>Home</h1>"), "{body}");

    let (status, _, body) = get("/contacts").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<p>Pick one</p>"), "{body}");

    let (status, _, body) = get("/contacts/42?tab=x").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<h2>Contact 42</h2>"), "{body}");
    assert!(
        body.contains(r#"<a href="/contacts/7">Seven</a>"#),
        "{body}"
    );

    for path in [
        "/posts",
        "/posts/2",
        "/docs",
        "/docs/a/b",
        "/contacts/",
        "/contacts/42/",
        "/docs/",
    ] {
        let (status, _, _) = get(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
    }
}

#[tokio::test]
async fn an_unknown_url_is_the_fallback_with_404() {
    let (status, _, body) = get("/nothing/here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("<h1>No such page</h1>"), "{body}");
}

#[tokio::test]
async fn a_redirect_route_answers_302_even_without_an_accept_header() {
    let (status, headers, _) = get("/old").await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(headers[header::LOCATION], "/contacts");
}

#[component]
fn NoRouter() -> impl IntoView {
    view! { <p>"one page"</p> }
}

#[test]
fn an_app_without_a_router_has_one_page() {
    let paths: Vec<String> = generate_route_list(NoRouter)
        .iter()
        .map(|listing| listing.path().to_string())
        .collect();
    assert_eq!(paths, ["/"]);
}
