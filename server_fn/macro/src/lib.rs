//! The expansion of `#[server]`, as an ordinary library.
//!
//! A proc macro can only be exported by a `proc-macro` crate, and the code it writes must name
//! the runtime crate by a path that resolves in the *user's* crate: `::server_fn` for a crate
//! that depends on `server_fn`, `::leptos::server_fn` for one that only depends on `leptos`.
//! So the expansion lives here, taking that path as a parameter, and two thin proc-macro
//! crates call it: `server_fn_macro_default` (re-exported as `server_fn::server`) and
//! `leptos_macro` (re-exported as `leptos::server`).
//!
//! The expansion parses the attribute's arguments ([`args`]) and the function ([`ast`]),
//! recording every mistake with the span of the user's tokens ([`errors`]), then generates
//! the code ([`expand`]), which calls into the runtime crate.

use proc_macro2::TokenStream;

mod args;
mod ast;
mod errors;
mod expand;
mod route;

pub use route::HttpMethod;

/// The expansion of `#[server(args)] item`, whose generated code names the runtime crate
/// `server_fn_path` (`::server_fn`, or `::leptos::server_fn` through `leptos`).
///
/// The documentation of the attribute itself is on `server_fn::server`.
pub fn server_macro_impl(
    args: TokenStream,
    item: TokenStream,
    server_fn_path: syn::Path,
) -> TokenStream {
    let mut errors = errors::Errors::default();
    let server_args = args::ServerArgs::parse(args, &server_fn_path, &mut errors);
    let function = match syn::parse2::<syn::ItemFn>(item.clone()) {
        Ok(function) => ast::ServerFnDef::parse(function, &mut errors),
        Err(error) => {
            errors.push(syn::Error::new(
                error.span(),
                "`#[server]` goes on an `async fn`",
            ));
            None
        }
    };
    match errors.finish(function) {
        Ok(Some(def)) => expand::expand(&server_args, &def, None, &server_fn_path),
        Ok(None) => item,
        Err(error) => expand::fallback(item, error),
    }
}

/// The expansion of `#[get(args)] item` (or `post`, `put`, `delete`, `patch`: `method`):
/// a server function served at exactly the path in `args`, with path, query and body
/// arguments and server-only extractors. The generated code names `server_fn_path`.
///
/// The documentation of the attributes is on `server_fn::get`.
pub fn http_method_macro_impl(
    method: HttpMethod,
    args: TokenStream,
    item: TokenStream,
    server_fn_path: syn::Path,
) -> TokenStream {
    let mut errors = errors::Errors::default();
    let attribute = method.attribute();
    let mut function = match syn::parse2::<syn::ItemFn>(item.clone()) {
        Ok(function) => function,
        Err(error) => {
            let message = format!("`#[{attribute}]` goes on an `async fn`");
            return expand::fallback(item, syn::Error::new(error.span(), message));
        }
    };
    let middleware = route::take_middleware(&mut function.attrs, &mut errors);
    let def = ast::ServerFnDef::parse(function, &mut errors);
    let route = def.as_ref().and_then(|def| {
        let mut route = route::RouteSpec::parse(method, args, def, &mut errors)?;
        route.middleware = middleware;
        Some(route)
    });
    let defaults = args::ServerArgs::parse(TokenStream::new(), &server_fn_path, &mut errors);
    match errors.finish((def, route)) {
        Ok((Some(def), Some(route))) => {
            expand::expand(&defaults, &def, Some(&route), &server_fn_path)
        }
        Ok(_) => item,
        Err(error) => expand::fallback(item, error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn expand_with(path: syn::Path) -> String {
        server_macro_impl(
            quote!(),
            quote! {
                pub async fn add(a: i32, b: i32) -> Result<i32, ServerFnError> { Ok(a + b) }
            },
            path,
        )
        .to_string()
    }

    #[test]
    fn every_runtime_path_goes_through_the_given_crate_path() {
        let code = expand_with(syn::parse_quote!(::leptos::server_fn));
        let rooted = code.matches(":: server_fn ::").count();
        let through_leptos = code.matches(":: leptos :: server_fn ::").count();
        assert!(rooted > 5, "{code}");
        assert_eq!(rooted, through_leptos, "a path skips `::leptos`: {code}");
        assert!(
            code.contains(r#"crate = "::leptos::server_fn::serde""#),
            "{code}"
        );
    }

    #[test]
    fn the_default_path_is_server_fn() {
        let code = expand_with(syn::parse_quote!(::server_fn));
        assert!(!code.contains("leptos"), "{code}");
        assert!(code.contains(":: server_fn :: ServerFn for Add"), "{code}");
    }
}
