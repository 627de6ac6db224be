//! How a server function's arguments and result travel over HTTP.
//!
//! A server function names two encodings: one for its arguments (`input`, default
//! [`PostUrl`]) and one for its result (`output`, default [`Json`]). The round trip goes
//! through four traits, each implemented for a Rust type *per encoding*:
//!
//! 1. [`IntoReq`]: the client turns the arguments into an HTTP request.
//! 2. [`FromReq`]: the server turns the request back into the arguments.
//! 3. [`IntoRes`]: the server turns the function's `Ok` value into an HTTP response.
//! 4. [`FromRes`]: the client turns the response back into the `Ok` value.
//!
//! Errors do not go through the output encoding: a failed call answers with the status of
//! its error ([`crate::error::AsStatusCode`]) and the error in its own encoding
//! ([`crate::error::FromServerFnError::Encoder`], JSON for serde types), which the client
//! decodes whatever the output encoding is.
//!
//! # Which encoding to pick
//!
//! | encoding | method | arguments in | use it for |
//! | --- | --- | --- | --- |
//! | [`PostUrl`] | POST | `application/x-www-form-urlencoded` body | the default; what an HTML `<form>` posts, so it works without JavaScript |
//! | [`GetUrl`] | GET | query string | cacheable reads; arguments are visible in the URL |
//! | [`Json`] | POST | JSON body | nested data, enums, anything the URL encoding cannot express |
//! | [`GetJson`] | GET | query string | a GET whose name says the result is JSON |
//! | [`Cbor`] | POST | CBOR body | large or binary data: CBOR is smaller and faster than JSON |
//! | [`GetCbor`] | GET | query string | a cacheable read with a CBOR result |
//! | [`MultipartFormData`] | POST | `multipart/form-data` body | file uploads: the one argument is a [`MultipartData`] |
//! | [`Route`] | any | path, query and JSON body | set by `#[get("/api/users/{id}")]`, `#[post(..)]`, ...; see [`route`] |
//!
//! As an output encoding, [`Json`] (and [`GetJson`]) writes the value as JSON, [`Cbor`]
//! (and [`GetCbor`]) as CBOR. [`Streaming`] and [`StreamingText`] send a [`ByteStream`] or a
//! [`TextStream`] chunk by chunk, as the server produces them, and the client yields each
//! chunk as it arrives (output only).
//!
//! # Why the traits are simpler than Leptos's
//!
//! Leptos's codec traits are generic over the request and response types of each server
//! framework and over the error type. Here every codec works on [`http::Request`] and
//! [`http::Response`] with a [`bytes::Bytes`] body, which the integrations convert to and
//! from their own types once; and codecs fail with one [`CodecError`], which becomes a
//! [`crate::ServerFnError`] of any custom type. So an encoding is two to four short impls,
//! and a mistake is reported against one trait with one type parameter.
//! The one exception is the server's response body, a [`ResponseBody`]: whole, or a stream
//! of chunks for the streaming encodings.

mod body;
mod cbor;
mod json;
mod multipart;
pub mod route;
mod stream;
mod url;

pub use body::{BodyStream, ResponseBody};
pub use cbor::{Cbor, GetCbor};
pub use json::{GetJson, Json, JsonEncoding};
pub use multipart::{FormField, MultipartData, MultipartFormData};
pub use route::Route;
pub use stream::{ByteStream, Streaming, StreamingText, TextStream};
pub use url::{GetUrl, PostUrl};

use bytes::Bytes;
use http::{Method, Request, Response};

pub use crate::error::CodecError;

/// The HTTP side of an encoding: the method its requests use and the content type of its
/// bodies.
pub trait Encoding {
    /// The `Content-Type` of request or response bodies in this encoding.
    const CONTENT_TYPE: &'static str;
    /// The HTTP method of a request whose arguments use this encoding.
    const METHOD: Method;
    /// Whether the client reads a response in this encoding as it arrives, chunk by chunk
    /// ([`FromRes::from_streaming_res`]), instead of whole: true for [`Streaming`] and
    /// [`StreamingText`].
    const STREAMS_RESPONSE: bool = false;
}

/// Client side: turns the arguments into a request to `path` in encoding `Enc`.
#[diagnostic::on_unimplemented(
    message = "the arguments `{Self}` cannot be sent with the `{Enc}` encoding",
    note = "the arguments of a server function must implement `serde::Serialize` for the URL and JSON encodings"
)]
pub trait IntoReq<Enc>: Sized {
    /// Builds the request; `accepts` is the `Accept` header to send (the output encoding's
    /// content type).
    fn into_req(self, path: &str, accepts: &str) -> Result<Request<Bytes>, CodecError>;
}

/// Server side: reads the arguments back from a request in encoding `Enc`.
#[diagnostic::on_unimplemented(
    message = "the arguments `{Self}` cannot be read from a request with the `{Enc}` encoding",
    note = "the arguments of a server function must implement `serde::Deserialize` for the URL and JSON encodings"
)]
pub trait FromReq<Enc>: Sized {
    /// Decodes the arguments; a failure names the field when it can.
    fn from_req(req: &Request<Bytes>) -> Result<Self, CodecError>;
}

/// Server side: writes a function's `Ok` value as a response in encoding `Enc`. The body is
/// whole ([`ResponseBody::Full`]) for every encoding but the streaming ones.
#[diagnostic::on_unimplemented(
    message = "the result `{Self}` cannot be sent with the `{Enc}` output encoding",
    note = "the `Ok` type of a server function must implement `serde::Serialize` for the JSON encoding"
)]
pub trait IntoRes<Enc>: Sized {
    /// Encodes the value into a `200 OK` response.
    fn into_res(self) -> Result<Response<ResponseBody>, CodecError>;
}

/// Client side: reads a function's `Ok` value back from a successful response in encoding
/// `Enc`.
#[diagnostic::on_unimplemented(
    message = "the result `{Self}` cannot be read from a response with the `{Enc}` output encoding",
    note = "the `Ok` type of a server function must implement `serde::Deserialize` for the JSON encoding"
)]
pub trait FromRes<Enc>: Sized {
    /// Decodes the value from a response whose status is a success.
    fn from_res(res: Response<Bytes>) -> Result<Self, CodecError>;

    /// Decodes the value from a successful response whose body is still arriving. The
    /// client calls it instead of [`FromRes::from_res`] for encodings whose
    /// [`Encoding::STREAMS_RESPONSE`] is true; the default, for every other encoding, fails.
    fn from_streaming_res(res: Response<BodyStream>) -> Result<Self, CodecError> {
        let _ = res;
        Err(CodecError::Deserialization(format!(
            "the output encoding `{}` reads whole responses, not streams",
            std::any::type_name::<Enc>()
        )))
    }
}

/// A response with `status`, a `Content-Type` of `content_type` and `body`, made in place
/// (an `http::response::Builder` checks and converts every part it is given, which costs
/// more than the rest of a small call's encoding).
pub(crate) fn typed_response<B>(
    status: http::StatusCode,
    content_type: &'static str,
    body: B,
) -> Response<B> {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static(content_type),
    );
    response
}

/// Turns a serde error met while decoding arguments into a [`CodecError`] that names the
/// field: `field `a`: invalid digit found in string`, or [`CodecError::MissingArg`].
pub(crate) fn args_error<E: std::fmt::Display>(error: serde_path_to_error::Error<E>) -> CodecError {
    let path = error.path().to_string();
    let message = error.inner().to_string();
    if let Some(name) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
    {
        let name = if path == "." {
            name.to_owned()
        } else {
            format!("{path}.{name}")
        };
        return CodecError::MissingArg(name);
    }
    if path == "." {
        CodecError::Args(message)
    } else {
        CodecError::Args(format!("field `{path}`: {message}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Args {
        a: i32,
        b: i32,
    }

    #[test]
    fn args_errors_name_the_field() {
        let mut de = serde_json::Deserializer::from_str(r#"{"a": "x", "b": 1}"#);
        let error = serde_path_to_error::deserialize::<_, Args>(&mut de).unwrap_err();
        assert!(
            matches!(args_error(error), CodecError::Args(m) if m.starts_with("field `a`: invalid type"))
        );
        let mut de = serde_json::Deserializer::from_str(r#"{"a": 1}"#);
        let error = serde_path_to_error::deserialize::<_, Args>(&mut de).unwrap_err();
        assert_eq!(args_error(error), CodecError::MissingArg("b".into()));
    }
}
