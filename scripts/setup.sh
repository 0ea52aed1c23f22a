#!/usr/bin/env bash
# Installs every tool the build and the tests need, at pinned versions.
# Idempotent: each step is skipped when the right version is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || rustup target add wasm32-unknown-unknown
rustup component add clippy rustfmt >/dev/null 2>&1 || true

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (takes several minutes)"
  cargo install trunk --version "=$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # No --locked: its lockfile pins a crate version the registry does not serve.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

# chromium for Playwright; chromium-driver (chromedriver, the same version)
# for wasm-bindgen-test-runner's in-browser tests.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  log "installing Debian's chromium and chromium-driver"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver fonts-dejavu-core >/dev/null
fi

if [ ! -x end2end/node_modules/.bin/playwright ] || [ ! -x end2end/node_modules/.bin/wasm-opt ] \
   || [ ! -x end2end/node_modules/.bin/esbuild ] \
   || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  log "installing npm packages (playwright, binaryen for wasm-opt, esbuild, axe)"
  (cd end2end && npm ci --no-audit --no-fund --loglevel=error)
fi
log "tools ready"
