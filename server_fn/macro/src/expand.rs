//! Code generation from the checked function and arguments.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::{FnArg, Ident, Pat, Path};

use crate::args::ServerArgs;
use crate::ast::ServerFnDef;
use crate::route::RouteSpec;

/// The arguments struct, its `ServerFn` impl, the registration (server) and the function
/// itself: its body on the server, a request in a client build.
pub(crate) fn expand(
    args: &ServerArgs,
    def: &ServerFnDef,
    route: Option<&RouteSpec>,
    sf: &Path,
) -> TokenStream {
    let item = &def.item;
    let fn_ident = &item.sig.ident;
    let vis = &item.vis;
    let struct_ident = args.name.clone().unwrap_or_else(|| {
        format_ident!(
            "{}",
            upper_camel(&fn_ident.to_string()),
            span = fn_ident.span()
        )
    });
    let output = &def.output;
    let input = match route {
        Some(route) => route.encoding(sf),
        None => args.input.clone(),
    };
    let output_encoding = &args.output;
    let error_type = quote_spanned! {error_span(output)=>
        type Error = <#output as #sf::ServerFnReturn>::Error;
    };
    let client = match &args.client {
        Some(client) => client.to_token_stream(),
        None => quote!(#sf::client::DefaultClient),
    };
    let path = match route {
        Some(route) => {
            let pattern = &route.pattern;
            quote!(#pattern)
        }
        None => path_expr(args, def, sf),
    };
    let field_idents: Vec<&Ident> = def.args.iter().map(|arg| &arg.ident).collect();
    let fields = def.args.iter().map(|arg| {
        let ident = &arg.ident;
        let ty = &arg.ty;
        let default = (arg.default && args.serde_args).then(|| quote!(#[serde(default)]));
        let doc = format!("The `{ident}` argument.");
        quote!(#[doc = #doc] #default pub #ident: #ty)
    });
    let docs = item.attrs.iter().filter(|attr| attr.path().is_ident("doc"));
    let struct_doc = format!("The arguments of the server function [`{fn_ident}`].");

    let client_fn = client_stub(def, &struct_ident, &field_idents, sf);
    let serde_crate = serde_crate(sf);
    let derives = if args.serde_args {
        quote! {
            #[derive(::core::clone::Clone, ::core::fmt::Debug, #sf::serde::Serialize, #sf::serde::Deserialize)]
            #[serde(crate = #serde_crate)]
        }
    } else {
        quote!(#[derive(::core::clone::Clone, ::core::fmt::Debug)])
    };
    let route_impls = route.map(|route| route.codec_impls(def, &struct_ident, sf, &serde_crate));
    let server_fn = server_item(def, route, sf);
    let with_layers = route.and_then(|route| route.with_layers(sf));
    let from_impls = args
        .impl_from
        .then(|| from_impls(def, &struct_ident))
        .flatten();
    let fn_name = fn_ident.to_string();
    let client_message = format!(
        "the body of `{fn_name}` only runs on the server: this crate was built without its `ssr` feature"
    );
    let run_body = quote_spanned! {fn_ident.span()=>
        fn run_body(
            self,
        ) -> impl ::core::future::Future<
            Output = ::core::result::Result<Self::Output, Self::Error>,
        > + ::core::marker::Send {
            #[cfg(feature = "ssr")]
            {
                let #struct_ident { #(#field_idents),* } = self;
                #fn_ident(#(#field_idents),*)
            }
            #[cfg(not(feature = "ssr"))]
            {
                let _ = self;
                async { ::core::result::Result::Err(#sf::body_not_compiled::<Self>(#client_message)) }
            }
        }
    };

    quote! {
        #(#docs)*
        #[doc = ""]
        #[doc = #struct_doc]
        #derives
        #vis struct #struct_ident {
            #(#fields),*
        }

        impl #sf::ServerFn for #struct_ident {
            const PATH: &'static str = #path;
            type InputEncoding = #input;
            type OutputEncoding = #output_encoding;
            type Output = <#output as #sf::ServerFnReturn>::Ok;
            #error_type
            type Client = #client;
            #run_body
        }

        #from_impls

        #route_impls

        #[cfg(feature = "ssr")]
        #sf::inventory::submit! {
            #sf::registry::ServerFnEntry::new::<#struct_ident>(
                ::core::concat!(::core::module_path!(), "::", #fn_name)
            )#with_layers
        }

        #[cfg(feature = "ssr")]
        #server_fn

        #[cfg(not(feature = "ssr"))]
        #client_fn
    }
}

/// Where a wrong error type is reported: the `E` of `Result<T, E>` as written, else the
/// whole return type.
fn error_span(output: &syn::Type) -> proc_macro2::Span {
    use syn::spanned::Spanned;
    if let syn::Type::Path(path) = output {
        if let Some(last) = path.path.segments.last() {
            if let syn::PathArguments::AngleBracketed(args) = &last.arguments {
                if let Some(error) = args.args.iter().nth(1) {
                    return error.span();
                }
            }
        }
    }
    output.span()
}

/// The function as it runs on the server: as written, with the route's extractors (if any)
/// bound before the body.
fn server_item(def: &ServerFnDef, route: Option<&RouteSpec>, sf: &Path) -> TokenStream {
    let item = &def.item;
    let Some(route) = route.filter(|route| !route.extractors.is_empty()) else {
        return quote!(#item);
    };
    let bindings = route.extractor_bindings(sf);
    let attrs = &item.attrs;
    let vis = &item.vis;
    let sig = &item.sig;
    let block = &item.block;
    quote! {
        #(#attrs)*
        #vis #sig {
            #bindings
            #block
        }
    }
}

/// The function with the same signature whose body sends the request.
fn client_stub(
    def: &ServerFnDef,
    struct_ident: &Ident,
    fields: &[&Ident],
    sf: &Path,
) -> TokenStream {
    let mut sig = def.item.sig.clone();
    for input in sig.inputs.iter_mut() {
        if let FnArg::Typed(typed) = input {
            if let Pat::Ident(pat) = &mut *typed.pat {
                pat.mutability = None;
            }
        }
    }
    let attrs = &def.item.attrs;
    let vis = &def.item.vis;
    quote! {
        #(#attrs)*
        #vis #sig {
            #sf::client::call(#struct_ident { #(#fields),* }).await
        }
    }
}

/// `From` between the single argument's type and the struct.
fn from_impls(def: &ServerFnDef, struct_ident: &Ident) -> Option<TokenStream> {
    let [arg] = def.args.as_slice() else {
        return None;
    };
    let ident = &arg.ident;
    let ty = &arg.ty;
    Some(quote! {
        impl ::core::convert::From<#ty> for #struct_ident {
            fn from(#ident: #ty) -> Self {
                Self { #ident }
            }
        }

        impl ::core::convert::From<#struct_ident> for #ty {
            fn from(args: #struct_ident) -> Self {
                args.#ident
            }
        }
    })
}

/// The expression of `ServerFn::PATH`: a literal when the endpoint is given, else the
/// compile-time `{prefix}{name}{hash}` of `server_fn::path`.
fn path_expr(args: &ServerArgs, def: &ServerFnDef, sf: &Path) -> TokenStream {
    let prefix = &args.prefix;
    if let Some(endpoint) = &args.endpoint {
        let path = format!("{prefix}{endpoint}");
        return quote!(#path);
    }
    let name = def.item.sig.ident.to_string();
    let sig = &def.item.sig;
    // Whitespace is dropped so that how the compiler prints tokens does not matter.
    let signature: String = format!(
        "{name}:{}->{}",
        sig.inputs.to_token_stream(),
        sig.output.to_token_stream()
    )
    .chars()
    .filter(|c| !c.is_whitespace())
    .collect();
    let seed = fnv1a(0xcbf2_9ce4_8422_2325, signature.as_bytes());
    let span = def.item.sig.ident.span();
    quote_spanned! {span=> {
        const PREFIX: &str = #prefix;
        const NAME: &str = #name;
        const HASH: u64 = #sf::path::fnv1a(#seed, ::core::module_path!().as_bytes());
        const BYTES: [u8; #sf::path::hashed_path_len(PREFIX, NAME)] =
            #sf::path::hashed_path(PREFIX, NAME, HASH);
        #sf::path::path_str(&BYTES)
    }}
}

/// The value of `#[serde(crate = "...")]`: the runtime crate's re-export of serde.
fn serde_crate(sf: &Path) -> String {
    let path: String = sf
        .to_token_stream()
        .to_string()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    format!("{path}::serde")
}

/// 64-bit FNV-1a, as `server_fn::path::fnv1a`.
fn fnv1a(seed: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(seed, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `add_todo` -> `AddTodo`.
fn upper_camel(name: &str) -> String {
    name.split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// What the macro emits after an error: the errors and the function as written (minus
/// `#[server(...)]` on its arguments and `#[middleware(...)]` on it), so the user sees the mistake and not a cascade of
/// errors about a missing function.
pub(crate) fn fallback(item: TokenStream, error: syn::Error) -> TokenStream {
    let errors = error.to_compile_error();
    let Ok(mut function) = syn::parse2::<syn::ItemFn>(item.clone()) else {
        return quote!(#errors #item);
    };
    function
        .attrs
        .retain(|attr| !attr.path().is_ident("middleware"));
    for input in function.sig.inputs.iter_mut() {
        if let FnArg::Typed(typed) = input {
            typed.attrs.retain(|attr| !attr.path().is_ident("server"));
        }
    }
    quote!(#errors #function)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_upper_camel_case() {
        assert_eq!(upper_camel("add"), "Add");
        assert_eq!(upper_camel("add_todo_item"), "AddTodoItem");
        assert_eq!(upper_camel("_private_fn"), "PrivateFn");
    }

    #[test]
    fn fnv1a_matches_the_runtime() {
        assert_eq!(fnv1a(0xcbf2_9ce4_8422_2325, b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
