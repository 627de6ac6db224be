use server_fn::{delete, get, patch, post, put, HttpError};

#[get(/api/users)]
pub async fn unquoted() -> Result<(), HttpError> {
    Ok(())
}

#[post("api/users")]
pub async fn no_slash() -> Result<(), HttpError> {
    Ok(())
}

#[put("/api/files/{*rest}")]
pub async fn catch_all(rest: String) -> Result<String, HttpError> {
    Ok(rest)
}

#[delete("/api/users", 42)]
pub async fn bad_extractor() -> Result<(), HttpError> {
    Ok(())
}

#[patch]
pub async fn no_path() -> Result<(), HttpError> {
    Ok(())
}

#[get("/api/users/{id}", id: HeaderMap)]
pub async fn extractor_named_like_an_argument(id: u32) -> Result<u32, HttpError> {
    Ok(id)
}

fn main() {}
