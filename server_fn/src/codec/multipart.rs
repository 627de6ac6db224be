//! The multipart encoding, for file uploads: [`MultipartFormData`] sends a
//! [`MultipartData`] (text fields and files) as a `multipart/form-data` POST body, as an
//! HTML `<form enctype="multipart/form-data">` does.
//!
//! ```
//! use server_fn::codec::{MultipartData, MultipartFormData};
//! use server_fn::{server, ServerFnError};
//!
//! /// The total size of the uploaded files.
//! #[server(input = MultipartFormData)]
//! pub async fn upload(data: MultipartData) -> Result<usize, ServerFnError> {
//!     # #[cfg(feature = "ssr")] {
//!     let fields = data.fields().unwrap_or_default();
//!     return Ok(fields.iter().filter(|f| f.file_name().is_some()).map(|f| f.bytes().len()).sum());
//!     # }
//!     # Ok(0)
//! }
//!
//! // The client builds the form:
//! let form = MultipartData::new()
//!     .text("title", "holiday")
//!     .file("photo", "beach.jpg", "image/jpeg", vec![0xff, 0xd8]);
//! ```
//!
//! The function takes exactly one argument, the `MultipartData`. On the server, the body
//! was parsed (with `multer`) before the function runs, so a malformed body answers 400;
//! the function reads the fields with [`MultipartData::fields`], or streams them with
//! `multer` through `MultipartData::into_inner` (feature `ssr`).

use bytes::Bytes;
use http::{header, Method, Request};

use super::{CodecError, Encoding, IntoReq};

/// The input encoding of a [`MultipartData`]: a `multipart/form-data` POST body.
#[derive(Clone, Copy, Debug, Default)]
pub struct MultipartFormData;

impl Encoding for MultipartFormData {
    const CONTENT_TYPE: &'static str = "multipart/form-data";
    const METHOD: Method = Method::POST;
}

/// One field of a multipart form: a text value, or a file with its name and type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormField {
    name: String,
    file_name: Option<String>,
    content_type: Option<String>,
    bytes: Bytes,
}

impl FormField {
    /// The field's name (`name="..."`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The file's name, for a file field.
    pub fn file_name(&self) -> Option<&str> {
        self.file_name.as_deref()
    }

    /// The `Content-Type` of the field, if it was sent.
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// The field's contents.
    pub fn bytes(&self) -> &Bytes {
        &self.bytes
    }

    /// The contents as text, if they are UTF-8.
    pub fn text(&self) -> Option<&str> {
        std::str::from_utf8(&self.bytes).ok()
    }
}

/// The argument of a function with `input = MultipartFormData`: the fields of a form.
///
/// On the client, build it with [`Self::new`], [`Self::text`] and [`Self::file`]. On the
/// server, read it with [`Self::fields`] (everything, in order) or `into_inner` (feature `ssr`:
/// a `multer::Multipart` that streams the fields again).
#[derive(Clone, Debug, Default)]
pub struct MultipartData {
    fields: Vec<FormField>,
    /// The request's body and boundary, on the server.
    #[cfg(feature = "ssr")]
    raw: Option<(Bytes, String)>,
}

impl MultipartData {
    /// An empty form.
    pub fn new() -> Self {
        Self::default()
    }

    /// The form with a text field `name` = `value` added.
    #[must_use = "the form is returned, not changed in place"]
    pub fn text(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.fields.push(FormField {
            name: name.into(),
            file_name: None,
            content_type: None,
            bytes: Bytes::from(value.into()),
        });
        self
    }

    /// The form with a file field `name` added: `file_name`, its `content_type` and its
    /// contents.
    #[must_use = "the form is returned, not changed in place"]
    pub fn file(
        mut self,
        name: impl Into<String>,
        file_name: impl Into<String>,
        content_type: impl Into<String>,
        contents: impl Into<Bytes>,
    ) -> Self {
        self.fields.push(FormField {
            name: name.into(),
            file_name: Some(file_name.into()),
            content_type: Some(content_type.into()),
            bytes: contents.into(),
        });
        self
    }

    /// Every field, in the order sent. (`Option` for the shape of Leptos's API: it is
    /// always `Some`.)
    pub fn fields(self) -> Option<Vec<FormField>> {
        Some(self.fields)
    }

    /// The field named `name`, if any.
    pub fn get(&self, name: &str) -> Option<&FormField> {
        self.fields.iter().find(|field| field.name == name)
    }

    /// On the server: the request's body as a `multer::Multipart`, to stream the fields
    /// (as in Leptos). `None` for a form built on the client.
    #[cfg(feature = "ssr")]
    pub fn into_inner(self) -> Option<multer::Multipart<'static>> {
        let (body, boundary) = self.raw?;
        let chunks = futures::stream::once(async move { Ok::<_, std::convert::Infallible>(body) });
        Some(multer::Multipart::new(chunks, boundary))
    }
}

/// The characters a multipart quoted string cannot hold as they are.
fn quoted(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "%22")
        .replace(['\r', '\n'], " ")
}

/// The `multipart/form-data` body of `fields`, delimited by `boundary`.
fn encode(fields: &[FormField], boundary: &str) -> Vec<u8> {
    let mut body = Vec::new();
    for field in fields {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        let mut disposition = format!(
            "Content-Disposition: form-data; name=\"{}\"",
            quoted(&field.name)
        );
        if let Some(file_name) = &field.file_name {
            disposition.push_str(&format!("; filename=\"{}\"", quoted(file_name)));
        }
        body.extend_from_slice(disposition.as_bytes());
        body.extend_from_slice(b"\r\n");
        if let Some(content_type) = &field.content_type {
            body.extend_from_slice(
                format!("Content-Type: {}\r\n", quoted(content_type)).as_bytes(),
            );
        }
        body.extend_from_slice(b"\r\n");
        body.extend_from_slice(&field.bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    body
}

/// A boundary that occurs in none of `fields`.
fn boundary_for(fields: &[FormField]) -> String {
    let mut seed = crate::path::FNV_OFFSET;
    for field in fields {
        seed = crate::path::fnv1a(seed, &field.bytes);
    }
    (0u64..)
        .map(|n| format!("server-fn-boundary-{:016x}", seed.wrapping_add(n)))
        .find(|boundary| {
            fields
                .iter()
                .all(|field| !contains(&field.bytes, boundary.as_bytes()))
        })
        .unwrap_or_default()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

impl<T: Into<MultipartData>> IntoReq<MultipartFormData> for T {
    fn into_req(self, path: &str, accepts: &str) -> Result<Request<Bytes>, CodecError> {
        let data = self.into();
        let boundary = boundary_for(&data.fields);
        let body = encode(&data.fields, &boundary);
        Request::post(path)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header(header::ACCEPT, accepts)
            .body(Bytes::from(body))
            .map_err(|e| CodecError::Request(e.to_string()))
    }
}

#[cfg(feature = "ssr")]
mod server {
    use super::*;
    use crate::codec::FromReq;

    /// Parses a `multipart/form-data` request body; a malformed one is an argument error
    /// that names the field when multer does.
    pub(super) fn decode(req: &Request<Bytes>) -> Result<MultipartData, CodecError> {
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default();
        let boundary = multer::parse_boundary(content_type).map_err(|_| {
            CodecError::Args(format!(
                "expected a `multipart/form-data; boundary=...` body, got Content-Type \
                 `{content_type}`: send the form as multipart"
            ))
        })?;
        let body = req.body().clone();
        let raw = (body.clone(), boundary.clone());
        let chunks = futures::stream::once(async move { Ok::<_, std::convert::Infallible>(body) });
        let mut multipart = multer::Multipart::new(chunks, boundary);
        // The body is already in memory, so every poll is ready at once: this never waits.
        let fields = futures::executor::block_on(async {
            let mut fields = Vec::new();
            while let Some(field) = multipart.next_field().await? {
                let name = field.name().unwrap_or_default().to_owned();
                let file_name = field.file_name().map(str::to_owned);
                let content_type = field.content_type().map(|mime| mime.to_string());
                let bytes = field.bytes().await?;
                fields.push(FormField {
                    name,
                    file_name,
                    content_type,
                    bytes,
                });
            }
            Ok::<_, multer::Error>(fields)
        })
        .map_err(|error| CodecError::Args(format!("malformed multipart body: {error}")))?;
        Ok(MultipartData {
            fields,
            raw: Some(raw),
        })
    }

    impl<T: From<MultipartData>> FromReq<MultipartFormData> for T {
        fn from_req(req: &Request<Bytes>) -> Result<Self, CodecError> {
            decode(req).map(T::from)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> MultipartData {
        MultipartData::new()
            .text("title", "a \"quoted\" title")
            .file(
                "photo",
                "beach.jpg",
                "image/jpeg",
                vec![0xff, 0xd8, b'\r', b'\n'],
            )
    }

    #[test]
    fn the_client_writes_a_multipart_body() {
        let req = IntoReq::<MultipartFormData>::into_req(form(), "/api/upload", "").unwrap();
        assert_eq!(req.method(), Method::POST);
        let content_type = req.headers()[header::CONTENT_TYPE].to_str().unwrap();
        let boundary = content_type
            .strip_prefix("multipart/form-data; boundary=")
            .unwrap();
        let body = req.body();
        assert!(body.starts_with(format!("--{boundary}\r\n").as_bytes()));
        assert!(body.ends_with(format!("--{boundary}--\r\n").as_bytes()));
        assert!(contains(
            body,
            b"Content-Disposition: form-data; name=\"photo\"; filename=\"beach.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\r\n\r\n"
        ));
    }

    #[test]
    fn the_boundary_avoids_the_contents() {
        let plain = MultipartData::new().text("a", "x");
        let first = boundary_for(&plain.fields);
        let tricky = MultipartData::new().text("a", format!("x--{first}"));
        let second = boundary_for(&tricky.fields);
        assert!(!contains(&tricky.fields[0].bytes, second.as_bytes()));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_server_reads_back_every_field() {
        let req = IntoReq::<MultipartFormData>::into_req(form(), "/api/upload", "").unwrap();
        let data = server::decode(&req).unwrap();
        assert_eq!(
            data.get("title").unwrap().text(),
            Some("a \"quoted\" title")
        );
        let fields = data.clone().fields().unwrap();
        assert_eq!(fields, form().fields().unwrap());
        let mut multipart = data.into_inner().unwrap();
        let first = futures::executor::block_on(multipart.next_field())
            .unwrap()
            .unwrap();
        assert_eq!(first.name(), Some("title"));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_malformed_body_is_an_args_error() {
        let req = Request::post("/api/upload")
            .header(header::CONTENT_TYPE, "multipart/form-data; boundary=xyz")
            .body(Bytes::from_static(
                b"--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated",
            ))
            .unwrap();
        let error = server::decode(&req).unwrap_err();
        assert!(
            matches!(&error, CodecError::Args(m) if m.starts_with("malformed multipart body")),
            "{error:?}"
        );
        let req = Request::post("/api/upload")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Bytes::new())
            .unwrap();
        let error = server::decode(&req).unwrap_err();
        assert!(
            matches!(&error, CodecError::Args(m) if m.contains("send the form as multipart")),
            "{error:?}"
        );
    }
}
