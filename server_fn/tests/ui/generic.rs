use server_fn::{server, ServerFnError};

#[server]
pub async fn echo<T: Clone>(value: T) -> Result<T, ServerFnError> {
    Ok(value)
}

fn main() {}
