use leptos::prelude::*;

#[component]
fn Greeting(name: String) {
    let _ = name;
}

fn main() {}
