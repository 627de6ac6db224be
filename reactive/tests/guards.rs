//! `.read()` and `.write()`: guards that lend a signal's value by reference.

use reactive_graph::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex};

/// What the effects saw, in order.
#[derive(Clone, Default)]
struct Seen(Arc<Mutex<Vec<String>>>);

impl Seen {
    fn push(&self, entry: String) {
        self.0.lock().unwrap().push(entry);
    }
    fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.0.lock().unwrap())
    }
}

/// The text of a panic's payload.
fn message(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or("")
}

#[test]
fn a_write_guard_changes_the_value_and_notifies_once_when_dropped() {
    let owner = Owner::new();
    owner.with(|| {
        let todos = RwSignal::new(vec!["milk".to_owned()]);
        let count = RwSignal::new(0);
        let seen = Seen::default();
        let s = seen.clone();
        Effect::new(move |_| s.push(format!("{} {}", todos.read().join(","), *count.read())));
        assert_eq!(seen.take(), ["milk 0"]);

        *count.write() += 1;
        assert_eq!(seen.take(), ["milk 1"]);
        {
            let mut list = todos.write();
            list.push("bread".to_owned());
            list.push("eggs".to_owned());
            // Nothing re-ran while the guard is held.
            assert!(seen.take().is_empty());
        }
        assert_eq!(seen.take(), ["milk,bread,eggs 1"]);
        assert_eq!(todos.read().len(), 3);
        assert_eq!(format!("{}", count.read()), "1");
    });
    owner.dispose();
}

#[test]
fn a_read_guard_subscribes_and_an_untracked_one_does_not() {
    let owner = Owner::new();
    owner.with(|| {
        let (a, set_a) = signal(1);
        let (b, set_b) = signal(10);
        let sum = Memo::new(move |_| *a.read() + *b.read_untracked());
        assert_eq!(sum.get(), 11);
        set_b.set(20);
        assert_eq!(sum.get(), 11, "b was read untracked");
        set_a.set(2);
        assert_eq!(sum.get(), 22);
    });
    owner.dispose();
}

#[test]
fn an_untracked_write_guard_notifies_no_one() {
    let owner = Owner::new();
    owner.with(|| {
        let count = RwSignal::new(0);
        let seen = Seen::default();
        let s = seen.clone();
        Effect::new(move |_| s.push(count.get().to_string()));
        *count.write_untracked() = 5;
        assert!(seen.take()[1..].is_empty());
        assert_eq!(count.get_untracked(), 5);
        count.notify();
        assert_eq!(seen.take(), ["5"]);
    });
    owner.dispose();
}

#[test]
fn reading_a_value_while_holding_its_write_guard_panics_and_releases_the_value() {
    let owner = Owner::new();
    owner.with(|| {
        let count = RwSignal::new(0);
        let panic = catch_unwind(AssertUnwindSafe(|| {
            let mut guard = count.write();
            *guard += 1;
            count.get()
        }))
        .expect_err("reading under the write guard must not wait for itself");
        let message = message(&*panic);
        assert!(message.contains("holds its `.write()` guard"), "{message}");
        // The guard was dropped while unwinding: the value is usable and was changed.
        assert_eq!(count.get(), 1);
        *count.write() += 1;
        assert_eq!(count.get(), 2);
    });
    owner.dispose();
}

#[test]
fn writing_a_value_while_holding_its_read_guard_panics_even_when_guards_end_out_of_order() {
    let owner = Owner::new();
    owner.with(|| {
        let a = RwSignal::new(1);
        let b = RwSignal::new(2);
        let guard_a = a.read();
        let guard_b = b.read();
        drop(guard_a);
        // `a` is free again although `b`'s guard, taken later, is still held.
        *a.write() += 1;
        let panic = catch_unwind(AssertUnwindSafe(|| b.set(3)))
            .expect_err("writing under this thread's read guard must not wait for itself");
        let message = message(&*panic);
        assert!(
            message.contains("written while it was being read"),
            "{message}"
        );
        drop(guard_b);
        b.set(3);
        assert_eq!((a.get(), b.get()), (2, 3));
    });
    owner.dispose();
}

#[test]
fn guards_of_a_disposed_signal_are_none() {
    let owner = Owner::new();
    let count = owner.with(|| RwSignal::new(0));
    owner.dispose();
    assert!(count.try_read().is_none());
    assert!(count.try_write().is_none());
}

#[test]
fn a_memo_lends_its_value_and_its_read_guard_subscribes() {
    let owner = Owner::new();
    owner.with(|| {
        let (items, set_items) = signal(vec![1, 2, 3]);
        let doubled = Memo::new(move |_| items.get().iter().map(|n| n * 2).collect::<Vec<_>>());
        let seen = Seen::default();
        let s = seen.clone();
        Effect::new(move |_| s.push(format!("{:?}", *doubled.read())));
        assert_eq!(seen.take(), ["[2, 4, 6]"]);
        set_items.set(vec![5]);
        assert_eq!(seen.take(), ["[10]"]);
        assert_eq!(doubled.read_untracked().len(), 1);
        set_items.set(vec![7, 8]);
        assert_eq!(seen.take(), ["[14, 16]"]);
        assert_eq!(*doubled.read(), vec![14, 16]);
    });
    owner.dispose();
}

#[test]
fn every_kind_of_signal_lends_its_value() {
    let owner = Owner::new();
    owner.with(|| {
        let (n, set_n) = signal(2);
        let derived = Signal::derive(move || n.get() * 10);
        let memo: Signal<i32> = Memo::new(move |_| n.get() + 1).into();
        let stored: Signal<i32> = 7.into();
        let from_signal: Signal<i32> = n.into();
        let seen = Seen::default();
        let s = seen.clone();
        Effect::new(move |_| {
            s.push(format!(
                "{} {} {} {}",
                *derived.read(),
                *memo.read(),
                *stored.read(),
                *from_signal.read()
            ))
        });
        assert_eq!(seen.take(), ["20 3 7 2"]);
        set_n.set(3);
        assert_eq!(seen.take(), ["30 4 7 3"]);
        assert_eq!(*derived.read_untracked(), 30);
    });
    owner.dispose();
}

#[test]
fn writing_a_value_while_holding_its_write_guard_panics_instead_of_waiting() {
    let owner = Owner::new();
    owner.with(|| {
        let count = RwSignal::new(0);
        let panic = catch_unwind(AssertUnwindSafe(|| {
            let mut guard = count.write();
            *guard += 1;
            count.set(5);
        }))
        .expect_err("a second write under the write guard must not wait for itself");
        assert!(
            message(&*panic).contains("holds its `.write()` guard"),
            "{}",
            message(&*panic)
        );
        assert_eq!(
            count.get(),
            1,
            "the guard's change stands; the value is usable"
        );
    });
    owner.dispose();
}

#[test]
fn a_memo_that_cannot_recompute_under_a_read_guard_recomputes_on_the_next_read() {
    let owner = Owner::new();
    owner.with(|| {
        let (n, set_n) = signal(1);
        let doubled = Memo::new(move |_| n.get() * 2);
        assert_eq!(doubled.get(), 2);
        let panic = catch_unwind(AssertUnwindSafe(|| {
            let _guard = doubled.read();
            set_n.set(5);
            // Reading the memo again makes it recompute while the guard still holds it.
            doubled.get_untracked()
        }))
        .expect_err("the memo cannot store a new value while its guard is held");
        assert!(
            message(&*panic).contains("recompute while its value was being read"),
            "{}",
            message(&*panic)
        );
        assert_eq!(doubled.get(), 10, "not the stale 2");
    });
    owner.dispose();
}
