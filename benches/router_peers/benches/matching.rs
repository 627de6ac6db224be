//! Route-matching peer benchmark: 10,000 URLs matched against the same 50-route table by
//! our `leptos_router` (`ours`) and by Leptos 0.8's `leptos_router` 0.8.17 (`anchor`), side
//! by side in one criterion group, `match_10000_urls_50_routes/{ours,anchor}`.
//!
//! The table (below) mixes what apps have: static pages, nested resources with one to three
//! parameters, optional parameters, a wildcard, and a catch-all last. The URLs cycle through
//! the routes (each route's URL shape with changing parameter values), so every route is hit
//! as often, including the catch-all; routes further down the table cost more, as in both
//! routers the first match in order wins.
//!
//! Each side gets its own public matching API, with nothing around it: ours
//! `RouteMatcher::match_path` (built with `RouteMatcher::add`); the anchor
//! `RouteDefs::match_route` over a tuple of `NestedRoute`s (in groups of up to 16, the
//! largest tuple it implements). Both return the matched route with its parameters.
//!
//! Checked before timing: for every URL, both sides match the expected route (ours by
//! number; the anchor by `RouteMatchId`, learned from one URL per route) with the expected
//! parameters. In the timed loop each match is black-boxed and the matches are counted.
use anchor::{MatchInterface, MatchParams};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

/// How many URLs each timed iteration matches.
const URLS: usize = 10_000;

/// One segment of a route, for either router (`s` static, `p` param, `o` optional param,
/// `w` wildcard).
macro_rules! seg {
    ($krate:ident s $text:literal) => {
        $krate::StaticSegment($text)
    };
    ($krate:ident p $text:literal) => {
        $krate::ParamSegment($text)
    };
    ($krate:ident o $text:literal) => {
        $krate::OptionalParamSegment($text)
    };
    ($krate:ident w $text:literal) => {
        $krate::WildcardSegment($text)
    };
}

/// The table, written once: four groups of routes (the anchor's tuples hold at most 16).
/// Expands to `specs()` (the table as data, to make URLs from), `ours_table()` and
/// `anchor_table()`.
macro_rules! table {
    ($( { $( ( $( $kind:ident $text:literal ),* ) ),* $(,)? } )*) => {
        fn specs() -> Vec<Vec<(char, &'static str)>> {
            vec![$($( vec![$( (stringify!($kind).chars().next().unwrap(), $text) ),*], )*)*]
        }

        fn ours_table() -> ours::matching::RouteMatcher {
            let mut table = ours::matching::RouteMatcher::new();
            $($( table.add(( $( seg!(ours $kind $text), )* )); )*)*
            table
        }

        macro_rules! anchor_table {
            () => {
                anchor::RouteDefs::new((
                    $( ( $( anchor::NestedRoute::new(( $( seg!(anchor $kind $text), )* ), || ()), )* ), )*
                ))
            };
        }
    };
}

table! {
    {
        (s ""),
        (s "about"),
        (s "pricing"),
        (s "blog"),
        (s "blog", p "slug"),
        (s "blog", p "slug", s "comments"),
        (s "blog", p "slug", s "comments", p "comment"),
        (s "docs"),
        (s "docs", p "section"),
        (s "docs", p "section", p "page"),
        (s "users"),
        (s "users", p "user"),
        (s "users", p "user", s "posts"),
        (s "users", p "user", s "posts", p "post"),
        (s "users", p "user", s "followers"),
        (s "users", p "user", s "following"),
    }
    {
        (s "users", p "user", s "settings", s "profile"),
        (s "users", p "user", s "settings", s "security"),
        (s "products"),
        (s "products", p "product"),
        (s "products", p "product", s "reviews"),
        (s "products", p "product", s "reviews", p "review"),
        (s "orders"),
        (s "orders", p "order"),
        (s "orders", p "order", s "items", p "item"),
        (s "cart"),
        (s "checkout"),
        (s "checkout", s "shipping"),
        (s "checkout", s "payment"),
        (s "checkout", s "confirm"),
        (s "search", o "query"),
        (s "archive", o "year", o "month"),
    }
    {
        (s "teams", p "team", s "projects", p "project", s "issues", p "issue"),
        (s "teams", p "team", s "projects", p "project", s "issues"),
        (s "teams", p "team", s "projects", p "project"),
        (s "teams", p "team", s "projects"),
        (s "teams", p "team"),
        (s "teams"),
        (s "legal", s "terms"),
        (s "legal", s "privacy"),
        (s "legal", s "cookies"),
        (s "careers"),
        (s "careers", p "job"),
        (s "press"),
        (s "status"),
        (s "contact"),
        (s "admin", s "dashboard"),
        (s "admin", s "users", p "user", s "edit"),
    }
    {
        (s "files", w "path"),
        (w "any"),
    }
}

/// A URL for route `spec`, varied by `n`, with the parameters it should match with.
fn url_for(spec: &[(char, &'static str)], n: usize) -> (String, Vec<(String, String)>) {
    let mut url = String::new();
    let mut params = Vec::new();
    for &(kind, text) in spec {
        match kind {
            's' if text.is_empty() => {}
            's' => {
                url.push('/');
                url.push_str(text);
            }
            'p' => {
                let value = format!("{text}-{}", n % 997);
                url.push('/');
                url.push_str(&value);
                params.push((text.to_string(), value));
            }
            // Present in half of the URLs; the anchor leaves a missing optional out.
            'o' if n % 2 == 0 => {
                let value = format!("{}", 2000 + n % 30);
                url.push('/');
                url.push_str(&value);
                params.push((text.to_string(), value));
            }
            'o' => {}
            'w' => {
                let value = format!("unknown-{}/page-{}", n % 89, n % 7);
                url.push('/');
                url.push_str(&value);
                params.push((text.to_string(), value));
            }
            other => unreachable!("segment kind {other}"),
        }
    }
    if url.is_empty() {
        url.push('/');
    }
    (url, params)
}

/// The URLs (cycling through the routes) and, for each, its route and parameters.
fn workload(specs: &[Vec<(char, &'static str)>]) -> Vec<(String, usize, Vec<(String, String)>)> {
    (0..URLS)
        .map(|i| {
            let route = i % specs.len();
            let (url, params) = url_for(&specs[route], i / specs.len());
            (url, route, params)
        })
        .collect()
}

fn match_urls(c: &mut Criterion) {
    let specs = specs();
    assert_eq!(specs.len(), 50, "a 50-route table");
    let work = workload(&specs);
    let urls: Vec<String> = work.iter().map(|(url, _, _)| url.clone()).collect();
    let ours = ours_table();
    let anchor = anchor_table!();

    // The anchor names routes by `RouteMatchId`: learn each route's from its first URL.
    let anchor_ids: Vec<_> = work[..specs.len()]
        .iter()
        .map(|(url, _, _)| anchor.match_route(url).expect("the anchor matches").as_id())
        .collect();
    for (url, route, params) in &work {
        let matched = ours
            .match_path(url)
            .unwrap_or_else(|| panic!("ours does not match {url}"));
        assert_eq!(matched.route(), *route, "ours, {url}");
        let ours_params: Vec<(String, String)> = matched
            .params()
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(&ours_params, params, "ours, {url}");

        let matched = anchor
            .match_route(url)
            .unwrap_or_else(|| panic!("the anchor does not match {url}"));
        assert_eq!(matched.as_id(), anchor_ids[*route], "anchor, {url}");
        let anchor_params: Vec<(String, String)> = matched
            .to_params()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        assert_eq!(&anchor_params, params, "anchor, {url}");
    }

    let mut group = c.benchmark_group("match_10000_urls_50_routes");
    group.throughput(Throughput::Elements(URLS as u64));
    group.bench_function("ours", |b| {
        b.iter(|| {
            let mut matched = 0;
            for url in &urls {
                matched += usize::from(black_box(ours.match_path(black_box(url))).is_some());
            }
            assert_eq!(matched, URLS);
            matched
        })
    });
    group.bench_function("anchor", |b| {
        b.iter(|| {
            let mut matched = 0;
            for url in &urls {
                matched += usize::from(black_box(anchor.match_route(black_box(url))).is_some());
            }
            assert_eq!(matched, URLS);
            matched
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

criterion_group! { name = benches; config = config(); targets = match_urls }
criterion_main!(benches);
