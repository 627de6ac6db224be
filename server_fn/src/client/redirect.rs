//! Following a server-side `redirect()` after a fetch call.

use std::sync::OnceLock;

/// The response header that names the target of a `redirect()` made during a server
/// function call from a client (the integrations set it; [`super::call`] follows it).
pub const REDIRECT_HEADER: &str = "serverfnredirect";

/// What [`set_redirect_hook`] stores: the function that navigates to a path.
pub type RedirectHook = Box<dyn Fn(&str) + Send + Sync>;

static HOOK: OnceLock<RedirectHook> = OnceLock::new();

/// Replaces what happens when a server function's response asks for a redirect. A client
/// router calls it once at start-up to navigate without reloading the page. The default, in
/// the browser, loads the target page (`location.assign`) unless it is the page already
/// shown (same path and query), which needs no reload: the action that made the call
/// updates it in place. On native targets the default does nothing.
///
/// Answers `Err(hook)` with the hook given if one was already set.
///
/// ```
/// server_fn::client::set_redirect_hook(|path| println!("navigate to {path}")).ok();
/// ```
pub fn set_redirect_hook(hook: impl Fn(&str) + Send + Sync + 'static) -> Result<(), RedirectHook> {
    HOOK.set(Box::new(hook))
}

/// Navigates to `target` with the hook, or the default.
pub(crate) fn follow(target: &str) {
    match HOOK.get() {
        Some(hook) => hook(target),
        None => default_redirect(target),
    }
}

#[cfg(target_arch = "wasm32")]
fn default_redirect(target: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let here = location.href().unwrap_or_default();
    if let Ok(url) = web_sys::Url::new_with_base(target, &here) {
        let same_page = Some(url.origin()) == location.origin().ok()
            && Some(url.pathname()) == location.pathname().ok()
            && Some(url.search()) == location.search().ok();
        if same_page {
            return;
        }
    }
    let _ = location.assign(target);
}

#[cfg(not(target_arch = "wasm32"))]
fn default_redirect(_target: &str) {}
