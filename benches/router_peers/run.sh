#!/usr/bin/env bash
# Runs the route-matching peer benchmark (our leptos_router vs Leptos 0.8's leptos_router 0.8.17:
# 10,000 URLs against a 50-route table) and prints a Markdown table of criterion's medians.
#
#   benches/router_peers/run.sh                          # ~20 s after the first build
#   benches/router_peers/run.sh --measurement-time 2     # extra arguments go to criterion
#
# Set NO_BENCH=1 to skip running and only print the table from the last results.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

# Read results from a known place, whatever CARGO_TARGET_DIR says.
export CRITERION_HOME="${CRITERION_HOME:-$here/target/criterion}"

marker="$(mktemp)"
trap 'rm -f "$marker"' EXIT
if [[ "${NO_BENCH:-}" == 1 ]]; then
  touch -d '1970-01-01' "$marker"
else
  sleep 1 # so that results written by this run are strictly newer than the marker
  cargo bench --bench matching -- "$@" >&2
fi

# Criterion's estimates are in nanoseconds; the median's point estimate is read without jq.
median_ns() {
  local f="$CRITERION_HOME/$1/$2/new/estimates.json"
  if [[ -f "$f" && "$f" -nt "$marker" ]]; then
    sed -E 's/.*"median":\{"confidence_interval":\{[^}]*\},"point_estimate":([-0-9.eE+]+).*/\1/' "$f"
  fi
}

human() {
  awk -v ns="$1" 'BEGIN {
    if (ns == "") { print "n/a"; exit }
    if (ns >= 1e9) printf "%.3g s\n", ns / 1e9
    else if (ns >= 1e6) printf "%.3g ms\n", ns / 1e6
    else if (ns >= 1e3) printf "%.3g µs\n", ns / 1e3
    else printf "%.3g ns\n", ns
  }'
}

echo "| workload | ours | anchor (leptos_router 0.8.17) | ours/anchor |"
echo "| --- | ---: | ---: | ---: |"
for w in match_10000_urls_50_routes; do
  o="$(median_ns "$w" ours)"
  a="$(median_ns "$w" anchor)"
  ratio="$(awk -v o="$o" -v a="$a" 'BEGIN { if (o == "" || a == "" || a == 0) print "n/a"; else printf "%.3g\n", o / a }')"
  echo "| $w | $(human "$o") | $(human "$a") | $ratio |"
done
