//! Islands: the server renders the whole page, and the browser hydrates only the components
//! marked `#[island]`. Everything else (`#[component]`s such as `Article`) stays the server's
//! HTML, and its code is not in the wasm bundle.
//!
//! Serve it with `cargo app serve --manifest-path examples/islands/Cargo.toml`.

use leptos::prelude::*;

/// The document: `islands=true` makes the scripts hydrate each island instead of the page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title>"Islands"</title>
                <HydrationScripts options islands=true/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The page. A component: rendered by the server only.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <main>
            <h1>"Islands"</h1>
            <Article/>
            <Counter initial=3/>
            <Tabs labels=vec!["About".to_string(), "Counter".to_string()]>
                <section class="panel">
                    <p id="about">"Written on the server, kept as it is in the browser."</p>
                </section>
                <section class="panel">
                    <Counter initial=100/>
                </section>
            </Tabs>
            <Shout/>
        </main>
    }
}

/// Static content with a handler that never runs: `Article` is not an island, so the
/// browser never hydrates it, and its `on:click` is not in the bundle.
#[component]
fn Article() -> impl IntoView {
    let (read, set_read) = signal(false);
    view! {
        <article>
            <p id="intro">"Most of this page is plain HTML."</p>
            <button id="static" on:click=move |_| set_read.set(true)>
                {move || if read.get() { "read" } else { "not hydrated" }}
            </button>
        </article>
    }
}

/// A counter: an island, hydrated with the `initial` the server rendered it with.
#[island]
fn Counter(
    /// Where counting starts.
    initial: i32,
) -> impl IntoView {
    let (count, set_count) = signal(initial);
    view! {
        <div class="counter">
            <button class="decrement" on:click=move |_| set_count.update(|n| *n -= 1)>"-"</button>
            <span class="count">{count}</span>
            <button class="increment" on:click=move |_| set_count.update(|n| *n += 1)>"+"</button>
        </div>
    }
}

/// Tabs over its children: the island switches between panels the server rendered (one
/// `<section class="panel">` per label). The panels stay server HTML; an island inside one
/// (the second panel's counter) is hydrated on its own.
#[island]
fn Tabs(
    /// One label per panel, in order.
    labels: Vec<String>,
    children: Children,
) -> impl IntoView {
    let (selected, set_selected) = signal(0usize);
    let buttons = labels
        .into_iter()
        .enumerate()
        .map(|(index, label)| {
            view! {
                <button
                    class="tab"
                    class:selected=move || selected.get() == index
                    on:click=move |_| set_selected.set(index)
                >
                    {label}
                </button>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <div class="tabs" data-selected=move || selected.get().to_string()>
            <nav>{buttons}</nav>
            {children()}
        </div>
        // Which panel shows is a style: the panels are the server's nodes.
        <style>
            ".tabs[data-selected='0'] .panel:nth-of-type(2), \
             .tabs[data-selected='1'] .panel:nth-of-type(1) { display: none; }"
        </style>
    }
}

/// Sends text to a server function and shows the answer.
#[island]
fn Shout() -> impl IntoView {
    let shout = ServerAction::<ShoutText>::new();
    let answer = move || {
        shout
            .value()
            .get()
            .map(|result| result.unwrap_or_else(|error| error.to_string()))
    };
    view! {
        <div class="shout">
            <button id="shout" on:click=move |_| {
                shout.dispatch(ShoutText { text: "hello, islands".to_string() });
            }>"Shout"</button>
            <output id="answer">{answer}</output>
        </div>
    }
}

/// Upper-cases `text`, on the server.
#[server]
pub async fn shout_text(text: String) -> Result<String, ServerFnError> {
    Ok(text.to_uppercase())
}

/// Called by the page's script once the bundle is loaded; the script then hydrates each
/// island.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}
