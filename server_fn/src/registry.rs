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
use crate::handler::{handle, Call, ResponseFuture};
use crate::route_error::ServerFnRouteError;
use crate::{pattern, ServerFn};

/// One registered server function: where it is served and how to run it.
#[derive(Clone)]
pub struct ServerFnEntry {
    path: &'static str,
    method: Method,
    name: &'static str,
    handler: fn(Request<Bytes>) -> Call,
    #[cfg(feature = "axum")]
    layers: &'static [crate::axum::RouteLayer],
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
            #[cfg(feature = "axum")]
            layers: &[],
        }
    }

    /// The same entry with the `#[middleware(...)]` layers of its function, first listed
    /// first (outermost).
    #[cfg(feature = "axum")]
    pub const fn with_layers(mut self, layers: &'static [crate::axum::RouteLayer]) -> Self {
        self.layers = layers;
        self
    }

    /// The function's `#[middleware(...)]` layers, outermost first.
    #[cfg(feature = "axum")]
    pub fn layers(&self) -> &'static [crate::axum::RouteLayer] {
        self.layers
    }

    /// An entry for a hand-written handler.
    pub const fn from_parts(
        path: &'static str,
        method: Method,
        name: &'static str,
        handler: fn(Request<Bytes>) -> Call,
    ) -> Self {
        Self {
            path,
            method,
            name,
            handler,
            #[cfg(feature = "axum")]
            layers: &[],
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
        (self.handler)(req).response
    }

    /// Decodes the arguments of a call for `req` and hands the request's parts back with the
    /// future of the answer, so that an integration can provide the parts as context for the
    /// function's body without cloning them.
    pub fn call(&self, req: Request<Bytes>) -> Call {
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

/// The server functions of a binary, found by method and path.
///
/// Plain paths (`/api/add1a2b...`) are looked up; patterns (`/api/users/{id}`, from
/// `#[get("...")]` and friends) are matched, a plain path first and then the pattern with
/// the most literal segments. Several functions may share a path with different methods
/// (`GET` and `DELETE /api/users/{id}`), but not a path and a method.
#[derive(Debug, Default)]
pub struct ServerFnRegistry {
    entries: Vec<ServerFnEntry>,
    /// Indexes into `entries` by exact path (pattern text for patterns).
    by_path: HashMap<&'static str, Vec<usize>, BuildPathHasher>,
    /// Indexes of the entries with patterns, most specific first.
    patterns: Vec<usize>,
}

/// FNV-1a ([`crate::path::fnv1a`], the hash of the default paths), for the path table:
/// paths are short, and hashing one is most of a lookup with the standard library's
/// SipHash. The table's keys are the registered paths, fixed at start-up, so requests
/// cannot grow a bucket by choosing colliding paths.
#[derive(Clone, Copy, Debug, Default)]
struct BuildPathHasher;

/// The state of [`BuildPathHasher`].
struct PathHasher(u64);

impl std::hash::BuildHasher for BuildPathHasher {
    type Hasher = PathHasher;

    fn build_hasher(&self) -> PathHasher {
        PathHasher(crate::path::FNV_OFFSET)
    }
}

impl std::hash::Hasher for PathHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = crate::path::fnv1a(self.0, bytes);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// What the registry has for a request ([`ServerFnRegistry::lookup`]).
#[derive(Debug)]
pub enum Lookup<'a> {
    /// The function to run.
    Found(&'a ServerFnEntry),
    /// Functions answer at this path, but not for this method; these are the methods they
    /// take, in alphabetical order (for a 405's `Allow` header).
    WrongMethod(Vec<Method>),
    /// No function answers at this path.
    NotFound,
}

impl ServerFnRegistry {
    /// A registry of `entries`, or the first pair that shares a path (of the same shape, for
    /// patterns) and a method.
    pub fn from_entries<'a>(
        entries: impl IntoIterator<Item = &'a ServerFnEntry>,
    ) -> Result<Self, DuplicatePathError> {
        let mut registry = Self::default();
        let mut seen: HashMap<(String, Method), &'static str> = HashMap::new();
        for entry in entries {
            let key = (pattern::shape(entry.path), entry.method.clone());
            if let Some(first) = seen.insert(key, entry.name) {
                return Err(DuplicatePathError {
                    path: entry.path,
                    method: entry.method.clone(),
                    first,
                    second: entry.name,
                });
            }
            let index = registry.entries.len();
            registry.entries.push(entry.clone());
            registry.by_path.entry(entry.path).or_default().push(index);
            if pattern::has_params(entry.path) {
                registry.patterns.push(index);
            }
        }
        let entries = &registry.entries;
        registry
            .patterns
            .sort_by_key(|&i| std::cmp::Reverse(pattern::specificity(entries[i].path)));
        Ok(registry)
    }

    /// The first function registered at exactly `path` (for a pattern, its text).
    pub fn get(&self, path: &str) -> Option<&ServerFnEntry> {
        let index = *self.by_path.get(path)?.first()?;
        Some(&self.entries[index])
    }

    /// The function that answers `method` at `path`, or why there is none.
    pub fn lookup(&self, method: &Method, path: &str) -> Lookup<'_> {
        let exact = self.by_path.get(path).into_iter().flatten().copied();
        let matched = self
            .patterns
            .iter()
            .copied()
            .filter(|&i| pattern::match_path(self.entries[i].path, path).is_some());
        let mut allowed = Vec::new();
        for index in exact.chain(matched) {
            let entry = &self.entries[index];
            if entry.method == *method {
                return Lookup::Found(entry);
            }
            if !allowed.contains(&entry.method) {
                allowed.push(entry.method.clone());
            }
        }
        if allowed.is_empty() {
            Lookup::NotFound
        } else {
            allowed.sort_by(|a, b| a.as_str().cmp(b.as_str()));
            Lookup::WrongMethod(allowed)
        }
    }

    /// The function that answers `method` at `path`, or the error an integration answers
    /// with: [`ServerFnRouteError::NotFound`] or [`ServerFnRouteError::MethodNotAllowed`].
    pub fn find(&self, method: &Method, path: &str) -> Result<&ServerFnEntry, ServerFnRouteError> {
        match self.lookup(method, path) {
            Lookup::Found(entry) => Ok(entry),
            Lookup::WrongMethod(allowed) => Err(ServerFnRouteError::MethodNotAllowed {
                path: path.to_owned(),
                allowed,
            }),
            Lookup::NotFound => Err(ServerFnRouteError::NotFound {
                path: path.to_owned(),
            }),
        }
    }

    /// The paths to mount on a router: one per distinct path, and one per shape of pattern
    /// (`/api/users/{id}` and `/api/users/{uid}` would conflict in a router).
    pub fn routes(&self) -> Vec<&'static str> {
        let mut shapes = Vec::new();
        let mut routes = Vec::new();
        for entry in &self.entries {
            let shape = pattern::shape(entry.path);
            if !shapes.contains(&shape) {
                shapes.push(shape);
                routes.push(entry.path);
            }
        }
        routes
    }

    /// Every function, in registration order.
    pub fn iter(&self) -> impl Iterator<Item = &ServerFnEntry> {
        self.entries.iter()
    }

    /// How many functions there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Two server functions share a URL path and a method.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicatePathError {
    /// The shared path (the second function's, for patterns of the same shape).
    pub path: &'static str,
    /// The shared method.
    pub method: Method,
    /// The function registered first.
    pub first: &'static str,
    /// The function registered second.
    pub second: &'static str,
}

impl fmt::Display for DuplicatePathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "two server functions are served at `{}` for {}: `{}` and `{}`; give one of them \
             another path (`endpoint = \"...\"` or `prefix = \"...\"` in `#[server(...)]`, \
             or the path of `#[get(\"...\")]` and friends)",
            self.path, self.method, self.first, self.second
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

    fn not_run(req: Request<Bytes>) -> Call {
        let (parts, _) = req.into_parts();
        Call::new(
            parts,
            Box::pin(async {
                plain_error_response("/x", http::StatusCode::OK, String::new()).map(Into::into)
            }),
        )
    }

    fn entry(path: &'static str, method: Method, name: &'static str) -> ServerFnEntry {
        ServerFnEntry::from_parts(path, method, name, not_run)
    }

    fn found(registry: &ServerFnRegistry, method: Method, path: &str) -> Option<&'static str> {
        match registry.lookup(&method, path) {
            Lookup::Found(entry) => Some(entry.name()),
            _ => None,
        }
    }

    #[test]
    fn duplicate_paths_and_methods_are_reported_with_both_names() {
        let entries = [
            entry("/api/a", Method::POST, "app::a"),
            entry("/api/a", Method::POST, "app::other::a"),
        ];
        let error = ServerFnRegistry::from_entries(&entries).unwrap_err();
        assert_eq!(error.first, "app::a");
        assert_eq!(error.second, "app::other::a");
        assert!(error
            .to_string()
            .contains("`/api/a` for POST: `app::a` and `app::other::a`"));
        let same_shape = [
            entry("/api/u/{id}", Method::GET, "app::a"),
            entry("/api/u/{uid}", Method::GET, "app::b"),
        ];
        assert!(ServerFnRegistry::from_entries(&same_shape).is_err());
    }

    #[test]
    fn distinct_paths_are_found() {
        let entries = [
            entry("/api/a", Method::POST, "app::a"),
            entry("/api/b", Method::GET, "app::b"),
        ];
        let registry = ServerFnRegistry::from_entries(&entries).unwrap();
        assert_eq!(registry.len(), 2);
        assert_eq!(registry.get("/api/b").unwrap().method(), Method::GET);
        assert!(registry.get("/api/c").is_none());
        assert_eq!(found(&registry, Method::POST, "/api/a"), Some("app::a"));
        assert!(matches!(
            registry.lookup(&Method::GET, "/api/c"),
            Lookup::NotFound
        ));
        assert_eq!(
            registry.find(&Method::GET, "/api/b").unwrap().name(),
            "app::b"
        );
        assert_eq!(
            registry.find(&Method::GET, "/api/a").unwrap_err(),
            ServerFnRouteError::MethodNotAllowed {
                path: "/api/a".into(),
                allowed: vec![Method::POST]
            }
        );
        assert_eq!(
            registry.find(&Method::GET, "/api/c").unwrap_err().status(),
            http::StatusCode::NOT_FOUND
        );
    }

    #[test]
    fn patterns_match_by_method_and_specificity() {
        let entries = [
            entry("/api/users/{id}", Method::GET, "get_user"),
            entry("/api/users/{id}", Method::DELETE, "delete_user"),
            entry("/api/users/me", Method::GET, "me"),
            entry("/api/{kind}/{id}", Method::PUT, "put_any"),
        ];
        let registry = ServerFnRegistry::from_entries(&entries).unwrap();
        assert_eq!(
            found(&registry, Method::GET, "/api/users/7"),
            Some("get_user")
        );
        assert_eq!(
            found(&registry, Method::DELETE, "/api/users/7"),
            Some("delete_user")
        );
        assert_eq!(found(&registry, Method::GET, "/api/users/me"), Some("me"));
        assert_eq!(
            found(&registry, Method::DELETE, "/api/users/me"),
            Some("delete_user")
        );
        assert_eq!(
            found(&registry, Method::PUT, "/api/users/7"),
            Some("put_any")
        );
        match registry.lookup(&Method::POST, "/api/users/7") {
            Lookup::WrongMethod(allowed) => {
                assert_eq!(allowed, [Method::DELETE, Method::GET, Method::PUT])
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            registry.lookup(&Method::GET, "/api/users/7/posts"),
            Lookup::NotFound
        ));
        assert_eq!(
            registry.routes(),
            ["/api/users/{id}", "/api/users/me", "/api/{kind}/{id}"]
        );
    }
}
