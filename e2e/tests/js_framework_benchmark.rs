//! `examples/js_framework_benchmark` (client-only) in headless Chromium, built and served by
//! the build tool: the benchmark's operations produce the DOM its contract asks for (the same
//! checks as `shared/bench/client/bench.mjs`, which measures this app).

use e2e::{Browser, Js};

/// The ids (first cell) of every row, in order.
fn ids(browser: &Browser) -> e2e::Result<Vec<String>> {
    let value = browser.eval(
        "return [...document.querySelectorAll('tbody tr td:nth-of-type(1)')].map(td => td.textContent)",
    )?;
    Ok(serde_json::from_value(value).expect("a list of strings"))
}

/// Clicks the element in the page, as the benchmark does: the remove link's icon has no size
/// without the harness's stylesheet, so WebDriver would not click it.
fn js_click(browser: &Browser, css: &str) -> e2e::Result<()> {
    browser.eval_with(
        "document.querySelector(arguments[0]).click()",
        &[serde_json::Value::from(css)],
    )?;
    Ok(())
}

fn wait_rows(browser: &Browser, n: usize) -> e2e::Result<()> {
    browser.wait_until(&format!("{n} rows"), browser.timeout(), || {
        Ok(browser.find_all("tbody tr")?.len() == n)
    })
}

#[test]
fn the_keyed_table_creates_swaps_selects_removes_and_clears_rows() -> e2e::Result<()> {
    let server = e2e::examples::serve_example("js_framework_benchmark", |_| {});
    let browser = Browser::launch(Js::On)?;
    browser.goto(&server.url("/"))?;

    browser.find("#run")?.click()?;
    wait_rows(&browser, 1000)?;
    let created = ids(&browser)?;
    assert_eq!(created[0], "1");
    assert_eq!(created[999], "1000");
    // The row's markup is the contract's (as in the vanilla baseline).
    // Without the comments the renderer keeps around dynamic parts.
    let first = browser
        .eval("return document.querySelector('tbody tr').outerHTML.replace(/<!--[^>]*-->/g, '')")?;
    let first = first.as_str().unwrap().to_owned();
    let label = browser.find("tbody tr td:nth-of-type(2) a")?.text()?;
    assert_eq!(
        label.split(' ').count(),
        3,
        "adjective colour noun: {label:?}"
    );
    assert_eq!(
        first,
        format!(
            "<tr><td class=\"col-md-1\">1</td><td class=\"col-md-4\"><a class=\"lbl\">{label}</a></td>\
             <td class=\"col-md-1\"><a class=\"remove\"><span class=\"remove glyphicon glyphicon-remove\" \
             aria-hidden=\"true\"></span></a></td><td class=\"col-md-6\"></td></tr>"
        )
    );

    // Swap rows 2 and 999: only those two change places.
    browser.find("#swaprows")?.click()?;
    browser.wait_until("rows 2 and 999 swapped", browser.timeout(), || {
        Ok(ids(&browser)?[1] == "999")
    })?;
    let mut expected = created.clone();
    expected.swap(1, 998);
    assert_eq!(ids(&browser)?, expected);

    // Update every 10th row.
    let eleventh = "tbody tr:nth-of-type(11) td:nth-of-type(2) a";
    let before = browser.find(eleventh)?.text()?;
    browser.find("#update")?.click()?;
    browser.wait_for_text(eleventh, &format!("{before} !!!"))?;
    assert!(!browser
        .find("tbody tr:nth-of-type(12) td:nth-of-type(2) a")?
        .text()?
        .ends_with("!!!"));

    // Select a row, then another: one row has class "danger".
    js_click(&browser, "tbody tr:nth-of-type(5) td:nth-of-type(2) a")?;
    js_click(&browser, "tbody tr:nth-of-type(2) td:nth-of-type(2) a")?;
    browser.wait_until("row 2 selected", browser.timeout(), || {
        Ok(browser.find_all("tbody tr.danger")?.len() == 1
            && browser
                .try_find("tbody tr:nth-of-type(2).danger")?
                .is_some())
    })?;

    // Remove row 4.
    js_click(&browser, "tbody tr:nth-of-type(4) td:nth-of-type(3) a")?;
    wait_rows(&browser, 999)?;
    expected.remove(3);
    assert_eq!(ids(&browser)?, expected);

    // Append, then clear.
    browser.find("#add")?.click()?;
    wait_rows(&browser, 1999)?;
    assert_eq!(ids(&browser)?[1998], "2000");
    browser.find("#clear")?.click()?;
    wait_rows(&browser, 0)?;

    // The stylesheet (`/css/currentStyle.css`) is the benchmark harness's; it is not served here.
    let errors: Vec<String> = browser
        .console_errors()?
        .into_iter()
        .filter(|e| !e.contains("currentStyle.css"))
        .collect();
    assert_eq!(errors, Vec::<String>::new());
    Ok(())
}
