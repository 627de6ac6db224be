//! The WebDriver wire protocol (W3C), as spoken to chromedriver: JSON over HTTP on loopback.
//!
//! Every command is `METHOD /session/{id}/{path}` with an optional JSON body; every answer is
//! `{"value": ...}`, where a failed command's value is `{"error": code, "message": ...}`.
//! Reference: <https://www.w3.org/TR/webdriver2/>. Chromium-specific commands used here:
//! `POST /session/{id}/se/log` (the browser console log) and `POST /session/{id}/goog/cdp/execute`
//! (a Chrome DevTools Protocol command).

use std::time::Duration;

use serde_json::{json, Value};

use crate::error::{Error, Result};

/// The key under which WebDriver represents an element reference in JSON.
pub(crate) const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// How long one HTTP request to chromedriver may take. Longer than any WebDriver timeout the
/// harness sets (page load, script), so that chromedriver reports those itself.
const HTTP_TIMEOUT: Duration = Duration::from_secs(120);

/// A WebDriver session: one Chromium instance, driven through one chromedriver.
#[derive(Debug)]
pub(crate) struct Session {
    agent: ureq::Agent,
    /// `http://127.0.0.1:<port>/session/<id>`
    url: String,
}

/// A plain HTTP agent for loopback: no proxy (whatever the environment says), HTTP error statuses
/// returned as responses (WebDriver puts its error in the body).
fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .proxy(None)
        .http_status_as_error(false)
        .timeout_global(Some(timeout))
        .build()
        .into()
}

/// Whether chromedriver at `driver_url` answers `GET /status` with `ready: true`.
pub(crate) fn is_ready(driver_url: &str) -> bool {
    let agent = agent(Duration::from_secs(2));
    let url = format!("{driver_url}/status");
    match request(&agent, "GET", &url, None, "GET /status") {
        Ok(value) => value["ready"].as_bool() == Some(true),
        Err(_) => false,
    }
}

impl Session {
    /// `POST /session` with `capabilities` (the `alwaysMatch` object). Returns the session and
    /// the capabilities chromedriver reports.
    pub(crate) fn create(driver_url: &str, capabilities: Value) -> Result<(Session, Value)> {
        let agent = agent(HTTP_TIMEOUT);
        let body = json!({ "capabilities": { "alwaysMatch": capabilities } });
        let value = request(
            &agent,
            "POST",
            &format!("{driver_url}/session"),
            Some(&body),
            "POST /session",
        )
        .map_err(|e| match e {
            Error::WebDriver { message, .. } => Error::SessionStart { message },
            other => other,
        })?;
        let id = value["sessionId"]
            .as_str()
            .ok_or_else(|| Error::Protocol {
                command: "POST /session".into(),
                message: format!("no sessionId in {value}"),
            })?
            .to_owned();
        let session = Session {
            agent,
            url: format!("{driver_url}/session/{id}"),
        };
        Ok((session, value["capabilities"].clone()))
    }

    /// `GET /session/{id}/{path}`; returns the answer's `value`.
    pub(crate) fn get(&self, path: &str) -> Result<Value> {
        self.command("GET", path, None)
    }

    /// `POST /session/{id}/{path}` with a JSON body; returns the answer's `value`.
    pub(crate) fn post(&self, path: &str, body: Value) -> Result<Value> {
        self.command("POST", path, Some(&body))
    }

    fn command(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value> {
        let url = format!("{}/{path}", self.url);
        request(
            &self.agent,
            method,
            &url,
            body,
            &format!("{method} /{path}"),
        )
    }

    /// `DELETE /session/{id}`: closes Chromium. Gives up after `timeout`.
    pub(crate) fn delete(&self, timeout: Duration) -> Result<()> {
        request(
            &agent(timeout),
            "DELETE",
            &self.url,
            None,
            "DELETE /session",
        )
        .map(drop)
    }
}

/// Sends one WebDriver command and unwraps `{"value": ...}`. `label` names the command in errors.
fn request(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    body: Option<&Value>,
    label: &str,
) -> Result<Value> {
    let transport = |e: ureq::Error| Error::Transport {
        command: label.to_owned(),
        message: e.to_string(),
    };
    let response = match (method, body) {
        ("GET", _) => agent.get(url).call(),
        ("DELETE", _) => agent.delete(url).call(),
        (_, body) => agent
            .post(url)
            .header("Content-Type", "application/json; charset=utf-8")
            .send(body.unwrap_or(&json!({})).to_string()),
    }
    .map_err(transport)?;
    let status = response.status();
    let text = response
        .into_body()
        .with_config()
        .limit(512 * 1024 * 1024)
        .read_to_string()
        .map_err(transport)?;
    let mut answer: Value = serde_json::from_str(&text).map_err(|e| Error::Protocol {
        command: label.to_owned(),
        message: format!(
            "HTTP {status}, body is not JSON ({e}): {}",
            clip(&text, 300)
        ),
    })?;
    let value = answer["value"].take();
    if status.is_success() {
        return Ok(value);
    }
    match value.get("error").and_then(Value::as_str) {
        Some(error) => Err(Error::WebDriver {
            command: label.to_owned(),
            error: error.to_owned(),
            message: value["message"].as_str().unwrap_or_default().to_owned(),
        }),
        None => Err(Error::Protocol {
            command: label.to_owned(),
            message: format!(
                "HTTP {status} without a WebDriver error: {}",
                clip(&text, 300)
            ),
        }),
    }
}

/// The first `max` characters of `text`, with `…` if it was longer.
pub(crate) fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}
