//! `#[leptos::server]` (and the prelude's `server`) expand with paths through
//! `::leptos::server_fn`, for an app that depends only on `leptos`.

use leptos::prelude::*;
use leptos::server_fn::codec::{Encoding, GetUrl};
use leptos::server_fn::ServerFn;

/// Adds two numbers, declared through the prelude.
#[server]
pub async fn add(a: i32, b: i32) -> Result<i32, ServerFnError> {
    Ok(a + b)
}

/// A GET function at a fixed path, declared through the full path of the attribute.
#[leptos::server(prefix = "/rpc", endpoint = "count", input = GetUrl)]
pub async fn count(items: Vec<u8>) -> Result<usize, ServerFnError> {
    Ok(items.len())
}

/// A DELETE at a path pattern, through `leptos::delete`.
#[leptos::delete("/api/todos/{id}")]
pub async fn delete_todo(id: u32) -> Result<u32, ServerFnError> {
    Ok(id)
}

#[test]
fn method_attributes_serve_at_their_pattern() {
    assert_eq!(DeleteTodo::PATH, "/api/todos/{id}");
    assert_eq!(
        <<DeleteTodo as ServerFn>::InputEncoding as Encoding>::METHOD,
        "DELETE"
    );
    let request = leptos::server_fn::client::build_request(DeleteTodo { id: 4 }).unwrap();
    assert_eq!(request.uri(), "/api/todos/4");
}

#[test]
fn the_struct_and_its_server_fn_impl_are_generated() {
    assert!(Add::PATH.starts_with("/api/add"), "{}", Add::PATH);
    assert_eq!(Add::PATH.len(), "/api/add".len() + 16);
    assert_eq!(Count::PATH, "/rpc/count");
    assert_eq!(
        <<Count as ServerFn>::InputEncoding as Encoding>::METHOD,
        GetUrl::METHOD
    );
    let args = Add { a: 1, b: 2 };
    assert_eq!(format!("{args:?}"), "Add { a: 1, b: 2 }");
}

#[test]
fn the_default_path_hashes_the_signature_and_module_as_through_server_fn() {
    // The same formula as `server_fn::server`: FNV-1a over the whitespace-free signature,
    // continued over the module path; the crate the attribute came from plays no part.
    use leptos::server_fn::path::{fnv1a, FNV_OFFSET};
    let seed = fnv1a(FNV_OFFSET, b"add:a:i32,b:i32->->Result<i32,ServerFnError>");
    let hash = fnv1a(seed, module_path!().as_bytes());
    assert_eq!(Add::PATH, format!("/api/add{hash:016x}"));
}

#[cfg(feature = "ssr")]
#[test]
fn the_body_runs_and_the_function_is_registered() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    assert_eq!(runtime.block_on(add(2, 3)), Ok(5));
    let registry = leptos::server_fn::registry::server_fns();
    assert_eq!(registry.get(Count::PATH).unwrap().method(), "GET");
}

#[cfg(not(feature = "ssr"))]
#[test]
fn a_client_build_sends_a_request() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let error = runtime.block_on(add(2, 3)).unwrap_err();
    assert!(
        matches!(&error, ServerFnError::Request(m) if m.contains(Add::PATH)),
        "{error:?}"
    );
}
