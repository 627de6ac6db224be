//! Server rendering: a view to an HTML string, and the document shell around an app.

use crate::view::IntoView;
use reactive_graph::{untrack, Owner};

/// Renders a view to HTML inside a fresh root owner (its own reactive graph), disposed
/// when rendering is done.
///
/// ```
/// use leptos::prelude::*;
/// let html = leptos::ssr::render_to_string(|| {
///     let (name, _) = signal("<World>");
///     view! { <h1 class="title">"Hello, " {name}</h1> }
/// });
/// assert_eq!(html, r#"<h1 class="title">Hello, <!--[--><!--[-->&lt;World&gt;<!--]--><!--]--></h1>"#);
/// ```
pub fn render_to_string<F, V>(app: F) -> String
where
    F: FnOnce() -> V,
    V: IntoView,
{
    let owner = Owner::new_root();
    let html = owner.with(|| untrack(|| app().into_view()).render_to_string());
    owner.dispose();
    html
}

/// Writes a whole HTML document: the app rendered into `<body>`, and in `<head>` the
/// script that loads the wasm bundle and hydrates the app.
///
/// `pkg_path` is where the bundle is served (`/pkg`), `output_name` its base name (the
/// bundle is `{output_name}.js` and `{output_name}_bg.wasm`); the bundle must export a
/// `hydrate` function that calls [`hydrate_body`](crate::mount::hydrate_body).
///
/// ```
/// use leptos::prelude::*;
/// let page = leptos::ssr::render_document("Counter", "/pkg", "counter", || view! { <p>"hi"</p> });
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains(r#"import init, { hydrate } from '/pkg/counter.js'"#));
/// assert!(page.contains("<body><!--[--><p>hi</p><!--]--></body>"));
/// ```
pub fn render_document<F, V>(title: &str, pkg_path: &str, output_name: &str, app: F) -> String
where
    F: FnOnce() -> V,
    V: IntoView,
{
    let body = render_to_string(app);
    let mut page = String::with_capacity(body.len() + 512);
    page.push_str("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/>");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>");
    page.push_str("<title>");
    crate::view::escape_text(title, &mut page);
    page.push_str("</title>");
    page.push_str(&hydration_scripts(pkg_path, output_name));
    // The app is bracketed, as a component in a shell's `<body>` is, so that
    // `hydrate_body` finds the same markup whichever way the document was written.
    page.push_str("</head><body><!--[-->");
    page.push_str(&body);
    page.push_str("<!--]--></body></html>");
    page
}

pub use crate::hydration::hydration_scripts;
