use server_fn::{server, ServerFnError};

#[server(nmae = Add, encoding = "Xml", impl_from = "yes", prefix = "/a", prefix = "/b")]
pub async fn add(a: i32, b: i32) -> Result<i32, ServerFnError> {
    Ok(a + b)
}

#[server]
pub async fn pair((a, b): (i32, i32), #[server(skip)] c: i32) -> Result<i32, ServerFnError> {
    Ok(a + b + c)
}

fn main() {}
