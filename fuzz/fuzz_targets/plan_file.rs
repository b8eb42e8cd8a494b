//! Any bytes as a plan file: read, and when read, validated, derived,
//! documented, drawn as slides and exported in both languages
//! (`planner_core::fixtures::bench::everything`). Nothing may panic, hang or run out
//! of memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(file) = planner_core::file::decode(text) {
            planner_core::fixtures::bench::everything(&file.plan);
        }
    }
});
