//! A panic in a mounted app reaches the browser's console with its message (debug builds
//! install the hook when the app mounts: `leptos::logging::show_panics_in_console`).
//!
//! A panic aborts the wasm instance's current call (`panic = "abort"` on wasm32), so it is
//! made in an event handler, a call of its own that the browser ends, and the test goes on
//! to read what the console was given. The test has its own binary: the abandoned call
//! leaves whatever it held as it was. Run by `scripts/test.sh`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = "
export function record_console_errors() {
    globalThis.__console_errors = [];
    const error = console.error;
    console.error = (...args) => {
        globalThis.__console_errors.push(args.map(String).join(' '));
        error.apply(console, args);
    };
}
export function console_errors() { return (globalThis.__console_errors || []).join('\\n'); }
")]
extern "C" {
    fn record_console_errors();
    fn console_errors() -> String;
}

#[wasm_bindgen_test]
fn a_panic_in_an_event_handler_is_written_to_the_console_with_its_place() {
    // The test runner's own panic hook writes panics to the console too: put back the
    // default one (silent on wasm32), so that only the hook the mount installs can.
    drop(std::panic::take_hook());
    record_console_errors();
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.body().unwrap();
    let count = RwSignal::new(1);
    let _app = leptos::mount::mount_to(root, move || {
        view! { <button id="read" on:click=move |_| { count.get_untracked(); }>"read"</button> }
    });
    count.dispose();
    let button: web_sys::HtmlElement = document
        .get_element_by_id("read")
        .expect("the button is mounted")
        .unchecked_into();
    // The handler panics, which aborts that call into the wasm module; the browser reports
    // the listener's error and `click` returns here.
    button.click();
    let errors = console_errors();
    assert!(
        errors.contains("after it was disposed"),
        "the panic's message is in the console: {errors:?}"
    );
    assert!(
        errors.contains("browser_panic.rs"),
        "the panic's place is in the console: {errors:?}"
    );
}
