#!/usr/bin/env bash
# Runs one criterion benchmark of a peer workspace (ours beside an anchor, in one binary) and
# prints a Markdown table of the median estimates with the ratio ours/anchor. Each
# benches/*peers/run.sh calls it with its own names:
#
#   benches/peer_table.sh <workspace dir> <bench target> <anchor label> <workload>... -- [criterion args]
#
# Set NO_BENCH=1 to skip running and only print the table from the last results.
set -euo pipefail

here="$1"
bench="$2"
anchor_label="$3"
shift 3
workloads=()
while [[ $# -gt 0 && "$1" != "--" ]]; do
  workloads+=("$1")
  shift
done
[[ $# -gt 0 ]] && shift # the "--"
cd "$here"

# Read results from a known place, whatever CARGO_TARGET_DIR says.
export CRITERION_HOME="${CRITERION_HOME:-$here/target/criterion}"

marker="$(mktemp)"
trap 'rm -f "$marker"' EXIT
if [[ "${NO_BENCH:-}" == 1 ]]; then
  touch -d '1970-01-01' "$marker"
else
  sleep 1 # so that results written by this run are strictly newer than the marker
  cargo bench --bench "$bench" -- "$@" >&2
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

echo "| workload | ours | anchor ($anchor_label) | ours/anchor |"
echo "| --- | ---: | ---: | ---: |"
for w in "${workloads[@]}"; do
  o="$(median_ns "$w" ours)"
  a="$(median_ns "$w" anchor)"
  ratio="$(awk -v o="$o" -v a="$a" 'BEGIN { if (o == "" || a == "" || a == 0) print "n/a"; else printf "%.3g\n", o / a }')"
  echo "| $w | $(human "$o") | $(human "$a") | $ratio |"
done
