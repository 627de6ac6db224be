//! `IntoView`: what can appear as a child in `view!` or be returned from a component.

use super::{DynamicView, View};
use std::borrow::Cow;

/// Anything that can be rendered: text and numbers, views, `Option`s and `Vec`s of them,
/// `Either` branches, signals, and closures (which re-render when what they read changes).
///
/// ```
/// use leptos::prelude::*;
/// let (count, _) = signal(3);
/// let views: Vec<View> = vec![
///     "text".into_view(),
///     42.into_view(),
///     Some("shown").into_view(),
///     None::<&str>.into_view(),
///     (move || count.get() * 2).into_view(),
/// ];
/// assert_eq!(View::fragment(views).render_to_string(), "text42shown<!----><!--[-->6<!--]-->");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be rendered as a view",
    note = "views can be text, numbers, `view!` output, `Option`/`Vec` of views, signals, or closures returning any of these"
)]
pub trait IntoView {
    /// Converts into a type-erased [`View`].
    fn into_view(self) -> View;

    /// The same as [`IntoView::into_view`]: gives branches of different types one type.
    fn into_any(self) -> AnyView
    where
        Self: Sized,
    {
        self.into_view()
    }

    /// Renders this as an HTML string (see [`View::to_html`]), for example what a function
    /// returning `impl IntoView` gives, in a test.
    ///
    /// ```
    /// use leptos::prelude::*;
    ///
    /// fn greeting(name: &'static str) -> impl IntoView {
    ///     view! { <p>{name}</p> }
    /// }
    ///
    /// assert_eq!(greeting("Ada").to_html(), "<p>Ada</p>");
    /// ```
    #[cfg(render_html)]
    fn to_html(self) -> String
    where
        Self: Sized,
    {
        self.into_view().render_to_string()
    }
}

/// A type-erased view (the type `into_any()` returns).
pub type AnyView = View;

impl IntoView for View {
    fn into_view(self) -> View {
        self
    }
}

impl IntoView for () {
    fn into_view(self) -> View {
        View::empty()
    }
}

impl IntoView for &'static str {
    fn into_view(self) -> View {
        View::text(self)
    }
}

impl IntoView for String {
    fn into_view(self) -> View {
        View::text(self)
    }
}

impl IntoView for Cow<'static, str> {
    fn into_view(self) -> View {
        View::text(self)
    }
}

macro_rules! display_views {
    ($($ty:ty),*) => {$(
        impl IntoView for $ty {
            fn into_view(self) -> View {
                View::text(self.to_string())
            }
        }
    )*};
}
display_views!(char, bool, i128, u128, f32, f64);

macro_rules! integer_views {
    ($variant:ident, $wide:ty: $($ty:ty),*) => {$(
        impl IntoView for $ty {
            fn into_view(self) -> View {
                View::integer(super::number::Integer::$variant(self as $wide))
            }
        }
    )*};
}
integer_views!(Signed, i64: i8, i16, i32, i64, isize);
integer_views!(Unsigned, u64: u8, u16, u32, u64, usize);

impl<V: IntoView> IntoView for Option<V> {
    fn into_view(self) -> View {
        match self {
            Some(view) => view.into_view(),
            None => View::empty(),
        }
    }
}

impl<V: IntoView> IntoView for Vec<V> {
    fn into_view(self) -> View {
        View::fragment(self.into_iter().map(IntoView::into_view).collect())
    }
}

impl<V: IntoView, const N: usize> IntoView for [V; N] {
    fn into_view(self) -> View {
        View::fragment(self.into_iter().map(IntoView::into_view).collect())
    }
}

impl<F, V> IntoView for F
where
    F: FnMut() -> V + 'static,
    V: IntoView,
{
    fn into_view(mut self) -> View {
        View::new(DynamicView::new(move || self().into_view()))
    }
}

macro_rules! reactive_views {
    ($($handle:ty),*) => {$(
        impl<T> IntoView for $handle
        where
            T: IntoView + 'static,
            Self: reactive_graph::traits::Get<Value = T>,
        {
            fn into_view(self) -> View {
                use reactive_graph::traits::Get;
                View::new(DynamicView::new(move || self.get().into_view()))
            }
        }
    )*};
}
readable_handles!(reactive_views);

/// An optional prop follows its value, and shows nothing while it is `None`.
impl<T> IntoView for reactive_graph::MaybeProp<T>
where
    T: IntoView + Clone + reactive_graph::MaybeSend + reactive_graph::MaybeSync + 'static,
{
    fn into_view(self) -> View {
        use reactive_graph::traits::Get;
        View::new(DynamicView::new(move || self.get().into_view()))
    }
}

macro_rules! tuple_views {
    ($($name:ident),+) => {
        impl<$($name: IntoView),+> IntoView for ($($name,)+) {
            #[allow(non_snake_case)]
            fn into_view(self) -> View {
                let ($($name,)+) = self;
                View::fragment(vec![$($name.into_view()),+])
            }
        }
    };
}
tuple_views!(A, B);
tuple_views!(A, B, C);
tuple_views!(A, B, C, D);

/// `.collect_view()` on an iterator of views: the views in a `Vec`, which is a view.
///
/// ```
/// use leptos::prelude::*;
///
/// let html = leptos::ssr::render_to_string(|| {
///     let items = ["milk", "bread"];
///     view! { <ul>{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul> }
/// });
/// assert!(html.contains("<li>milk</li><li>bread</li>"), "{html}");
/// ```
pub trait CollectView {
    /// The type of each view.
    type View: IntoView;
    /// Collects the views.
    fn collect_view(self) -> Vec<Self::View>;
}

impl<I, V> CollectView for I
where
    I: IntoIterator<Item = V>,
    V: IntoView,
{
    type View = V;
    fn collect_view(self) -> Vec<V> {
        self.into_iter().collect()
    }
}

/// Two branches of different types, as one type (`if` / `else` arms in a closure).
pub use either::{Either, EitherOf3, EitherOf4, EitherOf5, EitherOf6};

mod either {
    use super::{IntoView, View};

    /// One of two views.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum Either<A, B> {
        /// The first kind.
        Left(A),
        /// The second kind.
        Right(B),
    }

    impl<A: IntoView, B: IntoView> IntoView for Either<A, B> {
        fn into_view(self) -> View {
            match self {
                Either::Left(a) => a.into_view(),
                Either::Right(b) => b.into_view(),
            }
        }
    }

    /// `EitherOf3` to `EitherOf6`: one of three to six views (a `match` with that many arms),
    /// with variants `A`, `B`, `C`, ...
    macro_rules! either_of {
        ($($name:ident: $count:literal => $($variant:ident)*;)*) => {$(
            #[doc = concat!("One of ", $count, " views, one variant per kind.")]
            #[derive(Debug, Clone, PartialEq, Eq)]
            pub enum $name<$($variant),*> {
                $(
                    #[doc = concat!("The `", stringify!($variant), "` kind.")]
                    $variant($variant),
                )*
            }

            impl<$($variant: IntoView),*> IntoView for $name<$($variant),*> {
                fn into_view(self) -> View {
                    match self {
                        $($name::$variant(view) => view.into_view(),)*
                    }
                }
            }
        )*};
    }

    either_of! {
        EitherOf3: "three" => A B C;
        EitherOf4: "four" => A B C D;
        EitherOf5: "five" => A B C D E;
        EitherOf6: "six" => A B C D E F;
    }
}
