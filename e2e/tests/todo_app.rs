//! The SQLite todo app served by axum (`examples/todo_app_sqlite`) in headless Chromium,
//! built and served by the build tool as a user runs it. The scenarios are
//! `e2e::todo_app`'s, which `tests/todo_app_actix.rs` runs against actix-web too.

use e2e::todo_app;

const EXAMPLE: &str = "todo_app_sqlite";

#[test]
fn without_javascript_adding_a_todo_posts_and_follows_the_redirect() -> e2e::Result<()> {
    todo_app::without_javascript_adding_a_todo_posts_and_follows_the_redirect(EXAMPLE)
}

#[test]
fn without_javascript_a_server_error_shows_on_the_page() -> e2e::Result<()> {
    todo_app::without_javascript_a_server_error_shows_on_the_page(EXAMPLE)
}

#[test]
fn with_javascript_the_list_updates_in_place() -> e2e::Result<()> {
    todo_app::with_javascript_the_list_updates_in_place(EXAMPLE)
}
