//! The router example (`examples/router`) in headless Chromium, served by the build tool.
//!
//! - JavaScript off: every route loads directly by URL with the right content and status
//!   (404 for an unknown URL or contact, a redirect from the protected page to the login
//!   page); links and the search form are plain HTML; logging in posts a form and follows
//!   the server's redirects.
//! - JavaScript on: the page hydrates without re-creating anything; links, the search form,
//!   the server function's redirect after logging in and the protected page's redirect
//!   navigate without loading a document (the Navigation Timing entry stays the first
//!   page's and a marker on `window` survives); back and forward restore the route and the
//!   scroll position; an unknown URL shows the fallback with a 404.

use e2e::{Browser, Js, Server};

fn serve() -> Server {
    e2e::examples::serve_example("router", |_| {})
}

/// The URL of the current document's navigation (the page that was loaded, whatever
/// client-side navigation happened since).
fn loaded_url(browser: &Browser) -> e2e::Result<String> {
    let value = browser.eval(
        "const entries = performance.getEntriesByType('navigation');\
         return entries.length === 1 ? entries[0].name : `${entries.length} entries`;",
    )?;
    Ok(value.as_str().unwrap_or_default().to_owned())
}

fn wait_for_url(browser: &Browser, expected: &str) -> e2e::Result<()> {
    browser.wait_until(
        &format!("the URL to be {expected}"),
        e2e::DEFAULT_TIMEOUT,
        || Ok(browser.current_url()? == expected),
    )
}

/// The document's title and how many description `<meta>` tags its head has.
fn head(browser: &Browser) -> e2e::Result<(String, u64)> {
    let title = browser.eval("return document.title;")?;
    let descriptions =
        browser.eval("return document.head.querySelectorAll('meta[name=description]').length;")?;
    Ok((
        title.as_str().unwrap_or_default().to_owned(),
        descriptions.as_u64().unwrap_or_default(),
    ))
}

fn scroll_y(browser: &Browser) -> e2e::Result<f64> {
    Ok(browser
        .eval("return window.scrollY;")?
        .as_f64()
        .unwrap_or(-1.0))
}

#[test]
fn without_javascript_every_route_loads_by_url_with_its_content_and_status() -> e2e::Result<()> {
    let server = serve();
    let browser = Browser::launch(Js::Off)?;
    let pages: &[(&str, &str, &str, u16)] = &[
        ("/", "#home", "Contacts", 200),
        ("/contacts", "#no-contact", "Select a contact.", 200),
        ("/contacts/2", "#name", "Grace Hopper", 200),
        ("/contacts/2/", "#name", "Grace Hopper", 200),
        (
            "/contacts/99",
            "#contact-error",
            "No contact has this id.",
            404,
        ),
        ("/settings?theme=dark", "#theme", "dark", 200),
        ("/login", "#login", "Log in", 200),
        ("/no-such-page", "#not-found", "Page not found", 404),
        ("/contacts/2/more", "#not-found", "Page not found", 404),
    ];
    for &(path, selector, text, status) in pages {
        browser.goto(&server.url(path))?;
        browser.wait_for_text(selector, text)?;
        assert_eq!(browser.response_status()?, Some(status), "{path}");
    }
    // Each page's `<Title>`, through the app's formatter, in the server's HTML.
    for (path, title) in [
        ("/", "Home | Contacts"),
        ("/contacts", "All contacts | Contacts"),
        ("/contacts/2", "Grace Hopper | Contacts"),
    ] {
        browser.goto(&server.url(path))?;
        assert_eq!(head(&browser)?, (title.to_owned(), 1), "{path}");
    }
    browser.goto(&server.url("/contacts/abc"))?;
    let error = browser.find("#contact-error")?.text()?;
    assert!(
        error.starts_with("Invalid contact id: the URL parameter `id` is \"abc\""),
        "{error}"
    );
    assert_eq!(browser.response_status()?, Some(404));

    // The protected page redirects to the login page.
    browser.goto(&server.url("/admin"))?;
    browser.wait_for_text("#login", "Log in")?;
    assert_eq!(browser.current_url()?, server.url("/login"));

    // Links and the search form are plain HTML.
    browser.goto(&server.url("/contacts"))?;
    browser.find("a[href='/contacts/3']")?.click()?;
    browser.wait_for_text("#name", "Alan Turing")?;
    assert_eq!(
        browser
            .find("a[href='/contacts/3']")?
            .attr("aria-current")?
            .as_deref(),
        Some("page")
    );
    browser.find("#q")?.send_keys("hop")?;
    browser.find("#search")?.click()?;
    wait_for_url(&browser, &server.url("/contacts?q=hop"))?;
    assert_eq!(browser.find_all("#contact-list li")?.len(), 1);

    // Logging in posts the form; the server's redirects lead to the admin page.
    browser.goto(&server.url("/login"))?;
    browser.find("#name")?.send_keys("ada")?;
    browser.find("#log-in")?.click()?;
    browser.wait_for_text("#user", "ada")?;
    assert_eq!(browser.current_url()?, server.url("/admin"));
    browser.find("#log-out")?.click()?;
    browser.wait_for_text("#home", "Contacts")?;
    browser.goto(&server.url("/admin"))?;
    browser.wait_for_text("#login", "Log in")?;
    Ok(())
}

/// Opens `/contacts` with JavaScript and waits until it has hydrated (its search form's
/// `submit` listener is on `document`).
fn open_hydrated(server: &Server, path: &str) -> e2e::Result<Browser> {
    let browser = Browser::launch(Js::On)?;
    browser.record_listeners()?;
    browser.watch_dom_removals()?;
    browser.mark_elements_early("#contact-list a")?;
    browser.goto(&server.url(path))?;
    browser.wait_for_document_listener("submit")?;
    Ok(browser)
}

#[test]
fn with_javascript_links_and_forms_navigate_without_loading_a_page() -> e2e::Result<()> {
    let server = serve();
    let browser = open_hydrated(&server, "/contacts")?;
    assert_eq!(
        browser.removed_elements()?,
        vec![],
        "hydration re-created nothing"
    );
    assert!(browser.early_elements_survive("#contact-list a")?);
    assert_eq!(
        head(&browser)?,
        ("All contacts | Contacts".to_owned(), 1),
        "hydration took over the server's <head> elements"
    );
    browser.mark_document()?;
    let first_page = server.url("/contacts");
    assert_eq!(loaded_url(&browser)?, first_page);

    browser.find("a[href='/contacts/2']")?.click()?;
    browser.wait_for_text("#name", "Grace Hopper")?;
    assert_eq!(browser.current_url()?, server.url("/contacts/2"));
    assert_eq!(
        browser
            .find("a[href='/contacts/2']")?
            .attr("aria-current")?
            .as_deref(),
        Some("page")
    );

    // Another contact: the same article, new text.
    browser.eval("window.__article = document.querySelector('#contact');")?;
    browser.find("a[href='/contacts/3']")?.click()?;
    browser.wait_for_text("#name", "Alan Turing")?;
    assert_eq!(head(&browser)?, ("Alan Turing | Contacts".to_owned(), 1));
    assert_eq!(
        browser.eval("return window.__article === document.querySelector('#contact');")?,
        serde_json::Value::Bool(true),
        "only what reads the parameter changed"
    );
    assert!(
        browser.early_elements_survive("#contact-list a")?,
        "the list stayed"
    );

    // The search form navigates with its query.
    browser.find("#q")?.send_keys("grace")?;
    browser.find("#search")?.click()?;
    wait_for_url(&browser, &server.url("/contacts?q=grace"))?;
    browser.wait_until("the list to be filtered", e2e::DEFAULT_TIMEOUT, || {
        Ok(browser.find_all("#contact-list li")?.len() == 1)
    })?;
    // The contact's `<Title>` went with its page: the list's is the one left.
    assert_eq!(head(&browser)?, ("All contacts | Contacts".to_owned(), 1));

    // Query-only links, then an unknown URL: the fallback, still client-side.
    browser.find("nav a[href='/settings']")?.click()?;
    browser.wait_for_text("#theme", "light")?;
    browser.find("a[href='/settings?theme=dark']")?.click()?;
    browser.wait_for_text("#theme", "dark")?;
    browser.find("a[href='/no-such-page']")?.click()?;
    browser.wait_for_text("#not-found", "Page not found")?;

    // Back and forward.
    browser.back()?;
    browser.wait_for_text("#theme", "dark")?;
    browser.back()?;
    browser.wait_for_text("#theme", "light")?;
    browser.back()?;
    wait_for_url(&browser, &server.url("/contacts?q=grace"))?;
    browser.back()?;
    browser.wait_for_text("#name", "Alan Turing")?;
    browser.back()?;
    browser.wait_for_text("#name", "Grace Hopper")?;
    browser.forward()?;
    browser.wait_for_text("#name", "Alan Turing")?;
    assert_eq!(browser.current_url()?, server.url("/contacts/3"));

    assert!(browser.is_same_document()?, "no page was loaded");
    assert_eq!(
        loaded_url(&browser)?,
        first_page,
        "one navigation entry: the first page's"
    );
    assert_eq!(browser.console_errors()?, Vec::<String>::new());
    Ok(())
}

#[test]
fn with_javascript_back_restores_the_scroll_position() -> e2e::Result<()> {
    let server = serve();
    let browser = open_hydrated(&server, "/contacts")?;
    browser.mark_document()?;
    browser.find("nav a[href='/']")?.click()?;
    browser.wait_for_text("#home", "Contacts")?;
    browser.eval("document.querySelector('#bottom').scrollIntoView();")?;
    let bottom = scroll_y(&browser)?;
    assert!(bottom > 300.0, "the home page scrolls ({bottom})");
    browser.find("#bottom a")?.click()?;
    browser.wait_for_text("#no-contact", "Select a contact.")?;
    assert_eq!(scroll_y(&browser)?, 0.0, "a new page starts at the top");
    browser.back()?;
    browser.wait_for_text("#home", "Contacts")?;
    browser.wait_until(
        "the scroll position to come back",
        e2e::DEFAULT_TIMEOUT,
        || Ok((scroll_y(&browser)? - bottom).abs() < 1.0),
    )?;
    browser.forward()?;
    browser.wait_for_text("#no-contact", "Select a contact.")?;
    assert!(browser.is_same_document()?);
    Ok(())
}

#[test]
fn with_javascript_logging_in_redirects_client_side() -> e2e::Result<()> {
    let server = serve();
    let browser = Browser::launch(Js::On)?;
    browser.record_listeners()?;
    // The protected page redirects to the login page on the server.
    browser.goto(&server.url("/admin"))?;
    browser.wait_for_text("#login", "Log in")?;
    assert_eq!(browser.current_url()?, server.url("/login"));
    browser.wait_for_document_listener("submit")?;
    browser.mark_document()?;

    // The server function's redirect is followed by the router.
    browser.find("#name")?.send_keys("grace")?;
    browser.find("#log-in")?.click()?;
    browser.wait_for_text("#user", "grace")?;
    assert_eq!(browser.current_url()?, server.url("/admin"));
    browser.find("#log-out")?.click()?;
    browser.wait_for_text("#home", "Contacts")?;
    assert_eq!(browser.current_url()?, server.url("/"));

    // Logged out, the protected page redirects in the browser too.
    browser.find("nav a[href='/admin']")?.click()?;
    browser.wait_for_text("#login", "Log in")?;
    wait_for_url(&browser, &server.url("/login"))?;
    assert!(browser.is_same_document()?, "no page was loaded");
    assert_eq!(browser.console_errors()?, Vec::<String>::new());
    Ok(())
}

#[test]
fn with_javascript_an_unknown_url_shows_the_fallback_with_404() -> e2e::Result<()> {
    let server = serve();
    let browser = Browser::launch(Js::On)?;
    browser.goto(&server.url("/no/such/page"))?;
    browser.wait_for_text("#not-found", "Page not found")?;
    assert_eq!(browser.response_status()?, Some(404));
    // The fallback's link home works once hydrated.
    browser.mark_document()?;
    browser.wait_until(
        "the link to navigate client-side",
        e2e::DEFAULT_TIMEOUT,
        || {
            browser.find("main a[href='/']")?.click()?;
            Ok(browser.try_find("#home")?.is_some())
        },
    )?;
    assert!(browser.is_same_document()?);
    Ok(())
}
