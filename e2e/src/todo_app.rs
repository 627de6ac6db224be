//! The scenarios of the SQLite todo app, run against each server that serves it
//! (`examples/todo_app_sqlite` on axum, `examples/todo_app_sqlite_actix` on actix-web), each
//! with its own database file (created by the app on first run). `tests/todo_app.rs` and
//! `tests/todo_app_actix.rs` run them.
//!
//! - JavaScript off: adding a todo posts the form, the server answers with a redirect, the
//!   browser follows it and the new todo is listed; it is still there after a reload; a
//!   server error (an empty title) comes back on the page.
//! - JavaScript on: the page hydrates without calling a server function; adding and deleting
//!   a todo load no new page and update the list; a todo on its way to the server is listed
//!   as pending until it arrives; a server error shows on the page.

use std::path::PathBuf;

use crate::examples::serve_example;
use crate::{Browser, Error, Js, Result, Server, DEFAULT_TIMEOUT};

/// A database path of this test's own, removed when dropped.
struct TempDb(PathBuf);

impl TempDb {
    fn new(example: &str, test: &str) -> TempDb {
        let path = std::env::temp_dir().join(format!(
            "todo-e2e-{}-{example}-{test}.db",
            std::process::id()
        ));
        let _ = std::fs::remove_file(&path);
        TempDb(path)
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn serve(example: &str, db: &TempDb) -> Server {
    serve_example(example, |command| {
        command.env("TODO_DB", &db.0);
    })
}

/// The titles listed, in order. With JavaScript on the list can change between finding the
/// elements and reading them, so they are read in one script.
fn titles(browser: &Browser) -> Result<Vec<String>> {
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

/// Waits until the list shows exactly `expected`. Without JavaScript a form post loads a
/// new page, which can replace the titles between finding them and reading them: that
/// read is retried.
fn wait_for_titles(browser: &Browser, expected: &[&str]) -> Result<()> {
    browser.wait_until(
        &format!("the list to show {expected:?}"),
        DEFAULT_TIMEOUT,
        || match titles(browser) {
            Ok(titles) => Ok(titles == expected),
            Err(Error::StaleElement { .. }) => Ok(false),
            Err(error) => Err(error),
        },
    )
}

fn add(browser: &Browser, title: &str) -> Result<()> {
    let input = browser.find("#new-title")?;
    input.clear()?;
    input.send_keys(title)?;
    browser.find("#add")?.click()
}

/// JavaScript off: adding a todo posts the form and follows the server's redirect back to
/// the list; the todos survive a reload; deleting one works too.
pub fn without_javascript_adding_a_todo_posts_and_follows_the_redirect(
    example: &str,
) -> Result<()> {
    let db = TempDb::new(example, "nojs-add");
    let server = serve(example, &db);
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

/// JavaScript off: a server error (an empty title) comes back on the page, and the next
/// good post clears it.
pub fn without_javascript_a_server_error_shows_on_the_page(example: &str) -> Result<()> {
    let db = TempDb::new(example, "nojs-error");
    let server = serve(example, &db);
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

/// JavaScript on: hydration calls no server function; adding and deleting update the list
/// without a page load; a server error shows on the page; the console stays clean.
pub fn with_javascript_the_list_updates_in_place(example: &str) -> Result<()> {
    let db = TempDb::new(example, "js");
    let server = serve(example, &db);
    let browser = Browser::launch(Js::On)?;
    browser.record_listeners()?;
    browser.goto(&server.url("/"))?;
    browser.wait_for_document_listener("submit")?;
    let server_fn_calls = |browser: &Browser| -> Result<Vec<String>> {
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

    // The add form is a multi-action form: with the network slowed down (every fetch waits
    // 1.5 s), a new todo is listed as pending, with its title, until the server has it.
    browser.eval(
        "const fetch = window.fetch; \
         window.fetch = (...args) => new Promise((wake) => setTimeout(wake, 1500)) \
             .then(() => fetch.apply(window, args));",
    )?;
    add(&browser, "Slow <task>")?;
    browser.wait_for_text("#pending .pending", "Slow <task>")?;
    wait_for_titles(&browser, &["Call mum", "Slow <task>"])?;
    assert!(
        browser.try_find("#pending .pending")?.is_none(),
        "no todo is pending once the list has it"
    );
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
    assert_eq!(titles(&browser)?, ["Call mum", "Slow <task>"]);
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
