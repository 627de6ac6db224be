//! A counter rendered on the server and hydrated in the browser.
//!
//! The same `App` is compiled twice: with `ssr` into the server binary (`src/main.rs`),
//! which renders it to HTML, and with `hydrate` into the wasm bundle, which takes that HTML
//! over. Serve it with `cargo app serve --manifest-path examples/counter_isomorphic/Cargo.toml`.

use leptos::prelude::*;

/// One counter, started at `initial`.
#[component]
pub fn Counter(
    /// Where counting starts.
    initial: i32,
    /// How much one click adds.
    #[prop(default = 1)]
    step: i32,
) -> impl IntoView {
    let (count, set_count) = signal(initial);
    view! {
        <div class="counter">
            <button id="decrement" on:click=move |_| set_count.update(|n| *n -= step)>"-"</button>
            <span id="count">{move || count.get()}</span>
            <button id="increment" on:click=move |_| set_count.update(|n| *n += step)>"+"</button>
        </div>
    }
}

/// The page.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <main>
            <h1>"Isomorphic counter"</h1>
            <p id="rendered">"Rendered on the server, hydrated in the browser."</p>
            <Counter initial=10/>
        </main>
    }
}

/// Called by the page's script once the bundle is loaded: takes over the server's HTML.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_body(App);
}
