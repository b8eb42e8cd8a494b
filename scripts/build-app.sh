#!/usr/bin/env bash
# Trunk pre_build hook: builds the app's wasm split into parts loaded on first
# use, the chain cargo-leptos's `--split` runs (Trunk cannot split, its issue
# #1022, so index.html tells Trunk to skip the Rust build):
#   1. cargo builds the app with the `split` feature, linked with --emit-relocs;
#   2. wasm-split-cli cuts the raw wasm at the split points (src/parts.rs) into
#      the main module, one file per part and __wasm_split.js, their loader;
#   3. wasm-bindgen --keep-lld-exports writes the main module's JS bindings;
#   4. wasm-opt -Oz shrinks every wasm file (release);
#   5. the folder goes into the staging dist as app-<hash>/, the hash of its
#      files, so a new build never mixes with a cached old one.
# scripts/post-build.mjs then writes the loader into index.html, the CSP hash
# and the service worker. Tools come from scripts/setup.sh (PATH, pinned).
set -euo pipefail
cd "$(dirname "$0")/.."

profile="${TRUNK_PROFILE:-release}"
staging="${TRUNK_STAGING_DIR:?run me as a Trunk hook (TRUNK_STAGING_DIR)}"
out="target/split/$profile"
flags=()
[ "$profile" = release ] && flags+=(--release)

cargo rustc -q --target wasm32-unknown-unknown --bin budget-planner --features split "${flags[@]}" \
  -- -C link-arg=--emit-relocs
raw="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$profile/budget-planner.wasm"

rm -rf "$out"
mkdir -p "$out/app"
wasm-split-cli "$raw" "$out/split" --target web --out-name budget-planner
wasm-bindgen --target web --keep-lld-exports --no-typescript \
  --out-dir "$out/app" --out-name budget-planner "$out/split/budget-planner.wasm"
# The parts and their loader sit beside the bindings; the main module's raw
# form (now budget-planner_bg.wasm) is not shipped.
for f in "$out/split"/*; do
  case "$(basename "$f")" in budget-planner.wasm) ;; *) cp "$f" "$out/app/" ;; esac
done
if [ "$profile" = release ] && [ -z "${NO_WASM_OPT:-}" ]; then
  for f in "$out/app"/*.wasm; do
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int "$f" -o "$f"
  done
fi

hash="$(cd "$out/app" && cat $(ls | sort) | sha256sum | cut -c1-16)"
rm -rf "$staging"/app-*
cp -r "$out/app" "$staging/app-$hash"
echo "build-app: $profile build in app-$hash/ ($(ls "$out/app" | wc -l) files)"
