//! The shared suite of server-function behaviour (`integrations/conformance`), run against
//! `leptos_actix` through a real actix-web `App` with `actix_web::test`. The same scenarios
//! run against `leptos_axum` in `integrations/axum/tests/conformance.rs`.

use std::rc::Rc;

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::test::{self, TestRequest};
use actix_web::web::Query;
use actix_web::App;
use bytes::Bytes;
use futures::future::LocalBoxFuture;
use integration_conformance::functions::{FooQuery, HookFuture};
use integration_conformance::{provide_suite_context, AppOptions, Hooks, Reply, Transport};
use leptos_actix::{ResponseOptions, ServerFnHandler};
use reactive_graph::expect_context;

/// The suite's hooks, written with `leptos_actix`'s API.
const HOOKS: Hooks = Hooks {
    tea_and_cookies,
    redirect: leptos_actix::redirect,
    method_and_query,
};

fn tea_and_cookies() {
    let response = expect_context::<ResponseOptions>();
    response.set_status(StatusCode::IM_A_TEAPOT);
    response.append_header(header::SET_COOKIE, HeaderValue::from_static("biscuits=yes"));
    response.append_header(
        header::SET_COOKIE,
        HeaderValue::from_static("tea=earl-grey"),
    );
}

fn method_and_query() -> HookFuture {
    Box::pin(async {
        let (method, Query(query)): (Method, Query<FooQuery>) = leptos_actix::extract().await?;
        Ok(format!("{method} foo={}", query.foo))
    })
}

/// The app under test, initialised with `actix_web::test::init_service`: every function
/// under `/api/` (the catch-all route, so that unknown paths reach the handler), with the
/// suite's context.
struct Actix {
    call: Rc<dyn Fn(TestRequest) -> LocalBoxFuture<'static, Reply>>,
}

impl Transport for Actix {
    async fn send(&self, req: http::Request<Bytes>) -> Reply {
        let (parts, body) = req.into_parts();
        let mut test_req = TestRequest::default()
            .method(Method::from_bytes(parts.method.as_str().as_bytes()).unwrap())
            .uri(&parts.uri.to_string());
        for (name, value) in &parts.headers {
            test_req = test_req.append_header((name.as_str(), value.as_bytes()));
        }
        (self.call)(test_req.set_payload(body)).await
    }
}

async fn app(options: AppOptions) -> Actix {
    let mut handler = ServerFnHandler::new().with_context(|| provide_suite_context(HOOKS));
    if let Some(limit) = options.body_limit {
        handler = handler.body_limit(limit);
    }
    let service =
        Rc::new(test::init_service(App::new().route("/api/{tail:.*}", handler.route())).await);
    Actix {
        call: Rc::new(move |req: TestRequest| {
            let service = service.clone();
            Box::pin(async move {
                let response = test::call_service(&*service, req.to_request()).await;
                let status = http::StatusCode::from_u16(response.status().as_u16()).unwrap();
                let mut headers = http::HeaderMap::new();
                for (name, value) in response.headers() {
                    headers.append(
                        http::HeaderName::from_bytes(name.as_str().as_bytes()).unwrap(),
                        http::HeaderValue::from_bytes(value.as_bytes()).unwrap(),
                    );
                }
                let body = test::read_body(response).await;
                Reply {
                    status,
                    headers,
                    body,
                }
            })
        }),
    }
}

integration_conformance::conformance_suite!(#[actix_web::test], app);
