//! The table both sides render: the exact data of the SSR harness's `TABLE`
//! (`shared/bench/ssr/leptos-ssr/src/main.rs`), and what its visible text must be.
use std::sync::LazyLock;

/// One table row: the data every row component receives.
#[derive(Clone, Debug)]
pub struct Row {
    pub id: usize,
    pub label: String,
}

const ADJECTIVES: &[&str] = &[
    "pretty", "large", "big", "small", "tall", "short", "long", "handsome", "plain", "quaint",
    "clean", "elegant", "easy", "angry", "crazy", "helpful", "mushy", "odd", "unsightly",
    "adorable", "important", "inexpensive", "cheap", "expensive", "fancy",
];
const COLOURS: &[&str] = &[
    "red", "yellow", "blue", "green", "pink", "brown", "purple", "brown", "white", "black",
    "orange",
];
// One noun carries characters that must be escaped, so escaping stays on the measured path.
const NOUNS: &[&str] = &[
    "table", "chair", "house", "bbq", "desk", "car", "pony", "cookie", "sandwich", "burger",
    "pizza", "mouse", "keyboard", "fish & <chips>",
];

/// Deterministic data, identical to the harness's.
pub static TABLE: LazyLock<Vec<Row>> = LazyLock::new(|| {
    (1..=1000usize)
        .map(|id| Row {
            id,
            label: format!(
                "{} {} {}",
                ADJECTIVES[id % ADJECTIVES.len()],
                COLOURS[(id * 7) % COLOURS.len()],
                NOUNS[(id * 13) % NOUNS.len()]
            ),
        })
        .collect()
});

/// The visible text of the rendered table, row after row: each row's id then its label.
pub fn expected_text() -> String {
    TABLE.iter().map(|r| format!("{}{}", r.id, r.label)).collect()
}

/// The visible text of an HTML string: tags and comments removed, entities decoded.
pub fn visible_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        rest = &rest[open..];
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map(|i| i + 3)
        } else {
            rest.find('>').map(|i| i + 1)
        };
        rest = &rest[end.expect("unterminated tag")..];
    }
    text.push_str(rest);
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// Panics unless `html` is the whole table: 1,000 rows with the expected classes and text,
/// and the labels' `&` and `<` escaped.
pub fn check(side: &str, html: &str) {
    assert!(html.contains(r#"<table class="table"><tbody>"#), "{side}: no table: {html:.200}");
    assert_eq!(html.matches("<tr>").count(), 1000, "{side}: not 1,000 rows");
    assert_eq!(html.matches(r#"<td class="col-md-1">"#).count(), 1000, "{side}: id cells");
    assert_eq!(html.matches(r#"<td class="col-md-4"><a>"#).count(), 1000, "{side}: label cells");
    assert!(html.contains("fish &amp; &lt;chips&gt;"), "{side}: labels not escaped");
    assert_eq!(visible_text(html), expected_text(), "{side}: visible text differs");
}
