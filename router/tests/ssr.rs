//! The router on the server: what each URL renders, with which status, and the redirects;
//! through `leptos::ssr` with a `RequestContext`, as `leptos_axum` provides it.

use leptos::prelude::*;
use leptos::server_context::RequestContext;
use leptos::server_fn::http::StatusCode;
use leptos_router::components::{
    Form, Outlet, ParentRoute, ProtectedRoute, Redirect, Route, Router, Routes, A,
};
use leptos_router::hooks::{use_location, use_params, use_params_map, use_query_map};
use leptos_router::params::Params;
use leptos_router::path;
use std::sync::{Arc, Mutex};

/// What a render answered.
#[derive(Debug, Default)]
struct Response {
    html: String,
    status: Option<StatusCode>,
    location: Option<String>,
}

/// Renders `app` for `url` as the server does.
fn render<V: IntoView>(url: &str, app: fn() -> V) -> Response {
    let response = Arc::new(Mutex::new(Response::default()));
    let (status, location) = (response.clone(), response.clone());
    let request = RequestContext::new(url.to_string())
        .on_set_status(move |code| status.lock().unwrap().status = Some(code))
        .on_redirect(move |to| location.lock().unwrap().location = Some(to.to_string()));
    let html = leptos::ssr::render_to_string(move || {
        provide_context(request);
        app()
    });
    let mut response = Arc::try_unwrap(response).unwrap().into_inner().unwrap();
    response.html = html;
    response
}

/// The text of the page: tags and comments removed.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[derive(Params, Clone, Debug, PartialEq)]
struct ContactParams {
    id: Option<usize>,
}

#[component]
fn ContactList() -> impl IntoView {
    let query = use_query_map();
    view! {
        <section id="list">
            <A href="1">"Ada"</A>
            <A href="2">"Grace"</A>
            <A href="..">"Up"</A>
            <p id="filter">{move || query.get().get("q").unwrap_or_default()}</p>
            <Outlet/>
        </section>
    }
}

#[component]
fn Contact() -> impl IntoView {
    let params = use_params::<ContactParams>();
    view! {
        <article>
            {move || match params.get() {
                Ok(ContactParams { id: Some(id) }) => format!("Contact {id}"),
                Ok(ContactParams { id: None }) => "No id".to_string(),
                Err(error) => format!("Bad id: {error}"),
            }}
            <A href="edit">"Edit"</A>
        </article>
    }
}

#[component]
fn Files() -> impl IntoView {
    let params = use_params_map();
    view! { <p>"File: " {move || params.get().get("rest").unwrap_or_default()}</p> }
}

#[component]
fn Posts() -> impl IntoView {
    let params = use_params_map();
    view! { <p>"Page " {move || params.get().get("page").unwrap_or_else(|| "1".into())}</p> }
}

#[component]
fn App() -> impl IntoView {
    view! {
        <Router>
            <nav>
                <A href="/" exact=true>"Home"</A>
                <A href="/contacts">"Contacts"</A>
            </nav>
            <main>
                <Routes fallback=|| view! { <h1>"Not found"</h1> }>
                    <Route path=path!("/") view=|| view! { <h1>"Home"</h1> }/>
                    <ParentRoute path=path!("/contacts") view=ContactList>
                        <Route path=path!("") view=|| view! { <p>"Pick a contact"</p> }/>
                        <Route path=path!(":id") view=Contact/>
                    </ParentRoute>
                    <Route path=path!("/files/*rest") view=Files/>
                    <Route path=path!("/posts/:page?") view=Posts/>
                    <Route path=path!("/old") view=|| view! { <Redirect path="/contacts"/> }/>
                    <ProtectedRoute
                        path=path!("/admin")
                        view=|| view! { <h1>"Admin"</h1> }
                        condition=|| Some(false)
                        redirect_path=|| "/login"
                    />
                    <ProtectedRoute
                        path=path!("/open")
                        view=|| view! { <h1>"Open"</h1> }
                        condition=|| Some(true)
                        redirect_path=|| "/login"
                    />
                </Routes>
            </main>
        </Router>
    }
}

#[test]
fn each_url_renders_its_route() {
    let home = render("/", App);
    assert!(text(&home.html).contains("Home"), "{}", home.html);
    assert_eq!(home.status, None, "a matched route leaves the status alone");

    let list = render("/contacts", App);
    assert!(text(&list.html).contains("Pick a contact"), "{}", list.html);
    assert!(!list.html.contains("<article>"));

    let detail = render("/contacts/2?q=gr", App);
    let page = text(&detail.html);
    assert!(page.contains("Contact 2"), "{page}");
    assert!(!page.contains("Pick a contact"), "{page}");
    assert!(page.contains("gr"), "the query is read: {page}");

    let files = render("/files/docs/a%20b.txt", App);
    assert!(
        text(&files.html).contains("File: docs/a b.txt"),
        "{}",
        files.html
    );
    assert!(text(&render("/posts", App).html).contains("Page 1"));
    assert!(text(&render("/posts/3/", App).html).contains("Page 3"));
}

#[test]
fn links_resolve_against_their_route_and_mark_the_active_one() {
    let detail = render("/contacts/2", App).html;
    // In the parent's view: relative to `/contacts`.
    assert!(detail.contains(r#"<a href="/contacts/1">"#), "{detail}");
    assert!(
        detail.contains(r#"<a href="/contacts/2" aria-current="page">"#),
        "{detail}"
    );
    assert!(
        detail.contains(r#"<a href="/">"#),
        "`..` from /contacts: {detail}"
    );
    // In the child's view: relative to `/contacts/2`.
    assert!(
        detail.contains(r#"<a href="/contacts/2/edit">"#),
        "{detail}"
    );
    // Navigation: `/contacts` is active below it; `/` is exact.
    assert!(
        detail.contains(r#"<a href="/contacts" aria-current="page">"#),
        "{detail}"
    );
    assert!(render("/", App)
        .html
        .contains(r#"<a href="/" aria-current="page">"#));
}

#[test]
fn an_unmatched_url_renders_the_fallback_with_404() {
    for url in [
        "/nope",
        "/contacts/1/2",
        "/%",
        "/%%%/ü/../..",
        "//",
        "/files",
    ] {
        let response = render(url, App);
        let page = text(&response.html);
        if url == "/files" || url == "//" {
            // `*rest` matches nothing; `//` is the root.
            assert_eq!(response.status, None, "{url}");
            continue;
        }
        assert!(page.contains("Not found"), "{url}: {page}");
        assert_eq!(response.status, Some(StatusCode::NOT_FOUND), "{url}");
    }
    // Long and odd URLs never panic.
    let long = format!("/contacts/{}", "x".repeat(100_000));
    assert!(text(&render(&long, App).html).contains("Bad id"));
    let deep: String = (0..1000).map(|i| format!("/{i}")).collect();
    assert_eq!(render(&deep, App).status, Some(StatusCode::NOT_FOUND));
}

#[test]
fn a_param_that_does_not_parse_is_a_clear_error_value() {
    let page = text(&render("/contacts/ada", App).html);
    assert!(
        page.contains(
            "Bad id: the URL parameter `id` is \"ada\", which is not a valid `usize` (invalid \
             digit found in string)"
        ),
        "{page}"
    );
}

#[test]
fn redirects_answer_302_with_the_location() {
    let old = render("/old", App);
    assert_eq!(old.location.as_deref(), Some("/contacts"));
    let admin = render("/admin", App);
    assert_eq!(admin.location.as_deref(), Some("/login"));
    assert!(!text(&admin.html).contains("Admin"));
    let open = render("/open", App);
    assert_eq!(open.location, None);
    assert!(text(&open.html).contains("Open"));
}

#[component]
fn Search() -> impl IntoView {
    let location = use_location();
    view! {
        <Form action="">
            <input name="q"/>
        </Form>
        <Form action="/elsewhere" method="post">
            <button>"Post"</button>
        </Form>
        <p>{move || location.search.get()}</p>
    }
}

#[component]
fn SearchApp() -> impl IntoView {
    view! {
        <Router>
            <Routes fallback=|| "Not found">
                <Route path=path!("/search") view=Search/>
            </Routes>
        </Router>
    }
}

#[test]
fn forms_render_their_method_and_resolved_action() {
    let html = render("/search?q=a", SearchApp).html;
    assert!(
        html.contains(r#"<form method="get" action="/search">"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<form method="post" action="/elsewhere">"#),
        "{html}"
    );
    assert!(html.contains("?q=a"), "{html}");
}

#[test]
fn a_route_outside_routes_renders_nothing_and_does_not_panic() {
    let html = leptos::ssr::render_to_string(|| {
        view! { <div><Route path=path!("/x") view=|| "x"/></div> }
    });
    assert_eq!(html, "<div><!----></div>");
}

/// Asks for the location inside an owner it disposes at once, then reads it from a later
/// component: the location's memos belong to the router, not to whoever asked first.
#[component]
fn AskedFirstThenGone() -> impl IntoView {
    let short_lived = Owner::new();
    let first = short_lived.with(use_location);
    short_lived.dispose();
    let again = use_location();
    view! {
        <p>{move || first.hash.get()}</p>
        <p>{move || again.query.with(|q| q.get("page").unwrap_or_default())}</p>
        <p>{move || first.pathname.get()}</p>
    }
}

#[test]
fn the_location_asked_for_in_a_short_lived_owner_outlives_it() {
    fn app() -> impl IntoView {
        view! {
            <Router>
                <Routes fallback=|| "Not found">
                    <Route path=path!("/docs") view=AskedFirstThenGone/>
                </Routes>
            </Router>
        }
    }
    let response = render("/docs?page=7#intro", app);
    assert_eq!(text(&response.html), "#intro7/docs", "{}", response.html);
}
