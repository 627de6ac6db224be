//! The four routes the SSR harness loads return the pages a user of the framework would get:
//! the document shell with the title and the hydration scripts for the routes served
//! through `leptos_axum`, 1,000 escaped rows for the tables, hydration markers included.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use ssr_bench::TABLE;
use tower::ServiceExt;

async fn get(path: &str) -> String {
    let request = Request::get(path).body(Body::empty()).unwrap();
    let response = ssr_bench::router().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let content_type = response.headers()[header::CONTENT_TYPE].to_str().unwrap();
    assert!(
        content_type.starts_with("text/html"),
        "{path}: {content_type}"
    );
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn rows(page: &str) -> usize {
    page.matches("<tr>").count()
}

/// The data is the harness's: `TABLE` in `shared/bench/ssr/leptos-ssr/src/main.rs`.
#[test]
fn the_data_is_the_harness_data() {
    assert_eq!(TABLE.len(), 1000);
    assert_eq!(TABLE[0].id, 1);
    assert_eq!(TABLE[0].label, "large brown fish & <chips>");
    assert_eq!(TABLE[999].id, 1000);
    assert_eq!(TABLE[999].label, "pretty pink sandwich");
    assert_eq!(
        TABLE.iter().filter(|row| row.label.contains('&')).count(),
        72
    );
}

#[tokio::test]
async fn the_table_through_the_integration_is_a_hydratable_document() {
    let page = get("/table").await;
    assert!(
        page.starts_with("<!DOCTYPE html><html lang=\"en\"><head>"),
        "{page}"
    );
    assert!(page.contains("<title>SSR bench</title>"));
    assert!(page.contains("import init, { hydrate } from '/pkg/ssr-bench.js'"));
    assert!(page.ends_with("</body></html>"));
    assert_eq!(rows(&page), 1000);
    assert!(page.contains(
        "<tr><td class=\"col-md-1\">1</td><td class=\"col-md-4\"><a>large brown fish &amp; &lt;chips&gt;</a></td></tr>"
    ));
    assert!(page.contains("<td class=\"col-md-1\">1000</td>"));
    assert!(!page.contains("<chips>"), "labels are escaped");
}

#[tokio::test]
async fn the_raw_table_is_the_same_body_without_the_integration() {
    let page = get("/raw/table").await;
    assert!(page.starts_with(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>SSR bench</title></head><body><main>"
    ));
    assert!(!page.contains("<script"), "no hydration scripts: {page}");
    assert!(page.ends_with("</main></body></html>"));
    assert_eq!(rows(&page), 1000);
    assert_eq!(page.matches("&amp; &lt;chips&gt;").count(), 72);
    assert!(!page.contains("<chips>"));
    let full = get("/table").await;
    let body = |page: &str| {
        let start = page.find("<table").unwrap();
        let end = page.find("</table>").unwrap();
        page[start..end].to_owned()
    };
    assert_eq!(body(&page), body(&full), "the same table either way");
}

#[tokio::test]
async fn the_small_pages_have_the_heading_and_the_counter() {
    let page = get("/small").await;
    assert!(page.contains("<title>SSR bench</title>"));
    assert!(page.contains("import init, { hydrate } from '/pkg/ssr-bench.js'"));
    assert!(page.contains(
        "<h1>Hello, SSR</h1><!--[--><button class=\"counter\">Clicked <!--[--><!--[-->0<!--]--><!--]--> times</button>"
    ));
    let raw = get("/raw/small").await;
    assert!(raw.contains("<main><h1>Hello, SSR</h1>"));
    assert!(raw.contains("Clicked <!--[--><!--[-->0<!--]--><!--]--> times</button>"));
    assert_eq!(rows(&page) + rows(&raw), 0);
}

#[tokio::test]
async fn an_unknown_path_is_not_found() {
    let request = Request::get("/nope").body(Body::empty()).unwrap();
    let response = ssr_bench::router().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}
