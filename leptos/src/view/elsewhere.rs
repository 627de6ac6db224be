//! Views that leave only an empty placeholder (`<!---->`) where they stand and do their work
//! somewhere else in the document: a `<Portal>`'s content, the elements a page puts in
//! `<head>`, the title, the attributes of `<html>` and `<body>`.
//!
//! Each implements [`Elsewhere`]: what the server records instead of writing in place, and
//! what the browser does once the placeholder is built or taken over. [`ElsewhereView`] is
//! the one [`Render`] implementation around them.

use std::any::Any;

use super::attribute::Attribute;
#[cfg(hydration)]
use super::hydration::Cursor;
use super::{Mounted, Render, View};

/// The work of a view that stands in the page as an empty placeholder.
pub(crate) trait Elsewhere: 'static {
    /// How hydration names the placeholder in a mismatch report.
    #[cfg_attr(not(hydration), allow(dead_code))]
    const PLACEHOLDER_OF: &'static str;

    /// On the server: records what the view does elsewhere (its placeholder is written
    /// where it stands).
    #[cfg(render_html)]
    fn write_elsewhere(self);

    /// In the browser, once the placeholder is built (or taken over, when `hydrating`):
    /// does the view's work. What it returns lives as long as the view is mounted.
    fn mount(self, hydrating: bool) -> impl Any;

    /// Takes the attributes written on the tag of the component that returned the view (see
    /// [`Render::take_attributes`]); the default gives them back.
    fn take_attributes(&mut self, attributes: Vec<Attribute>) -> Option<Vec<Attribute>> {
        Some(attributes)
    }
}

/// A view made of an [`Elsewhere`].
pub(crate) struct ElsewhereView<E>(pub(crate) E);

impl<E: Elsewhere> Render for ElsewhereView<E> {
    #[cfg(render_html)]
    fn html_len(&self) -> usize {
        View::empty().html_len()
    }

    #[cfg(render_html)]
    fn to_html(self: Box<Self>, out: &mut String) {
        self.0.write_elsewhere();
        View::empty().write_html(out);
    }

    fn build(self: Box<Self>, parent: &web_sys::Node, before: Option<&web_sys::Node>) -> Mounted {
        let placeholder = View::empty().build(parent, before);
        Mounted::new(placeholder.range, self.0.mount(false))
    }

    #[cfg(hydration)]
    fn hydrate(self: Box<Self>, cursor: &mut Cursor) -> Mounted {
        let placeholder = cursor.expect_comment("", E::PLACEHOLDER_OF);
        Mounted::new(super::Range::single(placeholder), self.0.mount(true))
    }

    fn take_attributes(&mut self, attributes: Vec<Attribute>) -> Option<Vec<Attribute>> {
        self.0.take_attributes(attributes)
    }
}
