//! Server rendering: a view to an HTML string, and the document shell around an app.
//!
//! [`render_to_string`] renders once: resources stay loading and `<Suspense/>` writes its
//! fallback. [`render_to_string_async`] waits for them: it renders, awaits every fetch the
//! render started, and renders again with those values, until nothing is pending; the page
//! then carries the values, so that hydration does not fetch them again.

use crate::render_scope::{self, BoxFuture, Cache, RenderScope};
use crate::view::IntoView;
use reactive_graph::{untrack, Owner};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

/// How many times [`render_to_string_async`] renders at most: each pass can only start the
/// fetches whose inputs the previous passes resolved.
pub const MAX_RENDER_PASSES: usize = 8;

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
    // Resources created here stay loading: nothing would await their fetches.
    let scope = RenderScope::server(Arc::default(), false);
    let html = render_in_pass(&scope, &owner, app);
    owner.dispose();
    html
}

/// Renders a view to HTML once its async data has loaded, followed by a
/// `<script type="application/json" id="__RESOURCES">` that holds the resources' values for
/// hydration (none if the view created no resource).
///
/// The view is rendered, every fetch that render started is awaited, and the view is
/// rendered again with those values ready (a resource whose value is known does not call its
/// fetcher again), until a pass starts no fetch, or after [`MAX_RENDER_PASSES`] passes (the
/// fallbacks of what is still pending are written, and a warning says so). So `app` runs
/// once per pass and must render the same way given the same data.
///
/// The returned future is `Send` when `app` is, so it can run in a server's request handler.
///
/// ```
/// use leptos::prelude::*;
/// # tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap().block_on(async {
/// let html = leptos::ssr::render_to_string_async(|| {
///     let user = Resource::new(|| 1, |id| async move {
///         tokio::time::sleep(std::time::Duration::from_millis(5)).await;
///         format!("user #{id}")
///     });
///     view! {
///         <Suspense fallback=|| view! { <p>"Loading..."</p> }>
///             <h1>{move || Suspend::new(async move { user.await })}</h1>
///         </Suspense>
///     }
/// })
/// .await;
/// assert!(html.contains("<h1><!--[-->user #1<!--]--></h1>"), "{html}");
/// assert!(!html.contains("Loading..."));
/// assert!(html.ends_with(r#"<script type="application/json" id="__RESOURCES">{"0":"user #1"}</script>"#));
/// # });
/// ```
pub async fn render_to_string_async<F, V>(app: F) -> String
where
    F: Fn() -> V,
    V: IntoView,
{
    render_to_string_async_with_context(|| {}, app).await
}

/// Like [`render_to_string_async`], with `provide` run once, before the first pass, in an
/// owner above every pass's owner: the contexts it provides (a server integration's request
/// and response options) are seen by the app in every pass without being made again.
///
/// ```
/// use leptos::prelude::*;
/// #[derive(Clone)]
/// struct Visitor(String);
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let visitor = Visitor("Ada <3".into());
/// let html = leptos::ssr::render_to_string_async_with_context(
///     move || provide_context(visitor),
///     || view! { <p>"Hello, " {expect_context::<Visitor>().0}</p> },
/// )
/// .await;
/// assert_eq!(html, "<p>Hello, <!--[-->Ada &lt;3<!--]--></p>");
/// # });
/// ```
pub async fn render_to_string_async_with_context<F, V>(provide: impl FnOnce(), app: F) -> String
where
    F: Fn() -> V,
    V: IntoView,
{
    match render_first_pass(provide, app) {
        FirstPass::Done(html) => html,
        FirstPass::Pending(pending) => pending.finish().await,
    }
}

/// What [`render_first_pass`] gives: the page, or the render still waiting for data.
#[derive(Debug)]
pub enum FirstPass<F> {
    /// The pass started no fetch: the page, with the resources' data script at its end.
    Done(String),
    /// The pass started fetches: [`PendingRender::finish`] awaits them and renders again.
    Pending(PendingRender<F>),
}

/// The synchronous start of [`render_to_string_async_with_context`]: `provide` runs, then the
/// first pass. A pass that started no fetch is the page ([`FirstPass::Done`], with the
/// resources' data script at its end if any); otherwise the render is returned to be
/// finished ([`FirstPass::Pending`]).
///
/// A server integration calls this in its request handler, so that a page that needs no
/// async data costs no future at all, and only a page that waits keeps one.
///
/// ```
/// use leptos::prelude::*;
/// use leptos::ssr::FirstPass;
/// let page = leptos::ssr::render_first_pass(|| {}, || view! { <p>"ready"</p> });
/// assert!(matches!(page, FirstPass::Done(html) if html == "<p>ready</p>"));
/// ```
pub fn render_first_pass<F, V>(provide: impl FnOnce(), app: F) -> FirstPass<F>
where
    F: Fn() -> V,
    V: IntoView,
{
    let render = first_pass(provide, app);
    if render.pass.pending.is_empty() {
        FirstPass::Done(render.into_page())
    } else {
        FirstPass::Pending(render)
    }
}

/// Runs `provide` in a new request owner and renders the first pass below it.
fn first_pass<F, V>(provide: impl FnOnce(), app: F) -> PendingRender<F>
where
    F: Fn() -> V,
    V: IntoView,
{
    let request = RequestOwner(Owner::new_root());
    request.0.with(provide);
    let cache: Arc<Mutex<Cache>> = Arc::default();
    let pass = render_pass(request.0.child(), &app, &cache);
    PendingRender {
        request,
        app,
        cache,
        pass,
        passes: 1,
    }
}

/// A server render whose last pass started fetches: [`PendingRender::finish`] awaits them and
/// renders again, until a pass starts none (or after [`MAX_RENDER_PASSES`]). See
/// [`render_first_pass`].
pub struct PendingRender<F> {
    /// The owner above every pass, which holds the request's contexts.
    request: RequestOwner,
    app: F,
    cache: Arc<Mutex<Cache>>,
    /// The last pass rendered.
    pass: Pass,
    passes: usize,
}

/// The request's owner, disposed (with every pass's) when the render is done, dropped
/// unfinished (the client went away) or panicked.
struct RequestOwner(Owner);

impl Drop for RequestOwner {
    fn drop(&mut self) {
        self.0.dispose();
    }
}

impl<F> std::fmt::Debug for PendingRender<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PendingRender")
            .field("passes", &self.passes)
            .field("pending", &self.pass.pending.len())
            .finish_non_exhaustive()
    }
}

impl<F, V> PendingRender<F>
where
    F: Fn() -> V,
    V: IntoView,
{
    /// Awaits the fetches and renders again until nothing is pending; the page, with the
    /// resources' data script at its end.
    pub async fn finish(self) -> String {
        self.finish_passes().await.into_page()
    }

    /// Awaits the fetches and renders again until a pass starts none, or the last pass.
    async fn finish_passes(mut self) -> Self {
        while !self.pass.pending.is_empty() && self.passes < MAX_RENDER_PASSES {
            let pending = std::mem::take(&mut self.pass.pending);
            JoinAll(pending.into_iter().map(Some).collect()).await;
            self.pass.owner.dispose();
            self.passes += 1;
            self.pass = render_pass(self.request.0.child(), &self.app, &self.cache);
        }
        self
    }

    /// The last pass's HTML followed by the data script.
    fn into_page(self) -> String {
        let (mut html, data) = self.into_parts();
        html.push_str(&data);
        html
    }

    /// The last pass's HTML and data script, with a warning for what was still pending;
    /// disposes the request's owner (and with it the last pass's).
    fn into_parts(self) -> (String, String) {
        let PendingRender { request, pass, .. } = self;
        if !pass.pending.is_empty() {
            render_scope::warn(&format!(
                "server rendering stopped after {MAX_RENDER_PASSES} passes with {} fetches \
                 still pending (each pass could only start fetches whose inputs the \
                 previous one resolved); their <Suspense/> fallbacks were rendered",
                pass.pending.len()
            ));
        } else if pass.pending_suspends > 0 {
            render_scope::warn(&format!(
                "{} Suspend(s) were still pending when server rendering finished: their \
                 futures wait for something other than a resource, which the server cannot \
                 wait for; their <Suspense/> fallbacks were rendered",
                pass.pending_suspends
            ));
        }
        drop(request);
        (pass.html, data_script(&pass.output))
    }
}

/// Like [`render_document`], after waiting for the app's async data as
/// [`render_to_string_async`] does; the resources' values are written at the end of `<body>`.
///
/// ```
/// use leptos::prelude::*;
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let page = leptos::ssr::render_document_async("Todos", "/pkg", "todos", || {
///     let todos = Resource::new(|| (), |_| async { vec!["write docs".to_string()] });
///     view! { <Suspense><p>{move || todos.get().map(|t| t.join(", "))}</p></Suspense> }
/// })
/// .await;
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains("<p>write docs</p>"));
/// assert!(page.ends_with(r#"{"0":["write docs"]}</script></body></html>"#));
/// # });
/// ```
pub async fn render_document_async<F, V>(
    title: &str,
    pkg_path: &str,
    output_name: &str,
    app: F,
) -> String
where
    F: Fn() -> V,
    V: IntoView,
{
    let (body, data) = first_pass(|| {}, app).finish_passes().await.into_parts();
    let (head, body) = crate::head::split_head(&body);
    let mut page = document_start(title, pkg_path, output_name, head, body.len() + data.len());
    page.push_str(body);
    page.push_str("<!--]-->");
    page.push_str(&data);
    page.push_str("</body></html>");
    page
}

/// What one server render pass produced.
struct Pass {
    html: String,
    /// The fetches the pass started (to await before the next pass).
    pending: Vec<BoxFuture<()>>,
    /// `(id, JSON)` of the resources that were ready.
    output: Vec<(u64, String)>,
    pending_suspends: usize,
    /// The pass's root owner: alive until its fetches are done (they may read its context).
    owner: Owner,
}

/// Renders `app` once, synchronously (nothing here is held across an await).
fn render_pass<F, V>(owner: Owner, app: &F, cache: &Arc<Mutex<Cache>>) -> Pass
where
    F: Fn() -> V,
    V: IntoView,
{
    let scope = RenderScope::server(cache.clone(), true);
    let html = render_in_pass(&scope, &owner, app);
    let pass = scope.server_pass().expect("a server scope");
    Pass {
        html,
        pending: pass.pending.take(),
        output: pass.output.take(),
        pending_suspends: pass.pending_suspends.get(),
        owner,
    }
}

/// Renders `app` in `owner`, inside the server pass `scope`: its HTML, with what its views
/// put in the document's head written in (see [`crate::head`]).
fn render_in_pass<V: IntoView>(
    scope: &Rc<RenderScope>,
    owner: &Owner,
    app: impl FnOnce() -> V,
) -> String {
    let mut html = render_scope::with_scope(scope.clone(), || {
        owner.with(|| render_page_html(untrack(|| app().into_view())))
    });
    if let Some(pass) = scope.server_pass() {
        pass.head.take().write_into(&mut html);
    }
    html
}

/// Renders a page's view into a buffer sized from the last page this thread rendered (a
/// server renders the same few pages over and over), or from the view's own estimate.
/// Pages over [`PAGE_HINT_LIMIT`] leave no hint: the next, maybe small, page would
/// otherwise get a buffer that size.
fn render_page_html(view: crate::view::View) -> String {
    thread_local! {
        static LAST_PAGE_LEN: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }
    let last = LAST_PAGE_LEN.with(|last| last.get());
    let html = view.render_to_string_with_capacity(last);
    let hint = if html.len() <= PAGE_HINT_LIMIT {
        html.len()
    } else {
        0
    };
    LAST_PAGE_LEN.with(|last| last.set(hint));
    html
}

/// The largest page whose size [`render_page_html`] remembers (256 KiB: a 1,000-row table
/// is about 90 KiB, and its buffer would otherwise grow by doubling, ten times).
const PAGE_HINT_LIMIT: usize = 256 * 1024;

/// The script that carries the resources' values to the browser: a JSON object from id to
/// value, with every `<` escaped so that no `</script>` or `<!--` inside a value can end or
/// alter the script element.
fn data_script(output: &[(u64, String)]) -> String {
    if output.is_empty() {
        return String::new();
    }
    let mut script = String::from(r#"<script type="application/json" id="__RESOURCES">{"#);
    for (i, (id, json)) in output.iter().enumerate() {
        if i > 0 {
            script.push(',');
        }
        script.push('"');
        script.push_str(&id.to_string());
        script.push_str("\":");
        script.push_str(&json.replace('<', "\\u003c"));
    }
    script.push_str("}</script>");
    script
}

/// Awaits every future of a list (each polled until done, in place).
struct JoinAll(Vec<Option<BoxFuture<()>>>);

impl Future for JoinAll {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut done = true;
        for slot in self.0.iter_mut() {
            if let Some(future) = slot {
                if future.as_mut().poll(cx).is_ready() {
                    *slot = None;
                } else {
                    done = false;
                }
            }
        }
        if done {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }
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
    let (head, body) = crate::head::split_head(&body);
    let mut page = document_start(title, pkg_path, output_name, head, body.len());
    page.push_str(body);
    page.push_str("<!--]--></body></html>");
    page
}

/// A document up to and including `<body>`, with `head` (what the app's views put in the
/// head) at the end of `<head>`.
fn document_start(
    title: &str,
    pkg_path: &str,
    output_name: &str,
    head: &str,
    body_len: usize,
) -> String {
    let mut page = String::with_capacity(body_len + 512);
    page.push_str("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/>");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>");
    page.push_str("<title>");
    crate::view::escape_text(title, &mut page);
    page.push_str("</title>");
    page.push_str(&hydration_scripts(pkg_path, output_name));
    page.push_str(head);
    // The app is bracketed, as a component in a shell's `<body>` is, so that
    // `hydrate_body` finds the same markup whichever way the document was written.
    page.push_str("</head><body><!--[-->");
    page
}

pub use crate::hydration::hydration_scripts;

/// The page a server integration sends for a render of the app (what
/// [`render_to_string_async`] returned): a whole document (the app wrote its own shell,
/// starting with `<!DOCTYPE html>` or `<html>`) is sent as it is, with the resources' data
/// script moved from after `</html>` into `<body>`; anything else is wrapped in a default
/// document that loads the bundle `options` names.
///
/// ```
/// use leptos::config::LeptosOptions;
/// let options = LeptosOptions { output_name: "todo".into(), ..Default::default() };
///
/// let page = leptos::ssr::page("<p>hi</p>".into(), &options);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains("import init, { hydrate } from '/pkg/todo.js'"));
/// assert!(page.ends_with("<body><!--[--><p>hi</p><!--]--></body></html>"));
///
/// let data = r#"<script type="application/json" id="__RESOURCES">{}</script>"#;
/// let shell = format!("<!DOCTYPE html><html><body><p>hi</p></body></html>{data}");
/// let page = leptos::ssr::page(shell, &options);
/// assert_eq!(page, format!("<!DOCTYPE html><html><body><p>hi</p>{data}</body></html>"));
/// ```
pub fn page(rendered: String, options: &crate::config::LeptosOptions) -> String {
    if is_document(&rendered) {
        data_into_body(rendered)
    } else {
        // What the view put in the head comes first in its HTML.
        let (head, rendered) = crate::head::split_head(&rendered);
        format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/>\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>{}{head}</head>\
             <body><!--[-->{rendered}<!--]--></body></html>",
            hydration_scripts(&options.pkg_path(), &options.output_name)
        )
    }
}

/// The page a server integration sends when rendering failed (the app panicked): a plain
/// document with `message`, escaped.
///
/// ```
/// let page = leptos::ssr::error_page("the page <panicked>");
/// assert!(page.contains("<p>the page &lt;panicked&gt;</p>"));
/// ```
pub fn error_page(message: &str) -> String {
    let mut page = String::from(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/>\
         <title>Server error</title></head><body><h1>Server error</h1><p>",
    );
    crate::view::escape_text(message, &mut page);
    page.push_str("</p></body></html>");
    page
}

/// Whether `html` is a whole document (the app wrote its own shell).
pub(crate) fn is_document(html: &str) -> bool {
    let start = html.trim_start().get(..9).unwrap_or_default();
    start.eq_ignore_ascii_case("<!doctype") || start.to_ascii_lowercase().starts_with("<html")
}

/// Moves the resources' data script that follows a document shell's `</html>` into its
/// `<body>`, where the browser keeps it anyway.
fn data_into_body(mut html: String) -> String {
    const DATA: &str = "<script type=\"application/json\" id=\"__RESOURCES\">";
    // Without resources nothing follows `</html>`: no need to search the whole page for the
    // script (a search that cost as much as rendering a 1,000-row table).
    if html.trim_end().ends_with("</html>") {
        return html;
    }
    let (Some(data_at), Some(body_end)) = (html.rfind(DATA), html.rfind("</body>")) else {
        return html;
    };
    if data_at < body_end {
        return html;
    }
    let data = html.split_off(data_at);
    html.insert_str(body_end, &data);
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_recognised_by_their_start() {
        assert!(is_document("  <!doctype html><html></html>"));
        assert!(is_document("<HTML lang=\"en\"></HTML>"));
        assert!(!is_document("<p>hi</p>"));
        assert!(!is_document(""));
    }

    #[test]
    fn data_already_inside_body_stays() {
        let html = r#"<html><body><script type="application/json" id="__RESOURCES">{}</script></body></html>"#;
        assert_eq!(data_into_body(html.to_owned()), html);
        assert_eq!(data_into_body("<html></html>".into()), "<html></html>");
    }

    #[test]
    fn data_after_the_document_moves_into_body() {
        let data = r#"<script type="application/json" id="__RESOURCES">{"0":1}</script>"#;
        for end in ["</html>", "</HTML>"] {
            let html = format!("<html><body><p>hi</p></body>{end}{data}");
            assert_eq!(
                data_into_body(html),
                format!("<html><body><p>hi</p>{data}</body>{end}")
            );
        }
    }
}
