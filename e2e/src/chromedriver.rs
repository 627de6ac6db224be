//! Finding and starting the `chromedriver` process (and finding the Chromium it will start).
//!
//! chromedriver is the WebDriver server for Chromium: the harness talks HTTP to it on a free
//! loopback port, and it starts and drives Chromium. Debian's `chromium-driver` package puts it
//! at `/usr/bin/chromedriver`; `scripts/setup.sh` installs it.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::process::ChildProcess;
use crate::server::free_port;
use crate::webdriver;

/// How long chromedriver may take to answer `GET /status` with `ready: true`.
const READY_TIMEOUT: Duration = Duration::from_secs(20);

/// A running chromedriver, listening on `127.0.0.1:<port>`. Killed when dropped.
///
/// [`Browser::launch`](crate::Browser::launch) starts one per browser; use this type directly
/// only to run several sessions against one chromedriver.
#[derive(Debug)]
pub struct Chromedriver {
    process: ChildProcess,
    url: String,
}

impl Chromedriver {
    /// Finds chromedriver (see [`Chromedriver::find`]), starts it on a free loopback port and
    /// waits until it is ready for sessions.
    pub fn start() -> Result<Chromedriver> {
        let path = Chromedriver::find()?;
        // The port is free when chosen but another process could take it before chromedriver
        // binds it: then chromedriver exits at once, and we try another port.
        let mut attempts = 0;
        loop {
            attempts += 1;
            match Chromedriver::start_on(&path, free_port()?) {
                Err(Error::ChromedriverStart { output, .. })
                    if attempts < 3 && output.contains("Address already in use") => {}
                result => return result,
            }
        }
    }

    fn start_on(path: &Path, port: u16) -> Result<Chromedriver> {
        let mut command = Command::new(path);
        command.arg(format!("--port={port}"));
        let mut process = ChildProcess::spawn(command).map_err(|e| Error::ChromedriverStart {
            reason: e.to_string(),
            output: String::new(),
        })?;
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + READY_TIMEOUT;
        loop {
            if let Some(status) = process.exited() {
                return Err(Error::ChromedriverStart {
                    reason: format!("`{}` exited ({status})", process.label()),
                    output: process.final_output(),
                });
            }
            if webdriver::is_ready(&url) {
                return Ok(Chromedriver { process, url });
            }
            if Instant::now() >= deadline {
                return Err(Error::ChromedriverStart {
                    reason: format!(
                        "`{}` did not report ready on {url}/status within {READY_TIMEOUT:?}",
                        process.label()
                    ),
                    output: process.output(),
                });
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The path of the chromedriver executable: `$CHROMEDRIVER` if set, otherwise Debian's
    /// `/usr/bin/chromedriver`, otherwise `chromedriver` on `PATH`.
    pub fn find() -> Result<PathBuf> {
        find_executable(
            "CHROMEDRIVER",
            &["chromedriver"],
            &["/usr/bin/chromedriver"],
        )
        .map_err(|searched| Error::ChromedriverNotFound { searched })
    }

    /// The base URL of its WebDriver API, e.g. `http://127.0.0.1:41234`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The operating system's id of the chromedriver process.
    pub fn pid(&self) -> u32 {
        self.process.id()
    }

    /// The last lines chromedriver (and the Chromium it started) printed.
    pub fn output(&self) -> String {
        self.process.output()
    }
}

/// The path of the Chromium executable for chromedriver to start: `$CHROMIUM` if set, otherwise
/// Debian's `/usr/bin/chromium`, otherwise `chromium`, `chromium-browser` or `google-chrome` on
/// `PATH`.
pub fn find_chromium() -> Result<PathBuf> {
    find_executable(
        "CHROMIUM",
        &["chromium", "chromium-browser", "google-chrome"],
        &["/usr/bin/chromium"],
    )
    .map_err(|searched| Error::ChromiumNotFound { searched })
}

/// `$env_var` if set (it must exist then), else the first of `fixed` that exists, else the first
/// of `names` on `PATH`. On failure, returns the list of places looked at.
fn find_executable(
    env_var: &str,
    names: &[&str],
    fixed: &[&str],
) -> std::result::Result<PathBuf, Vec<String>> {
    if let Some(value) = env::var_os(env_var) {
        let path = PathBuf::from(&value);
        return if path.is_file() {
            Ok(path)
        } else {
            Err(vec![format!("${env_var}={}", path.display())])
        };
    }
    let mut searched = vec![format!("${env_var} (not set)")];
    for fixed in fixed {
        let path = PathBuf::from(fixed);
        if path.is_file() {
            return Ok(path);
        }
        searched.push(fixed.to_string());
    }
    let dirs: Vec<PathBuf> = env::var_os("PATH")
        .map(|path| env::split_paths(&path).collect())
        .unwrap_or_default();
    for name in names {
        for dir in &dirs {
            let path = dir.join(name);
            if path.is_file() {
                return Ok(path);
            }
        }
        searched.push(format!("{name} on PATH"));
    }
    Err(searched)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_executable_lists_where_it_was_looked_for_and_what_to_do() {
        let searched = find_executable(
            "E2E_TEST_VARIABLE_NEVER_SET",
            &["e2e-no-such-program"],
            &["/nonexistent/e2e-no-such-program"],
        )
        .unwrap_err();
        assert_eq!(
            searched,
            [
                "$E2E_TEST_VARIABLE_NEVER_SET (not set)",
                "/nonexistent/e2e-no-such-program",
                "e2e-no-such-program on PATH",
            ]
        );
        let message = Error::ChromedriverNotFound { searched }.to_string();
        assert!(message.starts_with("chromedriver not found"), "{message}");
        assert!(message.contains("Run scripts/setup.sh"), "{message}");
    }

    #[test]
    fn an_executable_on_path_is_found() {
        // `sh` is on PATH on every machine this runs on.
        let found = find_executable("E2E_TEST_VARIABLE_NEVER_SET", &["sh"], &[]).unwrap();
        assert!(found.ends_with("sh") && found.is_file(), "{found:?}");
    }
}
