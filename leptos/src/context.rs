//! Context for one subtree: [`Provider`], beside [`provide_context`] and [`use_context`].

use crate::children::Children;
use crate::component;
#[cfg(hydration)]
use crate::view::Cursor;
use crate::view::{IntoView, Mounted, Render, View};
use reactive_graph::Owner;
pub use reactive_graph::{expect_context, provide_context, use_context};
use std::any::Any;

/// Provides `value` as context to its children and what they render, and to nothing else.
///
/// `provide_context` in a component provides to the whole owner the component runs in, so
/// two sibling components providing the same type would see each other's value. Each
/// `Provider` has an owner of its own, freed with the owner it is in.
///
/// ```
/// use leptos::context::Provider;
/// use leptos::prelude::*;
///
/// #[derive(Clone)]
/// struct Theme(&'static str);
///
/// #[component]
/// fn Themed() -> impl IntoView {
///     let theme = use_context::<Theme>().map(|theme| theme.0).unwrap_or("none");
///     view! { <i>{theme}</i> }
/// }
///
/// let html = leptos::ssr::render_to_string(|| view! {
///     // A closure's first run is when the page is written: it finds the value too.
///     <Provider value=Theme("dark")>{move || view! { <Themed/> }}</Provider>
///     <Provider value=Theme("light")><Themed/></Provider>
///     <Themed/>
/// });
/// let themes: Vec<&str> = html
///     .split("<i>")
///     .skip(1)
///     .filter_map(|s| s.split("</i>").next())
///     .collect();
/// assert_eq!(themes, ["dark", "light", "none"]);
/// ```
#[component]
pub fn Provider<T>(
    /// The value the children find with `use_context::<T>()`.
    value: T,
    /// What sees the value.
    children: Children,
) -> impl IntoView
where
    T: Send + Sync + 'static,
{
    let owner = Owner::new();
    let view = owner.with(|| {
        provide_context(value);
        children()
    });
    View::new(OwnedView { owner, view })
}

/// A view whose parts run inside `owner` when they are written, built or hydrated, not only
/// when the view was made: a closure in it (`{move || use_context::<T>()}`) first runs
/// then, and must find the context the owner holds.
struct OwnedView {
    owner: Owner,
    view: View,
}

impl Render for OwnedView {
    #[cfg(render_html)]
    fn html_len(&self) -> usize {
        self.view.html_len()
    }

    #[cfg(render_html)]
    fn to_html(self: Box<Self>, out: &mut String) {
        let OwnedView { owner, view } = *self;
        owner.with(|| view.write_html(out))
    }

    fn build(self: Box<Self>, parent: &web_sys::Node, before: Option<&web_sys::Node>) -> Mounted {
        let OwnedView { owner, view } = *self;
        owner.with(|| view.build(parent, before))
    }

    #[cfg(hydration)]
    fn hydrate(self: Box<Self>, cursor: &mut Cursor) -> Mounted {
        let OwnedView { owner, view } = *self;
        owner.with(|| view.hydrate(cursor))
    }

    #[cfg(render_html)]
    fn to_html_alone(self: Box<Self>, out: &mut String) {
        let OwnedView { owner, view } = *self;
        owner.with(|| view.to_html_alone(out))
    }

    fn build_alone(self: Box<Self>, parent: &web_sys::Node) -> Box<dyn Any> {
        let OwnedView { owner, view } = *self;
        owner.with(|| view.build_alone(parent))
    }

    #[cfg(hydration)]
    fn hydrate_alone(self: Box<Self>, cursor: &mut Cursor) -> Box<dyn Any> {
        let OwnedView { owner, view } = *self;
        owner.with(|| view.hydrate_alone(cursor))
    }
}
