//! Islands on the server: the wrapper each `#[island]` writes, its props as JSON, its
//! children, and the number of its first resource.

use leptos::prelude::*;
use leptos::ssr::render_to_string;

/// A counter the browser makes interactive.
#[island]
fn Counter(
    /// Where it starts.
    initial: i32,
    /// What it is called.
    label: String,
) -> impl IntoView {
    let (count, set_count) = signal(initial);
    view! {
        <button on:click=move |_| set_count.update(|n| *n += 1)>{label} ": " {count}</button>
    }
}

#[island]
fn Toggle(children: Children) -> impl IntoView {
    let (open, set_open) = signal(true);
    view! {
        <button on:click=move |_| set_open.update(|o| *o = !*o)>"toggle"</button>
        <div class:hidden=move || !open.get()>{children()}</div>
    }
}

#[island]
fn Plain() -> impl IntoView {
    view! { <p>"plain"</p> }
}

#[component]
fn Static(name: &'static str) -> impl IntoView {
    view! { <h1>"Hello, " {name}</h1> }
}

#[test]
fn an_island_is_wrapped_with_its_export_and_its_props_as_json() {
    let html = render_to_string(|| view! { <Counter initial=3 label="Clicks".to_string()/> });
    assert!(
        html.starts_with(
            r#"<leptos-island data-component="_island_Counter" data-props="{&quot;initial&quot;:3,&quot;label&quot;:&quot;Clicks&quot;}">"#
        ),
        "{html}"
    );
    assert!(html.ends_with("</leptos-island>"), "{html}");
    assert!(html.contains("Clicks<!--]-->: "), "{html}");
}

#[test]
fn props_are_escaped_in_the_attribute() {
    let html = render_to_string(
        || view! { <Counter initial=0 label="<\"quoted\" & 'single'>".to_string()/> },
    );
    assert!(!html.contains("<\"quoted"), "{html}");
    assert!(
        html.contains("&lt;\\&quot;quoted\\&quot; &amp; 'single'&gt;"),
        "{html}"
    );
}

#[test]
fn an_island_without_props_writes_none() {
    let html = render_to_string(|| view! { <Plain/> });
    assert_eq!(
        html,
        r#"<leptos-island data-component="_island_Plain"><p>plain</p></leptos-island>"#
    );
}

#[test]
fn children_are_rendered_inside_leptos_children_and_may_hold_islands() {
    let html = render_to_string(|| {
        view! {
            <Toggle>
                <Static name="inside"/>
                <Counter initial=1 label="Inner".to_string()/>
            </Toggle>
        }
    });
    let children_at = html.find("<leptos-children>").expect(&html);
    let inner_island = html
        .find(r#"data-component="_island_Counter""#)
        .expect(&html);
    assert!(children_at < inner_island, "{html}");
    assert!(
        html.contains("<h1>Hello, <!--[-->inside<!--]--></h1>"),
        "{html}"
    );
    assert!(html.contains("</leptos-children>"), "{html}");
    assert!(
        html.starts_with(r#"<leptos-island data-component="_island_Toggle" data-props="{}">"#),
        "children are not props: {html}"
    );
}

#[test]
fn the_props_type_round_trips_through_json() {
    let props = CounterProps::builder()
        .initial(7)
        .label("seven".to_string())
        .build();
    let json = serde_json::to_string(&props).unwrap();
    let back: CounterProps = serde_json::from_str(&json).unwrap();
    assert_eq!((back.initial, back.label.as_str()), (7, "seven"));
}

/// An island that loads its greeting with a resource.
#[island]
fn Greeting(who: String) -> impl IntoView {
    let greeting = Resource::new(
        move || who.clone(),
        |who| async move { format!("Hi, {who}") },
    );
    view! {
        <Suspense fallback=|| "...">
            <p>{move || Suspend::new(async move { greeting.await })}</p>
        </Suspense>
    }
}

#[tokio::test]
async fn an_island_that_makes_resources_says_which_the_server_numbered_first() {
    let html = leptos::ssr::render_to_string_async(|| {
        // One resource outside any island comes first: the island's is number 1.
        let outside = Resource::new(|| (), |_| async { 40 + 2 });
        view! {
            <Suspense fallback=|| "...">
                <span>{move || Suspend::new(async move { outside.await })}</span>
            </Suspense>
            <Greeting who="Ada".to_string()/>
            <Plain/>
        }
    })
    .await;
    assert!(
        html.contains(
            r#"<leptos-island data-component="_island_Greeting" data-props="{&quot;who&quot;:&quot;Ada&quot;}" data-resources="1">"#
        ),
        "{html}"
    );
    assert!(html.contains("Hi, Ada"), "{html}");
    assert!(
        html.contains(r#"id="__RESOURCES">{"0":42,"1":"Hi, Ada"}</script>"#),
        "the island's value is number 1 in the page's data: {html}"
    );
    assert!(
        html.contains(r#"<leptos-island data-component="_island_Plain"><p>"#),
        "an island without resources says nothing: {html}"
    );
}
