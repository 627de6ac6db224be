//! `<Router/>`: where the URL comes from, and how to change it.

use crate::browser;
use crate::location::{resolve_path, Location, NavigateOptions, Url};
use crate::route_list::RouteCollector;
use leptos::children::Children;
use leptos::prelude::*;
use leptos::server_context::RequestContext;

/// What `<Router/>` provides to everything inside it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RouterContext {
    /// The current URL.
    pub(crate) url: RwSignal<Url>,
    /// The URL's path, as a memo: what `<Routes/>` and links match against.
    pub(crate) pathname: Memo<String>,
    /// The whole [`Location`], made the first time something asks for it (a server render
    /// that never reads the query or fragment makes none of their memos).
    location: StoredValue<LazyLocation>,
    /// The browser connection, when running in a browser (none on the server).
    pub(crate) browser: Option<usize>,
}

/// The router's owner (which owns the location's memos, whoever asks first) and the
/// location once made.
#[derive(Debug)]
struct LazyLocation {
    owner: Option<Owner>,
    made: Option<Location>,
}

impl RouterContext {
    /// The URL's parts, as memos (made on the first call, owned by the router).
    pub(crate) fn location(&self) -> Location {
        if let Some(Some(location)) = self.location.try_with_value(|lazy| lazy.made) {
            return location;
        }
        let owner = self
            .location
            .try_with_value(|lazy| lazy.owner.clone())
            .flatten();
        let (url, pathname) = (self.url, self.pathname);
        let make = move || untrack(|| Location::around(url, pathname));
        let location = match owner {
            Some(owner) => owner.with(make),
            None => make(),
        };
        self.location
            .try_update_value(|lazy| lazy.made = Some(location));
        location
    }

    /// Navigates to `to`, resolved (if the options say so) against `from`, the path of
    /// the route the navigation was made from.
    pub(crate) fn navigate(&self, to: &str, from: Option<&str>, options: NavigateOptions) {
        let target = if options.resolve {
            self.url
                .with_untracked(|url| resolve_path(from.unwrap_or(url.path()), to, url))
        } else {
            to.to_string()
        };
        match self.browser {
            Some(id) => browser::navigate(id, &target, &options),
            None => crate::warn(&format!(
                "navigating to {target:?} while rendering on the server does nothing; use \
                 <Redirect/>, which answers with a redirect"
            )),
        }
    }
}

/// Provides the URL to the routes and links inside it, and makes navigation client-side.
///
/// - On the server (the integration provides a
///   [`RequestContext`](leptos::server_context::RequestContext)) the URL is the request's.
/// - In the browser it is the address bar's, and the router takes over navigation: clicks
///   on same-origin links, back and forward, and server functions' redirects (it installs
///   the redirect hook of `server_fn`) change the URL and render the new page without
///   loading a document. See the crate's documentation for what is left to the browser.
///
/// Wrap the whole app in it (a document shell's `<body>`, or the app component's root).
#[component]
pub fn Router(
    /// The app: a `<Routes/>` somewhere inside, and anything around it.
    children: Children,
) -> impl IntoView {
    let request = use_context::<RequestContext>();
    let in_browser = request.is_none() && cfg!(target_arch = "wasm32");
    let initial = match &request {
        Some(request) => Url::parse(request.path_and_query()),
        None if in_browser => browser::current_url(),
        None => {
            if use_context::<RouteCollector>().is_none() {
                crate::warn(
                    "<Router/> is rendering outside a browser without a RequestContext, so it \
                     renders the URL `/`; a server integration (leptos_axum) provides the \
                     request's URL",
                );
            }
            Url::default()
        }
    };
    let url = RwSignal::new(initial);
    let browser = in_browser.then(|| {
        let id = browser::install(url);
        on_cleanup(move || browser::uninstall(id));
        // Set once per page; the hook follows redirects with the newest router.
        let _ = leptos::server_fn::client::set_redirect_hook(browser::follow_redirect);
        id
    });
    provide_context(RouterContext {
        url,
        pathname: Location::pathname_of(url),
        location: StoredValue::new(LazyLocation {
            owner: Owner::current(),
            made: None,
        }),
        browser,
    });
    children()
}
