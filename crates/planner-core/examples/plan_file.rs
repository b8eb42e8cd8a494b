//! Writes a generated district plan as storage keeps it:
//! `cargo run --release -p planner-core --features fixtures --example plan_file -- 2000 [--packed]`
//! prints the compact plan file (or, with `--packed`, the packed storage
//! entry, file::stored) and says on stderr how long encoding and packing took.
//! The editor benchmark (scripts/bench-editor.mjs) opens these. With
//! `--exports DIR [programs]` it writes the demo plan's (or a district's) CSV
//! and XLSX exports instead.

use std::time::Instant;

use planner_core::file::{encode_compact, stored};
use planner_core::fixtures::generate::{generated_plan, Size};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `--exports DIR`: the demo plan's CSV and XLSX exports, the table
    // importer's fuzzing seeds (scripts/fuzz.sh).
    if let Some(at) = args.iter().position(|a| a == "--exports") {
        use planner_core::render::{csv::plan_csv, xlsx::plan_xlsx};
        let dir = std::path::Path::new(args.get(at + 1).map_or(".", String::as_str));
        let lang = planner_core::Lang::Ko;
        // With a number of programs too, a district's exports (scripts/bench-import.mjs).
        let (plan, stem) = match args.iter().find_map(|a| a.parse::<usize>().ok()) {
            Some(n) => (
                generated_plan(Size::district(n), 1),
                format!("district-{n}"),
            ),
            None => (
                planner_core::fixtures::demo::demo_plan(),
                "demo".to_string(),
            ),
        };
        std::fs::write(dir.join(format!("{stem}.csv")), plan_csv(&plan, lang))
            .expect("write the CSV");
        std::fs::write(dir.join(format!("{stem}.xlsx")), plan_xlsx(&plan, lang))
            .expect("write the XLSX");
        return;
    }
    let programs = args.iter().find_map(|a| a.parse().ok()).unwrap_or(200);
    let packed = args.iter().any(|a| a == "--packed");
    let plan = generated_plan(Size::district(programs), 1);
    let t = Instant::now();
    let text = encode_compact(&plan, "bench", "2026-12-01T00:00:00Z");
    let encoded = t.elapsed();
    if packed {
        let t = Instant::now();
        let entry = stored::pack(&text);
        let packing = t.elapsed();
        let t = Instant::now();
        let back = stored::unpack(&entry).map(|t| t.len()).unwrap_or(0);
        eprintln!(
            "{programs} programs: {} chars of JSON, encoded in {encoded:?}; packed to {} chars in {packing:?}, unpacked ({back} bytes) in {:?}",
            text.encode_utf16().count(),
            entry.encode_utf16().count(),
            t.elapsed()
        );
        print!("{entry}");
    } else {
        print!("{text}");
    }
}
