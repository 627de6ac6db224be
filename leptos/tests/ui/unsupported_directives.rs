use leptos::prelude::*;

fn main() {
    let name = RwSignal::new(String::new());
    let _ = view! {
        <input on:input:target=move |_ev| ()/>
        <input bind:value=name/>
        <button on:click:capture=|_| ()>"Go"</button>
    };
}
