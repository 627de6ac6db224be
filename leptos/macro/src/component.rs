//! `#[component]`: a function's parameters become a props struct with a builder.
//!
//! For `fn Counter(initial: i32, #[prop(optional)] step: i32) -> impl IntoView` it generates
//! - `CounterProps { pub initial: i32, pub step: i32 }` (doc comments kept on the fields);
//! - `CounterProps::builder()` and its builder (see [`crate::props`]);
//! - `fn Counter(props: CounterProps) -> impl IntoView`, which unpacks the props and runs
//!   the original body.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::spanned::Spanned;
use syn::{FnArg, ItemFn, Pat, ReturnType, Type};

use crate::props::{marker_type, props_doc, Builder, Kind, Prop};

/// Expands `#[component]`.
pub(crate) fn expand(args: TokenStream, input: TokenStream) -> TokenStream {
    if !args.is_empty() {
        return syn::Error::new(args.span(), "`#[component]` takes no arguments")
            .to_compile_error();
    }
    let item: ItemFn = match syn::parse2(input) {
        Ok(item) => item,
        Err(error) => return error.to_compile_error(),
    };
    match Component::parse(item) {
        Ok(component) => component.generate(),
        Err(error) => error.to_compile_error(),
    }
}

struct Component {
    item: ItemFn,
    props: Vec<Prop>,
    /// Generic parameters, including ones made from `impl Trait` props.
    generics: syn::Generics,
}

impl Component {
    fn parse(mut item: ItemFn) -> syn::Result<Self> {
        let mut errors: Option<syn::Error> = None;
        let mut push = |error: syn::Error| match &mut errors {
            Some(all) => all.combine(error),
            None => errors = Some(error),
        };
        if let Some(asyncness) = &item.sig.asyncness {
            push(syn::Error::new(
                asyncness.span(),
                "a component cannot be `async`; load async data with a resource inside it",
            ));
        }
        if matches!(item.sig.output, ReturnType::Default) {
            push(syn::Error::new(
                item.sig.ident.span(),
                "a component must return a view: add `-> impl IntoView`",
            ));
        }
        let mut generics = item.sig.generics.clone();
        let mut props = Vec::new();
        let mut impl_count = 0u32;
        for input in std::mem::take(&mut item.sig.inputs) {
            let FnArg::Typed(typed) = input else {
                push(syn::Error::new(
                    input.span(),
                    "a component cannot take `self`",
                ));
                continue;
            };
            let (name, mutable) = match &*typed.pat {
                Pat::Ident(ident) => (ident.ident.clone(), ident.mutability.is_some()),
                other => {
                    push(syn::Error::new(
                        other.span(),
                        "component props must be plain names, like `count: i32`",
                    ));
                    continue;
                }
            };
            let mut errors = Vec::new();
            let mut ty = (*typed.ty).clone();
            if let Type::ImplTrait(impl_trait) = &ty {
                let ident = format_ident!("__Impl{}", impl_count);
                impl_count += 1;
                let bounds = &impl_trait.bounds;
                generics.params.push(syn::parse_quote!(#ident: #bounds));
                ty = syn::parse_quote!(#ident);
            }
            let (prop, others) = Prop::new(name, ty, mutable, &typed.attrs, &mut errors);
            errors.into_iter().for_each(&mut push);
            for attribute in others {
                push(syn::Error::new(
                    attribute.span(),
                    "only `#[prop(...)]` and doc comments are allowed on component props",
                ));
            }
            props.push(prop);
        }
        if let Some(errors) = errors {
            return Err(errors);
        }
        Ok(Component {
            item,
            props,
            generics,
        })
    }

    fn generate(self) -> TokenStream {
        let Component {
            item,
            props,
            generics,
        } = self;
        if props.is_empty() {
            // No props: the function stays as it is (so `mount_to_body(App)` works).
            return quote! {
                #[allow(non_snake_case)]
                #item
            };
        }
        let name = &item.sig.ident;
        let vis = &item.vis;
        let props_name = format_ident!("{}Props", name);
        let attrs = &item.attrs;
        let output = &item.sig.output;
        let body = &item.block;
        let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
        // Type parameters used only in bounds are carried by a marker field.
        let marker_ty = marker_type(&generics);
        let fields = props.iter().map(|p| {
            let (name, ty, docs) = (&p.name, &p.ty, &p.docs);
            quote!(#(#docs)* pub #name: #ty,)
        });
        let unpack_names = props.iter().map(|p| {
            let name = &p.name;
            if p.mutable {
                quote!(mut #name)
            } else {
                quote!(#name)
            }
        });
        let builder = Builder {
            vis,
            target: &props_name,
            name,
            kind: Kind::Component,
            generics: &generics,
            props: &props,
        };
        let unset_builder = builder.unset_builder_type();
        let builder_code = builder.generate();

        let doc_table = props_doc(&props);
        quote! {
            #(#attrs)*
            #doc_table
            #[allow(non_snake_case, clippy::too_many_arguments)]
            #vis fn #name #impl_generics (props: #props_name #ty_generics) #output #where_clause {
                let #props_name { #(#unpack_names,)* .. } = props;
                #body
            }

            #[doc = concat!("The props of the [`", stringify!(#name), "`] component.")]
            #[allow(non_snake_case)]
            #vis struct #props_name #impl_generics #where_clause {
                #(#fields)*
                #[doc(hidden)]
                pub __marker: #marker_ty,
            }

            impl #impl_generics ::leptos::__private::ComponentProps for #props_name #ty_generics #where_clause {
                type Builder = #unset_builder;
                fn builder() -> Self::Builder {
                    #props_name::builder()
                }
            }

            #builder_code
        }
    }
}
