//! Delegated events: one document listener per bubbling event name, and every element's
//! handlers in a table on the Rust side.
//!
//! An element with a handler for `click` gets a numeric property, `$$lx_click`, naming its
//! slot in the table. The document's listener walks from the event's target up to the root,
//! nearest first, and calls the handler in each slot it finds, until one stops propagation.
//! Attaching a handler is one property write: no JavaScript function is created per
//! element. The handler is freed when the view that attached it is dropped
//! ([`HandlerSlot`]); a stale number left on an element finds its slot reused under a new
//! generation and is ignored.

use std::cell::RefCell;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// An event handler as the table keeps it.
pub(crate) type Handler = Box<dyn FnMut(web_sys::Event)>;

/// Generations are kept to 20 bits, so that `index + generation * 2^32` is exact in the
/// `f64` a JavaScript number is.
const GENERATION_MASK: u32 = 0xF_FFFF;

struct Slot {
    generation: u32,
    live: bool,
    /// `None` while the handler runs (or once freed).
    handler: Option<Handler>,
}

struct Table {
    slots: Vec<Slot>,
    free: Vec<u32>,
}

thread_local! {
    // A `const` initializer: no lazy-initialization check or code on each access.
    static TABLE: RefCell<Table> = const {
        RefCell::new(Table {
            slots: Vec::new(),
            free: Vec::new(),
        })
    };
    /// The event names that have a document listener, each with its property key.
    static LISTENING: RefCell<Vec<(&'static str, JsValue)>> = const { RefCell::new(Vec::new()) };
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `Reflect.set(element, key, number)`, bound directly: the number crosses as an `f64`
    /// (no JavaScript handle made for it), and a property write on an element cannot throw,
    /// so the call needs no exception wrapper (`js_sys::Reflect::set` has both).
    #[wasm_bindgen(js_namespace = Reflect, js_name = set)]
    fn set_slot_number(element: &web_sys::Element, key: &JsValue, number: f64) -> bool;

    /// A node seen through the two bindings below.
    #[wasm_bindgen(js_name = Node)]
    type Slotted;

    /// `node.$$lx_click = number`: clicks are most handlers, and a named property write is
    /// several times quicker in the browser than `Reflect.set` with a key.
    #[wasm_bindgen(method, setter = "$$lx_click")]
    fn set_click_slot(this: &Slotted, number: f64);

    /// `node.$$lx_click`, as a number if it is one.
    #[wasm_bindgen(method, getter = "$$lx_click")]
    fn click_slot(this: &Slotted) -> Option<f64>;
}

/// Whether `name`'s slots go through the named `$$lx_click` bindings rather than the keyed
/// ones: attaching and dispatching must agree, so both ask here.
fn has_named_slot(name: &str) -> bool {
    name == "click"
}

/// Keeps a delegated handler in the table; dropping it frees the handler.
#[derive(Debug)]
pub(crate) struct HandlerSlot {
    index: u32,
    generation: u32,
}

impl Drop for HandlerSlot {
    fn drop(&mut self) {
        // Dropped outside the borrow: the handler's captures may drop views with handlers.
        let freed = TABLE.with(|table| {
            let mut table = table.borrow_mut();
            let slot = table.slots.get_mut(self.index as usize)?;
            if slot.generation != self.generation || !slot.live {
                return None;
            }
            slot.live = false;
            slot.generation = (slot.generation + 1) & GENERATION_MASK;
            let handler = slot.handler.take();
            table.free.push(self.index);
            handler
        });
        drop(freed);
    }
}

/// Attaches `handler` for the bubbling event `name` to `element`, installing the document
/// listener for `name` the first time.
pub(crate) fn attach(
    element: &web_sys::Element,
    name: &'static str,
    handler: Handler,
) -> HandlerSlot {
    let listening = listen(name);
    let (index, generation) = TABLE.with(|table| {
        let mut table = table.borrow_mut();
        match table.free.pop() {
            Some(index) => {
                let slot = &mut table.slots[index as usize];
                slot.live = true;
                slot.handler = Some(handler);
                (index, slot.generation)
            }
            None => {
                table.slots.push(Slot {
                    generation: 0,
                    live: true,
                    handler: Some(handler),
                });
                (table.slots.len() as u32 - 1, 0)
            }
        }
    });
    let number = index as f64 + generation as f64 * 4_294_967_296.0;
    if has_named_slot(name) {
        element.unchecked_ref::<Slotted>().set_click_slot(number);
    } else {
        LISTENING.with(|keys| set_slot_number(element, &keys.borrow()[listening].1, number));
    }
    HandlerSlot { index, generation }
}

/// Calls the handler a slot number names, if it is still the slot's; returns whether one ran.
fn call(number: f64, event: &web_sys::Event) -> bool {
    let number = number as u64;
    let (index, generation) = (number as u32, (number >> 32) as u32);
    let taken = TABLE.with(|table| {
        let mut table = table.borrow_mut();
        let slot = table.slots.get_mut(index as usize)?;
        if slot.generation != generation || !slot.live {
            return None;
        }
        slot.handler.take()
    });
    let Some(mut handler) = taken else {
        return false;
    };
    // Run without holding the table: the handler may add or remove handlers.
    handler(event.clone());
    let leftover = TABLE.with(|table| {
        let mut table = table.borrow_mut();
        match table.slots.get_mut(index as usize) {
            Some(slot) if slot.generation == generation && slot.live => {
                slot.handler = Some(handler);
                None
            }
            // Freed while it ran: drop it here, outside the borrow.
            _ => Some(handler),
        }
    });
    drop(leftover);
    true
}

/// Where `name`'s property key (`$$lx_click`) is in `LISTENING`, installing the document
/// listener for `name` the first time.
fn listen(name: &'static str) -> usize {
    let known = LISTENING.with(|listening| {
        let listening = listening.borrow();
        listening.iter().position(|(n, _)| *n == name)
    });
    if let Some(at) = known {
        return at;
    }
    let mut text = String::from("$$lx_");
    text.push_str(name);
    let key = JsValue::from_str(&text);
    let at = LISTENING.with(|listening| {
        let mut listening = listening.borrow_mut();
        listening.push((name, key.clone()));
        listening.len() - 1
    });
    let click = has_named_slot(name);
    let dispatch = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let mut node: Option<web_sys::Node> = event.target().and_then(|t| t.dyn_into().ok());
        while let Some(current) = node {
            let number = if click {
                current.unchecked_ref::<Slotted>().click_slot()
            } else {
                js_sys::Reflect::get(&current, &key)
                    .ok()
                    .and_then(|value| value.as_f64())
            };
            if let Some(number) = number {
                if call(number, &event) && event.cancel_bubble() {
                    break;
                }
            }
            node = current.parent_node();
        }
    })
    .into_js_value();
    let _ = super::document().add_event_listener_with_callback(name, dispatch.unchecked_ref());
    at
}
