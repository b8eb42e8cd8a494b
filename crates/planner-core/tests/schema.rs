//! The committed JSON Schema (docs/plan-file.schema.json) and the example in
//! docs/FILE-FORMAT.md are kept equal to the code here.
//!
//! Regenerate the schema after changing the file types:
//! `UPDATE_SCHEMA=1 cargo test -p planner-core --features schema --test schema`
#![cfg(feature = "schema")]
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::PathBuf;

use planner_core::file::{decode, encode, json_schema};
use planner_core::fixtures::demo::demo_plan;
use planner_core::rules::validate::validate;
use serde_json::Value;

const REGENERATE: &str =
    "UPDATE_SCHEMA=1 cargo test -p planner-core --features schema --test schema";

fn docs(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs")).join(name)
}

fn schema_path() -> PathBuf {
    docs("plan-file.schema.json")
}

#[test]
fn committed_schema_equals_the_code() {
    let generated = json_schema();
    let path = schema_path();
    if std::env::var("UPDATE_SCHEMA").as_deref() == Ok("1") {
        std::fs::write(&path, &generated)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}\nGenerate it with: {REGENERATE}",
            path.display()
        )
    });
    assert!(
        committed == generated,
        "{} differs from the schema the code generates (the file types changed).\n\
         Regenerate it with: {REGENERATE}\nand commit the result.",
        path.display()
    );
}

/// Every name the schema declares as a property of some object.
fn schema_properties(schema: &Value, out: &mut BTreeSet<String>) {
    match schema {
        Value::Object(map) => {
            for (key, value) in map {
                if key == "properties" {
                    if let Value::Object(props) = value {
                        out.extend(props.keys().cloned());
                    }
                }
                schema_properties(value, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| schema_properties(v, out)),
        _ => {}
    }
}

/// Every property name of the file's objects, with the JSON path of its first
/// use; the keys of `years` maps (year numbers) are data, not property names.
fn file_properties(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            // Maps keyed by data (years, slide keys) declare no properties.
            let year_map = (path.ends_with(".years")
                && map.keys().all(|k| k.bytes().all(|b| b.is_ascii_digit())))
                || path.ends_with(".deck.notes");
            for (key, child) in map {
                if !year_map {
                    out.push((key.clone(), format!("{path}.{key}")));
                }
                let child_path = if year_map {
                    format!("{path}[\"{key}\"]")
                } else {
                    format!("{path}.{key}")
                };
                file_properties(child, &child_path, out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                file_properties(item, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// A structural check in place of a full JSON Schema validator: every
/// property the file uses is one the schema declares.
fn assert_properties_in_schema(file_text: &str, what: &str) {
    let schema: Value = serde_json::from_str(&json_schema()).expect("the schema is JSON");
    let mut declared = BTreeSet::new();
    schema_properties(&schema, &mut declared);
    let file: Value =
        serde_json::from_str(file_text).unwrap_or_else(|e| panic!("{what} is not JSON: {e}"));
    let mut used = Vec::new();
    file_properties(&file, "$", &mut used);
    assert!(!used.is_empty());
    let missing: Vec<&(String, String)> = used
        .iter()
        .filter(|(name, _)| !declared.contains(name))
        .collect();
    assert!(
        missing.is_empty(),
        "{what} uses properties the schema does not declare: {missing:?}"
    );
}

#[test]
fn demo_file_uses_only_properties_the_schema_declares() {
    let text = encode(&demo_plan(), "0.1.0", "2026-11-23T00:00:00Z");
    assert_properties_in_schema(&text, "the demo plan file");
}

/// The JSON block that follows the heading `## Example` in docs/FILE-FORMAT.md.
fn doc_example() -> String {
    let path = docs("FILE-FORMAT.md");
    let doc = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let section = doc
        .split_once("\n## Example\n")
        .unwrap_or_else(|| panic!("{} has no \"## Example\" heading", path.display()))
        .1;
    let block = section
        .split_once("```json\n")
        .unwrap_or_else(|| {
            panic!(
                "no ```json block after \"## Example\" in {}",
                path.display()
            )
        })
        .1;
    let (json, _) = block
        .split_once("\n```")
        .expect("the ```json block is closed");
    json.to_string()
}

#[test]
fn doc_example_is_a_valid_plan_file() {
    let text = doc_example();
    let decoded = decode(&text)
        .unwrap_or_else(|e| panic!("the example in docs/FILE-FORMAT.md does not import: {e}"));
    // Exactly what the app writes for that plan (field order and layout aside).
    let written: Value = serde_json::from_str(&encode(
        &decoded.plan,
        &decoded.app_version,
        &decoded.saved_at,
    ))
    .unwrap();
    let example: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        example, written,
        "the example in docs/FILE-FORMAT.md is not what the app writes for its plan"
    );
    // A clean plan: validation reports nothing.
    let problems: Vec<&str> = validate(&decoded.plan)
        .iter()
        .map(|p| p.code.as_str())
        .collect();
    assert!(
        problems.is_empty(),
        "the example plan has problems: {problems:?}"
    );
    assert_properties_in_schema(&text, "the example in docs/FILE-FORMAT.md");
}
