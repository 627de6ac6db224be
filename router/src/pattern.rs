//! Route path patterns (`/contacts/:id`, `/files/*rest`, `/posts/:page?`): parsing and
//! checking.
//!
//! This file has no dependencies: the `path!` macro (in `leptos_router_macro`) includes it,
//! so a pattern is checked by the very same code at compile time as at run time
//! ([`RoutePath::parse`](crate::RoutePath::parse)).

use std::fmt;

/// One segment of a pattern, borrowing from the pattern's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PatternSegment<'a> {
    /// Matches exactly this text: `contacts`.
    Static(&'a str),
    /// Matches any one non-empty segment and names it: `:id`.
    Param(&'a str),
    /// Matches one segment if there is one: `:page?`.
    OptionalParam(&'a str),
    /// Matches everything that is left, maybe nothing: `*rest`. Only last.
    Wildcard(&'a str),
}

/// A route pattern that cannot be used, with what to write instead.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PathError {
    /// `//` in the middle of a pattern.
    EmptySegment {
        /// The pattern.
        pattern: String,
    },
    /// `:` or `*` with no name after it.
    MissingName {
        /// The segment (`:`, `*`, `:?`).
        segment: String,
    },
    /// A name with characters other than letters, digits and `_`.
    InvalidName {
        /// The name as written.
        name: String,
    },
    /// `?` after something that is not a `:param`.
    MisplacedOptional {
        /// The segment.
        segment: String,
    },
    /// `:`, `*` or `?` inside a static segment (`a:b`).
    MisplacedSigil {
        /// The segment.
        segment: String,
    },
    /// A `*wildcard` followed by more segments.
    WildcardNotLast {
        /// The wildcard's name.
        name: String,
    },
    /// The same parameter name twice.
    DuplicateName {
        /// The name.
        name: String,
    },
    /// A query (`?a=b`) or fragment (`#x`) in a pattern.
    QueryOrFragment {
        /// The pattern.
        pattern: String,
    },
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathError::EmptySegment { pattern } => write!(
                f,
                "the route path {pattern:?} has an empty segment (`//`); write one `/` between \
                 segments"
            ),
            PathError::MissingName { segment } => write!(
                f,
                "the segment `{segment}` has no name; name it, like `:id` or `*rest`"
            ),
            PathError::InvalidName { name } => write!(
                f,
                "`{name}` is not a valid parameter name; use letters, digits and `_` only, \
                 like `:contact_id`"
            ),
            PathError::MisplacedOptional { segment } => write!(
                f,
                "`{segment}`: only a `:param` can be optional (`:page?`); a static segment or a \
                 `*wildcard` cannot"
            ),
            PathError::MisplacedSigil { segment } => write!(
                f,
                "`{segment}`: `:`, `*` and `?` may only start a segment (`:id`, `*rest`) or end \
                 a `:param?`; split the segment with `/`"
            ),
            PathError::WildcardNotLast { name } => write!(
                f,
                "the wildcard `*{name}` matches the rest of the path, so it must be the last \
                 segment; move the segments after it before it"
            ),
            PathError::DuplicateName { name } => write!(
                f,
                "the parameter name `{name}` is used twice; give each parameter its own name"
            ),
            PathError::QueryOrFragment { pattern } => write!(
                f,
                "the route path {pattern:?} has a query or fragment; a route matches the path \
                 only: read the query with `use_query_map()`"
            ),
        }
    }
}

impl std::error::Error for PathError {}

/// Parses and checks a pattern. A leading `/` is optional, and a trailing `/` is ignored;
/// `""` and `"/"` are the root (no segments).
pub(crate) fn parse_pattern(pattern: &str) -> Result<Vec<PatternSegment<'_>>, PathError> {
    // A `?` anywhere but at the end of a segment starts a query.
    let query = pattern
        .split('/')
        .any(|segment| segment.find('?').is_some_and(|at| at + 1 != segment.len()));
    if query || pattern.contains('#') {
        return Err(PathError::QueryOrFragment {
            pattern: pattern.to_string(),
        });
    }
    let trimmed = pattern.strip_prefix('/').unwrap_or(pattern);
    let trimmed = trimmed.strip_suffix('/').unwrap_or(trimmed);
    if trimmed.is_empty() {
        return Ok(Vec::new());
    }
    let mut segments = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    for text in trimmed.split('/') {
        if text.is_empty() {
            return Err(PathError::EmptySegment {
                pattern: pattern.to_string(),
            });
        }
        if let Some(PatternSegment::Wildcard(name)) = segments.last() {
            return Err(PathError::WildcardNotLast {
                name: (*name).to_string(),
            });
        }
        let segment = parse_segment(text)?;
        if let PatternSegment::Param(name)
        | PatternSegment::OptionalParam(name)
        | PatternSegment::Wildcard(name) = segment
        {
            if names.contains(&name) {
                return Err(PathError::DuplicateName {
                    name: name.to_string(),
                });
            }
            names.push(name);
        }
        segments.push(segment);
    }
    Ok(segments)
}

fn parse_segment(text: &str) -> Result<PatternSegment<'_>, PathError> {
    let segment_error = |make: fn(String) -> PathError| Err(make(text.to_string()));
    if let Some(rest) = text.strip_prefix(':') {
        let (name, optional) = match rest.strip_suffix('?') {
            Some(name) => (name, true),
            None => (rest, false),
        };
        check_name(text, name)?;
        return Ok(if optional {
            PatternSegment::OptionalParam(name)
        } else {
            PatternSegment::Param(name)
        });
    }
    if let Some(name) = text.strip_prefix('*') {
        if name.ends_with('?') {
            return segment_error(|segment| PathError::MisplacedOptional { segment });
        }
        check_name(text, name)?;
        return Ok(PatternSegment::Wildcard(name));
    }
    if text.ends_with('?') && !text.contains([':', '*']) {
        return segment_error(|segment| PathError::MisplacedOptional { segment });
    }
    if text.contains([':', '*', '?']) {
        return segment_error(|segment| PathError::MisplacedSigil { segment });
    }
    Ok(PatternSegment::Static(text))
}

fn check_name(segment: &str, name: &str) -> Result<(), PathError> {
    if name.is_empty() {
        return Err(PathError::MissingName {
            segment: segment.to_string(),
        });
    }
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(PathError::InvalidName {
            name: name.to_string(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::PatternSegment::*;
    use super::*;

    #[test]
    fn patterns_parse_into_segments() {
        assert_eq!(parse_pattern("/"), Ok(vec![]));
        assert_eq!(parse_pattern(""), Ok(vec![]));
        assert_eq!(
            parse_pattern("/contacts/:id"),
            Ok(vec![Static("contacts"), Param("id")])
        );
        assert_eq!(parse_pattern(":id"), Ok(vec![Param("id")]));
        assert_eq!(
            parse_pattern("/posts/:page?/"),
            Ok(vec![Static("posts"), OptionalParam("page")])
        );
        assert_eq!(
            parse_pattern("/files/*rest"),
            Ok(vec![Static("files"), Wildcard("rest")])
        );
        assert_eq!(parse_pattern("/a-b.c~d"), Ok(vec![Static("a-b.c~d")]));
    }

    #[test]
    fn mistakes_are_reported_with_what_to_do() {
        let error = |p| parse_pattern(p).unwrap_err();
        assert!(matches!(error("/a//b"), PathError::EmptySegment { .. }));
        assert!(matches!(error("/a/:"), PathError::MissingName { .. }));
        assert!(matches!(error("/a/*"), PathError::MissingName { .. }));
        assert!(matches!(error("/:a-b"), PathError::InvalidName { .. }));
        assert!(matches!(error("/a?"), PathError::MisplacedOptional { .. }));
        assert!(matches!(error("/*a?"), PathError::MisplacedOptional { .. }));
        assert!(matches!(error("/a:b"), PathError::MisplacedSigil { .. }));
        assert!(matches!(error("/*a/b"), PathError::WildcardNotLast { .. }));
        assert!(matches!(error("/:a/:a"), PathError::DuplicateName { .. }));
        assert!(matches!(error("/a#b"), PathError::QueryOrFragment { .. }));
        assert!(matches!(error("/a?b=c"), PathError::QueryOrFragment { .. }));
        assert_eq!(
            error("/*rest/more").to_string(),
            "the wildcard `*rest` matches the rest of the path, so it must be the last segment; \
             move the segments after it before it"
        );
    }
}
