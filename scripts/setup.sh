#!/usr/bin/env bash
# Installs whatever this machine lacks to build, serve and test the app.
# Idempotent: each step checks first and skips what is already there.
# Source it (`. scripts/setup.sh`) to also get the PATH it sets up.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# 1. The wasm32 target of the machine's Rust toolchain.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Trunk 0.21 (0.22 needs a newer rustc than this machine's).
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  say "installing trunk 0.21.14 (about 10 minutes)"
  cargo install trunk@0.21.14 --locked
fi

# 3. wasm-bindgen-cli at exactly the Cargo.lock version, on PATH, so Trunk
#    never downloads it. `--locked` fails for this crate here: install without.
wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wbg" ]; then echo "setup: no wasm-bindgen in Cargo.lock" >&2; exit 1; fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbg\$"; then
  say "installing wasm-bindgen-cli $wbg"
  cargo install wasm-bindgen-cli --version "=$wbg" --force
fi

# 3b. wasm-split-cli (crate wasm_split_cli_support, feature build-binary): it
#     cuts the release wasm into the parts loaded on first use
#     (scripts/build-app.sh). Pinned to 0.2.4, the same 0.2 split format as the
#     wasm_split_helpers 0.2.3 runtime in Cargo.lock (its newest release): 0.2.3's
#     loader leaves a failed part download as an unhandled rejection, which
#     tests/e2e/parts.test.mjs catches; 0.2.4 handles it.
wsc=0.2.4
if ! cargo install --list | grep -x "wasm_split_cli_support v$wsc:" >/dev/null; then
  say "installing wasm-split-cli $wsc (a few minutes)"
  cargo install wasm_split_cli_support --version "=$wsc" --features build-binary --locked --force
fi

# 4. Node tools: binaryen 132's wasm-opt, playwright-core, axe-core, ajv (the
#    schema agreement test).
if ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q 'version 132' \
   || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] \
   || [ ! -d node_modules/ajv ]; then
  say "installing node tools (npm ci)"
  npm ci --no-audit --no-fund
fi

# 5. Chromium, its driver, and Korean fonts for readable screenshots.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null; then
  say "installing chromium, chromium-driver and fonts-noto-cjk"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q chromium chromium-driver fonts-noto-cjk
fi

# 6. LibreOffice Calc (headless), for the test that opens the exported XLSX
#    (crates/planner-core/tests/xlsx_libreoffice.rs). About a minute.
if ! command -v soffice >/dev/null 2>&1; then
  say "installing libreoffice-calc-nogui"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends libreoffice-calc-nogui
fi

# 7. Python's jsonschema, the second validator of the schema agreement test.
if ! python3 -c 'import jsonschema' 2>/dev/null; then
  say "installing jsonschema (Python)"
  python3 -m pip install --quiet 'jsonschema==4.26.0'
fi

say "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-split-cli $wsc, $(node_modules/.bin/wasm-opt --version), $(chromium --version 2>/dev/null), $(soffice --version 2>/dev/null | head -1)"
