//! Error types of server functions through the axum router: the status each answers with,
//! and the client decoding the same error back (`server_fn::client::decode_response`).

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::routing::any;
use axum::Router;
use http_body_util::BodyExt;
use leptos_axum::handle_server_fns;
use serde::{Deserialize, Serialize};
use server_fn::client::decode_response;
use server_fn::codec::JsonEncoding;
use server_fn::error::{AsStatusCode, FromServerFnError, ServerFnErrorErr};
use server_fn::{server, HttpError, OrHttpError, ServerFn, ServerFnError};
use tower::ServiceExt;

/// The users there are.
const USERS: [&str; 2] = ["ada", "grace"];

/// A user's name, or 404 through `.or_not_found(..)?`; 400 for id 0.
#[server(endpoint = "user")]
pub async fn user(id: usize) -> Result<String, HttpError> {
    if id == 0 {
        return Err(HttpError::bad_request("user ids start at 1"));
    }
    let name = USERS.get(id - 1).or_not_found("no such user")?;
    Ok(name.to_string())
}

/// `Result<_, StatusCode>`: 401 unless the token is right.
#[server(endpoint = "secret")]
pub async fn secret(token: String) -> Result<u32, StatusCode> {
    if token != "letmein" {
        return Err(StatusCode::UNAUTHORIZED);
    }
    Ok(42)
}

/// `Result<_, ServerFnError>` with `?` on an `HttpError`: the status is kept.
#[server(endpoint = "forbidden")]
pub async fn forbidden() -> Result<(), ServerFnError> {
    Err(HttpError::forbidden("admins only"))?
}

/// An application's own error type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum SignupError {
    /// The email has no `@`.
    InvalidEmail(String),
    /// The name is taken.
    Taken,
    /// Anything outside the body (network, decoding).
    Server(ServerFnErrorErr),
}

impl FromServerFnError for SignupError {
    type Encoder = JsonEncoding;
    fn from_server_fn_error(error: ServerFnErrorErr) -> Self {
        SignupError::Server(error)
    }
}

impl AsStatusCode for SignupError {
    fn as_status_code(&self) -> StatusCode {
        match self {
            SignupError::InvalidEmail(_) => StatusCode::UNPROCESSABLE_ENTITY,
            SignupError::Taken => StatusCode::CONFLICT,
            SignupError::Server(error) => error.status_code(),
        }
    }
}

/// `Result<_, SignupError>`.
#[server(endpoint = "signup")]
pub async fn signup(name: String, email: String) -> Result<(), SignupError> {
    if !email.contains('@') {
        return Err(SignupError::InvalidEmail(email));
    }
    if name == "ada" {
        return Err(SignupError::Taken);
    }
    Ok(())
}

fn app() -> Router {
    Router::new().route("/api/{*fn_name}", any(handle_server_fns))
}

/// Posts `body` to `F`'s path; the status, and the response as the client receives it.
async fn call<F: ServerFn>(body: &'static str) -> (StatusCode, http::Response<bytes::Bytes>) {
    let req = Request::post(F::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    let response = app().oneshot(req).await.unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    (parts.status, http::Response::from_parts(parts, bytes))
}

#[tokio::test]
async fn http_errors_answer_their_status_and_decode_back() {
    let (status, response) = call::<User>("id=2").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(decode_response::<User>(response), Ok("grace".into()));

    let (status, response) = call::<User>("id=9").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        decode_response::<User>(response),
        Err(HttpError::not_found("no such user"))
    );

    let (status, response) = call::<User>("id=0").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        decode_response::<User>(response),
        Err(HttpError::bad_request("user ids start at 1"))
    );
}

#[tokio::test]
async fn bad_arguments_become_the_functions_error_type_with_400() {
    let (status, response) = call::<User>("id=minus").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let error = decode_response::<User>(response).unwrap_err();
    assert_eq!(error.status(), StatusCode::BAD_REQUEST);
    assert!(error.message().contains("field `id`"), "{error}");

    let (status, response) = call::<Secret>("").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        decode_response::<Secret>(response),
        Err(StatusCode::BAD_REQUEST)
    );
}

#[tokio::test]
async fn a_status_code_error_is_the_status() {
    let (status, response) = call::<Secret>("token=guess").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        decode_response::<Secret>(response),
        Err(StatusCode::UNAUTHORIZED)
    );
    let (status, response) = call::<Secret>("token=letmein").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(decode_response::<Secret>(response), Ok(42));
}

#[tokio::test]
async fn question_mark_on_an_http_error_keeps_its_status_in_server_fn_error() {
    let (status, response) = call::<Forbidden>("").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        decode_response::<Forbidden>(response),
        Err(ServerFnError::Http(HttpError::forbidden("admins only")))
    );
}

#[tokio::test]
async fn an_application_error_answers_its_status_and_decodes_back() {
    let (status, response) = call::<Signup>("name=ada&email=ada%40example.com").await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(decode_response::<Signup>(response), Err(SignupError::Taken));

    let (status, response) = call::<Signup>("name=bo&email=nope").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        decode_response::<Signup>(response),
        Err(SignupError::InvalidEmail("nope".into()))
    );

    let (status, response) = call::<Signup>("name=bo").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        decode_response::<Signup>(response),
        Err(SignupError::Server(ServerFnError::MissingArg(
            "email".into()
        )))
    );
}

#[tokio::test]
async fn an_unknown_path_decodes_as_404_into_any_error_type() {
    let req = Request::post("/api/nothing").body(Body::empty()).unwrap();
    let response = app().oneshot(req).await.unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    assert_eq!(parts.status, StatusCode::NOT_FOUND);
    let response = http::Response::from_parts(parts, bytes);
    assert_eq!(
        decode_response::<Secret>(response.clone()),
        Err(StatusCode::NOT_FOUND)
    );
    assert_eq!(
        decode_response::<User>(response.clone())
            .unwrap_err()
            .status(),
        StatusCode::NOT_FOUND
    );
    let error = decode_response::<Signup>(response).unwrap_err();
    assert!(
        matches!(&error, SignupError::Server(e) if e.status_code() == StatusCode::NOT_FOUND),
        "{error:?}"
    );
}
