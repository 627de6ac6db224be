//! The HTTP-method attributes: `#[get("/api/users/{id}?page&limit", headers: HeaderMap)]`,
//! parsed and checked against the function's arguments, and the code they add to the
//! `#[server]` expansion (the argument structs of the three places and the codec impls).

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Attribute, Expr, Ident, LitStr, Path, Token, Type};

use crate::ast::{Arg, ServerFnDef};
use crate::errors::Errors;

/// The HTTP methods there is an attribute for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HttpMethod {
    /// `#[get]`
    Get,
    /// `#[post]`
    Post,
    /// `#[put]`
    Put,
    /// `#[delete]`
    Delete,
    /// `#[patch]`
    Patch,
}

impl HttpMethod {
    /// The attribute's name (`get`).
    pub fn attribute(self) -> &'static str {
        match self {
            Self::Get => "get",
            Self::Post => "post",
            Self::Put => "put",
            Self::Delete => "delete",
            Self::Patch => "patch",
        }
    }

    /// The marker type in `server_fn::codec::route`.
    fn marker(self) -> Ident {
        let name = match self {
            Self::Get => "Get",
            Self::Post => "Post",
            Self::Put => "Put",
            Self::Delete => "Delete",
            Self::Patch => "Patch",
        };
        Ident::new(name, Span::call_site())
    }

    /// Whether the arguments that are neither path nor query parameters go in a JSON body.
    fn has_body(self) -> bool {
        matches!(self, Self::Post | Self::Put | Self::Patch)
    }
}

/// A server-only extractor named in the attribute: `headers: HeaderMap`.
pub(crate) struct Extractor {
    pub(crate) ident: Ident,
    pub(crate) ty: Type,
}

impl Extractor {
    /// Whether the type is axum's `State<..>` (read from the context rather than run on the
    /// request).
    pub(crate) fn state_inner(&self) -> Option<&Type> {
        let Type::Path(path) = &self.ty else {
            return None;
        };
        let last = path.path.segments.last()?;
        if last.ident != "State" {
            return None;
        }
        let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
            return None;
        };
        match args.args.first()? {
            syn::GenericArgument::Type(inner) => Some(inner),
            _ => None,
        }
    }
}

/// The attribute's tokens: the path literal, then `name: Type` extractors.
struct RawRoute {
    path: LitStr,
    extractors: Vec<Extractor>,
}

impl Parse for RawRoute {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let path: LitStr = input.parse().map_err(|error| {
            syn::Error::new(
                error.span(),
                "expected the path as a string literal first, like `#[get(\"/api/users/{id}\")]`",
            )
        })?;
        let mut extractors = Vec::new();
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let ident: Ident = input.parse().map_err(|error| {
                syn::Error::new(
                    error.span(),
                    "after the path come server-only extractors, written `name: Type` (like \
                     `headers: HeaderMap`)",
                )
            })?;
            input.parse::<Token![:]>()?;
            let ty: Type = input.parse()?;
            extractors.push(Extractor { ident, ty });
        }
        Ok(Self { path, extractors })
    }
}

/// The checked route.
pub(crate) struct RouteSpec {
    pub(crate) method: HttpMethod,
    /// The path without the query part (`/api/users/{id}`).
    pub(crate) pattern: String,
    /// Names of the arguments in the path.
    path_params: Vec<Ident>,
    /// Names of the arguments in the query string.
    query_params: Vec<Ident>,
    /// Names of the arguments in the JSON body.
    body_params: Vec<Ident>,
    pub(crate) extractors: Vec<Extractor>,
    /// `#[middleware(layer)]` expressions, outermost first.
    pub(crate) middleware: Vec<Expr>,
}

impl RouteSpec {
    /// Parses the attribute's tokens and checks them against `def`'s arguments, recording
    /// every mistake; `None` when the path could not be read at all.
    pub(crate) fn parse(
        method: HttpMethod,
        tokens: TokenStream,
        def: &ServerFnDef,
        errors: &mut Errors,
    ) -> Option<Self> {
        let raw = match syn::parse2::<RawRoute>(tokens) {
            Ok(raw) => raw,
            Err(error) => {
                errors.push(error);
                return None;
            }
        };
        let value = raw.path.value();
        let (pattern, query) = match value.split_once('?') {
            Some((pattern, query)) => (pattern.to_owned(), Some(query.to_owned())),
            None => (value.clone(), None),
        };
        let arg_named = |name: &str| def.args.iter().find(|arg| arg.ident == name);
        let mut path_params = Vec::new();
        match path_param_names(&pattern) {
            Ok(names) => {
                for name in names {
                    match arg_named(&name) {
                        Some(arg) => path_params.push(arg.ident.clone()),
                        None => errors.spanned(
                            &raw.path,
                            format!(
                                "the path parameter `{{{name}}}` has no argument of that name: \
                                 add `{name}: T` to the function's arguments, or rename the \
                                 parameter"
                            ),
                        ),
                    }
                }
            }
            Err(message) => errors.spanned(&raw.path, message),
        }
        let mut query_params: Vec<Ident> = Vec::new();
        for name in query.iter().flat_map(|q| q.split('&')) {
            match arg_named(name) {
                Some(arg) if path_params.contains(&arg.ident) => errors.spanned(
                    &raw.path,
                    format!("`{name}` is both a path and a query parameter: keep one"),
                ),
                Some(arg) if !query_params.contains(&arg.ident) => {
                    query_params.push(arg.ident.clone())
                }
                Some(_) => errors.spanned(
                    &raw.path,
                    format!("the query parameter `{name}` is listed twice"),
                ),
                None => errors.spanned(
                    &raw.path,
                    format!(
                        "the query parameter `{name}` has no argument of that name: add \
                         `{name}: Option<T>` to the function's arguments"
                    ),
                ),
            }
        }
        let mut body_params = Vec::new();
        for arg in &def.args {
            if path_params.contains(&arg.ident) || query_params.contains(&arg.ident) {
                continue;
            }
            if method.has_body() {
                body_params.push(arg.ident.clone());
            } else {
                query_params.push(arg.ident.clone());
            }
        }
        for extractor in &raw.extractors {
            if arg_named(&extractor.ident.to_string()).is_some() {
                errors.spanned(
                    &extractor.ident,
                    format!(
                        "`{}` is both an argument and an extractor: extractors are bound on the \
                         server only, so rename one",
                        extractor.ident
                    ),
                );
            }
        }
        Some(Self {
            method,
            pattern,
            path_params,
            query_params,
            body_params,
            extractors: raw.extractors,
            middleware: Vec::new(),
        })
    }

    /// The input encoding, `Route<Get>`.
    pub(crate) fn encoding(&self, sf: &Path) -> TokenStream {
        let marker = self.method.marker();
        quote!(#sf::codec::Route<#sf::codec::route::#marker>)
    }

    /// The structs of the path, query and body arguments and the codec impls of
    /// `struct_ident`, in a `const _` block.
    pub(crate) fn codec_impls(
        &self,
        def: &ServerFnDef,
        struct_ident: &Ident,
        sf: &Path,
        serde_crate: &str,
    ) -> TokenStream {
        let encoding = self.encoding(sf);
        let place = |name: &str, idents: &[Ident]| {
            let ident = format_ident!("__{}{}", struct_ident, name);
            let fields = idents.iter().map(|field| {
                let arg = def.args.iter().find(|arg| arg.ident == *field);
                let ty = arg.map(|arg| &arg.ty);
                let default = arg
                    .is_some_and(|arg: &Arg| arg.default)
                    .then(|| quote!(#[serde(default)]));
                quote!(#default #field: #ty)
            });
            let item = quote! {
                #[derive(#sf::serde::Serialize, #sf::serde::Deserialize)]
                #[serde(crate = #serde_crate)]
                struct #ident { #(#fields),* }
            };
            (ident, item)
        };
        let (path_struct, path_item) = place("Path", &self.path_params);
        let (query_struct, query_item) = place("Query", &self.query_params);
        let (body_struct, body_item) = place("Body", &self.body_params);
        let path_fields = &self.path_params;
        let query_fields = &self.query_params;
        let body_fields = &self.body_params;
        let all: Vec<&Ident> = def.args.iter().map(|arg| &arg.ident).collect();
        let method = self.method.marker();
        let (send_body, read_body) = if self.method.has_body() {
            (
                quote!(::core::option::Option::Some(&#body_struct { #(#body_fields),* })),
                quote!(let #body_struct { #(#body_fields),* } = #sf::codec::route::body_args(req)?;),
            )
        } else {
            (
                quote!(::core::option::Option::None::<&#body_struct>),
                quote!(),
            )
        };
        quote! {
            const _: () = {
                #path_item
                #query_item
                #body_item

                impl #sf::codec::IntoReq<#encoding> for #struct_ident {
                    fn into_req(
                        self,
                        path: &str,
                        accepts: &str,
                    ) -> ::core::result::Result<#sf::http::Request<#sf::bytes::Bytes>, #sf::codec::CodecError> {
                        let #struct_ident { #(#all),* } = self;
                        #sf::codec::route::build_request::<#sf::codec::route::#method, _, _, _>(
                            path,
                            &#path_struct { #(#path_fields),* },
                            &#query_struct { #(#query_fields),* },
                            #send_body,
                            accepts,
                        )
                    }
                }

                impl #sf::codec::FromReq<#encoding> for #struct_ident {
                    fn from_req(
                        req: &#sf::http::Request<#sf::bytes::Bytes>,
                    ) -> ::core::result::Result<Self, #sf::codec::CodecError> {
                        let #path_struct { #(#path_fields),* } = #sf::codec::route::path_args(
                            req,
                            <Self as #sf::ServerFn>::PATH,
                        )?;
                        let #query_struct { #(#query_fields),* } = #sf::codec::route::query_args(req)?;
                        #read_body
                        ::core::result::Result::Ok(Self { #(#all),* })
                    }
                }
            };
        }
    }

    /// `.with_layers(&[...])` on the registry entry, for `#[middleware(...)]`; `None` without
    /// any.
    pub(crate) fn with_layers(&self, sf: &Path) -> Option<TokenStream> {
        if self.middleware.is_empty() {
            return None;
        }
        let layers = self.middleware.iter().map(|layer| {
            quote! {
                (|router: #sf::axum::MethodRouter| router.layer(#layer)) as #sf::axum::RouteLayer
            }
        });
        Some(quote!(.with_layers(&[#(#layers),*])))
    }

    /// The statements that bind the extractors at the top of the server-side body.
    pub(crate) fn extractor_bindings(&self, sf: &Path) -> TokenStream {
        let bindings = self.extractors.iter().map(|extractor| {
            let ident = &extractor.ident;
            let ty = &extractor.ty;
            let call = match extractor.state_inner() {
                Some(inner) => quote!(#sf::axum::extract_state::<#inner>()),
                None => quote!(#sf::axum::extract::<#ty>()),
            };
            quote! {
                let #ident: #ty = match #call.await {
                    ::core::result::Result::Ok(value) => value,
                    ::core::result::Result::Err(error) => {
                        return ::core::result::Result::Err(
                            #sf::error::FromServerFnError::from_server_fn_error(error),
                        );
                    }
                };
            }
        });
        quote!(#(#bindings)*)
    }
}

/// The parameter names of `pattern`, or what is wrong with it (the same rules as
/// `server_fn::pattern::parse`, checked at compile time).
fn path_param_names(pattern: &str) -> Result<Vec<String>, String> {
    let Some(rest) = pattern.strip_prefix('/') else {
        return Err(format!(
            "the path must start with `/`: write \"/{pattern}\""
        ));
    };
    let mut names: Vec<String> = Vec::new();
    for segment in rest.split('/') {
        if !segment.contains(['{', '}']) {
            continue;
        }
        let name = segment
            .strip_prefix('{')
            .and_then(|s| s.strip_suffix('}'))
            .filter(|name| !name.is_empty() && !name.contains(['{', '}', '*']))
            .ok_or_else(|| {
                format!(
                    "`{segment}`: a path parameter is a whole segment written `{{name}}` \
                     (catch-all `{{*name}}` and partial segments are not supported)"
                )
            })?;
        if syn::parse_str::<Ident>(name).is_err() {
            return Err(format!(
                "`{{{name}}}`: a path parameter is named after a function argument, so it must \
                 be an identifier"
            ));
        }
        if names.iter().any(|n| n == name) {
            return Err(format!("the path parameter `{{{name}}}` appears twice"));
        }
        names.push(name.to_owned());
    }
    Ok(names)
}

/// Removes `#[middleware(layer)]` attributes from the function, in order; their expressions.
pub(crate) fn take_middleware(attrs: &mut Vec<Attribute>, errors: &mut Errors) -> Vec<Expr> {
    let mut layers = Vec::new();
    attrs.retain(|attr| {
        if !attr.path().is_ident("middleware") {
            return true;
        }
        match attr.parse_args_with(Punctuated::<Expr, Token![,]>::parse_terminated) {
            Ok(exprs) if exprs.len() == 1 => layers.extend(exprs),
            Ok(_) => errors.spanned(
                attr,
                "`#[middleware(...)]` takes one layer; write one attribute per layer",
            ),
            Err(error) => errors.push(error),
        }
        false
    });
    layers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_params_are_whole_segments_named_like_arguments() {
        assert_eq!(
            path_param_names("/api/users/{user_id}/posts/{id}").unwrap(),
            ["user_id", "id"]
        );
        assert!(path_param_names("api/users").is_err());
        assert!(path_param_names("/files/{*rest}").is_err());
        assert!(path_param_names("/u/{1x}").is_err());
        assert!(path_param_names("/u/{a}/{a}").is_err());
    }
}
