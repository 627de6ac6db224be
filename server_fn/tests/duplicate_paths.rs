//! Two server functions on the same path are reported at start-up, naming both.
#![cfg(feature = "ssr")]

use server_fn::{server, ServerFnError};

/// One function at `/api/same`.
#[server(endpoint = "same")]
pub async fn first() -> Result<(), ServerFnError> {
    Ok(())
}

/// Another function at `/api/same`.
#[server(endpoint = "same")]
pub async fn second() -> Result<(), ServerFnError> {
    Ok(())
}

#[test]
#[should_panic(expected = "two server functions are served at `/api/same`")]
fn the_registry_refuses_two_functions_on_one_path() {
    server_fn::registry::server_fns();
}

#[test]
fn the_message_names_both_functions() {
    let panic = std::panic::catch_unwind(server_fn::registry::server_fns).unwrap_err();
    let message = panic.downcast_ref::<String>().unwrap();
    assert!(message.contains("duplicate_paths::first"), "{message}");
    assert!(message.contains("duplicate_paths::second"), "{message}");
}
