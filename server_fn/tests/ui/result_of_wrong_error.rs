use server_fn::server;

#[server]
pub async fn add(a: i32, b: i32) -> Result<i32, String> {
    Ok(a + b)
}

fn main() {}
