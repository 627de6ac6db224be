//! The behaviours every integration must have, one `async fn` each, over the app an
//! integration's test builds (`app(AppOptions) -> impl Transport`). Each panics (fails the
//! test) with what differed.

use std::future::Future;

use bytes::Bytes;
use http::{header, Method, Request, StatusCode};
use server_fn::client::decode_response;
use server_fn::handler::SERVER_FN_ERROR_HEADER;
use server_fn::{ServerFn, ServerFnError};

use crate::functions::*;
use crate::{AppOptions, Reply, Transport};

/// The `Accept` header of a `fetch` call.
pub const FETCH: &str = "application/json";
/// The `Accept` header of a browser posting a form without JavaScript.
pub const BROWSER_FORM: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
/// The page the suite's form posts come from.
pub const REFERER: &str = "http://localhost:3000/todos?page=2";

/// A form-encoded POST of `body` to `path`, as `fetch` sends it.
pub fn post_form(path: &str, body: &str) -> Request<Bytes> {
    post_accepting(path, body, FETCH)
}

/// A form-encoded POST of `body` to `path` asking for `accept`, from [`REFERER`].
pub fn post_accepting(path: &str, body: &str, accept: &str) -> Request<Bytes> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, accept)
        .header(header::REFERER, REFERER)
        .body(Bytes::from(body.to_owned()))
        .expect("a valid request")
}

/// A GET of `uri`.
pub fn get(uri: &str) -> Request<Bytes> {
    Request::get(uri)
        .body(Bytes::new())
        .expect("a valid request")
}

async fn default_app<T: Transport, F: Future<Output = T>>(app: impl Fn(AppOptions) -> F) -> T {
    app(AppOptions::default()).await
}

fn assert_reply(reply: &Reply, status: StatusCode, body: &str) {
    assert_eq!(
        (reply.status, reply.text().as_str()),
        (status, body),
        "headers: {:?}",
        reply.headers
    );
}

/// A PostUrl call answers its value.
pub async fn add_with_post_url<T: Transport, F: Future<Output = T>>(app: impl Fn(AppOptions) -> F) {
    let app = default_app(app).await;
    let reply = app.send(post_form(Add::PATH, "a=2&b=40")).await;
    assert_reply(&reply, StatusCode::OK, "42");
}

/// A GetUrl call answers its value.
pub async fn add_with_get_url<T: Transport, F: Future<Output = T>>(app: impl Fn(AppOptions) -> F) {
    let app = default_app(app).await;
    let reply = app.send(get(&format!("{}?a=2&b=40", AddGet::PATH))).await;
    assert_reply(&reply, StatusCode::OK, "42");
}

/// A Json call answers its value as JSON.
pub async fn add_with_json<T: Transport, F: Future<Output = T>>(app: impl Fn(AppOptions) -> F) {
    let app = default_app(app).await;
    let req = Request::post(AddJson::PATH)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Bytes::from_static(br#"{"a":2,"b":40}"#))
        .unwrap();
    let reply = app.send(req).await;
    assert_reply(&reply, StatusCode::OK, "42");
    assert_eq!(reply.headers[header::CONTENT_TYPE], "application/json");
}

/// A body that does not decode answers 400 with the field's name, as a `ServerFnError`.
pub async fn a_malformed_body_answers_400_naming_the_field<T: Transport, F: Future<Output = T>>(
    app: impl Fn(AppOptions) -> F,
) {
    let app = default_app(app).await;
    let reply = app.send(post_form(Add::PATH, "a=2&b=forty")).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(reply.text().contains("field `b`"), "{}", reply.text());
    let error: ServerFnError = serde_json::from_slice(&reply.body).unwrap();
    assert!(matches!(error, ServerFnError::Args(_)), "{error:?}");

    let reply = app.send(post_form(Add::PATH, "a=2")).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        serde_json::from_slice::<ServerFnError>(&reply.body).unwrap(),
        ServerFnError::MissingArg("b".into())
    );

    let req = Request::post(AddJson::PATH)
        .body(Bytes::from_static(br#"{"a":2,"b":"x"}"#))
        .unwrap();
    let reply = app.send(req).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(reply.text().contains("field `b`"), "{}", reply.text());
}

/// A query that does not decode answers 400 with the field's name.
pub async fn a_malformed_query_answers_400_naming_the_field<T: Transport, F: Future<Output = T>>(
    app: impl Fn(AppOptions) -> F,
) {
    let app = default_app(app).await;
    let reply = app.send(get(&format!("{}?a=x&b=1", AddGet::PATH))).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(reply.text().contains("field `a`"), "{}", reply.text());
}

/// A path no function is registered at answers 404, naming it.
pub async fn an_unknown_path_answers_404<T: Transport, F: Future<Output = T>>(
    app: impl Fn(AppOptions) -> F,
) {
    let app = default_app(app).await;
    let reply = app.send(post_form("/api/no_such_function", "")).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(
        reply
            .text()
            .contains("no server function at `/api/no_such_function`"),
        "{}",
        reply.text()
    );
}

/// The wrong method answers 405 with the allowed one in `Allow`.
pub async fn the_wrong_method_answers_405<T: Transport, F: Future<Output = T>>(
    app: impl Fn(AppOptions) -> F,
) {
    let app = default_app(app).await;
    let reply = app.send(get(Add::PATH)).await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(reply.headers[header::ALLOW], "POST");
    assert!(
        reply.text().contains("takes POST requests"),
        "{}",
        reply.text()
    );
    let reply = app.send(post_form(AddGet::PATH, "a=1&b=2")).await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(reply.headers[header::ALLOW], Method::GET.as_str());
}

/// A body over the default limit (2 MB) or a configured one answers 413; one within it
/// is served.
pub async fn a_body_over_the_limit_answers_413<T: Transport, F: Future<Output = T>>(
    app: impl Fn(AppOptions) -> F,
) {
    let default = app(AppOptions::default()).await;
    let big = format!("text={}", "x".repeat(3 * 1024 * 1024));
    let reply = default.send(post_form(EchoLen::PATH, &big)).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(reply.text().contains("2097152 bytes"), "{}", reply.text());
    let within = format!("text={}", "x".repeat(1024 * 1024));
    let reply = default.send(post_form(EchoLen::PATH, &within)).await;
    assert_reply(&reply, StatusCode::OK, "1048576");

    let limited = app(AppOptions {
        body_limit: Some(16),
    })
    .await;
    let reply = limited
        .send(post_form(EchoLen::PATH, "text=0123456789012345"))
        .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(reply.text().contains("16 bytes"), "{}", reply.text());
    let reply = limited.send(post_form(EchoLen::PATH, "text=abc")).await;
    assert_reply(&reply, StatusCode::OK, "3");
}

/// A function that panics answers 500, and the next call is served.
pub async fn a_panicking_function_answers_500_and_the_server_keeps_serving<
    T: Transport,
    F: Future<Output = T>,
>(
    app: impl Fn(AppOptions) -> F,
) {
    let app = default_app(app).await;
    let reply = app.send(post_form(Explode::PATH, "")).await;
    assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(reply.text().contains("panicked"), "{}", reply.text());
    let reply = app.send(post_form(Add::PATH, "a=1&b=2")).await;
    assert_reply(&reply, StatusCode::OK, "3");
}

/// A function's error answers 500 with the error header, and the client decodes it back.
pub async fn a_server_error_answers_500_and_the_client_decodes_it<
    T: Transport,
    F: Future<Output = T>,
>(
    app: impl Fn(AppOptions) -> F,
) {
    let app = default_app(app).await;
    let reply = app.send(post_form(Fail::PATH, "")).await;
    assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(reply.headers[SERVER_FN_ERROR_HEADER], Fail::PATH);
    assert_eq!(
        decode_response::<Fail>(reply.into_response()),
        Err(ServerFnError::new("the database is down: try again later"))
    );
}

/// The integration's own 404 decodes in the client as an error with that status.
pub async fn an_unknown_path_decodes_as_404_in_the_client<T: Transport, F: Future<Output = T>>(
    app: impl Fn(AppOptions) -> F,
) {
    let app = default_app(app).await;
    let reply = app.send(post_form("/api/nothing_here", "")).await;
    let error = decode_response::<Add>(reply.into_response()).unwrap_err();
    assert!(
        matches!(&error, ServerFnError::Http(e) if e.status() == StatusCode::NOT_FOUND),
        "{error:?}"
    );
}

/// `ResponseOptions` set the status and every cookie appended.
pub async fn response_options_set_status_and_every_cookie<T: Transport, F: Future<Output = T>>(
    app: impl Fn(AppOptions) -> F,
) {
    let app = default_app(app).await;
    let reply = app.send(post_form(TeaAndCookies::PATH, "")).await;
    assert_eq!(reply.status, StatusCode::IM_A_TEAPOT);
    assert_eq!(
        reply.all(header::SET_COOKIE),
        ["biscuits=yes", "tea=earl-grey"]
    );
}

/// `redirect()` during a `fetch` call: the value, and the target in `serverfnredirect`.
pub async fn redirect_from_fetch_names_the_target_in_a_header<
    T: Transport,
    F: Future<Output = T>,
>(
    app: impl Fn(AppOptions) -> F,
) {
    let app = default_app(app).await;
    let reply = app.send(post_form(Login::PATH, "user=ada")).await;
    assert_reply(&reply, StatusCode::OK, r#""welcome ada""#);
    assert_eq!(reply.headers["serverfnredirect"], "/home");
    assert!(reply.headers.get(header::LOCATION).is_none());
}

/// `redirect()` during a form posted without JavaScript: `302` to the target, no body.
pub async fn redirect_from_a_form_post_is_a_302<T: Transport, F: Future<Output = T>>(
    app: impl Fn(AppOptions) -> F,
) {
    let app = default_app(app).await;
    let reply = app
        .send(post_accepting(Login::PATH, "user=ada", BROWSER_FORM))
        .await;
    assert_reply(&reply, StatusCode::FOUND, "");
    assert_eq!(reply.headers[header::LOCATION], "/home");
    assert!(reply.headers.get(header::CONTENT_TYPE).is_none());
}

/// `leptos::redirect()` answers as the integration's own `redirect()` does.
pub async fn leptos_redirect_works_through_the_integration<T: Transport, F: Future<Output = T>>(
    app: impl Fn(AppOptions) -> F,
) {
    let app = default_app(app).await;
    let reply = app
        .send(post_accepting(Logout::PATH, "", BROWSER_FORM))
        .await;
    assert_reply(&reply, StatusCode::FOUND, "");
    assert_eq!(reply.headers[header::LOCATION], "/bye");
    let reply = app.send(post_form(Logout::PATH, "")).await;
    assert_reply(&reply, StatusCode::OK, "null");
    assert_eq!(reply.headers["serverfnredirect"], "/bye");
}

/// A form posted without JavaScript and without `redirect()` goes back to the page (303);
/// the same call from `fetch` gets its value.
pub async fn a_form_post_without_redirect_goes_back_to_the_page<
    T: Transport,
    F: Future<Output = T>,
>(
    app: impl Fn(AppOptions) -> F,
) {
    let app = default_app(app).await;
    let reply = app
        .send(post_accepting(Save::PATH, "title=milk", BROWSER_FORM))
        .await;
    assert_reply(&reply, StatusCode::SEE_OTHER, "");
    assert_eq!(reply.headers[header::LOCATION], REFERER);
    let reply = app.send(post_form(Save::PATH, "title=milk")).await;
    assert_reply(&reply, StatusCode::OK, "4");
}

/// A failed form post goes back to the page (303) with `__path`, `__err` and `__status`.
pub async fn a_failed_form_post_goes_back_with_the_error<T: Transport, F: Future<Output = T>>(
    app: impl Fn(AppOptions) -> F,
) {
    let app = default_app(app).await;
    let reply = app
        .send(post_accepting(Refuse::PATH, "title=spam", BROWSER_FORM))
        .await;
    assert_reply(&reply, StatusCode::SEE_OTHER, "");
    let location = reply.headers[header::LOCATION].to_str().unwrap();
    let (page, query) = location.split_once('?').unwrap();
    assert_eq!(page, "http://localhost:3000/todos");
    let params: Vec<(String, String)> = query
        .split('&')
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap();
            let decode = |s: &str| server_fn::pattern::decode(s).unwrap();
            (decode(k), decode(v))
        })
        .collect();
    assert_eq!(params[0], ("page".into(), "2".into()));
    assert_eq!(params[1], ("__path".into(), Refuse::PATH.into()));
    assert_eq!(params[2].0, "__err");
    assert_eq!(
        serde_json::from_str::<ServerFnError>(&params[2].1).unwrap(),
        ServerFnError::ServerError("`spam` is not allowed".into())
    );
    assert_eq!(params[3], ("__status".into(), "500".into()));
}

/// `extract()` inside a function reads its own request.
pub async fn extract_reads_the_request<T: Transport, F: Future<Output = T>>(
    app: impl Fn(AppOptions) -> F,
) {
    let app = default_app(app).await;
    let reply = app
        .send(get(&format!("{}?foo=bar", MethodAndQuery::PATH)))
        .await;
    assert_reply(&reply, StatusCode::OK, r#""GET foo=bar""#);
}

/// An extractor that refuses the request is the function's error, with the rejection's
/// status and text, not a panic.
pub async fn a_failing_extractor_is_an_error_not_a_panic<T: Transport, F: Future<Output = T>>(
    app: impl Fn(AppOptions) -> F,
) {
    let app = default_app(app).await;
    let reply = app.send(get(MethodAndQuery::PATH)).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(
        reply.text().contains("missing field `foo`"),
        "{}",
        reply.text()
    );
}

/// What the app's additional context provides reaches the function.
pub async fn additional_context_reaches_the_function<T: Transport, F: Future<Output = T>>(
    app: impl Fn(AppOptions) -> F,
) {
    let app = default_app(app).await;
    let reply = app.send(post_form(Greet::PATH, "")).await;
    assert_reply(&reply, StatusCode::OK, r#""hello""#);
}

/// A function declared with `#[get]`/`#[put]` is found by its path pattern: path, query
/// and JSON body arguments; a bad path parameter answers 400 naming it; another method at
/// the path answers 405 listing both.
pub async fn a_method_route_reads_path_query_and_body<T: Transport, F: Future<Output = T>>(
    app: impl Fn(AppOptions) -> F,
) {
    let app = default_app(app).await;
    let reply = app.send(get("/api/conformance/users/7?shout=true")).await;
    assert_reply(&reply, StatusCode::OK, r#""HELLO USER 7""#);
    let reply = app.send(get("/api/conformance/users/7")).await;
    assert_reply(&reply, StatusCode::OK, r#""hello user 7""#);

    let reply = app.send(get("/api/conformance/users/seven")).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(reply.text().contains("path field `id`"), "{}", reply.text());

    let req = Request::put("/api/conformance/users/7")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Bytes::from_static(br#"{"name":"ada"}"#))
        .unwrap();
    let reply = app.send(req).await;
    assert_reply(&reply, StatusCode::OK, r#""7 -> ada""#);

    let req = Request::delete("/api/conformance/users/7")
        .body(Bytes::new())
        .unwrap();
    let reply = app.send(req).await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(reply.headers[header::ALLOW], "GET, PUT");
}
