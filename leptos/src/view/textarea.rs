//! The content of a `<textarea bind:value=...>`: a textarea shows its content, not a `value`
//! attribute, so the server writes the bound text there (a form posted with JavaScript off
//! keeps it). In the browser the binding sets the `value` property, and the content is left
//! as the server wrote it.
//!
//! `view!` writes such a textarea as the binding ([`bind_value`]) followed by one content
//! hole ([`content`]); the binding keeps the text for the hole on this thread, and the hole,
//! made right after it, takes it.

use super::attribute::{self, BindSignal};
#[cfg(hydration)]
use super::Cursor;
use super::{dom, Mounted, Range, Render, View};
use std::any::Any;
use std::cell::RefCell;

thread_local! {
    /// The text of the last bound textarea, until its content hole takes it.
    static BOUND_TEXT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// `bind:value=signal` on a `<textarea>` with no children: the binding, with the signal's
/// current text kept for [`content`].
pub(crate) fn bind_value(signal: impl BindSignal<String> + Clone) -> attribute::Attribute {
    if cfg!(render_html) {
        let text = reactive_graph::untrack(|| signal.read_bound());
        BOUND_TEXT.with(|bound| *bound.borrow_mut() = Some(text));
    }
    attribute::bind_textarea_value(signal)
}

/// The content of the textarea whose binding [`bind_value`] just made.
pub(crate) fn content() -> View {
    let text = BOUND_TEXT.with(|bound| bound.borrow_mut().take());
    View::new(TextareaContent(text.unwrap_or_default()))
}

/// The bound text, written as the textarea's content on the server (a client-only build
/// never reads it: the binding sets the textarea's `value`).
struct TextareaContent(#[cfg_attr(not(any(render_html, hydration)), allow(dead_code))] String);

impl Render for TextareaContent {
    #[cfg(render_html)]
    fn html_len(&self) -> usize {
        self.0.len()
    }

    #[cfg(render_html)]
    fn to_html(self: Box<Self>, out: &mut String) {
        super::escape_text(&self.0, out);
    }

    /// Only reached if the content is not alone in its textarea, which `view!` never makes:
    /// an empty text node keeps its place.
    fn build(self: Box<Self>, parent: &web_sys::Node, before: Option<&web_sys::Node>) -> Mounted {
        let node = dom::text_node("");
        dom::insert(parent, &node, before);
        Mounted::new(Range::single(node), ())
    }

    #[cfg(hydration)]
    fn hydrate(self: Box<Self>, cursor: &mut Cursor) -> Mounted {
        View::text(self.0).hydrate(cursor)
    }

    /// The binding sets the textarea's `value`: no content is needed.
    fn build_alone(self: Box<Self>, _parent: &web_sys::Node) -> Box<dyn Any> {
        Box::new(())
    }

    /// The server's text stays as the textarea's default value: it is taken as it is.
    #[cfg(hydration)]
    fn hydrate_alone(self: Box<Self>, cursor: &mut Cursor) -> Box<dyn Any> {
        while cursor.take().is_some() {}
        Box::new(())
    }
}
