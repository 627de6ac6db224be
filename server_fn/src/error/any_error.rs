//! [`AnyError`]: any error, shared, as views report them (`leptos::error::Error`).

use std::fmt;
use std::sync::Arc;

use super::ServerFnError;

/// Any error: a `std::error::Error` or a [`ServerFnError`], shared (cloning is cheap). A
/// `Result` view's `Err` becomes one; `<ErrorBoundary/>` lists them. It lives here, beside
/// `ServerFnError`, so that both conversions can exist: `ServerFnError` is not a
/// `std::error::Error` (it converts *from* every one of those).
#[derive(Clone)]
pub struct AnyError(Arc<dyn std::error::Error + Send + Sync>);

impl AnyError {
    /// The error itself.
    pub fn inner(&self) -> &(dyn std::error::Error + Send + Sync + 'static) {
        &*self.0
    }
}

impl<E: std::error::Error + Send + Sync + 'static> From<E> for AnyError {
    fn from(error: E) -> Self {
        AnyError(Arc::new(error))
    }
}

impl<C> From<ServerFnError<C>> for AnyError
where
    C: fmt::Display + fmt::Debug + Send + Sync + 'static,
{
    fn from(error: ServerFnError<C>) -> Self {
        AnyError(Arc::new(ShownServerFnError(error)))
    }
}

/// A `ServerFnError` as a `std::error::Error`.
#[derive(Debug)]
struct ShownServerFnError<C>(ServerFnError<C>);

impl<C: fmt::Display> fmt::Display for ShownServerFnError<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl<C: fmt::Display + fmt::Debug> std::error::Error for ShownServerFnError<C> {}

impl fmt::Debug for AnyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for AnyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::ops::Deref for AnyError {
    type Target = dyn std::error::Error + Send + Sync;
    fn deref(&self) -> &Self::Target {
        &*self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn std_errors_and_server_fn_errors_convert_and_keep_their_message() {
        let parse: AnyError = "x".parse::<i32>().unwrap_err().into();
        assert_eq!(parse.to_string(), "invalid digit found in string");
        let server: AnyError = ServerFnError::<super::super::NoCustomError>::new("down").into();
        assert_eq!(server.to_string(), "error running server function: down");
        let copy = server.clone();
        assert_eq!(copy.to_string(), server.to_string());
    }
}
