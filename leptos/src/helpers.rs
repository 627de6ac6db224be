//! Small browser helpers that components use, named as in Leptos 0.8: the page's
//! [`window`] and [`document`], and deferring work with [`set_timeout`] and
//! [`request_animation_frame`].
//!
//! They belong to the browser. On the server, `window()` and `document()` panic with a
//! message, and the deferring functions do nothing (a component that schedules work from an
//! effect or an event handler never reaches them there).

use std::time::Duration;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::{closure::Closure, JsCast};

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
