//! A stand-in for an example app's server, for the harness's own tests of
//! [`e2e::Server`]: it listens on the address given as its first argument, after an optional
//! delay, and answers every request with one small HTML page.
//!
//! ```text
//! e2e-fixture-server 127.0.0.1:8123 [delay-ms]   serve, after sleeping delay-ms
//! e2e-fixture-server --fail                      print an error to stderr and exit with 3
//! ```

use std::io::{Read, Write};
use std::net::TcpListener;
use std::time::Duration;
use std::{env, process, thread};

const PAGE: &str =
    "<!doctype html><title>fixture</title><p id=hello>hello from the fixture server</p>";

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--fail") {
        eprintln!("fixture: cannot open the database, giving up");
        process::exit(3);
    }
    let Some(addr) = args.first() else {
        eprintln!("usage: e2e-fixture-server ADDR [DELAY_MS] | --fail");
        process::exit(2);
    };
    let delay_ms: u64 = args.get(1).and_then(|d| d.parse().ok()).unwrap_or(0);
    println!("fixture: starting in {delay_ms} ms");
    thread::sleep(Duration::from_millis(delay_ms));
    let listener = TcpListener::bind(addr).unwrap_or_else(|e| {
        eprintln!("fixture: cannot listen on {addr}: {e}");
        process::exit(1);
    });
    println!("fixture: listening on {addr}");
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        thread::spawn(move || {
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            let response = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\n{PAGE}",
                PAGE.len()
            );
            let _ = stream.write_all(response.as_bytes());
        });
    }
}
