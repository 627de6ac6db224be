//! [`TextProp`]: a prop that takes text, fixed or reactive, in any of the forms a caller has
//! at hand (`"literal"`, a `String`, a signal of text, a closure).

use crate::oco::Oco;
use crate::view::attribute::{AttributeValue, IntoAttributeValue, ToStaticValue};
use crate::view::{IntoView, View};
use reactive_graph::traits::Get;
use std::sync::Arc;

/// Text that may change: what a component takes for a label or a title when its caller may
/// pass a literal, a `String`, a signal or a closure. Reading it with [`TextProp::get`] inside
/// a reactive closure subscribes to whatever it reads; in a view it is updated in place.
///
/// ```
/// use leptos::prelude::*;
///
/// #[component]
/// fn Label(#[prop(into)] text: TextProp) -> impl IntoView {
///     view! { <label title=text.clone()>{text}</label> }
/// }
///
/// let (name, set_name) = signal(String::from("Ada"));
/// let html = leptos::ssr::render_to_string(move || {
///     set_name.set(String::from("Grace"));
///     view! {
///         <Label text="fixed"/>
///         <Label text=name/>
///         <Label text=move || format!("{} <3", name.get())/>
///     }
/// });
/// assert!(html.contains(r#"<label title="fixed">fixed</label>"#), "{html}");
/// assert!(html.contains(r#"<label title="Grace">Grace</label>"#), "{html}");
/// assert!(html.contains("Grace &lt;3</label>"), "{html}");
/// ```
#[derive(Clone)]
pub struct TextProp(Arc<dyn Fn() -> Oco<'static, str> + Send + Sync>);

impl TextProp {
    /// The text now (subscribing the caller to what it reads).
    pub fn get(&self) -> Oco<'static, str> {
        (self.0)()
    }
}

impl std::fmt::Debug for TextProp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("TextProp").finish_non_exhaustive()
    }
}

/// Empty text.
impl Default for TextProp {
    fn default() -> Self {
        TextProp(Arc::new(|| Oco::Borrowed("")))
    }
}

impl From<Oco<'static, str>> for TextProp {
    fn from(text: Oco<'static, str>) -> Self {
        let mut text = text;
        // Each read clones: share one allocation instead of copying the text each time.
        text.upgrade_inplace();
        TextProp(Arc::new(move || text.clone()))
    }
}

impl From<String> for TextProp {
    fn from(text: String) -> Self {
        Oco::from(text).into()
    }
}

impl From<&'static str> for TextProp {
    fn from(text: &'static str) -> Self {
        Oco::Borrowed(text).into()
    }
}

impl From<Arc<str>> for TextProp {
    fn from(text: Arc<str>) -> Self {
        Oco::Counted(text).into()
    }
}

impl<F, S> From<F> for TextProp
where
    F: Fn() -> S + Send + Sync + 'static,
    S: Into<Oco<'static, str>>,
{
    fn from(text: F) -> Self {
        TextProp(Arc::new(move || text().into()))
    }
}

macro_rules! text_props_from_handles {
    ($($handle:ty),*) => {$(
        impl<T> From<$handle> for TextProp
        where
            T: Into<Oco<'static, str>> + 'static,
            $handle: Get<Value = T> + Send + Sync,
        {
            fn from(handle: $handle) -> Self {
                TextProp(Arc::new(move || handle.get().into()))
            }
        }
    )*};
}
readable_handles!(text_props_from_handles);

impl IntoView for TextProp {
    fn into_view(self) -> View {
        (move || self.get()).into_view()
    }
}

impl IntoAttributeValue for TextProp {
    fn into_attribute_value(self) -> AttributeValue {
        AttributeValue::Dynamic(Box::new(move || self.get().to_static_value()))
    }
}

/// No text is no attribute; some text is written and kept up to date.
impl IntoAttributeValue for Option<TextProp> {
    fn into_attribute_value(self) -> AttributeValue {
        match self {
            Some(text) => text.into_attribute_value(),
            None => AttributeValue::Static(crate::view::attribute::StaticValue::Absent),
        }
    }
}

/// Text that may be borrowed, shared or owned renders as text.
impl IntoView for Oco<'static, str> {
    fn into_view(self) -> View {
        View::text(std::borrow::Cow::from(self))
    }
}

impl ToStaticValue for Oco<'static, str> {
    fn to_static_value(self) -> crate::view::attribute::StaticValue {
        crate::view::attribute::StaticValue::Text(self.into())
    }
}

impl IntoAttributeValue for Oco<'static, str> {
    fn into_attribute_value(self) -> AttributeValue {
        AttributeValue::Static(self.to_static_value())
    }
}
