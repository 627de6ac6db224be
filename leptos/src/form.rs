//! [`ActionForm`] and [`MultiActionForm`]: forms that call a server function, with or without
//! JavaScript.

use reactive_graph::prelude::*;
use server_fn::codec::{Encoding, FromReq, FromRes, IntoReq, PostUrl};
use server_fn::error::FromServerFnError;
use server_fn::{ServerFn, ServerFnError};

use crate::children::Children;
use crate::server_action::{ServerAction, ServerMultiAction};
use crate::view::IntoView;
use crate::{component, view};

/// A `<form>` that calls the server function of `action` with its fields.
///
/// It renders `<form method="post" action="/api/...">`, so without JavaScript the browser
/// posts the fields to the function and follows the redirect the server answers with. With
/// JavaScript the submit is intercepted: the fields are read into the function's arguments
/// (a field named like an argument fills it; `todo[title]` fills a field of a struct
/// argument), the action is dispatched, and its `pending`, `value` and `version` update;
/// a `redirect()` on the server navigates the page.
///
/// ```
/// use leptos::prelude::*;
///
/// #[leptos::server]
/// pub async fn add_todo(title: String) -> Result<(), ServerFnError> {
///     Ok(())
/// }
///
/// #[component]
/// fn NewTodo() -> impl IntoView {
///     let add = ServerAction::<AddTodo>::new();
///     view! {
///         <ActionForm action=add>
///             <input type="text" name="title"/>
///             <input type="submit" value="Add"/>
///         </ActionForm>
///     }
/// }
///
/// let html = leptos::ssr::render_to_string(NewTodo);
/// assert!(html.starts_with(r#"<form method="post" action="/api/add_todo"#));
/// ```
#[component]
pub fn ActionForm<S>(
    /// The action whose server function the form calls.
    action: ServerAction<S>,
    /// The form's fields and buttons.
    children: Children,
) -> impl IntoView
where
    S: ServerFn + IntoReq<S::InputEncoding> + FromReq<PostUrl> + Clone + Sync,
    S::Output: FromRes<S::OutputEncoding> + Send + Sync,
    S::Error: Send + Sync,
{
    server_fn_form::<S>(
        move |args| match args {
            Ok(args) => action.dispatch(args),
            Err(error) => action.value().set(Some(Err(error))),
        },
        children,
    )
}

/// A `<form>` that calls the server function of a multi-action with its fields, each submit
/// a submission of its own: the same as [`ActionForm`] (it works without JavaScript too),
/// for a [`ServerMultiAction`].
///
/// ```
/// use leptos::prelude::*;
///
/// #[leptos::server]
/// pub async fn add_todo(title: String) -> Result<(), ServerFnError> {
///     Ok(())
/// }
///
/// #[component]
/// fn NewTodos() -> impl IntoView {
///     let add = ServerMultiAction::<AddTodo>::new();
///     let pending = move || {
///         add.submissions()
///             .get()
///             .into_iter()
///             .filter(|submission| submission.pending().get())
///             .map(|submission| view! { <li>{move || submission.input().get().map(|a| a.title)}</li> })
///             .collect_view()
///     };
///     view! {
///         <MultiActionForm action=add>
///             <input type="text" name="title"/>
///             <input type="submit" value="Add"/>
///         </MultiActionForm>
///         <ul>{pending}</ul>
///     }
/// }
///
/// let html = leptos::ssr::render_to_string(NewTodos);
/// assert!(html.contains(r#"<form method="post" action="/api/add_todo"#), "{html}");
/// ```
#[component]
pub fn MultiActionForm<S>(
    /// The multi-action whose server function the form calls.
    action: ServerMultiAction<S>,
    /// The form's fields and buttons.
    children: Children,
) -> impl IntoView
where
    S: ServerFn + IntoReq<S::InputEncoding> + FromReq<PostUrl> + Clone + Sync,
    S::Output: FromRes<S::OutputEncoding> + Send + Sync,
    S::Error: Send + Sync,
{
    server_fn_form::<S>(
        move |args| match args {
            Ok(args) => action.dispatch(args),
            Err(error) => action.dispatch_sync(Err(error)),
        },
        children,
    )
}

/// `<form method=... action=S::PATH>` whose submit, with JavaScript, is intercepted: the
/// fields are read into the arguments of `S` and handed to `submit`.
fn server_fn_form<S>(
    submit: impl Fn(Result<S, S::Error>) + 'static,
    children: Children,
) -> impl IntoView
where
    S: ServerFn + FromReq<PostUrl>,
{
    let method = if <S::InputEncoding as Encoding>::METHOD == server_fn::http::Method::GET {
        "get"
    } else {
        "post"
    };
    let on_submit = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        submit(args_from_form::<S>(&event));
    };
    view! {
        <form method=method action=S::PATH on:submit=on_submit>
            {children()}
        </form>
    }
}

/// Reads the submitted form's fields into the arguments of `S`, decoding them as the
/// server would.
fn args_from_form<S>(event: &web_sys::SubmitEvent) -> Result<S, S::Error>
where
    S: ServerFn + FromReq<PostUrl>,
{
    use wasm_bindgen::JsCast;
    let fail = |error: ServerFnError| S::Error::from_server_fn_error(error);
    let form: web_sys::HtmlFormElement = event
        .target()
        .and_then(|target| target.dyn_into().ok())
        .ok_or_else(|| {
        fail(ServerFnError::Request(
            "the submit event came from no form".into(),
        ))
    })?;
    let data = web_sys::FormData::new_with_form(&form).map_err(|_| {
        fail(ServerFnError::Request(
            "the form's fields cannot be read".into(),
        ))
    })?;
    let query = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data)
        .map_err(|_| {
            fail(ServerFnError::Request(
                "the form's fields cannot be encoded".into(),
            ))
        })?
        .to_string();
    let request = server_fn::http::Request::post(S::PATH)
        .header(
            server_fn::http::header::CONTENT_TYPE,
            <PostUrl as Encoding>::CONTENT_TYPE,
        )
        .body(server_fn::bytes::Bytes::from(String::from(query)))
        .map_err(|e| fail(ServerFnError::Request(e.to_string())))?;
    S::from_req(&request).map_err(|e| fail(ServerFnError::from_codec(e)))
}
