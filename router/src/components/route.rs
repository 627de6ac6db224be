//! Route definitions: `<Route/>`, `<ParentRoute/>` and the protected variants.
//!
//! These components render nothing: each registers a definition with the `<Routes/>` (or
//! `<ParentRoute/>`) whose children are being collected. `<Routes/>` runs its children
//! once, collects the definitions, and compiles them into its route table.

use super::redirect::{navigate_soon, resolve_target};
use crate::components::{Redirect, RouterContext};
use crate::path::RoutePath;
use crate::NavigateOptions;
use leptos::children::{Children, ViewFn};
use leptos::prelude::*;
use leptos::server_context::RequestContext;
use std::cell::RefCell;
use std::fmt::Display;

/// One route as written: its own path (relative to its parent's), its view, and for a
/// parent route its children.
#[derive(Clone, Debug)]
pub(crate) struct RouteDef {
    pub(crate) path: RoutePath,
    pub(crate) view: ViewFn,
    pub(crate) children: Vec<RouteDef>,
}

thread_local! {
    /// The definitions being collected, innermost `<Routes/>` or `<ParentRoute/>` last.
    static COLLECTING: RefCell<Vec<Vec<RouteDef>>> = const { RefCell::new(Vec::new()) };
}

/// Runs `children` and returns the route definitions they registered.
pub(crate) fn collect(children: Children) -> Vec<RouteDef> {
    /// Pops the level even if a child panics, so the next render starts clean.
    struct Level;
    impl Drop for Level {
        fn drop(&mut self) {
            COLLECTING.with(|c| c.borrow_mut().pop());
        }
    }
    COLLECTING.with(|c| c.borrow_mut().push(Vec::new()));
    let level = Level;
    // The view is only the definitions' empty placeholders.
    drop(children());
    let defs = COLLECTING.with(|c| c.borrow_mut().last_mut().map(std::mem::take));
    drop(level);
    defs.unwrap_or_default()
}

/// Adds a definition to the routes being collected.
fn register(def: RouteDef) {
    let registered = COLLECTING.with(|c| match c.borrow_mut().last_mut() {
        Some(defs) => {
            defs.push(def.clone());
            true
        }
        None => false,
    });
    if !registered {
        crate::warn(&format!(
            "<Route path=\"{}\"/> was rendered outside <Routes/> and <ParentRoute/>, where it \
             does nothing; put it among the children of <Routes/>",
            def.path
        ));
    }
}

/// A route: renders `view` when the URL matches `path`.
///
/// Only meaningful as a child of [`Routes`](crate::components::Routes) or
/// [`ParentRoute`]; it renders nothing itself. See the crate's documentation for an example.
#[component]
pub fn Route(
    /// The path to match: `path!("/contacts/:id")` (or segments, as in Leptos).
    #[prop(into)]
    path: RoutePath,
    /// What to render when it matches: usually a component, `view=ContactList`.
    #[prop(into)]
    view: ViewFn,
) -> impl IntoView {
    register(RouteDef {
        path,
        view,
        children: Vec::new(),
    });
}

/// A route with nested routes: renders `view`, whose [`Outlet`](crate::components::Outlet)
/// shows the child route that matches the rest of the URL.
///
/// The parent matches only if one of its children matches what is left of the URL (give
/// it a child with `path!("")` to render something at the parent's own path).
#[component]
pub fn ParentRoute(
    /// The path the parent matches, before its children's.
    #[prop(into)]
    path: RoutePath,
    /// The layout, with an `<Outlet/>` where the child route goes.
    #[prop(into)]
    view: ViewFn,
    /// The child routes.
    children: Children,
) -> impl IntoView {
    let children = collect(children);
    register(RouteDef {
        path,
        view,
        children,
    });
}

/// A route that renders `view` only while `condition` is `Some(true)`, redirects to
/// `redirect_path` while it is `Some(false)`, and renders nothing while it is `None`
/// (unknown yet). The condition is read inside a `<Transition/>`, so it may read a
/// resource: the server waits for it, and answers the redirect with a `302`.
#[component]
pub fn ProtectedRoute<C, PathFn, P>(
    /// The path to match.
    #[prop(into)]
    path: RoutePath,
    /// What to render when allowed.
    #[prop(into)]
    view: ViewFn,
    /// Whether the route may be shown (`None`: not known yet).
    condition: C,
    /// Where to go when it may not.
    redirect_path: PathFn,
) -> impl IntoView
where
    C: Fn() -> Option<bool> + Clone + Send + Sync + 'static,
    PathFn: Fn() -> P + Clone + Send + Sync + 'static,
    P: Display + 'static,
{
    register(RouteDef {
        path,
        view: protected(view, condition, redirect_path),
        children: Vec::new(),
    });
}

/// A [`ParentRoute`] that is shown only while `condition` is `Some(true)`, as
/// [`ProtectedRoute`] does.
#[component]
pub fn ProtectedParentRoute<C, PathFn, P>(
    /// The path the parent matches.
    #[prop(into)]
    path: RoutePath,
    /// The layout, with an `<Outlet/>`.
    #[prop(into)]
    view: ViewFn,
    /// Whether the routes may be shown (`None`: not known yet).
    condition: C,
    /// Where to go when they may not.
    redirect_path: PathFn,
    /// The child routes.
    children: Children,
) -> impl IntoView
where
    C: Fn() -> Option<bool> + Clone + Send + Sync + 'static,
    PathFn: Fn() -> P + Clone + Send + Sync + 'static,
    P: Display + 'static,
{
    let children = collect(children);
    register(RouteDef {
        path,
        view: protected(view, condition, redirect_path),
        children,
    });
}

/// Leaves a protected route. On the server: a `<Redirect/>` (a `302`). In the browser the
/// decision waits for the end of the current update, and is dropped if the condition is no
/// longer `Some(false)` then: the data it reads may not have started reloading yet when the
/// route renders (a resource whose source is the URL, say), and its stale answer must not
/// send the user away.
fn redirect_away<C>(condition: C, path: String) -> View
where
    C: Fn() -> Option<bool> + 'static,
{
    let router = use_context::<RouterContext>();
    let in_browser = use_context::<RequestContext>().is_none()
        && router.is_some_and(|router| router.browser.is_some());
    if !in_browser {
        return view! { <Redirect path=path/> };
    }
    if let Some(router) = router {
        let target = resolve_target(Some(router), &path);
        let options = NavigateOptions {
            replace: true,
            ..NavigateOptions::default()
        };
        navigate_soon(router, target, options, move || {
            untrack(&condition) == Some(false)
        });
    }
    View::empty()
}

/// `view` behind `condition`: shown, redirected away from, or nothing yet.
fn protected<C, PathFn, P>(view: ViewFn, condition: C, redirect_path: PathFn) -> ViewFn
where
    C: Fn() -> Option<bool> + Clone + Send + Sync + 'static,
    PathFn: Fn() -> P + Clone + Send + Sync + 'static,
    P: Display + 'static,
{
    ViewFn::from(move || {
        let (view, condition, redirect_path) =
            (view.clone(), condition.clone(), redirect_path.clone());
        view! {
            <Transition>
                {move || match condition() {
                    Some(true) => view.run(),
                    Some(false) => redirect_away(condition.clone(), redirect_path().to_string()),
                    None => View::empty(),
                }}
            </Transition>
        }
    })
}
