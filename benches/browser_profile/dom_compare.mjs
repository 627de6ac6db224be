// node dom_compare.mjs URL...: compares the DOM the apps build for "create 1,000 rows": node
// counts by type under <tbody>, the first row's markup, and the properties set on the rows'
// elements. See README.md.
import { launch } from "./common.mjs";

const urls = process.argv.slice(2);
const browser = await launch();
for (const url of urls) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.click("#run");
  await page.waitForSelector("tbody tr:nth-child(1000)");
  const info = await page.evaluate(() => {
    const tbody = document.querySelector("tbody");
    const counts = {};
    const walker = document.createTreeWalker(tbody, NodeFilter.SHOW_ALL);
    let n = walker.currentNode;
    while (n) {
      const key = n.nodeType === 1 ? n.nodeName : `#${n.nodeType}`;
      counts[key] = (counts[key] || 0) + 1;
      n = walker.nextNode();
    }
    const tr = tbody.firstElementChild;
    const own = (el) => Object.getOwnPropertyNames(el);
    return {
      counts,
      first: tr.outerHTML,
      rowProps: own(tr),
      aProps: own(tr.querySelector("a")),
      table: document.querySelector("table").outerHTML.slice(0, 200),
      tbodyParentChildren: tbody.parentNode.childNodes.length,
      tbodyChildren: tbody.childNodes.length,
    };
  });
  console.log(url, JSON.stringify(info, null, 1));
  await page.close();
}
await browser.close();
