//! Resources: async data loaded into the reactive graph, rendered on the server and shipped
//! to the browser with the page.
//!
//! A [`Resource`] runs its fetcher for the current value of its source, and again whenever
//! the source changes (the newest load wins). Its value is `None` until the first load
//! completes; while a later load runs the old value stays readable (stale while
//! revalidating). Reading a loading resource inside [`Suspense`](crate::control::Suspense)
//! or [`Transition`](crate::control::Transition) tells them to wait; `.await` on a resource
//! (inside [`Suspend`](crate::control::Suspend)) waits for its value.
//!
//! On the server, [`render_to_string_async`](crate::ssr::render_to_string_async) awaits every
//! resource a render creates and writes their values into the page; hydration in the browser
//! picks them up by id, so no fetcher runs again when the page loads.

mod arc;

pub use arc::ArcResource;

use crate::control::suspense::SuspenseContext;
use crate::render_scope::{self, BoxFuture};
#[cfg(render_html)]
use reactive_graph::traits::UpdateUntracked;
use reactive_graph::traits::{DefinedAt, Notify, Track, Update, With, WithUntracked};
use reactive_graph::{batch, untrack, MaybeSend, MaybeSync, Owner, RenderEffect, RwSignal};
use reactive_graph::{use_context, StoredValue, Trigger};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::future::{Future, IntoFuture};
use std::panic::Location;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// Async data: the result of `fetcher(source())`, reloaded whenever the source changes.
///
/// A `Copy` handle, like a signal. [`get`](reactive_graph::traits::Get::get) gives
/// `Option<T>` (`None` until the first load completes; the previous value while a newer load
/// runs); `.await` gives `T` once it is loaded. The value must be serializable: the server
/// ships it to the browser with the page.
///
/// ```
/// use leptos::prelude::*;
///
/// #[component]
/// fn Greeting() -> impl IntoView {
///     let (name, _) = signal("Ada".to_string());
///     // Re-fetched whenever `name` changes.
///     let greeting = Resource::new(move || name.get(), |name| async move { format!("Hello, {name}!") });
///     view! {
///         <Suspense fallback=|| view! { <p>"Loading..."</p> }>
///             <p>{move || Suspend::new(async move { greeting.await })}</p>
///         </Suspense>
///     }
/// }
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let html = leptos::ssr::render_to_string_async(|| view! { <Greeting/> }).await;
/// assert!(html.contains("Hello, Ada!"));
/// assert!(!html.contains("Loading..."));
/// # });
/// ```
pub struct Resource<T> {
    state: RwSignal<ResourceState<T>>,
    inner: StoredValue<Inner>,
}

impl<T> Clone for Resource<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Resource<T> {}

impl<T> std::fmt::Debug for Resource<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Resource")
            .field("type", &std::any::type_name::<T>())
            .field("state", &self.state)
            .finish()
    }
}

impl<T> PartialEq for Resource<T> {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
    }
}
impl<T> Eq for Resource<T> {}

/// The reactive part of a resource: read by everything that renders it.
struct ResourceState<T> {
    value: Option<T>,
    loading: bool,
}

/// The non-reactive part of a resource.
#[derive(Default)]
struct Inner {
    /// The number of the newest load: only its result is kept.
    latest: u64,
    /// The suspense boundaries told that this resource is loading (once per load).
    registered: Vec<SuspenseContext>,
    /// Futures (`.await`s) waiting for the value.
    wakers: Vec<Waker>,
    /// Re-runs the driver (`None` on the server, where a render never fetches twice).
    refetch: Option<Trigger>,
    /// Set by `refetch()`: the driver's next run loads even if the source is unchanged.
    refetch_requested: bool,
}

impl<T> Resource<T>
where
    T: Serialize + DeserializeOwned + Clone + MaybeSend + MaybeSync + 'static,
{
    /// Creates a resource that calls `fetcher(source())` now, and again whenever what
    /// `source` reads changes to a different value.
    ///
    /// On the server, inside [`render_to_string_async`](crate::ssr::render_to_string_async),
    /// the fetcher runs at most once per resource and render, and the value is written into
    /// the page; in the browser, hydration takes that value instead of calling the fetcher.
    ///
    /// # Panics
    /// On the server, outside a render and outside a tokio runtime: the fetch is spawned
    /// (see [`reactive_graph::spawn`]) and there would be nothing to run it on.
    #[track_caller]
    pub fn new<S, Fut>(
        source: impl Fn() -> S + MaybeSend + MaybeSync + 'static,
        fetcher: impl Fn(S) -> Fut + MaybeSend + MaybeSync + 'static,
    ) -> Self
    where
        S: PartialEq + Clone + MaybeSend + MaybeSync + 'static,
        Fut: Future<Output = T> + MaybeSend + 'static,
    {
        Self::new_at(Location::caller(), source, fetcher)
    }

    /// [`Resource::new`], created at `location` (which names it in the server's cache and
    /// in warnings): for the constructors that wrap it, such as [`ArcResource::new`].
    pub(crate) fn new_at<S, Fut>(
        location: &'static Location<'static>,
        source: impl Fn() -> S + MaybeSend + MaybeSync + 'static,
        fetcher: impl Fn(S) -> Fut + MaybeSend + MaybeSync + 'static,
    ) -> Self
    where
        S: PartialEq + Clone + MaybeSend + MaybeSync + 'static,
        Fut: Future<Output = T> + MaybeSend + 'static,
    {
        Self::create(location, source, move |s| {
            Some(Box::pin(fetcher(s)) as BoxFuture<T>)
        })
    }

    /// The same as [`Resource::new`]: Leptos's name for a resource the server waits for
    /// before it sends the page. Here the server always writes the page once the resources
    /// it reads have loaded (see [`render_to_string_async`](crate::ssr::render_to_string_async)),
    /// so every resource is blocking in that sense.
    #[track_caller]
    pub fn new_blocking<S, Fut>(
        source: impl Fn() -> S + MaybeSend + MaybeSync + 'static,
        fetcher: impl Fn(S) -> Fut + MaybeSend + MaybeSync + 'static,
    ) -> Self
    where
        S: PartialEq + Clone + MaybeSend + MaybeSync + 'static,
        Fut: Future<Output = T> + MaybeSend + 'static,
    {
        Self::new(source, fetcher)
    }

    /// Creates the resource. `fetcher` returns `None` when it has nothing (more) to load.
    #[track_caller]
    fn create<S>(
        location: &'static Location<'static>,
        source: impl Fn() -> S + MaybeSend + MaybeSync + 'static,
        fetcher: impl Fn(S) -> Option<BoxFuture<T>> + MaybeSend + MaybeSync + 'static,
    ) -> Self
    where
        S: PartialEq + Clone + MaybeSend + MaybeSync + 'static,
    {
        let scope = render_scope::current_scope();
        let id = scope.as_ref().map(|scope| scope.next_id());
        #[cfg(render_html)]
        if let (Some(scope), Some(id)) = (&scope, id) {
            if let Some(pass) = scope.server_pass() {
                return Self::create_on_server(pass, id, location, source, fetcher);
            }
        }
        #[allow(unused_mut)]
        let mut initial: Option<T> = None;
        #[cfg(hydration)]
        if let (Some(scope), Some(id)) = (&scope, id) {
            #[allow(irrefutable_let_patterns)]
            if let render_scope::Mode::Hydrate(data) = &scope.mode {
                initial = hydrated_value(data, id);
            }
        }
        let _ = (location, id);
        drop(scope);
        Self::create_on_client(initial, source, fetcher)
    }

    /// A resource that loads in the background and re-loads when its source changes.
    #[track_caller]
    fn create_on_client<S>(
        initial: Option<T>,
        source: impl Fn() -> S + MaybeSend + MaybeSync + 'static,
        fetcher: impl Fn(S) -> Option<BoxFuture<T>> + MaybeSend + MaybeSync + 'static,
    ) -> Self
    where
        S: PartialEq + Clone + MaybeSend + MaybeSync + 'static,
    {
        let has_initial = initial.is_some();
        let this = Resource::empty(initial);
        let owner = Owner::current();
        // Tracks the source: its first run loads (unless hydration brought the value), each
        // later run with a different source value (or after `refetch()`) loads again.
        this.drive(move |previous: Option<S>, forced| {
            let current = source();
            let changed = match &previous {
                None => !has_initial,
                Some(previous) => *previous != current,
            };
            if changed || forced {
                if let Some(future) = untrack(|| fetcher(current.clone())) {
                    this.spawn_load(future, owner.as_ref());
                }
            }
            current
        });
        this
    }

    /// A resource in a server render pass: ready if an earlier pass resolved it, otherwise
    /// loading, with its fetch handed to the pass (which the async renderer awaits).
    #[cfg(render_html)]
    #[track_caller]
    fn create_on_server<S>(
        pass: &render_scope::ServerPass,
        id: u64,
        location: &'static Location<'static>,
        source: impl Fn() -> S,
        fetcher: impl Fn(S) -> Option<BoxFuture<T>>,
    ) -> Self
    where
        S: PartialEq + Clone + MaybeSend + MaybeSync + 'static,
    {
        use render_scope::{CacheEntry, ServerPass};
        let key = pass.key(location);
        let reads_before = render_scope::loading_reads();
        let current = untrack(&source);
        // The source read a resource that is still loading: its value is provisional, and
        // fetching with it would be wasted (and cached under the wrong source).
        let provisional = render_scope::loading_reads() != reads_before;
        let type_id = std::any::TypeId::of::<T>();
        let cached = {
            let cache = ServerPass::lock_cache(&pass.cache);
            cache.entries.get(&key).and_then(|entry| {
                let same =
                    entry.type_id == type_id && entry.source.downcast_ref::<S>() == Some(&current);
                same.then(|| (entry.done, entry.json.clone()))
            })
        };
        let mut value = None;
        match cached {
            Some((_, Some(json))) => match serde_json::from_str::<T>(&json) {
                Ok(ready) => {
                    value = Some(ready);
                    pass.output.borrow_mut().push((id, json));
                }
                Err(error) => render_scope::warn(&format!(
                    "the value of the resource created at {location} could not be read back \
                     from its JSON ({error}); it stays loading"
                )),
            },
            // Fetched, but its value could not be serialized (reported then): stays loading.
            Some((true, None)) => {}
            _ if provisional || !pass.fetch => {}
            _ => {
                if let Some(future) = untrack(|| fetcher(current.clone())) {
                    let cache = pass.cache.clone();
                    ServerPass::lock_cache(&cache).entries.insert(
                        key,
                        CacheEntry {
                            type_id,
                            source: Box::new(current),
                            json: None,
                            done: false,
                        },
                    );
                    let fetch = reactive_graph::ScopedFuture::new(async move {
                        let value = future.await;
                        let json = match serde_json::to_string(&value) {
                            Ok(json) => Some(json),
                            Err(error) => {
                                render_scope::warn(&format!(
                                    "the value of the resource created at {location} could \
                                     not be serialized ({error}); it is not sent to the browser"
                                ));
                                None
                            }
                        };
                        if let Some(entry) = ServerPass::lock_cache(&cache).entries.get_mut(&key) {
                            entry.json = json;
                            entry.done = true;
                        }
                    });
                    pass.pending.borrow_mut().push(Box::pin(fetch));
                }
            }
        }
        let loading = value.is_none();
        let this = Resource::empty(value);
        this.state.update_untracked(|state| state.loading = loading);
        this
    }
}

/// The value hydration finds for resource `id` in the server's data.
#[cfg(hydration)]
fn hydrated_value<T: DeserializeOwned>(
    data: &std::cell::RefCell<render_scope::HydrationData>,
    id: u64,
) -> Option<T> {
    let json = data.borrow_mut().take(id)?;
    match serde_json::from_value(json) {
        Ok(value) => Some(value),
        Err(error) => {
            render_scope::warn(&format!(
                "the server's value for resource {id} does not fit this resource's type \
                 ({error}): it is fetched again (did the server create its resources in a \
                 different order?)"
            ));
            None
        }
    }
}

impl<T: Clone + MaybeSend + MaybeSync + 'static> Resource<T> {
    /// A resource with `value` (or none yet), not loading.
    #[track_caller]
    fn empty(value: Option<T>) -> Self {
        Resource {
            state: RwSignal::new(ResourceState {
                value,
                loading: false,
            }),
            inner: StoredValue::new(Inner::default()),
        }
    }

    /// Creates the effect that decides when to load: `run(previous, forced)` is called now
    /// and whenever what it reads changes or `refetch()` is called (then `forced` is set);
    /// it returns the value the next run receives as `previous`.
    fn drive<S: 'static>(&self, mut run: impl FnMut(Option<S>, bool) -> S + 'static) {
        let this = *self;
        let trigger = Trigger::new();
        this.inner
            .update_value(|inner| inner.refetch = Some(trigger));
        let driver = RenderEffect::new(move |previous: Option<S>| {
            trigger.track();
            let forced = this
                .inner
                .try_update_value(|inner| std::mem::take(&mut inner.refetch_requested))
                .unwrap_or(false);
            run(previous, forced)
        });
        // Lives as long as the resource's owner.
        StoredValue::new(driver);
    }

    /// Starts load number n+1: marks the resource loading and returns the number.
    fn begin_load(self) -> Option<u64> {
        let load = self.inner.try_update_value(|inner| {
            inner.latest += 1;
            inner.latest
        })?;
        self.state
            .try_maybe_update(|state| (!std::mem::replace(&mut state.loading, true), ()));
        Some(load)
    }

    /// Starts a load of `future` on the executor (a future that may run on any thread).
    fn spawn_load(self, future: BoxFuture<T>, owner: Option<&Owner>) {
        let Some(load) = self.begin_load() else {
            return;
        };
        let task = async move {
            let value = future.await;
            self.complete(load, value);
        };
        match owner {
            Some(owner) => owner.with(|| reactive_graph::spawn(task)),
            None => reactive_graph::spawn(task),
        }
    }

    /// Stores the result of load number `load`, if it is still the newest, and tells
    /// everything that waited for it.
    fn complete(self, load: u64, value: T) {
        if self.inner.try_with_value(|inner| inner.latest) != Some(load) {
            return; // a newer load was started: its result wins
        }
        let (registered, wakers) = self
            .inner
            .try_update_value(|inner| {
                (
                    std::mem::take(&mut inner.registered),
                    std::mem::take(&mut inner.wakers),
                )
            })
            .unwrap_or_default();
        batch(|| {
            self.state.try_update(|state| {
                state.value = Some(value);
                state.loading = false;
            });
            for context in registered {
                context.unregister();
            }
        });
        wakers.into_iter().for_each(Waker::wake);
    }

    /// Loads again with the source's current value (even if it did not change). Does nothing
    /// on the server.
    pub fn refetch(&self) {
        let trigger = self.inner.try_update_value(|inner| {
            inner.refetch_requested = inner.refetch.is_some();
            inner.refetch
        });
        if let Some(Some(trigger)) = trigger {
            trigger.notify();
        }
    }

    /// Whether a load is running (tracked: the caller re-runs when this changes).
    pub fn loading(&self) -> bool {
        self.state.track();
        self.state
            .try_with_untracked(|state| state.loading)
            .unwrap_or(false)
    }

    /// Tells the nearest `<Suspense/>` or `<Transition/>` that this resource is loading,
    /// once per load.
    fn register_with_suspense(&self) {
        let Some(context) = use_context::<SuspenseContext>() else {
            return;
        };
        let added = self.inner.try_update_value(|inner| {
            let new = !inner.registered.contains(&context);
            if new {
                inner.registered.push(context);
            }
            new
        });
        if added == Some(true) {
            context.register();
        }
    }

    /// Reads the state; `track` subscribes the caller and, while loading, registers with the
    /// nearest suspense boundary.
    fn read<U>(&self, track: bool, f: impl FnOnce(&Option<T>) -> U) -> Option<U> {
        if track {
            self.state.track();
        }
        let (loading, out) = self
            .state
            .try_with_untracked(|state| (state.loading, f(&state.value)))?;
        if loading {
            render_scope::note_loading_read();
            if track {
                self.register_with_suspense();
            }
        }
        Some(out)
    }

    fn poll_value(&self, cx: &mut Context<'_>) -> Poll<T> {
        self.state.track();
        let transition = use_context::<SuspenseContext>().is_some_and(|c| c.transition());
        let ready = self
            .state
            .try_with_untracked(|state| match (&state.value, state.loading) {
                (Some(value), false) => Ok(value.clone()),
                // Inside a <Transition/>, the old value stands while the new one loads.
                (Some(value), true) if transition => Ok(value.clone()),
                (_, loading) => Err(loading),
            });
        match ready {
            Some(Ok(value)) => Poll::Ready(value),
            // Disposed: it will never load.
            None => Poll::Pending,
            Some(Err(loading)) => {
                if loading {
                    render_scope::note_loading_read();
                    self.register_with_suspense();
                }
                self.inner.try_update_value(|inner| {
                    if !inner.wakers.iter().any(|w| w.will_wake(cx.waker())) {
                        inner.wakers.push(cx.waker().clone());
                    }
                });
                Poll::Pending
            }
        }
    }
}

impl<T> DefinedAt for Resource<T> {
    fn defined_at(&self) -> Option<&'static Location<'static>> {
        self.state.defined_at()
    }
}

impl<T: Clone + MaybeSend + MaybeSync + 'static> Track for Resource<T> {
    fn track(&self) {
        self.state.track();
    }
}

impl<T: Clone + MaybeSend + MaybeSync + 'static> With for Resource<T> {
    type Value = Option<T>;

    fn try_with<U>(&self, f: impl FnOnce(&Option<T>) -> U) -> Option<U> {
        self.read(true, f)
    }
}

impl<T: Clone + MaybeSend + MaybeSync + 'static> WithUntracked for Resource<T> {
    type Value = Option<T>;

    fn try_with_untracked<U>(&self, f: impl FnOnce(&Option<T>) -> U) -> Option<U> {
        self.read(false, f)
    }
}

/// Writing a resource's value by hand (an optimistic update, say): readers re-run; a load
/// that is running still replaces the value when it completes.
impl<T: Clone + MaybeSend + MaybeSync + 'static> Update for Resource<T> {
    type Value = Option<T>;

    fn try_maybe_update<U>(&self, f: impl FnOnce(&mut Option<T>) -> (bool, U)) -> Option<U> {
        self.state.try_maybe_update(|state| f(&mut state.value))
    }
}

/// The future of a resource's value: `resource.await`.
///
/// When polled it subscribes the running computation to the resource (so the
/// `move || Suspend::new(async move { resource.await ... })` around it re-runs when the
/// value changes) and is ready once the resource has a value that is not being reloaded
/// (inside a `<Transition/>`, also while a newer value loads).
#[must_use = "futures do nothing unless awaited"]
pub struct ResourceFuture<T> {
    resource: Resource<T>,
    /// What keeps an [`ArcResource`] alive while its value is awaited.
    #[allow(dead_code)]
    keep: Option<std::sync::Arc<arc::DisposeOnDrop>>,
}

impl<T> std::fmt::Debug for ResourceFuture<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ResourceFuture")
            .field("resource", &self.resource)
            .finish()
    }
}

impl<T: Clone + MaybeSend + MaybeSync + 'static> Future for ResourceFuture<T> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        self.resource.poll_value(cx)
    }
}

impl<T: Clone + MaybeSend + MaybeSync + 'static> IntoFuture for Resource<T> {
    type Output = T;
    type IntoFuture = ResourceFuture<T>;

    fn into_future(self) -> ResourceFuture<T> {
        ResourceFuture {
            resource: self,
            keep: None,
        }
    }
}

/// A resource loaded once from one future, with no source to track.
///
/// ```
/// use leptos::prelude::*;
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let html = leptos::ssr::render_to_string_async(|| {
///     let motd = OnceResource::new(async { "Welcome".to_string() });
///     view! { <Suspense><b>{move || Suspend::new(async move { motd.await })}</b></Suspense> }
/// })
/// .await;
/// assert!(html.contains("Welcome"));
/// # });
/// ```
pub struct OnceResource<T> {
    resource: Resource<T>,
}

impl<T> Clone for OnceResource<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for OnceResource<T> {}

impl<T> std::fmt::Debug for OnceResource<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OnceResource")
            .field("resource", &self.resource)
            .finish()
    }
}

impl<T> OnceResource<T>
where
    T: Serialize + DeserializeOwned + Clone + MaybeSend + MaybeSync + 'static,
{
    /// Creates a resource whose value is the output of `future`.
    #[track_caller]
    pub fn new(future: impl Future<Output = T> + MaybeSend + 'static) -> Self {
        let slot = std::sync::Mutex::new(Some(Box::pin(future) as BoxFuture<T>));
        let resource = Resource::create(
            Location::caller(),
            || (),
            move |()| slot.lock().unwrap_or_else(|p| p.into_inner()).take(),
        );
        OnceResource { resource }
    }
}

impl<T> std::ops::Deref for OnceResource<T> {
    type Target = Resource<T>;

    fn deref(&self) -> &Resource<T> {
        &self.resource
    }
}

impl<T: Clone + MaybeSend + MaybeSync + 'static> IntoFuture for OnceResource<T> {
    type Output = T;
    type IntoFuture = ResourceFuture<T>;

    fn into_future(self) -> ResourceFuture<T> {
        self.resource.into_future()
    }
}

/// Async data loaded in the browser only: `fetcher()` is called now and again whenever
/// what it reads (before its first `.await`) changes. Neither the fetcher nor its future
/// needs to be `Send`, and the value need not be serializable.
///
/// On the server it never loads: a `<Suspense/>` around it renders its fallback, and the
/// browser loads the data after hydration. Use [`Resource`] for data the server should
/// render. (Outside a render on the server, it needs a `tokio::task::LocalSet`.)
///
/// ```
/// use leptos::prelude::*;
/// let html = leptos::ssr::render_to_string(|| {
///     let (user, _) = signal(3);
///     let avatar = LocalResource::new(move || {
///         let user = user.get();
///         async move { format!("/avatars/{user}.png") }
///     });
///     view! { <Suspense fallback=|| "no avatar yet">{move || avatar.get()}</Suspense> }
/// });
/// assert!(html.contains("no avatar yet"));
/// ```
pub struct LocalResource<T> {
    resource: Resource<T>,
}

impl<T> Clone for LocalResource<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for LocalResource<T> {}

impl<T> std::fmt::Debug for LocalResource<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalResource")
            .field("resource", &self.resource)
            .finish()
    }
}

impl<T: Clone + MaybeSend + MaybeSync + 'static> LocalResource<T> {
    /// Creates a resource that loads `fetcher()`, tracking what the fetcher reads.
    #[track_caller]
    pub fn new<Fut>(fetcher: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = T> + 'static,
    {
        let resource = Resource::empty(None);
        #[cfg(render_html)]
        if render_scope::current_scope().is_some_and(|scope| scope.server_pass().is_some()) {
            // Never loads on the server: whatever shows it waits for the browser.
            resource
                .state
                .update_untracked(|state| state.loading = true);
            return LocalResource { resource };
        }
        let owner = Owner::current();
        resource.drive(move |_: Option<()>, _| {
            let future = fetcher();
            if let Some(load) = resource.begin_load() {
                let task = async move {
                    let value = future.await;
                    resource.complete(load, value);
                };
                untrack(|| match &owner {
                    Some(owner) => owner.with(|| reactive_graph::spawn_local(task)),
                    None => reactive_graph::spawn_local(task),
                });
            }
        });
        LocalResource { resource }
    }
}

impl<T> std::ops::Deref for LocalResource<T> {
    type Target = Resource<T>;

    fn deref(&self) -> &Resource<T> {
        &self.resource
    }
}

impl<T: Clone + MaybeSend + MaybeSync + 'static> IntoFuture for LocalResource<T> {
    type Output = T;
    type IntoFuture = ResourceFuture<T>;

    fn into_future(self) -> ResourceFuture<T> {
        self.resource.into_future()
    }
}
