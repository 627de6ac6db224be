//! `<Portal>`: children shown elsewhere in the document (a dialog, a toast, a tooltip at the
//! end of `<body>`), while they still belong to the component that renders them.

use crate::children::ChildrenFn;
use crate::component;
use crate::view::{dom, Elsewhere, ElsewhereView, IntoView, Mounted, View};
use reactive_graph::{untrack, Owner};

/// Renders its children into a new `<div>` appended to `mount` (`document.body` when
/// absent) instead of where the `<Portal>` stands, so that they escape the overflow, stacking
/// and styles of their ancestors. They keep the context of the place the portal is written,
/// and go away with it.
///
/// The content belongs to the browser: the server writes only a placeholder where the portal
/// stands. When the page is hydrated, the content is built once hydration has finished.
///
/// ```
/// use leptos::prelude::*;
/// #[component]
/// fn Dialog(open: ReadSignal<bool>) -> impl IntoView {
///     view! {
///         <Show when=move || open.get()>
///             <Portal>
///                 <div class="modal">"Saved."</div>
///             </Portal>
///         </Show>
///     }
/// }
/// ```
#[component]
pub fn Portal(
    /// The element the portal's container is appended to (`document.body` when absent).
    #[prop(into, optional)]
    mount: Option<web_sys::Element>,
    /// Attaches a shadow root to the container and renders into it, so the page's styles do
    /// not reach the children.
    #[prop(optional)]
    use_shadow: bool,
    /// Makes the container an SVG `<g>` instead of a `<div>`, for a `mount` inside an `<svg>`.
    #[prop(optional)]
    is_svg: bool,
    /// What the portal shows.
    children: ChildrenFn,
) -> impl IntoView {
    View::new(ElsewhereView(PortalView {
        target: Target {
            mount,
            use_shadow,
            is_svg,
        },
        owner: Owner::current(),
        children,
    }))
}

/// Where a portal's content goes.
struct Target {
    mount: Option<web_sys::Element>,
    use_shadow: bool,
    is_svg: bool,
}

struct PortalView {
    target: Target,
    /// The owner the portal was written under: its content's owner is a child of it, so the
    /// content sees the same context.
    owner: Option<Owner>,
    children: ChildrenFn,
}

/// A portal's content while it is shown: dropping it removes the container and disposes
/// what the content created.
struct OpenPortal {
    container: web_sys::Element,
    owner: Owner,
    mounted: Option<Mounted>,
}

impl Drop for OpenPortal {
    fn drop(&mut self) {
        self.container.remove();
        drop(self.mounted.take());
        self.owner.dispose();
    }
}

impl PortalView {
    /// Creates the container in the target and builds the children in it.
    fn open(self) -> OpenPortal {
        let document = dom::document();
        let Target {
            mount,
            use_shadow,
            is_svg,
        } = self.target;
        let mount: web_sys::Node = match mount {
            Some(element) => element.into(),
            None => document
                .body()
                .expect("<Portal> with no `mount` needs a `<body>` to append to")
                .into(),
        };
        let container = if is_svg {
            document.create_element_ns(Some("http://www.w3.org/2000/svg"), "g")
        } else {
            document.create_element("div")
        }
        .expect("creating an element with a fixed, valid name cannot fail");
        dom::insert(&mount, &container, None);
        let root: web_sys::Node = if use_shadow {
            container
                .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
                .unwrap_or_else(|error| {
                    panic!("<Portal use_shadow> could not attach a shadow root: {error:?}")
                })
                .into()
        } else {
            container.clone().into()
        };
        let owner = self.owner.unwrap_or_default().child();
        let children = self.children;
        let mounted = owner.with(|| untrack(|| children().into_view().build(&root, None)));
        OpenPortal {
            container,
            owner,
            mounted: Some(mounted),
        }
    }
}

/// Where the portal stands it leaves an empty view's placeholder (an empty comment), written
/// by the server and built or hydrated by the browser.
impl Elsewhere for PortalView {
    const PLACEHOLDER_OF: &'static str = "the placeholder of a <Portal>";

    /// The content belongs to the browser: the server writes only the placeholder.
    #[cfg(render_html)]
    fn write_elsewhere(self) {}

    /// Opens the portal; when hydrating, once the hydration walk is over (its container,
    /// appended to `<body>`, must not appear in the middle of the walk).
    fn mount(self, hydrating: bool) -> impl std::any::Any {
        use std::{cell::RefCell, rc::Rc};
        let open: Rc<RefCell<Option<OpenPortal>>> = Rc::default();
        if !hydrating {
            *open.borrow_mut() = Some(self.open());
            return open;
        }
        let slot = Rc::downgrade(&open);
        reactive_graph::spawn_local(async move {
            // The portal may have gone away before hydration finished.
            if let Some(slot) = slot.upgrade() {
                let portal = self.open();
                *slot.borrow_mut() = Some(portal);
            }
        });
        open
    }
}
