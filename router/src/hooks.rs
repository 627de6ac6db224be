//! Reading the URL and navigating, from inside a `<Router/>`.
//!
//! Every value here is reactive and fine-grained: a memo changes only when its part of the
//! URL does, so what reads the query does not re-run when the path changes, and a route's
//! view stays in place when only its parameters change.

use crate::components::{current_route_params, current_route_path, RouterContext};
use crate::location::{Location, NavigateOptions};
use crate::params::{Params, ParamsError, ParamsMap};
use leptos::prelude::*;

fn router(hook: &str) -> RouterContext {
    use_context::<RouterContext>().unwrap_or_else(|| {
        panic!("{hook}() was called outside a <Router/>; call it in a component inside <Router>")
    })
}

/// The current location: path, query and fragment, each a memo.
///
/// # Panics
/// Outside a `<Router/>`.
pub fn use_location() -> Location {
    router("use_location").location()
}

/// The parameters of the route the caller is in (every `:param` and `*wildcard` of the
/// matched URL), decoded. Empty outside any route.
pub fn use_params_map() -> Memo<ParamsMap> {
    current_route_params().unwrap_or_else(|| Memo::new(|_| ParamsMap::new()))
}

/// The route's parameters as `T` (see [`Params`]): `Err` names the parameter that is
/// missing or does not parse.
///
/// ```
/// use leptos::prelude::*;
/// use leptos_router::hooks::use_params;
/// use leptos_router::params::Params;
///
/// #[derive(Params, Clone, Debug, PartialEq)]
/// struct ContactParams {
///     id: Option<usize>,
/// }
///
/// #[component]
/// fn Contact() -> impl IntoView {
///     let params = use_params::<ContactParams>();
///     move || match params.get() {
///         Ok(ContactParams { id: Some(id) }) => format!("contact #{id}"),
///         Ok(_) => "no contact".to_string(),
///         Err(error) => error.to_string(),
///     }
/// }
/// ```
pub fn use_params<T>() -> Memo<Result<T, ParamsError>>
where
    T: Params + PartialEq + Send + Sync + 'static,
{
    let params = use_params_map();
    Memo::new(move |_| params.with(T::from_map))
}

/// The URL's query, decoded (`?q=ada+l` gives `q` = `ada l`).
///
/// # Panics
/// Outside a `<Router/>`.
pub fn use_query_map() -> Memo<ParamsMap> {
    router("use_query_map").location().query
}

/// The URL's query as `T` (see [`Params`]).
///
/// # Panics
/// Outside a `<Router/>`.
pub fn use_query<T>() -> Memo<Result<T, ParamsError>>
where
    T: Params + PartialEq + Send + Sync + 'static,
{
    let query = use_query_map();
    Memo::new(move |_| query.with(T::from_map))
}

/// The part of the URL the route the caller is in matched (`/contacts` in the view of
/// the route `/contacts` at `/contacts/3`); the current path outside any route.
///
/// # Panics
/// Outside a `<Router/>`.
pub fn use_matched() -> Memo<String> {
    match current_route_path() {
        Some(path) => path,
        None => use_location().pathname,
    }
}

/// A function that navigates: `navigate("/contacts/3", Default::default())`. A relative
/// path resolves against the route the hook was called in. In the browser it navigates
/// client-side; on the server it does nothing (use `<Redirect/>`).
///
/// # Panics
/// Outside a `<Router/>`.
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone {
    let router = router("use_navigate");
    let route_path = current_route_path();
    move |to: &str, options: NavigateOptions| {
        let from = route_path.and_then(|path| path.try_get_untracked());
        router.navigate(to, from.as_deref(), options);
    }
}
