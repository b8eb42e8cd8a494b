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
    println!(
        "switch the stage being edited (benchmark plan): median {median:.2} ms, p95 {p95:.2} ms"
    );
    let file = planner_core::file::encode(&staged, "bench", "x");
    println!(
        "benchmark plan file with 4 stages: {} bytes (one stage: {} bytes)",
        file.len(),
        planner_core::file::encode(&plan, "bench", "x").len()
    );
    district();
    spreadsheets();
}

/// Issue 19: a district's own XLSX and CSV exports brought back in: reading
/// the file, finding its tables, and building the preview (every edit applied
/// to a copy, and the result validated).
fn spreadsheets() {
    use planner_core::file::import::{find_tables, new_plan_for, preview, read_file};
    use planner_core::fixtures::generate::{generated_plan, Size};
    use planner_core::render::{csv::plan_csv, xlsx::plan_xlsx};
    use planner_core::Lang;
    for programs in [200, 1_000, 2_000] {
        let plan = generated_plan(Size::district(programs), 1);
        for (kind, bytes) in [
            ("XLSX", plan_xlsx(&plan, Lang::Ko)),
            ("CSV", plan_csv(&plan, Lang::Ko)),
        ] {
            let sheets = match read_file("bench", &bytes) {
                Ok(sheets) => sheets,
                Err(e) => {
                    println!(
                        "import district {programs} {kind} ({} bytes): refused: {}",
                        bytes.len(),
                        e.message(Lang::En)
                    );
                    continue;
                }
            };
            let (read, _) = time(3, || read_file("bench", &bytes).map_or(0, |s| s.len()));
            let (find, _) = time(5, || find_tables(&sheets, &plan).len());
            let tables = find_tables(&sheets, &plan);
            let base = new_plan_for(&sheets, &tables, "bench", plan.years);
            let (build, _) = time(3, || {
                preview(&base, &sheets, &tables, Lang::Ko).changes.len()
            });
            let changes = preview(&base, &sheets, &tables, Lang::Ko).changes.len();
            println!(
                "import district {programs} {kind} ({} bytes, {} tables, {changes} changes): read {read:.1} ms, find tables {find:.1} ms, preview {build:.1} ms",
                bytes.len(),
                tables.len()
            );
        }
    }
}

/// Issue 17: a district's plan at three sizes: validating it whole against
/// re-checking what one keystroke touched, and its storage entry.
fn district() {
    use planner_core::file::{encode_compact, stored};
    use planner_core::fixtures::generate::{generated_plan, Size};
    use planner_core::model::plan::Column;
    use planner_core::rules::validate::Validation;
    use planner_core::{Edit, Owner};
    for programs in [200, 1_000, 2_000] {
        let mut plan = generated_plan(Size::district(programs), 1);
        let (whole, _) = time(10, || Validation::of(&plan).problems().len());
        let mut validation = Validation::of(&plan);
        let mut n = 0i64;
        let (update, p95) = time(200, || {
            n += 1;
            let edit = Edit::SetCell {
                owner: Owner::Program(100),
                source: "national".into(),
                column: Column::Year(2021),
                amount: planner_core::Amount::won(1_000 * n),
            };
            let touched = edit.touches();
            let _ = plan.apply(edit);
            validation.update(&plan, touched);
            validation.problems().len()
        });
        let text = encode_compact(&plan, "bench", "x");
        let (encode, _) = time(5, || encode_compact(&plan, "bench", "x").len());
        let (pack, _) = time(5, || stored::pack(&text).len());
        let entry = stored::pack(&text);
        let (unpack, _) = time(5, || stored::unpack(&entry).map_or(0, |t| t.len()));
        println!(
            "district {programs}: validate whole {whole:.1} ms; a keystroke's re-check {update:.2} ms (p95 {p95:.2}); entry {} chars of JSON packed to {} ({:.1}x), encode {encode:.1} ms, pack {pack:.1} ms, unpack {unpack:.1} ms",
            text.encode_utf16().count(),
            entry.encode_utf16().count(),
            text.encode_utf16().count() as f64 / entry.encode_utf16().count() as f64
        );
    }
}
