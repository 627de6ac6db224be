//! [`ArcResource`]: a resource that lives as long as its clones, not as long as its owner.

use super::{Resource, ResourceFuture};
use reactive_graph::traits::{DefinedAt, Track, Update, With, WithUntracked};
use reactive_graph::{MaybeSend, MaybeSync, Owner, StoredValue};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::future::{Future, IntoFuture};
use std::panic::Location;
use std::sync::Arc;

/// A [`Resource`] shared by reference counting: it stays loaded and reactive as long as
/// one of its clones exists, whatever happens to the owner (component) that created it,
/// and is freed when the last clone is dropped.
///
/// Reading, `.await`, [`refetch`](ArcResource::refetch) and server rendering work as they
/// do for a `Resource`. It is `Clone` but not `Copy`: clone it into each closure that uses
/// it. `Resource::from(arc)` gives a `Copy` handle that keeps the resource alive as long
/// as the current owner.
///
/// ```
/// use leptos::prelude::*;
///
/// #[component]
/// fn Profile() -> impl IntoView {
///     let name = ArcResource::new(|| 7, |id| async move { format!("user {id}") });
///     view! {
///         <Suspense fallback=|| "Loading...">
///             <p>{move || {
///                 let name = name.clone();
///                 Suspend::new(async move { name.await })
///             }}</p>
///         </Suspense>
///     }
/// }
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let html = leptos::ssr::render_to_string_async(|| view! { <Profile/> }).await;
/// assert!(html.contains("user 7"), "{html}");
/// # });
/// ```
pub struct ArcResource<T> {
    resource: Resource<T>,
    /// Frees the resource when the last clone goes; `None` for one made from a `Resource`,
    /// which its owner frees.
    keep: Option<Arc<DisposeOnDrop>>,
}

/// Disposes the owner that holds a shared resource's state when dropped.
pub(super) struct DisposeOnDrop(Owner);

impl Drop for DisposeOnDrop {
    fn drop(&mut self) {
        self.0.dispose();
    }
}

impl<T> Clone for ArcResource<T> {
    fn clone(&self) -> Self {
        ArcResource {
            resource: self.resource,
            keep: self.keep.clone(),
        }
    }
}

impl<T> std::fmt::Debug for ArcResource<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ArcResource")
            .field("resource", &self.resource)
            .finish()
    }
}

impl<T> PartialEq for ArcResource<T> {
    fn eq(&self, other: &Self) -> bool {
        self.resource == other.resource
    }
}
impl<T> Eq for ArcResource<T> {}

impl<T> ArcResource<T>
where
    T: Serialize + DeserializeOwned + Clone + MaybeSend + MaybeSync + 'static,
{
    /// Creates a resource that calls `fetcher(source())` now, and again whenever what
    /// `source` reads changes to a different value (see [`Resource::new`]).
    #[track_caller]
    pub fn new<S, Fut>(
        source: impl Fn() -> S + MaybeSend + MaybeSync + 'static,
        fetcher: impl Fn(S) -> Fut + MaybeSend + MaybeSync + 'static,
    ) -> Self
    where
        S: PartialEq + Clone + MaybeSend + MaybeSync + 'static,
        Fut: Future<Output = T> + MaybeSend + 'static,
    {
        let location = Location::caller();
        // Its state belongs to an owner of its own, below the current one for contexts
        // but not freed with it.
        let owner = Owner::new_unowned();
        let resource = owner.with(|| Resource::new_at(location, source, fetcher));
        ArcResource {
            resource,
            keep: Some(Arc::new(DisposeOnDrop(owner))),
        }
    }

    /// The same as [`ArcResource::new`] (see [`Resource::new_blocking`]).
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
}

impl<T: Clone + MaybeSend + MaybeSync + 'static> ArcResource<T> {
    /// Loads again with the source's current value (see [`Resource::refetch`]).
    pub fn refetch(&self) {
        self.resource.refetch();
    }

    /// Whether a load is running (tracked, see [`Resource::loading`]).
    pub fn loading(&self) -> bool {
        self.resource.loading()
    }

    /// Applies `f` to the value, if there is one yet (tracked).
    pub fn map<U>(&self, f: impl FnOnce(&T) -> U) -> Option<U> {
        self.resource.with(|value| value.as_ref().map(f))
    }
}

impl<T> DefinedAt for ArcResource<T> {
    fn defined_at(&self) -> Option<&'static Location<'static>> {
        self.resource.defined_at()
    }
}

impl<T: Clone + MaybeSend + MaybeSync + 'static> Track for ArcResource<T> {
    fn track(&self) {
        self.resource.track();
    }
}

impl<T: Clone + MaybeSend + MaybeSync + 'static> With for ArcResource<T> {
    type Value = Option<T>;

    fn try_with<U>(&self, f: impl FnOnce(&Option<T>) -> U) -> Option<U> {
        self.resource.try_with(f)
    }
}

impl<T: Clone + MaybeSend + MaybeSync + 'static> WithUntracked for ArcResource<T> {
    type Value = Option<T>;

    fn try_with_untracked<U>(&self, f: impl FnOnce(&Option<T>) -> U) -> Option<U> {
        self.resource.try_with_untracked(f)
    }
}

/// Writing the value by hand, as for a [`Resource`].
impl<T: Clone + MaybeSend + MaybeSync + 'static> Update for ArcResource<T> {
    type Value = Option<T>;

    fn try_maybe_update<U>(&self, f: impl FnOnce(&mut Option<T>) -> (bool, U)) -> Option<U> {
        self.resource.try_maybe_update(f)
    }
}

/// `.await` gives the value once it is loaded; the future keeps the resource alive.
impl<T: Clone + MaybeSend + MaybeSync + 'static> IntoFuture for ArcResource<T> {
    type Output = T;
    type IntoFuture = ResourceFuture<T>;

    fn into_future(self) -> ResourceFuture<T> {
        ResourceFuture {
            resource: self.resource,
            keep: self.keep,
        }
    }
}

/// A `Copy` handle on the same resource, which the current owner keeps alive (as long as
/// the other clones do, whichever lasts longer).
impl<T: 'static> From<ArcResource<T>> for Resource<T> {
    fn from(arc: ArcResource<T>) -> Self {
        if let Some(keep) = arc.keep {
            // Dropped, and the clone count decremented, when the current owner is disposed.
            StoredValue::new(keep);
        }
        arc.resource
    }
}

/// A shared handle on a `Copy` resource: it lives as long as the owner that created the
/// resource, as the resource does.
impl<T> From<Resource<T>> for ArcResource<T> {
    fn from(resource: Resource<T>) -> Self {
        ArcResource {
            resource,
            keep: None,
        }
    }
}
