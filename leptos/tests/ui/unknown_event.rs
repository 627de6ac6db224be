use leptos::prelude::*;

fn main() {
    let _ = view! { <button on:clik=|_| ()>"Go"</button> };
}
