// Shared by the profiling aids: playwright-core from the benchmark harness, and Chromium.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const modules =
  process.env.HARNESS_MODULES || path.join(here, "../../target/bench/harness/node_modules");
const { chromium } = createRequire(path.join(modules, "/"))("playwright-core");

/** Launches headless Chromium as the harness does (no vsync wait, no frame-rate limit). */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu-vsync", "--disable-frame-rate-limit"],
  });
}
