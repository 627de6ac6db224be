#!/usr/bin/env bash
# Bundle size: our examples/counter (client-only, `csr`) against the same counter written with
# Leptos 0.8.23 (benches/bundle/leptos_counter), built the same way, side by side in one run;
# prints Markdown tables of the .wasm and .js sizes (raw, gzip -9, brotli -q 11) and the ratios.
# Beside them, the floor: the same counter written by hand against web-sys with no framework
# (benches/bundle/floor_counter), built the same way. What is in its bundle (std, the
# allocator, wasm-bindgen's glue) every Rust app built like this carries; what a framework's
# bundle has above it is the framework's own.
#
#   benches/bundle/run.sh              # build both (release, wasm32), wasm-bindgen, measure
#   NO_BUILD=1 benches/bundle/run.sh   # measure the last builds again
#   OPT_LEVEL=3 benches/bundle/run.sh  # another opt-level, for both
#
# All three builds get the same release profile through CARGO_PROFILE_RELEASE_* (no Cargo.toml
# sets one): opt-level z (OPT_LEVEL), lto = true, codegen-units = 1, panic = "abort",
# debug = false; std is rebuilt with the same profile (scripts/wasm-env.sh: build-std where
# rustup has no wasm32 target). Same wasm-bindgen CLI (must be 0.2.130, the version in both
# lock files), `--target web`.
#
# Tables:
#  1. wasm-bindgen output as is (no wasm-opt). This keeps the wasm `name` section (function
#     names), which no one ships; its size is shown separately.
#  2. totals (.wasm + .js) for: (1); (1) with `--remove-name-section`; and (1) through
#     `wasm-opt -Oz` from binaryen 132 (npm, `npm ci` in benches/bundle; Debian's binaryen 108
#     breaks these bundles, so it is never used). Skipped when that wasm-opt is missing.
#
# Before measuring, the three bundles are loaded in headless Chromium (if installed; SKIP_CHECK=1
# skips it) and must mount the counter and count 11 clicks, so a broken build cannot win.
#
# Outputs go to benches/bundle/out/{ours,leptos,floor}/{pkg,pkg-nonames,pkg-opt}/ (git-ignored).
# Targets: target/front for ours (the shared wasm target dir), leptos_counter/target for Leptos,
# floor_counter/target for the floor.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/out"

export CARGO_PROFILE_RELEASE_OPT_LEVEL="${OPT_LEVEL:-z}"
export CARGO_PROFILE_RELEASE_LTO=true
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1
export CARGO_PROFILE_RELEASE_PANIC=abort
export CARGO_PROFILE_RELEASE_DEBUG=false

# The brotli column needs Debian's `brotli`; install it when missing, as the other benchmark
# scripts do with wrk. Best effort: without it the brotli cells are left empty.
if ! command -v brotli >/dev/null; then
  sudo_=""; [[ $(id -u) == 0 ]] || sudo_=sudo
  $sudo_ apt-get install -y -qq brotli >&2 ||
    { $sudo_ apt-get update -qq && $sudo_ apt-get install -y -qq brotli >&2; } ||
    echo "brotli could not be installed: the brotli cells stay empty" >&2
fi

ours_wasm="$root/target/front/wasm32-unknown-unknown/release/counter.wasm"
leptos_wasm="$here/leptos_counter/target/wasm32-unknown-unknown/release/leptos_counter.wasm"
floor_wasm="$here/floor_counter/target/wasm32-unknown-unknown/release/floor_counter.wasm"

if [[ "${NO_BUILD:-}" != 1 ]]; then
  # shellcheck source=/dev/null
  . "$root/scripts/wasm-env.sh"
  # One build at a time (2 shared cores).
  (cd "$root" && $WASM_CARGO build --locked --release --target wasm32-unknown-unknown \
    $WASM_BUILD_STD_FLAGS --target-dir target/front -p counter --features csr) >&2
  (cd "$here/leptos_counter" && $WASM_CARGO build --locked --release \
    --target wasm32-unknown-unknown $WASM_BUILD_STD_FLAGS --target-dir target) >&2
  (cd "$here/floor_counter" && $WASM_CARGO build --locked --release \
    --target wasm32-unknown-unknown $WASM_BUILD_STD_FLAGS --target-dir target) >&2
fi

wb_version="$(wasm-bindgen --version | awk '{print $2}')"
for lock in "$root/Cargo.lock" "$here/leptos_counter/Cargo.lock" "$here/floor_counter/Cargo.lock"; do
  locked="$(grep -A1 '^name = "wasm-bindgen"$' "$lock" | sed -n 's/^version = "\(.*\)"/\1/p')"
  if [[ "$locked" != "$wb_version" ]]; then
    echo "wasm-bindgen CLI is $wb_version but $lock has $locked" >&2
    exit 1
  fi
done

wasm_opt="${WASM_OPT:-$here/node_modules/.bin/wasm-opt}"
if [[ -x "$wasm_opt" ]] && ! "$wasm_opt" --version | grep -qE 'version (11[6-9]|1[2-9][0-9])'; then
  echo "ignoring $wasm_opt: binaryen older than 116" >&2
  wasm_opt=""
fi
[[ -x "$wasm_opt" ]] || wasm_opt=""

# The file name wasm-bindgen gives SIDE's bundle.
bundle_name() {
  case "$1" in
    ours) echo counter ;;
    leptos) echo leptos_counter ;;
    floor) echo floor_counter ;;
  esac
}

# bindgen SIDE WASM NAME
bindgen() {
  local side="$1" wasm="$2" name="$3"
  rm -rf "$out/$side"
  wasm-bindgen --target web --out-dir "$out/$side/pkg" "$wasm"
  wasm-bindgen --target web --remove-name-section --out-dir "$out/$side/pkg-nonames" "$wasm"
  if [[ -n "$wasm_opt" ]]; then
    mkdir -p "$out/$side/pkg-opt"
    cp "$out/$side/pkg/$name.js" "$out/$side/pkg-opt/"
    "$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$out/$side/pkg/${name}_bg.wasm" -o "$out/$side/pkg-opt/${name}_bg.wasm"
  fi
}
bindgen ours "$ours_wasm" counter
bindgen leptos "$leptos_wasm" leptos_counter
bindgen floor "$floor_wasm" floor_counter

# Smoke test in headless Chromium (when installed; SKIP_CHECK=1 skips it): each bundle must
# mount the counter, and 11 clicks on +1 must show 11, double 22 and class "big".
if [[ "${SKIP_CHECK:-}" != 1 ]] && command -v chromium >/dev/null; then
  for side in ours leptos floor; do
    name="$(bundle_name "$side")"
    cat >"$out/$side/index.html" <<HTML
<!doctype html><html><head><meta charset="utf-8"></head><body><script type="module">
import init from './pkg/$name.js'; await init();
for (let i = 0; i < 11; i++) document.getElementById('increment').click();
</script></body></html>
HTML
  done
  port=$((20000 + RANDOM % 20000))
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$out" >/dev/null 2>&1 &
  server=$!
  sleep 1
  for side in ours leptos floor; do
    profile="$(mktemp -d)"
    dom="$(timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$profile" --virtual-time-budget=3000 --dump-dom \
      "http://127.0.0.1:$port/$side/" 2>/dev/null || true)"
    rm -rf "$profile"
    text="$(echo "$dom" | sed -E 's/<!--[^>]*-->//g')"
    if ! grep -q '<p id="count">Clicks: 11</p><p id="double" class="big">Double: 22</p>' <<<"$text"; then
      kill "$server"
      echo "smoke test failed for $side: $(grep -o '<main>.*</main>' <<<"$dom")" >&2
      exit 1
    fi
  done
  kill "$server"
  echo "All three bundles checked in headless Chromium (mount, 11 clicks: count 11, double 22, class big)." >&2
fi

raw() { wc -c <"$1"; }
gz() { gzip -9 -c "$1" | wc -c; }
br() { if command -v brotli >/dev/null; then brotli -q 11 -c "$1" | wc -c; fi; }
# total MEASURE WASM JS: the two files' sizes added up (empty when the measure is unavailable)
total() {
  local a b
  a="$($1 "$2")" b="$($1 "$3")"
  if [[ -n "$a" && -n "$b" ]]; then echo $((a + b)); fi
}

# Size of the wasm `name` custom section of a file, in bytes.
name_section() {
  python3 - "$1" <<'PY'
import sys
b = open(sys.argv[1], 'rb').read()
def leb(i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i
i, size = 8, 0
while i < len(b):
    sid = b[i]; n, i = leb(i + 1)
    if sid == 0:
        l, j = leb(i)
        if b[j:j + l] == b'name': size += n
    i += n
print(size)
PY
}

fmt() { if [[ -z "$1" ]]; then echo "n/a"; else echo "$1" | sed -E ':a; s/([0-9])([0-9]{3})($|,)/\1,\2\3/; ta'; fi; }
ratio() { awk -v o="$1" -v a="$2" 'BEGIN { if (o == "" || a == "" || a == 0) print "n/a"; else printf "%.2f\n", o / a }'; }
row() { # LABEL OURS LEPTOS FLOOR
  echo "| $1 | $(fmt "$2") | $(fmt "$3") | $(ratio "$2" "$3") | $(fmt "$4") |"
}
# SIDE DIR FILE-KIND: the path of SIDE's .wasm (wasm) or .js (js) in DIR.
file() {
  local name; name="$(bundle_name "$1")"
  if [[ $3 == wasm ]]; then echo "$out/$1/$2/${name}_bg.wasm"; else echo "$out/$1/$2/$name.js"; fi
}
label() { [[ $1 == raw ]] && echo raw || { [[ $1 == gz ]] && echo "gzip -9" || echo "brotli 11"; }; }

echo "Profile: opt-level=$CARGO_PROFILE_RELEASE_OPT_LEVEL, lto=true, codegen-units=1, panic=abort; wasm-bindgen $wb_version --target web; bytes"
echo
echo "| file, measure | ours (examples/counter) | Leptos 0.8.23 | ours / Leptos | floor (by hand, web-sys) |"
echo "| --- | ---: | ---: | ---: | ---: |"
for kind in wasm js; do
  for m in raw gz br; do
    row ".$kind, $(label $m)" "$($m "$(file ours pkg $kind)")" "$($m "$(file leptos pkg $kind)")" \
      "$($m "$(file floor pkg $kind)")"
  done
done
# Each post-processing ("LABEL:DIR") and, per DIR and measure, the totals (.wasm + .js) of
# "ours leptos floor", compressed once and read by every table below.
variants=("wasm-bindgen only:pkg" "wasm-bindgen --remove-name-section:pkg-nonames")
if [[ -n "$wasm_opt" ]]; then
  variants+=("wasm-bindgen, then wasm-opt -Oz ($("$wasm_opt" --version | awk '{print $3}')):pkg-opt")
fi
declare -A totals
for v in "${variants[@]}"; do
  for m in raw gz br; do
    totals["${v##*:} $m"]="$(for side in ours leptos floor; do
      printf '%s ' "$(total $m "$(file $side "${v##*:}" wasm)" "$(file $side "${v##*:}" js)")"
    done)"
  done
done

for m in raw gz br; do
  read -r o l f <<<"${totals["pkg $m"]}"
  row "**.wasm + .js, $(label $m)**" "$o" "$l" "$f"
done
row "(.wasm \`name\` section, raw)" "$(name_section "$(file ours pkg wasm)")" \
  "$(name_section "$(file leptos pkg wasm)")" "$(name_section "$(file floor pkg wasm)")"

minus() { if [[ -n "$1" && -n "$2" ]]; then echo $(($1 - $2)); fi; }

echo
echo "Totals (.wasm + .js) as shipped, by post-processing:"
echo
echo "| post-processing | ours raw | Leptos raw | ratio | ours gzip -9 | Leptos gzip -9 | ratio | ours brotli 11 | Leptos brotli 11 | ratio |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for v in "${variants[@]}"; do
  cells=""
  for m in raw gz br; do
    read -r o l _ <<<"${totals["${v##*:} $m"]}"
    cells+=" $(fmt "$o") | $(fmt "$l") | $(ratio "$o" "$l") |"
  done
  echo "| ${v%:*} |$cells"
done
[[ -n "$wasm_opt" ]] ||
  echo "| wasm-opt -Oz | (no binaryen >= 116: \`npm ci\` in benches/bundle) |||||||||"

echo
echo "Above the floor: each framework's total minus the hand-written counter's, built and"
echo "post-processed the same way (what the framework itself adds):"
echo
echo "| post-processing | floor gzip -9 | ours above it | Leptos above it | ratio | floor brotli 11 | ours above it | Leptos above it | ratio |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for v in "${variants[@]}"; do
  cells=""
  for m in gz br; do
    read -r o l f <<<"${totals["${v##*:} $m"]}"
    oa="$(minus "$o" "$f")" la="$(minus "$l" "$f")"
    cells+=" $(fmt "$f") | $(fmt "$oa") | $(fmt "$la") | $(ratio "$oa" "$la") |"
  done
  echo "| ${v%:*} |$cells"
done
