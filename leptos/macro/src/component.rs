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
    expand_as(args, input, false)
}

/// Expands `#[island]`: a component, wrapped for the browser to hydrate on its own.
pub(crate) fn expand_island(args: TokenStream, input: TokenStream) -> TokenStream {
    expand_as(args, input, true)
}

fn expand_as(args: TokenStream, input: TokenStream, island: bool) -> TokenStream {
    let attribute = if island { "island" } else { "component" };
    if !args.is_empty() {
        return syn::Error::new(args.span(), format!("`#[{attribute}]` takes no arguments"))
            .to_compile_error();
    }
    let item: ItemFn = match syn::parse2(input) {
        Ok(item) => item,
        Err(error) => return error.to_compile_error(),
    };
    match Component::parse(item, island) {
        Ok(component) if island => component.generate_island(),
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
    fn parse(mut item: ItemFn, island: bool) -> syn::Result<Self> {
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
        if island && !generics.params.is_empty() {
            push(syn::Error::new(
                item.sig.ident.span(),
                "an island cannot be generic (nor take `impl Trait` props): its props are sent \
                 to the browser as JSON, so they need concrete types",
            ));
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
        let item = &self.item;
        if self.props.is_empty() {
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
        let (impl_generics, ty_generics, where_clause) = self.generics.split_for_impl();
        let unpack = self.unpack(&props_name);
        let doc_table = props_doc(&self.props);
        let props_items = self.props_items(&props_name, false);
        quote! {
            #(#attrs)*
            #doc_table
            #[allow(non_snake_case, clippy::too_many_arguments)]
            #vis fn #name #impl_generics (props: #props_name #ty_generics) #output #where_clause {
                #unpack
                #body
            }

            #props_items
        }
    }

    /// An island: the function renders the component inside the island's wrapper (see
    /// `leptos::island`); the original body moves to a private function, which the browser's
    /// export (`_island_Name`) hydrates with the props it reads back.
    fn generate_island(self) -> TokenStream {
        let item = &self.item;
        let name = &item.sig.ident;
        let vis = &item.vis;
        let attrs = &item.attrs;
        let output = &item.sig.output;
        let body = &item.block;
        let export = format_ident!("_island_{}", name);
        let inner = format_ident!("__island_body_{}", name);
        if self.props.is_empty() {
            return quote! {
                #(#attrs)*
                #[allow(non_snake_case)]
                #vis fn #name() #output {
                    ::leptos::island::island(stringify!(#export), (), |()| #inner())
                }

                #[doc(hidden)]
                #[allow(non_snake_case)]
                fn #inner() #output #body

                ::leptos::__island_export!(#export, stringify!(#name), |(): ()| #inner());
            };
        }
        let props_name = format_ident!("{}Props", name);
        let unpack = self.unpack(&props_name);
        let doc_table = props_doc(&self.props);
        let props_items = self.props_items(&props_name, true);
        // The server renders the children inside `<leptos-children>`, which the browser keeps.
        let wrap_children = self.props.iter().find(|p| p.name == "children").map(|p| {
            // Spanned on the prop's type: children of another type are reported there.
            let wrap = quote::quote_spanned!(p.ty.span()=> ::leptos::island::IslandChildren::wrap);
            quote! {
                let props = #props_name {
                    children: #wrap(props.children),
                    ..props
                };
            }
        });
        quote! {
            #(#attrs)*
            #doc_table
            #[allow(non_snake_case, clippy::too_many_arguments)]
            #vis fn #name(props: #props_name) #output {
                ::leptos::island::island(stringify!(#export), props, |props| {
                    #wrap_children
                    #inner(props)
                })
            }

            #[doc(hidden)]
            #[allow(non_snake_case, clippy::too_many_arguments)]
            fn #inner(props: #props_name) #output {
                #unpack
                #body
            }

            #props_items

            ::leptos::__island_export!(#export, stringify!(#name), #inner);
        }
    }

    /// `let NameProps { a, mut b, .. } = props;`
    fn unpack(&self, props_name: &syn::Ident) -> TokenStream {
        let names = self.props.iter().map(|p| {
            let name = &p.name;
            if p.mutable {
                quote!(mut #name)
            } else {
                quote!(#name)
            }
        });
        quote!(let #props_name { #(#names,)* .. } = props;)
    }

    /// The props struct, its `ComponentProps` impl and its builder. An island's props are
    /// also `Serialize` and `Deserialize` (its children and marker are skipped).
    fn props_items(&self, props_name: &syn::Ident, island: bool) -> TokenStream {
        let item = &self.item;
        let name = &item.sig.ident;
        let vis = &item.vis;
        let generics = &self.generics;
        let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
        // Type parameters used only in bounds are carried by a marker field.
        let marker_ty = marker_type(generics);
        let fields = self.props.iter().map(|p| {
            let (name, ty, docs) = (&p.name, &p.ty, &p.docs);
            let serde = (island && p.name == "children").then(|| {
                let default = syn::LitStr::new("::leptos::island::island_children", p.ty.span());
                quote::quote_spanned!(p.ty.span()=> #[serde(skip, default = #default)])
            });
            quote!(#(#docs)* #serde pub #name: #ty,)
        });
        let serde = island.then(|| {
            quote! {
                #[derive(::leptos::serde::Serialize, ::leptos::serde::Deserialize)]
                #[serde(crate = "::leptos::serde")]
            }
        });
        let skip_marker = island.then(|| quote!(#[serde(skip)]));
        let builder = Builder {
            vis,
            target: props_name,
            name,
            kind: Kind::Component,
            generics,
            props: &self.props,
        };
        let unset_builder = builder.unset_builder_type();
        let builder_code = builder.generate();
        quote! {
            #[doc = concat!("The props of the [`", stringify!(#name), "`] component.")]
            #[allow(non_snake_case)]
            #serde
            #vis struct #props_name #impl_generics #where_clause {
                #(#fields)*
                #[doc(hidden)]
                #skip_marker
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
