//! [`ServerMetaContext`] and its output: how code written for Leptos gets the head content of
//! a server render, which here the render pass has already written.

use futures::{Stream, StreamExt};
use leptos::head::HEAD_END;
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// The context a server provides, in code written for Leptos, before it renders the app, so
/// that [`ServerMetaContextOutput::inject_meta_context`] can put what the app's [`Title`],
/// [`Meta`], [`Link`]... set into the rendered HTML's `<head>`.
///
/// In Leptos, the head components of a server render write their HTML into this context, and
/// `inject_meta_context` writes it into the `<head>` of the first chunk of the rendered HTML.
/// Here the render pass does that itself: when a pass of [`leptos::ssr`]'s functions (and so
/// of the server integrations) is done, what its views put in the head is already in its
/// HTML, at `<MetaTags/>` or before `</head>` (see [`leptos::head`]). So `inject_meta_context`
/// has nothing left to add and adds nothing: it passes the HTML through, and the title is in
/// the page once. Code that renders with those functions needs none of this; it is here so
/// that code written for Leptos compiles and works as written.
///
/// The context only counts the head components that render under it, so that the output can
/// say when their content went missing (the HTML was written without a render pass): see
/// [`inject_meta_context`](ServerMetaContextOutput::inject_meta_context).
///
/// ```
/// use futures::StreamExt;
/// use leptos::prelude::*;
/// use leptos_meta::*;
///
/// #[component]
/// fn App() -> impl IntoView {
///     view! {
///         <Title text="Home"/>
///         <Meta name="description" content="The home page"/>
///         <h1>"Welcome"</h1>
///     }
/// }
///
/// let (meta_context, meta_output) = ServerMetaContext::new();
/// let html = leptos::ssr::render_to_string(move || {
///     provide_context(meta_context);
///     view! {
///         <!DOCTYPE html>
///         <html><head><MetaTags/></head><body><App/></body></html>
///     }
/// });
/// # futures::executor::block_on(async {
/// let page: String = meta_output
///     .inject_meta_context(futures::stream::iter([html]))
///     .await
///     .collect()
///     .await;
/// assert!(page.contains(
///     "<head><!--leptos-head--><title>Home</title>\
///      <meta name=\"description\" content=\"The home page\"><!--/leptos-head--></head>"
/// ), "{page}");
/// assert_eq!(page.matches("<title>").count(), 1);
/// # });
/// ```
///
/// [`Title`]: crate::Title
/// [`Meta`]: crate::Meta
/// [`Link`]: crate::Link
#[derive(Clone, Debug)]
pub struct ServerMetaContext {
    /// How many head components rendered under this context (shared with the output).
    head_components: Arc<AtomicUsize>,
}

impl ServerMetaContext {
    /// A new context, to provide to the app with [`provide_context`], and its output, to
    /// keep until the app is rendered.
    ///
    /// ```
    /// use leptos::prelude::*;
    /// use leptos_meta::ServerMetaContext;
    ///
    /// let owner = Owner::new();
    /// let _meta_output = owner.with(|| {
    ///     let (meta_context, meta_output) = ServerMetaContext::new();
    ///     provide_context(meta_context);
    ///     meta_output
    /// });
    /// assert!(owner.with(|| use_context::<ServerMetaContext>()).is_some());
    /// ```
    pub fn new() -> (ServerMetaContext, ServerMetaContextOutput) {
        let head_components = Arc::new(AtomicUsize::new(0));
        let context = ServerMetaContext {
            head_components: head_components.clone(),
        };
        (context, ServerMetaContextOutput { head_components })
    }
}

/// The other half of a [`ServerMetaContext`]: once the app is rendered,
/// [`inject_meta_context`](Self::inject_meta_context) gives the HTML with its head content.
#[must_use = "the output does its work in `inject_meta_context`, called with the rendered HTML"]
#[derive(Debug)]
pub struct ServerMetaContextOutput {
    head_components: Arc<AtomicUsize>,
}

impl ServerMetaContextOutput {
    /// The rendered HTML, `stream`'s chunks, with the head content of the app in its
    /// `<head>`, as a stream of the same chunks.
    ///
    /// A render pass of [`leptos::ssr`]'s functions (or of a server integration) has
    /// already written the head content into the HTML (see [`ServerMetaContext`]), so the
    /// chunks come out as they went in: nothing is written twice. As in Leptos, only the
    /// first chunk is looked at (it is awaited before the returned stream is made; the others
    /// are passed on as they come), so the `<head>` must be in it; an empty stream gives one
    /// empty chunk.
    ///
    /// If head components rendered under the [`ServerMetaContext`] but the first chunk has no
    /// head content, a warning says so: the HTML was written without a render pass (by
    /// [`View::to_html`](leptos::view::View::to_html), which leaves head views out), or its
    /// shell has no `<head>`.
    ///
    /// ```
    /// use futures::StreamExt;
    /// use leptos::prelude::*;
    /// use leptos_meta::*;
    ///
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let (meta_context, meta_output) = ServerMetaContext::new();
    /// // The async render waits for the app's data; the context is seen by every pass.
    /// let html = leptos::ssr::render_to_string_async_with_context(
    ///     move || provide_context(meta_context),
    ///     || {
    ///         let name = Resource::new(|| (), |_| async { "Ada".to_string() });
    ///         view! {
    ///             <html><head></head><body>
    ///                 <Suspense>
    ///                     {move || name.get().map(|name| view! { <Title text=name/> })}
    ///                 </Suspense>
    ///             </body></html>
    ///         }
    ///     },
    /// )
    /// .await;
    /// let chunks = futures::stream::iter([html, "<!-- more -->".to_string()]);
    /// let chunks: Vec<String> = meta_output.inject_meta_context(chunks).await.collect().await;
    /// assert!(chunks[0].contains("<head><!--leptos-head--><title>Ada</title>"), "{chunks:?}");
    /// assert_eq!(chunks[0].matches("<title>").count(), 1);
    /// assert_eq!(chunks[1], "<!-- more -->");
    /// # });
    /// ```
    pub async fn inject_meta_context(
        self,
        mut stream: impl Stream<Item = String> + Send + Unpin,
    ) -> impl Stream<Item = String> + Send {
        let first_chunk = stream.next().await.unwrap_or_default();
        let head_components = self.head_components.load(Ordering::Relaxed);
        if let Some(warning) = missing_head_content(head_components, &first_chunk) {
            leptos::logging::warn!("{warning}");
        }
        futures::stream::once(futures::future::ready(first_chunk)).chain(stream)
    }
}

/// Counts a head component that renders under a [`ServerMetaContext`], if one is provided.
pub(crate) fn note_head_component() {
    if let Some(context) = use_context::<ServerMetaContext>() {
        context.head_components.fetch_add(1, Ordering::Relaxed);
    }
}

/// The warning for a first chunk without head content after `head_components` head
/// components rendered; `None` if nothing is missing.
fn missing_head_content(head_components: usize, first_chunk: &str) -> Option<String> {
    if head_components == 0 || first_chunk.contains(HEAD_END) {
        return None;
    }
    Some(format!(
        "leptos_meta: {head_components} head component(s) (<Title/>, <Meta/>, ...) rendered \
         under the ServerMetaContext, but the HTML given to inject_meta_context has no head \
         content, and inject_meta_context cannot add it: the head is written by the render \
         pass. Render the app with leptos::ssr::render_to_string, \
         render_to_string_async(_with_context) or a server integration (View::to_html leaves \
         head views out), and give its shell a <head> (with <MetaTags/> in it to choose the \
         place)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_content_is_missing_only_if_head_components_rendered_without_it() {
        let written = "<html><head><!--leptos-head--><title>T</title><!--/leptos-head--></head>";
        assert_eq!(missing_head_content(2, written), None);
        assert_eq!(missing_head_content(0, "<html><head></head></html>"), None);
        let warning = missing_head_content(3, "<html><head></head><body></body></html>")
            .expect("a warning when the head content is missing");
        assert!(warning.contains("3 head component(s)"), "{warning}");
        assert!(warning.contains("render_to_string"), "{warning}");
    }

    #[test]
    fn the_end_marker_is_what_a_render_pass_writes() {
        let page = leptos::ssr::render_to_string(|| {
            let title = leptos::head::title(Some("T".into()), None);
            view! { <html><head></head><body>{title}</body></html> }
        });
        assert!(page.contains(HEAD_END), "{page}");
    }

    #[test]
    fn every_head_component_is_counted() {
        use crate::*;
        let (context, output) = ServerMetaContext::new();
        leptos::ssr::render_to_string(move || {
            provide_context(context);
            view! {
                <html><head></head><body>
                    <Title text="T"/>
                    <Meta name="a" content="b"/>
                    <Stylesheet href="/a.css"/>
                    <Link rel="icon" href="/a.ico"/>
                    <Style>"p {}"</Style>
                    <Script>"1"</Script>
                    <Html attr:lang="en"/>
                    <Body attr:id="b"/>
                    <HashedStylesheet options=LeptosOptions::default()/>
                </body></html>
            }
        });
        // All but `HashedStylesheet`, which is written where it stands.
        assert_eq!(output.head_components.load(Ordering::Relaxed), 8);
    }

    #[test]
    fn head_components_are_counted_under_the_context_only() {
        let (context, output) = ServerMetaContext::new();
        let owner = Owner::new();
        note_head_component();
        assert_eq!(output.head_components.load(Ordering::Relaxed), 0);
        owner.with(|| {
            provide_context(context);
            note_head_component();
            note_head_component();
        });
        assert_eq!(output.head_components.load(Ordering::Relaxed), 2);
    }
}
