//! `<Redirect/>`: sends the user elsewhere, on the server and in the browser.

use super::routes::current_route_path;
use crate::location::{resolve_path, NavigateOptions};
use crate::{browser, RouterContext};
use leptos::prelude::*;
use leptos::server_context::RequestContext;
use std::fmt::Display;

/// Redirects to `path` (resolved against the route it is in, as a link's `href`).
///
/// - On the server the response becomes a `302 Found` with a `Location` header (through
///   the [`RequestContext`] the integration provides), so a browser without JavaScript
///   follows it too.
/// - In the browser it navigates client-side, replacing the current history entry unless
///   `options` say otherwise (so that back does not return to a page that redirects again).
///
/// It renders nothing.
#[component]
pub fn Redirect<P>(
    /// Where to go.
    path: P,
    /// How to navigate in the browser (default: replace the history entry).
    #[prop(optional)]
    options: Option<NavigateOptions>,
) -> impl IntoView
where
    P: Display + 'static,
{
    let path = path.to_string();
    let router = use_context::<RouterContext>();
    let target = resolve_target(router, &path);
    if let Some(request) = use_context::<RequestContext>() {
        request.redirect(&target);
        return;
    }
    let options = options.unwrap_or(NavigateOptions {
        replace: true,
        ..NavigateOptions::default()
    });
    match router.filter(|router| router.browser.is_some()) {
        Some(router) => navigate_soon(router, target, options, || true),
        None => crate::warn(&format!(
            "<Redirect path={target:?}/> did nothing: it needs a <Router/> around it in the \
             browser, or a server integration that provides a RequestContext"
        )),
    }
}

/// `path` resolved against the route the caller is in.
pub(crate) fn resolve_target(router: Option<RouterContext>, path: &str) -> String {
    let from = current_route_path().map(|path| path.get_untracked());
    match router {
        Some(router) => router
            .url
            .with_untracked(|url| resolve_path(from.as_deref().unwrap_or(url.path()), path, url)),
        None => path.to_string(),
    }
}

/// Navigates to `target` once the current update is over (not while the view that asked
/// is being rendered), if the URL is still the same then and `still()` says so.
pub(crate) fn navigate_soon(
    router: RouterContext,
    target: String,
    options: NavigateOptions,
    still: impl Fn() -> bool + 'static,
) {
    let Some(id) = router.browser else {
        return;
    };
    let at = router.url.get_untracked();
    leptos::reactive_graph::spawn_local(async move {
        let unchanged = router.url.try_with_untracked(|url| *url == at) == Some(true);
        if unchanged && still() {
            let options = NavigateOptions {
                resolve: false,
                ..options
            };
            browser::navigate(id, &target, &options);
        }
    });
}
