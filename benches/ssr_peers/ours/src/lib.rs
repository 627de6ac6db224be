//! Our side: the harness's 1,000-row table, written with our `leptos`.
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

/// The table rendered to HTML with our plain render-to-string (a fresh root owner, disposed
/// afterwards).
pub fn render_table() -> String {
    leptos::ssr::render_to_string(|| view! { <TablePage/> })
}
