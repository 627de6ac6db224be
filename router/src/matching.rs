//! Matching a URL's path against a table of routes.
//!
//! [`RouteMatcher`] holds routes in the order they were added and answers the first that
//! matches, as Leptos does. Each route is compiled once: optional segments are expanded into
//! one variant with and one without the segment (so `/posts/:page?` is `/posts/:page`, then
//! `/posts`), and each variant is a list of static texts and parameters, plus a final
//! wildcard. A path is split into segments once per match; the segments are compared with
//! each variant's (a length check first, then plain string comparisons), and parameter
//! values are decoded only for the route that matched. Empty segments (`//`, a trailing `/`)
//! are skipped.
//!
//! ```
//! use leptos_router::matching::RouteMatcher;
//! use leptos_router::path;
//!
//! let mut routes = RouteMatcher::new();
//! let home = routes.add(path!("/"));
//! let contact = routes.add(path!("/contacts/:id"));
//! let files = routes.add(path!("/files/*rest"));
//!
//! assert_eq!(routes.match_path("/").unwrap().route(), home);
//! let matched = routes.match_path("/contacts/ada%20l").unwrap();
//! assert_eq!(matched.route(), contact);
//! assert_eq!(matched.params().get("id").as_deref(), Some("ada l"));
//! let matched = routes.match_path("/files/a/b.txt").unwrap();
//! assert_eq!(matched.params().get("rest").as_deref(), Some("a/b.txt"));
//! assert!(routes.match_path("/contacts").is_none());
//! ```

use crate::params::{decode_path, ParamsMap};
use crate::path::{PathSegment, RoutePath};
use std::borrow::Cow;

/// A table of routes, matched in the order they were added.
#[derive(Clone, Debug, Default)]
pub struct RouteMatcher {
    variants: Vec<Variant>,
    routes: usize,
}

/// One concrete form of a route (its optional segments present or not).
#[derive(Clone, Debug)]
struct Variant {
    /// The route this is a variant of.
    route: usize,
    segments: Box<[Segment]>,
    wildcard: Option<Cow<'static, str>>,
    params: usize,
    /// How many of `segments` each nesting level of the route consumes, cumulated (a route
    /// added with [`RouteMatcher::add_nested`]); the wildcard belongs to the last level.
    level_ends: Box<[usize]>,
}

#[derive(Clone, Debug)]
enum Segment {
    Static(Cow<'static, str>),
    Param(Cow<'static, str>),
}

impl Segment {
    fn matches(&self, text: &str) -> bool {
        match self {
            Segment::Param(_) => true,
            Segment::Static(expected) => {
                expected == text || (text.contains('%') && *expected == decode_path(text))
            }
        }
    }
}

/// The route a path matched, with its parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathMatch {
    route: usize,
    variant: usize,
    params: ParamsMap,
}

impl PathMatch {
    /// The matched route: the number [`RouteMatcher::add`] returned for it.
    pub fn route(&self) -> usize {
        self.route
    }

    /// The route's parameters, decoded (`%20` is a space), in the order of the path.
    pub fn params(&self) -> &ParamsMap {
        &self.params
    }

    /// Takes the parameters.
    pub fn into_params(self) -> ParamsMap {
        self.params
    }
}

impl RouteMatcher {
    /// An empty table.
    pub fn new() -> Self {
        RouteMatcher::default()
    }

    /// Adds a route; returns its number (0 for the first one added, and so on).
    pub fn add(&mut self, path: impl Into<RoutePath>) -> usize {
        self.add_nested(&[path.into()])
    }

    /// Adds a nested route given the path of each level, outermost first (a parent route's
    /// path, then its child's). The match's [`level_paths`](Self::level_paths) tell how much
    /// of the URL each level matched.
    pub fn add_nested(&mut self, levels: &[RoutePath]) -> usize {
        let route = self.routes;
        self.routes += 1;
        for variant in expand_optionals(levels) {
            self.variants.push(compile(route, variant));
        }
        route
    }

    /// How many routes were added.
    pub fn len(&self) -> usize {
        self.routes
    }

    /// Whether no route was added.
    pub fn is_empty(&self) -> bool {
        self.routes == 0
    }

    /// The first route that matches `path` (a URL's path; a query or fragment after it is
    /// ignored), with its parameters.
    pub fn match_path(&self, path: &str) -> Option<PathMatch> {
        let path = strip_query(path);
        let segments = SegmentBounds::split(path);
        let bounds = segments.as_slice();
        let count = bounds.len();
        for (index, variant) in self.variants.iter().enumerate() {
            let fixed = variant.segments.len();
            if count < fixed || (variant.wildcard.is_none() && count != fixed) {
                continue;
            }
            let all = variant
                .segments
                .iter()
                .zip(bounds)
                .all(|(segment, &(start, end))| segment.matches(&path[start..end]));
            if all {
                return Some(PathMatch {
                    route: variant.route,
                    variant: index,
                    params: variant.params(path, bounds),
                });
            }
        }
        None
    }

    /// The part of `path` each level of the matched route matched, outermost first:
    /// for `/contacts/:id` nested as `/contacts` > `:id` and the path `/contacts/3`,
    /// `["/contacts", "/contacts/3"]`. A level that matched nothing more than its parent
    /// repeats its parent's path; the root is `/`.
    pub fn level_paths(&self, matched: &PathMatch, path: &str) -> Vec<String> {
        let path = strip_query(path);
        let segments = SegmentBounds::split(path);
        let bounds = segments.as_slice();
        let Some(variant) = self.variants.get(matched.variant) else {
            return Vec::new();
        };
        let last = variant.level_ends.len().saturating_sub(1);
        variant
            .level_ends
            .iter()
            .enumerate()
            .map(|(level, &end)| {
                let end = if level == last && variant.wildcard.is_some() {
                    bounds.len()
                } else {
                    end
                };
                match end.checked_sub(1).and_then(|i| bounds.get(i)) {
                    Some(&(_, stop)) => path[..stop].to_string(),
                    None => "/".to_string(),
                }
            })
            .collect()
    }
}

impl Variant {
    fn params(&self, path: &str, bounds: &[(usize, usize)]) -> ParamsMap {
        let mut params = ParamsMap::with_capacity(self.params);
        for (segment, &(start, end)) in self.segments.iter().zip(bounds) {
            if let Segment::Param(name) = segment {
                params.insert(name.clone(), decode_path(&path[start..end]));
            }
        }
        if let Some(name) = &self.wildcard {
            let rest = match bounds.get(self.segments.len()) {
                Some(&(start, _)) => path[start..].trim_end_matches('/'),
                None => "",
            };
            params.insert(name.clone(), decode_path(rest));
        }
        params
    }
}

/// The path without a query or fragment.
fn strip_query(path: &str) -> &str {
    match path.find(['?', '#']) {
        Some(at) => &path[..at],
        None => path,
    }
}

/// Every combination of a route's optional segments, each present first: the levels'
/// segments with `OptionalParam` turned into `Param` or dropped, and where each level ends.
pub(crate) fn expand_optionals(levels: &[RoutePath]) -> Vec<(Vec<PathSegment>, Vec<usize>)> {
    let mut variants: Vec<(Vec<PathSegment>, Vec<usize>)> = vec![(Vec::new(), Vec::new())];
    for level in levels {
        for segment in level.segments() {
            match segment {
                PathSegment::OptionalParam(name) => {
                    let mut with = Vec::with_capacity(variants.len() * 2);
                    for (segments, ends) in variants {
                        let mut present = segments.clone();
                        present.push(PathSegment::Param(name.clone()));
                        with.push((present, ends.clone()));
                        with.push((segments, ends));
                    }
                    variants = with;
                }
                other => {
                    for (segments, _) in &mut variants {
                        segments.push(other.clone());
                    }
                }
            }
        }
        for (segments, ends) in &mut variants {
            ends.push(segments.len());
        }
    }
    variants
}

fn compile(route: usize, (segments, level_ends): (Vec<PathSegment>, Vec<usize>)) -> Variant {
    let mut compiled = Vec::with_capacity(segments.len());
    let mut wildcard = None;
    let mut params = 0;
    for segment in segments {
        if wildcard.is_some() {
            crate::warn(&format!(
                "a route's wildcard segment `*{}` is followed by more segments, which are \
                 ignored; put the wildcard last (`path!` checks this at compile time)",
                wildcard.as_deref().unwrap_or_default()
            ));
            break;
        }
        match segment {
            PathSegment::Static(text) => compiled.push(Segment::Static(text)),
            PathSegment::Param(name) | PathSegment::OptionalParam(name) => {
                params += 1;
                compiled.push(Segment::Param(name));
            }
            PathSegment::Splat(name) => {
                params += 1;
                wildcard = Some(name);
            }
        }
    }
    let fixed = compiled.len();
    Variant {
        route,
        segments: compiled.into_boxed_slice(),
        wildcard,
        params,
        level_ends: level_ends.into_iter().map(|end| end.min(fixed)).collect(),
    }
}

/// The `(start, end)` byte ranges of a path's non-empty segments: inline for up to
/// [`SegmentBounds::INLINE`] segments, so matching a usual path allocates nothing but the
/// parameters.
// Lives on the stack for one match: its size is the point.
#[allow(clippy::large_enum_variant)]
enum SegmentBounds {
    Inline([(usize, usize); SegmentBounds::INLINE], usize),
    Heap(Vec<(usize, usize)>),
}

impl SegmentBounds {
    const INLINE: usize = 16;

    fn split(path: &str) -> SegmentBounds {
        let mut inline = [(0, 0); SegmentBounds::INLINE];
        let mut len = 0;
        let mut heap: Option<Vec<(usize, usize)>> = None;
        let mut start = 0;
        for (at, byte) in path
            .bytes()
            .enumerate()
            .chain(std::iter::once((path.len(), b'/')))
        {
            if byte != b'/' {
                continue;
            }
            if at > start {
                match &mut heap {
                    Some(heap) => heap.push((start, at)),
                    None if len < SegmentBounds::INLINE => {
                        inline[len] = (start, at);
                        len += 1;
                    }
                    None => {
                        let mut spilled = inline.to_vec();
                        spilled.push((start, at));
                        heap = Some(spilled);
                    }
                }
            }
            start = at + 1;
        }
        match heap {
            Some(heap) => SegmentBounds::Heap(heap),
            None => SegmentBounds::Inline(inline, len),
        }
    }

    fn as_slice(&self) -> &[(usize, usize)] {
        match self {
            SegmentBounds::Inline(bounds, len) => &bounds[..*len],
            SegmentBounds::Heap(bounds) => bounds,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path;

    fn table(paths: &[&str]) -> RouteMatcher {
        let mut matcher = RouteMatcher::new();
        for path in paths {
            matcher.add(RoutePath::parse(path).unwrap());
        }
        matcher
    }

    fn route(matcher: &RouteMatcher, path: &str) -> Option<usize> {
        matcher.match_path(path).map(|m| m.route())
    }

    #[test]
    fn the_first_route_that_matches_wins() {
        let routes = table(&["/users", "/users/:id", "/users/new", "/*any"]);
        assert_eq!(route(&routes, "/users"), Some(0));
        assert_eq!(route(&routes, "/users/"), Some(0));
        assert_eq!(route(&routes, "/users/7"), Some(1));
        // `:id` comes first and matches `new` too, as in Leptos.
        assert_eq!(route(&routes, "/users/new"), Some(1));
        assert_eq!(route(&routes, "/usersx"), Some(3));
        assert_eq!(route(&routes, "/"), Some(3));
    }

    #[test]
    fn static_segments_must_match_whole_segments() {
        let routes = table(&["/property-api", "/property"]);
        assert_eq!(route(&routes, "/property"), Some(1));
        assert_eq!(route(&routes, "/property-api"), Some(0));
        assert_eq!(route(&routes, "/propert"), None);
        assert_eq!(route(&routes, "/property/x"), None);
    }

    #[test]
    fn root_query_fragment_and_empty_segments() {
        let routes = table(&["/", "/a/b"]);
        assert_eq!(route(&routes, "/"), Some(0));
        assert_eq!(route(&routes, ""), Some(0));
        assert_eq!(route(&routes, "/?x=1#top"), Some(0));
        assert_eq!(route(&routes, "//a//b/"), Some(1));
        assert_eq!(route(&routes, "/a/b?c"), Some(1));
    }

    #[test]
    fn optional_params_expand_present_first() {
        let routes = table(&["/posts/:page?/:sort?", "/posts/x/y/z"]);
        let m = routes.match_path("/posts").unwrap();
        assert_eq!((m.route(), m.params().len()), (0, 0));
        let m = routes.match_path("/posts/2").unwrap();
        assert_eq!(m.params().get("page").as_deref(), Some("2"));
        assert_eq!(m.params().get("sort"), None);
        let m = routes.match_path("/posts/2/new").unwrap();
        assert_eq!(m.params().get("sort").as_deref(), Some("new"));
        assert_eq!(route(&routes, "/posts/x/y/z"), Some(1));
        // In the middle: backtracks to the variant without it.
        let routes = table(&["/a/:b?/c"]);
        assert!(routes.match_path("/a/c").unwrap().params().is_empty());
        assert_eq!(
            routes
                .match_path("/a/x/c")
                .unwrap()
                .params()
                .get("b")
                .as_deref(),
            Some("x")
        );
        assert_eq!(route(&routes, "/a/x/y/c"), None);
    }

    #[test]
    fn wildcards_take_the_rest_even_nothing() {
        let routes = table(&["/files/*rest"]);
        let rest = |p| routes.match_path(p).unwrap().params().get("rest").unwrap();
        assert_eq!(rest("/files"), "");
        assert_eq!(rest("/files/"), "");
        assert_eq!(rest("/files/a/b/"), "a/b");
        assert_eq!(rest("/files/a%20b/c"), "a b/c");
    }

    #[test]
    fn params_and_static_segments_are_decoded() {
        let routes = table(&["/café/:name"]);
        let m = routes.match_path("/caf%C3%A9/ada%20lovelace").unwrap();
        assert_eq!(m.params().get("name").as_deref(), Some("ada lovelace"));
        // A bad escape is kept as it is; it never panics.
        let m = routes.match_path("/café/%E0%A4%A").unwrap();
        assert_eq!(m.params().len(), 1);
    }

    #[test]
    fn long_paths_spill_to_the_heap() {
        let long: String = (0..40).map(|i| format!("/s{i}")).collect();
        let mut routes = RouteMatcher::new();
        routes.add(RoutePath::parse(&long).unwrap());
        routes.add(path!("/s0/*rest"));
        assert_eq!(route(&routes, &long), Some(0));
        assert_eq!(route(&routes, &format!("{long}/more")), Some(1));
    }

    #[test]
    fn nested_routes_report_what_each_level_matched() {
        let mut routes = RouteMatcher::new();
        routes.add_nested(&[path!("/contacts"), path!(":id")]);
        routes.add_nested(&[path!("/contacts"), path!("")]);
        routes.add_nested(&[path!("/"), path!("/docs/*rest")]);
        let levels = |p: &str| {
            let m = routes.match_path(p).unwrap();
            routes.level_paths(&m, p)
        };
        assert_eq!(levels("/contacts/3"), ["/contacts", "/contacts/3"]);
        assert_eq!(levels("/contacts/"), ["/contacts", "/contacts"]);
        assert_eq!(levels("/docs/a/b?x"), ["/", "/docs/a/b"]);
    }
}
