//! `#[slot]`: a struct whose fields are props, written in `view!` as a child tag with a
//! `slot` attribute and given to the enclosing component's prop of the same name.
//!
//! For `struct Then { children: ChildrenFn }` it keeps the struct (without the `#[prop]`
//! attributes), adds `Then::builder()` and its builder (see [`crate::props`]), and
//! `From<Then> for Vec<Then>`, so a prop taking several slots can be given one.

use proc_macro2::TokenStream;
use quote::quote;
use syn::spanned::Spanned;
use syn::{Fields, ItemStruct};

use crate::props::{props_doc, Builder, Kind, Prop};

/// Expands `#[slot]`.
pub(crate) fn expand(args: TokenStream, input: TokenStream) -> TokenStream {
    if !args.is_empty() {
        return syn::Error::new(args.span(), "`#[slot]` takes no arguments").to_compile_error();
    }
    let item: ItemStruct = match syn::parse2(input) {
        Ok(item) => item,
        Err(error) => {
            let mut error = error;
            error.combine(syn::Error::new(
                error.span(),
                "`#[slot]` goes on a struct with named fields, like `struct Then { children: ChildrenFn }`",
            ));
            return error.to_compile_error();
        }
    };
    match generate(item) {
        Ok(tokens) => tokens,
        Err(error) => error.to_compile_error(),
    }
}

fn generate(mut item: ItemStruct) -> syn::Result<TokenStream> {
    let Fields::Named(fields) = &mut item.fields else {
        return Err(syn::Error::new(
            item.fields.span(),
            "a slot's props are named fields: write `struct Then { children: ChildrenFn }`",
        ));
    };
    let mut errors = Vec::new();
    let mut props = Vec::new();
    for field in fields.named.iter_mut() {
        let name = field.ident.clone().expect("named fields have names");
        let (prop, _) = Prop::new(name, field.ty.clone(), false, &field.attrs, &mut errors);
        // The struct keeps every attribute but `#[prop(...)]`, which only the builder reads.
        field.attrs.retain(|a| !a.path().is_ident("prop"));
        props.push(prop);
    }
    if let Some(mut first) = errors.pop() {
        for error in errors {
            first.combine(error);
        }
        return Err(first);
    }
    let name = &item.ident;
    let builder = Builder {
        vis: &item.vis,
        target: name,
        name,
        kind: Kind::Slot,
        generics: &item.generics,
        props: &props,
    };
    let builder_code = builder.generate();
    let doc_table = props_doc(&props);
    // The props table goes after the struct's own doc comment.
    let attrs = std::mem::take(&mut item.attrs);
    let (impl_generics, ty_generics, where_clause) = item.generics.split_for_impl();
    Ok(quote! {
        #(#attrs)*
        #doc_table
        #item

        #builder_code

        impl #impl_generics ::std::convert::From<#name #ty_generics> for ::std::vec::Vec<#name #ty_generics> #where_clause {
            fn from(slot: #name #ty_generics) -> Self {
                ::std::vec![slot]
            }
        }
    })
}
