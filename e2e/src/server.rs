//! [`Server`]: an example app's server process on a loopback port, and [`free_port`] to pick
//! the port.

use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::process::{describe, ChildProcess};

/// How long [`Server::start`] waits for the server to accept connections: long, because a
/// server may have work to do at start-up on a busy machine. Only a hang-breaker.
pub const SERVER_START_TIMEOUT: Duration = Duration::from_secs(60);

/// A port on `127.0.0.1` that nothing listens on right now (the operating system picks it).
///
/// Another process could take it before you bind it; that is unlikely enough for tests.
pub fn free_port() -> Result<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).map_err(|source| Error::Io {
        context: "binding 127.0.0.1:0 to find a free port".into(),
        source,
    })?;
    let port = listener
        .local_addr()
        .map_err(|source| Error::Io {
            context: "reading the address of a listener on 127.0.0.1:0".into(),
            source,
        })?
        .port();
    Ok(port)
}

/// `127.0.0.1:<free port>`: an address to tell a server to listen on (see [`free_port`]).
pub fn free_addr() -> Result<SocketAddr> {
    Ok(SocketAddr::from((Ipv4Addr::LOCALHOST, free_port()?)))
}

/// A server process (an example app) that accepts connections on a loopback address. Killed
/// when dropped (also when a test panics).
///
/// Start the server's binary itself, not `cargo run`: killing `cargo` would leave the server it
/// started running.
#[derive(Debug)]
pub struct Server {
    process: ChildProcess,
    addr: SocketAddr,
}

impl Server {
    /// Spawns `command` (which must make the server listen on `addr`: pass the address in an
    /// argument or environment variable) and waits until `addr` accepts TCP connections, at most
    /// [`SERVER_START_TIMEOUT`].
    ///
    /// Fails with [`Error::ServerExited`], with the server's output, if the process ends first.
    ///
    /// ```no_run
    /// # fn main() -> e2e::Result<()> {
    /// let addr = e2e::free_addr()?;
    /// let mut command = std::process::Command::new("target/debug/counter");
    /// command.env("LEPTOS_SITE_ADDR", addr.to_string());
    /// let server = e2e::Server::start(command, addr)?;
    /// let browser = e2e::Browser::launch(e2e::Js::On)?;
    /// browser.goto(&server.url("/"))?;
    /// # Ok(()) }
    /// ```
    pub fn start(command: Command, addr: SocketAddr) -> Result<Server> {
        Server::start_with_timeout(command, addr, SERVER_START_TIMEOUT)
    }

    /// [`Server::start`] with another start-up timeout.
    pub fn start_with_timeout(
        command: Command,
        addr: SocketAddr,
        timeout: Duration,
    ) -> Result<Server> {
        if accepts(addr) {
            return Err(Error::ServerSpawn {
                command: describe(&command),
                source: std::io::Error::new(
                    std::io::ErrorKind::AddrInUse,
                    format!("another process already listens on {addr}; pick a free_port()"),
                ),
            });
        }
        let mut process = ChildProcess::spawn(command)?;
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = process.exited() {
                return Err(Error::ServerExited {
                    command: process.label().to_owned(),
                    addr,
                    status,
                    output: process.final_output(),
                });
            }
            if accepts(addr) {
                return Ok(Server { process, addr });
            }
            if Instant::now() >= deadline {
                return Err(Error::Timeout {
                    awaited: format!(
                        "the server `{}` to accept connections on {addr}; its output so far:\n{}",
                        process.label(),
                        process.output()
                    ),
                    waited: timeout,
                });
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://<addr><path>`; `path` starts with `/`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The last lines the server printed (stdout and stderr), for failure messages.
    pub fn output(&self) -> String {
        self.process.output()
    }

    /// The operating system's id of the server process.
    pub fn pid(&self) -> u32 {
        self.process.id()
    }
}

fn accepts(addr: SocketAddr) -> bool {
    TcpStream::connect_timeout(&addr, Duration::from_millis(500)).is_ok()
}
