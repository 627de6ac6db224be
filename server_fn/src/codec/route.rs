//! The encoding of functions declared with an HTTP-method attribute
//! (`#[get("/api/users/{id}?page")]`, `#[post("/api/users")]`, ...): [`Route`].
//!
//! The arguments travel in three places, which the attribute decides:
//!
//! - **path** parameters (`{id}`): the argument of the same name, percent-encoded into its
//!   segment; strings, numbers and booleans.
//! - **query** parameters (`?page&limit`): in the query string, URL-encoded (an `Option`
//!   that is `None` is left out). For `GET` and `DELETE` every other argument goes there too.
//! - **body** (`POST`, `PUT`, `PATCH`): the other arguments, as a JSON object keyed by
//!   argument name: `create_user(user: NewUser)` sends `{"user": {...}}`.
//!
//! The result travels as JSON, like [`super::Json`]'s.
//!
//! The macro writes, for each function, small structs for the three places and the
//! [`super::IntoReq`]/[`super::FromReq`] impls that call [`build_request`], [`path_args`],
//! [`query_args`] and [`body_args`] here.

use std::marker::PhantomData;

use bytes::Bytes;
use http::{header, Method, Request};
use serde::{de::DeserializeOwned, Serialize};

use super::url::{decode_args, encode_args};
use super::{CodecError, Encoding, Json};
use crate::pattern;

/// The encoding of a function declared with `#[get]`, `#[post]`, ...: arguments in the
/// path, the query and (for `M` = [`Post`], [`Put`], [`Patch`]) a JSON body; the result
/// as JSON.
#[derive(Debug, Default)]
pub struct Route<M>(PhantomData<M>);

/// An HTTP method of [`Route`]: [`Get`], [`Post`], [`Put`], [`Delete`] or [`Patch`].
pub trait RouteMethod {
    /// The method.
    const METHOD: Method;
    /// Whether requests carry the arguments that are neither path nor query parameters in
    /// a JSON body (otherwise they go in the query string).
    const HAS_BODY: bool;
}

macro_rules! methods {
    ($($(#[$doc:meta])* $name:ident = $method:ident, $body:literal;)*) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $name;

        impl RouteMethod for $name {
            const METHOD: Method = Method::$method;
            const HAS_BODY: bool = $body;
        }
    )*};
}

methods! {
    /// `GET`: the arguments in the path and the query.
    Get = GET, false;
    /// `POST`: the arguments in the path, the query and a JSON body.
    Post = POST, true;
    /// `PUT`: the arguments in the path, the query and a JSON body.
    Put = PUT, true;
    /// `DELETE`: the arguments in the path and the query.
    Delete = DELETE, false;
    /// `PATCH`: the arguments in the path, the query and a JSON body.
    Patch = PATCH, true;
}

impl<M: RouteMethod> Encoding for Route<M> {
    const CONTENT_TYPE: &'static str = Json::CONTENT_TYPE;
    const METHOD: Method = M::METHOD;
}

/// The request for a call: `pattern` filled in with `path` (a struct of the path
/// parameters), `query` in the query string, and `body` (the remaining arguments) as JSON.
pub fn build_request<M, P, Q, B>(
    pattern: &str,
    path: &P,
    query: &Q,
    body: Option<&B>,
    accepts: &str,
) -> Result<Request<Bytes>, CodecError>
where
    M: RouteMethod,
    P: Serialize,
    Q: Serialize,
    B: Serialize,
{
    let params = match serde_json::to_value(path) {
        Ok(serde_json::Value::Object(params)) => params,
        Ok(_) => serde_json::Map::new(),
        Err(error) => return Err(CodecError::Serialization(error.to_string())),
    };
    let mut unusable = None;
    let filled = pattern::fill(pattern, |name| match params.get(name) {
        Some(serde_json::Value::String(text)) => Some(text.clone()),
        Some(serde_json::Value::Number(number)) => Some(number.to_string()),
        Some(serde_json::Value::Bool(flag)) => Some(flag.to_string()),
        _ => {
            unusable = Some(name.to_owned());
            None
        }
    });
    let mut uri = filled.map_err(|name| {
        let reason = match unusable {
            Some(_) => "is not a string, a number or a boolean",
            None => "is empty",
        };
        CodecError::Request(format!(
            "the path parameter `{name}` {reason}: it cannot fill `{{{name}}}` in `{pattern}`"
        ))
    })?;
    let query = encode_args(query)?;
    if !query.is_empty() {
        uri.push('?');
        uri.push_str(&query);
    }
    let builder = Request::builder()
        .method(M::METHOD)
        .uri(uri)
        .header(header::ACCEPT, accepts);
    let request = match body {
        Some(body) => {
            let json =
                serde_json::to_vec(body).map_err(|e| CodecError::Serialization(e.to_string()))?;
            builder
                .header(header::CONTENT_TYPE, Json::CONTENT_TYPE)
                .body(Bytes::from(json))
        }
        None => builder.body(Bytes::new()),
    };
    request.map_err(|e| CodecError::Request(e.to_string()))
}

/// The path parameters of `req`, matched against `pattern`; a value that does not decode
/// names the parameter.
pub fn path_args<P: DeserializeOwned>(
    req: &Request<Bytes>,
    pattern: &str,
) -> Result<P, CodecError> {
    let path = req.uri().path();
    let params = pattern::match_path(pattern, path)
        .ok_or_else(|| CodecError::Args(format!("the path `{path}` does not match `{pattern}`")))?;
    let mut decoded = Vec::with_capacity(params.len());
    for (name, raw) in params {
        let value = pattern::decode(raw).ok_or_else(|| {
            CodecError::Args(format!("path parameter `{name}`: `{raw}` is not UTF-8"))
        })?;
        decoded.push((name, value));
    }
    // Through the URL encoding, so that `7` reads as a number and errors name the field.
    let form = encode_args(
        &decoded
            .into_iter()
            .collect::<std::collections::BTreeMap<_, _>>(),
    )?;
    decode_args(form.as_bytes()).map_err(|error| match error {
        CodecError::Args(message) => CodecError::Args(format!("path {message}")),
        other => other,
    })
}

/// The query parameters of `req`.
pub fn query_args<Q: DeserializeOwned>(req: &Request<Bytes>) -> Result<Q, CodecError> {
    super::url::query_args(req)
}

/// The body arguments of `req` (a JSON object; an empty body reads as `{}`, so a missing
/// argument is reported by name).
pub fn body_args<B: DeserializeOwned>(req: &Request<Bytes>) -> Result<B, CodecError> {
    let body: &[u8] = if req.body().is_empty() {
        b"{}"
    } else {
        req.body()
    };
    let mut de = serde_json::Deserializer::from_slice(body);
    let args = serde_path_to_error::deserialize(&mut de).map_err(super::args_error)?;
    de.end().map_err(|e| CodecError::Args(e.to_string()))?;
    Ok(args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct PathArgs {
        user_id: u32,
        slug: String,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct QueryArgs {
        page: Option<u32>,
        limit: Option<u32>,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct BodyArgs {
        title: String,
    }

    const PATTERN: &str = "/api/users/{user_id}/posts/{slug}";

    fn path() -> PathArgs {
        PathArgs {
            user_id: 7,
            slug: "hello world/1".into(),
        }
    }

    #[test]
    fn a_get_fills_the_path_and_the_query() {
        let query = QueryArgs {
            page: Some(2),
            limit: None,
        };
        let req =
            build_request::<Get, _, _, ()>(PATTERN, &path(), &query, None, "application/json")
                .unwrap();
        assert_eq!(req.method(), Method::GET);
        assert_eq!(req.uri(), "/api/users/7/posts/hello%20world%2F1?page=2");
        assert!(req.body().is_empty());
        assert_eq!(path_args::<PathArgs>(&req, PATTERN).unwrap(), path());
        assert_eq!(query_args::<QueryArgs>(&req).unwrap(), query);
    }

    #[test]
    fn a_post_sends_the_rest_as_a_json_object() {
        let body = BodyArgs { title: "Hi".into() };
        let none = QueryArgs {
            page: None,
            limit: None,
        };
        let req = build_request::<Post, _, _, _>(PATTERN, &path(), &none, Some(&body), "").unwrap();
        assert_eq!(req.method(), Method::POST);
        assert_eq!(req.uri(), "/api/users/7/posts/hello%20world%2F1");
        assert_eq!(req.headers()[header::CONTENT_TYPE], "application/json");
        assert_eq!(req.body().as_ref(), br#"{"title":"Hi"}"#);
        assert_eq!(body_args::<BodyArgs>(&req).unwrap(), body);
    }

    #[test]
    fn a_bad_path_value_names_the_parameter() {
        let req = Request::get("/api/users/seven/posts/x")
            .body(Bytes::new())
            .unwrap();
        let error = path_args::<PathArgs>(&req, PATTERN).unwrap_err();
        assert!(
            matches!(&error, CodecError::Args(m) if m.starts_with("path field `user_id`")),
            "{error:?}"
        );
    }

    #[test]
    fn an_empty_body_reports_the_missing_argument() {
        let req = Request::post("/x").body(Bytes::new()).unwrap();
        assert_eq!(
            body_args::<BodyArgs>(&req),
            Err(CodecError::MissingArg("title".into()))
        );
    }

    #[derive(Serialize)]
    struct NoQuery {}

    #[test]
    fn a_path_value_that_cannot_fill_a_segment_is_a_request_error() {
        #[derive(Serialize)]
        struct Nested {
            user_id: Vec<u8>,
            slug: String,
        }
        let nested = Nested {
            user_id: vec![1],
            slug: "a".into(),
        };
        let error =
            build_request::<Get, _, _, ()>(PATTERN, &nested, &NoQuery {}, None, "").unwrap_err();
        assert!(
            matches!(&error, CodecError::Request(m) if m.contains("`user_id` is not a string")),
            "{error:?}"
        );
        let empty = PathArgs {
            user_id: 1,
            slug: String::new(),
        };
        let error =
            build_request::<Get, _, _, ()>(PATTERN, &empty, &NoQuery {}, None, "").unwrap_err();
        assert!(
            matches!(&error, CodecError::Request(m) if m.contains("`slug` is empty")),
            "{error:?}"
        );
    }
}
