//! Components that set the document's `<head>` from anywhere in the page: the title
//! ([`Title`]), `<meta>` tags ([`Meta`]), stylesheets ([`Stylesheet`], [`Style`]), links
//! ([`Link`]) and scripts ([`Script`]); and the attributes of `<html>` and `<body>`
//! ([`Html`], [`Body`]).
//!
//! The server writes them into the page's `<head>` where the shell has [`<MetaTags/>`]
//! (or, without it, just before `</head>`), so a page's title and description are in the
//! HTML that search engines and link previews read. In the browser they are added to
//! `document.head` while the component that renders them is mounted, and removed when it
//! goes away (the title follows the [`Title`]s mounted). Hydration takes over what the server
//! wrote instead of adding it again.
//!
//! ```
//! use leptos::prelude::*;
//! use leptos_meta::*;
//!
//! #[component]
//! fn App() -> impl IntoView {
//!     provide_meta_context();
//!     let (count, set_count) = signal(0);
//!     view! {
//!         <Title text=move || format!("{} clicks", count.get())/>
//!         <Meta name="description" content="A counter"/>
//!         <Stylesheet id="main" href="/pkg/app.css"/>
//!         <button on:click=move |_| set_count.update(|n| *n += 1)>"+1"</button>
//!     }
//! }
//!
//! fn shell() -> impl IntoView {
//!     view! {
//!         <!DOCTYPE html>
//!         <html>
//!             <head><MetaTags/></head>
//!             <body><App/></body>
//!         </html>
//!     }
//! }
//!
//! let page = leptos::ssr::render_to_string(shell);
//! assert!(page.contains(
//!     "<head><!--leptos-head--><title>0 clicks</title>\
//!      <meta name=\"description\" content=\"A counter\">\
//!      <link rel=\"stylesheet\" id=\"main\" href=\"/pkg/app.css\"><!--/leptos-head--></head>"
//! ), "{page}");
//! ```
//!
//! The components are made of the views in [`leptos::head`].
//!
//! Two items are here for code written for Leptos: [`ServerMetaContext`], with which a
//! server gets the head content of a render (here the render pass writes it itself, so its
//! output passes the HTML through), and [`HashedStylesheet`], the link to the site's own
//! stylesheet (never hashed here: our build tool does not hash file names).
//!
//! [`<MetaTags/>`]: MetaTags

use leptos::head::{document_attributes, head_marker, in_head, text_content, DocumentElement};
use leptos::oco::Oco;
use leptos::prelude::*;
use server_meta_context::note_head_component;

mod hashed_stylesheet;
mod server_meta_context;

pub use hashed_stylesheet::{HashedStylesheet, HashedStylesheetProps};
pub use leptos::head::Formatter;
pub use server_meta_context::{ServerMetaContext, ServerMetaContextOutput};

/// What [`provide_meta_context`] provides. Nothing in this crate needs it (the server keeps
/// what the page sets in its render pass, the browser in the document): it is here so that
/// code written for Leptos, which must provide it, compiles as written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MetaContext;

/// Provides a [`MetaContext`] if there is none yet. Kept for code written for Leptos: the
/// components here work without it.
pub fn provide_meta_context() {
    if use_context::<MetaContext>().is_none() {
        provide_context(MetaContext);
    }
}

/// The [`MetaContext`] (provided here if there is none).
pub fn use_head() -> MetaContext {
    provide_meta_context();
    MetaContext
}

/// Marks where, in the shell's `<head>`, the server writes what the page's components set:
/// the [`Title`], then the other elements in the order they rendered. Without it they are
/// written just before `</head>`.
///
/// ```
/// use leptos::prelude::*;
/// use leptos_meta::*;
///
/// let page = leptos::ssr::render_to_string(|| view! {
///     <html>
///         <head><meta charset="utf-8"/><MetaTags/><script src="/late.js"></script></head>
///         <body><Title text="Home"/></body>
///     </html>
/// });
/// let at = |html: &str| page.find(html).unwrap();
/// assert!(page.contains("<!--leptos-head--><title>Home</title><!--/leptos-head-->"), "{page}");
/// assert!(at(r#"<meta charset="utf-8">"#) < at("<title>") && at("<title>") < at("<script"));
/// ```
#[component]
pub fn MetaTags() -> impl IntoView {
    head_marker()
}

/// Sets the document's title: the `text` of the last `Title` rendered that has one, through
/// the `formatter` of the last one that has one. So an app can set its formatter once, at
/// its root, and each page its text. A reactive `text` keeps the title up to date.
///
/// ```
/// use leptos::prelude::*;
/// use leptos_meta::*;
///
/// #[component]
/// fn App() -> impl IntoView {
///     view! {
///         <Title formatter=|text| format!("{text} | Shop")/>
///         <Cart/>
///     }
/// }
///
/// #[component]
/// fn Cart() -> impl IntoView {
///     view! { <Title text="Cart"/> <h1>"Cart"</h1> }
/// }
///
/// let page = leptos::ssr::render_to_string(|| view! {
///     <html><head><MetaTags/></head><body><App/></body></html>
/// });
/// assert!(page.contains("<title>Cart | Shop</title>"), "{page}");
/// ```
#[component]
pub fn Title(
    /// The title's text (fixed, a signal or a closure).
    #[prop(optional, into)]
    text: Option<TextProp>,
    /// A function applied to the text before it is shown (`|text| format!("{text} | Site")`).
    #[prop(optional, into)]
    formatter: Option<Formatter>,
) -> impl IntoView {
    note_head_component();
    leptos::head::title(text, formatter)
}

/// A `<meta>` tag in the document's head: `charset`, or `name` (or `property`,
/// `http_equiv`, `itemprop`) with its `content`. Each value may be reactive.
///
/// ```
/// use leptos::prelude::*;
/// use leptos_meta::*;
///
/// let page = leptos::ssr::render_to_string(|| view! {
///     <html><head></head><body>
///         <Meta name="description" content="Fresh <bread>"/>
///         <Meta property="og:title" content="Bakery"/>
///         <Meta http_equiv="refresh" content="30"/>
///     </body></html>
/// });
/// assert!(page.contains(
///     r#"<meta name="description" content="Fresh &lt;bread&gt;"><meta property="og:title" content="Bakery"><meta http-equiv="refresh" content="30">"#
/// ), "{page}");
/// ```
#[component]
pub fn Meta(
    /// The `charset` attribute.
    #[prop(optional, into)]
    charset: Option<TextProp>,
    /// The `name` attribute.
    #[prop(optional, into)]
    name: Option<TextProp>,
    /// The `property` attribute (Open Graph's `og:` tags).
    #[prop(optional, into)]
    property: Option<TextProp>,
    /// The `http-equiv` attribute.
    #[prop(optional, into)]
    http_equiv: Option<TextProp>,
    /// The `itemprop` attribute.
    #[prop(optional, into)]
    itemprop: Option<TextProp>,
    /// The `content` attribute.
    #[prop(optional, into)]
    content: Option<TextProp>,
) -> impl IntoView {
    note_head_component();
    in_head(view! {
        <meta
            charset=charset
            name=name
            property=property
            http-equiv=http_equiv
            itemprop=itemprop
            content=content
        />
    })
}

/// A stylesheet loaded from `href`, as a `<link rel="stylesheet">` in the document's head.
///
/// ```
/// use leptos::prelude::*;
/// use leptos_meta::*;
///
/// let page = leptos::ssr::render_to_string(|| view! {
///     <html><head><MetaTags/></head><body><Stylesheet id="leptos" href="/pkg/app.css"/></body></html>
/// });
/// assert!(page.contains(r#"<link rel="stylesheet" id="leptos" href="/pkg/app.css">"#), "{page}");
/// ```
#[component]
pub fn Stylesheet(
    /// Where the stylesheet is.
    #[prop(into)]
    href: String,
    /// The link's `id`.
    #[prop(optional, into)]
    id: Option<String>,
) -> impl IntoView {
    note_head_component();
    in_head(view! { <link id=id rel="stylesheet" href=href/> })
}

/// A `<link>` in the document's head, with any of that element's attributes (`as_` and
/// `type_` for `as` and `type`).
///
/// ```
/// use leptos::prelude::*;
/// use leptos_meta::*;
///
/// let page = leptos::ssr::render_to_string(|| view! {
///     <html><head></head><body>
///         <Link rel="preload" href="/font.woff2" as_="font" type_="font/woff2" crossorigin="anonymous"/>
///     </body></html>
/// });
/// assert!(page.contains(
///     r#"<link as="font" crossorigin="anonymous" href="/font.woff2" rel="preload" type="font/woff2">"#
/// ), "{page}");
/// ```
#[component]
pub fn Link(
    /// The `id` attribute.
    #[prop(optional, into)]
    id: Option<Oco<'static, str>>,
    /// The `as` attribute.
    #[prop(optional, into)]
    as_: Option<Oco<'static, str>>,
    /// The `crossorigin` attribute.
    #[prop(optional, into)]
    crossorigin: Option<Oco<'static, str>>,
    /// The `fetchpriority` attribute.
    #[prop(optional, into)]
    fetchpriority: Option<Oco<'static, str>>,
    /// The `href` attribute.
    #[prop(optional, into)]
    href: Option<Oco<'static, str>>,
    /// The `hreflang` attribute.
    #[prop(optional, into)]
    hreflang: Option<Oco<'static, str>>,
    /// The `imagesizes` attribute.
    #[prop(optional, into)]
    imagesizes: Option<Oco<'static, str>>,
    /// The `imagesrcset` attribute.
    #[prop(optional, into)]
    imagesrcset: Option<Oco<'static, str>>,
    /// The `integrity` attribute.
    #[prop(optional, into)]
    integrity: Option<Oco<'static, str>>,
    /// The `media` attribute.
    #[prop(optional, into)]
    media: Option<Oco<'static, str>>,
    /// The `referrerpolicy` attribute.
    #[prop(optional, into)]
    referrerpolicy: Option<Oco<'static, str>>,
    /// The `rel` attribute.
    #[prop(optional, into)]
    rel: Option<Oco<'static, str>>,
    /// The `sizes` attribute.
    #[prop(optional, into)]
    sizes: Option<Oco<'static, str>>,
    /// The `title` attribute.
    #[prop(optional, into)]
    title: Option<Oco<'static, str>>,
    /// The `type` attribute.
    #[prop(optional, into)]
    type_: Option<Oco<'static, str>>,
    /// The `blocking` attribute.
    #[prop(optional, into)]
    blocking: Option<Oco<'static, str>>,
) -> impl IntoView {
    note_head_component();
    in_head(view! {
        <link
            id=id
            attr:as=as_
            crossorigin=crossorigin
            fetchpriority=fetchpriority
            href=href
            hreflang=hreflang
            imagesizes=imagesizes
            imagesrcset=imagesrcset
            integrity=integrity
            media=media
            referrerpolicy=referrerpolicy
            rel=rel
            sizes=sizes
            title=title
            type=type_
            blocking=blocking
        />
    })
}

/// A `<style>` in the document's head. Its text children are written as they are (CSS's
/// `>` stays `>`); they must be the app's own CSS.
///
/// ```
/// use leptos::prelude::*;
/// use leptos_meta::*;
///
/// let page = leptos::ssr::render_to_string(|| view! {
///     <html><head></head><body><Style id="theme">"main > p { color: teal }"</Style></body></html>
/// });
/// assert!(page.contains(r#"<style id="theme">main > p { color: teal }</style>"#), "{page}");
/// ```
#[component]
pub fn Style(
    /// The `id` attribute.
    #[prop(optional, into)]
    id: Option<Oco<'static, str>>,
    /// The `media` attribute.
    #[prop(optional, into)]
    media: Option<Oco<'static, str>>,
    /// The `nonce` attribute.
    #[prop(optional, into)]
    nonce: Option<Oco<'static, str>>,
    /// The `title` attribute.
    #[prop(optional, into)]
    title: Option<Oco<'static, str>>,
    /// The `blocking` attribute.
    #[prop(optional, into)]
    blocking: Option<Oco<'static, str>>,
    /// The CSS.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    note_head_component();
    let content = children.map(|children| content_of("<Style>", children));
    in_head(view! {
        <style id=id media=media nonce=nonce title=title blocking=blocking inner_html=content/>
    })
}

/// A `<script>` in the document's head, loaded from `src` or with its text children as its
/// code (written as they are; they must be the app's own). When the page is hydrated, the
/// script the server wrote is taken over and does not run again.
///
/// ```
/// use leptos::prelude::*;
/// use leptos_meta::*;
///
/// let page = leptos::ssr::render_to_string(|| view! {
///     <html><head></head><body>
///         <Script src="/analytics.js" defer="true"/>
///         <Script>"if (1 < 2) { window.ready = true; }"</Script>
///     </body></html>
/// });
/// assert!(page.contains(
///     r#"<script defer="true" src="/analytics.js"></script><script>if (1 < 2) { window.ready = true; }</script>"#
/// ), "{page}");
/// ```
#[component]
pub fn Script(
    /// The `id` attribute.
    #[prop(optional, into)]
    id: Option<Oco<'static, str>>,
    /// The `async` attribute.
    #[prop(optional, into)]
    async_: Option<Oco<'static, str>>,
    /// The `crossorigin` attribute.
    #[prop(optional, into)]
    crossorigin: Option<Oco<'static, str>>,
    /// The `defer` attribute.
    #[prop(optional, into)]
    defer: Option<Oco<'static, str>>,
    /// The `fetchpriority` attribute.
    #[prop(optional, into)]
    fetchpriority: Option<Oco<'static, str>>,
    /// The `integrity` attribute.
    #[prop(optional, into)]
    integrity: Option<Oco<'static, str>>,
    /// The `nomodule` attribute.
    #[prop(optional, into)]
    nomodule: Option<Oco<'static, str>>,
    /// The `nonce` attribute.
    #[prop(optional, into)]
    nonce: Option<Oco<'static, str>>,
    /// The `referrerpolicy` attribute.
    #[prop(optional, into)]
    referrerpolicy: Option<Oco<'static, str>>,
    /// The `src` attribute.
    #[prop(optional, into)]
    src: Option<Oco<'static, str>>,
    /// The `type` attribute.
    #[prop(optional, into)]
    type_: Option<Oco<'static, str>>,
    /// The `blocking` attribute.
    #[prop(optional, into)]
    blocking: Option<Oco<'static, str>>,
    /// The code.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    note_head_component();
    let content = children.map(|children| content_of("<Script>", children));
    in_head(view! {
        <script
            id=id
            attr:async=async_
            crossorigin=crossorigin
            defer=defer
            fetchpriority=fetchpriority
            integrity=integrity
            nomodule=nomodule
            nonce=nonce
            referrerpolicy=referrerpolicy
            src=src
            type=type_
            blocking=blocking
            inner_html=content
        />
    })
}

/// The text of a `<Style>`'s or `<Script>`'s children, written unescaped as the element's
/// content; a warning, and no content, if they are not text.
fn content_of(component: &str, children: Children) -> String {
    text_content(children().into_view()).unwrap_or_else(|| {
        leptos::logging::warn!(
            "{component}'s children must be text (its CSS or code); they were left out"
        );
        String::new()
    })
}

/// Sets attributes of the document's `<html>`: write them on its tag with `attr:` (or after
/// `{..}`). They may be reactive, and are removed when the component goes away.
///
/// ```
/// use leptos::prelude::*;
/// use leptos_meta::*;
///
/// let page = leptos::ssr::render_to_string(|| view! {
///     <!DOCTYPE html>
///     <html><head></head><body><Html attr:lang="he" attr:dir="rtl"/></body></html>
/// });
/// assert!(page.starts_with(r#"<!DOCTYPE html><html lang="he" dir="rtl"><head>"#), "{page}");
/// ```
#[component]
pub fn Html() -> impl IntoView {
    note_head_component();
    document_attributes(DocumentElement::Html)
}

/// Sets attributes of the document's `<body>`: write them on its tag with `attr:` or
/// `class:` (or after `{..}`). They may be reactive, and are removed when the component goes
/// away.
///
/// ```
/// use leptos::prelude::*;
/// use leptos_meta::*;
///
/// let (dark, _) = signal(true);
/// let page = leptos::ssr::render_to_string(move || view! {
///     <html><head></head><body><Body {..} class:dark=dark id="top"/></body></html>
/// });
/// assert!(page.contains(r#"<body class="dark" id="top">"#), "{page}");
/// ```
#[component]
pub fn Body() -> impl IntoView {
    note_head_component();
    document_attributes(DocumentElement::Body)
}
