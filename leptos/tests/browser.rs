//! The renderer in a real browser: client rendering, hydration of server HTML, events,
//! keyed lists. Built for wasm32 and run in headless Chromium by `scripts/test.sh`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::view::take_hydration_mismatches;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh container in the page.
fn container() -> web_sys::HtmlElement {
    let div: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

fn query(root: &web_sys::HtmlElement, css: &str) -> web_sys::HtmlElement {
    root.query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {css}"))
        .unchecked_into()
}

/// Records every DOM mutation under `root` (childList and characterData).
struct Mutations {
    records: std::rc::Rc<std::cell::RefCell<Vec<web_sys::MutationRecord>>>,
    observer: web_sys::MutationObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

impl Mutations {
    fn observe(root: &web_sys::Node) -> Self {
        let records = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let sink = records.clone();
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
            move |batch: js_sys::Array| {
                for record in batch.iter() {
                    sink.borrow_mut().push(record.unchecked_into());
                }
            },
        );
        let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).unwrap();
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        options.set_character_data(true);
        observer.observe_with_options(root, &options).unwrap();
        Mutations {
            records,
            observer,
            _callback: callback,
        }
    }

    /// (nodes added, nodes removed, text changes) so far.
    fn counts(&self) -> (u32, u32, u32) {
        for record in self.observer.take_records().iter() {
            self.records.borrow_mut().push(record.unchecked_into());
        }
        let mut counts = (0, 0, 0);
        for record in self.records.borrow().iter() {
            counts.0 += record.added_nodes().length();
            counts.1 += record.removed_nodes().length();
            if record.type_() == "characterData" {
                counts.2 += 1;
            }
        }
        counts
    }

    fn clear(&self) {
        self.counts();
        self.records.borrow_mut().clear();
    }
}

#[component]
fn Counter(initial: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (count, set_count) = signal(initial);
    view! {
        <div class="counter">
            <span class="label">{label}</span>
            <button on:click=move |_| set_count.update(|n| *n += 1)>"+1"</button>
            <p class:odd=move || count.get() % 2 == 1>"Count: " {move || count.get()}</p>
        </div>
    }
}

#[wasm_bindgen_test]
fn client_rendering_builds_the_view_and_a_click_touches_one_text_node() {
    let root = container();
    let _app = leptos::mount::mount_to(
        root.clone(),
        || view! { <Counter initial=1 label="clicks"/> },
    );
    assert_eq!(query(&root, ".label").text_content().unwrap(), "clicks");
    let p = query(&root, "p");
    assert_eq!(p.text_content().unwrap(), "Count: 1");
    assert_eq!(p.class_name(), "odd");

    let mutations = Mutations::observe(&root);
    query(&root, "button").click();
    assert_eq!(p.text_content().unwrap(), "Count: 2");
    assert_eq!(p.class_name(), "");
    let (added, removed, texts) = mutations.counts();
    assert_eq!(
        (added, removed, texts),
        (0, 0, 1),
        "one text node changed, nothing re-created"
    );
}

/// What a dynamic part in the test below shows for each state.
fn shown(state: u8) -> View {
    match state {
        0 => View::text("text"),
        1 => 42i32.into_view(),
        2 => view! { <b>"bold"</b> }.into_view(),
        4 => View::text(""),
        _ => View::text(String::from("text")),
    }
}

#[wasm_bindgen_test]
fn a_dynamic_part_updates_text_in_place_and_rebuilds_other_views() {
    let root = container();
    let (state, set_state) = signal(0u8);
    let _app = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <p id="among">"a"{move || shown(state.get())}"z"</p>
            <p id="alone">{move || shown(state.get())}</p>
        }
    });
    let (among, alone) = (query(&root, "#among"), query(&root, "#alone"));
    let texts = || (among.text_content().unwrap(), alone.text_content().unwrap());
    assert_eq!(texts(), ("atextz".into(), "text".into()));

    let mutations = Mutations::observe(&root);
    set_state.set(3);
    assert_eq!(
        mutations.counts(),
        (0, 0, 0),
        "the same text touches nothing"
    );
    set_state.set(1);
    assert_eq!(texts(), ("a42z".into(), "42".into()));
    assert_eq!(
        mutations.counts(),
        (0, 0, 2),
        "a number replaces text in place"
    );

    mutations.clear();
    set_state.set(2);
    assert_eq!(texts(), ("aboldz".into(), "bold".into()));
    assert_eq!(
        mutations.counts(),
        (2, 2, 0),
        "an element replaces each text node"
    );
    set_state.set(0);
    assert_eq!(texts(), ("atextz".into(), "text".into()));
    assert!(root.query_selector("b").unwrap().is_none());

    mutations.clear();
    set_state.set(1);
    set_state.set(0);
    assert_eq!(texts(), ("atextz".into(), "text".into()));
    assert_eq!(
        mutations.counts(),
        (0, 0, 4),
        "text after an element updates in place again"
    );
}

#[wasm_bindgen_test]
fn text_alone_in_an_element_is_its_only_node_through_every_change() {
    let root = container();
    let (state, set_state) = signal(0u8);
    let _app = leptos::mount::mount_to(root.clone(), move || {
        view! { <p id="alone">{move || shown(state.get())}</p> }
    });
    let alone = query(&root, "#alone");
    let only_text = |expected: &str| {
        assert_eq!(alone.child_nodes().length(), 1, "one node in <p>");
        let node = alone.first_child().unwrap();
        assert_eq!(node.node_type(), web_sys::Node::TEXT_NODE);
        assert_eq!(node.node_value().unwrap(), expected);
    };
    only_text("text");
    let first = alone.first_child().unwrap();

    let mutations = Mutations::observe(&root);
    set_state.set(4);
    only_text("");
    set_state.set(1);
    only_text("42");
    assert!(
        first.is_same_node(alone.first_child().as_ref()),
        "updated in place"
    );
    assert_eq!(mutations.counts(), (0, 0, 2));

    // Text made again after an element, then replaced by one before any update.
    set_state.set(2);
    set_state.set(0);
    only_text("text");
    mutations.clear();
    set_state.set(2);
    assert_eq!(alone.inner_html(), "<b>bold</b>");
    assert_eq!(
        mutations.counts(),
        (1, 1, 0),
        "the text out, the element in"
    );

    // Empty text from the start still has its node, which later text fills.
    set_state.set(4);
    set_state.set(4);
    only_text("");
    set_state.set(3);
    only_text("text");
}

#[wasm_bindgen_test]
fn a_template_with_static_nodes_after_its_last_hole_builds_them_all() {
    let root = container();
    let (label, set_label) = signal("a");
    let _app = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <table><tbody>
                <tr>
                    <td class="id">{7}</td>
                    <td><a class="lbl">{move || label.get()}</a></td>
                    <td><span class="static">"x"</span></td>
                    <td></td>
                </tr>
            </tbody></table>
            <p>"after"</p>
        }
    });
    assert_eq!(
        query(&root, "tbody").inner_html(),
        "<tr><td class=\"id\">7</td><td><a class=\"lbl\">a</a></td>\
         <td><span class=\"static\">x</span></td><td></td></tr>"
    );
    set_label.set("b");
    assert_eq!(query(&root, "a").text_content().unwrap(), "b");
    assert_eq!(query(&root, "p").text_content().unwrap(), "after");
}

#[wasm_bindgen_test]
fn hydration_takes_over_server_html_without_recreating_nodes() {
    let html = leptos::ssr::render_to_string(|| view! { <Counter initial=5 label="<b>"/> });
    assert!(html.contains("&lt;b&gt;"), "server text is escaped: {html}");
    let root = container();
    root.set_inner_html(&html);
    let button_before = query(&root, "button");
    let mutations = Mutations::observe(&root);

    let _app =
        leptos::mount::hydrate_to(root.clone(), || view! { <Counter initial=5 label="<b>"/> });
    assert_eq!(
        mutations.counts(),
        (0, 0, 0),
        "hydration created or removed nothing"
    );
    assert!(take_hydration_mismatches().is_empty());
    let button_after = query(&root, "button");
    assert!(button_before.is_same_node(Some(&button_after)));

    button_after.click();
    assert_eq!(query(&root, "p").text_content().unwrap(), "Count: 6");
    assert_eq!(mutations.counts(), (0, 0, 1));
}

#[wasm_bindgen_test]
fn a_hydration_mismatch_is_reported_with_the_component_and_repaired() {
    // The server rendered a different element than the client expects.
    let root = container();
    root.set_inner_html("<section class=\"counter\">stale</section>");
    let _app = leptos::mount::hydrate_to(root.clone(), || view! { <Counter initial=3/> });
    let mismatches = take_hydration_mismatches();
    assert_eq!(mismatches.len(), 1, "{mismatches:?}");
    assert!(mismatches[0].contains("<Counter/>"), "{}", mismatches[0]);
    assert!(
        mismatches[0].contains("expected <div>, found <section>"),
        "{}",
        mismatches[0]
    );
    // The page is usable: the client's view replaced the stale one and reacts.
    assert!(root.query_selector("section").unwrap().is_none());
    query(&root, "button").click();
    assert_eq!(query(&root, "p").text_content().unwrap(), "Count: 4");
}

#[wasm_bindgen_test]
fn show_switches_branches_and_disposes_the_old_one() {
    let root = container();
    let (on, set_on) = signal(false);
    let _app = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <Show when=move || on.get() fallback=|| view! { <i>"off"</i> }>
                <b>"on"</b>
            </Show>
        }
    });
    assert_eq!(root.text_content().unwrap(), "off");
    set_on.set(true);
    assert_eq!(root.text_content().unwrap(), "on");
    assert!(root.query_selector("i").unwrap().is_none());
}

#[derive(Clone, Debug)]
struct Row {
    id: u32,
    label: RwSignal<String>,
}

/// A row labelled `row {id}`.
fn row(id: u32) -> Row {
    Row {
        id,
        label: RwSignal::new(format!("row {id}")),
    }
}

fn rows(n: u32) -> Vec<Row> {
    (0..n).map(row).collect()
}

#[wasm_bindgen_test]
fn keyed_for_moves_as_little_as_it_can() {
    let root = container();
    let data = RwSignal::new(rows(1000));
    let _app = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <ul>
                <For each=move || data.get() key=|row| row.id let:row>
                    <li>{move || row.label.get()}</li>
                </For>
            </ul>
        }
    });
    let items = || root.query_selector_all("li").unwrap();
    assert_eq!(items().length(), 1000);
    let second = items().item(1).unwrap();

    // Swap rows 1 and 998: two moves (each a removal and an insertion of one <li>).
    let mutations = Mutations::observe(&root);
    data.update(|rows| rows.swap(1, 998));
    let (added, removed, _) = mutations.counts();
    assert_eq!((added, removed), (2, 2), "two rows moved");
    assert!(
        items().item(998).unwrap().is_same_node(Some(&second)),
        "the row itself moved"
    );
    assert_eq!(items().item(1).unwrap().text_content().unwrap(), "row 998");

    // Remove one row: one removal, nothing else.
    mutations.clear();
    data.update(|rows| {
        rows.remove(500);
    });
    assert_eq!(mutations.counts(), (0, 1, 0));
    assert_eq!(items().length(), 999);

    // Update a row's label through its own signal: one text node changes.
    mutations.clear();
    data.with_untracked(|rows| rows[0].label.set("first".into()));
    assert_eq!(mutations.counts(), (0, 0, 1));
    assert_eq!(items().item(0).unwrap().text_content().unwrap(), "first");

    // Append and clear.
    data.update(|rows| {
        rows.push(Row {
            id: 5000,
            label: RwSignal::new("new".into()),
        })
    });
    assert_eq!(items().length(), 1000);
    data.set(Vec::new());
    assert_eq!(items().length(), 0);
}

#[wasm_bindgen_test]
fn keyed_for_replaces_or_clears_every_row_and_nothing_else() {
    let root = container();
    let data = RwSignal::new(rows(100));
    let _app = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <ul>
                <li id="before">"before"</li>
                <For each=move || data.get() key=|row| row.id let:row>
                    <li class="row">{move || row.label.get()}</li>
                </For>
                <li id="after">"after"</li>
            </ul>
        }
    });
    let rows_now = || root.query_selector_all("li.row").unwrap();
    let before = query(&root, "#before");
    let old_label = data.with_untracked(|rows| rows[0].label);

    // No key stays: the old rows go, the new ones come, the siblings stay.
    data.set((1000..1050).map(row).collect());
    assert_eq!(rows_now().length(), 50);
    assert_eq!(
        rows_now().item(0).unwrap().text_content().unwrap(),
        "row 1000"
    );
    assert!(query(&root, "#before").is_same_node(Some(&before)));
    assert_eq!(
        root.text_content().unwrap(),
        format!(
            "before{}after",
            (1000..1050)
                .map(|id| format!("row {id}"))
                .collect::<String>()
        )
    );
    // The old rows' bindings are gone: writing an old label changes nothing.
    old_label.set("stale".into());
    assert!(!root.text_content().unwrap().contains("stale"));

    // Clear, then fill again: the list still knows where it is.
    data.set(Vec::new());
    assert_eq!(rows_now().length(), 0);
    assert_eq!(root.text_content().unwrap(), "beforeafter");
    data.set(rows(2));
    assert_eq!(root.text_content().unwrap(), "beforerow 0row 1after");
}

impl Mutations {
    /// The text of every node added so far, in the order the browser inserted them.
    fn added_texts(&self) -> Vec<String> {
        self.counts();
        let mut texts = Vec::new();
        for record in self.records.borrow().iter() {
            let added = record.added_nodes();
            for i in 0..added.length() {
                texts.push(added.item(i).unwrap().text_content().unwrap_or_default());
            }
        }
        texts
    }
}

#[wasm_bindgen_test]
fn keyed_for_mixes_new_kept_and_moved_rows_and_inserts_new_rows_in_order() {
    let root = container();
    let data = RwSignal::new(rows(10));
    let _app = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <ul>
                <For each=move || data.get() key=|row| row.id let:row>
                    <li>{move || row.label.get()}</li>
                </For>
                <li>"end"</li>
            </ul>
        }
    });
    let texts = || {
        let items = root.query_selector_all("li").unwrap();
        (0..items.length())
            .map(|i| items.item(i).unwrap().text_content().unwrap())
            .collect::<Vec<_>>()
    };
    let row_3 = root.query_selector_all("li").unwrap().item(3).unwrap();

    // New rows between, before and after kept rows, some of which move.
    let mutations = Mutations::observe(&root);
    data.update(|rows| {
        let old: Vec<Row> = std::mem::take(rows);
        *rows = vec![
            row(12),
            old[3].clone(),
            row(11),
            row(14),
            old[0].clone(),
            old[1].clone(),
            row(13),
            old[9].clone(),
            old[2].clone(),
            row(15),
        ];
    });
    assert_eq!(
        texts(),
        [
            "row 12", "row 3", "row 11", "row 14", "row 0", "row 1", "row 13", "row 9", "row 2",
            "row 15", "end"
        ]
    );
    assert!(
        root.query_selector_all("li")
            .unwrap()
            .item(1)
            .unwrap()
            .is_same_node(Some(&row_3)),
        "a kept row is the same element"
    );
    // Each run of new rows went in front to back (the moved rows come first).
    let added: Vec<String> = mutations
        .added_texts()
        .into_iter()
        .filter(|text| ["row 11", "row 12", "row 13", "row 14", "row 15"].contains(&text.as_str()))
        .collect();
    assert_eq!(added, ["row 12", "row 11", "row 14", "row 13", "row 15"]);

    // Appending: the new rows go in in document order.
    mutations.clear();
    data.update(|rows| rows.extend((20..23).map(row)));
    assert_eq!(mutations.added_texts(), ["row 20", "row 21", "row 22"]);
    assert_eq!(texts().len(), 14);
}

#[wasm_bindgen_test]
fn keyed_for_hydrates_server_rows() {
    let make = || {
        let data = RwSignal::new(rows(3));
        let view = view! {
            <ul>
                <For each=move || data.get() key=|row| row.id let:row>
                    <li>{move || row.label.get()}</li>
                </For>
            </ul>
        };
        (data, view)
    };
    let html = leptos::ssr::render_to_string(move || make().1);
    let root = container();
    root.set_inner_html(&html);
    let first = query(&root, "li");
    let mutations = Mutations::observe(&root);
    let data = RwSignal::new(None);
    let _app = leptos::mount::hydrate_to(root.clone(), move || {
        let (rows, view) = make();
        data.set(Some(rows));
        view
    });
    assert_eq!(mutations.counts(), (0, 0, 0));
    assert!(take_hydration_mismatches().is_empty());
    assert!(query(&root, "li").is_same_node(Some(&first)));
    let rows = data.get_untracked().unwrap();
    rows.update(|r| r.reverse());
    assert_eq!(root.text_content().unwrap(), "row 2row 1row 0");
    // Alone in its <ul>, the list has no markers; clearing empties the element, and the
    // list fills it again.
    let ul = query(&root, "ul");
    assert_eq!(ul.child_nodes().length(), 3, "{}", ul.inner_html());
    rows.set(Vec::new());
    assert_eq!(ul.child_nodes().length(), 0);
    rows.set(self::rows(2));
    assert_eq!(ul.text_content().unwrap(), "row 0row 1");
    assert_eq!(ul.child_nodes().length(), 2);
}

#[wasm_bindgen_test]
fn attributes_properties_and_node_refs() {
    let root = container();
    let (title, set_title) = signal(Some("first".to_string()));
    let input = NodeRef::<leptos::html::Input>::new();
    let _app = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <input node_ref=input title=move || title.get() prop:value="typed" style:color="red" disabled/>
            <svg viewBox="0 0 10 10"><circle r="5"/></svg>
        }
    });
    let element = input.get_untracked().expect("the node ref is loaded");
    assert_eq!(element.value(), "typed");
    assert_eq!(element.get_attribute("title").as_deref(), Some("first"));
    assert!(element.has_attribute("disabled"));
    assert_eq!(element.style().get_property_value("color").unwrap(), "red");
    set_title.set(None);
    assert!(!element.has_attribute("title"));
    let circle = root.query_selector("circle").unwrap().unwrap();
    assert_eq!(
        circle.namespace_uri().as_deref(),
        Some("http://www.w3.org/2000/svg")
    );
}

#[wasm_bindgen_test]
fn a_property_takes_a_signal_as_it_is_and_follows_it() {
    let root = container();
    let name = RwSignal::new(String::from("Ada"));
    let input = NodeRef::<leptos::html::Input>::new();
    let _app = leptos::mount::mount_to(root, move || {
        view! { <input node_ref=input prop:value=name/> }
    });
    let element = input.get_untracked().expect("the node ref is loaded");
    assert_eq!(element.value(), "Ada");
    name.set(String::from("Grace"));
    assert_eq!(element.value(), "Grace");
}

#[wasm_bindgen_test]
fn a_reactive_style_property_follows_its_signal_and_is_removed_when_absent() {
    let root = container();
    let color = RwSignal::new(Some("red"));
    let width = RwSignal::new(1);
    let _app = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <p style="margin: 0" style:color=move || color.get() style:width=move || format!("{}px", width.get())>"styled"</p>
        }
    });
    let p: web_sys::HtmlElement = query(&root, "p").unchecked_into();
    let style = p.style();
    assert_eq!(style.get_property_value("color").unwrap(), "red");
    assert_eq!(style.get_property_value("width").unwrap(), "1px");
    color.set(Some("blue"));
    width.set(2);
    assert_eq!(style.get_property_value("color").unwrap(), "blue");
    assert_eq!(style.get_property_value("width").unwrap(), "2px");
    color.set(None);
    assert_eq!(style.get_property_value("color").unwrap(), "");
    assert_eq!(
        style.get_property_value("margin").unwrap(),
        "0px",
        "the fixed part stays"
    );
    assert_eq!(style.get_property_value("width").unwrap(), "2px");
}

/// Dispatches a bubbling `name` event at `target`, as the browser does after user input.
fn fire(target: &web_sys::EventTarget, name: &str) {
    let event = web_sys::Event::new_with_event_init_dict(name, &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    target.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
fn bound_inputs_follow_their_signals_and_write_user_input_back_and_targets_are_typed() {
    let root = container();
    let name = RwSignal::new(String::from("Ada"));
    let (done, set_done) = signal(false);
    let typed = RwSignal::new(String::new());
    let _app = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <input id="name" bind:value=name/>
            <input id="done" type="checkbox" bind:checked=(done, set_done)/>
            <input id="typed" on:input:target=move |ev| typed.set(ev.target().value())/>
        }
    });
    let field: web_sys::HtmlInputElement = query(&root, "#name").unchecked_into();
    let checkbox: web_sys::HtmlInputElement = query(&root, "#done").unchecked_into();
    assert_eq!(field.value(), "Ada");
    assert!(!checkbox.checked());

    field.set_value("Grace");
    fire(&field, "input");
    assert_eq!(name.get_untracked(), "Grace");
    checkbox.set_checked(true);
    fire(&checkbox, "change");
    assert!(done.get_untracked());

    let other: web_sys::HtmlInputElement = query(&root, "#typed").unchecked_into();
    other.set_value("typed value");
    fire(&other, "input");
    assert_eq!(typed.get_untracked(), "typed value");

    name.set(String::from("Hopper"));
    set_done.set(false);
    assert_eq!(field.value(), "Hopper");
    assert!(!checkbox.checked());
}

#[wasm_bindgen_test]
fn delegated_events_bubble_inner_first_and_stop_propagation_stops_them() {
    let root = container();
    let log = RwSignal::new(Vec::<&'static str>::new());
    let _app = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <div id="outer" on:click=move |_| log.update(|l| l.push("outer"))>
                <button id="inner" on:click=move |_| log.update(|l| l.push("inner"))>"a"</button>
                <button id="stopper" on:click=move |ev| {
                    ev.stop_propagation();
                    log.update(|l| l.push("stopper"));
                }>"b"</button>
                <input id="field" on:input=move |ev| {
                    let value = leptos::ev::event_target_value(&ev);
                    log.update(|l| l.push(if value == "x" { "input x" } else { "input ?" }));
                }/>
            </div>
        }
    });
    query(&root, "#inner").click();
    assert_eq!(log.get_untracked(), ["inner", "outer"]);
    log.set(Vec::new());
    query(&root, "#stopper").click();
    assert_eq!(log.get_untracked(), ["stopper"]);
    log.set(Vec::new());
    let field: web_sys::HtmlInputElement = query(&root, "#field").unchecked_into();
    field.set_value("x");
    fire(&field, "input");
    // `input` bubbles too, but only the field handles it.
    assert_eq!(log.get_untracked(), ["input x"]);
}

// ---- async data: resources, Suspense, Transition, Suspend --------------------------------

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &js_sys::Function, ms: i32) -> wasm_bindgen::JsValue;
}

/// Resolves after `ms` milliseconds (a macrotask: spawned futures run before it ends).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        set_timeout(&resolve, ms);
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Fetches that complete when the test opens their gate.
#[derive(Clone, Default)]
struct Gates(Rc<RefCell<HashMap<u32, (Option<String>, Option<std::task::Waker>)>>>);

impl Gates {
    fn wait(&self, key: u32) -> impl std::future::Future<Output = String> {
        let gates = self.clone();
        std::future::poll_fn(move |cx| {
            let mut gates = gates.0.borrow_mut();
            let (value, waker) = gates.entry(key).or_default();
            match value.take() {
                Some(value) => std::task::Poll::Ready(value),
                None => {
                    *waker = Some(cx.waker().clone());
                    std::task::Poll::Pending
                }
            }
        })
    }

    async fn open(&self, key: u32, value: &str) {
        let waker = {
            let mut gates = self.0.borrow_mut();
            let (slot, waker) = gates.entry(key).or_default();
            *slot = Some(value.to_string());
            waker.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
        sleep(0).await;
    }
}

fn exists(root: &web_sys::HtmlElement, css: &str) -> bool {
    root.query_selector(css).unwrap().is_some()
}

#[wasm_bindgen_test]
async fn suspense_shows_the_fallback_then_the_content() {
    let root = container();
    let gates = Gates::default();
    let g = gates.clone();
    let _app = leptos::mount::mount_to(root.clone(), move || {
        let g = g.clone();
        let name = Resource::new(|| 1, move |key| g.wait(key));
        view! {
            <Suspense fallback=|| view! { <p class="fallback">"Loading..."</p> }>
                <p class="content">{move || Suspend::new(async move { name.await })}</p>
                // A Suspend that waits for something other than a resource counts too.
                <p class="timer">{move || Suspend::new(async { sleep(30).await; "timer done" })}</p>
            </Suspense>
        }
    });
    assert!(exists(&root, ".fallback"));
    assert!(
        !exists(&root, ".content"),
        "the children are built off-document"
    );

    gates.open(1, "Ada").await;
    assert!(exists(&root, ".fallback"), "the timer is still pending");
    sleep(60).await;
    assert!(!exists(&root, ".fallback"));
    assert_eq!(query(&root, ".content").text_content().unwrap(), "Ada");
    assert_eq!(query(&root, ".timer").text_content().unwrap(), "timer done");
}

#[wasm_bindgen_test]
async fn suspense_shows_the_fallback_again_while_reloading_and_keeps_its_children() {
    let root = container();
    let gates = Gates::default();
    let g = gates.clone();
    let page = RwSignal::new(1u32);
    let _app = leptos::mount::mount_to(root.clone(), move || {
        let g = g.clone();
        let title = Resource::new(move || page.get(), move |p| g.wait(p));
        view! {
            <Suspense fallback=|| view! { <p class="fallback">"Loading..."</p> }>
                <p class="content">{move || title.get()}</p>
            </Suspense>
        }
    });
    gates.open(1, "first").await;
    let content = query(&root, ".content");
    assert_eq!(content.text_content().unwrap(), "first");

    page.set(2);
    assert!(
        exists(&root, ".fallback"),
        "a plain Suspense falls back on reload"
    );
    assert!(!exists(&root, ".content"));
    gates.open(2, "second").await;
    assert!(!exists(&root, ".fallback"));
    let again = query(&root, ".content");
    assert!(
        again.is_same_node(Some(&content)),
        "the children were moved back, not rebuilt"
    );
    assert_eq!(again.text_content().unwrap(), "second");
}

#[wasm_bindgen_test]
async fn transition_keeps_the_old_content_while_reloading_and_then_updates_only_the_text() {
    let root = container();
    let gates = Gates::default();
    let g = gates.clone();
    let page = RwSignal::new(1u32);
    let pending = RwSignal::new(false);
    let _app = leptos::mount::mount_to(root.clone(), move || {
        let g = g.clone();
        let title = Resource::new(move || page.get(), move |p| g.wait(p));
        view! {
            <Transition fallback=|| view! { <p class="fallback">"Loading..."</p> } set_pending=pending>
                <p class="content">{move || title.get()}</p>
            </Transition>
        }
    });
    assert!(
        exists(&root, ".fallback"),
        "the first load shows the fallback"
    );
    assert!(pending.get_untracked());
    gates.open(1, "first").await;
    assert!(!pending.get_untracked());
    let content = query(&root, ".content");
    assert_eq!(content.text_content().unwrap(), "first");

    let mutations = Mutations::observe(&root);
    page.set(2);
    assert!(
        pending.get_untracked(),
        "set_pending tells that a reload runs"
    );
    assert!(!exists(&root, ".fallback"), "no fallback flash");
    assert_eq!(
        content.text_content().unwrap(),
        "first",
        "the old content stays"
    );
    assert_eq!(mutations.counts(), (0, 0, 0));

    gates.open(2, "second").await;
    assert!(!pending.get_untracked());
    assert_eq!(content.text_content().unwrap(), "second");
    assert_eq!(
        mutations.counts(),
        (0, 0, 1),
        "the reload changed one text node and nothing else"
    );
}

#[wasm_bindgen_test]
async fn transition_with_suspend_swaps_only_its_own_content() {
    let root = container();
    let gates = Gates::default();
    let g = gates.clone();
    let page = RwSignal::new(1u32);
    let _app = leptos::mount::mount_to(root.clone(), move || {
        let g = g.clone();
        let items = Resource::new(move || page.get(), move |p| g.wait(p));
        view! {
            <Transition fallback=|| view! { <p class="fallback">"Loading..."</p> }>
                <div class="frame">
                    <h3>"Items"</h3>
                    {move || Suspend::new(async move {
                        let items = items.await;
                        view! { <b>{items}</b> }
                    })}
                </div>
            </Transition>
        }
    });
    gates.open(1, "one").await;
    let frame = query(&root, ".frame");
    let heading = query(&root, "h3");
    page.set(2);
    assert_eq!(query(&root, "b").text_content().unwrap(), "one");
    gates.open(2, "two").await;
    assert_eq!(query(&root, "b").text_content().unwrap(), "two");
    assert!(query(&root, ".frame").is_same_node(Some(&frame)));
    assert!(query(&root, "h3").is_same_node(Some(&heading)));
    assert!(!exists(&root, ".fallback"));
}

/// The app of the hydration tests: a list loaded by a resource, with a page signal the test
/// can change afterwards.
fn todo_app(calls: Rc<Cell<u32>>, page_out: Rc<RefCell<Option<RwSignal<u32>>>>) -> View {
    let page = RwSignal::new(1u32);
    *page_out.borrow_mut() = Some(page);
    let todos = Resource::new(
        move || page.get(),
        move |page| {
            calls.set(calls.get() + 1);
            async move {
                sleep(5).await;
                (0..3)
                    .map(|i| format!("todo {page}.{i}"))
                    .collect::<Vec<_>>()
            }
        },
    );
    view! {
        <section>
            <h2>"Todos"</h2>
            <Suspense fallback=|| view! { <p class="fallback">"Loading..."</p> }>
                <ul>
                    {move || Suspend::new(async move {
                        todos.await.into_iter().map(|t| view! { <li>{t}</li> }).collect::<Vec<_>>()
                    })}
                </ul>
            </Suspense>
        </section>
    }
    .into_view()
}

#[wasm_bindgen_test]
async fn hydrating_async_content_creates_no_node_and_calls_no_fetcher() {
    let server_calls = Rc::new(Cell::new(0));
    let (c, unused) = (server_calls.clone(), Rc::new(RefCell::new(None)));
    let html =
        leptos::ssr::render_to_string_async(move || todo_app(c.clone(), unused.clone())).await;
    assert_eq!(server_calls.get(), 1);
    assert!(html.contains("todo 1.2"), "{html}");
    assert!(!html.contains("Loading..."), "{html}");
    assert!(
        html.contains(r#"<script type="application/json" id="__RESOURCES">"#),
        "{html}"
    );

    let root = container();
    root.set_inner_html(&html);
    let first_item = query(&root, "li");
    let mutations = Mutations::observe(&root);
    let client_calls = Rc::new(Cell::new(0));
    let page = Rc::new(RefCell::new(None));
    let (c, p) = (client_calls.clone(), page.clone());
    let _app = leptos::mount::hydrate_to(root.clone(), move || todo_app(c, p));
    assert_eq!(
        mutations.counts(),
        (0, 0, 0),
        "hydration created or removed nothing"
    );
    assert_eq!(take_hydration_mismatches(), Vec::<String>::new());
    assert_eq!(client_calls.get(), 0, "the value came with the page");
    assert!(query(&root, "li").is_same_node(Some(&first_item)));
    assert_eq!(root.query_selector_all("li").unwrap().length(), 3);

    // The hydrated resource is live: a new source loads, with the fallback meanwhile.
    let page = page.borrow().expect("the app ran");
    page.set(2);
    assert_eq!(client_calls.get(), 1);
    assert!(exists(&root, ".fallback"));
    sleep(40).await;
    assert!(!exists(&root, ".fallback"));
    assert_eq!(query(&root, "li").text_content().unwrap(), "todo 2.0");
}

#[wasm_bindgen_test]
async fn hydrating_a_server_fallback_keeps_it_until_the_data_arrives() {
    // The synchronous renderer waits for nothing: it sends the fallback.
    let unused = (Rc::new(Cell::new(0)), Rc::new(RefCell::new(None)));
    let html = leptos::ssr::render_to_string(move || todo_app(unused.0.clone(), unused.1.clone()));
    assert!(html.contains("<!--fallback-->"), "{html}");

    let root = container();
    root.set_inner_html(&html);
    let fallback = query(&root, ".fallback");
    let calls = Rc::new(Cell::new(0));
    let c = calls.clone();
    let _app = leptos::mount::hydrate_to(root.clone(), move || todo_app(c, Rc::default()));
    assert_eq!(take_hydration_mismatches(), Vec::<String>::new());
    assert!(
        query(&root, ".fallback").is_same_node(Some(&fallback)),
        "the server's fallback was hydrated, not rebuilt"
    );
    assert_eq!(
        calls.get(),
        1,
        "no data came with the page: the client fetches"
    );
    sleep(40).await;
    assert!(!exists(&root, ".fallback"));
    assert_eq!(root.query_selector_all("li").unwrap().length(), 3);
}

#[wasm_bindgen_test]
async fn local_resource_loads_with_a_browser_future_and_follows_its_reads() {
    let root = container();
    let user = RwSignal::new(1u32);
    let _app = leptos::mount::mount_to(root.clone(), move || {
        // `sleep` is a JavaScript promise: not `Send`, fine for a local resource.
        let avatar = LocalResource::new(move || {
            let user = user.get();
            async move {
                sleep(5).await;
                format!("avatar of {user}")
            }
        });
        view! {
            <Suspense fallback=|| view! { <p class="fallback">"Loading..."</p> }>
                <p class="content">{move || avatar.get()}</p>
            </Suspense>
        }
    });
    assert!(exists(&root, ".fallback"));
    sleep(30).await;
    assert_eq!(
        query(&root, ".content").text_content().unwrap(),
        "avatar of 1"
    );
    user.set(2);
    sleep(30).await;
    assert_eq!(
        query(&root, ".content").text_content().unwrap(),
        "avatar of 2"
    );
}

/// A view whose `Suspend` is ready at once on the server but waits for a timer in the
/// browser.
fn greeting(in_browser: bool) -> View {
    view! {
        <div class="greeting">
            {move || Suspend::new(async move {
                if in_browser {
                    sleep(20).await;
                }
                view! { <span>"hello"</span> }
            })}
        </div>
    }
    .into_view()
}

#[wasm_bindgen_test]
async fn a_suspend_not_ready_while_hydrating_leaves_the_server_content_until_it_is() {
    let html = leptos::ssr::render_to_string(|| greeting(false));
    let root = container();
    root.set_inner_html(&html);
    let mutations = Mutations::observe(&root);
    let _app = leptos::mount::hydrate_to(root.clone(), || greeting(true));
    assert_eq!(
        mutations.counts(),
        (0, 0, 0),
        "the server's content stays for now"
    );
    assert_eq!(take_hydration_mismatches(), Vec::<String>::new());
    assert_eq!(query(&root, ".greeting").text_content().unwrap(), "hello");
    sleep(50).await;
    let (added, removed, _) = mutations.counts();
    assert_eq!(
        (added, removed),
        (1, 1),
        "the content was replaced once it was ready"
    );
    assert_eq!(query(&root, ".greeting").text_content().unwrap(), "hello");
    assert_eq!(root.query_selector_all("span").unwrap().length(), 1);
}

/// A view whose holes are each alone in their element: a number, a signal, a closure that
/// switches between text, nothing and an element, and an empty text.
fn lone_holes(on: RwSignal<u8>, label: RwSignal<String>) -> View {
    view! {
        <div>
            <b>{7}</b>
            <i>{label}</i>
            <span>
                {move || match on.get() {
                    0 => "text".into_view(),
                    1 => View::empty(),
                    _ => view! { <em>"element"</em> }.into_any(),
                }}
            </span>
            <u>{String::new()}</u>
        </div>
    }
}

#[wasm_bindgen_test]
fn a_hole_alone_in_its_element_is_its_content_with_no_markers() {
    let on = RwSignal::new(0u8);
    let label = RwSignal::new("a < b".to_string());
    let html = leptos::ssr::render_to_string(move || lone_holes(on, label));
    assert_eq!(
        html, "<div><b>7</b><i>a &lt; b</i><span>text</span><u></u></div>",
        "no markers around a lone hole"
    );

    // Built in the browser: one text node per text hole.
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), move || lone_holes(on, label));
    fn comments(node: &web_sys::Node) -> u32 {
        let own = (node.node_type() == web_sys::Node::COMMENT_NODE) as u32;
        let children = node.child_nodes();
        own + (0..children.length())
            .map(|i| comments(&children.item(i).unwrap()))
            .sum::<u32>()
    }
    assert_eq!(comments(&root), 0, "{}", root.inner_html());
    assert_eq!(query(&root, "i").child_nodes().length(), 1);
    assert_eq!(query(&root, "b").text_content().unwrap(), "7");

    let mutations = Mutations::observe(&root);
    label.set("c".into());
    assert_eq!(query(&root, "i").text_content().unwrap(), "c");
    assert_eq!(
        mutations.counts(),
        (0, 0, 1),
        "the text node changed in place"
    );
    on.set(2);
    assert_eq!(query(&root, "span").inner_html(), "<em>element</em>");
    on.set(1);
    assert_eq!(query(&root, "span").inner_html(), "<!---->");
    on.set(0);
    assert_eq!(query(&root, "span").inner_html(), "text");

    // Hydrated: nothing created or removed (the empty text is the one node the server
    // could not write), then the bindings work.
    let on2 = RwSignal::new(0u8);
    let label2 = RwSignal::new("a < b".to_string());
    let root = container();
    root.set_inner_html(&html);
    let mutations = Mutations::observe(&root);
    let _app = leptos::mount::hydrate_to(root.clone(), move || lone_holes(on2, label2));
    assert_eq!(take_hydration_mismatches(), Vec::<String>::new());
    assert_eq!(
        mutations.counts(),
        (1, 0, 0),
        "only the empty text's node was added"
    );
    mutations.clear();
    label2.set("d".into());
    assert_eq!(query(&root, "i").text_content().unwrap(), "d");
    assert_eq!(mutations.counts(), (0, 0, 1));
    on2.set(2);
    assert_eq!(query(&root, "span").inner_html(), "<em>element</em>");
}

#[wasm_bindgen_test]
fn extra_server_content_in_a_lone_hole_is_reported_and_removed() {
    let root = container();
    root.set_inner_html("<p>one<b>stray</b></p>");
    let label = RwSignal::new("one".to_string());
    let _app = leptos::mount::hydrate_to(root.clone(), move || view! { <p>{label}</p> });
    let mismatches = take_hydration_mismatches();
    assert_eq!(mismatches.len(), 1, "{mismatches:?}");
    assert!(
        mismatches[0].contains("expected the end of the parent element, found <b>"),
        "{}",
        mismatches[0]
    );
    assert_eq!(query(&root, "p").inner_html(), "one");
    label.set("two".into());
    assert_eq!(query(&root, "p").inner_html(), "two");
}

#[wasm_bindgen_test]
fn delegated_handlers_are_freed_with_their_view_and_may_remove_themselves() {
    // A handler that removes its own row (and so frees itself while it runs).
    let items = RwSignal::new(vec![1u32, 2, 3]);
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <ul>
                <For each=move || items.get() key=|n| *n let:n>
                    <li><button id=format!("remove-{n}") on:click=move |_| {
                        items.update(|items| items.retain(|&m| m != n))
                    }>"x"</button></li>
                </For>
            </ul>
        }
    });
    query(&root, "#remove-2").click();
    assert_eq!(items.get_untracked(), vec![1, 3]);
    query(&root, "#remove-3").click();
    query(&root, "#remove-1").click();
    assert_eq!(items.get_untracked(), Vec::<u32>::new());
    items.set(vec![4]);
    query(&root, "#remove-4").click();
    assert_eq!(items.get_untracked(), Vec::<u32>::new());

    // An unmounted view's handler is gone, even if its element comes back into the page and
    // its slot in the table has been reused by another handler.
    let first = Rc::new(Cell::new(0));
    let root = container();
    let count = first.clone();
    let app = leptos::mount::mount_to(root.clone(), move || {
        view! { <button on:click=move |_| count.set(count.get() + 1)>"a"</button> }
    });
    let stale = query(&root, "button");
    stale.click();
    assert_eq!(first.get(), 1);
    app.unmount();
    let second = Rc::new(Cell::new(0));
    let count = second.clone();
    let _other = leptos::mount::mount_to(container(), move || {
        view! { <button on:click=move |_| count.set(count.get() + 1)>"b"</button> }
    });
    root.append_child(&stale).unwrap();
    stale.click();
    assert_eq!(
        (first.get(), second.get()),
        (1, 0),
        "the stale element calls nothing"
    );
}

#[wasm_bindgen_test]
fn class_toggles_that_start_off_leave_a_fresh_element_alone_unless_its_class_has_them() {
    let on = RwSignal::new(false);
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <p id="plain" class="a" class:b=on></p>
            <p id="fixed" class="a b" class:b=on class:c=true class:d=false></p>
        }
    });
    assert_eq!(query(&root, "#plain").class_name(), "a");
    assert_eq!(
        query(&root, "#fixed").class_name(),
        "a c",
        "b turned off, c on"
    );
    on.set(true);
    assert_eq!(query(&root, "#plain").class_name(), "a b");
    assert_eq!(query(&root, "#fixed").class_name(), "a c b");
    on.set(false);
    assert_eq!(query(&root, "#plain").class_name(), "a");
}

#[wasm_bindgen_test]
async fn set_timeout_and_request_animation_frame_run_their_callbacks_once() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let timer = Rc::clone(&log);
    leptos::prelude::set_timeout(
        move || timer.borrow_mut().push("timeout"),
        std::time::Duration::from_millis(5),
    );
    let frame = Rc::clone(&log);
    leptos::prelude::request_animation_frame(move || frame.borrow_mut().push("frame"));
    assert!(
        log.borrow().is_empty(),
        "nothing runs before the browser calls back"
    );
    sleep(100).await;
    let mut seen = log.borrow().clone();
    seen.sort_unstable();
    assert_eq!(seen, ["frame", "timeout"]);
    assert_eq!(
        leptos::prelude::document().body().map(|b| b.tag_name()),
        Some("BODY".into())
    );
    assert!(leptos::prelude::window().inner_width().is_ok());
}

#[wasm_bindgen_test]
async fn timers_with_handles_can_be_cancelled_and_intervals_repeat_until_cleared() {
    use leptos::prelude::{
        queue_microtask, request_animation_frame_with_handle, set_interval_with_handle,
        set_timeout_with_handle,
    };
    use std::time::Duration;
    let log = Rc::new(RefCell::new(Vec::new()));
    let push = |entry: &'static str| {
        let log = Rc::clone(&log);
        move || log.borrow_mut().push(entry)
    };

    let kept = set_timeout_with_handle(push("kept timeout"), Duration::from_millis(5)).unwrap();
    let cancelled =
        set_timeout_with_handle(push("cancelled timeout"), Duration::from_millis(5)).unwrap();
    assert_ne!(kept, cancelled, "each timer has its own handle");
    cancelled.clear();
    request_animation_frame_with_handle(push("cancelled frame"))
        .unwrap()
        .cancel();
    let ticks = Rc::new(RefCell::new(0));
    let counter = Rc::clone(&ticks);
    let interval = set_interval_with_handle(
        move || *counter.borrow_mut() += 1,
        Duration::from_millis(10),
    )
    .unwrap();
    queue_microtask(push("microtask"));
    assert!(
        log.borrow().is_empty(),
        "a microtask waits for the current task"
    );

    // Waits for the interval's second tick (a loaded machine delays timers, so no fixed
    // wait would do); by then the 5 ms timer has fired too.
    for _ in 0..200 {
        if *ticks.borrow() >= 2 && log.borrow().len() >= 2 {
            break;
        }
        sleep(10).await;
    }
    assert!(*ticks.borrow() >= 2, "the interval repeats");
    sleep(20).await;
    assert_eq!(
        *log.borrow(),
        ["microtask", "kept timeout"],
        "the microtask ran first; the cancelled timer and frame never ran"
    );
    interval.clear();
    let at_clear = *ticks.borrow();
    sleep(60).await;
    assert_eq!(*ticks.borrow(), at_clear, "no tick after clear()");
}

#[wasm_bindgen_test]
async fn await_renders_the_output_of_its_future_once_it_is_ready() {
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <Await future=async { sleep(10).await; 41 + 1 } let:answer>
                <b id="answer">{*answer}</b>
            </Await>
        }
    });
    assert!(
        root.query_selector("#answer").unwrap().is_none(),
        "nothing before the future is done"
    );
    sleep(100).await;
    assert_eq!(
        query(&root, "#answer").text_content().as_deref(),
        Some("42")
    );
}

/// A number input whose parse error an `<ErrorBoundary/>` shows.
fn parsed_number(input: RwSignal<String>) -> View {
    view! {
        <ErrorBoundary fallback=|errors| view! {
            <p class="errors">{move || errors.with(|e| e.iter().map(|(_, e)| e.to_string()).collect::<Vec<_>>().join("; "))}</p>
        }>
            <p class="value">"Number: " {move || input.get().parse::<i32>()}</p>
        </ErrorBoundary>
    }
    .into_view()
}

#[wasm_bindgen_test]
fn an_error_boundary_shows_its_fallback_while_a_child_reports_an_error() {
    let root = container();
    let input = RwSignal::new(String::from("12"));
    let _app = leptos::mount::mount_to(root.clone(), move || parsed_number(input));
    assert!(query(&root, ".value")
        .text_content()
        .unwrap()
        .contains("12"));
    assert!(root.query_selector(".errors").unwrap().is_none());

    input.set(String::from("twelve"));
    assert!(
        root.query_selector(".value").unwrap().is_none(),
        "the children are hidden"
    );
    assert_eq!(
        query(&root, ".errors").text_content().unwrap(),
        "invalid digit found in string"
    );

    input.set(String::from("13"));
    assert!(
        root.query_selector(".errors").unwrap().is_none(),
        "the fallback is gone"
    );
    assert!(query(&root, ".value")
        .text_content()
        .unwrap()
        .contains("13"));
}

#[wasm_bindgen_test]
fn an_error_boundary_hydrates_the_fallback_the_server_sent_and_recovers() {
    let input = RwSignal::new(String::from("twelve"));
    let html = leptos::ssr::render_to_string(move || parsed_number(input));
    assert!(html.contains("invalid digit"), "{html}");
    let root = container();
    root.set_inner_html(&html);
    let mutations = Mutations::observe(&root);
    let _app = leptos::mount::hydrate_to(root.clone(), move || parsed_number(input));
    assert_eq!(take_hydration_mismatches(), Vec::<String>::new());
    assert_eq!(
        mutations.counts(),
        (0, 0, 0),
        "the server's fallback is taken over"
    );
    input.set(String::from("7"));
    assert!(root.query_selector(".errors").unwrap().is_none());
    assert!(query(&root, ".value").text_content().unwrap().contains('7'));
}

#[component]
fn Tagged(children: Children) -> impl IntoView {
    view! { <button class="own">{children()}</button> }
}

fn tagged_view(on: RwSignal<bool>, clicks: RwSignal<u32>) -> View {
    view! {
        <Tagged attr:id="tagged" attr:class="extra" class:on=move || on.get() on:click=move |_| clicks.update(|n| *n += 1)>"Go"</Tagged>
    }
    .into_view()
}

#[wasm_bindgen_test]
fn attributes_on_a_component_tag_apply_to_its_element_when_built_and_hydrated() {
    for hydrate in [false, true] {
        let root = container();
        let on = RwSignal::new(false);
        let clicks = RwSignal::new(0);
        let _app = if hydrate {
            root.set_inner_html(&leptos::ssr::render_to_string(move || {
                tagged_view(on, clicks)
            }));
            leptos::mount::hydrate_to(root.clone(), move || tagged_view(on, clicks))
        } else {
            leptos::mount::mount_to(root.clone(), move || tagged_view(on, clicks))
        };
        assert_eq!(take_hydration_mismatches(), Vec::<String>::new());
        let button = query(&root, "#tagged");
        assert_eq!(
            button.get_attribute("class").as_deref(),
            Some("own extra"),
            "hydrate={hydrate}"
        );
        on.set(true);
        assert!(button.class_list().contains("on"));
        assert!(button.class_list().contains("own"));
        button.unchecked_ref::<web_sys::HtmlElement>().click();
        assert_eq!(clicks.get_untracked(), 1, "hydrate={hydrate}");
    }
}

#[component]
fn Chip(
    #[prop(into, optional)] title: MaybeProp<String>,
    #[prop(into, optional)] count: MaybeProp<u32>,
) -> impl IntoView {
    view! { <span title=title>{count}</span> }
}

#[wasm_bindgen_test]
fn an_optional_prop_follows_its_signal_and_its_attribute_is_absent_while_none() {
    let root = container();
    let title = RwSignal::new(None::<String>);
    let count = RwSignal::new(1u32);
    let _app = leptos::mount::mount_to(root.clone(), move || {
        view! { <Chip title=title count=count/><Chip/> }
    });
    let first = query(&root, "span");
    assert!(!first.has_attribute("title"));
    assert_eq!(first.text_content().unwrap(), "1");
    title.set(Some("a \"tip\"".into()));
    count.set(2);
    assert_eq!(first.get_attribute("title").as_deref(), Some("a \"tip\""));
    assert_eq!(first.text_content().unwrap(), "2");
    title.set(None);
    assert!(!first.has_attribute("title"));
    let second = query(&root, "span + span");
    assert!(!second.has_attribute("title"));
    assert_eq!(second.text_content().unwrap(), "");
}

/// Dispatches a plain event named `name` at the window.
fn fire_at_window(name: &str) {
    let event = web_sys::Event::new(name).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
fn a_window_listener_runs_until_its_owner_is_cleaned_up_or_it_is_removed() {
    let owned_calls = Rc::new(Cell::new(0));
    let removed_calls = Rc::new(Cell::new(0));
    let owner = Owner::new();
    let handle = owner.with(|| {
        let calls = owned_calls.clone();
        let _ = window_event_listener(leptos::ev::resize, move |event: web_sys::UiEvent| {
            assert_eq!(event.type_(), "resize");
            calls.set(calls.get() + 1);
        });
        let calls = removed_calls.clone();
        window_event_listener_untyped("resize", move |_| calls.set(calls.get() + 1))
    });
    fire_at_window("resize");
    fire_at_window("resize");
    assert_eq!((owned_calls.get(), removed_calls.get()), (2, 2));
    handle.remove();
    fire_at_window("resize");
    assert_eq!((owned_calls.get(), removed_calls.get()), (3, 2));
    owner.dispose();
    fire_at_window("resize");
    assert_eq!((owned_calls.get(), removed_calls.get()), (3, 2));
}

#[derive(Clone)]
struct Theme(&'static str);

#[component]
fn ThemedPortal(mount: web_sys::Element, text: RwSignal<String>) -> impl IntoView {
    provide_context(Theme("dark"));
    view! {
        <section>
            <Portal mount=mount>
                <p class={move || expect_context::<Theme>().0}>{move || text.get()}</p>
            </Portal>
            <i>"after"</i>
        </section>
    }
}

#[wasm_bindgen_test]
fn a_portal_renders_its_children_in_its_target_with_the_context_where_it_stands() {
    let root = container();
    let target = container();
    let open = RwSignal::new(true);
    let text = RwSignal::new("hello".to_owned());
    let mount: web_sys::Element = target.clone().into();
    let _app = leptos::mount::mount_to(root.clone(), move || {
        let mount = mount.clone();
        view! {
            <Show when=move || open.get()>
                <ThemedPortal mount=mount.clone() text=text/>
            </Show>
        }
    });
    // Where the portal stands there is only its placeholder; the content is in the target.
    assert!(root.query_selector("p").unwrap().is_none());
    assert_eq!(query(&root, "section").text_content().unwrap(), "after");
    assert_eq!(
        target.inner_html(),
        r#"<div><p class="dark">hello</p></div>"#
    );
    text.set("changed".to_owned());
    assert_eq!(query(&target, "p").text_content().unwrap(), "changed");
    // Closing removes the container and stops the content's effects.
    open.set(false);
    assert_eq!(target.inner_html(), "");
    text.set("after close".to_owned());
    assert_eq!(target.inner_html(), "");
}

#[wasm_bindgen_test]
async fn a_hydrated_portal_opens_after_hydration_and_creates_nothing_in_the_page() {
    let target = container();
    let text = RwSignal::new("from the client".to_owned());
    let app = {
        let target = target.clone();
        move || view! { <ThemedPortal mount=target.clone().into() text=text/> }
    };
    let html = leptos::ssr::render_to_string(app.clone());
    assert!(
        !html.contains("from the client"),
        "the server writes no portal content: {html}"
    );
    let root = container();
    root.set_inner_html(&html);
    let mutations = Mutations::observe(&root);
    let _app = leptos::mount::hydrate_to(root.clone(), app);
    assert!(take_hydration_mismatches().is_empty());
    sleep(0).await;
    assert_eq!(
        mutations.counts(),
        (0, 0, 0),
        "nothing changed in the hydrated page"
    );
    assert_eq!(
        target.inner_html(),
        r#"<div><p class="dark">from the client</p></div>"#
    );
}

fn notes_view(notes: RwSignal<String>) -> View {
    view! { <form><textarea id="notes" name="notes" bind:value=notes></textarea></form> }
        .into_view()
}

#[wasm_bindgen_test]
fn a_bound_textarea_hydrates_the_servers_text_and_writes_typing_back() {
    let notes = RwSignal::new(String::from("first <line>\nsecond"));
    let html = leptos::ssr::render_to_string(move || notes_view(notes));
    let root = container();
    root.set_inner_html(&html);
    let area: web_sys::HtmlTextAreaElement = query(&root, "#notes").unchecked_into();
    // Before any script runs, the textarea shows the text (a form posted now sends it).
    assert_eq!(area.value(), "first <line>\nsecond");
    let mutations = Mutations::observe(&root);
    let _app = leptos::mount::hydrate_to(root.clone(), move || notes_view(notes));
    assert!(take_hydration_mismatches().is_empty());
    assert_eq!(mutations.counts(), (0, 0, 0));
    area.set_value("typed");
    fire(&area, "input");
    assert_eq!(notes.get_untracked(), "typed");
    notes.set(String::from("from the signal"));
    assert_eq!(area.value(), "from the signal");
}

#[wasm_bindgen_test]
fn a_bound_textarea_built_in_the_browser_shows_and_follows_its_signal() {
    let notes = RwSignal::new(String::from("hello"));
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), move || notes_view(notes));
    let area: web_sys::HtmlTextAreaElement = query(&root, "#notes").unchecked_into();
    assert_eq!(area.value(), "hello");
    notes.set(String::from("changed"));
    assert_eq!(area.value(), "changed");
}

#[slot]
struct Then {
    children: ChildrenFn,
}

#[slot]
struct ElseIf {
    #[prop(into)]
    cond: Signal<bool>,
    children: ChildrenFn,
}

#[slot]
struct Fallback {
    children: ChildrenFn,
}

#[component]
fn SlotIf(
    #[prop(into)] cond: Signal<bool>,
    then: Then,
    #[prop(optional)] else_if: Vec<ElseIf>,
    #[prop(optional)] fallback: Option<Fallback>,
) -> impl IntoView {
    move || {
        if cond.get() {
            (then.children)()
        } else if let Some(branch) = else_if.iter().find(|branch| branch.cond.get()) {
            (branch.children)()
        } else if let Some(fallback) = &fallback {
            (fallback.children)()
        } else {
            ().into_view()
        }
    }
}

fn slot_if_view(a: RwSignal<bool>, b: RwSignal<bool>) -> View {
    view! {
        <div>
            <SlotIf cond=a>
                <Then slot><p>"A"</p></Then>
                <ElseIf slot cond=b><p>"B"</p></ElseIf>
                <Fallback slot><p>"none"</p></Fallback>
            </SlotIf>
        </div>
    }
}

#[wasm_bindgen_test]
fn slots_hydrate_and_their_branches_switch() {
    let html =
        leptos::ssr::render_to_string(|| slot_if_view(RwSignal::new(false), RwSignal::new(true)));
    let root = container();
    root.set_inner_html(&html);
    let before = query(&root, "p");
    assert_eq!(before.text_content().unwrap(), "B");
    let mutations = Mutations::observe(&root);

    let (a, b) = (RwSignal::new(false), RwSignal::new(true));
    let _app = leptos::mount::hydrate_to(root.clone(), move || slot_if_view(a, b));
    assert_eq!(mutations.counts(), (0, 0, 0), "hydration created nothing");
    assert!(take_hydration_mismatches().is_empty());
    assert!(before.is_same_node(Some(&query(&root, "p"))));

    b.set(false);
    assert_eq!(query(&root, "p").text_content().unwrap(), "none");
    a.set(true);
    assert_eq!(query(&root, "p").text_content().unwrap(), "A");
    assert_eq!(root.query_selector_all("p").unwrap().length(), 1);
}

fn empty_lists(items: RwSignal<Vec<&'static str>>) -> View {
    let list = move || {
        items
            .get()
            .into_iter()
            .map(|item| view! { <li>{item}</li> })
            .collect_view()
    };
    let none: Vec<View> = Vec::new();
    view! {
        <ul id="alone">{list}</ul>
        <div id="beside"><b>"x"</b>{list}</div>
        <p id="static"><i>"y"</i>{none}</p>
    }
}

#[wasm_bindgen_test]
fn empty_lists_hydrate_from_the_servers_html_and_then_fill() {
    let html = leptos::ssr::render_to_string(|| empty_lists(RwSignal::new(Vec::new())));
    let root = container();
    root.set_inner_html(&html);
    let mutations = Mutations::observe(&root);
    let items = RwSignal::new(Vec::new());
    let _app = leptos::mount::hydrate_to(root.clone(), move || empty_lists(items));
    assert_eq!(
        take_hydration_mismatches(),
        Vec::<String>::new(),
        "server html: {html}"
    );
    assert_eq!(mutations.counts(), (0, 0, 0), "hydration created nothing");

    items.set(vec!["a", "b"]);
    assert_eq!(query(&root, "#alone").text_content().unwrap(), "ab");
    assert_eq!(query(&root, "#beside").text_content().unwrap(), "xab");
    items.set(Vec::new());
    assert_eq!(root.query_selector_all("li").unwrap().length(), 0);
    assert_eq!(query(&root, "#beside").text_content().unwrap(), "x");
}

fn size_picker(size: RwSignal<String>) -> View {
    let sizes = ["s", "m", "l"];
    view! {
        <form>
            {sizes.map(|s| view! { <input type="radio" name="size" id=s value=s bind:group=size/> })}
        </form>
        <p>{move || size.get()}</p>
    }
}

fn radio(root: &web_sys::HtmlElement, id: &str) -> web_sys::HtmlInputElement {
    query(root, &format!("#{id}")).unchecked_into()
}

#[wasm_bindgen_test]
fn radio_buttons_bound_to_a_group_hydrate_checked_and_choose_the_signals_value() {
    let html = leptos::ssr::render_to_string(|| size_picker(RwSignal::new("m".into())));
    let root = container();
    root.set_inner_html(&html);
    // Before any script: the server checked the one whose value the signal holds.
    assert!(radio(&root, "m").checked() && !radio(&root, "s").checked());

    let size = RwSignal::new(String::from("m"));
    let _app = leptos::mount::hydrate_to(root.clone(), move || size_picker(size));
    assert!(take_hydration_mismatches().is_empty());
    let checked = |root: &web_sys::HtmlElement| ["s", "m", "l"].map(|id| radio(root, id).checked());
    assert_eq!(checked(&root), [false, true, false]);

    // Choosing one (a click checks it and fires `change`) writes its value.
    radio(&root, "l").click();
    assert_eq!(size.get_untracked(), "l");
    assert_eq!(query(&root, "p").text_content().unwrap(), "l");
    assert_eq!(checked(&root), [false, false, true]);

    // Setting the signal checks the matching one; a value no button has checks none.
    size.set("s".into());
    assert_eq!(checked(&root), [true, false, false]);
    size.set("xl".into());
    assert_eq!(checked(&root), [false, false, false]);
}

fn markup_view(markup: RwSignal<Option<String>>) -> View {
    view! {
        <div>
            <p class="fixed" inner_html="<b>bold</b> &amp; <i>it</i>"></p>
            <p class="live" inner_html=move || markup.get()></p>
            <span>"after"</span>
        </div>
    }
}

#[wasm_bindgen_test]
fn inner_html_is_the_content_built_hydrated_and_kept_up_to_date() {
    let markup = RwSignal::new(Some("<em>one</em>".to_string()));
    let html = leptos::ssr::render_to_string(move || markup_view(markup));
    assert_eq!(
        html,
        "<div><p class=\"fixed\"><b>bold</b> &amp; <i>it</i></p>\
         <p class=\"live\"><em>one</em></p><span>after</span></div>",
        "the markup is written as it is, with no markers"
    );

    // Built in the browser.
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), move || markup_view(markup));
    assert_eq!(
        query(&root, ".fixed").inner_html(),
        "<b>bold</b> &amp; <i>it</i>"
    );
    assert_eq!(query(&root, ".live").inner_html(), "<em>one</em>");
    markup.set(Some("<u>two</u>".into()));
    assert_eq!(query(&root, ".live").inner_html(), "<u>two</u>");
    markup.set(None);
    assert_eq!(query(&root, ".live").inner_html(), "");
    assert_eq!(query(&root, "span").text_content().unwrap(), "after");

    // Hydrated: the server's nodes are kept (no mutation, no mismatch), then updated.
    let markup2 = RwSignal::new(Some("<em>one</em>".to_string()));
    let root = container();
    root.set_inner_html(&html);
    let server_em = query(&root, "em");
    let mutations = Mutations::observe(&root);
    let _app = leptos::mount::hydrate_to(root.clone(), move || markup_view(markup2));
    assert_eq!(take_hydration_mismatches(), Vec::<String>::new());
    assert_eq!(mutations.counts(), (0, 0, 0), "hydration changed nothing");
    assert!(server_em.is_same_node(Some(&query(&root, "em"))));
    markup2.set(Some("<u>three</u>".into()));
    assert_eq!(query(&root, ".live").inner_html(), "<u>three</u>");
    assert_eq!(
        query(&root, ".fixed").inner_html(),
        "<b>bold</b> &amp; <i>it</i>"
    );
}

thread_local! {
    /// What the directives of the test below saw: (tag, parameter).
    static DIRECTIVE_CALLS: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// Marks the element and records the call; its cleanup records the removal.
fn mark(element: web_sys::Element) {
    element.set_attribute("data-marked", "").unwrap();
    let tag = element.tag_name().to_lowercase();
    DIRECTIVE_CALLS.with(|calls| calls.borrow_mut().push((tag.clone(), String::new())));
    on_cleanup(move || {
        DIRECTIVE_CALLS.with(|calls| calls.borrow_mut().push((tag, "cleanup".into())))
    });
}

/// Sets the element's title from the parameter.
fn titled(element: web_sys::Element, title: &str) {
    element.set_attribute("title", title).unwrap();
    DIRECTIVE_CALLS.with(|calls| {
        calls
            .borrow_mut()
            .push((element.tag_name().to_lowercase(), title.to_string()))
    });
}

#[component]
fn Boxed(children: Children) -> impl IntoView {
    view! { <section>{children()}</section> }
}

fn directive_view(shown: RwSignal<bool>) -> View {
    view! {
        <div>
            <Show when=move || shown.get()>
                <p use:mark use:titled="hello">"text"</p>
            </Show>
            <Boxed use:titled="boxed">"inside"</Boxed>
        </div>
    }
}

fn take_directive_calls() -> Vec<(String, String)> {
    DIRECTIVE_CALLS.with(|calls| std::mem::take(&mut *calls.borrow_mut()))
}

#[wasm_bindgen_test]
fn directives_run_with_their_element_when_built_and_hydrated_and_clean_up() {
    let shown = RwSignal::new(true);
    let html = leptos::ssr::render_to_string(move || directive_view(shown));
    assert!(
        !html.contains("use:") && !html.contains("data-marked"),
        "{html}"
    );
    assert_eq!(
        take_directive_calls(),
        vec![],
        "directives do not run on the server"
    );

    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), move || directive_view(shown));
    let p = query(&root, "p");
    assert!(p.has_attribute("data-marked"));
    assert_eq!(p.title(), "hello");
    assert_eq!(
        query(&root, "section").title(),
        "boxed",
        "on a component: its first element"
    );
    let mut calls = take_directive_calls();
    calls.sort();
    assert_eq!(
        calls,
        vec![
            ("p".to_string(), String::new()),
            ("p".to_string(), "hello".to_string()),
            ("section".to_string(), "boxed".to_string()),
        ]
    );
    shown.set(false);
    assert_eq!(
        take_directive_calls(),
        vec![("p".to_string(), "cleanup".to_string())]
    );
    shown.set(true);
    assert_eq!(
        take_directive_calls().len(),
        2,
        "the new <p> gets both directives"
    );

    // Hydrated: the server's elements get the directives; nothing else changes.
    let shown2 = RwSignal::new(true);
    let root = container();
    root.set_inner_html(&html);
    let server_p = query(&root, "p");
    let _app = leptos::mount::hydrate_to(root.clone(), move || directive_view(shown2));
    assert_eq!(take_hydration_mismatches(), Vec::<String>::new());
    assert!(server_p.is_same_node(Some(&query(&root, "p"))));
    assert!(server_p.has_attribute("data-marked"));
    assert_eq!(server_p.title(), "hello");
    assert_eq!(take_directive_calls().len(), 3);
}

#[derive(Clone)]
struct Shade(&'static str);

/// Two providers of the same type side by side, each child reading its own value in a
/// closure that first runs when the view is built or hydrated, and again on each change.
fn themed_view(tick: RwSignal<u32>) -> View {
    use leptos::context::Provider;
    #[component]
    fn ShadeName(tick: RwSignal<u32>) -> impl IntoView {
        move || {
            let theme = use_context::<Shade>().map_or("none", |t| t.0);
            format!("{theme} {}", tick.get())
        }
    }
    view! {
        <div>
            <p class="dark"><Provider value=Shade("dark")><ShadeName tick/></Provider></p>
            <p class="light"><Provider value=Shade("light")><ShadeName tick/></Provider></p>
            <p class="outside"><ShadeName tick/></p>
            // Not alone in its element: built and hydrated between markers.
            <p class="mixed">"in " <Provider value=Shade("dim")><ShadeName tick/></Provider></p>
        </div>
    }
    .into_view()
}

#[wasm_bindgen_test]
fn a_provider_gives_its_value_to_its_children_only_when_built_hydrated_and_updated() {
    let texts = |root: &web_sys::HtmlElement| {
        ["dark", "light", "outside", "mixed"]
            .map(|class| query(root, &format!(".{class}")).text_content().unwrap())
    };
    let tick = RwSignal::new(0);
    let html = leptos::ssr::render_to_string(move || themed_view(tick));

    // Built in the browser.
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), move || themed_view(tick));
    assert_eq!(texts(&root), ["dark 0", "light 0", "none 0", "in dim 0"]);
    tick.set(1);
    assert_eq!(
        texts(&root),
        ["dark 1", "light 1", "none 1", "in dim 1"],
        "re-runs find it too"
    );

    // Hydrated from the server's HTML.
    let tick2 = RwSignal::new(0);
    let root = container();
    root.set_inner_html(&html);
    let _app = leptos::mount::hydrate_to(root.clone(), move || themed_view(tick2));
    assert_eq!(take_hydration_mismatches(), Vec::<String>::new());
    assert_eq!(texts(&root), ["dark 0", "light 0", "none 0", "in dim 0"]);
    tick2.set(2);
    assert_eq!(texts(&root), ["dark 2", "light 2", "none 2", "in dim 2"]);
}

#[wasm_bindgen_test]
fn a_selector_wakes_only_the_rows_whose_selection_changed() {
    let selected = RwSignal::new(None::<u32>);
    let runs = Rc::new(RefCell::new(Vec::new()));
    let root = container();
    let runs_in_view = runs.clone();
    let _app = leptos::mount::mount_to(root.clone(), move || {
        let is_selected = Selector::new(move || selected.get());
        let rows = (0..100)
            .map(|id| {
                let (is_selected, runs) = (is_selected.clone(), runs_in_view.clone());
                let danger = move || {
                    runs.borrow_mut().push(id);
                    is_selected.selected(&Some(id))
                };
                view! { <tr id=format!("r{id}") class:danger=danger><td>{id}</td></tr> }
            })
            .collect_view();
        view! { <table><tbody>{rows}</tbody></table> }
    });
    let dangers = || root.query_selector_all(".danger").unwrap().length();
    assert_eq!(
        runs.borrow().len(),
        100,
        "each row's class ran once when built"
    );
    assert_eq!(dangers(), 0);

    runs.borrow_mut().clear();
    selected.set(Some(5));
    assert_eq!(*runs.borrow(), [5], "only the newly selected row");
    assert_eq!(query(&root, "#r5").class_name(), "danger");

    runs.borrow_mut().clear();
    selected.set(Some(42));
    let mut woken = runs.borrow().clone();
    woken.sort();
    assert_eq!(woken, [5, 42], "the old and the new selection");
    assert_eq!(
        (dangers(), query(&root, "#r5").class_name()),
        (1, String::new())
    );
    assert_eq!(query(&root, "#r42").class_name(), "danger");

    runs.borrow_mut().clear();
    selected.set(None);
    assert_eq!(*runs.borrow(), [42]);
    assert_eq!(dangers(), 0);
}

#[wasm_bindgen_test]
fn show_let_renders_the_value_while_there_is_one_and_on_load_runs_once_with_the_element() {
    let user = RwSignal::new(None::<String>);
    let other = RwSignal::new(0);
    let loaded = Rc::new(RefCell::new(Vec::new()));
    let root = container();
    let loaded_in_view = loaded.clone();
    let _app = leptos::mount::mount_to(root.clone(), move || {
        let loaded = loaded_in_view.clone();
        view! {
            <ShowLet some=user let:name fallback=|| view! { <a>"Log in"</a> }>
                {
                    let input = NodeRef::<leptos::html::Input>::new();
                    let loaded = loaded.clone();
                    input.on_load(move |input| loaded.borrow_mut().push(input.value()));
                    view! { <p>"Hi, " {name.clone()} {move || other.get()}</p> <input node_ref=input value=name/> }
                }
            </ShowLet>
        }
    });
    assert_eq!(root.text_content().unwrap(), "Log in");
    assert!(loaded.borrow().is_empty());

    user.set(Some("Ada".into()));
    assert_eq!(root.text_content().unwrap(), "Hi, Ada0");
    assert_eq!(*loaded.borrow(), ["Ada"], "on_load ran with the element");
    let p = query(&root, "p");

    // Another signal written: the children stay as they are.
    other.set(1);
    assert!(p.is_same_node(Some(&query(&root, "p"))));
    assert_eq!(loaded.borrow().len(), 1);

    user.set(Some("Grace".into()));
    assert_eq!(root.text_content().unwrap(), "Hi, Grace1");
    assert_eq!(
        *loaded.borrow(),
        ["Ada", "Grace"],
        "the new children's own ref"
    );

    user.set(None);
    assert_eq!(root.text_content().unwrap(), "Log in");
}

#[wasm_bindgen_test]
fn local_signals_hold_browser_objects_and_drive_the_view() {
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), move || {
        // What Leptos code keeps in local storage: a DOM element and an `Rc`.
        let last_clicked = signal_local(None::<web_sys::Element>);
        let (clicked, set_clicked) = last_clicked;
        let log = StoredValue::new_local(Rc::new(RefCell::new(Vec::<String>::new())));
        let summary: Signal<String, LocalStorage> = Signal::derive_local(move || {
            clicked.with(|el| el.as_ref().map(|el| el.id()).unwrap_or_default())
        });
        let on_click = move |ev: leptos::ev::MouseEvent| {
            let el: web_sys::Element = ev.target().unwrap().unchecked_into();
            log.with_value(|log| log.borrow_mut().push(el.id()));
            set_clicked.set(Some(el));
        };
        view! {
            <button id="one" on:click=on_click>"one"</button>
            <button id="two" on:click=on_click>"two"</button>
            <p>{summary} " " {move || log.with_value(|log| log.borrow().len())}</p>
        }
    });
    assert_eq!(query(&root, "p").text_content().unwrap(), " 0");
    query(&root, "#two").click();
    // The log is not a signal: only `summary` re-ran, and its text is the clicked id.
    assert_eq!(query(&root, "p").text_content().unwrap(), "two 0");
    query(&root, "#one").click();
    assert_eq!(query(&root, "p").text_content().unwrap(), "one 0");
}

/// What `leptos_meta`'s components are made of (`leptos::head`): head elements, the title
/// and `<body>` attributes, in a page of their own.
mod head {
    use super::*;
    use leptos::head::{document_attributes, in_head, title, DocumentElement};

    #[component]
    fn Body() -> impl IntoView {
        document_attributes(DocumentElement::Body)
    }

    fn head_count(css: &str) -> u32 {
        document()
            .head()
            .unwrap()
            .query_selector_all(css)
            .unwrap()
            .length()
    }

    /// A page with a title formatter, a description whose text follows a signal, an
    /// article (shown while `open`) with its own title and canonical link, and a class on
    /// `<body>`.
    fn page(topic: ReadSignal<String>, open: ReadSignal<bool>) -> View {
        view! {
            {title(None, Some((|text: String| format!("{text} | Site")).into()))}
            {title(Some("Home".into()), None)}
            {in_head(view! { <meta name="test-description" content=move || topic.get()/> })}
            <Body attr:data-topic=move || topic.get() class:test-dark=move || open.get()/>
            <Show when=move || open.get()>
                {title(Some((move || format!("On {}", topic.get())).into()), None)}
                {in_head(view! { <link rel="test-canonical" href="/article"/> })}
                <p>"article"</p>
            </Show>
        }
        .into_view()
    }

    fn description() -> String {
        document()
            .head()
            .unwrap()
            .query_selector("meta[name=test-description]")
            .unwrap()
            .expect("the description is in <head>")
            .get_attribute("content")
            .unwrap()
    }

    fn body_attribute(name: &str) -> Option<String> {
        document().body().unwrap().get_attribute(name)
    }

    #[wasm_bindgen_test]
    fn head_elements_title_and_body_attributes_follow_the_views_that_set_them() {
        let root = container();
        let (topic, set_topic) = signal(String::from("bread"));
        let (open, set_open) = signal(false);
        let app = leptos::mount::mount_to(root.clone(), move || page(topic, open));

        assert_eq!(document().title(), "Home | Site");
        assert_eq!(head_count("meta[name=test-description]"), 1);
        assert_eq!(description(), "bread");
        assert_eq!(body_attribute("data-topic").as_deref(), Some("bread"));
        assert_eq!(head_count("link[rel=test-canonical]"), 0);

        set_open.set(true);
        assert_eq!(document().title(), "On bread | Site");
        assert_eq!(head_count("link[rel=test-canonical]"), 1);
        assert!(document()
            .body()
            .unwrap()
            .class_list()
            .contains("test-dark"));

        set_topic.set(String::from("cheese"));
        assert_eq!(document().title(), "On cheese | Site");
        assert_eq!(description(), "cheese");
        assert_eq!(body_attribute("data-topic").as_deref(), Some("cheese"));

        // The article goes: its link goes with it, and the title is the page's again.
        set_open.set(false);
        assert_eq!(head_count("link[rel=test-canonical]"), 0);
        assert_eq!(document().title(), "Home | Site");
        assert!(!document()
            .body()
            .unwrap()
            .class_list()
            .contains("test-dark"));

        app.unmount();
        assert_eq!(head_count("meta[name=test-description]"), 0);
        assert_eq!(body_attribute("data-topic"), None);
    }

    #[wasm_bindgen_test]
    fn hydration_takes_over_the_head_elements_the_server_wrote() {
        let (topic, set_topic) = signal(String::from("bread"));
        let (open, _) = signal(true);
        let html = leptos::ssr::render_to_string(move || page(topic, open));
        // A view that is not a document carries its head content first (`ssr::page`
        // moves it into the document's head).
        let end = html.find("<!--/leptos-head-->").expect("head content") + 19;
        let (head_html, body_html) = html.split_at(end);
        assert!(
            head_html.contains("<title>On bread | Site</title>"),
            "{head_html}"
        );
        assert!(body_html.starts_with("<!--"), "{body_html}");

        let head = document().head().unwrap();
        let head_length = head.child_nodes().length();
        head.insert_adjacent_html("beforeend", head_html).unwrap();
        document()
            .body()
            .unwrap()
            .set_attribute("data-topic", "bread")
            .unwrap();
        let root = container();
        root.set_inner_html(body_html);
        let link_before = head.query_selector("link[rel=test-canonical]").unwrap();
        let head_mutations = Mutations::observe(&head);

        let app = leptos::mount::hydrate_to(root.clone(), move || page(topic, open));
        assert!(take_hydration_mismatches().is_empty());
        assert_eq!(
            head_mutations.counts().0,
            0,
            "hydration added nothing to <head>: the server's elements were taken over: {}",
            head.inner_html()
        );
        assert_eq!(head_count("meta[name=test-description]"), 1);
        assert_eq!(head_count("link[rel=test-canonical]"), 1);
        let link_after = head.query_selector("link[rel=test-canonical]").unwrap();
        assert!(link_before
            .unwrap()
            .is_same_node(link_after.as_ref().map(|l| l.as_ref())));
        assert_eq!(document().title(), "On bread | Site");

        // The elements taken over are bound to the signals like built ones.
        set_topic.set(String::from("cheese"));
        assert_eq!(description(), "cheese");
        assert_eq!(document().title(), "On cheese | Site");
        assert_eq!(body_attribute("data-topic").as_deref(), Some("cheese"));

        app.unmount();
        assert_eq!(head_count("meta[name=test-description]"), 0);
        assert_eq!(head_count("link[rel=test-canonical]"), 0);
        // Leave no marker for another hydration in this page.
        while head.child_nodes().length() > head_length {
            head.remove_child(&head.last_child().unwrap()).unwrap();
        }
    }
}

/// `AnimatedShow`'s timing: the exit class at once, the children removed after the delay.
mod animated_show {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    /// How long the children stay after `when` turns false, in these tests.
    const DELAY_MS: u64 = 60;

    fn panel(open: RwSignal<bool>) -> View {
        view! {
            <AnimatedShow
                when=open
                show_class="in"
                hide_class="out"
                hide_delay=Duration::from_millis(DELAY_MS)
            >
                <p class="child">"Hi"</p>
            </AnimatedShow>
        }
    }

    /// The wrapper's class, or `None` while the children are gone.
    fn wrapper_class(root: &web_sys::HtmlElement) -> Option<String> {
        let child = root.query_selector(".child").unwrap()?;
        Some(child.parent_element().unwrap().class_name())
    }

    #[wasm_bindgen_test]
    async fn the_class_switches_at_once_and_the_children_leave_after_the_delay() {
        let root = container();
        let open = RwSignal::new(true);
        let _app = leptos::mount::mount_to(root.clone(), move || panel(open));
        assert_eq!(wrapper_class(&root).as_deref(), Some("in"));

        open.set(false);
        assert_eq!(
            wrapper_class(&root).as_deref(),
            Some("out"),
            "the exit class comes at once, with the children still there"
        );
        sleep(10).await;
        assert_eq!(wrapper_class(&root).as_deref(), Some("out"));
        sleep(DELAY_MS as i32 + 60).await;
        assert_eq!(wrapper_class(&root), None, "{}", root.inner_html());
        assert!(!exists(&root, "div"), "the wrapper goes too");

        open.set(true);
        assert_eq!(wrapper_class(&root).as_deref(), Some("in"));
    }

    #[wasm_bindgen_test]
    async fn turning_true_again_before_the_delay_keeps_the_same_children() {
        let root = container();
        let open = RwSignal::new(true);
        let _app = leptos::mount::mount_to(root.clone(), move || panel(open));
        let before = query(&root, ".child");

        open.set(false);
        sleep(10).await;
        open.set(true);
        assert_eq!(wrapper_class(&root).as_deref(), Some("in"));
        sleep(DELAY_MS as i32 + 60).await;
        assert_eq!(
            wrapper_class(&root).as_deref(),
            Some("in"),
            "the cancelled removal did not happen"
        );
        assert!(query(&root, ".child").is_same_node(Some(&before)));

        // A second toggle times its removal from its own start.
        open.set(false);
        sleep(DELAY_MS as i32 / 2).await;
        open.set(true);
        open.set(false);
        sleep(DELAY_MS as i32 / 2 + 10).await;
        assert_eq!(wrapper_class(&root).as_deref(), Some("out"));
        sleep(DELAY_MS as i32 + 60).await;
        assert_eq!(wrapper_class(&root), None);
    }

    #[wasm_bindgen_test]
    async fn starting_false_shows_nothing_until_true() {
        let root = container();
        let open = RwSignal::new(false);
        let _app = leptos::mount::mount_to(root.clone(), move || panel(open));
        assert_eq!(wrapper_class(&root), None);
        open.set(true);
        assert_eq!(wrapper_class(&root).as_deref(), Some("in"));
    }

    #[wasm_bindgen_test]
    async fn hydration_takes_over_the_servers_children_and_then_times_their_removal() {
        let html = leptos::ssr::render_to_string(|| panel(RwSignal::new(true)));
        let root = container();
        root.set_inner_html(&html);
        let server_child = query(&root, ".child");

        let open = RwSignal::new(true);
        let _app = leptos::mount::hydrate_to(root.clone(), move || panel(open));
        assert!(take_hydration_mismatches().is_empty());
        assert!(query(&root, ".child").is_same_node(Some(&server_child)));

        open.set(false);
        assert_eq!(wrapper_class(&root).as_deref(), Some("out"));
        sleep(DELAY_MS as i32 + 60).await;
        assert_eq!(wrapper_class(&root), None);
    }

    static PANICKED: AtomicBool = AtomicBool::new(false);

    #[wasm_bindgen_test]
    async fn a_removal_pending_when_the_app_unmounts_does_nothing() {
        // A panic in the timer's callback would abort that call only: record it here.
        let previous = std::sync::Arc::new(std::panic::take_hook());
        let chained = previous.clone();
        std::panic::set_hook(Box::new(move |info| {
            PANICKED.store(true, Ordering::SeqCst);
            chained(info);
        }));

        let root = container();
        let open = RwSignal::new(true);
        let app = leptos::mount::mount_to(root.clone(), move || panel(open));
        open.set(false);
        app.unmount();
        sleep(DELAY_MS as i32 + 60).await;

        let panicked = PANICKED.load(Ordering::SeqCst);
        assert!(!panicked, "the timer touched the disposed component");
        let _ = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| previous(info)));
        assert_eq!(root.inner_html(), "");
    }
}

/// Typed children in the browser: built where the component places them, when the page is
/// built and when the server's HTML is taken over.
mod typed_children {
    use super::*;

    #[component]
    fn Framed<C: IntoView + Send + 'static>(children: TypedChildren<C>) -> impl IntoView {
        let children = children.into_inner();
        view! { <section>{children()}</section> }
    }

    fn framed(count: RwSignal<i32>) -> View {
        view! {
            <Framed>
                <button on:click=move |_| count.update(|n| *n += 1)>"+1"</button>
                <p>{move || count.get()}</p>
            </Framed>
        }
    }

    #[wasm_bindgen_test]
    fn typed_children_are_built_and_stay_reactive() {
        let root = container();
        let count = RwSignal::new(0);
        let _app = leptos::mount::mount_to(root.clone(), move || framed(count));
        query(&root, "section > button").click();
        assert_eq!(query(&root, "section > p").text_content().unwrap(), "1");
    }

    #[wasm_bindgen_test]
    fn typed_children_hydrate_the_servers_html() {
        let html = leptos::ssr::render_to_string(|| framed(RwSignal::new(5)));
        let root = container();
        root.set_inner_html(&html);
        let server_p = query(&root, "section > p");

        let count = RwSignal::new(5);
        let _app = leptos::mount::hydrate_to(root.clone(), move || framed(count));
        assert!(take_hydration_mismatches().is_empty());
        assert!(query(&root, "section > p").is_same_node(Some(&server_p)));
        query(&root, "section > button").click();
        assert_eq!(server_p.text_content().unwrap(), "6");
    }
}

#[wasm_bindgen_test]
async fn idle_callbacks_run_unless_cancelled_and_debounce_runs_the_last_call_of_a_burst() {
    use leptos::prelude::{debounce, request_idle_callback, request_idle_callback_with_handle};
    use std::time::Duration;
    let idle = Rc::new(RefCell::new(Vec::new()));
    let push = |entry: &'static str| {
        let idle = Rc::clone(&idle);
        move || idle.borrow_mut().push(entry)
    };
    request_idle_callback(push("idle"));
    let cancelled = request_idle_callback_with_handle(push("cancelled idle")).unwrap();
    let kept = request_idle_callback_with_handle(push("kept idle")).unwrap();
    assert_ne!(kept, cancelled, "each request has its own handle");
    cancelled.cancel();

    let calls = Rc::new(RefCell::new(Vec::new()));
    let sink = Rc::clone(&calls);
    let mut debounced = debounce(Duration::from_millis(20), move |n: i32| {
        sink.borrow_mut().push(n)
    });
    debounced(1);
    debounced(2);
    debounced(3);

    // A debounced function whose owner goes away before its delay is over.
    let owner = Owner::new();
    let disposed_ran = Rc::new(Cell::new(false));
    let flag = Rc::clone(&disposed_ran);
    let mut disposed = owner.with(|| debounce(Duration::from_millis(20), move |()| flag.set(true)));
    disposed(());
    owner.dispose();
    let nothing_ran_at_once = idle.borrow().is_empty() && calls.borrow().is_empty();

    // Waits for the callbacks (a loaded machine delays timers and idle periods, so no fixed
    // wait would do), then a while longer for any call that should not come.
    for _ in 0..300 {
        if idle.borrow().len() >= 2 && !calls.borrow().is_empty() {
            break;
        }
        sleep(10).await;
    }
    sleep(60).await;
    let first_burst = calls.borrow().clone();
    // The function still debounces after it has run.
    debounced(4);
    debounced(5);
    for _ in 0..300 {
        if calls.borrow().len() > first_burst.len() {
            break;
        }
        sleep(10).await;
    }
    sleep(60).await;

    let mut idle = idle.borrow().clone();
    idle.sort_unstable();
    assert!(
        nothing_ran_at_once,
        "nothing runs before the browser calls back"
    );
    assert_eq!(
        idle,
        ["idle", "kept idle"],
        "the cancelled idle callback never ran"
    );
    assert_eq!(
        first_burst,
        [3],
        "a burst of three calls runs once, with the last argument"
    );
    assert_eq!(*calls.borrow(), [3, 5], "the second burst runs once too");
    assert!(
        !disposed_ran.get(),
        "a call waiting when its owner was disposed never runs"
    );
}

/// Islands (`#[island]`), hydrated one by one.
#[path = "browser/islands.rs"]
mod islands;
