#!/bin/bash
# What Leptos 0.8's client-side runtime weighs in a module, against the
# same small interface written with web-sys: each variant built with the
# release profile of the app, wasm-bindgen 0.2.130 and wasm-opt -Oz twice
# (as `xtask shrink-wasm`, without its renames), then gzip -9.
#   empty       one text node (the toolchain's floor)
#   leptos-min  26 elements, 3 signals, a memo, an effect (--cfg erase_components)
#   websys-min  the same with web-sys and a 75-line reactive cell
#   reactive-min  websys-min with reactive_graph 0.2.16 (Leptos's signals,
#               memos and effects) in place of the cell
# With --features second each of the last three mounts a second interface of
# 43 elements: the difference is what one more view costs.
# usage: ./bench/leptos-floor/run.sh        (after ./scripts/setup.sh; about 10 minutes)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../../scripts/env.sh"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$here/target}"
wasm_opt="$here/../../end2end/node_modules/.bin/wasm-opt"
out="$(mktemp -d)"
printf '| variant | wasm raw | wasm gzip -9 | glue gzip -9 |\n|---|---:|---:|---:|\n'
build() { # crate, library name, label, features, rustflags
  (cd "$here/$1" && RUSTFLAGS="$5" cargo build --quiet --locked --release --target wasm32-unknown-unknown ${4:+--features $4})
  rm -rf "$out/$3"
  wasm-bindgen --target web --out-dir "$out/$3" "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/$2.wasm"
  local w="$out/$3/$2_bg.wasm"
  "$wasm_opt" -Oz --low-memory-unused "$w" -o "$w"
  "$wasm_opt" -Oz --low-memory-unused --strip-producers --strip-target-features "$w" -o "$w"
  printf '| %s | %s | %s | %s |\n' "$3" "$(wc -c <"$w")" "$(gzip -9c "$w" | wc -c)" "$(gzip -9c "$out/$3/$2.js" | wc -c)"
}
build empty empty empty "" ""
build websys-min websys_min websys-min "" ""
build websys-min websys_min "websys-min, two views" second ""
build leptos-min leptos_min leptos-min "" "--cfg erase_components"
build leptos-min leptos_min "leptos-min, two views" second "--cfg erase_components"
build reactive-min reactive_min reactive-min "" ""
build reactive-min reactive_min "reactive-min, two views" second ""
rm -rf "$out"
