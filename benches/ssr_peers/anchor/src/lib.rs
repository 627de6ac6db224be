//! The anchor's side: the same table, written with Leptos 0.8 exactly as the SSR harness's
//! `leptos-ssr` app writes it.
use leptos::prelude::*;
use ssr_data::{Row, TABLE};

#[component]
fn RowView(row: Row) -> impl IntoView {
    view! {
        <tr>
            <td class="col-md-1">{row.id}</td>
            <td class="col-md-4"><a>{row.label}</a></td>
        </tr>
    }
}

#[component]
fn TablePage() -> impl IntoView {
    view! {
        <table class="table">
            <tbody>
                <For each=|| TABLE.iter().cloned() key=|row| row.id let:row>
                    <RowView row/>
                </For>
            </tbody>
        </table>
    }
}

/// The table rendered to HTML the way the harness's `/raw/table` does it: `to_html()` inside a
/// fresh `Owner`, dropped afterwards (which disposes what rendering created).
pub fn render_table() -> String {
    let owner = Owner::new();
    let html = owner.with(|| view! { <TablePage/> }.to_html());
    drop(owner);
    html
}
