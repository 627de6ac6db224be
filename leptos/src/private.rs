//! The functions `view!` and `#[component]` generate calls to. Each is a one-liner into the
//! view module; keeping them here keeps the macros' output short and stable.

pub use crate::children::ToChildren;
pub use crate::view::{Hole, TNode, Template, View};

/// A template's server HTML chunks, kept only in builds that write HTML (so a client bundle
/// carries no server markup).
#[cfg(render_html)]
#[doc(hidden)]
#[macro_export]
macro_rules! __ssr_chunks {
    ($($chunk:expr),* $(,)?) => { &[$($chunk),*] };
}

/// A template's server HTML chunks, kept only in builds that write HTML (so a client bundle
/// carries no server markup).
#[cfg(not(render_html))]
#[doc(hidden)]
#[macro_export]
macro_rules! __ssr_chunks {
    ($($chunk:expr),* $(,)?) => {
        &[]
    };
}

use crate::view::attribute::{
    self, Attribute, AttributeValue, EventDescriptor, IntoAttributeValue,
};
use crate::view::{ComponentView, IntoView, TemplateView};

/// An instance of a template with its holes.
#[inline]
pub fn template<const N: usize>(template: &'static Template, holes: [Hole; N]) -> View {
    View::template(TemplateView::with_holes(template, holes))
}

/// A child hole.
pub fn child(value: impl IntoView) -> Hole {
    Hole::Child(value.into_view())
}

/// A child hole that is its element's only child (written without markers).
#[inline]
pub fn alone(hole: Hole) -> Hole {
    match hole {
        Hole::Child(view) => Hole::Alone(view),
        other => other,
    }
}

/// A lone child of `view!` (no template around it).
#[inline]
pub fn hole_view(hole: Hole) -> View {
    match hole {
        Hole::Child(view) | Hole::Alone(view) => view,
        Hole::Attribute(_) => unreachable!("a lone hole is a child"),
    }
}

/// `name=value` with a value known only at run time.
pub fn attribute(name: &'static str, value: impl IntoAttributeValue) -> Hole {
    Hole::Attribute(Attribute::Value {
        name,
        value: value.into_attribute_value(),
    })
}

/// A `class:`/`style:` value.
pub fn value(value: impl IntoAttributeValue) -> AttributeValue {
    value.into_attribute_value()
}

/// The merged `class` attribute of an element with `class:` toggles.
pub fn classes(fixed: &'static str, toggles: Vec<(&'static str, AttributeValue)>) -> Hole {
    Hole::Attribute(Attribute::Classes { fixed, toggles })
}

/// The merged `style` attribute of an element with `style:` entries.
pub fn styles(fixed: &'static str, properties: Vec<(&'static str, AttributeValue)>) -> Hole {
    Hole::Attribute(Attribute::Styles { fixed, properties })
}

/// `prop:name=value`.
pub fn prop(name: &'static str, value: impl attribute::IntoPropertyValue) -> Hole {
    Hole::Attribute(Attribute::Property {
        name,
        value: value.into_property_value(),
    })
}

/// `on:event=handler`.
pub fn on<E: EventDescriptor>(event: E, handler: impl FnMut(E::Event) + 'static) -> Hole {
    Hole::Attribute(attribute::on(event, handler))
}

/// `on:event:target=handler`: the handler gets the event with its target typed as the
/// element `El` it is written on.
pub fn on_target<El: crate::view::ElementType, E: EventDescriptor>(
    event: E,
    mut handler: impl FnMut(crate::ev::Targeted<E::Event, El::Output>) + 'static,
) -> Hole {
    Hole::Attribute(attribute::on(event, move |ev| {
        handler(crate::ev::Targeted::new(ev))
    }))
}

/// A component's view with the attributes set on its tag (`attr:`, `class:`, `on:`), for
/// its first element.
pub fn with_attributes<const N: usize>(mut view: View, attributes: [Hole; N]) -> View {
    let attributes: Vec<_> = attributes
        .into_iter()
        .filter_map(|hole| match hole {
            Hole::Attribute(attribute) => Some(attribute),
            Hole::Child(_) | Hole::Alone(_) => None,
        })
        .collect();
    // A view that puts them somewhere else (`<Html/>`, `<Body/>`) takes them itself.
    match view.take_attributes(attributes) {
        Some(attributes) => View::new(crate::view::WithAttributes { view, attributes }),
        None => view,
    }
}

/// `class:name=on` on a component's tag (and each class of `attr:class="a b"`).
pub fn class_toggle(name: &'static str, on: impl IntoAttributeValue) -> Hole {
    Hole::Attribute(Attribute::Classes {
        fixed: "",
        toggles: vec![(name, on.into_attribute_value())],
    })
}

/// `bind:value=signal`.
pub fn bind_value(signal: impl attribute::BindSignal<String> + Clone) -> Hole {
    Hole::Attribute(attribute::bind_value(signal))
}

/// `bind:value=signal` on a `<textarea>` with no children; `view!` follows it with
/// [`textarea_content`] as the textarea's content.
pub fn bind_textarea_value(signal: impl attribute::BindSignal<String> + Clone) -> Hole {
    Hole::Attribute(crate::view::textarea::bind_value(signal))
}

/// The content of the `<textarea>` whose [`bind_textarea_value`] was just made.
pub fn textarea_content() -> View {
    crate::view::textarea::content()
}

/// `bind:group=signal` on a radio button with `value=...`.
pub fn bind_group(signal: impl attribute::BindSignal<String> + Clone, value: String) -> Hole {
    Hole::Attribute(attribute::bind_group(signal, value))
}

/// The value of a radio button with `bind:group`, as text.
pub fn group_value(value: &(impl std::fmt::Display + ?Sized)) -> String {
    value.to_string()
}

/// `bind:checked=signal`.
pub fn bind_checked(signal: impl attribute::BindSignal<bool> + Clone) -> Hole {
    Hole::Attribute(attribute::bind_checked(signal))
}

/// `node_ref=...`.
pub fn node_ref<E: crate::view::ElementType>(node_ref: crate::view::NodeRef<E>) -> Hole {
    Hole::Attribute(Attribute::WithElement(Box::new(move |element| {
        node_ref.load(element)
    })))
}

/// `use:directive` (`param` is `()`) or `use:directive=param`.
pub fn directive<M, P: 'static>(
    directive: impl crate::directive::Directive<M, P>,
    param: P,
) -> Hole {
    Hole::Attribute(Attribute::WithElement(Box::new(move |element| {
        directive.run(element.clone(), param)
    })))
}

/// `inner_html=value`: the element's content, as HTML written as it is.
pub fn inner_html(value: impl IntoAttributeValue) -> Hole {
    Hole::Child(View::inner_html(value))
}

/// Implemented by every component's props struct (generated by `#[component]`).
pub trait ComponentProps {
    /// The builder `view!` sets props on.
    type Builder;
    /// A builder with nothing set.
    fn builder() -> Self::Builder;
}

/// The props of a component: its props struct, or `()` for a component without props.
pub trait PropsOrNoProps {
    /// The builder `view!` sets props on.
    type Builder;
    /// A builder with nothing set.
    fn builder() -> Self::Builder;
}

impl<P: ComponentProps> PropsOrNoProps for P {
    type Builder = P::Builder;
    fn builder() -> Self::Builder {
        P::builder()
    }
}

impl PropsOrNoProps for () {
    type Builder = NoPropsBuilder;
    fn builder() -> Self::Builder {
        NoPropsBuilder
    }
}

/// The "builder" of a component without props.
#[derive(Debug)]
pub struct NoPropsBuilder;

impl NoPropsBuilder {
    /// No props to build.
    pub fn build(self) {}
}

/// A component function: `fn() -> impl IntoView` or `fn(Props) -> impl IntoView`.
pub trait ComponentFn<P> {
    /// Calls the component with its props.
    fn call(self, props: P) -> View;
}

impl<F, V> ComponentFn<()> for F
where
    F: FnOnce() -> V,
    V: IntoView,
{
    fn call(self, _: ()) -> View {
        self().into_view()
    }
}

impl<F, V, P> ComponentFn<P> for F
where
    F: FnOnce(P) -> V,
    V: IntoView,
    P: ComponentProps,
{
    fn call(self, props: P) -> View {
        self(props).into_view()
    }
}

/// What a prop that `<Slot slot>` children fill takes them as: one slot `S` (for a prop of
/// type `S`, `Option<S>` or `Vec<S>`), or several as `Vec<S>` (for a prop of type `Vec<S>`).
#[diagnostic::on_unimplemented(
    message = "a prop of type `{Self}` cannot take `{S}`",
    label = "this slot does not fit the prop",
    note = "a prop takes slots `S` if its type is `S`, `Option<S>` or `Vec<S>`; several slots for one prop need `Vec<S>`"
)]
pub trait FromSlot<S> {
    /// Converts the slots to the prop's type.
    fn from_slot(slots: S) -> Self;
}

impl<S> FromSlot<S> for S {
    fn from_slot(slot: S) -> Self {
        slot
    }
}

impl<S> FromSlot<S> for Option<S> {
    fn from_slot(slot: S) -> Self {
        Some(slot)
    }
}

impl<S> FromSlot<S> for Vec<S> {
    fn from_slot(slot: S) -> Self {
        vec![slot]
    }
}

/// The props builder of a component, found from the function's own type, so that `view!`
/// needs only the component in scope, not its props struct.
pub fn props_builder<P: PropsOrNoProps>(_component: &impl ComponentFn<P>) -> P::Builder {
    P::builder()
}

/// Runs a component (untracked: a component runs once) and names its view for hydration
/// error messages.
pub fn component<P>(name: &'static str, component: impl ComponentFn<P>, props: P) -> View {
    let view = reactive_graph::untrack(|| component.call(props));
    // Only hydration reads the name, and it runs only in the browser: elsewhere (the server)
    // the view goes as it is, without a box per component.
    if cfg!(not(target_arch = "wasm32")) {
        return view;
    }
    View::new(ComponentView { name, view })
}
