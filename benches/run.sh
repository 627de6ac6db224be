#!/usr/bin/env bash
# Issue 7's figures, in one command: builds both benchmark apps, runs both harnesses of
# ../shared/bench (the browser operations and the SSR throughput) against ours, Leptos 0.8
# and the limits, and writes the tables into BENCHMARKS.md (the section between the
# "issue-7-client" and "issue-7-ssr" markers: a run replaces the parts it measured; the rest of
# the file is kept).
#
#   benches/run.sh              # everything (about 25 minutes on 2 cores, builds included)
#   benches/run.sh client       # only the browser benchmark
#   benches/run.sh ssr          # only the SSR throughput
#
# Knobs (environment):
#   HARNESS   the harness (default: ../shared/bench beside the repository)
#   RUNS      timed runs per browser operation and app (default 10), in CHUNKS (default 5)
#             interleaved rounds: for each round, for each operation, the three apps in an
#             order that rotates from round to round (vanilla, Leptos, ours; then Leptos,
#             ours, vanilla; ...), so that a burst of load from the machine's other tenants
#             lands on every app's runs alike
#   MEM_RUNS  fresh pages per memory point (default 5)
#   REPS, DUR, WARM, CONNS  SSR: repetitions, duration of each wrk run, warm-up (default 3,
#             6s, 2s, 32: the harness README's measurement)
#   NO_WRITE=1  print the tables, leave BENCHMARKS.md alone
#
# Needs (installed when missing): the wasm toolchain and wasm-bindgen-cli (scripts/setup.sh),
# node + npm (the harness's playwright-core, bootstrap, binaryen; `npm ci` in a copy of the
# harness), wrk, chromium. The harness is copied into target/bench/harness (its sources only;
# it may be read-only), where its builds (Leptos's apps, the limit server) and outputs go.
# Raw results: target/bench/results/{client,ssr-ours,ssr-leptos}.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
what="${1:-all}"
HARNESS="${HARNESS:-$root/../shared/bench}"
RUNS="${RUNS:-10}"; CHUNKS="${CHUNKS:-5}"; MEM_RUNS="${MEM_RUNS:-5}"
export REPS="${REPS:-3}" DUR="${DUR:-6s}" WARM="${WARM:-2s}" CONNS="${CONNS:-32}"
work="$root/target/bench"
h="$work/harness"
results="$work/results"
log() { printf '\n== %s\n' "$*" >&2; }

[[ -f "$HARNESS/client/bench.mjs" && -f "$HARNESS/ssr/run.sh" ]] || {
  echo "no benchmark harness at $HARNESS (set HARNESS)" >&2; exit 1; }

# --- set-up -------------------------------------------------------------------------------
log "set-up"
"$root/scripts/setup.sh" >&2
missing=()
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
command -v wrk >/dev/null || missing+=(wrk)
command -v taskset >/dev/null || missing+=(util-linux)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
  sudo_=""; [[ $(id -u) == 0 ]] || sudo_=sudo
  $sudo_ apt-get update -qq && $sudo_ apt-get install -y -qq "${missing[@]}" >&2
fi
# A writable copy of the harness's sources (no build outputs, no node_modules).
mkdir -p "$h"
(cd "$HARNESS" && tar --exclude=./target --exclude=./ssr/target --exclude=./client/leptos-csr/target \
  --exclude=./node_modules --exclude=./client/dist -cf - .) | (cd "$h" && tar -xf -)
chmod -R u+w "$h"
if ! cmp -s "$h/package-lock.json" "$h/node_modules/.package-lock.json.copy" 2>/dev/null; then
  (cd "$h" && npm ci --no-audit --no-fund >&2)
  cp "$h/package-lock.json" "$h/node_modules/.package-lock.json.copy"
fi
export PATH="$h/node_modules/.bin:$PATH"   # binaryen 132's wasm-opt, for the build tool too

machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), \
$(free -g | awk '/Mem:/{print $2}') GB RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
commit="$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- . ':!BENCHMARKS.md' || echo '+changes')"
started="$(date -u '+%Y-%m-%d %H:%M UTC')"

client_md="$work/client.md"; ssr_md="$work/ssr.md"
rm -f "$work/part-client.md" "$work/part-ssr.md"

# --- the browser benchmark ----------------------------------------------------------------
if [[ $what == all || $what == client ]]; then
  log "building vanilla and Leptos 0.8 (client/build.sh)"
  "$h/client/build.sh" >&2
  log "building ours (cargo app build --release)"
  (cd "$root" && cargo run -q -p cargo-app -- app build --release \
    --manifest-path examples/js_framework_benchmark/Cargo.toml) >&2
  rm -rf "$h/client/dist/ours" && mkdir -p "$h/client/dist/ours"
  cp -r "$root/target/site/js_framework_benchmark/." "$h/client/dist/ours/"

  port="${CLIENT_PORT:-8088}"
  node "$h/client/serve.mjs" "$port" "$h/client/dist" 2>/dev/null & serve_pid=$!
  trap 'kill $serve_pid 2>/dev/null || true' EXIT
  for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/vanilla/" && break; sleep 0.1; done

  rm -rf "$results/client" && mkdir -p "$results/client"
  ops="01_run1k 02_replace1k 03_update10th1k 04_select1k 05_swap1k 06_remove-one-1k 07_create10k 08_append1k 09_clear1k"
  per=$(( (RUNS + CHUNKS - 1) / CHUNKS ))
  apps=(vanilla leptos ours)
  for chunk in $(seq "$CHUNKS"); do
    first=$(( (chunk - 1) % 3 ))
    order="${apps[*]:first} ${apps[*]:0:first}"
    for op in $ops; do
      for app in $order; do
        log "round $chunk/$CHUNKS: $op, $app ($per runs)"
        node "$h/client/bench.mjs" "http://127.0.0.1:$port/$app/" --ops "$op" --runs "$per" \
          --mem-runs 0 --name "$app" --out "$results/client/$app-$op-$chunk.json" >&2
      done
    done
  done
  for app in vanilla leptos ours; do
    log "memory and sizes: $app"
    node "$h/client/bench.mjs" "http://127.0.0.1:$port/$app/" --ops none --mem-runs "$MEM_RUNS" \
      --name "$app" --out "$results/client/$app-mem.json" >&2
  done
  kill $serve_pid 2>/dev/null || true; trap - EXIT
  {
    echo "Commands (from the repository root): \`benches/run.sh client\`, which runs, for each of"
    echo "$CHUNKS rounds, for each operation, for vanilla, Leptos and ours in turn (the order rotates by one"
    echo "app each round):"
    echo
    echo "    node target/bench/harness/client/bench.mjs http://127.0.0.1:$port/APP/ --ops OP --runs $per --mem-runs 0"
    echo
    echo "then, per app, \`bench.mjs http://127.0.0.1:$port/APP/ --ops none --mem-runs $MEM_RUNS\` (memory and"
    echo "transfer sizes). Apps: \`client/build.sh\` of the harness (vanilla; Leptos 0.8.23 csr, opt-level 3,"
    echo "LTO, then \`wasm-opt -O4\`) and ours built by \`cargo app build --release --manifest-path"
    echo "examples/js_framework_benchmark/Cargo.toml\` (profile \`wasm-release\`: opt-level 3, LTO,"
    echo "then the build tool's \`wasm-opt -Oz\`, binaryen 132), all served by \`client/serve.mjs\`."
    echo
    python3 "$root/benches/bench_report.py" client "$results/client"
  } > "$client_md"
  cat "$client_md"
fi

# --- SSR throughput -----------------------------------------------------------------------
if [[ $what == all || $what == ssr ]]; then
  log "building ssr_bench (release)"
  (cd "$root" && cargo build -q --release -p ssr_bench) >&2
  log "SSR: Leptos 0.8 (builds the harness's leptos-ssr and limit)"
  OUT="$results/ssr-leptos" FW_NAME=leptos "$h/ssr/run.sh" >&2
  log "SSR: ours"
  OUT="$results/ssr-ours" FW_NAME=ours NO_BUILD=1 \
    FW_CMD="$root/target/release/ssr_bench {PORT}" "$h/ssr/run.sh" >&2
  {
    echo "Commands: \`benches/run.sh ssr\`, which runs the harness's \`ssr/run.sh\` twice, Leptos 0.8.23 first"
    echo "(\`OUT=target/bench/results/ssr-leptos FW_NAME=leptos ssr/run.sh\`), then ours:"
    echo
    echo "    OUT=target/bench/results/ssr-ours FW_NAME=ours NO_BUILD=1 FW_CMD=\"target/release/ssr_bench {PORT}\" \\"
    echo "      REPS=$REPS DUR=$DUR WARM=$WARM CONNS=$CONNS target/bench/harness/ssr/run.sh"
    echo
    echo "Server pinned to core 0, wrk (-t1 -c$CONNS) to core 1; $REPS reps x $DUR per route and server after"
    echo "a $WARM warm-up, interleaved with the limit server. Both servers: plain release profile (no LTO)."
    echo
    python3 "$root/benches/bench_report.py" ssr "$results/ssr-ours" "$results/ssr-leptos"
  } > "$ssr_md"
  cat "$ssr_md"
fi

# --- BENCHMARKS.md ------------------------------------------------------------------------
# One section with two parts, each between its own markers: a run replaces the parts it
# measured and keeps the other as it was.
stamp="Measured $started on $machine; commit $commit."
part() { # NAME TITLE FILE
  echo "<!-- issue-7-$1:begin (written by benches/run.sh) -->"
  echo "### $2"; echo; echo "$stamp"; echo; cat "$3"
  echo "<!-- issue-7-$1:end -->"
}
if [[ -s $client_md && ($what == all || $what == client) ]]; then
  part client "Browser: js-framework-benchmark keyed table" "$client_md" > "$work/part-client.md"
fi
if [[ -s $ssr_md && ($what == all || $what == ssr) ]]; then
  part ssr "SSR throughput" "$ssr_md" > "$work/part-ssr.md"
fi
if [[ "${NO_WRITE:-0}" != 1 ]]; then
  python3 "$root/benches/bench_report.py" write "$root/BENCHMARKS.md" "$work" "$what"
  log "wrote the issue-7 tables into BENCHMARKS.md"
fi
