//! Dynamic attributes of template elements: values, `class:`/`style:` directives,
//! `prop:` properties, `on:` event listeners and `node_ref`.
//!
//! Static attributes never get here: `view!` writes them into the template itself.

#[cfg(render_html)]
use super::escape::escape_attr;
use reactive_graph::RenderEffect;
use std::any::Any;
use std::borrow::Cow;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// The value of an attribute at one moment.
#[derive(Clone, Debug, PartialEq)]
pub enum StaticValue {
    /// Absent (`None`, `false`).
    Absent,
    /// Present without a value (`true`): `<input disabled>`.
    Present,
    /// Present with a value.
    Text(Cow<'static, str>),
}

/// An attribute value: fixed, or recomputed reactively.
pub enum AttributeValue {
    /// A value that never changes.
    Static(StaticValue),
    /// A value read from signals; re-applied when they change.
    Dynamic(Box<dyn Fn() -> StaticValue>),
}

impl std::fmt::Debug for AttributeValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AttributeValue::Static(value) => f.debug_tuple("Static").field(value).finish(),
            AttributeValue::Dynamic(_) => f.write_str("Dynamic(..)"),
        }
    }
}

impl AttributeValue {
    /// The value now (a dynamic one is read), as the server writes it.
    #[cfg(render_html)]
    pub(crate) fn current(&self) -> StaticValue {
        match self {
            AttributeValue::Static(value) => value.clone(),
            AttributeValue::Dynamic(f) => f(),
        }
    }
}

/// Converts a value into an [`AttributeValue`]: text, numbers, `bool` (present or absent),
/// `Option`, signals and closures (reactive).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as an attribute value",
    note = "attribute values can be text, numbers, `bool`, `Option<_>`, a signal, or a closure returning one of these"
)]
pub trait IntoAttributeValue {
    /// The value.
    fn into_attribute_value(self) -> AttributeValue;
}

/// A value that can be an attribute's value at one moment (what a reactive closure returns).
pub trait ToStaticValue {
    /// The value now.
    fn to_static_value(self) -> StaticValue;
}

macro_rules! static_text_values {
    ($($ty:ty),*) => {$(
        impl ToStaticValue for $ty {
            fn to_static_value(self) -> StaticValue {
                StaticValue::Text(self.to_string().into())
            }
        }
        impl IntoAttributeValue for $ty {
            fn into_attribute_value(self) -> AttributeValue {
                AttributeValue::Static(self.to_static_value())
            }
        }
    )*};
}
static_text_values!(
    String, char, i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, f32, f64
);

impl ToStaticValue for &'static str {
    fn to_static_value(self) -> StaticValue {
        StaticValue::Text(Cow::Borrowed(self))
    }
}
impl IntoAttributeValue for &'static str {
    fn into_attribute_value(self) -> AttributeValue {
        AttributeValue::Static(self.to_static_value())
    }
}
impl ToStaticValue for Cow<'static, str> {
    fn to_static_value(self) -> StaticValue {
        StaticValue::Text(self)
    }
}
impl IntoAttributeValue for Cow<'static, str> {
    fn into_attribute_value(self) -> AttributeValue {
        AttributeValue::Static(self.to_static_value())
    }
}
impl ToStaticValue for bool {
    fn to_static_value(self) -> StaticValue {
        if self {
            StaticValue::Present
        } else {
            StaticValue::Absent
        }
    }
}
impl IntoAttributeValue for bool {
    fn into_attribute_value(self) -> AttributeValue {
        AttributeValue::Static(self.to_static_value())
    }
}
impl<T: ToStaticValue> ToStaticValue for Option<T> {
    fn to_static_value(self) -> StaticValue {
        match self {
            Some(value) => value.to_static_value(),
            None => StaticValue::Absent,
        }
    }
}
impl<T: ToStaticValue> IntoAttributeValue for Option<T> {
    fn into_attribute_value(self) -> AttributeValue {
        AttributeValue::Static(self.to_static_value())
    }
}

impl<F, T> IntoAttributeValue for F
where
    F: Fn() -> T + 'static,
    T: ToStaticValue,
{
    fn into_attribute_value(self) -> AttributeValue {
        AttributeValue::Dynamic(Box::new(move || self().to_static_value()))
    }
}

macro_rules! reactive_attribute_values {
    ($($handle:ty),*) => {$(
        impl<T> IntoAttributeValue for $handle
        where
            T: ToStaticValue + 'static,
            Self: reactive_graph::traits::Get<Value = T>,
        {
            fn into_attribute_value(self) -> AttributeValue {
                use reactive_graph::traits::Get;
                AttributeValue::Dynamic(Box::new(move || self.get().to_static_value()))
            }
        }
    )*};
}
readable_handles!(reactive_attribute_values);

/// An optional prop as an attribute: absent while it is `None`.
impl<T> IntoAttributeValue for reactive_graph::MaybeProp<T>
where
    T: ToStaticValue + Clone + reactive_graph::MaybeSend + reactive_graph::MaybeSync + 'static,
{
    fn into_attribute_value(self) -> AttributeValue {
        use reactive_graph::traits::Get;
        AttributeValue::Dynamic(Box::new(move || self.get().to_static_value()))
    }
}

/// A property value for `prop:name=...`: set on the DOM object, never written as HTML.
pub struct PropertyValue {
    get: Box<dyn Fn() -> JsValue>,
    reactive: bool,
}

impl std::fmt::Debug for PropertyValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PropertyValue")
            .field("reactive", &self.reactive)
            .finish_non_exhaustive()
    }
}

/// Converts a value into a [`PropertyValue`]: anything `Into<JsValue> + Clone`, or a closure
/// returning one (reactive).
pub trait IntoPropertyValue {
    /// The value.
    fn into_property_value(self) -> PropertyValue;
}

macro_rules! static_properties {
    ($($ty:ty),*) => {$(
        impl IntoPropertyValue for $ty {
            fn into_property_value(self) -> PropertyValue {
                PropertyValue { get: Box::new(move || JsValue::from(self.clone())), reactive: false }
            }
        }
    )*};
}
static_properties!(String, &'static str, bool, f64, f32, i32, u32);

impl<F, T> IntoPropertyValue for F
where
    F: Fn() -> T + 'static,
    T: Into<JsValue>,
{
    fn into_property_value(self) -> PropertyValue {
        PropertyValue {
            get: Box::new(move || self().into()),
            reactive: true,
        }
    }
}

macro_rules! reactive_property_values {
    ($($handle:ty),*) => {$(
        impl<T> IntoPropertyValue for $handle
        where
            T: Into<JsValue> + 'static,
            Self: reactive_graph::traits::Get<Value = T>,
        {
            fn into_property_value(self) -> PropertyValue {
                use reactive_graph::traits::Get;
                PropertyValue {
                    get: Box::new(move || self.get().into()),
                    reactive: true,
                }
            }
        }
    )*};
}
readable_handles!(reactive_property_values);

/// An optional prop as a property: `undefined` while it is `None`.
impl<T> IntoPropertyValue for reactive_graph::MaybeProp<T>
where
    T: Into<JsValue> + Clone + reactive_graph::MaybeSend + reactive_graph::MaybeSync + 'static,
{
    fn into_property_value(self) -> PropertyValue {
        use reactive_graph::traits::Get;
        PropertyValue {
            get: Box::new(move || self.get().map_or(JsValue::UNDEFINED, Into::into)),
            reactive: true,
        }
    }
}

/// One dynamic part of an element's start tag.
pub enum Attribute {
    /// `name=value` (also `attr:name=value`).
    Value {
        /// The attribute's name.
        name: &'static str,
        /// Its value.
        value: AttributeValue,
    },
    /// The `class` attribute with `class:name=on` toggles (and its static part, if any).
    Classes {
        /// The classes written as `class="..."` in the template.
        fixed: &'static str,
        /// Each toggled class and whether it is on.
        toggles: Vec<(&'static str, AttributeValue)>,
    },
    /// The `style` attribute with `style:property=value` entries (and its static part).
    Styles {
        /// The declarations written as `style="..."` in the template.
        fixed: &'static str,
        /// Each property and its value.
        properties: Vec<(&'static str, AttributeValue)>,
    },
    /// `prop:name=value`.
    Property {
        /// The property's name.
        name: &'static str,
        /// Its value.
        value: PropertyValue,
    },
    /// `on:event=handler`.
    Event(EventListener),
    /// `node_ref=...` or `use:directive`: called with the element once it exists in the
    /// browser (built or hydrated); never on the server.
    WithElement(Box<dyn FnOnce(&web_sys::Element)>),
    /// `bind:value=signal` or `bind:checked=signal`: the attribute on the server, the
    /// property and a listener that writes back in the browser.
    Bind(Box<Binding>),
}

/// A two-way binding between a signal and an input's `value` or `checked`.
pub struct Binding {
    /// The attribute written on the server (`value`, `checked`), which is also the property
    /// set in the browser.
    name: &'static str,
    /// The signal's value, for the server's HTML.
    #[cfg(render_html)]
    current: AttributeValue,
    /// The signal's value, for the browser's property.
    property: PropertyValue,
    /// Writes the input's new value back into the signal.
    listener: EventListener,
}

impl std::fmt::Debug for Binding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Binding")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// What `bind:` binds to: an `RwSignal<T>` or a `(ReadSignal<T>, WriteSignal<T>)` pair.
pub trait BindSignal<T>: 'static {
    /// The current value, subscribing the caller.
    fn read_bound(&self) -> T;
    /// Sets a new value (notifying readers).
    fn write_bound(&self, value: T);
}

macro_rules! bind_signals {
    ($($handle:ident),*) => {$(
        impl<T> BindSignal<T> for reactive_graph::$handle<T>
        where
            T: Clone + reactive_graph::MaybeSend + reactive_graph::MaybeSync + 'static,
        {
            fn read_bound(&self) -> T {
                use reactive_graph::traits::Get;
                self.get()
            }
            fn write_bound(&self, value: T) {
                use reactive_graph::traits::Set;
                self.set(value);
            }
        }
    )*};
}
bind_signals!(RwSignal, ArcRwSignal);

impl<T> BindSignal<T>
    for (
        reactive_graph::ReadSignal<T>,
        reactive_graph::WriteSignal<T>,
    )
where
    T: Clone + reactive_graph::MaybeSend + reactive_graph::MaybeSync + 'static,
{
    fn read_bound(&self) -> T {
        use reactive_graph::traits::Get;
        self.0.get()
    }
    fn write_bound(&self, value: T) {
        use reactive_graph::traits::Set;
        self.1.set(value);
    }
}

/// `bind:value=signal`: the input shows the signal's text and typing writes it back (on
/// every `input` event). On a `<textarea>`, `view!` also writes the text as its content
/// (see `view::textarea`).
pub fn bind_value(signal: impl BindSignal<String> + Clone) -> Attribute {
    bind(
        signal,
        "value",
        "input",
        |text| StaticValue::Text(text.into()),
        crate::ev::event_target_value,
    )
}

/// `bind:value=signal` on a `<textarea>`: the same binding, except that the server writes no
/// `value` attribute (a textarea has none: its text is its content, see `view::textarea`).
pub(crate) fn bind_textarea_value(signal: impl BindSignal<String> + Clone) -> Attribute {
    let attribute = bind_value(signal);
    #[cfg(render_html)]
    let attribute = match attribute {
        Attribute::Bind(mut binding) => {
            binding.current = AttributeValue::Static(StaticValue::Absent);
            Attribute::Bind(binding)
        }
        other => other,
    };
    attribute
}

/// `bind:checked=signal`: the checkbox is checked when the signal is `true`, and checking or
/// unchecking it writes it back (on every `change` event).
pub fn bind_checked(signal: impl BindSignal<bool> + Clone) -> Attribute {
    bind(
        signal,
        "checked",
        "change",
        bool::to_static_value,
        crate::ev::event_target_checked,
    )
}

/// `bind:group=signal` on a radio button whose value is `value`: it is checked while the
/// signal holds `value`, and choosing it writes `value` into the signal (on its `change`
/// event). The other radio buttons bound to the same signal follow. It is `bind:checked`,
/// bound to whether the signal holds this button's value.
pub fn bind_group(signal: impl BindSignal<String> + Clone, value: String) -> Attribute {
    bind_checked(GroupMember { signal, value })
}

/// One radio button's view of a group's signal: `true` while the signal holds `value`;
/// checking the button writes `value` into it (unchecking writes nothing: another button of
/// the group was checked, and writes its own value).
#[derive(Clone)]
struct GroupMember<S> {
    signal: S,
    value: String,
}

impl<S: BindSignal<String>> BindSignal<bool> for GroupMember<S> {
    fn read_bound(&self) -> bool {
        self.signal.read_bound() == self.value
    }

    fn write_bound(&self, checked: bool) {
        if checked {
            self.signal.write_bound(self.value.clone());
        }
    }
}

/// A binding of `signal` to the attribute and property `name`, written back from each
/// `event` with what `read_event` reads of it.
fn bind<T: Into<JsValue> + 'static>(
    signal: impl BindSignal<T> + Clone,
    name: &'static str,
    event: &'static str,
    to_html: fn(T) -> StaticValue,
    read_event: fn(&web_sys::Event) -> T,
) -> Attribute {
    #[cfg(render_html)]
    let for_html = signal.clone();
    #[cfg(not(render_html))]
    let _ = to_html;
    let for_property = signal.clone();
    Attribute::Bind(Box::new(Binding {
        name,
        #[cfg(render_html)]
        current: AttributeValue::Dynamic(Box::new(move || to_html(for_html.read_bound()))),
        property: PropertyValue {
            get: Box::new(move || for_property.read_bound().into()),
            reactive: true,
        },
        listener: EventListener {
            name: event,
            delegated: true,
            handler: Box::new(move |event: web_sys::Event| signal.write_bound(read_event(&event))),
        },
    }))
}

impl std::fmt::Debug for Attribute {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Attribute::Value { name, value } => f
                .debug_struct("Value")
                .field("name", name)
                .field("value", value)
                .finish(),
            Attribute::Classes { fixed, .. } => {
                f.debug_struct("Classes").field("fixed", fixed).finish()
            }
            Attribute::Styles { fixed, .. } => {
                f.debug_struct("Styles").field("fixed", fixed).finish()
            }
            Attribute::Property { name, .. } => {
                f.debug_struct("Property").field("name", name).finish()
            }
            Attribute::Event(listener) => f.debug_tuple("Event").field(&listener.name).finish(),
            Attribute::WithElement(_) => f.write_str("WithElement"),
            Attribute::Bind(binding) => f.debug_tuple("Bind").field(&binding.name).finish(),
        }
    }
}

impl Attribute {
    /// A guess of the HTML this attribute writes.
    #[cfg(render_html)]
    pub(crate) fn html_len(&self) -> usize {
        match self {
            Attribute::Value { name, .. } => name.len() + 16,
            Attribute::Classes { fixed, toggles } => fixed.len() + 16 * toggles.len() + 9,
            Attribute::Styles { fixed, properties } => fixed.len() + 24 * properties.len() + 9,
            _ => 0,
        }
    }

    /// Writes the attribute as HTML (leading space included), reading dynamic values once.
    #[cfg(render_html)]
    pub(crate) fn write_html(self, out: &mut String) {
        match self {
            Attribute::Value { name, value } => write_value(out, name, value.current()),
            Attribute::Classes { fixed, toggles } => {
                let mut classes = String::from(fixed);
                for (name, on) in toggles {
                    if on.current() != StaticValue::Absent {
                        if !classes.is_empty() {
                            classes.push(' ');
                        }
                        classes.push_str(name);
                    }
                }
                if !classes.is_empty() {
                    write_value(out, "class", StaticValue::Text(classes.into()));
                }
            }
            Attribute::Styles { fixed, properties } => {
                let mut style = String::from(fixed.trim_end());
                for (name, value) in properties {
                    if let StaticValue::Text(value) = value.current() {
                        if !style.is_empty() && !style.ends_with(';') {
                            style.push(';');
                        }
                        style.push_str(name);
                        style.push(':');
                        style.push_str(&value);
                        style.push(';');
                    }
                }
                if !style.is_empty() {
                    write_value(out, "style", StaticValue::Text(style.into()));
                }
            }
            Attribute::Bind(binding) => {
                let Binding { name, current, .. } = *binding;
                write_value(out, name, current.current());
            }
            // Properties, listeners, node refs and directives exist only in the browser.
            Attribute::Property { .. } | Attribute::Event(_) | Attribute::WithElement(_) => {}
        }
    }

    /// Applies the attribute to a browser element. When hydrating, what the server already
    /// wrote (static values) is left alone; reactive values are bound either way. Returns
    /// what must stay alive for the binding to keep working.
    pub(crate) fn apply(self, element: &web_sys::Element, hydrating: bool) -> Option<Box<dyn Any>> {
        match self {
            Attribute::Value { name, value } => match value {
                AttributeValue::Static(value) => {
                    if !hydrating {
                        set_attribute(element, name, &value);
                    }
                    None
                }
                AttributeValue::Dynamic(f) => {
                    Some(Box::new(bind_sink(element, Sink::Attribute(name, f))))
                }
            },
            Attribute::Classes { fixed, toggles } => {
                let mut effects: Vec<RenderEffect<()>> = Vec::new();
                for (name, on) in toggles {
                    // A fresh element has only the fixed classes: turning off any other is a
                    // no-op, so the first run skips it (one call into the browser per toggle).
                    let absent = !hydrating && !fixed.split_ascii_whitespace().any(|c| c == name);
                    match on {
                        AttributeValue::Static(on) => {
                            let on = on != StaticValue::Absent;
                            if !hydrating && (on || !absent) {
                                toggle_class(element, name, on);
                            }
                        }
                        AttributeValue::Dynamic(f) => {
                            effects.push(bind_sink(element, Sink::Class(name, f, absent)));
                        }
                    }
                }
                (!effects.is_empty()).then(|| Box::new(effects) as Box<dyn Any>)
            }
            Attribute::Styles { properties, .. } => {
                let mut effects: Vec<RenderEffect<()>> = Vec::new();
                for (name, value) in properties {
                    match value {
                        AttributeValue::Static(value) => {
                            if !hydrating {
                                set_style(element, name, &value);
                            }
                        }
                        AttributeValue::Dynamic(f) => {
                            effects.push(bind_sink(element, Sink::Style(name, f)))
                        }
                    }
                }
                (!effects.is_empty()).then(|| Box::new(effects) as Box<dyn Any>)
            }
            Attribute::Property { name, value } => {
                let sink = Sink::Property(name, value.get);
                if value.reactive {
                    Some(Box::new(bind_sink(element, sink)))
                } else {
                    sink.write(element, true);
                    None
                }
            }
            Attribute::Event(listener) => listener.attach(element),
            Attribute::WithElement(run) => {
                run(element);
                None
            }
            Attribute::Bind(binding) => {
                let Binding {
                    name,
                    property,
                    listener,
                    ..
                } = *binding;
                let effect = Attribute::Property {
                    name,
                    value: property,
                }
                .apply(element, hydrating);
                let slot = listener.attach(element);
                Some(Box::new((effect, slot)))
            }
        }
    }
}

/// Where a reactive value in a start tag is written in the browser. Every kind goes through
/// one effect ([`bind_sink`]), so the bundle holds one copy of the effect's code, not one per kind.
enum Sink {
    /// An attribute, by name.
    Attribute(&'static str, Box<dyn Fn() -> StaticValue>),
    /// A class, on while the value is present. `true` when the class is not among the
    /// element's fixed ones, so that turning it off on the first run can be skipped.
    Class(&'static str, Box<dyn Fn() -> StaticValue>, bool),
    /// A style property.
    Style(&'static str, Box<dyn Fn() -> StaticValue>),
    /// A JavaScript property.
    Property(&'static str, Box<dyn Fn() -> JsValue>),
}

impl Sink {
    /// Reads the value (subscribing the running effect) and writes it to `element`; `first`
    /// on the effect's first run.
    fn write(&self, element: &web_sys::Element, first: bool) {
        match self {
            Sink::Attribute(name, value) => set_attribute(element, name, &value()),
            Sink::Class(name, on, absent) => {
                let on = on() != StaticValue::Absent;
                if !first || on || !absent {
                    toggle_class(element, name, on);
                }
            }
            Sink::Style(name, value) => set_style(element, name, &value()),
            Sink::Property(name, value) => {
                let _ = js_sys::Reflect::set(element, &JsValue::from_str(name), &value());
            }
        }
    }
}

/// An effect that writes `sink` to `element` now and whenever what it reads changes.
fn bind_sink(element: &web_sys::Element, sink: Sink) -> RenderEffect<()> {
    let element = element.clone();
    RenderEffect::new(move |previous: Option<()>| sink.write(&element, previous.is_none()))
}

/// An effect that keeps `element`'s content the HTML `value` reads (`inner_html=`); when
/// `hydrated`, the server wrote the first value and it is not set again. Not a [`Sink`]:
/// an app that never writes `inner_html=` carries none of this code.
pub(crate) fn bind_inner_html(
    element: &web_sys::Element,
    value: Box<dyn Fn() -> StaticValue>,
    hydrated: bool,
) -> RenderEffect<()> {
    let element = element.clone();
    RenderEffect::new(move |previous: Option<()>| {
        let value = value();
        if previous.is_some() || !hydrated {
            set_inner_html(&element, &value);
        }
    })
}

/// Sets `element`'s content to the HTML `value` (no content when absent).
pub(crate) fn set_inner_html(element: &web_sys::Element, value: &StaticValue) {
    match value {
        StaticValue::Text(html) => element.set_inner_html(html),
        _ => element.set_inner_html(""),
    }
}

/// Writes ` class="classes"` (escaped).
#[cfg(render_html)]
pub(crate) fn write_class(out: &mut String, classes: &str) {
    write_value(out, "class", StaticValue::Text(classes.to_owned().into()));
}

#[cfg(render_html)]
fn write_value(out: &mut String, name: &str, value: StaticValue) {
    match value {
        StaticValue::Absent => {}
        StaticValue::Present => {
            out.push(' ');
            out.push_str(name);
        }
        StaticValue::Text(text) => {
            out.push(' ');
            out.push_str(name);
            out.push_str("=\"");
            escape_attr(&text, out);
            out.push('"');
        }
    }
}

fn set_attribute(element: &web_sys::Element, name: &str, value: &StaticValue) {
    let _ = match value {
        StaticValue::Absent => element.remove_attribute(name),
        StaticValue::Present => element.set_attribute(name, ""),
        StaticValue::Text(text) => element.set_attribute(name, text),
    };
}

fn toggle_class(element: &web_sys::Element, name: &str, on: bool) {
    let _ = element.class_list().toggle_with_force(name, on);
}

fn set_style(element: &web_sys::Element, name: &str, value: &StaticValue) {
    let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() else {
        return;
    };
    let style = element.style();
    let _ = match value {
        StaticValue::Text(text) => style.set_property(name, text),
        _ => style.remove_property(name).map(drop),
    };
}

/// Describes one DOM event: its name, the `web_sys` type handlers receive, and whether it
/// bubbles (bubbling events are delegated to one listener on the document).
pub trait EventDescriptor: Copy {
    /// The `web_sys` event type the handler receives.
    type Event: JsCast + 'static;
    /// The DOM event name.
    const NAME: &'static str;
    /// Whether the event bubbles, so that one listener on the document can serve all.
    const BUBBLES: bool;
}

/// An event handler waiting to be attached to an element.
pub struct EventListener {
    name: &'static str,
    delegated: bool,
    handler: Box<dyn FnMut(web_sys::Event)>,
}

impl std::fmt::Debug for EventListener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventListener")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// `on:event=handler`: the handler receives the typed `web_sys` event.
pub fn on<E: EventDescriptor>(_event: E, mut handler: impl FnMut(E::Event) + 'static) -> Attribute {
    Attribute::Event(EventListener {
        name: E::NAME,
        delegated: E::BUBBLES,
        handler: Box::new(move |event: web_sys::Event| handler(event.unchecked_into())),
    })
}

impl EventListener {
    /// Attaches the handler: a bubbling event's to the delegation table (kept alive by the
    /// returned slot), any other event's as an ordinary listener on the element.
    fn attach(self, element: &web_sys::Element) -> Option<Box<dyn Any>> {
        if self.delegated {
            let slot = super::delegation::attach(element, self.name, self.handler);
            return Some(Box::new(slot));
        }
        let closure = Closure::<dyn FnMut(web_sys::Event)>::new(self.handler).into_js_value();
        let _ = element.add_event_listener_with_callback(self.name, closure.unchecked_ref());
        None
    }
}

#[cfg(all(test, render_html))]
mod tests {
    use super::*;

    fn html(attribute: Attribute) -> String {
        let mut out = String::new();
        attribute.write_html(&mut out);
        out
    }

    #[test]
    fn values_are_escaped_and_booleans_are_present_or_absent() {
        let value = |v: AttributeValue| Attribute::Value {
            name: "title",
            value: v,
        };
        assert_eq!(
            html(value("a\"b".into_attribute_value())),
            r#" title="a&quot;b""#
        );
        assert_eq!(html(value(true.into_attribute_value())), " title");
        assert_eq!(html(value(false.into_attribute_value())), "");
        assert_eq!(html(value(None::<String>.into_attribute_value())), "");
        assert_eq!(html(value((|| 5).into_attribute_value())), r#" title="5""#);
    }

    #[test]
    fn classes_and_styles_merge_with_their_static_parts() {
        let classes = Attribute::Classes {
            fixed: "btn",
            toggles: vec![
                ("active", true.into_attribute_value()),
                ("hidden", (|| false).into_attribute_value()),
            ],
        };
        assert_eq!(html(classes), r#" class="btn active""#);
        let styles = Attribute::Styles {
            fixed: "margin: 0",
            properties: vec![("color", "red".into_attribute_value())],
        };
        assert_eq!(html(styles), r#" style="margin: 0;color:red;""#);
    }
}
