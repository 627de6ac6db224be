//! URL path patterns such as `/api/users/{id}/posts/{post_id}`: the paths of server
//! functions declared with `#[get("...")]`, `#[post("...")]`, ....
//!
//! A pattern is split at `/`; each segment is either literal text or a whole-segment
//! parameter `{name}` (the syntax axum's router uses too, so a pattern can be mounted on it
//! as it is). The macros check patterns at compile time with [`parse`]; the client fills
//! them in ([`fill`]); the server matches request paths against them ([`match_path`]).

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS};

/// One segment of a pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Text that must appear as it is.
    Literal(&'a str),
    /// `{name}`: any one non-empty segment.
    Param(&'a str),
}

/// What is wrong with a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PatternError {
    /// The pattern does not start with `/`.
    NoLeadingSlash,
    /// A segment holds a brace but is not exactly `{name}` (`{*rest}`, `user-{id}`, `{}`).
    BadSegment(String),
    /// A parameter's name is not an identifier.
    BadName(String),
    /// Two parameters share a name.
    DuplicateName(String),
}

impl std::fmt::Display for PatternError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoLeadingSlash => f.write_str("the path must start with `/`"),
            Self::BadSegment(segment) => write!(
                f,
                "`{segment}` is not a path segment this router understands: a parameter is a \
                 whole segment written `{{name}}` (catch-all `{{*name}}` and partial segments \
                 are not supported)"
            ),
            Self::BadName(name) => write!(
                f,
                "`{{{name}}}`: a path parameter is named after a function argument, so it must \
                 be an identifier"
            ),
            Self::DuplicateName(name) => write!(f, "the path parameter `{{{name}}}` appears twice"),
        }
    }
}

impl std::error::Error for PatternError {}

/// The segments of `pattern` (after the leading `/`), or what is wrong with it.
pub fn parse(pattern: &str) -> Result<Vec<Segment<'_>>, PatternError> {
    let rest = pattern
        .strip_prefix('/')
        .ok_or(PatternError::NoLeadingSlash)?;
    let mut segments = Vec::new();
    for segment in rest.split('/') {
        if !segment.contains(['{', '}']) {
            segments.push(Segment::Literal(segment));
            continue;
        }
        let name = segment
            .strip_prefix('{')
            .and_then(|s| s.strip_suffix('}'))
            .filter(|name| !name.is_empty() && !name.contains(['{', '}', '*']))
            .ok_or_else(|| PatternError::BadSegment(segment.to_owned()))?;
        if !is_identifier(name) {
            return Err(PatternError::BadName(name.to_owned()));
        }
        if segments.contains(&Segment::Param(name)) {
            return Err(PatternError::DuplicateName(name.to_owned()));
        }
        segments.push(Segment::Param(name));
    }
    Ok(segments)
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|first| first == '_' || first.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// Whether `path` has parameters (so it is matched, not looked up).
pub fn has_params(path: &str) -> bool {
    path.contains('{')
}

/// `pattern` with parameter names erased (`/api/users/{}`): two patterns of the same shape
/// match the same paths.
pub fn shape(pattern: &str) -> String {
    match parse(pattern) {
        Ok(segments) => segments
            .iter()
            .map(|segment| match segment {
                Segment::Literal(text) => format!("/{text}"),
                Segment::Param(_) => "/{}".to_owned(),
            })
            .collect(),
        Err(_) => pattern.to_owned(),
    }
}

/// How many literal segments `pattern` has: of two patterns that match a path, the one with
/// more literal segments is the more specific.
pub fn specificity(pattern: &str) -> usize {
    parse(pattern).map_or(0, |segments| {
        segments
            .iter()
            .filter(|s| matches!(s, Segment::Literal(_)))
            .count()
    })
}

/// The parameters of `path` if it matches `pattern`, each with its value as sent (still
/// percent-encoded; see [`decode`]). `None` if it does not match.
pub fn match_path<'p, 'a>(pattern: &'p str, path: &'a str) -> Option<Vec<(&'p str, &'a str)>> {
    let segments = parse(pattern).ok()?;
    let mut parts = path.strip_prefix('/')?.split('/');
    let mut params = Vec::new();
    for segment in segments {
        let part = parts.next()?;
        match segment {
            Segment::Literal(text) if text == part => {}
            Segment::Literal(_) => return None,
            Segment::Param(_) if part.is_empty() => return None,
            Segment::Param(name) => params.push((name, part)),
        }
    }
    parts.next().is_none().then_some(params)
}

/// A path segment's percent-decoded text, or `None` if it is not UTF-8.
pub fn decode(value: &str) -> Option<String> {
    percent_decode_str(value)
        .decode_utf8()
        .ok()
        .map(|text| text.into_owned())
}

/// The characters escaped in a path segment: controls, space, the delimiters of URLs
/// (`/ ? #`), `%` itself, and those browsers escape in paths.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// `pattern` with each `{name}` replaced by `value(name)`, percent-encoded; the name of the
/// first parameter `value` has no value for, or is empty for (an empty segment would not
/// match the pattern on the server).
pub fn fill(pattern: &str, mut value: impl FnMut(&str) -> Option<String>) -> Result<String, &str> {
    let segments = parse(pattern).map_err(|_| pattern)?;
    let mut path = String::with_capacity(pattern.len());
    for segment in segments {
        path.push('/');
        match segment {
            Segment::Literal(text) => path.push_str(text),
            Segment::Param(name) => {
                let text = value(name).filter(|text| !text.is_empty()).ok_or(name)?;
                path.extend(utf8_percent_encode(&text, SEGMENT));
            }
        }
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_parse_into_literals_and_params() {
        assert_eq!(
            parse("/api/users/{id}").unwrap(),
            [
                Segment::Literal("api"),
                Segment::Literal("users"),
                Segment::Param("id")
            ]
        );
        assert_eq!(parse("api"), Err(PatternError::NoLeadingSlash));
        assert_eq!(
            parse("/files/{*rest}"),
            Err(PatternError::BadSegment("{*rest}".into()))
        );
        assert_eq!(
            parse("/u/user-{id}"),
            Err(PatternError::BadSegment("user-{id}".into()))
        );
        assert_eq!(parse("/u/{1d}"), Err(PatternError::BadName("1d".into())));
        assert_eq!(
            parse("/{a}/{a}"),
            Err(PatternError::DuplicateName("a".into()))
        );
    }

    #[test]
    fn paths_match_segment_by_segment() {
        let pattern = "/api/users/{user_id}/posts/{post_id}";
        assert_eq!(
            match_path(pattern, "/api/users/7/posts/a%20b"),
            Some(vec![("user_id", "7"), ("post_id", "a%20b")])
        );
        assert_eq!(match_path(pattern, "/api/users/7/posts"), None);
        assert_eq!(match_path(pattern, "/api/users/7/posts/1/x"), None);
        assert_eq!(match_path(pattern, "/api/users//posts/1"), None);
        assert_eq!(match_path(pattern, "/api/people/7/posts/1"), None);
        assert_eq!(match_path("/api/ping", "/api/ping"), Some(vec![]));
    }

    #[test]
    fn fill_percent_encodes_values_and_names_what_is_missing() {
        let filled = fill("/api/files/{name}/{n}", |name| match name {
            "name" => Some("a b/c?d%".to_owned()),
            _ => Some("3".to_owned()),
        });
        assert_eq!(filled.as_deref(), Ok("/api/files/a%20b%2Fc%3Fd%25/3"));
        assert_eq!(fill("/api/{id}", |_| None::<String>), Err("id"), "no value");
        assert_eq!(fill("/api/{id}", |_| Some(String::new())), Err("id"));
    }

    #[test]
    fn filled_paths_match_and_decode_back() {
        let pattern = "/api/files/{name}";
        let path = fill(pattern, |_| Some("ünï côdé/+".to_owned())).unwrap();
        let params = match_path(pattern, &path).unwrap();
        assert_eq!(decode(params[0].1).as_deref(), Some("ünï côdé/+"));
        assert_eq!(decode("%FF"), None);
    }

    #[test]
    fn shapes_and_specificity() {
        assert_eq!(shape("/api/users/{id}"), "/api/users/{}");
        assert_eq!(shape("/api/users/{uid}"), shape("/api/users/{id}"));
        assert_eq!(specificity("/api/users/{id}"), 2);
        assert_eq!(specificity("/api/{kind}/{id}"), 1);
        assert!(has_params("/a/{b}") && !has_params("/a/b"));
    }
}
