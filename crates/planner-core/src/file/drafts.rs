//! The drafts' storage text (`budget-planner/drafts/<plan>`): the texts typed
//! into figure cells that the plan could not take, kept beside the plan.
//!
//! The JSON keeps the shape serde's externally tagged enums give
//! (`{"field":{"Budget":{"program":3,"column":"PriorYear"}},"text":…,"unit":"won"}`),
//! so drafts stored by earlier versions still read. It is written and read by
//! hand over `serde_json::Value`: a derived reader for `Field`'s ten struct
//! variants cost 14 KiB of wasm. An entry that cannot be read is skipped
//! alone; the others are kept.

use serde_json::{json, Map, Value};

use crate::change::edit::{BudgetColumn, IndicatorRow, StaffingColumn, StatusColumn};
use crate::change::field::{Draft, Field, PlanYear};
use crate::model::amount::Unit;
use crate::model::plan::{Column, Owner, PrintedCell};

/// The storage text of `drafts`.
pub fn encode_drafts<'a>(drafts: impl IntoIterator<Item = &'a Draft>) -> String {
    Value::Array(drafts.into_iter().map(draft_value).collect()).to_string()
}

/// The drafts in a storage text; none when the text is not a list.
pub fn decode_drafts(text: &str) -> Vec<Draft> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(list)) => list.iter().filter_map(draft_of).collect(),
        _ => Vec::new(),
    }
}

fn draft_value(draft: &Draft) -> Value {
    json!({
        "field": field_value(&draft.field),
        "text": draft.text,
        "unit": draft.unit.code(),
    })
}

fn draft_of(value: &Value) -> Option<Draft> {
    Some(Draft {
        field: field_of(value.get("field")?)?,
        text: value.get("text")?.as_str()?.to_string(),
        unit: Unit::from_code(value.get("unit")?.as_str()?)?,
    })
}

/// `{"Name": {fields}}`, as serde writes a struct variant.
fn variant(name: &str, fields: Value) -> Value {
    let mut map = Map::new();
    map.insert(name.to_string(), fields);
    Value::Object(map)
}

fn owner_value(owner: Owner) -> Value {
    match owner {
        Owner::Program(id) => json!({ "Program": id }),
        Owner::Pledge(id) => json!({ "Pledge": id }),
    }
}

fn column_value(column: Column) -> Value {
    match column {
        Column::Before => json!("Before"),
        Column::Year(year) => json!({ "Year": year }),
        Column::After => json!("After"),
    }
}

fn field_value(field: &Field) -> Value {
    match field {
        Field::Budget { program, column } => variant(
            "Budget",
            json!({ "program": program, "column": match column {
                BudgetColumn::ThisYear => "ThisYear",
                BudgetColumn::PriorYear => "PriorYear",
            }}),
        ),
        Field::Cell {
            owner,
            source,
            column,
        } => variant(
            "Cell",
            json!({ "owner": owner_value(*owner), "source": source, "column": column_value(*column) }),
        ),
        Field::StatedTotal { owner } => {
            variant("StatedTotal", json!({ "owner": owner_value(*owner) }))
        }
        Field::Share {
            program,
            source,
            year,
        } => variant(
            "Share",
            json!({ "program": program, "source": source, "year": year }),
        ),
        Field::SharePercent {
            program,
            source,
            year,
        } => variant(
            "SharePercent",
            json!({ "program": program, "source": source, "year": year }),
        ),
        Field::Weight { program, source } => {
            variant("Weight", json!({ "program": program, "source": source }))
        }
        Field::LineItemStated { program, index } => variant(
            "LineItemStated",
            json!({ "program": program, "index": index }),
        ),
        Field::Indicator {
            pledge,
            indicator,
            year,
            row,
        } => variant(
            "Indicator",
            json!({ "pledge": pledge, "indicator": indicator, "year": year, "row": match row {
                IndicatorRow::Target => "Target",
                IndicatorRow::Actual => "Actual",
            }}),
        ),
        Field::Staffing { row, column } => variant(
            "Staffing",
            json!({ "row": row, "column": match column {
                StaffingColumn::Quota => "Quota",
                StaffingColumn::Current => "Current",
            }}),
        ),
        Field::PlanYear(which) => variant(
            "PlanYear",
            json!(match which {
                PlanYear::First => "First",
                PlanYear::Last => "Last",
                PlanYear::Base => "Base",
            }),
        ),
        Field::Printed { owner, cell } => {
            let (kind, source, column) = match cell {
                PrintedCell::RowTotal(s) => ("RowTotal", Some(s), None),
                PrintedCell::RowInTerm(s) => ("RowInTerm", Some(s), None),
                PrintedCell::ColumnTotal(c) => ("ColumnTotal", None, Some(column_value(*c))),
                PrintedCell::InTerm => ("InTerm", None, None),
            };
            variant(
                "Printed",
                json!({ "owner": owner_value(*owner), "cell": kind, "source": source, "column": column }),
            )
        }
        Field::PrintedShare { program, source } => variant(
            "PrintedShare",
            json!({ "program": program, "source": source }),
        ),
        Field::StatusPrinted(column) => variant(
            "StatusPrinted",
            json!(match column {
                StatusColumn::ThisYear => "ThisYear",
                StatusColumn::PriorYear => "PriorYear",
                StatusColumn::Change => "Change",
            }),
        ),
        Field::PrintedChange { program } => variant("PrintedChange", json!({ "program": program })),
    }
}

/// The one `{"Name": body}` of a variant.
fn tagged(value: &Value) -> Option<(&str, &Value)> {
    let map = value.as_object()?;
    if map.len() != 1 {
        return None;
    }
    map.iter().next().map(|(k, v)| (k.as_str(), v))
}

fn id(body: &Value, name: &str) -> Option<u32> {
    u32::try_from(body.get(name)?.as_u64()?).ok()
}

fn index(body: &Value, name: &str) -> Option<usize> {
    usize::try_from(body.get(name)?.as_u64()?).ok()
}

fn year(value: &Value) -> Option<i32> {
    i32::try_from(value.as_i64()?).ok()
}

fn word<'a>(body: &'a Value, name: &str) -> Option<&'a str> {
    body.get(name)?.as_str()
}

fn owner_of(value: &Value) -> Option<Owner> {
    let (name, id) = tagged(value)?;
    let id = u32::try_from(id.as_u64()?).ok()?;
    match name {
        "Program" => Some(Owner::Program(id)),
        "Pledge" => Some(Owner::Pledge(id)),
        _ => None,
    }
}

fn column_of(value: &Value) -> Option<Column> {
    match value.as_str() {
        Some("Before") => Some(Column::Before),
        Some("After") => Some(Column::After),
        Some(_) => None,
        None => match tagged(value)? {
            ("Year", y) => year(y).map(Column::Year),
            _ => None,
        },
    }
}

fn field_of(value: &Value) -> Option<Field> {
    let (name, body) = tagged(value)?;
    let source = || Some(word(body, "source")?.to_string());
    Some(match name {
        "Budget" => Field::Budget {
            program: id(body, "program")?,
            column: match word(body, "column")? {
                "ThisYear" => BudgetColumn::ThisYear,
                "PriorYear" => BudgetColumn::PriorYear,
                _ => return None,
            },
        },
        "Cell" => Field::Cell {
            owner: owner_of(body.get("owner")?)?,
            source: source()?,
            column: column_of(body.get("column")?)?,
        },
        "StatedTotal" => Field::StatedTotal {
            owner: owner_of(body.get("owner")?)?,
        },
        "Share" => Field::Share {
            program: id(body, "program")?,
            source: source()?,
            year: year(body.get("year")?)?,
        },
        "SharePercent" => Field::SharePercent {
            program: id(body, "program")?,
            source: source()?,
            year: year(body.get("year")?)?,
        },
        "Weight" => Field::Weight {
            program: id(body, "program")?,
            source: source()?,
        },
        "LineItemStated" => Field::LineItemStated {
            program: id(body, "program")?,
            index: index(body, "index")?,
        },
        "Indicator" => Field::Indicator {
            pledge: id(body, "pledge")?,
            indicator: id(body, "indicator")?,
            year: year(body.get("year")?)?,
            row: match word(body, "row")? {
                "Target" => IndicatorRow::Target,
                "Actual" => IndicatorRow::Actual,
                _ => return None,
            },
        },
        "Staffing" => Field::Staffing {
            row: index(body, "row")?,
            column: match word(body, "column")? {
                "Quota" => StaffingColumn::Quota,
                "Current" => StaffingColumn::Current,
                _ => return None,
            },
        },
        "PlanYear" => Field::PlanYear(match body.as_str()? {
            "First" => PlanYear::First,
            "Last" => PlanYear::Last,
            "Base" => PlanYear::Base,
            _ => return None,
        }),
        "Printed" => Field::Printed {
            owner: owner_of(body.get("owner")?)?,
            cell: match word(body, "cell")? {
                "RowTotal" => PrintedCell::RowTotal(source()?),
                "RowInTerm" => PrintedCell::RowInTerm(source()?),
                "ColumnTotal" => PrintedCell::ColumnTotal(column_of(body.get("column")?)?),
                "InTerm" => PrintedCell::InTerm,
                _ => return None,
            },
        },
        "PrintedShare" => Field::PrintedShare {
            program: id(body, "program")?,
            source: source()?,
        },
        "StatusPrinted" => Field::StatusPrinted(match body.as_str()? {
            "ThisYear" => StatusColumn::ThisYear,
            "PriorYear" => StatusColumn::PriorYear,
            "Change" => StatusColumn::Change,
            _ => return None,
        }),
        "PrintedChange" => Field::PrintedChange {
            program: id(body, "program")?,
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the earlier, derived writer stored: one draft of every kind of field.
    const STORED_BEFORE: &str = include_str!("../../tests/data/drafts-v1.json");

    #[test]
    fn drafts_stored_by_earlier_versions_read_and_are_written_the_same() {
        let drafts = decode_drafts(STORED_BEFORE);
        assert_eq!(drafts.len(), 12);
        assert_eq!(
            drafts[1].field,
            Field::Cell {
                owner: Owner::Pledge(1),
                source: "national".into(),
                column: Column::Year(2021),
            }
        );
        assert_eq!(drafts[0].text, "12,3450 \"0\"\\");
        assert_eq!(drafts[2].unit, Unit::Million);
        // Written back, it is the same JSON (keys may come in another order).
        let written = encode_drafts(&drafts);
        assert_eq!(
            serde_json::from_str::<Value>(&written).unwrap(),
            serde_json::from_str::<Value>(STORED_BEFORE).unwrap()
        );
        assert_eq!(decode_drafts(&written), drafts);
    }

    #[test]
    fn an_unreadable_entry_is_skipped_alone() {
        let text = STORED_BEFORE.replacen("\"Budget\"", "\"Budgets\"", 1);
        let drafts = decode_drafts(&text);
        assert_eq!(drafts.len(), 11);
        assert_eq!(
            encode_drafts(&drafts),
            encode_drafts(&decode_drafts(STORED_BEFORE)[1..])
        );
        for bad in [
            "",
            "{}",
            "[1]",
            "[{\"field\":{\"Cell\":{}}}]",
            "null",
            "[{\"field\":{\"PlanYear\":\"Next\"},\"text\":\"x\",\"unit\":\"won\"}]",
        ] {
            assert!(decode_drafts(bad).is_empty(), "{bad}");
        }
        let out_of_range = STORED_BEFORE.replacen("\"program\":3", "\"program\":4294967296", 1);
        assert_eq!(decode_drafts(&out_of_range).len(), 11);
    }
}
