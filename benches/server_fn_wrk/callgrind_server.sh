#!/usr/bin/env bash
# User-space instructions per request of the real server under wrk, for one endpoint: the
# release server runs under `valgrind --tool=callgrind`; after a 3 s wrk warm-up the counters
# are zeroed, then an 8 s wrk run is counted and the total divided by its requests. Kernel
# time is not counted (it is the same for both endpoints: same bytes, same syscalls).
#
#   benches/server_fn_wrk/callgrind_server.sh /api/add      # the server function
#   benches/server_fn_wrk/callgrind_server.sh /hand/add     # the hand-written handler
#   MOUNT=catch-all benches/server_fn_wrk/callgrind_server.sh /api/add
#
# Needs valgrind and wrk; builds the release server first unless NO_BUILD=1.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
path="${1:?usage: callgrind_server.sh /api/add|/hand/add}"
MOUNT="${MOUNT:-routes}"
PORT="${PORT:-3999}"
for tool in valgrind callgrind_control wrk; do
  command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$here/target}"
[[ "${NO_BUILD:-}" == 1 ]] || cargo build --release >&2
bin="$CARGO_TARGET_DIR/release/server_fn_wrk"

out="$(mktemp -d)"
valgrind --tool=callgrind --callgrind-out-file="$out/cg.out" "$bin" "$PORT" "$MOUNT" 2>"$out/valgrind.log" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$out"' EXIT
for _ in $(seq 100); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break
  sleep 0.2
done
wrk -t1 -c8 -d3s -s post.lua "http://127.0.0.1:$PORT$path" >/dev/null
callgrind_control -z "$pid" >/dev/null
requests="$(wrk -t1 -c8 -d8s -s post.lua "http://127.0.0.1:$PORT$path" | awk '/ requests in /{print $1}')"
callgrind_control -d "$pid" >/dev/null
# The dump after zeroing holds only the counted run.
instructions="$(awk '/^summary:/{print $2}' "$out"/cg.out.1)"
echo "$MOUNT $path: $requests requests, $((instructions / requests)) instructions per request"
