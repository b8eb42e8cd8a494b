#!/usr/bin/env bash
# Prints the performance figures docs/PERFORMANCE.md records: the domain core
# natively and in wasm (headless Chromium, release settings), then the bundle
# sizes. Figures only: nothing here passes or fails on time.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh >/dev/null
export CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=300

echo "== native (cargo bench, opt-level 3)"
cargo bench -q -p planner-core --features fixtures --bench core 2>/dev/null | grep -E '^(validate|parse|import)'
echo "== wasm in headless Chromium (release profile)"
cargo bench -p planner-core --features fixtures --target wasm32-unknown-unknown --bench wasm 2>&1 | sed 's/\x1b\[[0-9;]*m//g' | grep -A1 -E '^wasm:'
echo "== bundle"
bash scripts/size-report.sh
echo "== editor in headless Chromium (release build, 200-program plan)"
trunk build --release --offline >/dev/null 2>&1
node scripts/bench-editor.mjs
node scripts/bench-import.mjs
