#!/usr/bin/env node
// Where the script time of one browser-benchmark click goes: loads URL in headless Chromium,
// records a CPU profile (CDP Profiler, 50 µs sampling) over RUNS clicks of BUTTON (each
// followed by a click of #clear, outside the profile), and prints the functions with the most
// self time. Wasm functions show by name if the bundle kept its `name` section.
//
//   node benches/profile/client_profile.mjs http://127.0.0.1:8088/ours-named/ [--button run] [--runs 5] [--top 40]
//
// Needs playwright-core (the harness's node_modules: run from target/bench/harness or set
// NODE_PATH) and /usr/bin/chromium.
import { chromium } from "playwright-core";

const argv = process.argv.slice(2);
const opt = { button: "run", runs: 5, top: 40 };
let url = null;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === "--button") opt.button = argv[++i];
  else if (argv[i] === "--runs") opt.runs = Number(argv[++i]);
  else if (argv[i] === "--top") opt.top = Number(argv[++i]);
  else url = argv[i];
}
if (!url) { console.error("usage: client_profile.mjs URL [--button run] [--runs 5] [--top 40]"); process.exit(2); }

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const self = new Map();
let total = 0;
for (let r = 0; r < opt.runs; r++) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector("#run");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  await cdp.send("Profiler.start");
  await page.evaluate((id) => document.getElementById(id).click(), opt.button);
  await page.waitForFunction(() => document.querySelectorAll("tbody tr").length > 0);
  const { profile } = await cdp.send("Profiler.stop");
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const f = node.callFrame;
    const name = `${f.functionName || "(anonymous)"}${f.url ? " " + f.url.split("/").pop() : ""}`;
    const us = dt[i + 1] ?? 0;
    self.set(name, (self.get(name) ?? 0) + us);
    total += us;
  }
  await page.close();
}
await browser.close();
const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, opt.top);
console.log(`self time per click, ms (of ${(total / 1000 / opt.runs).toFixed(1)} ms sampled per click), ${opt.runs} clicks of #${opt.button}`);
for (const [name, us] of rows) console.log(`${(us / 1000 / opt.runs).toFixed(2).padStart(8)}  ${name}`);
