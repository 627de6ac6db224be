//! The router in the browser: the History API, intercepted link clicks, and scroll
//! positions.
//!
//! - A click on a same-origin `<a href>` (any link, not only `<A>`) is turned into a
//!   client-side navigation: `history.pushState`, then the URL signal is set and the routes
//!   render the new page synchronously. Left to the browser: clicks with a modifier key or
//!   another button than the main one, links with a `target` other than `_self`, with
//!   `download`, with `rel="external"`, to another origin, to a fragment of the page shown,
//!   and clicks a handler already `preventDefault`ed.
//! - Back and forward (`popstate`) set the URL signal to the entry's URL.
//! - Scroll positions: each history entry gets a key in its state. Leaving an entry records
//!   where the page was scrolled (in memory, and in the entry's state when leaving by a
//!   navigation); coming back restores it. A new page starts at the top, or at the element
//!   its fragment names. The browser's own restoration is turned off
//!   (`history.scrollRestoration = "manual"`), as it would race with the rendering.
//!
//! Listeners live as long as the `<Router/>` that installed them. This module compiles on
//! every target (so it is checked with the rest), but only runs in a browser.

use crate::location::{NavigateOptions, Url};
use leptos::reactive_graph::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    static ROUTERS: RefCell<Vec<Rc<BrowserRouter>>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<usize> = const { Cell::new(1) };
    static NEXT_KEY: Cell<u64> = const { Cell::new(0) };
}

/// One `<Router/>`'s connection to the browser.
struct BrowserRouter {
    id: usize,
    url: RwSignal<Url>,
    /// The key of the history entry shown.
    key: RefCell<String>,
    /// Where the page was scrolled when each entry was left, by key.
    positions: RefCell<HashMap<String, (f64, f64)>>,
    on_popstate: Closure<dyn FnMut(web_sys::PopStateEvent)>,
    on_click: Closure<dyn FnMut(web_sys::MouseEvent)>,
}

fn window() -> web_sys::Window {
    web_sys::window().expect("the router's browser mode runs in a page with a `window`")
}

/// The URL the address bar shows.
pub(crate) fn current_url() -> Url {
    let location = window().location();
    let part = |r: Result<String, JsValue>| r.unwrap_or_default();
    Url::parse(&format!(
        "{}{}{}",
        part(location.pathname()),
        part(location.search()),
        part(location.hash())
    ))
}

/// Connects a router to the browser: listens to link clicks and history changes. Returns
/// the id to navigate with and to [`uninstall`] it.
pub(crate) fn install(url: RwSignal<Url>) -> usize {
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    let window = window();
    let history = window.history().ok();
    if let Some(history) = &history {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    let state = history.as_ref().and_then(|h| h.state().ok());
    let key = match state.as_ref().and_then(state_key) {
        Some(key) => key,
        None => {
            let key = new_key();
            if let Some(history) = &history {
                let _ = history.replace_state(&entry_state(&key, None), "");
            }
            key
        }
    };
    let on_popstate = Closure::<dyn FnMut(web_sys::PopStateEvent)>::new(move |event| {
        if let Some(router) = find(id) {
            router.popstate(event);
        }
    });
    let on_click = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |event| {
        if let Some(router) = find(id) {
            router.click(event);
        }
    });
    let _ =
        window.add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    let router = Rc::new(BrowserRouter {
        id,
        url,
        key: RefCell::new(key),
        positions: RefCell::new(HashMap::new()),
        on_popstate,
        on_click,
    });
    ROUTERS.with(|r| r.borrow_mut().push(router));
    id
}

/// Removes a router's listeners (when the `<Router/>` is disposed).
pub(crate) fn uninstall(id: usize) {
    let router = ROUTERS.with(|r| {
        let mut routers = r.borrow_mut();
        let at = routers.iter().position(|router| router.id == id)?;
        Some(routers.remove(at))
    });
    if let Some(router) = router {
        let window = window();
        let _ = window.remove_event_listener_with_callback(
            "popstate",
            router.on_popstate.as_ref().unchecked_ref(),
        );
        let _ = window
            .remove_event_listener_with_callback("click", router.on_click.as_ref().unchecked_ref());
    }
}

fn find(id: usize) -> Option<Rc<BrowserRouter>> {
    ROUTERS.with(|r| r.borrow().iter().find(|router| router.id == id).cloned())
}

/// Navigates router `id` to `href` (a path, or an absolute URL; another origin is loaded
/// by the browser).
pub(crate) fn navigate(id: usize, href: &str, options: &NavigateOptions) {
    match find(id) {
        Some(router) => router.navigate(href, options),
        None => {
            let _ = window().location().assign(href);
        }
    }
}

/// Follows a server function's redirect: with the most recent router if there is one
/// (client-side), otherwise by loading the page. Either way a redirect to the page shown
/// (same path and query) does nothing, as without a router: the action that made the call
/// updates the page in place.
pub(crate) fn follow_redirect(href: &str) {
    let location = window().location();
    let here = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if same_origin_path(href).as_deref() == Some(here.as_str()) {
        return;
    }
    let router = ROUTERS.with(|r| r.borrow().last().cloned());
    match router {
        Some(router) => router.navigate(href, &NavigateOptions::default()),
        None => {
            let _ = location.assign(href);
        }
    }
}

/// `href`'s path and query if it is on this page's origin.
fn same_origin_path(href: &str) -> Option<String> {
    let location = window().location();
    let url = web_sys::Url::new_with_base(href, &location.href().ok()?).ok()?;
    (url.origin() == location.origin().ok()?).then(|| format!("{}{}", url.pathname(), url.search()))
}

impl BrowserRouter {
    fn navigate(&self, href: &str, options: &NavigateOptions) {
        let window = window();
        let location = window.location();
        let Some(url) = location
            .href()
            .ok()
            .and_then(|here| web_sys::Url::new_with_base(href, &here).ok())
        else {
            crate::warn(&format!("cannot navigate to {href:?}: it is not a URL"));
            return;
        };
        if Some(url.origin()) != location.origin().ok() {
            let _ = location.assign(href);
            return;
        }
        let next = Url::parse(&format!("{}{}{}", url.pathname(), url.search(), url.hash()));
        let same = self.url.with_untracked(|current| *current == next);
        if !same || options.replace {
            let history = window.history().ok();
            let key = new_key();
            if let Some(history) = &history {
                if !options.replace {
                    // Remember where the page we leave was scrolled, also for after a reload.
                    let position = scroll_position(&window);
                    let left = self.key.borrow().clone();
                    self.positions.borrow_mut().insert(left.clone(), position);
                    let _ = history.replace_state(&entry_state(&left, Some(position)), "");
                }
                let state = entry_state(&key, None);
                let target = next.to_string();
                let done = if options.replace {
                    history.replace_state_with_url(&state, "", Some(&target))
                } else {
                    history.push_state_with_url(&state, "", Some(&target))
                };
                if done.is_err() {
                    let _ = location.assign(href);
                    return;
                }
            }
            *self.key.borrow_mut() = key;
            if !same {
                self.url.set(next.clone());
            }
        }
        if options.scroll {
            scroll_to_fragment_or_top(&window, next.hash());
        }
    }

    fn popstate(&self, event: web_sys::PopStateEvent) {
        let window = window();
        let left = self.key.borrow().clone();
        self.positions
            .borrow_mut()
            .insert(left, scroll_position(&window));
        let state = event.state();
        let key = match state_key(&state) {
            Some(key) => key,
            None => {
                // An entry the browser made (a fragment link): give it a key.
                let key = new_key();
                if let Ok(history) = window.history() {
                    let _ = history.replace_state(&entry_state(&key, None), "");
                }
                key
            }
        };
        let saved = self
            .positions
            .borrow()
            .get(&key)
            .copied()
            .or_else(|| state_position(&state));
        *self.key.borrow_mut() = key;
        let next = current_url();
        let hash = next.hash().to_string();
        if self.url.with_untracked(|current| *current != next) {
            self.url.set(next);
        }
        match saved {
            Some((x, y)) => window.scroll_to_with_x_and_y(x, y),
            None if !hash.is_empty() => scroll_to_fragment_or_top(&window, &hash),
            None => {}
        }
    }

    fn click(&self, event: web_sys::MouseEvent) {
        if event.default_prevented()
            || event.button() != 0
            || event.meta_key()
            || event.ctrl_key()
            || event.shift_key()
            || event.alt_key()
        {
            return;
        }
        let Some(anchor) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
            .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let target = anchor.target();
        if anchor.has_attribute("download")
            || !(target.is_empty() || target.eq_ignore_ascii_case("_self"))
            || anchor
                .rel()
                .split_ascii_whitespace()
                .any(|rel| rel.eq_ignore_ascii_case("external"))
        {
            return;
        }
        let Ok(url) = web_sys::Url::new(&anchor.href()) else {
            return;
        };
        let location = window().location();
        if Some(url.origin()) != location.origin().ok() {
            return;
        }
        let same_page = Some(url.pathname()) == location.pathname().ok()
            && Some(url.search()) == location.search().ok();
        if same_page && !url.hash().is_empty() {
            return; // a fragment of this page: the browser scrolls to it
        }
        event.prevent_default();
        self.navigate(
            &format!("{}{}{}", url.pathname(), url.search(), url.hash()),
            &NavigateOptions {
                resolve: false,
                replace: anchor.has_attribute("replace"),
                scroll: !anchor.has_attribute("noscroll"),
            },
        );
    }
}

fn new_key() -> String {
    let n = NEXT_KEY.with(|k| {
        let n = k.get();
        k.set(n + 1);
        n
    });
    format!("{}-{n}", js_sys::Date::now() as u64)
}

/// The state object of a history entry: its key, and where it was scrolled.
fn entry_state(key: &str, position: Option<(f64, f64)>) -> JsValue {
    let state = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&state, &"key".into(), &key.into());
    if let Some((x, y)) = position {
        let _ = js_sys::Reflect::set(&state, &"x".into(), &x.into());
        let _ = js_sys::Reflect::set(&state, &"y".into(), &y.into());
    }
    state.into()
}

fn state_key(state: &JsValue) -> Option<String> {
    if !state.is_object() {
        return None;
    }
    js_sys::Reflect::get(state, &"key".into()).ok()?.as_string()
}

fn state_position(state: &JsValue) -> Option<(f64, f64)> {
    if !state.is_object() {
        return None;
    }
    let x = js_sys::Reflect::get(state, &"x".into()).ok()?.as_f64()?;
    let y = js_sys::Reflect::get(state, &"y".into()).ok()?.as_f64()?;
    Some((x, y))
}

fn scroll_position(window: &web_sys::Window) -> (f64, f64) {
    (
        window.scroll_x().unwrap_or_default(),
        window.scroll_y().unwrap_or_default(),
    )
}

/// Scrolls to the element a fragment names (`#contact-3`), or to the top.
fn scroll_to_fragment_or_top(window: &web_sys::Window, hash: &str) {
    let id = hash.strip_prefix('#').unwrap_or_default();
    let element = (!id.is_empty())
        .then(|| window.document())
        .flatten()
        .and_then(|document| {
            let decoded = crate::params::decode_path(id);
            document.get_element_by_id(&decoded)
        });
    match element {
        Some(element) => element.scroll_into_view(),
        None => window.scroll_to_with_x_and_y(0.0, 0.0),
    }
}
