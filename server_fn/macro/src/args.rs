//! The attribute's arguments: `#[server]`, `#[server(AddTodo, "/api")]` and
//! `#[server(name = AddTodo, prefix = "/api", input = Json, ...)]`, parsed and validated.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Expr, ExprLit, ExprPath, Ident, Lit, LitStr, Path, Token, Type};

use crate::errors::Errors;

/// The validated arguments.
pub(crate) struct ServerArgs {
    /// The arguments struct's name, if given.
    pub(crate) name: Option<Ident>,
    /// The prefix, normalized to end with `/`.
    pub(crate) prefix: String,
    /// The endpoint relative to the prefix, without a leading `/`, if given.
    pub(crate) endpoint: Option<String>,
    /// The input encoding's type.
    pub(crate) input: TokenStream,
    /// The output encoding's type.
    pub(crate) output: TokenStream,
    /// Whether the arguments struct derives serde's traits (not for a multipart or
    /// streaming input).
    pub(crate) serde_args: bool,
    /// The client type (`client = ...`), if given.
    pub(crate) client: Option<Type>,
    /// Whether to implement `From` between a single argument and the struct.
    pub(crate) impl_from: bool,
}

/// One argument as written.
enum RawArg {
    Named { key: Ident, value: Expr },
    Positional(Expr),
}

/// The keys whose value is a type (which may have generics, so is not parsed as an
/// expression); it is kept as `Expr::Verbatim`.
const TYPE_KEYS: &[&str] = &["client", "req", "res"];

impl Parse for RawArg {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(Ident) && input.peek2(Token![=]) {
            let key: Ident = input.parse()?;
            input.parse::<Token![=]>()?;
            let value = if TYPE_KEYS.contains(&key.to_string().as_str()) {
                Expr::Verbatim(input.parse::<Type>()?.into_token_stream())
            } else {
                input.parse()?
            };
            Ok(Self::Named { key, value })
        } else {
            Ok(Self::Positional(input.parse()?))
        }
    }
}

const KEYS: &str =
    "`name`, `prefix`, `endpoint`, `input`, `output`, `encoding`, `client`, `req`, `res`, `impl_from`";

/// The codecs a bare name in `input = ...`/`output = ...` resolves to.
const KNOWN_CODECS: &[&str] = &[
    "PostUrl",
    "GetUrl",
    "Json",
    "GetJson",
    "Cbor",
    "GetCbor",
    "Streaming",
    "StreamingText",
    "MultipartFormData",
];

/// Input encodings whose argument is not serde data (a form, a stream): the arguments
/// struct does not derive `Serialize`/`Deserialize` for them.
const NON_SERDE_INPUTS: &[&str] = &["MultipartFormData", "Streaming", "StreamingText"];

impl ServerArgs {
    /// Parses and validates the attribute's tokens, recording every mistake in `errors`.
    /// Built-in codecs are named under `sf` (the runtime crate's path).
    pub(crate) fn parse(tokens: TokenStream, sf: &Path, errors: &mut Errors) -> Self {
        let mut args = Self {
            name: None,
            prefix: "/api/".to_owned(),
            endpoint: None,
            input: codec_path(sf, "PostUrl", Span::call_site()),
            output: codec_path(sf, "Json", Span::call_site()),
            serde_args: true,
            client: None,
            impl_from: true,
        };
        let raw = match Punctuated::<RawArg, Token![,]>::parse_terminated.parse2(tokens) {
            Ok(raw) => raw,
            Err(error) => {
                errors.push(error);
                return args;
            }
        };
        let mut seen: Vec<String> = Vec::new();
        for (position, arg) in raw.into_iter().enumerate() {
            let (key_ident, value) = match arg {
                RawArg::Named { key, value } => (key, value),
                RawArg::Positional(value) => match POSITIONAL.get(position) {
                    Some(key) => (Ident::new(key, Span::call_site()), value),
                    None => {
                        errors.spanned(&value, POSITIONAL_HELP);
                        continue;
                    }
                },
            };
            let key = key_ident.to_string();
            if seen.contains(&key) {
                errors.spanned(&key_ident, format!("`{key}` is given twice: keep one"));
                continue;
            }
            args.apply(&key_ident, &value, sf, errors);
            seen.push(key);
        }
        let has = |key: &str| seen.iter().any(|k| k == key);
        if has("encoding") && (has("input") || has("output")) {
            errors.push(syn::Error::new(Span::call_site(), ENCODING_CONFLICT));
        }
        args
    }

    /// Applies one `key = value`.
    fn apply(&mut self, key: &Ident, value: &Expr, sf: &Path, errors: &mut Errors) {
        match key.to_string().as_str() {
            "name" => self.name = ident_value(value, "name", errors),
            "prefix" => {
                if let Some(prefix) = str_value(value, "prefix", errors) {
                    self.set_prefix(prefix, errors);
                }
            }
            "endpoint" => {
                if let Some(endpoint) = str_value(value, "endpoint", errors) {
                    let trimmed = endpoint.value().trim_start_matches('/').to_owned();
                    if trimmed.is_empty() {
                        errors.spanned(endpoint, EMPTY_ENDPOINT);
                    }
                    self.endpoint = Some(trimmed);
                }
            }
            "input" => {
                if let Some(path) = path_value(value, "input", errors) {
                    self.input = codec(sf, path);
                    self.serde_args = !path.segments.last().is_some_and(|last| {
                        NON_SERDE_INPUTS.contains(&last.ident.to_string().as_str())
                    });
                }
            }
            "output" => {
                if let Some(path) = path_value(value, "output", errors) {
                    self.output = codec(sf, path);
                }
            }
            "encoding" => {
                if let Some(encoding) = str_value(value, "encoding", errors) {
                    self.set_encoding(encoding, sf, errors);
                }
            }
            "impl_from" => match value {
                Expr::Lit(ExprLit {
                    lit: Lit::Bool(flag),
                    ..
                }) => self.impl_from = flag.value,
                other => errors.spanned(other, "`impl_from` takes `true` or `false`"),
            },
            "client" => match value {
                Expr::Verbatim(tokens) => match syn::parse2::<Type>(tokens.clone()) {
                    Ok(ty) => self.client = Some(ty),
                    Err(error) => errors.push(error),
                },
                other => errors.spanned(other, "`client` takes a type, like `client = MyClient`"),
            },
            // Accepted so that code written for Leptos compiles: every integration here
            // hands the codecs an `http::Request<Bytes>` and takes an `http::Response`.
            "req" | "res" => {}
            _ => errors.spanned(
                key,
                format!("unknown argument `{key}`: the arguments are {KEYS}"),
            ),
        }
    }

    fn set_prefix(&mut self, prefix: &LitStr, errors: &mut Errors) {
        let mut value = prefix.value();
        if !value.starts_with('/') {
            let message = format!("the prefix must start with `/`: write \"/{value}\"");
            errors.spanned(prefix, message);
            return;
        }
        if !value.ends_with('/') {
            value.push('/');
        }
        self.prefix = value;
    }

    /// The legacy `encoding = "..."`: `"Url"`/`"GetUrl"` set the input encoding (the output
    /// stays JSON); `"Cbor"`/`"GetCbor"` set both, with a CBOR result.
    fn set_encoding(&mut self, encoding: &LitStr, sf: &Path, errors: &mut Errors) {
        let span = encoding.span();
        match encoding.value().to_ascii_lowercase().as_str() {
            "url" => self.input = codec_path(sf, "PostUrl", span),
            "geturl" => self.input = codec_path(sf, "GetUrl", span),
            "cbor" => {
                self.input = codec_path(sf, "Cbor", span);
                self.output = codec_path(sf, "Cbor", span);
            }
            "getcbor" => {
                self.input = codec_path(sf, "GetCbor", span);
                self.output = codec_path(sf, "GetCbor", span);
            }
            _ => errors.spanned(encoding, UNKNOWN_ENCODING),
        }
    }
}

/// The keys of the positional form, in order.
const POSITIONAL: [&str; 4] = ["name", "prefix", "encoding", "endpoint"];
const POSITIONAL_HELP: &str = "unexpected argument: the positional form is \
     `#[server(Name, \"/prefix\", \"Encoding\", \"endpoint\")]`; use named arguments";
const ENCODING_CONFLICT: &str = "`encoding` sets the input encoding: give either `encoding` or \
     `input`/`output`, not both";
const EMPTY_ENDPOINT: &str =
    "the endpoint is empty: name the path after the prefix, e.g. \"add_todo\"";
const UNKNOWN_ENCODING: &str =
    "unknown encoding: use \"Url\", \"GetUrl\", \"Cbor\" or \"GetCbor\" (any case)";

fn ident_value(value: &Expr, key: &str, errors: &mut Errors) -> Option<Ident> {
    if let Expr::Path(ExprPath {
        path, qself: None, ..
    }) = value
    {
        if let Some(ident) = path.get_ident() {
            return Some(ident.clone());
        }
    }
    errors.spanned(
        value,
        format!("`{key}` takes a type name, like `{key} = AddTodo`"),
    );
    None
}

fn str_value<'a>(value: &'a Expr, key: &str, errors: &mut Errors) -> Option<&'a LitStr> {
    if let Expr::Lit(ExprLit {
        lit: Lit::Str(lit), ..
    }) = value
    {
        return Some(lit);
    }
    errors.spanned(
        value,
        format!("`{key}` takes a string literal, like `{key} = \"...\"`"),
    );
    None
}

fn path_value<'a>(value: &'a Expr, key: &str, errors: &mut Errors) -> Option<&'a Path> {
    if let Expr::Path(ExprPath {
        path, qself: None, ..
    }) = value
    {
        return Some(path);
    }
    errors.spanned(
        value,
        format!("`{key}` takes an encoding type, like `{key} = Json`"),
    );
    None
}

/// A codec path: a bare known name resolves to `{sf}::codec::Name`, anything else is taken
/// as written (a custom encoding in scope).
fn codec(sf: &Path, path: &Path) -> TokenStream {
    match path.get_ident() {
        Some(ident) if KNOWN_CODECS.contains(&ident.to_string().as_str()) => {
            codec_path(sf, &ident.to_string(), ident.span())
        }
        _ => quote!(#path),
    }
}

fn codec_path(sf: &Path, name: &str, span: Span) -> TokenStream {
    let ident = Ident::new(name, span);
    quote_spanned!(span=> #sf::codec::#ident)
}
