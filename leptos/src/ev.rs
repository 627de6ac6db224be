//! DOM events for `on:` handlers, each with the `web_sys` type its handler receives.
//!
//! `on:click=move |ev| ...` gives `ev: web_sys::MouseEvent`; `on:input` gives
//! `web_sys::Event` (read the value with [`event_target_value`]). Bubbling events are
//! delegated: one listener on the document serves every element.

use crate::view::attribute::EventDescriptor;
use wasm_bindgen::JsCast;

/// The `web_sys` event types the handlers receive, so that a handler's argument can be
/// written `ev: ev::MouseEvent` without a `web_sys` dependency of your own.
pub use web_sys::{
    AnimationEvent, BeforeUnloadEvent, DragEvent, Event, FocusEvent, HashChangeEvent, InputEvent,
    KeyboardEvent, MessageEvent, MouseEvent, PointerEvent, PopStateEvent, StorageEvent,
    SubmitEvent, TouchEvent, TransitionEvent, UiEvent, WheelEvent,
};

macro_rules! events {
    ($($name:ident: $event:ident, bubbles: $bubbles:literal;)*) => {$(
        #[doc = concat!("The `", stringify!($name), "` event.")]
        #[allow(non_camel_case_types)]
        #[derive(Debug, Clone, Copy)]
        pub struct $name;
        impl EventDescriptor for $name {
            type Event = web_sys::$event;
            const NAME: &'static str = stringify!($name);
            const BUBBLES: bool = $bubbles;
        }
    )*};
}

events! {
    click: MouseEvent, bubbles: true;
    dblclick: MouseEvent, bubbles: true;
    contextmenu: MouseEvent, bubbles: true;
    mousedown: MouseEvent, bubbles: true;
    mouseup: MouseEvent, bubbles: true;
    mousemove: MouseEvent, bubbles: true;
    mouseover: MouseEvent, bubbles: true;
    mouseout: MouseEvent, bubbles: true;
    mouseenter: MouseEvent, bubbles: false;
    mouseleave: MouseEvent, bubbles: false;
    pointerdown: PointerEvent, bubbles: true;
    pointerup: PointerEvent, bubbles: true;
    pointermove: PointerEvent, bubbles: true;
    wheel: WheelEvent, bubbles: true;
    keydown: KeyboardEvent, bubbles: true;
    keyup: KeyboardEvent, bubbles: true;
    keypress: KeyboardEvent, bubbles: true;
    input: Event, bubbles: true;
    change: Event, bubbles: true;
    submit: SubmitEvent, bubbles: true;
    reset: Event, bubbles: true;
    focus: FocusEvent, bubbles: false;
    blur: FocusEvent, bubbles: false;
    focusin: FocusEvent, bubbles: true;
    focusout: FocusEvent, bubbles: true;
    scroll: Event, bubbles: false;
    load: Event, bubbles: false;
    error: Event, bubbles: false;
    beforeinput: InputEvent, bubbles: true;
    select: Event, bubbles: true;
    invalid: Event, bubbles: false;
    toggle: Event, bubbles: false;
    touchstart: TouchEvent, bubbles: true;
    touchmove: TouchEvent, bubbles: true;
    touchend: TouchEvent, bubbles: true;
    touchcancel: TouchEvent, bubbles: true;
    dragstart: DragEvent, bubbles: true;
    drag: DragEvent, bubbles: true;
    dragend: DragEvent, bubbles: true;
    dragenter: DragEvent, bubbles: true;
    dragover: DragEvent, bubbles: true;
    dragleave: DragEvent, bubbles: true;
    drop: DragEvent, bubbles: true;
    animationend: AnimationEvent, bubbles: true;
    transitionend: TransitionEvent, bubbles: true;
    // Events of the window and the document, for `window_event_listener`.
    resize: UiEvent, bubbles: false;
    hashchange: HashChangeEvent, bubbles: false;
    popstate: PopStateEvent, bubbles: false;
    beforeunload: BeforeUnloadEvent, bubbles: false;
    online: Event, bubbles: false;
    offline: Event, bubbles: false;
    storage: StorageEvent, bubbles: false;
    message: MessageEvent, bubbles: false;
    visibilitychange: Event, bubbles: false;
}

/// The `value` of the input, select or textarea an event came from (empty if none).
pub fn event_target_value(event: &web_sys::Event) -> String {
    event
        .target()
        .and_then(|target| js_sys::Reflect::get(&target, &"value".into()).ok())
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}

/// Whether the checkbox or radio button an event came from is checked (`false` if none).
pub fn event_target_checked(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|target| js_sys::Reflect::get(&target, &"checked".into()).ok())
        .and_then(|value| value.as_bool())
        .unwrap_or_default()
}

/// The event's target, as the element type you expect.
pub fn event_target<T: JsCast>(event: &web_sys::Event) -> Option<T> {
    event.target().and_then(|t| t.dyn_into().ok())
}

/// The event given to an `on:event:target=...` handler: the event itself (through `Deref`),
/// with [`Targeted::target`] typed as the element the handler is on.
///
/// ```
/// use leptos::prelude::*;
///
/// let (name, set_name) = signal(String::new());
/// let _ = view! {
///     // `ev.target()` is a `web_sys::HtmlInputElement`: no cast, no `event_target_value`.
///     <input on:input:target=move |ev| set_name.set(ev.target().value()) prop:value=name/>
/// };
/// ```
pub struct Targeted<E, T> {
    event: E,
    target: std::marker::PhantomData<fn() -> T>,
}

impl<E, T> Targeted<E, T> {
    /// Wraps `event`, whose target is a `T`.
    pub fn new(event: E) -> Self {
        Targeted {
            event,
            target: std::marker::PhantomData,
        }
    }

    /// The event, unwrapped.
    pub fn into_inner(self) -> E {
        self.event
    }
}

impl<E: JsCast, T: JsCast> Targeted<E, T> {
    /// The element the event was dispatched on: on an `<input>`, `<select>` or `<textarea>`,
    /// that field, typed (`web_sys::HtmlInputElement`, ...); on any other element a
    /// `web_sys::Element`, which may be an element inside it (a click on a `<span>` inside a
    /// `<button>` comes from the span).
    ///
    /// # Panics
    /// If the event has no target (events dispatched by the browser on elements always do).
    pub fn target(&self) -> T {
        self.event
            .unchecked_ref::<web_sys::Event>()
            .target()
            .expect("an element's event has a target")
            .unchecked_into()
    }
}

impl<E, T> std::ops::Deref for Targeted<E, T> {
    type Target = E;
    fn deref(&self) -> &E {
        &self.event
    }
}

impl<E: std::fmt::Debug, T> std::fmt::Debug for Targeted<E, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Targeted").field(&self.event).finish()
    }
}
