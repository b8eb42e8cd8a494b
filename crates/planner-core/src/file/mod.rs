//! The plan file, format version 3 (versions 1 and 2 are read too): how a
//! plan is exported, imported and kept in storage. docs/FILE-FORMAT.md describes it; docs/plan-file.schema.json is
//! generated from these types (feature `schema`) and a test keeps it equal.
//!
//! Reading takes two steps. The text is parsed into the plain file types below
//! (`*V1`), with the JSON path of any error; then those are converted into the
//! model ([`Plan`]), refusing what the model cannot hold (two programs with
//! one id, a reversed year range). Unknown fields are refused by name, never
//! dropped. A file from a newer version is refused with that reason.

pub mod drafts;
pub mod import;
pub mod library;
#[cfg(feature = "schema")]
pub mod schema;
pub mod stored;
pub mod table;
pub mod workbook;

use crate::model::plan::{Column, Owner};
use crate::model::plan::{Deck, DeckEntry};
use std::collections::{BTreeMap, HashSet};

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::amount::{Amount, Unit};

use crate::model::plan::{
    Actor, Classification, Completion, FundingSource, Horizon, Indicator, IndicatorYear, LineItem,
    Novelty, Plan, Pledge, PledgeFigures, PledgeStatus, PrintedCell, Program, ProgramFigures,
    RatioShare, Schedule, ScheduleRow, SourceId, StaffingRow, Stage, StageFigures, Stages, Stated,
    StatusTotals, Year, YearBudget, YearRange,
};
use crate::model::words::Lang;

/// The `format` field every plan file carries, so that other JSON is refused early.
pub const FORMAT_NAME: &str = "budget-planner/plan";
/// The file format version this build writes and the newest it reads.
/// Version 2 added the plan's `deck`, version 3 its `stages`; older files are
/// read as they are (a file without stages as one stage named after its plan).
pub const FORMAT_VERSION: u32 = 3;
pub use crate::model::limits::MAX_FILE_BYTES;
use crate::model::limits::{
    quantity_fits, shortened, span_fits, year_fits, MAX_COUNT, MAX_DEPTH, MAX_ITEMS,
    MAX_TERM_YEARS, MAX_TEXT_CHARS, MAX_WEIGHT, YEAR_LIMITS,
};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// The envelope around a plan in a file or a storage entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    /// Always `budget-planner/plan`.
    #[cfg_attr(feature = "schema", schemars(extend("const" = FORMAT_NAME)))]
    pub format: String,
    /// The file format version: 1 to 3 (this build writes 3).
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = FORMAT_VERSION)))]
    pub version: u32,
    /// The app version that wrote the file, for support.
    pub app_version: String,
    /// When the file was written (ISO 8601, UTC).
    pub saved_at: String,
    /// The plan itself.
    pub plan: PlanV1,
}

/// A plan as plan files write it (the `V1` types are the shapes since
/// version 1; version 2 added `deck`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanV1 {
    /// The plan's name.
    pub title: String,
    /// The office or council it belongs to.
    #[serde(default)]
    pub organisation: String,
    /// The plan's years.
    pub years: YearsV1,
    /// The year the plan speaks from (기준연도).
    #[cfg_attr(feature = "schema", schemars(range(min = YEAR_LIMITS.0, max = YEAR_LIMITS.1)))]
    pub base_year: Year,
    /// The unit tables are entered and shown in.
    pub unit: Unit,
    /// Funding sources, in table order.
    pub sources: Vec<SourceV1>,
    /// Programs.
    #[serde(default)]
    pub programs: Vec<ProgramV1>,
    /// Pledges.
    #[serde(default)]
    pub pledges: Vec<PledgeV1>,
    /// Staffing rows.
    #[serde(default)]
    pub staffing: Vec<StaffingV1>,
    /// The briefing deck's arrangement and presenter notes (version 2).
    #[serde(default, skip_serializing_if = "DeckV1::is_empty")]
    pub deck: DeckV1,
    /// The unit the plan's documents were printed in, for tables that do not
    /// say otherwise (`won`: exact).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounded_in: Option<Unit>,
    /// Decimals of the shown shares (%): 1 (when absent) or 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 2)))]
    pub share_decimals: Option<u32>,
    /// The budget status table's 계 row as printed.
    #[serde(default, skip_serializing_if = "StatusTotalsV2::is_empty")]
    pub status_totals: StatusTotalsV2,
    /// The budget's stages in order (version 3); the plan's money above is the
    /// stage `current_stage`, every other stage carries its own `figures`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<StageV3>,
    /// The id of the stage being edited (version 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_stage: Option<u32>,
}

/// A stage of the budget.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StageV3 {
    /// Unique within the plan.
    pub id: u32,
    /// Its name (부서 요구, 편성안, 본예산(확정), 제1회 추경).
    pub name: String,
    /// When it was set, as written (`2026-11-20`).
    #[serde(default)]
    pub date: String,
    /// What it is about.
    #[serde(default)]
    pub note: String,
    /// The fiscal year whose budget it is.
    #[cfg_attr(feature = "schema", schemars(range(min = YEAR_LIMITS.0, max = YEAR_LIMITS.1)))]
    pub year: Year,
    /// Adopted: its figures are not to change.
    #[serde(default)]
    pub locked: bool,
    /// Its money; absent for the stage being edited (whose money is the plan's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figures: Option<StageFiguresV3>,
}

/// One stage's money: the programs' and pledges' money fields and the status
/// table's printed 계 row.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StageFiguresV3 {
    /// By program: those whose money differs from the stage being edited
    /// (one not listed holds what it holds there).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programs: Vec<ProgramFiguresV3>,
    /// By pledge, the same way.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pledges: Vec<PledgeFiguresV3>,
    /// The status table's printed 계 row.
    #[serde(default, skip_serializing_if = "StatusTotalsV2::is_empty")]
    pub status_totals: StatusTotalsV2,
}

/// A program's money in a stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProgramFiguresV3 {
    /// The program's id.
    pub id: u32,
    /// Money by source and year.
    pub schedule: ScheduleV1,
    /// 총사업비 as stated.
    #[serde(default)]
    pub stated_total: Option<StatedV1>,
    /// 예산액 and 전년도 예산액.
    #[serde(default)]
    pub budget: Option<BudgetV1>,
    /// Line items.
    #[serde(default)]
    pub line_items: Vec<LineItemV1>,
    /// Shares (%) as printed.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_keys"
    )]
    #[cfg_attr(feature = "schema", schemars(extend("maxProperties" = MAX_ITEMS)))]
    pub printed_shares: BTreeMap<String, Figure>,
}

/// A pledge's money in a stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PledgeFiguresV3 {
    /// The pledge's id.
    pub id: u32,
    /// Money by source over the term.
    pub schedule: ScheduleV1,
    /// 총사업비 as stated.
    #[serde(default)]
    pub stated_total: Option<StatedV1>,
}

/// The 예산현황 table's 계 row as printed, in won, and its rounding unit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatusTotalsV2 {
    /// 예산액 계.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub this_year: Option<Amount>,
    /// 전년도 예산액 계.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior_year: Option<Amount>,
    /// 증감 계.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Amount>,
    /// The unit the table was printed in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounded_in: Option<Unit>,
}

impl StatusTotalsV2 {
    fn is_empty(&self) -> bool {
        *self == StatusTotalsV2::default()
    }
}

/// One printed total of a schedule table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PrintedV2 {
    /// The source whose row total it is; absent for the 계 row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// `total` (a row's 총계), `in_term` (소계), or for the 계 row a column:
    /// `before`, `after` or a year (`2019`).
    pub column: String,
    /// The printed amount in won.
    pub amount: Amount,
}

/// The briefing deck: programs and pledges in presenting order, and notes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DeckV1 {
    /// Slides in order; programs and pledges not listed follow, shown.
    #[serde(default)]
    pub entries: Vec<DeckEntryV1>,
    /// Presenter notes by slide key (`summary`, `program-6`, `pledge-1`,
    /// `changes`, `problems`).
    #[serde(default, deserialize_with = "unique_keys")]
    pub notes: BTreeMap<String, String>,
    /// Decimals (1 or 2) of a slide's shares where they differ from the plan's.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_keys"
    )]
    #[cfg_attr(feature = "schema", schemars(extend("maxProperties" = MAX_ITEMS)))]
    pub share_decimals: BTreeMap<String, u32>,
}

impl DeckV1 {
    fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.notes.is_empty() && self.share_decimals.is_empty()
    }
}

/// One program or pledge in the deck.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DeckEntryV1 {
    /// `program-6` or `pledge-1`.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = crate::model::limits::SLIDE_PATTERN)))]
    pub slide: String,
    /// False when the planner left it out of the deck.
    pub shown: bool,
}

/// An inclusive year range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct YearsV1 {
    /// First year.
    #[cfg_attr(feature = "schema", schemars(range(min = YEAR_LIMITS.0, max = YEAR_LIMITS.1)))]
    pub first: Year,
    /// Last year (inclusive).
    #[cfg_attr(feature = "schema", schemars(range(min = YEAR_LIMITS.0, max = YEAR_LIMITS.1)))]
    pub last: Year,
}

/// A funding source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SourceV1 {
    /// The key schedule rows use (`national`); not empty.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub id: String,
    /// Korean name (국비).
    pub name_ko: String,
    /// English name (National).
    pub name_en: String,
}

/// A program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProgramV1 {
    /// Unique within the plan.
    pub id: u32,
    /// Name.
    pub name: String,
    /// Department or team.
    #[serde(default)]
    pub owner: String,
    /// 단위사업.
    #[serde(default)]
    pub unit_program: String,
    /// new or continuing.
    pub novelty: Novelty,
    /// Years the program may spend in.
    pub period: YearsV1,
    /// Money by source and year.
    pub schedule: ScheduleV1,
    /// 총사업비 as stated.
    #[serde(default)]
    pub stated_total: Option<StatedV1>,
    /// This year's and last year's budget (a budget status row).
    #[serde(default)]
    pub budget: Option<BudgetV1>,
    /// Matching ratio, if any.
    #[serde(default)]
    pub matching: Vec<RatioV1>,
    /// Line items with their calculation basis.
    #[serde(default)]
    pub line_items: Vec<LineItemV1>,
    /// Shares (%) by source key as the document prints them.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_keys"
    )]
    #[cfg_attr(feature = "schema", schemars(extend("maxProperties" = MAX_ITEMS)))]
    pub printed_shares: BTreeMap<String, Figure>,
}

/// A schedule.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScheduleV1 {
    /// One row per source.
    pub rows: Vec<ScheduleRowV1>,
    /// The unit the figures were rounded to in the source document, if any
    /// (absent: the plan's `rounded_in`; `won`: exact).
    #[serde(default)]
    pub rounded_in: Option<Unit>,
    /// Total cells as the document prints them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub printed: Vec<PrintedV2>,
    /// Whether the table has a 연평균 column.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub average: bool,
}

/// One source's row of a schedule. Amounts are strings of won.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScheduleRowV1 {
    /// The source's key.
    pub source: String,
    /// 기투자.
    pub before: Amount,
    /// Money per year, keyed by the year.
    #[serde(deserialize_with = "year_keys")]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "year_map_schema::<Amount>")
    )]
    pub years: BTreeMap<Year, Amount>,
    /// 장기.
    pub after: Amount,
    /// Where the share comes from.
    #[serde(default)]
    pub note: String,
}

/// A stated figure and its unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatedV1 {
    /// The amount in won.
    pub amount: Amount,
    /// The unit it was written in.
    pub unit: Unit,
}

/// 예산액 and 전년도 예산액.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BudgetV1 {
    /// This year, in won.
    pub this_year: Amount,
    /// The prior year, in won.
    pub prior_year: Amount,
    /// 증감 as printed, in won.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed_change: Option<Amount>,
}

/// One weight of a matching ratio.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RatioV1 {
    /// The source's key.
    pub source: String,
    /// Its weight.
    #[cfg_attr(feature = "schema", schemars(range(max = MAX_WEIGHT)))]
    pub weight: u32,
}

/// A line item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LineItemV1 {
    /// What it is for.
    pub name: String,
    /// 산출기초, e.g. `5,000원 × 300부`.
    pub basis: String,
    /// The stated amount in won; absent (or null) when the document states none.
    #[serde(default)]
    pub stated: Option<Amount>,
}

/// A pledge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PledgeV1 {
    /// Unique within the plan.
    pub id: u32,
    /// The pledge's number.
    pub number: String,
    /// Title.
    pub title: String,
    /// The pledge card's classification.
    pub classification: ClassificationV1,
    /// The term of the pledge.
    pub term: YearsV1,
    /// Ids of linked programs.
    #[serde(default)]
    pub programs: Vec<u32>,
    /// Money by source over the term.
    pub schedule: ScheduleV1,
    /// 총사업비 as stated.
    #[serde(default)]
    pub stated_total: Option<StatedV1>,
    /// Indicators.
    #[serde(default)]
    pub indicators: Vec<IndicatorV1>,
}

/// The classification boxes of a pledge card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClassificationV1 {
    /// 추진상황.
    pub status: PledgeStatus,
    /// 임기내 / 임기후.
    pub completion: Completion,
    /// 신규 / 계속.
    pub novelty: Novelty,
    /// 사업주체.
    #[serde(default)]
    pub actors: Vec<Actor>,
    /// 단기 / 중기 / 장기.
    pub horizon: Horizon,
    /// 예산 (true) / 비예산 (false).
    pub budgetary: bool,
    /// UN SDG numbers.
    #[serde(default)]
    pub sdgs: Vec<u8>,
}

/// An indicator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IndicatorV1 {
    /// Unique within the pledge.
    pub id: u32,
    /// What is counted.
    pub name: String,
    /// Its unit (건, 명, %).
    pub unit: String,
    /// Target, actual and note per year.
    #[serde(deserialize_with = "year_keys")]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "year_map_schema::<IndicatorYearV1>")
    )]
    pub years: BTreeMap<Year, IndicatorYearV1>,
    /// The stated total target.
    #[serde(default)]
    pub stated_target_total: Option<Figure>,
    /// The stated total actual.
    #[serde(default)]
    pub stated_actual_total: Option<Figure>,
}

/// One year of an indicator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IndicatorYearV1 {
    /// 목표.
    #[serde(default)]
    pub target: Option<Figure>,
    /// 실적.
    #[serde(default)]
    pub actual: Option<Figure>,
    /// Why the year went as it did.
    #[serde(default)]
    pub note: String,
}

/// A staffing row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StaffingV1 {
    /// Service group.
    pub group: String,
    /// Grade.
    pub grade: String,
    /// 정원.
    #[cfg_attr(feature = "schema", schemars(range(max = MAX_COUNT)))]
    pub quota: u32,
    /// 현원.
    #[cfg_attr(feature = "schema", schemars(range(max = MAX_COUNT)))]
    pub current: u32,
}

/// A non-money figure written as a decimal string (`"1941"`, `"64.7"`), so
/// that no reader passes it through binary floating point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Figure(pub Decimal);

impl Serialize for Figure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0.normalize().to_string())
    }
}

impl<'de> Deserialize<'de> for Figure {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let ok = crate::model::amount::is_plain_decimal(&text);
        let value = if ok {
            Decimal::from_str_exact(&text)
                .ok()
                .filter(|v| quantity_fits(*v))
        } else {
            None
        };
        value.map(Figure).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "\"{}\" is not a decimal number of at most 10^15 with 6 decimals",
                text.chars().take(40).collect::<String>()
            ))
        })
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for Figure {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Figure".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": crate::model::limits::DECIMAL_PATTERN,
            "description": "A decimal number written as a string, such as \"1941\" or \"64.7\": no leading or trailing zeros, at most 10^15 and 6 decimals."
        })
    }
}

/// Whether a year key is written as files write years: four digits, 1900–2200
/// (`"2019"`; not `"02019"`, `"-0"` or `"٢٠١٩"`).
pub fn is_year_key(key: &str) -> bool {
    key.len() == 4
        && key.bytes().all(|b| b.is_ascii_digit())
        && key.parse::<Year>().is_ok_and(year_fits)
}

/// Reads a map keyed by year, refusing a key in any other spelling and a key
/// given twice (which a schema cannot see, so the reader says it). A bad key
/// is refused as soon as it is read, so the error's path names it.
fn year_keys<'de, D, V>(deserializer: D) -> Result<BTreeMap<Year, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    read_map(deserializer, |key: &str| {
        if is_year_key(key) {
            Ok(key.parse().unwrap_or_default())
        } else {
            Err(format!(
                "“{}” is not a year key: four digits, {}–{}",
                key.chars().take(20).collect::<String>(),
                YEAR_LIMITS.0,
                YEAR_LIMITS.1
            ))
        }
    })
}

/// Reads a map of string keys, refusing a key given twice.
fn unique_keys<'de, D, V>(deserializer: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    read_map(deserializer, |key: &str| Ok(key.to_string()))
}

/// Reads a JSON object into a map, each key through `key` (which may refuse
/// it), refusing a key given twice.
fn read_map<'de, D, K, V>(
    deserializer: D,
    key: impl Fn(&str) -> Result<K, String>,
) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Ord,
    V: Deserialize<'de>,
{
    struct Keys<F, K, V>(F, std::marker::PhantomData<(K, V)>);
    impl<'de, F, K, V> serde::de::Visitor<'de> for Keys<F, K, V>
    where
        F: Fn(&str) -> Result<K, String>,
        K: Ord,
        V: Deserialize<'de>,
    {
        type Value = BTreeMap<K, V>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(text) = map.next_key::<String>()? {
                let key = (self.0)(&text).map_err(serde::de::Error::custom)?;
                if out.contains_key(&key) {
                    return Err(serde::de::Error::custom(format!(
                        "the key “{}” is given twice",
                        text.chars().take(20).collect::<String>()
                    )));
                }
                let value = map.next_value()?;
                out.insert(key, value);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_map(Keys(key, std::marker::PhantomData))
}

#[cfg(feature = "schema")]
fn year_map_schema<V: JsonSchema>(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let value = generator.subschema_for::<V>();
    schemars::json_schema!({
        "type": "object",
        "propertyNames": { "pattern": crate::model::limits::YEAR_KEY_PATTERN },
        "additionalProperties": value,
        "maxProperties": MAX_ITEMS
    })
}

/// Why a file could not be read as a plan. The current work is untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// The file's size.
        bytes: usize,
    },
    /// Not JSON, or JSON of the wrong shape, at `path`.
    Malformed {
        /// The JSON path of the fault (`$.plan.programs[3].budget.this_year`).
        path: String,
        /// What is wrong there.
        detail: String,
    },
    /// Well-formed, but not something a plan can hold, at `path`.
    Invalid {
        /// The JSON path of the fault.
        path: String,
        /// What is wrong there.
        detail: String,
    },
    /// JSON, but not a plan file of this app.
    NotAPlanFile,
    /// Written by a newer version of the app than this one.
    NewerVersion {
        /// The file's version.
        version: u64,
    },
}

impl FileError {
    /// The JSON path the error names, if any.
    pub fn path(&self) -> Option<&str> {
        match self {
            FileError::Malformed { path, .. } | FileError::Invalid { path, .. } => Some(path),
            _ => None,
        }
    }

    /// What to tell the user, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (FileError::TooLarge { bytes }, Lang::En) => format!(
                "The file is {bytes} bytes; plan files may be at most {MAX_FILE_BYTES} bytes (20 MB)."
            ),
            (FileError::TooLarge { bytes }, Lang::Ko) => {
                format!("파일 크기가 {bytes}바이트입니다. 계획 파일은 최대 {MAX_FILE_BYTES}바이트(20MB)입니다.")
            }
            (FileError::Malformed { path, detail }, Lang::En) => format!("The file is damaged at {path}: {detail}"),
            (FileError::Malformed { path, detail }, Lang::Ko) => format!("파일이 {path}에서 손상되었습니다: {detail}"),
            (FileError::Invalid { path, detail }, Lang::En) => format!("The plan cannot be read at {path}: {detail}"),
            (FileError::Invalid { path, detail }, Lang::Ko) => format!("{path}의 내용을 계획으로 읽을 수 없습니다: {detail}"),
            (FileError::NotAPlanFile, Lang::En) => "This is not a budget planner plan file.".into(),
            (FileError::NotAPlanFile, Lang::Ko) => "예산 계획기 계획 파일이 아닙니다.".into(),
            (FileError::NewerVersion { version }, Lang::En) => format!(
                "The file is format version {version}, newer than this app reads ({FORMAT_VERSION}). Update the app to open it."
            ),
            (FileError::NewerVersion { version }, Lang::Ko) => format!(
                "파일 형식 버전 {version}은(는) 이 앱이 읽을 수 있는 버전({FORMAT_VERSION})보다 새 버전입니다. 앱을 업데이트하세요."
            ),
        }
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// A plan read from a file, with the envelope's facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The plan.
    pub plan: Plan,
    /// The app version that wrote it.
    pub app_version: String,
    /// When it was written.
    pub saved_at: String,
}

/// Writes a plan as a plan file without indentation: what storage
/// keeps (a third smaller, and quicker to write on every autosave).
pub fn encode_compact(plan: &Plan, app_version: &str, saved_at: &str) -> String {
    serde_json::to_string(&envelope(plan, app_version, saved_at)).unwrap_or_default()
}

fn envelope(plan: &Plan, app_version: &str, saved_at: &str) -> PlanFile {
    PlanFile {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        app_version: app_version.into(),
        saved_at: saved_at.into(),
        plan: PlanV1::from(plan),
    }
}

/// Writes a plan as a plan file, indented for people (exports).
pub fn encode(plan: &Plan, app_version: &str, saved_at: &str) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&envelope(plan, app_version, saved_at)).unwrap_or_default()
}

/// When a plan file was written, read from its envelope alone (the plan is
/// skipped, not built): keeping a version needs only that.
pub fn saved_at(text: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Envelope {
        saved_at: String,
    }
    serde_json::from_str::<Envelope>(text)
        .ok()
        .map(|e| e.saved_at)
}

/// Reads a plan file as storage keeps it ([`stored`]): a packed entry is
/// inflated first; an entry of an earlier release is read as it is.
pub fn decode_stored(entry: &str) -> Result<Decoded, FileError> {
    let text = stored::unpack(entry).map_err(|e| FileError::Malformed {
        path: "$".into(),
        detail: e.to_string(),
    })?;
    decode(&text)
}

/// Reads a plan file: size first, then format and version, then the plan
/// (with the JSON path of any fault), then what the model can hold.
pub fn decode(text: &str) -> Result<Decoded, FileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: text.len() });
    }
    // Windows editors save UTF-8 with a byte order mark in front.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.trim_start().starts_with('{') {
        return Err(FileError::NotAPlanFile);
    }
    check_shape(text)?;
    // A good file is read in one pass (a district's plan is megabytes): the
    // header is looked at on its own only to explain a file that fails.
    if let Ok(file) = serde_json::from_str::<PlanFile>(text) {
        if file.format != FORMAT_NAME {
            return Err(FileError::NotAPlanFile);
        }
        if file.version > FORMAT_VERSION {
            return Err(FileError::NewerVersion {
                version: u64::from(file.version),
            });
        }
        if file.version > 0 {
            let plan = Plan::try_from(file.plan)?;
            return Ok(Decoded {
                plan,
                app_version: file.app_version,
                saved_at: file.saved_at,
            });
        }
    }
    #[derive(Deserialize)]
    struct Header {
        format: Option<serde_json::Value>,
        version: Option<serde_json::Value>,
    }
    // A damaged file (cut short, say) is reported where it breaks.
    let header: Header = serde_json::from_str(text)
        .map_err(|e| malformed(json_path_at(text, e.line(), e.column()), &e))?;
    if header.format.as_ref().and_then(|v| v.as_str()) != Some(FORMAT_NAME) {
        return Err(FileError::NotAPlanFile);
    }
    match header.version.as_ref().and_then(serde_json::Value::as_u64) {
        Some(v) if v > u64::from(FORMAT_VERSION) => {
            return Err(FileError::NewerVersion { version: v })
        }
        Some(0) => {
            return Err(FileError::Malformed {
                path: "$.version".into(),
                detail: format!("the version is 1 to {FORMAT_VERSION}"),
            })
        }
        Some(_) => {}
        None => {
            return Err(FileError::Malformed {
                path: "$.version".into(),
                detail: "a whole number is required".into(),
            })
        }
    }
    let file: PlanFile = serde_json::from_str(text).map_err(|e| {
        let path = json_path_at(text, e.line(), e.column());
        malformed(path, &e)
    })?;
    let plan = Plan::try_from(file.plan)?;
    Ok(Decoded {
        plan,
        app_version: file.app_version,
        saved_at: file.saved_at,
    })
}

/// The JSON path (`$.plan.programs[3].budget.this_year`) of the spot serde_json
/// reports by line and column, found by re-reading the text up to that spot.
/// (A path-tracking deserializer would instantiate every `Deserialize` twice
/// and add tens of KiB to the wasm bundle; this is one small loop.)
pub fn json_path_at(text: &str, line: usize, column: usize) -> String {
    enum Frame {
        Object {
            key: Option<String>,
            expecting_key: bool,
        },
        Array {
            index: usize,
        },
    }
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut end = (line_start + column).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        if at >= end {
            break;
        }
        match c {
            '{' | '[' if stack.len() >= MAX_DEPTH => break,
            '{' => stack.push(Frame::Object {
                key: None,
                expecting_key: true,
            }),
            '[' => stack.push(Frame::Array { index: 0 }),
            '}' | ']' => {
                stack.pop();
            }
            ',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { key, expecting_key }) => {
                    *key = None;
                    *expecting_key = true;
                }
                None => {}
            },
            ':' => {
                if let Some(Frame::Object { expecting_key, .. }) = stack.last_mut() {
                    *expecting_key = false;
                }
            }
            '"' => {
                // Read to the closing quote even past the spot: a key the
                // error lies inside is named whole (up to a readable length).
                let mut string = String::new();
                let mut length = 0usize;
                let mut escaped = false;
                for (_, c) in chars.by_ref() {
                    match (escaped, c) {
                        (false, '\\') => escaped = true,
                        (false, '"') => break,
                        _ => {
                            escaped = false;
                            length += 1;
                            if length <= MAX_KEY_CHARS {
                                string.push(c);
                            }
                        }
                    }
                }
                if length > MAX_KEY_CHARS {
                    string.push('…');
                }
                if let Some(Frame::Object {
                    key,
                    expecting_key: true,
                }) = stack.last_mut()
                {
                    *key = Some(string);
                }
            }
            _ => {}
        }
    }
    let mut path = String::from("$");
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                path.push('.');
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

fn malformed(path: String, error: &serde_json::Error) -> FileError {
    // serde_json's message ends with its own "at line L column C": keep it, it
    // helps find the spot; but it quotes what it found (a field name of any
    // length), so it is cut to a readable length.
    FileError::Malformed {
        path,
        detail: shortened(&error.to_string(), MAX_DETAIL_CHARS),
    }
}

/// The longest key a JSON path names, in characters.
const MAX_KEY_CHARS: usize = 40;

/// The longest detail of a file error, in characters: a message stays short
/// whatever the file holds.
const MAX_DETAIL_CHARS: usize = 300;

/// Refuses JSON nested deeper than any plan file is ([`MAX_DEPTH`]), and any
/// text (a string, or a key) longer than [`MAX_TEXT_CHARS`], before any parser
/// sees it: one linear pass, no allocation, so 20 MB of `[` is refused at
/// once, at the place it goes too deep.
fn check_shape(text: &str) -> Result<(), FileError> {
    let bytes = text.as_bytes();
    let refuse = |at: usize, detail: String| {
        let line = 1 + bytes[..at].iter().filter(|&&c| c == b'\n').count();
        let column = at
            - bytes[..at]
                .iter()
                .rposition(|&c| c == b'\n')
                .map_or(0, |p| p + 1)
            + 1;
        FileError::Malformed {
            path: json_path_at(text, line, column),
            detail: format!("{detail} (at line {line} column {column})"),
        }
    };
    let too_long = || format!("a text of more than {MAX_TEXT_CHARS} characters");
    // A character starts at every byte but UTF-8's continuation bytes.
    let starts = |c: &u8| c & 0xC0 != 0x80;
    let mut depth = 0usize;
    let mut at = 0usize;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'"' => {
                at += 1;
                // The string's characters so far (an escape is one, a
                // surrogate pair of escapes one); a high surrogate's escape
                // waits for its pair before the count is held to the limit.
                let mut chars = 0usize;
                let mut high_surrogate = false;
                loop {
                    // A run of plain text, counted in one pass: a district's
                    // 6 MB are mostly such runs.
                    let end = bytes[at..]
                        .iter()
                        .position(|&c| c == b'"' || c == b'\\')
                        .map_or(bytes.len(), |p| at + p);
                    if !high_surrogate {
                        if chars > MAX_TEXT_CHARS && at < bytes.len() {
                            return Err(refuse(at, too_long()));
                        }
                        let room = MAX_TEXT_CHARS - chars.min(MAX_TEXT_CHARS);
                        let plain = bytes[at..end].iter().filter(|c| starts(c)).count();
                        if plain > room {
                            // The first byte of the character one past the limit.
                            let over = (at..end)
                                .filter(|&i| starts(&bytes[i]))
                                .nth(room)
                                .unwrap_or(end);
                            return Err(refuse(over, too_long()));
                        }
                        chars += plain;
                    } else {
                        chars += bytes[at..end].iter().filter(|c| starts(c)).count();
                    }
                    at = end;
                    match bytes.get(at) {
                        None => return Ok(()),
                        Some(b'"') => {
                            if !high_surrogate && chars > MAX_TEXT_CHARS {
                                return Err(refuse(at, too_long()));
                            }
                            at += 1;
                            break;
                        }
                        Some(_) => {
                            // A backslash, then what it escapes.
                            if !high_surrogate && chars > MAX_TEXT_CHARS {
                                return Err(refuse(at, too_long()));
                            }
                            let Some(&escaped) = bytes.get(at + 1) else {
                                return Ok(());
                            };
                            chars += 1;
                            if !high_surrogate && chars > MAX_TEXT_CHARS {
                                return Err(refuse(at + 1, too_long()));
                            }
                            if escaped != b'u' {
                                at += 2;
                                continue;
                            }
                            let Some(hex) = bytes.get(at + 2..at + 6) else {
                                return Ok(());
                            };
                            let code = hex.iter().fold(0u32, |code, &h| {
                                code * 16 + char::from(h).to_digit(16).unwrap_or(0)
                            });
                            high_surrogate = (0xD800..0xDC00).contains(&code);
                            if (0xDC00..0xE000).contains(&code) {
                                chars = chars.saturating_sub(1);
                            }
                            at += 6;
                        }
                    }
                }
            }
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(refuse(
                        at,
                        format!("nested more than {MAX_DEPTH} levels deep; a plan file never is"),
                    ));
                }
                at += 1;
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                at += 1;
            }
            _ => at += 1,
        }
    }
    Ok(())
}

fn invalid(path: impl Into<String>, detail: impl Into<String>) -> FileError {
    FileError::Invalid {
        path: path.into(),
        detail: detail.into(),
    }
}

impl From<&Plan> for PlanV1 {
    fn from(plan: &Plan) -> PlanV1 {
        // Another stage lists only what differs from the stage being edited.
        let current = plan.figures();
        PlanV1 {
            title: plan.title.clone(),
            organisation: plan.organisation.clone(),
            years: plan.years.into(),
            base_year: plan.base_year,
            unit: plan.unit,
            sources: plan
                .sources
                .iter()
                .map(|s| SourceV1 {
                    id: s.id.clone(),
                    name_ko: s.name_ko.clone(),
                    name_en: s.name_en.clone(),
                })
                .collect(),
            programs: plan
                .programs
                .iter()
                .map(|p| ProgramV1 {
                    id: p.id,
                    name: p.name.clone(),
                    owner: p.owner.clone(),
                    unit_program: p.unit_program.clone(),
                    novelty: p.novelty,
                    period: p.period.into(),
                    schedule: (&p.schedule).into(),
                    stated_total: p.stated_total.map(Into::into),
                    budget: p.budget.map(budget_v1),
                    matching: p
                        .matching
                        .iter()
                        .map(|r| RatioV1 {
                            source: r.source.clone(),
                            weight: r.weight,
                        })
                        .collect(),
                    line_items: p.line_items.iter().map(line_item_v1).collect(),
                    printed_shares: printed_shares_v1(&p.printed_shares),
                })
                .collect(),
            pledges: plan
                .pledges
                .iter()
                .map(|p| PledgeV1 {
                    id: p.id,
                    number: p.number.clone(),
                    title: p.title.clone(),
                    classification: ClassificationV1 {
                        status: p.classification.status,
                        completion: p.classification.completion,
                        novelty: p.classification.novelty,
                        actors: p.classification.actors.clone(),
                        horizon: p.classification.horizon,
                        budgetary: p.classification.budgetary,
                        sdgs: p.classification.sdgs.clone(),
                    },
                    term: p.term.into(),
                    programs: p.programs.clone(),
                    schedule: (&p.schedule).into(),
                    stated_total: p.stated_total.map(Into::into),
                    indicators: p
                        .indicators
                        .iter()
                        .map(|i| IndicatorV1 {
                            id: i.id,
                            name: i.name.clone(),
                            unit: i.unit.clone(),
                            years: i
                                .years
                                .iter()
                                .map(|(y, v)| {
                                    (
                                        *y,
                                        IndicatorYearV1 {
                                            target: v.target.map(Figure),
                                            actual: v.actual.map(Figure),
                                            note: v.note.clone(),
                                        },
                                    )
                                })
                                .collect(),
                            stated_target_total: i.stated_target_total.map(Figure),
                            stated_actual_total: i.stated_actual_total.map(Figure),
                        })
                        .collect(),
                })
                .collect(),
            staffing: plan
                .staffing
                .iter()
                .map(|r| StaffingV1 {
                    group: r.group.clone(),
                    grade: r.grade.clone(),
                    quota: r.quota,
                    current: r.current,
                })
                .collect(),
            deck: DeckV1 {
                entries: plan
                    .deck
                    .entries
                    .iter()
                    .map(|e| DeckEntryV1 {
                        slide: e.subject.cell_prefix(),
                        shown: e.shown,
                    })
                    .collect(),
                notes: plan.deck.notes.clone(),
                share_decimals: plan.deck.share_decimals.clone(),
            },
            rounded_in: plan.rounded_in,
            share_decimals: (plan.share_decimals != 1).then_some(plan.share_decimals),
            status_totals: status_totals_v2(plan.status_totals),
            stages: plan
                .stages
                .list
                .iter()
                .map(|stage| StageV3 {
                    id: stage.id,
                    name: stage.name.clone(),
                    date: stage.date.clone(),
                    note: stage.note.clone(),
                    year: stage.year,
                    locked: stage.locked,
                    figures: plan
                        .stages
                        .figures
                        .get(&stage.id)
                        .map(|f| stage_figures_v3(f, &current)),
                })
                .collect(),
            current_stage: Some(plan.stages.current),
        }
    }
}

fn status_totals_v2(t: StatusTotals) -> StatusTotalsV2 {
    StatusTotalsV2 {
        this_year: t.this_year,
        prior_year: t.prior_year,
        change: t.change,
        rounded_in: t.rounded_in,
    }
}

fn status_totals_of(t: StatusTotalsV2) -> StatusTotals {
    StatusTotals {
        this_year: t.this_year,
        prior_year: t.prior_year,
        change: t.change,
        rounded_in: t.rounded_in,
    }
}

fn budget_v1(b: YearBudget) -> BudgetV1 {
    BudgetV1 {
        this_year: b.this_year,
        prior_year: b.prior_year,
        printed_change: b.printed_change,
    }
}

fn printed_shares_v1(shares: &BTreeMap<SourceId, Decimal>) -> BTreeMap<String, Figure> {
    shares
        .iter()
        .map(|(k, v)| (k.clone(), Figure(*v)))
        .collect()
}

fn line_item_v1(l: &LineItem) -> LineItemV1 {
    LineItemV1 {
        name: l.name.clone(),
        basis: l.basis.clone(),
        stated: l.stated,
    }
}

/// A stage's money as written: only the programs and pledges whose money
/// differs from the stage being edited (`current`); one that holds none
/// where the current stage holds some is written with an empty schedule.
fn stage_figures_v3(f: &StageFigures, current: &StageFigures) -> StageFiguresV3 {
    StageFiguresV3 {
        programs: differing(&f.programs, &current.programs)
            .map(|(id, p)| ProgramFiguresV3 {
                id,
                schedule: (&p.schedule).into(),
                stated_total: p.stated_total.map(Into::into),
                budget: p.budget.map(budget_v1),
                line_items: p.line_items.iter().map(line_item_v1).collect(),
                printed_shares: printed_shares_v1(&p.printed_shares),
            })
            .collect(),
        pledges: differing(&f.pledges, &current.pledges)
            .map(|(id, p)| PledgeFiguresV3 {
                id,
                schedule: (&p.schedule).into(),
                stated_total: p.stated_total.map(Into::into),
            })
            .collect(),
        status_totals: status_totals_v2(f.status_totals),
    }
}

/// The ids (in order) whose money in a stage differs from the stage being
/// edited, with the stage's money; a missing entry holds none.
fn differing<'a, F: Clone + Default + PartialEq>(
    stage: &'a BTreeMap<u32, F>,
    current: &'a BTreeMap<u32, F>,
) -> impl Iterator<Item = (u32, F)> + 'a {
    let ids: std::collections::BTreeSet<u32> =
        stage.keys().chain(current.keys()).copied().collect();
    ids.into_iter().filter_map(move |id| {
        let mine = stage.get(&id).cloned().unwrap_or_default();
        let theirs = current.get(&id).cloned().unwrap_or_default();
        (mine != theirs).then_some((id, mine))
    })
}

impl From<StatedV1> for Stated {
    fn from(s: StatedV1) -> Stated {
        Stated {
            amount: s.amount,
            unit: s.unit,
        }
    }
}

impl From<BudgetV1> for YearBudget {
    fn from(b: BudgetV1) -> YearBudget {
        YearBudget {
            this_year: b.this_year,
            prior_year: b.prior_year,
            printed_change: b.printed_change,
        }
    }
}

impl From<LineItemV1> for LineItem {
    fn from(l: LineItemV1) -> LineItem {
        LineItem {
            name: l.name,
            basis: l.basis,
            stated: l.stated,
        }
    }
}

/// Reads printed shares, refusing one beyond the limits of a percentage.
fn printed_shares_of(
    path: &str,
    shares: BTreeMap<String, Figure>,
) -> Result<BTreeMap<SourceId, Decimal>, FileError> {
    let mut out = BTreeMap::new();
    for (source, share) in shares {
        if share.0.abs() > crate::model::limits::MAX_PERCENT
            || share.0.normalize().scale() > crate::model::limits::PERCENT_DECIMALS
        {
            return Err(invalid(
                format!("{path}.printed_shares.{source}"),
                "a printed share is a percentage of at most 1,000 with 6 decimals",
            ));
        }
        out.insert(source, share.0);
    }
    Ok(out)
}

fn stage_figures_of(path: &str, f: StageFiguresV3) -> Result<StageFigures, FileError> {
    check_len(&format!("{path}.programs"), f.programs.len())?;
    check_len(&format!("{path}.pledges"), f.pledges.len())?;
    let mut programs = BTreeMap::new();
    for (index, p) in f.programs.into_iter().enumerate() {
        let at = format!("{path}.programs[{index}]");
        check_len(&format!("{at}.line_items"), p.line_items.len())?;
        let figures = ProgramFigures {
            schedule: schedule(&format!("{at}.schedule"), p.schedule)?,
            stated_total: p.stated_total.map(Stated::from),
            budget: p.budget.map(YearBudget::from),
            line_items: p.line_items.into_iter().map(LineItem::from).collect(),
            printed_shares: printed_shares_of(&at, p.printed_shares)?,
        };
        if programs.insert(p.id, figures).is_some() {
            return Err(invalid(
                format!("{at}.id"),
                format!("program {} is given twice", p.id),
            ));
        }
    }
    let mut pledges = BTreeMap::new();
    for (index, p) in f.pledges.into_iter().enumerate() {
        let at = format!("{path}.pledges[{index}]");
        let figures = PledgeFigures {
            schedule: schedule(&format!("{at}.schedule"), p.schedule)?,
            stated_total: p.stated_total.map(Stated::from),
        };
        if pledges.insert(p.id, figures).is_some() {
            return Err(invalid(
                format!("{at}.id"),
                format!("pledge {} is given twice", p.id),
            ));
        }
    }
    Ok(StageFigures {
        programs,
        pledges,
        status_totals: status_totals_of(f.status_totals),
    })
}

/// The stages of a file; a file without any (version 1 or 2) is one stage
/// named after its plan.
fn stages_of(
    stages: Vec<StageV3>,
    current: Option<u32>,
    title: &str,
    base_year: Year,
    programs: &[Program],
    pledges: &[Pledge],
) -> Result<Stages, FileError> {
    if stages.is_empty() {
        if current.is_some() {
            return Err(invalid(
                "$.plan.current_stage",
                "a current stage needs a list of stages",
            ));
        }
        let name = if title.trim().is_empty() {
            "본예산"
        } else {
            title.trim()
        };
        return Ok(Stages::single(name, base_year));
    }
    check_len("$.plan.stages", stages.len())?;
    unique("$.plan.stages", stages.iter().map(|s| s.id))?;
    let current_figures = StageFigures::of(programs, pledges, StatusTotals::default());
    let current = current
        .ok_or_else(|| invalid("$.plan.current_stage", "the stage being edited is missing"))?;
    let mut list = Vec::with_capacity(stages.len());
    let mut figures = BTreeMap::new();
    for (index, stage) in stages.into_iter().enumerate() {
        let path = format!("$.plan.stages[{index}]");
        check_year(&format!("{path}.year"), stage.year)?;
        match (stage.id == current, stage.figures) {
            (true, Some(_)) => {
                return Err(invalid(
                    format!("{path}.figures"),
                    "the stage being edited keeps its figures in the plan itself",
                ))
            }
            (true, None) => {}
            (false, f) => {
                let f = stage_figures_of(&format!("{path}.figures"), f.unwrap_or_default())?;
                for id in f.programs.keys() {
                    if programs.iter().all(|p| p.id != *id) {
                        return Err(invalid(
                            format!("{path}.figures.programs"),
                            format!("program {id} is not in the plan"),
                        ));
                    }
                }
                for id in f.pledges.keys() {
                    if pledges.iter().all(|p| p.id != *id) {
                        return Err(invalid(
                            format!("{path}.figures.pledges"),
                            format!("pledge {id} is not in the plan"),
                        ));
                    }
                }
                // What the stage does not list it holds as the stage being edited does.
                let mut f = f;
                for (id, money) in &current_figures.programs {
                    f.programs.entry(*id).or_insert_with(|| money.clone());
                }
                for (id, money) in &current_figures.pledges {
                    f.pledges.entry(*id).or_insert_with(|| money.clone());
                }
                f.programs.retain(|_, p| *p != ProgramFigures::default());
                f.pledges.retain(|_, p| *p != PledgeFigures::default());
                figures.insert(stage.id, f);
            }
        }
        list.push(Stage {
            id: stage.id,
            name: stage.name,
            date: stage.date,
            note: stage.note,
            year: stage.year,
            locked: stage.locked,
        });
    }
    if list.iter().all(|s| s.id != current) {
        return Err(invalid(
            "$.plan.current_stage",
            format!("stage {current} is not in the list"),
        ));
    }
    Ok(Stages {
        list,
        current,
        figures,
    })
}

impl From<YearRange> for YearsV1 {
    fn from(r: YearRange) -> YearsV1 {
        YearsV1 {
            first: r.first,
            last: r.last,
        }
    }
}

impl From<Stated> for StatedV1 {
    fn from(s: Stated) -> StatedV1 {
        StatedV1 {
            amount: s.amount,
            unit: s.unit,
        }
    }
}

impl From<&Schedule> for ScheduleV1 {
    fn from(s: &Schedule) -> ScheduleV1 {
        ScheduleV1 {
            rows: s
                .rows
                .iter()
                .map(|r| ScheduleRowV1 {
                    source: r.source.clone(),
                    before: r.before,
                    years: r.years.clone(),
                    after: r.after,
                    note: r.note.clone(),
                })
                .collect(),
            rounded_in: s.rounded_in,
            printed: s
                .printed
                .iter()
                .map(|(cell, amount)| {
                    let column_word = |c: &Column| match c {
                        Column::Before => "before".to_string(),
                        Column::After => "after".to_string(),
                        Column::Year(y) => y.to_string(),
                    };
                    let (source, column) = match cell {
                        PrintedCell::RowTotal(s) => (Some(s.clone()), "total".to_string()),
                        PrintedCell::RowInTerm(s) => (Some(s.clone()), "in_term".to_string()),
                        PrintedCell::ColumnTotal(c) => (None, column_word(c)),
                        PrintedCell::InTerm => (None, "in_term".to_string()),
                    };
                    PrintedV2 {
                        source,
                        column,
                        amount: *amount,
                    }
                })
                .collect(),
            average: s.average,
        }
    }
}

fn years(path: &str, y: YearsV1) -> Result<YearRange, FileError> {
    check_year(path, y.first)?;
    check_year(path, y.last)?;
    if y.first > y.last {
        return Err(invalid(
            path,
            format!(
                "the first year {} is after the last year {}",
                y.first, y.last
            ),
        ));
    }
    if !span_fits(y.first, y.last) {
        return Err(invalid(
            path,
            format!("a span of years is at most {MAX_TERM_YEARS} years"),
        ));
    }
    Ok(YearRange::new(y.first, y.last))
}

fn check_year(path: &str, year: Year) -> Result<(), FileError> {
    if year_fits(year) {
        Ok(())
    } else {
        Err(invalid(
            path,
            format!(
                "the year {year} is outside {}–{}",
                YEAR_LIMITS.0, YEAR_LIMITS.1
            ),
        ))
    }
}

fn check_len(path: &str, len: usize) -> Result<(), FileError> {
    if len > MAX_ITEMS {
        Err(invalid(
            path,
            format!("{len} items; at most {MAX_ITEMS} are allowed"),
        ))
    } else {
        Ok(())
    }
}

/// Refuses the second use of an id within one list.
fn unique<T: std::hash::Hash + Eq + std::fmt::Display>(
    path: &str,
    ids: impl Iterator<Item = T>,
) -> Result<(), FileError> {
    let mut seen = HashSet::new();
    for (index, id) in ids.enumerate() {
        if !seen.insert(id) {
            return Err(invalid(
                format!("{path}[{index}].id"),
                "this id is already used by an earlier item",
            ));
        }
    }
    Ok(())
}

fn schedule(path: &str, s: ScheduleV1) -> Result<Schedule, FileError> {
    check_len(&format!("{path}.rows"), s.rows.len())?;
    let mut seen = HashSet::new();
    let mut rows = Vec::with_capacity(s.rows.len());
    for (index, r) in s.rows.into_iter().enumerate() {
        let row_path = format!("{path}.rows[{index}]");
        if !seen.insert(r.source.clone()) {
            return Err(invalid(
                format!("{row_path}.source"),
                format!("a second row for the source “{}”", r.source),
            ));
        }
        check_len(&format!("{row_path}.years"), r.years.len())?;
        for year in r.years.keys() {
            check_year(&format!("{row_path}.years"), *year)?;
        }
        rows.push(ScheduleRow {
            source: r.source,
            before: r.before,
            years: r.years,
            after: r.after,
            note: r.note,
        });
    }
    check_len(&format!("{path}.printed"), s.printed.len())?;
    let mut printed = BTreeMap::new();
    for (index, p) in s.printed.into_iter().enumerate() {
        let at = format!("{path}.printed[{index}]");
        let cell = match (p.source, p.column.as_str()) {
            (Some(source), "total") => PrintedCell::RowTotal(source),
            (Some(source), "in_term") => PrintedCell::RowInTerm(source),
            (None, "in_term") => PrintedCell::InTerm,
            (None, "before") => PrintedCell::ColumnTotal(Column::Before),
            (None, "after") => PrintedCell::ColumnTotal(Column::After),
            (None, word) if is_year_key(word) => {
                PrintedCell::ColumnTotal(Column::Year(word.parse().unwrap_or_default()))
            }
            (None, "total") => {
                return Err(invalid(
                    format!("{at}.column"),
                    "the 계 row's 총계 is the schedule's stated_total",
                ))
            }
            (Some(_), _) => {
                return Err(invalid(
                    format!("{at}.column"),
                    "a source's printed total is `total` or `in_term`",
                ))
            }
            (None, _) => {
                return Err(invalid(
                    format!("{at}.column"),
                    "a printed column total is `in_term`, `before`, `after` or a year",
                ))
            }
        };
        if printed.insert(cell, p.amount).is_some() {
            return Err(invalid(at, "the same printed total is given twice"));
        }
    }
    Ok(Schedule {
        rows,
        rounded_in: s.rounded_in,
        printed,
        average: s.average,
    })
}

impl TryFrom<PlanV1> for Plan {
    type Error = FileError;

    fn try_from(file: PlanV1) -> Result<Plan, FileError> {
        let years_range = years("$.plan.years", file.years)?;
        check_year("$.plan.base_year", file.base_year)?;
        check_len("$.plan.sources", file.sources.len())?;
        check_len("$.plan.programs", file.programs.len())?;
        check_len("$.plan.pledges", file.pledges.len())?;
        check_len("$.plan.staffing", file.staffing.len())?;
        let deck = deck(file.deck)?;
        for (index, source) in file.sources.iter().enumerate() {
            if source.id.is_empty() {
                return Err(invalid(
                    format!("$.plan.sources[{index}].id"),
                    "a funding source needs a key",
                ));
            }
        }
        unique("$.plan.sources", file.sources.iter().map(|s| s.id.as_str()))?;
        unique("$.plan.programs", file.programs.iter().map(|p| p.id))?;
        unique("$.plan.pledges", file.pledges.iter().map(|p| p.id))?;

        let mut programs = Vec::with_capacity(file.programs.len());
        for (index, p) in file.programs.into_iter().enumerate() {
            let path = format!("$.plan.programs[{index}]");
            check_len(&format!("{path}.line_items"), p.line_items.len())?;
            check_len(&format!("{path}.matching"), p.matching.len())?;
            for (i, r) in p.matching.iter().enumerate() {
                if r.weight > MAX_WEIGHT {
                    return Err(invalid(
                        format!("{path}.matching[{i}].weight"),
                        format!("a matching weight is at most {MAX_WEIGHT}"),
                    ));
                }
            }
            let printed_shares = printed_shares_of(&path, p.printed_shares)?;
            programs.push(Program {
                id: p.id,
                name: p.name,
                owner: p.owner,
                unit_program: p.unit_program,
                novelty: p.novelty,
                period: years(&format!("{path}.period"), p.period)?,
                schedule: schedule(&format!("{path}.schedule"), p.schedule)?,
                stated_total: p.stated_total.map(Stated::from),
                budget: p.budget.map(YearBudget::from),
                matching: p
                    .matching
                    .into_iter()
                    .map(|r| RatioShare {
                        source: r.source,
                        weight: r.weight,
                    })
                    .collect(),
                line_items: p.line_items.into_iter().map(LineItem::from).collect(),
                printed_shares,
            });
        }
        let mut pledges = Vec::with_capacity(file.pledges.len());
        for (index, p) in file.pledges.into_iter().enumerate() {
            let path = format!("$.plan.pledges[{index}]");
            check_len(&format!("{path}.programs"), p.programs.len())?;
            check_len(&format!("{path}.indicators"), p.indicators.len())?;
            check_len(
                &format!("{path}.classification.actors"),
                p.classification.actors.len(),
            )?;
            check_len(
                &format!("{path}.classification.sdgs"),
                p.classification.sdgs.len(),
            )?;
            unique(
                &format!("{path}.indicators"),
                p.indicators.iter().map(|i| i.id),
            )?;
            let mut indicators = Vec::with_capacity(p.indicators.len());
            for (i, ind) in p.indicators.into_iter().enumerate() {
                let ind_path = format!("{path}.indicators[{i}].years");
                check_len(&ind_path, ind.years.len())?;
                for year in ind.years.keys() {
                    check_year(&ind_path, *year)?;
                }
                indicators.push(Indicator {
                    id: ind.id,
                    name: ind.name,
                    unit: ind.unit,
                    years: ind
                        .years
                        .into_iter()
                        .map(|(y, v)| {
                            (
                                y,
                                IndicatorYear {
                                    target: v.target.map(|f| f.0),
                                    actual: v.actual.map(|f| f.0),
                                    note: v.note,
                                },
                            )
                        })
                        .collect(),
                    stated_target_total: ind.stated_target_total.map(|f| f.0),
                    stated_actual_total: ind.stated_actual_total.map(|f| f.0),
                });
            }
            let c = p.classification;
            pledges.push(Pledge {
                id: p.id,
                number: p.number,
                title: p.title,
                classification: Classification {
                    status: c.status,
                    completion: c.completion,
                    novelty: c.novelty,
                    actors: c.actors,
                    horizon: c.horizon,
                    budgetary: c.budgetary,
                    sdgs: c.sdgs,
                },
                term: years(&format!("{path}.term"), p.term)?,
                programs: p.programs,
                schedule: schedule(&format!("{path}.schedule"), p.schedule)?,
                stated_total: p.stated_total.map(Stated::from),
                indicators,
            });
        }
        for (index, r) in file.staffing.iter().enumerate() {
            for (count, name) in [(r.quota, "quota"), (r.current, "current")] {
                if count > MAX_COUNT {
                    return Err(invalid(
                        format!("$.plan.staffing[{index}].{name}"),
                        format!("a head count is at most {MAX_COUNT}"),
                    ));
                }
            }
        }
        let stages = stages_of(
            file.stages,
            file.current_stage,
            &file.title,
            file.base_year,
            &programs,
            &pledges,
        )?;
        let share_decimals = match file.share_decimals {
            None => 1,
            Some(d @ 1..=2) => d,
            Some(_) => {
                return Err(invalid(
                    "$.plan.share_decimals",
                    "shares are shown with 1 or 2 decimals",
                ))
            }
        };
        Ok(Plan {
            title: file.title,
            organisation: file.organisation,
            years: years_range,
            base_year: file.base_year,
            unit: file.unit,
            sources: file
                .sources
                .into_iter()
                .map(|s| FundingSource {
                    id: s.id,
                    name_ko: s.name_ko,
                    name_en: s.name_en,
                })
                .collect(),
            programs,
            pledges,
            staffing: file
                .staffing
                .into_iter()
                .map(|r| StaffingRow {
                    group: r.group,
                    grade: r.grade,
                    quota: r.quota,
                    current: r.current,
                })
                .collect(),
            deck,
            rounded_in: file.rounded_in,
            share_decimals,
            status_totals: status_totals_of(file.status_totals),
            stages,
        })
    }
}

/// The deck as the model holds it; an entry naming neither a program nor a
/// pledge is refused with its path.
fn deck(file: DeckV1) -> Result<Deck, FileError> {
    check_len("$.plan.deck.entries", file.entries.len())?;
    check_len("$.plan.deck.notes", file.notes.len())?;
    let mut entries = Vec::with_capacity(file.entries.len());
    for (index, entry) in file.entries.into_iter().enumerate() {
        let subject = Owner::parse(&entry.slide).ok_or_else(|| {
            invalid(
                format!("$.plan.deck.entries[{index}].slide"),
                "a deck entry names `program-<id>` or `pledge-<id>`",
            )
        })?;
        entries.push(DeckEntry {
            subject,
            shown: entry.shown,
        });
    }
    check_len("$.plan.deck.share_decimals", file.share_decimals.len())?;
    for (slide, decimals) in &file.share_decimals {
        if !(1..=2).contains(decimals) {
            return Err(invalid(
                format!("$.plan.deck.share_decimals.{slide}"),
                "a slide shows shares with 1 or 2 decimals",
            ));
        }
    }
    Ok(Deck {
        entries,
        notes: file.notes,
        share_decimals: file.share_decimals,
    })
}

/// The JSON Schema of plan files, generated from the types above and the
/// reader's limits ([`crate::file::schema`]).
#[cfg(feature = "schema")]
pub fn json_schema() -> String {
    crate::file::schema::plan_file_schema()
}

#[cfg(test)]
mod damaged_tests {
    use super::*;

    /// `{"k":"<text>"}` and what the shape check says of it (`None`: fine;
    /// else the refusal's detail).
    fn shape_of(text: &str) -> Option<String> {
        match check_shape(&format!("{{\"k\":\"{text}\"}}")) {
            Ok(()) => None,
            Err(FileError::Malformed { detail, .. }) => Some(detail),
            Err(other) => Some(format!("{other:?}")),
        }
    }

    #[test]
    fn a_text_is_held_to_its_length_in_characters_however_written() {
        let max = MAX_TEXT_CHARS;
        // Plain ASCII, Hangul (three bytes a character), an escape, a
        // surrogate pair of escapes (one character): each at the limit, then one over.
        for one in ["a", "가", "\\n", "\\u00e9", "\\ud83d\\ude00"] {
            let at_limit = one.repeat(max);
            assert_eq!(shape_of(&at_limit), None, "{one} × {max}");
            let detail = shape_of(&format!("{at_limit}{one}")).expect("one over is refused");
            assert!(detail.contains("a text of more than"), "{detail}");
            // The refusal names where the character one too many starts (an
            // escape: the letter after its backslash).
            let before = r#"{"k":""#.len() + one.len() * max;
            let column = before + 1 + usize::from(one.starts_with('\\'));
            assert!(
                detail.ends_with(&format!("column {column})")),
                "{one}: {detail}"
            );
        }
        // Brackets inside a text are text, not nesting.
        assert_eq!(shape_of(&"[{".repeat(1_000)), None);
        // A key is a text too.
        let key = format!("{{\"{}\":1}}", "k".repeat(max + 1));
        assert!(check_shape(&key).is_err());
        // Cut short inside a text or an escape: the parser says where.
        for cut in ["{\"k\":\"abc", "{\"k\":\"abc\\", "{\"k\":\"\\u00"] {
            assert!(check_shape(cut).is_ok(), "{cut}");
        }
    }

    #[test]
    fn a_deck_travels_with_the_plan_and_a_version_1_file_still_reads() {
        let mut plan = crate::fixtures::demo::demo_plan();
        let mut entries = crate::views::deck::arrangement(&plan);
        entries.reverse();
        entries[0].shown = false;
        plan.apply(crate::Edit::SetDeckEntries(entries)).unwrap();
        plan.apply(crate::Edit::SetSlideNote {
            slide: "summary".into(),
            note: "먼저 총액".into(),
        })
        .unwrap();
        let text = encode(&plan, "t", "t");
        assert!(text.contains("\"slide\": \"pledge-1\""));
        assert_eq!(decode(&text).unwrap().plan, plan);
        // A version 1 file has no deck: it reads with an empty one.
        let old = encode(&crate::fixtures::demo::demo_plan(), "t", "t").replacen(
            "\"version\": 3",
            "\"version\": 1",
            1,
        );
        assert!(!old.contains("\"deck\""));
        assert!(decode(&old).unwrap().plan.deck.is_empty());
        let bad = text.replacen("\"slide\": \"pledge-1\"", "\"slide\": \"chart-1\"", 1);
        assert_eq!(
            decode(&bad).unwrap_err().path(),
            Some("$.plan.deck.entries[0].slide")
        );
    }

    #[test]
    fn a_file_cut_short_names_where_it_ends() {
        let text = encode(&crate::fixtures::demo::demo_plan(), "t", "t");
        let cut = &text[..text.len() / 2];
        let error = decode(cut).unwrap_err();
        let path = error.path().unwrap_or_default().to_string();
        assert!(path.starts_with("$.plan."), "{path}");
    }
}
