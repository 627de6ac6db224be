//! Small browser helpers that components use, named as in Leptos 0.8: the page's
//! [`window`] and [`document`], deferring work with [`set_timeout`] and
//! [`request_animation_frame`], and listening to the window with [`window_event_listener`].
//!
//! They belong to the browser. On the server, `window()` and `document()` panic with a
//! message, and the deferring functions do nothing (a component that schedules work from an
//! effect or an event handler never reaches them there).

use crate::view::attribute::EventDescriptor;
use std::time::Duration;
use wasm_bindgen::JsCast;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::closure::Closure;

/// The page's `window`.
///
/// # Panics
/// Outside a browser page (on the server, or in a worker).
pub fn window() -> web_sys::Window {
    if cfg!(not(target_arch = "wasm32")) {
        no_window("window()");
    }
    web_sys::window().unwrap_or_else(|| no_window("window()"))
}

/// The page's `document`.
///
/// # Panics
/// Outside a browser page (on the server, or in a worker).
pub fn document() -> web_sys::Document {
    if cfg!(not(target_arch = "wasm32")) {
        no_window("document()");
    }
    crate::view::dom::document()
}

#[cold]
#[track_caller]
fn no_window(what: &str) -> ! {
    panic!(
        "`{what}` is only available in the browser; on the server, call it from an effect or an \
         event handler (which only run in the browser)"
    )
}

/// Runs `callback` once after `duration` (`setTimeout`). On the server it does nothing.
pub fn set_timeout(callback: impl FnOnce() + 'static, duration: Duration) {
    #[cfg(target_arch = "wasm32")]
    {
        let callback = Closure::once_into_js(callback);
        let millis = i32::try_from(duration.as_millis()).unwrap_or(i32::MAX);
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
            callback.unchecked_ref(),
            millis,
        );
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (callback, duration);
}

/// Runs `callback` once before the browser's next repaint (`requestAnimationFrame`). On the
/// server it does nothing.
pub fn request_animation_frame(callback: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        let callback = Closure::once_into_js(callback);
        let _ = window().request_animation_frame(callback.unchecked_ref());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = callback;
}

/// A listener added with [`window_event_listener`]. Dropping the handle keeps the listener;
/// [`WindowListenerHandle::remove`] removes it.
#[must_use = "the listener stays until its owner is cleaned up; keep the handle to remove it sooner"]
pub struct WindowListenerHandle {
    #[cfg(target_arch = "wasm32")]
    listener: Option<(&'static str, js_sys::Function)>,
}

impl std::fmt::Debug for WindowListenerHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WindowListenerHandle")
            .finish_non_exhaustive()
    }
}

impl WindowListenerHandle {
    /// Removes the listener from the window (nothing happens if it is already gone).
    pub fn remove(self) {
        #[cfg(target_arch = "wasm32")]
        if let Some((name, function)) = &self.listener {
            remove_window_listener(name, function);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn remove_window_listener(name: &str, function: &js_sys::Function) {
    let _ = window().remove_event_listener_with_callback(name, function);
}

/// Calls `handler` with each `event` the window receives (`ev::resize`, `ev::keydown`,
/// `ev::popstate`, ...), typed as for `on:` handlers, until the current reactive owner is
/// cleaned up (the component goes away, or the effect that added it runs again) or the
/// returned handle's [`remove`](WindowListenerHandle::remove) is called. Outside any owner
/// the listener stays for the life of the page. On the server it does nothing.
///
/// ```
/// use leptos::prelude::*;
/// #[component]
/// fn WindowWidth() -> impl IntoView {
///     let (width, set_width) = signal(0.0);
///     let _ = window_event_listener(leptos::ev::resize, move |_| {
///         set_width.set(window().inner_width().ok().and_then(|w| w.as_f64()).unwrap_or(0.0));
///     });
///     view! { <p>"Width: " {move || width.get()}</p> }
/// }
/// ```
pub fn window_event_listener<E: EventDescriptor>(
    event: E,
    handler: impl Fn(E::Event) + 'static,
) -> WindowListenerHandle {
    let _ = event;
    window_event_listener_untyped(E::NAME, move |event| handler(event.unchecked_into()))
}

/// Like [`window_event_listener`], for an event named by a string; the handler receives a
/// plain `web_sys::Event`.
pub fn window_event_listener_untyped(
    name: &'static str,
    handler: impl Fn(web_sys::Event) + 'static,
) -> WindowListenerHandle {
    #[cfg(target_arch = "wasm32")]
    {
        let function: js_sys::Function = Closure::<dyn Fn(web_sys::Event)>::new(handler)
            .into_js_value()
            .unchecked_into();
        if window()
            .add_event_listener_with_callback(name, &function)
            .is_err()
        {
            return WindowListenerHandle { listener: None };
        }
        let on_cleanup = function.clone();
        reactive_graph::on_cleanup_local(move || remove_window_listener(name, &on_cleanup));
        WindowListenerHandle {
            listener: Some((name, function)),
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (name, handler);
        WindowListenerHandle {}
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_window_is_refused_on_the_server_with_a_message() {
        let panic = std::panic::catch_unwind(window).expect_err("no window on the server");
        let message = panic.downcast_ref::<String>().cloned().unwrap_or_default();
        assert!(
            message.contains("only available in the browser"),
            "{message}"
        );
    }
}
