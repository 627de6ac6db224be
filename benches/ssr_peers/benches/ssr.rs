//! SSR peer benchmark: the SSR harness's 1,000-row table component (one component per row,
//! keyed `For`) rendered to a string by our `leptos` (`ours`) and by Leptos 0.8.23 (`anchor`),
//! side by side in one criterion group, `render_table_1000/{ours,anchor}`.
//!
//! Before timing, each side's output is checked (1,000 rows, the expected cells and classes,
//! the escaped labels, and exactly the expected visible text), so a no-op cannot win. Inside
//! the timed loop the HTML's length is checked too, and the string is returned to criterion
//! (dropped outside the timing, by `iter`'s black-boxed output).
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::time::Duration;

fn render_table_1000(c: &mut Criterion) {
    std::sync::LazyLock::force(&ssr_data::TABLE);
    let ours = ssr_ours::render_table();
    let anchor = ssr_anchor::render_table();
    ssr_data::check("ours", &ours);
    ssr_data::check("anchor", &anchor);
    if std::env::var_os("SSR_PEERS_PRINT").is_some() {
        eprintln!("ours   ({} bytes): {:.600}", ours.len(), ours);
        eprintln!("anchor ({} bytes): {:.600}", anchor.len(), anchor);
    }
    let (ours_len, anchor_len) = (ours.len(), anchor.len());

    let mut group = c.benchmark_group("render_table_1000");
    group.bench_function("ours", |b| {
        b.iter(|| {
            let html = ssr_ours::render_table();
            assert_eq!(html.len(), ours_len);
            black_box(html)
        })
    });
    group.bench_function("anchor", |b| {
        b.iter(|| {
            let html = ssr_anchor::render_table();
            assert_eq!(html.len(), anchor_len);
            black_box(html)
        })
    });
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(5))
        .sample_size(100)
        .configure_from_args()
}

criterion_group! { name = benches; config = config(); targets = render_table_1000 }
criterion_main!(benches);
