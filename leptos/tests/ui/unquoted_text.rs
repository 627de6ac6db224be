use leptos::prelude::*;

fn main() {
    let _ = view! { <p>Hello world</p> };
}
