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
    let from = current_route_path().map(|path| path.get_untracked());
    let target = match router {
        Some(router) => router
            .url
            .with_untracked(|url| resolve_path(from.as_deref().unwrap_or(url.path()), &path, url)),
        None => path,
    };
    if let Some(request) = use_context::<RequestContext>() {
        request.redirect(&target);
        return;
    }
    match router.and_then(|router| router.browser) {
        Some(id) => {
            let options = NavigateOptions {
                resolve: false,
                ..options.unwrap_or(NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                })
            };
            // Not while the view that holds the redirect is being rendered.
            leptos::reactive_graph::spawn_local(async move {
                browser::navigate(id, &target, &options);
            });
        }
        None => crate::warn(&format!(
            "<Redirect path={target:?}/> did nothing: it needs a <Router/> around it in the \
             browser, or a server integration that provides a RequestContext"
        )),
    }
}
