//! Islands: interactive components inside a page the server renders as static HTML.
//!
//! An app in islands mode hydrates no page as a whole. Only the components marked
//! `#[island]` are taken over in the browser, each on its own; the rest of the page stays the
//! HTML the server wrote, and its components are not in the bundle at all.
//!
//! What `#[island]` generates calls into this module:
//!
//! - on the server, [`island`] wraps the component's HTML in
//!   `<leptos-island data-component="_island_Name" data-props="{json}">`;
//! - an island's `children` are rendered by the server inside `<leptos-children>`
//!   ([`IslandChildren::wrap`]). In the browser the island takes that element over as it is
//!   ([`IslandChildren::from_server`]): children are server HTML, and any island inside them
//!   is hydrated on its own;
//! - for the browser, each island is exported from the bundle as `_island_Name`, which
//!   reads the props back and hydrates the island's element ([`hydrate_island`]). The
//!   script that [`HydrationScripts`](crate::hydration::HydrationScripts) writes with
//!   `islands=true` calls it for each island of the page, outermost first.
//!
//! Resources created inside an island find the values the server rendered with: the
//! island's element says which resource the server numbered first inside it
//! (`data-resources`).

use crate::children::Children;
use crate::view::{IntoView, View};

/// The element the server wraps an island's children in.
const CHILDREN_TAG: &str = "leptos-children";

/// Renders an island: `body`'s view inside `<leptos-island>`, whose attributes name the
/// function the browser hydrates it with (`export`) and, on the server, carry its props as
/// JSON.
///
/// # Panics
/// On the server, if the props cannot be written as JSON (a map whose keys are not
/// strings, say): the message names the island.
#[doc(hidden)]
pub fn island<P, V>(export: &'static str, props: P, body: impl FnOnce(P) -> V) -> View
where
    P: serde::Serialize,
    V: IntoView,
{
    #[cfg(render_html)]
    {
        let json = match serde_json::to_string(&props) {
            Ok(json) => json,
            Err(error) => panic!(
                "the props of the island `{}` cannot be sent to the browser as JSON: {error}",
                island_name(export)
            ),
        };
        // An island without props (`()`) writes none.
        let json = (json != "null").then_some(json);
        let scope = crate::render_scope::current_scope();
        let first_resource = scope.as_ref().map(|scope| scope.peek_next_id());
        let inner = body(props).into_view();
        // Said only when the island made a resource: hydration then numbers its resources
        // from there, as the server did.
        let resources = match (scope, first_resource) {
            (Some(scope), Some(first)) if scope.peek_next_id() > first => Some(first.to_string()),
            _ => None,
        };
        crate::view! {
            <leptos-island data-component=export data-props=json data-resources=resources>
                {inner}
            </leptos-island>
        }
        .into_view()
    }
    #[cfg(not(render_html))]
    {
        // In the browser only an island inside another island's own view is rendered this
        // way (hydrated with it): the element is there, its attributes were read already.
        let inner = body(props).into_view();
        crate::view! { <leptos-island data-component=export>{inner}</leptos-island> }.into_view()
    }
}

/// The component's name, from the name of its export (`_island_Counter` → `Counter`).
#[cfg(render_html)]
fn island_name(export: &str) -> &str {
    export.strip_prefix("_island_").unwrap_or(export)
}

/// The `children` of an island: rendered by the server inside `<leptos-children>`, taken
/// over as they are in the browser.
///
/// Implemented for [`Children`], the type islands take their children as.
#[diagnostic::on_unimplemented(
    message = "an island's `children` must be `Children`, not `{Self}`",
    label = "not `Children`",
    note = "the server renders an island's children once, and the browser keeps them as they are"
)]
pub trait IslandChildren: Sized {
    /// These children, rendered inside `<leptos-children>`.
    fn wrap(self) -> Self;
    /// In the browser, hydrating an island: children that take over the
    /// `<leptos-children>` element the server wrote, leaving its content as it is.
    fn from_server() -> Self;
}

impl IslandChildren for Children {
    fn wrap(self) -> Self {
        Box::new(move || {
            let children = self();
            crate::view! { <leptos-children>{children}</leptos-children> }.into_view()
        })
    }

    fn from_server() -> Self {
        Box::new(|| View::new(server_children::ServerChildren))
    }
}

/// The default of an island's `children` prop when its props are read back in the browser.
#[doc(hidden)]
pub fn island_children<C: IslandChildren>() -> C {
    C::from_server()
}

mod server_children {
    use crate::view::dom::Range;
    #[cfg(hydration)]
    use crate::view::{Cursor, View};
    use crate::view::{Mounted, Render};

    /// The `<leptos-children>` element the server wrote inside an island, taken over as it
    /// is.
    pub(super) struct ServerChildren;

    impl Render for ServerChildren {
        #[cfg(render_html)]
        fn html_len(&self) -> usize {
            0
        }

        /// Only made in the browser; written as an empty element anywhere else.
        #[cfg(render_html)]
        fn to_html(self: Box<Self>, out: &mut String) {
            out.push_str("<leptos-children></leptos-children>");
        }

        /// Built (not hydrated): the server's content is not known here, so the element is
        /// empty.
        fn build(
            self: Box<Self>,
            parent: &web_sys::Node,
            before: Option<&web_sys::Node>,
        ) -> Mounted {
            let element = crate::view::dom::must(
                crate::view::document().create_element(super::CHILDREN_TAG),
                "a <leptos-children> element can be created",
            );
            let node: web_sys::Node = element.into();
            crate::view::dom::insert(parent, &node, before);
            Mounted::new(Range::single(node), ())
        }

        #[cfg(hydration)]
        fn hydrate(self: Box<Self>, cursor: &mut Cursor) -> Mounted {
            match cursor.take_element(super::CHILDREN_TAG) {
                Ok(node) => Mounted::new(Range::single(node), ()),
                Err(mismatch) => {
                    mismatch.with_context("the children of an island").report();
                    View::empty().hydrate(cursor)
                }
            }
        }
    }
}

/// Reads the props of the island `name` back from its element and hydrates it there; the
/// function each `#[island]` exports to the browser calls this. Errors are reported in the
/// console and leave the island as the server wrote it; a hydration mismatch inside it names
/// the island.
#[cfg(hydration)]
#[doc(hidden)]
pub fn hydrate_island<P, V>(
    element: web_sys::HtmlElement,
    name: &'static str,
    body: impl FnOnce(P) -> V + 'static,
) where
    P: serde::de::DeserializeOwned + 'static,
    V: IntoView,
{
    let json = element.get_attribute("data-props");
    let props = match serde_json::from_str::<P>(json.as_deref().unwrap_or("null")) {
        Ok(props) => props,
        Err(error) => {
            crate::logging::console_error(&format!(
                "the island `{name}` was not hydrated: its props in `data-props` could not be \
                 read ({error}); was the bundle built from the same code as the server?"
            ));
            return;
        }
    };
    let first_resource = element
        .get_attribute("data-resources")
        .and_then(|first| first.parse().ok());
    let app = move || -> View {
        View::new(crate::view::ComponentView {
            name,
            view: body(props).into_view(),
        })
    };
    drop(crate::mount::hydrate_island_in(
        element,
        first_resource,
        app,
    ));
}

/// Exports an island's hydration function to the browser. It is only generated in a
/// browser build with the `hydrate` feature; elsewhere the macro expands to nothing.
#[cfg(all(hydration, target_arch = "wasm32"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __island_export {
    ($export:ident, $name:expr, $hydrate:expr) => {
        #[::leptos::wasm_bindgen::prelude::wasm_bindgen(wasm_bindgen = ::leptos::wasm_bindgen)]
        #[allow(non_snake_case)]
        #[doc(hidden)]
        pub fn $export(element: ::leptos::web_sys::HtmlElement) {
            ::leptos::island::hydrate_island(element, $name, $hydrate);
        }
    };
}

/// Exports an island's hydration function to the browser. It is only generated in a
/// browser build with the `hydrate` feature; elsewhere the macro expands to nothing.
#[cfg(not(all(hydration, target_arch = "wasm32")))]
#[doc(hidden)]
#[macro_export]
macro_rules! __island_export {
    ($export:ident, $name:expr, $hydrate:expr) => {};
}
