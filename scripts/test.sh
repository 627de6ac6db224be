#!/usr/bin/env bash
# The one command that runs every check of the project, in order, stopping at the first failure:
#
#   1. scripts/setup.sh             install what is missing (wasm toolchain, wasm-bindgen-cli,
#                                   chromium, mdbook)
#   2. cargo fmt --all --check
#   3. cargo clippy --workspace --all-targets -- -D warnings
#   4. cargo test --workspace       (the book's code blocks are doctests of docs/book/tests)
#   5. the book: mdbook build docs/book, then a check of every internal link and anchor of
#      the built HTML (docs/book/check_links)
#   6. browser tests: the reactive core, leptos and the router built for wasm32 (into
#      target/front) and run in headless Chromium by wasm-bindgen-test-runner
#   7. the peer benchmarks (benches/peers, benches/ssr_peers and benches/router_peers, each its
#      own workspace) in criterion's test mode: each workload runs once, ours and Leptos's,
#      with its correctness checks, no timing; the three share one target directory
#      (target/peers), since they build the same Leptos 0.8 and the same crates of ours
#
# Prints how long each step took.
set -euo pipefail
cd "$(dirname "$0")/.."

# Keep the build small on disk. A full run builds some sixty test and example binaries; with
# full debug info and incremental caches the target directories grew past 15 GB, which is
# more than a CI machine's disk had free. Line tables keep file:line in panics and
# backtraces; incremental caches only pay off when the same crate is rebuilt after an edit.
export CARGO_PROFILE_DEV_DEBUG=line-tables-only
export CARGO_INCREMENTAL=0

total_start=$SECONDS
timings=()

step() {
    local name=$1
    shift
    echo
    echo "=== $name"
    local start=$SECONDS
    if "$@"; then
        local took=$((SECONDS - start))
        timings+=("$(printf '%5ds  %s' "$took" "$name")")
        echo "=== $name: ok (${took}s)"
    else
        local rc=$?
        echo
        echo "=== FAILED: $name (exit $rc, after $((SECONDS - start))s)" >&2
        print_timings >&2
        exit "$rc"
    fi
}

print_timings() {
    echo "--- timings"
    local t
    for t in "${timings[@]}"; do
        echo "$t"
    done
    echo "$(printf '%5ds  %s' "$((SECONDS - total_start))" "total")"
}

browser_tests() (
    # A subshell: the wasm toolchain's variables (RUSTC=/usr/bin/rustc on the Debian route)
    # must not leak into any other step.
    # shellcheck source=scripts/wasm-env.sh
    . scripts/wasm-env.sh || exit 1
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
    export CHROMEDRIVER=/usr/bin/chromedriver
    # Chromium's flags (headless, no sandbox as root, no background networking) for every
    # crate's browser tests.
    export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/scripts/webdriver.json"
    # shellcheck disable=SC2086 # WASM_BUILD_STD_FLAGS is a list of flags
    # leptos's browser tests render on the "server" side too (to hydrate the result), so
    # they need both `ssr` and `hydrate` compiled in.
    "$WASM_CARGO" test -p reactive_graph -p leptos -p leptos_router --test browser \
        --features leptos/ssr,leptos/hydrate,leptos/csr \
        --target wasm32-unknown-unknown $WASM_BUILD_STD_FLAGS --target-dir target/front &&
    # A panic in the browser, in a test binary of its own (a panic abandons the call it is in).
    # shellcheck disable=SC2086
    "$WASM_CARGO" test -p leptos --test browser_panic \
        --features leptos/ssr,leptos/hydrate,leptos/csr \
        --target wasm32-unknown-unknown $WASM_BUILD_STD_FLAGS --target-dir target/front
)

step "setup (scripts/setup.sh)" scripts/setup.sh
step "cargo fmt --all --check" cargo fmt --all --check
step "cargo clippy --workspace --all-targets -- -D warnings" \
    cargo clippy --workspace --all-targets -- -D warnings
step "cargo test --workspace" cargo test --workspace
# In the workspace run every crate sees `server_fn`'s `ssr` feature (leptos_axum turns it on);
# on its own, `server_fn` is built as a browser app's dependency is: the client half.
# Then once more with the native transport (reqwest) against a real socket.
step "cargo test -p server_fn (client half, without ssr; then its reqwest transport against a socket)" \
    bash -c 'cargo test -p server_fn && cargo test -p server_fn --features reqwest --test native_client'
step "book: mdbook build docs/book and its internal links" \
    bash -c 'mdbook build docs/book &&
             cargo run -q -p check_book_links -- docs/book/book'
step "browser tests (reactive_graph, leptos and leptos_router, wasm32, headless Chromium)" browser_tests
step "peer benchmarks: fmt and one checked run of each workload (benches/peers, benches/ssr_peers, benches/router_peers)" \
    bash -c 'cargo fmt --manifest-path benches/peers/Cargo.toml --check &&
             cargo fmt --manifest-path benches/ssr_peers/Cargo.toml --check &&
             cargo fmt --manifest-path benches/router_peers/Cargo.toml --check &&
             export CARGO_TARGET_DIR=target/peers &&
             cargo test --manifest-path benches/peers/Cargo.toml --benches &&
             cargo test --manifest-path benches/ssr_peers/Cargo.toml --benches &&
             cargo test --manifest-path benches/router_peers/Cargo.toml --benches'

echo
print_timings
echo "--- disk: $(du -sh target | cut -f1) in target/"
echo "all checks passed"
