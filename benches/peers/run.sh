#!/usr/bin/env bash
# Runs the peer benchmarks (ours vs Leptos 0.8's reactive_graph 0.2.16) and prints a
# Markdown table of criterion's median estimates (see benches/peer_table.sh).
#
#   benches/peers/run.sh                          # the whole suite, ~3 minutes
#   benches/peers/run.sh --measurement-time 1     # extra arguments go to criterion
#   benches/peers/run.sh memo_chain               # a criterion filter: only that workload
#
# Set NO_BENCH=1 to skip running and only print the table from the last results.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/../peer_table.sh" "$here" reactive "reactive_graph 0.2.16" \
  create_dispose_1000_signals_with_effect \
  memo_chain_1000 \
  one_signal_1000_effects \
  diamond_1_1000_1 \
  batch_10000_writes \
  -- "$@"
