//! The URL encodings: arguments as `a=1&b=2`, in a POST body ([`PostUrl`]) or in the query
//! string ([`GetUrl`]). Nested structs use bracketed names (`todo[title]=...`), as
//! `serde_qs` writes and reads them.

use bytes::Bytes;
use http::{header, Method, Request};
use serde::{de::DeserializeOwned, Serialize};

use super::{args_error, CodecError, Encoding, FromReq, IntoReq};

/// Arguments as an `application/x-www-form-urlencoded` POST body: the default input
/// encoding, and what an HTML form submits, so a server function called by a `<form>` works
/// without JavaScript.
#[derive(Clone, Copy, Debug, Default)]
pub struct PostUrl;

/// Arguments in the query string of a GET request.
#[derive(Clone, Copy, Debug, Default)]
pub struct GetUrl;

impl Encoding for PostUrl {
    const CONTENT_TYPE: &'static str = "application/x-www-form-urlencoded";
    const METHOD: Method = Method::POST;
}

impl Encoding for GetUrl {
    const CONTENT_TYPE: &'static str = "application/x-www-form-urlencoded";
    const METHOD: Method = Method::GET;
}

/// Serializes `args` as `a=1&b=2`.
pub(crate) fn encode_args<T: Serialize>(args: &T) -> Result<String, CodecError> {
    serde_qs::to_string(args).map_err(|e| CodecError::Serialization(e.to_string()))
}

/// Reads arguments from `a=1&b=2`; accepts percent-encoded brackets, as browsers send them.
///
/// Flat arguments (no bracketed names such as `todo[title]`, the common case) are read with
/// `serde_urlencoded`, which does not build an intermediate tree; nested ones with `serde_qs`.
pub(crate) fn decode_args<T: DeserializeOwned>(input: &[u8]) -> Result<T, CodecError> {
    if is_flat(input) {
        let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(input));
        return serde_path_to_error::deserialize(de).map_err(args_error);
    }
    let config = serde_qs::Config::new(5, false);
    let de = serde_qs::Deserializer::with_config(&config, input)
        .map_err(|e| CodecError::Args(e.to_string()))?;
    serde_path_to_error::deserialize(de).map_err(args_error)
}

/// Whether `input` names no nested field: no `[`, raw or percent-encoded.
fn is_flat(input: &[u8]) -> bool {
    !input.contains(&b'[')
        && !input
            .windows(3)
            .any(|w| w[0] == b'%' && w[1] == b'5' && (w[2] == b'B' || w[2] == b'b'))
}

fn request(builder: http::request::Builder, body: Bytes) -> Result<Request<Bytes>, CodecError> {
    builder
        .body(body)
        .map_err(|e| CodecError::Request(e.to_string()))
}

impl<T: Serialize> IntoReq<PostUrl> for T {
    fn into_req(self, path: &str, accepts: &str) -> Result<Request<Bytes>, CodecError> {
        let body = encode_args(&self)?;
        let builder = Request::post(path)
            .header(header::CONTENT_TYPE, PostUrl::CONTENT_TYPE)
            .header(header::ACCEPT, accepts);
        request(builder, Bytes::from(body))
    }
}

impl<T: DeserializeOwned> FromReq<PostUrl> for T {
    fn from_req(req: &Request<Bytes>) -> Result<Self, CodecError> {
        decode_args(req.body())
    }
}

impl<T: Serialize> IntoReq<GetUrl> for T {
    fn into_req(self, path: &str, accepts: &str) -> Result<Request<Bytes>, CodecError> {
        get_request(&self, path, accepts)
    }
}

impl<T: DeserializeOwned> FromReq<GetUrl> for T {
    fn from_req(req: &Request<Bytes>) -> Result<Self, CodecError> {
        query_args(req)
    }
}

/// A GET request to `path` with `args` in the query string.
pub(crate) fn get_request<T: Serialize>(
    args: &T,
    path: &str,
    accepts: &str,
) -> Result<Request<Bytes>, CodecError> {
    let query = encode_args(args)?;
    let uri = if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    };
    request(
        Request::get(uri).header(header::ACCEPT, accepts),
        Bytes::new(),
    )
}

/// The arguments in a request's query string.
pub(crate) fn query_args<T: DeserializeOwned>(req: &Request<Bytes>) -> Result<T, CodecError> {
    decode_args(req.uri().query().unwrap_or_default().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Add {
        a: i32,
        b: i32,
    }

    #[test]
    fn post_url_round_trips() {
        let req = IntoReq::<PostUrl>::into_req(Add { a: 1, b: -2 }, "/api/add", "application/json")
            .unwrap();
        assert_eq!(req.method(), Method::POST);
        assert_eq!(req.body().as_ref(), b"a=1&b=-2");
        assert_eq!(req.headers()[header::CONTENT_TYPE], PostUrl::CONTENT_TYPE);
        assert_eq!(
            <Add as FromReq<PostUrl>>::from_req(&req).unwrap(),
            Add { a: 1, b: -2 }
        );
    }

    #[test]
    fn get_url_round_trips() {
        let req = IntoReq::<GetUrl>::into_req(Add { a: 3, b: 4 }, "/api/add", "application/json")
            .unwrap();
        assert_eq!(req.method(), Method::GET);
        assert_eq!(req.uri(), "/api/add?a=3&b=4");
        assert_eq!(
            <Add as FromReq<GetUrl>>::from_req(&req).unwrap(),
            Add { a: 3, b: 4 }
        );
    }

    #[test]
    fn bad_values_name_the_field() {
        let error = decode_args::<Add>(b"a=1&b=two").unwrap_err();
        assert!(
            matches!(&error, CodecError::Args(m) if m.starts_with("field `b`")),
            "{error:?}"
        );
        assert_eq!(
            decode_args::<Add>(b"a=1").unwrap_err(),
            CodecError::MissingArg("b".into())
        );
    }

    #[test]
    fn nested_names_with_encoded_brackets_decode() {
        #[derive(Debug, PartialEq, Deserialize)]
        struct Outer {
            todo: Todo,
        }
        #[derive(Debug, PartialEq, Deserialize)]
        struct Todo {
            title: String,
        }
        let outer: Outer = decode_args(b"todo%5Btitle%5D=milk").unwrap();
        assert_eq!(outer.todo.title, "milk");
    }
}
