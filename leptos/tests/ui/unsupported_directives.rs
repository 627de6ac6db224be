use leptos::prelude::*;

fn main() {
    let choice = RwSignal::new(String::new());
    let _ = view! {
        <input type="radio" bind:group=choice/>
        <button on:click:capture=|_| ()>"Go"</button>
        <div class=("big red", true)></div>
    };
}
