//! The reference-counted handles: they live as long as a clone does, not as long as the owner
//! they were made under, and they are as reactive as the `Copy` handles.
//!
//! Each test runs under a root owner, as an app or a request does: on the server a root has a
//! graph of its own, and everything in that graph goes when the root is disposed.

use reactive_graph::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

#[test]
fn an_arc_signal_outlives_the_owner_it_was_created_under() {
    let root = Owner::new();
    let count = root.with(|| {
        let owner = Owner::new();
        let (count, owned) = owner.with(|| (ArcRwSignal::new(1), RwSignal::new(1)));
        owner.dispose();
        assert_eq!(
            owned.try_get(),
            None,
            "the owned signal went with its owner"
        );
        count.set(2);
        assert_eq!(count.get(), 2);
        let clone = count.clone();
        drop(count);
        assert_eq!(clone.get(), 2, "a clone keeps the signal");
        clone
    });
    root.dispose();
    assert_eq!(
        count.try_get(),
        None,
        "disposing the root frees its whole graph, shared handles included"
    );
}

#[test]
fn the_last_clone_dropped_disposes_the_node() {
    let root = Owner::new();
    root.with(|| {
        let before = root.live_node_count();
        let arc = ArcRwSignal::new(0);
        let memo = {
            let arc = arc.clone();
            ArcMemo::new(move |_| arc.get() + 1)
        };
        let trigger = ArcTrigger::new();
        assert_eq!(root.live_node_count(), before + 3);
        drop((arc, memo, trigger));
        assert_eq!(root.live_node_count(), before, "all three were freed");

        let owner = Owner::new();
        let (arc, copy) = owner.with(|| {
            let arc = ArcRwSignal::new(String::from("kept"));
            // A `Copy` handle to the same node, which the owner holds on to.
            let copy = RwSignal::from(arc.clone());
            (arc, copy)
        });
        drop(arc);
        assert_eq!(copy.get(), "kept", "the owner still holds the node");
        owner.dispose();
        assert_eq!(copy.try_get(), None, "no clone and no owner left: freed");

        let arc = ArcRwSignal::new(5);
        let read: ReadSignal<i32> = Owner::new().with(|| arc.read_only().into());
        drop(arc);
        assert_eq!(read.try_get(), Some(5), "the owner's hold is enough");
    });
    root.dispose();
}

#[test]
fn effects_follow_arc_signals_memos_and_triggers() {
    let root = Owner::new();
    root.with(|| {
        let (count, set_count) = arc_signal(1);
        let double = {
            let count = count.clone();
            ArcMemo::new(move |_| count.get() * 2)
        };
        let trigger = ArcTrigger::new();
        let seen = Arc::new(AtomicUsize::new(0));
        let runs = Arc::new(AtomicUsize::new(0));
        let owner = Owner::new();
        owner.with(|| {
            let (double, trigger, seen, runs) =
                (double.clone(), trigger.clone(), seen.clone(), runs.clone());
            Effect::new(move |_| {
                trigger.track();
                seen.store(double.get(), Ordering::Relaxed);
                runs.fetch_add(1, Ordering::Relaxed);
            });
        });
        assert_eq!(seen.load(Ordering::Relaxed), 2);
        set_count.set(4);
        assert_eq!(seen.load(Ordering::Relaxed), 8);
        trigger.notify();
        assert_eq!(runs.load(Ordering::Relaxed), 3);
        owner.dispose();
        set_count.set(5);
        assert_eq!(
            runs.load(Ordering::Relaxed),
            3,
            "the effect went with its owner"
        );
        assert_eq!(double.get(), 10, "the memo did not");
    });
    root.dispose();
}

#[test]
fn arc_handles_convert_into_signal_and_split() {
    let root = Owner::new();
    root.with(|| {
        let name = ArcRwSignal::new(String::from("Ada"));
        let (read, write) = name.split();
        let as_signal: Signal<String> = Owner::new().with(|| read.clone().into());
        write.update(|n| n.push_str(" Lovelace"));
        assert_eq!(as_signal.get(), "Ada Lovelace");
        assert_eq!(read.with(String::len), 12);
        assert_eq!(name, name.clone());
        assert_ne!(name, ArcRwSignal::new(String::from("Ada")));
    });
    root.dispose();
}

/// Counts its drops: held by a derived `ArcSignal`'s closure.
struct DropCount(Arc<AtomicUsize>);

impl Drop for DropCount {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
fn an_arc_signal_derives_stores_or_wraps_and_lives_while_a_clone_does() {
    let root = Owner::new();
    root.with(|| {
        let drops = Arc::new(AtomicUsize::new(0));
        let count = ArcRwSignal::new(2);
        let page = Owner::new();
        let (derived, fixed, wrapped) = page.with(|| {
            let c = count.clone();
            let guard = DropCount(drops.clone());
            let derived = ArcSignal::derive(move || {
                let _held = &guard;
                c.get() * 10
            });
            (derived, ArcSignal::from(5), ArcSignal::from(count.clone()))
        });
        page.dispose();
        // The owner they were made under is gone; they still read.
        let runs = Arc::new(AtomicUsize::new(0));
        let (d, r) = (derived.clone(), runs.clone());
        let _effect = RenderEffect::new(move |_| {
            d.track();
            r.fetch_add(1, Ordering::SeqCst);
        });
        count.set(3);
        assert_eq!((derived.get(), fixed.get(), wrapped.get()), (30, 5, 3));
        assert_eq!(
            runs.load(Ordering::SeqCst),
            2,
            "a derived ArcSignal subscribes its reader"
        );

        // A `Copy` `Signal` made from it is kept by the current owner.
        let inner = Owner::new();
        let copy: Signal<i32> = inner.with(|| derived.clone().into());
        drop(derived);
        drop(_effect);
        assert_eq!(
            copy.get(),
            30,
            "the owner keeps it after the last clone is dropped"
        );
        assert_eq!(drops.load(Ordering::SeqCst), 0);
        inner.dispose();
        assert_eq!(copy.try_get(), None);
        assert_eq!(
            drops.load(Ordering::SeqCst),
            1,
            "its closure was dropped with the node"
        );
    });
    root.dispose();
}
