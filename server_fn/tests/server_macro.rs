//! `#[server]` end to end within one crate: the generated struct, paths, encodings, and (with
//! the `ssr` feature) the registered handler answering requests.

use server_fn::codec::{Encoding, GetUrl, Json, PostUrl};
use server_fn::{server, ServerFn, ServerFnError};

/// Adds two numbers.
#[server]
pub async fn add(a: i32, b: i32) -> Result<i32, ServerFnError> {
    Ok(a + b)
}

/// Adds two numbers, with JSON arguments.
#[server(name = AddJson, prefix = "/rpc", endpoint = "add_json", input = Json, output = Json)]
pub async fn add_json(a: i32, b: i32) -> Result<i32, ServerFnError> {
    Ok(a + b)
}

/// Counts a todo's letters.
#[server(AddTodo, "/api")]
pub async fn add_todo(title: String) -> Result<usize, ServerFnError> {
    Ok(title.len())
}

/// A page number plus the number of tags.
#[server(encoding = "GetUrl")]
pub async fn list(
    #[server(default)] tags: Vec<String>,
    mut page: u32,
) -> Result<u32, ServerFnError> {
    page += tags.len() as u32;
    Ok(page)
}

/// Sums bytes; CBOR both ways (legacy `encoding`, any case).
#[server(encoding = "cBoR", req = http::Request<bytes::Bytes>, res = http::Response<bytes::Bytes>)]
pub async fn sum_bytes(bytes: Vec<u8>) -> Result<u64, ServerFnError> {
    Ok(bytes.iter().map(|b| u64::from(*b)).sum())
}

/// The length of a name; a GET with a CBOR result.
#[server(encoding = "GetCbor")]
pub async fn name_len(name: String) -> Result<usize, ServerFnError> {
    Ok(name.len())
}

/// A client that answers every request itself: the request's body length, as JSON, and
/// remembers the URI it was sent to.
#[derive(Debug)]
pub struct EchoLenClient;

static LAST_URI: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

impl server_fn::client::Client for EchoLenClient {
    async fn send(
        request: server_fn::http::Request<server_fn::bytes::Bytes>,
    ) -> Result<server_fn::http::Response<server_fn::bytes::Bytes>, String> {
        *LAST_URI.lock().unwrap() = request.uri().to_string();
        let body = request.body().len().to_string();
        Ok(server_fn::http::Response::new(body.into()))
    }
}

/// A function sent with [`EchoLenClient`].
#[server(client = EchoLenClient)]
pub async fn with_own_client(text: String) -> Result<usize, ServerFnError> {
    Ok(text.len() * 100)
}

/// An item by id, with an optional query.
#[server_fn::get("/api/items/{id}?q")]
pub async fn item(id: u32, q: Option<String>) -> Result<String, server_fn::HttpError> {
    Ok(format!("{id}{q:?}"))
}

/// Functions of the same names in another module.
pub mod other {
    use server_fn::{server, ServerFnError};

    /// Same name and signature as the outer `add`, in another module.
    #[server]
    pub async fn add(a: i32, b: i32) -> Result<i32, ServerFnError> {
        Ok(a - b)
    }
}

#[test]
fn the_struct_is_named_after_the_function() {
    let args = Add { a: 1, b: 2 };
    assert_eq!(format!("{args:?}"), "Add { a: 1, b: 2 }");
    let todo: AddTodo = String::from("milk").into();
    assert_eq!(String::from(todo.clone()), "milk");
    assert_eq!(todo.title, "milk");
}

#[test]
fn default_paths_are_the_name_and_a_hash_that_differs_by_module() {
    assert!(Add::PATH.starts_with("/api/add"), "{}", Add::PATH);
    assert_eq!(Add::PATH.len(), "/api/add".len() + 16);
    assert!(other::Add::PATH.starts_with("/api/add"));
    assert_ne!(Add::PATH, other::Add::PATH);
    assert!(AddTodo::PATH.starts_with("/api/add_todo"));
}

#[test]
fn default_paths_are_stable_across_builds() {
    // The hash depends only on the module path, the name and the signature's tokens; a change
    // to this value means browser bundles and servers built by different versions disagree.
    assert_eq!(Add::PATH, "/api/addde9bb9b4e7ac6603");
}

#[test]
fn named_arguments_set_the_path_and_encodings() {
    assert_eq!(AddJson::PATH, "/rpc/add_json");
    assert_eq!(
        <<AddJson as ServerFn>::InputEncoding as Encoding>::METHOD,
        "POST"
    );
    assert_eq!(
        <<AddJson as ServerFn>::InputEncoding as Encoding>::CONTENT_TYPE,
        Json::CONTENT_TYPE
    );
    assert_eq!(
        <<Add as ServerFn>::InputEncoding as Encoding>::CONTENT_TYPE,
        PostUrl::CONTENT_TYPE
    );
    assert_eq!(
        <<List as ServerFn>::InputEncoding as Encoding>::METHOD,
        GetUrl::METHOD
    );
}

#[test]
fn legacy_cbor_encodings_set_input_and_output() {
    use server_fn::codec::{Cbor, GetCbor};
    type In<F> = <F as ServerFn>::InputEncoding;
    type Out<F> = <F as ServerFn>::OutputEncoding;
    assert_eq!(<In<SumBytes> as Encoding>::CONTENT_TYPE, Cbor::CONTENT_TYPE);
    assert_eq!(<In<SumBytes> as Encoding>::METHOD, "POST");
    assert_eq!(
        <Out<SumBytes> as Encoding>::CONTENT_TYPE,
        "application/cbor"
    );
    assert_eq!(<In<NameLen> as Encoding>::METHOD, GetCbor::METHOD);
    assert_eq!(<Out<NameLen> as Encoding>::CONTENT_TYPE, "application/cbor");
}

#[test]
fn client_names_the_client_type() {
    fn client_of<F: ServerFn>() -> &'static str {
        std::any::type_name::<F::Client>()
    }
    assert!(client_of::<WithOwnClient>().ends_with("::EchoLenClient"));
    assert!(client_of::<Add>().ends_with("::DefaultClient"));
}

#[cfg(feature = "ssr")]
mod server_side {
    use super::*;
    use server_fn::bytes::Bytes;
    use server_fn::http::{Request, StatusCode};
    use server_fn::registry::server_fns;

    fn call(req: Request<Bytes>) -> (StatusCode, String) {
        let entry = server_fns().get(req.uri().path()).expect("registered");
        let res = futures::executor::block_on(entry.run(req));
        let status = res.status();
        let body = futures::executor::block_on(res.into_body().collect()).unwrap();
        (status, String::from_utf8(body.to_vec()).unwrap())
    }

    #[test]
    fn the_function_runs_its_body_on_the_server() {
        assert_eq!(futures::executor::block_on(add(2, 3)).unwrap(), 5);
        assert_eq!(futures::executor::block_on(other::add(2, 3)).unwrap(), -1);
    }

    #[test]
    fn every_function_is_registered() {
        let registry = server_fns();
        for path in [
            Add::PATH,
            other::Add::PATH,
            AddJson::PATH,
            AddTodo::PATH,
            List::PATH,
        ] {
            assert!(registry.get(path).is_some(), "{path} is not registered");
        }
        assert_eq!(registry.get(List::PATH).unwrap().method(), "GET");
        assert!(registry
            .get(Add::PATH)
            .unwrap()
            .name()
            .ends_with("server_macro::add"));
    }

    #[test]
    fn the_handler_decodes_runs_and_encodes() {
        let req = Request::post(Add::PATH)
            .body(Bytes::from_static(b"a=2&b=40"))
            .unwrap();
        assert_eq!(call(req), (StatusCode::OK, "42".into()));
        let uri = format!("{}?page=3", List::PATH);
        let req = Request::get(uri).body(Bytes::new()).unwrap();
        assert_eq!(call(req), (StatusCode::OK, "3".into()));
    }

    #[test]
    fn cbor_functions_read_and_answer_cbor() {
        let mut body = Vec::new();
        ciborium::into_writer(
            &SumBytes {
                bytes: vec![1, 2, 250],
            },
            &mut body,
        )
        .unwrap();
        let req = Request::post(SumBytes::PATH)
            .body(Bytes::from(body))
            .unwrap();
        let entry = server_fns().get(SumBytes::PATH).unwrap();
        let res = futures::executor::block_on(entry.run(req));
        assert_eq!(res.status(), StatusCode::OK);
        let sum: u64 = ciborium::from_reader(res.body().as_full().unwrap().as_ref()).unwrap();
        assert_eq!(sum, 253);
    }

    #[test]
    fn bad_arguments_answer_400_naming_the_field() {
        let req = Request::post(Add::PATH)
            .body(Bytes::from_static(b"a=2&b=x"))
            .unwrap();
        let (status, body) = call(req);
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(body.contains("field `b`"), "{body}");
    }
}

#[cfg(not(feature = "ssr"))]
#[test]
fn a_client_build_sends_with_the_named_client() {
    let answer = futures::executor::block_on(with_own_client("abc".into()));
    assert_eq!(answer, Ok("text=abc".len()));
    assert_eq!(*LAST_URI.lock().unwrap(), WithOwnClient::PATH);
}

#[test]
fn a_method_attribute_serves_at_its_pattern() {
    assert_eq!(Item::PATH, "/api/items/{id}");
    assert_eq!(
        <<Item as ServerFn>::InputEncoding as Encoding>::METHOD,
        "GET"
    );
}

#[cfg(not(feature = "ssr"))]
#[test]
fn a_client_build_of_a_route_fills_in_the_path_and_query() {
    let error = futures::executor::block_on(item(5, Some("a b".into()))).unwrap_err();
    assert_eq!(error.status(), 400);
    assert!(
        error.message().contains("GET /api/items/5?q=a+b"),
        "{error}"
    );
}

#[cfg(not(feature = "ssr"))]
#[test]
fn a_client_build_sends_a_request_instead() {
    let error = futures::executor::block_on(add(2, 3)).unwrap_err();
    assert!(matches!(error, ServerFnError::Request(m) if m.contains(Add::PATH)));
}
