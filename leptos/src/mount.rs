//! Starting an app in the browser: render it into the page, or take over the server's HTML.

#[cfg(hydration)]
use crate::view::Cursor;
use crate::view::{IntoView, Mounted, View};
use reactive_graph::{untrack, Owner};
use wasm_bindgen::JsCast;

/// A mounted app; dropping it leaves the app running (call [`UnmountHandle::unmount`] to
/// remove it).
#[must_use = "dropping the handle keeps the app mounted; call `unmount` to remove it"]
#[derive(Debug)]
pub struct UnmountHandle {
    owner: Owner,
    mounted: Option<Mounted>,
}

impl UnmountHandle {
    /// Removes the app's nodes and disposes all of its reactive state.
    pub fn unmount(mut self) {
        if let Some(mounted) = self.mounted.take() {
            mounted.unmount();
        }
        self.owner.dispose();
    }
}

impl Drop for UnmountHandle {
    fn drop(&mut self) {
        // Keep the app alive: its effects and listeners live in `mounted`.
        if let Some(mounted) = self.mounted.take() {
            std::mem::forget(mounted);
        }
    }
}

fn body() -> web_sys::HtmlElement {
    crate::view::document()
        .body()
        .expect("the page has no <body> to mount the app in")
}

/// Renders the app at the end of `<body>` (a client-side rendered app).
///
/// ```no_run
/// use leptos::prelude::*;
/// leptos::mount::mount_to_body(|| view! { <p>"Hello"</p> });
/// ```
pub fn mount_to_body<F, V>(app: F)
where
    F: FnOnce() -> V + 'static,
    V: IntoView,
{
    drop(mount_to(body(), app));
}

/// Renders the app at the end of `parent`; the handle can unmount it.
pub fn mount_to<F, V>(parent: web_sys::HtmlElement, app: F) -> UnmountHandle
where
    F: FnOnce() -> V + 'static,
    V: IntoView,
{
    start(app, |view| view.build(parent.unchecked_ref(), None))
}

#[cfg(hydration)]
/// Takes over the HTML the server rendered into `<body>`: attaches listeners and reactive
/// bindings to the existing nodes, creating none that already exist. Mismatches are
/// reported with `console.error` and repaired.
///
/// The server writes the app in `<body>` between `<!--[-->` and `<!--]-->`, as both
/// [`render_document`](crate::ssr::render_document) and a shell's `<body><App/></body>` do.
pub fn hydrate_body<F, V>(app: F)
where
    F: FnOnce() -> V + 'static,
    V: IntoView,
{
    drop(hydrate_in(body(), app, true));
}

#[cfg(hydration)]
/// Starts an app in islands mode: call it from the bundle's `hydrate` export. The page is
/// not hydrated as a whole; the script that
/// [`HydrationScripts`](crate::hydration::HydrationScripts) writes with `islands=true` then
/// hydrates each `#[island]` of the page on its own (see [`crate::island`]).
///
/// ```no_run
/// # #[cfg(target_arch = "wasm32")]
/// #[wasm_bindgen::prelude::wasm_bindgen]
/// pub fn hydrate() {
///     leptos::mount::hydrate_islands();
/// }
/// ```
pub fn hydrate_islands() {
    if cfg!(debug_assertions) {
        crate::logging::show_panics_in_console();
    }
}

#[cfg(hydration)]
/// Takes over the HTML the server rendered into `parent`.
pub fn hydrate_to<F, V>(parent: web_sys::HtmlElement, app: F) -> UnmountHandle
where
    F: FnOnce() -> V + 'static,
    V: IntoView,
{
    hydrate_in(parent, app, false)
}

#[cfg(hydration)]
/// Hydrates `app` from `parent`'s children, which are bracketed (`<!--[-->`, the app,
/// `<!--]-->`) when `bracketed`.
fn hydrate_in<F, V>(parent: web_sys::HtmlElement, app: F, bracketed: bool) -> UnmountHandle
where
    F: FnOnce() -> V + 'static,
    V: IntoView,
{
    // Resources created while hydrating find the values the server rendered with.
    let scope = crate::render_scope::RenderScope::hydrate(resource_data(&parent));
    hydrate_in_scope(parent, scope, app, bracketed)
}

#[cfg(hydration)]
/// Hydrates `app` from `parent`'s children (bracketed when `bracketed`), with `scope` as the
/// render scope its resources are created in.
fn hydrate_in_scope<F, V>(
    parent: web_sys::HtmlElement,
    scope: std::rc::Rc<crate::render_scope::RenderScope>,
    app: F,
    bracketed: bool,
) -> UnmountHandle
where
    F: FnOnce() -> V + 'static,
    V: IntoView,
{
    crate::render_scope::with_scope(scope, || {
        start(app, |view| {
            let mut cursor = Cursor::new(parent.unchecked_ref());
            if !bracketed {
                return view.hydrate(&mut cursor);
            }
            crate::view::hydrate_bracketed(&mut cursor, "app in <body>", |_close, cursor| {
                cursor.map(|cursor| view.hydrate(cursor))
            })
        })
    })
}

#[cfg(hydration)]
/// Hydrates an island from `element`'s children. Its resources are numbered from
/// `first_resource`, as the server numbered them, and find their values in the page's data
/// script; an island that made no resource on the server has no number and reads no data.
pub(crate) fn hydrate_island_in<F, V>(
    element: web_sys::HtmlElement,
    first_resource: Option<u64>,
    app: F,
) -> UnmountHandle
where
    F: FnOnce() -> V + 'static,
    V: IntoView,
{
    let scope = match first_resource {
        Some(first) => {
            crate::render_scope::RenderScope::hydrate_from(resource_data_around(&element), first)
        }
        None => crate::render_scope::RenderScope::hydrate(None),
    };
    hydrate_in_scope(element, scope, app, false)
}

#[cfg(hydration)]
/// The text of the resources' data script nearest to `element`: a child of its closest
/// ancestor that has one (the server writes it after the app, in `<body>`), or in `<head>`.
fn resource_data_around(element: &web_sys::Element) -> Option<String> {
    let mut at = element.parent_element();
    while let Some(ancestor) = at {
        if let Ok(Some(script)) = ancestor.query_selector(":scope > script#__RESOURCES") {
            return script.text_content();
        }
        at = ancestor.parent_element();
    }
    data_script_in_head()?.text_content()
}

#[cfg(hydration)]
/// The text of the script with the resources' values the server wrote
/// (`<script id="__RESOURCES">`, inside the hydration root or in `<head>`).
fn resource_data(parent: &web_sys::Element) -> Option<String> {
    let script = parent
        .query_selector("script#__RESOURCES")
        .ok()
        .flatten()
        .or_else(data_script_in_head)?;
    script.text_content()
}

#[cfg(hydration)]
/// The resources' data script in `<head>`, where a shell may put it.
fn data_script_in_head() -> Option<web_sys::Element> {
    crate::view::document()
        .query_selector("head > script#__RESOURCES")
        .ok()
        .flatten()
}

/// Runs the app in a new owner and puts its view in the page with `place`.
fn start<F, V>(app: F, place: impl FnOnce(View) -> Mounted) -> UnmountHandle
where
    F: FnOnce() -> V + 'static,
    V: IntoView,
{
    if cfg!(debug_assertions) {
        crate::logging::show_panics_in_console();
    }
    let owner = Owner::new();
    let mounted = owner.with(|| place(untrack(|| app().into_view())));
    UnmountHandle {
        owner,
        mounted: Some(mounted),
    }
}
