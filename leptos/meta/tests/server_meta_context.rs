//! `ServerMetaContext` as code written for Leptos uses it: provided before the app renders,
//! its output given the rendered HTML. The render pass writes the head; the output must
//! leave it there, once.

use futures::executor::block_on;
use futures::StreamExt;
use leptos::prelude::*;
use leptos_meta::*;

#[component]
fn Page() -> impl IntoView {
    view! {
        <Title text="Contact"/>
        <Meta name="description" content="How to reach us"/>
        <Link rel="icon" href="/favicon.ico"/>
        <Html attr:lang="fr"/>
        <h1>"Contact"</h1>
    }
}

/// Runs the rendered `chunks` through a fresh output, the way a Leptos server does.
fn inject(output: ServerMetaContextOutput, chunks: Vec<String>) -> Vec<String> {
    block_on(async {
        output
            .inject_meta_context(futures::stream::iter(chunks))
            .await
            .collect()
            .await
    })
}

/// The document's `<head>` and what follows it.
fn head_and_rest(page: &str) -> (&str, &str) {
    let end = page.find("</head>").expect("the page has a </head>");
    page.split_at(end)
}

fn assert_head_content_once(page: &str) {
    let (head, rest) = head_and_rest(page);
    for tag in [
        "<title>Contact</title>",
        r#"<meta name="description" content="How to reach us">"#,
        r#"<link href="/favicon.ico" rel="icon">"#,
    ] {
        assert_eq!(head.matches(tag).count(), 1, "{tag} in the head of {page}");
        assert!(!rest.contains(tag), "{tag} after the head of {page}");
    }
    assert_eq!(page.matches("<title>").count(), 1, "{page}");
    assert_eq!(page.matches(r#"lang="fr""#).count(), 1, "{page}");
    assert!(page.contains(r#"<html lang="fr">"#), "{page}");
}

#[test]
fn the_title_lands_in_the_head_once_at_meta_tags() {
    let (meta_context, meta_output) = ServerMetaContext::new();
    let html = leptos::ssr::render_to_string(move || {
        provide_context(meta_context);
        view! {
            <!DOCTYPE html>
            <html>
                <head><meta charset="utf-8"/><MetaTags/></head>
                <body><Page/></body>
            </html>
        }
    });
    let page = inject(meta_output, vec![html.clone()]);
    assert_eq!(page, vec![html], "the output passes the page through");
    assert_head_content_once(&page[0]);
    assert!(
        page[0]
            .contains(r#"<meta charset="utf-8"><!--[--><!--leptos-head--><title>Contact</title>"#),
        "{}",
        page[0]
    );
}

#[test]
fn without_meta_tags_the_title_lands_before_the_head_ends_once() {
    let (meta_context, meta_output) = ServerMetaContext::new();
    let html = leptos::ssr::render_to_string(move || {
        provide_context(meta_context);
        view! { <html><head><meta charset="utf-8"/></head><body><Page/></body></html> }
    });
    let page = inject(meta_output, vec![html]);
    assert_head_content_once(&page[0]);
    assert!(
        page[0].contains("<!--/leptos-head--></head>"),
        "{}",
        page[0]
    );
}

#[test]
fn an_async_render_of_several_passes_writes_the_title_once() {
    let (meta_context, meta_output) = ServerMetaContext::new();
    let html = block_on(leptos::ssr::render_to_string_async_with_context(
        move || provide_context(meta_context),
        || {
            let contact = Resource::new(|| (), |_| async { "Ada".to_string() });
            let city = Resource::new(
                move || contact.get(),
                |contact| async move { contact.map(|_| "Paris".to_string()) },
            );
            view! {
                <html><head><MetaTags/></head><body>
                    <Title formatter=|text| format!("{text} | Contacts")/>
                    <Suspense>
                        {move || contact.get().map(|name| view! { <Title text=name/> })}
                        {move || city.get().flatten().map(|city| view! {
                            <Meta name="city" content=city/>
                        })}
                    </Suspense>
                </body></html>
            }
        },
    ));
    let page = inject(meta_output, vec![html]);
    let (head, rest) = head_and_rest(&page[0]);
    assert!(
        head.contains("<title>Ada | Contacts</title>"),
        "{}",
        page[0]
    );
    assert_eq!(
        head.matches(r#"<meta name="city" content="Paris">"#)
            .count(),
        1
    );
    assert_eq!(page[0].matches("<title>").count(), 1, "{}", page[0]);
    assert!(!rest.contains("<meta"), "{}", page[0]);
}

#[test]
fn a_view_without_a_shell_keeps_its_head_content_once() {
    let (meta_context, meta_output) = ServerMetaContext::new();
    let html = leptos::ssr::render_to_string(move || {
        provide_context(meta_context);
        view! { <Page/> }
    });
    let page = inject(meta_output, vec![html.clone()]).concat();
    assert_eq!(page, html);
    assert!(
        page.starts_with("<!--leptos-head--><title>Contact</title>"),
        "{page}"
    );
    assert_eq!(page.matches("<title>").count(), 1, "{page}");
}

#[test]
fn the_app_sees_the_context_and_the_chunks_after_the_first_pass_through() {
    #[component]
    fn NeedsContext() -> impl IntoView {
        let found = use_context::<ServerMetaContext>().is_some();
        view! { <p>{if found { "found" } else { "missing" }}</p> }
    }

    let (meta_context, meta_output) = ServerMetaContext::new();
    let html = leptos::ssr::render_to_string(move || {
        provide_context(meta_context);
        view! { <html><head></head><body><NeedsContext/><Title text="T"/></body></html> }
    });
    assert!(html.contains("found"), "{html}");
    let chunks = vec![html.clone(), "<!--a-->".to_string(), "<!--b-->".to_string()];
    assert_eq!(inject(meta_output, chunks.clone()), chunks);
}

#[test]
fn an_empty_stream_gives_one_empty_chunk() {
    let (_meta_context, meta_output) = ServerMetaContext::new();
    assert_eq!(inject(meta_output, Vec::new()), vec![String::new()]);
}

#[test]
fn the_injection_can_run_in_a_server_task() {
    fn assert_send<T: Send>(_: &T) {}
    let (_meta_context, meta_output) = ServerMetaContext::new();
    let injecting = meta_output.inject_meta_context(futures::stream::iter(Vec::<String>::new()));
    assert_send(&injecting);
    let stream = block_on(injecting);
    assert_send(&stream);
}
