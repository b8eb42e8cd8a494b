//! The JSON Schema of plan files, generated from the file types and from the
//! same limits the reader applies ([`crate::model::limits`]), in standard JSON Schema
//! only (no `format` keywords, which validators may not know: `uint8` made
//! ajv's strict mode refuse the schema). A test runs ajv and Python's
//! jsonschema over the examples and a corpus of wrong files and requires that
//! they accept and refuse what `plancheck` does, except for the few rules a
//! schema cannot express (listed in docs/FILE-FORMAT.md).
//!
//! The patterns use `[0-9]`, never `\d` (which matches other scripts' digits
//! in Python), and no lookaround, so every regex dialect reads them alike;
//! they are in [`crate::model::limits`], beside the limits they express.

use schemars::transform::{transform_subschemas, Transform};
use schemars::Schema;
use serde_json::{json, Map, Value};

use crate::model::limits::{MAX_ITEMS, MAX_TEXT_CHARS};

/// The schema of plan files, as committed in docs/plan-file.schema.json.
pub fn plan_file_schema() -> String {
    let mut schema = schemars::schema_for!(crate::file::PlanFile);
    Standard.transform(&mut schema);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// Rewrites what schemars generates into standard keywords with the reader's
/// limits: integer formats become bounds, every string a length limit, every
/// list and map an item limit.
struct Standard;

impl Transform for Standard {
    fn transform(&mut self, schema: &mut Schema) {
        if let Some(map) = schema.as_object_mut() {
            standardise(map);
        }
        transform_subschemas(self, schema);
    }
}

fn standardise(map: &mut Map<String, Value>) {
    if let Some(Value::String(format)) = map.remove("format") {
        let (min, max): (i64, i64) = match format.as_str() {
            "uint8" => (0, 255),
            "uint16" => (0, 65_535),
            "uint32" | "uint" => (0, 4_294_967_295),
            "int32" | "int" => (-2_147_483_648, 2_147_483_647),
            _ => (i64::MIN, i64::MAX),
        };
        // Tighter bounds set on the field itself win.
        if min > i64::MIN {
            map.entry("minimum").or_insert(json!(min));
            map.entry("maximum").or_insert(json!(max));
        }
    }
    let types = match map.get("type") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(|t| t.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    if types.iter().any(|t| t == "string") && !map.contains_key("pattern") {
        map.entry("maxLength").or_insert(json!(MAX_TEXT_CHARS));
    }
    if types.iter().any(|t| t == "array") {
        map.entry("maxItems").or_insert(json!(MAX_ITEMS));
    }
    let is_map = types.iter().any(|t| t == "object")
        && map
            .get("additionalProperties")
            .is_some_and(|a| a.is_object())
        && !map.contains_key("properties");
    if is_map {
        map.entry("maxProperties").or_insert(json!(MAX_ITEMS));
        map.entry("propertyNames")
            .or_insert(json!({ "maxLength": MAX_TEXT_CHARS }));
    }
}

#[cfg(test)]
mod tests {
    use crate::model::plan::Owner;

    /// The slide pattern's bound on ids, checked at the edges by hand (the
    /// agreement test runs the real regex engines).
    #[test]
    fn ids_in_the_slide_pattern_are_the_u32_range() {
        for id in ["0", "7", "4294967295", "999999999", "1000000000"] {
            assert!(Owner::parse(&format!("program-{id}")).is_some(), "{id}");
        }
        for id in ["4294967296", "06", "+6", "", "9999999999"] {
            assert!(Owner::parse(&format!("program-{id}")).is_none(), "{id}");
        }
    }
}
