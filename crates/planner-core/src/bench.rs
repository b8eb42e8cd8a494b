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

/// Everything the app draws from a plan, in both languages and every unit:
/// problems and their messages and places, derived tables, the overview's
/// documents, every grid, the deck's slides, the CSV and XLSX exports and a
/// comparison with the demo. The fuzz target and the mutation test run it on
/// every file the reader accepts: none of it may panic or stall. Returns a
/// checksum so the work cannot be optimised away.
pub fn everything(plan: &Plan) -> usize {
    use crate::amount::Unit;
    use crate::edit::Owner;
    use crate::i18n::Lang;
    use crate::locate::describe;
    let problems = validate(plan);
    let mut n = validate_and_derive(plan);
    for lang in Lang::ALL {
        for problem in &problems {
            for unit in Unit::ALL {
                n += problem.message(lang, unit).len();
            }
            n += describe(&problem.location, plan, lang).len();
        }
        for slide in crate::deck::slides(plan, problems.len()) {
            for table in [false, true] {
                n += crate::slide::slide_html(plan, slide, lang, table, &problems).len();
            }
        }
        n += crate::export::plan_csv(plan, lang).len();
        n += crate::xlsx::plan_xlsx(plan, lang).len();
        n += crate::compare::differences(&crate::demo::demo_plan(), plan, lang).len();
    }
    for unit in Unit::ALL {
        n += crate::document::status_document(plan, unit).rows.len();
        n += crate::document::split_lines(plan, unit).len();
        let owners = plan
            .programs
            .iter()
            .map(|p| Owner::Program(p.id))
            .chain(plan.pledges.iter().map(|p| Owner::Pledge(p.id)));
        for owner in owners {
            n += crate::grid::grid_model(plan, owner, unit).map_or(0, |g| g.rows.len());
        }
    }
    for pledge in &plan.pledges {
        for indicator in &pledge.indicators {
            n += crate::document::indicator_document(indicator, pledge.term)
                .targets
                .len();
            n += crate::worksheet::indicator_table(indicator, pledge.term)
                .columns
                .len();
        }
    }
    n += crate::document::staffing_document(&plan.staffing)
        .grades
        .len();
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
