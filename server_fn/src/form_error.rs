//! The error of a form posted without JavaScript, carried back to the page in its query.
//!
//! When such a post fails, the server answers `303 See Other` back to the page that posted
//! with the function's path, its error (in the function's error encoding) and the status in
//! the query (see `redirect_protocol::answer_form_post`, feature `ssr`). The page reads them
//! back with [`error_from_query`], so its `ServerAction` starts with that error.

use http::StatusCode;

use crate::error::{decode_error, FromServerFnError};

/// The query parameter naming the function whose error [`ERROR_PARAM`] carries.
pub const PATH_PARAM: &str = "__path";
/// The query parameter carrying a failed no-JavaScript form post's error, in the
/// function's error encoding (JSON for `ServerFnError`).
pub const ERROR_PARAM: &str = "__err";
/// The query parameter carrying the HTTP status of that error.
pub const STATUS_PARAM: &str = "__status";

/// The error of the function at `path` that `query` (with or without its leading `?`)
/// carries, if it names that function and an error.
///
/// ```
/// use server_fn::form_error::error_from_query;
/// use server_fn::ServerFnError;
///
/// let query = "?page=2&__path=%2Fapi%2Fadd&__err=%7B%22ServerError%22%3A%22no%22%7D&__status=500";
/// let error: Option<ServerFnError> = error_from_query(query, "/api/add");
/// assert_eq!(error, Some(ServerFnError::ServerError("no".into())));
/// assert_eq!(error_from_query::<ServerFnError>(query, "/api/other"), None);
/// ```
pub fn error_from_query<E: FromServerFnError>(query: &str, path: &str) -> Option<E> {
    let mut named = None;
    let mut error = None;
    let mut status = StatusCode::INTERNAL_SERVER_ERROR;
    for (name, value) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
        match &*name {
            PATH_PARAM => named = Some(value),
            ERROR_PARAM => error = Some(value),
            STATUS_PARAM => {
                if let Ok(code) = StatusCode::from_bytes(value.as_bytes()) {
                    status = code;
                }
            }
            _ => {}
        }
    }
    if named.as_deref() != Some(path) {
        return None;
    }
    Some(decode_error::<E>(status, error?.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ServerFnError;

    #[test]
    fn values_are_form_decoded() {
        // `+` is a space, `%XX` a byte, and a `%` without two hex digits stays as it is.
        let query = "__path=/api/x&__err=%7B%22ServerError%22%3A%22a+b%20c%20100%%22%7D";
        let error: Option<ServerFnError> = error_from_query(query, "/api/x");
        assert_eq!(error, Some(ServerFnError::ServerError("a b c 100%".into())));
    }

    #[test]
    fn the_status_reaches_the_decoder() {
        let query = "__path=/api/x&__status=404&__err=";
        let error: Option<http::StatusCode> = error_from_query(query, "/api/x");
        assert_eq!(error, Some(http::StatusCode::NOT_FOUND));
    }

    #[test]
    fn nothing_without_an_error_for_this_function() {
        assert_eq!(error_from_query::<ServerFnError>("page=2", "/api/x"), None);
        assert_eq!(
            error_from_query::<ServerFnError>("__path=/api/x", "/api/x"),
            None
        );
    }
}
