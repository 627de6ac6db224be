use leptos::prelude::*;

#[component]
fn Counter(initial: i32, #[prop(optional)] step: i32) -> impl IntoView {
    view! { <p>{initial + step}</p> }
}

fn main() {
    let _ = view! { <Counter step=2/> };
}
