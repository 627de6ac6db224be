//! The js-framework-benchmark keyed-table app, rendered in the browser.
//!
//! It follows the benchmark's contract as the hand-written baseline in
//! `shared/bench/client/vanilla/` does: the same markup, classes and button ids, the same
//! label generator, keyed rows, and the selected row marked `class="danger"`. It is written
//! as an app would be: `view!`, `#[component]`, signals and a keyed `<For>`, no DOM code.
//!
//! Each row's label is a signal of its own (so "update every 10th row" changes ten text
//! nodes and nothing else), and so is whether it is selected (so selecting a row updates the
//! class of two rows, not a comparison in each of them); both are created with the row's data
//! by the button that made the row and freed (`dispose`) when the row leaves the list.
//!
//! Build and serve it with
//! `cargo app serve --release --manifest-path examples/js_framework_benchmark/Cargo.toml`;
//! `benches/run.sh` measures it beside the baseline and Leptos 0.8.

use leptos::prelude::*;
use std::cell::Cell;

static ADJECTIVES: &[&str] = &[
    "pretty",
    "large",
    "big",
    "small",
    "tall",
    "short",
    "long",
    "handsome",
    "plain",
    "quaint",
    "clean",
    "elegant",
    "easy",
    "angry",
    "crazy",
    "helpful",
    "mushy",
    "odd",
    "unsightly",
    "adorable",
    "important",
    "inexpensive",
    "cheap",
    "expensive",
    "fancy",
];
static COLOURS: &[&str] = &[
    "red", "yellow", "blue", "green", "pink", "brown", "purple", "brown", "white", "black",
    "orange",
];
static NOUNS: &[&str] = &[
    "table", "chair", "house", "bbq", "desk", "car", "pony", "cookie", "sandwich", "burger",
    "pizza", "mouse", "keyboard",
];

thread_local! {
    /// The state of the label generator (xorshift64): no `getrandom` needed in the browser.
    static SEED: Cell<u64> = const { Cell::new(0x2545_F491_4F6C_DD1D) };
    /// The id of the next row made.
    static NEXT_ID: Cell<usize> = const { Cell::new(1) };
}

fn pick(words: &[&'static str]) -> &'static str {
    SEED.with(|seed| {
        let mut x = seed.get();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        seed.set(x);
        words[(x % words.len() as u64) as usize]
    })
}

/// A label as the benchmark makes them: "adjective colour noun".
pub fn make_label() -> String {
    let (adjective, colour, noun) = (pick(ADJECTIVES), pick(COLOURS), pick(NOUNS));
    let mut label = String::with_capacity(adjective.len() + colour.len() + noun.len() + 2);
    label.push_str(adjective);
    label.push(' ');
    label.push_str(colour);
    label.push(' ');
    label.push_str(noun);
    label
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct RowData {
    /// Unique, increasing: the row's key.
    pub id: usize,
    /// What the row shows; "update every 10th row" appends to it.
    pub label: RwSignal<String>,
    /// Whether this is the selected row.
    pub selected: RwSignal<bool>,
}

/// `count` new rows with fresh ids and labels.
pub fn build_data(count: usize) -> Vec<RowData> {
    let first = NEXT_ID.with(|next| next.replace(next.get() + count));
    (first..first + count)
        .map(|id| RowData {
            id,
            label: RwSignal::new(make_label()),
            selected: RwSignal::new(false),
        })
        .collect()
}

impl RowData {
    /// Frees the row's signals, once it is out of the list.
    fn dispose(self) {
        self.label.dispose();
        self.selected.dispose();
    }
}

/// One of the six buttons; a click runs `action`.
#[component]
fn Button(id: &'static str, text: &'static str, action: impl Fn() + 'static) -> impl IntoView {
    view! {
        <div class="col-sm-6 smallpad">
            <button type="button" class="btn btn-primary btn-block" id=id on:click=move |_| action()>
                {text}
            </button>
        </div>
    }
}

/// The whole page: the buttons and the table.
#[component]
pub fn App() -> impl IntoView {
    let data = RwSignal::new(Vec::<RowData>::new());
    // The selected row's flag, if a row is selected.
    let selected = StoredValue::new(None::<RwSignal<bool>>);
    let select = move |row: RowData| {
        if let Some(previous) = selected.get_value() {
            // `try_`: the previous row may be gone, its signals freed.
            previous.try_set(false);
        }
        row.selected.set(true);
        selected.set_value(Some(row.selected));
    };

    // Puts `rows` in place of the table's rows, then frees the old ones.
    let replace = move |rows: Vec<RowData>| {
        selected.set_value(None);
        if let Some(old) = data.try_update(|data| std::mem::replace(data, rows)) {
            old.into_iter().for_each(RowData::dispose);
        }
    };
    let run = move || replace(build_data(1_000));
    let run_lots = move || replace(build_data(10_000));
    let clear = move || replace(Vec::new());
    let add = move || data.update(|data| data.extend(build_data(1_000)));
    let update = move || {
        data.with_untracked(|data| {
            for row in data.iter().step_by(10) {
                row.label.update(|label| label.push_str(" !!!"));
            }
        })
    };
    let swap_rows = move || {
        data.update(|data| {
            if data.len() > 998 {
                data.swap(1, 998);
            }
        })
    };
    let remove = move |id: usize| {
        let removed = data.try_update(|data| {
            let index = data.iter().position(|row| row.id == id)?;
            Some(data.remove(index))
        });
        if let Some(Some(row)) = removed {
            row.dispose();
        }
    };

    view! {
        <div id="main">
            <div class="container">
                <div class="jumbotron">
                    <div class="row">
                        <div class="col-md-6"><h1>"ours-keyed"</h1></div>
                        <div class="col-md-6">
                            <div class="row">
                                <Button id="run" text="Create 1,000 rows" action=run/>
                                <Button id="runlots" text="Create 10,000 rows" action=run_lots/>
                                <Button id="add" text="Append 1,000 rows" action=add/>
                                <Button id="update" text="Update every 10th row" action=update/>
                                <Button id="clear" text="Clear" action=clear/>
                                <Button id="swaprows" text="Swap Rows" action=swap_rows/>
                            </div>
                        </div>
                    </div>
                </div>
                <table class="table table-hover table-striped test-data">
                    <tbody id="tbody">
                        <For each=move || data.get() key=|row| row.id let:row>
                            <tr class:danger=row.selected>
                                <td class="col-md-1">{row.id}</td>
                                <td class="col-md-4">
                                    <a class="lbl" on:click=move |_| select(row)>
                                        {move || row.label.get()}
                                    </a>
                                </td>
                                <td class="col-md-1">
                                    <a class="remove" on:click=move |_| remove(row.id)>
                                        <span class="remove glyphicon glyphicon-remove" aria-hidden="true"></span>
                                    </a>
                                </td>
                                <td class="col-md-6"></td>
                            </tr>
                        </For>
                    </tbody>
                </table>
                <span class="preloadicon glyphicon glyphicon-remove" aria-hidden="true"></span>
            </div>
        </div>
    }
}

/// Mounts the app when the bundle loads.
#[cfg(feature = "csr")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn main() {
    leptos::mount::mount_to_body(App);
}
