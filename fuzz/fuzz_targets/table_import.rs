//! Any bytes as a spreadsheet brought in: read as a workbook or CSV, its
//! tables found, and the import previewed into the demo plan. Nothing may
//! panic, hang or run out of memory.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planner_core::file::import::{find_tables, preview, read_file};
use planner_core::Lang;

fuzz_target!(|data: &[u8]| {
    if let Ok(sheets) = read_file("fuzz", data) {
        let plan = planner_core::fixtures::demo::demo_plan();
        let tables = find_tables(&sheets, &plan);
        let _ = preview(&plan, &sheets, &tables, Lang::Ko);
    }
});
