#!/bin/sh
# Rift against TimelineJS and vis-timeline in Debian's Chromium, on a copy of
# the built dist/ (build it first: ./scripts/test.sh or trunk build --release).
# usage: ./bench/run.sh [--only=rift,timelinejs,vis] [--sizes=real,1000,10000,100000]
#                       [--runs=3] [--timeout=60] [--append] [--json=FILE]
# Installs bench/'s pinned npm packages when they are missing or stale.
set -e
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$here" --no-audit --no-fund >&2
fi
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "no Chromium at ${CHROMIUM:-/usr/bin/chromium}: apt-get install -y chromium (or ./scripts/setup.sh)" >&2
  exit 1
fi
BENCH_COMMAND="./bench/run.sh${*:+ $*}" exec node "$here/run.mjs" "$@"
