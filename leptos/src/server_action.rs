//! [`ServerAction`]: an [`Action`] that calls a server function.

use std::ops::Deref;

use reactive_graph::prelude::*;
use reactive_graph::Action;
use server_fn::codec::{FromRes, IntoReq};
use server_fn::ServerFn;

/// The result of a server function `S`, as its action holds it.
pub type ServerFnOutcome<S> = Result<<S as ServerFn>::Output, <S as ServerFn>::Error>;

/// An action whose work is a call of the server function `S`: dispatch it with the
/// function's arguments struct, read `pending()`, `value()` and `version()` as with any
/// [`Action`] (it dereferences to one).
///
/// Pass it to [`ActionForm`](crate::form::ActionForm) to call the function from a form
/// that also works without JavaScript. When such a form was posted without JavaScript and
/// the function failed, the server sends the browser back with the error in the page's
/// query; the action then starts with that error as its value, so the page shows it.
///
/// ```
/// use leptos::prelude::*;
///
/// #[leptos::server]
/// pub async fn add_todo(title: String) -> Result<(), ServerFnError> {
///     Ok(())
/// }
///
/// # let owner = Owner::new_root();
/// # owner.with(|| {
/// let add = ServerAction::<AddTodo>::new();
/// // add.dispatch(AddTodo { title: "milk".into() });
/// assert_eq!(add.version().get_untracked(), 0);
/// assert!(add.url().starts_with("/api/add_todo"));
/// # });
/// ```
pub struct ServerAction<S: ServerFn>
where
    S::Output: 'static,
    S::Error: 'static,
{
    action: Action<S, ServerFnOutcome<S>>,
}

impl<S: ServerFn> Clone for ServerAction<S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S: ServerFn> Copy for ServerAction<S> {}

impl<S: ServerFn> std::fmt::Debug for ServerAction<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServerAction")
            .field("url", &S::PATH)
            .finish()
    }
}

impl<S> ServerAction<S>
where
    S: ServerFn + IntoReq<S::InputEncoding> + Clone + Sync,
    S::Output: FromRes<S::OutputEncoding> + Send + Sync,
    S::Error: Send + Sync,
{
    /// An action calling `S`. On the server (the `ssr` feature) it runs the function's
    /// body; in the browser it sends the request.
    #[track_caller]
    pub fn new() -> Self {
        let action = Action::new(|args: &S| run::<S>(args.clone()));
        if let Some(error) = error_from_url::<S>() {
            action.value().set(Some(Err(error)));
        }
        ServerAction { action }
    }
}

impl<S> Default for ServerAction<S>
where
    S: ServerFn + IntoReq<S::InputEncoding> + Clone + Sync,
    S::Output: FromRes<S::OutputEncoding> + Send + Sync,
    S::Error: Send + Sync,
{
    fn default() -> Self {
        Self::new()
    }
}

impl<S: ServerFn> ServerAction<S> {
    /// The path the function is served at, which a form posts to.
    pub fn url(&self) -> &'static str {
        S::PATH
    }
}

impl<S: ServerFn> Deref for ServerAction<S> {
    type Target = Action<S, ServerFnOutcome<S>>;

    fn deref(&self) -> &Self::Target {
        &self.action
    }
}

/// Calls `S`: its body on the server, a request in the browser.
#[cfg(feature = "ssr")]
async fn run<S>(args: S) -> ServerFnOutcome<S>
where
    S: ServerFn + IntoReq<S::InputEncoding>,
    S::Output: FromRes<S::OutputEncoding>,
{
    args.run_body().await
}

/// Calls `S`: its body on the server, a request in the browser.
#[cfg(not(feature = "ssr"))]
async fn run<S>(args: S) -> ServerFnOutcome<S>
where
    S: ServerFn + IntoReq<S::InputEncoding>,
    S::Output: FromRes<S::OutputEncoding>,
{
    server_fn::client::call(args).await
}

/// The error a failed form post of `S` left in the page's query (`__path`, `__err`,
/// `__status`).
fn error_from_url<S: ServerFn>() -> Option<S::Error> {
    let query = current_query()?;
    let mut path = None;
    let mut error = None;
    let mut status = server_fn::http::StatusCode::INTERNAL_SERVER_ERROR;
    for pair in query.trim_start_matches('?').split('&') {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = percent_decode(value);
        match name {
            "__path" => path = Some(value),
            "__err" => error = Some(value),
            "__status" => {
                if let Ok(code) = server_fn::http::StatusCode::from_bytes(value.as_bytes()) {
                    status = code;
                }
            }
            _ => {}
        }
    }
    if path.as_deref() != Some(S::PATH) {
        return None;
    }
    Some(server_fn::error::decode_error::<S::Error>(
        status,
        error?.as_bytes(),
    ))
}

/// The query of the page being rendered: the request's on the server, the location's in
/// the browser.
fn current_query() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window().and_then(|w| w.location().search().ok())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        reactive_graph::use_context::<server_fn::http::request::Parts>()
            .and_then(|parts| parts.uri.query().map(str::to_owned))
    }
}

/// Decodes `%XX` escapes and `+` (a form's space); a `%` not followed by two hex digits
/// stays as it is.
fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::percent_decode;

    #[test]
    fn percent_escapes_and_plus_decode() {
        assert_eq!(percent_decode("%7B%22a%22%3A1%7D"), r#"{"a":1}"#);
        assert_eq!(percent_decode("a+b%20c"), "a b c");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }
}
