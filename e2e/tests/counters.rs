//! The counter examples in headless Chromium, built and served by the build tool
//! (`cargo app serve`), as a user runs them.
//!
//! - `counter_isomorphic`: with JavaScript off the page shows the server's HTML; with it on,
//!   the page hydrates (the button captured before hydration is the same element after it,
//!   nothing is removed from the DOM), clicks count, and the console has no errors.
//! - `counter` (client-only): the app renders in the browser and reacts to clicks.

use e2e::{Browser, Js, Server};

fn serve(example: &str) -> Server {
    e2e::examples::serve_example(example, |_| {})
}

#[test]
fn counter_isomorphic_without_javascript_shows_the_server_html() -> e2e::Result<()> {
    let server = serve("counter_isomorphic");
    let browser = Browser::launch(Js::Off)?;
    browser.goto(&server.url("/"))?;
    assert_eq!(browser.find("h1")?.text()?, "Isomorphic counter");
    assert_eq!(browser.find("#count")?.text()?, "10");
    // No JavaScript, so no listener: clicking changes nothing.
    browser.find("#increment")?.click()?;
    assert_eq!(browser.find("#count")?.text()?, "10");
    Ok(())
}

#[test]
fn counter_isomorphic_hydrates_without_recreating_anything() -> e2e::Result<()> {
    let server = serve("counter_isomorphic");
    let browser = Browser::launch(Js::On)?;
    browser.watch_dom_removals()?;
    browser.mark_elements_early("#increment")?;
    browser.goto(&server.url("/"))?;

    // Clicks before hydration are lost (no listener yet); keep clicking until one counts.
    let increment = browser.find("#increment")?;
    browser.wait_until(
        "the counter to react after hydration",
        e2e::DEFAULT_TIMEOUT,
        || {
            if browser.find("#count")?.text()? == "10" {
                increment.click()?;
            }
            Ok(browser.find("#count")?.text()? != "10")
        },
    )?;
    assert_eq!(browser.find("#count")?.text()?, "11");
    browser.find("#decrement")?.click()?;
    browser.find("#decrement")?.click()?;
    browser.wait_for_text("#count", "9")?;

    assert!(
        browser.early_elements_survive("#increment")?,
        "the button from the server's HTML is the one hydrated, not a re-created copy"
    );
    assert_eq!(
        browser.removed_elements()?,
        vec![],
        "hydration removed nothing"
    );
    assert_eq!(browser.console_errors()?, Vec::<String>::new());
    Ok(())
}

#[test]
fn counter_renders_in_the_browser_and_counts() -> e2e::Result<()> {
    let server = serve("counter");
    let browser = Browser::launch(Js::On)?;
    browser.goto(&server.url("/"))?;
    browser.wait_for_text("#count", "Clicks: 0")?;
    let increment = browser.find("#increment")?;
    for _ in 0..3 {
        increment.click()?;
    }
    browser.wait_for_text("#count", "Clicks: 3")?;
    browser.wait_for_text("#double", "Double: 6")?;
    browser.find("#reset")?.click()?;
    browser.wait_for_text("#count", "Clicks: 0")?;
    assert_eq!(browser.console_errors()?, Vec::<String>::new());
    Ok(())
}
