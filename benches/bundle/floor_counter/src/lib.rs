//! examples/counter written by hand against web-sys: the same markup, a count and its double,
//! the same handlers and `class="big"` from ten clicks on. No framework, no reactivity: each
//! handler updates the two texts and the class itself.
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Text};

/// An element named `tag`, with `id` when given and `text` as its first child when given.
fn element(document: &Document, tag: &str, id: Option<&str>, text: Option<&str>) -> Element {
    let element = document.create_element(tag).unwrap_throw();
    if let Some(id) = id {
        element.set_id(id);
    }
    if let Some(text) = text {
        element
            .append_child(&document.create_text_node(text))
            .unwrap_throw();
    }
    element
}

/// Calls `handler` on each click of `button`, for the life of the page.
fn on_click(button: &Element, handler: impl FnMut() + 'static) {
    let closure = Closure::<dyn FnMut()>::new(handler);
    button
        .add_event_listener_with_callback("click", closure.as_ref().unchecked_ref())
        .unwrap_throw();
    closure.forget();
}

/// The counter's texts and the element that gets `class="big"`.
struct Counter {
    count: Cell<i32>,
    count_text: Text,
    double_text: Text,
    double: Element,
}

impl Counter {
    fn set(&self, count: i32) {
        self.count.set(count);
        self.count_text.set_data(&count.to_string());
        self.double_text.set_data(&(count * 2).to_string());
        self.double
            .class_list()
            .toggle_with_force("big", count >= 10)
            .unwrap_throw();
    }
}

/// Builds the counter in `<body>` when the bundle loads.
#[wasm_bindgen(start)]
pub fn main() {
    let document = web_sys::window().unwrap_throw().document().unwrap_throw();
    let main = element(&document, "main", None, None);
    let increment = element(&document, "button", Some("increment"), Some("+1"));
    let reset = element(&document, "button", Some("reset"), Some("Reset"));
    let count = element(&document, "p", Some("count"), Some("Clicks: "));
    let double = element(&document, "p", Some("double"), Some("Double: "));
    let count_text = document.create_text_node("0");
    let double_text = document.create_text_node("0");
    count.append_child(&count_text).unwrap_throw();
    double.append_child(&double_text).unwrap_throw();
    for child in [
        &element(&document, "h1", None, Some("Counter")),
        &increment,
        &reset,
        &count,
        &double,
    ] {
        main.append_child(child).unwrap_throw();
    }
    document
        .body()
        .unwrap_throw()
        .append_child(&main)
        .unwrap_throw();

    let counter = Rc::new(Counter {
        count: Cell::new(0),
        count_text,
        double_text,
        double,
    });
    let on_increment = counter.clone();
    on_click(&increment, move || {
        on_increment.set(on_increment.count.get() + 1)
    });
    on_click(&reset, move || counter.set(0));
}
