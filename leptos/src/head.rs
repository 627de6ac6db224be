//! The document's `<head>` and the attributes of `<html>` and `<body>`, set by components
//! anywhere in the page. The `leptos_meta` crate's components (`<Title/>`, `<Meta/>`,
//! `<Stylesheet/>`, `<Html/>`...) are made of the views here.
//!
//! - **On the server**, a render pass collects what its views put in the head: elements
//!   ([`in_head`]), the title ([`title`]) and attributes ([`document_attributes`]). When the
//!   pass is done they are written into the document: at the [`head_marker`] (what
//!   `<MetaTags/>` renders) if the shell has one, else just before `</head>`.
//! - **In the browser**, the elements are built into `document.head` and removed when their
//!   view goes away, and `document.title` follows the title views that are mounted.
//! - **Hydration** takes over the elements the server wrote, in order, instead of making
//!   them again (a `<script>` is not run twice, a stylesheet is not loaded twice).
//!
//! Where a head view stands in the page it leaves an empty placeholder (`<!---->`).
//!
//! ```
//! use leptos::head::{head_marker, in_head, title};
//! use leptos::prelude::*;
//!
//! let page = leptos::ssr::render_to_string(|| {
//!     view! {
//!         <html>
//!             <head>{head_marker()}</head>
//!             <body>
//!                 {title(Some("Hello <3".into()), None)}
//!                 {in_head(view! { <meta name="description" content="A greeting"/> })}
//!                 <p>"Hello"</p>
//!             </body>
//!         </html>
//!     }
//! });
//! assert!(page.contains(
//!     r#"<head><!--leptos-head--><title>Hello &lt;3</title><meta name="description" content="A greeting"><!--/leptos-head--></head>"#
//! ), "{page}");
//! ```

use crate::text_prop::TextProp;
#[cfg(hydration)]
use crate::view::Cursor;
use crate::view::{Attribute, Elsewhere, ElsewhereView, IntoView, Mounted, View};
use reactive_graph::untrack;
use std::any::Any;
use std::sync::Arc;

/// Where the server writes what the page's views put in the head; what `<MetaTags/>` renders.
pub const HEAD_MARKER: &str = "<!--leptos-head-->";

/// Where the server's head content ends: after a render pass has written the head, the
/// page holds this comment.
pub const HEAD_END: &str = "<!--/leptos-head-->";

/// The view that marks where, in the shell's `<head>`, the server writes the elements, the
/// title and the attributes that the page's views set ([`HEAD_MARKER`]). Without it they go
/// just before `</head>`.
pub fn head_marker() -> View {
    View::raw_html(HEAD_MARKER)
}

/// A view shown in the document's `<head>` instead of where it stands (a `<meta>`, a
/// `<link>`, a `<style>` or a `<script>`), for as long as it is mounted.
///
/// ```
/// use leptos::head::in_head;
/// use leptos::prelude::*;
///
/// #[component]
/// fn Article() -> impl IntoView {
///     view! {
///         {in_head(view! { <link rel="canonical" href="https://example.com/article"/> })}
///         <article>"..."</article>
///     }
/// }
/// ```
pub fn in_head(view: impl IntoView) -> View {
    View::new(ElsewhereView(HeadElement {
        view: view.into_view(),
    }))
}

/// Text applied to the page's title text before it is shown: `"{text} — My site"`. The
/// innermost formatter mounted applies to the innermost text (see [`title`]).
#[derive(Clone)]
pub struct Formatter(Arc<dyn Fn(String) -> String + Send + Sync>);

impl Formatter {
    /// Applies the formatter to `text`.
    pub fn format(&self, text: String) -> String {
        (self.0)(text)
    }
}

impl<F> From<F> for Formatter
where
    F: Fn(String) -> String + Send + Sync + 'static,
{
    fn from(format: F) -> Self {
        Formatter(Arc::new(format))
    }
}

impl std::fmt::Debug for Formatter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Formatter").finish_non_exhaustive()
    }
}

/// A view that sets the document's title while it is mounted: the text of the last title
/// view rendered that has one, passed through the formatter of the last one that has one. An
/// app can set the formatter once (`title(None, Some(...))` at its root) and each page its
/// text. A reactive text keeps the title up to date.
///
/// When a title view goes away, the title follows the ones still mounted; when none with a
/// text is left, the title stays as it was.
///
/// ```
/// use leptos::head::{head_marker, title};
/// use leptos::prelude::*;
///
/// let page = leptos::ssr::render_to_string(|| {
///     view! {
///         <html><head>{head_marker()}</head><body>
///             {title(None, Some((|text: String| format!("{text} | Shop")).into()))}
///             {title(Some("Cart".into()), None)}
///         </body></html>
///     }
/// });
/// assert!(page.contains("<title>Cart | Shop</title>"), "{page}");
/// ```
pub fn title(text: Option<TextProp>, formatter: Option<Formatter>) -> View {
    View::new(ElsewhereView(TitleView { text, formatter }))
}

/// The text of a view made of text (literals, numbers, fragments of them): what a
/// `<style>` or `<script>` component takes as its children, to set as the element's content
/// unescaped (`inner_html=`), as the browser reads text there. `None` for a view with
/// anything else in it (an element, a reactive closure), which such content cannot hold.
///
/// ```
/// use leptos::head::text_content;
/// use leptos::prelude::*;
///
/// let css = text_content(view! { "p > a {" "color: red" "}" }.into_view());
/// assert_eq!(css.as_deref(), Some("p > a {color: red}"));
/// assert_eq!(text_content(view! { <b>"bold"</b> }.into_view()), None);
/// ```
pub fn text_content(view: View) -> Option<String> {
    fn collect(view: View, out: &mut String) -> bool {
        use crate::view::ViewInner;
        match view.inner {
            ViewInner::Empty => true,
            ViewInner::Text(text) => {
                out.push_str(&text);
                true
            }
            ViewInner::Integer(n) => {
                n.with_digits(|digits| out.push_str(digits));
                true
            }
            ViewInner::Fragment(views) => views.into_iter().all(|view| collect(view, out)),
            ViewInner::Template(_) | ViewInner::Boxed(_) => false,
        }
    }
    let mut text = String::new();
    collect(view, &mut text).then_some(text)
}

/// The element whose attributes a [`document_attributes`] view sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentElement {
    /// `<html>`.
    Html,
    /// `<body>`.
    Body,
}

impl DocumentElement {
    fn tag(self) -> &'static str {
        match self {
            DocumentElement::Html => "html",
            DocumentElement::Body => "body",
        }
    }
}

/// A view that gives the attributes written on its component's tag (`attr:lang="en"`,
/// `class:dark=...`, `on:keydown=...`, or after `{..}`) to the document's `<html>` or
/// `<body>` instead of to an element of its own. Reactive values stay bound while the view is
/// mounted; when it goes away, the attributes and classes it set are removed.
///
/// On the server the attributes are written into the shell's `<html>` or `<body>` start
/// tag, so the app must render its own shell.
///
/// ```
/// use leptos::head::{document_attributes, DocumentElement};
/// use leptos::prelude::*;
///
/// #[component]
/// fn Html() -> impl IntoView {
///     document_attributes(DocumentElement::Html)
/// }
///
/// let page = leptos::ssr::render_to_string(|| {
///     view! {
///         <html><head></head><body><Html attr:lang="he" attr:dir="rtl"/></body></html>
///     }
/// });
/// assert!(page.starts_with(r#"<html lang="he" dir="rtl"><head>"#), "{page}");
/// ```
pub fn document_attributes(element: DocumentElement) -> View {
    View::new(ElsewhereView(DocumentAttributes {
        element,
        attributes: Vec::new(),
    }))
}

/// What the server writes into one page's document: collected while a pass renders, written
/// when it is done.
#[cfg(render_html)]
#[derive(Default)]
pub(crate) struct HeadOutput {
    /// Each title view's text and formatter, in the order they rendered.
    titles: Vec<(Option<String>, Option<Formatter>)>,
    /// The head elements' HTML, in the order they rendered.
    elements: String,
    /// The attributes for `<html>` (leading spaces included).
    html_attributes: String,
    /// The attributes for `<body>`.
    body_attributes: String,
}

#[cfg(render_html)]
impl HeadOutput {
    fn is_empty(&self) -> bool {
        self.titles.is_empty()
            && self.elements.is_empty()
            && self.html_attributes.is_empty()
            && self.body_attributes.is_empty()
    }

    /// The head's content, between the head markers: the title, then the elements.
    fn head_html(&self) -> String {
        let mut head = String::from(HEAD_MARKER);
        let titles = self.titles.iter().map(|(t, f)| (t.as_deref(), f.as_ref()));
        if let Some(title) = resolve_title(titles) {
            head.push_str("<title>");
            crate::view::escape_text(&title, &mut head);
            head.push_str("</title>");
        }
        head.push_str(&self.elements);
        head.push_str(HEAD_END);
        head
    }

    /// Writes what the pass collected into its HTML, `html`:
    /// - in a document: the head content at the [`HEAD_MARKER`] or before `</head>`, and the
    ///   attributes into the `<html>` and `<body>` start tags;
    /// - in a view that is not a document: the head content at its start, where
    ///   [`ssr::page`](crate::ssr::page) finds it when it writes the document around it.
    pub(crate) fn write_into(self, html: &mut String) {
        if self.is_empty() {
            // `<MetaTags/>` in a page that set nothing: leave no trace.
            if let Some(at) = html.find(HEAD_MARKER) {
                html.replace_range(at..at + HEAD_MARKER.len(), "");
            }
            return;
        }
        let head = self.head_html();
        if let Some(at) = html.find(HEAD_MARKER) {
            html.replace_range(at..at + HEAD_MARKER.len(), &head);
        } else if let Some(at) = find_tag(html, "</head") {
            html.insert_str(at, &head);
        } else if !crate::ssr::is_document(html) {
            html.insert_str(0, &head);
        } else {
            crate::render_scope::warn(
                "the page's <head> elements and title were left out: the shell has no <head> \
                 (add `<head><MetaTags/></head>` to it)",
            );
        }
        for (element, attributes) in [
            (DocumentElement::Html, &self.html_attributes),
            (DocumentElement::Body, &self.body_attributes),
        ] {
            if attributes.is_empty() {
                continue;
            }
            match find_tag(html, &format!("<{}", element.tag())) {
                Some(at) => html.insert_str(at + 1 + element.tag().len(), attributes),
                None => crate::render_scope::warn(&format!(
                    "the attributes for <{0}> were left out: the page has no <{0}> tag to put \
                     them on (render the document's shell in the app)",
                    element.tag()
                )),
            }
        }
    }
}

/// Where, in `html`, a tag starts: `name` (`<body`, `</head`), case-insensitive, followed by
/// whitespace, `/` or `>`.
#[cfg(render_html)]
fn find_tag(html: &str, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut from = 0;
    while let Some(offset) = html[from..].find('<') {
        let at = from + offset;
        let end = at + name.len();
        if bytes.len() > end
            && bytes[at..end].eq_ignore_ascii_case(name.as_bytes())
            && matches!(bytes[end], b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'>')
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Moves the head content that a render of a view which is not a document starts with (see
/// [`HeadOutput::write_into`]) out of it: `(head content, the rest)`.
#[cfg(render_html)]
pub(crate) fn split_head(rendered: &str) -> (&str, &str) {
    if !rendered.starts_with(HEAD_MARKER) {
        return ("", rendered);
    }
    match rendered.find(HEAD_END) {
        Some(end) => rendered.split_at(end + HEAD_END.len()),
        None => ("", rendered),
    }
}

/// The title that `titles` (text and formatter of each title view, in render order) give:
/// the last text, through the last formatter. `None` if no view has a text.
fn resolve_title<'a>(
    titles: impl DoubleEndedIterator<Item = (Option<&'a str>, Option<&'a Formatter>)> + Clone,
) -> Option<String> {
    let text = titles.clone().rev().find_map(|(text, _)| text)?.to_owned();
    Some(match titles.rev().find_map(|(_, formatter)| formatter) {
        Some(formatter) => formatter.format(text),
        None => text,
    })
}

/// Runs `f` on the current server pass's head output, if a server pass is rendering.
#[cfg(render_html)]
fn with_output(f: impl FnOnce(&mut HeadOutput)) {
    if let Some(scope) = crate::render_scope::current_scope() {
        if let Some(pass) = scope.server_pass() {
            f(&mut pass.head.borrow_mut());
        }
    }
}

/// See [`in_head`].
struct HeadElement {
    view: View,
}

/// A head element while it is mounted: dropping it removes it from the head.
struct MountedInHead(Option<Mounted>);

impl Drop for MountedInHead {
    fn drop(&mut self) {
        if let Some(mounted) = self.0.take() {
            mounted.unmount();
        }
    }
}

fn document_head() -> web_sys::Node {
    crate::view::document()
        .head()
        .expect("the document has a <head> for <head> elements to go in")
        .into()
}

impl Elsewhere for HeadElement {
    const PLACEHOLDER_OF: &'static str = "the placeholder of a <head> element";

    #[cfg(render_html)]
    fn write_elsewhere(self) {
        with_output(|head| self.view.write_html(&mut head.elements));
    }

    /// Builds the element into the head; when hydrating, takes over the element the server
    /// wrote for this view instead (the next one after those earlier views took), or builds
    /// it if the server wrote none.
    fn mount(self, hydrating: bool) -> impl Any {
        #[cfg(hydration)]
        if hydrating {
            if let Some(mut head) = take_head_cursor() {
                let mounted = untrack(|| self.view.hydrate(&mut head));
                put_back_head_cursor(head);
                return MountedInHead(Some(mounted));
            }
        }
        #[cfg(not(hydration))]
        let _ = hydrating;
        MountedInHead(Some(untrack(|| self.view.build(&document_head(), None))))
    }
}

/// The position in `<head>` of the next element the server wrote for a head view, for the
/// hydration running now: the one the last head view put back, or, at the first, the node
/// after the [`HEAD_MARKER`] and the title. `None` when the server wrote no head content
/// (the head is searched again at each head view then: it is short).
#[cfg(hydration)]
fn take_head_cursor() -> Option<Cursor> {
    let scope = crate::render_scope::current_scope()?;
    if let Some(cursor) = scope.head_cursor.borrow_mut().take() {
        return Some(cursor);
    }
    let head = crate::view::document().head()?;
    let mut cursor = Cursor::new(&head);
    loop {
        let node = cursor.take()?;
        if crate::view::dom::is_comment(&node, "leptos-head") {
            break;
        }
    }
    let title_next = cursor
        .next_node()
        .is_some_and(|node| node.node_name().eq_ignore_ascii_case("title"));
    if title_next {
        cursor.take();
    }
    Some(cursor)
}

/// Keeps `cursor` for the next head view of the hydration running now.
#[cfg(hydration)]
fn put_back_head_cursor(cursor: Cursor) {
    if let Some(scope) = crate::render_scope::current_scope() {
        *scope.head_cursor.borrow_mut() = Some(cursor);
    }
}

/// See [`title`].
struct TitleView {
    text: Option<TextProp>,
    formatter: Option<Formatter>,
}

impl Elsewhere for TitleView {
    const PLACEHOLDER_OF: &'static str = "the placeholder of a <Title/>";

    #[cfg(render_html)]
    fn write_elsewhere(self) {
        let text = self.text.map(|text| text.get().to_string());
        let formatter = self.formatter;
        with_output(|head| head.titles.push((text, formatter)));
    }

    fn mount(self, hydrating: bool) -> impl Any {
        client::mount_title(self.text, self.formatter, hydrating)
    }
}

/// The browser's side of titles: the title views mounted, in the order they were mounted.
mod client {
    use super::{resolve_title, Formatter};
    use crate::text_prop::TextProp;
    use reactive_graph::RenderEffect;
    use std::cell::{Cell, RefCell};

    struct Entry {
        id: u64,
        text: Option<String>,
        formatter: Option<Formatter>,
    }

    thread_local! {
        static TITLES: RefCell<Vec<Entry>> = const { RefCell::new(Vec::new()) };
        static NEXT_ID: Cell<u64> = const { Cell::new(0) };
    }

    /// A title view while it is mounted: dropping it takes its entry out.
    pub(super) struct MountedTitle {
        id: u64,
        _effect: Option<RenderEffect<()>>,
    }

    impl Drop for MountedTitle {
        fn drop(&mut self) {
            let id = self.id;
            TITLES.with(|titles| titles.borrow_mut().retain(|entry| entry.id != id));
            show();
        }
    }

    /// Adds a title view's entry, kept up to date with its text while it is mounted. When
    /// `hydrating`, the title the server wrote is left alone until hydration is over (the
    /// titles mounted before the innermost one would otherwise show for a moment).
    pub(super) fn mount_title(
        text: Option<TextProp>,
        formatter: Option<Formatter>,
        hydrating: bool,
    ) -> MountedTitle {
        let id = NEXT_ID.with(|next| next.replace(next.get() + 1));
        TITLES.with(|titles| {
            titles.borrow_mut().push(Entry {
                id,
                text: None,
                formatter,
            })
        });
        let effect = text.map(|text| {
            RenderEffect::new(move |previous: Option<()>| {
                let text = text.get().to_string();
                TITLES.with(|titles| {
                    if let Some(entry) = titles.borrow_mut().iter_mut().find(|e| e.id == id) {
                        entry.text = Some(text);
                    }
                });
                if previous.is_some() || !hydrating {
                    show();
                }
            })
        });
        if hydrating {
            reactive_graph::spawn_local(async { show() });
        } else {
            show();
        }
        MountedTitle {
            id,
            _effect: effect,
        }
    }

    /// Sets `document.title` from the entries (if it changes).
    fn show() {
        let title = TITLES.with(|titles| {
            let titles = titles.borrow();
            resolve_title(
                titles
                    .iter()
                    .map(|e| (e.text.as_deref(), e.formatter.as_ref())),
            )
        });
        if let Some(title) = title {
            let document = crate::view::document();
            if document.title() != title {
                document.set_title(&title);
            }
        }
    }
}

/// See [`document_attributes`].
struct DocumentAttributes {
    element: DocumentElement,
    attributes: Vec<Attribute>,
}

/// Attributes set on `<html>` or `<body>` while their view is mounted: dropping it stops
/// their bindings and removes what they set.
struct MountedAttributes {
    element: web_sys::Element,
    names: Vec<&'static str>,
    classes: Vec<&'static str>,
    _bindings: Vec<Box<dyn Any>>,
}

impl Drop for MountedAttributes {
    fn drop(&mut self) {
        for name in &self.names {
            let _ = self.element.remove_attribute(name);
        }
        for class in &self.classes {
            let _ = self.element.class_list().remove_1(class);
        }
    }
}

impl DocumentAttributes {
    fn set_attributes(self, hydrating: bool) -> MountedAttributes {
        let document = crate::view::document();
        let element = match self.element {
            DocumentElement::Html => document.document_element(),
            DocumentElement::Body => document.body().map(Into::into),
        }
        .unwrap_or_else(|| panic!("the document has no <{}>", self.element.tag()));
        let mut names = Vec::new();
        let mut classes = Vec::new();
        for attribute in &self.attributes {
            match attribute {
                Attribute::Value { name, .. } => names.push(*name),
                Attribute::Classes { toggles, .. } => {
                    classes.extend(toggles.iter().map(|(name, _)| *name))
                }
                Attribute::Styles { .. } => names.push("style"),
                _ => {}
            }
        }
        let bindings = untrack(|| {
            self.attributes
                .into_iter()
                .filter_map(|attribute| attribute.apply(&element, hydrating))
                .collect()
        });
        MountedAttributes {
            element,
            names,
            classes,
            _bindings: bindings,
        }
    }
}

impl Elsewhere for DocumentAttributes {
    const PLACEHOLDER_OF: &'static str = "the placeholder of <Html/> or <Body/>";

    #[cfg(render_html)]
    fn write_elsewhere(self) {
        let DocumentAttributes {
            element,
            attributes,
        } = self;
        with_output(|head| {
            let target = match element {
                DocumentElement::Html => &mut head.html_attributes,
                DocumentElement::Body => &mut head.body_attributes,
            };
            for attribute in attributes {
                attribute.write_html(target);
            }
        });
    }

    fn mount(self, hydrating: bool) -> impl Any {
        self.set_attributes(hydrating)
    }

    fn take_attributes(&mut self, attributes: Vec<Attribute>) -> Option<Vec<Attribute>> {
        self.attributes.extend(attributes);
        None
    }
}

#[cfg(all(test, render_html))]
mod tests {
    use super::*;

    #[test]
    fn tags_are_found_by_name_and_not_by_prefix() {
        let html = "<!DOCTYPE html><html><head></head><bodyx><body class=\"a\"></body></html>";
        assert_eq!(find_tag(html, "<body"), html.find("<body "));
        assert_eq!(find_tag(html, "</head"), html.find("</head>"));
        assert_eq!(find_tag("<HTML>", "<html"), Some(0));
        assert_eq!(find_tag("<htmlx>", "<html"), None);
    }

    #[test]
    fn the_last_text_goes_through_the_last_formatter() {
        let shop: Formatter = (|text: String| format!("{text} | Shop")).into();
        let loud: Formatter = (|text: String| text.to_uppercase()).into();
        let titles = [
            (None, Some(&shop)),
            (Some("Home"), None),
            (Some("Cart"), None),
        ];
        assert_eq!(
            resolve_title(titles.iter().copied()).as_deref(),
            Some("Cart | Shop")
        );
        let titles = [(Some("Cart"), Some(&shop)), (None, Some(&loud))];
        assert_eq!(
            resolve_title(titles.iter().copied()).as_deref(),
            Some("CART")
        );
        assert_eq!(resolve_title([(None, Some(&shop))].into_iter()), None);
    }

    #[test]
    fn head_content_goes_at_the_marker_or_before_the_head_ends() {
        let output = || HeadOutput {
            titles: vec![(Some("T".into()), None)],
            elements: "<meta a>".into(),
            html_attributes: " lang=\"en\"".into(),
            body_attributes: " class=\"dark\"".into(),
        };
        let mut page = format!("<html><head><x>{HEAD_MARKER}<y></head><body></body></html>");
        output().write_into(&mut page);
        assert_eq!(
            page,
            "<html lang=\"en\"><head><x><!--leptos-head--><title>T</title><meta a>\
             <!--/leptos-head--><y></head><body class=\"dark\"></body></html>"
        );
        let mut page = String::from("<!DOCTYPE html><html><head><x></HEAD><body></body></html>");
        output().write_into(&mut page);
        assert!(
            page.contains(
                "<x><!--leptos-head--><title>T</title><meta a><!--/leptos-head--></HEAD>"
            ),
            "{page}"
        );

        let mut view = String::from("<p>hi</p>");
        output().write_into(&mut view);
        let (head, rest) = split_head(&view);
        assert_eq!(
            head,
            "<!--leptos-head--><title>T</title><meta a><!--/leptos-head-->"
        );
        assert_eq!(rest, "<p>hi</p>");

        let mut untouched = format!("<html><head>{HEAD_MARKER}</head></html>");
        HeadOutput::default().write_into(&mut untouched);
        assert_eq!(untouched, "<html><head></head></html>");
    }
}
