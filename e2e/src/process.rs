//! A child process whose output is kept (the last few kilobytes) for error messages, and which is
//! killed when dropped. Shared by [`Chromedriver`](crate::Chromedriver) and
//! [`Server`](crate::Server).

use std::io::Read;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// How much of a process's output is kept.
const KEEP_BYTES: usize = 16 * 1024;

/// A running child process: stdin closed, stdout and stderr captured into one tail buffer.
#[derive(Debug)]
pub(crate) struct ChildProcess {
    child: Child,
    label: String,
    output: Arc<Mutex<Vec<u8>>>,
    /// The threads copying stdout and stderr into `output`; they end when the pipes close.
    readers: Vec<JoinHandle<()>>,
}

impl ChildProcess {
    /// Spawns `command` with its output captured. `label` names it in messages.
    pub(crate) fn spawn(mut command: Command) -> Result<ChildProcess> {
        let label = describe(&command);
        command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().map_err(|source| Error::ServerSpawn {
            command: label.clone(),
            source,
        })?;
        let output = Arc::new(Mutex::new(Vec::new()));
        let mut readers = Vec::new();
        if let Some(stdout) = child.stdout.take() {
            readers.push(drain(stdout, Arc::clone(&output)));
        }
        if let Some(stderr) = child.stderr.take() {
            readers.push(drain(stderr, Arc::clone(&output)));
        }
        Ok(ChildProcess {
            child,
            label,
            output,
            readers,
        })
    }

    /// The command line, for messages.
    pub(crate) fn label(&self) -> &str {
        &self.label
    }

    /// The operating system's id of the process.
    pub(crate) fn id(&self) -> u32 {
        self.child.id()
    }

    /// `Some(status)` once the process has exited.
    pub(crate) fn exited(&mut self) -> Option<ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    /// [`output`](Self::output) once the process has exited: first waits (at most a second)
    /// for the reader threads to copy what is left in the pipes, so the last lines it printed
    /// are there. A process it started that still holds the pipes only makes this wait out the
    /// second.
    pub(crate) fn final_output(&self) -> String {
        let deadline = Instant::now() + Duration::from_secs(1);
        while Instant::now() < deadline && !self.readers.iter().all(JoinHandle::is_finished) {
            thread::sleep(Duration::from_millis(5));
        }
        self.output()
    }

    /// The last lines the process wrote to stdout and stderr (interleaved as they arrived).
    pub(crate) fn output(&self) -> String {
        let bytes = self.output.lock().unwrap_or_else(|e| e.into_inner());
        let start = bytes.len().saturating_sub(KEEP_BYTES);
        let mut text = String::from_utf8_lossy(&bytes[start..]).into_owned();
        if start > 0 {
            // Drop the partial first line.
            if let Some(newline) = text.find('\n') {
                text.drain(..=newline);
            }
        }
        text
    }
}

impl Drop for ChildProcess {
    fn drop(&mut self) {
        // `kill` fails only if the process already exited; `wait` reaps it either way.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Copies `pipe` into `buffer` on a background thread until the pipe closes, keeping the
/// buffer's size bounded.
fn drain(mut pipe: impl Read + Send + 'static, buffer: Arc<Mutex<Vec<u8>>>) -> JoinHandle<()> {
    thread::spawn(move || {
        let mut chunk = [0u8; 4096];
        loop {
            match pipe.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let mut buffer = buffer.lock().unwrap_or_else(|e| e.into_inner());
                    buffer.extend_from_slice(&chunk[..n]);
                    if buffer.len() > 2 * KEEP_BYTES {
                        let excess = buffer.len() - KEEP_BYTES;
                        buffer.drain(..excess);
                    }
                }
            }
        }
    })
}

/// `program arg1 arg2`, for messages.
pub(crate) fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}
