//! In-page probes: small scripts installed with [`Browser::on_new_document`] that record what
//! happens to the DOM from the very start of parsing, read back later with [`Browser::eval`].
//!
//! They answer the questions hydration and routing tests ask:
//!
//! - Did hydration re-create anything? [`Browser::watch_dom_removals`] records every element
//!   node removed from the document; hydration that adopts the server's HTML removes none.
//! - Are the elements after hydration the very nodes the server sent?
//!   [`Browser::mark_elements_early`] keeps the elements matching a selector as soon as the HTML
//!   is parsed, before deferred and module scripts (the wasm loader) run;
//!   [`Browser::early_elements_survive`] compares them with the current ones.
//! - Has the app hydrated yet? [`Browser::record_listeners`] records the event types given
//!   listeners on `document` (where delegated events are handled);
//!   [`Browser::wait_for_document_listener`] waits until one is there.
//! - Was a navigation client-side or a full page load? [`Browser::mark_document`] puts a marker
//!   on the current `window`; [`Browser::is_same_document`] tells whether it is still there.
//!
//! Install them before [`Browser::goto`]: they apply to the documents loaded afterwards. The
//! recorders need [`Js::On`]: with JavaScript off, Chromium still installs their
//! scripts but runs none of their callbacks (events, mutation observers), so they fail with
//! [`Error::NeedsJavaScript`] rather than report nothing. The document marker works either way.

use serde_json::{json, Value};

use crate::browser::{Browser, Js, ScriptId};
use crate::error::{Error, Result};

/// An element node removed from the document, as recorded by [`Browser::watch_dom_removals`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemovedElement {
    /// Its tag name, lower case (`"div"`).
    pub tag: String,
    /// The tag name of the node it was removed from (`"BODY"`, `"#document"`).
    pub parent: String,
    /// The start of its `outerHTML` (at most 200 characters).
    pub html: String,
}

/// Records removals into `window.__e2e_removed`; `window.__e2e_flush_removed()` delivers the
/// records the observer has not yet delivered (observers are called asynchronously).
const WATCH_REMOVALS: &str = r#"(() => {
  if (window.__e2e_removed) return;
  const removed = (window.__e2e_removed = []);
  const record = (mutations) => {
    for (const m of mutations) {
      for (const node of m.removedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          removed.push({
            tag: node.localName,
            parent: m.target.nodeName,
            html: node.outerHTML.slice(0, 200),
          });
        }
      }
    }
  };
  const observer = new MutationObserver(record);
  observer.observe(document, { childList: true, subtree: true });
  window.__e2e_flush_removed = () => record(observer.takeRecords());
})();"#;

/// Captures the elements matching `SELECTOR` once parsing ends: at the `readystatechange` to
/// `interactive`, which comes before deferred and module scripts run (and before
/// `DOMContentLoaded`, which waits for them).
const MARK_EARLY: &str = r#"(() => {
  const selector = SELECTOR;
  const capture = () => {
    const bySelector = (window.__e2e_early_by_selector ??= {});
    if (bySelector[selector]) return;
    bySelector[selector] = Array.from(document.querySelectorAll(selector));
    window.__e2e_early = (window.__e2e_early ?? []).concat(bySelector[selector]);
  };
  document.addEventListener("readystatechange", () => {
    if (document.readyState !== "loading") capture();
  });
  document.addEventListener("DOMContentLoaded", capture);
})();"#;

/// Records the event types of listeners added to `document` into
/// `window.__e2e_document_listeners`.
const RECORD_LISTENERS: &str = r#"(() => {
  if (window.__e2e_document_listeners) return;
  const types = (window.__e2e_document_listeners = []);
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, ...rest) {
    if (this === document) types.push(type);
    return add.call(this, type, ...rest);
  };
})();"#;

impl Browser {
    /// From the next navigation on, records the event types of the listeners added to
    /// `document`, which is where an app handles delegated events once it has hydrated.
    pub fn record_listeners(&self) -> Result<ScriptId> {
        self.require_js("record_listeners")?;
        self.on_new_document(RECORD_LISTENERS)
    }

    /// Waits until a listener for `event` is on `document` (see
    /// [`Browser::record_listeners`]): for a server-rendered app, that it has hydrated.
    pub fn wait_for_document_listener(&self, event: &str) -> Result<()> {
        self.require_js("wait_for_document_listener")?;
        let check = format!(
            "return (window.__e2e_document_listeners || []).includes({});",
            Value::String(event.to_owned())
        );
        self.wait_until(
            &format!("a `{event}` listener on document (the app hydrating)"),
            self.timeout(),
            || Ok(self.eval(&check)?.as_bool() == Some(true)),
        )
    }

    /// The URLs of the requests the current page made for resources and with `fetch`, in
    /// order (the Resource Timing entries).
    pub fn requested_urls(&self) -> Result<Vec<String>> {
        let value = self
            .eval("return performance.getEntriesByType('resource').map((entry) => entry.name);")?;
        Ok(value
            .as_array()
            .map(|urls| {
                urls.iter()
                    .filter_map(|url| url.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default())
    }

    /// From the next navigation on, records every element node removed from the document,
    /// from the very start of parsing; read them with [`Browser::removed_elements`].
    ///
    /// Only the removed node itself is recorded, not its descendants. The HTML parser itself
    /// removes nothing from well-formed markup, so a page whose scripts only change text or
    /// attributes records nothing. Needs [`Js::On`].
    pub fn watch_dom_removals(&self) -> Result<ScriptId> {
        self.require_js("watch_dom_removals")?;
        self.on_new_document(WATCH_REMOVALS)
    }

    /// The elements removed from the current document so far (see
    /// [`Browser::watch_dom_removals`]); fails if the watcher is not installed in it.
    pub fn removed_elements(&self) -> Result<Vec<RemovedElement>> {
        const READ: &str = "if (!window.__e2e_flush_removed) return null;\
                            window.__e2e_flush_removed(); return window.__e2e_removed;";
        self.require_js("removed_elements")?;
        let value = self.eval(READ)?;
        let Value::Array(list) = value else {
            return Err(Error::Script {
                script: READ.into(),
                message: "the removal watcher is not installed in this document: call \
                          watch_dom_removals() before goto()"
                    .into(),
            });
        };
        let field = |v: &Value, key: &str| v[key].as_str().unwrap_or_default().to_owned();
        Ok(list
            .iter()
            .map(|v| RemovedElement {
                tag: field(v, "tag"),
                parent: field(v, "parent"),
                html: field(v, "html"),
            })
            .collect())
    }

    /// From the next navigation on, keeps the elements matching `css` as soon as the HTML has
    /// been parsed, before deferred and module scripts run (so before a wasm app hydrates).
    /// Needs [`Js::On`].
    ///
    /// They are kept in `window.__e2e_early_by_selector[css]`, and appended to the array
    /// `window.__e2e_early` (in the order of the calls), so a script can check e.g.
    /// `window.__e2e_early[0] === document.querySelector(css)`; or use
    /// [`Browser::early_elements_survive`].
    pub fn mark_elements_early(&self, css: &str) -> Result<ScriptId> {
        self.require_js("mark_elements_early")?;
        let selector = Value::String(css.to_owned()).to_string();
        self.on_new_document(&MARK_EARLY.replace("SELECTOR", &selector))
    }

    /// Whether the elements matching `css` now are exactly those kept by
    /// [`Browser::mark_elements_early`]: as many, the same DOM nodes, in the same order, still in
    /// the document.
    ///
    /// Fails if nothing was kept for `css` (not marked before this document loaded, or no
    /// element matched then), so that the check cannot pass vacuously.
    pub fn early_elements_survive(&self, css: &str) -> Result<bool> {
        const CHECK: &str = "const css = arguments[0];\
            const early = (window.__e2e_early_by_selector || {})[css];\
            if (!early || early.length === 0) return null;\
            const now = Array.from(document.querySelectorAll(css));\
            return early.length === now.length\
                && early.every((el, i) => el === now[i] && el.isConnected);";
        self.require_js("early_elements_survive")?;
        match self.eval_with(CHECK, &[json!(css)])? {
            Value::Bool(same) => Ok(same),
            _ => Err(Error::Script {
                script: CHECK.into(),
                message: format!(
                    "no elements were kept for `{css}`: call mark_elements_early({css:?}) before \
                     goto(), and check that the server's HTML has a match"
                ),
            }),
        }
    }

    fn require_js(&self, probe: &'static str) -> Result<()> {
        match self.js() {
            Js::On => Ok(()),
            Js::Off => Err(Error::NeedsJavaScript { probe }),
        }
    }

    /// Puts a marker on the current `window`. A full page load (a new document) loses it; a
    /// client-side navigation (`history.pushState`, a router's link) keeps it: check with
    /// [`Browser::is_same_document`].
    pub fn mark_document(&self) -> Result<()> {
        self.eval("window.__e2e_marker = true;").map(drop)
    }

    /// Whether the marker of [`Browser::mark_document`] is still there, i.e. no full page load
    /// happened since.
    pub fn is_same_document(&self) -> Result<bool> {
        let value = self.eval("return window.__e2e_marker === true;")?;
        Ok(value.as_bool() == Some(true))
    }
}
