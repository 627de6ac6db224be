//! Server functions declared with `#[get]`, `#[post]`, ... through the axum router: each is
//! served at exactly its path pattern and method, with path, query and body arguments and
//! server-only extractors; the client side builds the same requests.

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::routing::any;
use axum::Router;
use http_body_util::BodyExt;
use leptos_axum::{handle_server_fns, ServerFnHandler};
use reactive_graph::provide_context;
use serde::{Deserialize, Serialize};
use server_fn::axum::State;
use server_fn::client::{build_request, decode_response};
use server_fn::{delete, get, patch, post, put, HttpError, OrHttpError, ServerFnError};
use tower::ServiceExt;

/// A user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct User {
    /// Its id.
    pub id: u32,
    /// Its name.
    pub name: String,
}

/// The fields of a new user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewUser {
    /// The name.
    pub name: String,
}

/// The application state the extractor test reads.
#[derive(Clone, Debug)]
pub struct AppState {
    /// A greeting.
    pub greeting: String,
}

fn users() -> Vec<User> {
    ["ada", "grace", "edsger"]
        .iter()
        .zip(1..)
        .map(|(name, id)| User {
            id,
            name: name.to_string(),
        })
        .collect()
}

/// One user, by path parameter.
#[get("/api/users/{id}")]
pub async fn get_user(id: u32) -> Result<User, HttpError> {
    users()
        .into_iter()
        .find(|user| user.id == id)
        .or_not_found("no such user")
}

/// A page of users, by optional query parameters.
#[get("/api/users?page&limit")]
pub async fn list_users(page: Option<usize>, limit: Option<usize>) -> Result<Vec<User>, HttpError> {
    let limit = limit.unwrap_or(2);
    let start = page.unwrap_or(0) * limit;
    Ok(users().into_iter().skip(start).take(limit).collect())
}

/// Creates a user from a JSON body; the `x-request-id` header comes from an extractor.
#[post("/api/users", headers: HeaderMap)]
pub async fn create_user(user: NewUser) -> Result<(User, String), HttpError> {
    let request_id = headers
        .get("x-request-id")
        .and_then(|value| value.to_str().ok())
        .or_bad_request("send an x-request-id header")?;
    Ok((
        User {
            id: 4,
            name: user.name,
        },
        request_id.to_owned(),
    ))
}

/// Renames a user: path parameter, query parameter and body together.
#[put("/api/users/{id}/name?notify", state: State<AppState>)]
pub async fn rename_user(
    id: u32,
    notify: Option<bool>,
    name: String,
) -> Result<String, ServerFnError> {
    Ok(format!(
        "{} {id} -> {name} (notify: {notify:?})",
        state.greeting
    ))
}

/// Deletes a user; shares its path with `get_user`.
#[delete("/api/users/{id}")]
pub async fn delete_user(id: u32) -> Result<u32, HttpError> {
    Ok(id)
}

/// A patch on a path with two parameters, one of them text.
#[patch("/api/files/{owner}/{name}")]
pub async fn touch_file(owner: u32, name: String, size: u64) -> Result<String, HttpError> {
    Ok(format!("{owner}/{name}: {size}"))
}

/// Appends `a` to the response's `x-trace` header.
async fn trace_a(mut response: axum::response::Response) -> axum::response::Response {
    response
        .headers_mut()
        .append("x-trace", http::HeaderValue::from_static("a"));
    response
}

/// Appends `b` to the response's `x-trace` header.
async fn trace_b(mut response: axum::response::Response) -> axum::response::Response {
    response
        .headers_mut()
        .append("x-trace", http::HeaderValue::from_static("b"));
    response
}

/// A GET wrapped in two layers.
#[get("/api/traced")]
#[middleware(axum::middleware::map_response(trace_a))]
#[middleware(axum::middleware::map_response(trace_b))]
pub async fn traced() -> Result<u8, HttpError> {
    Ok(1)
}

/// A DELETE at the same path, without layers.
#[delete("/api/traced")]
pub async fn untraced() -> Result<u8, HttpError> {
    Ok(2)
}

async fn send(router: Router, req: Request<Body>) -> http::Response<bytes::Bytes> {
    let response = router.oneshot(req).await.unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    http::Response::from_parts(parts, bytes)
}

fn state() -> impl Fn() + Send + Sync + 'static {
    || {
        provide_context(AppState {
            greeting: "hello".into(),
        })
    }
}

/// The router that mounts every function at its own path.
fn mounted() -> Router {
    ServerFnHandler::new().with_context(state()).router()
}

/// The catch-all route of `handle_server_fns`.
fn catch_all() -> Router {
    Router::new().route("/api/{*fn_name}", any(handle_server_fns))
}

/// What the client sends for `args`, as an axum request.
fn client_request<F>(args: F) -> Request<Body>
where
    F: server_fn::ServerFn + server_fn::codec::IntoReq<F::InputEncoding>,
{
    build_request(args).unwrap().map(Body::from)
}

#[tokio::test]
async fn a_path_parameter_selects_the_user() {
    for router in [mounted(), catch_all()] {
        let req = Request::get("/api/users/2").body(Body::empty()).unwrap();
        let response = send(router.clone(), req).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(decode_response::<GetUser>(response), Ok(users()[1].clone()));
        let req = Request::get("/api/users/9").body(Body::empty()).unwrap();
        let response = send(router, req).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn a_bad_path_parameter_answers_400_naming_it() {
    let req = Request::get("/api/users/two").body(Body::empty()).unwrap();
    let response = send(mounted(), req).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let error = decode_response::<GetUser>(response).unwrap_err();
    assert!(error.message().contains("path field `id`"), "{error}");
}

#[tokio::test]
async fn query_parameters_are_optional() {
    let req = Request::get("/api/users?page=1&limit=1")
        .body(Body::empty())
        .unwrap();
    let response = send(mounted(), req).await;
    assert_eq!(
        decode_response::<ListUsers>(response),
        Ok(vec![users()[1].clone()])
    );
    let req = Request::get("/api/users").body(Body::empty()).unwrap();
    let response = send(mounted(), req).await;
    assert_eq!(
        decode_response::<ListUsers>(response).unwrap().len(),
        2,
        "default limit"
    );
}

#[tokio::test]
async fn the_client_builds_the_url_from_the_pattern_and_query() {
    let req = build_request(ListUsers {
        page: Some(0),
        limit: None,
    })
    .unwrap();
    assert_eq!(req.method(), Method::GET);
    assert_eq!(req.uri(), "/api/users?page=0");

    let req = build_request(TouchFile {
        owner: 3,
        name: "my notes/v2.txt".into(),
        size: 10,
    })
    .unwrap();
    assert_eq!(req.method(), Method::PATCH);
    assert_eq!(req.uri(), "/api/files/3/my%20notes%2Fv2.txt");
    assert_eq!(req.body().as_ref(), br#"{"size":10}"#);
    let response = send(mounted(), req.map(Body::from)).await;
    assert_eq!(
        decode_response::<TouchFile>(response),
        Ok("3/my notes/v2.txt: 10".into())
    );
}

#[tokio::test]
async fn a_post_reads_its_json_body_and_binds_the_extractor() {
    let args = CreateUser {
        user: NewUser {
            name: "barbara".into(),
        },
    };
    let mut req = client_request(args.clone());
    assert_eq!(req.uri(), "/api/users");
    req.headers_mut()
        .insert("x-request-id", "r-17".parse().unwrap());
    let response = send(mounted(), req).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        decode_response::<CreateUser>(response),
        Ok((
            User {
                id: 4,
                name: "barbara".into()
            },
            "r-17".into()
        ))
    );

    // Without the header the body's own check answers 400.
    let response = send(mounted(), client_request(args)).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    // A body without the argument names it.
    let req = Request::post("/api/users")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"usr":{"name":"x"}}"#))
        .unwrap();
    let response = send(mounted(), req).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let error = decode_response::<CreateUser>(response).unwrap_err();
    assert!(
        error.message().contains("missing argument `user`"),
        "{error}"
    );
}

#[tokio::test]
async fn path_query_body_and_state_together() {
    let req = client_request(RenameUser {
        id: 3,
        notify: Some(true),
        name: "dijkstra".into(),
    });
    assert_eq!(req.method(), Method::PUT);
    assert_eq!(req.uri(), "/api/users/3/name?notify=true");
    let response = send(mounted(), req).await;
    assert_eq!(
        decode_response::<RenameUser>(response),
        Ok("hello 3 -> dijkstra (notify: Some(true))".into())
    );
}

#[tokio::test]
async fn missing_state_is_a_500_saying_what_to_provide() {
    let req = client_request(RenameUser {
        id: 3,
        notify: None,
        name: "x".into(),
    });
    let response = send(catch_all(), req).await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let error = decode_response::<RenameUser>(response).unwrap_err();
    assert!(error.to_string().contains("AppState"), "{error}");
}

#[tokio::test]
async fn two_methods_share_a_path_and_others_answer_405() {
    for router in [mounted(), catch_all()] {
        let req = Request::delete("/api/users/3").body(Body::empty()).unwrap();
        let response = send(router.clone(), req).await;
        assert_eq!(decode_response::<DeleteUser>(response), Ok(3));

        let req = Request::post("/api/users/3").body(Body::empty()).unwrap();
        let response = send(router, req).await;
        assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(response.headers()[header::ALLOW], "DELETE, GET");
    }
}

#[tokio::test]
async fn every_route_is_registered_with_its_pattern_and_method() {
    let registry = server_fn::registry::server_fns();
    let expected = [
        ("/api/users/{id}", Method::GET),
        ("/api/users", Method::GET),
        ("/api/users", Method::POST),
        ("/api/users/{id}/name", Method::PUT),
        ("/api/users/{id}", Method::DELETE),
        ("/api/files/{owner}/{name}", Method::PATCH),
        ("/api/traced", Method::GET),
    ];
    for (path, method) in expected {
        assert!(
            registry
                .iter()
                .any(|entry| entry.path() == path && *entry.method() == method),
            "{method} {path} is not registered"
        );
    }
    let layers = |method: Method| {
        registry
            .iter()
            .find(|entry| entry.path() == "/api/traced" && *entry.method() == method)
            .map(|entry| entry.layers().len())
    };
    assert_eq!(layers(Method::GET), Some(2));
    assert_eq!(layers(Method::DELETE), Some(0));
}

fn trace(response: &http::Response<bytes::Bytes>) -> Vec<&str> {
    response
        .headers()
        .get_all("x-trace")
        .iter()
        .map(|value| value.to_str().unwrap())
        .collect()
}

#[tokio::test]
async fn middleware_wraps_its_own_function_first_listed_outermost() {
    let req = Request::get("/api/traced").body(Body::empty()).unwrap();
    let response = send(mounted(), req).await;
    // `b` is inner, so it sees the response first.
    assert_eq!(trace(&response), ["b", "a"]);
    assert_eq!(decode_response::<Traced>(response), Ok(1));

    let req = Request::delete("/api/traced").body(Body::empty()).unwrap();
    let response = send(mounted(), req).await;
    assert!(trace(&response).is_empty());
    assert_eq!(decode_response::<Untraced>(response), Ok(2));

    let req = Request::put("/api/traced").body(Body::empty()).unwrap();
    let response = send(mounted(), req).await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(response.headers()[header::ALLOW], "DELETE, GET");
}
