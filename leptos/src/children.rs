//! The types a component's `children` prop can have, as in Leptos.
//!
//! `view!` passes a component's children as a closure; [`ToChildren`] turns that closure
//! into whichever of these types the component declared.

use crate::view::{AnyView, IntoView, View};
use std::sync::Arc;

/// Children rendered once.
pub type Children = Box<dyn FnOnce() -> AnyView + Send>;
/// Children that can be rendered many times (by `Show`, `For`, ...).
pub type ChildrenFn = Arc<dyn Fn() -> AnyView + Send + Sync>;
/// Children that can be rendered many times and may keep state between renders.
pub type ChildrenFnMut = Box<dyn FnMut() -> AnyView + Send>;
/// Children rendered once, kept as separate views (to wrap or reorder each one).
pub type ChildrenFragment = Box<dyn FnOnce() -> Fragment + Send>;

/// Several views kept apart, as `ChildrenFragment` gives them.
#[derive(Debug)]
pub struct Fragment {
    /// The views, in order.
    pub nodes: Vec<View>,
}

impl IntoView for Fragment {
    fn into_view(self) -> View {
        View::fragment(self.nodes)
    }
}

/// Converts the closure `view!` generates for a component's children into the declared
/// children type.
pub trait ToChildren<F> {
    /// Wraps the closure.
    fn to_children(f: F) -> Self;
}

impl<F, V> ToChildren<F> for Children
where
    F: FnOnce() -> V + Send + 'static,
    V: IntoView,
{
    fn to_children(f: F) -> Self {
        Box::new(move || f().into_view())
    }
}

impl<F, V> ToChildren<F> for ChildrenFn
where
    F: Fn() -> V + Send + Sync + 'static,
    V: IntoView,
{
    fn to_children(f: F) -> Self {
        Arc::new(move || f().into_view())
    }
}

impl<F, V> ToChildren<F> for ChildrenFnMut
where
    F: FnMut() -> V + Send + 'static,
    V: IntoView,
{
    fn to_children(mut f: F) -> Self {
        Box::new(move || f().into_view())
    }
}

impl<F, V> ToChildren<F> for ChildrenFragment
where
    F: FnOnce() -> V + Send + 'static,
    V: IntoView,
{
    /// The children as separate views where they are separate (a list of views); markup
    /// written in one `view!` stays one view.
    fn to_children(f: F) -> Self {
        Box::new(move || Fragment {
            nodes: f().into_view().into_parts(),
        })
    }
}

/// A function that renders a view on demand, such as `Show`'s `fallback`.
#[derive(Clone)]
pub struct ViewFn(Arc<dyn Fn() -> AnyView + Send + Sync>);

impl std::fmt::Debug for ViewFn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ViewFn(..)")
    }
}

impl Default for ViewFn {
    fn default() -> Self {
        ViewFn(Arc::new(View::empty))
    }
}

impl<F, V> From<F> for ViewFn
where
    F: Fn() -> V + Send + Sync + 'static,
    V: IntoView,
{
    fn from(f: F) -> Self {
        ViewFn(Arc::new(move || f().into_view()))
    }
}

impl ViewFn {
    /// Renders the view.
    pub fn run(&self) -> AnyView {
        (self.0)()
    }
}

/// A function that renders a view once, such as a fallback that is shown at most once.
/// Like [`ViewFn`], a prop of this type takes any closure returning a view with
/// `#[prop(into)]`.
///
/// ```
/// use leptos::prelude::*;
///
/// #[component]
/// fn Notice(#[prop(into)] body: ViewFnOnce) -> impl IntoView {
///     view! { <aside>{body.run()}</aside> }
/// }
///
/// let message = String::from("saved");
/// let html = leptos::ssr::render_to_string(move || view! { <Notice body=move || message/> });
/// assert!(html.contains("saved"), "{html}");
/// ```
pub struct ViewFnOnce(Box<dyn FnOnce() -> AnyView + Send>);

impl std::fmt::Debug for ViewFnOnce {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ViewFnOnce(..)")
    }
}

impl Default for ViewFnOnce {
    fn default() -> Self {
        ViewFnOnce(Box::new(View::empty))
    }
}

impl<F, V> From<F> for ViewFnOnce
where
    F: FnOnce() -> V + Send + 'static,
    V: IntoView,
{
    fn from(f: F) -> Self {
        ViewFnOnce(Box::new(move || f().into_view()))
    }
}

impl ViewFnOnce {
    /// Renders the view.
    pub fn run(self) -> AnyView {
        (self.0)()
    }
}
