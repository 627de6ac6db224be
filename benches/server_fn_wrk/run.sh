#!/usr/bin/env bash
# Requests per second through a PostUrl `#[server]` function (`POST /api/add`, mounted by
# `leptos_routes` at its own path; with MOUNT=catch-all, on `/api/{*fn_name}` with
# `leptos_axum::handle_server_fns`) against a hand-written axum handler doing the same
# (`POST /hand/add`: `Form<Args>` in, `Json<i32>` out), one server binary, wrk on loopback,
# both endpoints measured interleaved in the same run. Prints a Markdown table.
#
#   benches/server_fn_wrk/run.sh                    # REPS=5 × DUR=5s each, CONNS=64
#   REPS=9 DUR=10 CONNS=128 benches/server_fn_wrk/run.sh
#   NO_BUILD=1 benches/server_fn_wrk/run.sh         # reuse the last release build
#   MOUNT=catch-all benches/server_fn_wrk/run.sh    # the function on a catch-all route
#   PERF=1 benches/server_fn_wrk/run.sh             # also `perf record -g` the server during
#                                                   # one extra server-fn run (a build with line
#                                                   # tables, in target/perf)
#
# The server is pinned to core SERVER_CPU (default 0) with taskset and wrk (1 thread) to core
# WRK_CPU (default 1). Raw wrk outputs go to target/wrk-results/<date>/ (and summary.md there).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

REPS="${REPS:-5}"
DUR="${DUR:-5}"; DUR="${DUR%s}"
WARMUP="${WARMUP:-3}"; WARMUP="${WARMUP%s}"
CONNS="${CONNS:-64}"
MOUNT="${MOUNT:-routes}"
PORT="${PORT:-3917}"
SERVER_CPU="${SERVER_CPU:-0}"
WRK_CPU="${WRK_CPU:-1}"
BODY='a=3&b=4'
CT='application/x-www-form-urlencoded'
base="http://127.0.0.1:$PORT"
endpoints=(sf hand)
declare -A path=([sf]=/api/add [hand]=/hand/add)

if ! command -v wrk >/dev/null; then
  echo "installing wrk" >&2
  apt-get install -y wrk >&2 || { apt-get update >&2 && apt-get install -y wrk >&2; }
fi
command -v taskset >/dev/null || { echo "taskset (util-linux) is needed" >&2; exit 1; }

if [[ "${PERF:-}" == 1 ]]; then
  command -v perf >/dev/null || { echo "PERF=1 needs perf" >&2; exit 1; }
  export CARGO_PROFILE_RELEASE_DEBUG=line-tables-only
  # A target dir of its own, so that switching between PERF=1 and not rebuilds nothing.
  export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$here/target/perf}"
fi
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$here/target}"
if [[ "${NO_BUILD:-}" != 1 ]]; then
  cargo build --release >&2
fi
bin="$CARGO_TARGET_DIR/release/server_fn_wrk"

out="$here/target/wrk-results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"

server_pid=
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT

taskset -c "$SERVER_CPU" "$bin" "$PORT" "$MOUNT" 2>"$out/server.log" &
server_pid=$!
for _ in $(seq 100); do
  curl -s -o /dev/null "$base/" && break
  kill -0 "$server_pid" 2>/dev/null || { echo "the server exited:" >&2; cat "$out/server.log" >&2; exit 1; }
  sleep 0.1
done

# Both endpoints must answer the same status, content type and body.
answer() {
  curl -s -X POST -H "Content-Type: $CT" --data "$BODY" \
    -w '\n%{http_code} %{content_type}' "$base$1"
}
a_sf="$(answer "${path[sf]}")"
a_hand="$(answer "${path[hand]}")"
printf 'server fn: %s\nhand:      %s\n' "${a_sf//$'\n'/ | }" "${a_hand//$'\n'/ | }" | tee "$out/answers.txt" >&2
if [[ "$a_sf" != "$a_hand" || "$a_sf" != $'7\n200 application/json' ]]; then
  echo "the endpoints answer differently (want body 7, 200, application/json)" >&2
  exit 1
fi

# The server's CPU time so far (user + system), in clock ticks.
server_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
run_wrk() { # name duration output
  local t0 t1
  t0="$(server_ticks)"
  taskset -c "$WRK_CPU" wrk -t1 -c"$CONNS" -d"${2}s" --latency -s "$here/post.lua" \
    "$base${path[$1]}" >"$3"
  t1="$(server_ticks)"
  # The server's CPU seconds during the run, after wrk's own output.
  awk -v t="$((t1 - t0))" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "Server CPU seconds: %.2f\n", t / hz }' >>"$3"
  if grep -qE 'Non-2xx|Socket errors' "$3"; then
    echo "wrk saw errors against ${path[$1]}:" >&2; cat "$3" >&2; exit 1
  fi
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/load.txt" >&2
for e in "${endpoints[@]}"; do run_wrk "$e" "$WARMUP" "$out/warmup-$e.txt"; done
for rep in $(seq "$REPS"); do
  # Alternate the order so that neither side always runs first.
  if (( rep % 2 )); then order=(sf hand); else order=(hand sf); fi
  for e in "${order[@]}"; do
    run_wrk "$e" "$DUR" "$out/$e-$rep.txt"
    echo "rep $rep $e: $(awk '/^Requests\/sec/ {print $2}' "$out/$e-$rep.txt") req/s" >&2
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.txt" >&2

if [[ "${PERF:-}" == 1 ]]; then
  echo "perf: recording the server during a ${DUR}s server-fn run" >&2
  perf record -g -o "$out/perf.data" -p "$server_pid" -- sleep "$DUR" 2>"$out/perf-record.log" &
  perf_pid=$!
  run_wrk sf "$DUR" "$out/sf-perf.txt"
  wait "$perf_pid" || true
  perf report -i "$out/perf.data" --no-children --stdio --percent-limit 0.5 \
    >"$out/perf-report.txt" 2>/dev/null || true
  echo "perf: $out/perf.data, $out/perf-report.txt" >&2
fi

# Per-rep figures: req/s, p50 and p99 in µs, the server's CPU µs per request, and its CPU use
# (1 = the whole core).
figures() { # file
  awk '
    function us(v) {
      if (v ~ /us$/) return v + 0
      if (v ~ /ms$/) return (v + 0) * 1e3
      if (v ~ /s$/) return (v + 0) * 1e6
      return v + 0
    }
    /^Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = us($2) }
    $1 == "99%" { p99 = us($2) }
    / requests in / { n = $1; d = $4; sub(/,$/, "", d); secs = us(d) / 1e6 }
    /^Server CPU seconds/ { cpu = $4 }
    END { printf "%s %s %s %s %s\n", rps, p50, p99, cpu * 1e6 / n, cpu / secs }' "$1"
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
col() { # endpoint column
  for rep in $(seq "$REPS"); do figures "$out/$1-$rep.txt" | cut -d' ' -f"$2"; done
}

ratios="$(for rep in $(seq "$REPS"); do
  s="$(figures "$out/sf-$rep.txt" | cut -d' ' -f1)"
  h="$(figures "$out/hand-$rep.txt" | cut -d' ' -f1)"
  awk -v s="$s" -v h="$h" 'BEGIN { printf "%.4f\n", s / h }'
done)"
ratio="$(median <<<"$ratios")"
# The same ratio from the server's CPU time per request (hand / server fn): less sensitive to
# other processes taking core SERVER_CPU, since it counts only the server's own time.
cpu_ratios="$(for rep in $(seq "$REPS"); do
  s="$(figures "$out/sf-$rep.txt" | cut -d' ' -f4)"
  h="$(figures "$out/hand-$rep.txt" | cut -d' ' -f4)"
  awk -v s="$s" -v h="$h" 'BEGIN { printf "%.4f\n", h / s }'
done)"
cpu_ratio="$(median <<<"$cpu_ratios")"

{
  echo "| endpoint | req/s (median) | req/s (range) | p50 | p99 | server CPU per request | server CPU use |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  for e in sf hand; do
    name="server fn \`POST /api/add\` (mounted by leptos_routes)"
    [[ "$MOUNT" == catch-all ]] && name="server fn \`POST /api/add\` (catch-all route, leptos_axum::handle_server_fns)"
    [[ "$e" == hand ]] && name="hand-written axum \`POST /hand/add\`"
    rps="$(col "$e" 1 | median)"
    lo="$(col "$e" 1 | sort -g | head -1)"
    hi="$(col "$e" 1 | sort -g | tail -1)"
    p50="$(col "$e" 2 | median)"
    p99="$(col "$e" 3 | median)"
    cpu="$(col "$e" 4 | median)"
    use="$(col "$e" 5 | median)"
    awk -v n="$name" -v r="$rps" -v lo="$lo" -v hi="$hi" -v p50="$p50" -v p99="$p99" \
      -v cpu="$cpu" -v use="$use" 'BEGIN {
      printf "| %s | %.0f | %.0f – %.0f | %.0f µs | %.0f µs | %.2f µs | %.0f%% |\n",
        n, r, lo, hi, p50, p99, cpu, use * 100 }'
  done
  echo
  echo "server fn / hand (median of per-rep ratios): **$(awk -v r="$ratio" 'BEGIN { printf "%.3f", r }')**" \
    "(per rep: $(echo $ratios | tr ' ' ','))"
  echo
  echo "the same from the server's CPU time per request (hand / server fn, median of per-rep" \
    "ratios): $(awk -v r="$cpu_ratio" 'BEGIN { printf "%.3f", r }') (per rep: $(echo $cpu_ratios | tr ' ' ','))"
  echo
  echo "$REPS reps × ${DUR}s per endpoint, interleaved, after ${WARMUP}s warm-up each; wrk -t1 -c$CONNS" \
    "on core $WRK_CPU, server on core $SERVER_CPU; p50/p99 are medians over the reps;" \
    "$(sed -n 1p "$out/load.txt"), $(sed -n 2p "$out/load.txt")."
} | tee "$out/summary.md"
echo "raw wrk outputs: $out" >&2
