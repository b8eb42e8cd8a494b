#!/usr/bin/env bash
# Sets up whatever is missing, builds the release app and serves it on
# http://127.0.0.1:8080 (Ctrl+C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
mkdir -p target
echo
echo "Serving the budget planner at http://127.0.0.1:8080/"
echo
exec trunk serve --release --offline
