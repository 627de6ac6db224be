//! The types a component's `children` prop can have, as in Leptos.
//!
//! `view!` passes a component's children as a closure; [`ToChildren`] turns that closure
//! into whichever of these types the component declared. [`Children`], [`ChildrenFn`] and
//! [`ChildrenFnMut`] turn the children into a [`View`]; [`TypedChildren`],
//! [`TypedChildrenFn`] and [`TypedChildrenMut`] give them back as a [`LazyView`] that keeps
//! the closure's own return type.

use crate::view::{AnyView, IntoView, View};
use std::sync::{Arc, Mutex, PoisonError};

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

/// Children that are built when they are placed in a view: what the typed children props
/// ([`TypedChildren`], [`TypedChildrenFn`], [`TypedChildrenMut`]) hand back.
///
/// `V` is the type the children closure returns ([`View`] for children written in `view!`).
/// The closure runs when the `LazyView` is put into a view (or by [`LazyView::into_inner`]),
/// under the reactive owner current at that point, as if it had been called there.
/// Views are not `Send`, but a `LazyView` is, so a component can require `C: IntoView +
/// Send + 'static` of its children type, as Leptos components often do.
///
/// ```
/// use leptos::children::LazyView;
/// use leptos::prelude::*;
///
/// let later = LazyView::new(|| view! { <b>"built"</b> });
/// let html = leptos::ssr::render_to_string(move || view! { <p>{later}</p> });
/// assert_eq!(html, "<p><b>built</b></p>");
///
/// // `into_inner` runs the closure and gives its value back with its own type.
/// assert_eq!(LazyView::new(|| 21 * 2).into_inner(), 42);
/// ```
pub struct LazyView<V>(Box<dyn FnOnce() -> V + Send>);

impl<V> std::fmt::Debug for LazyView<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LazyView(..)")
    }
}

impl<V> LazyView<V> {
    /// Wraps the closure that builds the children; it is not called yet.
    pub fn new(build: impl FnOnce() -> V + Send + 'static) -> Self {
        LazyView(Box::new(build))
    }

    /// Builds the children now and returns what the closure returned.
    pub fn into_inner(self) -> V {
        (self.0)()
    }
}

impl<V: IntoView> IntoView for LazyView<V> {
    fn into_view(self) -> View {
        self.into_inner().into_view()
    }
}

/// Children rendered once, keeping their type: the typed counterpart of [`Children`], for
/// components written generic over their children as in Leptos.
///
/// `T` is [`LazyView<V>`], where `V` is the type the children closure returns: [`View`] for
/// children written in `view!`, or the closure's own type when the prop is set through the
/// props builder. [`into_inner`](TypedChildren::into_inner) gives a closure to call where
/// the children go; what it returns renders like any view. A component usually leaves `T`
/// generic:
///
/// ```
/// use leptos::prelude::*;
///
/// #[component]
/// fn Framed<C>(children: TypedChildren<C>) -> impl IntoView
/// where
///     C: IntoView + Send + 'static,
/// {
///     let children = children.into_inner();
///     view! { <section class="frame">{children()}</section> }
/// }
///
/// let html = leptos::ssr::render_to_string(|| view! { <Framed><p>"inside"</p></Framed> });
/// assert_eq!(html, r#"<section class="frame"><p>inside</p></section>"#);
/// ```
pub struct TypedChildren<T>(Box<dyn FnOnce() -> T + Send>);

impl<T> std::fmt::Debug for TypedChildren<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TypedChildren(..)")
    }
}

impl<T> TypedChildren<T> {
    /// The children closure, to call once where the children go.
    pub fn into_inner(self) -> impl FnOnce() -> T + Send {
        self.0
    }
}

impl<F, V> ToChildren<F> for TypedChildren<LazyView<V>>
where
    F: FnOnce() -> V + Send + 'static,
    V: IntoView,
{
    fn to_children(f: F) -> Self {
        TypedChildren(Box::new(move || LazyView::new(f)))
    }
}

/// Children that can be rendered many times, keeping their type: the typed counterpart of
/// [`ChildrenFn`]. `T` is [`LazyView<V>`], as for [`TypedChildren`]; each call of the
/// closure gives a fresh copy of the children. Cloning the prop shares the closure.
///
/// ```
/// use leptos::prelude::*;
///
/// #[component]
/// fn Twice<C>(children: TypedChildrenFn<C>) -> impl IntoView
/// where
///     C: IntoView + Send + 'static,
/// {
///     let children = children.into_inner();
///     view! { <ul><li>{children()}</li><li>{children()}</li></ul> }
/// }
///
/// let html = leptos::ssr::render_to_string(|| view! { <Twice>"echo"</Twice> });
/// assert_eq!(html, "<ul><li>echo</li><li>echo</li></ul>");
/// ```
pub struct TypedChildrenFn<T>(Arc<dyn Fn() -> T + Send + Sync>);

impl<T> std::fmt::Debug for TypedChildrenFn<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TypedChildrenFn(..)")
    }
}

impl<T> Clone for TypedChildrenFn<T> {
    fn clone(&self) -> Self {
        TypedChildrenFn(Arc::clone(&self.0))
    }
}

impl<T> TypedChildrenFn<T> {
    /// The children closure, shared: call it once for each copy of the children.
    pub fn into_inner(self) -> Arc<dyn Fn() -> T + Send + Sync> {
        self.0
    }
}

impl<F, V> ToChildren<F> for TypedChildrenFn<LazyView<V>>
where
    F: Fn() -> V + Send + Sync + 'static,
    V: IntoView,
{
    fn to_children(f: F) -> Self {
        let f = Arc::new(f);
        TypedChildrenFn(Arc::new(move || {
            let f = Arc::clone(&f);
            LazyView::new(move || f())
        }))
    }
}

/// Children that can be rendered many times and may keep state between renders, keeping
/// their type: the typed counterpart of [`ChildrenFnMut`]. `T` is [`LazyView<V>`], as for
/// [`TypedChildren`]; the children closure runs once per copy, in the order the copies are
/// placed in views.
///
/// ```
/// use leptos::prelude::*;
///
/// #[component]
/// fn Repeated<C>(times: usize, children: TypedChildrenMut<C>) -> impl IntoView
/// where
///     C: IntoView + Send + 'static,
/// {
///     let mut children = children.into_inner();
///     (0..times).map(|_| view! { <p>{children()}</p> }).collect::<Vec<_>>()
/// }
///
/// let html = leptos::ssr::render_to_string(|| {
///     let mut calls = 0;
///     view! { <Repeated times=2>{calls += 1; calls}</Repeated> }
/// });
/// assert_eq!(html, "<p>1</p><p>2</p>");
/// ```
pub struct TypedChildrenMut<T>(Box<dyn FnMut() -> T + Send>);

impl<T> std::fmt::Debug for TypedChildrenMut<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TypedChildrenMut(..)")
    }
}

impl<T> TypedChildrenMut<T> {
    /// The children closure, to call each time the children are rendered.
    pub fn into_inner(self) -> impl FnMut() -> T + Send {
        self.0
    }
}

impl<F, V> ToChildren<F> for TypedChildrenMut<LazyView<V>>
where
    F: FnMut() -> V + Send + 'static,
    V: IntoView,
{
    fn to_children(f: F) -> Self {
        let f = Arc::new(Mutex::new(f));
        TypedChildrenMut(Box::new(move || {
            let f = Arc::clone(&f);
            LazyView::new(move || (f.lock().unwrap_or_else(PoisonError::into_inner))())
        }))
    }
}
