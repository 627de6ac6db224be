//! `<AnimatedShow when=... hide_delay=...>`: like `Show`, but the children leave the page a
//! while after the condition turns false, so a CSS exit animation can play first.

use crate::children::ChildrenFn;
use crate::control::Show;
use crate::helpers::set_timeout;
use crate::view::IntoView;
use crate::{component, view};
use reactive_graph::prelude::*;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Shows its children, in a `<div>`, while `when` is true, with an entry and an exit class
/// for CSS animations.
///
/// While `when` is true the wrapper has `show_class`. When `when` turns false the wrapper
/// gets `hide_class` at once and the children are removed `hide_delay` later (give it the
/// length of the exit animation). If `when` turns true again before then, the children stay
/// and get `show_class` back.
///
/// The server renders the state `when` has at that moment (the children with `show_class`,
/// or nothing) and sets no timer.
///
/// ```
/// use leptos::prelude::*;
/// use std::time::Duration;
///
/// let open = RwSignal::new(true);
/// let html = leptos::ssr::render_to_string(move || view! {
///     <button on:click=move |_| open.update(|open| *open = !*open)>"Toggle"</button>
///     <AnimatedShow
///         when=open
///         show_class="fade-in"
///         hide_class="fade-out"
///         hide_delay=Duration::from_millis(300)
///     >
///         <p>"Hello"</p>
///     </AnimatedShow>
/// });
/// assert!(html.contains(r#"<div class="fade-in"><p>Hello</p></div>"#), "{html}");
/// ```
#[component]
pub fn AnimatedShow(
    /// What to show.
    children: ChildrenFn,
    /// Whether to show it.
    #[prop(into)]
    when: Signal<bool>,
    /// The wrapper's class while `when` is true (none by default).
    #[prop(optional)]
    show_class: &'static str,
    /// The wrapper's class from the moment `when` turns false until the children are removed
    /// (none by default).
    #[prop(optional)]
    hide_class: &'static str,
    /// How long the children stay after `when` turns false.
    hide_delay: Duration,
) -> impl IntoView {
    let mounted = RwSignal::new(when.get_untracked());
    let hide = HideTimer::default();
    let timer = hide.clone();
    Effect::watch(
        move || when.get(),
        move |&shown, _, _| {
            if shown {
                timer.cancel();
                mounted.set(true);
            } else {
                timer.start(hide_delay, move || mounted.set(false));
            }
        },
        false,
    );
    // A timer still pending when the component goes away must not touch its signals.
    on_cleanup(move || hide.cancel());

    let class = move || {
        let class = if when.get() { show_class } else { hide_class };
        (!class.is_empty()).then_some(class)
    };
    view! {
        <Show when=move || mounted.get()>
            <div class=class>{children()}</div>
        </Show>
    }
}

/// The pending removal of `AnimatedShow`'s children: at most one timer counts at a time.
/// Starting or cancelling moves to a new generation, and a timer that fires in a generation
/// other than its own does nothing.
#[derive(Clone, Default)]
struct HideTimer {
    generation: Arc<AtomicU64>,
}

impl HideTimer {
    /// Runs `hide` after `delay`, unless the timer is started again or cancelled first.
    fn start(&self, delay: Duration, hide: impl FnOnce() + 'static) {
        let own = self.next_generation();
        let generation = Arc::clone(&self.generation);
        set_timeout(
            move || {
                if generation.load(Ordering::Relaxed) == own {
                    hide();
                }
            },
            delay,
        );
    }

    /// Makes the pending timer, if any, do nothing.
    fn cancel(&self) {
        self.next_generation();
    }

    fn next_generation(&self) -> u64 {
        self.generation.fetch_add(1, Ordering::Relaxed) + 1
    }
}
