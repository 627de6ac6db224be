//! Triggers: a signal without a value, for "something changed" notifications.

use crate::graph::{self, Ownership};
use crate::handle::dispose_node;
use crate::runtime::{Node, NodeKind, NodeRef};
use crate::traits::{DefinedAt, Dispose, Notify, Track};

/// A notification with no value: computations that [`track`](Track::track) it re-run when
/// it is [`notify`](Notify::notify)-ed. Useful to make a value held outside the graph
/// reactive.
///
/// ```
/// use reactive_graph::prelude::*;
/// # use std::sync::{Arc, atomic::{AtomicUsize, Ordering}};
/// let changed = Trigger::new();
/// let runs = Arc::new(AtomicUsize::new(0));
/// let r = runs.clone();
/// Effect::new(move |_| {
///     changed.track();
///     r.fetch_add(1, Ordering::Relaxed);
/// });
/// changed.notify();
/// assert_eq!(runs.load(Ordering::Relaxed), 2);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Trigger {
    node: NodeRef,
}

impl Trigger {
    /// Creates a trigger owned by the current owner.
    #[track_caller]
    pub fn new() -> Self {
        Trigger::from_node(trigger_node(Ownership::Owned))
    }

    /// The handle of an existing trigger node.
    pub(crate) fn from_node(node: NodeRef) -> Self {
        Trigger { node }
    }
}

/// Creates a trigger's node.
#[track_caller]
pub(crate) fn trigger_node(ownership: Ownership) -> NodeRef {
    graph::create_node_in(Node::new(NodeKind::Trigger, None), ownership)
}

impl Default for Trigger {
    #[track_caller]
    fn default() -> Self {
        Self::new()
    }
}

impl Track for Trigger {
    fn track(&self) {
        graph::track_node(&self.node);
    }
}

impl Notify for Trigger {
    fn notify(&self) {
        graph::notify_node(&self.node);
    }
}

impl DefinedAt for Trigger {
    fn defined_at(&self) -> Option<&'static std::panic::Location<'static>> {
        self.node.defined_at()
    }
}

impl Dispose for Trigger {
    fn dispose(self) {
        dispose_node(&self.node);
    }
}
