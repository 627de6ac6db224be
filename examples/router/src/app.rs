//! The pages and the routes between them.
//!
//! ```text
//! /                 Home (a long page: its scroll position is restored by back)
//! /contacts         ContactList, with NoContact in its outlet
//! /contacts/:id     ContactList, with ContactInfo in its outlet
//! /settings         Settings (query-only links: ?theme=dark)
//! /login            Login (a server function that redirects to /admin)
//! /admin            Admin, protected: redirects to /login unless logged in
//! anything else     NotFound, with a 404 status
//! ```

use crate::auth::{current_user, LogIn, LogOut};
use crate::contacts::{self, Contact};
use leptos::prelude::*;
use leptos::server_context::RequestContext;
use leptos_meta::{provide_meta_context, Meta, Title};
use leptos_router::components::{
    Form, Outlet, ParentRoute, ProtectedRoute, Route, Router, Routes, A,
};
use leptos_router::hooks::{use_location, use_params, use_query, use_query_map};
use leptos_router::params::{Params, ParamsError};
use leptos_router::path;

/// The logged-in user, loaded from the server.
#[derive(Clone, Copy, Debug)]
struct User(Resource<Result<Option<String>, ServerFnError>>);

/// The whole app: the router around the layout. Every page's title ends with the app's name.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Title formatter=|page: String| format!("{page} | Contacts")/>
        <Meta name="description" content="A small address book"/>
        <Router>
            <Layout/>
        </Router>
    }
}

/// The navigation bar and the routes.
#[component]
fn Layout() -> impl IntoView {
    let location = use_location();
    // Loaded again whenever the admin page is entered or left, so that logging in or out
    // (which then goes there or away) is seen.
    let user = Resource::new(
        move || location.pathname.with(|path| path.starts_with("/admin")),
        |_| current_user(),
    );
    provide_context(User(user));
    // Unknown (`None`) while loading, so that a stale answer never redirects.
    let logged_in = move || {
        if user.loading() {
            None
        } else {
            user.get().map(|user| matches!(user, Ok(Some(_))))
        }
    };
    view! {
        <header>
            <nav>
                <A href="/" exact=true>"Home"</A>
                " | "
                <A href="/contacts">"Contacts"</A>
                " | "
                <A href="/settings">"Settings"</A>
                " | "
                <A href="/admin">"Admin"</A>
                " | "
                <a href="/no-such-page">"A broken link"</a>
            </nav>
        </header>
        <main>
            <Routes fallback=NotFound>
                <Route path=path!("/") view=Home/>
                <ParentRoute path=path!("/contacts") view=ContactList>
                    <Route path=path!("") view=NoContact/>
                    <Route path=path!(":id") view=ContactInfo/>
                </ParentRoute>
                <Route path=path!("/settings") view=Settings/>
                <Route path=path!("/login") view=Login/>
                <ProtectedRoute
                    path=path!("/admin")
                    view=Admin
                    condition=logged_in
                    redirect_path=|| "/login"
                />
            </Routes>
        </main>
    }
}

/// Sets a 404 status when rendering on the server.
fn not_found_status() {
    if let Some(request) = use_context::<RequestContext>() {
        request.set_status(leptos::server_fn::http::StatusCode::NOT_FOUND);
    }
}

/// The home page: long enough to scroll.
#[component]
fn Home() -> impl IntoView {
    let tips = (1..=80)
        .map(|n| view! { <li>"Tip " {n} ": links inside the app load no new page."</li> })
        .collect::<Vec<_>>();
    view! {
        <Title text="Home"/>
        <h1 id="home">"Contacts"</h1>
        <p>"A small address book. Every page renders on the server and works without JavaScript; with it, links and forms navigate without loading a page."</p>
        <ul id="tips">{tips}</ul>
        <p id="bottom"><A href="/contacts">"See the contacts"</A></p>
    }
}

/// The `?q=` of the contact list.
#[derive(Params, Clone, Debug, PartialEq)]
struct Search {
    q: Option<String>,
}

/// The list of contacts (filtered by the search form), and the selected one in the outlet.
#[component]
fn ContactList() -> impl IntoView {
    let search = use_query::<Search>();
    let query = move || search.get().ok().and_then(|s| s.q).unwrap_or_default();
    let found = move || {
        contacts::search(&query())
            .into_iter()
            .map(|contact| {
                view! { <li><A href=contact.id.to_string()>{contact.name()}</A></li> }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <Title text="All contacts"/>
        <div id="contacts">
            <aside>
                <h2>"Contacts"</h2>
                <Form action="">
                    <input type="search" name="q" id="q" value=query placeholder="Search"/>
                    <button type="submit" id="search">"Search"</button>
                </Form>
                <ul id="contact-list">{found}</ul>
            </aside>
            <section id="detail">
                <Outlet/>
            </section>
        </div>
    }
}

/// The outlet of `/contacts` when no contact is selected.
#[component]
fn NoContact() -> impl IntoView {
    view! { <p id="no-contact">"Select a contact."</p> }
}

/// `/contacts/:id`.
#[derive(Params, Clone, Debug, PartialEq)]
struct ContactParams {
    id: usize,
}

/// One contact. Going from one contact to another keeps the article and changes its text.
#[component]
fn ContactInfo() -> impl IntoView {
    let params = use_params::<ContactParams>();
    let contact: Memo<Result<Option<Contact>, ParamsError>> =
        Memo::new(move |_| params.get().map(|p| contacts::find(p.id)));
    // Which of the three views to show; the article's fields follow `contact` themselves.
    let found = Memo::new(move |_| contact.with(|c| matches!(c, Ok(Some(_)))));
    let field = move |read: fn(&Contact) -> String| {
        move || {
            contact.with(|c| {
                c.as_ref()
                    .ok()
                    .and_then(Option::as_ref)
                    .map(read)
                    .unwrap_or_default()
            })
        }
    };
    move || {
        if found.get() {
            return view! {
                <article id="contact">
                    <Title text=field(Contact::name)/>
                    <h3 id="name">{field(Contact::name)}</h3>
                    <p id="email">{field(|c| c.email.to_string())}</p>
                    <p id="note">{field(|c| c.note.to_string())}</p>
                </article>
            }
            .into_any();
        }
        not_found_status();
        let message = match contact.get() {
            Err(error) => format!("Invalid contact id: {error}"),
            Ok(_) => "No contact has this id.".to_string(),
        };
        view! { <p id="contact-error">{message}</p> }.into_any()
    }
}

/// Settings kept in the query: `?theme=dark`.
#[component]
fn Settings() -> impl IntoView {
    let query = use_query_map();
    let theme = move || {
        query
            .get()
            .get("theme")
            .unwrap_or_else(|| "light".to_string())
    };
    view! {
        <h1 id="settings">"Settings"</h1>
        <p>"Theme: " <b id="theme">{theme}</b></p>
        <p>
            <A href="?theme=light">"Light"</A>
            " | "
            <A href="?theme=dark">"Dark"</A>
        </p>
    }
}

/// Logging in: a form that calls a server function, which redirects to the admin page.
#[component]
fn Login() -> impl IntoView {
    let log_in = ServerAction::<LogIn>::new();
    let error = move || {
        log_in
            .value()
            .get()
            .and_then(Result::err)
            .map(|error| view! { <p id="login-error">{error.to_string()}</p> })
    };
    view! {
        <h1 id="login">"Log in"</h1>
        <ActionForm action=log_in>
            <input type="text" name="name" id="name" placeholder="Your name"/>
            <button type="submit" id="log-in">"Log in"</button>
        </ActionForm>
        {error}
    }
}

/// The protected page.
#[component]
fn Admin() -> impl IntoView {
    let User(user) = expect_context::<User>();
    let log_out = ServerAction::<LogOut>::new();
    let name = move || {
        user.get()
            .and_then(|u| u.ok().flatten())
            .unwrap_or_default()
    };
    view! {
        <h1 id="admin">"Admin area"</h1>
        <p>"Logged in as " <b id="user">{name}</b></p>
        <ActionForm action=log_out>
            <button type="submit" id="log-out">"Log out"</button>
        </ActionForm>
    }
}

/// Any URL no route matches (with a 404 status).
#[component]
fn NotFound() -> impl IntoView {
    view! {
        <h1 id="not-found">"Page not found"</h1>
        <p><A href="/">"Go home"</A></p>
    }
}
