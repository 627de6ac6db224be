//! End-to-end test harness: start the example apps' servers on loopback and drive headless
//! Chromium through chromedriver (WebDriver, W3C protocol), with JavaScript on and off.
//!
//! A test reads like this:
//!
//! ```no_run
//! use e2e::{Browser, Js, Server};
//!
//! # fn main() -> e2e::Result<()> {
//! let addr = e2e::free_addr()?;
//! let mut command = std::process::Command::new("target/debug/counter");
//! command.env("LEPTOS_SITE_ADDR", addr.to_string());
//! let server = Server::start(command, addr)?; // waits until it accepts connections
//!
//! let browser = Browser::launch(Js::On)?; // chromedriver + headless Chromium
//! browser.watch_dom_removals()?; // probes go in before the page loads
//! browser.goto(&server.url("/"))?;
//! browser.find("button.increment")?.click()?; // `find` waits for the element
//! browser.wait_for_text("#count", "1")?; // the DOM changes asynchronously: wait
//! assert_eq!(browser.removed_elements()?, vec![]); // hydration re-created nothing
//! assert_eq!(browser.console_errors()?, Vec::<String>::new());
//! # Ok(()) }
//! ```
//!
//! Both processes are killed when `server` and `browser` are dropped, also when the test panics.
//!
//! Where things are:
//!
//! | module | concern |
//! | --- | --- |
//! | [`chromedriver`] | finding and starting the chromedriver process (and finding Chromium) |
//! | `webdriver` (private) | the WebDriver wire protocol: JSON over HTTP |
//! | [`browser`] | [`Browser`]: navigation, finding elements, JavaScript, console log, CDP |
//! | [`element`] | [`Element`]: click, text, attributes, properties |
//! | [`probes`] | in-page recorders: DOM removals, elements kept from before hydration, document markers |
//! | [`server`] | [`Server`]: an example app's process on a free loopback port |
//! | [`examples`] | building and serving the workspace's examples with the build tool |
//! | [`todo_app`] | the todo app's scenarios, run against each server of it (axum, actix-web) |
//! | [`wait`] | [`wait_until`]: deadline-based polling |
//! | [`error`] | [`Error`]: every failure, with a message that says what to do |
//!
//! Requirements: Chromium and chromedriver of the same version (`scripts/setup.sh` installs
//! Debian's `chromium` and `chromium-driver`). `$CHROMEDRIVER` and `$CHROMIUM` override where
//! they are looked for. Without them, [`Browser::launch`] fails with
//! [`Error::ChromedriverNotFound`] or [`Error::ChromiumNotFound`]; tests do not skip silently.

pub mod browser;
pub mod chromedriver;
pub mod element;
pub mod error;
pub mod examples;
pub mod probes;
mod process;
pub mod server;
pub mod todo_app;
pub mod wait;
mod webdriver;

pub use browser::{Browser, Js, LogEntry, ScriptId, CHROMIUM_ARGS};
pub use chromedriver::{find_chromium, Chromedriver};
pub use element::Element;
pub use error::{Error, Result};
pub use probes::RemovedElement;
pub use server::{free_addr, free_port, Server, SERVER_START_TIMEOUT};
pub use wait::{wait_for, wait_until, DEFAULT_TIMEOUT};
