//! A full-stack reactive web framework.
//!
//! Write components once with [`view!`] and [`#[component]`](component): the server renders
//! them to HTML ([`ssr`]), and the browser either builds them ([`mount::mount_to_body`]) or
//! takes over the server's HTML ([`mount::hydrate_body`]). The reactive core
//! ([`reactive_graph`]) decides what to update when state changes.
//!
//! ```
//! use leptos::prelude::*;
//!
//! #[component]
//! fn Greeting(name: &'static str, #[prop(optional)] excited: bool) -> impl IntoView {
//!     view! { <p class="greeting">"Hello, " {name} {excited.then_some("!")}</p> }
//! }
//!
//! let html = leptos::ssr::render_to_string(|| view! { <Greeting name="Ada" excited=true/> });
//! assert!(html.starts_with(r#"<p class="greeting">Hello, "#));
//! assert!(html.contains("Ada"));
//! ```
//!
//! Server functions ([`#[server]`](server), the [`server_fn`] crate re-exported) are `async`
//! functions whose body runs on the server and that the browser calls over HTTP; an app
//! needs no dependency besides `leptos` to declare them.

// Lets the macros' `::leptos::...` paths work inside this crate too.
extern crate self as leptos;

mod callback;
pub mod children;
pub mod config;
pub mod context;
pub mod control;

/// The control-flow components under the module path Leptos 0.8 gives them
/// (`leptos::control_flow::Show`): the same items as [`control`].
pub mod control_flow {
    pub use crate::control::*;
}
pub mod directive;
pub mod error;
pub mod ev;
pub mod form;
pub mod head;
pub mod helpers;
pub mod hydration;
pub mod island;
/// Leptos's path to its DOM helpers and logging (`leptos::leptos_dom::logging::console_log`).
pub mod leptos_dom {
    pub use crate::{helpers, logging};
}
pub mod logging;
pub mod mount;
pub mod oco;
pub mod portal;
mod redirect;
mod render_scope;
pub mod resource;
pub mod server_action;
pub mod server_context;
/// Running futures: [`spawn_local`](task::spawn_local) for work that stays on this thread
/// (the browser), [`spawn`](task::spawn) for work that may move; both keep the current
/// reactive owner. [`tick`](task::tick) waits until the tasks spawned so far have run.
pub mod task {
    pub use reactive_graph::{spawn, spawn_local, tick};
}
#[cfg(render_html)]
pub mod ssr;
// `view` defines `readable_handles!`, which `text_prop` uses too.
#[macro_use]
pub mod view;
mod text_prop;

/// Views of different types as one type: [`Either`](either::Either) for two,
/// [`EitherOf3`](either::EitherOf3) to [`EitherOf6`](either::EitherOf6) for more, and the
/// [`either!`](crate::either!) macro that writes the `match` for you.
pub mod either {
    #[doc(inline)]
    pub use crate::either;
    pub use crate::view::{Either, EitherOf3, EitherOf4, EitherOf5, EitherOf6};
}

/// A `match` whose arms give views of different types, each arm wrapped in the
/// [`Either`](either::Either) or `EitherOfN` variant for its place (two to six arms).
///
/// ```
/// use leptos::either::either;
/// use leptos::prelude::*;
///
/// let describe = |n: u32| {
///     either!(n,
///         0 => "none",
///         1 => view! { <b>"one"</b> },
///         _ => n * 10,
///     )
/// };
/// assert_eq!(describe(0).to_html(), "none");
/// assert_eq!(describe(1).to_html(), "<b>one</b>");
/// assert_eq!(describe(7).to_html(), "70");
/// ```
#[macro_export]
macro_rules! either {
    ($value:expr, $a:pat => $va:expr, $b:pat => $vb:expr $(,)?) => {
        match $value {
            $a => $crate::either::Either::Left($va),
            $b => $crate::either::Either::Right($vb),
        }
    };
    ($value:expr, $a:pat => $va:expr, $b:pat => $vb:expr, $c:pat => $vc:expr $(,)?) => {
        match $value {
            $a => $crate::either::EitherOf3::A($va),
            $b => $crate::either::EitherOf3::B($vb),
            $c => $crate::either::EitherOf3::C($vc),
        }
    };
    ($value:expr, $a:pat => $va:expr, $b:pat => $vb:expr, $c:pat => $vc:expr,
     $d:pat => $vd:expr $(,)?) => {
        match $value {
            $a => $crate::either::EitherOf4::A($va),
            $b => $crate::either::EitherOf4::B($vb),
            $c => $crate::either::EitherOf4::C($vc),
            $d => $crate::either::EitherOf4::D($vd),
        }
    };
    ($value:expr, $a:pat => $va:expr, $b:pat => $vb:expr, $c:pat => $vc:expr,
     $d:pat => $vd:expr, $e:pat => $ve:expr $(,)?) => {
        match $value {
            $a => $crate::either::EitherOf5::A($va),
            $b => $crate::either::EitherOf5::B($vb),
            $c => $crate::either::EitherOf5::C($vc),
            $d => $crate::either::EitherOf5::D($vd),
            $e => $crate::either::EitherOf5::E($ve),
        }
    };
    ($value:expr, $a:pat => $va:expr, $b:pat => $vb:expr, $c:pat => $vc:expr,
     $d:pat => $vd:expr, $e:pat => $ve:expr, $f:pat => $vf:expr $(,)?) => {
        match $value {
            $a => $crate::either::EitherOf6::A($va),
            $b => $crate::either::EitherOf6::B($vb),
            $c => $crate::either::EitherOf6::C($vc),
            $d => $crate::either::EitherOf6::D($vd),
            $e => $crate::either::EitherOf6::E($ve),
            $f => $crate::either::EitherOf6::F($vf),
        }
    };
}

pub use callback::Callback;
pub use leptos_macro::{component, delete, get, island, patch, post, put, server, slot, view};
pub use reactive_graph;
/// The reactive core under the name Leptos gives it (`leptos::reactive::signal::RwSignal`).
pub use reactive_graph as reactive;
pub use text_prop::TextProp;

/// What loads data from the server and calls it: resources and server actions (also in the
/// prelude).
pub mod server {
    pub use crate::resource::{ArcResource, LocalResource, OnceResource, Resource, ResourceFuture};
    pub use crate::server_action::{ServerAction, ServerMultiAction};
}
pub use redirect::{redirect, RedirectHandler};
#[doc(hidden)]
pub use serde;
pub use server_fn;
pub use view::html;
/// The `wasm-bindgen` crate this `leptos` is built with (for `JsCast` and friends).
pub use wasm_bindgen;
/// The `web-sys` crate this `leptos` is built with: the browser's types (elements, events).
pub use web_sys;

/// Everything an application usually needs, in one glob import.
pub mod prelude {
    pub use crate::callback::Callback;
    pub use crate::children::{
        Children, ChildrenFn, ChildrenFnMut, ChildrenFragment, Fragment, ToChildren, TypedChildren,
        TypedChildrenFn, TypedChildrenMut, ViewFn, ViewFnOnce,
    };
    #[cfg(not(target_arch = "wasm32"))]
    pub use crate::config::get_configuration;
    pub use crate::config::LeptosOptions;
    pub use crate::control::{
        AnimatedShow, Await, For, Show, ShowLet, Suspend, Suspense, Transition,
    };
    pub use crate::error::{ErrorBoundary, Errors};
    pub use crate::ev::{event_target_checked, event_target_value};
    pub use crate::form::{ActionForm, MultiActionForm};
    pub use crate::helpers::{
        debounce, document, is_browser, is_server, queue_microtask, request_animation_frame,
        request_animation_frame_with_handle, request_idle_callback,
        request_idle_callback_with_handle, set_interval, set_interval_with_handle, set_timeout,
        set_timeout_with_handle, window, window_event_listener, window_event_listener_untyped,
        AnimationFrameRequestHandle, IdleCallbackHandle, IntervalHandle, TimeoutHandle,
        WindowListenerHandle,
    };
    pub use crate::hydration::{AutoReload, HydrationScripts};
    pub use crate::oco::Oco;
    pub use crate::portal::Portal;
    pub use crate::resource::{ArcResource, LocalResource, OnceResource, Resource};
    pub use crate::server_action::{ServerAction, ServerMultiAction};
    pub use crate::text_prop::TextProp;
    pub use crate::view::{
        AnyView, CollectView, Either, EitherOf3, EitherOf4, EitherOf5, EitherOf6, IntoView,
        NodeRef, View,
    };
    pub use crate::{component, island, server, slot, view};
    pub use reactive_graph::prelude::*;
    pub use server_fn::{ServerFn, ServerFnError};
}

/// What the macros' generated code calls. Not a public API: it may change at any time.
#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
