//! The JSON encodings: arguments as a JSON POST body ([`Json`]) or in the query string
//! ([`GetJson`]); results as a JSON body (both).

use bytes::Bytes;
use http::{header, Method, Request, Response, StatusCode};
use serde::{de::DeserializeOwned, Serialize};

use super::url::{get_request, query_args};
use super::{args_error, CodecError, Encoding, FromReq, FromRes, IntoReq, IntoRes, ResponseBody};

/// Arguments as a JSON POST body; results as JSON. The default output encoding.
#[derive(Clone, Copy, Debug, Default)]
pub struct Json;

/// Leptos 0.8's name for the JSON encoding, as written in
/// `impl FromServerFnError for MyError { type Encoder = JsonEncoding; ... }`.
pub type JsonEncoding = Json;

/// Arguments in the query string of a GET request; results as JSON.
#[derive(Clone, Copy, Debug, Default)]
pub struct GetJson;

impl Encoding for Json {
    const CONTENT_TYPE: &'static str = "application/json";
    const METHOD: Method = Method::POST;
}

impl Encoding for GetJson {
    const CONTENT_TYPE: &'static str = "application/json";
    const METHOD: Method = Method::GET;
}

impl<T: Serialize> IntoReq<Json> for T {
    fn into_req(self, path: &str, accepts: &str) -> Result<Request<Bytes>, CodecError> {
        let body =
            serde_json::to_vec(&self).map_err(|e| CodecError::Serialization(e.to_string()))?;
        Request::post(path)
            .header(header::CONTENT_TYPE, Json::CONTENT_TYPE)
            .header(header::ACCEPT, accepts)
            .body(Bytes::from(body))
            .map_err(|e| CodecError::Request(e.to_string()))
    }
}

impl<T: DeserializeOwned> FromReq<Json> for T {
    fn from_req(req: &Request<Bytes>) -> Result<Self, CodecError> {
        let mut de = serde_json::Deserializer::from_slice(req.body());
        let args = serde_path_to_error::deserialize(&mut de).map_err(args_error)?;
        de.end().map_err(|e| CodecError::Args(e.to_string()))?;
        Ok(args)
    }
}

impl<T: Serialize> IntoReq<GetJson> for T {
    fn into_req(self, path: &str, accepts: &str) -> Result<Request<Bytes>, CodecError> {
        get_request(&self, path, accepts)
    }
}

impl<T: DeserializeOwned> FromReq<GetJson> for T {
    fn from_req(req: &Request<Bytes>) -> Result<Self, CodecError> {
        query_args(req)
    }
}

/// A `200 OK` response with `value` as its JSON body.
pub(crate) fn json_response<T: Serialize + ?Sized>(
    status: StatusCode,
    value: &T,
) -> Result<Response<Bytes>, CodecError> {
    let body = serde_json::to_vec(value).map_err(|e| CodecError::Serialization(e.to_string()))?;
    Ok(super::typed_response(
        status,
        Json::CONTENT_TYPE,
        Bytes::from(body),
    ))
}

/// Decodes a JSON response body.
pub(crate) fn from_json_body<T: DeserializeOwned>(res: &Response<Bytes>) -> Result<T, CodecError> {
    serde_json::from_slice(res.body()).map_err(|e| CodecError::Deserialization(e.to_string()))
}

macro_rules! json_output {
    ($($encoding:ty),*) => {$(
        impl<T: Serialize> IntoRes<$encoding> for T {
            fn into_res(self) -> Result<Response<ResponseBody>, CodecError> {
                json_response(StatusCode::OK, &self).map(|res| res.map(ResponseBody::Full))
            }
        }

        impl<T: DeserializeOwned> FromRes<$encoding> for T {
            fn from_res(res: Response<Bytes>) -> Result<Self, CodecError> {
                from_json_body(&res)
            }
        }
    )*};
}

json_output!(Json, GetJson);

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
    fn json_args_round_trip() {
        let req =
            IntoReq::<Json>::into_req(Add { a: 1, b: 2 }, "/api/add", Json::CONTENT_TYPE).unwrap();
        assert_eq!(req.body().as_ref(), br#"{"a":1,"b":2}"#);
        assert_eq!(
            <Add as FromReq<Json>>::from_req(&req).unwrap(),
            Add { a: 1, b: 2 }
        );
    }

    #[test]
    fn json_results_round_trip() {
        let res = IntoRes::<Json>::into_res(vec![1, 2, 3]).unwrap();
        let res = res.map(|body| body.as_full().cloned().unwrap());
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(
            <Vec<i32> as FromRes<Json>>::from_res(res).unwrap(),
            [1, 2, 3]
        );
    }

    #[test]
    fn malformed_json_is_an_args_error() {
        let req = Request::post("/api/add")
            .body(Bytes::from_static(b"{\"a\": 1,"))
            .unwrap();
        assert!(matches!(
            <Add as FromReq<Json>>::from_req(&req),
            Err(CodecError::Args(_))
        ));
        let req = Request::post("/api/add")
            .body(Bytes::from_static(b"{\"a\":1,\"b\":2} x"))
            .unwrap();
        assert!(matches!(
            <Add as FromReq<Json>>::from_req(&req),
            Err(CodecError::Args(_))
        ));
    }
}
