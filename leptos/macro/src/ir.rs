//! The view IR: markup lowered into elements, static text and holes, with errors collected
//! and spanned on the user's tokens.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use rstml::node::{
    KeyedAttribute, KeyedAttributeValue, Node, NodeAttribute, NodeElement, NodeName,
};
use syn::spanned::Spanned;

/// One node of a view.
pub(crate) enum Child {
    Element(Element),
    /// Text to write as is (already escaped where it must be).
    Text(String),
    /// Anything dynamic: an expression or a component, rendered between markers.
    Hole(TokenStream),
    /// A closure (`{move || ...}`): its view brings its own markers, so the hole adds none.
    BareHole(TokenStream),
}

pub(crate) struct Element {
    pub(crate) tag: String,
    pub(crate) attributes: Vec<Attribute>,
    pub(crate) children: Vec<Child>,
}

pub(crate) enum Attribute {
    /// Written into the template: `name="value"`, or `name` alone.
    Static { name: String, value: Option<String> },
    /// A hole: an expression producing `leptos::view::Attribute`.
    Dynamic(TokenStream),
    /// `class:name=on`, merged into one hole per element.
    Class { name: String, on: TokenStream },
    /// `style:property=value`, merged into one hole per element.
    Style { name: String, value: TokenStream },
}

/// Collects every error instead of stopping at the first.
#[derive(Default)]
pub(crate) struct Errors(Option<syn::Error>);

impl Errors {
    pub(crate) fn push(&mut self, span: Span, message: impl std::fmt::Display) {
        let error = syn::Error::new(span, message);
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    pub(crate) fn into_compile_errors(self) -> Option<TokenStream> {
        self.0.map(|e| e.to_compile_error())
    }
}

/// Elements that have no closing tag.
pub(crate) const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// SVG elements that can sit at the top of a `view!` (and so need the SVG namespace).
pub(crate) const SVG_ELEMENTS: &[&str] = &[
    "circle",
    "clipPath",
    "defs",
    "ellipse",
    "g",
    "line",
    "linearGradient",
    "marker",
    "mask",
    "path",
    "pattern",
    "polygon",
    "polyline",
    "radialGradient",
    "rect",
    "stop",
    "symbol",
    "text",
    "tspan",
    "use",
];

/// Lowers parsed markup into the IR.
pub(crate) fn lower(nodes: Vec<Node>, errors: &mut Errors) -> Vec<Child> {
    let mut children = Vec::new();
    for node in nodes {
        lower_node(node, &mut children, errors);
    }
    merge_texts(children)
}

fn lower_node(node: Node, out: &mut Vec<Child>, errors: &mut Errors) {
    match node {
        Node::Element(element) => out.push(lower_element(element, errors)),
        Node::Text(text) => out.push(Child::Text(escape(&text.value_string(), false))),
        Node::RawText(raw) => {
            let text = raw.to_string_best();
            if !text.trim().is_empty() {
                errors.push(
                    raw.span(),
                    "text in `view!` must be quoted: write \"text\" (in double quotes); if this \
                     is the rest of an attribute value that contains `<` or `>`, wrap the value \
                     in braces: `name={...}`",
                );
            }
        }
        Node::Block(block) => {
            // `{expr}`: pass the expression itself, so the user's braces are not flagged as
            // unnecessary around a function argument.
            let (tokens, closure) = match block.try_block() {
                Some(inner) => match inner.stmts.as_slice() {
                    [syn::Stmt::Expr(expr, None)] => (
                        expr.to_token_stream(),
                        matches!(expr, syn::Expr::Closure(_)),
                    ),
                    _ => (inner.to_token_stream(), false),
                },
                None => (block.to_token_stream(), false),
            };
            let hole = quote_spanned! {tokens.span()=>
                ::leptos::__private::child(#tokens)
            };
            // A closure always renders as a dynamic view, which brackets itself.
            out.push(if closure {
                Child::BareHole(hole)
            } else {
                Child::Hole(hole)
            });
        }
        Node::Fragment(fragment) => {
            for child in fragment.children {
                lower_node(child, out, errors);
            }
        }
        Node::Doctype(doctype) => {
            let value = doctype.value.to_string_best();
            out.push(Child::Text(format!("<!DOCTYPE {value}>")));
        }
        Node::Comment(_) => {}
        Node::Custom(_) => unreachable!("no custom nodes are configured"),
    }
}

fn lower_element(element: NodeElement<rstml::Infallible>, errors: &mut Errors) -> Child {
    let name = element.name().to_string();
    if is_component(element.name()) {
        return Child::Hole(component_call(element, errors));
    }
    let mut attributes = Vec::new();
    // A textarea's text is its content: a bound one with no children gets a content hole
    // (after the binding, which keeps the text for it).
    let mut context = ElementContext {
        tag: &name,
        lone_textarea: name == "textarea" && element.children.is_empty(),
        bound_textarea: false,
        value: element
            .attributes()
            .iter()
            .find_map(|attribute| match attribute {
                NodeAttribute::Attribute(attribute) if attribute.key.to_string() == "value" => {
                    attribute.value()
                }
                _ => None,
            }),
    };
    // `inner_html=value`: the element's content, as HTML.
    let mut inner_html = None;
    for attribute in element.attributes() {
        match attribute {
            NodeAttribute::Attribute(attribute) if attribute.key.to_string() == "inner_html" => {
                let key_span = attribute.key.span();
                match attribute.value() {
                    Some(_) if VOID_ELEMENTS.contains(&name.as_str()) => errors.push(
                        key_span,
                        format!("<{name}> cannot have content, so it takes no `inner_html`"),
                    ),
                    Some(value) if element.children.is_empty() => {
                        let value = unbraced(value);
                        inner_html = Some(quote_spanned! {key_span=>
                            ::leptos::__private::inner_html(#value)
                        });
                    }
                    Some(_) => errors.push(
                        key_span,
                        format!(
                            "`inner_html` sets the whole content of <{name}>: remove either \
                             the attribute or the element's children"
                        ),
                    ),
                    None => errors.push(key_span, "`inner_html` needs a value: `inner_html=...`"),
                }
            }
            NodeAttribute::Attribute(attribute) => {
                lower_attribute(attribute, &mut context, &mut attributes, errors)
            }
            NodeAttribute::Block(block) => errors.push(
                block.span(),
                "spreading attributes with `{..}` is not supported yet; write each attribute",
            ),
        }
    }
    let bound_textarea = context.bound_textarea;
    let void = VOID_ELEMENTS.contains(&name.as_str());
    if void && !element.children.is_empty() {
        errors.push(
            element.name().span(),
            format!("<{name}> cannot have children"),
        );
    }
    let raw_text = matches!(name.as_str(), "script" | "style");
    let mut children = Vec::new();
    for child in element.children {
        match child {
            Node::RawText(raw) if raw_text => children.push(Child::Text(raw_text_value(&raw))),
            Node::Text(text) if raw_text => children.push(Child::Text(text.value_string())),
            other => lower_node(other, &mut children, errors),
        }
    }
    if let Some(content) = inner_html {
        children.push(Child::Hole(content));
    }
    if bound_textarea {
        children.push(Child::Hole(quote!(::leptos::__private::child(
            ::leptos::__private::textarea_content()
        ))));
    }
    Child::Element(Element {
        tag: name,
        attributes,
        children: merge_texts(children),
    })
}

/// The content of a `<script>` or `<style>`: a string literal's value (`<style>"p { margin:
/// 0 }"</style>`, as Leptos writes it), or the tokens as written.
fn raw_text_value(raw: &rstml::node::RawText) -> String {
    match syn::parse2::<syn::LitStr>(quote::ToTokens::to_token_stream(raw)) {
        Ok(literal) => literal.value(),
        Err(_) => raw.to_string_best(),
    }
}

/// What lowering an attribute needs to know of its element.
struct ElementContext<'a> {
    tag: &'a str,
    /// A `<textarea>` with no children: a `bind:value` on it sets `bound_textarea`, and the
    /// element then gets the content hole that shows the bound text.
    lone_textarea: bool,
    bound_textarea: bool,
    /// The element's `value=...`, which `bind:group` compares its signal with.
    value: Option<&'a syn::Expr>,
}

/// Lowers one attribute of an element.
fn lower_attribute(
    attribute: &KeyedAttribute,
    context: &mut ElementContext,
    out: &mut Vec<Attribute>,
    errors: &mut Errors,
) {
    let tag = context.tag;
    let key = attribute.key.to_string();
    let key_span = attribute.key.span();
    let value = attribute.value();
    let expect_value = |errors: &mut Errors| -> TokenStream {
        match value {
            Some(value) => unbraced(value),
            None => {
                errors.push(key_span, format!("`{key}` needs a value: `{key}=...`"));
                quote!(())
            }
        }
    };
    if let KeyedAttributeValue::Binding(_) = attribute.possible_value {
        errors.push(key_span, "`(..)` bindings are only allowed on components");
        return;
    }
    if let Some(event) = key.strip_prefix("on:") {
        let handler = expect_value(errors);
        let (event, targeted) = match event.split_once(':') {
            None => (event, false),
            Some((event, "target")) => (event, true),
            Some((event, modifier)) => {
                errors.push(
                    key_span,
                    format!(
                        "unknown event modifier `:{modifier}` in `{key}`; write \
                         `on:{event}=...`, or `on:{event}:target=...` for a handler whose \
                         `ev.target()` is typed as this element"
                    ),
                );
                return;
            }
        };
        let Some(event) = event_ident(event, attribute, key_span, errors) else {
            return;
        };
        if targeted {
            let element = element_type(tag);
            out.push(Attribute::Dynamic(quote_spanned! {key_span=>
                ::leptos::__private::on_target::<::leptos::html::#element, _>(
                    ::leptos::ev::#event,
                    #handler,
                )
            }));
        } else {
            out.push(Attribute::Dynamic(quote_spanned! {key_span=>
                ::leptos::__private::on(::leptos::ev::#event, #handler)
            }));
        }
    } else if let Some(class) = key.strip_prefix("class:") {
        let on = expect_value(errors);
        out.push(Attribute::Class {
            name: class.to_string(),
            on,
        });
    } else if let Some(property) = key.strip_prefix("style:") {
        let value = expect_value(errors);
        out.push(Attribute::Style {
            name: property.to_string(),
            value,
        });
    } else if let Some(property) = key.strip_prefix("prop:") {
        let value = expect_value(errors);
        out.push(Attribute::Dynamic(quote_spanned! {key_span=>
            ::leptos::__private::prop(#property, #value)
        }));
    } else if key == "node_ref" {
        let node_ref = expect_value(errors);
        out.push(Attribute::Dynamic(quote_spanned! {key_span=>
            ::leptos::__private::node_ref(#node_ref)
        }));
    } else if let Some(property) = key.strip_prefix("bind:") {
        let signal = expect_value(errors);
        match property {
            "value" if context.lone_textarea => {
                context.bound_textarea = true;
                out.push(Attribute::Dynamic(quote_spanned! {key_span=>
                    ::leptos::__private::bind_textarea_value(#signal)
                }))
            }
            "value" => out.push(Attribute::Dynamic(quote_spanned! {key_span=>
                ::leptos::__private::bind_value(#signal)
            })),
            "group" => {
                let value = match context.value {
                    Some(value) => match static_value(value) {
                        Some(StaticAttr::Text(text)) => quote!(::std::string::String::from(#text)),
                        _ => {
                            let value = unbraced(value);
                            quote_spanned! {value.span()=>
                                ::leptos::__private::group_value(&(#value))
                            }
                        }
                    },
                    None => {
                        errors.push(
                            key_span,
                            "`bind:group` needs the radio button's `value=...`: the signal \
                             holds the value of the one that is checked",
                        );
                        return;
                    }
                };
                // First among the element's holes, so that it reads the value before a
                // `value=...` hole can move it.
                out.insert(
                    0,
                    Attribute::Dynamic(quote_spanned! {key_span=>
                        ::leptos::__private::bind_group(#signal, #value)
                    }),
                );
            }
            "checked" => out.push(Attribute::Dynamic(quote_spanned! {key_span=>
                ::leptos::__private::bind_checked(#signal)
            })),
            _ => errors.push(
                key_span,
                format!(
                    "`bind:{property}` is not supported; `bind:value`, `bind:checked` and \
                     `bind:group` are. \
                     Otherwise write `prop:{property}=signal` with an `on:input` or \
                     `on:change` handler that sets the signal"
                ),
            ),
        }
    } else if let Some(name) = key.strip_prefix("use:") {
        out.push(Attribute::Dynamic(directive(
            name, attribute, key_span, errors,
        )));
    } else if key.starts_with("let:") || key.starts_with("clone:") {
        errors.push(
            key_span,
            format!("`{key}` is only allowed on components, not on <{tag}>"),
        );
    } else if let Some((name, toggle)) = value.and_then(|v| named_pair(&key, v)) {
        // `class=("active", on)` and `style=("color", value)`, as in Leptos: the same as
        // `class:active=on` and `style:color=value`.
        if key == "class" && name.split_whitespace().count() != 1 {
            errors.push(
                key_span,
                format!("`class=({name:?}, ...)` toggles one class: write one pair per class"),
            );
        } else if key == "class" {
            out.push(Attribute::Class { name, on: toggle });
        } else {
            out.push(Attribute::Style {
                name,
                value: toggle,
            });
        }
    } else {
        let name = key.strip_prefix("attr:").unwrap_or(&key).to_string();
        match value {
            None => out.push(Attribute::Static { name, value: None }),
            Some(expr) => match static_value(expr) {
                Some(StaticAttr::Text(text)) => out.push(Attribute::Static {
                    name,
                    value: Some(text),
                }),
                Some(StaticAttr::Present(true)) => {
                    out.push(Attribute::Static { name, value: None })
                }
                Some(StaticAttr::Present(false)) => {}
                None => {
                    let expr = unbraced(expr);
                    out.push(Attribute::Dynamic(quote_spanned! {key_span=>
                        ::leptos::__private::attribute(#name, #expr)
                    }));
                }
            },
        }
    }
}

/// For `class` and `style`, a value written as a pair with a string literal first,
/// `("active", on)`: the name and the second element.
fn named_pair(key: &str, value: &syn::Expr) -> Option<(String, TokenStream)> {
    if key != "class" && key != "style" {
        return None;
    }
    let value = match value {
        syn::Expr::Block(block) if block.block.stmts.len() == 1 => match &block.block.stmts[0] {
            syn::Stmt::Expr(inner, None) => inner,
            _ => return None,
        },
        other => other,
    };
    let syn::Expr::Tuple(pair) = value else {
        return None;
    };
    if pair.elems.len() != 2 {
        return None;
    }
    let syn::Expr::Lit(syn::ExprLit {
        lit: syn::Lit::Str(name),
        ..
    }) = &pair.elems[0]
    else {
        return None;
    };
    Some((name.value(), pair.elems[1].to_token_stream()))
}

enum StaticAttr {
    Text(String),
    Present(bool),
}

/// An attribute value known at compile time: a string, number or `bool` literal.
fn static_value(expr: &syn::Expr) -> Option<StaticAttr> {
    let syn::Expr::Lit(lit) = expr else {
        return None;
    };
    match &lit.lit {
        syn::Lit::Str(s) => Some(StaticAttr::Text(s.value())),
        syn::Lit::Int(i) => Some(StaticAttr::Text(i.base10_digits().to_string())),
        syn::Lit::Float(f) => Some(StaticAttr::Text(f.base10_digits().to_string())),
        syn::Lit::Bool(b) => Some(StaticAttr::Present(b.value)),
        syn::Lit::Char(c) => Some(StaticAttr::Text(c.value().to_string())),
        _ => None,
    }
}

fn is_component(name: &NodeName) -> bool {
    match name {
        NodeName::Path(path) => {
            path.path.segments.len() > 1
                || path.path.segments.last().is_some_and(|s| {
                    s.ident
                        .to_string()
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                })
        }
        _ => false,
    }
}

/// `<Name prop=value ...>children</Name>` as an expression producing a `View`.
fn component_call(element: NodeElement<rstml::Infallible>, errors: &mut Errors) -> TokenStream {
    let NodeName::Path(path) = element.name() else {
        unreachable!("only paths are components")
    };
    let name_span = element.name().span();
    let component = &path.path;
    let component_name = component
        .segments
        .last()
        .expect("a path has a segment")
        .ident
        .to_string();
    if let Some((prop, _)) = slot_of(&element) {
        errors.push(
            name_span,
            format!(
                "`<{component_name} slot>` is a slot: write it directly inside the tag of the \
                 component whose prop `{prop}` it fills"
            ),
        );
    }
    let TagSetters { setters, spread } = tag_setters(&element, false, errors);
    let build = quote_spanned!(name_span=> build);
    let view = quote_spanned! {name_span=>
        ::leptos::__private::component(
            #component_name,
            #component,
            ::leptos::__private::props_builder(&#component) #(#setters)* .#build(),
        )
    };
    if spread.is_empty() {
        quote_spanned! {name_span=> ::leptos::__private::child(#view) }
    } else {
        quote_spanned! {name_span=>
            ::leptos::__private::child(::leptos::__private::with_attributes(#view, [#(#spread),*]))
        }
    }
}

/// What the tag of a component or a slot sets on its builder.
struct TagSetters {
    /// `.prop(value)` calls: props, slots (`.__slot_prop(...)`) and `.children(...)`.
    setters: Vec<TokenStream>,
    /// `attr:`, `class:` and `on:` attributes for a component's first element.
    spread: Vec<TokenStream>,
}

/// The props, slots and children set by a component's tag (`in_slot: false`) or a slot's.
fn tag_setters(
    element: &NodeElement<rstml::Infallible>,
    in_slot: bool,
    errors: &mut Errors,
) -> TagSetters {
    let mut setters = Vec::new();
    let mut spread: Vec<TokenStream> = Vec::new();
    let mut binding: Option<TokenStream> = None;
    let mut clones: Vec<proc_macro2::Ident> = Vec::new();
    // After `{..}`, plain attributes are for the component's first element, not props.
    let mut after_spread_marker = false;
    for attribute in element.attributes() {
        let attribute = match attribute {
            NodeAttribute::Attribute(attribute) => attribute,
            NodeAttribute::Block(block) if !in_slot && is_spread_marker(block) => {
                after_spread_marker = true;
                continue;
            }
            NodeAttribute::Block(block) => {
                errors.push(
                    block.span(),
                    if in_slot {
                        "slots take props as `name=value`"
                    } else {
                        "components take props as `name=value`; `{..}` alone marks the start of \
                         attributes for the component's first element"
                    },
                );
                continue;
            }
        };
        let key = attribute.key.to_string();
        let key_span = attribute.key.span();
        if let Some(bound) = key.strip_prefix("let:") {
            let ident = format_ident!("{}", bound, span = key_span);
            binding = Some(quote!(#ident));
            continue;
        }
        if let KeyedAttributeValue::Binding(fn_binding) = &attribute.possible_value {
            // `let(pattern)`: the children take the item as that pattern.
            if key == "let" {
                let inputs = &fn_binding.inputs;
                binding = Some(quote!(#inputs));
            } else {
                errors.push(
                    key_span,
                    format!("`{key}(..)` is not supported; write `let(pattern)` or `let:name`"),
                );
            }
            continue;
        }
        if let Some(name) = key.strip_prefix("clone:") {
            match syn::parse_str::<syn::Ident>(name) {
                Ok(_) => clones.push(format_ident!(
                    "{}",
                    name,
                    span = last_segment_span(&attribute.key)
                )),
                Err(_) => errors.push(
                    key_span,
                    format!("`{key}`: write `clone:name` for a variable `name`"),
                ),
            }
            continue;
        }
        if in_slot && (key == "slot" || key.starts_with("slot:")) {
            continue;
        }
        if after_spread_marker && !key.contains(':') {
            if let Some(hole) =
                component_attribute(attribute, &format!("attr:{key}"), key_span, errors)
            {
                spread.push(hole);
            }
            continue;
        }
        if key.contains(':') {
            if in_slot {
                errors.push(
                    key_span,
                    format!(
                        "`{key}` is not supported on a slot; a slot takes props as `name=value`"
                    ),
                );
            } else if let Some(hole) = component_attribute(attribute, &key, key_span, errors) {
                spread.push(hole);
            }
            continue;
        }
        let setter = format_ident!("{}", key.replace('-', "_"), span = key_span);
        // `<Row row/>` is shorthand for `<Row row=row/>`, as in Leptos.
        let value = match attribute.value() {
            Some(value) => unbraced(value),
            None => quote_spanned!(key_span=> #setter),
        };
        setters.push(quote_spanned! {key_span=> .#setter(#value) });
    }

    // Slots, grouped by the prop they fill (in the order first written); the rest are children.
    let mut slots: Vec<(String, Span, Vec<TokenStream>)> = Vec::new();
    let mut children = TokenStream::new();
    let mut children_span = None;
    for child in &element.children {
        if let Node::Element(slot) = child {
            if let Some((prop, span)) = slot_of(slot) {
                let value = slot_value(slot, errors);
                match slots.iter_mut().find(|(name, ..)| *name == prop) {
                    Some((.., values)) => values.push(value),
                    None => slots.push((prop, span, vec![value])),
                }
                continue;
            }
        }
        children_span.get_or_insert_with(|| child.span());
        child.to_tokens(&mut children);
    }
    for (prop, span, values) in slots {
        let setter = format_ident!("__slot_{}", prop, span = span);
        let value = match values.as_slice() {
            [one] => one.clone(),
            several => quote!(::std::vec![#(#several),*]),
        };
        setters.push(quote_spanned! {span=> .#setter(#value) });
    }
    if let Some(children_span) = children_span {
        // `clone:name`: the children closure gets its own clone of `name`.
        let clones = clones.iter().map(|name| {
            quote_spanned! {name.span()=> let #name = ::core::clone::Clone::clone(&#name); }
        });
        match binding {
            Some(binding) => setters.push(quote_spanned! {children_span=>
                .children({ #(#clones)* move |#binding| ::leptos::view! { #children } })
            }),
            None => setters.push(quote_spanned! {children_span=>
                .children({
                    #(#clones)*
                    ::leptos::__private::ToChildren::to_children(move || ::leptos::view! { #children })
                })
            }),
        }
    } else if let Some(name) = clones.first() {
        errors.push(
            name.span(),
            "`clone:` is for the children closure, and this tag has no children",
        );
    }
    TagSetters { setters, spread }
}

/// Whether a block among a tag's attributes is `{..}`, the marker after which a component's
/// plain attributes go to its first element.
fn is_spread_marker(block: &rstml::node::NodeBlock) -> bool {
    let Some(block) = block.try_block() else {
        return false;
    };
    matches!(
        block.stmts.as_slice(),
        [syn::Stmt::Expr(
            syn::Expr::Range(syn::ExprRange {
                start: None,
                end: None,
                limits: syn::RangeLimits::HalfOpen(_),
                ..
            }),
            None,
        )]
    )
}

/// For `<Name slot>` or `<Name slot:prop>` (a component-like tag), the prop it fills (`name`
/// in snake case, or `prop`) and the span to report at.
fn slot_of(element: &NodeElement<rstml::Infallible>) -> Option<(String, Span)> {
    if !is_component(element.name()) {
        return None;
    }
    element.attributes().iter().find_map(|attribute| {
        let NodeAttribute::Attribute(attribute) = attribute else {
            return None;
        };
        let key = attribute.key.to_string();
        if key == "slot" && attribute.value().is_none() {
            let NodeName::Path(path) = element.name() else {
                return None;
            };
            let last = path.path.segments.last()?.ident.to_string();
            Some((snake_case(&last), element.name().span()))
        } else {
            let prop = key.strip_prefix("slot:")?;
            Some((prop.replace('-', "_"), attribute.key.span()))
        }
    })
}

/// `<Then slot ...>`: the slot's value, built from its props and children.
fn slot_value(element: &NodeElement<rstml::Infallible>, errors: &mut Errors) -> TokenStream {
    let NodeName::Path(path) = element.name() else {
        unreachable!("slot_of accepts only paths")
    };
    let name_span = element.name().span();
    let slot = &path.path;
    let TagSetters { setters, .. } = tag_setters(element, true, errors);
    let build = quote_spanned!(name_span=> build);
    quote_spanned! {name_span=> #slot::builder() #(#setters)* .#build() }
}

/// `ElseIf` → `else_if`.
fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 2);
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// An `attr:`, `class:`, `on:` or `use:` attribute on a component's tag, for its first
/// element; an error for anything else written with a `:`.
fn component_attribute(
    attribute: &KeyedAttribute,
    key: &str,
    key_span: Span,
    errors: &mut Errors,
) -> Option<TokenStream> {
    if let Some(name) = key.strip_prefix("use:") {
        return Some(directive(name, attribute, key_span, errors));
    }
    let Some(value) = attribute.value() else {
        errors.push(key_span, format!("`{key}` needs a value: `{key}=...`"));
        return None;
    };
    if let Some(event) = key.strip_prefix("on:") {
        if event.contains(':') {
            errors.push(
                key_span,
                format!("`{key}` on a component: write `on:event=handler` (no modifiers)"),
            );
            return None;
        }
        let event = event_ident(event, attribute, key_span, errors)?;
        let handler = unbraced(value);
        return Some(quote_spanned! {key_span=>
            ::leptos::__private::on(::leptos::ev::#event, #handler)
        });
    }
    if let Some(class) = key.strip_prefix("class:") {
        let on = unbraced(value);
        return Some(quote_spanned! {key_span=>
            ::leptos::__private::class_toggle(#class, #on)
        });
    }
    if key == "attr:class" {
        return match static_value(value) {
            Some(StaticAttr::Text(classes)) => {
                let toggles = classes.split_whitespace().map(|class| {
                    quote_spanned! {key_span=> ::leptos::__private::class_toggle(#class, true) }
                });
                Some(quote!(#(#toggles),*))
            }
            _ => {
                errors.push(
                    key_span,
                    "`attr:class` on a component takes a string literal; for a class that \
                     changes, write `class:name=move || ...`",
                );
                None
            }
        };
    }
    if let Some(name) = key.strip_prefix("attr:") {
        if name != "style" {
            let value = unbraced(value);
            return Some(quote_spanned! {key_span=>
                ::leptos::__private::attribute(#name, #value)
            });
        }
    }
    errors.push(
        key_span,
        format!(
            "`{key}` is not supported on components; `attr:name=`, `class:name=`, \
             `on:event=` and `use:directive` are (they go to the component's first element). \
             Set it on an element inside the component"
        ),
    );
    None
}

/// `use:name` or `use:name=param`: the call that runs the directive `name` on the element.
fn directive(
    name: &str,
    attribute: &KeyedAttribute,
    key_span: Span,
    errors: &mut Errors,
) -> TokenStream {
    let Ok(path) = syn::parse_str::<syn::Path>(name) else {
        errors.push(
            key_span,
            format!(
                "`{name}` is not a function's name; write `use:directive` or `use:directive=param`"
            ),
        );
        return quote!(());
    };
    // Spanned at the name, so that "cannot find function" points at it.
    let name_span = last_segment_span(&attribute.key);
    let path: TokenStream = path
        .to_token_stream()
        .into_iter()
        .map(|mut token| {
            token.set_span(name_span);
            token
        })
        .collect();
    let param = match attribute.value() {
        Some(value) => unbraced(value),
        None => quote!(()),
    };
    quote_spanned! {key_span=> ::leptos::__private::directive(#path, #param) }
}

/// The `leptos::ev` name of the event in `on:event` (`-` becomes `_`), spanned at the event's
/// part of the key; an error if it cannot be an event's name.
fn event_ident(
    event: &str,
    attribute: &KeyedAttribute,
    key_span: Span,
    errors: &mut Errors,
) -> Option<proc_macro2::Ident> {
    let name = event.replace('-', "_");
    if syn::parse_str::<syn::Ident>(&name).is_err() {
        errors.push(
            key_span,
            format!("`{event}` is not an event name; write e.g. `on:click=...`"),
        );
        return None;
    }
    Some(format_ident!(
        "{}",
        name,
        span = last_segment_span(&attribute.key)
    ))
}

/// The `leptos::html` type of a tag's element, for `on:event:target`. Only for the form
/// fields, whose events come from the field itself: an event of any other element may come
/// from an element inside it, so its target is only known to be an element (`AnyElement`).
fn element_type(tag: &str) -> proc_macro2::Ident {
    let name = match tag {
        "input" => "Input",
        "select" => "Select",
        "textarea" => "Textarea",
        _ => "AnyElement",
    };
    proc_macro2::Ident::new(name, Span::call_site())
}

/// The span of the last part of a name like `on:click` (the `click`).
fn last_segment_span(name: &NodeName) -> Span {
    match name {
        NodeName::Punctuated(parts) => parts
            .last()
            .map(|p| p.span())
            .unwrap_or_else(|| name.span()),
        _ => name.span(),
    }
}

/// A value as the user wrote it, without braces around a single expression (`name={expr}`
/// becomes `expr`), so the generated call does not trip the `unused_braces` lint.
fn unbraced(expr: &syn::Expr) -> TokenStream {
    if let syn::Expr::Block(block) = expr {
        if block.label.is_none() && block.attrs.is_empty() {
            if let [syn::Stmt::Expr(inner, None)] = block.block.stmts.as_slice() {
                return inner.to_token_stream();
            }
        }
    }
    expr.to_token_stream()
}

/// Joins adjacent static texts into one.
fn merge_texts(children: Vec<Child>) -> Vec<Child> {
    let mut merged: Vec<Child> = Vec::with_capacity(children.len());
    for child in children {
        match (merged.last_mut(), child) {
            (Some(Child::Text(previous)), Child::Text(next)) => previous.push_str(&next),
            (_, child) => merged.push(child),
        }
    }
    merged
}

/// Escapes text (and, with `quotes`, attribute values) at compile time.
/// The text that [`escape`] (without quotes) turned into `html`.
pub(crate) fn unescape_text(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

pub(crate) fn escape(text: &str, quotes: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quotes => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}
