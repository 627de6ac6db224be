//! [`Oco`] ("owned, counted or borrowed"): text (or a slice) that is cheap to clone whatever
//! it started as. Leptos code uses `Oco<'static, str>` for text props and attribute values;
//! it renders as text and as an attribute value here too.
//!
//! ```
//! use leptos::oco::Oco;
//!
//! let fixed: Oco<'static, str> = "Ada".into(); // borrowed: no allocation
//! let mut made: Oco<'static, str> = format!("{fixed} Lovelace").into(); // owned
//! let shared = made.clone_inplace(); // now both share one `Arc<str>`
//! assert!(made.is_counted() && shared.is_counted());
//! assert_eq!(shared, "Ada Lovelace");
//! assert_eq!(fixed.len(), 3); // derefs to `str`
//! ```

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::{Add, Deref};
use std::sync::Arc;

/// Text (or a slice) that is borrowed, reference-counted or owned. Cloning a borrowed or
/// counted one copies a pointer; cloning an owned one makes the clone counted (use
/// [`Oco::clone_inplace`] to share the allocation with the original as well).
pub enum Oco<'a, T: ?Sized + ToOwned + 'a> {
    /// A borrowed value (a `&'static str` literal, usually).
    Borrowed(&'a T),
    /// A value shared by reference counting.
    Counted(Arc<T>),
    /// An owned value (a `String`).
    Owned(<T as ToOwned>::Owned),
}

impl<T: ?Sized + ToOwned> Oco<'_, T> {
    /// The value as its owned type (a `String`), cloning unless it is already owned.
    pub fn into_owned(self) -> <T as ToOwned>::Owned {
        match self {
            Oco::Borrowed(v) => v.to_owned(),
            Oco::Counted(v) => (*v).to_owned(),
            Oco::Owned(v) => v,
        }
    }

    /// Whether this is [`Oco::Borrowed`].
    pub const fn is_borrowed(&self) -> bool {
        matches!(self, Oco::Borrowed(_))
    }

    /// Whether this is [`Oco::Counted`].
    pub const fn is_counted(&self) -> bool {
        matches!(self, Oco::Counted(_))
    }

    /// Whether this is [`Oco::Owned`].
    pub const fn is_owned(&self) -> bool {
        matches!(self, Oco::Owned(_))
    }
}

impl<T: ?Sized + ToOwned> Deref for Oco<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        match self {
            Oco::Borrowed(v) => v,
            Oco::Counted(v) => v,
            Oco::Owned(v) => v.borrow(),
        }
    }
}

impl<T: ?Sized + ToOwned> Borrow<T> for Oco<'_, T> {
    fn borrow(&self) -> &T {
        self
    }
}

impl<T: ?Sized + ToOwned> AsRef<T> for Oco<'_, T> {
    fn as_ref(&self) -> &T {
        self
    }
}

impl Oco<'_, str> {
    /// The text as a `&str`.
    pub fn as_str(&self) -> &str {
        self
    }
}

impl<T: Clone> Oco<'_, [T]> {
    /// The slice.
    pub fn as_slice(&self) -> &[T] {
        self
    }
}

impl<'a, T: ?Sized + ToOwned> Oco<'a, T>
where
    for<'b> Arc<T>: From<&'b T>,
{
    /// Turns an owned value into a counted one, so that clones share it.
    pub fn upgrade_inplace(&mut self) {
        if let Oco::Owned(v) = self {
            let shared: Arc<T> = Arc::from(Borrow::<T>::borrow(&*v));
            *self = Oco::Counted(shared);
        }
    }

    /// Upgrades an owned value in place (see [`Oco::upgrade_inplace`]), then clones it: the
    /// original and the clone share one allocation.
    pub fn clone_inplace(&mut self) -> Self {
        self.upgrade_inplace();
        self.clone()
    }
}

impl<T: ?Sized + ToOwned> Clone for Oco<'_, T>
where
    for<'b> Arc<T>: From<&'b T>,
{
    fn clone(&self) -> Self {
        match self {
            Oco::Borrowed(v) => Oco::Borrowed(v),
            Oco::Counted(v) => Oco::Counted(Arc::clone(v)),
            Oco::Owned(v) => Oco::Counted(Arc::from(v.borrow())),
        }
    }
}

impl<T: ?Sized + ToOwned> Default for Oco<'_, T>
where
    T::Owned: Default,
{
    fn default() -> Self {
        Oco::Owned(T::Owned::default())
    }
}

impl<'b, A, B> PartialEq<Oco<'b, B>> for Oco<'_, A>
where
    A: ?Sized + ToOwned + PartialEq<B>,
    B: ?Sized + ToOwned,
{
    fn eq(&self, other: &Oco<'b, B>) -> bool {
        **self == **other
    }
}

impl<T: ?Sized + ToOwned + Eq> Eq for Oco<'_, T> {}

impl<'b, A, B> PartialOrd<Oco<'b, B>> for Oco<'_, A>
where
    A: ?Sized + ToOwned + PartialOrd<B>,
    B: ?Sized + ToOwned,
{
    fn partial_cmp(&self, other: &Oco<'b, B>) -> Option<std::cmp::Ordering> {
        (**self).partial_cmp(&**other)
    }
}

impl<T: ?Sized + ToOwned + Ord> Ord for Oco<'_, T> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (**self).cmp(&**other)
    }
}

impl<T: ?Sized + ToOwned + Hash> Hash for Oco<'_, T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (**self).hash(state)
    }
}

impl<T: ?Sized + ToOwned + fmt::Debug> fmt::Debug for Oco<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: ?Sized + ToOwned + fmt::Display> fmt::Display for Oco<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}

impl<'a, T: ?Sized + ToOwned> From<&'a T> for Oco<'a, T> {
    fn from(v: &'a T) -> Self {
        Oco::Borrowed(v)
    }
}

impl<'a, T: ?Sized + ToOwned> From<Cow<'a, T>> for Oco<'a, T> {
    fn from(v: Cow<'a, T>) -> Self {
        match v {
            Cow::Borrowed(v) => Oco::Borrowed(v),
            Cow::Owned(v) => Oco::Owned(v),
        }
    }
}

impl<'a, T: ?Sized + ToOwned> From<Oco<'a, T>> for Cow<'a, T> {
    fn from(v: Oco<'a, T>) -> Self {
        match v {
            Oco::Borrowed(v) => Cow::Borrowed(v),
            Oco::Counted(v) => Cow::Owned((*v).to_owned()),
            Oco::Owned(v) => Cow::Owned(v),
        }
    }
}

impl<T: ?Sized + ToOwned> From<Arc<T>> for Oco<'_, T> {
    fn from(v: Arc<T>) -> Self {
        Oco::Counted(v)
    }
}

impl<T: ?Sized + ToOwned> From<Box<T>> for Oco<'_, T> {
    fn from(v: Box<T>) -> Self {
        Oco::Counted(Arc::from(v))
    }
}

impl From<String> for Oco<'_, str> {
    fn from(v: String) -> Self {
        Oco::Owned(v)
    }
}

impl From<&String> for Oco<'_, str> {
    fn from(v: &String) -> Self {
        Oco::Owned(v.clone())
    }
}

impl From<Oco<'_, str>> for String {
    fn from(v: Oco<'_, str>) -> Self {
        v.into_owned()
    }
}

impl<T: Clone> From<Vec<T>> for Oco<'_, [T]> {
    fn from(v: Vec<T>) -> Self {
        Oco::Owned(v)
    }
}

macro_rules! text_eq {
    ($($other:ty),*) => {$(
        impl PartialEq<$other> for Oco<'_, str> {
            fn eq(&self, other: &$other) -> bool {
                **self == **other
            }
        }
        impl PartialEq<Oco<'_, str>> for $other {
            fn eq(&self, other: &Oco<'_, str>) -> bool {
                **self == **other
            }
        }
    )*};
}
text_eq!(&str, String, Cow<'_, str>);

impl PartialEq<str> for Oco<'_, str> {
    fn eq(&self, other: &str) -> bool {
        **self == *other
    }
}

impl Add<&str> for Oco<'_, str> {
    type Output = Oco<'static, str>;
    fn add(self, rhs: &str) -> Oco<'static, str> {
        Oco::Owned(self.into_owned() + rhs)
    }
}

impl<'b> Add<Oco<'b, str>> for Oco<'_, str> {
    type Output = Oco<'static, str>;
    fn add(self, rhs: Oco<'b, str>) -> Oco<'static, str> {
        self + rhs.as_str()
    }
}

impl<'a> FromIterator<Oco<'a, str>> for String {
    fn from_iter<I: IntoIterator<Item = Oco<'a, str>>>(iter: I) -> String {
        iter.into_iter().fold(String::new(), |mut s, part| {
            s.push_str(&part);
            s
        })
    }
}

impl<T: ?Sized + ToOwned + serde::Serialize> serde::Serialize for Oco<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

impl<'de, T> serde::Deserialize<'de> for Oco<'static, T>
where
    T: ?Sized + ToOwned,
    T::Owned: serde::Deserialize<'de>,
{
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::Owned::deserialize(deserializer).map(Oco::Owned)
    }
}

#[cfg(test)]
mod tests {
    use super::Oco;
    use std::sync::Arc;

    #[test]
    fn clones_share_or_borrow_and_compare_by_text() {
        let borrowed: Oco<'static, str> = "ab".into();
        assert!(borrowed.clone().is_borrowed());
        let owned: Oco<'static, str> = String::from("ab").into();
        assert!(owned.is_owned());
        assert!(
            owned.clone().is_counted(),
            "a clone of an owned value is counted"
        );
        assert!(owned.is_owned(), "the original stays owned");
        let mut upgraded = owned.clone();
        let counted = upgraded.clone_inplace();
        match (&upgraded, &counted) {
            (Oco::Counted(a), Oco::Counted(b)) => assert!(Arc::ptr_eq(a, b)),
            _ => panic!("both must be counted"),
        }
        assert_eq!(borrowed, owned);
        assert_eq!(owned, "ab");
        assert_eq!(String::from("ab"), counted);
        assert_eq!((borrowed + "c").as_str(), "abc");
        assert_eq!(String::from(counted), "ab");
        assert_eq!(serde_json::to_string(&owned).unwrap(), r#""ab""#);
        let back: Oco<'static, str> = serde_json::from_str(r#""x""#).unwrap();
        assert_eq!(back, "x");
    }
}
