//! The example files in `examples/` are exactly what the code writes today:
//! if the model or the file format changes, this test fails until they are
//! regenerated with `UPDATE_EXAMPLES=1 cargo test -p planner-core --test examples`.

#![cfg(not(target_arch = "wasm32"))]

use planner_core::file::encode;
use planner_core::fixtures::demo::demo_plan;
use planner_core::fixtures::generate::{generated_plan, Size};

const APP_VERSION: &str = "0.1.0";
const SAVED_AT: &str = "2026-11-23T00:00:00Z";

fn examples_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples"))
}

fn check_or_update(name: &str, text: &str) {
    let path = examples_dir().join(name);
    if std::env::var("UPDATE_EXAMPLES").as_deref() == Ok("1") {
        std::fs::create_dir_all(examples_dir()).unwrap();
        std::fs::write(&path, text).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}; run with UPDATE_EXAMPLES=1 to write it",
            path.display()
        )
    });
    assert!(
        committed == text,
        "{} differs from what the code writes now; if the change is intended, run \
         `UPDATE_EXAMPLES=1 cargo test -p planner-core --test examples` and commit the result",
        path.display()
    );
}

#[test]
fn demo_plan_example_is_current() {
    check_or_update(
        "demo-plan.json",
        &encode(&demo_plan(), APP_VERSION, SAVED_AT),
    );
}

#[test]
fn large_plan_example_is_current() {
    check_or_update(
        "large-plan.json",
        &encode(&generated_plan(Size::BENCHMARK, 1), APP_VERSION, SAVED_AT),
    );
}
