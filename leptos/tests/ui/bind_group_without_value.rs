use leptos::prelude::*;

fn main() {
    let size = RwSignal::new(String::from("m"));
    let _ = view! { <input type="radio" name="size" bind:group=size/> };
}
