use leptos::prelude::*;

fn main() {
    let choice = RwSignal::new(String::new());
    let _ = view! {
        <input type="range" bind:valueAsNumber=choice/>
        <button on:click:capture=|_| ()>"Go"</button>
        <div class=("big red", true)></div>
    };
}
