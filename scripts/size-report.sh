#!/usr/bin/env bash
# Prints raw, gzip and brotli bytes of every file of the release build (dist/),
# and the first-load total that docs/PERFORMANCE.md records.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--no-build" ]; then
  . scripts/setup.sh >/dev/null
  trunk build --release --offline >/dev/null 2>&1 || trunk build --release --offline
fi
node scripts/size-report.mjs dist
