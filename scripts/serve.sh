#!/usr/bin/env bash
# Builds and serves the main example app (examples/todo_app_sqlite): the server binary with
# `ssr`, the wasm bundle with `hydrate`, then runs the server. The todos are kept in the
# SQLite file $TODO_DB (default target/todos.db), created on first run.
#
#   scripts/serve.sh                      # http://127.0.0.1:3000
#   scripts/serve.sh --site-addr 0.0.0.0:8080
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
mkdir -p target
export TODO_DB="${TODO_DB:-$PWD/target/todos.db}"
exec cargo run -q -p cargo-app -- app serve \
    --manifest-path examples/todo_app_sqlite/Cargo.toml "$@"
