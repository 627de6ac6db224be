//! The `view!`, `#[component]` and `#[server]` macros.
//!
//! Both are thin: they parse, check, and generate calls into the `leptos` crate, where the
//! logic lives and is tested. Errors point at the user's tokens.
//!
//! - `view!` ([`view()`]): `ir.rs` lowers the markup (parsed by `rstml`) into a small tree of
//!   elements, texts and holes; `template.rs` turns that tree into one static template
//!   (server HTML chunks, browser HTML, node list) and the list of hole values.
//! - `#[component]` ([`component()`]): `component.rs` turns a function's parameters into a
//!   props struct with a builder whose errors name the missing or misspelled prop.
//! - `#[server]` ([`server()`]) and `#[get]`/`#[post]`/`#[put]`/`#[delete]`/`#[patch]`: the
//!   expansion of `server_fn_macro`, with the generated code naming `::leptos::server_fn`, so
//!   an app that depends only on `leptos` can declare server functions.

mod component;
mod ir;
mod props;
mod slot;
mod template;

use proc_macro::TokenStream;

/// Writes UI as HTML-like markup: elements, text, `{expressions}`, components.
///
/// Returns a `leptos::view::View`. See the `leptos` crate for the syntax.
#[proc_macro]
pub fn view(input: TokenStream) -> TokenStream {
    template::expand(input.into()).into()
}

/// Turns a function into a component: its parameters become props set by name in `view!`.
///
/// See the `leptos` crate for the options (`#[prop(optional)]`, `#[prop(into)]`,
/// `#[prop(default = ...)]`, children).
#[proc_macro_attribute]
pub fn component(args: TokenStream, input: TokenStream) -> TokenStream {
    component::expand(args.into(), input.into()).into()
}

/// Turns a function into an island: a component the browser hydrates on its own, in a page
/// whose other components stay the server's HTML (and are not in the bundle).
///
/// Its props are sent to the browser as JSON, so they must implement `serde::Serialize` and
/// `serde::Deserialize`; `children: Children` are rendered by the server and kept as they are.
/// See the `leptos::island` module.
#[proc_macro_attribute]
pub fn island(args: TokenStream, input: TokenStream) -> TokenStream {
    component::expand_island(args.into(), input.into()).into()
}

/// Turns a struct into a slot: a child tag with a `slot` attribute, given to the enclosing
/// component's prop of the same name (in snake case, or the name in `slot:name`).
///
/// Its fields are props, with the same `#[prop(...)]` options as a component's.
#[proc_macro_attribute]
pub fn slot(args: TokenStream, input: TokenStream) -> TokenStream {
    slot::expand(args.into(), input.into()).into()
}

#[doc = include_str!("../../../server_fn/macro/docs/server.md")]
#[proc_macro_attribute]
pub fn server(args: TokenStream, input: TokenStream) -> TokenStream {
    server_fn_macro::server_macro_impl(args.into(), input.into(), leptos_server_fn_path()).into()
}

macro_rules! method_attributes {
    ($($name:ident => $method:ident),*) => {$(
        #[doc = include_str!("../../../server_fn/macro/docs/methods.md")]
        #[proc_macro_attribute]
        pub fn $name(args: TokenStream, input: TokenStream) -> TokenStream {
            server_fn_macro::http_method_macro_impl(
                server_fn_macro::HttpMethod::$method,
                args.into(),
                input.into(),
                leptos_server_fn_path(),
            )
            .into()
        }
    )*};
}

method_attributes!(get => Get, post => Post, put => Put, delete => Delete, patch => Patch);

/// `::leptos::server_fn`: the path the server-function macros' generated code names.
fn leptos_server_fn_path() -> syn::Path {
    syn::parse_quote!(::leptos::server_fn)
}
