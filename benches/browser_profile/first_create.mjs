// node first_create.mjs URL [PAGES]: CPU profile of the first measured "create 1,000 rows"
// after the harness's warm-up, on PAGES fresh pages; self time per function. See README.md.
// With OP=clear, of "clear 1,000 rows" instead (after the same warm-up and one more create);
// with OP=replace, of "replace all 1,000 rows" (after 5 creates, as the harness warms it up).
import { launch } from "./common.mjs";

const [url, pages = "5"] = process.argv.slice(2);
if (!url) {
  console.error("usage: node first_create.mjs URL [PAGES]");
  process.exit(2);
}
const rows = (n) => document.querySelectorAll("tbody tr").length === n;
const browser = await launch();
const self = new Map();
const script = [];
for (let k = 0; k < Number(pages); k++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector("#run");
  for (let i = 0; i < 5; i++) {
    await page.click("#run");
    await page.waitForFunction(rows, 1000);
    if (process.env.OP !== "replace") {
      await page.click("#clear");
      await page.waitForFunction(rows, 0);
    }
  }
  const clear = process.env.OP === "clear";
  if (clear) {
    await page.click("#run");
    await page.waitForFunction(rows, 1000);
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  await cdp.send("Profiler.start");
  script.push(
    await page.evaluate((id) => {
      const t0 = performance.now();
      document.getElementById(id).click();
      return performance.now() - t0;
    }, clear ? "clear" : "run"),
  );
  const { profile } = await cdp.send("Profiler.stop");
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id).callFrame;
    const key = `${frame.functionName || "(anonymous)"} ${frame.url.split("/").pop()}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  await context.close();
}
console.log("script ms per click:", script.map((s) => s.toFixed(1)).join(" "));
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 30));
for (const [name, us] of top) {
  console.log(`${(us / 1000 / Number(pages)).toFixed(3).padStart(8)} ms  ${name.slice(0, 160)}`);
}
await browser.close();
