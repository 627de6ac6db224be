//! Signals and stored values for values that are not `Send` (`signal_local`,
//! `RwSignal::new_local`, `StoredValue::new_local`, `Signal::derive_local`): they work like the
//! ordinary ones on the thread that made them, refuse other threads with a message, and never
//! run a value's destructor on a foreign thread.

use reactive_graph::prelude::*;
use std::cell::{Cell, RefCell};
use std::marker::PhantomData;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// A value that is not `Send` and counts how often it is dropped.
struct Pinned {
    drops: Arc<AtomicUsize>,
    _not_send: PhantomData<*const ()>,
}

impl Drop for Pinned {
    fn drop(&mut self) {
        self.drops.fetch_add(1, Ordering::SeqCst);
    }
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

#[test]
fn a_local_signal_holds_an_rc_and_notifies_like_any_signal() {
    let owner = Owner::new();
    owner.with(|| {
        let (list, set_list) = signal_local(Rc::new(RefCell::new(vec![1])));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let s = seen.clone();
        let _effect =
            RenderEffect::new(move |_| s.lock().unwrap().push(list.with(|l| l.borrow().len())));
        set_list.update(|l| l.borrow_mut().push(2));
        // Through the write guard too: notifies when dropped.
        set_list.write().borrow_mut().push(3);
        assert_eq!(*seen.lock().unwrap(), [1, 2, 3]);
        assert_eq!(list.read().borrow().as_slice(), [1, 2, 3]);
        // Untracked writes notify no one.
        set_list.update_untracked(|l| l.borrow_mut().push(4));
        assert_eq!(*seen.lock().unwrap(), [1, 2, 3]);
        assert_eq!(list.get_untracked().borrow().len(), 4);
    });
    owner.dispose();
}

#[test]
fn local_handles_name_their_storage_and_convert_as_sync_ones_do() {
    let owner = Owner::new();
    owner.with(|| {
        let clicks: RwSignal<Rc<Cell<u32>>, LocalStorage> =
            RwSignal::new_local(Rc::new(Cell::new(0)));
        let (read, write): (
            ReadSignal<Rc<Cell<u32>>, LocalStorage>,
            WriteSignal<_, LocalStorage>,
        ) = clicks.split();
        let as_signal: Signal<Rc<Cell<u32>>, LocalStorage> = clicks.into();
        // A memo of a local signal: its own value (a `u32`) is `Send`.
        let count = Memo::new(move |_| read.with(|c| c.get()));
        write.set(Rc::new(Cell::new(5)));
        assert_eq!(count.get(), 5);
        assert_eq!(as_signal.with(|c| c.get()), 5);
        assert_eq!(ReadSignal::from(clicks), read);

        let unit = Rc::new("px");
        let width = Signal::derive_local(move || format!("{}{unit}", count.get() * 2));
        let fixed = Signal::stored_local(Rc::new(7));
        write.set(Rc::new(Cell::new(21)));
        assert_eq!(width.get(), "42px");
        assert_eq!(width.read().as_str(), "42px");
        assert_eq!(*fixed.get(), 7);

        // A derived local signal subscribes what reads it.
        let runs = Arc::new(AtomicUsize::new(0));
        let r = runs.clone();
        let _effect = RenderEffect::new(move |_| {
            width.track();
            r.fetch_add(1, Ordering::SeqCst);
        });
        write.set(Rc::new(Cell::new(1)));
        assert_eq!(runs.load(Ordering::SeqCst), 2);
    });
    owner.dispose();
}

#[test]
fn a_local_stored_value_keeps_a_closure_that_is_not_send() {
    let owner = Owner::new();
    let counter = Rc::new(Cell::new(0));
    let c = counter.clone();
    let bump = owner
        .with(|| StoredValue::new_local(Box::new(move || c.set(c.get() + 1)) as Box<dyn Fn()>));
    bump.with_value(|f| f());
    bump.with_value(|f| f());
    assert_eq!(counter.get(), 2);
    owner.dispose();
    assert_eq!(bump.try_with_value(|_| ()), None, "freed with its owner");
    assert_eq!(
        Rc::strong_count(&counter),
        1,
        "the closure was dropped at disposal"
    );
}

#[test]
fn another_thread_is_refused_with_a_message_and_the_value_is_kept() {
    let owner = Owner::new();
    let drops = Arc::new(AtomicUsize::new(0));
    let (pinned, count) = owner.with(|| {
        let pinned = RwSignal::new_local(Pinned {
            drops: drops.clone(),
            _not_send: PhantomData,
        });
        (pinned, RwSignal::new(1))
    });
    let message = std::thread::spawn(move || {
        // The handle is `Send`; its value is not reachable from here.
        let caught = std::panic::catch_unwind(|| pinned.with(|p| p.drops.load(Ordering::SeqCst)));
        // An ordinary signal of the same graph works from this thread.
        count.set(2);
        caught.map(|_| String::new()).map_err(panic_message)
    })
    .join()
    .expect("the thread catches its panic");
    let message = message.expect_err("reading a local signal from another thread must panic");
    assert!(
        message.contains("signal_local"),
        "the message says what to do: {message}"
    );
    // Nothing was lost on the home thread.
    assert_eq!(pinned.with(|p| p.drops.load(Ordering::SeqCst)), 0);
    assert_eq!(count.get_untracked(), 2);
    owner.dispose();
    assert_eq!(
        drops.load(Ordering::SeqCst),
        1,
        "dropped once, on its own thread"
    );
}

#[test]
fn disposing_on_another_thread_leaks_the_value_instead_of_dropping_it_there() {
    let owner = Owner::new();
    let drops = Arc::new(AtomicUsize::new(0));
    let stored = owner.with(|| {
        StoredValue::new_local(Pinned {
            drops: drops.clone(),
            _not_send: PhantomData,
        })
    });
    std::thread::spawn(move || owner.dispose()).join().unwrap();
    assert_eq!(stored.try_with_value(|_| ()), None, "the node is gone");
    assert_eq!(
        drops.load(Ordering::SeqCst),
        0,
        "never dropped on the foreign thread"
    );
}
