//! `cargo app build` and `cargo app serve` on the fixture apps in `tests/fixtures/`, for real:
//! wasm builds, wasm-bindgen, the static server, and an isomorphic app's server binary.
//!
//! The fixtures are copied to a stable directory under the target directory (only changed
//! files are rewritten, so cargo sees nothing new), and their builds share this workspace's
//! target directory (`CARGO_TARGET_DIR`), so the wasm builds land in `target/front` with every
//! other wasm build of the workspace: the standard library is compiled there once (about a
//! minute on 2 cores on the Debian route), and a rerun with nothing changed takes a few seconds.
//!
//! They need the wasm toolchain and wasm-bindgen-cli (`scripts/setup.sh`). Set
//! `CARGO_APP_SKIP_WASM_TESTS=1` to skip them on a machine without it.

use std::fs;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

/// Whether to skip (says so on stderr).
fn skip() -> bool {
    let skip = std::env::var_os("CARGO_APP_SKIP_WASM_TESTS").is_some_and(|v| v != "0");
    if skip {
        eprintln!("CARGO_APP_SKIP_WASM_TESTS is set: skipping");
    }
    skip
}

/// This workspace's target directory (`CARGO_TARGET_TMPDIR` is `<target>/tmp`).
fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR has a parent")
        .to_owned()
}

/// Copies `tests/fixtures/<name>` to a stable place and returns it. Files whose content is
/// unchanged are left alone, so that a rerun's cargo build finds everything fresh.
fn fixture(name: &str) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let to = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cargo-app-fixtures")
        .join(name);
    sync_dir(&from, &to);
    // The site is rebuilt from scratch, so that the checks see this run's files.
    let _ = fs::remove_dir_all(to.join("target/site"));
    to
}

fn sync_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if entry.file_type().unwrap().is_dir() {
            sync_dir(&src, &dst);
        } else {
            let content = fs::read(&src).unwrap();
            if fs::read(&dst).ok().as_ref() != Some(&content) {
                fs::write(&dst, content).unwrap();
            }
        }
    }
}

/// `cargo-app` with the builds going to this workspace's target directory.
fn cargo_app() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cargo-app"));
    cmd.env("CARGO_TARGET_DIR", target_dir())
        .stdin(Stdio::null());
    cmd
}

fn describe(out: &Output) -> String {
    format!(
        "{}\n--- stdout:\n{}\n--- stderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Builds the client-only fixture once for all the tests that need it; returns its directory.
fn built_csr_app() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = fixture("csr_app");
        let out = cargo_app()
            .args(["app", "build", "--manifest-path"])
            .arg(dir.join("Cargo.toml"))
            .output()
            .unwrap();
        assert!(out.status.success(), "cargo app build: {}", describe(&out));
        let stderr = String::from_utf8_lossy(&out.stderr);
        for line in [
            "App csr-fixture (client-only, debug)",
            "Building wasm bundle (csr)",
            "Running wasm-bindgen",
            "Bundle target/site/pkg/csr_fixture_bg.wasm",
        ] {
            assert!(stderr.contains(line), "no {line:?} in:\n{stderr}");
        }
        dir
    })
}

#[test]
fn builds_a_client_only_app() {
    if skip() {
        return;
    }
    let site = built_csr_app().join("target/site");
    for file in [
        "pkg/csr_fixture.js",
        "pkg/csr_fixture_bg.wasm",
        "index.html",
    ] {
        assert!(site.join(file).is_file(), "{} missing", file);
    }
    let wasm = fs::read(site.join("pkg/csr_fixture_bg.wasm")).unwrap();
    assert_eq!(&wasm[..4], b"\0asm");
    let html = fs::read_to_string(site.join("index.html")).unwrap();
    assert!(
        html.contains(r#"import init from "/pkg/csr_fixture.js";"#),
        "{html}"
    );
}

/// A port that was free a moment ago.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `GET path` over HTTP/1.1; returns the head and the body.
fn get(addr: SocketAddr, path: &str) -> std::io::Result<(String, Vec<u8>)> {
    let mut s = TcpStream::connect(addr)?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )?;
    let mut response = Vec::new();
    s.read_to_end(&mut response)?;
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete response head");
    let head = String::from_utf8_lossy(&response[..split]).into_owned();
    Ok((head, response[split + 4..].to_vec()))
}

#[test]
fn serves_a_client_only_app() {
    if skip() {
        return;
    }
    let dir = built_csr_app();
    let addr: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().unwrap();
    let log = dir.join("serve.log");
    let mut child = cargo_app()
        .args(["app", "serve", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .arg("--site-addr")
        .arg(addr.to_string())
        .stdout(Stdio::null())
        .stderr(fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let log_text = || fs::read_to_string(&log).unwrap_or_default();

    // The serve command builds first (nothing to do: the build above ran), then listens.
    let deadline = Instant::now() + Duration::from_secs(300);
    let index = loop {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("cargo app serve exited ({status}):\n{}", log_text());
        }
        match get(addr, "/") {
            Ok(response) => break response,
            Err(_) if Instant::now() < deadline => thread::sleep(Duration::from_millis(100)),
            Err(e) => {
                let _ = child.kill();
                panic!("nothing served at {addr}: {e}\n{}", log_text());
            }
        }
    };
    let wasm = get(addr, "/pkg/csr_fixture_bg.wasm");
    let missing = get(addr, "/pkg/missing.js");
    child.kill().unwrap();
    child.wait().unwrap();

    let (head, body) = index;
    assert!(head.starts_with("HTTP/1.1 200 OK"), "{head}");
    assert!(
        head.contains("Content-Type: text/html; charset=utf-8"),
        "{head}"
    );
    assert!(String::from_utf8_lossy(&body).contains("/pkg/csr_fixture.js"));
    let (head, body) = wasm.unwrap();
    assert!(head.starts_with("HTTP/1.1 200 OK"), "{head}");
    assert!(head.contains("Content-Type: application/wasm"), "{head}");
    assert_eq!(&body[..4], b"\0asm");
    let (head, _) = missing.unwrap();
    assert!(head.starts_with("HTTP/1.1 404"), "{head}");
    assert!(
        log_text().contains(&format!("Serving at http://{addr}")),
        "{}",
        log_text()
    );
}

#[test]
fn builds_and_runs_an_isomorphic_app() {
    if skip() {
        return;
    }
    let dir = fixture("iso_app");
    let addr = format!("127.0.0.1:{}", free_port());
    let out = cargo_app()
        .args(["app", "serve", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .args(["--site-addr", &addr])
        .output()
        .unwrap();
    // The fixture's server prints its settings and exits with 3: serve passes the code on.
    assert_eq!(out.status.code(), Some(3), "{}", describe(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let site = dir.join("target/site");
    for line in [
        "Hello from iso-fixture".to_owned(),
        "LEPTOS_OUTPUT_NAME=iso_fixture".to_owned(),
        format!("LEPTOS_SITE_ROOT={}", site.display()),
        "LEPTOS_SITE_PKG_DIR=assets".to_owned(),
        format!("LEPTOS_SITE_ADDR={addr}"),
        "LEPTOS_ENV=DEV".to_owned(),
        "ssr=true".to_owned(),
    ] {
        assert!(
            stdout.lines().any(|l| l == line),
            "no {line:?} in:\n{}",
            describe(&out)
        );
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Building wasm bundle (hydrate)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Building server `iso-fixture` (ssr)"),
        "{stderr}"
    );
    for file in [
        "assets/iso_fixture.js",
        "assets/iso_fixture_bg.wasm",
        "style.css",
    ] {
        assert!(site.join(file).is_file(), "{file} missing");
    }
    // An isomorphic app's page comes from its server: no index.html is written.
    assert!(!site.join("index.html").exists());
}

#[test]
fn reports_a_missing_manifest() {
    let out = cargo_app()
        .args(["app", "build", "--manifest-path", "/nonexistent/Cargo.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error: no Cargo.toml at /nonexistent/Cargo.toml"),
        "{stderr}"
    );
}
