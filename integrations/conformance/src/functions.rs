//! The server functions the suite calls, and the [`Hooks`] through which some of them use
//! their integration's own API.

use std::future::Future;
use std::pin::Pin;

use reactive_graph::{provide_context, use_context};
use serde::Deserialize;
use server_fn::{get, put, server, HttpError, ServerFnError};

/// The query [`method_and_query`] reads: `?foo=...`.
#[derive(Clone, Debug, Deserialize)]
pub struct FooQuery {
    /// The one parameter.
    pub foo: String,
}

/// The future of [`Hooks::method_and_query`].
pub type HookFuture = Pin<Box<dyn Future<Output = Result<String, ServerFnError>> + Send>>;

/// What each integration implements with its own API, for the functions that need it.
#[derive(Clone, Copy, Debug)]
pub struct Hooks {
    /// Sets the status `418 I'm a teapot` and appends the cookies `biscuits=yes` and
    /// `tea=earl-grey`, with the integration's `ResponseOptions`.
    pub tea_and_cookies: fn(),
    /// The integration's own `redirect(path)`.
    pub redirect: fn(&str),
    /// `"{METHOD} foo={foo}"`, read with the integration's `extract()` (the method and a
    /// query of [`FooQuery`]).
    pub method_and_query: fn() -> HookFuture,
}

/// The context every call of the suite's app gets from the integration's additional
/// context: the integration's [`Hooks`] and a [`Greeting`].
pub fn provide_suite_context(hooks: Hooks) {
    provide_context(hooks);
    provide_context(Greeting("hello"));
}

/// A value of the app's additional context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Greeting(pub &'static str);

fn hooks() -> Result<Hooks, ServerFnError> {
    use_context::<Hooks>().ok_or_else(|| {
        ServerFnError::new(
            "no conformance Hooks in context: the app must run `provide_suite_context` as its \
             additional context",
        )
    })
}

/// Adds two numbers (PostUrl).
#[server]
pub async fn add(a: i32, b: i32) -> Result<i32, ServerFnError> {
    Ok(a + b)
}

/// Adds two numbers (GetUrl).
#[server(input = GetUrl)]
pub async fn add_get(a: i32, b: i32) -> Result<i32, ServerFnError> {
    Ok(a + b)
}

/// Adds two numbers (Json).
#[server(input = Json, output = Json)]
pub async fn add_json(a: i32, b: i32) -> Result<i32, ServerFnError> {
    Ok(a + b)
}

/// Always fails.
#[server]
pub async fn fail() -> Result<(), ServerFnError> {
    Err(ServerFnError::new("the database is down: try again later"))
}

/// Always panics.
#[server]
pub async fn explode() -> Result<(), ServerFnError> {
    panic!("boom (a panic the conformance suite provokes on purpose)")
}

/// The length of a text, to test the body limit.
#[server]
pub async fn echo_len(text: String) -> Result<usize, ServerFnError> {
    Ok(text.len())
}

/// Sets a status and two cookies ([`Hooks::tea_and_cookies`]).
#[server]
pub async fn tea_and_cookies() -> Result<(), ServerFnError> {
    (hooks()?.tea_and_cookies)();
    Ok(())
}

/// Redirects home with the integration's `redirect` after "logging in".
#[server]
pub async fn login(user: String) -> Result<String, ServerFnError> {
    (hooks()?.redirect)("/home");
    Ok(format!("welcome {user}"))
}

/// Redirects home with `leptos::redirect`, which is the same for every integration.
#[server]
pub async fn logout() -> Result<(), ServerFnError> {
    leptos::redirect("/bye");
    Ok(())
}

/// Saves nothing, successfully.
#[server]
pub async fn save(title: String) -> Result<usize, ServerFnError> {
    Ok(title.len())
}

/// Refuses every title.
#[server]
pub async fn refuse(title: String) -> Result<(), ServerFnError> {
    Err(ServerFnError::new(format!("`{title}` is not allowed")))
}

/// Reads the method and query of its own request ([`Hooks::method_and_query`]).
#[server(input = GetUrl)]
pub async fn method_and_query() -> Result<String, ServerFnError> {
    (hooks()?.method_and_query)().await
}

/// Reads the app's additional context.
#[server]
pub async fn greet() -> Result<String, ServerFnError> {
    let greeting =
        use_context::<Greeting>().ok_or_else(|| ServerFnError::new("no Greeting in context"))?;
    Ok(greeting.0.to_owned())
}

/// Greets user `id` (a path parameter), loudly if `shout` (a query parameter) says so.
#[get("/api/conformance/users/{id}?shout")]
pub async fn greet_user(id: u32, shout: Option<bool>) -> Result<String, HttpError> {
    let greeting = format!("hello user {id}");
    Ok(if shout == Some(true) {
        greeting.to_uppercase()
    } else {
        greeting
    })
}

/// Renames user `id` (a path parameter) to `name` (a JSON body); shares its path with
/// [`greet_user`].
#[put("/api/conformance/users/{id}")]
pub async fn rename_user(id: u32, name: String) -> Result<String, HttpError> {
    Ok(format!("{id} -> {name}"))
}
