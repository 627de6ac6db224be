// node script_ab.mjs OPS ROUNDS APP...: synchronous script time of the operations OPS
// (create, replace, add, clear, update, swaprows, select) for each APP under
// http://127.0.0.1:${PORT:-8099}/APP/, one page per round and app. See README.md.
import { launch } from "./common.mjs";

const [ops, rounds, ...apps] = process.argv.slice(2);
if (!ops || !rounds || apps.length === 0) {
  console.error("usage: node script_ab.mjs OPS ROUNDS APP...");
  process.exit(2);
}
const port = process.env.PORT || "8099";
const browser = await launch();
const times = {};
for (let round = 0; round < Number(rounds); round++) {
  for (const app of apps) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/${app}/`);
    await page.waitForSelector("#run");
    for (const op of ops.split(",")) {
      const samples = await page.evaluate(async (op) => {
        const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        const timed = (element) => {
          const t0 = performance.now();
          element.click();
          return performance.now() - t0;
        };
        const button = (id) => document.getElementById(id);
        const out = [];
        for (let i = 0; i < 25; i++) {
          if (op === "create" || op === "add") { button("clear").click(); await frame(); }
          if (op !== "create" && op !== "replace") { button("run").click(); await frame(); }
          const t = op === "create" || op === "replace" ? timed(button("run"))
            : op === "select" ? timed(document.querySelector("tbody tr:nth-of-type(5) td:nth-of-type(2) a"))
            : timed(button(op));
          await frame();
          if (i >= 5) out.push(t);
        }
        return out;
      }, op);
      (times[`${op} ${app}`] ??= []).push(...samples);
    }
    await context.close();
  }
}
for (const [name, samples] of Object.entries(times)) {
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.floor(q * samples.length)].toFixed(2);
  console.log(`${name.padEnd(24)} median ${at(0.5)}  p25 ${at(0.25)}  min ${at(0)}  n ${samples.length}`);
}
await browser.close();
