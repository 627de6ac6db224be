//! The annotated function, checked: what the expansion needs, each piece pointing at the
//! user's tokens.

use syn::{Attribute, FnArg, Ident, ItemFn, Pat, ReturnType, Type};

use crate::errors::Errors;

/// A server function's argument.
pub(crate) struct Arg {
    /// The argument's name (the struct field).
    pub(crate) ident: Ident,
    /// Its type.
    pub(crate) ty: Type,
    /// `#[server(default)]`: a missing value deserializes as `Default::default()`.
    pub(crate) default: bool,
}

/// The checked function.
pub(crate) struct ServerFnDef {
    /// The function as written, minus `#[server(...)]` on its arguments.
    pub(crate) item: ItemFn,
    /// Its arguments.
    pub(crate) args: Vec<Arg>,
    /// Its return type (`Result<T, E>`; the trait bounds check `E`).
    pub(crate) output: Type,
}

impl ServerFnDef {
    /// Checks `item`, recording every mistake in `errors`; `None` if it cannot be expanded.
    pub(crate) fn parse(mut item: ItemFn, errors: &mut Errors) -> Option<Self> {
        let sig = &item.sig;
        let mut ok = true;
        if sig.asyncness.is_none() {
            errors.spanned(
                sig.fn_token,
                "server functions must be `async`: the client awaits a network call; write `async fn`",
            );
            ok = false;
        }
        if !sig.generics.params.is_empty() || sig.generics.where_clause.is_some() {
            errors.spanned(
                &sig.generics,
                "server functions cannot be generic: each one is an HTTP endpoint of its own; \
                 call a generic helper from concrete server functions",
            );
            ok = false;
        }
        if let Some(constness) = &sig.constness {
            errors.spanned(constness, "server functions cannot be `const`");
            ok = false;
        }
        if let Some(variadic) = &sig.variadic {
            errors.spanned(variadic, "server functions cannot be variadic");
            ok = false;
        }
        let output = match &sig.output {
            ReturnType::Default => {
                errors.spanned(
                    &sig.ident,
                    "server functions must return `Result<T, ServerFnError>`: the call can fail \
                     on the network; add `-> Result<(), ServerFnError>`",
                );
                None
            }
            ReturnType::Type(_, ty) => {
                if returns_result(ty) {
                    Some((**ty).clone())
                } else {
                    errors.spanned(
                        ty,
                        "server functions must return `Result<T, ServerFnError>`: the call can \
                         fail on the network; wrap this type in `Result<_, ServerFnError>`",
                    );
                    None
                }
            }
        };
        let mut args = Vec::new();
        for input in item.sig.inputs.iter_mut() {
            match input {
                FnArg::Receiver(receiver) => {
                    errors.spanned(
                        &*receiver,
                        "server functions cannot take `self`: make it a free function",
                    );
                    ok = false;
                }
                FnArg::Typed(typed) => {
                    let default = take_server_default(&mut typed.attrs, errors);
                    match &*typed.pat {
                        Pat::Ident(pat) if pat.by_ref.is_none() && pat.subpat.is_none() => {
                            args.push(Arg {
                                ident: pat.ident.clone(),
                                ty: (*typed.ty).clone(),
                                default,
                            });
                        }
                        other => {
                            errors.spanned(other, "server function arguments must be plain names (`name: Type`): each one becomes a field of the arguments struct");
                            ok = false;
                        }
                    }
                }
            }
        }
        let output = output?;
        ok.then_some(Self { item, args, output })
    }
}

/// Whether `ty` looks like a `Result`: a path whose last segment is `Result` or ends with it
/// (`ServerFnResult<T>`). The exact shape is checked by the `ServerFnReturn` trait.
fn returns_result(ty: &Type) -> bool {
    match ty {
        Type::Path(path) => path
            .path
            .segments
            .last()
            .is_some_and(|segment| segment.ident.to_string().ends_with("Result")),
        Type::Group(group) => returns_result(&group.elem),
        Type::Paren(paren) => returns_result(&paren.elem),
        _ => false,
    }
}

/// Removes `#[server(default)]` from an argument's attributes; whether it was there.
fn take_server_default(attrs: &mut Vec<Attribute>, errors: &mut Errors) -> bool {
    let mut default = false;
    attrs.retain(|attr| {
        if !attr.path().is_ident("server") {
            return true;
        }
        let parsed = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("default") {
                default = true;
                Ok(())
            } else {
                Err(meta.error("unknown argument option: the only one is `#[server(default)]`"))
            }
        });
        if let Err(error) = parsed {
            errors.push(error);
        }
        false
    });
    default
}
