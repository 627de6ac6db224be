use leptos::prelude::*;

#[component]
fn Greeting(#[prop(optinal)] name: String) -> impl IntoView {
    view! { <p>{name}</p> }
}

fn main() {}
