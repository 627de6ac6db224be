#!/usr/bin/env bash
# Runs the route-matching peer benchmark (our leptos_router vs Leptos 0.8's leptos_router 0.8.17:
# 10,000 URLs against a 50-route table) and prints a Markdown table of criterion's medians (see
# benches/peer_table.sh).
#
#   benches/router_peers/run.sh                          # ~20 s after the first build
#   benches/router_peers/run.sh --measurement-time 2     # extra arguments go to criterion
#
# Set NO_BENCH=1 to skip running and only print the table from the last results.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/../peer_table.sh" "$here" matching "leptos_router 0.8.17" match_10000_urls_50_routes -- "$@"
