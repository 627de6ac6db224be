//! [`Browser`]: one headless Chromium, driven through its own chromedriver.

use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use serde_json::{json, Value};

use crate::chromedriver::{find_chromium, Chromedriver};
use crate::element::Element;
use crate::error::{Error, Result};
use crate::wait::{wait_for, wait_until, DEFAULT_TIMEOUT};
use crate::webdriver::{clip, Session};

/// Chromium's command-line flags. `--no-sandbox` because tests run as root; the networking flags
/// because the test machines' network is closed, and Chromium would otherwise keep trying to reach
/// Google's services (the list in `reactive/webdriver.json`, plus a fixed window size).
pub const CHROMIUM_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,800",
];

/// How long a page load may take before chromedriver reports it as failed (a hang-breaker only).
const PAGE_LOAD_TIMEOUT: Duration = Duration::from_secs(60);

/// Whether the browser runs the pages' JavaScript.
///
/// Server-rendered apps must work without it (links, forms), and with it (hydration, client-side
/// routing); the end-to-end tests run both ways.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Js {
    /// JavaScript enabled, as in any browser.
    On,
    /// JavaScript disabled for every page (Chromium's content setting, as an administrator's
    /// policy would set it). [`Browser::eval`] still works: its scripts are the harness's, not
    /// the page's. Scripts installed with [`Browser::on_new_document`] run too, but none of
    /// their callbacks (event listeners, mutation observers) do.
    Off,
}

/// One entry of the browser's console log, as chromedriver reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    /// `SEVERE` (console.error, uncaught exceptions, failed loads), `WARNING`, `INFO`, `DEBUG`.
    pub level: String,
    /// Where it came from: `console-api`, `javascript`, `network`, ...
    pub source: String,
    /// The text, prefixed by chromedriver with the script's URL and line (`"http://…/ 5:16 \"x\""`).
    pub message: String,
}

impl LogEntry {
    /// Whether [`Browser::console_errors`] reports this entry: `SEVERE`, except a missing
    /// `/favicon.ico` (Chromium asks every site for one, and a 404 there is never what a test is
    /// about).
    pub fn is_error(&self) -> bool {
        let missing_favicon = self.source == "network"
            && self
                .message
                .split_whitespace()
                .next()
                .is_some_and(|url| url.ends_with("/favicon.ico"));
        self.level == "SEVERE" && !missing_favicon
    }
}

/// The id of a script installed with [`Browser::on_new_document`], to remove it again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptId(String);

/// A headless Chromium with its own chromedriver. Both end when it is dropped (also when a test
/// panics).
///
/// Most methods wait for nothing: they act on the page as it is now. [`Browser::find`] waits for
/// an element to appear, and [`Browser::wait_until`] waits for any condition; use them after
/// anything that makes the page change asynchronously (a click, hydration, a navigation).
#[derive(Debug)]
pub struct Browser {
    session: Arc<Session>,
    js: Js,
    timeout: Duration,
    /// The process id of Chromium, to kill it if closing the session fails.
    chromium_pid: Option<u64>,
    /// Declared last: dropped (killed) after the session is closed in `Drop`.
    chromedriver: Chromedriver,
}

impl Browser {
    /// Starts chromedriver on a free loopback port and, through it, a headless Chromium with
    /// [`CHROMIUM_ARGS`], a fresh profile, the console log recorded, and JavaScript on or off.
    ///
    /// Fails with [`Error::ChromedriverNotFound`] or [`Error::ChromiumNotFound`] when they are
    /// not installed (run `scripts/setup.sh`).
    pub fn launch(js: Js) -> Result<Browser> {
        let chromium = find_chromium()?;
        let chromedriver = Chromedriver::start()?;
        let mut chrome_options = json!({
            "binary": chromium.to_string_lossy(),
            "args": CHROMIUM_ARGS,
        });
        if js == Js::Off {
            chrome_options["prefs"] = json!({
                "profile.managed_default_content_settings.javascript": 2,
            });
        }
        let capabilities = json!({
            "browserName": "chrome",
            "pageLoadStrategy": "normal",
            "timeouts": {
                "implicit": 0,
                "pageLoad": PAGE_LOAD_TIMEOUT.as_millis() as u64,
                "script": DEFAULT_TIMEOUT.as_millis() as u64,
            },
            "goog:loggingPrefs": { "browser": "ALL" },
            "goog:chromeOptions": chrome_options,
        });
        let (session, capabilities) = Session::create(chromedriver.url(), capabilities)?;
        Ok(Browser {
            session: Arc::new(session),
            js,
            timeout: DEFAULT_TIMEOUT,
            chromium_pid: capabilities["goog:processID"].as_u64(),
            chromedriver,
        })
    }

    /// Whether this browser runs the pages' JavaScript.
    pub fn js(&self) -> Js {
        self.js
    }

    /// How long [`Browser::find`] and [`Browser::wait_for_text`] wait
    /// ([`DEFAULT_TIMEOUT`] unless changed).
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Changes how long [`Browser::find`] and [`Browser::wait_for_text`] wait.
    pub fn set_timeout(&mut self, timeout: Duration) {
        self.timeout = timeout;
    }

    /// The chromedriver this browser is driven by (for its [output](Chromedriver::output)).
    pub fn chromedriver(&self) -> &Chromedriver {
        &self.chromedriver
    }

    // --- navigation -----------------------------------------------------------------------

    /// Loads `url` and waits until the page has loaded (its `load` event).
    ///
    /// Fails with [`Error::PageLoad`] if the page could not be fetched (nothing listening, DNS)
    /// or did not load in time. An HTTP error status is *not* a failure (a 404 page is a page):
    /// check [`Browser::response_status`].
    pub fn goto(&self, url: &str) -> Result<()> {
        let page_load = |message: String| Error::PageLoad {
            url: url.to_owned(),
            message,
        };
        self.session
            .post("url", json!({ "url": url }))
            .map_err(|e| match e {
                Error::WebDriver { error, message, .. } => page_load(format!("{error}: {message}")),
                other => other,
            })?;
        let now = self.current_url()?;
        if now.starts_with("chrome-error://") {
            return Err(page_load(
                "Chromium showed its error page (connection refused or reset?)".into(),
            ));
        }
        Ok(())
    }

    /// The URL of the current page (after redirects and client-side navigation).
    pub fn current_url(&self) -> Result<String> {
        string(self.session.get("url")?, "GET /url")
    }

    /// The current page's `<title>`.
    pub fn title(&self) -> Result<String> {
        string(self.session.get("title")?, "GET /title")
    }

    /// The current DOM serialized as HTML (not the HTML the server sent: scripts may have
    /// changed it). Handy in failure messages.
    pub fn page_source(&self) -> Result<String> {
        string(self.session.get("source")?, "GET /source")
    }

    /// The HTTP status of the current document's response (`None` for `data:` URLs and the
    /// like), from the Navigation Timing API.
    pub fn response_status(&self) -> Result<Option<u16>> {
        let status = self.eval(
            "const nav = performance.getEntriesByType('navigation')[0];\
             return nav && nav.responseStatus ? nav.responseStatus : null;",
        )?;
        Ok(status.as_u64().and_then(|s| u16::try_from(s).ok()))
    }

    /// Goes back in the history, like the browser's back button.
    pub fn back(&self) -> Result<()> {
        self.session.post("back", json!({})).map(drop)
    }

    /// Goes forward in the history, like the browser's forward button.
    pub fn forward(&self) -> Result<()> {
        self.session.post("forward", json!({})).map(drop)
    }

    /// Reloads the current page.
    pub fn refresh(&self) -> Result<()> {
        self.session.post("refresh", json!({})).map(drop)
    }

    // --- elements -------------------------------------------------------------------------

    /// The first element matching the CSS selector `css`, waiting up to
    /// [`Browser::timeout`] for one to appear.
    ///
    /// Fails with [`Error::ElementNotFound`] naming the selector.
    pub fn find(&self, css: &str) -> Result<Element> {
        wait_for(
            &format!("an element matching `{css}`"),
            self.timeout,
            || self.try_find(css),
        )
        .map_err(|e| match e {
            Error::Timeout { waited, .. } => Error::ElementNotFound {
                selector: css.to_owned(),
                waited,
            },
            other => other,
        })
    }

    /// The first element matching `css` now, or `None`; does not wait.
    pub fn try_find(&self, css: &str) -> Result<Option<Element>> {
        Element::try_find_in(&self.session, "element", css)
    }

    /// All elements matching `css` now, in document order (maybe none); does not wait.
    pub fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        Element::find_all_in(&self.session, "elements", css)
    }

    /// Waits until the first element matching `css` has the text `expected` (its rendered text,
    /// trimmed). Finds the element again at every poll, so it may be replaced meanwhile.
    pub fn wait_for_text(&self, css: &str, expected: &str) -> Result<()> {
        let mut last_seen = None;
        let result = wait_until(
            &format!("the text of `{css}` to be {expected:?}"),
            self.timeout,
            || {
                let Some(element) = self.try_find(css)? else {
                    return Ok(false);
                };
                match element.text() {
                    Ok(text) => {
                        let done = text == expected;
                        last_seen = Some(text);
                        Ok(done)
                    }
                    Err(Error::StaleElement { .. }) => Ok(false),
                    Err(e) => Err(e),
                }
            },
        );
        result.map_err(|e| match e {
            Error::Timeout { awaited, waited } => Error::Timeout {
                awaited: match last_seen {
                    Some(text) => format!("{awaited} (it was {text:?})"),
                    None => format!("{awaited} (no element matched)"),
                },
                waited,
            },
            other => other,
        })
    }

    /// Polls `condition` until it returns `Ok(true)`; fails with [`Error::Timeout`] naming
    /// `awaited` after `timeout` (use [`Browser::timeout`] when in doubt). See
    /// [`wait_until`].
    pub fn wait_until(
        &self,
        awaited: &str,
        timeout: Duration,
        condition: impl FnMut() -> Result<bool>,
    ) -> Result<()> {
        wait_until(awaited, timeout, condition)
    }

    // --- JavaScript -----------------------------------------------------------------------

    /// Runs `js` as the body of a function in the page and returns what it `return`s (as JSON;
    /// `undefined` becomes `null`). If it returns a promise, waits for the promise.
    ///
    /// ```no_run
    /// # fn main() -> e2e::Result<()> {
    /// # let browser = e2e::Browser::launch(e2e::Js::On)?;
    /// let n = browser.eval("return document.querySelectorAll('li').length")?;
    /// # Ok(()) }
    /// ```
    pub fn eval(&self, js: &str) -> Result<Value> {
        self.eval_with(js, &[])
    }

    /// Like [`Browser::eval`], with arguments available to `js` as `arguments[0]`, ... Pass an
    /// element with [`Element::to_arg`].
    pub fn eval_with(&self, js: &str, args: &[Value]) -> Result<Value> {
        self.script("execute/sync", js, args)
    }

    /// Runs `js` in the page with a callback `done` in scope, and returns the value `js` passes
    /// to `done(value)` (waiting at most the script timeout, 20 s).
    ///
    /// ```no_run
    /// # fn main() -> e2e::Result<()> {
    /// # let browser = e2e::Browser::launch(e2e::Js::On)?;
    /// let v = browser.eval_async("requestAnimationFrame(() => done(document.title))")?;
    /// # Ok(()) }
    /// ```
    pub fn eval_async(&self, js: &str) -> Result<Value> {
        let wrapped = format!("const done = arguments[arguments.length - 1];\n{js}");
        self.script("execute/async", &wrapped, &[])
    }

    fn script(&self, endpoint: &str, js: &str, args: &[Value]) -> Result<Value> {
        self.session
            .post(endpoint, json!({ "script": js, "args": args }))
            .map_err(|e| match e {
                Error::WebDriver { error, message, .. }
                    if error == "javascript error" || error == "script timeout" =>
                {
                    Error::Script {
                        script: clip(js, 200),
                        message: format!("{error}: {message}"),
                    }
                }
                other => other,
            })
    }

    // --- console log ----------------------------------------------------------------------

    /// The browser console's entries logged since the previous call of this method or of
    /// [`Browser::console_errors`] (reading the log empties it).
    pub fn browser_log(&self) -> Result<Vec<LogEntry>> {
        let body = json!({ "type": "browser" });
        // Chromium's legacy log endpoint; `/log` is its older name.
        let value = match self.session.post("se/log", body.clone()) {
            Err(Error::WebDriver { error, .. }) if error == "unknown command" => {
                self.session.post("log", body)?
            }
            other => other?,
        };
        let entries = value.as_array().ok_or_else(|| Error::Protocol {
            command: "POST /se/log".into(),
            message: format!(
                "expected a list of log entries, got {}",
                clip(&value.to_string(), 200)
            ),
        })?;
        Ok(entries
            .iter()
            .map(|entry| LogEntry {
                level: entry["level"].as_str().unwrap_or_default().to_owned(),
                source: entry["source"].as_str().unwrap_or_default().to_owned(),
                message: entry["message"].as_str().unwrap_or_default().to_owned(),
            })
            .collect())
    }

    /// The messages of the `SEVERE` console entries since the previous read of the log:
    /// `console.error(...)`, uncaught exceptions, resources that failed to load (but not a
    /// missing `/favicon.ico`: see [`LogEntry::is_error`]). A page without errors gives an empty
    /// list.
    ///
    /// Entries reach chromedriver asynchronously: to check that something *is* logged, poll with
    /// [`Browser::wait_until`], accumulating the results.
    pub fn console_errors(&self) -> Result<Vec<String>> {
        Ok(self
            .browser_log()?
            .into_iter()
            .filter(LogEntry::is_error)
            .map(|entry| entry.message)
            .collect())
    }

    // --- Chrome DevTools Protocol -----------------------------------------------------------

    /// Sends a Chrome DevTools Protocol command (`Domain.method`) to the current tab, through
    /// chromedriver's `POST /session/{id}/goog/cdp/execute`, and returns its result.
    pub fn cdp(&self, method: &str, params: Value) -> Result<Value> {
        self.session.post(
            "goog/cdp/execute",
            json!({ "cmd": method, "params": params }),
        )
    }

    /// Makes `js` run in every document this tab loads from now on, before any of the page's
    /// own scripts (CDP `Page.addScriptToEvaluateOnNewDocument`). It does not run in the
    /// current document. With [`Js::Off`] it runs, but none of its callbacks do.
    pub fn on_new_document(&self, js: &str) -> Result<ScriptId> {
        let value = self.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": js }),
        )?;
        let id = value["identifier"]
            .as_str()
            .ok_or_else(|| Error::Protocol {
                command: "Page.addScriptToEvaluateOnNewDocument".into(),
                message: format!("no identifier in {value}"),
            })?;
        Ok(ScriptId(id.to_owned()))
    }

    /// Stops running a script installed by [`Browser::on_new_document`] in later documents.
    pub fn remove_on_new_document(&self, id: &ScriptId) -> Result<()> {
        self.cdp(
            "Page.removeScriptToEvaluateOnNewDocument",
            json!({ "identifier": id.0 }),
        )
        .map(drop)
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Closing the session quits Chromium; chromedriver is killed afterwards, when the
        // `chromedriver` field drops. If chromedriver no longer answers, kill Chromium directly
        // so that it does not outlive the test.
        if self.session.delete(Duration::from_secs(10)).is_err() {
            if let Some(pid) = self.chromium_pid {
                let _ = Command::new("kill")
                    .args(["-KILL", &pid.to_string()])
                    .status();
            }
        }
    }
}

fn string(value: Value, command: &str) -> Result<String> {
    match value {
        Value::String(s) => Ok(s),
        other => Err(Error::Protocol {
            command: command.to_owned(),
            message: format!("expected a string, got {}", clip(&other.to_string(), 200)),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::LogEntry;

    fn entry(level: &str, source: &str, message: &str) -> LogEntry {
        LogEntry {
            level: level.into(),
            source: source.into(),
            message: message.into(),
        }
    }

    #[test]
    fn console_errors_are_severe_entries_but_a_missing_favicon() {
        // Messages as Chromium 156 logs them.
        assert!(entry("SEVERE", "console-api", "http://127.0.0.1:1/ 1:8 \"x\"").is_error());
        assert!(entry(
            "SEVERE",
            "network",
            "http://127.0.0.1:1/app.wasm - Failed to load resource: the server responded with a \
             status of 404 (Not Found)"
        )
        .is_error());
        assert!(!entry(
            "SEVERE",
            "network",
            "http://127.0.0.1:1/favicon.ico - Failed to load resource: the server responded with \
             a status of 404 (Not Found)"
        )
        .is_error());
        assert!(!entry("WARNING", "console-api", "http://127.0.0.1:1/ 1:8 \"w\"").is_error());
    }
}
