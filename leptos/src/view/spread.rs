//! Attributes set on a component's tag (`<A href="/" attr:title="Home" class:active=on/>`):
//! applied to the first element the component renders, as in Leptos.
//!
//! `attr:name=value` sets an attribute, `class:name=on` (and `attr:class="a b"`) adds
//! classes to the element's own, and `on:event=handler` listens on it. On the server the
//! attributes are written into the element's start tag (classes merged into its `class`).

use std::any::Any;

use super::attribute::Attribute;
#[cfg(render_html)]
use super::attribute::StaticValue;
#[cfg(hydration)]
use super::hydration::Cursor;
use super::{Mounted, Render, View};

/// A view with attributes for its first element.
pub(crate) struct WithAttributes {
    pub(crate) view: View,
    pub(crate) attributes: Vec<Attribute>,
}

impl WithAttributes {
    /// Applies the attributes to the first element of `mounted` (kept alive beside it).
    fn apply(self_attributes: Vec<Attribute>, mounted: Mounted, hydrating: bool) -> Mounted {
        let Some(element) = first_element(&mounted) else {
            return mounted;
        };
        let keep: Vec<Box<dyn Any>> = self_attributes
            .into_iter()
            .filter_map(|attribute| attribute.apply(&element, hydrating))
            .collect();
        let range = mounted.range.clone();
        Mounted::new(range, (mounted, keep))
    }
}

/// The first element node among a mounted view's top-level nodes.
fn first_element(mounted: &Mounted) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let mut node = Some(mounted.range.first.clone());
    while let Some(current) = node {
        if let Some(element) = current.dyn_ref::<web_sys::Element>() {
            return Some(element.clone());
        }
        if current == mounted.range.last {
            return None;
        }
        node = current.next_sibling();
    }
    None
}

impl Render for WithAttributes {
    #[cfg(render_html)]
    fn html_len(&self) -> usize {
        self.view.html_len() + 32 * self.attributes.len()
    }

    #[cfg(render_html)]
    fn to_html(self: Box<Self>, out: &mut String) {
        let start = out.len();
        self.view.write_html(out);
        let Some((name_end, tag_close)) = first_start_tag(&out[start..]) else {
            return;
        };
        let mut classes = Vec::new();
        let mut others = String::new();
        for attribute in self.attributes {
            match attribute {
                Attribute::Classes { toggles, .. } => classes.extend(
                    toggles
                        .into_iter()
                        .filter(|(_, on)| on.current() != StaticValue::Absent)
                        .map(|(name, _)| name),
                ),
                other => other.write_html(&mut others),
            }
        }
        if !classes.is_empty() {
            let classes = classes.join(" ");
            let tag = &out[start..start + tag_close];
            let own = tag.find(" class=\"").and_then(|at| {
                let value = at + " class=\"".len();
                tag[value..].find('"').map(|end| start + value + end)
            });
            match own {
                // After the element's own classes, as the browser's `classList.add` puts them.
                Some(end) => out.insert_str(end, &format!(" {classes}")),
                None => {
                    let mut attribute = String::new();
                    super::attribute::write_class(&mut attribute, &classes);
                    others.insert_str(0, &attribute);
                }
            }
        }
        out.insert_str(start + name_end, &others);
    }

    fn build(self: Box<Self>, parent: &web_sys::Node, before: Option<&web_sys::Node>) -> Mounted {
        let mounted = self.view.build(parent, before);
        WithAttributes::apply(self.attributes, mounted, false)
    }

    #[cfg(hydration)]
    fn hydrate(self: Box<Self>, cursor: &mut Cursor) -> Mounted {
        let mounted = self.view.hydrate(cursor);
        WithAttributes::apply(self.attributes, mounted, true)
    }
}

/// In `html`, the first element start tag: where its name ends and where its `>` is.
#[cfg(render_html)]
fn first_start_tag(html: &str) -> Option<(usize, usize)> {
    let bytes = html.as_bytes();
    let mut at = 0;
    while let Some(offset) = html[at..].find('<') {
        let open = at + offset;
        if bytes.get(open + 1).is_some_and(u8::is_ascii_alphabetic) {
            let name_end = html[open + 1..]
                .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
                .map(|n| open + 1 + n)?;
            let close = html[name_end..].find('>').map(|n| name_end + n)?;
            return Some((name_end, close));
        }
        at = open + 1;
    }
    None
}

#[cfg(all(test, render_html))]
mod tests {
    use super::first_start_tag;

    #[test]
    fn the_first_start_tag_skips_comments_and_text() {
        let html = "<!--[-->a < b <a href=\"/\" class=\"x\">home</a>";
        let (name_end, close) = first_start_tag(html).unwrap();
        assert_eq!(&html[..name_end], "<!--[-->a < b <a");
        assert_eq!(&html[name_end..=close], " href=\"/\" class=\"x\">");
        assert_eq!(first_start_tag("<!---->text"), None);
    }
}
