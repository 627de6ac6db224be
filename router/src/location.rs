//! Where the app is: the current [`Url`], the reactive [`Location`] read by components, and
//! the [`NavigateOptions`] of a navigation.

use crate::params::ParamsMap;
use leptos::reactive_graph::prelude::*;

/// A URL within the app: its path, query and fragment (no scheme or host).
///
/// ```
/// use leptos_router::location::Url;
/// let url = Url::parse("https://example.com/contacts/3?tab=notes#top");
/// assert_eq!(url.path(), "/contacts/3");
/// assert_eq!(url.search(), "?tab=notes");
/// assert_eq!(url.hash(), "#top");
/// assert_eq!(url.to_string(), "/contacts/3?tab=notes#top");
/// assert_eq!(Url::parse("").path(), "/");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Url {
    path: String,
    search: String,
    hash: String,
}

impl Default for Url {
    fn default() -> Self {
        Url::parse("/")
    }
}

impl Url {
    /// Parses a path with its query and fragment (`/a?b#c`); a scheme and host in front are
    /// dropped (`https://example.com/a` is `/a`). Never fails: whatever it is given is some
    /// path.
    pub fn parse(href: &str) -> Url {
        let mut rest = href;
        if let Some(at) = rest.find("://") {
            if rest[..at]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
            {
                rest = &rest[at + 3..];
                rest = &rest[rest.find(['/', '?', '#']).unwrap_or(rest.len())..];
            }
        }
        let (rest, hash) = match rest.find('#') {
            Some(at) => rest.split_at(at),
            None => (rest, ""),
        };
        let (path, search) = match rest.find('?') {
            Some(at) => rest.split_at(at),
            None => (rest, ""),
        };
        let path = if path.is_empty() {
            "/".to_string()
        } else if path.starts_with('/') {
            path.to_string()
        } else {
            format!("/{path}")
        };
        Url {
            path,
            search: if search == "?" {
                String::new()
            } else {
                search.to_string()
            },
            hash: if hash == "#" {
                String::new()
            } else {
                hash.to_string()
            },
        }
    }

    /// The path, percent-encoded as in the address bar: `/contacts/3`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The query with its `?`, or `""`.
    pub fn search(&self) -> &str {
        &self.search
    }

    /// The fragment with its `#`, or `""`.
    pub fn hash(&self) -> &str {
        &self.hash
    }
}

impl std::fmt::Display for Url {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}{}", self.path, self.search, self.hash)
    }
}

/// The current location, as reactive values: each changes only when its part of the URL
/// does, so a component that reads the query does not re-run when the path changes.
/// Get it with [`use_location`](crate::hooks::use_location).
#[derive(Clone, Copy, Debug)]
pub struct Location {
    /// The path, percent-encoded: `/contacts/3`.
    pub pathname: Memo<String>,
    /// The query with its `?`, or `""`.
    pub search: Memo<String>,
    /// The query, decoded.
    pub query: Memo<ParamsMap>,
    /// The fragment with its `#`, or `""`.
    pub hash: Memo<String>,
}

impl Location {
    /// The memo of `url`'s path (what routes match against).
    pub(crate) fn pathname_of(url: RwSignal<Url>) -> Memo<String> {
        Memo::new(move |_| url.with(|u| u.path().to_string()))
    }

    /// The location of `url` around its `pathname` memo, with the other memos made now.
    pub(crate) fn around(url: RwSignal<Url>, pathname: Memo<String>) -> Location {
        let search = Memo::new(move |_| url.with(|u| u.search().to_string()));
        Location {
            pathname,
            search,
            query: Memo::new(move |_| search.with(|s| ParamsMap::from_query(s))),
            hash: Memo::new(move |_| url.with(|u| u.hash().to_string())),
        }
    }
}

/// How to navigate ([`use_navigate`](crate::hooks::use_navigate)).
///
/// ```
/// use leptos_router::NavigateOptions;
/// let options = NavigateOptions { replace: true, ..Default::default() };
/// assert!(options.resolve && options.scroll);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NavigateOptions {
    /// Resolve a relative path against the current route (`"edit"` from `/contacts/3` is
    /// `/contacts/3/edit`); otherwise it is taken as it is. Default: `true`.
    pub resolve: bool,
    /// Replace the current history entry instead of adding one (back then skips it).
    /// Default: `false`.
    pub replace: bool,
    /// Scroll to the top of the page, or to the element the fragment names, after
    /// navigating. Default: `true`.
    pub scroll: bool,
}

impl Default for NavigateOptions {
    fn default() -> Self {
        NavigateOptions {
            resolve: true,
            replace: false,
            scroll: true,
        }
    }
}

/// Resolves `to` against `from` (the path of the route it is written in) and the current
/// URL, as a link's `href` is:
///
/// - a path starting with `/` is absolute;
/// - `?query` keeps the current path, `#fragment` the current path and query;
/// - a URL with a scheme (`https:`, `mailto:`) or `//host` is left as it is;
/// - anything else is relative to `from`, with `.` and `..` segments applied.
pub(crate) fn resolve_path(from: &str, to: &str, current: &Url) -> String {
    if is_external(to) {
        return to.to_string();
    }
    if let Some(query) = to.strip_prefix('?') {
        return format!("{}?{query}", current.path());
    }
    if to.starts_with('#') {
        return format!("{}{}{to}", current.path(), current.search());
    }
    if to.is_empty() {
        return from.to_string();
    }
    let joined = if to.starts_with('/') {
        to.to_string()
    } else {
        format!("{}/{to}", from.trim_end_matches('/'))
    };
    normalize(&joined)
}

/// Whether `href` names another site or scheme (`https://...`, `//host/...`, `mailto:...`).
pub(crate) fn is_external(href: &str) -> bool {
    if href.starts_with("//") {
        return true;
    }
    match href.find(':') {
        Some(at) => {
            let scheme = &href[..at];
            !scheme.is_empty()
                && !scheme.contains(['/', '?', '#'])
                && scheme
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
        }
        None => false,
    }
}

/// Applies `.` and `..` segments of an absolute path (its query and fragment untouched).
fn normalize(path: &str) -> String {
    let end = path.find(['?', '#']).unwrap_or(path.len());
    let (path_part, rest) = path.split_at(end);
    if !path_part.contains("/.") {
        return path.to_string();
    }
    let mut segments: Vec<&str> = Vec::new();
    for segment in path_part.split('/').skip(1) {
        match segment {
            "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    let trailing = path_part.ends_with("/.") || path_part.ends_with("/..");
    let mut out = String::with_capacity(path.len());
    for segment in &segments {
        out.push('/');
        out.push_str(segment);
    }
    if out.is_empty() || trailing && !out.ends_with('/') {
        out.push('/');
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_parse_without_failing() {
        let url = Url::parse("/a/b?");
        assert_eq!((url.path(), url.search(), url.hash()), ("/a/b", "", ""));
        let url = Url::parse("http://h:3000?x=1");
        assert_eq!((url.path(), url.search()), ("/", "?x=1"));
        let url = Url::parse("a#b?c");
        assert_eq!((url.path(), url.search(), url.hash()), ("/a", "", "#b?c"));
        assert_eq!(Url::default().path(), "/");
    }

    #[test]
    fn hrefs_resolve_against_the_route() {
        let here = Url::parse("/contacts/3?tab=notes");
        let resolve = |from, to| resolve_path(from, to, &here);
        assert_eq!(resolve("/contacts", "4"), "/contacts/4");
        assert_eq!(resolve("/contacts/", "4"), "/contacts/4");
        assert_eq!(resolve("/", "about"), "/about");
        assert_eq!(resolve("/contacts/3", "edit?x=1"), "/contacts/3/edit?x=1");
        assert_eq!(resolve("/contacts/3", ".."), "/contacts/");
        assert_eq!(resolve("/contacts/3", "../4"), "/contacts/4");
        assert_eq!(resolve("/contacts", "../../.."), "/");
        assert_eq!(resolve("/contacts", "./a/./b"), "/contacts/a/b");
        assert_eq!(resolve("/contacts", "/settings"), "/settings");
        assert_eq!(resolve("/contacts", ""), "/contacts");
        assert_eq!(resolve("/contacts", "?tab=info"), "/contacts/3?tab=info");
        assert_eq!(resolve("/contacts", "#top"), "/contacts/3?tab=notes#top");
        assert_eq!(resolve("/contacts", "https://x.org/a"), "https://x.org/a");
        assert_eq!(resolve("/contacts", "mailto:a@b.c"), "mailto:a@b.c");
        assert_eq!(resolve("/contacts", "//cdn.org/x"), "//cdn.org/x");
    }

    #[test]
    fn external_links_are_told_apart() {
        assert!(is_external("https://example.com"));
        assert!(is_external("mailto:ada@example.com"));
        assert!(is_external("//example.com/x"));
        assert!(!is_external("/a:b"));
        assert!(!is_external("a/b:c"));
        assert!(!is_external("?a=b:c"));
        assert!(!is_external("relative"));
    }
}
