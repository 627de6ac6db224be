//! The render scope: what one server render pass or one hydration shares with the resources
//! created inside it.
//!
//! - Every resource created inside a scope gets the next sequential id, so the n-th resource
//!   the server's final pass created is the n-th one hydration creates, and finds its value
//!   under the same id.
//! - A server pass ([`ServerPass`]) starts the fetchers of resources it has no value for and
//!   collects their futures, for the async renderer to await before the next pass; values
//!   resolved by earlier passes are kept in a [`Cache`] shared by all passes of one render.
//! - Hydration reads the values the server serialized into the page.
//!
//! The scope is a thread-local stack: a pass and the first run of hydration are synchronous,
//! and resources created later (by an effect, after hydration) belong to no scope and fetch
//! as in a client-side app.

// A client-only build (neither server rendering nor hydration) never opens a scope.
#![cfg_attr(not(any(render_html, hydration)), allow(dead_code))]

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
#[cfg(render_html)]
use std::sync::{Arc, Mutex};

/// A boxed future the graph may send across threads on the server.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;
/// A boxed future (the browser has one thread).
#[cfg(target_arch = "wasm32")]
pub(crate) type BoxFuture<T> = Pin<Box<dyn Future<Output = T>>>;

/// A type-erased value that may live in a server-wide cache.
#[cfg(all(render_html, not(target_arch = "wasm32")))]
pub(crate) type AnyValue = Box<dyn std::any::Any + Send + Sync>;
/// A type-erased value.
#[cfg(all(render_html, target_arch = "wasm32"))]
pub(crate) type AnyValue = Box<dyn std::any::Any>;

thread_local! {
    static SCOPES: RefCell<Vec<Rc<RenderScope>>> = const { RefCell::new(Vec::new()) };
    /// How many times a resource was read while loading, on this thread: a server pass
    /// compares it before and after a source runs, to tell whether the source depended on
    /// data that is not there yet.
    static LOADING_READS: Cell<u64> = const { Cell::new(0) };
}

/// One server render pass or one hydration.
pub(crate) struct RenderScope {
    next_id: Cell<u64>,
    pub(crate) mode: Mode,
    /// Hydration's position among the elements the server wrote into `<head>` (see
    /// [`crate::head`]): unset until a head view puts it back.
    #[cfg(hydration)]
    pub(crate) head_cursor: RefCell<Option<crate::view::Cursor>>,
}

/// What kind of scope this is.
pub(crate) enum Mode {
    /// Hydration: the values the server serialized, by id (taken as resources claim them).
    #[cfg(hydration)]
    Hydrate(RefCell<HydrationData>),
    /// A server render pass.
    #[cfg(render_html)]
    Server(ServerPass),
}

impl RenderScope {
    /// The id of the next resource created in this scope.
    pub(crate) fn next_id(&self) -> u64 {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        id
    }

    /// The id the next resource created in this scope will get.
    #[cfg(render_html)]
    pub(crate) fn peek_next_id(&self) -> u64 {
        self.next_id.get()
    }

    /// A hydration scope over the server's serialized values (the JSON text of the page's
    /// data script, if it has one).
    #[cfg(hydration)]
    pub(crate) fn hydrate(data: Option<String>) -> Rc<Self> {
        Self::hydrate_from(data, 0)
    }

    /// A hydration scope whose first resource gets id `first` (an island's first resource:
    /// the server numbered the page's resources before it).
    #[cfg(hydration)]
    pub(crate) fn hydrate_from(data: Option<String>, first: u64) -> Rc<Self> {
        Rc::new(RenderScope {
            next_id: Cell::new(first),
            mode: Mode::Hydrate(RefCell::new(HydrationData::Text(data))),
            head_cursor: RefCell::new(None),
        })
    }

    /// A server pass: resources find earlier passes' values in `cache`, and start their
    /// fetchers only if `fetch` is set (the synchronous renderer cannot wait for them).
    #[cfg(render_html)]
    pub(crate) fn server(cache: Arc<Mutex<Cache>>, fetch: bool) -> Rc<Self> {
        Rc::new(RenderScope {
            next_id: Cell::new(0),
            mode: Mode::Server(ServerPass {
                fetch,
                cache,
                occurrences: RefCell::new(Vec::new()),
                pending: RefCell::new(Vec::new()),
                output: RefCell::new(Vec::new()),
                pending_suspends: Cell::new(0),
                head: RefCell::default(),
            }),
            #[cfg(hydration)]
            head_cursor: RefCell::new(None),
        })
    }

    /// The server pass, if this scope is one.
    #[cfg(render_html)]
    pub(crate) fn server_pass(&self) -> Option<&ServerPass> {
        match &self.mode {
            Mode::Server(pass) => Some(pass),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }
}

/// The values the server sent, parsed when the first resource asks for one (so an app
/// without resources carries no JSON parser).
#[cfg(hydration)]
pub(crate) enum HydrationData {
    /// The data script's text, not parsed yet.
    Text(Option<String>),
    /// The values by id, each taken by the resource that claims it.
    Parsed(serde_json::Map<String, serde_json::Value>),
}

#[cfg(hydration)]
impl HydrationData {
    /// Takes the server's value for resource `id`.
    pub(crate) fn take(&mut self, id: u64) -> Option<serde_json::Value> {
        if let HydrationData::Text(text) = self {
            let parsed = match text.take().map(|text| serde_json::from_str(&text)) {
                Some(Ok(values)) => values,
                Some(Err(error)) => {
                    warn(&format!(
                        "the resources' data the server sent is not a JSON object ({error}); \
                         resources will fetch their values again"
                    ));
                    serde_json::Map::new()
                }
                None => serde_json::Map::new(),
            };
            *self = HydrationData::Parsed(parsed);
        }
        match self {
            HydrationData::Parsed(values) => values.remove(&id.to_string()),
            HydrationData::Text(_) => unreachable!("parsed above"),
        }
    }
}

/// Runs `f` with `scope` as the current render scope.
pub(crate) fn with_scope<T>(scope: Rc<RenderScope>, f: impl FnOnce() -> T) -> T {
    struct Pop;
    impl Drop for Pop {
        fn drop(&mut self) {
            SCOPES.with(|s| s.borrow_mut().pop());
        }
    }
    SCOPES.with(|s| s.borrow_mut().push(scope));
    let _pop = Pop;
    f()
}

/// The innermost render scope, if a render pass or a hydration is running.
pub(crate) fn current_scope() -> Option<Rc<RenderScope>> {
    SCOPES.with(|s| s.borrow().last().cloned())
}

/// Counts a read of a resource that is still loading.
pub(crate) fn note_loading_read() {
    LOADING_READS.with(|n| n.set(n.get() + 1));
}

/// How many reads of loading resources this thread has made.
#[cfg(render_html)]
pub(crate) fn loading_reads() -> u64 {
    LOADING_READS.with(Cell::get)
}

/// Records that a `Suspend` was still pending when it was written as HTML.
#[cfg(render_html)]
pub(crate) fn note_pending_suspend() {
    if let Some(scope) = current_scope() {
        if let Some(pass) = scope.server_pass() {
            pass.pending_suspends.set(pass.pending_suspends.get() + 1);
        }
    }
}

/// Where a resource was created and how many resources were created there before it in the
/// same pass: what identifies "the same resource" from one server pass to the next, even
/// when data that arrived in between makes new resources appear before it.
#[cfg(render_html)]
pub(crate) type CacheKey = (&'static std::panic::Location<'static>, u32);

/// Values resolved by the server passes of one render.
#[cfg(render_html)]
#[derive(Default)]
pub(crate) struct Cache {
    pub(crate) entries: std::collections::HashMap<CacheKey, CacheEntry>,
}

/// One resource's fetch on the server.
#[cfg(render_html)]
pub(crate) struct CacheEntry {
    /// The value's type, so a generic component's resources of different types never mix.
    pub(crate) type_id: std::any::TypeId,
    /// The source value the fetcher was called with: a later pass reuses the value only for
    /// an equal source.
    pub(crate) source: AnyValue,
    /// The value as JSON, once the fetch completed and serialized.
    pub(crate) json: Option<String>,
    /// Whether the fetch completed (with `json` unset if the value could not be serialized).
    pub(crate) done: bool,
}

/// The state of one server render pass.
#[cfg(render_html)]
pub(crate) struct ServerPass {
    /// Whether resources start their fetchers (the async renderer) or stay loading.
    pub(crate) fetch: bool,
    pub(crate) cache: Arc<Mutex<Cache>>,
    occurrences: RefCell<Vec<(&'static std::panic::Location<'static>, u32)>>,
    /// The fetches started in this pass.
    pub(crate) pending: RefCell<Vec<BoxFuture<()>>>,
    /// `(id, JSON)` of every resource that was ready in this pass: the data the page ships.
    pub(crate) output: RefCell<Vec<(u64, String)>>,
    /// How many `Suspend`s were written while pending.
    pub(crate) pending_suspends: Cell<usize>,
    /// What the pass's views put in the document's head (see [`crate::head`]).
    pub(crate) head: RefCell<crate::head::HeadOutput>,
}

#[cfg(render_html)]
impl ServerPass {
    /// The cache key of the next resource created at `location` in this pass.
    pub(crate) fn key(&self, location: &'static std::panic::Location<'static>) -> CacheKey {
        let mut occurrences = self.occurrences.borrow_mut();
        match occurrences.iter_mut().find(|(at, _)| *at == location) {
            Some((_, count)) => {
                *count += 1;
                (location, *count)
            }
            None => {
                occurrences.push((location, 0));
                (location, 0)
            }
        }
    }

    /// Locks the cache (a panic elsewhere does not make it unusable).
    pub(crate) fn lock_cache(cache: &Mutex<Cache>) -> std::sync::MutexGuard<'_, Cache> {
        cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Prints a warning: on the console in the browser, on stderr on the server.
pub(crate) fn warn(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::warn_1(&message.into());
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("warning: {message}");
}
