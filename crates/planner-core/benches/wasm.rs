//! The domain benchmark in wasm, in headless Chromium, with the shipped
//! release settings: wasm-bindgen-test's Criterion port prints each figure's
//! estimate; nothing passes or fails on time.
//! Run: `bash scripts/bench.sh` (see docs/PERFORMANCE.md).
#![cfg(target_arch = "wasm32")]

use std::hint::black_box;

use planner_core::fixtures::bench::{
    benchmark_plan, import, plan_file_of_size, validate_and_derive,
};
use wasm_bindgen_test::{wasm_bindgen_bench, wasm_bindgen_test_configure, Criterion};

wasm_bindgen_test_configure!(run_in_browser);

/// The work of one edit on the benchmark plan (target < 5 ms).
#[wasm_bindgen_bench]
fn one_edit_on_the_benchmark_plan(c: &mut Criterion) {
    let plan = benchmark_plan();
    c.bench_function("wasm: validate + derive, 200x10x5 + 50x3", |b| {
        b.iter(|| validate_and_derive(black_box(&plan)))
    });
}

/// Opening a 5 MiB plan file (target < 100 ms).
#[wasm_bindgen_bench]
fn importing_a_five_mib_file(c: &mut Criterion) {
    let text = plan_file_of_size(5 * 1024 * 1024);
    c.bench_function(
        &format!("wasm: parse + validate a {} byte plan file", text.len()),
        |b| b.iter(|| import(black_box(&text))),
    );
}
