use leptos::prelude::*;

// Generic: its props could not be read back in the browser.
#[island]
fn Labelled<T: std::fmt::Display + 'static>(value: T) -> impl IntoView {
    view! { <p>{value.to_string()}</p> }
}

// Children an island cannot keep.
#[island]
fn Repeated(children: ChildrenFn) -> impl IntoView {
    view! { <div>{children()}</div> }
}

fn main() {}
