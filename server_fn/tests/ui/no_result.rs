use server_fn::server;

#[server]
pub async fn add(a: i32, b: i32) -> i32 {
    a + b
}

#[server]
pub async fn nothing() {}

fn main() {}
