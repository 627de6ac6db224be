//! `#[derive(Params)]`: parse, check, expand.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, GenericArgument, PathArguments, Type};

/// Expands the derive, or reports every mistake at once (with a stub impl, so that the
/// struct's uses report nothing more).
pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let item: DeriveInput = match syn::parse2(input) {
        Ok(item) => item,
        Err(error) => return error.to_compile_error(),
    };
    let name = &item.ident;
    let stub = quote! {
        impl ::leptos_router::params::Params for #name {
            fn from_map(
                _: &::leptos_router::params::ParamsMap,
            ) -> ::std::result::Result<Self, ::leptos_router::params::ParamsError> {
                ::std::unreachable!()
            }
        }
    };
    let mut errors: Option<syn::Error> = None;
    let mut push = |error: syn::Error| match &mut errors {
        Some(all) => all.combine(error),
        None => errors = Some(error),
    };
    if !item.generics.params.is_empty() {
        push(syn::Error::new(
            item.generics.span(),
            "`#[derive(Params)]` does not support generic structs; give each field a concrete type",
        ));
    }
    let fields = match &item.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(fields) => fields.named.iter().collect(),
            Fields::Unit => Vec::new(),
            Fields::Unnamed(fields) => {
                push(syn::Error::new(
                    fields.span(),
                    "`#[derive(Params)]` needs named fields, one per parameter: `struct ContactParams { id: usize }`",
                ));
                Vec::new()
            }
        },
        _ => {
            push(syn::Error::new(
                name.span(),
                "`#[derive(Params)]` works on structs with named fields, one per parameter: `struct ContactParams { id: usize }`",
            ));
            Vec::new()
        }
    };
    if let Some(errors) = errors {
        let errors = errors.to_compile_error();
        return quote!(#errors #stub);
    }
    let reads = fields.iter().map(|field| {
        let ident = field.ident.as_ref().expect("named fields have names");
        let key = ident.to_string();
        let key = key.strip_prefix("r#").unwrap_or(&key).to_string();
        let ty = &field.ty;
        match option_inner(ty) {
            Some(inner) => quote_spanned! {ty.span()=>
                #ident: ::leptos_router::params::optional_param::<#inner>(map, #key)?
            },
            None => quote_spanned! {ty.span()=>
                #ident: ::leptos_router::params::required_param::<#ty>(map, #key)?
            },
        }
    });
    let body = if matches!(&item.data, Data::Struct(data) if matches!(data.fields, Fields::Unit)) {
        quote!(Self)
    } else {
        quote!(Self { #(#reads,)* })
    };
    quote! {
        impl ::leptos_router::params::Params for #name {
            fn from_map(
                map: &::leptos_router::params::ParamsMap,
            ) -> ::std::result::Result<Self, ::leptos_router::params::ParamsError> {
                ::std::result::Result::Ok(#body)
            }
        }
    }
}

/// `T` if `ty` is written `Option<T>` (or `std::option::Option<T>`).
fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let PathArguments::AngleBracketed(arguments) = &last.arguments else {
        return None;
    };
    match arguments.args.first() {
        Some(GenericArgument::Type(inner)) if arguments.args.len() == 1 => Some(inner),
        _ => None,
    }
}
