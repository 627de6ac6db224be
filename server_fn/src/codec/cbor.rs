//! The CBOR encodings: arguments as a CBOR POST body ([`Cbor`]) or in the query string
//! ([`GetCbor`]); results as a CBOR body (both). CBOR is a compact binary form of the serde
//! data model, smaller and faster to decode than JSON for large or numeric data.

use bytes::Bytes;
use http::{header, Method, Request, Response, StatusCode};
use serde::{de::DeserializeOwned, Serialize};

use super::url::{get_request, query_args};
use super::{args_error, CodecError, Encoding, FromReq, FromRes, IntoReq, IntoRes, ResponseBody};

/// Arguments as a CBOR POST body (`application/cbor`); results as CBOR.
#[derive(Clone, Copy, Debug, Default)]
pub struct Cbor;

/// Arguments in the query string of a GET request (as [`super::GetUrl`]); results as CBOR.
#[derive(Clone, Copy, Debug, Default)]
pub struct GetCbor;

impl Encoding for Cbor {
    const CONTENT_TYPE: &'static str = "application/cbor";
    const METHOD: Method = Method::POST;
}

impl Encoding for GetCbor {
    const CONTENT_TYPE: &'static str = "application/cbor";
    const METHOD: Method = Method::GET;
}

/// `value` as CBOR bytes.
fn to_cbor<T: Serialize + ?Sized>(value: &T) -> Result<Bytes, CodecError> {
    let mut buffer = Vec::new();
    ciborium::into_writer(value, &mut buffer)
        .map_err(|e| CodecError::Serialization(e.to_string()))?;
    Ok(Bytes::from(buffer))
}

/// Decodes CBOR `bytes`; a failure is described by `error` (which says whether it was the
/// arguments or the response) and names the field when it can.
fn from_cbor<T: DeserializeOwned>(
    bytes: &[u8],
    error: fn(String) -> CodecError,
) -> Result<T, CodecError> {
    ciborium::from_reader::<T, _>(bytes).map_err(|cbor_error| {
        let message = cbor_error.to_string();
        match field_of_error::<T>(bytes) {
            Some(CodecError::MissingArg(name)) => CodecError::MissingArg(name),
            Some(CodecError::Args(described)) if described.starts_with("field `") => {
                error(described)
            }
            _ => error(format!("invalid CBOR: {message}")),
        }
    })
}

/// For an error message that names the field: decodes `bytes` again into a generic CBOR
/// value and from there, through JSON's data model, into `T` with the path tracked. `None`
/// when the bytes are not CBOR at all or the JSON model cannot express them.
fn field_of_error<T: DeserializeOwned>(bytes: &[u8]) -> Option<CodecError> {
    let value: ciborium::Value = ciborium::from_reader(bytes).ok()?;
    let json = to_json(value)?;
    let error = serde_path_to_error::deserialize::<_, T>(json).err()?;
    Some(args_error(error))
}

/// A CBOR value in JSON's data model (byte strings become arrays of numbers, tags are
/// dropped, integer map keys become strings); `None` for what JSON cannot hold.
fn to_json(value: ciborium::Value) -> Option<serde_json::Value> {
    use ciborium::Value as C;
    use serde_json::Value as J;
    Some(match value {
        C::Integer(n) => {
            let n = i128::from(n);
            if let Ok(n) = i64::try_from(n) {
                J::from(n)
            } else {
                J::from(u64::try_from(n).ok()?)
            }
        }
        C::Bytes(bytes) => J::Array(bytes.into_iter().map(J::from).collect()),
        C::Float(f) => J::from(serde_json::Number::from_f64(f)?),
        C::Text(text) => J::String(text),
        C::Bool(b) => J::Bool(b),
        C::Null => J::Null,
        C::Tag(_, inner) => to_json(*inner)?,
        C::Array(items) => J::Array(items.into_iter().map(to_json).collect::<Option<_>>()?),
        C::Map(entries) => {
            let mut map = serde_json::Map::new();
            for (key, value) in entries {
                let key = match key {
                    C::Text(text) => text,
                    C::Integer(n) => i128::from(n).to_string(),
                    _ => return None,
                };
                map.insert(key, to_json(value)?);
            }
            J::Object(map)
        }
        _ => return None,
    })
}

impl<T: Serialize> IntoReq<Cbor> for T {
    fn into_req(self, path: &str, accepts: &str) -> Result<Request<Bytes>, CodecError> {
        Request::post(path)
            .header(header::CONTENT_TYPE, Cbor::CONTENT_TYPE)
            .header(header::ACCEPT, accepts)
            .body(to_cbor(&self)?)
            .map_err(|e| CodecError::Request(e.to_string()))
    }
}

impl<T: DeserializeOwned> FromReq<Cbor> for T {
    fn from_req(req: &Request<Bytes>) -> Result<Self, CodecError> {
        from_cbor(req.body(), CodecError::Args)
    }
}

impl<T: Serialize> IntoReq<GetCbor> for T {
    fn into_req(self, path: &str, accepts: &str) -> Result<Request<Bytes>, CodecError> {
        get_request(&self, path, accepts)
    }
}

impl<T: DeserializeOwned> FromReq<GetCbor> for T {
    fn from_req(req: &Request<Bytes>) -> Result<Self, CodecError> {
        query_args(req)
    }
}

macro_rules! cbor_output {
    ($($encoding:ty),*) => {$(
        impl<T: Serialize> IntoRes<$encoding> for T {
            fn into_res(self) -> Result<Response<ResponseBody>, CodecError> {
                Ok(super::typed_response(
                    StatusCode::OK,
                    Cbor::CONTENT_TYPE,
                    ResponseBody::Full(to_cbor(&self)?),
                ))
            }
        }

        impl<T: DeserializeOwned> FromRes<$encoding> for T {
            fn from_res(res: Response<Bytes>) -> Result<Self, CodecError> {
                from_cbor(res.body(), CodecError::Deserialization)
            }
        }
    )*};
}

cbor_output!(Cbor, GetCbor);

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Upload {
        name: String,
        data: Vec<u8>,
        tags: BTreeMap<u32, String>,
        ratio: Option<f64>,
    }

    fn upload() -> Upload {
        Upload {
            name: "photo".into(),
            data: vec![0, 1, 255],
            tags: BTreeMap::from([(7, "seven".into())]),
            ratio: Some(0.5),
        }
    }

    #[test]
    fn cbor_args_round_trip() {
        let req = IntoReq::<Cbor>::into_req(upload(), "/api/upload", Cbor::CONTENT_TYPE).unwrap();
        assert_eq!(req.method(), Method::POST);
        assert_eq!(req.headers()[header::CONTENT_TYPE], "application/cbor");
        assert_eq!(<Upload as FromReq<Cbor>>::from_req(&req).unwrap(), upload());
    }

    #[test]
    fn get_cbor_sends_the_query_and_reads_cbor() {
        #[derive(Debug, PartialEq, Serialize, Deserialize)]
        struct Page {
            page: u32,
        }
        let req = IntoReq::<GetCbor>::into_req(Page { page: 3 }, "/api/list", "application/cbor")
            .unwrap();
        assert_eq!(req.uri(), "/api/list?page=3");
        assert_eq!(
            <Page as FromReq<GetCbor>>::from_req(&req).unwrap(),
            Page { page: 3 }
        );
        let res = IntoRes::<GetCbor>::into_res(vec![upload()]).unwrap();
        let res = res.map(|body| body.as_full().cloned().unwrap());
        assert_eq!(res.headers()[header::CONTENT_TYPE], "application/cbor");
        assert_eq!(
            <Vec<Upload> as FromRes<GetCbor>>::from_res(res).unwrap(),
            [upload()]
        );
    }

    #[test]
    fn cbor_results_round_trip() {
        let res = IntoRes::<Cbor>::into_res((1u8, "two".to_owned(), -3i64)).unwrap();
        let res = res.map(|body| body.as_full().cloned().unwrap());
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(
            <(u8, String, i64) as FromRes<Cbor>>::from_res(res).unwrap(),
            (1, "two".into(), -3)
        );
    }

    #[test]
    fn malformed_cbor_is_an_args_error() {
        let req = Request::post("/api/upload")
            .body(Bytes::from_static(&[0xff, 0x00, 0x13]))
            .unwrap();
        let error = <Upload as FromReq<Cbor>>::from_req(&req).unwrap_err();
        assert!(
            matches!(&error, CodecError::Args(m) if m.starts_with("invalid CBOR")),
            "{error:?}"
        );
    }

    #[test]
    fn a_wrong_field_is_named_and_a_missing_one_reported() {
        #[derive(Serialize)]
        struct Wrong {
            name: u32,
        }
        let req = IntoReq::<Cbor>::into_req(Wrong { name: 5 }, "/api/upload", "").unwrap();
        let error = <Upload as FromReq<Cbor>>::from_req(&req).unwrap_err();
        assert!(
            matches!(&error, CodecError::Args(m) if m.starts_with("field `name`")),
            "{error:?}"
        );
        #[derive(Serialize)]
        struct Partial {
            name: String,
            tags: BTreeMap<u32, String>,
        }
        let partial = Partial {
            name: "x".into(),
            tags: BTreeMap::new(),
        };
        let req = IntoReq::<Cbor>::into_req(partial, "/api/upload", "").unwrap();
        assert_eq!(
            <Upload as FromReq<Cbor>>::from_req(&req).unwrap_err(),
            CodecError::MissingArg("data".into())
        );
    }
}
