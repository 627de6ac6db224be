//! Small browser helpers that components use, named as in Leptos 0.8: the page's
//! [`window`] and [`document`], deferring work with [`set_timeout`], [`set_interval`],
//! [`request_animation_frame`], [`request_idle_callback`] and [`queue_microtask`] (the
//! `_with_handle` versions can be cancelled), [`debounce`] for a function called in bursts,
//! and listening to the window with [`window_event_listener`].
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
    let _ = set_timeout_with_handle(callback, duration);
}

/// Runs `callback` once before the browser's next repaint (`requestAnimationFrame`). On the
/// server it does nothing.
pub fn request_animation_frame(callback: impl FnOnce() + 'static) {
    let _ = request_animation_frame_with_handle(callback);
}

/// A timer started with [`set_timeout_with_handle`]; [`TimeoutHandle::clear`] stops it
/// before it fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeoutHandle(i32);

impl TimeoutHandle {
    /// Stops the timer, if it has not fired yet (`clearTimeout`).
    pub fn clear(&self) {
        #[cfg(target_arch = "wasm32")]
        window().clear_timeout_with_handle(self.0);
    }
}

/// Like [`set_timeout`], and returns a handle to cancel the timer. On the server it does
/// nothing and returns a handle that cancels nothing.
///
/// ```
/// use leptos::prelude::*;
/// use std::time::Duration;
///
/// #[component]
/// fn Toast() -> impl IntoView {
///     let (shown, set_shown) = signal(true);
///     // Hide after 3 s, unless the component goes away first.
///     if let Ok(timer) = set_timeout_with_handle(move || set_shown.set(false), Duration::from_secs(3)) {
///         on_cleanup(move || timer.clear());
///     }
///     view! { <Show when=move || shown.get()><p>"Saved"</p></Show> }
/// }
/// ```
///
/// # Errors
/// The browser's error, if it refused to start the timer.
pub fn set_timeout_with_handle(
    callback: impl FnOnce() + 'static,
    duration: Duration,
) -> Result<TimeoutHandle, wasm_bindgen::JsValue> {
    #[cfg(target_arch = "wasm32")]
    {
        let callback = Closure::once_into_js(callback);
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.unchecked_ref(),
                millis(duration),
            )
            .map(TimeoutHandle)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (callback, duration);
        Ok(TimeoutHandle(0))
    }
}

/// A repeating timer started with [`set_interval_with_handle`]; [`IntervalHandle::clear`]
/// stops it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IntervalHandle(i32);

impl IntervalHandle {
    /// Stops the repeating timer (`clearInterval`).
    pub fn clear(&self) {
        #[cfg(target_arch = "wasm32")]
        window().clear_interval_with_handle(self.0);
    }
}

/// Runs `callback` every `duration` (`setInterval`) for the life of the page. On the server
/// it does nothing. Use [`set_interval_with_handle`] to be able to stop it.
pub fn set_interval(callback: impl Fn() + 'static, duration: Duration) {
    let _ = set_interval_with_handle(callback, duration);
}

/// Runs `callback` every `duration` (`setInterval`) until the returned handle's
/// [`clear`](IntervalHandle::clear) is called. On the server it does nothing and returns a
/// handle that stops nothing.
///
/// ```
/// use leptos::prelude::*;
/// use std::time::Duration;
///
/// #[component]
/// fn Clock() -> impl IntoView {
///     let (ticks, set_ticks) = signal(0);
///     if let Ok(interval) = set_interval_with_handle(
///         move || set_ticks.update(|n| *n += 1),
///         Duration::from_secs(1),
///     ) {
///         // Stopped when the component goes away.
///         on_cleanup(move || interval.clear());
///     }
///     view! { <p>{move || ticks.get()} " s"</p> }
/// }
/// ```
///
/// # Errors
/// The browser's error, if it refused to start the timer.
pub fn set_interval_with_handle(
    callback: impl Fn() + 'static,
    duration: Duration,
) -> Result<IntervalHandle, wasm_bindgen::JsValue> {
    #[cfg(target_arch = "wasm32")]
    {
        let callback = Closure::<dyn Fn()>::new(callback).into_js_value();
        window()
            .set_interval_with_callback_and_timeout_and_arguments_0(
                callback.unchecked_ref(),
                millis(duration),
            )
            .map(IntervalHandle)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (callback, duration);
        Ok(IntervalHandle(0))
    }
}

/// A callback scheduled with [`request_animation_frame_with_handle`];
/// [`AnimationFrameRequestHandle::cancel`] drops it before it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AnimationFrameRequestHandle(i32);

impl AnimationFrameRequestHandle {
    /// Cancels the callback, if it has not run yet (`cancelAnimationFrame`).
    pub fn cancel(&self) {
        #[cfg(target_arch = "wasm32")]
        let _ = window().cancel_animation_frame(self.0);
    }
}

/// Like [`request_animation_frame`], and returns a handle to cancel the callback. On the
/// server it does nothing and returns a handle that cancels nothing.
///
/// # Errors
/// The browser's error, if it refused the request.
pub fn request_animation_frame_with_handle(
    callback: impl FnOnce() + 'static,
) -> Result<AnimationFrameRequestHandle, wasm_bindgen::JsValue> {
    #[cfg(target_arch = "wasm32")]
    {
        let callback = Closure::once_into_js(callback);
        window()
            .request_animation_frame(callback.unchecked_ref())
            .map(AnimationFrameRequestHandle)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = callback;
        Ok(AnimationFrameRequestHandle(0))
    }
}

/// A callback scheduled with [`request_idle_callback_with_handle`];
/// [`IdleCallbackHandle::cancel`] drops it before it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IdleCallbackHandle(u32);

impl IdleCallbackHandle {
    /// Cancels the callback, if it has not run yet (`cancelIdleCallback`).
    pub fn cancel(&self) {
        #[cfg(target_arch = "wasm32")]
        window().cancel_idle_callback(self.0);
    }
}

/// Runs `callback` once, when the browser is idle (`requestIdleCallback`): for work that can
/// wait until the page has rendered and handled its events. On the server it does nothing.
///
/// The callback runs outside the reactive owner that scheduled it: read the context it
/// needs (`use_context`) beforehand and move it in.
///
/// ```
/// use leptos::prelude::*;
///
/// #[component]
/// fn Article(text: &'static str) -> impl IntoView {
///     let (words, set_words) = signal(None::<usize>);
///     // Counting can wait until the browser has nothing else to do.
///     request_idle_callback(move || set_words.set(Some(text.split_whitespace().count())));
///     view! {
///         <p>{text}</p>
///         <small>{move || words.get().map(|n| format!("{n} words"))}</small>
///     }
/// }
/// # let html = leptos::ssr::render_to_string(|| view! { <Article text="a b c"/> });
/// # assert!(!html.contains("words"), "{html}");
/// ```
pub fn request_idle_callback(callback: impl Fn() + 'static) {
    let _ = request_idle_callback_with_handle(callback);
}

/// Like [`request_idle_callback`], and returns a handle to cancel the callback. On the
/// server it does nothing and returns a handle that cancels nothing.
///
/// ```
/// use leptos::prelude::*;
///
/// #[component]
/// fn Prefetch(url: &'static str) -> impl IntoView {
///     // Warm the cache when the browser is idle, unless the component goes away first.
///     if let Ok(idle) = request_idle_callback_with_handle(move || {
///         let _ = window().fetch_with_str(url);
///     }) {
///         on_cleanup(move || idle.cancel());
///     }
///     view! { <a href=url>"Next page"</a> }
/// }
/// ```
///
/// # Errors
/// The browser's error, if it refused the request.
pub fn request_idle_callback_with_handle(
    callback: impl Fn() + 'static,
) -> Result<IdleCallbackHandle, wasm_bindgen::JsValue> {
    #[cfg(target_arch = "wasm32")]
    {
        let callback = Closure::<dyn Fn()>::new(callback).into_js_value();
        window()
            .request_idle_callback(callback.unchecked_ref())
            .map(IdleCallbackHandle)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = callback;
        Ok(IdleCallbackHandle(0))
    }
}

/// Wraps `callback` so that a burst of calls runs it once: each call cancels the one still
/// waiting and runs `callback` with its argument after `delay` (with [`set_timeout`]), so
/// only the last call of a burst gets through, `delay` after it. A call still waiting when
/// the current reactive owner is cleaned up (the component goes away) never runs. On the
/// server the returned function does nothing.
///
/// The callback runs outside the reactive owner that created it: read the context it
/// needs (`use_context`) beforehand and move it in.
///
/// ```
/// use leptos::prelude::*;
/// use std::time::Duration;
///
/// #[component]
/// fn Search() -> impl IntoView {
///     let (query, set_query) = signal(String::new());
///     // Searches 300 ms after the user stops typing, not at every key.
///     let mut search = debounce(Duration::from_millis(300), move |text: String| {
///         set_query.set(text)
///     });
///     view! {
///         <input type="search" on:input=move |ev| search(event_target_value(&ev))/>
///         <p>"Results for " {move || query.get()}</p>
///     }
/// }
/// # let html = leptos::ssr::render_to_string(|| view! { <Search/> });
/// # assert!(html.contains("Results for"), "{html}");
/// ```
pub fn debounce<T: 'static>(delay: Duration, callback: impl FnMut(T) + 'static) -> impl FnMut(T) {
    use std::sync::{Arc, Mutex, PoisonError};

    let callback = std::rc::Rc::new(std::cell::RefCell::new(callback));
    // The waiting call's timer. Shared with the owner's cleanup, which has to be `Send`
    // (owners can be disposed on another thread on the server).
    let waiting = Arc::new(Mutex::new(None::<TimeoutHandle>));
    let cancel_waiting = |waiting: &Mutex<Option<TimeoutHandle>>| {
        let timer = waiting
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(timer) = timer {
            timer.clear();
        }
    };
    reactive_graph::on_cleanup({
        let waiting = Arc::clone(&waiting);
        move || cancel_waiting(&waiting)
    });
    move |arg| {
        cancel_waiting(&waiting);
        let run = {
            let callback = std::rc::Rc::clone(&callback);
            let waiting = Arc::clone(&waiting);
            move || {
                // This timer is the waiting one (any other was cleared): it has fired.
                *waiting.lock().unwrap_or_else(PoisonError::into_inner) = None;
                (callback.borrow_mut())(arg);
            }
        };
        if let Ok(timer) = set_timeout_with_handle(run, delay) {
            *waiting.lock().unwrap_or_else(PoisonError::into_inner) = Some(timer);
        }
    }
}

/// Runs `task` once the current task is over, before the browser renders or handles the
/// next event (`queueMicrotask`). On the server it does nothing.
pub fn queue_microtask(task: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        let task = Closure::once_into_js(task);
        window().queue_microtask(task.unchecked_ref());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = task;
}

/// A duration as the whole milliseconds the browser's timers take.
#[cfg(target_arch = "wasm32")]
fn millis(duration: Duration) -> i32 {
    i32::try_from(duration.as_millis()).unwrap_or(i32::MAX)
}

/// Whether this code was compiled for the server (the `ssr` feature, outside the browser).
///
/// ```
/// # use leptos::prelude::*;
/// assert_eq!(is_server(), !is_browser());
/// ```
pub const fn is_server() -> bool {
    !is_browser()
}

/// Whether this code runs in the browser (compiled to WebAssembly).
pub const fn is_browser() -> bool {
    cfg!(target_arch = "wasm32")
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

    #[test]
    fn deferred_work_never_runs_on_the_server() {
        use std::{cell::Cell, rc::Rc};
        let ran = Rc::new(Cell::new(0));
        let owner = reactive_graph::Owner::new();
        let mut debounced = owner.with(|| {
            let counter = Rc::clone(&ran);
            debounce(Duration::ZERO, move |n: i32| counter.set(counter.get() + n))
        });
        debounced(1);
        debounced(2);
        let counter = Rc::clone(&ran);
        request_idle_callback(move || counter.set(counter.get() + 10));
        let counter = Rc::clone(&ran);
        request_idle_callback_with_handle(move || counter.set(counter.get() + 100))
            .expect("a handle on the server too")
            .cancel();
        owner.dispose();
        debounced(3);
        assert_eq!(ran.get(), 0);
    }
}
