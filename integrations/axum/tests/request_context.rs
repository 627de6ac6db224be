//! Server functions reading the request and shaping the response: `extract()`,
//! `ResponseOptions`, `redirect()`, additional context, and the redirects a form posted
//! without JavaScript gets. Driven through a real axum router with `oneshot`.

use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{header, Method, Request, StatusCode};
use axum::response::Response;
use axum::Router;
use http::HeaderValue;
use http_body_util::BodyExt;
use leptos_axum::{extract, extract_with_state, redirect, ResponseOptions, ServerFnHandler};
use reactive_graph::{expect_context, provide_context};
use serde::Deserialize;
use server_fn::{server, ServerFn, ServerFnError};
use tower::ServiceExt;

#[derive(Deserialize, Debug)]
struct MyQuery {
    foo: String,
}

/// Reads the method and query of its own request.
#[server(input = GetUrl)]
pub async fn method_and_query() -> Result<String, ServerFnError> {
    let (method, Query(query)): (Method, Query<MyQuery>) = extract().await?;
    Ok(format!("{method} foo={}", query.foo))
}

/// Sets a status and two cookies.
#[server]
pub async fn tea_and_cookies() -> Result<(), ServerFnError> {
    let response = expect_context::<ResponseOptions>();
    response.set_status(StatusCode::IM_A_TEAPOT);
    response.append_header(header::SET_COOKIE, HeaderValue::from_static("biscuits=yes"));
    response.append_header(
        header::SET_COOKIE,
        HeaderValue::from_static("tea=earl-grey"),
    );
    Ok(())
}

/// Redirects home after "logging in".
#[server]
pub async fn login(user: String) -> Result<String, ServerFnError> {
    redirect("/home");
    Ok(format!("welcome {user}"))
}

/// Saves nothing, successfully.
#[server]
pub async fn save(title: String) -> Result<usize, ServerFnError> {
    Ok(title.len())
}

/// Refuses every title.
#[server]
pub async fn refuse(title: String) -> Result<(), ServerFnError> {
    Err(ServerFnError::new(format!("`{title}` is not allowed")))
}

#[derive(Clone, Debug)]
struct Greeting(&'static str);

/// Reads the app's context and state.
#[server]
pub async fn greet() -> Result<String, ServerFnError> {
    let greeting = expect_context::<Greeting>();
    let State(Greeting(again)) = extract_with_state(&greeting).await?;
    Ok(format!("{} / {again}", greeting.0))
}

fn app() -> Router {
    ServerFnHandler::new()
        .with_context(|| provide_context(Greeting("hello")))
        .router()
}

async fn send(request: Request<Body>) -> Response {
    app().oneshot(request).await.unwrap()
}

async fn text(response: Response) -> String {
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn post(path: &str, body: &str, accept: &str) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, accept)
        .header(header::REFERER, "http://localhost:3000/todos?page=2")
        .body(Body::from(body.to_owned()))
        .unwrap()
}

const FETCH: &str = "application/json";
const BROWSER_FORM: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

#[tokio::test]
async fn extract_reads_the_request() {
    let uri = format!("{}?foo=bar", MethodAndQuery::PATH);
    let response = send(Request::get(uri).body(Body::empty()).unwrap()).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(text(response).await, r#""GET foo=bar""#);
}

#[tokio::test]
async fn a_failing_extractor_is_an_error_not_a_panic() {
    let response = send(
        Request::get(MethodAndQuery::PATH)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    // The rejection's own status and text.
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(text(response).await.contains("missing field `foo`"));
}

#[tokio::test]
async fn response_options_set_status_and_every_cookie() {
    let response = send(post(TeaAndCookies::PATH, "", FETCH)).await;
    assert_eq!(response.status(), StatusCode::IM_A_TEAPOT);
    let cookies: Vec<_> = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    assert_eq!(cookies, ["biscuits=yes", "tea=earl-grey"]);
}

#[tokio::test]
async fn redirect_from_fetch_names_the_target_in_a_header() {
    let response = send(post(Login::PATH, "user=ada", FETCH)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["serverfnredirect"], "/home");
    assert!(response.headers().get(header::LOCATION).is_none());
    assert_eq!(text(response).await, r#""welcome ada""#);
}

#[tokio::test]
async fn redirect_from_a_form_post_is_a_302() {
    let response = send(post(Login::PATH, "user=ada", BROWSER_FORM)).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(response.headers()[header::LOCATION], "/home");
    assert!(response.headers().get(header::CONTENT_TYPE).is_none());
    assert_eq!(text(response).await, "");
}

#[tokio::test]
async fn a_form_post_without_redirect_goes_back_to_the_page() {
    let response = send(post(Save::PATH, "title=milk", BROWSER_FORM)).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        response.headers()[header::LOCATION],
        "http://localhost:3000/todos?page=2"
    );
    // The same call from fetch gets its value.
    let response = send(post(Save::PATH, "title=milk", FETCH)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(text(response).await, "4");
}

#[tokio::test]
async fn a_failed_form_post_goes_back_with_the_error() {
    let response = send(post(Refuse::PATH, "title=spam", BROWSER_FORM)).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()[header::LOCATION].to_str().unwrap();
    let (page, query) = location.split_once("?").unwrap();
    assert_eq!(page, "http://localhost:3000/todos");
    let params: Vec<(String, String)> = query
        .split('&')
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap();
            (
                urlencoding::decode(k).unwrap().into_owned(),
                urlencoding::decode(v).unwrap().into_owned(),
            )
        })
        .collect();
    assert_eq!(params[0], ("page".into(), "2".into()));
    assert_eq!(params[1], ("__path".into(), Refuse::PATH.into()));
    let error: ServerFnError = serde_json::from_str(&params[2].1).unwrap();
    assert_eq!(
        error,
        ServerFnError::ServerError("`spam` is not allowed".into())
    );
}

#[tokio::test]
async fn additional_context_reaches_the_function() {
    let response = send(post(Greet::PATH, "", FETCH)).await;
    assert_eq!(text(response).await, r#""hello / hello""#);
}
