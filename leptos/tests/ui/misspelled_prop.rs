use leptos::prelude::*;

#[component]
fn Counter(initial: i32) -> impl IntoView {
    view! { <p>{initial}</p> }
}

fn main() {
    let _ = view! { <Counter intial=1/> };
}
