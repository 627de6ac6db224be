//! `<A/>`: a link that resolves against its route and marks itself when active.

use super::routes::current_route_path;
use crate::location::{is_external, resolve_path};
use crate::params::decode_path;
use crate::RouterContext;
use leptos::children::Children;
use leptos::prelude::*;
use std::borrow::Cow;
use std::rc::Rc;

/// What can be a link's `href`: text, or a closure that returns it (re-read reactively).
pub trait ToHref {
    /// A function that gives the `href` now.
    fn to_href(&self) -> Box<dyn Fn() -> String + '_>;
}

impl ToHref for &'static str {
    fn to_href(&self) -> Box<dyn Fn() -> String + '_> {
        Box::new(move || self.to_string())
    }
}

impl ToHref for String {
    fn to_href(&self) -> Box<dyn Fn() -> String + '_> {
        Box::new(move || self.clone())
    }
}

impl ToHref for Cow<'static, str> {
    fn to_href(&self) -> Box<dyn Fn() -> String + '_> {
        Box::new(move || self.to_string())
    }
}

impl<F> ToHref for F
where
    F: Fn() -> String + 'static,
{
    fn to_href(&self) -> Box<dyn Fn() -> String + '_> {
        Box::new(self)
    }
}

/// A link (`<a>`) within the app.
///
/// - A relative `href` resolves against the route the link is in: in the view of the route
///   `/contacts`, `href="3"` is `/contacts/3`; `..`, `?query` and `#fragment` work as in a
///   browser. A path starting with `/` is absolute.
/// - While the current path is the link's (or below it, unless `exact`), it has
///   `aria-current="page"`: style active links with `a[aria-current]`.
/// - Clicking it navigates client-side once the app has hydrated (the router handles every
///   same-origin link, this one included); without JavaScript it is an ordinary link.
#[component]
pub fn A<H>(
    /// Where the link goes.
    href: H,
    /// The link's `target` (`_blank` is left to the browser).
    #[prop(optional, into)]
    target: Option<Cow<'static, str>>,
    /// Active only when the path is exactly the link's, not also below it.
    #[prop(optional)]
    exact: bool,
    /// A trailing `/` counts when comparing paths (`/contacts/` is not `/contacts`).
    #[prop(optional)]
    strict_trailing_slash: bool,
    /// Scroll to the top (or the fragment) after navigating. Default: `true`.
    #[prop(default = true)]
    scroll: bool,
    /// Replace the current history entry instead of adding one.
    #[prop(optional)]
    replace: bool,
    /// The link's `class` attribute.
    #[prop(optional, into)]
    class: Option<Cow<'static, str>>,
    /// The link's content.
    children: Children,
) -> impl IntoView
where
    H: ToHref + Send + Sync + 'static,
{
    let router = use_context::<RouterContext>();
    let route_path = current_route_path();
    let resolved = Rc::new(move || {
        let href = href.to_href()();
        let Some(router) = router else {
            return href;
        };
        // Only `?query` and `#fragment` links depend on the current URL.
        let depends_on_url = href.starts_with(['?', '#']);
        let from = route_path.map(|path| path.get());
        let resolve = |url: &crate::location::Url| {
            resolve_path(from.as_deref().unwrap_or(url.path()), &href, url)
        };
        if depends_on_url {
            router.url.with(resolve)
        } else {
            router.url.with_untracked(resolve)
        }
    });
    let current = {
        let resolved = resolved.clone();
        move || {
            let router = router?;
            let href = resolved();
            if is_external(&href) {
                return None;
            }
            let path = &href[..href.find(['?', '#']).unwrap_or(href.len())];
            router
                .pathname
                .with(|location| is_active(location, path, exact, strict_trailing_slash))
                .then_some("page")
        }
    };
    view! {
        <a
            href=move || resolved()
            aria-current=current
            target=target
            class=class
            replace=replace
            noscroll=!scroll
        >
            {children()}
        </a>
    }
}

/// Whether a link to `href` is active at `location` (both paths, compared decoded).
pub(crate) fn is_active(
    location: &str,
    href: &str,
    exact: bool,
    strict_trailing_slash: bool,
) -> bool {
    let location = decode_path(location);
    let href = decode_path(href);
    let (location, href) = if strict_trailing_slash {
        (location.as_ref(), href.as_ref())
    } else {
        (trim_slash(&location), trim_slash(&href))
    };
    if exact {
        return location == href;
    }
    match location.strip_prefix(href) {
        Some(rest) => rest.is_empty() || rest.starts_with('/') || href.ends_with('/'),
        None => false,
    }
}

/// The path without a trailing `/` (but `/` stays `/`).
fn trim_slash(path: &str) -> &str {
    match path.strip_suffix('/') {
        Some(trimmed) if !trimmed.is_empty() => trimmed,
        _ => path,
    }
}

#[cfg(test)]
mod tests {
    use super::is_active;

    #[test]
    fn links_are_active_at_and_below_their_path() {
        assert!(is_active("/contacts/3", "/contacts", false, false));
        assert!(is_active("/contacts", "/contacts", false, false));
        assert!(is_active("/contacts/", "/contacts", false, false));
        assert!(!is_active("/contactsx", "/contacts", false, false));
        assert!(!is_active("/contacts/3", "/contacts", true, false));
        assert!(is_active("/contacts/", "/contacts", true, false));
        assert!(!is_active("/contacts/", "/contacts", true, true));
        assert!(is_active("/", "/", true, false));
        assert!(is_active("/anything", "/", false, false));
        assert!(is_active("/caf%C3%A9", "/café", true, false));
    }
}
