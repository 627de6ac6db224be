//! An app with the router, served through a real actix-web `App`: every route is mounted
//! from `generate_route_list`, each renders its own page, an unknown URL the router's
//! fallback with a 404, and `<Redirect/>` a 302.

use actix_web::http::{header, StatusCode};
use actix_web::test::{self, TestRequest};
use actix_web::{web, App};
use leptos::config::LeptosOptions;
use leptos::prelude::*;
use leptos_actix::{file_and_error_handler, generate_route_list, LeptosRoutes};
use leptos_router::components::{Outlet, ParentRoute, Redirect, Route, Routes};
use leptos_router::hooks::use_params_map;
use leptos_router::path;

#[component]
fn Contacts() -> impl IntoView {
    view! { <h1>"Contacts"</h1><Outlet/> }
}

#[component]
fn Contact() -> impl IntoView {
    let params = use_params_map();
    view! { <h2>"Contact " {move || params.get().get("id")}</h2> }
}

#[component]
fn RoutedApp() -> impl IntoView {
    view! {
        <leptos_router::components::Router>
            <Routes fallback=|| view! { <h1>"No such page"</h1> }>
                <Route path=path!("/") view=|| view! { <h1>"Home"</h1> }/>
                <ParentRoute path=path!("/contacts") view=Contacts>
                    <Route path=path!("") view=|| view! { <p>"Pick one"</p> }/>
                    <Route path=path!(":id") view=Contact/>
                </ParentRoute>
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
            <body><RoutedApp/></body>
        </html>
    }
}

/// The status, the `Location` header and the page's text without hydration markers.
async fn get(path: &str) -> (StatusCode, Option<String>, String) {
    let options = LeptosOptions {
        output_name: "router".into(),
        site_root: "target/site".into(),
        ..Default::default()
    };
    let shell_options = options.clone();
    let app = test::init_service(
        App::new()
            .app_data(web::Data::new(options))
            .leptos_routes(generate_route_list(RoutedApp), move || {
                shell(shell_options.clone())
            })
            .default_service(file_and_error_handler(shell)),
    )
    .await;
    let response = test::call_service(&app, TestRequest::get().uri(path).to_request()).await;
    let status = response.status();
    let location = response
        .headers()
        .get(header::LOCATION)
        .map(|value| value.to_str().unwrap().to_owned());
    let body = test::read_body(response).await;
    let text = String::from_utf8(body.to_vec())
        .unwrap()
        .replace("<!--[-->", "")
        .replace("<!--]-->", "");
    (status, location, text)
}

#[test]
fn the_route_list_is_in_actix_syntax() {
    let paths: Vec<String> = generate_route_list(RoutedApp)
        .iter()
        .map(|route| route.path().to_owned())
        .collect();
    for expected in [
        "/",
        "/contacts",
        "/contacts/{id}",
        "/docs/{rest:.*}",
        "/old",
    ] {
        assert!(
            paths.iter().any(|p| p == expected),
            "{expected} in {paths:?}"
        );
    }
}

#[actix_web::test]
async fn every_route_renders_its_page() {
    let (status, _, text) = get("/contacts/7").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        text.contains("<h1>Contacts</h1><h2>Contact 7</h2>"),
        "{text}"
    );
    let (status, _, text) = get("/docs/a/b").await;
    assert_eq!(status, StatusCode::OK);
    assert!(text.contains("<h1>Docs</h1>"), "{text}");
}

#[actix_web::test]
async fn an_unknown_url_is_the_fallback_with_404_and_a_redirect_is_302() {
    let (status, _, text) = get("/nowhere").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(text.contains("<h1>No such page</h1>"), "{text}");
    let (status, location, _) = get("/old").await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(location.as_deref(), Some("/contacts"));
}
