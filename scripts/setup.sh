#!/usr/bin/env bash
# Installs whatever the project's builds and tests need and is missing on this machine.
# Safe to run again: when everything is present it only checks, in a few seconds.
#
#   - a wasm32 std: rustup's wasm32-unknown-unknown target if installed, otherwise Debian's
#     rustc-web, cargo-web, rust-web-src and lld-22 (std rebuilt with -Z build-std)
#   - wasm-bindgen-cli at exactly the version of the `wasm-bindgen` crate in Cargo.lock
#   - chromium and chromium-driver, for the browser tests
#   - mdBook (from crates.io, at the version pinned below), to build the book (docs/book)
#
# Prints one line per item: "ok" or what it installed.
set -euo pipefail
cd "$(dirname "$0")/.."

export DEBIAN_FRONTEND=noninteractive

die() {
    echo "setup: ERROR: $*" >&2
    exit 1
}

SUDO=""
if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    fi
fi

apt_updated=0
apt_install() {
    command -v apt-get >/dev/null 2>&1 ||
        die "apt-get not found: install these Debian packages by hand: $*"
    if [ "$(id -u)" != "0" ] && [ -z "$SUDO" ]; then
        die "not root and no sudo: install these Debian packages by hand: $*"
    fi
    local log
    log=$(mktemp)
    if [ "$apt_updated" = 0 ]; then
        $SUDO apt-get update </dev/null >"$log" 2>&1 || {
            tail -n 30 "$log" >&2
            die "apt-get update failed (log above)"
        }
        apt_updated=1
    fi
    $SUDO apt-get install -y --no-install-recommends "$@" </dev/null >"$log" 2>&1 || {
        tail -n 30 "$log" >&2
        die "apt-get install $* failed (log above)"
    }
    rm -f "$log"
}

pkg_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

# --- wasm32 std -------------------------------------------------------------------------
if command -v rustup >/dev/null 2>&1 &&
    rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    echo "setup: wasm32 std: ok (rustup target wasm32-unknown-unknown)"
else
    missing=()
    [ -x /usr/bin/rustc ] || missing+=(rustc-web)
    [ -x /usr/bin/cargo ] || missing+=(cargo-web)
    [ -d /usr/lib/rustlib/src/rust/library ] || missing+=(rust-web-src)
    command -v wasm-ld-22 >/dev/null 2>&1 || missing+=(lld-22)
    if [ "${#missing[@]}" = 0 ]; then
        echo "setup: wasm32 std: ok (Debian rustc-web + rust-web-src + lld-22, build-std)"
    else
        apt_install "${missing[@]}"
        [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] &&
            [ -d /usr/lib/rustlib/src/rust/library ] && command -v wasm-ld-22 >/dev/null 2>&1 ||
            die "installed ${missing[*]} but the wasm toolchain is still incomplete"
        echo "setup: wasm32 std: installed ${missing[*]} ($(/usr/bin/rustc --version))"
    fi
fi

# --- wasm-bindgen-cli -------------------------------------------------------------------
wb_version=$(awk '
    $0 == "name = \"wasm-bindgen\"" { found = 1; next }
    found && /^version = / { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)
[ -n "$wb_version" ] || die "could not find the wasm-bindgen version in Cargo.lock"

have_wb=""
if command -v wasm-bindgen >/dev/null 2>&1; then
    have_wb=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }')
fi
if [ "$have_wb" = "$wb_version" ] && command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
    echo "setup: wasm-bindgen-cli $wb_version: ok"
else
    echo "setup: wasm-bindgen-cli: installing $wb_version (found: ${have_wb:-none}; takes a few minutes)..."
    log=$(mktemp)
    if cargo install wasm-bindgen-cli --version "$wb_version" --locked --force >"$log" 2>&1; then
        :
    else
        echo "setup: wasm-bindgen-cli: 'cargo install --locked' failed, retrying without --locked"
        cargo install wasm-bindgen-cli --version "$wb_version" --force >"$log" 2>&1 || {
            tail -n 30 "$log" >&2
            die "cargo install wasm-bindgen-cli --version $wb_version failed (log above)"
        }
    fi
    rm -f "$log"
    have_wb=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }') ||
        die "wasm-bindgen is not on PATH after installing it (is ~/.cargo/bin on PATH?)"
    [ "$have_wb" = "$wb_version" ] ||
        die "installed wasm-bindgen-cli $wb_version, but 'wasm-bindgen --version' says $have_wb (PATH order?)"
    echo "setup: wasm-bindgen-cli: installed $wb_version"
fi

# --- chromium + chromedriver ------------------------------------------------------------
missing=()
{ [ -x /usr/bin/chromium ] && pkg_installed chromium; } || missing+=(chromium)
{ [ -x /usr/bin/chromedriver ] && pkg_installed chromium-driver; } || missing+=(chromium-driver)
if [ "${#missing[@]}" = 0 ]; then
    echo "setup: chromium + chromedriver: ok"
else
    apt_install "${missing[@]}"
    [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] ||
        die "installed ${missing[*]} but /usr/bin/chromium or /usr/bin/chromedriver is missing"
    echo "setup: chromium + chromedriver: installed ${missing[*]} ($(/usr/bin/chromium --version 2>/dev/null | head -n1))"
fi

# --- mdBook -------------------------------------------------------------------------------
# Builds the book (docs/book) in the test command. Only the `search` feature: the default
# `serve` and `watch` features (a web server and a file watcher) are not needed to build.
mdbook_version=0.5.4
have_mdbook=""
if command -v mdbook >/dev/null 2>&1; then
    have_mdbook=$(mdbook --version 2>/dev/null | awk '{ print $2 }')
fi
if [ "$have_mdbook" = "v$mdbook_version" ]; then
    echo "setup: mdbook $mdbook_version: ok"
else
    echo "setup: mdbook: installing $mdbook_version (found: ${have_mdbook:-none}; takes a few minutes)..."
    log=$(mktemp)
    cargo install mdbook --version "$mdbook_version" --locked --force \
        --no-default-features --features search >"$log" 2>&1 || {
        tail -n 30 "$log" >&2
        die "cargo install mdbook --version $mdbook_version failed (log above)"
    }
    rm -f "$log"
    have_mdbook=$(mdbook --version 2>/dev/null | awk '{ print $2 }') ||
        die "mdbook is not on PATH after installing it (is ~/.cargo/bin on PATH?)"
    [ "$have_mdbook" = "v$mdbook_version" ] ||
        die "installed mdbook $mdbook_version, but 'mdbook --version' says $have_mdbook (PATH order?)"
    echo "setup: mdbook: installed $mdbook_version"
fi
