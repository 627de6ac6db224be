//! The server half of Leptos 0.8's `start-axum` template, as a user would have it (without
//! `leptos_meta`, which is not one of our crates): it must compile against our crates as
//! written, serve its page, and answer its server function with no route of its own for it.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

// `pub` as the template writes it, though nothing outside this test uses it.
#[allow(unreachable_pub)]
mod app {
    use leptos::prelude::*;
    use leptos_router::{
        components::{Route, Router, Routes},
        StaticSegment,
    };

    pub fn shell(options: LeptosOptions) -> impl IntoView {
        view! {
            <!DOCTYPE html>
            <html lang="en">
                <head>
                    <meta charset="utf-8"/>
                    <meta name="viewport" content="width=device-width, initial-scale=1"/>
                    <AutoReload options=options.clone() />
                    <HydrationScripts options/>
                </head>
                <body>
                    <App/>
                </body>
            </html>
        }
    }

    #[component]
    pub fn App() -> impl IntoView {
        view! {
            <Router>
                <main>
                    <Routes fallback=|| "Page not found.".into_view()>
                        <Route path=StaticSegment("") view=HomePage/>
                    </Routes>
                </main>
            </Router>
        }
    }

    #[server]
    pub async fn add_one(n: i32) -> Result<i32, ServerFnError> {
        Ok(n + 1)
    }

    #[component]
    fn HomePage() -> impl IntoView {
        let count = RwSignal::new(0);
        let on_click = move |_| *count.write() += 1;
        view! {
            <h1>"Welcome to Leptos!"</h1>
            <button on:click=on_click>"Click Me: " {count}</button>
        }
    }
}

/// `main` of the template, up to `axum::serve`.
fn router() -> axum::Router {
    use app::*;
    use axum::Router;
    use leptos::logging::log;
    use leptos::prelude::*;
    use leptos_axum::{generate_route_list, LeptosRoutes};

    let conf = get_configuration(None).unwrap();
    let addr = conf.leptos_options.site_addr;
    let leptos_options = conf.leptos_options;
    let routes = generate_route_list(App);

    let app = Router::new()
        .leptos_routes(&leptos_options, routes, {
            let leptos_options = leptos_options.clone();
            move || shell(leptos_options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler(shell))
        .with_state(leptos_options);

    log!("listening on http://{}", &addr);
    app
}

async fn send(request: Request<Body>) -> (StatusCode, String) {
    let response = router().oneshot(request).await.unwrap();
    let status = response.status();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(body.to_vec()).unwrap())
}

#[tokio::test]
async fn the_start_axum_template_serves_its_page_and_its_server_function() {
    let (status, page) = send(Request::get("/").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("<h1>Welcome to Leptos!</h1>"), "{page}");
    assert!(page.contains("Click Me: "), "{page}");

    let call = Request::post(<app::AddOne as leptos::server_fn::ServerFn>::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("n=41"))
        .unwrap();
    let (status, body) = send(call).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body, "42");

    let (status, _) = send(Request::get("/nowhere").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
