//! `<ShowLet some=... let:value>`: renders its children with the value inside an `Option`,
//! while there is one.

use crate::children::ViewFn;
use crate::component;
use crate::view::{IntoView, View};
use reactive_graph::traits::Get;

/// Renders `children` with the value `some` holds while it is `Some`, and `fallback`
/// (nothing by default) while it is `None`. `some` is an `Option`, a closure returning one,
/// or a signal or memo of one. The children are rendered again whenever what `some` reads
/// changes (give it a `Memo` to skip changes that leave the value the same).
///
/// ```
/// use leptos::prelude::*;
///
/// let (user, set_user) = signal(None::<String>);
/// let greeting = move || view! {
///     <ShowLet some=user let:name fallback=|| "Log in">
///         <p>"Hi, " {name}</p>
///     </ShowLet>
/// };
/// assert!(leptos::ssr::render_to_string(greeting).contains("Log in"));
/// set_user.set(Some("Ada".into()));
/// assert!(leptos::ssr::render_to_string(greeting).contains("Ada"));
/// ```
#[component]
pub fn ShowLet<T, M, C, V>(
    /// What to render with the value.
    children: C,
    /// The value, if any: an `Option<T>`, a closure returning one, or a signal of one.
    some: impl IntoOptionGetter<T, M>,
    /// What to render while there is no value.
    #[prop(optional, into)]
    fallback: ViewFn,
) -> impl IntoView
where
    T: 'static,
    C: Fn(T) -> V + 'static,
    V: IntoView,
{
    let get = some.into_option_getter();
    move || -> View {
        match get() {
            Some(value) => children(value).into_view(),
            None => fallback.run(),
        }
    }
}

/// What [`ShowLet`]'s `some` takes: an `Option<T>`, a closure returning one, or a readable
/// signal of one. `M` tells the three apart; it is inferred.
pub trait IntoOptionGetter<T, M> {
    /// A function giving the current value (reactive when the source is).
    fn into_option_getter(self) -> Box<dyn Fn() -> Option<T> + Send + Sync>;
}

/// Marks an `Option<T>` given as it is to [`IntoOptionGetter`].
#[derive(Debug)]
pub struct StaticOption;
/// Marks a closure given to [`IntoOptionGetter`].
#[derive(Debug)]
pub struct OptionFn;
/// Marks a signal given to [`IntoOptionGetter`].
#[derive(Debug)]
pub struct OptionSignal;

impl<T: Clone + Send + Sync + 'static> IntoOptionGetter<T, StaticOption> for Option<T> {
    fn into_option_getter(self) -> Box<dyn Fn() -> Option<T> + Send + Sync> {
        Box::new(move || self.clone())
    }
}

impl<T, F> IntoOptionGetter<T, OptionFn> for F
where
    F: Fn() -> Option<T> + Send + Sync + 'static,
{
    fn into_option_getter(self) -> Box<dyn Fn() -> Option<T> + Send + Sync> {
        Box::new(self)
    }
}

impl<T, S> IntoOptionGetter<T, OptionSignal> for S
where
    S: Get<Value = Option<T>> + Send + Sync + 'static,
{
    fn into_option_getter(self) -> Box<dyn Fn() -> Option<T> + Send + Sync> {
        Box::new(move || self.get())
    }
}
