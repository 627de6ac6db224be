//! File uploads (`input = MultipartFormData`) through the axum router, with a body written
//! as a browser writes it and with the one the client builds.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::routing::any;
use axum::Router;
use http_body_util::BodyExt;
use leptos_axum::handle_server_fns;
use server_fn::client::{build_request, decode_response};
use server_fn::codec::MultipartData;
use server_fn::{server, ServerFn, ServerFnError};
use tower::ServiceExt;

/// Describes each field: `name=text` for text, `name:file:type:size` for files.
#[server(input = MultipartFormData)]
pub async fn describe(data: MultipartData) -> Result<Vec<String>, ServerFnError> {
    let fields = data.fields().unwrap_or_default();
    Ok(fields
        .iter()
        .map(|field| match field.file_name() {
            Some(file) => format!(
                "{}:{file}:{}:{}",
                field.name(),
                field.content_type().unwrap_or("?"),
                field.bytes().len()
            ),
            None => format!("{}={}", field.name(), field.text().unwrap_or("?")),
        })
        .collect())
}

/// Counts the fields by streaming them with multer, as in Leptos.
#[server(input = MultipartFormData)]
pub async fn count_fields(data: MultipartData) -> Result<usize, ServerFnError> {
    let mut multipart = data
        .into_inner()
        .ok_or_else(|| ServerFnError::new("no request body"))?;
    let mut count = 0;
    while let Some(field) = multipart.next_field().await? {
        field.bytes().await?;
        count += 1;
    }
    Ok(count)
}

fn app() -> Router {
    Router::new().route("/api/{*fn_name}", any(handle_server_fns))
}

async fn send(req: Request<Body>) -> http::Response<bytes::Bytes> {
    let response = app().oneshot(req).await.unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    http::Response::from_parts(parts, bytes)
}

/// A body as a browser's form post writes it.
const BROWSER_BODY: &str = "------WebKitFormBoundary7MA4YWxkTrZu0gW\r\n\
Content-Disposition: form-data; name=\"title\"\r\n\
\r\n\
Holiday\r\n\
------WebKitFormBoundary7MA4YWxkTrZu0gW\r\n\
Content-Disposition: form-data; name=\"photo\"; filename=\"beach.txt\"\r\n\
Content-Type: text/plain\r\n\
\r\n\
sand and sea\r\n\
------WebKitFormBoundary7MA4YWxkTrZu0gW--\r\n";

#[tokio::test]
async fn a_browser_form_upload_reaches_the_function() {
    let req = Request::post(Describe::PATH)
        .header(
            header::CONTENT_TYPE,
            "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
        )
        .body(Body::from(BROWSER_BODY))
        .unwrap();
    let response = send(req).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        decode_response::<Describe>(response),
        Ok(vec![
            "title=Holiday".to_owned(),
            "photo:beach.txt:text/plain:12".to_owned()
        ])
    );
}

#[tokio::test]
async fn the_clients_form_round_trips_binary_files() {
    let image: Vec<u8> = (0..=255).cycle().take(3000).collect();
    let form = MultipartData::new()
        .text("album", "été")
        .file("photo", "a.png", "image/png", image)
        .file("empty", "e.bin", "application/octet-stream", Vec::new());
    let req = build_request(Describe::from(form.clone())).unwrap();
    let response = send(req.map(Body::from)).await;
    assert_eq!(
        decode_response::<Describe>(response),
        Ok(vec![
            "album=été".to_owned(),
            "photo:a.png:image/png:3000".to_owned(),
            "empty:e.bin:application/octet-stream:0".to_owned(),
        ])
    );
    let req = build_request(CountFields::from(form)).unwrap();
    let response = send(req.map(Body::from)).await;
    assert_eq!(decode_response::<CountFields>(response), Ok(3));
}

#[tokio::test]
async fn a_malformed_or_non_multipart_body_answers_400() {
    let req = Request::post(Describe::PATH)
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=xyz")
        .body(Body::from(
            "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end",
        ))
        .unwrap();
    let response = send(req).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let error = decode_response::<Describe>(response).unwrap_err();
    assert!(
        matches!(&error, ServerFnError::Args(m) if m.starts_with("malformed multipart body")),
        "{error:?}"
    );

    let req = Request::post(Describe::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("title=x"))
        .unwrap();
    let response = send(req).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let error = decode_response::<Describe>(response).unwrap_err();
    assert!(
        error.to_string().contains("send the form as multipart"),
        "{error}"
    );
}
