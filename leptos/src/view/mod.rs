//! Views: what `view!` and components produce, and the three ways a view becomes a page.
//!
//! A [`View`] can be
//! - written as HTML into a `String` (the server: [`View::to_html`]),
//! - built as DOM nodes (a client-only app: [`Render::build`]),
//! - or hydrated: matched against the DOM the server produced, attaching listeners and
//!   reactive bindings and creating nothing that is already there ([`Render::hydrate`]).
//!
//! Most of a page comes from templates: each `view!` compiles its static structure into one
//! [`Template`] (pre-escaped HTML chunks for the server, cloneable HTML for the browser, and
//! a flat node list both walk) plus a short list of holes for the dynamic parts. Views are
//! type-erased at this boundary, so an app's number of generated types grows with its
//! components, not with its elements.
//!
//! Dynamic content is bracketed by the comments `<!--[-->` and `<!--]-->` in the HTML: they
//! keep adjacent text nodes apart and tell hydration where each dynamic part begins and ends.
//! Content that is an element's only child needs neither (the element delimits it), and is
//! written without them (see [`Render::to_html_alone`]).

/// Calls the macro `$each` with the type of every reactive handle (in `reactive_graph`) that
/// a view, an attribute or a property can follow, written with the value type `T` (the
/// generated impls add `T: 'static` and `Self: Get<Value = T>`).
macro_rules! readable_handles {
    ($each:ident) => {
        $each!(
            reactive_graph::ReadSignal<T>,
            reactive_graph::ReadSignal<T, reactive_graph::LocalStorage>,
            reactive_graph::RwSignal<T>,
            reactive_graph::RwSignal<T, reactive_graph::LocalStorage>,
            reactive_graph::Memo<T>,
            reactive_graph::Signal<T>,
            reactive_graph::Signal<T, reactive_graph::LocalStorage>,
            reactive_graph::ArcReadSignal<T>,
            reactive_graph::ArcRwSignal<T>,
            reactive_graph::ArcMemo<T>,
            reactive_graph::ArcSignal<T>
        );
    };
}

pub mod attribute;
mod delegation;
pub(crate) mod dom;
mod dynamic;
mod elsewhere;
#[cfg(render_html)]
mod escape;
mod hydration;
mod into_view;
mod node_ref;
mod number;
mod raw;
mod spread;
mod template;
pub(crate) mod textarea;

pub use attribute::{Attribute, AttributeValue, IntoAttributeValue};
#[cfg(hydration)]
pub(crate) use dynamic::hydrate_bracketed;
pub(crate) use dynamic::Anchor;
pub use dynamic::DynamicView;
pub(crate) use dynamic::{build_bracketed, CloseMarker};
#[cfg(render_html)]
pub use escape::{escape_attr, escape_text};
pub(crate) use hydration::CursorLoan;
pub use hydration::{take_hydration_mismatches, Cursor};
pub use into_view::{
    AnyView, CollectView, Either, EitherOf3, EitherOf4, EitherOf5, EitherOf6, IntoView,
};
pub use node_ref::{html, ElementType, NodeRef};
pub use template::{Hole, TNode, Template, TemplateView};

pub(crate) use dom::{document, Range};
pub(crate) use elsewhere::{Elsewhere, ElsewhereView};
pub(crate) use spread::WithAttributes;

use std::any::Any;
use std::borrow::Cow;

/// A piece of UI that can render in each of the three modes.
///
/// Implemented by templates, dynamic closures and the control-flow components; most users
/// never implement it themselves.
pub trait Render: 'static {
    /// A guess of how many bytes of HTML this view writes, so the server can size its buffer
    /// once.
    #[cfg(render_html)]
    fn html_len(&self) -> usize;

    /// Writes this view as HTML.
    #[cfg(render_html)]
    fn to_html(self: Box<Self>, out: &mut String);

    /// Creates this view's DOM nodes inside `parent`, before `before` (or at the end).
    fn build(self: Box<Self>, parent: &web_sys::Node, before: Option<&web_sys::Node>) -> Mounted;

    /// Takes over the DOM nodes the server rendered for this view, starting at the cursor.
    #[cfg(hydration)]
    fn hydrate(self: Box<Self>, cursor: &mut Cursor) -> Mounted;

    /// Writes this view as the only content of an element (`<td>{label}</td>`), where the
    /// element's own tags delimit it: a view that brackets itself with `<!--[-->`/`<!--]-->`
    /// can leave the markers out. The default writes it as anywhere else.
    #[cfg(render_html)]
    fn to_html_alone(self: Box<Self>, out: &mut String) {
        self.to_html(out)
    }

    /// Builds this view as the only content of `parent` (see [`Render::to_html_alone`]);
    /// returns what keeps it alive. The default builds it as anywhere else.
    fn build_alone(self: Box<Self>, parent: &web_sys::Node) -> Box<dyn Any> {
        Box::new(self.build(parent, None))
    }

    /// Hydrates what [`Render::to_html_alone`] wrote: everything from the cursor to the end
    /// of the element. The default hydrates it as anywhere else.
    #[cfg(hydration)]
    fn hydrate_alone(self: Box<Self>, cursor: &mut Cursor) -> Box<dyn Any> {
        Box::new(self.hydrate(cursor))
    }

    /// Takes the attributes written on the tag of the component that returned this view
    /// (`attr:`, `class:`, `on:`), for a view that puts them somewhere other than on its
    /// first element (see [`crate::head::document_attributes`]). The default gives them
    /// back, and they go to the view's first element.
    fn take_attributes(&mut self, attributes: Vec<Attribute>) -> Option<Vec<Attribute>> {
        Some(attributes)
    }
}

/// A view in the browser: the range of sibling nodes it occupies (its first and last node
/// never change while it is mounted), and the state that keeps it alive (effects, listeners,
/// child views). Dropping it stops its effects; [`Mounted::unmount`] also removes its nodes.
pub struct Mounted {
    pub(crate) range: Range,
    /// Never read: held so that the view's effects and children live as long as it does.
    #[allow(dead_code)]
    pub(crate) state: Box<dyn Any>,
}

impl std::fmt::Debug for Mounted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mounted").finish_non_exhaustive()
    }
}

impl Mounted {
    pub(crate) fn new(range: Range, state: impl Any) -> Self {
        Mounted {
            range,
            state: Box::new(state),
        }
    }

    /// Removes this view's nodes from the document and stops its effects.
    pub fn unmount(self) {
        self.range.remove();
    }

    /// The first node of this view's range.
    pub fn first_node(&self) -> &web_sys::Node {
        &self.range.first
    }
}

/// A type-erased view: text, a template, a dynamic part, a component or a list of views.
pub struct View {
    pub(crate) inner: ViewInner,
}

pub(crate) enum ViewInner {
    /// Nothing: a placeholder comment keeps its place in the document.
    Empty,
    /// Text that does not change.
    Text(Cow<'static, str>),
    /// An integer, shown as decimal text (no string is allocated for it).
    Integer(number::Integer),
    /// Several views side by side.
    Fragment(Vec<View>),
    /// An instance of a `view!` template, kept inline: the most common view needs no box
    /// (one allocation less per template instance, per row of a table).
    Template(TemplateView),
    /// Anything else.
    Boxed(Box<dyn Render>),
}

impl std::fmt::Debug for View {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.inner {
            ViewInner::Empty => f.write_str("View::Empty"),
            ViewInner::Text(text) => f.debug_tuple("View::Text").field(text).finish(),
            ViewInner::Integer(n) => f.debug_tuple("View::Integer").field(n).finish(),
            ViewInner::Fragment(views) => f.debug_tuple("View::Fragment").field(views).finish(),
            ViewInner::Template(t) => f.debug_tuple("View::Template").field(t).finish(),
            ViewInner::Boxed(_) => f.write_str("View::Boxed(..)"),
        }
    }
}

impl View {
    /// A view that renders nothing.
    pub fn empty() -> View {
        View {
            inner: ViewInner::Empty,
        }
    }

    /// A text view.
    pub fn text(text: impl Into<Cow<'static, str>>) -> View {
        View {
            inner: ViewInner::Text(text.into()),
        }
    }

    /// An integer as text (`i64` and `u64` cover every smaller integer type).
    pub(crate) fn integer(n: number::Integer) -> View {
        View {
            inner: ViewInner::Integer(n),
        }
    }

    /// Several views side by side.
    pub fn fragment(views: Vec<View>) -> View {
        View {
            inner: ViewInner::Fragment(views),
        }
    }

    /// An instance of a `view!` template (not boxed).
    pub(crate) fn template(template: TemplateView) -> View {
        View {
            inner: ViewInner::Template(template),
        }
    }

    /// Offers `attributes` to a boxed view that takes them ([`Render::take_attributes`]).
    pub(crate) fn take_attributes(&mut self, attributes: Vec<Attribute>) -> Option<Vec<Attribute>> {
        match &mut self.inner {
            ViewInner::Boxed(render) => render.take_attributes(attributes),
            _ => Some(attributes),
        }
    }

    /// Wraps any [`Render`] implementation.
    pub fn new(render: impl Render) -> View {
        View {
            inner: ViewInner::Boxed(Box::new(render)),
        }
    }

    /// A guess of how many bytes of HTML this view writes.
    #[cfg(render_html)]
    pub fn html_len(&self) -> usize {
        match &self.inner {
            ViewInner::Empty => 7,
            ViewInner::Text(text) => text.len() + text.len() / 8,
            ViewInner::Integer(_) => 8,
            // An empty fragment is written as the empty placeholder, as it is built.
            ViewInner::Fragment(views) if views.is_empty() => View::empty().html_len(),
            ViewInner::Fragment(views) => views.iter().map(View::html_len).sum(),
            ViewInner::Template(template) => template.html_len(),
            ViewInner::Boxed(render) => render.html_len(),
        }
    }

    /// This view as an HTML string, every dynamic text and attribute value escaped.
    ///
    /// ```
    /// use leptos::prelude::*;
    ///
    /// let name = "<Ada>";
    /// assert_eq!(view! { <p title=name>{name}</p> }.to_html(), "<p title=\"&lt;Ada&gt;\">&lt;Ada&gt;</p>");
    /// ```
    #[cfg(render_html)]
    pub fn to_html(self) -> String {
        self.render_to_string()
    }

    /// Writes this view as HTML at the end of `out`, escaping every dynamic text and
    /// attribute value.
    #[cfg(render_html)]
    pub fn write_html(self, out: &mut String) {
        match self.inner {
            ViewInner::Empty => out.push_str("<!---->"),
            ViewInner::Text(text) => escape_text(&text, out),
            // Digits and a minus sign need no escaping.
            ViewInner::Integer(n) => n.push_to(out),
            // Built and hydrated as the empty placeholder, so written as one: with nothing
            // in its place, the browser would find the next node where it expects this one.
            ViewInner::Fragment(views) if views.is_empty() => View::empty().write_html(out),
            ViewInner::Fragment(views) => views.into_iter().for_each(|v| v.write_html(out)),
            ViewInner::Template(template) => template.write_html(out),
            ViewInner::Boxed(render) => render.to_html(out),
        }
    }

    /// Writes this view as the only content of an element (see [`Render::to_html_alone`]).
    #[cfg(render_html)]
    pub fn to_html_alone(self, out: &mut String) {
        match self.inner {
            ViewInner::Boxed(render) => render.to_html_alone(out),
            inner => View { inner }.write_html(out),
        }
    }

    /// This view as an HTML string, in a buffer sized once from the view's own estimate.
    #[cfg(render_html)]
    pub fn render_to_string(self) -> String {
        self.render_to_string_with_capacity(0)
    }

    /// Like [`render_to_string`](Self::render_to_string), in a buffer of at least
    /// `capacity` bytes (a caller that knows the usual size saves the buffer's regrowth).
    #[cfg(render_html)]
    pub fn render_to_string_with_capacity(self, capacity: usize) -> String {
        let mut out = String::with_capacity(capacity.max(self.html_len()));
        self.write_html(&mut out);
        out
    }

    /// Creates this view's DOM nodes inside `parent`, before `before` (or at the end).
    pub fn build(self, parent: &web_sys::Node, before: Option<&web_sys::Node>) -> Mounted {
        match self.inner {
            ViewInner::Empty => {
                let comment: web_sys::Node = document().create_comment("").into();
                dom::insert(parent, &comment, before);
                Mounted::new(Range::single(comment), ())
            }
            ViewInner::Text(text) => {
                let node = dom::text_node(&text);
                dom::insert(parent, &node, before);
                Mounted::new(Range::single(node), ())
            }
            ViewInner::Integer(n) => {
                let node = dom::integer_node(n);
                dom::insert(parent, &node, before);
                Mounted::new(Range::single(node), ())
            }
            ViewInner::Fragment(views) if views.is_empty() => View::empty().build(parent, before),
            ViewInner::Fragment(views) => {
                let mounted: Vec<Mounted> =
                    views.into_iter().map(|v| v.build(parent, before)).collect();
                Mounted::new(Range::spanning(&mounted), mounted)
            }
            ViewInner::Template(template) => template.build(parent, before),
            ViewInner::Boxed(render) => render.build(parent, before),
        }
    }

    /// Builds this view as the only content of `parent` (see [`Render::build_alone`]).
    pub fn build_alone(self, parent: &web_sys::Node) -> Box<dyn Any> {
        match self.inner {
            ViewInner::Boxed(render) => render.build_alone(parent),
            // Text that never changes needs no handle on its node: setting the element's
            // content is one call into the browser instead of creating and inserting a node.
            ViewInner::Text(text) if !text.is_empty() => {
                parent.set_text_content(Some(&text));
                Box::new(())
            }
            ViewInner::Integer(n) => {
                dom::set_integer_content(parent, n);
                Box::new(())
            }
            inner => Box::new(View { inner }.build(parent, None)),
        }
    }

    /// Hydrates this view as the only content of the cursor's element (see
    /// [`Render::hydrate_alone`]).
    #[cfg(hydration)]
    pub fn hydrate_alone(self, cursor: &mut Cursor) -> Box<dyn Any> {
        match self.inner {
            ViewInner::Boxed(render) => render.hydrate_alone(cursor),
            inner => Box::new(View { inner }.hydrate(cursor)),
        }
    }

    /// Takes over the server-rendered DOM for this view, starting at the cursor.
    #[cfg(hydration)]
    pub fn hydrate(self, cursor: &mut Cursor) -> Mounted {
        match self.inner {
            ViewInner::Empty => {
                let node = cursor.expect_comment("", "an empty placeholder");
                Mounted::new(Range::single(node), ())
            }
            ViewInner::Text(text) => {
                let node = cursor.expect_text(&text);
                Mounted::new(Range::single(node), ())
            }
            ViewInner::Integer(n) => {
                let node = n.with_digits(|digits| cursor.expect_text(digits));
                Mounted::new(Range::single(node), ())
            }
            ViewInner::Fragment(views) if views.is_empty() => View::empty().hydrate(cursor),
            ViewInner::Fragment(views) => {
                let mounted: Vec<Mounted> = views.into_iter().map(|v| v.hydrate(cursor)).collect();
                Mounted::new(Range::spanning(&mounted), mounted)
            }
            ViewInner::Template(template) => template.hydrate(cursor),
            ViewInner::Boxed(render) => render.hydrate(cursor),
        }
    }

    /// The views of a fragment, or this view alone.
    pub fn into_parts(self) -> Vec<View> {
        match self.inner {
            ViewInner::Fragment(views) => views,
            inner => vec![View { inner }],
        }
    }
}

/// Hydrates `view` from `cursor`, for code that hydrates or builds depending on a runtime
/// flag; unreachable in builds without hydration.
#[cfg(hydration)]
pub(crate) fn hydrate_view(view: View, cursor: &mut Cursor) -> Mounted {
    view.hydrate(cursor)
}

/// Hydrates `view` from `cursor`, for code that hydrates or builds depending on a runtime
/// flag; unreachable in builds without hydration.
#[cfg(not(hydration))]
pub(crate) fn hydrate_view(_view: View, _cursor: &mut Cursor) -> Mounted {
    unreachable!("hydration is not compiled into this build (enable the `hydrate` feature)")
}

/// Hydrates `view` as the only content of the cursor's element; see [`hydrate_view`].
#[cfg(hydration)]
pub(crate) fn hydrate_view_alone(view: View, cursor: &mut Cursor) -> Box<dyn Any> {
    view.hydrate_alone(cursor)
}

/// Hydrates `view` as the only content of the cursor's element; see [`hydrate_view`].
#[cfg(not(hydration))]
pub(crate) fn hydrate_view_alone(_view: View, _cursor: &mut Cursor) -> Box<dyn Any> {
    unreachable!("hydration is not compiled into this build (enable the `hydrate` feature)")
}

/// A component's view, remembered by name so hydration errors can say where they happened.
pub(crate) struct ComponentView {
    #[cfg_attr(not(hydration), allow(dead_code))]
    pub(crate) name: &'static str,
    pub(crate) view: View,
}

impl Render for ComponentView {
    #[cfg(render_html)]
    fn html_len(&self) -> usize {
        self.view.html_len()
    }

    #[cfg(render_html)]
    fn to_html(self: Box<Self>, out: &mut String) {
        self.view.write_html(out)
    }

    fn build(self: Box<Self>, parent: &web_sys::Node, before: Option<&web_sys::Node>) -> Mounted {
        self.view.build(parent, before)
    }

    #[cfg(hydration)]
    fn hydrate(self: Box<Self>, cursor: &mut Cursor) -> Mounted {
        cursor.enter_component(self.name);
        let mounted = self.view.hydrate(cursor);
        cursor.exit_component();
        mounted
    }

    #[cfg(render_html)]
    fn to_html_alone(self: Box<Self>, out: &mut String) {
        self.view.to_html_alone(out)
    }

    fn build_alone(self: Box<Self>, parent: &web_sys::Node) -> Box<dyn Any> {
        self.view.build_alone(parent)
    }

    #[cfg(hydration)]
    fn hydrate_alone(self: Box<Self>, cursor: &mut Cursor) -> Box<dyn Any> {
        cursor.enter_component(self.name);
        let keep = self.view.hydrate_alone(cursor);
        cursor.exit_component();
        keep
    }

    fn take_attributes(&mut self, attributes: Vec<Attribute>) -> Option<Vec<Attribute>> {
        self.view.take_attributes(attributes)
    }
}

#[cfg(all(test, render_html))]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_fragments_concatenate() {
        let view = View::fragment(vec![
            View::text("<b>"),
            View::empty(),
            View::text(String::from("a & b")),
        ]);
        assert_eq!(view.render_to_string(), "&lt;b&gt;<!---->a &amp; b");
    }
}
