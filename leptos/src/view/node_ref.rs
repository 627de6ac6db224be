//! `node_ref=...`: a handle to a rendered element.

#[cfg(not(target_arch = "wasm32"))]
use reactive_graph::traits::Get;
use reactive_graph::traits::Track;
#[cfg(target_arch = "wasm32")]
use reactive_graph::traits::Update;
use reactive_graph::RwSignal;
use std::marker::PhantomData;
use wasm_bindgen::JsCast;

/// The kind of element a [`NodeRef`] points at, and the `web_sys` type it gives back.
pub trait ElementType: 'static {
    /// The `web_sys` type of the element.
    type Output: JsCast + Clone + 'static;
}

#[cfg(target_arch = "wasm32")]
type Slot = web_sys::Element;
/// On the server no element ever exists.
#[cfg(not(target_arch = "wasm32"))]
type Slot = ();

/// A reference to an element rendered with `node_ref=...`, empty until the element exists
/// in the browser (and always empty on the server). Reading it is reactive.
///
/// ```
/// use leptos::prelude::*;
/// use leptos::html::Input;
/// let input = NodeRef::<Input>::new();
/// let _view = view! { <input node_ref=input/> };
/// assert!(input.get_untracked().is_none()); // no element on the server
/// ```
pub struct NodeRef<E> {
    slot: RwSignal<Option<Slot>>,
    ty: PhantomData<fn() -> E>,
}

impl<E> Clone for NodeRef<E> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<E> Copy for NodeRef<E> {}

impl<E> std::fmt::Debug for NodeRef<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NodeRef").finish_non_exhaustive()
    }
}

impl<E: ElementType> Default for NodeRef<E> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E: ElementType> NodeRef<E> {
    /// An empty reference.
    #[track_caller]
    pub fn new() -> Self {
        NodeRef {
            slot: RwSignal::new(None),
            ty: PhantomData,
        }
    }

    /// The element, once rendered in the browser; subscribes the current computation.
    pub fn get(&self) -> Option<E::Output> {
        self.slot.track();
        self.get_untracked()
    }

    /// The element, without subscribing.
    pub fn get_untracked(&self) -> Option<E::Output> {
        #[cfg(target_arch = "wasm32")]
        {
            use reactive_graph::traits::GetUntracked;
            self.slot.get_untracked().map(|e| e.unchecked_into())
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            None
        }
    }

    /// Runs `f` once with the element, as soon as it exists in the browser (at once if it
    /// already does). Never runs on the server, where no element exists.
    ///
    /// ```
    /// use leptos::html::Input;
    /// use leptos::prelude::*;
    ///
    /// let input = NodeRef::<Input>::new();
    /// input.on_load(|input| input.focus().unwrap());
    /// let _view = view! { <input node_ref=input/> };
    /// ```
    pub fn on_load(self, f: impl FnOnce(E::Output) + 'static) {
        let mut f = Some(f);
        reactive_graph::Effect::new(move || {
            if let Some(element) = self.get() {
                if let Some(f) = f.take() {
                    reactive_graph::untrack(|| f(element));
                }
            }
        });
    }

    /// Stores the rendered element (called by the renderer).
    pub(crate) fn load(&self, element: &web_sys::Element) {
        #[cfg(target_arch = "wasm32")]
        self.slot.update(|slot| *slot = Some(element.clone()));
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = element;
            let _ = self.slot.try_get();
        }
    }
}

/// Element kinds for [`NodeRef`], named like the tags.
pub mod html {
    use super::ElementType;

    macro_rules! element_types {
        ($($(#[$doc:meta])* $name:ident => $output:ident,)*) => {$(
            $(#[$doc])*
            #[derive(Debug, Clone, Copy)]
            pub struct $name;
            impl ElementType for $name {
                type Output = web_sys::$output;
            }
        )*};
    }

    element_types! {
        /// Any element.
        AnyElement => Element,
        /// `<a>`.
        A => HtmlAnchorElement,
        /// `<button>`.
        Button => HtmlButtonElement,
        /// `<div>`.
        Div => HtmlDivElement,
        /// `<form>`.
        Form => HtmlFormElement,
        /// `<input>`.
        Input => HtmlInputElement,
        /// `<li>`.
        Li => HtmlLiElement,
        /// `<p>`.
        P => HtmlParagraphElement,
        /// `<select>`.
        Select => HtmlSelectElement,
        /// `<span>`.
        Span => HtmlSpanElement,
        /// `<textarea>`.
        Textarea => HtmlTextAreaElement,
        /// `<ul>`.
        Ul => HtmlUListElement,
    }
}
