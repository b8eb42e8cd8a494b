//! Validation: a pure function from a plan to the list of its problems.
//!
//! Every rule of DOMAIN.md is checked here and nowhere else. A [`Problem`]
//! carries a stable code, a severity, the exact place (program or pledge →
//! row → column), the expected and actual values, and a message in Korean
//! and English. The UI marks cells and lists problems from this one list.

use std::collections::HashSet;

use rust_decimal::Decimal;

use crate::model::amount::{format_figure, round_half_up, Amount, Unit};
use crate::model::figure::{FigureError, FigureKind};
use crate::model::plan::{
    Column, IndicatorId, Plan, Pledge, PledgeId, PrintedCell, Program, ProgramId, RatioShare,
    Schedule, ScheduleRow, SourceId, StageId, Stated, Year, YearRange,
};
use crate::model::words::{unit_name, Lang};
use crate::rules::basis::{check_line, items_total, BasisErrorKind};
use crate::rules::derive::{indicator_summary, schedule_sum};

/// How bad a problem is: an error is a broken rule; a warning is a
/// difference a planner should look at (rounding, a period past the plan).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// A rule is broken; the figures are wrong.
    Error,
    /// Worth a look, possibly fine (rounding).
    Warning,
}

impl Severity {
    /// The word for the severity, as `plancheck` and the problems panel print it.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// What rule a problem breaks. The string codes are stable: tools and tests
/// match on them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// A program's funding shares do not add up to its stated total.
    SharesMismatch,
    /// … but only by the rounding of the unit the figures were stated in.
    SharesRounding,
    /// A pledge's schedule does not add up to its stated total.
    TotalMismatch,
    /// … but only by rounding.
    TotalRounding,
    /// A share is off its matching ratio by more than one display unit.
    MatchingOffRatio,
    /// Money in a year outside the program's period.
    OutsidePeriod,
    /// Money in a year outside the plan's years (or the pledge's term).
    OutsideRange,
    /// A negative amount where none is allowed.
    Negative,
    /// An amount with a fraction of a won.
    SubWon,
    /// A calculation basis that does not give its stated amount.
    BasisMismatch,
    /// A calculation basis that cannot be read.
    BasisUnparsable,
    /// An indicator's stated total differs from the sum of its years.
    IndicatorTotalMismatch,
    /// An actual reported for a year after the plan's base year.
    FutureActual,
    /// A name or title left empty.
    EmptyName,
    /// A name used twice where names must be unique.
    DuplicateName,
    /// A pledge linked to a program the plan does not have.
    UnknownProgram,
    /// A schedule row for a funding source the plan does not list.
    UnknownSource,
    /// A program's period reaches outside the plan's years.
    PeriodOutsideRange,
    /// An SDG number outside 1–17.
    InvalidSdg,
    /// Text typed into a figure cell that the plan cannot take (a letter, a
    /// figure beyond its limit); the plan keeps the value it had.
    UnreadableEntry,
    /// A printed total (subtotal, row total, column total) that the figures do not give.
    PrintedMismatch,
    /// … but only by the rounding of the unit the document was printed in.
    PrintedRounding,
    /// A program's line items do not add up to its 예산액.
    ItemsMismatch,
    /// A printed share (%) that is not the source's exact share, rounded.
    PrintedShareMismatch,
    /// Printed shares that add to 100.01 or 99.99 because each was rounded on its own.
    PrintedSharesRounding,
    /// Printed shares that do not add to 100 even allowing for their rounding.
    PrintedSharesTotal,
    /// A 전년도 예산액 that is not the 예산액 of the previous year's adopted
    /// stage, when the plan holds that stage.
    StagePriorYear,
}

impl Code {
    /// The stable code string (`shares.mismatch`).
    pub fn as_str(self) -> &'static str {
        match self {
            Code::SharesMismatch => "shares.mismatch",
            Code::SharesRounding => "shares.rounding",
            Code::TotalMismatch => "total.mismatch",
            Code::TotalRounding => "total.rounding",
            Code::MatchingOffRatio => "matching.off_ratio",
            Code::OutsidePeriod => "schedule.outside_period",
            Code::OutsideRange => "schedule.outside_range",
            Code::Negative => "amount.negative",
            Code::SubWon => "amount.sub_won",
            Code::BasisMismatch => "basis.mismatch",
            Code::BasisUnparsable => "basis.unparsable",
            Code::IndicatorTotalMismatch => "indicator.total_mismatch",
            Code::FutureActual => "indicator.future_actual",
            Code::EmptyName => "name.empty",
            Code::DuplicateName => "name.duplicate",
            Code::UnknownProgram => "pledge.unknown_program",
            Code::UnknownSource => "schedule.unknown_source",
            Code::PeriodOutsideRange => "program.period_outside_range",
            Code::InvalidSdg => "pledge.invalid_sdg",
            Code::UnreadableEntry => "entry.unreadable",
            Code::PrintedMismatch => "printed.mismatch",
            Code::PrintedRounding => "printed.rounding",
            Code::ItemsMismatch => "items.mismatch",
            Code::PrintedShareMismatch => "shares.printed_mismatch",
            Code::PrintedSharesRounding => "shares.printed_rounding",
            Code::PrintedSharesTotal => "shares.printed_total",
            Code::StagePriorYear => "stages.prior_year",
        }
    }

    /// How bad a breach of this rule is.
    pub fn severity(self) -> Severity {
        match self {
            Code::SharesRounding
            | Code::TotalRounding
            | Code::PrintedRounding
            | Code::PrintedSharesRounding
            | Code::StagePriorYear
            | Code::PeriodOutsideRange => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// The part of the plan a problem is in.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// The plan's own fields.
    Plan,
    /// A funding source of the plan's list.
    Source(SourceId),
    /// A program.
    Program(ProgramId),
    /// A pledge.
    Pledge(PledgeId),
    /// An indicator of a pledge.
    Indicator(PledgeId, IndicatorId),
}

/// The row within a place.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Row {
    /// A funding source's row of a schedule.
    Source(SourceId),
    /// The 계 row.
    Total,
    /// The budget status figures.
    Budget,
    /// A line item, by position.
    LineItem(usize),
    /// An indicator's targets.
    Target,
    /// An indicator's actuals.
    Actual,
    /// The name or title field.
    Name,
    /// The period or term field.
    Period,
    /// A linked program, by position in the pledge's list.
    Link(usize),
    /// The SDG tags.
    Sdg,
    /// A row of the staffing table, by position.
    Staffing(usize),
    /// The line items' 계 row.
    Items,
    /// The budget status table's 계 row.
    StatusTotal,
}

/// The column within a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Col {
    /// A schedule column (기투자, a year, 장기).
    Cell(Column),
    /// An indicator's year.
    Year(Year),
    /// The 총계 / stated total column.
    Total,
    /// 예산액
    ThisYear,
    /// 전년도 예산액
    PriorYear,
    /// A line item's basis.
    Basis,
    /// A line item's stated amount.
    Stated,
    /// A source's share as a percentage (the funding split).
    Percent,
    /// A source's weight in a matching ratio.
    Weight,
    /// 정원 of a staffing row.
    Quota,
    /// 현원 of a staffing row.
    Current,
    /// The plan's first year.
    FirstYear,
    /// The plan's last year.
    LastYear,
    /// The plan's base year (기준연도).
    BaseYear,
    /// A row's 총계 as printed.
    PrintedTotal,
    /// A row's 소계 as printed.
    PrintedInTerm,
    /// 증감 (this year less the prior year).
    Change,
    /// A share (%) as printed.
    PrintedPercent,
}

/// Exactly where a problem is: place → row → column.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    /// The program, pledge, indicator or plan.
    pub place: Place,
    /// The row, if the problem is in one.
    pub row: Option<Row>,
    /// The column, if the problem is in one cell.
    pub column: Option<Col>,
}

impl Location {
    fn at(place: Place, row: Row, column: Option<Col>) -> Location {
        Location {
            place,
            row: Some(row),
            column,
        }
    }

    /// A stable id for the cell, so the UI can mark and focus it
    /// (`program-6-source-district-y2019`).
    pub fn cell_id(&self) -> String {
        let mut id = match &self.place {
            Place::Plan => "plan".to_string(),
            Place::Source(s) => format!("source-{s}"),
            Place::Program(p) => format!("program-{p}"),
            Place::Pledge(p) => format!("pledge-{p}"),
            Place::Indicator(p, i) => format!("pledge-{p}-indicator-{i}"),
        };
        if let Some(row) = &self.row {
            id.push('-');
            id.push_str(&match row {
                Row::Source(s) => format!("source-{s}"),
                Row::Total => "total".into(),
                Row::Budget => "budget".into(),
                Row::LineItem(i) => format!("item-{i}"),
                Row::Target => "target".into(),
                Row::Actual => "actual".into(),
                Row::Name => "name".into(),
                Row::Period => "period".into(),
                Row::Link(i) => format!("link-{i}"),
                Row::Sdg => "sdg".into(),
                Row::Staffing(i) => format!("staffing-{i}"),
                Row::Items => "items".into(),
                Row::StatusTotal => "status-total".into(),
            });
        }
        if let Some(column) = &self.column {
            id.push('-');
            id.push_str(&column.id_word());
        }
        id
    }
}

impl Col {
    /// The column's part of a cell id (`this-year`, `y2021`); `plancheck`
    /// prints the same words.
    pub fn id_word(&self) -> String {
        match self {
            Col::Cell(Column::Before) => "before".into(),
            Col::Cell(Column::After) => "after".into(),
            Col::Cell(Column::Year(y)) | Col::Year(y) => format!("y{y}"),
            Col::Total => "total".into(),
            Col::ThisYear => "this-year".into(),
            Col::PriorYear => "prior-year".into(),
            Col::Basis => "basis".into(),
            Col::Stated => "stated".into(),
            Col::Percent => "percent".into(),
            Col::Weight => "weight".into(),
            Col::Quota => "quota".into(),
            Col::Current => "current".into(),
            Col::FirstYear => "first-year".into(),
            Col::LastYear => "last-year".into(),
            Col::BaseYear => "base-year".into(),
            Col::PrintedTotal => "printed-total".into(),
            Col::PrintedInTerm => "printed-in-term".into(),
            Col::Change => "change".into(),
            Col::PrintedPercent => "printed-percent".into(),
        }
    }
}

/// A value a problem quotes: what was expected and what was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// Money, shown in the plan's unit.
    Money(Amount),
    /// A count or measure (indicator figures).
    Quantity(Decimal),
    /// A year.
    Year(Year),
    /// A year range.
    Years(YearRange),
    /// Text: a name, a source key.
    Text(String),
    /// A whole number: an id, an SDG, a character position.
    Number(u64),
}

/// One broken rule, located and explained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Which rule.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// Where.
    pub location: Location,
    /// What the rule expects there.
    pub expected: Option<Value>,
    /// What the plan has.
    pub actual: Option<Value>,
    /// A detail some rules add (the unit of a rounding, a parse error).
    pub detail: Option<Detail>,
}

/// The extra fact some problems carry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Detail {
    /// The unit whose rounding explains a difference.
    RoundingUnit(Unit),
    /// Why a basis cannot be read, and where (1-based character).
    Basis(BasisErrorKind, usize),
    /// Why a typed entry cannot be taken, and what kind of figure it is for.
    Entry(FigureError, FigureKind),
}

impl Problem {
    pub(crate) fn new(code: Code, location: Location) -> Problem {
        Problem {
            code,
            severity: code.severity(),
            location,
            expected: None,
            actual: None,
            detail: None,
        }
    }

    pub(crate) fn expected(mut self, value: Value) -> Problem {
        self.expected = Some(value);
        self
    }

    pub(crate) fn actual(mut self, value: Value) -> Problem {
        self.actual = Some(value);
        self
    }

    fn detail(mut self, detail: Detail) -> Problem {
        self.detail = Some(detail);
        self
    }

    /// The message for the user, in `lang`, with money in `unit`:
    /// "shares add to 1,167,387; the total is 1,167,388: 1 short".
    pub fn message(&self, lang: Lang, unit: Unit) -> String {
        let v = |value: &Option<Value>| value.as_ref().map(|v| show(v, unit)).unwrap_or_default();
        let (expected, actual) = (v(&self.expected), v(&self.actual));
        let gap = match (&self.expected, &self.actual) {
            (Some(Value::Money(e)), Some(Value::Money(a))) => Some(gap_words(*e, *a, unit, lang)),
            (Some(Value::Quantity(e)), Some(Value::Quantity(a))) => {
                Some(gap_words_figure(*e - *a, lang))
            }
            _ => None,
        };
        let gap = gap.unwrap_or_default();
        let rounding_unit = match &self.detail {
            Some(Detail::RoundingUnit(u)) => unit_name(*u, lang),
            _ => "",
        };
        use Code::*;
        match (self.code, lang) {
            (SharesMismatch, Lang::En) => format!("shares add to {actual}; the total is {expected}: {gap}"),
            (SharesMismatch, Lang::Ko) => format!("재원별 금액 합계 {actual}, 총액 {expected}: {gap}"),
            (SharesRounding, Lang::En) => format!("shares add to {actual}; the stated total is {expected}: {gap}, within the rounding of {rounding_unit}"),
            (SharesRounding, Lang::Ko) => format!("재원별 금액 합계 {actual}, 명시된 총액 {expected}: {gap} ({rounding_unit} 단위 반올림 범위 안)"),
            (TotalMismatch, Lang::En) => format!("the schedule adds to {actual}; the stated total is {expected}: {gap}"),
            (TotalMismatch, Lang::Ko) => format!("연차별 금액 합계 {actual}, 명시된 총계 {expected}: {gap}"),
            (TotalRounding, Lang::En) => format!("the schedule adds to {actual}; the stated total is {expected}: {gap}, within the rounding of {rounding_unit}"),
            (TotalRounding, Lang::Ko) => format!("연차별 금액 합계 {actual}, 명시된 총계 {expected}: {gap} ({rounding_unit} 단위 반올림 범위 안)"),
            (MatchingOffRatio, Lang::En) => format!("this share is {actual}; the matching ratio gives {expected}: {gap}"),
            (MatchingOffRatio, Lang::Ko) => format!("이 재원 금액은 {actual}, 매칭 비율로는 {expected}: {gap}"),
            (OutsidePeriod, Lang::En) => format!("money in {actual}, outside the program's period {expected}"),
            (OutsidePeriod, Lang::Ko) => format!("사업기간 {expected} 밖인 {actual}년에 금액이 있습니다"),
            (OutsideRange, Lang::En) => format!("money in {actual}, outside the years {expected}"),
            (OutsideRange, Lang::Ko) => format!("기간 {expected} 밖인 {actual}년에 금액이 있습니다"),
            (Negative, Lang::En) => format!("a negative figure ({actual}) is not allowed here"),
            (Negative, Lang::Ko) => format!("여기에는 음수({actual})를 쓸 수 없습니다"),
            (SubWon, Lang::En) => format!("{actual} has a fraction of a won"),
            (SubWon, Lang::Ko) => format!("{actual}에 원 단위 미만 금액이 있습니다"),
            (BasisMismatch, Lang::En) => format!("the basis gives {expected}; the stated amount is {actual}: {gap}"),
            (BasisMismatch, Lang::Ko) => format!("산출기초 계산 결과 {expected}, 명시된 금액 {actual}: {gap}"),
            (BasisUnparsable, lang) => basis_message(self.detail.as_ref(), lang),
            (IndicatorTotalMismatch, Lang::En) => format!("the years add to {expected}; the stated total is {actual}"),
            (IndicatorTotalMismatch, Lang::Ko) => format!("연도별 합계 {expected}, 명시된 합계 {actual}"),
            (FutureActual, Lang::En) => format!("an actual is reported for {actual}, after the base year {expected}"),
            (FutureActual, Lang::Ko) => format!("기준연도 {expected}년 이후인 {actual}년에 실적이 있습니다"),
            (EmptyName, Lang::En) => "the name is empty".into(),
            (EmptyName, Lang::Ko) => "이름이 비어 있습니다".into(),
            (DuplicateName, Lang::En) => format!("“{actual}” is used more than once"),
            (DuplicateName, Lang::Ko) => format!("“{actual}”이(가) 중복됩니다"),
            (UnknownProgram, Lang::En) => format!("linked program #{actual} does not exist"),
            (UnknownProgram, Lang::Ko) => format!("연결된 사업 #{actual}이(가) 없습니다"),
            (UnknownSource, Lang::En) => format!("funding source “{actual}” is not in the plan's list"),
            (UnknownSource, Lang::Ko) => format!("재원 “{actual}”이(가) 계획의 재원 목록에 없습니다"),
            (PeriodOutsideRange, Lang::En) => format!("the period {actual} reaches outside the plan's years {expected}"),
            (PeriodOutsideRange, Lang::Ko) => format!("사업기간 {actual}이(가) 계획 기간 {expected}을(를) 벗어납니다"),
            (InvalidSdg, Lang::En) => format!("SDG {actual} does not exist (1–17)"),
            (InvalidSdg, Lang::Ko) => format!("SDG {actual}번은 없습니다(1–17)"),
            (UnreadableEntry, lang) => entry_message(self, lang, &actual, &expected),
            (PrintedMismatch, Lang::En) => format!("the figures add to {actual}; the document prints {expected}: {gap}"),
            (PrintedMismatch, Lang::Ko) => format!("계산한 합계 {actual}, 문서의 합계 {expected}: {gap}"),
            (PrintedRounding, Lang::En) => format!("the figures add to {actual}; the document prints {expected}: {gap}, within the rounding of {rounding_unit} (the document rounded from won)"),
            (PrintedRounding, Lang::Ko) => format!("계산한 합계 {actual}, 문서의 합계 {expected}: {gap} ({rounding_unit} 단위 반올림 범위 안: 문서가 원 단위에서 반올림함)"),
            (StagePriorYear, Lang::En) => format!("the prior year (전년도) is {actual}; last year's adopted budget in this plan is {expected}: {gap}"),
            (StagePriorYear, Lang::Ko) => format!("전년도 예산액 {actual}, 이 계획의 전년도 확정 예산액 {expected}: {gap}"),
            (ItemsMismatch, Lang::En) => format!("the line items add to {actual}; the 예산액 is {expected}: {gap}"),
            (ItemsMismatch, Lang::Ko) => format!("산출기초 합계 {actual}, 예산액 {expected}: {gap}"),
            (PrintedShareMismatch, Lang::En) => format!("the printed share {actual}% is not this source's share rounded (exactly {expected}%)"),
            (PrintedShareMismatch, Lang::Ko) => format!("문서의 비율 {actual}%는 이 재원의 비율을 반올림한 값이 아닙니다(정확히 {expected}%)"),
            (PrintedSharesRounding, Lang::En) => format!("the printed shares add to {actual}%, not 100%: each share was rounded on its own. The exact shares are {expected}"),
            (PrintedSharesRounding, Lang::Ko) => format!("문서의 비율 합계가 100%가 아닌 {actual}%입니다: 비율마다 따로 반올림했기 때문입니다. 정확한 비율: {expected}"),
            (PrintedSharesTotal, Lang::En) => format!("the printed shares add to {actual}%; rounding each share cannot explain the gap to 100% (exact shares: {expected})"),
            (PrintedSharesTotal, Lang::Ko) => format!("문서의 비율 합계 {actual}%: 비율별 반올림만으로는 100%와의 차이가 설명되지 않습니다(정확한 비율: {expected})"),
        }
    }
}

/// Money in a message: the exact figure in the plan's unit, with separators.
fn show(value: &Value, unit: Unit) -> String {
    match value {
        Value::Money(a) => format_figure(unit.exact_figure(*a)),
        Value::Quantity(q) => format_figure(*q),
        Value::Year(y) => y.to_string(),
        Value::Years(r) => format!("{}–{}", r.first, r.last),
        Value::Text(t) => t.clone(),
        Value::Number(n) => n.to_string(),
    }
}

/// "1 short" / "1 over": how far `actual` is from `expected`, in the unit.
fn gap_words(expected: Amount, actual: Amount, unit: Unit, lang: Lang) -> String {
    gap_words_figure(
        unit.exact_figure(expected) - unit.exact_figure(actual),
        lang,
    )
}

fn gap_words_figure(short_by: Decimal, lang: Lang) -> String {
    let size = format_figure(short_by.abs());
    match (short_by.is_sign_negative(), lang) {
        (false, Lang::En) => format!("{size} short"),
        (true, Lang::En) => format!("{size} over"),
        (false, Lang::Ko) => format!("{size} 부족"),
        (true, Lang::Ko) => format!("{size} 초과"),
    }
}

/// "the entry “12,3450” cannot be taken: commas …; the plan keeps 12,340".
fn entry_message(problem: &Problem, lang: Lang, typed: &str, kept: &str) -> String {
    let why = match &problem.detail {
        Some(Detail::Entry(error, kind)) => error.message(*kind, lang),
        _ => String::new(),
    };
    // Zero is "-" in a table, but "0" is what the cell shows.
    let kept = if kept == "-" { "0" } else { kept };
    match (lang, kept.is_empty()) {
        (Lang::En, false) => {
            format!("the entry “{typed}” cannot be taken: {why} The plan keeps {kept}.")
        }
        (Lang::En, true) => {
            format!("the entry “{typed}” cannot be taken: {why} The cell stays empty in the plan.")
        }
        (Lang::Ko, false) => format!(
            "입력한 “{typed}”을(를) 받을 수 없습니다: {why} 계획에는 {kept}이(가) 그대로 있습니다."
        ),
        (Lang::Ko, true) => format!(
            "입력한 “{typed}”을(를) 받을 수 없습니다: {why} 계획에는 빈 칸으로 남아 있습니다."
        ),
    }
}

fn basis_message(detail: Option<&Detail>, lang: Lang) -> String {
    let Some(Detail::Basis(kind, position)) = detail else {
        return String::new();
    };
    let what = match (kind, lang) {
        (BasisErrorKind::Empty, Lang::En) => "it is empty".to_string(),
        (BasisErrorKind::Empty, Lang::Ko) => "비어 있습니다".to_string(),
        (BasisErrorKind::UnexpectedChar(c), Lang::En) => {
            format!("“{c}” does not belong in a formula")
        }
        (BasisErrorKind::UnexpectedChar(c), Lang::Ko) => format!("“{c}”은(는) 식에 쓸 수 없습니다"),
        (BasisErrorKind::ExpectedNumber, Lang::En) => "a number is missing".to_string(),
        (BasisErrorKind::ExpectedNumber, Lang::Ko) => "숫자가 빠졌습니다".to_string(),
        (BasisErrorKind::UnclosedParen, Lang::En) => "a parenthesis is not closed".to_string(),
        (BasisErrorKind::UnclosedParen, Lang::Ko) => "괄호가 닫히지 않았습니다".to_string(),
        (BasisErrorKind::UnexpectedParen, Lang::En) => {
            "a closing parenthesis has no opening one".to_string()
        }
        (BasisErrorKind::UnexpectedParen, Lang::Ko) => {
            "여는 괄호 없이 닫는 괄호가 있습니다".to_string()
        }
        (BasisErrorKind::DivisionByZero, Lang::En) => "it divides by zero".to_string(),
        (BasisErrorKind::DivisionByZero, Lang::Ko) => "0으로 나눕니다".to_string(),
        (BasisErrorKind::TooLarge, Lang::En) => "the result is too large".to_string(),
        (BasisErrorKind::TooLarge, Lang::Ko) => "결과가 너무 큽니다".to_string(),
        (BasisErrorKind::MisplacedSeparator, Lang::En) => {
            "a comma does not separate groups of three digits".to_string()
        }
        (BasisErrorKind::MisplacedSeparator, Lang::Ko) => {
            "쉼표가 세 자리마다 있지 않습니다".to_string()
        }
    };
    match lang {
        Lang::En => format!("the basis cannot be read at character {position}: {what}"),
        Lang::Ko => format!("산출기초를 {position}번째 글자에서 읽을 수 없습니다: {what}"),
    }
}

/// Every problem of the plan, in document order: plan, sources, programs,
/// pledges. Pure; after an edit the app re-checks only what the edit touched
/// ([`Validation::update`]), and this whole-plan pass is the reference.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    Validation::of(plan).problems()
}

/// What an edit touched, so that [`Validation::update`] re-checks only that
/// part: the edit changed this program's (or pledge's) own fields and
/// nothing else of the plan; [`Touched::Plan`] for anything else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Touched {
    /// One program's fields (its schedule, budget, line items, shares…).
    Program(ProgramId),
    /// One pledge's fields (its schedule, indicators, classification…).
    Pledge(PledgeId),
    /// Only what no rule reads (the deck's notes, order and chart decimals).
    Presentation,
    /// Anything else: the plan's own fields, a list's membership or order.
    Plan,
}

impl Touched {
    /// What two edits together touched.
    pub fn and(self, other: Touched) -> Touched {
        match (self, other) {
            (a, b) if a == b => a,
            (Touched::Presentation, b) => b,
            (a, Touched::Presentation) => a,
            _ => Touched::Plan,
        }
    }
}

/// The plan's problems kept by part, so an edit to one program re-checks
/// that program (its schedule, 산출기초, shares) and the cheap checks across
/// programs (status totals, duplicate names, stages), not the other
/// thousands: a district's 20,000 산출기초 lines are not re-read on every
/// keystroke. [`Validation::problems`] gives the same list, in the same
/// order, as a whole-plan pass (a property test checks this).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Validation {
    /// The plan's own problems (status totals, title, sources).
    plan: Vec<Problem>,
    /// Each program's own problems, in the plan's order of programs.
    programs: Vec<(ProgramId, Vec<Problem>)>,
    /// Problems across programs (the previous year's stage, duplicate names).
    across_programs: Vec<Problem>,
    /// Each pledge's own problems, in the plan's order of pledges.
    pledges: Vec<(PledgeId, Vec<Problem>)>,
    /// Problems across pledges (duplicate numbers).
    across_pledges: Vec<Problem>,
}

impl Validation {
    /// Every part of `plan` checked.
    pub fn of(plan: &Plan) -> Validation {
        let known_sources = known_sources(plan);
        let program_ids = program_ids(plan);
        let mut v = Validation {
            programs: plan
                .programs
                .iter()
                .map(|p| (p.id, program_problems(plan, &known_sources, p)))
                .collect(),
            pledges: plan
                .pledges
                .iter()
                .map(|p| (p.id, pledge_problems(plan, &known_sources, &program_ids, p)))
                .collect(),
            ..Validation::default()
        };
        v.check_across(plan);
        v
    }

    /// Re-checks what an edit `touched` in `plan` (the plan after the edit);
    /// anything the parts kept cannot account for is checked whole.
    pub fn update(&mut self, plan: &Plan, touched: Touched) {
        let known_sources = known_sources(plan);
        let same_programs = self.programs.len() == plan.programs.len()
            && self
                .programs
                .iter()
                .zip(&plan.programs)
                .all(|((id, _), p)| *id == p.id);
        let same_pledges = self.pledges.len() == plan.pledges.len()
            && self
                .pledges
                .iter()
                .zip(&plan.pledges)
                .all(|((id, _), p)| *id == p.id);
        match touched {
            Touched::Program(id) if same_programs && same_pledges => {
                let Some(i) = plan.programs.iter().position(|p| p.id == id) else {
                    *self = Validation::of(plan);
                    return;
                };
                self.programs[i].1 = program_problems(plan, &known_sources, &plan.programs[i]);
            }
            Touched::Presentation if same_programs && same_pledges => return,
            Touched::Pledge(id) if same_programs && same_pledges => {
                let Some(i) = plan.pledges.iter().position(|p| p.id == id) else {
                    *self = Validation::of(plan);
                    return;
                };
                let program_ids = program_ids(plan);
                self.pledges[i].1 =
                    pledge_problems(plan, &known_sources, &program_ids, &plan.pledges[i]);
            }
            _ => {
                *self = Validation::of(plan);
                return;
            }
        }
        self.check_across(plan);
    }

    /// The checks that read every program or pledge but are cheap (sums,
    /// names): re-run after every edit.
    fn check_across(&mut self, plan: &Plan) {
        self.plan.clear();
        check_plan(plan, &mut self.plan);
        self.across_programs.clear();
        check_prior_year_stage(plan, &mut self.across_programs);
        duplicates(
            plan.programs
                .iter()
                .map(|p| (p.name.trim(), Place::Program(p.id))),
            &mut self.across_programs,
        );
        self.across_pledges.clear();
        duplicates(
            plan.pledges
                .iter()
                .map(|p| (p.number.trim(), Place::Pledge(p.id))),
            &mut self.across_pledges,
        );
    }

    /// Every problem, in document order: plan, sources, programs, pledges.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = self.plan.clone();
        for (_, problems) in &self.programs {
            out.extend_from_slice(problems);
        }
        out.extend_from_slice(&self.across_programs);
        for (_, problems) in &self.pledges {
            out.extend_from_slice(problems);
        }
        out.extend_from_slice(&self.across_pledges);
        out
    }
}

fn known_sources(plan: &Plan) -> HashSet<&str> {
    plan.sources.iter().map(|s| s.id.as_str()).collect()
}

fn program_ids(plan: &Plan) -> HashSet<ProgramId> {
    plan.programs.iter().map(|p| p.id).collect()
}

/// One program's own problems: its names, period, schedule, totals, shares,
/// budget, matching and 산출기초.
fn program_problems(plan: &Plan, known_sources: &HashSet<&str>, program: &Program) -> Vec<Problem> {
    let mut problems = Vec::new();
    let out = &mut problems;
    let place = || Place::Program(program.id);
    // A new row starts without a name: that is a problem once it holds figures.
    if program.name.trim().is_empty() && program.has_figures() {
        out.push(Problem::new(
            Code::EmptyName,
            Location::at(place(), Row::Name, None),
        ));
    }
    if program.period.first < plan.years.first || program.period.last > plan.years.last {
        out.push(
            Problem::new(
                Code::PeriodOutsideRange,
                Location::at(place(), Row::Period, None),
            )
            .expected(Value::Years(plan.years))
            .actual(Value::Years(program.period)),
        );
    }
    check_schedule(
        &program.schedule,
        place,
        known_sources,
        |year| {
            if !plan.years.contains(year) {
                Some((Code::OutsideRange, plan.years))
            } else if !program.period.contains(year) {
                Some((Code::OutsidePeriod, program.period))
            } else {
                None
            }
        },
        out,
    );
    let rounding = plan.rounding_of(program.schedule.rounded_in);
    if let Some(stated) = program.stated_total {
        check_stated_total(
            &program.schedule,
            stated,
            rounding,
            place(),
            Code::SharesMismatch,
            Code::SharesRounding,
            out,
        );
    }
    check_printed_totals(&program.schedule, program.period, rounding, place, out);
    check_printed_shares(program, &plan.sources, out);
    if let Some(budget) = program.budget {
        for (amount, column) in [
            (budget.this_year, Col::ThisYear),
            (budget.prior_year, Col::PriorYear),
        ] {
            check_amount(
                amount,
                Location::at(place(), Row::Budget, Some(column)),
                out,
            );
        }
        if let Some(printed) = budget.printed_change {
            let parts = [budget.this_year, budget.prior_year]
                .iter()
                .filter(|a| !a.is_zero())
                .count();
            check_printed(
                budget.change(),
                printed,
                parts,
                plan.rounding_of(plan.status_totals.rounded_in),
                Location::at(place(), Row::Budget, Some(Col::Change)),
                out,
            );
        }
    }
    check_matching(&program.matching, &program.schedule, plan.unit, place, out);
    for (index, item) in program.line_items.iter().enumerate() {
        check_line_item(
            item,
            plan.unit,
            Location::at(place(), Row::LineItem(index), None),
            out,
        );
    }
    if let (Some(budget), false) = (program.budget, program.line_items.is_empty()) {
        let total = items_total(&program.line_items, plan.unit);
        if total != Some(budget.this_year) {
            let mut problem = Problem::new(
                Code::ItemsMismatch,
                Location::at(place(), Row::Items, Some(Col::Total)),
            )
            .expected(Value::Money(budget.this_year));
            if let Some(total) = total {
                problem = problem.actual(Value::Money(total));
            }
            out.push(problem);
        }
    }
    problems
}

/// One pledge's own problems: its title, schedule, totals, links, SDGs and
/// indicators (with duplicate indicator names).
fn pledge_problems(
    plan: &Plan,
    known_sources: &HashSet<&str>,
    program_ids: &HashSet<ProgramId>,
    pledge: &Pledge,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let out = &mut problems;
    let place = || Place::Pledge(pledge.id);
    if pledge.title.trim().is_empty() && pledge.has_figures() {
        out.push(Problem::new(
            Code::EmptyName,
            Location::at(place(), Row::Name, None),
        ));
    }
    check_schedule(
        &pledge.schedule,
        place,
        known_sources,
        |year| (!pledge.term.contains(year)).then_some((Code::OutsideRange, pledge.term)),
        out,
    );
    let rounding = plan.rounding_of(pledge.schedule.rounded_in);
    if let Some(stated) = pledge.stated_total {
        check_stated_total(
            &pledge.schedule,
            stated,
            rounding,
            place(),
            Code::TotalMismatch,
            Code::TotalRounding,
            out,
        );
    }
    check_printed_totals(&pledge.schedule, pledge.term, rounding, place, out);
    for (index, id) in pledge.programs.iter().enumerate() {
        if !program_ids.contains(id) {
            out.push(
                Problem::new(
                    Code::UnknownProgram,
                    Location::at(place(), Row::Link(index), None),
                )
                .actual(Value::Number(u64::from(*id))),
            );
        }
    }
    for sdg in &pledge.classification.sdgs {
        if !(1..=17).contains(sdg) {
            out.push(
                Problem::new(Code::InvalidSdg, Location::at(place(), Row::Sdg, None))
                    .actual(Value::Number(u64::from(*sdg))),
            );
        }
    }
    for indicator in &pledge.indicators {
        let place = || Place::Indicator(pledge.id, indicator.id);
        if indicator.name.trim().is_empty() && indicator.has_figures() {
            out.push(Problem::new(
                Code::EmptyName,
                Location::at(place(), Row::Name, None),
            ));
        }
        let summary = indicator_summary(indicator);
        for (stated, sum, row) in [
            (
                indicator.stated_target_total,
                summary.target_total,
                Row::Target,
            ),
            (
                indicator.stated_actual_total,
                summary.actual_total,
                Row::Actual,
            ),
        ] {
            if let Some(stated) = stated {
                if stated != sum {
                    out.push(
                        Problem::new(
                            Code::IndicatorTotalMismatch,
                            Location::at(place(), row, Some(Col::Total)),
                        )
                        .expected(Value::Quantity(sum))
                        .actual(Value::Quantity(stated)),
                    );
                }
            }
        }
        for (year, y) in &indicator.years {
            for (value, row) in [(y.target, Row::Target), (y.actual, Row::Actual)] {
                if let Some(v) = value.filter(|v| v.is_sign_negative() && !v.is_zero()) {
                    out.push(
                        Problem::new(
                            Code::Negative,
                            Location::at(place(), row, Some(Col::Year(*year))),
                        )
                        .actual(Value::Quantity(v)),
                    );
                }
            }
            if y.actual.is_some() && *year > plan.base_year {
                out.push(
                    Problem::new(
                        Code::FutureActual,
                        Location::at(place(), Row::Actual, Some(Col::Year(*year))),
                    )
                    .expected(Value::Year(plan.base_year))
                    .actual(Value::Year(*year)),
                );
            }
        }
    }
    duplicates(
        pledge
            .indicators
            .iter()
            .map(|i| (i.name.trim(), Place::Indicator(pledge.id, i.id))),
        out,
    );
    problems
}

fn check_plan(plan: &Plan, out: &mut Vec<Problem>) {
    check_status_totals(plan, out);
    if plan.title.trim().is_empty() {
        out.push(Problem::new(
            Code::EmptyName,
            Location::at(Place::Plan, Row::Name, None),
        ));
    }
    for source in &plan.sources {
        if source.name_ko.trim().is_empty() && source.name_en.trim().is_empty() {
            out.push(Problem::new(
                Code::EmptyName,
                Location::at(Place::Source(source.id.clone()), Row::Name, None),
            ));
        }
    }
    duplicates(
        plan.sources
            .iter()
            .map(|s| (s.name_ko.trim(), Place::Source(s.id.clone()))),
        out,
    );
}

/// Reports the second and later uses of each non-empty name.
fn duplicates<'a>(names: impl Iterator<Item = (&'a str, Place)>, out: &mut Vec<Problem>) {
    let mut seen = HashSet::new();
    for (name, place) in names {
        if !name.is_empty() && !seen.insert(name) {
            out.push(
                Problem::new(Code::DuplicateName, Location::at(place, Row::Name, None))
                    .actual(Value::Text(name.to_string())),
            );
        }
    }
}

/// Negative and sub-won amounts.
fn check_amount(amount: Amount, location: Location, out: &mut Vec<Problem>) {
    if amount.is_negative() {
        out.push(Problem::new(Code::Negative, location.clone()).actual(Value::Money(amount)));
    }
    if !amount.as_decimal().fract().is_zero() {
        out.push(Problem::new(Code::SubWon, location).actual(Value::Money(amount)));
    }
}

/// Cells of a schedule: known source, allowed year, no negative, whole won.
fn check_schedule(
    schedule: &Schedule,
    place: impl Fn() -> Place,
    known_sources: &HashSet<&str>,
    year_rule: impl Fn(Year) -> Option<(Code, YearRange)>,
    out: &mut Vec<Problem>,
) {
    for row in &schedule.rows {
        if !known_sources.contains(row.source.as_str()) {
            out.push(
                Problem::new(
                    Code::UnknownSource,
                    Location::at(place(), Row::Source(row.source.clone()), None),
                )
                .actual(Value::Text(row.source.clone())),
            );
        }
        for (column, amount) in row.cells() {
            if amount.is_zero() {
                continue;
            }
            // Built only when needed: this loop runs for every cell of every schedule.
            let location = || {
                Location::at(
                    place(),
                    Row::Source(row.source.clone()),
                    Some(Col::Cell(column)),
                )
            };
            if let Column::Year(year) = column {
                if let Some((code, range)) = year_rule(year) {
                    out.push(
                        Problem::new(code, location())
                            .expected(Value::Years(range))
                            .actual(Value::Year(year)),
                    );
                }
            }
            if amount.is_negative() || !amount.as_decimal().fract().is_zero() {
                check_amount(amount, location(), out);
            }
        }
    }
}

/// How far a printed figure may be from the computed one and still be
/// rounding: half a unit of the unit it is written in, plus one unit of the
/// table's rounding for each figure it sums (DOMAIN.md §2: rows kept in won,
/// printed in 백만원, stop footing by a unit or so).
pub fn rounding_slack(parts: usize, rounded_in: Option<Unit>, written_in: Unit) -> Decimal {
    let half = Decimal::new(5, 1);
    let written = written_in.won_per_unit() * half;
    match rounded_in {
        Some(unit) => written + unit.won_per_unit() * Decimal::from(parts as u64),
        None => written,
    }
}

/// The coarser of two units: the one a rounding difference is told in.
fn coarser(a: Unit, b: Option<Unit>) -> Unit {
    match b {
        Some(b) if b.won_per_unit() > a.won_per_unit() => b,
        _ => a,
    }
}

/// The schedule against its stated total: an error, or a rounding warning
/// when the difference is within [`rounding_slack`].
fn check_stated_total(
    schedule: &Schedule,
    stated: Stated,
    rounded_in: Option<Unit>,
    place: Place,
    mismatch: Code,
    rounding: Code,
    out: &mut Vec<Problem>,
) {
    check_amount(
        stated.amount,
        Location::at(place.clone(), Row::Total, Some(Col::Total)),
        out,
    );
    let sum = schedule_sum(schedule);
    if sum == stated.amount {
        return;
    }
    let parts = schedule
        .rows
        .iter()
        .flat_map(|r| r.cells())
        .filter(|(_, a)| !a.is_zero())
        .count();
    let tolerance = rounding_slack(parts, rounded_in, stated.unit);
    let difference = (sum - stated.amount).as_decimal().abs();
    let code = if difference <= tolerance {
        rounding
    } else {
        mismatch
    };
    let mut problem = Problem::new(code, Location::at(place, Row::Total, Some(Col::Total)))
        .expected(Value::Money(stated.amount))
        .actual(Value::Money(sum));
    if code == rounding {
        problem = problem.detail(Detail::RoundingUnit(coarser(stated.unit, rounded_in)));
    }
    out.push(problem);
}

/// One printed figure against the computed one: nothing when equal, a
/// rounding warning within [`rounding_slack`] of `parts` figures, else an error.
fn check_printed(
    computed: Amount,
    printed: Amount,
    parts: usize,
    rounded_in: Option<Unit>,
    location: Location,
    out: &mut Vec<Problem>,
) {
    if computed == printed {
        return;
    }
    let written_in = rounded_in.unwrap_or(Unit::Won);
    let difference = (computed - printed).as_decimal().abs();
    let within =
        rounded_in.is_some() && difference <= rounding_slack(parts, rounded_in, written_in);
    let code = if within {
        Code::PrintedRounding
    } else {
        Code::PrintedMismatch
    };
    let mut problem = Problem::new(code, location)
        .expected(Value::Money(printed))
        .actual(Value::Money(computed));
    if within {
        problem = problem.detail(Detail::RoundingUnit(written_in));
    }
    out.push(problem);
}

/// What a printed total cell of a schedule covers: the computed sum and how
/// many non-zero figures it adds.
pub fn printed_cell_sum(
    schedule: &Schedule,
    cell: &PrintedCell,
    term: YearRange,
) -> (Amount, usize) {
    let in_term = |c: &Column| matches!(c, Column::Year(y) if term.contains(*y));
    let figures: Vec<Amount> = match cell {
        PrintedCell::RowTotal(source) => schedule
            .row(source)
            .map(|r| r.cells().map(|(_, a)| a).collect())
            .unwrap_or_default(),
        PrintedCell::RowInTerm(source) => schedule
            .row(source)
            .map(|r| {
                r.cells()
                    .filter(|(c, _)| in_term(c))
                    .map(|(_, a)| a)
                    .collect()
            })
            .unwrap_or_default(),
        PrintedCell::ColumnTotal(column) => schedule.rows.iter().map(|r| r.cell(*column)).collect(),
        PrintedCell::InTerm => schedule
            .rows
            .iter()
            .flat_map(|r| r.cells().filter(|(c, _)| in_term(c)).map(|(_, a)| a))
            .collect(),
    };
    let parts = figures.iter().filter(|a| !a.is_zero()).count();
    (figures.into_iter().sum(), parts)
}

/// The validation location of a printed total cell.
pub fn printed_location(place: Place, cell: &PrintedCell) -> Location {
    let (row, column) = match cell {
        PrintedCell::RowTotal(s) => (Row::Source(s.clone()), Col::PrintedTotal),
        PrintedCell::RowInTerm(s) => (Row::Source(s.clone()), Col::PrintedInTerm),
        PrintedCell::ColumnTotal(c) => (Row::Total, Col::Cell(*c)),
        PrintedCell::InTerm => (Row::Total, Col::PrintedInTerm),
    };
    Location::at(place, row, Some(column))
}

/// Every printed total of a schedule against what its figures add to.
fn check_printed_totals(
    schedule: &Schedule,
    term: YearRange,
    rounded_in: Option<Unit>,
    place: impl Fn() -> Place,
    out: &mut Vec<Problem>,
) {
    for (cell, printed) in &schedule.printed {
        let (sum, parts) = printed_cell_sum(schedule, cell, term);
        check_printed(
            sum,
            *printed,
            parts,
            rounded_in,
            printed_location(place(), cell),
            out,
        );
    }
}

/// The budget status table's printed 계 row against its rows.
fn check_status_totals(plan: &Plan, out: &mut Vec<Problem>) {
    let totals = plan.status_totals;
    let rounded_in = plan.rounding_of(totals.rounded_in);
    let rows: Vec<_> = plan.budget_rows().map(|(_, b)| b).collect();
    let count = |f: fn(&crate::model::plan::YearBudget) -> Amount| {
        rows.iter().filter(|b| !f(b).is_zero()).count()
    };
    let this_year: Amount = rows.iter().map(|b| b.this_year).sum();
    let prior_year: Amount = rows.iter().map(|b| b.prior_year).sum();
    for (printed, computed, parts, column) in [
        (
            totals.this_year,
            this_year,
            count(|b| b.this_year),
            Col::ThisYear,
        ),
        (
            totals.prior_year,
            prior_year,
            count(|b| b.prior_year),
            Col::PriorYear,
        ),
        (
            totals.change,
            this_year - prior_year,
            count(|b| b.this_year) + count(|b| b.prior_year),
            Col::Change,
        ),
    ] {
        if let Some(printed) = printed {
            check_printed(
                computed,
                printed,
                parts,
                rounded_in,
                Location::at(Place::Plan, Row::StatusTotal, Some(column)),
                out,
            );
        }
    }
}

/// A program's printed shares (%): each must be its source's exact share
/// rounded to the decimals printed; shares that then add to 100.01 or 99.99
/// are rounding, explained with the exact shares.
fn check_printed_shares(
    program: &crate::model::plan::Program,
    sources: &[crate::model::plan::FundingSource],
    out: &mut Vec<Problem>,
) {
    if program.printed_shares.is_empty() {
        return;
    }
    let total = program
        .stated_total
        .map(|s| s.amount)
        .unwrap_or_else(|| schedule_sum(&program.schedule));
    if total.is_zero() {
        return;
    }
    let exact_of = |source: &str| {
        let share = program
            .schedule
            .row(source)
            .map(ScheduleRow::total)
            .unwrap_or_default();
        share
            .as_decimal()
            .checked_mul(Decimal::ONE_HUNDRED)
            .and_then(|x| x.checked_div(total.as_decimal()))
            .unwrap_or_default()
    };
    let decimals = program
        .printed_shares
        .values()
        .map(|p| p.normalize().scale())
        .max()
        .unwrap_or(0);
    let half = Decimal::new(5, decimals + 1);
    let mut all_rounded = true;
    for (source, printed) in &program.printed_shares {
        let exact = exact_of(source);
        if (exact - printed).abs() > half {
            all_rounded = false;
            out.push(
                Problem::new(
                    Code::PrintedShareMismatch,
                    Location::at(
                        Place::Program(program.id),
                        Row::Source(source.clone()),
                        Some(Col::PrintedPercent),
                    ),
                )
                .expected(Value::Quantity(round_half_up(exact, 4).normalize()))
                .actual(Value::Quantity(printed.normalize())),
            );
        }
    }
    let sum: Decimal = program.printed_shares.values().sum();
    if !all_rounded || sum == Decimal::ONE_HUNDRED {
        return;
    }
    // In the plan's order of sources, then any other the program names.
    let mut keys: Vec<&String> = sources
        .iter()
        .map(|s| &s.id)
        .filter(|id| program.printed_shares.contains_key(*id))
        .collect();
    keys.extend(
        program
            .printed_shares
            .keys()
            .filter(|k| sources.iter().all(|s| &s.id != *k)),
    );
    let exact_list = keys
        .into_iter()
        .map(|s| format!("{}%", format_figure(round_half_up(exact_of(s), 4))))
        .collect::<Vec<_>>()
        .join(" + ");
    let parts = Decimal::from(program.printed_shares.len() as u64);
    let code = if (sum - Decimal::ONE_HUNDRED).abs() <= half * parts {
        Code::PrintedSharesRounding
    } else {
        Code::PrintedSharesTotal
    };
    out.push(
        Problem::new(
            code,
            Location::at(
                Place::Program(program.id),
                Row::Total,
                Some(Col::PrintedPercent),
            ),
        )
        .expected(Value::Text(exact_list))
        .actual(Value::Quantity(sum.normalize())),
    );
}

/// Each share against the matching ratio: off by more than one display unit is an error.
fn check_matching(
    ratio: &[RatioShare],
    schedule: &Schedule,
    unit: Unit,
    place: impl Fn() -> Place,
    out: &mut Vec<Problem>,
) {
    let weights: u64 = ratio.iter().map(|r| u64::from(r.weight)).sum();
    if weights == 0 {
        return;
    }
    let total = schedule_sum(schedule).as_decimal();
    let share_of = |source: &str| {
        schedule
            .row(source)
            .map(ScheduleRow::total)
            .unwrap_or_default()
    };
    let mut report = |source: &SourceId, expected: Amount, actual: Amount| {
        if (actual - expected).as_decimal().abs() > unit.won_per_unit() {
            out.push(
                Problem::new(
                    Code::MatchingOffRatio,
                    Location::at(place(), Row::Source(source.clone()), Some(Col::Total)),
                )
                .expected(Value::Money(expected))
                .actual(Value::Money(actual)),
            );
        }
    };
    for share in ratio {
        let expected = Amount::from_won(round_half_up(
            crate::rules::shares::part_of(total, u64::from(share.weight), weights),
            0,
        ));
        report(&share.source, expected, share_of(&share.source));
    }
    // A source outside the ratio should hold nothing.
    for row in schedule
        .rows
        .iter()
        .filter(|r| ratio.iter().all(|s| s.source != r.source))
    {
        report(&row.source, Amount::ZERO, row.total());
    }
}

/// A line item's basis must give its stated amount (to the won), when it
/// states one; negative lines (절감액 △…) are adjustments and allowed.
fn check_line_item(
    item: &crate::model::plan::LineItem,
    unit: Unit,
    location: Location,
    out: &mut Vec<Problem>,
) {
    let with_column = |column| Location {
        column: Some(column),
        ..location.clone()
    };
    let check = check_line(item, unit);
    if let Some(stated) = check.stated {
        if !stated.as_decimal().fract().is_zero() {
            out.push(
                Problem::new(Code::SubWon, with_column(Col::Stated)).actual(Value::Money(stated)),
            );
        }
    }
    if let Some(e) = check.error {
        out.push(
            Problem::new(Code::BasisUnparsable, with_column(Col::Basis))
                .detail(Detail::Basis(e.kind, e.position)),
        );
        return;
    }
    if let (Some(evaluated), Some(stated)) = (check.evaluated, check.stated) {
        if evaluated != stated {
            out.push(
                Problem::new(Code::BasisMismatch, with_column(Col::Stated))
                    .expected(Value::Money(evaluated))
                    .actual(Value::Money(stated)),
            );
        }
    }
}

/// The stage adopted for `year`: the last locked stage of that year, else
/// its last stage.
pub fn adopted_stage(plan: &Plan, year: Year) -> Option<StageId> {
    let of_year = || plan.stages.list.iter().filter(move |s| s.year == year);
    of_year()
        .filter(|s| s.locked)
        .last()
        .or_else(|| of_year().last())
        .map(|s| s.id)
}

/// A stage's 전년도 예산액 against the 예산액 of the previous year's adopted
/// stage, program by program, when the plan holds such a stage.
fn check_prior_year_stage(plan: &Plan, out: &mut Vec<Problem>) {
    let Some(year) = plan.stages.current_stage().map(|s| s.year) else {
        return;
    };
    // Another year's stage is never the one being edited: its money is read
    // where the stage keeps it (validation runs on every keystroke, so the
    // plan is not copied to read it).
    let Some(previous) = year
        .checked_sub(1)
        .and_then(|y| adopted_stage(plan, y))
        .filter(|id| *id != plan.stages.current)
        .and_then(|id| plan.stages.figures.get(&id))
    else {
        return;
    };
    for program in &plan.programs {
        let (Some(now), Some(then)) = (
            program.budget,
            previous.programs.get(&program.id).and_then(|p| p.budget),
        ) else {
            continue;
        };
        if now.prior_year != then.this_year {
            out.push(
                Problem::new(
                    Code::StagePriorYear,
                    Location::at(
                        Place::Program(program.id),
                        Row::Budget,
                        Some(Col::PriorYear),
                    ),
                )
                .expected(Value::Money(then.this_year))
                .actual(Value::Money(now.prior_year)),
            );
        }
    }
}

/// Counts of problems by severity, for the problems panel's heading.
pub fn count_by_severity(problems: &[Problem]) -> (usize, usize) {
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    (errors, problems.len() - errors)
}
