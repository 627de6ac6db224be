//! HTML written as it is: for what the server puts in the document's `<head>` (the
//! hydration scripts), never for text that came from a user.

use super::dom::{self, Range};
#[cfg(hydration)]
use super::hydration::Cursor;
use super::{Mounted, Render, View};
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
