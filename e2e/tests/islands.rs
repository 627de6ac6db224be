//! `examples/islands` in headless Chromium, built and served by the build tool: a page the
//! server renders, with islands the browser hydrates one by one.
//!
//! - With JavaScript off the page is the server's HTML, islands included.
//! - With it on, each island hydrates in place (the elements captured before hydration are
//!   the ones after it, nothing is removed), with the props the server rendered it with; an
//!   island inside another island's children is hydrated on its own; an island calls a
//!   server function; the rest of the page is not hydrated; the console has no errors.

use e2e::{Browser, Js, Server};

fn serve() -> Server {
    e2e::examples::serve_example("islands", |_| {})
}

/// Clicks `button` until `count`'s text leaves `from` (clicks before hydration are lost),
/// then checks that it says `to`.
fn click_until_live(
    browser: &Browser,
    button: &str,
    count: &str,
    from: &str,
    to: &str,
) -> e2e::Result<()> {
    let target = browser.find(button)?;
    browser.wait_until(
        &format!("{button} to react after hydration"),
        e2e::DEFAULT_TIMEOUT,
        || {
            if browser.find(count)?.text()? == from {
                target.click()?;
            }
            Ok(browser.find(count)?.text()? != from)
        },
    )?;
    assert_eq!(browser.find(count)?.text()?, to);
    Ok(())
}

#[test]
fn without_javascript_the_page_and_its_islands_are_the_server_html() -> e2e::Result<()> {
    let server = serve();
    let browser = Browser::launch(Js::Off)?;
    browser.goto(&server.url("/"))?;
    assert_eq!(browser.find("h1")?.text()?, "Islands");
    let counts = browser.find_all(".count")?;
    assert_eq!(counts.len(), 2);
    assert_eq!(counts[0].text()?, "3");
    // In the hidden panel: WebDriver's text of a hidden element is empty.
    assert_eq!(counts[1].property("textContent")?, "100");
    assert_eq!(
        browser.find("leptos-island")?.attr("data-component")?,
        Some("_island_Counter".to_string())
    );
    // The first tab's panel shows; the second's is hidden by the island's style.
    assert!(browser.find("#about")?.is_displayed()?);
    browser
        .find("leptos-island > .counter .increment")?
        .click()?;
    assert_eq!(
        browser.find(".count")?.text()?,
        "3",
        "no JavaScript, no listener"
    );
    Ok(())
}

#[test]
fn with_javascript_each_island_hydrates_in_place_and_the_rest_stays_static() -> e2e::Result<()> {
    let server = serve();
    let browser = Browser::launch(Js::On)?;
    browser.watch_dom_removals()?;
    browser.mark_elements_early("button")?;
    browser.mark_elements_early("#about")?;
    browser.goto(&server.url("/"))?;

    // The top-level counter, with the `initial` the server rendered it with.
    let top = "main > leptos-island > .counter";
    click_until_live(
        &browser,
        &format!("{top} .increment"),
        &format!("{top} .count"),
        "3",
        "4",
    )?;
    browser.find(&format!("{top} .decrement"))?.click()?;
    browser.find(&format!("{top} .decrement"))?.click()?;
    browser.wait_for_text(&format!("{top} .count"), "2")?;

    // The tabs switch panels; the second panel's counter is an island of its own.
    browser.find(".tab:nth-of-type(2)")?.click()?;
    browser.wait_until("the second panel to show", e2e::DEFAULT_TIMEOUT, || {
        Ok(!browser.find("#about")?.is_displayed()?)
    })?;
    let inner = "leptos-children leptos-island .counter";
    assert!(browser.find(&format!("{inner} .count"))?.is_displayed()?);
    click_until_live(
        &browser,
        &format!("{inner} .increment"),
        &format!("{inner} .count"),
        "100",
        "101",
    )?;
    browser.find(".tab:nth-of-type(1)")?.click()?;
    browser.wait_until(
        "the first panel to show again",
        e2e::DEFAULT_TIMEOUT,
        || browser.find("#about")?.is_displayed(),
    )?;

    // An island calls a server function.
    browser.find("#shout")?.click()?;
    browser.wait_for_text("#answer", "HELLO, ISLANDS")?;

    // The page around the islands is not hydrated: its button has no listener.
    browser.find("#static")?.click()?;
    assert_eq!(browser.find("#static")?.text()?, "not hydrated");

    assert!(
        browser.early_elements_survive("button")?,
        "every button from the server's HTML is the one hydrated, not a re-created copy"
    );
    assert!(
        browser.early_elements_survive("#about")?,
        "children are kept"
    );
    assert_eq!(
        browser.removed_elements()?,
        vec![],
        "hydration removed nothing"
    );
    assert_eq!(browser.console_errors()?, Vec::<String>::new());
    Ok(())
}
