//! HTML escaping for server rendering.
//!
//! Text is escaped for `&`, `<` and `>`; attribute values (always written in double quotes)
//! also for `"`. Static parts of templates are escaped once, by `view!`, at compile time;
//! these functions handle the dynamic holes.

/// Appends `text` to `out`, escaped for an HTML text node.
///
/// ```
/// let mut out = String::new();
/// leptos::view::escape_text("a < b && c", &mut out);
/// assert_eq!(out, "a &lt; b &amp;&amp; c");
/// ```
pub fn escape_text(text: &str, out: &mut String) {
    escape(text, out, false)
}

/// Appends `value` to `out`, escaped for a double-quoted HTML attribute value.
///
/// ```
/// let mut out = String::new();
/// leptos::view::escape_attr(r#"say "hi" & <go>"#, &mut out);
/// assert_eq!(out, "say &quot;hi&quot; &amp; &lt;go&gt;");
/// ```
pub fn escape_attr(value: &str, out: &mut String) {
    escape(value, out, true)
}

fn escape(input: &str, out: &mut String, quotes: bool) {
    let bytes = input.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let replacement = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' if quotes => "&quot;",
            _ => continue,
        };
        out.push_str(&input[start..i]);
        out.push_str(replacement);
        start = i + 1;
    }
    out.push_str(&input[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_only_what_must_be() {
        let mut out = String::new();
        escape_text("plain ünïcode", &mut out);
        assert_eq!(out, "plain ünïcode");
        out.clear();
        escape_text("<script>alert('x')</script>", &mut out);
        assert_eq!(out, "&lt;script&gt;alert('x')&lt;/script&gt;");
        out.clear();
        escape_attr("\"><img src=x onerror=alert(1)>", &mut out);
        assert_eq!(out, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    }
}
