//! A small static file server for client-only apps, on `std::net::TcpListener` with a thread per
//! connection: `GET` and `HEAD`, one request per connection (`Connection: close`), the right
//! `Content-Type` for what a site holds (`.wasm` as `application/wasm`, which
//! `WebAssembly.instantiateStreaming` requires), no caching, and `index.html` for directories and
//! for extension-less paths that match no file (client-side routes).
//!
//! It runs until the process is stopped (Ctrl-C).

use std::fs;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use crate::error::Error;
use crate::warn;

/// Serves the files under `root` on `addr`, forever.
pub(crate) fn serve(root: &Path, addr: SocketAddr) -> Result<(), Error> {
    let listener = TcpListener::bind(addr).map_err(|e| {
        Error::io(
            format!("listening on {addr} (is another server running there? pass --site-addr)"),
            e,
        )
    })?;
    serve_on(listener, root.to_owned());
    Ok(())
}

/// Serves the files under `root` on `listener`, forever.
pub(crate) fn serve_on(listener: TcpListener, root: PathBuf) {
    for stream in listener.incoming() {
        match stream {
            Ok(stream) => {
                let root = root.clone();
                thread::spawn(move || {
                    // A client that goes away mid-response is not our problem.
                    let _ = handle(stream, &root);
                });
            }
            Err(e) => warn(format!("accepting a connection: {e}")),
        }
    }
}

/// The `Content-Type` for a file, from its extension.
pub(crate) fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json" | "map") => "application/json",
        Some("txt") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("ico") => "image/x-icon",
        Some("woff") => "font/woff",
        Some("woff2") => "font/woff2",
        Some("ttf") => "font/ttf",
        Some("xml") => "application/xml",
        Some("pdf") => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// The file under `root` that the request target `target` (e.g. `/pkg/app.js?v=1`) names, or
/// `None` (404). Paths that try to leave `root` (`..`) are refused.
pub(crate) fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    let mut file = root.to_owned();
    let mut last = "";
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            s if s.contains('\\') || s.contains('\0') => return None,
            s => {
                file.push(s);
                last = s;
            }
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    if file.is_file() {
        return Some(file);
    }
    // A client-side route such as /about: the app's page handles it.
    let index = root.join("index.html");
    (!last.contains('.') && index.is_file()).then_some(index)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn handle(stream: TcpStream, root: &Path) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Skip the headers: nothing in them changes the response.
    let mut header = String::new();
    for _ in 0..200 {
        header.clear();
        if reader.read_line(&mut header)? == 0 || header.trim_end().is_empty() {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let mut out = &stream;
    match method {
        "GET" | "HEAD" => {}
        "" => return Ok(()),
        _ => {
            return respond(
                &mut out,
                "405 Method Not Allowed",
                "text/plain",
                b"405",
                true,
            )
        }
    }
    let head_only = method == "HEAD";
    match resolve(root, target).map(|f| fs::read(&f).map(|body| (f, body))) {
        Some(Ok((file, body))) => {
            respond(&mut out, "200 OK", content_type(&file), &body, !head_only)
        }
        Some(Err(_)) | None => respond(
            &mut out,
            "404 Not Found",
            "text/plain; charset=utf-8",
            b"404 not found",
            !head_only,
        ),
    }
}

fn respond(
    out: &mut impl Write,
    status: &str,
    content_type: &str,
    body: &[u8],
    with_body: bool,
) -> io::Result<()> {
    write!(
        out,
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if with_body {
        out.write_all(body)?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn content_types() {
        let ct = |p: &str| content_type(Path::new(p));
        assert_eq!(ct("pkg/app_bg.wasm"), "application/wasm");
        assert_eq!(ct("pkg/app.js"), "text/javascript; charset=utf-8");
        assert_eq!(ct("x.mjs"), "text/javascript; charset=utf-8");
        assert_eq!(ct("index.html"), "text/html; charset=utf-8");
        assert_eq!(ct("INDEX.HTM"), "text/html; charset=utf-8");
        assert_eq!(ct("style.css"), "text/css; charset=utf-8");
        assert_eq!(ct("logo.svg"), "image/svg+xml");
        assert_eq!(ct("data.bin"), "application/octet-stream");
        assert_eq!(ct("Makefile"), "application/octet-stream");
    }

    fn site(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("cargo-app-static-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("pkg")).unwrap();
        fs::write(dir.join("index.html"), "<p>hi</p>").unwrap();
        fs::write(dir.join("pkg/app.js"), "export default 1;").unwrap();
        fs::write(dir.join("pkg/a b.wasm"), b"\0asm").unwrap();
        dir
    }

    #[test]
    fn resolves_paths_inside_the_root_only() {
        let root = site("resolve");
        assert_eq!(resolve(&root, "/"), Some(root.join("index.html")));
        assert_eq!(
            resolve(&root, "/pkg/app.js?v=2"),
            Some(root.join("pkg/app.js"))
        );
        assert_eq!(
            resolve(&root, "/pkg/a%20b.wasm"),
            Some(root.join("pkg/a b.wasm"))
        );
        assert_eq!(resolve(&root, "/about/team"), Some(root.join("index.html")));
        assert_eq!(resolve(&root, "/pkg/missing.js"), None);
        assert_eq!(resolve(&root, "/../etc/passwd"), None);
        assert_eq!(resolve(&root, "/pkg/%2e%2e/%2e%2e/x"), None);
        assert_eq!(resolve(&root, "/%zz"), None);
        fs::remove_dir_all(&root).unwrap();
    }

    fn get(addr: SocketAddr, method: &str, path: &str) -> String {
        let mut s = TcpStream::connect(addr).unwrap();
        write!(s, "{method} {path} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let mut response = String::new();
        s.read_to_string(&mut response).unwrap();
        response
    }

    #[test]
    fn serves_files() {
        let root = site("serve");
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let served = root.clone();
        thread::spawn(move || serve_on(listener, served));

        let r = get(addr, "GET", "/");
        assert!(r.starts_with("HTTP/1.1 200 OK\r\n"), "{r}");
        assert!(
            r.contains("Content-Type: text/html; charset=utf-8\r\n"),
            "{r}"
        );
        assert!(r.ends_with("\r\n\r\n<p>hi</p>"), "{r}");

        let r = get(addr, "GET", "/pkg/a%20b.wasm");
        assert!(r.contains("Content-Type: application/wasm\r\n"), "{r}");
        assert!(r.contains("Content-Length: 4\r\n"), "{r}");

        let r = get(addr, "HEAD", "/pkg/app.js");
        assert!(r.contains("Content-Type: text/javascript"), "{r}");
        assert!(r.ends_with("\r\n\r\n"), "{r}");

        assert!(get(addr, "GET", "/nope.css").starts_with("HTTP/1.1 404"));
        assert!(get(addr, "POST", "/").starts_with("HTTP/1.1 405"));
        fs::remove_dir_all(&root).unwrap();
    }
}
