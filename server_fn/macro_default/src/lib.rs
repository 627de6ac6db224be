//! `#[server]` for crates that depend on `server_fn` directly: the expansion of
//! `server_fn_macro` with the generated code naming `::server_fn`. Re-exported as
//! `server_fn::server`, which documents it.

use proc_macro::TokenStream;

#[doc = include_str!("../../macro/docs/server.md")]
#[proc_macro_attribute]
pub fn server(args: TokenStream, item: TokenStream) -> TokenStream {
    server_fn_macro::server_macro_impl(args.into(), item.into(), syn::parse_quote!(::server_fn))
        .into()
}
