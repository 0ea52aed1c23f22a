#!/usr/bin/env bash
# Builds the release and serves it on http://127.0.0.1:8080 (rebuilding on change).
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh"
cd "$ROOT"
exec trunk serve --release --address 127.0.0.1 --port "${PORT:-8080}"
