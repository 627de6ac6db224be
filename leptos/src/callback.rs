//! [`Callback`]: a function a component takes as a prop (an event to report to its parent),
//! `Copy` like a signal so it can be used in any number of closures.
//!
//! ```
//! use leptos::prelude::*;
//!
//! #[component]
//! fn Counter(#[prop(into)] on_change: Callback<i32>) -> impl IntoView {
//!     view! { <button on:click=move |_| on_change.run(1)>"+1"</button> }
//! }
//!
//! let total = RwSignal::new(0);
//! let _ = view! { <Counter on_change=move |n| total.update(|t| *t += n)/> };
//! let doubled = Callback::new(|n: i32| n * 2);
//! assert_eq!(doubled.run(21), 42);
//! ```

use reactive_graph::StoredValue;
use reactive_graph::{MaybeSend, MaybeSync};

#[cfg(not(target_arch = "wasm32"))]
type SharedFn<In, Out> = std::sync::Arc<dyn Fn(In) -> Out + Send + Sync>;
#[cfg(target_arch = "wasm32")]
type SharedFn<In, Out> = std::rc::Rc<dyn Fn(In) -> Out>;

/// A function from `In` to `Out`, stored in the reactive owner like a signal (`Copy`; freed
/// with its owner). Call it with [`Callback::run`].
pub struct Callback<In: 'static, Out: 'static = ()> {
    function: StoredValue<SharedFn<In, Out>>,
}

impl<In: 'static, Out: 'static> Clone for Callback<In, Out> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<In: 'static, Out: 'static> Copy for Callback<In, Out> {}

impl<In: 'static, Out: 'static> std::fmt::Debug for Callback<In, Out> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Callback").finish_non_exhaustive()
    }
}

impl<In: 'static, Out: 'static> Callback<In, Out> {
    /// Stores `function` in the current owner.
    #[track_caller]
    pub fn new(function: impl Fn(In) -> Out + MaybeSend + MaybeSync + 'static) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        let function: SharedFn<In, Out> = std::sync::Arc::new(function);
        #[cfg(target_arch = "wasm32")]
        let function: SharedFn<In, Out> = std::rc::Rc::new(function);
        Callback {
            function: StoredValue::new(function),
        }
    }

    /// Calls the function with `input`.
    ///
    /// # Panics
    /// If the owner the callback was created in has been disposed.
    #[track_caller]
    pub fn run(&self, input: In) -> Out {
        let function = self.function.with_value(SharedFn::clone);
        function(input)
    }

    /// Calls the function with `input`, or returns `None` if its owner was disposed.
    pub fn try_run(&self, input: In) -> Option<Out> {
        let function = self.function.try_with_value(SharedFn::clone)?;
        Some(function(input))
    }
}

impl<In: 'static, Out: 'static, F> From<F> for Callback<In, Out>
where
    F: Fn(In) -> Out + MaybeSend + MaybeSync + 'static,
{
    #[track_caller]
    fn from(function: F) -> Self {
        Callback::new(function)
    }
}
