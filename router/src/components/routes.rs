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
    /// What follows from the definitions' paths and nesting alone.
    compiled: Arc<CompiledRoutes>,
}

/// The part of a route table that depends only on the routes' paths and how they nest: the
/// matcher, each route's chain of definitions and the listings. The server renders a
/// `<Routes/>` on every request from the same definitions, so this is compiled once per
/// distinct set of routes on each thread (a few are kept) and shared.
#[derive(Debug)]
struct CompiledRoutes {
    /// Each definition's nesting depth and path, in document order: what this was compiled
    /// from.
    shape: Vec<(usize, RoutePath)>,
    /// The routes that can match: one per leaf definition, as the chain of its ancestors'
    /// and its own paths.
    matcher: RouteMatcher,
    /// The node ids of each leaf's chain, outermost first, by route number.
    chains: Vec<Box<[usize]>>,
    /// Every path the routes render, with optional segments expanded.
    listings: Vec<RouteListing>,
}

/// How many compiled route sets a thread keeps (an app has one per `<Routes/>`).
const COMPILED_KEPT: usize = 16;

thread_local! {
    /// The route sets compiled on this thread, most recent last.
    static COMPILED: std::cell::RefCell<Vec<Arc<CompiledRoutes>>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

impl CompiledRoutes {
    /// The compiled form of `defs`, from this thread's cache when the same paths and
    /// nesting were compiled before.
    fn of(defs: &[RouteDef]) -> Arc<CompiledRoutes> {
        COMPILED.with(|cache| {
            let mut cache = cache.borrow_mut();
            if let Some(found) = cache.iter().find(|c| c.compiled_from(defs)) {
                return found.clone();
            }
            let compiled = Arc::new(CompiledRoutes::compile(defs));
            if cache.len() == COMPILED_KEPT {
                cache.remove(0);
            }
            cache.push(compiled.clone());
            compiled
        })
    }

    fn compile(defs: &[RouteDef]) -> CompiledRoutes {
        let mut compiled = CompiledRoutes {
            shape: Vec::new(),
            matcher: RouteMatcher::new(),
            chains: Vec::new(),
            listings: Vec::new(),
        };
        compiled.add(defs, &mut Vec::new(), &mut Vec::new());
        compiled
    }

    fn add(&mut self, defs: &[RouteDef], chain: &mut Vec<usize>, paths: &mut Vec<RoutePath>) {
        for def in defs {
            let node = self.shape.len();
            self.shape.push((chain.len(), def.path.clone()));
            chain.push(node);
            paths.push(def.path.clone());
            if def.children.is_empty() {
                self.matcher.add_nested(paths);
                self.chains.push(chain.clone().into_boxed_slice());
                for listing in RouteListing::expand(paths) {
                    if !self.listings.contains(&listing) {
                        self.listings.push(listing);
                    }
                }
            } else {
                self.add(&def.children, chain, paths);
            }
            chain.pop();
            paths.pop();
        }
    }

    /// Whether `defs` have exactly the paths and nesting this was compiled from.
    fn compiled_from(&self, defs: &[RouteDef]) -> bool {
        fn same(
            shape: &mut std::slice::Iter<'_, (usize, RoutePath)>,
            defs: &[RouteDef],
            depth: usize,
        ) -> bool {
            defs.iter().all(|def| {
                matches!(shape.next(), Some((d, path)) if *d == depth && *path == def.path)
                    && same(shape, &def.children, depth + 1)
            })
        }
        let mut shape = self.shape.iter();
        same(&mut shape, defs, 0) && shape.next().is_none()
    }
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
        fn collect_views(defs: Vec<RouteDef>, views: &mut Vec<ViewFn>) {
            for def in defs {
                views.push(def.view);
                collect_views(def.children, views);
            }
        }
        let compiled = CompiledRoutes::of(&defs);
        let mut views = Vec::with_capacity(compiled.shape.len());
        collect_views(defs, &mut views);
        RouteTable { views, compiled }
    }

    /// The route `path` matches, if any.
    pub(crate) fn match_path(&self, path: &str) -> Option<RouteMatch> {
        let matcher = &self.compiled.matcher;
        let matched = matcher.match_path(path)?;
        Some(RouteMatch {
            route: matched.route(),
            level_paths: matcher.level_paths(&matched, path),
            params: matched.into_params(),
        })
    }

    /// The definition shown at `level` for a match.
    fn node_at(&self, matched: &RouteMatch, level: usize) -> Option<usize> {
        self.compiled.chains.get(matched.route)?.get(level).copied()
    }

    pub(crate) fn listings(&self) -> &[RouteListing] {
        &self.compiled.listings
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
    let pathname = router.pathname;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn def(path: &str, children: Vec<RouteDef>) -> RouteDef {
        RouteDef {
            path: RoutePath::parse(path).unwrap(),
            view: ViewFn::default(),
            children,
        }
    }

    fn app_routes() -> Vec<RouteDef> {
        vec![
            def("/", vec![]),
            def("/contacts", vec![def("/", vec![]), def("/:id", vec![])]),
        ]
    }

    #[test]
    fn the_same_routes_share_one_compiled_table_and_match_as_before() {
        let first = RouteTable::new(app_routes());
        let second = RouteTable::new(app_routes());
        assert!(Arc::ptr_eq(&first.compiled, &second.compiled));
        assert_eq!(second.views.len(), 4, "each table keeps its own views");
        let matched = second.match_path("/contacts/7").expect("matches");
        assert_eq!(second.node_at(&matched, 0), Some(1));
        assert_eq!(second.node_at(&matched, 1), Some(3));
        assert_eq!(matched.params.get_str("id"), Some("7"));
    }

    #[test]
    fn routes_that_differ_in_a_path_or_in_nesting_are_compiled_apart() {
        let base = RouteTable::new(app_routes());
        let renamed = RouteTable::new(vec![
            def("/", vec![]),
            def("/people", vec![def("/", vec![]), def("/:id", vec![])]),
        ]);
        let flattened = RouteTable::new(vec![
            def("/", vec![]),
            def("/contacts", vec![]),
            def("/", vec![]),
            def("/:id", vec![]),
        ]);
        let extra = RouteTable::new(vec![
            def("/", vec![]),
            def("/contacts", vec![def("/", vec![]), def("/:id", vec![])]),
            def("/about", vec![]),
        ]);
        for other in [&renamed, &flattened, &extra] {
            assert!(!Arc::ptr_eq(&base.compiled, &other.compiled));
        }
        assert!(renamed.match_path("/contacts/7").is_none());
        assert!(renamed.match_path("/people/7").is_some());
        assert!(extra.match_path("/about").is_some());
        assert!(base.match_path("/about").is_none());
    }
}
