//! The JSON Schema of plan files, generated from the file types and from the
//! same limits the reader applies ([`crate::limits`]), in standard JSON Schema
//! only (no `format` keywords, which validators may not know: `uint8` made
//! ajv's strict mode refuse the schema). A test runs ajv and Python's
//! jsonschema over the examples and a corpus of wrong files and requires that
//! they accept and refuse what `plancheck` does, except for the few rules a
//! schema cannot express (listed in docs/FILE-FORMAT.md).
//!
//! The patterns use `[0-9]`, never `\d` (which matches other scripts' digits
//! in Python), and no lookaround, so every regex dialect reads them alike.

use schemars::transform::{transform_subschemas, Transform};
use schemars::Schema;
use serde_json::{json, Map, Value};

use crate::limits::{MAX_ITEMS, MAX_TEXT_CHARS};

/// An amount or figure in its one spelling ([`crate::amount::is_plain_decimal`]),
/// within 10^15 and 6 decimals: `0`, `-21634000`, `0.5`, `1000000000000000`.
pub const DECIMAL_PATTERN: &str =
    "^(?:0|-?(?:[1-9][0-9]{0,14}(?:\\.[0-9]{0,5}[1-9])?|0\\.[0-9]{0,5}[1-9]|1000000000000000))$";

/// A year as a map key ([`crate::file::is_year_key`]): four digits, 1900–2200.
pub const YEAR_KEY_PATTERN: &str = "^(?:19[0-9]{2}|2[01][0-9]{2}|2200)$";

/// A deck entry's slide ([`crate::edit::Owner::parse`]): `program-` or
/// `pledge-` and an id of 0 to 4294967295 written without a leading zero.
pub const SLIDE_PATTERN: &str = "^(?:program|pledge)-(?:0|[1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$";

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
    use super::*;
    use crate::edit::Owner;

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
