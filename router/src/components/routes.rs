//! `<Routes/>` and `<Outlet/>`: the route table, and the views of the matched route.
//!
//! `<Routes/>` compiles its children's definitions into a [`RouteTable`] and keeps a memo
//! of the route that matches the current path. Each nesting level is shown by an outlet
//! (`<Routes/>` itself is level 0, each `<Outlet/>` the next): a dynamic view that re-renders
//! only when the route *at its level* changes. Going from `/contacts/1` to `/contacts/2`
//! re-renders nothing: the detail view's parameters change, and only what reads them
//! updates.
//!
//! Each level's view runs with a [`RouteContext`]: its parameters and the path it matched,
//! both memos that keep their last value once the URL no longer matches this route (while
//! the outlet above is about to replace it), so a view never sees parameters that are not
//! its route's.

use super::route::{collect, RouteDef};
use crate::matching::RouteMatcher;
use crate::params::ParamsMap;
use crate::path::RoutePath;
use crate::route_list::{RouteCollector, RouteListing};
use crate::RouterContext;
use leptos::children::{Children, ViewFn};
use leptos::prelude::*;
use leptos::server_context::RequestContext;
use leptos::view::DynamicView;
use std::sync::Arc;

/// The compiled route definitions of one `<Routes/>`.
#[derive(Debug)]
pub(crate) struct RouteTable {
    /// Every definition's view, by node id (definitions in document order).
    views: Vec<ViewFn>,
    /// The routes that can match: one per leaf definition, as the chain of its ancestors'
    /// and its own paths.
    matcher: RouteMatcher,
    /// The node ids of each leaf's chain, outermost first, by route number.
    chains: Vec<Box<[usize]>>,
    /// Every path the routes render, with optional segments expanded.
    listings: Vec<RouteListing>,
}

/// The route the URL matches.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RouteMatch {
    route: usize,
    params: ParamsMap,
    /// What each level of the route matched.
    level_paths: Vec<String>,
}

impl RouteTable {
    pub(crate) fn new(defs: Vec<RouteDef>) -> RouteTable {
        let mut table = RouteTable {
            views: Vec::new(),
            matcher: RouteMatcher::new(),
            chains: Vec::new(),
            listings: Vec::new(),
        };
        table.add(defs, &mut Vec::new(), &mut Vec::new());
        table
    }

    fn add(&mut self, defs: Vec<RouteDef>, chain: &mut Vec<usize>, paths: &mut Vec<RoutePath>) {
        for def in defs {
            let node = self.views.len();
            self.views.push(def.view);
            chain.push(node);
            paths.push(def.path);
            if def.children.is_empty() {
                self.matcher.add_nested(paths);
                self.chains.push(chain.clone().into_boxed_slice());
                for listing in RouteListing::expand(paths) {
                    if !self.listings.contains(&listing) {
                        self.listings.push(listing);
                    }
                }
            } else {
                self.add(def.children, chain, paths);
            }
            chain.pop();
            paths.pop();
        }
    }

    /// The route `path` matches, if any.
    pub(crate) fn match_path(&self, path: &str) -> Option<RouteMatch> {
        let matched = self.matcher.match_path(path)?;
        Some(RouteMatch {
            route: matched.route(),
            level_paths: self.matcher.level_paths(&matched, path),
            params: matched.into_params(),
        })
    }

    /// The definition shown at `level` for a match.
    fn node_at(&self, matched: &RouteMatch, level: usize) -> Option<usize> {
        self.chains.get(matched.route)?.get(level).copied()
    }

    pub(crate) fn listings(&self) -> &[RouteListing] {
        &self.listings
    }
}

/// What the outlets of one `<Routes/>` share.
#[derive(Clone, Debug)]
pub(crate) struct RoutesState {
    table: Arc<RouteTable>,
    matched: Memo<Option<RouteMatch>>,
    fallback: ViewFn,
}

/// What a route's view (and everything inside it) knows about its route.
#[derive(Clone, Debug)]
pub(crate) struct RouteContext {
    level: usize,
    /// The route's parameters (all of the matched URL's).
    pub(crate) params: Memo<ParamsMap>,
    /// The part of the URL this route matched, against which relative links resolve.
    pub(crate) path: Memo<String>,
    state: RoutesState,
}

/// Renders the route that matches the URL, or `fallback` (with a 404 status on the server)
/// when none does.
///
/// Its children are [`Route`](crate::components::Route),
/// [`ParentRoute`](crate::components::ParentRoute) and the protected variants, tried in
/// order: the first that matches is shown. Must be inside a
/// [`Router`](crate::components::Router).
#[component]
pub fn Routes(
    /// Shown when no route matches (a "not found" page).
    #[prop(into)]
    fallback: ViewFn,
    /// The routes.
    children: Children,
) -> impl IntoView {
    let table = Arc::new(RouteTable::new(collect(children)));
    if let Some(collector) = use_context::<RouteCollector>() {
        collector.add(table.listings());
        return View::empty();
    }
    let router = use_context::<RouterContext>().unwrap_or_else(|| {
        panic!("<Routes/> must be inside a <Router/>, which tells it the URL; wrap the app in <Router>")
    });
    let pathname = router.location.pathname;
    let matched = {
        let table = table.clone();
        Memo::new(move |_| pathname.with(|path| table.match_path(path)))
    };
    outlet(
        RoutesState {
            table,
            matched,
            fallback,
        },
        0,
    )
}

/// Shows the child route of the parent route whose view it is in (nothing if no child
/// route matches).
#[component]
pub fn Outlet() -> impl IntoView {
    match use_context::<RouteContext>() {
        Some(route) => outlet(route.state, route.level + 1),
        None => {
            crate::warn(
                "<Outlet/> was rendered outside the view of a <ParentRoute/>, where there is no \
                 child route to show; it renders nothing",
            );
            View::empty()
        }
    }
}

/// The view of the route at `level`: re-rendered when the definition at that level changes.
fn outlet(state: RoutesState, level: usize) -> View {
    let node = {
        let state = state.clone();
        Memo::new(move |_| {
            state
                .matched
                .with(|m| m.as_ref().and_then(|m| state.table.node_at(m, level)))
        })
    };
    View::new(DynamicView::new_scoped(move || {
        let node = node.get();
        untrack(|| render_level(&state, level, node))
    }))
}

/// Renders definition `node` at `level` (or the fallback / nothing), providing its
/// [`RouteContext`].
fn render_level(state: &RoutesState, level: usize, node: Option<usize>) -> View {
    let Some(node) = node else {
        if level > 0 {
            return View::empty();
        }
        if let Some(request) = use_context::<RequestContext>() {
            request.set_status(leptos::server_fn::http::StatusCode::NOT_FOUND);
        }
        return state.fallback.run();
    };
    let params = held(state, level, node, |m, _| Some(m.params.clone()));
    let path = held(state, level, node, |m, level| {
        m.level_paths.get(level).cloned()
    });
    provide_context(RouteContext {
        level,
        params,
        path,
        state: state.clone(),
    });
    state.table.views[node].run()
}

/// A memo of what `read` takes from the match while the URL matches `node` at `level`.
/// It keeps its value once the URL leaves this route: the outlet above replaces the route's
/// view right after, and until then the view must not see another route's values.
fn held<T>(
    state: &RoutesState,
    level: usize,
    node: usize,
    read: fn(&RouteMatch, usize) -> Option<T>,
) -> Memo<T>
where
    T: Clone + Default + PartialEq + Send + Sync + 'static,
{
    let state = state.clone();
    Memo::new(move |previous: Option<&T>| {
        state
            .matched
            .with(|m| match m {
                Some(m) if state.table.node_at(m, level) == Some(node) => read(m, level),
                _ => None,
            })
            .or_else(|| previous.cloned())
            .unwrap_or_default()
    })
}

/// The path the route the caller is in matched (against which relative links resolve), or
/// `None` outside any route.
pub(crate) fn current_route_path() -> Option<Memo<String>> {
    use_context::<RouteContext>().map(|route| route.path)
}

/// The parameters of the route the caller is in, or `None` outside any route.
pub(crate) fn current_route_params() -> Option<Memo<ParamsMap>> {
    use_context::<RouteContext>().map(|route| route.params)
}
