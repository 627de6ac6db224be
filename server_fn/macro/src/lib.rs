//! The `#[server]` attribute of `server_fn`; see `server_fn::server` for its documentation.
//!
//! The macro parses the attribute's arguments ([`args`]) and the function ([`ast`]),
//! recording every mistake with the span of the user's tokens ([`errors`]), then generates
//! the code ([`expand`]). Generated code calls into `server_fn` (`::server_fn::...`).

use proc_macro::TokenStream;

mod args;
mod ast;
mod errors;
mod expand;

/// Declares a server function: an `async fn` whose body runs only on the server and that a
/// client build calls over HTTP.
///
/// ```ignore
/// use server_fn::{server, ServerFnError};
///
/// #[server]
/// pub async fn add_todo(title: String) -> Result<(), ServerFnError> {
///     // runs on the server: database access, secrets, ...
///     Ok(())
/// }
/// ```
///
/// The macro generates:
/// - a struct holding the arguments, named after the function in UpperCamelCase
///   (`AddTodo`), with `Clone`, `Debug` and serde's `Serialize`/`Deserialize`;
/// - its `server_fn::ServerFn` impl (path, encodings, body);
/// - under **your crate's** `ssr` feature: the function as written, and its registration so
///   that `leptos_axum::handle_server_fns` serves it;
/// - without that feature: a function of the same signature that sends the request.
///
/// So the crate that declares server functions needs an `ssr` feature (which should turn on
/// `server_fn/ssr`); without one the compiler warns about an unexpected `cfg`.
///
/// # Named arguments
///
/// - `name = AddTodo`: the struct's name.
/// - `prefix = "/api"`: where the function is mounted (default `/api`; must start with `/`).
/// - `endpoint = "add_todo"`: the path after the prefix. The default is the function's name
///   followed by a 16-digit hash of its module path, name and signature, which is the same
///   in every build of the same source.
/// - `input = PostUrl`, `output = Json`: the encodings (see `server_fn::codec`). The
///   built-in names (`PostUrl`, `GetUrl`, `Json`, `GetJson`) need no import; any other path
///   is taken as a custom encoding in scope.
/// - `encoding = "Url"` / `"GetUrl"` (legacy, any case): the input encoding.
/// - `impl_from = false`: do not implement `From` between a single argument's type and the
///   struct (implemented by default).
/// - The positional form `#[server(AddTodo, "/api")]` (name, prefix, encoding, endpoint).
/// - `#[server(default)]` on an argument: a missing value deserializes as its `Default`.
///
/// `client`, `req`, `res` and the CBOR encodings are not supported yet (a compile error
/// says so).
///
/// # Rules
///
/// The function must be `async`, not generic, take plain `name: Type` arguments, and return
/// `Result<T, ServerFnError>` or `Result<T, ServerFnError<E>>` (or an alias ending in
/// `Result`). Arguments and `T` must be serializable with serde; a custom `E` must be
/// serializable and implement `server_fn::error::AsStatusCode`.
#[proc_macro_attribute]
pub fn server(args: TokenStream, item: TokenStream) -> TokenStream {
    let item2 = proc_macro2::TokenStream::from(item);
    let mut errors = errors::Errors::default();
    let server_args = args::ServerArgs::parse(args.into(), &mut errors);
    let function = match syn::parse2::<syn::ItemFn>(item2.clone()) {
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
        Ok(Some(def)) => expand::expand(&server_args, &def).into(),
        Ok(None) => item2.into(),
        Err(error) => expand::fallback(item2, error).into(),
    }
}
