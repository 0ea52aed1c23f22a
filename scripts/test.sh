#!/usr/bin/env bash
# Runs every test: formatting and lints, the native tests of the pure core and
# of the dataset against its sources, the in-browser tests of the view
# (wasm-bindgen-test in headless Chromium), then the end-to-end tests of the
# release build in Chromium.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh"
cd "$ROOT"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (host and wasm32)"
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy --package rift --target wasm32-unknown-unknown --locked -- -D warnings
cargo clippy --package rift --target wasm32-unknown-unknown --tests --locked -- -D warnings

step "native tests (core, dataset and quotes)"
cargo test --workspace --locked

step "in-browser tests (wasm-bindgen-test, headless Chromium)"
# The runner (.cargo/config.toml) drives Chromium through Debian's
# chromedriver, with the options in webdriver.json.
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" \
  cargo test --package rift --target wasm32-unknown-unknown --test browser --locked

step "release build"
trunk build --release --locked

# Nothing adds weight unnoticed: the page before use (index.html and what it
# loads, each gzip -9) stays within 200 KB (BENCHMARKS.md).
step "page weight before use"
cargo run --quiet --package xtask --locked -- page-weight dist 204800

step "a dev build with forced faults, for the tests of failure display"
# Served at /faults/ by end2end/serve.mjs; the release build has no such path.
trunk build --features faults --dist end2end/dist-faults --locked

step "end-to-end tests (Playwright, Chromium)"
cd end2end
npx playwright test "$@"
