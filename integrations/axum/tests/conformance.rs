//! The shared suite of server-function behaviour (`integrations/conformance`), run against
//! `leptos_axum` through a real axum router with `tower::ServiceExt::oneshot`. The same
//! scenarios run against `leptos_actix` in `integrations/actix/tests/conformance.rs`.

use axum::body::Body;
use axum::extract::{Query, Request};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::routing::any;
use axum::Router;
use bytes::Bytes;
use http_body_util::BodyExt;
use integration_conformance::functions::{FooQuery, HookFuture};
use integration_conformance::{provide_suite_context, AppOptions, Hooks, Reply, Transport};
use leptos_axum::{ResponseOptions, ServerFnHandler};
use reactive_graph::expect_context;
use tower::ServiceExt;

/// The suite's hooks, written with `leptos_axum`'s API.
const HOOKS: Hooks = Hooks {
    tea_and_cookies,
    redirect: leptos_axum::redirect,
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
        let (method, Query(query)): (Method, Query<FooQuery>) = leptos_axum::extract().await?;
        Ok(format!("{method} foo={}", query.foo))
    })
}

/// The app under test: every function under `/api/` (the catch-all route, so that unknown
/// paths reach the handler), with the suite's context.
struct Axum(Router);

impl Transport for Axum {
    async fn send(&self, req: http::Request<Bytes>) -> Reply {
        let response = self.0.clone().oneshot(req.map(Body::from)).await.unwrap();
        let (parts, body) = response.into_parts();
        Reply {
            status: parts.status,
            headers: parts.headers,
            body: body.collect().await.unwrap().to_bytes(),
        }
    }
}

async fn app(options: AppOptions) -> Axum {
    let mut handler = ServerFnHandler::new().with_context(|| provide_suite_context(HOOKS));
    if let Some(limit) = options.body_limit {
        handler = handler.body_limit(limit);
    }
    Axum(Router::new().route(
        "/api/{*fn_name}",
        any(move |req: Request| {
            let handler = handler.clone();
            async move { handler.handle(req).await }
        }),
    ))
}

integration_conformance::conformance_suite!(#[tokio::test], app);
