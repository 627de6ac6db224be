//! The router in a real browser: hydrating the server's HTML for the current URL, client-side
//! navigation by links, forms and `use_navigate`, back and forward with their scroll
//! positions, and the clicks left to the browser. Built for wasm32 and run in headless
//! Chromium by `scripts/test.sh`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::server_context::RequestContext;
use leptos::view::take_hydration_mismatches;
use leptos_router::components::{Form, Outlet, ParentRoute, Redirect, Route, Router, Routes, A};
use leptos_router::hooks::{use_navigate, use_params, use_query_map};
use leptos_router::params::Params;
use leptos_router::{path, NavigateOptions};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

fn document() -> web_sys::Document {
    window().document().unwrap()
}

fn pathname() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.pathname().unwrap(),
        location.search().unwrap()
    )
}

/// Puts `url` in the address bar without loading anything.
fn set_url(url: &str) {
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
        .unwrap();
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
        .unwrap_or_else(|| panic!("no element matches {css} in {}", root.inner_html()))
        .unchecked_into()
}

fn text(root: &web_sys::HtmlElement, css: &str) -> String {
    query(root, css).text_content().unwrap()
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &js_sys::Function, ms: i32) -> wasm_bindgen::JsValue;
}

/// Resolves after `ms` milliseconds (popstate and spawned futures run before).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        set_timeout(&resolve, ms);
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Goes back (or forward) in the history and waits for the router to have rendered.
async fn traverse(delta: i32) {
    window().history().unwrap().go_with_delta(delta).unwrap();
    for _ in 0..50 {
        sleep(10).await;
        if POPPED.with(|p| p.replace(false)) {
            sleep(0).await;
            return;
        }
    }
    panic!("no popstate after history.go({delta})");
}

thread_local! {
    static POPPED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Notes every `popstate` (added after the router's listener, so it runs after it).
fn watch_popstate() -> Closure<dyn FnMut(web_sys::Event)> {
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(|_| POPPED.with(|p| p.set(true)));
    window()
        .add_event_listener_with_callback("popstate", closure.as_ref().unchecked_ref())
        .unwrap();
    closure
}

/// Records every element added or removed under a root.
struct Mutations {
    observer: web_sys::MutationObserver,
    records: Rc<RefCell<Vec<web_sys::MutationRecord>>>,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Mutations {
    fn observe(root: &web_sys::Node) -> Self {
        let records = Rc::new(RefCell::new(Vec::new()));
        let sink = records.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |batch: js_sys::Array| {
            for record in batch.iter() {
                sink.borrow_mut().push(record.unchecked_into());
            }
        });
        let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).unwrap();
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        options.set_character_data(true);
        observer.observe_with_options(root, &options).unwrap();
        Mutations {
            observer,
            records,
            _callback: callback,
        }
    }

    /// Elements added and removed so far (text changes are not counted).
    fn elements(&self) -> (u32, u32) {
        for record in self.observer.take_records().iter() {
            self.records.borrow_mut().push(record.unchecked_into());
        }
        let count = |list: web_sys::NodeList| {
            (0..list.length())
                .filter(|&i| list.item(i).unwrap().node_type() == web_sys::Node::ELEMENT_NODE)
                .count() as u32
        };
        let mut counts = (0, 0);
        for record in self.records.borrow().iter() {
            counts.0 += count(record.added_nodes());
            counts.1 += count(record.removed_nodes());
        }
        counts
    }
}

#[derive(Params, Clone, Debug, PartialEq)]
struct ContactParams {
    id: Option<usize>,
}

#[component]
fn Contacts() -> impl IntoView {
    let query = use_query_map();
    view! {
        <section id="contacts">
            <A href="1">"One"</A>
            <A href="2">"Two"</A>
            <A href="/search">"Search"</A>
            <A href="/old">"Old"</A>
            <p id="q">{move || query.get().get("q").unwrap_or_default()}</p>
            <Outlet/>
        </section>
    }
}

#[component]
fn Contact() -> impl IntoView {
    let params = use_params::<ContactParams>();
    view! {
        <article id="contact">
            {move || match params.get() {
                Ok(ContactParams { id: Some(id) }) => format!("Contact {id}"),
                Ok(_) => "none".to_string(),
                Err(error) => error.to_string(),
            }}
        </article>
    }
}

#[component]
fn Search() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    view! {
        <Form action="">
            <input id="q-input" name="q"/>
            <button id="search-button">"Go"</button>
        </Form>
        <p id="results">{move || query.get().get("q").unwrap_or_default()}</p>
        <button
            id="go-two"
            on:click=move |_| navigate("/contacts/2", NavigateOptions { replace: true, ..Default::default() })
        >
            "Two"
        </button>
    }
}

#[component]
fn App() -> impl IntoView {
    view! {
        <Router>
            <main>
                <Routes fallback=|| view! { <h1 id="missing">"Not found"</h1> }>
                    <ParentRoute path=path!("/contacts") view=Contacts>
                        <Route path=path!("") view=|| view! { <p id="pick">"Pick"</p> }/>
                        <Route path=path!(":id") view=Contact/>
                    </ParentRoute>
                    <Route path=path!("/search") view=Search/>
                    <Route path=path!("/old") view=|| view! { <Redirect path="/contacts/1"/> }/>
                    <Route path=path!("/tall") view=Tall/>
                </Routes>
            </main>
        </Router>
    }
}

#[component]
fn Tall() -> impl IntoView {
    view! {
        <div style="height: 5000px">
            <A href="/contacts">"Contacts"</A>
            <p id="tall">"Tall"</p>
        </div>
    }
}

/// The server's HTML for `url`, as `leptos_axum` renders it.
fn server_html(url: &str) -> String {
    let request = RequestContext::new(url.to_string());
    leptos::ssr::render_to_string(move || {
        provide_context(request);
        App()
    })
}

#[wasm_bindgen_test]
async fn hydrates_the_server_html_then_links_navigate_client_side() {
    set_url("/contacts/1?q=ada");
    let root = container();
    root.set_inner_html(&server_html("/contacts/1?q=ada"));
    let link_before = query(&root, "a[href='/contacts/2']");
    let mutations = Mutations::observe(&root);
    let app = leptos::mount::hydrate_to(root.clone(), App);
    assert_eq!(mutations.elements(), (0, 0), "hydration created nothing");
    assert_eq!(take_hydration_mismatches(), Vec::<String>::new());
    assert!(link_before.is_same_node(Some(&query(&root, "a[href='/contacts/2']"))));
    assert_eq!(text(&root, "#contact"), "Contact 1");
    assert_eq!(text(&root, "#q"), "ada");
    assert_eq!(
        query(&root, "a[href='/contacts/1']")
            .get_attribute("aria-current")
            .as_deref(),
        Some("page")
    );

    // Same route, another id: only the text changes, the views stay.
    let article = query(&root, "#contact");
    query(&root, "a[href='/contacts/2']").click();
    assert_eq!(pathname(), "/contacts/2");
    assert_eq!(text(&root, "#contact"), "Contact 2");
    assert!(article.is_same_node(Some(&query(&root, "#contact"))));
    assert_eq!(
        mutations.elements(),
        (0, 0),
        "nothing re-created for new params"
    );
    assert_eq!(text(&root, "#q"), "", "the query changed too");
    assert_eq!(
        query(&root, "a[href='/contacts/2']")
            .get_attribute("aria-current")
            .as_deref(),
        Some("page")
    );
    assert_eq!(
        query(&root, "a[href='/contacts/1']").get_attribute("aria-current"),
        None
    );

    // Another route: the outlet's content is replaced, the layout stays.
    let section = query(&root, "#contacts");
    query(&root, "a[href='/search']").click();
    assert_eq!(pathname(), "/search");
    assert!(root.query_selector("#contacts").unwrap().is_none());
    assert!(!section.is_connected());
    assert!(root.query_selector("#results").unwrap().is_some());

    let _popstate = watch_popstate();
    traverse(-1).await;
    assert_eq!(pathname(), "/contacts/2");
    assert_eq!(text(&root, "#contact"), "Contact 2");
    traverse(-1).await;
    assert_eq!(pathname(), "/contacts/1?q=ada");
    assert_eq!(text(&root, "#contact"), "Contact 1");
    assert_eq!(text(&root, "#q"), "ada");
    traverse(1).await;
    assert_eq!(text(&root, "#contact"), "Contact 2");
    app.unmount();
}

#[wasm_bindgen_test]
async fn forms_navigate_and_redirects_replace() {
    set_url("/search");
    let root = container();
    let app = leptos::mount::mount_to(root.clone(), App);
    query(&root, "#q-input")
        .unchecked_into::<web_sys::HtmlInputElement>()
        .set_value("ada lovelace");
    query(&root, "form")
        .unchecked_into::<web_sys::HtmlFormElement>()
        .request_submit()
        .unwrap();
    assert_eq!(pathname(), "/search?q=ada+lovelace");
    assert_eq!(text(&root, "#results"), "ada lovelace");

    // use_navigate with `replace`.
    let length = window().history().unwrap().length().unwrap();
    query(&root, "#go-two").click();
    assert_eq!(pathname(), "/contacts/2");
    assert_eq!(window().history().unwrap().length().unwrap(), length);

    // <Redirect/> in the browser: navigates once the view is built, replacing the entry.
    query(&root, "a[href='/old']").click();
    sleep(0).await;
    assert_eq!(pathname(), "/contacts/1");
    assert_eq!(text(&root, "#contact"), "Contact 1");
    assert_eq!(window().history().unwrap().length().unwrap(), length + 1);

    // An unknown URL: the fallback.
    let nowhere: web_sys::HtmlElement = document().create_element("a").unwrap().unchecked_into();
    nowhere.set_attribute("href", "/nowhere").unwrap();
    root.append_child(&nowhere).unwrap();
    nowhere.click();
    assert_eq!(pathname(), "/nowhere");
    assert_eq!(text(&root, "#missing"), "Not found");
    app.unmount();
}

/// Clicks `link` with `init` and tells whether the router took the click over.
fn router_took(link: &web_sys::HtmlElement, init: &web_sys::MouseEventInit) -> bool {
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", init).unwrap();
    // After the router's listener: note what it did, then stop the browser from following.
    let seen = Rc::new(std::cell::Cell::new(None));
    let record = seen.clone();
    let after = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        record.set(Some(event.default_prevented()));
        event.prevent_default();
    });
    window()
        .add_event_listener_with_callback("click", after.as_ref().unchecked_ref())
        .unwrap();
    link.dispatch_event(&event).unwrap();
    window()
        .remove_event_listener_with_callback("click", after.as_ref().unchecked_ref())
        .unwrap();
    seen.get().expect("the click reached the window")
}

#[wasm_bindgen_test]
fn modified_clicks_and_special_links_are_left_to_the_browser() {
    set_url("/contacts");
    let root = container();
    let app = leptos::mount::mount_to(root.clone(), App);
    let link = |html: &str| -> web_sys::HtmlElement {
        let holder = document().create_element("div").unwrap();
        holder.set_inner_html(html);
        root.append_child(&holder).unwrap();
        holder.first_element_child().unwrap().unchecked_into()
    };
    let plain = || web_sys::MouseEventInit::new();
    let with = |set: fn(&web_sys::MouseEventInit)| {
        let init = web_sys::MouseEventInit::new();
        set(&init);
        init
    };
    let internal = query(&root, "a[href='/contacts/1']");
    assert!(!router_took(&internal, &with(|i| i.set_ctrl_key(true))));
    assert!(!router_took(&internal, &with(|i| i.set_meta_key(true))));
    assert!(!router_took(&internal, &with(|i| i.set_shift_key(true))));
    assert!(!router_took(&internal, &with(|i| i.set_alt_key(true))));
    assert!(!router_took(&internal, &with(|i| i.set_button(1))));
    assert!(!router_took(
        &link(r#"<a href="/contacts/1" target="_blank">x</a>"#),
        &plain()
    ));
    assert!(!router_took(
        &link(r#"<a href="/contacts/1" download>x</a>"#),
        &plain()
    ));
    assert!(!router_took(
        &link(r#"<a href="/contacts/1" rel="external">x</a>"#),
        &plain()
    ));
    assert!(!router_took(
        &link(r#"<a href="https://example.com/contacts/1">x</a>"#),
        &plain()
    ));
    assert!(!router_took(&link(r##"<a href="#top">x</a>"##), &plain()));
    assert_eq!(pathname(), "/contacts", "none of them navigated");

    // A plain click on a plain `<a>` (not only `<A>`) is the router's.
    assert!(router_took(
        &link(r#"<a href="/contacts/2"><span id="inner">x</span></a>"#),
        &plain()
    ));
    assert_eq!(pathname(), "/contacts/2");
    assert!(router_took(
        &query(&root, "a[href='/contacts/1']"),
        &plain()
    ));
    assert_eq!(pathname(), "/contacts/1");
    app.unmount();

    // Unmounted: the router's listener is gone.
    assert!(!router_took(
        &link(r#"<a href="/contacts/2">x</a>"#),
        &plain()
    ));
    assert_eq!(pathname(), "/contacts/1");
}

#[wasm_bindgen_test]
async fn back_and_forward_restore_the_scroll_position() {
    set_url("/tall");
    let root = container();
    let app = leptos::mount::mount_to(root.clone(), App);
    let _popstate = watch_popstate();
    window().scroll_to_with_x_and_y(0.0, 1200.0);
    assert_eq!(window().scroll_y().unwrap(), 1200.0);
    query(&root, "a[href='/contacts']").click();
    assert_eq!(pathname(), "/contacts");
    assert_eq!(
        window().scroll_y().unwrap(),
        0.0,
        "a new page starts at the top"
    );
    traverse(-1).await;
    assert_eq!(pathname(), "/tall");
    assert_eq!(
        window().scroll_y().unwrap(),
        1200.0,
        "back restores where the page was"
    );
    window().scroll_to_with_x_and_y(0.0, 700.0);
    traverse(1).await;
    assert_eq!(pathname(), "/contacts");
    traverse(-1).await;
    assert_eq!(window().scroll_y().unwrap(), 700.0);
    app.unmount();
}
