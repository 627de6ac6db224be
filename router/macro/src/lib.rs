//! The router's macros. Both are thin: they check what the user wrote, report mistakes at
//! the user's tokens, and expand to calls into `leptos_router`, where the logic lives.
//!
//! - `path!("/contacts/:id")`: the pattern is parsed by the router's own parser (this crate
//!   includes `router/src/pattern.rs`), so compile time and run time agree; the expansion is
//!   a `RoutePath` built from a static list of segments.
//! - `#[derive(Params)]`: one `FromStr` parse per field, through
//!   `leptos_router::params::{required_param, optional_param}`.

mod params;

#[allow(dead_code, unreachable_pub)]
#[path = "../../src/pattern.rs"]
mod pattern;

use proc_macro::TokenStream;
use quote::quote;

/// A route path, checked at compile time: `path!("/contacts/:id")`. See `leptos_router`.
#[proc_macro]
pub fn path(input: TokenStream) -> TokenStream {
    let input = proc_macro2::TokenStream::from(input);
    let literal: syn::LitStr = match syn::parse2(input.clone()) {
        Ok(literal) => literal,
        Err(_) => {
            let span = syn::spanned::Spanned::span(&input);
            let span = if input.is_empty() {
                proc_macro2::Span::call_site()
            } else {
                span
            };
            return with_stub(syn::Error::new(
                span,
                "`path!` takes one string literal: `path!(\"/contacts/:id\")`",
            ));
        }
    };
    let value = literal.value();
    let segments = match pattern::parse_pattern(&value) {
        Ok(segments) => segments,
        Err(error) => return with_stub(syn::Error::new(literal.span(), error.to_string())),
    };
    let segments = segments.iter().map(|segment| {
        let (variant, text) = match segment {
            pattern::PatternSegment::Static(text) => (quote!(Static), text),
            pattern::PatternSegment::Param(name) => (quote!(Param), name),
            pattern::PatternSegment::OptionalParam(name) => (quote!(OptionalParam), name),
            pattern::PatternSegment::Wildcard(name) => (quote!(Splat), name),
        };
        quote!(::leptos_router::PathSegment::#variant(::std::borrow::Cow::Borrowed(#text)))
    });
    quote! {
        ::leptos_router::RoutePath::from_static(&[#(#segments),*])
    }
    .into()
}

/// The error, and a value of the right type so that nothing else fails because of it.
fn with_stub(error: syn::Error) -> TokenStream {
    let error = error.to_compile_error();
    quote!({ #error; ::leptos_router::RoutePath::ROOT }).into()
}

/// Reads a struct from route parameters or a query: each field is parsed from the
/// parameter of the same name with `FromStr`; an `Option<T>` field may be missing.
#[proc_macro_derive(Params)]
pub fn derive_params(input: TokenStream) -> TokenStream {
    params::expand(input.into()).into()
}
