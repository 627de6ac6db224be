//! The todos: what a todo is, the server functions that read and change them, and the
//! components that show them.

use leptos::config::LeptosOptions;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One todo.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Todo {
    /// Its row id.
    pub id: i64,
    /// What to do.
    pub title: String,
}

/// The database, on the server only.
#[cfg(feature = "ssr")]
pub mod db {
    use std::path::Path;
    use std::sync::{Arc, Mutex};

    use leptos::prelude::*;
    use rusqlite::Connection;

    use super::Todo;

    /// A connection to the todo database, shared by the requests (SQLite serializes
    /// writes anyway). The server provides it as context to every server function.
    #[derive(Clone, Debug)]
    pub struct Db(Arc<Mutex<Connection>>);

    impl Db {
        /// Opens the database file at `path`, creating it and its table on first run.
        pub fn open(path: impl AsRef<Path>) -> rusqlite::Result<Db> {
            let connection = Connection::open(path)?;
            connection.execute_batch(
                "CREATE TABLE IF NOT EXISTS todos (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    title TEXT NOT NULL
                );",
            )?;
            Ok(Db(Arc::new(Mutex::new(connection))))
        }

        /// Runs `f` with the connection.
        fn with<T>(
            &self,
            f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
        ) -> Result<T, ServerFnError> {
            let connection = self
                .0
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            f(&connection).map_err(|e| ServerFnError::new(format!("database error: {e}")))
        }

        /// Every todo, oldest first.
        pub fn todos(&self) -> Result<Vec<Todo>, ServerFnError> {
            self.with(|c| {
                let mut statement = c.prepare("SELECT id, title FROM todos ORDER BY id")?;
                let rows = statement.query_map([], |row| {
                    Ok(Todo {
                        id: row.get(0)?,
                        title: row.get(1)?,
                    })
                })?;
                rows.collect()
            })
        }

        /// Adds a todo.
        pub fn add(&self, title: &str) -> Result<(), ServerFnError> {
            self.with(|c| {
                c.execute("INSERT INTO todos (title) VALUES (?1)", [title])
                    .map(drop)
            })
        }

        /// Deletes a todo.
        pub fn delete(&self, id: i64) -> Result<(), ServerFnError> {
            self.with(|c| c.execute("DELETE FROM todos WHERE id = ?1", [id]).map(drop))
        }
    }

    /// The database the server provided as context.
    pub fn db() -> Result<Db, ServerFnError> {
        use_context::<Db>().ok_or_else(|| ServerFnError::new("the server provided no database"))
    }
}

/// Lists the todos.
#[server]
pub async fn get_todos() -> Result<Vec<Todo>, ServerFnError> {
    db::db()?.todos()
}

/// Adds a todo, then sends the browser back to the list.
#[server]
pub async fn add_todo(title: String) -> Result<(), ServerFnError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(ServerFnError::new("a todo needs a title"));
    }
    if title.chars().count() > 200 {
        return Err(ServerFnError::new(
            "a todo's title has at most 200 characters",
        ));
    }
    db::db()?.add(title)?;
    // Whichever integration serves the call (this crate is served by axum in `main.rs`, and
    // by actix-web in `examples/todo_app_sqlite_actix`).
    leptos::redirect("/");
    Ok(())
}

/// Deletes a todo.
#[server]
pub async fn delete_todo(id: i64) -> Result<(), ServerFnError> {
    db::db()?.delete(id)
}

/// The document around the app, which the server renders for every page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title>"Todos"</title>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
            </head>
            <body>
                <TodoApp/>
            </body>
        </html>
    }
}

/// The whole page.
#[component]
pub fn TodoApp() -> impl IntoView {
    view! {
        <header>
            <h1>"My Tasks"</h1>
        </header>
        <main>
            <Todos/>
        </main>
    }
}

/// The form to add a todo, the todos being added, and the list with a delete button per
/// todo.
#[component]
pub fn Todos() -> impl IntoView {
    // Each add is a submission of its own: several can be on their way at once, each shown
    // as pending until the server has it.
    let add_todo = ServerMultiAction::<AddTodo>::new();
    let delete_todo = ServerAction::<DeleteTodo>::new();
    let submissions = add_todo.submissions();
    let todos = Resource::new(
        move || (add_todo.version().get(), delete_todo.version().get()),
        move |_| get_todos(),
    );
    let error = move || {
        let add = submissions
            .with(|all| all.last().and_then(|latest| latest.value().get()))
            .and_then(Result::err);
        let delete = delete_todo.value().get().and_then(Result::err);
        add.or(delete)
            .map(|error| view! { <p id="error" class="error">{error.to_string()}</p> })
    };
    let pending = move || {
        submissions
            .get()
            .into_iter()
            .filter(|submission| submission.pending().get())
            .map(|submission| {
                let title = move || submission.input().get().map(|args| args.title);
                view! { <li class="pending">{title}</li> }
            })
            .collect_view()
    };

    view! {
        <MultiActionForm action=add_todo>
            <label>
                "Add a todo " <input type="text" name="title" id="new-title"/>
            </label>
            <input type="submit" id="add" value="Add"/>
        </MultiActionForm>
        {error}
        <ul id="pending">{pending}</ul>
        <Transition fallback=move || view! { <p>"Loading..."</p> }>
            {move || {
                todos
                    .get()
                    .map(move |todos| match todos {
                        Err(e) => view! { <p class="error">"Server error: " {e.to_string()}</p> }.into_any(),
                        Ok(todos) if todos.is_empty() => view! { <p id="empty">"No tasks were found."</p> }.into_any(),
                        Ok(todos) => view! {
                            <ul id="todos">
                                {todos
                                    .into_iter()
                                    .map(move |todo| view! {
                                        <li>
                                            <span class="title">{todo.title}</span>
                                            <ActionForm action=delete_todo>
                                                <input type="hidden" name="id" value=todo.id/>
                                                <input type="submit" class="delete" value="Delete"/>
                                            </ActionForm>
                                        </li>
                                    })
                                    .collect::<Vec<_>>()}
                            </ul>
                        }
                        .into_any(),
                    })
            }}
        </Transition>
    }
}
