//! Islands in the browser: each `#[island]`'s export hydrates its `<leptos-island>` in
//! place, keeps its server-rendered children, and reads its props and resources back. (The
//! script that finds the islands of a page is tested end to end, in `e2e/tests/islands.rs`.)

use super::{container, query, sleep, Mutations};
use leptos::prelude::*;
use leptos::view::take_hydration_mismatches;
use std::cell::Cell;
use wasm_bindgen_test::*;

/// A counter that says how it was made.
#[island]
fn Counter(initial: i32, label: String) -> impl IntoView {
    let (count, set_count) = signal(initial);
    view! {
        <button class="count" on:click=move |_| set_count.update(|n| *n += 1)>
            {label} ": " {count}
        </button>
    }
}

/// Hides and shows its children, which the server rendered.
#[island]
fn Toggle(children: Children) -> impl IntoView {
    let (open, set_open) = signal(true);
    view! {
        <button class="toggle" on:click=move |_| set_open.update(|o| *o = !*o)>"toggle"</button>
        <div class="body" class:hidden=move || !open.get()>{children()}</div>
    }
}

thread_local! {
    static STATIC_CLICKS: Cell<u32> = const { Cell::new(0) };
}

/// The page around the islands: a component, rendered by the server only.
#[component]
fn Page() -> impl IntoView {
    view! {
        <h1>"Static"</h1>
        <button id="static" on:click=|_| STATIC_CLICKS.with(|c| c.set(c.get() + 1))>"static"</button>
        <Toggle>
            <p class="static-child">"server text"</p>
            <Counter initial=10 label="inner".to_string()/>
        </Toggle>
        <Counter initial=1 label="outer".to_string()/>
    }
}

/// The `<leptos-island>` elements under `root`, in document order.
fn islands(root: &web_sys::HtmlElement) -> Vec<web_sys::HtmlElement> {
    let list = root.query_selector_all("leptos-island").unwrap();
    (0..list.length())
        .map(|i| wasm_bindgen::JsCast::unchecked_into(list.item(i).unwrap()))
        .collect()
}

#[wasm_bindgen_test]
fn each_island_hydrates_in_place_with_its_props_and_keeps_its_server_children() {
    let html = leptos::ssr::render_to_string(|| view! { <Page/> });
    let root = container();
    root.set_inner_html(&html);
    let found = islands(&root);
    assert_eq!(found.len(), 3, "{html}");
    let (toggle, inner, outer) = (&found[0], &found[1], &found[2]);
    let child_before = query(&root, ".static-child");
    let outer_button = query(outer, "button");
    let mutations = Mutations::observe(&root);

    // What the islands script does: each island outside another island's own view.
    _island_Toggle(toggle.clone());
    _island_Counter(inner.clone());
    _island_Counter(outer.clone());
    assert_eq!(
        mutations.counts(),
        (0, 0, 0),
        "hydration created or removed nothing"
    );
    assert_eq!(take_hydration_mismatches(), Vec::<String>::new());
    assert!(query(&root, ".static-child").is_same_node(Some(&child_before)));
    assert!(query(outer, "button").is_same_node(Some(&outer_button)));

    // Each island is live, with the props the server rendered it with.
    outer_button.click();
    assert_eq!(outer_button.text_content().unwrap(), "outer: 2");
    let inner_button = query(inner, "button");
    inner_button.click();
    inner_button.click();
    assert_eq!(inner_button.text_content().unwrap(), "inner: 12");
    let body = query(toggle, ".body");
    query(toggle, ".toggle").click();
    assert_eq!(body.class_name(), "body hidden");
    // The children stay the server's nodes, live island and all.
    assert!(query(&root, ".static-child").is_same_node(Some(&child_before)));
    inner_button.click();
    assert_eq!(inner_button.text_content().unwrap(), "inner: 13");

    // The page around the islands was not hydrated: its handler is not attached.
    query(&root, "#static").click();
    assert_eq!(STATIC_CLICKS.with(Cell::get), 0);
}

/// An island with another island in its own view (not in its children).
#[island]
fn Panel(title: String) -> impl IntoView {
    let (open, set_open) = signal(true);
    view! {
        <section class:closed=move || !open.get()>
            <h2 on:click=move |_| set_open.update(|o| *o = !*o)>{title}</h2>
            <Counter initial=7 label="nested".to_string()/>
        </section>
    }
}

#[wasm_bindgen_test]
fn an_island_in_another_islands_own_view_is_hydrated_with_it() {
    let html = leptos::ssr::render_to_string(|| view! { <Panel title="P".to_string()/> });
    let root = container();
    root.set_inner_html(&html);
    let found = islands(&root);
    assert_eq!(found.len(), 2, "{html}");
    let button = query(&found[1], "button");
    let mutations = Mutations::observe(&root);

    // The islands script skips the inner one: the outer one's hydration covers it.
    _island_Panel(found[0].clone());
    assert_eq!(mutations.counts(), (0, 0, 0));
    assert_eq!(take_hydration_mismatches(), Vec::<String>::new());
    assert!(query(&found[1], "button").is_same_node(Some(&button)));
    button.click();
    assert_eq!(button.text_content().unwrap(), "nested: 8");
    query(&found[0], "h2").click();
    assert_eq!(query(&found[0], "section").class_name(), "closed");
}

#[wasm_bindgen_test]
fn an_island_whose_props_cannot_be_read_is_left_as_the_server_wrote_it() {
    let html = leptos::ssr::render_to_string(|| {
        view! { <Counter initial=1 label="kept".to_string()/> }
    });
    let root = container();
    root.set_inner_html(&html);
    let island = islands(&root).remove(0);
    island
        .set_attribute("data-props", r#"{"initial":"one"}"#)
        .unwrap();
    let mutations = Mutations::observe(&root);

    _island_Counter(island.clone());
    assert_eq!(mutations.counts(), (0, 0, 0));
    let button = query(&island, "button");
    button.click();
    assert_eq!(
        button.text_content().unwrap(),
        "kept: 1",
        "not hydrated, so not live"
    );
}

#[wasm_bindgen_test]
fn a_mismatch_inside_an_island_names_the_island_and_the_island_still_works() {
    let html = leptos::ssr::render_to_string(|| {
        view! { <Counter initial=1 label="x".to_string()/> }
    });
    let stale = html
        .replace("<button class=\"count\">", "<a class=\"count\">")
        .replace("</button>", "</a>");
    assert_ne!(stale, html);
    let root = container();
    root.set_inner_html(&stale);
    let island = islands(&root).remove(0);

    _island_Counter(island.clone());
    let mismatches = take_hydration_mismatches();
    assert_eq!(mismatches.len(), 1, "{mismatches:?}");
    assert!(mismatches[0].contains("<Counter/>"), "{}", mismatches[0]);
    assert!(
        mismatches[0].contains("expected <button>, found <a>"),
        "{}",
        mismatches[0]
    );
    let button = query(&island, "button");
    button.click();
    assert_eq!(button.text_content().unwrap(), "x: 2");
}

/// An island that loads its greeting; `calls` counts the fetcher's runs.
#[island]
fn Greeting(who: String) -> impl IntoView {
    let greeting = Resource::new(
        move || who.clone(),
        |who| async move {
            GREETING_CALLS.with(|c| c.set(c.get() + 1));
            format!("Hi, {who}")
        },
    );
    view! {
        <Suspense fallback=|| view! { <i>"..."</i> }>
            <p class="greeting">{move || Suspend::new(async move { greeting.await })}</p>
        </Suspense>
    }
}

thread_local! {
    static GREETING_CALLS: Cell<u32> = const { Cell::new(0) };
}

#[wasm_bindgen_test]
async fn an_island_finds_its_resources_values_in_the_page_after_the_pages_own() {
    let html = leptos::ssr::render_to_string_async(|| {
        // A resource outside the island comes first in the page's data.
        let outside = Resource::new(|| (), |_| async { 40 + 2 });
        view! {
            <Suspense fallback=|| "...">
                <span>{move || Suspend::new(async move { outside.await })}</span>
            </Suspense>
            <Greeting who="Ada".to_string()/>
        }
    })
    .await;
    let server_calls = GREETING_CALLS.with(Cell::get);
    assert_eq!(server_calls, 1);
    let root = container();
    root.set_inner_html(&html);
    let island = islands(&root).remove(0);
    let paragraph = query(&island, ".greeting");
    let mutations = Mutations::observe(&root);

    _island_Greeting(island.clone());
    sleep(10).await;
    assert_eq!(mutations.counts(), (0, 0, 0), "nothing was rendered again");
    assert_eq!(take_hydration_mismatches(), Vec::<String>::new());
    assert_eq!(
        GREETING_CALLS.with(Cell::get),
        server_calls,
        "the value came with the page"
    );
    assert!(query(&island, ".greeting").is_same_node(Some(&paragraph)));
    assert_eq!(paragraph.text_content().unwrap(), "Hi, Ada");
}
