#!/usr/bin/env bash
# Builds and serves the main example app (examples/counter_isomorphic): the server binary
# with `ssr`, the wasm bundle with `hydrate`, then runs the server.
#
#   scripts/serve.sh                      # http://127.0.0.1:3000
#   scripts/serve.sh --site-addr 0.0.0.0:8080
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec cargo run -q -p cargo-app -- app serve \
    --manifest-path examples/counter_isomorphic/Cargo.toml "$@"
