//! Route paths: what a `<Route path=.../>` matches.
//!
//! Write them with [`path!`](crate::path), which checks the pattern at compile time:
//! `path!("/contacts/:id")`. The segment types of Leptos ([`StaticSegment`],
//! [`ParamSegment`], [`OptionalParamSegment`], [`WildcardSegment`]) and tuples of them work
//! too: `(StaticSegment("contacts"), ParamSegment("id"))`.

use crate::pattern::{parse_pattern, PathError, PatternSegment};
use std::borrow::Cow;
use std::fmt;

/// One segment of a route's path.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PathSegment {
    /// Exactly this text.
    Static(Cow<'static, str>),
    /// Any one non-empty segment, available as the named parameter.
    Param(Cow<'static, str>),
    /// One segment if there is one (the route also matches without it).
    OptionalParam(Cow<'static, str>),
    /// The rest of the path, maybe empty. Only last.
    Splat(Cow<'static, str>),
}

impl PathSegment {
    /// Writes this segment in the router's pattern syntax (`/contacts`, `/:id`, `/:page?`,
    /// `/*rest`).
    fn write(&self, out: &mut String) {
        out.push('/');
        match self {
            PathSegment::Static(text) => out.push_str(text),
            PathSegment::Param(name) => {
                out.push(':');
                out.push_str(name);
            }
            PathSegment::OptionalParam(name) => {
                out.push(':');
                out.push_str(name);
                out.push('?');
            }
            PathSegment::Splat(name) => {
                out.push('*');
                out.push_str(name);
            }
        }
    }
}

/// A route's path: a list of [`PathSegment`]s. Made by [`path!`](crate::path), by
/// [`RoutePath::parse`], or from the segment types and tuples of them.
///
/// ```
/// use leptos_router::{path, ParamSegment, RoutePath, StaticSegment};
///
/// let from_macro = path!("/contacts/:id");
/// let from_segments = RoutePath::from((StaticSegment("contacts"), ParamSegment("id")));
/// assert_eq!(from_macro, from_segments);
/// assert_eq!(from_macro.to_string(), "/contacts/:id");
/// assert_eq!(RoutePath::parse("/contacts/:id"), Ok(from_macro));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RoutePath {
    segments: Cow<'static, [PathSegment]>,
}

impl RoutePath {
    /// The root path, `/`.
    pub const ROOT: RoutePath = RoutePath::from_static(&[]);

    /// A path from segments known at compile time (what `path!` expands to).
    pub const fn from_static(segments: &'static [PathSegment]) -> RoutePath {
        RoutePath {
            segments: Cow::Borrowed(segments),
        }
    }

    /// A path from segments.
    pub fn from_segments(segments: Vec<PathSegment>) -> RoutePath {
        RoutePath {
            segments: Cow::Owned(segments),
        }
    }

    /// Parses and checks a pattern at run time, as `path!` does at compile time: static
    /// segments, `:param`, optional `:param?` and a last `*wildcard`.
    pub fn parse(pattern: &str) -> Result<RoutePath, PathError> {
        let segments = parse_pattern(pattern)?
            .into_iter()
            .map(|segment| match segment {
                PatternSegment::Static(text) => PathSegment::Static(text.to_owned().into()),
                PatternSegment::Param(name) => PathSegment::Param(name.to_owned().into()),
                PatternSegment::OptionalParam(name) => {
                    PathSegment::OptionalParam(name.to_owned().into())
                }
                PatternSegment::Wildcard(name) => PathSegment::Splat(name.to_owned().into()),
            })
            .collect();
        Ok(RoutePath::from_segments(segments))
    }

    /// The segments, in order.
    pub fn segments(&self) -> &[PathSegment] {
        &self.segments
    }

    /// This path followed by `other` (a nested route's full path).
    pub fn join(&self, other: &RoutePath) -> RoutePath {
        let mut segments = self.segments.to_vec();
        segments.extend(other.segments.iter().cloned());
        RoutePath::from_segments(segments)
    }
}

impl fmt::Display for RoutePath {
    /// The path in pattern syntax, `/` for the root.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.segments.is_empty() {
            return f.write_str("/");
        }
        let mut out = String::new();
        for segment in self.segments.iter() {
            segment.write(&mut out);
        }
        f.write_str(&out)
    }
}

/// A static segment, as in Leptos: `StaticSegment("contacts")`. `StaticSegment("")` and
/// `StaticSegment("/")` are the root; a text with `/` in it is several segments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StaticSegment(pub &'static str);

/// A parameter segment, as in Leptos: `ParamSegment("id")` is `:id`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParamSegment(pub &'static str);

/// An optional parameter segment, as in Leptos: `OptionalParamSegment("page")` is `:page?`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct OptionalParamSegment(pub &'static str);

/// A wildcard segment, as in Leptos: `WildcardSegment("rest")` is `*rest`; it must be last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct WildcardSegment(pub &'static str);

impl From<StaticSegment> for RoutePath {
    fn from(segment: StaticSegment) -> Self {
        RoutePath::from_segments(
            segment
                .0
                .split('/')
                .filter(|text| !text.is_empty())
                .map(|text| PathSegment::Static(Cow::Borrowed(text)))
                .collect(),
        )
    }
}

macro_rules! single_segment {
    ($($ty:ident => $variant:ident),*) => {$(
        impl From<$ty> for RoutePath {
            fn from(segment: $ty) -> Self {
                RoutePath::from_segments(vec![PathSegment::$variant(Cow::Borrowed(segment.0))])
            }
        }
    )*};
}
single_segment!(
    ParamSegment => Param,
    OptionalParamSegment => OptionalParam,
    WildcardSegment => Splat
);

impl From<PathSegment> for RoutePath {
    fn from(segment: PathSegment) -> Self {
        RoutePath::from_segments(vec![segment])
    }
}

impl From<()> for RoutePath {
    /// The root path.
    fn from(_: ()) -> Self {
        RoutePath::ROOT
    }
}

macro_rules! tuple_paths {
    ($($name:ident),+) => {
        impl<$($name: Into<RoutePath>),+> From<($($name,)+)> for RoutePath {
            #[allow(non_snake_case)]
            fn from(($($name,)+): ($($name,)+)) -> Self {
                let mut segments = Vec::new();
                $(segments.extend($name.into().segments.iter().cloned());)+
                RoutePath::from_segments(segments)
            }
        }
    };
}
tuple_paths!(A);
tuple_paths!(A, B);
tuple_paths!(A, B, C);
tuple_paths!(A, B, C, D);
tuple_paths!(A, B, C, D, E);
tuple_paths!(A, B, C, D, E, F);
tuple_paths!(A, B, C, D, E, F, G);
tuple_paths!(A, B, C, D, E, F, G, H);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_types_and_tuples_make_the_same_paths_as_patterns() {
        let parsed = |p| RoutePath::parse(p).unwrap();
        assert_eq!(RoutePath::from(StaticSegment("")), RoutePath::ROOT);
        assert_eq!(RoutePath::from(StaticSegment("/")), RoutePath::ROOT);
        assert_eq!(RoutePath::from(()), RoutePath::ROOT);
        assert_eq!(RoutePath::from(StaticSegment("/a/b")), parsed("/a/b"));
        assert_eq!(
            RoutePath::from((
                StaticSegment("files"),
                OptionalParamSegment("kind"),
                WildcardSegment("rest")
            )),
            parsed("/files/:kind?/*rest")
        );
        assert_eq!(
            parsed("/files/:kind?/*rest").to_string(),
            "/files/:kind?/*rest"
        );
        assert_eq!(RoutePath::ROOT.to_string(), "/");
        assert_eq!(parsed("a").join(&parsed(":b")), parsed("/a/:b"));
    }
}
