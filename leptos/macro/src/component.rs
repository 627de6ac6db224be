//! `#[component]`: a function's parameters become a props struct with a builder.
//!
//! For `fn Counter(initial: i32, #[prop(optional)] step: i32) -> impl IntoView` it generates
//! - `CounterProps { pub initial: i32, pub step: i32 }` (doc comments kept on the fields);
//! - `CounterProps::builder()`, with one setter per prop. Required props are tracked in the
//!   builder's type, and `build()` requires each through a trait whose error message names
//!   the missing prop; a misspelled prop is an unknown setter, reported at the prop's name;
//! - `fn Counter(props: CounterProps) -> impl IntoView`, which unpacks the props and runs
//!   the original body.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::{FnArg, GenericParam, Ident, ItemFn, Pat, ReturnType, Type};

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

struct Prop {
    name: Ident,
    ty: Type,
    mutable: bool,
    docs: Vec<syn::Attribute>,
    options: PropOptions,
}

#[derive(Default)]
struct PropOptions {
    optional: bool,
    into: bool,
    default: Option<syn::Expr>,
    /// For `Option<T>` props that are optional: the setter takes `T`.
    strip_option: bool,
}

impl Prop {
    fn is_required(&self) -> bool {
        !self.options.optional && self.options.default.is_none()
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
            let mut docs = Vec::new();
            let mut options = PropOptions::default();
            for attribute in &typed.attrs {
                if attribute.path().is_ident("doc") {
                    docs.push(attribute.clone());
                } else if attribute.path().is_ident("prop") {
                    if let Err(error) = parse_prop_options(attribute, &mut options) {
                        push(error);
                    }
                } else {
                    push(syn::Error::new(
                        attribute.span(),
                        "only `#[prop(...)]` and doc comments are allowed on component props",
                    ));
                }
            }
            let mut ty = (*typed.ty).clone();
            if let Type::ImplTrait(impl_trait) = &ty {
                let ident = format_ident!("__Impl{}", impl_count);
                impl_count += 1;
                let bounds = &impl_trait.bounds;
                generics.params.push(syn::parse_quote!(#ident: #bounds));
                ty = syn::parse_quote!(#ident);
            }
            if options.optional && option_inner(&ty).is_some() {
                options.strip_option = true;
            }
            props.push(Prop {
                name,
                ty,
                mutable,
                docs,
                options,
            });
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
        let builder_name = format_ident!("{}PropsBuilder", name);
        let attrs = &item.attrs;
        let output = &item.sig.output;
        let body = &item.block;
        let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
        let type_params: Vec<&Ident> = generics
            .params
            .iter()
            .filter_map(|p| match p {
                GenericParam::Type(t) => Some(&t.ident),
                _ => None,
            })
            .collect();
        let param_idents: Vec<TokenStream> = generics
            .params
            .iter()
            .map(|p| match p {
                GenericParam::Type(t) => t.ident.to_token_stream(),
                GenericParam::Lifetime(l) => l.lifetime.to_token_stream(),
                GenericParam::Const(c) => c.ident.to_token_stream(),
            })
            .collect();
        // Unused-in-fields type parameters (bounds only) are carried by a marker field.
        let marker_ty = quote!(::std::marker::PhantomData<fn() -> (#(#type_params,)*)>);

        let fields = props.iter().map(|p| {
            let (name, ty, docs) = (&p.name, &p.ty, &p.docs);
            quote!(#(#docs)* pub #name: #ty,)
        });
        let unpack = props.iter().map(|p| {
            let name = &p.name;
            if p.mutable {
                quote!(mut #name)
            } else {
                quote!(#name)
            }
        });
        let unpack_names: Vec<TokenStream> = unpack.collect();

        // The builder: one type parameter per required prop, `()` until it is set.
        let required: Vec<&Prop> = props.iter().filter(|p| p.is_required()).collect();
        let states: Vec<Ident> = (0..required.len())
            .map(|i| format_ident!("__Set{}", i))
            .collect();
        let unset = required.iter().map(|_| quote!(()));
        let unset_again = required.iter().map(|_| quote!(()));
        let builder_fields = props.iter().map(|p| {
            let (field, ty) = (&p.name, &p.ty);
            match required.iter().position(|r| r.name == p.name) {
                Some(i) => {
                    let state = &states[i];
                    quote!(#field: #state,)
                }
                None => quote!(#field: ::std::option::Option<#ty>,),
            }
        });
        let builder_init = props.iter().map(|p| {
            let field = &p.name;
            if p.is_required() {
                quote!(#field: (),)
            } else {
                quote!(#field: ::std::option::Option::None,)
            }
        });
        let mut impl_params_with_states = generics.clone();
        for state in &states {
            impl_params_with_states
                .params
                .push(syn::parse_quote!(#state));
        }
        let (builder_impl_generics, _, _) = impl_params_with_states.split_for_impl();

        let setters = props.iter().map(|p| {
            let field = &p.name;
            let ty = &p.ty;
            let docs = &p.docs;
            let (arg_ty, convert) = setter_argument(p);
            match required.iter().position(|r| r.name == p.name) {
                Some(i) => {
                    // Move from state `()` to `(T,)` for this prop; others stay as they are.
                    let mut other = generics.clone();
                    for (j, state) in states.iter().enumerate() {
                        if j != i {
                            other.params.push(syn::parse_quote!(#state));
                        }
                    }
                    let (other_impl, _, _) = other.split_for_impl();
                    let before = states.iter().enumerate().map(|(j, s)| if j == i { quote!(()) } else { quote!(#s) });
                    let after = states.iter().enumerate().map(|(j, s)| if j == i { quote!((#ty,)) } else { quote!(#s) });
                    let moves = props.iter().map(|q| {
                        let f = &q.name;
                        if q.name == p.name {
                            quote!(#f: (#convert,),)
                        } else {
                            quote!(#f: self.#f,)
                        }
                    });
                    quote! {
                        impl #other_impl #builder_name<#(#param_idents,)* #(#before),*> #where_clause {
                            #(#docs)*
                            #[allow(clippy::needless_update)]
                            pub fn #field(self, #field: #arg_ty) -> #builder_name<#(#param_idents,)* #(#after),*> {
                                #builder_name { #(#moves)* __marker: ::std::marker::PhantomData }
                            }
                        }
                    }
                }
                None => quote! {
                    impl #builder_impl_generics #builder_name<#(#param_idents,)* #(#states),*> #where_clause {
                        #(#docs)*
                        pub fn #field(mut self, #field: #arg_ty) -> Self {
                            self.#field = ::std::option::Option::Some(#convert);
                            self
                        }
                    }
                },
            }
        });

        // `build()` needs every required prop, each through a trait that names it.
        let needs_traits = required.iter().map(|p| {
            let trait_name = needs_trait(name, &p.name);
            let message = format!("the component `{name}` needs the prop `{}`", p.name);
            let label = format!("`{}` is missing here", p.name);
            let note = format!("add `{}=...` to the `<{name}>` tag", p.name);
            quote! {
                #[doc(hidden)]
                #[allow(non_camel_case_types)]
                #[diagnostic::on_unimplemented(message = #message, label = #label, note = #note)]
                #vis trait #trait_name<T> {
                    fn take(self) -> T;
                }
                impl<T> #trait_name<T> for (T,) {
                    fn take(self) -> T {
                        self.0
                    }
                }
            }
        });
        let build_bounds = required.iter().zip(&states).map(|(p, state)| {
            let trait_name = needs_trait(name, &p.name);
            let ty = &p.ty;
            quote!(#state: #trait_name<#ty>,)
        });
        let build_fields = props.iter().map(|p| {
            let field = &p.name;
            if p.is_required() {
                let trait_name = needs_trait(name, &p.name);
                let ty = &p.ty;
                quote!(#field: <_ as #trait_name<#ty>>::take(self.#field),)
            } else if let Some(default) = &p.options.default {
                quote!(#field: self.#field.unwrap_or_else(|| #default),)
            } else {
                quote!(#field: self.#field.unwrap_or_default(),)
            }
        });
        let where_predicates = where_clause.map(|w| {
            let predicates = w.predicates.iter();
            quote!(#(#predicates,)*)
        });

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

            impl #impl_generics #props_name #ty_generics #where_clause {
                /// Starts setting props by name; `view!` calls this for `<Component ...>`.
                #vis fn builder() -> #builder_name<#(#param_idents,)* #(#unset),*> {
                    #builder_name { #(#builder_init)* __marker: ::std::marker::PhantomData }
                }
            }

            impl #impl_generics ::leptos::__private::ComponentProps for #props_name #ty_generics #where_clause {
                type Builder = #builder_name<#(#param_idents,)* #(#unset_again),*>;
                fn builder() -> Self::Builder {
                    #props_name::builder()
                }
            }

            #[doc(hidden)]
            #[allow(non_snake_case, non_camel_case_types)]
            #vis struct #builder_name #builder_impl_generics #where_clause {
                #(#builder_fields)*
                __marker: #marker_ty,
            }

            #(#setters)*

            #(#needs_traits)*

            impl #builder_impl_generics #builder_name<#(#param_idents,)* #(#states),*> #where_clause {
                /// The props, once every required one is set.
                pub fn build(self) -> #props_name #ty_generics
                where #(#build_bounds)* #where_predicates
                {
                    #props_name { #(#build_fields)* __marker: ::std::marker::PhantomData }
                }
            }
        }
    }
}

fn needs_trait(component: &Ident, prop: &Ident) -> Ident {
    format_ident!("__{}_needs_{}", component, prop)
}

/// The setter's argument type and the expression converting it to the field's type.
fn setter_argument(prop: &Prop) -> (TokenStream, TokenStream) {
    let name = &prop.name;
    let ty = &prop.ty;
    let span = name.span();
    if prop.options.strip_option {
        let inner = option_inner(ty).expect("strip_option is set for Option types");
        if prop.options.into {
            (
                quote_spanned!(span=> impl ::std::convert::Into<#inner>),
                quote!(::std::option::Option::Some(#name.into())),
            )
        } else {
            (quote!(#inner), quote!(::std::option::Option::Some(#name)))
        }
    } else if prop.options.into {
        (
            quote_spanned!(span=> impl ::std::convert::Into<#ty>),
            quote!(#name.into()),
        )
    } else {
        (quote!(#ty), quote!(#name))
    }
}

fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
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

fn parse_prop_options(attribute: &syn::Attribute, options: &mut PropOptions) -> syn::Result<()> {
    attribute.parse_nested_meta(|meta| {
        if meta.path.is_ident("optional") {
            options.optional = true;
        } else if meta.path.is_ident("into") {
            options.into = true;
        } else if meta.path.is_ident("default") {
            options.default = Some(meta.value()?.parse()?);
        } else if meta.path.is_ident("strip_option") {
            options.strip_option = true;
        } else if meta.path.is_ident("optional_no_strip") {
            options.optional = true;
        } else {
            return Err(meta.error(
                "unknown prop option: expected `optional`, `into`, `default = ...`, `strip_option` or `optional_no_strip`",
            ));
        }
        Ok(())
    })
}

/// A `# Props` section for the component's docs, from the props' doc comments.
fn props_doc(props: &[Prop]) -> TokenStream {
    if props.is_empty() {
        return TokenStream::new();
    }
    let mut lines = vec![String::new(), "# Props".to_string()];
    for prop in props {
        let ty = prop.ty.to_token_stream().to_string();
        let kind = if prop.is_required() {
            "required"
        } else {
            "optional"
        };
        let mut text = String::new();
        for doc in &prop.docs {
            if let syn::Meta::NameValue(nv) = &doc.meta {
                if let syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) = &nv.value
                {
                    text.push_str(s.value().trim());
                    text.push(' ');
                }
            }
        }
        lines.push(format!(
            "- **{}**: `{}` ({kind}) {}",
            prop.name,
            ty,
            text.trim()
        ));
    }
    let docs = lines.iter().map(|l| quote!(#[doc = #l]));
    quote!(#(#docs)*)
}
