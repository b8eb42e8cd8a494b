//! What the document view (the overview, also the print view) shows: the
//! tables of DOMAIN.md §1.1–§1.5 as figures in a display unit, footed so that
//! every shown row and column adds up exactly as printed, and the §1.2 inline
//! split line (`1,167,388천원 (국 622,500, 시 247,313, 구비 297,575)`).
//!
//! A plan keeps its amounts exactly in won; shown in a coarser unit than they
//! were entered in, rounding each cell on its own would leave tables a unit off
//! their totals. Everything here rounds with [`crate::rules::foot`] (largest
//! remainder) instead, and says whether any figure was rounded at all so that
//! the view can tell the reader.

use rust_decimal::Decimal;

use crate::model::amount::{format_figure, Amount, Unit};
use crate::model::plan::{
    Column, FundingSource, Indicator, IndicatorId, Owner, Plan, PrintedCell, Program, ProgramId,
    Quantity, Schedule, SourceId, StaffingRow, Year, YearRange,
};
use crate::model::words::Lang;
use crate::rules::derive::{indicator_summary, schedule_totals, staffing_totals, StaffingTotals};
use crate::rules::foot::{foot, foot_grid};
use crate::rules::validate::printed_cell_sum;

/// An amount's exact figure in `unit`, unrounded: the input of footing.
fn exact(amount: Amount, unit: Unit) -> Decimal {
    amount.as_decimal() / unit.won_per_unit()
}

/// Whether showing `amount` in whole `unit`s loses anything, so that the view
/// can say the table was rounded.
fn loses_in(amount: Amount, unit: Unit) -> bool {
    !exact(amount, unit).fract().is_zero()
}

/// The three figures of a row of the budget status table, as shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatusFigures {
    /// 예산액
    pub this_year: Decimal,
    /// 전년도 예산액
    pub prior_year: Decimal,
    /// 증(△)감: the shown this year less the shown prior year, so that the
    /// change reads true against the figures beside it.
    pub change: Decimal,
}

/// One unit program's row of the shown status table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusLine {
    /// The program the row is.
    pub program: ProgramId,
    /// The unit program's name.
    pub name: String,
    /// The shown figures.
    pub figures: StatusFigures,
    /// The document's printed 증감, when it differs from the computed one (exact).
    pub printed_change: Option<Decimal>,
}

/// 예산현황 (§1.1) as the document shows it: 계 first, then one row per unit
/// program; each column foots to its 계 in the display unit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StatusDocument {
    /// The 계 row.
    pub total: StatusFigures,
    /// The unit programs, in plan order.
    pub rows: Vec<StatusLine>,
    /// Whether any figure had to be rounded to the display unit.
    pub rounded: bool,
    /// The document's printed 계 row (예산액, 전년도, 증감), each where it
    /// differs from the computed one (exact, in `unit`).
    pub printed: [Option<Decimal>; 3],
}

/// The budget status table in `unit`. The 예산액 and 전년도 columns are each
/// footed to the rounding of their exact sums; the change is shown as their
/// difference row by row, so it foots too (down and across).
pub fn status_document(plan: &Plan, unit: Unit) -> StatusDocument {
    let rows: Vec<_> = plan.budget_rows().collect();
    let this_year: Vec<Decimal> = rows.iter().map(|(_, b)| exact(b.this_year, unit)).collect();
    let prior_year: Vec<Decimal> = rows
        .iter()
        .map(|(_, b)| exact(b.prior_year, unit))
        .collect();
    let (this_shown, this_total) = foot(&this_year, 0);
    let (prior_shown, prior_total) = foot(&prior_year, 0);
    let rounded = rows
        .iter()
        .any(|(_, b)| loses_in(b.this_year, unit) || loses_in(b.prior_year, unit));
    let sum_this: Amount = rows.iter().map(|(_, b)| b.this_year).sum();
    let sum_prior: Amount = rows.iter().map(|(_, b)| b.prior_year).sum();
    let totals = plan.status_totals;
    let differing = |printed: Option<Amount>, computed: Amount| {
        printed.filter(|p| *p != computed).map(|p| exact(p, unit))
    };
    StatusDocument {
        printed: [
            differing(totals.this_year, sum_this),
            differing(totals.prior_year, sum_prior),
            differing(totals.change, sum_this - sum_prior),
        ],
        total: StatusFigures {
            this_year: this_total,
            prior_year: prior_total,
            change: this_total - prior_total,
        },
        rows: rows
            .iter()
            .zip(this_shown.iter().zip(&prior_shown))
            .map(
                |((program, budget), (&this_year, &prior_year))| StatusLine {
                    program: program.id,
                    name: program.name.clone(),
                    printed_change: differing(budget.printed_change, budget.change()),
                    figures: StatusFigures {
                        this_year,
                        prior_year,
                        change: this_year - prior_year,
                    },
                },
            )
            .collect(),
        rounded,
    }
}

/// One source's share in a split line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitShare {
    /// The funding source.
    pub source: SourceId,
    /// The shown figure, footed to the line's total.
    pub figure: Decimal,
    /// Where the share comes from, if the plan says (seed 004).
    pub note: String,
}

/// A program's cost and its split over sources (§1.2), as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitLine {
    /// The program.
    pub program: ProgramId,
    /// The program's name.
    pub name: String,
    /// The shown total: the rounding of the exact total.
    pub total: Decimal,
    /// The sources with money, in the schedule's order; they add to `total`.
    pub shares: Vec<SplitShare>,
    /// Whether any figure had to be rounded to the display unit.
    pub rounded: bool,
}

/// A program's split line in `unit`: each source's share over every column
/// of its schedule, sources without money left out, footed to the total.
pub fn split_line(program: &Program, unit: Unit) -> SplitLine {
    let shares: Vec<(SourceId, Amount, String)> = program
        .schedule
        .rows
        .iter()
        .map(|row| (row.source.clone(), row.total(), row.note.clone()))
        .filter(|(_, amount, _)| !amount.is_zero())
        .collect();
    let figures: Vec<Decimal> = shares.iter().map(|(_, a, _)| exact(*a, unit)).collect();
    let (shown, total) = foot(&figures, 0);
    let rounded = program
        .schedule
        .rows
        .iter()
        .flat_map(|row| row.cells().map(|(_, amount)| amount))
        .any(|amount| loses_in(amount, unit))
        || shares.iter().any(|(_, a, _)| loses_in(*a, unit));
    SplitLine {
        program: program.id,
        name: program.name.clone(),
        total,
        shares: shares
            .into_iter()
            .zip(shown)
            .map(|((source, _, note), figure)| SplitShare {
                source,
                figure,
                note,
            })
            .collect(),
        rounded,
    }
}

/// Whether a schedule holds any money (a program "with a schedule").
pub fn has_money(schedule: &Schedule) -> bool {
    schedule
        .rows
        .iter()
        .any(|row| row.cells().any(|(_, amount)| !amount.is_zero()))
}

/// The split lines of every program with money in its schedule, in plan order.
pub fn split_lines(plan: &Plan, unit: Unit) -> Vec<SplitLine> {
    plan.programs
        .iter()
        .filter(|p| has_money(&p.schedule))
        .map(|p| split_line(p, unit))
        .collect()
}

/// How the §1.2 line abbreviates a source (국비 → 국, 시비 → 시; 구비 stays,
/// as the documents write it); any other name is written in full.
pub fn short_source_name(name_ko: &str) -> &str {
    match name_ko {
        "국비" => "국",
        "시비" => "시",
        "시도비" => "시도",
        other => other,
    }
}

/// A source's name for a split line, in `lang`; a key the plan does not list
/// is written as it is.
fn source_word(sources: &[FundingSource], id: &str, lang: Lang, short: bool) -> String {
    match sources.iter().find(|s| s.id == id) {
        Some(s) => match lang {
            Lang::Ko if short => short_source_name(&s.name_ko).to_string(),
            Lang::Ko => s.name_ko.clone(),
            Lang::En => s.name_en.clone(),
        },
        None => id.to_string(),
    }
}

/// A total written in a sentence: `0` rather than the table's `-`.
fn total_text(figure: Decimal) -> String {
    if figure.is_zero() {
        "0".into()
    } else {
        format_figure(figure)
    }
}

/// An amount in `unit` as a sentence writes it: `1,167,388천원`,
/// `KRW 1,167,388 thousand`.
pub fn amount_phrase(figure: Decimal, unit: Unit, lang: Lang) -> String {
    let figure = total_text(figure);
    match (lang, unit) {
        (Lang::Ko, Unit::Won) => format!("{figure}원"),
        (Lang::Ko, Unit::Thousand) => format!("{figure}천원"),
        (Lang::Ko, Unit::Million) => format!("{figure}백만원"),
        (Lang::En, Unit::Won) => format!("KRW {figure}"),
        (Lang::En, Unit::Thousand) => format!("KRW {figure} thousand"),
        (Lang::En, Unit::Million) => format!("KRW {figure} million"),
    }
}

impl SplitLine {
    /// The line as the documents write it:
    /// `1,167,388천원 (국 622,500, 시 247,313, 구비 297,575)`, or with one
    /// source taking it all, `1,000,000천원 (시비)`; in English
    /// `KRW 1,167,388 thousand (National 622,500, City 247,313, District 297,575)`.
    pub fn text(&self, sources: &[FundingSource], unit: Unit, lang: Lang) -> String {
        let mut text = amount_phrase(self.total, unit, lang);
        match self.shares.as_slice() {
            [] => {}
            [only] => {
                text.push_str(&format!(
                    " ({})",
                    source_word(sources, &only.source, lang, false)
                ));
            }
            shares => {
                let parts: Vec<String> = shares
                    .iter()
                    .map(|s| {
                        format!(
                            "{} {}",
                            source_word(sources, &s.source, lang, true),
                            format_figure(s.figure)
                        )
                    })
                    .collect();
                text.push_str(&format!(" ({})", parts.join(", ")));
            }
        }
        text
    }
}

/// One row of a shown schedule table (§1.3): 총계, 기투자, 소계, years, 장기.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduleLine {
    /// The source, or `None` for the 계 row.
    pub source: Option<SourceId>,
    /// 총계: every shown cell of the row added up.
    pub grand_total: Decimal,
    /// 임기 내 소계: the shown cells of the term's years added up.
    pub in_term: Decimal,
    /// The shown cells, one per [`ScheduleDocument::columns`] entry.
    pub cells: Vec<Decimal>,
    /// 연평균, footed down the column, when the table has one.
    pub average: Option<Decimal>,
    /// The document's printed 총계, when it differs from the computed one
    /// (exact, in the shown unit).
    pub printed_total: Option<Decimal>,
    /// The printed 소계, when it differs.
    pub printed_in_term: Option<Decimal>,
    /// The printed figure of each column (the 계 row only), where it differs.
    pub printed_cells: Vec<Option<Decimal>>,
}

/// A pledge's or program's schedule as §1.3 prints it, footed both ways.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduleDocument {
    /// 기투자, the years, 장기, in order.
    pub columns: Vec<Column>,
    /// The term whose years make up 소계.
    pub term: YearRange,
    /// The 계 row.
    pub total: ScheduleLine,
    /// One row per funding source of the plan (then any other the schedule names).
    pub rows: Vec<ScheduleLine>,
    /// Whether any figure had to be rounded to the display unit.
    pub rounded: bool,
}

impl ScheduleDocument {
    /// Whether a column's cells count towards 소계.
    pub fn in_term(&self, column: Column) -> bool {
        matches!(column, Column::Year(y) if self.term.contains(y))
    }
}

/// A schedule in `unit`: the cells footed as a grid (largest remainder), so
/// each source's 총계 is its shown cells added up, each column's 계 its shown
/// cells added down, and the corner both.
pub fn schedule_document(
    schedule: &Schedule,
    sources: &[FundingSource],
    term: YearRange,
    unit: Unit,
) -> ScheduleDocument {
    let totals = schedule_totals(schedule, sources, term);
    let grid: Vec<Vec<Decimal>> = totals
        .rows
        .iter()
        .map(|row| row.cells.iter().map(|a| exact(*a, unit)).collect())
        .collect();
    let footed = foot_grid(&grid, 0);
    let in_term_of = |cells: &[Decimal]| totals.in_term_of(cells, term);
    let (averages, average) = if schedule.average {
        let (rows, total) = crate::views::grid::average_column(&grid, in_term_of, term);
        (rows.into_iter().map(Some).collect(), Some(total))
    } else {
        (vec![None; grid.len()], None)
    };
    // A printed figure is shown where it differs from what the figures add to.
    let differing = |cell: PrintedCell| {
        let printed = *schedule.printed.get(&cell)?;
        let (sum, _) = printed_cell_sum(schedule, &cell, term);
        (printed != sum).then(|| exact(printed, unit))
    };
    let rows = totals
        .rows
        .iter()
        .zip(footed.cells.iter().zip(&footed.row_totals))
        .zip(averages)
        .map(|((row, (cells, row_total)), average)| ScheduleLine {
            source: Some(row.source.clone()),
            grand_total: *row_total,
            in_term: in_term_of(cells),
            cells: cells.clone(),
            average,
            printed_total: differing(PrintedCell::RowTotal(row.source.clone())),
            printed_in_term: differing(PrintedCell::RowInTerm(row.source.clone())),
            printed_cells: Vec::new(),
        })
        .collect();
    let column_totals = if footed.column_totals.is_empty() {
        vec![Decimal::ZERO; totals.columns.len()]
    } else {
        footed.column_totals.clone()
    };
    let rounded = totals
        .rows
        .iter()
        .flat_map(|row| row.cells.iter())
        .any(|a| loses_in(*a, unit));
    ScheduleDocument {
        total: ScheduleLine {
            source: None,
            grand_total: footed.total,
            in_term: in_term_of(&column_totals),
            cells: column_totals,
            average,
            printed_total: None,
            printed_in_term: differing(PrintedCell::InTerm),
            printed_cells: totals
                .columns
                .iter()
                .map(|c| differing(PrintedCell::ColumnTotal(*c)))
                .collect(),
        },
        columns: totals.columns,
        term,
        rows,
        rounded,
    }
}

/// A line item as the overview and the exports print it under its program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BasisLine {
    /// What the money is for.
    pub name: String,
    /// The 산출기초 as a line: the basis, with its amount after `=` when the
    /// basis does not state one (`5,000원 × 300부 = 1,500`).
    pub text: String,
    /// The line's amount in `unit`, exact (what it adds to the items' total).
    pub amount: Decimal,
}

/// A program's line items as lines, with their total and the 예산액 it is
/// checked against, all exact in `unit`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BasisLines {
    /// The lines in order.
    pub lines: Vec<BasisLine>,
    /// What the lines add to (`None` past the largest amount).
    pub total: Option<Decimal>,
    /// The program's 예산액, when it is a row of the status table.
    pub budget: Option<Decimal>,
}

/// The 산출기초 lines of a program in `unit`.
pub fn basis_lines(program: &Program, unit: Unit) -> BasisLines {
    use crate::rules::basis::{check_line, items_total, split_stated};
    let lines = program
        .line_items
        .iter()
        .map(|item| {
            let check = check_line(item, unit);
            let amount = exact(check.amount, unit);
            let basis = item.basis.trim();
            let figure = format_figure(amount);
            let bare = crate::model::amount::parse_figure(basis).is_ok();
            let text = if basis.is_empty() || bare {
                figure
            } else if split_stated(basis).1.is_some() || check.error.is_some() {
                basis.to_string()
            } else {
                format!("{basis} = {figure}")
            };
            BasisLine {
                name: item.name.clone(),
                text,
                amount,
            }
        })
        .collect();
    BasisLines {
        lines,
        total: items_total(&program.line_items, unit).map(|t| exact(t, unit)),
        budget: program.budget.map(|b| exact(b.this_year, unit)),
    }
}

/// A program's or pledge's schedule in `unit` with its stated total as the
/// printed 총계 where it differs: what the overview and the deck show.
pub fn owner_schedule_document(plan: &Plan, owner: Owner, unit: Unit) -> Option<ScheduleDocument> {
    let schedule = plan.schedule(owner)?;
    let mut doc = schedule_document(schedule, &plan.sources, plan.schedule_years(owner), unit);
    doc.total.printed_total = plan
        .stated_total(owner)
        .filter(|s| s.amount != crate::rules::derive::schedule_sum(schedule))
        .map(|s| exact(s.amount, unit));
    Some(doc)
}

/// Whether a program's schedule gets its own table in the overview beside its
/// split line: when the planner asked for a 연평균 column or typed printed
/// totals (a multi-year schedule alone stays a split line, as before, so a
/// district-sized overview stays quick).
pub fn wants_table(schedule: &Schedule) -> bool {
    schedule.average || !schedule.printed.is_empty()
}

/// An indicator's table as §1.4 prints it: 목표 and 실적 by year, their totals
/// and 이행율.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorDocument {
    /// The indicator.
    pub indicator: IndicatorId,
    /// What is counted.
    pub name: String,
    /// Its unit (건).
    pub unit: String,
    /// The year columns: the term, plus any year the indicator has figures for.
    pub years: Vec<Year>,
    /// 목표 per year (`None`: none set).
    pub targets: Vec<Option<Quantity>>,
    /// 실적 per year (`None`: not yet reported).
    pub actuals: Vec<Option<Quantity>>,
    /// The sum of the yearly targets.
    pub target_total: Quantity,
    /// The sum of the actuals reported so far.
    pub actual_total: Quantity,
    /// 이행율, one decimal; `None` before any actual is reported.
    pub achievement: Option<Decimal>,
    /// Why a year went as it did, for the note under the table.
    pub notes: Vec<(Year, String)>,
}

/// An indicator over a pledge's term.
pub fn indicator_document(indicator: &Indicator, term: YearRange) -> IndicatorDocument {
    let mut years: Vec<Year> = term.years().collect();
    years.extend(indicator.years.keys().copied());
    years.sort_unstable();
    years.dedup();
    let summary = indicator_summary(indicator);
    let year = |y: &Year| indicator.years.get(y);
    IndicatorDocument {
        indicator: indicator.id,
        name: indicator.name.clone(),
        unit: indicator.unit.clone(),
        targets: years
            .iter()
            .map(|y| year(y).and_then(|v| v.target))
            .collect(),
        actuals: years
            .iter()
            .map(|y| year(y).and_then(|v| v.actual))
            .collect(),
        target_total: summary.target_total,
        actual_total: summary.actual_total,
        achievement: summary.achievement,
        notes: indicator
            .years
            .iter()
            .filter(|(_, v)| !v.note.trim().is_empty())
            .map(|(y, v)| (*y, v.note.clone()))
            .collect(),
        years,
    }
}

/// A group of the staffing table's header (일반직 over its grades).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffingGroup {
    /// The service group.
    pub name: String,
    /// How many grade columns it spans.
    pub span: usize,
}

/// The staffing table (§1.5) in the form of seed 002: rows 정원, 현원,
/// 과부족; columns 계 then each grade under its service group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StaffingDocument {
    /// The header's groups, in order, each over consecutive grades.
    pub groups: Vec<StaffingGroup>,
    /// The grade of each column.
    pub grades: Vec<String>,
    /// 정원 per column.
    pub quota: Vec<u32>,
    /// 현원 per column.
    pub current: Vec<u32>,
    /// 과부족 per column (negative: staff missing).
    pub shortfall: Vec<i64>,
    /// The 계 column.
    pub total: StaffingTotals,
}

/// The staffing table of a plan.
pub fn staffing_document(rows: &[StaffingRow]) -> StaffingDocument {
    let mut groups: Vec<StaffingGroup> = Vec::new();
    for row in rows {
        match groups.last_mut() {
            Some(group) if group.name == row.group => group.span += 1,
            _ => groups.push(StaffingGroup {
                name: row.group.clone(),
                span: 1,
            }),
        }
    }
    StaffingDocument {
        groups,
        grades: rows.iter().map(|r| r.grade.clone()).collect(),
        quota: rows.iter().map(|r| r.quota).collect(),
        current: rows.iter().map(|r| r.current).collect(),
        shortfall: rows.iter().map(StaffingRow::shortfall).collect(),
        total: staffing_totals(rows),
    }
}

/// A head count in a table cell: `16`, `△1`, `-` for zero.
pub fn count_text(value: i64) -> String {
    format_figure(Decimal::from(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::demo::demo_plan;
    use crate::fixtures::generate::{generated_plan, Size};
    use crate::model::figure::{percent_text, quantity_text};

    fn shown(values: &[Decimal]) -> Vec<String> {
        values.iter().map(|v| format_figure(*v)).collect()
    }

    fn status_strings(doc: &StatusDocument) -> Vec<[String; 3]> {
        std::iter::once(&doc.total)
            .chain(doc.rows.iter().map(|r| &r.figures))
            .map(|f| {
                [
                    format_figure(f.this_year),
                    format_figure(f.prior_year),
                    format_figure(f.change),
                ]
            })
            .collect()
    }

    fn assert_status_foots(doc: &StatusDocument) {
        let sum = |f: fn(&StatusFigures) -> Decimal| -> Decimal {
            doc.rows.iter().map(|r| f(&r.figures)).sum()
        };
        assert_eq!(sum(|f| f.this_year), doc.total.this_year);
        assert_eq!(sum(|f| f.prior_year), doc.total.prior_year);
        assert_eq!(sum(|f| f.change), doc.total.change);
        for f in std::iter::once(&doc.total).chain(doc.rows.iter().map(|r| &r.figures)) {
            assert_eq!(f.this_year - f.prior_year, f.change);
        }
    }

    fn assert_schedule_foots(doc: &ScheduleDocument) {
        for line in std::iter::once(&doc.total).chain(&doc.rows) {
            let across: Decimal = line.cells.iter().sum();
            assert_eq!(across, line.grand_total);
            let in_term: Decimal = doc
                .columns
                .iter()
                .zip(&line.cells)
                .filter(|(c, _)| doc.in_term(**c))
                .map(|(_, v)| *v)
                .sum();
            assert_eq!(in_term, line.in_term);
        }
        for (c, total) in doc.total.cells.iter().enumerate() {
            let down: Decimal = doc.rows.iter().map(|r| r.cells[c]).sum();
            assert_eq!(down, *total);
        }
        let totals: Decimal = doc.rows.iter().map(|r| r.grand_total).sum();
        assert_eq!(totals, doc.total.grand_total);
        let in_terms: Decimal = doc.rows.iter().map(|r| r.in_term).sum();
        assert_eq!(in_terms, doc.total.in_term);
    }

    #[test]
    fn status_table_of_section_1_1() {
        let plan = demo_plan();
        let doc = status_document(&plan, Unit::Thousand);
        assert_eq!(
            status_strings(&doc),
            vec![
                ["1,780,060", "654,714", "1,125,346"],
                ["625,648", "145,140", "480,508"],
                ["262,000", "144,000", "118,000"],
                ["816,650", "268,178", "548,472"],
                ["75,762", "97,396", "△21,634"],
            ]
            .into_iter()
            .map(|r| r.map(String::from))
            .collect::<Vec<_>>()
        );
        assert_eq!(doc.rows[3].name, "기본경비");
        assert!(!doc.rounded);
        assert_status_foots(&doc);
    }

    #[test]
    fn status_table_entered_in_thousands_foots_in_millions() {
        let plan = demo_plan();
        let doc = status_document(&plan, Unit::Million);
        // Rounded cell by cell, 626 + 262 + 817 + 76 = 1,781 under a total of
        // 1,780 and 145 + 144 + 268 + 97 = 654 under 655: the table would not foot.
        assert_eq!(
            status_strings(&doc),
            vec![
                ["1,780", "655", "1,125"],
                ["625", "145", "480"],
                ["262", "144", "118"],
                ["817", "268", "549"],
                ["76", "98", "△22"],
            ]
            .into_iter()
            .map(|r| r.map(String::from))
            .collect::<Vec<_>>()
        );
        assert!(doc.rounded);
        assert_status_foots(&doc);
        // In won nothing is rounded and the figures are exact.
        let won = status_document(&plan, Unit::Won);
        assert_eq!(format_figure(won.total.this_year), "1,780,060,000");
        assert!(!won.rounded);
    }

    #[test]
    fn split_lines_of_section_1_2() {
        let plan = demo_plan();
        let lines = split_lines(&plan, Unit::Thousand);
        let texts: Vec<String> = lines
            .iter()
            .map(|l| l.text(&plan.sources, Unit::Thousand, Lang::Ko))
            .collect();
        assert_eq!(
            texts,
            vec![
                "533,073천원 (시 105,000, 구비 428,073)",
                "1,167,388천원 (국 622,500, 시 247,313, 구비 297,575)",
                "228,000천원 (시 221,000, 구비 7,000)",
                "477,250천원 (국 82,550, 시 130,300, 구비 264,400)",
                "1,000,000천원 (시비)",
                "1,119,000천원 (국 400,000, 시 437,000, 구비 282,000)",
                "8,000천원 (구비 4,000, 시 4,000)",
            ]
        );
        assert_eq!(
            lines[1].text(&plan.sources, Unit::Thousand, Lang::En),
            "KRW 1,167,388 thousand (National 622,500, City 247,313, District 297,575)"
        );
        assert_eq!(lines[1].program, 6);
        // The status rows (programs 1-4) have no schedule: no line.
        assert!(lines.iter().all(|l| l.program >= 5));
        // Seed 004's notes travel with their shares.
        assert_eq!(lines[6].shares[0].note, "사회적기업팀 세출예산");
        assert!(lines.iter().all(|l| !l.rounded));
    }

    #[test]
    fn split_line_foots_in_a_coarser_unit() {
        let plan = demo_plan();
        let line = split_line(plan.program(6).unwrap(), Unit::Million);
        // Cell by cell: 623 + 247 + 298 = 1,168 under 1,167.
        assert_eq!(
            line.text(&plan.sources, Unit::Million, Lang::Ko),
            "1,167백만원 (국 622, 시 247, 구비 298)"
        );
        assert_eq!(
            line.text(&plan.sources, Unit::Million, Lang::En),
            "KRW 1,167 million (National 622, City 247, District 298)"
        );
        assert!(line.rounded);
        let sum: Decimal = line.shares.iter().map(|s| s.figure).sum();
        assert_eq!(sum, line.total);
        assert_eq!(
            amount_phrase(Decimal::from(1_000), Unit::Won, Lang::En),
            "KRW 1,000"
        );
    }

    #[test]
    fn pledge_schedule_of_section_1_3() {
        let plan = demo_plan();
        let pledge = &plan.pledges[0];
        let doc = schedule_document(&pledge.schedule, &plan.sources, pledge.term, Unit::Million);
        let line = |l: &ScheduleLine| {
            let mut out = vec![format_figure(l.grand_total)];
            out.push(format_figure(l.cells[0]));
            out.push(format_figure(l.in_term));
            out.extend(shown(&l.cells[1..]));
            out
        };
        // 총계, 기투자, 소계, 2018..2022, 장기
        assert_eq!(
            line(&doc.total),
            ["3,528", "-", "3,528", "598", "725", "735", "735", "735", "-"]
        );
        let rows: Vec<Vec<String>> = doc.rows.iter().map(line).collect();
        assert_eq!(
            rows,
            vec![
                vec!["-", "-", "-", "-", "-", "-", "-", "-", "-"],
                vec!["2,450", "-", "2,450", "440", "540", "500", "490", "480", "-"],
                vec!["1,078", "-", "1,078", "158", "185", "235", "245", "255", "-"],
                vec!["-", "-", "-", "-", "-", "-", "-", "-", "-"],
            ]
        );
        assert_eq!(
            doc.rows
                .iter()
                .map(|r| r.source.clone().unwrap())
                .collect::<Vec<_>>(),
            ["national", "city", "district", "other"]
        );
        assert_eq!(doc.columns.first(), Some(&Column::Before));
        assert_eq!(doc.columns.last(), Some(&Column::After));
        assert!(!doc.rounded);
        assert_schedule_foots(&doc);
        // The same schedule in the demo's own unit, 천원.
        let thousands =
            schedule_document(&pledge.schedule, &plan.sources, pledge.term, Unit::Thousand);
        assert_eq!(format_figure(thousands.total.grand_total), "3,528,000");
    }

    #[test]
    fn indicator_of_section_1_4() {
        let plan = demo_plan();
        let pledge = &plan.pledges[0];
        let doc = indicator_document(&pledge.indicators[0], pledge.term);
        assert_eq!(doc.years, vec![2018, 2019, 2020, 2021, 2022]);
        assert_eq!(format_figure(doc.target_total), "3,000");
        assert_eq!(format_figure(doc.actual_total), "1,941");
        assert_eq!(percent_text(doc.achievement), "64.7%");
        let targets: Vec<String> = doc.targets.iter().map(|t| quantity_text(*t)).collect();
        let actuals: Vec<String> = doc.actuals.iter().map(|t| quantity_text(*t)).collect();
        assert_eq!(targets, ["500", "550", "600", "650", "700"]);
        assert_eq!(actuals, ["632", "967", "342", "-", "-"]);
        assert_eq!(doc.notes.len(), 1);
        assert_eq!(doc.notes[0].0, 2020);
        assert_eq!(percent_text(None), "-");
    }

    #[test]
    fn staffing_of_section_1_5() {
        let plan = demo_plan();
        let doc = staffing_document(&plan.staffing);
        assert_eq!(doc.total.quota, 16);
        assert_eq!(doc.total.current, 16);
        assert_eq!(count_text(doc.total.shortfall), "-");
        assert_eq!(
            doc.groups,
            vec![
                StaffingGroup {
                    name: "일반직".into(),
                    span: 6
                },
                StaffingGroup {
                    name: "관리운영직".into(),
                    span: 4
                },
                StaffingGroup {
                    name: "별정직·임기제".into(),
                    span: 4
                },
            ]
        );
        let shortfall: Vec<String> = doc.shortfall.iter().map(|s| count_text(*s)).collect();
        assert_eq!(
            shortfall,
            ["-", "-", "△1", "△1", "1", "1", "-", "-", "-", "-", "-", "-", "-", "-"]
        );
        let quota: i64 = doc.quota.iter().map(|q| i64::from(*q)).sum();
        assert_eq!(quota, 16);
        assert_eq!(doc.shortfall.iter().sum::<i64>(), doc.total.shortfall);
    }

    #[test]
    fn a_generated_plan_foots_in_every_unit() {
        let mut plan = generated_plan(Size::BENCHMARK, 7);
        // Odd won amounts, so that 천원 and 백만원 both round.
        for (i, program) in plan.programs.iter_mut().enumerate() {
            if let Some(budget) = program.budget.as_mut() {
                budget.this_year = budget.this_year + Amount::won(i64::try_from(i).unwrap() * 377);
            }
            let row = &mut program.schedule.rows[0];
            let year = *row.years.keys().next().unwrap();
            let cell = row.year(year) + Amount::won(499_501);
            program.schedule.set("national", Column::Year(year), cell);
        }
        for unit in Unit::ALL {
            let status = status_document(&plan, unit);
            assert_eq!(status.rows.len(), 200);
            assert_status_foots(&status);
            for line in split_lines(&plan, unit) {
                let sum: Decimal = line.shares.iter().map(|s| s.figure).sum();
                assert_eq!(sum, line.total, "program {} in {unit:?}", line.program);
            }
            for pledge in &plan.pledges {
                let doc = schedule_document(&pledge.schedule, &plan.sources, pledge.term, unit);
                assert_schedule_foots(&doc);
            }
        }
        assert!(status_document(&plan, Unit::Million).rounded);
        assert!(!status_document(&plan, Unit::Won).rounded);
    }

    #[test]
    fn an_empty_plan_shows_empty_tables() {
        let plan = Plan::new("빈 계획", YearRange::new(2024, 2026), Unit::Thousand);
        let status = status_document(&plan, Unit::Million);
        assert!(status.rows.is_empty());
        assert_eq!(status.total, StatusFigures::default());
        assert!(split_lines(&plan, Unit::Thousand).is_empty());
        let doc = schedule_document(
            &Schedule::default(),
            &plan.sources,
            plan.years,
            Unit::Thousand,
        );
        assert_eq!(doc.total.cells.len(), 5);
        assert!(doc.total.cells.iter().all(Decimal::is_zero));
        assert_schedule_foots(&doc);
        let staffing = staffing_document(&[]);
        assert!(staffing.groups.is_empty());
        assert_eq!(staffing.total.quota, 0);
    }
}
