//! The harness's own tests: static pages served from a thread of this test process, driven in
//! headless Chromium with JavaScript on and off, plus the server-process helper.
//!
//! One browser per JavaScript mode (launching one takes about a second); each test function
//! runs its checks in sections, in one browser. Needs chromium and chromedriver
//! (`scripts/setup.sh`); without them the browser tests fail with that advice.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use e2e::{Browser, Error, Js, Server};
use serde_json::json;

// --- the pages ----------------------------------------------------------------------------

/// Path → HTML. Each page is as small as the check that uses it.
const PAGES: &[(&str, &str)] = &[
    (
        "/js",
        r#"<!doctype html><title>js</title>
<p id="status">static</p>
<script>document.getElementById("status").textContent = "scripted";</script>"#,
    ),
    (
        "/click",
        r#"<!doctype html><title>click page</title>
<button id="button" data-kind="primary" onclick="document.getElementById('out').textContent = 'clicked'">Click</button>
<span id="out">idle</span>
<input id="name" value="initial">
<ul><li>one</li><li>two</li><li>three</li></ul>"#,
    ),
    (
        "/error",
        r#"<!doctype html><title>error</title><script>console.error("x")</script>"#,
    ),
    (
        "/clean",
        r#"<!doctype html><title>clean</title><p>clean</p>"#,
    ),
    // An inline script removes #gone while the page is still being parsed; a module script
    // (deferred, like a wasm app's loader) then replaces #app with a new element.
    (
        "/replace",
        r#"<!doctype html><title>replace</title>
<div id="gone">removed during parsing</div>
<script>document.getElementById("gone").remove();</script>
<div id="app"><p>server</p></div>
<script type="module">
  const fresh = document.createElement("div");
  fresh.id = "app";
  fresh.innerHTML = "<p>client</p>";
  document.getElementById("app").replaceWith(fresh);
</script>"#,
    ),
    // A module script only changes text: what hydration should do.
    (
        "/text-only",
        r#"<!doctype html><title>text only</title>
<div id="app"><p id="message">server</p></div>
<script type="module">document.getElementById("message").textContent = "client";</script>"#,
    ),
    (
        "/nav-a",
        r#"<!doctype html><title>a</title>
<a id="full" href="/nav-b">full load</a>
<button id="push" onclick="history.pushState({}, '', '/nav-pushed'); document.getElementById('where').textContent = 'pushed'">push</button>
<span id="where">a</span>"#,
    ),
    (
        "/nav-b",
        r#"<!doctype html><title>b</title><p id="on-b">b</p>"#,
    ),
];

/// Serves [`PAGES`] on a free loopback port from background threads, for the rest of the test
/// process; returns the base URL (`http://127.0.0.1:port`). Unknown paths, `/favicon.ico`
/// among them, get a 404 page.
fn serve_pages() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let addr = listener.local_addr().expect("local_addr");
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            thread::spawn(move || answer(stream));
        }
    });
    format!("http://{addr}")
}

fn answer(mut stream: TcpStream) {
    let mut request = Vec::new();
    let mut chunk = [0u8; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&chunk[..n]),
        }
    }
    let request = String::from_utf8_lossy(&request);
    let target = request.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or(target);
    let (status, body) = match PAGES.iter().find(|(p, _)| *p == path) {
        Some((_, html)) => ("200 OK", *html),
        None => (
            "404 Not Found",
            "<!doctype html><title>404</title><p>not found</p>",
        ),
    };
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(response.as_bytes());
}

fn launch(js: Js) -> Browser {
    timed(&format!("Browser::launch({js:?})"), || {
        Browser::launch(js).unwrap_or_else(|e| panic!("{e}"))
    })
}

// --- JavaScript on ------------------------------------------------------------------------

#[test]
fn js_on() -> e2e::Result<()> {
    let site = serve_pages();
    let mut browser = launch(Js::On);

    timed("scripts_run", || scripts_run(&browser, &site))?;
    timed("find_click_text", || find_click_text(&browser, &site))?;
    timed("eval", || eval(&browser, &site))?;
    timed("console_errors", || console_errors(&browser, &site))?;
    timed("document_marker", || document_marker(&browser, &site))?;
    timed("probes", || probes(&browser, &site))?;
    timed("errors", || errors(&mut browser, &site))?;
    Ok(())
}

/// Runs one section of checks, printing how long it took (shown when the test fails, or with
/// `--nocapture`).
fn timed<T>(section: &str, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let result = f();
    eprintln!("{section}: {:?}", started.elapsed());
    result
}

fn scripts_run(browser: &Browser, site: &str) -> e2e::Result<()> {
    browser.goto(&format!("{site}/js"))?;
    assert_eq!(browser.find("#status")?.text()?, "scripted");
    Ok(())
}

fn find_click_text(browser: &Browser, site: &str) -> e2e::Result<()> {
    browser.goto(&format!("{site}/click"))?;
    assert_eq!(browser.title()?, "click page");
    assert_eq!(browser.current_url()?, format!("{site}/click"));
    assert_eq!(browser.response_status()?, Some(200));

    let out = browser.find("#out")?;
    assert_eq!(out.text()?, "idle");
    let button = browser.find("#button")?;
    assert_eq!(button.tag_name()?, "button");
    assert_eq!(button.attr("data-kind")?.as_deref(), Some("primary"));
    assert_eq!(button.attr("no-such-attribute")?, None);
    button.click()?;
    browser.wait_for_text("#out", "clicked")?;
    assert_eq!(out.text()?, "clicked");

    // Typing changes the `value` property, not the attribute.
    let input = browser.find("#name")?;
    input.send_keys(" more")?;
    assert_eq!(input.property("value")?, json!("initial more"));
    assert_eq!(input.attr("value")?.as_deref(), Some("initial"));
    input.clear()?;
    assert_eq!(input.property("value")?, json!(""));

    let items = browser.find_all("li")?;
    let texts: Vec<String> = items.iter().map(|li| li.text()).collect::<Result<_, _>>()?;
    assert_eq!(texts, ["one", "two", "three"]);
    let list = browser.find("ul")?;
    assert_eq!(list.find_all("li")?.len(), 3);
    assert_eq!(
        list.try_find("li")?.expect("an li in the ul").text()?,
        "one"
    );
    assert!(list.try_find("button")?.is_none());
    assert!(browser.find_all("table")?.is_empty());
    assert!(items[0].same_node(&browser.find("li")?)?);
    assert!(!items[0].same_node(&items[1])?);

    // A 404 page is a page: goto succeeds, the status tells.
    browser.goto(&format!("{site}/no-such-page"))?;
    assert_eq!(browser.response_status()?, Some(404));
    Ok(())
}

fn eval(browser: &Browser, site: &str) -> e2e::Result<()> {
    browser.goto(&format!("{site}/click"))?;
    assert_eq!(browser.eval("return 1 + 2")?, json!(3));
    assert_eq!(browser.eval("const x = 1;")?, json!(null));
    let button = browser.find("#button")?;
    assert_eq!(
        browser.eval_with(
            "return arguments[0].id + arguments[1]",
            &[button.to_arg(), json!("!")]
        )?,
        json!("button!")
    );
    // A returned promise is awaited.
    assert_eq!(
        browser.eval("return new Promise(resolve => setTimeout(() => resolve(5), 10))")?,
        json!(5)
    );
    assert_eq!(
        browser.eval_async("setTimeout(() => done({ later: true }), 10)")?,
        json!({ "later": true })
    );
    Ok(())
}

fn console_errors(browser: &Browser, site: &str) -> e2e::Result<()> {
    browser.console_errors()?; // empty the log of the earlier pages

    browser.goto(&format!("{site}/clean"))?;
    assert_eq!(browser.console_errors()?, Vec::<String>::new());

    browser.goto(&format!("{site}/error"))?;
    let mut errors = Vec::new();
    browser.wait_until(
        "console.error(\"x\") to be logged",
        e2e::DEFAULT_TIMEOUT,
        || {
            errors.extend(browser.console_errors()?);
            Ok(!errors.is_empty())
        },
    )?;
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].ends_with("\"x\""), "{errors:?}");
    assert!(errors[0].contains(&format!("{site}/error")), "{errors:?}");
    Ok(())
}

fn document_marker(browser: &Browser, site: &str) -> e2e::Result<()> {
    browser.goto(&format!("{site}/nav-a"))?;
    browser.mark_document()?;
    assert!(browser.is_same_document()?);

    // Client-side navigation: the URL changes, the document stays.
    browser.find("#push")?.click()?;
    browser.wait_for_text("#where", "pushed")?;
    assert_eq!(browser.current_url()?, format!("{site}/nav-pushed"));
    assert!(browser.is_same_document()?);

    // A link without a router: a full page load.
    browser.find("#full")?.click()?;
    browser.find("#on-b")?;
    assert!(!browser.is_same_document()?);
    Ok(())
}

fn probes(browser: &Browser, site: &str) -> e2e::Result<()> {
    let watcher = browser.watch_dom_removals()?;
    browser.mark_elements_early("#app")?;

    // Elements replaced by scripts, during parsing and after it, are recorded; the element kept
    // before the module script ran is no longer in the document.
    browser.goto(&format!("{site}/replace"))?;
    browser.wait_for_text("#app", "client")?;
    let removed = browser.removed_elements()?;
    assert_eq!(removed.len(), 2, "{removed:?}");
    assert_eq!(removed[0].tag, "div");
    assert_eq!(removed[0].parent, "BODY");
    assert!(
        removed[0].html.contains("removed during parsing"),
        "{removed:?}"
    );
    assert_eq!(removed[1].tag, "div");
    assert_eq!(removed[1].html, r#"<div id="app"><p>server</p></div>"#);
    assert!(!browser.early_elements_survive("#app")?);
    let early_is_current = "return window.__e2e_early.length === 1 \
        && window.__e2e_early[0] === document.querySelector('#app')";
    assert_eq!(browser.eval(early_is_current)?, json!(false));
    assert_eq!(
        browser.eval("return window.__e2e_early[0].textContent")?,
        json!("server")
    );

    // Only text changed: nothing removed, the elements are the server's.
    browser.goto(&format!("{site}/text-only"))?;
    browser.wait_for_text("#app", "client")?;
    assert_eq!(browser.removed_elements()?, vec![]);
    assert!(browser.early_elements_survive("#app")?);
    assert_eq!(browser.eval(early_is_current)?, json!(true));

    // Nothing kept for a selector that was never marked: an error, not a vacuous `true`.
    let err = browser.early_elements_survive("#never-marked").unwrap_err();
    assert!(err.to_string().contains("mark_elements_early"), "{err}");

    // Without the watcher, reading the removals says how to install it.
    browser.remove_on_new_document(&watcher)?;
    browser.goto(&format!("{site}/clean"))?;
    let err = browser.removed_elements().unwrap_err();
    assert!(err.to_string().contains("watch_dom_removals()"), "{err}");
    Ok(())
}

fn errors(browser: &mut Browser, site: &str) -> e2e::Result<()> {
    browser.goto(&format!("{site}/click"))?;

    // A missing element: the error names the selector (after a short wait here).
    browser.set_timeout(Duration::from_millis(300));
    let started = Instant::now();
    let err = browser.find("#does-not-exist").unwrap_err();
    assert!(started.elapsed() >= Duration::from_millis(300));
    browser.set_timeout(e2e::DEFAULT_TIMEOUT);
    assert!(matches!(err, Error::ElementNotFound { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.starts_with("element not found"), "{message}");
    assert!(message.contains("`#does-not-exist`"), "{message}");

    // An element the page removed.
    let out = browser.find("#out")?;
    browser.eval("document.getElementById('out').remove()")?;
    let err = out.text().unwrap_err();
    assert!(matches!(err, Error::StaleElement { .. }), "{err:?}");
    assert!(err.to_string().contains("`#out`"), "{err}");

    // A script that throws.
    let err = browser.eval("throw new Error('boom')").unwrap_err();
    assert!(matches!(err, Error::Script { .. }), "{err:?}");
    assert!(err.to_string().contains("boom"), "{err}");

    // Nothing listens on that port.
    let url = format!("http://127.0.0.1:{}/", e2e::free_port()?);
    let err = browser.goto(&url).unwrap_err();
    assert!(matches!(err, Error::PageLoad { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.starts_with(&format!("page did not load: {url}")),
        "{message}"
    );

    // The browser still works afterwards.
    browser.goto(&format!("{site}/clean"))?;
    assert_eq!(browser.find("p")?.text()?, "clean");
    Ok(())
}

// --- JavaScript off -----------------------------------------------------------------------

#[test]
fn js_off() -> e2e::Result<()> {
    let site = serve_pages();
    let browser = launch(Js::Off);

    // The inline script does not run: the server's text stays.
    browser.goto(&format!("{site}/js"))?;
    assert_eq!(browser.find("#status")?.text()?, "static");
    // WebDriver's own scripts still run.
    assert_eq!(
        browser.eval("return document.getElementById('status').textContent")?,
        json!("static")
    );

    // An inline onclick handler does not run either (it would have run before click returned).
    browser.goto(&format!("{site}/click"))?;
    browser.find("#button")?.click()?;
    assert_eq!(browser.find("#out")?.text()?, "idle");

    // The probes' callbacks would not run: they refuse, rather than report nothing.
    let err = browser.watch_dom_removals().unwrap_err();
    assert!(matches!(err, Error::NeedsJavaScript { .. }), "{err:?}");
    assert!(err.to_string().contains("Js::On"), "{err}");

    // The document marker works (WebDriver's scripts run).
    browser.goto(&format!("{site}/nav-a"))?;
    browser.mark_document()?;
    assert!(browser.is_same_document()?);
    browser.find("#full")?.click()?;
    browser.find("#on-b")?;
    assert!(!browser.is_same_document()?);
    Ok(())
}

// --- waiting ------------------------------------------------------------------------------

#[test]
fn wait_until_times_out_with_what_it_awaited() {
    let started = Instant::now();
    let mut polls = 0;
    let err = e2e::wait_until("the moon to turn blue", Duration::from_millis(200), || {
        polls += 1;
        Ok(false)
    })
    .unwrap_err();
    let waited = started.elapsed();
    assert!(waited >= Duration::from_millis(200), "{waited:?}");
    assert!(waited < Duration::from_secs(5), "{waited:?}");
    assert!(polls >= 2, "polled {polls} times");
    let message = err.to_string();
    assert!(
        message.starts_with("timed out after 200ms waiting for the moon to turn blue"),
        "{message}"
    );

    // Done as soon as the condition holds; an error ends the wait at once.
    let mut n = 0;
    e2e::wait_until("n to reach 3", Duration::from_secs(20), || {
        n += 1;
        Ok(n == 3)
    })
    .unwrap();
    assert_eq!(n, 3);
    let started = Instant::now();
    let err = e2e::wait_until("never", Duration::from_secs(20), || {
        Err(Error::Timeout {
            awaited: "inner".into(),
            waited: Duration::ZERO,
        })
    })
    .unwrap_err();
    assert!(err.to_string().contains("inner"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

// --- server processes ---------------------------------------------------------------------

fn fixture_server() -> Command {
    Command::new(env!("CARGO_BIN_EXE_e2e-fixture-server"))
}

fn http_get(addr: std::net::SocketAddr) -> std::io::Result<String> {
    let mut stream = TcpStream::connect(addr)?;
    stream.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    Ok(response)
}

#[test]
fn server_waits_for_its_port_and_is_killed_on_drop() -> e2e::Result<()> {
    let addr = e2e::free_addr()?;
    let mut command = fixture_server();
    // It binds its port only after 300 ms: start must wait for it.
    command.args([addr.to_string(), "300".into()]);
    let server = Server::start(command, addr)?;
    assert_eq!(server.url("/x"), format!("http://{addr}/x"));
    let response = http_get(addr).expect("the server answers once start returned");
    assert!(
        response.contains("hello from the fixture server"),
        "{response}"
    );
    // The server prints this line after it binds, and a reader thread collects its output,
    // so the line may arrive a moment after the port accepts.
    e2e::wait_until(
        "the server's output to say it listens",
        e2e::DEFAULT_TIMEOUT,
        || Ok(server.output().contains("fixture: listening on")),
    )?;

    drop(server);
    e2e::wait_until(
        "the killed server's port to close",
        e2e::DEFAULT_TIMEOUT,
        || Ok(TcpStream::connect(addr).is_err()),
    )
}

#[test]
fn server_that_exits_early_reports_its_output() {
    let addr = e2e::free_addr().unwrap();
    let mut command = fixture_server();
    command.arg("--fail");
    let err = Server::start(command, addr).unwrap_err();
    assert!(matches!(err, Error::ServerExited { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("exited (exit status: 3)"), "{message}");
    assert!(message.contains(&addr.to_string()), "{message}");
    assert!(message.contains("cannot open the database"), "{message}");
}

#[test]
fn server_refuses_an_address_in_use() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let mut command = fixture_server();
    command.arg(addr.to_string());
    let err = Server::start(command, addr).unwrap_err();
    assert!(err.to_string().contains("already listens on"), "{err}");
}
