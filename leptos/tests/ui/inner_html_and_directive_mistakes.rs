use leptos::prelude::*;

/// A directive takes the element first.
fn wrong_directive(_count: u32) {}

#[component]
fn Card(children: Children) -> impl IntoView {
    view! { <div>{children()}</div> }
}

fn main() {
    let name = String::from("x");
    let _ = view! {
        <p inner_html="<b>bold</b>">"and children"</p>
        <br inner_html="<b>bold</b>"/>
        <Card clone:name/>
    };
    let _ = view! { <p use:wrong_directive=3>"text"</p> };
}
