//! Dynamic children: a closure whose view is rendered again when what it reads changes.

use super::dom::{self, Range, CLOSE, OPEN};
use super::hydration::{Cursor, CursorLoan};
use super::number::Integer;
use super::{Mounted, Render, View, ViewInner};
use reactive_graph::{untrack, RenderEffect};
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::Node;

/// A view computed by a closure, such as `{move || count.get()}` or
/// `{move || if on.get() { view! { <b>"on"</b> }.into_any() } else { ... }}`.
///
/// Its content sits between `<!--[-->` and `<!--]-->`, or, when it is an element's only
/// child (`<td>{move || label.get()}</td>`), fills the element with no markers. When the closure's inputs change,
/// text is updated in place (a counter's click touches one text node); anything else is
/// replaced, and the reactive state the old content created is disposed.
pub struct DynamicView {
    render: Box<dyn FnMut() -> View>,
    /// Whether the server renders the content inside an owner of its own (see
    /// [`DynamicView::new_scoped`]).
    #[cfg_attr(not(render_html), allow(dead_code))]
    scoped: bool,
}

impl std::fmt::Debug for DynamicView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DynamicView").finish_non_exhaustive()
    }
}

impl DynamicView {
    /// A view that re-renders with `render` whenever what `render` reads changes.
    pub fn new(render: impl FnMut() -> View + 'static) -> Self {
        DynamicView {
            render: Box::new(render),
            scoped: false,
        }
    }

    /// Like [`DynamicView::new`], but on the server too the closure runs, and its view is
    /// written, inside an owner of its own, as each run does in the browser (where the run's
    /// owner is the effect's). Context that `render` provides then reaches every part of its
    /// view, including closures the server only runs while writing the HTML, and never leaks
    /// to the rest of the page: what a router's outlet needs for the route it shows.
    ///
    /// ```
    /// use leptos::prelude::*;
    /// use leptos::view::DynamicView;
    ///
    /// #[derive(Clone)]
    /// struct Level(u8);
    ///
    /// let html = leptos::ssr::render_to_string(|| {
    ///     let scoped = DynamicView::new_scoped(|| {
    ///         provide_context(Level(1));
    ///         // Runs while the HTML is written, after the closure above returned.
    ///         (move || use_context::<Level>().map(|l| l.0)).into_view()
    ///     });
    ///     let after = move || use_context::<Level>().map(|l| l.0);
    ///     view! { <p id="inside">{View::new(scoped)}</p><p id="after">{after}</p> }
    /// });
    /// let (inside, after) = html.split_once("<p id=\"after\">").unwrap();
    /// assert!(inside.contains("-->1<!--"), "the context reached the inner closure: {html}");
    /// assert!(!after.contains("1"), "and nothing outside: {html}");
    /// ```
    pub fn new_scoped(render: impl FnMut() -> View + 'static) -> Self {
        DynamicView {
            render: Box::new(render),
            scoped: true,
        }
    }

    /// Creates the effect that keeps the content up to date. Its first run hydrates from
    /// `cursor` if given (the cursor advances past the content), or builds at `anchor`.
    fn bind(self, anchor: Anchor, mut cursor: Option<&mut Cursor>) -> RenderEffect<Content> {
        let mut render = self.render;
        let loan = CursorLoan::of(cursor.as_deref_mut());
        let lent = loan.clone();
        let effect = RenderEffect::new(move |previous: Option<Content>| {
            let view = render();
            match previous {
                Some(previous) => previous.update(view, &anchor),
                None => lent.use_once(|cursor| match cursor {
                    Some(cursor) => Content::hydrate(view, cursor),
                    None => Content::build(view, &anchor),
                }),
            }
        });
        loan.repay(cursor);
        effect
    }

    /// Runs the closure once, inside an owner of its own if the view is scoped.
    #[cfg(render_html)]
    fn write_content(&mut self, out: &mut String) {
        if self.scoped {
            reactive_graph::Owner::new().with(|| (self.render)().write_html(out));
        } else {
            (self.render)().write_html(out);
        }
    }
}

/// Where a dynamic part's content goes when it is built: before its closing marker, or, when
/// it is its element's only content, at the end of that element.
pub(crate) enum Anchor {
    /// Before the part's closing marker.
    Before(CloseMarker),
    /// At the end of this element, whose only content the part is.
    End(Node),
}

impl Anchor {
    /// The parent and the node to insert before.
    pub(crate) fn place(&self) -> (Node, Option<Node>) {
        match self {
            Anchor::Before(close) => {
                let close = close.borrow().clone().expect("built after its markers");
                let parent = close
                    .parent_node()
                    .expect("the markers are in the document");
                (parent, Some(close))
            }
            Anchor::End(parent) => (parent.clone(), None),
        }
    }
}

/// What a dynamic part shows.
enum Content {
    /// Text in a node of its own. The text is kept beside the node, so that an update
    /// compares in wasm and makes one call into the browser, and only when the text changed
    /// (a counter's click sets one `nodeValue`; nothing is read back from the document).
    Text { node: TextNode, shown: Text },
    /// Any other view.
    View(Mounted),
}

/// The node of a [`Content::Text`].
enum TextNode {
    /// This node.
    Node(Node),
    /// The only child of the anchor's element ([`Anchor::End`]), made by setting the
    /// element's content: one call into the browser where creating and inserting a node
    /// takes two and keeps a handle. Its handle is asked for at the first update.
    OnlyChild,
}

impl TextNode {
    /// The node, asked of the document if not known yet.
    fn get(self, anchor: &Anchor) -> Node {
        match (self, anchor) {
            (TextNode::Node(node), _) => node,
            (TextNode::OnlyChild, Anchor::End(element)) => element
                .first_child()
                .expect("the element holds the text it was given"),
            (TextNode::OnlyChild, Anchor::Before(_)) => {
                unreachable!("only text alone in its element is made without a node")
            }
        }
    }
}

/// The text of a [`Content::Text`].
#[derive(PartialEq)]
enum Text {
    Str(Cow<'static, str>),
    Integer(Integer),
}

impl Text {
    /// The view's text, or the view itself if it is not text.
    fn of(view: View) -> Result<Text, View> {
        match view.inner {
            ViewInner::Text(text) => Ok(Text::Str(text)),
            ViewInner::Integer(n) => Ok(Text::Integer(n)),
            inner => Err(View { inner }),
        }
    }

    /// A new text node showing this text.
    fn node(&self) -> Node {
        match self {
            Text::Str(text) => dom::text_node(text),
            Text::Integer(n) => dom::integer_node(*n),
        }
    }

    /// Whether there is no text (setting an element's content to "" makes no text node).
    fn is_empty(&self) -> bool {
        matches!(self, Text::Str(text) if text.is_empty())
    }

    /// Makes this text the whole content of `element`.
    fn fill(&self, element: &Node) {
        match self {
            Text::Str(text) => element.set_text_content(Some(text)),
            Text::Integer(n) => dom::set_integer_content(element, *n),
        }
    }

    /// Makes this text the value of `node`.
    fn set_on(&self, node: &Node) {
        match self {
            Text::Str(text) => node.set_node_value(Some(text)),
            Text::Integer(n) => dom::set_integer_value(node, *n),
        }
    }
}

impl Content {
    /// Builds `view` at `anchor`.
    fn build(view: View, anchor: &Anchor) -> Content {
        Content::build_either(Text::of(view), anchor)
    }

    /// Builds text, or another view, at `anchor`.
    fn build_either(view: Result<Text, View>, anchor: &Anchor) -> Content {
        // Alone in its element, the content goes at the element's end: no handle to clone.
        let placed;
        let (parent, before, alone) = match anchor {
            Anchor::End(element) => (element, None, true),
            Anchor::Before(_) => {
                placed = anchor.place();
                (&placed.0, placed.1.as_ref(), false)
            }
        };
        match view {
            // Alone in its (empty) element: the element's content is set, in one call.
            Ok(shown) if alone && !shown.is_empty() => {
                shown.fill(parent);
                Content::Text {
                    node: TextNode::OnlyChild,
                    shown,
                }
            }
            Ok(shown) => {
                let node = shown.node();
                dom::insert(parent, &node, before);
                Content::Text {
                    node: TextNode::Node(node),
                    shown,
                }
            }
            Err(view) => Content::View(untrack(|| view.build(parent, before))),
        }
    }

    /// Takes over the server's nodes for `view` at the cursor.
    fn hydrate(view: View, cursor: &mut Cursor) -> Content {
        let shown = match &view.inner {
            ViewInner::Text(text) => Some(Text::Str(text.clone())),
            ViewInner::Integer(n) => Some(Text::Integer(*n)),
            _ => None,
        };
        let mounted = untrack(|| super::hydrate_view(view, cursor));
        match shown {
            // Hydrating text always ends with one text node showing it (see `Cursor::expect_text`).
            Some(shown) => Content::Text {
                node: TextNode::Node(mounted.range.first.clone()),
                shown,
            },
            None => Content::View(mounted),
        }
    }

    /// Shows `view` instead: text in place when both are text, otherwise a rebuild at the
    /// anchor after the old content is removed and its reactive state disposed.
    fn update(self, view: View, anchor: &Anchor) -> Content {
        match (self, Text::of(view)) {
            (Content::Text { node, shown }, Ok(text)) => {
                if text == shown {
                    return Content::Text { node, shown };
                }
                let node = node.get(anchor);
                text.set_on(&node);
                Content::Text {
                    node: TextNode::Node(node),
                    shown: text,
                }
            }
            (old, new) => {
                old.unmount(anchor);
                Content::build_either(new, anchor)
            }
        }
    }

    /// Removes the content's nodes from the document.
    fn unmount(self, anchor: &Anchor) {
        match self {
            Content::Text {
                node: TextNode::OnlyChild,
                ..
            } => {
                // The text is all the element holds.
                if let Anchor::End(element) = anchor {
                    element.set_text_content(None);
                }
            }
            Content::Text {
                node: TextNode::Node(node),
                ..
            } => {
                if let Some(parent) = node.parent_node() {
                    let _ = parent.remove_child(&node);
                }
            }
            Content::View(mounted) => mounted.unmount(),
        }
    }
}

impl Render for DynamicView {
    #[cfg(render_html)]
    fn html_len(&self) -> usize {
        32
    }

    #[cfg(render_html)]
    fn to_html(mut self: Box<Self>, out: &mut String) {
        out.push_str("<!--[-->");
        self.write_content(out);
        out.push_str("<!--]-->");
    }

    fn build(self: Box<Self>, parent: &Node, before: Option<&Node>) -> Mounted {
        build_bracketed(parent, before, |close, cursor| {
            self.bind(Anchor::Before(close), cursor)
        })
    }

    #[cfg(hydration)]
    fn hydrate(self: Box<Self>, cursor: &mut Cursor) -> Mounted {
        hydrate_bracketed(cursor, "dynamic part", |close, cursor| {
            self.bind(Anchor::Before(close), cursor)
        })
    }

    /// Alone in an element, the content needs no markers: the element's end is the anchor.
    #[cfg(render_html)]
    fn to_html_alone(mut self: Box<Self>, out: &mut String) {
        self.write_content(out);
    }

    fn build_alone(self: Box<Self>, parent: &Node) -> Box<dyn std::any::Any> {
        Box::new(self.bind(Anchor::End(parent.clone()), None))
    }

    #[cfg(hydration)]
    fn hydrate_alone(self: Box<Self>, cursor: &mut Cursor) -> Box<dyn std::any::Any> {
        let parent = cursor.parent().clone();
        Box::new(self.bind(Anchor::End(parent), Some(cursor)))
    }
}

/// The closing marker of a bracketed part: known at once when building, only once the
/// content has been hydrated when hydrating.
pub(crate) type CloseMarker = Rc<RefCell<Option<Node>>>;

/// Builds a bracketed part (`<!--[-->`, content, `<!--]-->`) before `before`: inserts the
/// markers, then `bind` creates what keeps the content between them up to date.
pub(crate) fn build_bracketed<S: 'static>(
    parent: &Node,
    before: Option<&Node>,
    bind: impl FnOnce(CloseMarker, Option<&mut Cursor>) -> S,
) -> Mounted {
    let open = dom::marker(OPEN);
    let close = dom::marker(CLOSE);
    dom::insert(parent, &open, before);
    dom::insert(parent, &close, before);
    let state = bind(Rc::new(RefCell::new(Some(close.clone()))), None);
    Mounted::new(
        Range {
            first: open,
            last: close,
        },
        state,
    )
}

/// Hydrates a bracketed part at the cursor: takes `<!--[-->`, lets `bind` hydrate the
/// content from the cursor, then takes `<!--]-->`. `what` names the part in mismatch reports.
#[cfg(hydration)]
pub(crate) fn hydrate_bracketed<S: 'static>(
    cursor: &mut Cursor,
    what: &str,
    bind: impl FnOnce(CloseMarker, Option<&mut Cursor>) -> S,
) -> Mounted {
    let open = cursor.expect_comment(OPEN, &format!("the start of a {what}"));
    let close_slot: CloseMarker = Rc::new(RefCell::new(None));
    let state = bind(close_slot.clone(), Some(cursor));
    let close = cursor.expect_comment(CLOSE, &format!("the end of a {what}"));
    *close_slot.borrow_mut() = Some(close.clone());
    Mounted::new(
        Range {
            first: open,
            last: close,
        },
        state,
    )
}
