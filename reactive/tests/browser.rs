//! The reactive core compiled to wasm32 and run in a real headless browser.
//!
//! Run with `scripts/test.sh` (or see it for the exact cargo command): the crate is built for
//! `wasm32-unknown-unknown` and `wasm-bindgen-test-runner` drives Chromium through chromedriver,
//! with the browser flags from `scripts/webdriver.json`.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use reactive_graph::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{js_sys, JsFuture};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &js_sys::Function, ms: i32) -> JsValue;
}

/// Resolves after `ms` milliseconds, through the browser's own timer queue.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        set_timeout(&resolve, ms);
    });
    JsFuture::from(promise)
        .await
        .expect("setTimeout promise rejected");
}

#[wasm_bindgen_test]
fn runs_in_a_browser() {
    let global = js_sys::global();
    let has_document = js_sys::Reflect::has(&global, &JsValue::from_str("document")).unwrap();
    assert!(
        has_document,
        "expected a browser window, not node or a worker"
    );
}

#[wasm_bindgen_test]
fn signal_and_memo() {
    let owner = Owner::new();
    owner.with(|| {
        let (a, set_a) = signal(1);
        let m = Memo::new(move |_| a.get() * 2);
        assert_eq!(m.get(), 2);

        set_a.set(5);
        assert_eq!(a.get_untracked(), 5);
        assert_eq!(m.get(), 10);

        set_a.update(|n| *n += 1);
        assert_eq!(m.get(), 12);

        let rw = RwSignal::new(String::from("a"));
        rw.update(|s| s.push('b'));
        assert_eq!(rw.with(|s| s.len()), 2);
        assert_eq!(rw.get(), "ab");
    });
}

#[wasm_bindgen_test]
fn read_and_write_guards_lend_the_value_and_the_write_notifies_when_dropped() {
    let owner = Owner::new();
    owner.with(|| {
        let todos = RwSignal::new(vec![String::from("milk")]);
        let seen = Rc::new(RefCell::new(Vec::new()));
        let log = Rc::clone(&seen);
        Effect::new(move |_| log.borrow_mut().push(todos.read().len()));
        assert_eq!(*seen.borrow(), vec![1]);
        {
            let mut list = todos.write();
            list.push(String::from("bread"));
            list.push(String::from("eggs"));
        }
        assert_eq!(
            *seen.borrow(),
            vec![1, 3],
            "one run, after the guard was dropped"
        );
        *todos.write_untracked() = Vec::new();
        assert_eq!(
            *seen.borrow(),
            vec![1, 3],
            "an untracked write notifies no one"
        );
        assert!(todos.read().is_empty());
    });
}

#[wasm_bindgen_test]
fn effects_run_after_each_write_and_once_per_batch() {
    let owner = Owner::new();
    owner.with(|| {
        let (a, set_a) = signal(1);
        let doubled = Memo::new(move |_| a.get() * 2);
        let seen = Rc::new(RefCell::new(Vec::new()));

        let log = Rc::clone(&seen);
        Effect::new(move |_| {
            log.borrow_mut().push(doubled.get());
        });
        assert_eq!(*seen.borrow(), vec![2]);

        set_a.set(2);
        assert_eq!(*seen.borrow(), vec![2, 4]);

        batch(|| {
            set_a.set(3);
            set_a.set(4);
            // Nothing runs until the batch ends.
            assert_eq!(*seen.borrow(), vec![2, 4]);
        });
        assert_eq!(*seen.borrow(), vec![2, 4, 8]);
    });
}

#[wasm_bindgen_test]
fn untracked_reads_do_not_subscribe() {
    let owner = Owner::new();
    owner.with(|| {
        let (a, set_a) = signal(0);
        let (b, set_b) = signal(0);
        let runs = Rc::new(RefCell::new(0));

        let counter = Rc::clone(&runs);
        Effect::new(move |_| {
            a.track();
            let _ = untrack(move || b.get());
            *counter.borrow_mut() += 1;
        });
        assert_eq!(*runs.borrow(), 1);

        set_b.set(1);
        assert_eq!(
            *runs.borrow(),
            1,
            "an untracked read must not re-run the effect"
        );

        set_a.set(1);
        assert_eq!(*runs.borrow(), 2);
    });
}

#[wasm_bindgen_test]
fn context_flows_from_owner_to_child() {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(42_i32);
        let child = Owner::new();
        child.with(|| {
            assert_eq!(use_context::<i32>(), Some(42));
            assert_eq!(expect_context::<i32>(), 42);
            assert_eq!(use_context::<String>(), None);
        });
    });
}

#[wasm_bindgen_test]
async fn action_resolves_on_the_browser_event_loop() {
    let owner = Owner::new();
    let action = owner.with(|| {
        Action::new(|x: &i32| {
            let x = *x;
            async move { x + 1 }
        })
    });
    assert_eq!(action.value().get_untracked(), None);

    action.dispatch(1);
    for _ in 0..200 {
        if action.value().get() == Some(2) {
            break;
        }
        sleep(10).await;
    }
    assert_eq!(action.value().get(), Some(2));
}

#[wasm_bindgen_test]
fn shared_handles_outlive_their_owner_and_go_with_their_last_holder() {
    let page = Owner::new();
    let (shared, copy) = page.with(|| {
        let shared = ArcRwSignal::new(1);
        // The page's `Copy` handle: the page holds the node until it is disposed.
        let copy = RwSignal::from(shared.clone());
        (shared, copy)
    });
    let double = {
        let shared = shared.clone();
        ArcMemo::new(move |_| shared.get() * 2)
    };
    page.dispose();
    shared.set(4);
    assert_eq!(copy.get(), 4, "a clone is still alive");
    assert_eq!(double.get(), 8);

    let next_page = Owner::new();
    let copy: RwSignal<i32> = next_page.with(|| shared.clone().into());
    drop((shared, double));
    assert_eq!(copy.get(), 4, "the next page holds it");
    next_page.dispose();
    assert_eq!(copy.try_get(), None, "freed with its last holder");
}
