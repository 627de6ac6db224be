//! The hydration cursor: a walk over the server's DOM in the order the server wrote it.
//!
//! Every view takes the nodes it owns from the cursor, in document order. Where the DOM is
//! not what the client expects (the server and the client rendered different things), the
//! cursor reports the mismatch on the console, naming the component and what was expected
//! versus found, and the view repairs its part of the page by rendering it afresh, so the
//! page stays usable.

use super::dom::{self, is_comment};
use std::cell::RefCell;
use web_sys::Node;

thread_local! {
    /// Every mismatch reported on this thread, for tests and tools to inspect.
    static MISMATCHES: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Takes the hydration mismatches reported so far on this thread (also printed with
/// `console.error` when they happen).
pub fn take_hydration_mismatches() -> Vec<String> {
    MISMATCHES.with(|m| std::mem::take(&mut *m.borrow_mut()))
}

/// A position in the server-rendered DOM: the parent being walked and the next child to
/// take.
#[derive(Debug)]
pub struct Cursor {
    parent: Node,
    next: Option<Node>,
    outer: Vec<(Node, Option<Node>)>,
    /// The components being hydrated, innermost last, for mismatch reports.
    #[cfg(hydration)]
    components: Vec<&'static str>,
}

impl Cursor {
    /// A cursor at the first child of `parent`.
    pub fn new(parent: &Node) -> Cursor {
        Cursor {
            parent: parent.clone(),
            next: parent.first_child(),
            outer: Vec::new(),
            #[cfg(hydration)]
            components: Vec::new(),
        }
    }

    /// A cursor at `node` itself, for walking a template's copy that is one element. Its
    /// parent is `node` too: a one-element template has nothing beside the element to
    /// insert at the top level.
    pub(crate) fn at(node: &Node) -> Cursor {
        Cursor {
            parent: node.clone(),
            next: Some(node.clone()),
            outer: Vec::new(),
            #[cfg(hydration)]
            components: Vec::new(),
        }
    }

    /// Moves this cursor's position out, leaving an inert cursor behind, so a reactive
    /// closure can own it during its first run; see [`Cursor::restore`].
    #[cfg(hydration)]
    pub(crate) fn split_off(&mut self) -> Cursor {
        Cursor {
            parent: self.parent.clone(),
            next: self.next.take(),
            outer: std::mem::take(&mut self.outer),
            components: std::mem::take(&mut self.components),
        }
    }

    /// Puts back a position taken with [`Cursor::split_off`].
    #[cfg(hydration)]
    pub(crate) fn restore(&mut self, position: Cursor) {
        *self = position;
    }

    /// The node whose children are being walked.
    pub(crate) fn parent(&self) -> &Node {
        &self.parent
    }

    /// The next node, without taking it.
    #[cfg(hydration)]
    pub(crate) fn peek(&self) -> Option<&Node> {
        self.next.as_ref()
    }

    /// Takes the next node.
    pub(crate) fn take(&mut self) -> Option<Node> {
        let node = self.next.take()?;
        self.next = node.next_sibling();
        Some(node)
    }

    /// Takes the next node, known to be its parent's last (so its next sibling, `None`, is
    /// not asked of the browser). Only for a fresh template copy, whose shape is known.
    pub(crate) fn take_last(&mut self) -> Option<Node> {
        self.next.take()
    }

    /// Skips text nodes that hold only whitespace (between the shell's tags, say).
    fn skip_whitespace(&mut self) {
        // Only server HTML has whitespace between tags; a cloned template has none.
        #[cfg(hydration)]
        skip_blank(&mut self.next);
    }

    /// Walks into `element`'s children.
    pub(crate) fn enter(&mut self, element: &Node) {
        let parent = std::mem::replace(&mut self.parent, element.clone());
        let next = std::mem::replace(&mut self.next, element.first_child());
        self.outer.push((parent, next));
    }

    /// Walks back out to where [`Cursor::enter`] was called.
    pub(crate) fn exit(&mut self) {
        let (parent, next) = self.outer.pop().expect("exit matches an enter");
        self.parent = parent;
        self.next = next;
    }

    #[cfg(hydration)]
    pub(crate) fn enter_component(&mut self, name: &'static str) {
        self.components.push(name);
    }

    #[cfg(hydration)]
    pub(crate) fn exit_component(&mut self) {
        self.components.pop();
    }

    /// Takes the next node if it is an element with `tag` (case-insensitive).
    pub(crate) fn take_element(&mut self, tag: &str) -> Result<Node, Mismatch> {
        self.skip_whitespace();
        match &self.next {
            Some(node)
                if node.node_type() == Node::ELEMENT_NODE
                    && node.node_name().eq_ignore_ascii_case(tag) =>
            {
                Ok(self.take().expect("peeked"))
            }
            found => Err(self.mismatch(&format!("<{tag}>"), found.as_ref())),
        }
    }

    /// Takes the next node if it is a comment with `text`.
    pub(crate) fn take_comment(&mut self, text: &str) -> Result<Node, Mismatch> {
        self.skip_whitespace();
        match &self.next {
            Some(node) if is_comment(node, text) => Ok(self.take().expect("peeked")),
            found => Err(self.mismatch(&format!("<!--{text}-->"), found.as_ref())),
        }
    }

    #[cfg(hydration)]
    /// Takes the next node as a text node holding `text`. Repairs what it can: an empty
    /// text the server could not write is created; different text is reported and replaced.
    pub(crate) fn expect_text(&mut self, text: &str) -> Node {
        match &self.next {
            Some(node) if node.node_type() == Node::TEXT_NODE => {
                let node = self.take().expect("peeked");
                if node.node_value().as_deref() != Some(text) {
                    self.mismatch(&format!("the text {text:?}"), Some(&node))
                        .report();
                    node.set_node_value(Some(text));
                }
                node
            }
            found => {
                if !text.is_empty() {
                    self.mismatch(&format!("the text {text:?}"), found.as_ref())
                        .report();
                }
                let node: Node = dom::document().create_text_node(text).into();
                dom::insert(&self.parent, &node, self.next.as_ref());
                node
            }
        }
    }

    /// Checks that the cursor is at the end of its element, where content written alone in
    /// an element must end; nodes the client did not expect are reported and removed.
    #[cfg(hydration)]
    pub(crate) fn expect_end(&mut self, what: &str) {
        if self.next.is_none() {
            return;
        }
        let found = self.next.clone();
        self.mismatch("the end of the parent element", found.as_ref())
            .with_context(what)
            .report();
        while let Some(node) = self.take() {
            let _ = self.parent.remove_child(&node);
        }
    }

    /// Takes the next node as a comment with `text`, creating it (and reporting) if absent.
    pub(crate) fn expect_comment(&mut self, text: &str, what: &str) -> Node {
        match self.take_comment(text) {
            Ok(node) => node,
            Err(mismatch) => {
                mismatch.with_context(what).report();
                let node: Node = dom::document().create_comment(text).into();
                dom::insert(&self.parent, &node, self.next.as_ref());
                node
            }
        }
    }

    #[cfg(hydration)]
    /// Skips the next `count` top-level items of a view the server rendered differently,
    /// returning them: a bracketed dynamic part counts as one item.
    pub(crate) fn take_items(&mut self, count: usize) -> Vec<Node> {
        let mut taken = Vec::new();
        for _ in 0..count {
            self.skip_whitespace();
            let Some(node) = self.take() else { break };
            if is_comment(&node, dom::OPEN) {
                let mut depth = 1;
                taken.push(node);
                while depth > 0 {
                    let Some(inner) = self.take() else { break };
                    if is_comment(&inner, dom::OPEN) {
                        depth += 1;
                    } else if is_comment(&inner, dom::CLOSE) {
                        depth -= 1;
                    }
                    taken.push(inner);
                }
            } else {
                taken.push(node);
            }
        }
        taken
    }

    #[cfg(hydration)]
    /// Takes the next node if it is a comment with `text` (a marker the server may or may
    /// not have written); `false`, taking nothing, otherwise.
    pub(crate) fn take_marker(&mut self, text: &str) -> bool {
        self.skip_whitespace();
        match &self.next {
            Some(node) if is_comment(node, text) => {
                self.take();
                true
            }
            _ => false,
        }
    }

    #[cfg(hydration)]
    /// Takes every node up to (not including) the `<!--]-->` that closes the bracketed part
    /// the cursor is in, for a view that leaves the server's content in place for now.
    pub(crate) fn take_until_close(&mut self) -> Vec<Node> {
        let mut taken = Vec::new();
        let mut depth = 0usize;
        while let Some(node) = &self.next {
            if is_comment(node, dom::CLOSE) {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            } else if is_comment(node, dom::OPEN) {
                depth += 1;
            }
            taken.push(self.take().expect("peeked"));
        }
        taken
    }

    #[cfg(hydration)]
    /// The next node, for a view that repairs a mismatch by building before it.
    pub(crate) fn next_node(&self) -> Option<&Node> {
        self.next.as_ref()
    }

    #[cfg(hydration)]
    /// Checks, without taking anything, that the nodes ahead have the structure of a
    /// template (tags, texts, and bracketed dynamic parts, which are skipped).
    pub(crate) fn verify(&self, nodes: &[super::TNode], roots: u16) -> Result<(), Mismatch> {
        let mut index = 0;
        let mut at = self.next.clone();
        self.verify_children(nodes, &mut index, roots, &mut at)
    }

    #[cfg(hydration)]
    fn verify_children(
        &self,
        nodes: &[super::TNode],
        index: &mut usize,
        count: u16,
        at: &mut Option<Node>,
    ) -> Result<(), Mismatch> {
        use super::TNode;
        for _ in 0..count {
            let expected = nodes[*index];
            *index += 1;
            if !matches!(expected, TNode::Text) {
                skip_blank(at);
            }
            let found = at.clone();
            match (expected, &found) {
                (TNode::Element { tag, children, .. }, Some(node))
                    if node.node_type() == Node::ELEMENT_NODE
                        && node.node_name().eq_ignore_ascii_case(tag) =>
                {
                    let mut inner = node.first_child();
                    self.verify_children(nodes, index, children, &mut inner)?;
                    *at = node.next_sibling();
                }
                (TNode::Element { tag, .. }, _) => {
                    return Err(self.mismatch(&format!("<{tag}>"), found.as_ref()))
                }
                (TNode::Text, Some(node)) if node.node_type() == Node::TEXT_NODE => {
                    *at = node.next_sibling();
                }
                (TNode::Text, _) => return Err(self.mismatch("text", found.as_ref())),
                (TNode::Hole | TNode::BareHole, Some(node)) if is_comment(node, dom::OPEN) => {
                    *at = skip_bracketed(node);
                }
                (TNode::Hole | TNode::BareHole, _) => {
                    return Err(self.mismatch(&format!("<!--{}-->", dom::OPEN), found.as_ref()))
                }
                // The rest of the element is the hole's: checked when it is hydrated.
                (TNode::LoneHole, _) => *at = None,
            }
        }
        Ok(())
    }

    /// Describes a mismatch. Without hydration, only freshly cloned templates are walked,
    /// which cannot mismatch: no message is composed (nor its formatting code compiled in).
    #[cfg(not(hydration))]
    fn mismatch(&self, _expected: &str, _found: Option<&Node>) -> Mismatch {
        Mismatch {}
    }

    #[cfg(hydration)]
    fn mismatch(&self, expected: &str, found: Option<&Node>) -> Mismatch {
        let found = match found {
            None => "the end of the parent element".to_string(),
            Some(node) => describe(node),
        };
        Mismatch {
            component: self.components.last().copied(),
            expected: expected.to_string(),
            found,
            context: None,
        }
    }
}

/// A hydration cursor lent to the first run of an effect, which must own it while it runs
/// (the effect is `'static`), and taken back afterwards. When building rather than
/// hydrating, the loan is empty.
#[cfg(hydration)]
#[derive(Clone, Default)]
pub(crate) struct CursorLoan(std::rc::Rc<RefCell<Option<Cursor>>>);

#[cfg(hydration)]
impl CursorLoan {
    /// Lends `cursor`'s position (or nothing).
    pub(crate) fn of(cursor: Option<&mut Cursor>) -> Self {
        let loan = CursorLoan::default();
        if let Some(cursor) = cursor {
            *loan.0.borrow_mut() = Some(cursor.split_off());
        }
        loan
    }

    /// Runs `f` with the lent cursor, if it is still lent (the effect's first run when
    /// hydrating), or with `None`.
    pub(crate) fn use_once<T>(&self, f: impl FnOnce(Option<&mut Cursor>) -> T) -> T {
        let lent = self.0.borrow_mut().take();
        match lent {
            Some(mut cursor) => {
                let value = f(Some(&mut cursor));
                *self.0.borrow_mut() = Some(cursor);
                value
            }
            None => f(None),
        }
    }

    /// Puts the lent position, advanced by the effect, back into `cursor`.
    pub(crate) fn repay(self, cursor: Option<&mut Cursor>) {
        if let Some(cursor) = cursor {
            let lent = self.0.borrow_mut().take();
            cursor.restore(lent.expect("the first run gives the cursor back"));
        }
    }
}

/// Without hydration (a client-only build) a view is only ever built, never hydrated, so
/// there is never a cursor to lend: the loan is always empty and costs nothing.
#[cfg(not(hydration))]
#[derive(Clone, Copy, Default)]
pub(crate) struct CursorLoan;

#[cfg(not(hydration))]
impl CursorLoan {
    /// An empty loan: building passes no cursor.
    pub(crate) fn of(cursor: Option<&mut Cursor>) -> Self {
        debug_assert!(cursor.is_none(), "a build without hydration has no cursor");
        CursorLoan
    }

    /// Runs `f` with no cursor.
    pub(crate) fn use_once<T>(&self, f: impl FnOnce(Option<&mut Cursor>) -> T) -> T {
        f(None)
    }

    /// Nothing to give back.
    pub(crate) fn repay(self, _cursor: Option<&mut Cursor>) {}
}

/// The server's DOM differs from what the client renders.
#[derive(Debug)]
#[must_use = "a mismatch should be reported"]
pub(crate) struct Mismatch {
    #[cfg(hydration)]
    component: Option<&'static str>,
    #[cfg(hydration)]
    expected: String,
    #[cfg(hydration)]
    found: String,
    #[cfg(hydration)]
    context: Option<String>,
}

#[cfg(not(hydration))]
impl Mismatch {
    pub(crate) fn with_context(self, _context: &str) -> Self {
        self
    }

    pub(crate) fn report(self) {
        unreachable!("a freshly cloned template has the structure it was cloned from")
    }
}

#[cfg(hydration)]
impl Mismatch {
    pub(crate) fn with_context(mut self, context: &str) -> Self {
        self.context = Some(context.to_string());
        self
    }

    /// Prints the mismatch with `console.error` and records it.
    pub(crate) fn report(self) {
        let message = self.to_string();
        #[cfg(target_arch = "wasm32")]
        web_sys::console::error_1(&message.clone().into());
        #[cfg(not(target_arch = "wasm32"))]
        eprintln!("{message}");
        MISMATCHES.with(|m| m.borrow_mut().push(message));
    }
}

#[cfg(hydration)]
impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "hydration mismatch")?;
        if let Some(component) = self.component {
            write!(f, " in <{component}/>")?;
        }
        write!(f, ": expected {}, found {}", self.expected, self.found)?;
        if let Some(context) = &self.context {
            write!(f, " ({context})")?;
        }
        write!(
            f,
            "; the server and the client rendered different things here, so this part was \
             rendered again on the client"
        )
    }
}

/// Advances past whitespace-only text nodes.
#[cfg(hydration)]
fn skip_blank(at: &mut Option<Node>) {
    while let Some(node) = at {
        let blank = node.node_type() == Node::TEXT_NODE
            && node.node_value().is_some_and(|t| t.trim().is_empty());
        if !blank {
            break;
        }
        *at = node.next_sibling();
    }
}

#[cfg(hydration)]
/// The node after the bracketed part that starts at `open`.
fn skip_bracketed(open: &Node) -> Option<Node> {
    let mut depth = 1;
    let mut at = open.next_sibling();
    while let Some(node) = at {
        if is_comment(&node, dom::OPEN) {
            depth += 1;
        } else if is_comment(&node, dom::CLOSE) {
            depth -= 1;
            if depth == 0 {
                return node.next_sibling();
            }
        }
        at = node.next_sibling();
    }
    None
}

#[cfg(hydration)]
fn describe(node: &Node) -> String {
    match node.node_type() {
        Node::ELEMENT_NODE => format!("<{}>", node.node_name().to_ascii_lowercase()),
        Node::TEXT_NODE => format!("the text {:?}", node.node_value().unwrap_or_default()),
        Node::COMMENT_NODE => format!("<!--{}-->", node.node_value().unwrap_or_default()),
        _ => node.node_name(),
    }
}
