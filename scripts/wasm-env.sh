# Source this file (`. scripts/wasm-env.sh`) before a wasm32 build. It picks the route that
# this machine has (scripts/setup.sh installs one) and exports:
#
#   WASM_ROUTE             "rustup" or "debian"
#   WASM_CARGO             the cargo to run the wasm build with
#   WASM_BUILD_STD_FLAGS   extra cargo flags for the build ("" or "-Z build-std=std,panic_abort")
#
# - rustup route: `rustup target list --installed` lists wasm32-unknown-unknown; nothing special.
# - Debian route: rustc-web/cargo-web (/usr/bin/rustc, /usr/bin/cargo), rust-web-src (std
#   source) and lld-22 (wasm-ld-22): std is rebuilt from source with -Z build-std, which
#   RUSTC_BOOTSTRAP=1 allows on a stable compiler. Also exports RUSTC, RUSTC_BOOTSTRAP and
#   CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER.
#
# Usage:  . scripts/wasm-env.sh && $WASM_CARGO build --target wasm32-unknown-unknown $WASM_BUILD_STD_FLAGS ...
# Returns non-zero (without exiting the caller's shell) when neither route is present.

if command -v rustup >/dev/null 2>&1 &&
    rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    export WASM_ROUTE=rustup
    export WASM_CARGO=cargo
    export WASM_BUILD_STD_FLAGS=""
elif [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] &&
    [ -d /usr/lib/rustlib/src/rust/library ] && command -v wasm-ld-22 >/dev/null 2>&1; then
    export WASM_ROUTE=debian
    export WASM_CARGO=/usr/bin/cargo
    export WASM_BUILD_STD_FLAGS="-Z build-std=std,panic_abort"
    export RUSTC=/usr/bin/rustc
    export RUSTC_BOOTSTRAP=1
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22
else
    echo "wasm-env: no wasm32 toolchain found (neither rustup's wasm32-unknown-unknown target" \
        "nor Debian's rustc-web/cargo-web/rust-web-src/lld-22); run scripts/setup.sh" >&2
    false
fi
