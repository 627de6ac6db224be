//! examples/counter, written with Leptos 0.8.23: the same markup, signals, memo and handlers.
use leptos::prelude::*;

/// A button that counts its clicks, and a reset.
#[component]
pub fn App() -> impl IntoView {
    let (count, set_count) = signal(0);
    let double = Memo::new(move |_| count.get() * 2);
    view! {
        <main>
            <h1>"Counter"</h1>
            <button id="increment" on:click=move |_| set_count.update(|n| *n += 1)>"+1"</button>
            <button id="reset" on:click=move |_| set_count.set(0)>"Reset"</button>
            <p id="count">"Clicks: " {move || count.get()}</p>
            <p id="double" class:big={move || count.get() >= 10}>"Double: " {double}</p>
        </main>
    }
}

/// Mounts the app when the bundle loads.
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn main() {
    leptos::mount::mount_to_body(App);
}
