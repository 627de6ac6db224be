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
pub mod control;
pub mod directive;
pub mod error;
pub mod ev;
pub mod form;
pub mod helpers;
pub mod hydration;
pub mod logging;
pub mod mount;
pub mod portal;
mod redirect;
mod render_scope;
pub mod resource;
pub mod server_action;
pub mod server_context;
/// Running futures: [`spawn_local`](task::spawn_local) for work that stays on this thread
/// (the browser), [`spawn`](task::spawn) for work that may move; both keep the current
/// reactive owner.
pub mod task {
    pub use reactive_graph::{spawn, spawn_local};
}
#[cfg(render_html)]
pub mod ssr;
pub mod view;

pub use callback::Callback;
pub use leptos_macro::{component, delete, get, patch, post, put, server, slot, view};
pub use reactive_graph;
pub use redirect::{redirect, RedirectHandler};
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
        Children, ChildrenFn, ChildrenFnMut, ChildrenFragment, Fragment, ToChildren, ViewFn,
        ViewFnOnce,
    };
    #[cfg(not(target_arch = "wasm32"))]
    pub use crate::config::get_configuration;
    pub use crate::config::LeptosOptions;
    pub use crate::control::{Await, For, Show, Suspend, Suspense, Transition};
    pub use crate::error::{ErrorBoundary, Errors};
    pub use crate::ev::{event_target_checked, event_target_value};
    pub use crate::form::{ActionForm, MultiActionForm};
    pub use crate::helpers::{
        document, request_animation_frame, set_timeout, window, window_event_listener,
        window_event_listener_untyped, WindowListenerHandle,
    };
    pub use crate::hydration::{AutoReload, HydrationScripts};
    pub use crate::portal::Portal;
    pub use crate::resource::{LocalResource, OnceResource, Resource};
    pub use crate::server_action::{ServerAction, ServerMultiAction};
    pub use crate::view::{
        AnyView, CollectView, Either, EitherOf3, EitherOf4, EitherOf5, EitherOf6, IntoView,
        NodeRef, View,
    };
    pub use crate::{component, server, slot, view};
    pub use reactive_graph::prelude::*;
    pub use server_fn::{ServerFn, ServerFnError};
}

/// What the macros' generated code calls. Not a public API: it may change at any time.
#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
