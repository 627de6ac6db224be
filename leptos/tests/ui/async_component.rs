use leptos::prelude::*;

#[component]
async fn Profile(name: String) -> impl IntoView {
    view! { <p>{name}</p> }
}

fn main() {}
