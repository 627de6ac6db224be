//! Directives: `use:name` in `view!` runs the function `name` with the element once it
//! exists in the browser (built or hydrated), and `use:name=param` passes `param` too. They
//! are for behaviour that needs the DOM element itself (a third-party widget, focus, an
//! observer); on the server they do nothing.

/// A function usable as a directive: `fn(web_sys::Element)` for `use:name`, or
/// `fn(web_sys::Element, P)` for `use:name=param`. The `Marker` type tells the two kinds
/// apart; it is inferred.
///
/// A directive runs inside the component that wrote it, so `on_cleanup` in it runs when
/// the element's view goes away.
///
/// ```
/// use leptos::prelude::*;
///
/// /// Adds a class to the element.
/// fn highlight(element: web_sys::Element) {
///     let _ = element.class_list().add_1("highlight");
/// }
///
/// /// Sets the element's `title`.
/// fn titled(element: web_sys::Element, title: &str) {
///     let _ = element.set_attribute("title", title);
/// }
///
/// let html = leptos::ssr::render_to_string(|| view! {
///     <p use:highlight use:titled="Hello">"text"</p>
/// });
/// // Directives only run in the browser.
/// assert_eq!(html, "<p>text</p>");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as a directive",
    note = "a directive is a function `fn(web_sys::Element)` for `use:name`, or \
            `fn(web_sys::Element, P)` for `use:name=param`"
)]
pub trait Directive<Marker, P>: 'static {
    /// Runs the directive on `element`.
    fn run(self, element: web_sys::Element, param: P);
}

impl<F> Directive<(web_sys::Element,), ()> for F
where
    F: FnOnce(web_sys::Element) + 'static,
{
    fn run(self, element: web_sys::Element, _param: ()) {
        self(element)
    }
}

impl<F, P> Directive<(web_sys::Element, P), P> for F
where
    F: FnOnce(web_sys::Element, P) + 'static,
{
    fn run(self, element: web_sys::Element, param: P) {
        self(element, param)
    }
}
