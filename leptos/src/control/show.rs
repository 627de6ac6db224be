//! `<Show when=... fallback=...>`: one of two views, switched by a condition.

use crate::children::{ChildrenFn, ViewFn};
use crate::component;
use crate::view::IntoView;
use reactive_graph::prelude::*;

/// Renders its children while `when` is true, and `fallback` (nothing by default) while it
/// is false. The condition is memoized: the children are not rebuilt while it stays true.
///
/// ```
/// use leptos::prelude::*;
/// let (logged_in, set_logged_in) = signal(false);
/// let html = leptos::ssr::render_to_string(move || view! {
///     <Show when=move || logged_in.get() fallback=|| view! { <a href="/login">"Log in"</a> }>
///         <p>"Welcome back"</p>
///     </Show>
/// });
/// assert!(html.contains("Log in"));
/// ```
#[component]
pub fn Show<W>(
    /// What to render while `when` is true.
    children: ChildrenFn,
    /// The condition.
    when: W,
    /// What to render while `when` is false.
    #[prop(optional, into)]
    fallback: ViewFn,
) -> impl IntoView
where
    W: Fn() -> bool + Send + Sync + 'static,
{
    let condition = Memo::new(move |_| when());
    move || {
        if condition.get() {
            children()
        } else {
            fallback.run()
        }
    }
}
