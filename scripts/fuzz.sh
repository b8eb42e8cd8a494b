#!/usr/bin/env bash
# Fuzzes the plan-file reader and everything drawn from what it reads, for a
# bounded time (FUZZ_SECONDS, default 600), starting from the example files.
# Needs a nightly toolchain and cargo-fuzz, installed here if missing (this is
# a developer's tool: CI stays on stable and runs the seeded mutation test).
# A crash leaves its input under fuzz/artifacts/plan_file/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '\033[1m[fuzz]\033[0m %s\n' "$*"; }

if ! rustup toolchain list | grep -q '^nightly'; then
  say "installing the nightly toolchain (for cargo fuzz only)"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

# FUZZ_TARGET: plan_file (the default) or table_import (spreadsheets brought in).
target="${FUZZ_TARGET:-plan_file}"
corpus="fuzz/corpus/$target"
mkdir -p "$corpus"
if [ "$target" = plan_file ]; then
  # The demo plan as the seed (the large example would slow every run down to a
  # few dozen files a second; its shapes are the demo's).
  cp -n examples/demo-plan.json "$corpus"/ 2>/dev/null || true
else
  # The demo plan's own CSV and XLSX exports as seeds.
  cargo run -q -p planner-core --features fixtures --example plan_file -- --exports "$corpus" 2>/dev/null || true
fi
seconds="${FUZZ_SECONDS:-600}"
say "fuzzing $target for ${seconds} s"
cd fuzz
exec cargo +nightly fuzz run "$target" "../$corpus" -- \
  -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=262144 -timeout=10
