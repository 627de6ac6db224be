//! Small DOM helpers shared by the renderers: the document, inserting, and ranges of
//! sibling nodes.

use super::number::Integer;
use wasm_bindgen::JsCast;
use web_sys::Node;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The global `document`, read once (`None` outside a page, in a worker say). Imported
    /// directly rather than through `web_sys::window()`, which brings the code that looks
    /// for the global object four ways into every bundle.
    #[wasm_bindgen(thread_local_v2, js_name = document)]
    static DOCUMENT: Option<web_sys::Document>;
}

/// Calls `f` with the page's document.
fn with_document<R>(f: impl FnOnce(&web_sys::Document) -> R) -> R {
    DOCUMENT.with(|document| match document {
        Some(document) => f(document),
        None => panic!("the browser renderer needs a `window.document`; it only runs in a page"),
    })
}

/// The page's document.
pub(crate) fn document() -> web_sys::Document {
    with_document(web_sys::Document::clone)
}

/// A new text node holding `text` (the document borrowed, not cloned: a clone of a
/// JavaScript handle costs a call into the browser).
pub(crate) fn text_node(text: &str) -> Node {
    with_document(|d| d.create_text_node(text).into())
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The document, seen through the one binding below.
    #[wasm_bindgen(js_name = Document)]
    type NumberDocument;

    /// `document.createTextNode(n)`: the browser writes the number's digits, so no string
    /// crosses from wasm (decoding short strings is a large part of building a row).
    #[wasm_bindgen(method, js_name = createTextNode)]
    fn create_text_node_of_number(this: &NumberDocument, n: f64) -> Node;

    /// A node, seen through the one binding below.
    #[wasm_bindgen(js_name = Node)]
    type NumberNode;

    /// `node.textContent = n`.
    #[wasm_bindgen(method, setter = textContent)]
    fn set_text_content_to_number(this: &NumberNode, n: f64);

    /// `node.nodeValue = n`.
    #[wasm_bindgen(method, setter = nodeValue)]
    fn set_node_value_to_number(this: &NumberNode, n: f64);
}

/// A new text node holding the decimal digits of `n` (as a number for JavaScript to write
/// when it is exact in an `f64`, see [`number_node`]).
pub(crate) fn integer_node(n: Integer) -> Node {
    match n.as_exact_f64() {
        Some(n) => number_node(n),
        None => n.with_digits(text_node),
    }
}

/// Makes the decimal digits of `n` the text of the text node `node`.
pub(crate) fn set_integer_value(node: &Node, n: Integer) {
    match n.as_exact_f64() {
        Some(n) => node
            .unchecked_ref::<NumberNode>()
            .set_node_value_to_number(n),
        None => n.with_digits(|digits| node.set_node_value(Some(digits))),
    }
}

/// Makes the decimal digits of `n` the whole content of `element` (as a number for
/// JavaScript to write when it is exact in an `f64`, see [`number_node`]).
pub(crate) fn set_integer_content(element: &Node, n: Integer) {
    match n.as_exact_f64() {
        Some(n) => element
            .unchecked_ref::<NumberNode>()
            .set_text_content_to_number(n),
        None => n.with_digits(|digits| element.set_text_content(Some(digits))),
    }
}

/// A new text node holding the decimal digits of `n`, which must be exact in an `f64` (at
/// most 2^53 in magnitude).
pub(crate) fn number_node(n: f64) -> Node {
    with_document(|d| {
        d.unchecked_ref::<NumberDocument>()
            .create_text_node_of_number(n)
    })
}

/// Inserts `node` into `parent` before `before`, or at the end.
pub(crate) fn insert(parent: &Node, node: &Node, before: Option<&Node>) {
    must(
        parent.insert_before(node, before),
        "inserting a freshly created node cannot fail",
    );
}

/// The value of a DOM call that cannot fail in a working page. Should it fail, the browser's
/// error goes to the console and the panic says `what`. (`Result::expect` would format the
/// `JsValue` with `Debug`, which brings `core::fmt`'s debug builders and wasm-bindgen's
/// value printer into every bundle.)
#[track_caller]
pub(crate) fn must<T>(result: Result<T, wasm_bindgen::JsValue>, what: &'static str) -> T {
    match result {
        Ok(value) => value,
        Err(error) => {
            web_sys::console::error_1(&error);
            panic!("{what}")
        }
    }
}

/// The text of the comments that bracket dynamic content.
pub(crate) const OPEN: &str = "[";
pub(crate) const CLOSE: &str = "]";

/// A new bracket comment (`OPEN` or `CLOSE`).
pub(crate) fn marker(text: &str) -> Node {
    document().create_comment(text).unchecked_into()
}

/// Whether `node` is a comment with exactly `text`.
pub(crate) fn is_comment(node: &Node, text: &str) -> bool {
    node.node_type() == Node::COMMENT_NODE && node.node_value().as_deref() == Some(text)
}

/// A run of sibling nodes from `first` to `last` (inclusive), which a mounted view occupies.
#[derive(Clone, Debug)]
pub(crate) struct Range {
    pub(crate) first: Node,
    pub(crate) last: Node,
}

impl Range {
    pub(crate) fn single(node: Node) -> Range {
        Range {
            first: node.clone(),
            last: node,
        }
    }

    /// The range from the first node of the first view to the last node of the last one.
    pub(crate) fn spanning(views: &[super::Mounted]) -> Range {
        let first = views
            .first()
            .expect("at least one view")
            .range
            .first
            .clone();
        let last = views.last().expect("at least one view").range.last.clone();
        Range { first, last }
    }

    /// The nodes of the range, in order.
    pub(crate) fn nodes(&self) -> Vec<Node> {
        let mut nodes = vec![self.first.clone()];
        let mut at = self.first.clone();
        while at != self.last {
            match at.next_sibling() {
                Some(next) => {
                    nodes.push(next.clone());
                    at = next;
                }
                None => break,
            }
        }
        nodes
    }

    /// Removes every node of the range from the document.
    pub(crate) fn remove(&self) {
        if let Some(parent) = self.first.parent_node() {
            if self.first == self.last {
                let _ = parent.remove_child(&self.first);
                return;
            }
            for node in self.nodes() {
                let _ = parent.remove_child(&node);
            }
        }
    }

    /// Moves every node of the range into `parent`, before `before`.
    pub(crate) fn move_before(&self, parent: &Node, before: Option<&Node>) {
        if self.first == self.last {
            insert(parent, &self.first, before);
            return;
        }
        for node in self.nodes() {
            insert(parent, &node, before);
        }
    }
}
