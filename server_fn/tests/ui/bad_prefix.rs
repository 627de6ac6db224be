use server_fn::{server, ServerFnError};

#[server(prefix = "api")]
pub async fn add(a: i32, b: i32) -> Result<i32, ServerFnError> {
    Ok(a + b)
}

#[server(AddTwo, "api")]
pub async fn add_two(a: i32) -> Result<i32, ServerFnError> {
    Ok(a + 2)
}

fn main() {}
