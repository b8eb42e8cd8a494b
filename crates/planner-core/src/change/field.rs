//! Figure fields: every place in a plan where a planner types a figure, as
//! data. A [`Field`] knows its kind ([`FigureFormat`]), its cell id (from its
//! validation [`Location`], never a hand-built string), how to read its value
//! from a plan and which [`Edit`] sets it. The one figure cell of the app is
//! built on this, so every view reads, refuses and writes figures alike.
//!
//! A text the plan cannot take is a [`Draft`]: kept beside the plan (never in
//! it), shown in its cell and listed as a problem until it is fixed or
//! abandoned, while the plan keeps the value it had.

use crate::model::plan::Owner;
use rust_decimal::Decimal;

use crate::change::edit::{BudgetColumn, Edit, IndicatorRow, StaffingColumn, StatusColumn};
use crate::change::split::set_share_edit;
use crate::model::amount::{format_figure, Amount, Unit};
use crate::model::figure::{FigureError, FigureFormat, FigureKind};
use crate::model::limits::{amount_fits, span_fits, year_fits, MAX_TERM_YEARS};
use crate::model::plan::{
    Column, IndicatorId, Plan, PledgeId, PrintedCell, ProgramId, RatioShare, SourceId, Year,
};
use crate::rules::basis::{check_line, split_stated, with_result};
use crate::rules::shares::{percent_to_amount, share_of, share_percents, split_total};
use crate::rules::validate::printed_location;
use crate::rules::validate::{Code, Col, Detail, Location, Place, Problem, Row, Value};

/// Which year of the plan's settings a field sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlanYear {
    /// The first year of the plan's term.
    First,
    /// The last year of the plan's term.
    Last,
    /// 기준연도.
    Base,
}

/// A place in a plan that holds one typed figure.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// A status-table budget figure (예산액, 전년도 예산액).
    Budget {
        /// The program.
        program: ProgramId,
        /// Which of the two.
        column: BudgetColumn,
    },
    /// One cell of a program's or pledge's schedule.
    Cell {
        /// Whose schedule.
        owner: Owner,
        /// The source's row.
        source: SourceId,
        /// The column (기투자, a year, 장기).
        column: Column,
    },
    /// The stated 총사업비 of a program or pledge; empty when not stated.
    StatedTotal {
        /// Whose.
        owner: Owner,
    },
    /// A source's whole share of a program (the split), written through `year`.
    Share {
        /// The program.
        program: ProgramId,
        /// The source.
        source: SourceId,
        /// The year of the schedule that takes a change.
        year: Year,
    },
    /// A source's share as a percentage of the program's total, written through `year`.
    SharePercent {
        /// The program.
        program: ProgramId,
        /// The source.
        source: SourceId,
        /// The year of the schedule that takes a change.
        year: Year,
    },
    /// A source's weight in the program's matching ratio.
    Weight {
        /// The program.
        program: ProgramId,
        /// The source.
        source: SourceId,
    },
    /// A line item's stated amount.
    LineItemStated {
        /// The program.
        program: ProgramId,
        /// The item's position.
        index: usize,
    },
    /// An indicator's target or actual in one year; empty when not reported.
    Indicator {
        /// The pledge.
        pledge: PledgeId,
        /// The indicator.
        indicator: IndicatorId,
        /// The year.
        year: Year,
        /// Target or actual.
        row: IndicatorRow,
    },
    /// A staffing row's 정원 or 현원.
    Staffing {
        /// The row's position.
        row: usize,
        /// Which count.
        column: StaffingColumn,
    },
    /// One of the plan's years.
    PlanYear(PlanYear),
    /// A schedule's total cell as the document prints it; empty when not printed.
    Printed {
        /// Whose schedule.
        owner: Owner,
        /// Which total cell.
        cell: PrintedCell,
    },
    /// A source's share (%) as the document prints it.
    PrintedShare {
        /// The program.
        program: ProgramId,
        /// The source.
        source: SourceId,
    },
    /// A figure of the status table's 계 row as printed.
    StatusPrinted(StatusColumn),
    /// A status row's 증감 as printed.
    PrintedChange {
        /// The program.
        program: ProgramId,
    },
}

impl From<Owner> for Place {
    fn from(owner: Owner) -> Place {
        match owner {
            Owner::Program(id) => Place::Program(id),
            Owner::Pledge(id) => Place::Pledge(id),
        }
    }
}

impl Field {
    /// Whether the figure is money that belongs to a budget stage (a locked
    /// stage's cells are read-only); indicator figures, staffing and the
    /// plan's years belong to the plan.
    pub fn is_stage_money(&self) -> bool {
        !matches!(
            self,
            Field::Indicator { .. } | Field::Staffing { .. } | Field::PlanYear(_)
        )
    }

    /// Where validation reports problems of this figure; its cell id is the
    /// id of the figure's input in the UI.
    pub fn location(&self) -> Location {
        let at = |place: Place, row: Option<Row>, column: Col| Location {
            place,
            row,
            column: Some(column),
        };
        match self {
            Field::Budget { program, column } => at(
                Place::Program(*program),
                Some(Row::Budget),
                match column {
                    BudgetColumn::ThisYear => Col::ThisYear,
                    BudgetColumn::PriorYear => Col::PriorYear,
                },
            ),
            Field::Cell {
                owner,
                source,
                column,
            } => at(
                (*owner).into(),
                Some(Row::Source(source.clone())),
                Col::Cell(*column),
            ),
            Field::StatedTotal { owner } => at((*owner).into(), Some(Row::Total), Col::Total),
            Field::Share {
                program, source, ..
            } => at(
                Place::Program(*program),
                Some(Row::Source(source.clone())),
                Col::Total,
            ),
            Field::SharePercent {
                program, source, ..
            } => at(
                Place::Program(*program),
                Some(Row::Source(source.clone())),
                Col::Percent,
            ),
            Field::Weight { program, source } => at(
                Place::Program(*program),
                Some(Row::Source(source.clone())),
                Col::Weight,
            ),
            Field::LineItemStated { program, index } => at(
                Place::Program(*program),
                Some(Row::LineItem(*index)),
                Col::Stated,
            ),
            Field::Indicator {
                pledge,
                indicator,
                year,
                row,
            } => at(
                Place::Indicator(*pledge, *indicator),
                Some(match row {
                    IndicatorRow::Target => Row::Target,
                    IndicatorRow::Actual => Row::Actual,
                }),
                Col::Year(*year),
            ),
            Field::Staffing { row, column } => at(
                Place::Plan,
                Some(Row::Staffing(*row)),
                match column {
                    StaffingColumn::Quota => Col::Quota,
                    StaffingColumn::Current => Col::Current,
                },
            ),
            Field::PlanYear(which) => at(
                Place::Plan,
                None,
                match which {
                    PlanYear::First => Col::FirstYear,
                    PlanYear::Last => Col::LastYear,
                    PlanYear::Base => Col::BaseYear,
                },
            ),
            Field::Printed { owner, cell } => printed_location((*owner).into(), cell),
            Field::PrintedShare { program, source } => at(
                Place::Program(*program),
                Some(Row::Source(source.clone())),
                Col::PrintedPercent,
            ),
            Field::StatusPrinted(column) => at(
                Place::Plan,
                Some(Row::StatusTotal),
                match column {
                    StatusColumn::ThisYear => Col::ThisYear,
                    StatusColumn::PriorYear => Col::PriorYear,
                    StatusColumn::Change => Col::Change,
                },
            ),
            Field::PrintedChange { program } => {
                at(Place::Program(*program), Some(Row::Budget), Col::Change)
            }
        }
    }

    /// The id of the figure's input (`program-6-source-other-y2019`).
    pub fn cell_id(&self) -> String {
        self.location().cell_id()
    }

    /// How the figure's text is read, money typed in `unit`.
    pub fn format(&self, unit: Unit) -> FigureFormat {
        use FigureKind::*;
        match self {
            Field::Budget { .. } | Field::Cell { .. } | Field::Share { .. } => {
                FigureFormat::required(Money(unit))
            }
            Field::LineItemStated { .. }
            | Field::StatedTotal { .. }
            | Field::Printed { .. }
            | Field::StatusPrinted(_)
            | Field::PrintedChange { .. } => FigureFormat::optional(Money(unit)),
            Field::PrintedShare { .. } => FigureFormat::optional(Percent),
            Field::SharePercent { .. } => FigureFormat::optional(Percent),
            Field::Weight { .. } => FigureFormat::required(Weight),
            Field::Indicator { .. } => FigureFormat::optional(Quantity),
            Field::Staffing { .. } => FigureFormat::required(Count),
            Field::PlanYear(_) => FigureFormat::required(Year),
        }
    }

    /// The figure the plan holds here (money in won); `None` when the plan has
    /// no such place (its program was removed), `Some(None)` when it is empty.
    pub fn read(&self, plan: &Plan) -> Option<Option<Decimal>> {
        let money = |a: Amount| Some(Some(a.as_decimal()));
        match self {
            Field::Budget { program, column } => {
                let budget = plan.program(*program)?.budget.unwrap_or_default();
                money(match column {
                    BudgetColumn::ThisYear => budget.this_year,
                    BudgetColumn::PriorYear => budget.prior_year,
                })
            }
            Field::Cell {
                owner,
                source,
                column,
            } => {
                let schedule = plan.schedule(*owner)?;
                plan.source(source)?;
                money(
                    schedule
                        .row(source)
                        .map_or(Amount::ZERO, |r| r.cell(*column)),
                )
            }
            Field::StatedTotal { owner } => {
                plan.schedule(*owner)?;
                Some(plan.stated_total(*owner).map(|s| s.amount.as_decimal()))
            }
            Field::Share {
                program, source, ..
            } => {
                plan.program(*program)?;
                plan.source(source)?;
                money(share_of(plan, *program, source))
            }
            Field::SharePercent {
                program, source, ..
            } => {
                plan.program(*program)?;
                let index = plan.sources.iter().position(|s| s.id == *source)?;
                let shares: Vec<Amount> = plan
                    .sources
                    .iter()
                    .map(|s| share_of(plan, *program, &s.id))
                    .collect();
                Some(
                    share_percents(&shares, split_total(plan, *program), plan.share_decimals)
                        .and_then(|(parts, _)| parts.get(index).copied()),
                )
            }
            Field::Weight { program, source } => {
                let p = plan.program(*program)?;
                plan.source(source)?;
                let weight = p
                    .matching
                    .iter()
                    .find(|r| r.source == *source)
                    .map_or(0, |r| r.weight);
                Some(Some(Decimal::from(weight)))
            }
            Field::LineItemStated { program, index } => {
                let item = plan.program(*program)?.line_items.get(*index)?;
                Some(check_line(item, plan.unit).stated.map(Amount::as_decimal))
            }
            Field::Indicator {
                pledge,
                indicator,
                year,
                row,
            } => {
                let i = plan
                    .pledge(*pledge)?
                    .indicators
                    .iter()
                    .find(|i| i.id == *indicator)?;
                let y = i.years.get(year);
                Some(y.and_then(|y| match row {
                    IndicatorRow::Target => y.target,
                    IndicatorRow::Actual => y.actual,
                }))
            }
            Field::Staffing { row, column } => {
                let r = plan.staffing.get(*row)?;
                Some(Some(Decimal::from(match column {
                    StaffingColumn::Quota => r.quota,
                    StaffingColumn::Current => r.current,
                })))
            }
            Field::PlanYear(which) => Some(Some(Decimal::from(match which {
                PlanYear::First => plan.years.first,
                PlanYear::Last => plan.years.last,
                PlanYear::Base => plan.base_year,
            }))),
            Field::Printed { owner, cell } => Some(
                plan.schedule(*owner)?
                    .printed
                    .get(cell)
                    .map(|a| a.as_decimal()),
            ),
            Field::PrintedShare { program, source } => {
                plan.source(source)?;
                Some(plan.program(*program)?.printed_shares.get(source).copied())
            }
            Field::StatusPrinted(column) => {
                let t = plan.status_totals;
                Some(
                    match column {
                        StatusColumn::ThisYear => t.this_year,
                        StatusColumn::PriorYear => t.prior_year,
                        StatusColumn::Change => t.change,
                    }
                    .map(Amount::as_decimal),
                )
            }
            Field::PrintedChange { program } => Some(
                plan.program(*program)?
                    .budget
                    .and_then(|b| b.printed_change)
                    .map(Amount::as_decimal),
            ),
        }
    }

    /// The edit that makes this field hold `value` (money in won, typed in
    /// `unit`), or why the plan cannot take it here.
    pub fn edit(
        &self,
        plan: &Plan,
        value: Option<Decimal>,
        unit: Unit,
    ) -> Result<Edit, FigureError> {
        let number = value.unwrap_or_default();
        let amount = || {
            if amount_fits(number) {
                Ok(Amount::from_won(number))
            } else {
                Err(FigureError::TooLarge)
            }
        };
        let whole =
            || u32::try_from(number.normalize().mantissa()).map_err(|_| FigureError::TooLarge);
        let year = || {
            i32::try_from(number.normalize().mantissa())
                .ok()
                .filter(|y| year_fits(*y))
                .ok_or(FigureError::YearOutOfLimits)
        };
        Ok(match self {
            Field::Budget { program, column } => Edit::SetBudget {
                program: *program,
                column: *column,
                amount: amount()?,
            },
            Field::Cell {
                owner,
                source,
                column,
            } => Edit::SetCell {
                owner: *owner,
                source: source.clone(),
                column: *column,
                amount: amount()?,
            },
            Field::StatedTotal { owner } => Edit::SetStatedTotal {
                owner: *owner,
                total: value.map(|_| amount()).transpose()?,
                unit,
            },
            Field::Share {
                program,
                source,
                year,
            } => share_edit(plan, *program, source, *year, amount()?)?,
            Field::SharePercent {
                program,
                source,
                year,
            } => {
                let share = percent_to_amount(number, split_total(plan, *program), plan.unit);
                if !amount_fits(share.as_decimal()) {
                    return Err(FigureError::TooLarge);
                }
                share_edit(plan, *program, source, *year, share)?
            }
            Field::Weight { program, source } => {
                let weight = whole()?;
                let current = plan.program(*program).map(|p| &p.matching);
                let ratio = plan
                    .sources
                    .iter()
                    .map(|s| RatioShare {
                        source: s.id.clone(),
                        weight: if s.id == *source {
                            weight
                        } else {
                            current
                                .and_then(|m| m.iter().find(|r| r.source == s.id))
                                .map_or(0, |r| r.weight)
                        },
                    })
                    .collect();
                Edit::SetMatching {
                    program: *program,
                    ratio,
                }
            }
            Field::LineItemStated { program, index } => {
                let mut item = plan
                    .program(*program)
                    .and_then(|p| p.line_items.get(*index))
                    .cloned()
                    .unwrap_or_default();
                item.stated = value.map(|_| amount()).transpose()?;
                // A basis that states its result after `=` states it there too.
                item.basis = match item.stated {
                    Some(a) => with_result(&item.basis, &format_figure(plan.unit.exact_figure(a))),
                    None => match split_stated(&item.basis) {
                        (formula, Some(_)) => formula.trim_end().to_string(),
                        (_, None) => item.basis.clone(),
                    },
                };
                Edit::SetLineItem {
                    program: *program,
                    index: *index,
                    item,
                }
            }
            Field::Indicator {
                pledge,
                indicator,
                year,
                row,
            } => Edit::SetIndicatorFigure {
                pledge: *pledge,
                indicator: *indicator,
                year: *year,
                row: *row,
                value,
            },
            Field::Staffing { row, column } => Edit::SetStaffingCount {
                row: *row,
                column: *column,
                count: whole()?,
            },
            Field::PlanYear(which) => {
                let y = year()?;
                let (first, last) = (plan.years.first, plan.years.last);
                match which {
                    PlanYear::First => Edit::SetYears(years_of(y, last)?),
                    PlanYear::Last => Edit::SetYears(years_of(first, y)?),
                    PlanYear::Base => {
                        if !plan.years.contains(y) {
                            return Err(FigureError::YearOutsideTerm);
                        }
                        Edit::SetBaseYear(y)
                    }
                }
            }
            Field::Printed { owner, cell } => Edit::SetPrinted {
                owner: *owner,
                cell: cell.clone(),
                amount: value.map(|_| amount()).transpose()?,
            },
            Field::PrintedShare { program, source } => Edit::SetPrintedShare {
                program: *program,
                source: source.clone(),
                share: value,
            },
            Field::StatusPrinted(column) => Edit::SetStatusPrinted {
                column: *column,
                amount: value.map(|_| amount()).transpose()?,
            },
            Field::PrintedChange { program } => Edit::SetPrintedChange {
                program: *program,
                amount: value.map(|_| amount()).transpose()?,
            },
        })
    }

    /// The edit that puts back what the plan holds here now — for a figure the
    /// plan derives (a share, its percentage), the cell it is written through,
    /// not a rounded value of the figure. A cell keeps it from when it is
    /// entered: a refused text and Esc restore exactly this.
    pub fn restore_edit(&self, plan: &Plan) -> Option<Edit> {
        match self {
            Field::Share {
                program,
                source,
                year,
            }
            | Field::SharePercent {
                program,
                source,
                year,
            } => Some(Edit::SetCell {
                owner: Owner::Program(*program),
                source: source.clone(),
                column: Column::Year(*year),
                amount: plan
                    .program(*program)?
                    .schedule
                    .row(source)
                    .map_or(Amount::ZERO, |r| r.year(*year)),
            }),
            Field::PlanYear(PlanYear::First | PlanYear::Last) => Some(Edit::SetYears(plan.years)),
            Field::LineItemStated { program, index } => Some(Edit::SetLineItem {
                program: *program,
                index: *index,
                item: plan.program(*program)?.line_items.get(*index)?.clone(),
            }),
            Field::StatedTotal { owner } => Some(Edit::SetStatedTotal {
                owner: *owner,
                total: plan.stated_total(*owner).map(|s| s.amount),
                unit: plan.stated_total(*owner).map_or(plan.unit, |s| s.unit),
            }),
            _ => {
                let value = self.read(plan)?;
                self.edit(plan, value, plan.unit).ok()
            }
        }
    }

    /// Reads a cell's whole text (money typed in `unit`) and gives the edit
    /// that makes the plan hold its value: `Ok(None)` when it already does,
    /// an error when the plan cannot take it.
    pub fn accept(&self, plan: &Plan, unit: Unit, text: &str) -> Result<Option<Edit>, FigureError> {
        let value = self.format(unit).parse(text)?;
        let now = self.read(plan).flatten();
        if now.map(|v| v.normalize()) == value.map(|v| v.normalize()) {
            // Typing the figure the plan holds changes nothing, but a year
            // range is still checked (the other end may have moved).
            return Ok(None);
        }
        let edit = self.edit(plan, value, unit)?;
        if edit.within_limits() {
            Ok(Some(edit))
        } else {
            Err(FigureError::TooLarge)
        }
    }

    /// The figure the plan holds here, as a problem quotes it.
    fn kept(&self, plan: &Plan) -> Value {
        match (self.read(plan).flatten(), self.format(plan.unit).kind) {
            (None, _) => Value::Text(String::new()),
            (Some(v), FigureKind::Money(_)) => Value::Money(Amount::from_won(v)),
            (Some(v), FigureKind::Year) => {
                Value::Year(i32::try_from(v.mantissa()).unwrap_or_default())
            }
            (Some(v), _) => Value::Quantity(v),
        }
    }
}

/// A share written through the split year, refused when the year's cell would
/// leave the limits (the other columns already hold more than the share).
fn share_edit(
    plan: &Plan,
    program: ProgramId,
    source: &str,
    year: Year,
    share: Amount,
) -> Result<Edit, FigureError> {
    let edit = set_share_edit(plan, program, source, year, share);
    match &edit {
        Edit::SetCell { amount, .. } if !amount_fits(amount.as_decimal()) => {
            Err(FigureError::TooLarge)
        }
        _ => Ok(edit),
    }
}

fn years_of(first: Year, last: Year) -> Result<crate::model::plan::YearRange, FigureError> {
    if last < first {
        Err(FigureError::YearsReversed)
    } else if !span_fits(first, last) {
        let long = usize::try_from(last - first + 1).unwrap_or(usize::MAX) > MAX_TERM_YEARS;
        Err(if long {
            FigureError::YearsTooLong
        } else {
            FigureError::YearOutOfLimits
        })
    } else {
        Ok(crate::model::plan::YearRange::new(first, last))
    }
}

/// Text typed into a figure cell that the plan cannot take: kept beside the
/// plan (and in storage) so that it is not lost, shown in its cell and listed
/// as a problem until it is fixed or abandoned (Esc).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// The figure it was typed into.
    pub field: Field,
    /// The text as typed.
    pub text: String,
    /// The unit money was typed in.
    pub unit: Unit,
}

impl Draft {
    /// Why the plan cannot take the text; `None` when it now can (the plan
    /// changed under it) or the field is gone: then the draft is dropped.
    pub fn error(&self, plan: &Plan) -> Option<FigureError> {
        self.field.read(plan)?;
        self.field.accept(plan, self.unit, &self.text).err()
    }

    /// The draft as a problem at its cell ("the entry “12,3450” cannot be
    /// read: …; the plan keeps 12,340").
    pub fn problem(&self, plan: &Plan) -> Option<Problem> {
        let error = self.error(plan)?;
        let kind = self.field.format(self.unit).kind;
        let mut problem = Problem::new(Code::UnreadableEntry, self.field.location())
            .actual(Value::Text(self.text.chars().take(60).collect()))
            .expected(self.field.kept(plan));
        problem.detail = Some(Detail::Entry(error, kind));
        Some(problem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::demo::demo_plan;
    use crate::model::words::Lang;

    fn d(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    #[test]
    fn ids_come_from_locations() {
        let cell = Field::Cell {
            owner: Owner::Program(6),
            source: "other".into(),
            column: Column::Year(2019),
        };
        assert_eq!(cell.cell_id(), "program-6-source-other-y2019");
        assert_eq!(
            Field::Budget {
                program: 4,
                column: BudgetColumn::ThisYear
            }
            .cell_id(),
            "program-4-budget-this-year"
        );
        assert_eq!(Field::PlanYear(PlanYear::Base).cell_id(), "plan-base-year");
        assert_eq!(
            Field::SharePercent {
                program: 6,
                source: "city".into(),
                year: 2019
            }
            .cell_id(),
            "program-6-source-city-percent"
        );
        assert_eq!(
            Field::Staffing {
                row: 0,
                column: StaffingColumn::Quota
            }
            .cell_id(),
            "plan-staffing-0-quota"
        );
    }

    #[test]
    fn a_whole_text_is_taken_or_refused() {
        let plan = demo_plan();
        let field = Field::Budget {
            program: 4,
            column: BudgetColumn::ThisYear,
        };
        assert_eq!(field.read(&plan), Some(Some(d("75762000"))));
        assert_eq!(field.accept(&plan, Unit::Thousand, "75,762"), Ok(None));
        let edit = field
            .accept(&plan, Unit::Thousand, "12,345")
            .unwrap()
            .unwrap();
        let mut changed = plan.clone();
        changed.apply(edit).unwrap();
        assert_eq!(field.read(&changed), Some(Some(d("12345000"))));
        assert!(field.accept(&plan, Unit::Thousand, "12,3450").is_err());
    }

    #[test]
    fn a_draft_is_a_problem_that_quotes_what_the_plan_keeps() {
        let plan = demo_plan();
        let draft = Draft {
            field: Field::Budget {
                program: 4,
                column: BudgetColumn::ThisYear,
            },
            text: "12,3450".into(),
            unit: Unit::Thousand,
        };
        let problem = draft.problem(&plan).unwrap();
        assert_eq!(problem.code, Code::UnreadableEntry);
        assert_eq!(problem.location.cell_id(), "program-4-budget-this-year");
        let message = problem.message(Lang::En, Unit::Thousand);
        assert!(message.contains("12,3450"), "{message}");
        assert!(message.contains("75,762"), "{message}");
        // A draft the plan can now take, or whose field is gone, is no problem.
        let fine = Draft {
            text: "1".into(),
            ..draft.clone()
        };
        assert_eq!(fine.problem(&plan), None);
        let gone = Draft {
            field: Field::Budget {
                program: 99,
                column: BudgetColumn::ThisYear,
            },
            ..draft
        };
        assert_eq!(gone.problem(&plan), None);
    }

    #[test]
    fn years_are_checked_against_each_other() {
        let plan = demo_plan();
        let last = Field::PlanYear(PlanYear::Last);
        assert_eq!(
            last.accept(&plan, Unit::Thousand, "2010"),
            Err(FigureError::YearsReversed)
        );
        assert_eq!(
            last.accept(&plan, Unit::Thousand, "2099"),
            Err(FigureError::YearsTooLong)
        );
        assert!(last
            .accept(&plan, Unit::Thousand, "2024")
            .unwrap()
            .is_some());
        assert_eq!(
            Field::PlanYear(PlanYear::Base).accept(&plan, Unit::Thousand, "2030"),
            Err(FigureError::YearOutsideTerm)
        );
    }

    #[test]
    fn restoring_puts_back_exactly_what_the_plan_held() {
        let plan = demo_plan();
        let year = crate::change::split::default_split_year(&plan, 6);
        let percent = Field::SharePercent {
            program: 6,
            source: "national".into(),
            year,
        };
        let restore = percent.restore_edit(&plan).unwrap();
        let mut changed = plan.clone();
        changed
            .apply(
                percent
                    .accept(&plan, Unit::Thousand, "10")
                    .unwrap()
                    .unwrap(),
            )
            .unwrap();
        assert_ne!(
            share_of(&changed, 6, "national"),
            share_of(&plan, 6, "national")
        );
        changed.apply(restore).unwrap();
        // 622,500 exactly, not 53.3% of the total (622,218).
        assert_eq!(changed, plan);
        for field in [
            Field::PlanYear(PlanYear::Last),
            Field::StatedTotal {
                owner: Owner::Pledge(1),
            },
            Field::Weight {
                program: 6,
                source: "city".into(),
            },
        ] {
            let mut again = plan.clone();
            again.apply(field.restore_edit(&plan).unwrap()).unwrap();
            assert_eq!(again, plan, "{field:?}");
        }
    }

    #[test]
    fn a_share_and_its_percent_write_the_split_year() {
        let plan = demo_plan();
        let year = crate::change::split::default_split_year(&plan, 6);
        let share = Field::Share {
            program: 6,
            source: "other".into(),
            year,
        };
        assert_eq!(share.read(&plan), Some(Some(Decimal::ZERO)));
        let percent = Field::SharePercent {
            program: 6,
            source: "national".into(),
            year,
        };
        assert_eq!(percent.read(&plan), Some(Some(d("53.3"))));
        let edit = percent
            .accept(&plan, Unit::Thousand, "50")
            .unwrap()
            .unwrap();
        let mut changed = plan.clone();
        changed.apply(edit).unwrap();
        // 50% of 1,167,388 is 583,694.
        assert_eq!(share_of(&changed, 6, "national"), Amount::won(583_694_000));
    }
}
