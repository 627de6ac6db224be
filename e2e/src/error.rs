//! The one error type of the harness. Every message says what went wrong *and* what to try next,
//! because the person reading it is usually looking at a failed CI log.

use std::fmt;
use std::time::Duration;

/// `Result` with the harness's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong while starting processes and driving the browser.
///
/// The `Display` text is meant to be read in a test failure: it names what was being done and
/// suggests a fix. `Debug` prints the same text, so that a test returning `Result<()>` shows it
/// as is. Match on the variant when a test expects a particular failure.
#[non_exhaustive]
pub enum Error {
    /// No `chromedriver` executable was found.
    ChromedriverNotFound {
        /// The places that were looked at, in order.
        searched: Vec<String>,
    },
    /// No Chromium executable was found (chromedriver needs one to start a session).
    ChromiumNotFound {
        /// The places that were looked at, in order.
        searched: Vec<String>,
    },
    /// `chromedriver` was found but did not start, or did not become ready.
    ChromedriverStart {
        /// What happened.
        reason: String,
        /// The last lines chromedriver printed, if any.
        output: String,
    },
    /// chromedriver is running but could not start a browser session (Chromium failed to start).
    SessionStart {
        /// chromedriver's explanation.
        message: String,
    },
    /// The HTTP connection to chromedriver failed (it crashed or was killed).
    Transport {
        /// The WebDriver command, e.g. `POST /session/…/url`.
        command: String,
        /// The HTTP client's error.
        message: String,
    },
    /// chromedriver answered a command with a WebDriver error.
    WebDriver {
        /// The WebDriver command, e.g. `POST /session/…/element`.
        command: String,
        /// The W3C error code, e.g. `no such element`, `javascript error`.
        error: String,
        /// chromedriver's message.
        message: String,
    },
    /// A navigation did not end on the requested page (server down, wrong port, page-load timeout).
    PageLoad {
        /// The URL that was requested.
        url: String,
        /// What went wrong.
        message: String,
    },
    /// No element matched a CSS selector within the timeout.
    ElementNotFound {
        /// The CSS selector.
        selector: String,
        /// How long the harness waited for it to appear.
        waited: Duration,
    },
    /// An element found earlier is no longer in the document (it was removed or replaced).
    StaleElement {
        /// The CSS selector it was found with.
        selector: String,
        /// What was being done with it.
        action: String,
    },
    /// JavaScript run through [`Browser::eval`](crate::Browser::eval) threw, or returned
    /// something unexpected.
    Script {
        /// The start of the script.
        script: String,
        /// The exception or the problem.
        message: String,
    },
    /// A probe that records with JavaScript callbacks was used in a browser launched with
    /// [`Js::Off`](crate::Js::Off).
    NeedsJavaScript {
        /// The probe, e.g. `watch_dom_removals`.
        probe: &'static str,
    },
    /// A condition did not become true before its deadline.
    Timeout {
        /// What was awaited, in words (the `description` given to `wait_until`).
        awaited: String,
        /// The timeout.
        waited: Duration,
    },
    /// A server process could not be spawned.
    ServerSpawn {
        /// The command line.
        command: String,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// A server process exited before it accepted connections.
    ServerExited {
        /// The command line.
        command: String,
        /// The address it should have listened on.
        addr: std::net::SocketAddr,
        /// Its exit status.
        status: std::process::ExitStatus,
        /// The last lines of its standard error and output.
        output: String,
    },
    /// chromedriver sent a response the harness does not understand.
    Protocol {
        /// The WebDriver command.
        command: String,
        /// What was unexpected.
        message: String,
    },
    /// Any other I/O error (temporary files, sockets).
    Io {
        /// What was being done.
        context: String,
        /// The operating system's error.
        source: std::io::Error,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::ChromedriverNotFound { searched } => write!(
                f,
                "chromedriver not found (looked at: {}). Run scripts/setup.sh, which installs \
                 Debian's chromium and chromium-driver, or set CHROMEDRIVER=/path/to/chromedriver",
                searched.join(", ")
            ),
            Error::ChromiumNotFound { searched } => write!(
                f,
                "Chromium not found (looked at: {}). Run scripts/setup.sh, which installs \
                 Debian's chromium and chromium-driver, or set CHROMIUM=/path/to/chromium",
                searched.join(", ")
            ),
            Error::ChromedriverStart { reason, output } => {
                write!(f, "chromedriver did not start: {reason}")?;
                write_output(f, "chromedriver's output", output)?;
                write!(
                    f,
                    "\nCheck that `chromedriver --version` works and matches `chromium --version` \
                     (scripts/setup.sh installs both)"
                )
            }
            Error::SessionStart { message } => write!(
                f,
                "chromedriver could not start Chromium: {message}\nCheck that `chromium --headless \
                 --no-sandbox --disable-gpu --dump-dom about:blank` works on this machine and that \
                 chromium and chromium-driver have the same version (scripts/setup.sh)"
            ),
            Error::Transport { command, message } => write!(
                f,
                "lost the connection to chromedriver during {command}: {message} \
                 (did chromedriver or Chromium crash? Is the machine out of memory?)"
            ),
            Error::WebDriver {
                command,
                error,
                message,
            } => write!(f, "WebDriver command {command} failed: {error}: {message}"),
            Error::PageLoad { url, message } => write!(
                f,
                "page did not load: {url}: {message}\nIs the server running and listening on that \
                 address? (Server::start waits for it; check the port and the path)"
            ),
            Error::ElementNotFound { selector, waited } => write!(
                f,
                "element not found: no element matches the CSS selector `{selector}` after \
                 waiting {waited:?}. Check the selector, whether the page rendered it \
                 (Browser::page_source) and whether the page logged errors \
                 (Browser::console_errors)"
            ),
            Error::StaleElement { selector, action } => write!(
                f,
                "the element found with `{selector}` is no longer in the document ({action}): it \
                 was removed or replaced since it was found. Find it again after the change, or \
                 check why the page replaced it"
            ),
            Error::Script { script, message } => {
                write!(f, "JavaScript failed: {message}\nscript: {script}")
            }
            Error::NeedsJavaScript { probe } => write!(
                f,
                "{probe}() needs JavaScript: launch the browser with Js::On. With Js::Off, \
                 Chromium installs the probe's script but runs none of its callbacks (events, \
                 mutation observers), so it would record nothing"
            ),
            Error::Timeout { awaited, waited } => write!(
                f,
                "timed out after {waited:?} waiting for {awaited}. The timeout only turns a hang \
                 into a failure: if the machine is merely slow, raise it; otherwise the awaited \
                 thing never happened"
            ),
            Error::ServerSpawn { command, source } => write!(
                f,
                "could not start the server `{command}`: {source}. Is it built, and is the path \
                 right?"
            ),
            Error::ServerExited {
                command,
                addr,
                status,
                output,
            } => {
                write!(
                    f,
                    "the server `{command}` exited ({status}) before accepting connections on \
                     {addr}"
                )?;
                write_output(f, "its output", output)
            }
            Error::Protocol { command, message } => write!(
                f,
                "unexpected answer from chromedriver to {command}: {message} (is chromedriver \
                 too old or too new for this harness?)"
            ),
            Error::Io { context, source } => write!(f, "{context}: {source}"),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

fn write_output(f: &mut fmt::Formatter<'_>, what: &str, output: &str) -> fmt::Result {
    let output = output.trim_end();
    if output.is_empty() {
        write!(f, " ({what} was empty)")
    } else {
        write!(f, "\n--- {what} (last lines):\n{output}\n---")
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::ServerSpawn { source, .. } | Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
