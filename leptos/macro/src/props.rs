//! Props and their builder, shared by `#[component]` (a function's parameters) and `#[slot]`
//! (a struct's fields).
//!
//! For props `initial: i32` and `#[prop(optional)] step: i32` of a target `T` it generates
//! - `T::builder()`, with one setter per prop. Required props are tracked in the builder's
//!   type, and `build()` requires each through a trait whose error message names the missing
//!   prop; a misspelled prop is an unknown setter, reported at the prop's name;
//! - a hidden `__slot_<prop>` setter per prop, which `view!` calls with the `<Slot slot>`
//!   children written for that prop (one slot, or a `Vec` of several), converted by
//!   `leptos::__private::FromSlot` to the prop's type (`S`, `Option<S>` or `Vec<S>`).

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::ext::IdentExt;
use syn::{GenericParam, Generics, Ident, Type, Visibility};

/// One prop: a component's parameter or a slot's field.
pub(crate) struct Prop {
    pub(crate) name: Ident,
    pub(crate) ty: Type,
    /// `mut name: T` (component parameters only).
    pub(crate) mutable: bool,
    pub(crate) docs: Vec<syn::Attribute>,
    pub(crate) options: PropOptions,
}

/// What `#[prop(...)]` says.
#[derive(Default)]
pub(crate) struct PropOptions {
    pub(crate) optional: bool,
    pub(crate) into: bool,
    pub(crate) default: Option<syn::Expr>,
    /// For `Option<T>` props that are optional: the setter takes `T`.
    pub(crate) strip_option: bool,
}

impl Prop {
    /// Reads a prop's `#[prop(...)]` and doc attributes; the other attributes are returned
    /// for the caller to keep or reject.
    pub(crate) fn new(
        name: Ident,
        ty: Type,
        mutable: bool,
        attributes: &[syn::Attribute],
        errors: &mut Vec<syn::Error>,
    ) -> (Prop, Vec<syn::Attribute>) {
        let mut docs = Vec::new();
        let mut others = Vec::new();
        let mut options = PropOptions::default();
        for attribute in attributes {
            if attribute.path().is_ident("doc") {
                docs.push(attribute.clone());
            } else if attribute.path().is_ident("prop") {
                if let Err(error) = parse_prop_options(attribute, &mut options) {
                    errors.push(error);
                }
            } else {
                others.push(attribute.clone());
            }
        }
        if options.optional && option_inner(&ty).is_some() {
            options.strip_option = true;
        }
        let prop = Prop {
            name,
            ty,
            mutable,
            docs,
            options,
        };
        (prop, others)
    }

    pub(crate) fn is_required(&self) -> bool {
        !self.options.optional && self.options.default.is_none()
    }
}

/// What a builder is for, and how its messages name it.
pub(crate) struct Builder<'a> {
    pub(crate) vis: &'a Visibility,
    /// The type `build()` returns: `CounterProps`, or the slot's struct.
    pub(crate) target: &'a Ident,
    /// The component's or the slot's name, used in messages and in the traits' names.
    pub(crate) name: &'a Ident,
    pub(crate) kind: Kind,
    pub(crate) generics: &'a Generics,
    pub(crate) props: &'a [Prop],
}

/// What the props are of.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Kind {
    /// A `#[component]`: the target is its generated props struct.
    Component,
    /// A `#[slot]`: the target is the user's struct.
    Slot,
}

impl Kind {
    /// The word for it in messages.
    fn label(self) -> &'static str {
        match self {
            Kind::Component => "component",
            Kind::Slot => "slot",
        }
    }

    /// How its tag is written in `view!`, for the missing-prop note.
    fn tag(self, name: &Ident) -> String {
        match self {
            Kind::Component => format!("<{name}>"),
            Kind::Slot => format!("<{name} slot>"),
        }
    }
}

impl Builder<'_> {
    /// The builder's name: `CounterPropsBuilder`, `ThenBuilder`.
    pub(crate) fn builder_name(&self) -> Ident {
        format_ident!("{}Builder", self.target)
    }

    /// The builder's type with no prop set: what `Target::builder()` returns.
    pub(crate) fn unset_builder_type(&self) -> TokenStream {
        let builder_name = self.builder_name();
        let params = self.param_idents();
        let unset = self
            .props
            .iter()
            .filter(|p| p.is_required())
            .map(|_| quote!(()));
        quote!(#builder_name<#(#params,)* #(#unset),*>)
    }

    /// The generic parameters as arguments: `T`, `'a`, `N`.
    fn param_idents(&self) -> Vec<TokenStream> {
        self.generics
            .params
            .iter()
            .map(|p| match p {
                GenericParam::Type(t) => t.ident.to_token_stream(),
                GenericParam::Lifetime(l) => l.lifetime.to_token_stream(),
                GenericParam::Const(c) => c.ident.to_token_stream(),
            })
            .collect()
    }

    /// `Target::builder()`, the builder type, its setters, and `build()`.
    pub(crate) fn generate(&self) -> TokenStream {
        let Builder {
            vis,
            target,
            name,
            kind,
            generics,
            props,
            ..
        } = self;
        let builder_name = self.builder_name();
        let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
        let param_idents = self.param_idents();
        let marker_ty = marker_type(generics);

        // The builder: one type parameter per required prop, `()` until it is set.
        let required: Vec<&Prop> = props.iter().filter(|p| p.is_required()).collect();
        let states: Vec<Ident> = (0..required.len())
            .map(|i| format_ident!("__Set{}", i))
            .collect();
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
        let mut impl_params_with_states = (*generics).clone();
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
                    let mut other = (*generics).clone();
                    for (j, state) in states.iter().enumerate() {
                        if j != i {
                            other.params.push(syn::parse_quote!(#state));
                        }
                    }
                    let (other_impl, _, _) = other.split_for_impl();
                    let before = states.iter().enumerate().map(|(j, s)| if j == i { quote!(()) } else { quote!(#s) });
                    let after: Vec<TokenStream> = states.iter().enumerate().map(|(j, s)| if j == i { quote!((#ty,)) } else { quote!(#s) }).collect();
                    let moves = props.iter().map(|q| {
                        let f = &q.name;
                        if q.name == p.name {
                            quote!(#f: (#convert,),)
                        } else {
                            quote!(#f: self.#f,)
                        }
                    });
                    let returns = quote!(#builder_name<#(#param_idents,)* #(#after),*>);
                    let slot_setter = slot_setter(p, &returns);
                    quote! {
                        impl #other_impl #builder_name<#(#param_idents,)* #(#before),*> #where_clause {
                            #(#docs)*
                            #[allow(clippy::needless_update)]
                            pub fn #field(self, #field: #arg_ty) -> #returns {
                                #builder_name { #(#moves)* __marker: ::std::marker::PhantomData }
                            }
                            #slot_setter
                        }
                    }
                }
                None => {
                    let slot_setter = slot_setter(p, &quote!(Self));
                    quote! {
                        impl #builder_impl_generics #builder_name<#(#param_idents,)* #(#states),*> #where_clause {
                            #(#docs)*
                            pub fn #field(mut self, #field: #arg_ty) -> Self {
                                self.#field = ::std::option::Option::Some(#convert);
                                self
                            }
                            #slot_setter
                        }
                    }
                }
            }
        });

        // `build()` needs every required prop, each through a trait that names it.
        let needs_traits = required.iter().map(|p| {
            let trait_name = needs_trait(name, &p.name);
            let message = format!("the {} `{name}` needs the prop `{}`", kind.label(), p.name);
            let label = format!("`{}` is missing here", p.name);
            let note = format!("add `{}=...` to the `{}` tag", p.name, kind.tag(name));
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
        // A component's props struct has the hidden marker field; a slot's struct is the user's.
        let target_marker =
            (*kind == Kind::Component).then(|| quote!(__marker: ::std::marker::PhantomData));
        let unset_builder = self.unset_builder_type();
        let builder_doc = format!(
            "Starts setting the props of the {} by name; `view!` calls this for its tag.",
            kind.label()
        );

        quote! {
            impl #impl_generics #target #ty_generics #where_clause {
                #[doc = #builder_doc]
                #vis fn builder() -> #unset_builder {
                    #builder_name { #(#builder_init)* __marker: ::std::marker::PhantomData }
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
                pub fn build(self) -> #target #ty_generics
                where #(#build_bounds)* #where_predicates
                {
                    #target { #(#build_fields)* #target_marker }
                }
            }
        }
    }
}

/// `PhantomData` over a list's type parameters, for parameters used only in bounds.
pub(crate) fn marker_type(generics: &Generics) -> TokenStream {
    let type_params = generics.params.iter().filter_map(|p| match p {
        GenericParam::Type(t) => Some(&t.ident),
        _ => None,
    });
    quote!(::std::marker::PhantomData<fn() -> (#(#type_params,)*)>)
}

fn needs_trait(owner: &Ident, prop: &Ident) -> Ident {
    format_ident!("__{}_needs_{}", owner, prop)
}

/// The hidden setter `view!` calls for `<Slot slot>` children: it takes one slot (or a `Vec`
/// of several) and converts it to what the prop's own setter takes, then calls that setter.
/// `returns` is the type the prop's setter returns.
fn slot_setter(prop: &Prop, returns: &TokenStream) -> TokenStream {
    let field = &prop.name;
    let method = format_ident!("__slot_{}", field.unraw(), span = field.span());
    // What the prop's setter accepts as it is (for `into` setters, the type itself).
    let takes = match (prop.options.strip_option, option_inner(&prop.ty)) {
        (true, Some(inner)) => inner,
        _ => &prop.ty,
    };
    quote! {
        #[doc(hidden)]
        pub fn #method<__Slots>(self, slots: __Slots) -> #returns
        where
            #takes: ::leptos::__private::FromSlot<__Slots>,
        {
            self.#field(<#takes as ::leptos::__private::FromSlot<__Slots>>::from_slot(slots))
        }
    }
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

/// A `# Props` section for the docs, from the props' doc comments.
pub(crate) fn props_doc(props: &[Prop]) -> TokenStream {
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
