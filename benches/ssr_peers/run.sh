#!/usr/bin/env bash
# Runs the SSR peer benchmark (our leptos vs Leptos 0.8.23: the 1,000-row table rendered to a
# string) and prints a Markdown table of criterion's median estimates (see
# benches/peer_table.sh).
#
#   benches/ssr_peers/run.sh                          # ~20 s after the first build
#   benches/ssr_peers/run.sh --measurement-time 2     # extra arguments go to criterion
#
# Set NO_BENCH=1 to skip running and only print the table from the last results.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/../peer_table.sh" "$here" ssr "Leptos 0.8.23" render_table_1000 -- "$@"
