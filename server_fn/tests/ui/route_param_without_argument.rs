use server_fn::{get, post, HttpError};

#[get("/api/users/{user_id}")]
pub async fn get_user(id: u32) -> Result<u32, HttpError> {
    Ok(id)
}

#[post("/api/users?notify&page", headers: HeaderMap)]
pub async fn create_user(name: String, page: Option<u32>) -> Result<String, HttpError> {
    Ok(format!("{name}{page:?}"))
}

fn main() {}
