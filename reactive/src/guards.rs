//! Guards that lend a signal's (or memo's) value by reference: [`ReadGuard`] from `.read()` and
//! [`WriteGuard`] from `.write()` (the [`Read`](crate::traits::Read) and
//! [`Write`](crate::traits::Write) traits).
//!
//! ```
//! use reactive_graph::prelude::*;
//!
//! let todos = RwSignal::new(vec!["milk".to_owned()]);
//! todos.write().push("bread".to_owned()); // notifies when the guard is dropped
//! assert_eq!(todos.read().len(), 2);
//! let count = RwSignal::new(0);
//! *count.write() += 1;
//! assert_eq!(*count.read(), 1);
//! ```
//!
//! A guard holds the value's lock until it is dropped: keep it for one statement or a short
//! scope. Reading or writing a value on the thread that holds its write guard panics with a
//! message (waiting would never end), and so does writing a value this thread is reading.
//!
//! On the server a value can be shared between threads; there, reading a value again while
//! this thread holds its read guard can wait for a writer on another thread that waits for
//! this guard. Values of one request are used by one task, so this needs a value shared
//! across requests and a guard held across a read of it: avoid that.

use std::fmt;
use std::ops::{Deref, DerefMut};

use crate::graph;
use crate::runtime::Compute;
use crate::runtime::NodeRef;
use crate::sync::{OwnedRead, OwnedWrite, Shared};

/// The value of a signal or memo, lent until the guard is dropped (`signal.read()`).
pub struct ReadGuard<T: 'static> {
    lock: ReadLock<T>,
}

/// What a [`ReadGuard`] holds: a signal's cell, the cell inside a memo's computation, or
/// the value a derived signal computed for this read.
enum ReadLock<T: 'static> {
    Value(OwnedRead<T>),
    Computed(OwnedRead<Option<T>, Shared<dyn Compute>>),
    Owned(T),
}

impl<T: 'static> ReadGuard<T> {
    pub(crate) fn new(lock: OwnedRead<T>) -> Self {
        ReadGuard {
            lock: ReadLock::Value(lock),
        }
    }

    /// A guard holding a value computed for this read (a derived signal's).
    pub(crate) fn owned(value: T) -> Self {
        ReadGuard {
            lock: ReadLock::Owned(value),
        }
    }

    /// A guard on a memo's value; `None` if it was not computed.
    pub(crate) fn computed(lock: OwnedRead<Option<T>, Shared<dyn Compute>>) -> Option<Self> {
        lock.as_ref()?;
        Some(ReadGuard {
            lock: ReadLock::Computed(lock),
        })
    }
}

impl<T: 'static> Deref for ReadGuard<T> {
    type Target = T;
    fn deref(&self) -> &T {
        match &self.lock {
            ReadLock::Value(lock) => lock,
            ReadLock::Computed(lock) => lock
                .as_ref()
                .expect("a memo's guard is only made once the memo has a value"),
            ReadLock::Owned(value) => value,
        }
    }
}

impl<T: fmt::Debug + 'static> fmt::Debug for ReadGuard<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: fmt::Display + 'static> fmt::Display for ReadGuard<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}

/// The value of a signal, lent for changing until the guard is dropped (`signal.write()`).
/// Dropping it releases the value and then notifies the signal's subscribers (except for
/// guards from `write_untracked()`).
pub struct WriteGuard<T: 'static> {
    lock: Option<OwnedWrite<T>>,
    node: NodeRef,
    notify: bool,
}

impl<T: 'static> WriteGuard<T> {
    pub(crate) fn new(lock: OwnedWrite<T>, node: NodeRef, notify: bool) -> Self {
        WriteGuard {
            lock: Some(lock),
            node,
            notify,
        }
    }

    fn lock(&self) -> &OwnedWrite<T> {
        self.lock
            .as_ref()
            .expect("a write guard holds its lock until dropped")
    }
}

impl<T: 'static> Deref for WriteGuard<T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.lock()
    }
}

impl<T: 'static> DerefMut for WriteGuard<T> {
    fn deref_mut(&mut self) -> &mut T {
        self.lock
            .as_mut()
            .expect("a write guard holds its lock until dropped")
    }
}

impl<T: 'static> Drop for WriteGuard<T> {
    fn drop(&mut self) {
        // Release the value first: subscribers re-run now and read it.
        drop(self.lock.take());
        // While unwinding, running effects could panic again (which aborts).
        if self.notify && !std::thread::panicking() {
            graph::notify_node(&self.node);
        }
    }
}

impl<T: fmt::Debug + 'static> fmt::Debug for WriteGuard<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: fmt::Display + 'static> fmt::Display for WriteGuard<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}
