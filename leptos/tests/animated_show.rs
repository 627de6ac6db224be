//! `AnimatedShow` rendered on the server: the state `when` holds at that moment, with its
//! class, and no timer. Its timing (the exit class, then the removal) is tested in the
//! browser (`tests/browser.rs`, `mod animated_show`).

use leptos::prelude::*;
use leptos::ssr::render_to_string;
use std::time::Duration;

fn page(when: Signal<bool>, show_class: &'static str, hide_class: &'static str) -> String {
    render_to_string(move || {
        view! {
            <main>
                <AnimatedShow
                    when=when
                    show_class=show_class
                    hide_class=hide_class
                    hide_delay=Duration::from_millis(200)
                >
                    <p>"Hello"</p>
                </AnimatedShow>
            </main>
        }
    })
}

#[test]
fn while_true_the_children_are_rendered_in_a_wrapper_with_the_show_class() {
    let html = page(Signal::stored(true), "fade-in", "fade-out");
    assert_eq!(
        html,
        r#"<main><div class="fade-in"><p>Hello</p></div></main>"#
    );
}

#[test]
fn while_false_nothing_is_rendered() {
    let html = page(Signal::stored(false), "fade-in", "fade-out");
    // Only the placeholder that keeps the children's place for the browser.
    assert_eq!(html, "<main><!----></main>");
}

#[test]
fn without_classes_the_wrapper_has_no_class_attribute() {
    let html = page(Signal::stored(true), "", "");
    assert!(html.contains("<div><p>Hello</p></div>"), "{html}");
}

#[test]
fn when_follows_a_signal_or_a_derived_signal() {
    let (open, _) = signal(true);
    assert!(page(open.into(), "in", "out").contains(r#"<div class="in">"#));
    let closed = Signal::derive(move || !open.get());
    assert!(!page(closed, "in", "out").contains("<div"));
}
