//! The app: the document shell the server renders, the routes and their pages, and the
//! server functions they call.
//!
//! ```text
//! /              HomePage: a counter, a button that calls a server function, and a form
//!                whose server function redirects to /hello/<name>
//! /hello/:name   Hello
//! anything else  NotFound, with a 404 status
//! ```
//!
//! Every page is rendered on the server and works without JavaScript (the form posts, and
//! the server answers with a redirect); with it, the browser bundle hydrates the page, links
//! and the form navigate without loading a new document, and the counter counts.

use leptos::config::LeptosOptions;
use leptos::prelude::*;
use leptos::server_context::RequestContext;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_params_map;
use leptos_router::path;

/// The document around the app, which the server renders for every page. The hydration
/// scripts load the browser bundle (`/pkg/...`) and call its `hydrate` function.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title>"{{crate_name}}"</title>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The whole app: a navigation bar and the routes. The server renders the route of the
/// requested URL (`generate_route_list(App)` in `main.rs` lists them all); in the browser,
/// the router takes over links and forms.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <nav>
                <A href="/" exact=true>"Home"</A>
                " | "
                <A href="/hello/World">"Hello"</A>
            </nav>
            <main>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/hello/:name") view=Hello/>
                </Routes>
            </main>
        </Router>
    }
}

/// The home page.
#[component]
fn HomePage() -> impl IntoView {
    // A counter: state in a signal, changed by a click, once the page has hydrated.
    let (count, set_count) = signal(0);

    // A server function called from a button: the action calls it and keeps its answer.
    let double = Action::new(|n: &i32| double_on_server(*n));
    let answer = move || {
        double.value().get().map(|answer| match answer {
            Ok(doubled) => format!("The server says {doubled}."),
            Err(error) => format!("The server failed: {error}"),
        })
    };

    // A form that calls a server function, which redirects. Without JavaScript the form
    // posts and the browser follows the server's redirect; with it, the form is sent with
    // `fetch` and the router follows the redirect without loading a page.
    let say_hello = ServerAction::<SayHello>::new();
    let error = move || {
        say_hello
            .value()
            .get()
            .and_then(Result::err)
            .map(|error| view! { <p id="hello-error">{error.to_string()}</p> })
    };

    view! {
        <h1 id="title">"Welcome to {{crate_name}}"</h1>
        <p>
            <button id="counter" on:click=move |_| set_count.update(|n| *n += 1)>
                "Clicks: " {move || count.get()}
            </button>
        </p>
        <p>
            <button id="double" on:click=move |_| double.dispatch(count.get())>
                "Double it on the server"
            </button>
            " "
            <span id="answer">{answer}</span>
        </p>
        <h2>"Say hello"</h2>
        <ActionForm action=say_hello>
            <input type="text" name="name" id="name" placeholder="Your name"/>
            <button type="submit" id="say-hello">"Say hello"</button>
        </ActionForm>
        {error}
    }
}

/// `/hello/:name`, where the form's server function sends the browser.
#[component]
fn Hello() -> impl IntoView {
    let params = use_params_map();
    let name = move || params.get().get("name").unwrap_or_default();
    view! {
        <h1 id="hello">"Hello, " {name} "!"</h1>
        <p><A href="/">"Back home"</A></p>
    }
}

/// Any URL no route matches, with a 404 status.
#[component]
fn NotFound() -> impl IntoView {
    // On the server, the response's status; in the browser there is none to set.
    if let Some(request) = use_context::<RequestContext>() {
        request.set_status(leptos::server_fn::http::StatusCode::NOT_FOUND);
    }
    view! {
        <h1 id="not-found">"Page not found"</h1>
        <p><A href="/">"Go home"</A></p>
    }
}

/// Doubles `n`. The body runs on the server only: in the browser, calling the function
/// sends a request to the server (`/api/...`) and returns its answer.
#[server]
pub async fn double_on_server(n: i32) -> Result<i32, ServerFnError> {
    n.checked_mul(2)
        .ok_or_else(|| ServerFnError::new(format!("{n} is too big to double")))
}

/// Checks `name`, then redirects to `/hello/<name>`.
#[server]
pub async fn say_hello(name: String) -> Result<(), ServerFnError> {
    let name = check_name(&name).map_err(ServerFnError::new)?;
    {{server_crate}}::redirect(&format!("/hello/{name}"));
    Ok(())
}

/// A name is 1 to 40 ASCII letters or digits (so that it goes into a URL as it is);
/// surrounding spaces are ignored.
pub fn check_name(name: &str) -> Result<&str, String> {
    let name = name.trim();
    if name.is_empty() || name.len() > 40 || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err("a name has 1 to 40 letters or digits".to_string());
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use leptos::server_fn::http::StatusCode;
    use std::sync::{Arc, Mutex};

    /// Renders the app for `url` as the server does; returns the HTML and the status the
    /// page set, if any.
    fn render(url: &str) -> (String, Option<StatusCode>) {
        let status = Arc::new(Mutex::new(None));
        let set = status.clone();
        let request = RequestContext::new(url.to_string())
            .on_set_status(move |code| *set.lock().unwrap() = Some(code));
        let html = leptos::ssr::render_to_string(move || {
            provide_context(request);
            view! { <App/> }
        });
        let status = *status.lock().unwrap();
        (html, status)
    }

    #[test]
    fn pages_render_on_the_server() {
        let (home, status) = render("/");
        assert!(home.contains(r#"<button id="counter""#), "{home}");
        assert!(home.contains("Say hello"), "{home}");
        assert_eq!(status, None);

        let (hello, _) = render("/hello/Ada");
        assert!(hello.contains("Ada"), "{hello}");

        let (missing, status) = render("/no/such/page");
        assert!(missing.contains("Page not found"), "{missing}");
        assert_eq!(status, Some(StatusCode::NOT_FOUND));
    }

    #[test]
    fn names_are_letters_and_digits() {
        assert_eq!(check_name(" Ada "), Ok("Ada"));
        assert_eq!(check_name("R2D2"), Ok("R2D2"));
        for bad in ["", "   ", "Ada Lovelace", "a/b", "é", &"x".repeat(41)] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
    }
}
