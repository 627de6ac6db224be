//! The book's chapters (`docs/book/src`), compiled here so that every Rust code block in them
//! runs as a doctest of this crate, with what an app's code would have: `leptos` with `ssr`,
//! the router, both server integrations and their servers, and tokio.
//!
//! A chapter added to the book must be listed in [`chapters!`] below; the test
//! `every_chapter_is_compiled` fails otherwise. The book's internal links are checked by the
//! `check_book_links` crate (`docs/book/check_links`).

/// One empty module per chapter, documented with the chapter's text.
macro_rules! chapters {
    ($($module:ident => $file:literal,)*) => {
        $(
            #[cfg(doctest)]
            #[doc = include_str!(concat!("../../src/", $file))]
            mod $module {}
        )*

        /// The chapter files compiled here.
        #[cfg(test)]
        const CHAPTERS: &[&str] = &[$($file),*];
    };
}

chapters! {
    introduction => "introduction.md",
    getting_started => "getting-started.md",
    reactivity => "reactivity.md",
    views => "views.md",
    control_flow => "control-flow.md",
    async_data => "async.md",
    ssr_hydration => "ssr-hydration.md",
    islands => "islands.md",
    server_functions => "server-functions.md",
    forms => "forms.md",
    router => "router.md",
    metadata => "metadata.md",
    integrations => "integrations.md",
    build_tool => "build-tool.md",
    performance => "performance.md",
}

#[cfg(test)]
mod tests {
    use super::CHAPTERS;
    use std::path::Path;

    fn book_src() -> &'static Path {
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../src"))
    }

    #[test]
    fn every_chapter_is_compiled() {
        let mut files: Vec<String> = std::fs::read_dir(book_src())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .filter(|name| name.ends_with(".md") && name != "SUMMARY.md")
            .collect();
        files.sort();
        let mut compiled: Vec<String> = CHAPTERS.iter().map(|f| f.to_string()).collect();
        compiled.sort();
        assert_eq!(
            files, compiled,
            "every chapter of docs/book/src must be listed in chapters! (docs/book/tests/src/lib.rs)"
        );
    }

    #[test]
    fn every_chapter_is_in_the_summary() {
        let summary = std::fs::read_to_string(book_src().join("SUMMARY.md")).unwrap();
        for chapter in CHAPTERS {
            assert!(
                summary.contains(&format!("]({chapter})")),
                "{chapter} is not linked from SUMMARY.md"
            );
        }
    }

    #[test]
    fn rust_blocks_are_not_skipped() {
        // A block marked `ignore` is not compiled; only what is not Rust may be skipped, and
        // it says what it is (```sh, ```toml, ```text).
        for chapter in CHAPTERS {
            let text = std::fs::read_to_string(book_src().join(chapter)).unwrap();
            for line in text.lines() {
                let fence = line.trim_start();
                if let Some(info) = fence.strip_prefix("```") {
                    assert!(
                        !info.split(',').any(|word| word.trim() == "ignore"),
                        "{chapter}: a code block marked `ignore`: `{fence}`"
                    );
                }
            }
        }
    }
}
