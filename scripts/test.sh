#!/usr/bin/env bash
# Runs every test: native domain tests, component tests in headless Chromium,
# then the release build driven end to end in headless Chromium.
# Installs whatever is missing first (scripts/setup.sh). Screenshots land in
# target/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
export CHROMEDRIVER=/usr/bin/chromedriver
# The whole component suite runs in one page; the property test alone takes seconds.
export WASM_BINDGEN_TEST_TIMEOUT=300

echo "== 1/3 domain: native unit and property tests"
cargo test -p planner-core --features schema,fixtures
echo "== 1/3 domain: the JSON Schema agrees with plancheck (ajv strict, Python jsonschema)"
cargo build -q -p planner-core --bin plancheck
node --test tests/schema/

echo "== 2/3 components: wasm-bindgen-test in headless Chromium"
cargo test --target wasm32-unknown-unknown -p budget-planner --test components

echo "== 3/3 end to end: release build in headless Chromium"
trunk build --release --offline
node scripts/size-report.mjs dist
node --test --test-concurrency=1 tests/e2e/
