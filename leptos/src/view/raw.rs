//! HTML written as it is: for what the server puts in the document's `<head>` (the
//! hydration scripts), and an element's `inner_html=`; never for text that came from a
//! user.

use super::attribute::{self, AttributeValue, IntoAttributeValue, StaticValue};
use super::dom::{self, Range};
#[cfg(hydration)]
use super::hydration::Cursor;
use super::{Mounted, Render, View};
use std::any::Any;
use wasm_bindgen::JsCast;
use web_sys::Node;

/// A view of trusted, unescaped HTML. See [`View::raw_html`].
#[derive(Debug)]
pub(crate) struct RawHtml(pub(crate) HtmlText);

/// The markup of a [`RawHtml`]: made for this view, or shared by every page that writes
/// the same (the hydration scripts).
#[derive(Debug)]
pub(crate) enum HtmlText {
    Owned(String),
    Shared(std::sync::Arc<str>),
}

impl std::ops::Deref for HtmlText {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            HtmlText::Owned(text) => text,
            HtmlText::Shared(text) => text,
        }
    }
}

impl View {
    /// A view of `html` written into the page as it is, **not escaped**: only for markup
    /// the app itself made (scripts, preloads), never for user input.
    ///
    /// ```
    /// use leptos::prelude::*;
    /// let html = View::raw_html("<b>bold</b>").render_to_string();
    /// assert_eq!(html, "<b>bold</b>");
    /// ```
    pub fn raw_html(html: impl Into<String>) -> View {
        View::new(RawHtml(HtmlText::Owned(html.into())))
    }

    /// The content of an element written `inner_html=value`: the value's HTML, **not
    /// escaped**, kept up to date when the value is reactive. Only meaningful as an
    /// element's only child, which is where `view!` puts it.
    pub(crate) fn inner_html(value: impl IntoAttributeValue) -> View {
        View::new(InnerHtml(value.into_attribute_value()))
    }

    /// Like [`View::raw_html`], for markup shared with other views (no copy is made).
    pub(crate) fn raw_html_shared(html: std::sync::Arc<str>) -> View {
        View::new(RawHtml(HtmlText::Shared(html)))
    }
}

/// The nodes `html` parses into.
fn parse(html: &str) -> Vec<Node> {
    let template: web_sys::HtmlTemplateElement = dom::must(
        dom::document().create_element("template"),
        "a <template> can be created",
    )
    .unchecked_into();
    template.set_inner_html(html);
    let content: Node = template.content().into();
    let mut nodes = Vec::new();
    let mut next = content.first_child();
    while let Some(node) = next {
        next = node.next_sibling();
        nodes.push(node);
    }
    nodes
}

impl Render for RawHtml {
    #[cfg(render_html)]
    fn html_len(&self) -> usize {
        self.0.len()
    }

    #[cfg(render_html)]
    fn to_html(self: Box<Self>, out: &mut String) {
        out.push_str(&self.0);
    }

    fn build(self: Box<Self>, parent: &Node, before: Option<&Node>) -> Mounted {
        let nodes = parse(&self.0);
        let (Some(first), Some(last)) = (nodes.first().cloned(), nodes.last().cloned()) else {
            return View::empty().build(parent, before);
        };
        for node in &nodes {
            dom::insert(parent, node, before);
        }
        Mounted::new(Range { first, last }, ())
    }

    #[cfg(hydration)]
    fn hydrate(self: Box<Self>, cursor: &mut Cursor) -> Mounted {
        // The server wrote the same markup: take as many nodes as it parses into.
        let count = parse(&self.0).len();
        let taken: Vec<Node> = (0..count).filter_map(|_| cursor.take()).collect();
        match (taken.first().cloned(), taken.last().cloned()) {
            (Some(first), Some(last)) => Mounted::new(Range { first, last }, ()),
            _ => View::empty().hydrate(cursor),
        }
    }
}

/// An element's `inner_html=`: its whole content, as HTML. On the server the value is
/// written as it is; in the browser it is the element's `innerHTML`, set again whenever a
/// reactive value changes.
struct InnerHtml(AttributeValue);

/// The markup of an `inner_html` value (none when absent).
fn markup(value: StaticValue) -> std::borrow::Cow<'static, str> {
    match value {
        StaticValue::Text(html) => html,
        _ => std::borrow::Cow::Borrowed(""),
    }
}

impl InnerHtml {
    /// The value's markup now, as a raw view.
    fn into_raw(self) -> Box<RawHtml> {
        let value = match self.0 {
            AttributeValue::Static(value) => value,
            AttributeValue::Dynamic(read) => read(),
        };
        Box::new(RawHtml(HtmlText::Owned(markup(value).into_owned())))
    }
}

impl Render for InnerHtml {
    #[cfg(render_html)]
    fn html_len(&self) -> usize {
        match &self.0 {
            AttributeValue::Static(StaticValue::Text(html)) => html.len(),
            _ => 64,
        }
    }

    #[cfg(render_html)]
    fn to_html(self: Box<Self>, out: &mut String) {
        out.push_str(&markup(self.0.current()));
    }

    /// Not alone in an element (only inside `<body>`, whose content is always bracketed):
    /// the value's markup now, as a raw view.
    fn build(self: Box<Self>, parent: &Node, before: Option<&Node>) -> Mounted {
        self.into_raw().build(parent, before)
    }

    #[cfg(hydration)]
    fn hydrate(self: Box<Self>, cursor: &mut Cursor) -> Mounted {
        self.into_raw().hydrate(cursor)
    }

    fn build_alone(self: Box<Self>, parent: &Node) -> Box<dyn Any> {
        let element: &web_sys::Element = parent.unchecked_ref();
        match self.0 {
            AttributeValue::Static(value) => {
                // A fresh element is empty already.
                if matches!(&value, StaticValue::Text(html) if !html.is_empty()) {
                    attribute::set_inner_html(element, &value);
                }
                Box::new(())
            }
            AttributeValue::Dynamic(read) => {
                Box::new(attribute::bind_inner_html(element, read, false))
            }
        }
    }

    #[cfg(hydration)]
    fn hydrate_alone(self: Box<Self>, cursor: &mut Cursor) -> Box<dyn Any> {
        // The server wrote the markup: it is the rest of the element, kept as it is.
        let parent = cursor.parent().clone();
        while cursor.take().is_some() {}
        match self.0 {
            AttributeValue::Static(_) => Box::new(()),
            AttributeValue::Dynamic(read) => Box::new(attribute::bind_inner_html(
                parent.unchecked_ref(),
                read,
                true,
            )),
        }
    }
}
