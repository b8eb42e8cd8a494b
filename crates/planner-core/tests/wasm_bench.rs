//! The domain benchmark in wasm, in headless Chromium, with the shipped
//! release settings. Prints figures; asserts nothing about time.
//! Run: `bash scripts/bench.sh` (see docs/PERFORMANCE.md).
#![cfg(target_arch = "wasm32")]

use planner_core::fixtures::bench::{
    benchmark_plan, import, median_p95, plan_file_of_size, validate_and_derive,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn time<F: FnMut() -> usize>(runs: usize, mut f: F) -> (f64, f64) {
    let mut sink = 0;
    let mut samples: Vec<f64> = (0..runs)
        .map(|_| {
            let start = js_sys::Date::now();
            // Date.now() counts whole milliseconds: time batches of 10.
            for _ in 0..10 {
                sink += f();
            }
            (js_sys::Date::now() - start) / 10.0
        })
        .collect();
    assert!(sink > 0);
    median_p95(&mut samples)
}

#[wasm_bindgen_test]
fn domain_benchmark_in_wasm() {
    let plan = benchmark_plan();
    let (median, p95) = time(30, || validate_and_derive(&plan));
    console_log!("wasm: validate + derive, 200x10x5 + 50x3: median {median:.2} ms, p95 {p95:.2} ms (target < 5 ms)");
    let text = plan_file_of_size(5 * 1024 * 1024);
    let mut samples: Vec<f64> = (0..5)
        .map(|_| {
            let start = js_sys::Date::now();
            assert!(import(&text) > 0);
            js_sys::Date::now() - start
        })
        .collect();
    let (median, p95) = median_p95(&mut samples);
    console_log!("wasm: parse + validate a {} byte plan file: median {median:.1} ms, p95 {p95:.1} ms (target < 100 ms)", text.len());
}
