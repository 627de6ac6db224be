//! `<Await/>`: renders what a future resolves to, once it has.

use crate::component;
use crate::control::Suspense;
use crate::resource::OnceResource;
use crate::view::IntoView;
use reactive_graph::traits::Get;
use reactive_graph::{MaybeSend, MaybeSync};
use serde::{de::DeserializeOwned, Serialize};
use std::future::Future;

/// Waits for `future` and renders `children` with its output; nothing until then. On the
/// server the page is written once the future is done, and the output travels to the browser
/// with the page (as a [`OnceResource`]'s does), so hydration does not run it again.
///
/// ```
/// use leptos::prelude::*;
///
/// async fn count_todos() -> usize {
///     3
/// }
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let html = leptos::ssr::render_to_string_async(|| {
///     view! {
///         <Await future=count_todos() let:count>
///             <p>{*count} " todos"</p>
///         </Await>
///     }
/// })
/// .await;
/// let visible = html.replace("<!--[-->", "").replace("<!--]-->", "");
/// assert!(visible.contains("<p>3 todos</p>"), "{html}");
/// # });
/// ```
#[component]
pub fn Await<T, Fut, Chil, V>(
    /// The future whose output `children` renders.
    future: Fut,
    /// Accepted as in Leptos; the server always waits for the future before writing the
    /// page, so it changes nothing.
    #[prop(optional)]
    blocking: bool,
    /// Renders the output (`let:name` binds it as a reference).
    children: Chil,
) -> impl IntoView
where
    T: Serialize + DeserializeOwned + Clone + MaybeSend + MaybeSync + 'static,
    Fut: Future<Output = T> + MaybeSend + 'static,
    Chil: Fn(&T) -> V + Send + 'static,
    V: IntoView + 'static,
{
    let _ = blocking;
    let output = OnceResource::new(future);
    let content = move || output.get().map(|value| children(&value));
    Suspense(
        crate::control::SuspenseProps::builder()
            .children(crate::children::ToChildren::to_children(move || content))
            .build(),
    )
}
