use leptos::prelude::*;
use std::rc::Rc;

#[component]
fn Clicks() -> impl IntoView {
    // An `Rc` is not `Send`: on the server an ordinary signal cannot hold it.
    let (clicks, set_clicks) = signal(Rc::new(0));
    let stored = StoredValue::new(Rc::new("cache"));
    view! { <button on:click=move |_| set_clicks.set(Rc::new(stored.with_value(|s| s.len())))>{move || *clicks.get()}</button> }
}

fn main() {}
