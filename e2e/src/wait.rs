//! Waiting for something to happen: poll a condition until it holds or a deadline passes.
//!
//! The browser runs concurrently with the test, so "click, then check" must be "click, then wait
//! until the check holds". The timeout is not a performance budget: it only turns a hang into a
//! failure, so it is generous ([`DEFAULT_TIMEOUT`]) because test machines are often busy.

use std::thread;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// The default timeout for waiting: finding elements, conditions, page loads.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);

/// The pause between two polls.
const POLL_INTERVAL: Duration = Duration::from_millis(30);

/// Polls `condition` until it returns `Ok(true)`, at least once, and a last time at the deadline.
///
/// `awaited` says in words what is awaited ("the counter to show 3"); it is the
/// [`Error::Timeout`] message if `timeout` passes first. An `Err` from `condition` ends the wait
/// at once with that error: return `Ok(false)` for "not yet".
///
/// ```no_run
/// # fn main() -> e2e::Result<()> {
/// # let browser = e2e::Browser::launch(e2e::Js::On)?;
/// e2e::wait_until("the counter to show 1", e2e::DEFAULT_TIMEOUT, || {
///     Ok(browser.find("#count")?.text()? == "1")
/// })?;
/// # Ok(()) }
/// ```
pub fn wait_until(
    awaited: &str,
    timeout: Duration,
    mut condition: impl FnMut() -> Result<bool>,
) -> Result<()> {
    wait_for(awaited, timeout, || Ok(condition()?.then_some(())))
}

/// Polls `poll` until it returns `Ok(Some(value))` and returns that value; otherwise like
/// [`wait_until`].
pub fn wait_for<T>(
    awaited: &str,
    timeout: Duration,
    mut poll: impl FnMut() -> Result<Option<T>>,
) -> Result<T> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(value) = poll()? {
            return Ok(value);
        }
        let now = Instant::now();
        if now >= deadline {
            return Err(Error::Timeout {
                awaited: awaited.to_owned(),
                waited: timeout,
            });
        }
        thread::sleep(POLL_INTERVAL.min(deadline - now));
    }
}
