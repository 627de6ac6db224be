//! `<Form/>`: a form that navigates with its fields as the query.

use super::link::ToHref;
use super::routes::current_route_path;
use crate::location::{resolve_path, NavigateOptions};
use crate::RouterContext;
use leptos::children::Children;
use leptos::prelude::*;
use std::borrow::Cow;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// A `<form>` within the app.
///
/// With `method="get"` (the default) submitting it navigates to `action` with the form's
/// fields as the query (`/contacts?q=ada`), client-side once the app has hydrated, and as an
/// ordinary form submission without JavaScript: the server renders the same page either way.
/// `action` resolves against the route the form is in, as a link's `href` does.
///
/// With another method the form is left to the browser (a `POST` to a server function's
/// URL, say; use `ActionForm` to call a server function client-side).
#[component]
pub fn Form<A>(
    /// Where the form goes (`""`: the route it is in).
    action: A,
    /// `get` (the default) or `post`.
    #[prop(optional)]
    method: Option<&'static str>,
    /// The form's `class` attribute.
    #[prop(optional, into)]
    class: Option<Cow<'static, str>>,
    /// Replace the current history entry instead of adding one.
    #[prop(optional)]
    replace: bool,
    /// Do not scroll to the top after navigating.
    #[prop(optional)]
    noscroll: bool,
    /// The form's fields and buttons.
    children: Children,
) -> impl IntoView
where
    A: ToHref + Send + Sync + 'static,
{
    let method = method.unwrap_or("get");
    let router = use_context::<RouterContext>();
    let route_path = current_route_path();
    let resolved = Rc::new(move || {
        let action = action.to_href()();
        let Some(router) = router else {
            return action;
        };
        let from = route_path.map(|path| path.get());
        router
            .url
            .with(|url| resolve_path(from.as_deref().unwrap_or(url.path()), &action, url))
    });
    let action = resolved.clone();
    let on_submit = move |event: web_sys::SubmitEvent| {
        if event.default_prevented() || !method.eq_ignore_ascii_case("get") {
            return;
        }
        let Some(router) = router.filter(|router| router.browser.is_some()) else {
            return;
        };
        let Some(query) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlFormElement>().ok())
            .and_then(|form| form_query(&form, event.submitter()))
        else {
            return;
        };
        event.prevent_default();
        let action = action();
        let path = &action[..action.find(['?', '#']).unwrap_or(action.len())];
        let target = if query.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{query}")
        };
        router.navigate(
            &target,
            None,
            NavigateOptions {
                resolve: false,
                replace,
                scroll: !noscroll,
            },
        );
    };
    view! {
        <form method=method action=move || resolved() class=class on:submit=on_submit>
            {children()}
        </form>
    }
}

/// The form's fields (and the button that submitted it) as a query string, as the browser
/// would encode them.
fn form_query(
    form: &web_sys::HtmlFormElement,
    submitter: Option<web_sys::HtmlElement>,
) -> Option<String> {
    let data = web_sys::FormData::new_with_form(form).ok()?;
    // The button that submitted the form sends its own name and value, as in a browser.
    if let Some(submitter) = submitter {
        if let Some(name) = submitter.get_attribute("name").filter(|n| !n.is_empty()) {
            let value = js_sys::Reflect::get(&submitter, &"value".into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let _ = data.append_with_str(&name, &value);
        }
    }
    let query = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
    Some(query.to_string().into())
}
