//! Waiting for async data: `<Suspense/>`, `<Transition/>` and [`Suspend`].
//!
//! A suspense boundary provides a [`SuspenseContext`] to its children. A resource read while
//! it loads, and a [`Suspend`] whose future is not ready, register with the nearest one; the
//! boundary shows its fallback while anything is registered and its children otherwise.
//!
//! - In the browser the children are built off-document (so their reactive closures run and
//!   their reads register), and swapped in once nothing is pending. `<Transition/>` keeps
//!   showing its children while they reload, once they have been shown.
//! - On the server the children are rendered first; if anything under them was pending, the
//!   fallback is written instead, after a `<!--fallback-->` marker that tells hydration what
//!   the server sent. The async renderer renders again once the data is there, so the final
//!   page holds the children.
//! - Hydration takes over whichever of the two the server wrote.

use crate::children::{Children, ViewFn};
use crate::component;
#[cfg(render_html)]
use crate::render_scope;
use crate::view::{build_bracketed, CloseMarker, IntoView, Mounted, Render, View};
#[cfg(hydration)]
use crate::view::{hydrate_bracketed, Cursor};
use reactive_graph::prelude::*;
use reactive_graph::{untrack, Owner, RenderEffect, StoredValue};
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll, Waker};
use web_sys::Node;

/// The marker the server writes before a fallback it rendered in place of the children.
#[cfg(any(render_html, hydration))]
const FALLBACK: &str = "fallback";

/// What a `<Suspense/>` or `<Transition/>` provides to its children: a count of what is
/// pending under it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct SuspenseContext {
    pending: RwSignal<usize>,
    /// Whether anything registered during this render (the server checks it after writing
    /// the children, when the count may have gone back to zero).
    saw_pending: StoredValue<bool>,
    transition: bool,
}

impl SuspenseContext {
    fn new(transition: bool) -> Self {
        SuspenseContext {
            pending: RwSignal::new(0),
            saw_pending: StoredValue::new(false),
            transition,
        }
    }

    /// Whether this is a `<Transition/>`.
    pub(crate) fn transition(&self) -> bool {
        self.transition
    }

    /// Counts one more pending thing.
    pub(crate) fn register(&self) {
        self.saw_pending.try_update_value(|saw| *saw = true);
        self.pending.try_update(|n| *n += 1);
    }

    /// Counts one pending thing less.
    pub(crate) fn unregister(&self) {
        self.pending.try_update(|n| *n = n.saturating_sub(1));
    }
}

/// Registration of a pending [`Suspend`] with the nearest boundary; dropping it unregisters.
struct PendingToken(Option<SuspenseContext>);

impl PendingToken {
    fn register() -> Self {
        let context = use_context::<SuspenseContext>();
        if let Some(context) = &context {
            context.register();
        }
        PendingToken(context)
    }
}

impl Drop for PendingToken {
    fn drop(&mut self) {
        if let Some(context) = self.0.take() {
            context.unregister();
        }
    }
}

/// Shows `fallback` while resources read (or [`Suspend`]s awaited) under it are loading, and
/// its children once everything has loaded.
///
/// On the server, [`render_to_string_async`](crate::ssr::render_to_string_async) waits for
/// the data and writes the children; the synchronous renderer writes the fallback.
///
/// ```
/// use leptos::prelude::*;
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let html = leptos::ssr::render_to_string_async(|| {
///     let count = Resource::new(|| (), |_| async { 42 });
///     view! {
///         <Suspense fallback=|| view! { <p>"Loading..."</p> }>
///             <p>"Count: " {move || count.get()}</p>
///         </Suspense>
///     }
/// })
/// .await;
/// assert!(html.contains("Count: <!--[-->42<!--]-->"), "{html}");
/// assert!(!html.contains("Loading..."));
/// # });
/// ```
#[component]
pub fn Suspense(
    /// Shown while something under it loads (nothing by default).
    #[prop(optional, into)]
    fallback: ViewFn,
    /// The content that reads async data.
    children: Children,
) -> impl IntoView {
    boundary(children, None, "<Suspense/>", move || {
        let context = SuspenseContext::new(false);
        provide_context(context);
        (Watched::Pending(context), fallback)
    })
}

/// Like [`Suspense`], but once its children have been shown it keeps showing them while
/// they reload (no fallback flash); `set_pending` is set to whether anything is loading.
///
/// ```
/// use leptos::prelude::*;
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let html = leptos::ssr::render_to_string_async(|| {
///     let (page, _) = signal(1);
///     let (loading, set_loading) = signal(false);
///     let items = Resource::new(move || page.get(), |page| async move { vec![page * 10] });
///     view! {
///         <Transition fallback=|| "Loading..." set_pending=set_loading>
///             {move || Suspend::new(async move { format!("{:?}", items.await) })}
///         </Transition>
///     }
/// })
/// .await;
/// assert!(html.contains("[10]"));
/// # });
/// ```
#[component]
pub fn Transition(
    /// Shown until the children have loaded once (nothing by default).
    #[prop(optional, into)]
    fallback: ViewFn,
    /// Set to `true` while anything under it loads, and back to `false` when done.
    #[prop(optional, into)]
    set_pending: Option<WriteSignal<bool>>,
    /// The content that reads async data.
    children: Children,
) -> impl IntoView {
    boundary(children, set_pending, "<Transition/>", move || {
        let context = SuspenseContext::new(true);
        provide_context(context);
        (Watched::Pending(context), fallback)
    })
}

/// What a boundary watches to choose between its children and its fallback: what is
/// pending under a `<Suspense/>` or `<Transition/>`, or the errors under an
/// `<ErrorBoundary/>`.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Watched {
    Pending(SuspenseContext),
    Errors(RwSignal<crate::error::Errors>),
}

impl Watched {
    /// Whether the fallback is due now (subscribing the running effect).
    fn fallback_due(&self) -> bool {
        match self {
            Watched::Pending(context) => context.pending.get() > 0,
            Watched::Errors(errors) => errors.with(|errors| !errors.is_empty()),
        }
    }

    /// Whether the render that just happened met something that calls for the fallback
    /// (the server asks after writing the children).
    #[cfg(render_html)]
    fn fallback_was_due(&self) -> bool {
        match self {
            Watched::Pending(context) => context.saw_pending.try_get_value() == Some(true),
            Watched::Errors(errors) => errors.try_with_untracked(|e| !e.is_empty()) == Some(true),
        }
    }

    /// Whether shown children stay while the fallback is due (a `<Transition/>`).
    fn keeps_shown_children(&self) -> bool {
        matches!(self, Watched::Pending(context) if context.transition)
    }
}

/// A boundary around `children`: `setup` runs in the boundary's owner, provides what the
/// children report to, and gives what to watch and the fallback. `name` is the tag that
/// hydration errors name.
pub(crate) fn boundary(
    children: Children,
    set_pending: Option<WriteSignal<bool>>,
    name: &'static str,
    setup: impl FnOnce() -> (Watched, ViewFn),
) -> View {
    let outer = Owner::current();
    let owner = Owner::new();
    let (watched, fallback) = owner.with(setup);
    let children = owner.with(|| untrack(children));
    View::new(Boundary {
        outer,
        owner,
        watched,
        children,
        fallback,
        set_pending,
        name,
    })
}

/// The view of a `<Suspense/>`, `<Transition/>` or `<ErrorBoundary/>`.
struct Boundary {
    /// The owner around the boundary: the fallback belongs there, so that what it reads does
    /// not register with the boundary it stands in for.
    outer: Option<Owner>,
    /// The boundary's own owner, which provides the context.
    owner: Owner,
    watched: Watched,
    children: View,
    fallback: ViewFn,
    set_pending: Option<WriteSignal<bool>>,
    /// The tag, for hydration errors.
    #[cfg_attr(not(hydration), allow(dead_code))]
    name: &'static str,
}

impl Boundary {
    /// Takes the children view out (it is built or hydrated once).
    fn take_children(&mut self) -> View {
        std::mem::replace(&mut self.children, View::empty())
    }

    /// An owner for the fallback, below the boundary's parent.
    #[cfg(hydration)]
    fn fallback_owner(&self) -> Owner {
        match &self.outer {
            Some(outer) => outer.child(),
            None => Owner::new_root(),
        }
    }
}

impl Render for Boundary {
    #[cfg(render_html)]
    fn html_len(&self) -> usize {
        self.children.html_len() + 16
    }

    #[cfg(render_html)]
    fn to_html(self: Box<Self>, out: &mut String) {
        let Boundary {
            outer,
            owner,
            watched,
            children,
            fallback,
            ..
        } = *self;
        let mut html = String::with_capacity(children.html_len());
        owner.with(|| children.write_html(&mut html));
        out.push_str("<!--[-->");
        if watched.fallback_was_due() {
            out.push_str("<!--");
            out.push_str(FALLBACK);
            out.push_str("-->");
            let mut view = || untrack(|| fallback.run()).write_html(out);
            match &outer {
                Some(outer) => outer.with(view),
                None => view(),
            }
        } else {
            out.push_str(&html);
        }
        out.push_str("<!--]-->");
    }

    fn build(self: Box<Self>, parent: &Node, before: Option<&Node>) -> Mounted {
        build_bracketed(parent, before, |close, _| {
            let fragment: Node = crate::view::document().create_document_fragment().into();
            let mut boundary = *self;
            let view = boundary.take_children();
            let children = boundary
                .owner
                .with(|| untrack(|| view.build(&fragment, None)));
            Switch::start(boundary, close, children, fragment, false, None)
        })
    }

    #[cfg(hydration)]
    fn hydrate(self: Box<Self>, cursor: &mut Cursor) -> Mounted {
        let name = self.name;
        hydrate_bracketed(cursor, name, |close, cursor| {
            let cursor = cursor.expect("hydrating");
            let mut boundary = *self;
            let view = boundary.take_children();
            if cursor.take_marker(FALLBACK) {
                // The server sent the fallback: build the children aside, then hydrate the
                // fallback (after the children, whose errors an `<ErrorBoundary/>`'s
                // fallback shows).
                let fragment: Node = crate::view::document().create_document_fragment().into();
                let children = boundary
                    .owner
                    .with(|| untrack(|| view.build(&fragment, None)));
                let fallback_owner = boundary.fallback_owner();
                let fallback = fallback_owner.with(|| {
                    let view = untrack(|| boundary.fallback.run());
                    untrack(|| view.hydrate(cursor))
                });
                Switch::start(
                    boundary,
                    close,
                    children,
                    fragment,
                    false,
                    Some((fallback, fallback_owner)),
                )
            } else {
                // The server sent the children: take them over as they are.
                let children = boundary.owner.with(|| untrack(|| view.hydrate(cursor)));
                let fragment: Node = crate::view::document().create_document_fragment().into();
                Switch::start(boundary, close, children, fragment, true, None)
            }
        })
    }
}

/// Switches a boundary between its fallback and its children as the pending count changes.
struct Switch {
    children: Mounted,
    /// Holds the children's nodes while they are not shown.
    fragment: Node,
    shown: bool,
    shown_once: bool,
    fallback: Option<(Mounted, Owner)>,
}

impl Switch {
    fn start(
        boundary: Boundary,
        close: CloseMarker,
        children: Mounted,
        fragment: Node,
        hydrated_children: bool,
        fallback: Option<(Mounted, Owner)>,
    ) -> (Rc<RefCell<Switch>>, RenderEffect<()>, Owner) {
        let switch = Rc::new(RefCell::new(Switch {
            children,
            fragment,
            shown: hydrated_children,
            shown_once: hydrated_children,
            fallback,
        }));
        let state = switch.clone();
        let Boundary {
            outer,
            owner,
            watched,
            fallback: fallback_view,
            set_pending,
            ..
        } = boundary;
        let transition = watched.keeps_shown_children();
        let effect = RenderEffect::new(move |previous: Option<()>| {
            let pending = watched.fallback_due();
            if let Some(set_pending) = set_pending {
                untrack(|| {
                    set_pending.try_maybe_update(|p| (std::mem::replace(p, pending) != pending, ()))
                });
            }
            // Hydrated children stay as the server sent them until something changes.
            if previous.is_none() && hydrated_children {
                return;
            }
            let close = close.borrow().clone();
            let Some(close) = close else { return };
            untrack(|| {
                state
                    .borrow_mut()
                    .apply(pending, transition, &close, &outer, &fallback_view)
            });
        });
        (switch, effect, owner)
    }

    fn apply(
        &mut self,
        pending: bool,
        transition: bool,
        close: &Node,
        outer: &Option<Owner>,
        fallback: &ViewFn,
    ) {
        let Some(parent) = close.parent_node() else {
            return;
        };
        let show_children = !pending || (transition && self.shown_once);
        if show_children && !self.shown {
            if let Some((mounted, owner)) = self.fallback.take() {
                mounted.unmount();
                owner.dispose();
            }
            self.children.range.move_before(&parent, Some(close));
            self.shown = true;
            self.shown_once = true;
        } else if !show_children {
            if self.shown {
                self.children.range.move_before(&self.fragment, None);
                self.shown = false;
            }
            if self.fallback.is_none() {
                let owner = match outer {
                    Some(outer) => outer.child(),
                    None => Owner::new_root(),
                };
                let mounted = owner.with(|| fallback.run().build(&parent, Some(close)));
                self.fallback = Some((mounted, owner));
            }
        }
    }
}

/// An async view: renders what its future resolves to.
///
/// `Suspend::new(fut)` polls `fut` once, right away, inside the running reactive computation:
/// in `{move || Suspend::new(async move { let data = resource.await; view! { ... } })}` the
/// closure subscribes to `resource` and re-runs when its value changes. If the future is not
/// ready, the nearest `<Suspense/>`/`<Transition/>` shows its fallback, and the view appears
/// when the future completes.
///
/// ```
/// use leptos::prelude::*;
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let html = leptos::ssr::render_to_string_async(|| {
///     let user = Resource::new(|| 7, |id| async move { format!("user {id}") });
///     let posts = Resource::new(|| 7, |id| async move { id * 3 });
///     view! {
///         <Suspense fallback=|| "Loading...">
///             {move || Suspend::new(async move {
///                 let (user, posts) = (user.await, posts.await);
///                 view! { <p>{user} " wrote " {posts} " posts"</p> }
///             })}
///         </Suspense>
///     }
/// })
/// .await;
/// assert!(html.contains("user 7"));
/// assert!(html.contains("21"));
/// # });
/// ```
pub struct Suspend<T> {
    state: SuspendState<T>,
    token: PendingToken,
}

enum SuspendState<T> {
    Ready(T),
    Pending(Pin<Box<dyn Future<Output = T>>>),
}

impl<T> std::fmt::Debug for Suspend<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = match self.state {
            SuspendState::Ready(_) => "ready",
            SuspendState::Pending(_) => "pending",
        };
        f.debug_struct("Suspend").field("state", &state).finish()
    }
}

impl<T: 'static> Suspend<T> {
    /// Polls `future` once now (tracking what it reads); keeps it to finish later if it is
    /// not ready.
    pub fn new(future: impl Future<Output = T> + 'static) -> Self {
        let mut future: Pin<Box<dyn Future<Output = T>>> = Box::pin(future);
        let mut cx = Context::from_waker(Waker::noop());
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(value) => Suspend {
                state: SuspendState::Ready(value),
                token: PendingToken(None),
            },
            Poll::Pending => Suspend {
                state: SuspendState::Pending(future),
                token: PendingToken::register(),
            },
        }
    }
}

impl<T: IntoView + 'static> IntoView for Suspend<T> {
    fn into_view(self) -> View {
        let Suspend { state, token } = self;
        let content = match state {
            SuspendState::Ready(value) => Content::Ready(value.into_view()),
            SuspendState::Pending(future) => {
                Content::Pending(Box::pin(async move { future.await.into_view() }))
            }
        };
        View::new(SuspendView { content, token })
    }
}

enum Content {
    Ready(View),
    Pending(Pin<Box<dyn Future<Output = View>>>),
}

/// The view of a [`Suspend`]: its content between `<!--[-->` and `<!--]-->`.
struct SuspendView {
    content: Content,
    token: PendingToken,
}

impl Render for SuspendView {
    #[cfg(render_html)]
    fn html_len(&self) -> usize {
        match &self.content {
            Content::Ready(view) => view.html_len() + 16,
            Content::Pending(_) => 16,
        }
    }

    #[cfg(render_html)]
    fn to_html(self: Box<Self>, out: &mut String) {
        out.push_str("<!--[-->");
        match self.content {
            Content::Ready(view) => view.write_html(out),
            Content::Pending(_) => render_scope::note_pending_suspend(),
        }
        out.push_str("<!--]-->");
    }

    fn build(self: Box<Self>, parent: &Node, before: Option<&Node>) -> Mounted {
        let SuspendView { content, token } = *self;
        build_bracketed(parent, before, move |close, _| match content {
            Content::Ready(view) => {
                let close = close.borrow().clone().expect("built after its markers");
                let parent = close.parent_node().expect("the markers are in a parent");
                drop(token);
                Box::new(untrack(|| view.build(&parent, Some(&close)))) as Box<dyn std::any::Any>
            }
            Content::Pending(future) => Box::new(Slot::start(future, close, token, Vec::new())),
        })
    }

    #[cfg(hydration)]
    fn hydrate(self: Box<Self>, cursor: &mut Cursor) -> Mounted {
        let SuspendView { content, token } = *self;
        hydrate_bracketed(cursor, "Suspend", move |close, cursor| {
            let cursor = cursor.expect("hydrating");
            match content {
                Content::Ready(view) => {
                    drop(token);
                    Box::new(untrack(|| view.hydrate(cursor))) as Box<dyn std::any::Any>
                }
                // Not ready in the browser yet: leave the server's content until it is.
                Content::Pending(future) => {
                    let stale = cursor.take_until_close();
                    Box::new(Slot::start(future, close, token, stale))
                }
            }
        })
    }
}

/// A pending [`Suspend`] in the page: its future runs as a task, which builds the content
/// when it completes, unless the view was dropped first.
struct Slot {
    content: RefCell<Option<Mounted>>,
    /// Nodes the server rendered here, removed when the content is built.
    stale: RefCell<Vec<Node>>,
    token: RefCell<Option<PendingToken>>,
}

impl Slot {
    fn start(
        future: Pin<Box<dyn Future<Output = View>>>,
        close: CloseMarker,
        token: PendingToken,
        stale: Vec<Node>,
    ) -> Rc<Slot> {
        let slot = Rc::new(Slot {
            content: RefCell::new(None),
            stale: RefCell::new(stale),
            token: RefCell::new(Some(token)),
        });
        let weak = Rc::downgrade(&slot);
        let task = WhileAlive {
            alive: weak.clone(),
            future: Box::pin(async move {
                let view = future.await;
                if let Some(slot) = weak.upgrade() {
                    slot.finish(view, &close);
                }
            }),
        };
        reactive_graph::spawn_local(task);
        slot
    }

    fn finish(&self, view: View, close: &CloseMarker) {
        let Some(close) = close.borrow().clone() else {
            return;
        };
        let Some(parent) = close.parent_node() else {
            return;
        };
        for node in self.stale.take() {
            let _ = parent.remove_child(&node);
        }
        let mounted = untrack(|| view.build(&parent, Some(&close)));
        *self.content.borrow_mut() = Some(mounted);
        // Unregister only now that the content is in place.
        drop(self.token.take());
    }
}

/// Runs `future` while `alive` can be upgraded; completes early once it cannot.
struct WhileAlive<S> {
    alive: Weak<S>,
    future: Pin<Box<dyn Future<Output = ()>>>,
}

impl<S> Future for WhileAlive<S> {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.alive.strong_count() == 0 {
            return Poll::Ready(());
        }
        self.future.as_mut().poll(cx)
    }
}
