//! Route parameters and query strings: [`ParamsMap`], typed with [`Params`].
//!
//! A route's `:param` values and the URL's query (`?q=ada&page=2`) are both read as a
//! [`ParamsMap`] ([`use_params_map`](crate::hooks::use_params_map),
//! [`use_query_map`](crate::hooks::use_query_map)), or as a struct that derives [`Params`]
//! ([`use_params`](crate::hooks::use_params), [`use_query`](crate::hooks::use_query)):
//!
//! ```
//! use leptos_router::params::{Params, ParamsError, ParamsMap};
//!
//! #[derive(Params, Debug, PartialEq)]
//! struct ContactParams {
//!     id: usize,              // required: missing is an error
//!     tab: Option<String>,    // optional: missing is `None`
//! }
//!
//! let mut map = ParamsMap::new();
//! map.insert("id", "3");
//! assert_eq!(
//!     ContactParams::from_map(&map),
//!     Ok(ContactParams { id: 3, tab: None })
//! );
//! map.replace("id", "three");
//! let error = ContactParams::from_map(&map).unwrap_err();
//! assert!(matches!(error, ParamsError::Invalid { .. }));
//! assert_eq!(
//!     error.to_string(),
//!     "the URL parameter `id` is \"three\", which is not a valid `usize` (invalid digit found \
//!      in string)"
//! );
//! ```

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

pub use leptos_router_macro::Params;

/// Parameters by name, in the order they appear; a name may appear more than once in a
/// query (`?tag=a&tag=b`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParamsMap {
    entries: Vec<(Cow<'static, str>, String)>,
}

impl ParamsMap {
    /// An empty map.
    pub fn new() -> Self {
        ParamsMap::default()
    }

    /// An empty map with room for `capacity` parameters.
    pub fn with_capacity(capacity: usize) -> Self {
        ParamsMap {
            entries: Vec::with_capacity(capacity),
        }
    }

    /// Parses a query string (with or without its leading `?`): `+` is a space and `%XX`
    /// escapes are decoded, as a browser encodes a form.
    ///
    /// ```
    /// use leptos_router::params::ParamsMap;
    /// let query = ParamsMap::from_query("?q=ada+lovelace&tag=a&tag=b&empty");
    /// assert_eq!(query.get("q").as_deref(), Some("ada lovelace"));
    /// assert_eq!(query.get_all("tag"), Some(vec!["a".to_string(), "b".to_string()]));
    /// assert_eq!(query.get("empty").as_deref(), Some(""));
    /// ```
    pub fn from_query(query: &str) -> Self {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut map = ParamsMap::new();
        for pair in query.split('&').filter(|pair| !pair.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            map.entries
                .push((Cow::Owned(decode_form(name)), decode_form(value)));
        }
        map
    }

    /// Adds a value for `name` (after any it already has).
    pub fn insert(&mut self, name: impl Into<Cow<'static, str>>, value: impl Into<String>) {
        self.entries.push((name.into(), value.into()));
    }

    /// Sets the value of `name`, removing any other.
    pub fn replace(&mut self, name: impl Into<Cow<'static, str>>, value: impl Into<String>) {
        let name = name.into();
        self.entries.retain(|(n, _)| *n != name);
        self.entries.push((name, value.into()));
    }

    /// Removes every value of `name`, returning the first.
    pub fn remove(&mut self, name: &str) -> Option<String> {
        let first = self.get(name);
        self.entries.retain(|(n, _)| n != name);
        first
    }

    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<String> {
        self.get_str(name).map(str::to_owned)
    }

    /// The first value of `name`, borrowed.
    pub fn get_str(&self, name: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, value)| value.as_str())
    }

    /// Every value of `name`, or `None` if it has none.
    pub fn get_all(&self, name: &str) -> Option<Vec<String>> {
        let all: Vec<String> = self
            .entries
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, value)| value.clone())
            .collect();
        (!all.is_empty()).then_some(all)
    }

    /// The parameters, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries
            .iter()
            .map(|(name, value)| (name.as_ref(), value.as_str()))
    }

    /// How many values the map holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The map as a query string, with its leading `?` (empty if the map is): values are
    /// encoded as a browser encodes a form.
    ///
    /// ```
    /// use leptos_router::params::ParamsMap;
    /// let mut query = ParamsMap::new();
    /// query.insert("q", "ada & grace");
    /// assert_eq!(query.to_query_string(), "?q=ada+%26+grace");
    /// ```
    pub fn to_query_string(&self) -> String {
        let mut out = String::new();
        for (i, (name, value)) in self.entries.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            encode_form(name, &mut out);
            out.push('=');
            encode_form(value, &mut out);
        }
        out
    }
}

impl<K: Into<Cow<'static, str>>, V: Into<String>> FromIterator<(K, V)> for ParamsMap {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        ParamsMap {
            entries: iter
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        }
    }
}

/// A type that can be read from a [`ParamsMap`]: derive it with `#[derive(Params)]`, whose
/// fields are parsed with [`FromStr`] (an `Option<T>` field may be missing).
pub trait Params: Sized {
    /// Reads the parameters from `map`.
    fn from_map(map: &ParamsMap) -> Result<Self, ParamsError>;
}

impl Params for ParamsMap {
    fn from_map(map: &ParamsMap) -> Result<Self, ParamsError> {
        Ok(map.clone())
    }
}

/// Why parameters could not be read into a type.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParamsError {
    /// A required parameter is not in the URL.
    MissingParam(String),
    /// A parameter's value does not parse as the field's type.
    Invalid {
        /// The parameter's name.
        name: String,
        /// Its value in the URL (decoded).
        value: String,
        /// The field's type.
        ty: &'static str,
        /// Why it does not parse.
        message: String,
    },
}

impl fmt::Display for ParamsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamsError::MissingParam(name) => write!(
                f,
                "the URL has no parameter `{name}`; make the field an `Option<_>` if it may be \
                 missing, or check that the route's path has `:{name}`"
            ),
            ParamsError::Invalid {
                name,
                value,
                ty,
                message,
            } => write!(
                f,
                "the URL parameter `{name}` is {value:?}, which is not a valid `{ty}` \
                 ({message})"
            ),
        }
    }
}

impl std::error::Error for ParamsError {}

/// A type a `#[derive(Params)]` field can have: anything that implements [`FromStr`] with an
/// error that implements `Display` (numbers, `String`, `bool`, your own types).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read from a URL parameter",
    label = "this field's type",
    note = "a `#[derive(Params)]` field needs a type that implements `FromStr` (with an error that implements `Display`), or an `Option` of one"
)]
pub trait ParamValue: Sized {
    /// Parses the value of the parameter `name`.
    fn parse_param(name: &str, value: &str) -> Result<Self, ParamsError>;
}

impl<T> ParamValue for T
where
    T: FromStr,
    T::Err: fmt::Display,
{
    fn parse_param(name: &str, value: &str) -> Result<Self, ParamsError> {
        value.parse().map_err(|error: T::Err| ParamsError::Invalid {
            name: name.to_string(),
            value: value.to_string(),
            ty: short_type_name::<T>(),
            message: error.to_string(),
        })
    }
}

/// Reads a required field: what `#[derive(Params)]` generates for a field of type `T`.
#[doc(hidden)]
pub fn required_param<T: ParamValue>(map: &ParamsMap, name: &str) -> Result<T, ParamsError> {
    match map.get_str(name) {
        Some(value) => T::parse_param(name, value),
        None => Err(ParamsError::MissingParam(name.to_string())),
    }
}

/// Reads an optional field: what `#[derive(Params)]` generates for `Option<T>`.
#[doc(hidden)]
pub fn optional_param<T: ParamValue>(
    map: &ParamsMap,
    name: &str,
) -> Result<Option<T>, ParamsError> {
    map.get_str(name)
        .map(|value| T::parse_param(name, value))
        .transpose()
}

/// `usize`, `String`, `Uuid`: the type's name without its module path.
fn short_type_name<T>() -> &'static str {
    let full = std::any::type_name::<T>();
    match full.find('<') {
        Some(_) => full,
        None => full.rsplit("::").next().unwrap_or(full),
    }
}

/// Decodes `%XX` escapes (a path segment); invalid escapes stay as they are, and invalid
/// UTF-8 becomes `U+FFFD`.
pub(crate) fn decode_path(text: &str) -> Cow<'_, str> {
    if !text.contains('%') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(decode(text, false))
}

/// Decodes a form-encoded text: `+` is a space, `%XX` an escape.
fn decode_form(text: &str) -> String {
    if !text.contains(['%', '+']) {
        return text.to_string();
    }
    decode(text, true)
}

fn decode(text: &str, plus_is_space: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus_is_space => out.push(b' '),
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// Encodes a text as a browser encodes a form field (`application/x-www-form-urlencoded`).
fn encode_form(text: &str, out: &mut String) {
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(HEX[usize::from(byte >> 4)] as char);
                out.push(HEX[usize::from(byte & 15)] as char);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_segments_and_forms_decode() {
        assert_eq!(decode_path("caf%C3%A9"), "café");
        assert_eq!(decode_path("a+b"), "a+b");
        assert_eq!(decode_path("100%"), "100%");
        assert_eq!(decode_path("%zz%4"), "%zz%4");
        assert_eq!(decode_path("%FF"), "\u{FFFD}");
        assert_eq!(decode_form("a+b%2Bc"), "a b+c");
    }

    #[test]
    fn a_query_string_round_trips() {
        let mut map = ParamsMap::new();
        map.insert("name", "Ada Lovelace");
        map.insert("note", "a&b=c/é");
        let query = map.to_query_string();
        assert_eq!(ParamsMap::from_query(&query), map);
        assert_eq!(ParamsMap::new().to_query_string(), "");
    }

    #[test]
    fn maps_insert_replace_and_remove() {
        let mut map: ParamsMap = [("a", "1"), ("b", "2"), ("a", "3")].into_iter().collect();
        assert_eq!(map.get("a").as_deref(), Some("1"));
        assert_eq!(map.get_all("a"), Some(vec!["1".into(), "3".into()]));
        map.replace("a", "4");
        assert_eq!(map.get_all("a"), Some(vec!["4".into()]));
        assert_eq!(map.remove("b").as_deref(), Some("2"));
        assert_eq!(map.get("b"), None);
        assert_eq!(map.len(), 1);
    }

    #[test]
    fn typed_fields_report_which_parameter_failed() {
        let map: ParamsMap = [("id", "x1")].into_iter().collect();
        assert_eq!(
            required_param::<u32>(&map, "missing"),
            Err(ParamsError::MissingParam("missing".into()))
        );
        assert_eq!(optional_param::<u32>(&map, "missing"), Ok(None));
        let error = required_param::<u32>(&map, "id").unwrap_err();
        assert_eq!(
            error,
            ParamsError::Invalid {
                name: "id".into(),
                value: "x1".into(),
                ty: "u32",
                message: "invalid digit found in string".into(),
            }
        );
        assert!(error.to_string().contains("not a valid `u32`"));
        assert!(ParamsError::MissingParam("id".into())
            .to_string()
            .contains("`:id`"));
    }
}
