// node frame_trace.mjs OP URL... : for each app URL, PAGES fresh pages (env, default 8), the
// harness's warm-up for OP (create = "create 1,000 rows": 5 x create+clear; replace = 5 x
// create), then one traced click timed exactly as the harness times it (script, then the rAF
// after it, then a MessageChannel task after that frame). Prints, per app, the medians of
// the harness's figures and of the main thread's time in the frame by trace event
// (UpdateLayoutTree = style, Layout, Paint, PrePaint, ..., and GC), to find what makes one
// app's frame longer than another's, and each click's garbage collection time (DUMP_GC=1:
// every collection event, with V8's reason). Chromium runs with the harness's flags.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const modules =
  process.env.HARNESS_MODULES || path.join(here, "../../target/bench/harness/node_modules");
const { chromium } = createRequire(path.join(modules, "/"))("playwright-core");
const ARGS = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
  "--disable-gpu-vsync", "--disable-frame-rate-limit", "--window-size=1000,800"];

const [op, ...urls] = process.argv.slice(2);
if (!op || !urls.length) {
  console.error("usage: node frame_trace.mjs create|replace URL...");
  process.exit(2);
}
const pages = Number(process.env.PAGES || 8);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: ARGS,
  chromiumSandbox: false,
});
const rows = ([n, first]) => document.querySelectorAll("tbody tr").length === n &&
  document.querySelector("tbody tr td")?.textContent !== first;
const firstId = (page) => page.evaluate(() => document.querySelector("tbody tr td")?.textContent ?? null);
async function create(page) {
  const before = await firstId(page);
  await page.evaluate(() => document.getElementById("run").click());
  await page.waitForFunction(rows, [1000, before], { polling: "raf" });
}
const results = new Map(urls.map((u) => [u, []]));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
for (let k = 0; k < pages; k++) {
  for (const url of urls) { // interleaved: each round measures every app once
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load" });
    await page.waitForSelector("#run");
    for (let i = 0; i < 5; i++) {
      await create(page);
      if (op === "create") {
        await page.evaluate(() => document.getElementById("clear").click());
        await page.waitForFunction(() => document.querySelectorAll("tbody tr").length === 0, null, { polling: "raf" });
      }
    }
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on("Tracing.dataCollected", (d) => events.push(...d.value));
    const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
    await cdp.send("Tracing.start", {
      categories: "devtools.timeline,disabled-by-default-devtools.timeline,v8,blink.user_timing",
      transferMode: "ReportEvents",
    });
    const t = await page.evaluate(() => new Promise((resolve) => {
      const ch = new MessageChannel();
      let t0, t1, t2;
      ch.port1.onmessage = () => {
        const t3 = performance.now();
        performance.mark("t3");
        resolve({ script: t1 - t0, toFrame: t2 - t0, total: t3 - t0 });
      };
      performance.mark("t0");
      t0 = performance.now();
      document.getElementById("run").click();
      t1 = performance.now();
      requestAnimationFrame(() => { t2 = performance.now(); performance.mark("t2"); ch.port2.postMessage(0); });
    }));
    await cdp.send("Tracing.end");
    await done;
    // the renderer's main thread: the thread that ran the marks
    const mark = events.find((e) => e.name === "t2");
    const main = events.filter((e) => e.pid === mark.pid && e.tid === mark.tid);
    const t2 = mark.ts;
    const t3 = main.find((e) => e.name === "t3").ts;
    const by = {};
    // top-level-ish events inside (t2, t3): sum complete events by name (nested ones overlap;
    // the names below are mostly disjoint phases)
    for (const e of main) {
      if (e.ph !== "X" || e.ts < t2 || e.ts > t3) continue;
      by[e.name] = (by[e.name] ?? 0) + (e.dur ?? 0) / 1000;
    }
    // garbage collection anywhere from the click to the end of the frame
    const t0 = main.find((e) => e.name === "t0").ts;
    const gc = main.filter((e) => e.ph === "X" && e.ts >= t0 && e.ts <= t3 &&
      ["MajorGC", "MinorGC", "V8.GCIncrementalMarking", "V8.GCIncrementalMarkingStart",
        "V8.GCIncrementalMarkingFinalize", "BlinkGC.AtomicPhase"].includes(e.name))
      .reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
    if (process.env.DUMP_GC) for (const e of main) if (e.ts >= t0 && e.ts <= t3 && /GC|Marking/.test(e.name) && !e.name.startsWith("V8.GC_")) console.log(url, ((e.ts - t0) / 1000).toFixed(1), e.ph, e.name, ((e.dur ?? 0) / 1000).toFixed(1), JSON.stringify(e.args).slice(0, 300));
    results.get(url).push({ ...t, frame: (t3 - t2) / 1000, by, gc });
    await context.close();
  }
}
const names = ["UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "Commit",
  "MinorGC", "MajorGC", "V8.GC_SCAVENGER", "BlinkGC.AtomicPhase", "CppGC.AtomicMark", "FireAnimationFrame", "RunTask",
  "UpdateLayer", "ScheduleStyleRecalculation", "HitTest"];
for (const [url, rs] of results) {
  console.log(`${url}: script ${median(rs.map((r) => r.script)).toFixed(1)}  total ${median(rs.map((r) => r.total)).toFixed(1)}  frame(t2..t3) ${median(rs.map((r) => r.frame)).toFixed(1)}  [totals: ${rs.map((r) => r.total.toFixed(0)).join(" ")}]`);
  console.log(`  garbage collection per click, ms: ${rs.map((r) => r.gc.toFixed(1)).join(" ")}`);
  const all = new Set(rs.flatMap((r) => Object.keys(r.by)));
  const rowsOut = [...all].map((n) => [n, median(rs.map((r) => r.by[n] ?? 0))]).filter(([, v]) => v >= 0.5)
    .sort((a, b) => b[1] - a[1]).slice(0, 18);
  for (const [n, v] of rowsOut) console.log(`  ${v.toFixed(1).padStart(7)} ms  ${n}`);
}
await browser.close();
