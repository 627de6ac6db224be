//! Async server rendering: resources, `<Suspense/>`, `<Transition/>` and `Suspend` rendered
//! by `render_to_string_async`, which waits for the data and ships it with the page.

use leptos::prelude::*;
use leptos::ssr::{render_to_string, render_to_string_async};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Counts calls of one fetcher.
#[derive(Clone, Default)]
struct Calls(Arc<AtomicUsize>);

impl Calls {
    fn hit(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
    fn count(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

async fn slow<T>(ms: u64, value: T) -> T {
    tokio::time::sleep(Duration::from_millis(ms)).await;
    value
}

/// The JSON object of the page's resource data.
fn data(html: &str) -> serde_json::Map<String, serde_json::Value> {
    const OPEN: &str = r#"<script type="application/json" id="__RESOURCES">"#;
    let start = html.find(OPEN).expect("the page has resource data") + OPEN.len();
    let end = start
        + html[start..]
            .find("</script>")
            .expect("the script is closed");
    serde_json::from_str(&html[start..end]).expect("the data is a JSON object")
}

#[tokio::test]
async fn the_page_holds_the_loaded_value_without_the_fallback_and_ships_it() {
    let calls = Calls::default();
    let c = calls.clone();
    let html = render_to_string_async(move || {
        let c = c.clone();
        let todos = Resource::new(
            || (),
            move |_| {
                c.hit();
                slow(20, vec!["milk".to_string(), "eggs".to_string()])
            },
        );
        view! {
            <Suspense fallback=|| view! { <p class="loading">"Loading..."</p> }>
                <ul>
                    {move || Suspend::new(async move {
                        todos.await.into_iter().map(|t| view! { <li>{t}</li> }).collect::<Vec<_>>()
                    })}
                </ul>
            </Suspense>
        }
    })
    .await;
    assert!(html.contains("<li>milk</li><li>eggs</li>"), "{html}");
    assert!(!html.contains("Loading..."), "{html}");
    assert!(!html.contains("<!--fallback-->"), "{html}");
    assert_eq!(calls.count(), 1, "the second pass reuses the value");
    assert_eq!(data(&html)["0"], serde_json::json!(["milk", "eggs"]));
}

#[tokio::test]
async fn a_resource_created_once_data_arrived_is_resolved_by_a_later_pass() {
    let (list_calls, item_calls) = (Calls::default(), Calls::default());
    let (lc, ic) = (list_calls.clone(), item_calls.clone());
    let html = render_to_string_async(move || {
        let (lc, ic) = (lc.clone(), ic.clone());
        let ids = Resource::new(
            || (),
            move |_| {
                lc.hit();
                slow(5, vec![1u32, 2, 3])
            },
        );
        view! {
            <Suspense fallback=|| "outer loading">
                {move || {
                    let ic = ic.clone();
                    Suspend::new(async move {
                        let rows = ids.await.into_iter().map(|id| {
                            let ic = ic.clone();
                            // Created only once the list is there: in the second pass.
                            let name = Resource::new(move || id, move |id| {
                                ic.hit();
                                slow(5, format!("item {id}"))
                            });
                            view! {
                                <Suspense fallback=|| "row loading">
                                    <p>{move || name.get()}</p>
                                </Suspense>
                            }
                        });
                        rows.collect::<Vec<_>>()
                    })
                }}
            </Suspense>
        }
    })
    .await;
    for id in 1..=3 {
        assert!(html.contains(&format!("<p>item {id}</p>")), "{html}");
    }
    assert!(!html.contains("loading"), "{html}");
    assert_eq!(list_calls.count(), 1);
    assert_eq!(item_calls.count(), 3);
    let data = data(&html);
    assert_eq!(data.len(), 4, "{data:?}");
    assert_eq!(data["0"], serde_json::json!([1, 2, 3]));
    assert_eq!(data["3"], serde_json::json!("item 3"));
}

#[tokio::test]
async fn a_resource_that_new_content_precedes_keeps_its_value_and_is_not_fetched_again() {
    // Pass 1 creates `first` (id 0) and `later` (id 1, while rendering the second Suspense).
    // In pass 2 `first` is ready and the resource created under it takes id 1, before `later`
    // (now id 2): `later` must still find its own value, and the page must ship each value
    // under the id hydration will use.
    let (nested_calls, later_calls) = (Calls::default(), Calls::default());
    let (nc, lc) = (nested_calls.clone(), later_calls.clone());
    let html = render_to_string_async(move || {
        let (nc, lc) = (nc.clone(), lc.clone());
        let first = Resource::new(|| (), |_| slow(5, 10u32));
        let section = move || {
            let nc = nc.clone();
            Suspend::new(async move {
                let n = first.await;
                let nested = Resource::new(
                    move || n,
                    move |n| {
                        nc.hit();
                        slow(5, n + 1)
                    },
                );
                view! { <b>{move || nested.get()}</b> }
            })
        };
        let second = move || {
            let lc = lc.clone();
            let later = Resource::new(
                || (),
                move |_| {
                    lc.hit();
                    slow(5, "later".to_string())
                },
            );
            view! { <i>{move || later.get()}</i> }
        };
        view! {
            <Suspense>{section}</Suspense>
            <Suspense>{second}</Suspense>
        }
    })
    .await;
    assert!(html.contains("<b>11</b>"), "{html}");
    assert!(html.contains("<i>later</i>"), "{html}");
    assert_eq!(later_calls.count(), 1);
    assert_eq!(nested_calls.count(), 1);
    let data = data(&html);
    assert_eq!(data["0"], serde_json::json!(10));
    assert_eq!(data["1"], serde_json::json!(11));
    assert_eq!(data["2"], serde_json::json!("later"));
}

#[tokio::test]
async fn a_source_that_reads_a_loading_resource_waits_for_its_value() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let s = seen.clone();
    let html = render_to_string_async(move || {
        let s = s.clone();
        let user = Resource::new(|| (), |_| slow(5, 7u32));
        let posts = Resource::new(
            move || user.get(),
            move |user: Option<u32>| {
                s.lock().unwrap().push(user);
                slow(5, user.map(|u| u * 100))
            },
        );
        view! { <Suspense><p>{move || posts.get().flatten()}</p></Suspense> }
    })
    .await;
    assert!(html.contains("700"), "{html}");
    assert_eq!(
        *seen.lock().unwrap(),
        [Some(7)],
        "never fetched with a provisional source"
    );
}

#[tokio::test]
async fn values_cannot_break_out_of_the_data_script() {
    let html = render_to_string_async(|| {
        let evil = Resource::new(
            || (),
            |_| async { "</script><!--<script>alert(1)".to_string() },
        );
        view! { <Suspense><p>{move || evil.get()}</p></Suspense> }
    })
    .await;
    let script_start = html.find("<script").unwrap();
    assert_eq!(
        html.matches("</script>").count(),
        1,
        "only the data script's own end tag: {html}"
    );
    assert!(!html[script_start..].contains("<!--"), "{html}");
    assert_eq!(data(&html)["0"], "</script><!--<script>alert(1)");
    assert!(html[..script_start].contains("&lt;/script&gt;"), "{html}");
}

#[test]
fn the_synchronous_renderer_writes_the_fallback_and_fetches_nothing() {
    let calls = Calls::default();
    let c = calls.clone();
    let html = render_to_string(move || {
        let c = c.clone();
        let value = Resource::new(
            || (),
            move |_| {
                c.hit();
                async { 1 }
            },
        );
        view! {
            <Suspense fallback=|| view! { <i>"wait"</i> }>
                <p>{move || value.get()}</p>
            </Suspense>
        }
    });
    assert_eq!(
        html, "<!--[--><!--fallback--><i>wait</i><!--]-->",
        "the fallback, after the marker hydration looks for"
    );
    assert_eq!(calls.count(), 0);
}

#[tokio::test]
async fn a_suspend_waiting_for_something_other_than_a_resource_renders_the_fallback() {
    let html = render_to_string_async(|| {
        view! {
            <Suspense fallback=|| "never">
                {move || Suspend::new(async {
                    std::future::pending::<()>().await;
                    "done"
                })}
            </Suspense>
        }
    })
    .await;
    assert!(html.contains("<!--fallback-->never"), "{html}");
    assert!(!html.contains("<script"), "no resource, no data: {html}");
}

#[component]
fn Level(depth: u32) -> impl IntoView {
    let value = Resource::new(move || depth, |depth| slow(1, depth));
    view! {
        <Suspense fallback=move || format!("level {depth} loading")>
            {move || Suspend::new(async move {
                let depth = value.await;
                if depth < 12 {
                    view! { <Level depth=depth + 1/> }.into_any()
                } else {
                    "bottom".into_any()
                }
            })}
        </Suspense>
    }
}

#[tokio::test]
async fn rendering_stops_after_the_pass_limit_with_the_fallback_of_what_is_left() {
    // Each level's resource is created only once the level above has loaded: one level per
    // pass. Deeper than the limit, the innermost level still loading shows its fallback.
    let html = render_to_string_async(|| view! { <Level depth=1/> }).await;
    let limit = leptos::ssr::MAX_RENDER_PASSES as u32;
    assert!(html.contains(&format!("level {limit} loading")), "{html}");
    assert!(!html.contains("bottom"), "{html}");
    assert_eq!(data(&html).len(), limit as usize - 1);
}

#[derive(Clone, Debug, PartialEq)]
struct RequestId(u32);

#[tokio::test]
async fn fetchers_run_inside_the_render_owner_and_see_its_context() {
    let html = render_to_string_async(|| {
        provide_context(RequestId(42));
        let who = Resource::new(
            || (),
            |_| async { use_context::<RequestId>().map(|r| r.0).unwrap_or(0) },
        );
        view! { <Suspense><p>{move || who.get()}</p></Suspense> }
    })
    .await;
    assert!(html.contains("<p>42</p>"), "{html}");
}

#[tokio::test]
async fn transition_renders_its_children_once_loaded() {
    let html = render_to_string_async(|| {
        let (page, _) = signal(2);
        let items = Resource::new(move || page.get(), |page| slow(3, page * 10));
        view! {
            <Transition fallback=|| "first load">
                <p>{move || Suspend::new(async move { items.await })}</p>
            </Transition>
        }
    })
    .await;
    assert!(html.contains("<p><!--[-->20<!--]--></p>"), "{html}");
    assert!(!html.contains("first load"), "{html}");
}

#[tokio::test]
async fn once_resource_and_plain_reads_outside_suspense_are_awaited_too() {
    let html = render_to_string_async(|| {
        let motd = OnceResource::new(slow(2, "hi".to_string()));
        // Read outside any Suspense: still waited for, just without a fallback.
        view! { <h1>{move || motd.get()}</h1> }
    })
    .await;
    assert!(html.starts_with("<h1>hi</h1>"), "{html}");
}

fn assert_send<T: Send>(_: &T) {}

#[tokio::test]
async fn the_async_renderer_is_a_send_future_that_runs_on_a_worker_thread() {
    let future = render_to_string_async(|| {
        let n = Resource::new(|| (), |_| slow(1, 5u8));
        view! { <Suspense>{move || n.get()}</Suspense> }
    });
    assert_send(&future);
    let html = tokio::spawn(future).await.unwrap();
    assert!(html.contains("5"), "{html}");
}

#[tokio::test]
async fn a_local_resource_is_left_to_the_browser() {
    let calls = Calls::default();
    let c = calls.clone();
    let html = render_to_string_async(move || {
        let c = c.clone();
        let local = LocalResource::new(move || {
            c.hit();
            async { 1 }
        });
        view! { <Suspense fallback=|| "in the browser">{move || local.get()}</Suspense> }
    })
    .await;
    assert_eq!(html, "<!--[--><!--fallback-->in the browser<!--]-->");
    assert_eq!(calls.count(), 0);
}

/// A context the test provides once per render, counting how often it is made.
#[derive(Clone)]
struct Visitor(&'static str);

#[tokio::test]
async fn contexts_given_once_are_seen_by_every_pass_and_cleaned_up_at_the_end() {
    let (provided, passes, cleaned) = (Calls::default(), Calls::default(), Calls::default());
    let (p, s, c) = (provided.clone(), passes.clone(), cleaned.clone());
    let html = leptos::ssr::render_to_string_async_with_context(
        move || {
            p.hit();
            provide_context(Visitor("Ada"));
        },
        move || {
            s.hit();
            let c = c.clone();
            on_cleanup(move || c.hit());
            let name = Resource::new(|| (), |_| slow(5, "loaded".to_string()));
            let visitor = expect_context::<Visitor>();
            view! {
                <p>{visitor.0}</p>
                <Suspense>{move || Suspend::new(async move { name.await })}</Suspense>
            }
        },
    )
    .await;
    assert!(html.starts_with("<p>Ada</p>"), "{html}");
    assert!(html.contains("loaded"), "{html}");
    assert_eq!(
        passes.count(),
        2,
        "one pass to start the fetch, one with its value"
    );
    assert_eq!(
        provided.count(),
        1,
        "the contexts are made once, not once per pass"
    );
    assert_eq!(cleaned.count(), 2, "both passes' owners were disposed");
}

/// A list loaded by a server function that may fail, as apps write it: a `<Suspense/>`
/// around an `<ErrorBoundary/>` around a `Suspend` that returns the `Result`.
fn todo_list(fail: bool) -> impl IntoView {
    let todos = Resource::new(
        move || fail,
        |fail| async move {
            slow(5, ()).await;
            let result: Result<Vec<String>, ServerFnError> = if fail {
                Err(ServerFnError::new("the database is down"))
            } else {
                Ok(vec![String::from("milk"), String::from("bread")])
            };
            result
        },
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading..."</p> }>
            <ErrorBoundary fallback=|errors| view! {
                <p class="error">{move || errors.with(|e| e.iter().map(|(_, e)| e.to_string()).collect::<Vec<_>>().join("; "))}</p>
            }>
                {move || Suspend::new(async move {
                    todos.await.map(|todos| view! { <ul>{todos.into_iter().map(|t| view! { <li>{t}</li> }).collect::<Vec<_>>()}</ul> })
                })}
            </ErrorBoundary>
        </Suspense>
    }
}

#[tokio::test]
async fn a_failed_load_under_an_error_boundary_renders_its_fallback_and_a_good_one_the_list() {
    let html = render_to_string_async(|| todo_list(false)).await;
    assert!(html.contains("<li>milk</li><li>bread</li>"), "{html}");
    assert!(!html.contains("class=\"error\""), "{html}");
    assert!(!html.contains("Loading..."), "{html}");

    let html = render_to_string_async(|| todo_list(true)).await;
    assert!(html.contains("the database is down"), "{html}");
    assert!(!html.contains("<li>"), "{html}");
    assert!(!html.contains("Loading..."), "{html}");
}

#[test]
fn an_error_without_a_boundary_renders_nothing_and_the_rest_renders() {
    let html = render_to_string(|| {
        view! { <p>"before " {"x".parse::<i32>()} {"5".parse::<i32>()} " after"</p> }
    });
    let visible = html
        .replace("<!--[-->", "")
        .replace("<!--]-->", "")
        .replace("<!---->", "");
    assert_eq!(visible, "<p>before 5 after</p>");
}
