//! The list of paths an app's routes render, for server integrations: `leptos_axum`'s
//! `generate_route_list` mounts a server-rendering handler at each.

use crate::matching::expand_optionals;
use crate::path::{PathSegment, RoutePath};
use std::sync::{Arc, Mutex};

/// One path the app renders, with optional segments expanded: never an
/// [`PathSegment::OptionalParam`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RouteListing {
    segments: Vec<PathSegment>,
}

impl RouteListing {
    /// The listings of a nested route given each level's path: one per combination of its
    /// optional segments.
    pub(crate) fn expand(levels: &[RoutePath]) -> Vec<RouteListing> {
        expand_optionals(levels)
            .into_iter()
            .map(|(segments, _)| RouteListing { segments })
            .collect()
    }

    /// The path's segments (static, `:param` and a last `*wildcard`).
    pub fn segments(&self) -> &[PathSegment] {
        &self.segments
    }

    /// The path in the router's pattern syntax: `/contacts/:id`, `/` for the root.
    pub fn path(&self) -> String {
        RoutePath::from_segments(self.segments.clone()).to_string()
    }
}

/// Every path an app's `<Routes/>` render.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RouteList(Vec<RouteListing>);

impl RouteList {
    /// Renders `app` once on the server in a collecting mode, where `<Routes/>` reports its
    /// routes instead of rendering one, and returns them; `None` if the app has no
    /// `<Routes/>` (it renders one page). Views that are only rendered for some route are
    /// not rendered, and no resource is fetched.
    ///
    /// ```
    /// use leptos::prelude::*;
    /// use leptos_router::components::{ParentRoute, Route, Router, Routes};
    /// use leptos_router::path;
    /// use leptos_router::route_list::RouteList;
    ///
    /// #[component]
    /// fn App() -> impl IntoView {
    ///     view! {
    ///         <Router>
    ///             <Routes fallback=|| "Not found">
    ///                 <Route path=path!("/") view=|| "Home"/>
    ///                 <ParentRoute path=path!("/contacts") view=|| "Contacts">
    ///                     <Route path=path!(":id?") view=|| "Contact"/>
    ///                 </ParentRoute>
    ///             </Routes>
    ///         </Router>
    ///     }
    /// }
    ///
    /// let paths: Vec<String> = RouteList::generate(App)
    ///     .unwrap()
    ///     .iter()
    ///     .map(|listing| listing.path())
    ///     .collect();
    /// assert_eq!(paths, ["/", "/contacts/:id", "/contacts"]);
    /// ```
    ///
    /// An app that needs context only a request provides (`expect_context` at its top)
    /// panics while being collected: the routes collected before the panic are returned, or
    /// `None` (with a warning) if there were none.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn generate<F, V>(app: F) -> Option<RouteList>
    where
        F: FnOnce() -> V,
        V: leptos::view::IntoView,
    {
        let collector = RouteCollector::default();
        let provided = collector.clone();
        let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
            leptos::ssr::render_to_string(move || {
                leptos::reactive_graph::provide_context(provided);
                app()
            })
        }));
        let collected = collector.take().map(RouteList);
        if rendered.is_err() && collected.is_none() {
            crate::warn(
                "listing the app's routes failed: the app panicked before its <Routes/> (it \
                 may read context that only a request provides); no route was listed",
            );
        }
        collected
    }

    /// The listings, in the order of the routes.
    pub fn iter(&self) -> impl Iterator<Item = &RouteListing> {
        self.0.iter()
    }

    /// The listings.
    pub fn into_inner(self) -> Vec<RouteListing> {
        self.0
    }

    /// Every route's paths in a server framework's syntax, as `to_paths` writes them from a
    /// route's segments, each path once, in the order of the routes. The integrations use it
    /// to mount the routes (`leptos_axum`'s `{id}`, `leptos_actix`'s `{rest:.*}`).
    pub fn paths(&self, to_paths: impl Fn(&[PathSegment]) -> Vec<String>) -> Vec<String> {
        let mut paths: Vec<String> = Vec::new();
        for listing in &self.0 {
            for path in to_paths(listing.segments()) {
                if !paths.contains(&path) {
                    paths.push(path);
                }
            }
        }
        paths
    }
}

impl IntoIterator for RouteList {
    type Item = RouteListing;
    type IntoIter = std::vec::IntoIter<RouteListing>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// Provided while collecting routes: `<Routes/>` adds its listings instead of rendering.
#[derive(Clone, Debug, Default)]
pub(crate) struct RouteCollector(Arc<Mutex<Option<Vec<RouteListing>>>>);

impl RouteCollector {
    pub(crate) fn add(&self, listings: &[RouteListing]) {
        let mut collected = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let all = collected.get_or_insert_with(Vec::new);
        for listing in listings {
            if !all.contains(listing) {
                all.push(listing.clone());
            }
        }
    }

    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    fn take(&self) -> Option<Vec<RouteListing>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).take()
    }
}
