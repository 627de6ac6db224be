//! Every server function linked into the binary, registered at link time.
//!
//! `#[server]` submits one [`ServerFnEntry`] per function with [`inventory`], so the
//! integrations find every function without a hand-written list. [`server_fns`] gathers them
//! once into a [`ServerFnRegistry`], which refuses two functions on the same path.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use bytes::Bytes;
use http::{Method, Request};

use crate::codec::{Encoding, FromReq, IntoRes};
use crate::handler::{handle, ResponseFuture};
use crate::ServerFn;

/// One registered server function: where it is served and how to run it.
#[derive(Clone)]
pub struct ServerFnEntry {
    path: &'static str,
    method: Method,
    name: &'static str,
    handler: fn(Request<Bytes>) -> ResponseFuture,
}

impl ServerFnEntry {
    /// The entry of `F`, named `name` (its Rust path, for error messages).
    pub const fn new<F>(name: &'static str) -> Self
    where
        F: ServerFn + FromReq<F::InputEncoding>,
        F::Output: IntoRes<F::OutputEncoding>,
    {
        Self {
            path: F::PATH,
            method: <F::InputEncoding as Encoding>::METHOD,
            name,
            handler: handle::<F>,
        }
    }

    /// An entry for a hand-written handler.
    pub const fn from_parts(
        path: &'static str,
        method: Method,
        name: &'static str,
        handler: fn(Request<Bytes>) -> ResponseFuture,
    ) -> Self {
        Self {
            path,
            method,
            name,
            handler,
        }
    }

    /// The URL path, prefix included.
    pub fn path(&self) -> &'static str {
        self.path
    }

    /// The HTTP method requests must use.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The Rust path of the function (`my_app::todos::add_todo`).
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Runs the function for `req` (whose body is already read).
    pub fn run(&self, req: Request<Bytes>) -> ResponseFuture {
        (self.handler)(req)
    }
}

impl fmt::Debug for ServerFnEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServerFnEntry")
            .field("path", &self.path)
            .field("method", &self.method)
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

inventory::collect!(ServerFnEntry);

/// The server functions of a binary, by path.
#[derive(Debug, Default)]
pub struct ServerFnRegistry {
    by_path: HashMap<&'static str, ServerFnEntry>,
}

impl ServerFnRegistry {
    /// A registry of `entries`, or the first pair that shares a path.
    pub fn from_entries<'a>(
        entries: impl IntoIterator<Item = &'a ServerFnEntry>,
    ) -> Result<Self, DuplicatePathError> {
        let mut by_path = HashMap::new();
        for entry in entries {
            if let Some(first) = by_path.insert(entry.path, entry.clone()) {
                return Err(DuplicatePathError {
                    path: entry.path,
                    first: first.name,
                    second: entry.name,
                });
            }
        }
        Ok(Self { by_path })
    }

    /// The function served at `path`.
    pub fn get(&self, path: &str) -> Option<&ServerFnEntry> {
        self.by_path.get(path)
    }

    /// Every function, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &ServerFnEntry> {
        self.by_path.values()
    }

    /// How many functions there are.
    pub fn len(&self) -> usize {
        self.by_path.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }
}

/// Two server functions share a URL path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicatePathError {
    /// The shared path.
    pub path: &'static str,
    /// The function registered first.
    pub first: &'static str,
    /// The function registered second.
    pub second: &'static str,
}

impl fmt::Display for DuplicatePathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "two server functions are served at `{}`: `{}` and `{}`; give one of them another \
             `endpoint = \"...\"` or `prefix = \"...\"` in `#[server(...)]`",
            self.path, self.first, self.second
        )
    }
}

impl std::error::Error for DuplicatePathError {}

/// Every server function linked into this binary.
///
/// # Panics
///
/// On first use, if two functions share a path (the message names both).
pub fn server_fns() -> &'static ServerFnRegistry {
    static REGISTRY: OnceLock<ServerFnRegistry> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        ServerFnRegistry::from_entries(inventory::iter::<ServerFnEntry>)
            .unwrap_or_else(|error| panic!("{error}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handler::plain_error_response;

    fn not_run(_: Request<Bytes>) -> ResponseFuture {
        Box::pin(async { plain_error_response("/x", http::StatusCode::OK, String::new()) })
    }

    #[test]
    fn duplicate_paths_are_reported_with_both_names() {
        let entries = [
            ServerFnEntry::from_parts("/api/a", Method::POST, "app::a", not_run),
            ServerFnEntry::from_parts("/api/a", Method::GET, "app::other::a", not_run),
        ];
        let error = ServerFnRegistry::from_entries(&entries).unwrap_err();
        assert_eq!(error.first, "app::a");
        assert_eq!(error.second, "app::other::a");
        assert!(error
            .to_string()
            .contains("`/api/a`: `app::a` and `app::other::a`"));
    }

    #[test]
    fn distinct_paths_are_found() {
        let entries = [
            ServerFnEntry::from_parts("/api/a", Method::POST, "app::a", not_run),
            ServerFnEntry::from_parts("/api/b", Method::GET, "app::b", not_run),
        ];
        let registry = ServerFnRegistry::from_entries(&entries).unwrap();
        assert_eq!(registry.len(), 2);
        assert_eq!(registry.get("/api/b").unwrap().method(), Method::GET);
        assert!(registry.get("/api/c").is_none());
    }
}
