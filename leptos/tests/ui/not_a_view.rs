use leptos::prelude::*;

struct Settings;

fn main() {
    let _ = view! { <p>{Settings}</p> };
}
