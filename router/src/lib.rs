//! The router: nested routes, parameters and query, links and navigation, on the server and
//! in the browser. Its API follows Leptos 0.8's `leptos_router`.
//!
//! ```
//! use leptos::prelude::*;
//! use leptos::server_context::RequestContext;
//! use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes, A};
//! use leptos_router::hooks::use_params_map;
//! use leptos_router::path;
//!
//! #[component]
//! fn App() -> impl IntoView {
//!     view! {
//!         <Router>
//!             <nav><A href="/" exact=true>"Home"</A> <A href="/contacts">"Contacts"</A></nav>
//!             <Routes fallback=|| view! { <p>"Not found"</p> }>
//!                 <Route path=path!("/") view=|| view! { <h1>"Home"</h1> }/>
//!                 <ParentRoute path=path!("/contacts") view=ContactList>
//!                     <Route path=path!("") view=|| view! { <p>"Pick one"</p> }/>
//!                     <Route path=path!(":id") view=Contact/>
//!                 </ParentRoute>
//!             </Routes>
//!         </Router>
//!     }
//! }
//!
//! #[component]
//! fn ContactList() -> impl IntoView {
//!     // Relative links resolve against this route: `/contacts/1`.
//!     view! { <A href="1">"Ada"</A> <Outlet/> }
//! }
//!
//! #[component]
//! fn Contact() -> impl IntoView {
//!     let params = use_params_map();
//!     view! { <h2>"Contact " {move || params.get().get("id")}</h2> }
//! }
//!
//! // On the server the integration provides the request's URL.
//! let html = leptos::ssr::render_to_string(|| {
//!     provide_context(RequestContext::new("/contacts/1"));
//!     App()
//! });
//! // The active links are marked.
//! assert!(html.contains(r#"<a href="/">"#), "{html}");
//! assert!(html.contains(r#"<a href="/contacts" aria-current="page">"#), "{html}");
//! assert!(html.contains(r#"<a href="/contacts/1" aria-current="page">"#), "{html}");
//! assert!(html.contains("<h2>Contact <!--[-->1<!--]--></h2>"), "{html}");
//! ```
//!
//! # Where to find what
//!
//! | module | |
//! | --- | --- |
//! | [`components`] | `<Router/>`, `<Routes/>`, `<Route/>`, `<ParentRoute/>`, `<Outlet/>`, `<ProtectedRoute/>`, `<A/>`, `<Form/>`, `<Redirect/>` |
//! | [`hooks`] | `use_params_map`, `use_params`, `use_query_map`, `use_query`, `use_location`, `use_navigate` |
//! | [`params`] | [`ParamsMap`](params::ParamsMap), the [`Params`](params::Params) trait and derive, [`ParamsError`](params::ParamsError) |
//! | [`path!`], [`RoutePath`] | route paths, checked at compile time |
//! | [`matching`] | the route table: [`RouteMatcher`](matching::RouteMatcher) |
//! | [`location`] | [`Url`](location::Url), [`Location`](location::Location), [`NavigateOptions`] |
//! | [`route_list`] | the paths an app renders, for server integrations |
//!
//! # On the server and in the browser
//!
//! On the server, `<Router/>` reads the request's URL from the
//! [`RequestContext`](leptos::server_context::RequestContext) the integration provides;
//! `<Routes/>` renders the matched route, or its fallback with a `404` status; a
//! `<Redirect/>` answers `302` with a `Location`. The page works without JavaScript: links
//! are plain links, `<Form method="get">` a plain form.
//!
//! In the browser, the router hydrates the server's HTML for the current URL, then handles
//! navigation itself: a click on a same-origin link, a `<Form method="get">`, a server
//! function's redirect or [`use_navigate`](hooks::use_navigate) pushes a history entry and
//! renders the new route without loading a document; back and forward restore the route and
//! the scroll position. Left to the browser: clicks with a modifier key (ctrl, meta, shift,
//! alt) or a button other than the main one, links with a `target` other than `_self`, a
//! `download` attribute or `rel="external"`, links to another origin, and links to a
//! fragment of the page shown.

// Lets `path!`'s `::leptos_router::...` paths work inside this crate too.
extern crate self as leptos_router;

pub mod components;
pub mod hooks;
pub mod location;
pub mod matching;
pub mod params;
pub mod route_list;

mod browser;
mod path;
mod pattern;

pub use location::NavigateOptions;
pub use path::{
    OptionalParamSegment, ParamSegment, PathSegment, RoutePath, StaticSegment, WildcardSegment,
};
pub use pattern::PathError;

pub(crate) use components::RouterContext;

/// A route path, checked at compile time: `path!("/contacts/:id")`.
///
/// Segments are static text, `:param`, an optional `:param?` and a last `*wildcard`; a
/// leading `/` is optional (nested routes are usually written without), `""` and `"/"` are
/// the root. A mistake (an empty segment, `*rest` not last, a name used twice, `?` after a
/// static segment, a query in the path) is a compile error pointing at the pattern.
///
/// ```
/// use leptos_router::{path, PathSegment, RoutePath};
/// let path: RoutePath = path!("/files/:kind?/*rest");
/// assert_eq!(
///     path.segments(),
///     [
///         PathSegment::Static("files".into()),
///         PathSegment::OptionalParam("kind".into()),
///         PathSegment::Splat("rest".into()),
///     ]
/// );
/// ```
pub use leptos_router_macro::path;

/// Prints a warning: on the console in the browser, on stderr on the server.
pub(crate) fn warn(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::warn_1(&message.into());
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("warning: {message}");
}
