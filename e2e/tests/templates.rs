//! The app templates of `cargo app new`, as a user gets them: each is generated into a
//! temporary directory outside the workspace (with `--path-deps`, so that it uses this
//! checkout's crates), built and served by the build tool (`cargo app build`, `cargo app
//! serve`, nothing else), its own tests run with the README's command, and the app driven in
//! headless Chromium:
//!
//! - JavaScript off: the server's HTML is the page (the counter shows 0 and a click changes
//!   nothing); the form posts, and the browser follows the server's redirect to
//!   `/hello/<name>`; a refused name comes back on the page; an unknown URL is a 404 page.
//! - JavaScript on: the page hydrates (the counter button captured before hydration is the
//!   one that counts, nothing is removed from the DOM); the server-function button shows
//!   the server's answer; the form's redirect is followed by the router without loading a
//!   page; the console stays clean.
//!
//! The generated apps build into the workspace's own target directory (`CARGO_TARGET_DIR`),
//! as `cli/tests/fixture_apps.rs` does: natively into `target/`, for the browser into
//! `target/front` with every other wasm build of the workspace. Their dependencies are then
//! compiled once and shared with the examples' builds (same `Cargo.lock`: `--path-deps`
//! copies it), so the wasm standard library and most crates are already there; each run only
//! compiles the app crates and what the templates' features add (about 40 s per template on
//! 2 cores, where a target directory of their own costs some 6 minutes of dependencies). The
//! builds do not disturb the workspace's: a package's artifacts are kept apart by its
//! features, and an example built afterwards is still fresh.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

use e2e::examples::workspace_root;
use e2e::{Browser, Js, Server};

/// The build tool's executable, built once from this workspace (`cargo build -p cargo-app`).
/// Run directly, not with `cargo run`: the generated apps' `CARGO_TARGET_DIR` must not apply
/// to the build of the tool itself.
fn cargo_app_exe() -> &'static Path {
    static EXE: OnceLock<PathBuf> = OnceLock::new();
    EXE.get_or_init(|| {
        let output = Command::new(env!("CARGO"))
            .current_dir(workspace_root())
            .args([
                "build",
                "-q",
                "-p",
                "cargo-app",
                "--bin",
                "cargo-app",
                "--message-format=json-render-diagnostics",
            ])
            .output()
            .expect("running cargo build -p cargo-app");
        assert!(output.status.success(), "{}", describe(&output));
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter(|message| message["target"]["name"] == "cargo-app")
            .find_map(|message| message["executable"].as_str().map(PathBuf::from))
            .expect("cargo reported the cargo-app executable")
    })
}

/// Where the generated apps build: the workspace's target directory (the one the build
/// tool's executable is in, `<target>/<profile>/cargo-app`).
fn target_dir() -> PathBuf {
    let exe = cargo_app_exe();
    exe.parent()
        .and_then(Path::parent)
        .expect("the executable is in <target>/<profile>/")
        .to_path_buf()
}

/// `cargo-app app <args>` with the generated apps' target directory.
fn cargo_app(args: &[&str]) -> Command {
    let mut command = Command::new(cargo_app_exe());
    command
        .arg("app")
        .args(args)
        .env("CARGO_TARGET_DIR", target_dir());
    command
}

fn describe(output: &Output) -> String {
    format!(
        "{}\n--- stdout:\n{}\n--- stderr:\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A generated app in a temporary directory, removed when dropped.
///
/// The directory's path is the same on every run of this checkout (it is named after the
/// workspace's path): the app's package is then the same to cargo each time, and each run
/// replaces the previous run's build of it instead of adding another.
struct GeneratedApp {
    /// The temporary directory holding the app.
    scratch: PathBuf,
    /// The app's directory.
    dir: PathBuf,
}

impl GeneratedApp {
    /// `cargo app new <tmp>/<name> --server <server> --path-deps <workspace root>`.
    fn generate(server: &str, name: &str) -> GeneratedApp {
        let scratch = std::env::temp_dir().join(format!(
            "cargo-app-templates-{:016x}-{name}",
            fnv1a(workspace_root().to_string_lossy().as_bytes())
        ));
        let _ = std::fs::remove_dir_all(&scratch);
        std::fs::create_dir_all(&scratch).expect("creating the temporary directory");
        let app = GeneratedApp {
            dir: scratch.join(name),
            scratch,
        };
        let root = workspace_root();
        let output = cargo_app(&["new", &app.dir.to_string_lossy(), "--server", server])
            .arg("--path-deps")
            .arg(&root)
            .output()
            .expect("running cargo app new");
        assert!(output.status.success(), "{}", describe(&output));
        app
    }

    fn manifest(&self) -> PathBuf {
        self.dir.join("Cargo.toml")
    }

    fn file(&self, path: &str) -> String {
        std::fs::read_to_string(self.dir.join(path))
            .unwrap_or_else(|e| panic!("reading {path} of the generated app: {e}"))
    }
}

impl Drop for GeneratedApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.scratch);
    }
}

/// FNV-1a, to name the temporary directory after the workspace's path.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Builds are serialized: both templates share the target directory.
static BUILD: Mutex<()> = Mutex::new(());

/// Generates, builds and tests the `server` template as `name`, then drives it in Chromium.
fn check_template(server: &str, name: &str) -> e2e::Result<()> {
    let started = Instant::now();
    let app = GeneratedApp::generate(server, name);
    let manifest = app.manifest();
    let manifest_arg = manifest.to_string_lossy();

    // The README's two commands are the ones run here.
    let readme = app.file("README.md");
    assert!(readme.contains("\n    cargo app serve\n"), "{readme}");
    assert!(
        readme.contains("\n    cargo test --features ssr\n"),
        "{readme}"
    );
    assert!(
        !app.file("Cargo.toml").contains("[workspace]"),
        "nothing encloses it"
    );
    {
        let _guard = BUILD.lock().unwrap_or_else(|p| p.into_inner());
        let output = cargo_app(&["build", "--manifest-path", &manifest_arg])
            .output()
            .expect("running cargo app build");
        assert!(
            output.status.success(),
            "cargo app build: {}",
            describe(&output)
        );
        eprintln!("{name}: generated and built in {:?}", started.elapsed());

        let tests = Instant::now();
        let output = Command::new(env!("CARGO"))
            .current_dir(&app.dir)
            .args(["test", "--features", "ssr"])
            .env("CARGO_TARGET_DIR", target_dir())
            .output()
            .expect("running cargo test in the generated app");
        assert!(output.status.success(), "cargo test: {}", describe(&output));
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            stdout.contains("test result: ok. 2 passed"),
            "the app's two tests ran: {stdout}"
        );
        eprintln!("{name}: its tests ran in {:?}", tests.elapsed());
    }

    let addr = e2e::free_addr()?;
    let command = {
        let mut command = cargo_app(&["serve", "--manifest-path", &manifest_arg]);
        command.arg("--site-addr").arg(addr.to_string());
        command
    };
    // `cargo app serve` builds (the bundle and the server) before it listens: under the
    // same lock as the builds above, so the other template's build cannot hold cargo's
    // locks while the start-up timeout runs.
    let server = {
        let _guard = BUILD.lock().unwrap_or_else(|p| p.into_inner());
        Server::start(command, addr)?
    };
    let title = format!("Welcome to {name}");
    without_javascript(&server, &title)?;
    with_javascript(&server, &title)?;
    eprintln!("{name}: everything in {:?}", started.elapsed());
    Ok(())
}

/// The number of redirects the browser followed to load the current document.
fn redirect_count(browser: &Browser) -> e2e::Result<Option<u64>> {
    Ok(browser
        .eval(
            "const nav = performance.getEntriesByType('navigation')[0];\
             return nav ? nav.redirectCount : null;",
        )?
        .as_u64())
}

fn without_javascript(server: &Server, title: &str) -> e2e::Result<()> {
    let browser = Browser::launch(Js::Off)?;
    browser.goto(&server.url("/"))?;
    assert_eq!(browser.find("#title")?.text()?, title);
    assert_eq!(browser.response_status()?, Some(200));
    assert_eq!(browser.find("#counter")?.text()?, "Clicks: 0");
    // No JavaScript, no listener: clicking changes nothing.
    browser.find("#counter")?.click()?;
    assert_eq!(browser.find("#counter")?.text()?, "Clicks: 0");

    // The form posts to the server function, which answers with a redirect.
    browser.find("#name")?.send_keys("Ada")?;
    browser.find("#say-hello")?.click()?;
    browser.wait_for_text("#hello", "Hello, Ada!")?;
    assert_eq!(browser.current_url()?, server.url("/hello/Ada"));
    assert_eq!(
        redirect_count(&browser)?,
        Some(1),
        "the browser followed the server's redirect"
    );

    // A refused name comes back on the page the form was on.
    browser.goto(&server.url("/"))?;
    browser.find("#name")?.send_keys("not a name!")?;
    browser.find("#say-hello")?.click()?;
    browser.wait_for_text(
        "#hello-error",
        "error running server function: a name has 1 to 40 letters or digits",
    )?;
    assert!(browser.current_url()?.starts_with(&server.url("/")));

    browser.goto(&server.url("/no/such/page"))?;
    browser.wait_for_text("#not-found", "Page not found")?;
    assert_eq!(browser.response_status()?, Some(404));
    Ok(())
}

fn with_javascript(server: &Server, title: &str) -> e2e::Result<()> {
    let browser = Browser::launch(Js::On)?;
    browser.record_listeners()?;
    browser.watch_dom_removals()?;
    browser.mark_elements_early("#counter")?;
    browser.goto(&server.url("/"))?;
    assert_eq!(browser.find("#title")?.text()?, title);

    // Clicks before hydration are lost (no listener yet); keep clicking until one counts.
    let counter = browser.find("#counter")?;
    browser.wait_until(
        "the counter to count after hydration",
        e2e::DEFAULT_TIMEOUT,
        || {
            if browser.find("#counter")?.text()? == "Clicks: 0" {
                counter.click()?;
            }
            Ok(browser.find("#counter")?.text()? != "Clicks: 0")
        },
    )?;
    assert_eq!(browser.find("#counter")?.text()?, "Clicks: 1");
    counter.click()?;
    browser.wait_for_text("#counter", "Clicks: 2")?;
    assert!(
        browser.early_elements_survive("#counter")?,
        "the button from the server's HTML is the one hydrated, not a re-created copy"
    );
    assert_eq!(
        browser.removed_elements()?,
        vec![],
        "hydration removed nothing"
    );
    browser.mark_document()?;

    // The server function, called from a button.
    browser.find("#double")?.click()?;
    browser.wait_for_text("#answer", "The server says 4.")?;
    assert!(
        browser
            .requested_urls()?
            .iter()
            .any(|url| url.contains("/api/double_on_server")),
        "the answer came from the server: {:?}",
        browser.requested_urls()?
    );

    // The form: sent with fetch, and the server function's redirect followed by the router.
    browser.wait_for_document_listener("submit")?;
    browser.find("#name")?.send_keys("Grace")?;
    browser.find("#say-hello")?.click()?;
    browser.wait_for_text("#hello", "Hello, Grace!")?;
    assert_eq!(browser.current_url()?, server.url("/hello/Grace"));
    browser.find("main a[href='/']")?.click()?;
    browser.wait_for_text("#title", title)?;
    assert!(browser.is_same_document()?, "no page was loaded");

    assert_eq!(browser.console_errors()?, Vec::<String>::new());
    Ok(())
}

#[test]
fn the_axum_template_builds_serves_and_hydrates() -> e2e::Result<()> {
    check_template("axum", "axum_app")
}

#[test]
fn the_actix_template_builds_serves_and_hydrates() -> e2e::Result<()> {
    check_template("actix", "actix_app")
}
