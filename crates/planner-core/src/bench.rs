//! The work the performance targets measure, shared by the native benchmark
//! (`cargo bench -p planner-core`) and the wasm one (tests/wasm_bench.rs), so
//! both time exactly the same thing.

use crate::derive::{indicator_summary, schedule_totals, staffing_totals, status_total};
use crate::file::{decode, encode};
use crate::generate::{generated_plan, Size};
use crate::plan::Plan;
use crate::validate::validate;

/// Everything the app computes for a plan after an edit: every problem and
/// every derived table. Returns a checksum so the work cannot be optimised away.
pub fn validate_and_derive(plan: &Plan) -> usize {
    let mut n = validate(plan).len();
    n += usize::from(status_total(plan).this_year.is_zero());
    for program in &plan.programs {
        n += schedule_totals(&program.schedule, &plan.sources, program.period)
            .rows
            .len();
    }
    for pledge in &plan.pledges {
        n += schedule_totals(&pledge.schedule, &plan.sources, pledge.term)
            .rows
            .len();
        for indicator in &pledge.indicators {
            n += indicator_summary(indicator).yearly.len();
        }
    }
    n += usize::try_from(staffing_totals(&plan.staffing).quota).unwrap_or(0);
    n
}

/// The benchmark plan of the issues (200 × 10 × 5, 50 × 3).
pub fn benchmark_plan() -> Plan {
    generated_plan(Size::BENCHMARK, 1)
}

/// A plan file of at least `bytes` bytes, for the import benchmark.
pub fn plan_file_of_size(bytes: usize) -> String {
    let mut programs = 200;
    loop {
        let size = Size {
            programs,
            ..Size::BENCHMARK
        };
        let text = encode(&generated_plan(size, 2), "bench", "2026-11-23T00:00:00Z");
        if text.len() >= bytes {
            return text;
        }
        // In u64: on wasm32 a usize product of these sizes overflows.
        let next = programs as u64 * bytes as u64 / text.len().max(1) as u64 + 10;
        programs = usize::try_from(next).unwrap_or(usize::MAX);
    }
}

/// Parsing plus validating a file: what an import costs.
pub fn import(text: &str) -> usize {
    match decode(text) {
        Ok(decoded) => validate(&decoded.plan).len() + decoded.plan.programs.len(),
        Err(_) => 0,
    }
}

/// Median and 95th percentile of samples in milliseconds.
pub fn median_p95(samples: &mut [f64]) -> (f64, f64) {
    samples.sort_by(|a, b| a.total_cmp(b));
    let at = |q: usize| {
        samples
            .get((samples.len().saturating_sub(1)) * q / 100)
            .copied()
            .unwrap_or(0.0)
    };
    (at(50), at(95))
}
