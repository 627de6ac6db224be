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
    if !needs_escaping(bytes, quotes) {
        out.push_str(input);
        return;
    }
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

/// Whether `bytes` holds a byte that must be escaped: most text holds none, and this test,
/// without a branch per byte, lets the compiler check 16 bytes at a time.
fn needs_escaping(bytes: &[u8], quotes: bool) -> bool {
    let special = |b: u8| (b == b'&') | (b == b'<') | (b == b'>') | (quotes & (b == b'"'));
    let mut chunks = bytes.chunks_exact(16);
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |found, &b| found | special(b)) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| special(b))
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
        out.clear();
        escape_text("a \"quoted\" text", &mut out);
        assert_eq!(out, "a \"quoted\" text", "quotes only matter in attributes");
    }

    #[test]
    fn finds_a_special_byte_anywhere() {
        // In the first 16-byte chunk, in a later one, and in the remainder.
        for at in [0, 15, 16, 31, 32, 40] {
            let mut text = vec![b'x'; 41];
            for special in [b'&', b'<', b'>'] {
                text[at] = special;
                assert!(needs_escaping(&text, false), "{at}");
            }
            text[at] = b'"';
            assert!(needs_escaping(&text, true), "{at}");
            assert!(!needs_escaping(&text, false), "{at}");
        }
        assert!(!needs_escaping(b"", true));
    }
}
