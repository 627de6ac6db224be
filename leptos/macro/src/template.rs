//! From the IR to code: one static `Template` and the list of hole values.

use crate::ir::{self, Attribute, Child, Element, Errors};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::HashSet;

/// Expands `view! { ... }`.
pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let config = rstml::ParserConfig::new()
        .recover_block(true)
        .always_self_closed_elements(ir::VOID_ELEMENTS.iter().copied().collect::<HashSet<_>>())
        .raw_text_elements(["script", "style"].into_iter().collect::<HashSet<_>>());
    let parser = rstml::Parser::new(config);
    let (nodes, diagnostics) = parser.parse_recoverable(input).split_vec();
    let mut errors = Errors::default();
    let children = ir::lower(nodes, &mut errors);
    let parse_errors: TokenStream = diagnostics
        .into_iter()
        .map(|d| d.emit_as_expr_tokens())
        .collect();
    if let Some(compile_errors) = errors.into_compile_errors() {
        // One error per mistake, and a value of the right type so nothing else cascades.
        return quote! {{ #parse_errors #compile_errors ::leptos::__private::View::empty() }};
    }
    let view = generate(children);
    if parse_errors.is_empty() {
        view
    } else {
        quote! {{ #parse_errors #view }}
    }
}

fn generate(mut children: Vec<Child>) -> TokenStream {
    match children.len() {
        0 => return quote!(::leptos::__private::View::empty()),
        1 => match children.pop().expect("one child") {
            // A lone component or expression needs no template (and no markers).
            Child::Hole(hole) | Child::BareHole(hole) => {
                return quote!(::leptos::__private::hole_view(#hole))
            }
            // A template's text is escaped HTML; a text view holds the text itself.
            Child::Text(text) => {
                let text = ir::unescape_text(&text);
                return quote!(::leptos::__private::View::text(#text));
            }
            element => children.push(element),
        },
        _ => {}
    }
    let svg = children
        .iter()
        .any(|c| matches!(c, Child::Element(e) if ir::SVG_ELEMENTS.contains(&e.tag.as_str())));
    let mut emitter = Emitter::default();
    let roots = children.len() as u16;
    for child in children {
        emitter.child(child);
    }
    let Emitter {
        mut chunks,
        current,
        html,
        nodes,
        holes,
    } = emitter;
    chunks.push(current);
    quote! {{
        static __TEMPLATE: ::leptos::__private::Template = ::leptos::__private::Template {
            ssr: ::leptos::__ssr_chunks!(#(#chunks),*),
            html: #html,
            nodes: &[#(#nodes),*],
            roots: #roots,
            svg: #svg,
        };
        ::leptos::__private::template(&__TEMPLATE, [#(#holes),*])
    }}
}

/// Accumulates a template while walking the IR in document order.
#[derive(Default)]
struct Emitter {
    /// Finished server chunks (one per hole).
    chunks: Vec<String>,
    /// The server chunk being written.
    current: String,
    /// The browser's template HTML.
    html: String,
    /// `TNode`s, in document order.
    nodes: Vec<TokenStream>,
    /// Hole values, in document order.
    holes: Vec<TokenStream>,
}

impl Emitter {
    fn hole(&mut self, value: TokenStream) {
        self.chunks.push(std::mem::take(&mut self.current));
        self.holes.push(value);
    }

    fn child(&mut self, child: Child) {
        match child {
            Child::Text(text) => {
                self.current.push_str(&text);
                self.html.push_str(&text);
                self.nodes.push(quote!(::leptos::__private::TNode::Text));
            }
            Child::BareHole(value) => {
                self.hole(value);
                self.html.push_str("<!---->");
                self.nodes
                    .push(quote!(::leptos::__private::TNode::BareHole));
            }
            Child::Hole(value) => {
                self.current.push_str("<!--[-->");
                self.hole(value);
                self.current.push_str("<!--]-->");
                self.html.push_str("<!--[--><!--]-->");
                self.nodes.push(quote!(::leptos::__private::TNode::Hole));
            }
            Child::Element(element) => self.element(element),
        }
    }

    fn element(&mut self, element: Element) {
        let Element {
            tag,
            attributes,
            children,
        } = element;
        self.current.push('<');
        self.current.push_str(&tag);
        self.html.push('<');
        self.html.push_str(&tag);

        // `class="..."` with `class:` toggles (or `style` with `style:`) becomes one hole,
        // so the server writes a single merged attribute.
        let has_classes = attributes
            .iter()
            .any(|a| matches!(a, Attribute::Class { .. }));
        let has_styles = attributes
            .iter()
            .any(|a| matches!(a, Attribute::Style { .. }));
        let mut fixed_class = String::new();
        let mut fixed_style = String::new();
        let mut toggles = Vec::new();
        let mut properties = Vec::new();
        let mut dynamic = Vec::new();
        for attribute in attributes {
            match attribute {
                Attribute::Static { name, value } => {
                    let merged = match name.as_str() {
                        "class" if has_classes => Some(&mut fixed_class),
                        "style" if has_styles => Some(&mut fixed_style),
                        _ => None,
                    };
                    if let (Some(fixed), Some(value)) = (merged, &value) {
                        fixed.push_str(value);
                    }
                    let written = format_attribute(&name, value.as_deref());
                    if !(name == "class" && has_classes || name == "style" && has_styles) {
                        self.current.push_str(&written);
                    }
                    self.html.push_str(&written);
                }
                Attribute::Class { name, on } => {
                    toggles.push(quote!((#name, ::leptos::__private::value(#on))))
                }
                Attribute::Style { name, value } => {
                    properties.push(quote!((#name, ::leptos::__private::value(#value))))
                }
                Attribute::Dynamic(value) => dynamic.push(value),
            }
        }
        let mut attribute_holes = 0u16;
        if has_classes {
            self.hole(
                quote!(::leptos::__private::classes(#fixed_class, ::std::vec![#(#toggles),*])),
            );
            attribute_holes += 1;
        }
        if has_styles {
            self.hole(
                quote!(::leptos::__private::styles(#fixed_style, ::std::vec![#(#properties),*])),
            );
            attribute_holes += 1;
        }
        for value in dynamic {
            self.hole(value);
            attribute_holes += 1;
        }
        self.current.push('>');
        self.html.push('>');

        let child_count = children.len() as u16;
        self.nodes.push(quote! {
            ::leptos::__private::TNode::Element { tag: #tag, attributes: #attribute_holes, children: #child_count }
        });
        match <[Child; 1]>::try_from(children) {
            // A hole alone in its element: the element's tags delimit it, no markers. Not in
            // `<body>`, where `hydrate_body` expects the app between markers whatever the
            // shell around it.
            Ok([Child::Hole(value) | Child::BareHole(value)]) if tag != "body" => {
                self.hole(quote!(::leptos::__private::alone(#value)));
                self.nodes
                    .push(quote!(::leptos::__private::TNode::LoneHole));
            }
            Ok([child]) => self.child(child),
            Err(children) => {
                for child in children {
                    self.child(child);
                }
            }
        }
        if !ir::VOID_ELEMENTS.contains(&tag.as_str()) {
            let close = format!("</{tag}>");
            self.current.push_str(&close);
            self.html.push_str(&close);
        }
    }
}

fn format_attribute(name: &str, value: Option<&str>) -> String {
    match value {
        None => format!(" {name}"),
        Some(value) => format!(" {name}=\"{}\"", ir::escape(value, true)),
    }
}
