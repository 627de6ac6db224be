//! Platform primitives: what the graph uses to share and lock, chosen per target.
//!
//! On the server (any native target) a graph may be touched from several tokio worker
//! threads, so shared pointers are `Arc` and locks are real locks. In the browser
//! (`wasm32`) everything runs on one thread, so the same names resolve to `Rc` and
//! `RefCell`: no atomic operation and no lock is paid for.

use std::ops::{Deref, DerefMut};

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use std::sync::{Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};

    /// A shared pointer: `Arc` on native targets.
    pub(crate) type Shared<T> = std::sync::Arc<T>;
    /// A weak shared pointer: `sync::Weak` on native targets.
    pub(crate) type WeakShared<T> = std::sync::Weak<T>;

    /// Marker for what may cross threads on this target (`Send` on native targets).
    #[diagnostic::on_unimplemented(
        message = "`{Self}` is not `Send`, which the server needs of reactive values and their closures",
        label = "not `Send`",
        note = "a value that only the browser uses (an `Rc`, a `web_sys` object) goes in \
                `signal_local`, `RwSignal::new_local` or `StoredValue::new_local`; otherwise \
                use `Arc` and `Mutex` instead of `Rc` and `RefCell`"
    )]
    pub trait MaybeSend: Send {}
    impl<T: Send + ?Sized> MaybeSend for T {}
    /// Marker for what may be shared between threads on this target (`Sync` on native targets).
    #[diagnostic::on_unimplemented(
        message = "`{Self}` is not `Sync`, which the server needs of reactive values and their closures",
        label = "not `Sync`",
        note = "a value that only the browser uses (an `Rc`, a `web_sys` object) goes in \
                `signal_local`, `RwSignal::new_local` or `StoredValue::new_local`; otherwise \
                use `Arc` and `Mutex` instead of `Rc` and `RefCell`"
    )]
    pub trait MaybeSync: Sync {}
    impl<T: Sync + ?Sized> MaybeSync for T {}

    /// A value behind a shared pointer, type-erased.
    pub(crate) type AnyShared = Shared<dyn std::any::Any + Send + Sync>;

    /// An exclusive lock (a `Mutex` on native targets). Poisoning is ignored: a panic in
    /// user code must not make the graph unusable for the rest of the process.
    #[derive(Debug, Default)]
    pub(crate) struct Lock<T>(Mutex<T>);

    impl<T> Lock<T> {
        pub(crate) fn new(value: T) -> Self {
            Self(Mutex::new(value))
        }
        pub(crate) fn lock(&self) -> MutexGuard<'_, T> {
            self.0
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
        }
    }

    /// The guards of a [`ValueCell`] on this target.
    pub(crate) type CellReadGuard<'a, T> = RwLockReadGuard<'a, T>;
    pub(crate) type CellWriteGuard<'a, T> = RwLockWriteGuard<'a, T>;

    /// A value cell that many may read at once (an `RwLock` on native targets).
    #[derive(Debug)]
    pub(crate) struct ValueCell<T>(RwLock<T>);

    impl<T> ValueCell<T> {
        pub(crate) fn new(value: T) -> Self {
            Self(RwLock::new(value))
        }
        pub(crate) fn read(&self) -> RwLockReadGuard<'_, T> {
            use std::sync::TryLockError;
            match self.0.try_read() {
                Ok(guard) => guard,
                Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
                Err(TryLockError::WouldBlock) => {
                    if super::WritingMark::on(self as *const Self as *const ()) {
                        super::panic_read_while_writing()
                    }
                    self.0
                        .read()
                        .unwrap_or_else(|poisoned| poisoned.into_inner())
                }
            }
        }
        /// Locks for writing, or `None` if this thread is reading the value right now
        /// (waiting would deadlock).
        pub(crate) fn write(&self) -> Option<RwLockWriteGuard<'_, T>> {
            use std::sync::TryLockError;
            match self.0.try_write() {
                Ok(guard) => Some(guard),
                Err(TryLockError::Poisoned(poisoned)) => Some(poisoned.into_inner()),
                Err(TryLockError::WouldBlock) => {
                    let cell = self as *const Self as *const ();
                    if super::WritingMark::on(cell) {
                        super::panic_write_while_writing()
                    }
                    if super::ReadingMark::on(cell) {
                        None
                    } else {
                        Some(self.0.write().unwrap_or_else(|p| p.into_inner()))
                    }
                }
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::{Ref, RefCell, RefMut};

    /// A shared pointer: `Rc` in the browser.
    pub(crate) type Shared<T> = std::rc::Rc<T>;

    /// Marker for what may cross threads on this target (everything, in the browser).
    pub trait MaybeSend {}
    impl<T: ?Sized> MaybeSend for T {}
    /// Marker for what may be shared between threads on this target (everything, in the browser).
    pub trait MaybeSync {}
    impl<T: ?Sized> MaybeSync for T {}

    /// A value behind a shared pointer, type-erased.
    pub(crate) type AnyShared = Shared<dyn std::any::Any>;

    /// An exclusive "lock": a `RefCell` in the single-threaded browser.
    #[derive(Debug, Default)]
    pub(crate) struct Lock<T>(RefCell<T>);

    impl<T> Lock<T> {
        pub(crate) fn new(value: T) -> Self {
            Self(RefCell::new(value))
        }
        pub(crate) fn lock(&self) -> RefMut<'_, T> {
            self.0.borrow_mut()
        }
    }

    /// The guards of a [`ValueCell`] on this target.
    pub(crate) type CellReadGuard<'a, T> = Ref<'a, T>;
    pub(crate) type CellWriteGuard<'a, T> = RefMut<'a, T>;

    /// A value cell: a `RefCell` in the single-threaded browser.
    #[derive(Debug)]
    pub(crate) struct ValueCell<T>(RefCell<T>);

    impl<T> ValueCell<T> {
        pub(crate) fn new(value: T) -> Self {
            Self(RefCell::new(value))
        }
        pub(crate) fn read(&self) -> Ref<'_, T> {
            match self.0.try_borrow() {
                Ok(guard) => guard,
                Err(_) => super::panic_read_while_writing(),
            }
        }
        /// Borrows for writing, or `None` if the value is being read right now.
        pub(crate) fn write(&self) -> Option<RefMut<'_, T>> {
            match self.0.try_borrow_mut() {
                Ok(guard) => Some(guard),
                // Not even a read is possible: a write guard holds it.
                Err(_) if self.0.try_borrow().is_err() => super::panic_write_while_writing(),
                Err(_) => None,
            }
        }
    }
}

pub(crate) use imp::*;
pub use imp::{MaybeSend, MaybeSync};

/// Reads a cell while remembering, on native targets, that this thread is reading it, so a
/// write to the same cell from inside the read reports the mistake instead of deadlocking.
pub(crate) fn read_cell<T, U>(cell: &ValueCell<T>, f: impl FnOnce(&T) -> U) -> U {
    #[cfg(not(target_arch = "wasm32"))]
    let _reading = ReadingMark::enter(cell as *const ValueCell<T> as *const ());
    let guard = cell.read();
    f(guard.deref())
}

/// Writes a cell, or returns `None` if this thread is reading it right now.
pub(crate) fn write_cell<T, U>(cell: &ValueCell<T>, f: impl FnOnce(&mut T) -> U) -> Option<U> {
    let mut guard = cell.write()?;
    Some(f(guard.deref_mut()))
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    /// The cells this thread is reading ([`ReadingMark`]).
    static READING: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
    /// The cells this thread holds a write guard on ([`WritingMark`]).
    static WRITING: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Removes the last occurrence of `cell` from a list of marks (guards may be dropped in any
/// order).
#[cfg(not(target_arch = "wasm32"))]
fn unmark(marks: &'static std::thread::LocalKey<std::cell::RefCell<Vec<usize>>>, cell: usize) {
    marks.with(|m| {
        let mut m = m.borrow_mut();
        // The common case, a scoped read ending: its mark is the last one.
        if m.last() == Some(&cell) {
            m.pop();
        } else if let Some(at) = m.iter().rposition(|&c| c == cell) {
            m.remove(at);
        }
    });
}

#[cold]
#[track_caller]
fn panic_write_while_writing() -> ! {
    panic!(
        "a reactive value was written on this thread while this thread holds its `.write()` \
         guard; change it through the guard, or drop the guard (end the statement or scope \
         that holds it) first"
    )
}

#[cold]
#[track_caller]
fn panic_read_while_writing() -> ! {
    panic!(
        "a reactive value was read on this thread while this thread holds its `.write()` \
         guard; drop the guard (end the statement or scope that holds it) before reading"
    )
}

/// Marks a cell as being read (`WRITE = false`) or written through a guard (`WRITE = true`)
/// by this thread until dropped.
#[cfg(not(target_arch = "wasm32"))]
struct Mark<const WRITE: bool>(usize);

/// Marks a cell as being read by this thread until dropped.
#[cfg(not(target_arch = "wasm32"))]
type ReadingMark = Mark<false>;

/// Marks a cell as written through a guard ([`OwnedWrite`]) by this thread until dropped.
#[cfg(not(target_arch = "wasm32"))]
type WritingMark = Mark<true>;

#[cfg(not(target_arch = "wasm32"))]
impl<const WRITE: bool> Mark<WRITE> {
    /// This kind of mark's list.
    fn marks() -> &'static std::thread::LocalKey<std::cell::RefCell<Vec<usize>>> {
        if WRITE {
            &WRITING
        } else {
            &READING
        }
    }

    fn enter(cell: *const ()) -> Self {
        Self::marks().with(|m| m.borrow_mut().push(cell as usize));
        Mark(cell as usize)
    }

    /// Whether this thread has such a mark on `cell` (for a write mark: reading the cell now
    /// would wait for itself).
    fn on(cell: *const ()) -> bool {
        Self::marks().with(|m| m.borrow().contains(&(cell as usize)))
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<const WRITE: bool> Drop for Mark<WRITE> {
    fn drop(&mut self) {
        // Scoped reads end last in, first out (the mark is the last one); a guard may end in
        // any order.
        unmark(Self::marks(), self.0);
    }
}

/// A read lock on a cell that owns the pointer keeping the cell alive (`O`: the node's value
/// the cell is in, or the memo computation the cell lives in), so it can outlive the borrow it was
/// made from (what `.read()` hands out). While it lives, writing the cell from this thread is
/// refused as inside [`read_cell`].
pub(crate) struct OwnedRead<T: 'static, O = AnyShared> {
    // Fields drop in declaration order: the lock guard first, then the mark, then the
    // pointer that keeps the cell (which the guard borrows from) alive.
    guard: CellReadGuard<'static, T>,
    #[cfg(not(target_arch = "wasm32"))]
    _reading: ReadingMark,
    _owner: O,
}

impl<T: 'static> OwnedRead<T> {
    /// Locks the cell in a node's value.
    pub(crate) fn new(value: AnyShared) -> Self {
        Self::lock(value, |value| Some(crate::storage::cell_of::<T>(value)))
            .expect("a node's value always holds its cell")
    }
}

impl<T: 'static, O: Deref> OwnedRead<T, O> {
    /// Locks the cell that `cell_of` finds in what `owner` points to, or `None` if it finds
    /// none. `owner` must be a shared pointer (its target does not move when it moves).
    pub(crate) fn lock(
        owner: O,
        cell_of: impl FnOnce(&O) -> Option<&ValueCell<T>>,
    ) -> Option<Self> {
        let cell = cell_of(&owner)?;
        #[cfg(not(target_arch = "wasm32"))]
        let reading = ReadingMark::enter(cell as *const ValueCell<T> as *const ());
        let guard = cell.read();
        // SAFETY: the guard borrows a cell inside the heap allocation `owner` points to,
        // which this struct keeps alive (`_owner`) and which does not move when `owner` or
        // the struct moves. The guard is dropped before `_owner` (field order), and it is
        // only ever lent out for as long as `&self` (through `Deref`), never as `'static`.
        #[allow(unsafe_code)]
        let guard = unsafe {
            std::mem::transmute::<CellReadGuard<'_, T>, CellReadGuard<'static, T>>(guard)
        };
        Some(OwnedRead {
            guard,
            #[cfg(not(target_arch = "wasm32"))]
            _reading: reading,
            _owner: owner,
        })
    }
}

impl<T: 'static, O> Deref for OwnedRead<T, O> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.guard
    }
}

/// A write lock on a shared cell that owns its pointer to the cell (what
/// `signal.write()` holds).
pub(crate) struct OwnedWrite<T: 'static> {
    // The lock guard drops before the mark and the pointer that keeps the cell alive (field
    // order).
    guard: CellWriteGuard<'static, T>,
    #[cfg(not(target_arch = "wasm32"))]
    _writing: WritingMark,
    _cell: AnyShared,
}

impl<T: 'static> OwnedWrite<T> {
    /// Locks the cell in a node's value for writing, or `None` if this thread is reading it
    /// right now.
    pub(crate) fn new(value: AnyShared) -> Option<Self> {
        let cell = crate::storage::cell_of::<T>(&value);
        let guard = cell.write()?;
        // SAFETY: as in `OwnedRead::lock`: the guard borrows the heap cell kept alive by
        // `_cell`, drops before it, and is only lent out for the lifetime of `&self` or
        // `&mut self`.
        #[allow(unsafe_code)]
        let guard = unsafe {
            std::mem::transmute::<CellWriteGuard<'_, T>, CellWriteGuard<'static, T>>(guard)
        };
        Some(OwnedWrite {
            guard,
            #[cfg(not(target_arch = "wasm32"))]
            _writing: WritingMark::enter(cell as *const ValueCell<T> as *const ()),
            _cell: value,
        })
    }
}

impl<T: 'static> Deref for OwnedWrite<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.guard
    }
}

impl<T: 'static> DerefMut for OwnedWrite<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.guard
    }
}

/// A value that may only be used on the thread that created it.
///
/// The graph on native targets is `Send`, but `Effect::new` (like Leptos's) accepts closures
/// that are not, because effects belong to the browser. Such a closure is wrapped here: using
/// it from another thread panics with a clear message, and dropping it on another thread
/// leaks it instead of running its destructor in the wrong place.
pub(crate) struct ThreadBound<T> {
    value: Option<T>,
    #[cfg(not(target_arch = "wasm32"))]
    thread: std::thread::ThreadId,
}

// SAFETY: the value inside is only ever touched (used or dropped) on the thread that created
// it: `get_mut` checks the thread and panics elsewhere, and `Drop` leaks the value instead of
// dropping it on a foreign thread. Moving the wrapper itself between threads is therefore sound.
#[allow(unsafe_code)]
unsafe impl<T> Send for ThreadBound<T> {}
// SAFETY: `&ThreadBound<T>` gives access to the value only through `get`, which checks that
// the caller is on the home thread, where sharing `&T` is what a plain `&T` would allow.
#[allow(unsafe_code)]
unsafe impl<T> Sync for ThreadBound<T> {}

impl<T> ThreadBound<T> {
    pub(crate) fn new(value: T) -> Self {
        Self {
            value: Some(value),
            #[cfg(not(target_arch = "wasm32"))]
            thread: std::thread::current().id(),
        }
    }

    fn on_home_thread(&self) -> bool {
        #[cfg(not(target_arch = "wasm32"))]
        {
            std::thread::current().id() == self.thread
        }
        #[cfg(target_arch = "wasm32")]
        {
            true
        }
    }

    pub(crate) fn get(&self) -> &T {
        assert!(
            self.on_home_thread(),
            "a non-`Send` value (a local signal, stored value, action or effect) was used on a \
             thread other than the one that created it; values made with `signal_local` or \
             `new_local` belong to the thread that made them (in practice, the browser's)"
        );
        self.value
            .as_ref()
            .expect("ThreadBound holds its value until dropped")
    }

    pub(crate) fn get_mut(&mut self) -> &mut T {
        assert!(
            self.on_home_thread(),
            "a non-`Send` effect was run on a thread other than the one that created it; \
             use `Effect::new_sync` for effects that may run on any thread"
        );
        self.value
            .as_mut()
            .expect("ThreadBound holds its value until dropped")
    }
}

impl<T> ThreadBound<Option<T>> {
    /// Takes the value out, on the home thread; `None` on any other thread (or once taken).
    pub(crate) fn take_on_home_thread(&mut self) -> Option<T> {
        if !self.on_home_thread() {
            return None;
        }
        self.value.as_mut().and_then(Option::take)
    }
}

impl<T> Drop for ThreadBound<T> {
    fn drop(&mut self) {
        if !self.on_home_thread() {
            std::mem::forget(self.value.take());
        }
    }
}

/// A boxed, repeatedly callable function the graph may hold (`Send` on native targets).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) type BoxedFnMut = Box<dyn FnMut() + Send>;
/// A boxed, repeatedly callable function the graph may hold.
#[cfg(target_arch = "wasm32")]
pub(crate) type BoxedFnMut = Box<dyn FnMut()>;
