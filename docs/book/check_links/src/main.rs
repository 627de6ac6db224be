//! Checks the internal links of a built book: every relative `href` and `src` of every HTML
//! page must name a file of the book, and every `#fragment` an `id` on the page it points at.
//!
//! ```text
//! mdbook build docs/book
//! cargo run -p check_book_links -- docs/book/book
//! ```
//!
//! Prints each broken link with the page it is on and exits with 1 if there is any. Links
//! with a scheme (`https:`, `mailto:`, ...) or to another host (`//...`) are not checked.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [root] = args.as_slice() else {
        eprintln!("usage: check_book_links <the built book's directory, e.g. docs/book/book>");
        return ExitCode::from(2);
    };
    match check_book(Path::new(root)) {
        Ok(report) if report.broken.is_empty() => {
            println!(
                "check_book_links: {} internal links on {} pages, none broken",
                report.links, report.pages
            );
            ExitCode::SUCCESS
        }
        Ok(report) => {
            for broken in &report.broken {
                eprintln!("{broken}");
            }
            eprintln!(
                "check_book_links: {} of {} internal links broken",
                report.broken.len(),
                report.links
            );
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("check_book_links: {error}");
            ExitCode::from(2)
        }
    }
}

/// What a check found.
#[derive(Debug, Default)]
struct Report {
    /// HTML pages read.
    pages: usize,
    /// Internal links checked.
    links: usize,
    /// One line per broken link: the page, the link, and what is wrong.
    broken: Vec<String>,
}

/// Checks every HTML page under `root`.
fn check_book(root: &Path) -> Result<Report, String> {
    let root = root
        .canonicalize()
        .map_err(|e| format!("{}: {e} (build the book first)", root.display()))?;
    let mut pages = BTreeMap::new();
    collect_pages(&root, &mut pages)?;
    if pages.is_empty() {
        return Err(format!("no HTML page under {}", root.display()));
    }
    let ids: BTreeMap<&PathBuf, BTreeSet<String>> = pages
        .iter()
        .map(|(path, html)| (path, ids_of(html)))
        .collect();
    let mut report = Report {
        pages: pages.len(),
        ..Report::default()
    };
    for (page, html) in &pages {
        let dir = page.parent().expect("a page is in a directory");
        let base = if html.contains(r#"<base href="/">"#) {
            // mdBook's 404 page resolves its links against the site's root.
            root.as_path()
        } else {
            dir
        };
        let shown = page.strip_prefix(&root).unwrap_or(page).display();
        for link in links_of(html) {
            if is_external(&link) {
                continue;
            }
            report.links += 1;
            let (path, fragment) = match link.split_once('#') {
                Some((path, fragment)) => (path, Some(fragment)),
                None => (link.as_str(), None),
            };
            let path = path.split('?').next().unwrap_or_default();
            let target = if path.is_empty() {
                page.clone()
            } else if let Some(absolute) = path.strip_prefix('/') {
                normalize(&root.join(percent_decode(absolute)))
            } else {
                normalize(&base.join(percent_decode(path)))
            };
            let target = if target.is_dir() {
                target.join("index.html")
            } else {
                target
            };
            if !target.starts_with(&root) {
                report
                    .broken
                    .push(format!("{shown}: `{link}` points outside the book"));
                continue;
            }
            if !target.is_file() {
                report
                    .broken
                    .push(format!("{shown}: `{link}`: no such file in the book"));
                continue;
            }
            let Some(fragment) = fragment.filter(|f| !f.is_empty()) else {
                continue;
            };
            let Some(target_ids) = ids.get(&target) else {
                continue; // not an HTML page: a fragment means nothing to check
            };
            if !target_ids.contains(&percent_decode(fragment)) {
                report.broken.push(format!(
                    "{shown}: `{link}`: no id `{fragment}` on that page"
                ));
            }
        }
    }
    Ok(report)
}

/// Reads every `.html` file under `dir`, by canonical path.
fn collect_pages(dir: &Path, pages: &mut BTreeMap<PathBuf, String>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            collect_pages(&path, pages)?;
        } else if path.extension().is_some_and(|e| e == "html") {
            let html =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            pages.insert(path, html);
        }
    }
    Ok(())
}

/// `html` without the contents of its `<code>` elements: code shows markup (`<a href="/login">`
/// in a `view!`) as text, with its quotes unescaped, and none of it is a link of the book.
fn without_code(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<code") {
        out.push_str(&rest[..start]);
        rest = match rest[start..].find("</code>") {
            Some(end) => &rest[start + end + "</code>".len()..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// The values of the attribute `name` (`id`, `href`, ...) in `html` outside `<code>`,
/// entity-decoded.
fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let pattern = format!(" {name}=\"");
    let html = without_code(html);
    html.match_indices(&pattern)
        .filter_map(|(at, _)| {
            let rest = &html[at + pattern.len()..];
            rest.find('"').map(|end| decode_entities(&rest[..end]))
        })
        .collect()
}

fn ids_of(html: &str) -> BTreeSet<String> {
    attribute_values(html, "id").into_iter().collect()
}

fn links_of(html: &str) -> Vec<String> {
    let mut links = attribute_values(html, "href");
    links.extend(attribute_values(html, "src"));
    links
}

/// A link with a scheme (`https:`, `mailto:`, `javascript:`) or to another host.
fn is_external(link: &str) -> bool {
    if link.starts_with("//") {
        return true;
    }
    let before_path = link.split(['/', '?', '#']).next().unwrap_or_default();
    before_path.contains(':')
}

/// `a/./b/../c` as `a/c`, without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn decode_entities(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// `%XX` as the byte it stands for (a `%` without two hex digits stays).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' {
            if let (Some(Some(high)), Some(Some(low))) = (
                bytes.get(i + 1).map(|b| hex(*b)),
                bytes.get(i + 2).map(|b| hex(*b)),
            ) {
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A throwaway book directory with the given pages.
    struct Book(PathBuf);

    impl Book {
        fn new(name: &str, pages: &[(&str, &str)]) -> Book {
            let dir = std::env::temp_dir()
                .join(format!("check_book_links-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            for (path, html) in pages {
                let path = dir.join(path);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, html).unwrap();
            }
            Book(dir)
        }
    }

    impl Drop for Book {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn good_links_pass() {
        let book = Book::new(
            "good",
            &[
                (
                    "index.html",
                    r##"<a href="router.html#links">x</a> <a href="#top">t</a> <h1 id="top"></h1>
                        <a href="https://example.invalid/x">ext</a> <script src="js/book.js"></script>
                        <a href="sub/">dir</a> <a href="mailto:a@b">m</a> <a href="a%20b.html">sp</a>"##,
                ),
                (
                    "router.html",
                    r#"<h2 id="links">Links</h2><a href="./index.html">i</a>
                       <pre><code class="language-rust">view! { <a href="/login">"Log in"</a> }</code></pre>"#,
                ),
                ("js/book.js", ""),
                ("sub/index.html", r#"<a href="../router.html">up</a>"#),
                ("a b.html", ""),
            ],
        );
        let report = check_book(&book.0).unwrap();
        assert_eq!(report.broken, Vec::<String>::new());
        assert_eq!(report.pages, 4);
        assert_eq!(report.links, 7);
    }

    #[test]
    fn a_missing_page_is_reported() {
        let book = Book::new(
            "missing-page",
            &[("index.html", r#"<a href="rooter.html">r</a>"#)],
        );
        let report = check_book(&book.0).unwrap();
        assert_eq!(
            report.broken,
            ["index.html: `rooter.html`: no such file in the book"]
        );
    }

    #[test]
    fn a_missing_anchor_is_reported() {
        let book = Book::new(
            "missing-anchor",
            &[
                (
                    "index.html",
                    r##"<a href="router.html#lnks">r</a><a href="#nope">n</a>"##,
                ),
                ("router.html", r#"<h2 id="links">Links</h2>"#),
            ],
        );
        let report = check_book(&book.0).unwrap();
        assert_eq!(
            report.broken,
            [
                "index.html: `router.html#lnks`: no id `lnks` on that page",
                "index.html: `#nope`: no id `nope` on that page",
            ]
        );
    }

    #[test]
    fn a_link_out_of_the_book_is_reported() {
        let book = Book::new(
            "outside",
            &[("index.html", r#"<a href="../../examples/counter">e</a>"#)],
        );
        let report = check_book(&book.0).unwrap();
        assert_eq!(
            report.broken,
            ["index.html: `../../examples/counter` points outside the book"]
        );
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("a%20b%2"), "a b%2");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%C3%A9"), "é");
    }
}
