//! Native benchmark of the domain core: prints milliseconds, asserts nothing.
//! Run: `cargo bench -p planner-core`. Figures go to docs/PERFORMANCE.md.

use std::time::Instant;

use planner_core::fixtures::bench::{
    benchmark_plan, compare_first_and_last, import, median_p95, plan_file_of_size,
    staged_benchmark_plan, validate_and_derive,
};

fn time<F: FnMut() -> usize>(runs: usize, mut f: F) -> (f64, f64) {
    let mut sink = 0;
    let mut samples: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            sink += f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    std::hint::black_box(sink);
    median_p95(&mut samples)
}

fn main() {
    let plan = benchmark_plan();
    let (median, p95) = time(200, || validate_and_derive(&plan));
    println!("validate + derive, 200 programs x 10 years x 5 sources + 50 pledges x 3 indicators: median {median:.3} ms, p95 {p95:.3} ms (target < 2 ms)");
    let text = plan_file_of_size(5 * 1024 * 1024);
    let (median, p95) = time(20, || import(&text));
    println!("parse + validate a {} byte plan file: median {median:.1} ms, p95 {p95:.1} ms (target < 100 ms in wasm)", text.len());
    let staged = staged_benchmark_plan();
    let (median, p95) = time(50, || compare_first_and_last(&staged));
    println!("compare two stages of the benchmark plan (4 stages, 60 programs changed), 천원: median {median:.2} ms, p95 {p95:.2} ms");
    let mut switching = staged.clone();
    let ids: Vec<u32> = staged.stages.list.iter().map(|s| s.id).collect();
    let mut at = 0;
    let (median, p95) = time(50, || {
        at = (at + 1) % ids.len();
        let _ = switching.apply(planner_core::Edit::SwitchStage(ids[at]));
        switching.programs.len()
    });
    println!("switch the stage being edited (benchmark plan): median {median:.2} ms, p95 {p95:.2} ms");
    let file = planner_core::file::encode(&staged, "bench", "x");
    println!("benchmark plan file with 4 stages: {} bytes (one stage: {} bytes)", file.len(), planner_core::file::encode(&plan, "bench", "x").len());
}
