//! The SQLite todo example in headless Chromium, served by the build tool as a user runs it,
//! each test with its own database file (created by the app on first run).
//!
//! - JavaScript off: adding a todo posts the form, the server answers with a redirect, the
//!   browser follows it and the new todo is listed; it is still there after a reload; a
//!   server error (an empty title) comes back on the page.
//! - JavaScript on: the page hydrates without calling a server function; adding and deleting
//!   a todo load no new page and update the list; a server error shows on the page.

use e2e::{Browser, Js, Server};
use std::path::PathBuf;

/// A database path of this test's own, removed when dropped.
struct TempDb(PathBuf);

impl TempDb {
    fn new(test: &str) -> TempDb {
        let path = std::env::temp_dir().join(format!("todo-e2e-{}-{test}.db", std::process::id()));
        let _ = std::fs::remove_file(&path);
        TempDb(path)
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn serve(db: &TempDb) -> Server {
    e2e::examples::serve_example("todo_app_sqlite", |command| {
        command.env("TODO_DB", &db.0);
    })
}

/// The titles listed, in order. With JavaScript on the list can change between finding the
/// elements and reading them, so they are read in one script.
fn titles(browser: &Browser) -> e2e::Result<Vec<String>> {
    if browser.js() == Js::Off {
        return browser
            .find_all("#todos .title")?
            .iter()
            .map(|title| title.text())
            .collect();
    }
    let value = browser.eval(
        "return Array.from(document.querySelectorAll('#todos .title')).map((e) => e.textContent);",
    )?;
    Ok(value
        .as_array()
        .map(|titles| {
            titles
                .iter()
                .filter_map(|t| t.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default())
}

/// Waits until the list shows exactly `expected`.
fn wait_for_titles(browser: &Browser, expected: &[&str]) -> e2e::Result<()> {
    browser.wait_until(
        &format!("the list to show {expected:?}"),
        e2e::DEFAULT_TIMEOUT,
        || Ok(titles(browser)? == expected),
    )
}

fn add(browser: &Browser, title: &str) -> e2e::Result<()> {
    let input = browser.find("#new-title")?;
    input.clear()?;
    input.send_keys(title)?;
    browser.find("#add")?.click()
}

#[test]
fn without_javascript_adding_a_todo_posts_and_follows_the_redirect() -> e2e::Result<()> {
    let db = TempDb::new("nojs-add");
    let server = serve(&db);
    let browser = Browser::launch(Js::Off)?;
    browser.goto(&server.url("/"))?;
    browser.wait_for_text("#empty", "No tasks were found.")?;
    assert!(
        db.0.exists(),
        "the app created its database file on first run"
    );

    add(&browser, "Buy milk")?;
    wait_for_titles(&browser, &["Buy milk"])?;
    assert_eq!(
        browser.current_url()?,
        server.url("/"),
        "redirected back to the list"
    );
    add(&browser, "Walk <the> dog & cat")?;
    wait_for_titles(&browser, &["Buy milk", "Walk <the> dog & cat"])?;

    browser.refresh()?;
    wait_for_titles(&browser, &["Buy milk", "Walk <the> dog & cat"])?;

    // Delete the first one, still without JavaScript.
    browser.find("#todos li .delete")?.click()?;
    wait_for_titles(&browser, &["Walk <the> dog & cat"])?;
    Ok(())
}

#[test]
fn without_javascript_a_server_error_shows_on_the_page() -> e2e::Result<()> {
    let db = TempDb::new("nojs-error");
    let server = serve(&db);
    let browser = Browser::launch(Js::Off)?;
    browser.goto(&server.url("/"))?;
    add(&browser, "   ")?;
    browser.wait_for_text(
        "#error",
        "error running server function: a todo needs a title",
    )?;
    assert!(titles(&browser)?.is_empty(), "nothing was saved");
    // The next good post works and clears the error.
    add(&browser, "Water plants")?;
    wait_for_titles(&browser, &["Water plants"])?;
    assert!(browser.try_find("#error")?.is_none());
    Ok(())
}

#[test]
fn with_javascript_the_list_updates_in_place() -> e2e::Result<()> {
    let db = TempDb::new("js");
    let server = serve(&db);
    let browser = Browser::launch(Js::On)?;
    browser.record_listeners()?;
    browser.goto(&server.url("/"))?;
    browser.wait_for_document_listener("submit")?;
    let server_fn_calls = |browser: &Browser| -> e2e::Result<Vec<String>> {
        Ok(browser
            .requested_urls()?
            .into_iter()
            .filter(|url| url.contains("/api/"))
            .collect())
    };
    assert_eq!(
        server_fn_calls(&browser)?,
        Vec::<String>::new(),
        "hydration reused the server's data instead of calling get_todos"
    );

    browser.mark_document()?;
    add(&browser, "Buy milk")?;
    wait_for_titles(&browser, &["Buy milk"])?;
    add(&browser, "Call mum")?;
    wait_for_titles(&browser, &["Buy milk", "Call mum"])?;
    browser.find("#todos li .delete")?.click()?;
    wait_for_titles(&browser, &["Call mum"])?;
    assert!(browser.is_same_document()?, "no full page load happened");
    assert!(
        !server_fn_calls(&browser)?.is_empty(),
        "the forms called their server functions with fetch"
    );

    add(&browser, "")?;
    browser.wait_for_text(
        "#error",
        "error running server function: a todo needs a title",
    )?;
    assert_eq!(titles(&browser)?, ["Call mum"]);
    assert!(browser.is_same_document()?);
    // The refused call is logged by Chromium as a failed request; nothing else may be.
    let errors: Vec<String> = browser
        .console_errors()?
        .into_iter()
        .filter(|e| !(e.contains("/api/add_todo") && e.contains("status of 500")))
        .collect();
    assert_eq!(errors, Vec::<String>::new());
    Ok(())
}
