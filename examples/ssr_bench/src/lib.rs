//! The server of the SSR throughput harness (`shared/bench/ssr/`): the same four routes and
//! the same data as its Leptos 0.8 app, written with our crates.
//!
//! - `/small`: a heading and a counter component, through the full integration
//!   (`leptos_axum::LeptosRoutes`, the router, the document shell with the hydration
//!   scripts and the title);
//! - `/table`: 1,000 rows, one component per row, keyed `<For>`, same integration;
//! - `/raw/small`, `/raw/table`: the same bodies rendered in a plain axum handler with
//!   `leptos::ssr::render_to_string` (the renderer alone).
//!
//! The output is what a user of the framework gets: escaped text and hydration markers.

use axum::response::Html;
use axum::routing::get;
use leptos::config::LeptosOptions;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use std::sync::LazyLock;

/// One table row: the data every row component receives.
#[derive(Clone, Debug)]
pub struct Row {
    /// 1 to 1,000.
    pub id: usize,
    /// "adjective colour noun"; one noun needs escaping.
    pub label: String,
}

const ADJECTIVES: &[&str] = &[
    "pretty",
    "large",
    "big",
    "small",
    "tall",
    "short",
    "long",
    "handsome",
    "plain",
    "quaint",
    "clean",
    "elegant",
    "easy",
    "angry",
    "crazy",
    "helpful",
    "mushy",
    "odd",
    "unsightly",
    "adorable",
    "important",
    "inexpensive",
    "cheap",
    "expensive",
    "fancy",
];
const COLOURS: &[&str] = &[
    "red", "yellow", "blue", "green", "pink", "brown", "purple", "brown", "white", "black",
    "orange",
];
// One noun carries characters that must be escaped, so escaping stays on the measured path.
const NOUNS: &[&str] = &[
    "table",
    "chair",
    "house",
    "bbq",
    "desk",
    "car",
    "pony",
    "cookie",
    "sandwich",
    "burger",
    "pizza",
    "mouse",
    "keyboard",
    "fish & <chips>",
];

/// The harness's deterministic data: the same in every framework's server.
pub static TABLE: LazyLock<Vec<Row>> = LazyLock::new(|| {
    (1..=1000usize)
        .map(|id| Row {
            id,
            label: format!(
                "{} {} {}",
                ADJECTIVES[id % ADJECTIVES.len()],
                COLOURS[(id * 7) % COLOURS.len()],
                NOUNS[(id * 13) % NOUNS.len()]
            ),
        })
        .collect()
});

/// A button that counts its clicks.
#[component]
fn Counter(initial: i32) -> impl IntoView {
    let (count, set_count) = signal(initial);
    view! {
        <button class="counter" on:click=move |_| set_count.update(|n| *n += 1)>
            "Clicked " {count} " times"
        </button>
    }
}

/// `/small`'s body.
#[component]
fn SmallPage() -> impl IntoView {
    view! {
        <h1>"Hello, SSR"</h1>
        <Counter initial=0/>
    }
}

/// One row of the table.
#[component]
fn RowView(row: Row) -> impl IntoView {
    view! {
        <tr>
            <td class="col-md-1">{row.id}</td>
            <td class="col-md-4"><a>{row.label}</a></td>
        </tr>
    }
}

/// `/table`'s body.
#[component]
fn TablePage() -> impl IntoView {
    view! {
        <table class="table">
            <tbody>
                <For each=|| TABLE.iter().cloned() key=|row| row.id let:row>
                    <RowView row/>
                </For>
            </tbody>
        </table>
    }
}

/// The app: the router with the two pages.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <main>
                <Routes fallback=|| "Page not found.">
                    <Route path=path!("/small") view=SmallPage/>
                    <Route path=path!("/table") view=TablePage/>
                </Routes>
            </main>
        </Router>
    }
}

/// The document around the app, as an app's server writes it.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title>"SSR bench"</title>
                <HydrationScripts options/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// A whole document around `body`, rendered with the plain render-to-string (a fresh root
/// owner, disposed afterwards): no router, no integration.
fn raw_document<V: IntoView>(body: impl FnOnce() -> V) -> Html<String> {
    Html(leptos::ssr::render_to_string(move || {
        view! {
            <!DOCTYPE html>
            <html lang="en">
                <head>
                    <meta charset="utf-8"/>
                    <title>"SSR bench"</title>
                </head>
                <body><main>{body()}</main></body>
            </html>
        }
    }))
}

/// The options the server runs with: the bundle `ssr-bench` under `/pkg`, production mode.
pub fn options() -> LeptosOptions {
    LeptosOptions {
        output_name: "ssr-bench".into(),
        env: leptos::config::Env::PROD,
        ..Default::default()
    }
}

/// The server's routes: `/small` and `/table` through `leptos_axum`, `/raw/small` and
/// `/raw/table` in plain handlers.
pub fn router() -> axum::Router {
    LazyLock::force(&TABLE);
    let options = options();
    let shell_options = options.clone();
    axum::Router::new()
        .route(
            "/raw/small",
            get(|| async { raw_document(|| view! { <SmallPage/> }) }),
        )
        .route(
            "/raw/table",
            get(|| async { raw_document(|| view! { <TablePage/> }) }),
        )
        .leptos_routes(&options, generate_route_list(App), move || {
            shell(shell_options.clone())
        })
        .with_state(options)
}
