//! [`Element`]: a reference to one DOM element of the current page.

use std::sync::Arc;

use serde_json::{json, Value};

use crate::error::{Error, Result};
use crate::webdriver::{Session, ELEMENT_KEY};

/// A DOM element of the page, found with [`Browser::find`](crate::Browser::find) and friends.
///
/// It refers to that very node: if the page removes or replaces it, every method fails with
/// [`Error::StaleElement`] (find it again). The methods act at once, without waiting.
#[derive(Clone, Debug)]
pub struct Element {
    session: Arc<Session>,
    id: String,
    selector: String,
}

impl Element {
    /// Finds the first match of `css` with `POST {scope}` (`element`, or `element/{id}/element`).
    pub(crate) fn try_find_in(
        session: &Arc<Session>,
        scope: &str,
        css: &str,
    ) -> Result<Option<Element>> {
        match session.post(scope, locator(css)) {
            Ok(value) => Element::from_json(session, &value, css).map(Some),
            Err(Error::WebDriver { error, .. }) if error == "no such element" => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Finds all matches of `css` with `POST {scope}` (`elements`, or `element/{id}/elements`).
    pub(crate) fn find_all_in(
        session: &Arc<Session>,
        scope: &str,
        css: &str,
    ) -> Result<Vec<Element>> {
        let value = session.post(scope, locator(css))?;
        let list = value.as_array().ok_or_else(|| Error::Protocol {
            command: format!("POST /{scope}"),
            message: format!("expected a list of elements, got {value}"),
        })?;
        list.iter()
            .map(|v| Element::from_json(session, v, css))
            .collect()
    }

    fn from_json(session: &Arc<Session>, value: &Value, css: &str) -> Result<Element> {
        let id = value[ELEMENT_KEY].as_str().ok_or_else(|| Error::Protocol {
            command: "find element".into(),
            message: format!("expected an element reference, got {value}"),
        })?;
        Ok(Element {
            session: Arc::clone(session),
            id: id.to_owned(),
            selector: css.to_owned(),
        })
    }

    /// The CSS selector this element was found with.
    pub fn selector(&self) -> &str {
        &self.selector
    }

    /// The element as an argument for [`Browser::eval_with`](crate::Browser::eval_with): in the
    /// script, that argument is the DOM node itself.
    pub fn to_arg(&self) -> Value {
        json!({ ELEMENT_KEY: self.id })
    }

    /// Clicks the element's centre, as a user would (scrolling it into view first). Fails if
    /// another element covers it or it is not displayed.
    pub fn click(&self) -> Result<()> {
        self.post("click", json!({}), "click").map(drop)
    }

    /// The element's rendered text (like `innerText`: hidden parts left out, whitespace
    /// collapsed and trimmed).
    pub fn text(&self) -> Result<String> {
        let value = self.get("text", "read its text")?;
        Ok(value.as_str().unwrap_or_default().to_owned())
    }

    /// The HTML attribute `name` as written in the markup (or set by `setAttribute`), `None`
    /// if absent. For the live state of inputs (`value`, `checked`) use [`Element::property`].
    pub fn attr(&self, name: &str) -> Result<Option<String>> {
        // Not WebDriver's `GET attribute/{name}`, which mixes in properties for some names.
        let value = self.eval("return arguments[0].getAttribute(arguments[1])", name)?;
        Ok(value.as_str().map(str::to_owned))
    }

    /// The DOM property `name` (`value`, `checked`, `textContent`, ...) as JSON; `null` if
    /// undefined.
    pub fn property(&self, name: &str) -> Result<Value> {
        self.get(&format!("property/{name}"), "read a property")
    }

    /// The tag name, lower case (`"button"`).
    pub fn tag_name(&self) -> Result<String> {
        let value = self.get("name", "read its tag name")?;
        Ok(value.as_str().unwrap_or_default().to_lowercase())
    }

    /// Whether the element is displayed (not `display: none`, not hidden by an ancestor).
    pub fn is_displayed(&self) -> Result<bool> {
        let value = self.get("displayed", "check whether it is displayed")?;
        Ok(value.as_bool().unwrap_or(false))
    }

    /// Types `text` into the element (an `<input>` or `<textarea>`), as key presses.
    pub fn send_keys(&self, text: &str) -> Result<()> {
        self.post("value", json!({ "text": text }), "type into it")
            .map(drop)
    }

    /// Empties an `<input>` or `<textarea>`.
    pub fn clear(&self) -> Result<()> {
        self.post("clear", json!({}), "clear it").map(drop)
    }

    /// The first descendant matching `css` now, or `None`; does not wait.
    pub fn try_find(&self, css: &str) -> Result<Option<Element>> {
        Element::try_find_in(&self.session, &format!("element/{}/element", self.id), css)
            .map_err(|e| self.stale(e, "search inside it"))
    }

    /// All descendants matching `css` now; does not wait.
    pub fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        Element::find_all_in(&self.session, &format!("element/{}/elements", self.id), css)
            .map_err(|e| self.stale(e, "search inside it"))
    }

    /// Whether this and `other` are the same DOM node (for example, before and after
    /// hydration).
    pub fn same_node(&self, other: &Element) -> Result<bool> {
        let value = self.eval("return arguments[0] === arguments[1]", other.to_arg())?;
        Ok(value.as_bool() == Some(true))
    }

    fn eval(&self, js: &str, arg: impl Into<Value>) -> Result<Value> {
        self.session
            .post(
                "execute/sync",
                json!({ "script": js, "args": [self.to_arg(), arg.into()] }),
            )
            .map_err(|e| self.stale(e, "run a script on it"))
    }

    fn get(&self, what: &str, action: &str) -> Result<Value> {
        self.session
            .get(&format!("element/{}/{what}", self.id))
            .map_err(|e| self.stale(e, action))
    }

    fn post(&self, what: &str, body: Value, action: &str) -> Result<Value> {
        self.session
            .post(&format!("element/{}/{what}", self.id), body)
            .map_err(|e| self.stale(e, action))
    }

    /// Turns WebDriver's "stale element reference" into [`Error::StaleElement`]. While a page
    /// is being replaced by a navigation, chromedriver can instead answer `unknown error`
    /// with the DevTools message that the node "does not belong to the document": the same
    /// thing, reported by a lower layer.
    fn stale(&self, e: Error, action: &str) -> Error {
        match e {
            Error::WebDriver { error, message, .. } if is_stale_element_error(&error, &message) => {
                Error::StaleElement {
                    selector: self.selector.clone(),
                    action: format!("trying to {action}"),
                }
            }
            other => other,
        }
    }
}

fn locator(css: &str) -> Value {
    json!({ "using": "css selector", "value": css })
}

/// Whether a WebDriver error says the element is no longer in the document.
fn is_stale_element_error(error: &str, message: &str) -> bool {
    error == "stale element reference"
        || error == "detached shadow root"
        || (error == "unknown error" && message.contains("does not belong to the document"))
}

#[cfg(test)]
mod tests {
    use super::is_stale_element_error;

    #[test]
    fn a_node_of_a_replaced_document_counts_as_stale() {
        assert!(is_stale_element_error("stale element reference", "gone"));
        assert!(is_stale_element_error(
            "unknown error",
            "unknown error: unhandled inspector error: {\"code\":-32000,\"message\":\"Node \
             with given id does not belong to the document\"}"
        ));
        assert!(!is_stale_element_error(
            "unknown error",
            "chrome not reachable"
        ));
        assert!(!is_stale_element_error(
            "no such element",
            "does not belong to the document"
        ));
    }
}
