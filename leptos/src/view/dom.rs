//! Small DOM helpers shared by the renderers: the document, inserting, and ranges of
//! sibling nodes.

use wasm_bindgen::JsCast;
use web_sys::Node;

thread_local! {
    static DOCUMENT: web_sys::Document = web_sys::window()
        .and_then(|w| w.document())
        .expect("the browser renderer needs a `window.document`; it only runs in a page");
}

/// The page's document.
pub(crate) fn document() -> web_sys::Document {
    DOCUMENT.with(|d| d.clone())
}

/// Inserts `node` into `parent` before `before`, or at the end.
pub(crate) fn insert(parent: &Node, node: &Node, before: Option<&Node>) {
    parent
        .insert_before(node, before)
        .expect("inserting a freshly created node cannot fail");
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
