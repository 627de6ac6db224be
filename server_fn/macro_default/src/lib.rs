//! `#[server]` and the HTTP-method attributes (`#[get]`, `#[post]`, `#[put]`, `#[delete]`,
//! `#[patch]`) for crates that depend on `server_fn` directly: the expansion of
//! `server_fn_macro` with the generated code naming `::server_fn`. Re-exported from
//! `server_fn`.

use proc_macro::TokenStream;

#[doc = include_str!("../../macro/docs/server.md")]
#[proc_macro_attribute]
pub fn server(args: TokenStream, item: TokenStream) -> TokenStream {
    server_fn_macro::server_macro_impl(args.into(), item.into(), syn::parse_quote!(::server_fn))
        .into()
}

macro_rules! method_attributes {
    ($($name:ident => $method:ident),*) => {$(
        #[doc = include_str!("../../macro/docs/methods.md")]
        #[proc_macro_attribute]
        pub fn $name(args: TokenStream, item: TokenStream) -> TokenStream {
            server_fn_macro::http_method_macro_impl(
                server_fn_macro::HttpMethod::$method,
                args.into(),
                item.into(),
                syn::parse_quote!(::server_fn),
            )
            .into()
        }
    )*};
}

method_attributes!(get => Get, post => Post, put => Put, delete => Delete, patch => Patch);
