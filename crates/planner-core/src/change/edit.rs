//! Edits: every change a user can make to a plan, as data. The UI sends an
//! [`Edit`]; [`Plan::apply`] carries it out or refuses it whole. Undo, redo,
//! autosave and validation all hang off this one path, so no view changes a
//! plan field by hand.

use crate::model::amount::{Amount, Unit};
use crate::model::limits::{
    amount_fits, quantity_fits, span_fits, text_fits, year_fits, MAX_COUNT, MAX_ITEMS, MAX_WEIGHT,
};
use crate::model::plan::{
    Classification, Column, FundingSource, Indicator, IndicatorId, LineItem, Owner, Plan, Pledge,
    PledgeId, PrintedCell, Program, ProgramId, Quantity, RatioShare, Schedule, SourceId,
    StaffingRow, Stage, StageId, Stated, Year, YearBudget, YearRange,
};
use crate::rules::validate::Touched;
use rust_decimal::Decimal;

/// Which of a program's two budget figures an edit sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BudgetColumn {
    /// 예산액
    ThisYear,
    /// 전년도 예산액
    PriorYear,
}

/// Which table a rounding setting belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RoundingTable {
    /// The plan's default, for every table that does not say otherwise.
    Plan,
    /// The budget status table (예산현황).
    Status,
    /// One program's or pledge's schedule.
    Schedule(Owner),
}

/// Which figure of the status table's 계 row a printed total is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StatusColumn {
    /// 예산액 계
    ThisYear,
    /// 전년도 예산액 계
    PriorYear,
    /// 증감 계
    Change,
}

/// Which of a staffing row's two counts an edit sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StaffingColumn {
    /// 정원
    Quota,
    /// 현원
    Current,
}

/// Which of an indicator's two yearly figures an edit sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IndicatorRow {
    /// 목표
    Target,
    /// 실적
    Actual,
}

/// A user's intent, as the UI sends it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Rename the plan.
    SetTitle(String),
    /// Change the organisation.
    SetOrganisation(String),
    /// Show and enter figures in another unit (amounts stay as they are).
    SetUnit(Unit),
    /// Change the plan's years (schedules keep their figures; validation
    /// flags money that now falls outside).
    SetYears(YearRange),
    /// Change the base year (기준연도).
    SetBaseYear(Year),
    /// Add a funding source at the end of the list; its key is derived from the names.
    AddSource { name_ko: String, name_en: String },
    /// Rename a funding source (its key, and so every figure, stays).
    RenameSource {
        source: SourceId,
        name_ko: String,
        name_en: String,
    },
    /// Move a funding source to another position in the list.
    MoveSource { source: SourceId, to: usize },
    /// Remove a funding source; refused while any schedule has money or a note for it.
    RemoveSource { source: SourceId },

    /// Append a program. `status_row` makes it a row of the budget status table.
    AddProgram { name: String, status_row: bool },
    /// Remove a program (and its links from pledges).
    RemoveProgram { program: ProgramId },
    /// Rename a program.
    SetProgramName { program: ProgramId, name: String },
    /// Change a program's period.
    SetProgramPeriod {
        program: ProgramId,
        period: YearRange,
    },
    /// Set one budget figure of a program (making it a status-table row).
    SetBudget {
        program: ProgramId,
        column: BudgetColumn,
        amount: Amount,
    },
    /// Set a program's matching ratio (empty: no matching).
    SetMatching {
        program: ProgramId,
        ratio: Vec<RatioShare>,
    },

    /// Set one cell of a program's or pledge's schedule.
    SetCell {
        owner: Owner,
        source: SourceId,
        column: Column,
        amount: Amount,
    },
    /// Set the note on a source's share (where the money comes from).
    SetShareNote {
        owner: Owner,
        source: SourceId,
        note: String,
    },
    /// Set (or clear) the stated 총사업비, typed in `unit` (the unit its
    /// rounding is judged in).
    SetStatedTotal {
        owner: Owner,
        total: Option<Amount>,
        unit: Unit,
    },

    /// Set (or clear) a schedule's total cell as the document prints it.
    SetPrinted {
        owner: Owner,
        cell: PrintedCell,
        amount: Option<Amount>,
    },
    /// Set the unit a table's figures were printed in (`None`: the plan's
    /// default; for the plan itself, exact).
    SetRounding {
        table: RoundingTable,
        unit: Option<Unit>,
    },
    /// Show or hide a schedule's 연평균 column.
    SetAverage { owner: Owner, shown: bool },
    /// Show shares with 1 or 2 decimals.
    SetShareDecimals(u32),
    /// Set (or clear) a source's share (%) as the document prints it.
    SetPrintedShare {
        program: ProgramId,
        source: SourceId,
        share: Option<Decimal>,
    },
    /// Set (or clear) a figure of the status table's printed 계 row.
    SetStatusPrinted {
        column: StatusColumn,
        amount: Option<Amount>,
    },
    /// Set (or clear) a status row's 증감 as the document prints it.
    SetPrintedChange {
        program: ProgramId,
        amount: Option<Amount>,
    },

    /// Append an empty line item to a program.
    AddLineItem { program: ProgramId },
    /// Replace a line item's name, basis and stated amount.
    SetLineItem {
        program: ProgramId,
        index: usize,
        item: LineItem,
    },
    /// Remove a line item.
    RemoveLineItem { program: ProgramId, index: usize },

    /// Append a pledge over the plan's years.
    AddPledge { title: String },
    /// Remove a pledge.
    RemovePledge { pledge: PledgeId },
    /// Retitle a pledge.
    SetPledgeTitle { pledge: PledgeId, title: String },
    /// Change a pledge's number in the pledge book.
    SetPledgeNumber { pledge: PledgeId, number: String },
    /// Change a pledge's term.
    SetPledgeTerm { pledge: PledgeId, term: YearRange },
    /// Replace a pledge's classification (status, completion, actors, SDGs…).
    SetClassification {
        pledge: PledgeId,
        classification: Classification,
    },
    /// Replace the programs a pledge is linked to.
    SetPledgePrograms {
        pledge: PledgeId,
        programs: Vec<ProgramId>,
    },

    /// Append an indicator to a pledge.
    AddIndicator {
        pledge: PledgeId,
        name: String,
        unit: String,
    },
    /// Remove an indicator.
    RemoveIndicator {
        pledge: PledgeId,
        indicator: IndicatorId,
    },
    /// Rename an indicator.
    SetIndicatorName {
        pledge: PledgeId,
        indicator: IndicatorId,
        name: String,
    },
    /// Change an indicator's unit (건, 명, %).
    SetIndicatorUnit {
        pledge: PledgeId,
        indicator: IndicatorId,
        unit: String,
    },
    /// Set (or clear) one year's target or actual.
    SetIndicatorFigure {
        pledge: PledgeId,
        indicator: IndicatorId,
        year: Year,
        row: IndicatorRow,
        value: Option<Quantity>,
    },
    /// Set one year's note (why the year went as it did).
    SetIndicatorNote {
        pledge: PledgeId,
        indicator: IndicatorId,
        year: Year,
        note: String,
    },

    /// Several edits as one step (a pasted block, fill right, a ratio applied):
    /// all of them are carried out, or none.
    Many(Vec<Edit>),

    /// Arrange the briefing deck: which programs and pledges it shows, in order.
    SetDeckEntries(Vec<crate::model::plan::DeckEntry>),
    /// Set a slide's presenter note (empty removes it).
    SetSlideNote { slide: String, note: String },
    /// Show a slide's shares with 1 or 2 decimals (`None`: as the plan does).
    SetSlideShareDecimals {
        slide: String,
        decimals: Option<u32>,
    },

    /// Set (or clear) an indicator's total as the document states it, so a
    /// planner who changed the years can bring the stated total along.
    SetIndicatorStatedTotal {
        pledge: PledgeId,
        indicator: IndicatorId,
        row: IndicatorRow,
        value: Option<Quantity>,
    },

    /// Append an empty row to the staffing table.
    AddStaffingRow,
    /// Set a staffing row's service group and grade.
    SetStaffingText {
        row: usize,
        group: String,
        grade: String,
    },
    /// Set a staffing row's 정원 or 현원.
    SetStaffingCount {
        row: usize,
        column: StaffingColumn,
        count: u32,
    },
    /// Remove a staffing row.
    RemoveStaffingRow { row: usize },

    /// Start a new stage after the one being edited, as a copy of it, and edit it.
    AddStage { name: String },
    /// Edit another stage: its money comes into the plan's fields.
    SwitchStage(StageId),
    /// Rename a stage and set its date, note and fiscal year.
    SetStage {
        stage: StageId,
        name: String,
        date: String,
        note: String,
        year: Year,
    },
    /// Lock (adopt) or unlock a stage.
    SetStageLocked { stage: StageId, locked: bool },
}

/// Why an edit was refused; the plan is unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The edit names a program the plan no longer has (say, removed in another view).
    NoSuchProgram(ProgramId),
    /// The edit names a pledge the plan does not have.
    NoSuchPledge(PledgeId),
    /// The edit names an indicator the pledge does not have.
    NoSuchIndicator(IndicatorId),
    /// The edit names a line item the program does not have.
    NoSuchLineItem(usize),
    /// The edit names a funding source the plan does not have.
    NoSuchSource(SourceId),
    /// A source still has money or notes in some schedule.
    SourceInUse(SourceId),
    /// A year range that ends before it starts.
    ReversedYears(YearRange),
    /// A source needs a name.
    EmptySourceName,
    /// A figure, text or list beyond the limits a plan file can hold
    /// ([`crate::model::limits`]).
    OutOfLimits,
    /// The edit names a staffing row the plan does not have.
    NoSuchStaffingRow(usize),
    /// The edit names a stage the plan does not have.
    NoSuchStage(StageId),
    /// The edit would change the money of a locked (adopted) stage.
    StageLocked(StageId),
}

impl Edit {
    /// What the edit changes, for re-checking only that
    /// ([`crate::rules::validate::Validation::update`]): an edit of one program's or pledge's own
    /// fields, the deck's presentation, or (anything else) the plan.
    pub fn touches(&self) -> Touched {
        let owner = |owner: &Owner| match owner {
            Owner::Program(id) => Touched::Program(*id),
            Owner::Pledge(id) => Touched::Pledge(*id),
        };
        match self {
            Edit::SetProgramName { program, .. }
            | Edit::SetProgramPeriod { program, .. }
            | Edit::SetBudget { program, .. }
            | Edit::SetMatching { program, .. }
            | Edit::SetPrintedShare { program, .. }
            | Edit::SetPrintedChange { program, .. }
            | Edit::AddLineItem { program }
            | Edit::SetLineItem { program, .. }
            | Edit::RemoveLineItem { program, .. } => Touched::Program(*program),
            Edit::SetCell { owner: o, .. }
            | Edit::SetShareNote { owner: o, .. }
            | Edit::SetStatedTotal { owner: o, .. }
            | Edit::SetPrinted { owner: o, .. }
            | Edit::SetAverage { owner: o, .. } => owner(o),
            Edit::SetPledgeTitle { pledge, .. }
            | Edit::SetPledgeNumber { pledge, .. }
            | Edit::SetPledgeTerm { pledge, .. }
            | Edit::SetClassification { pledge, .. }
            | Edit::SetPledgePrograms { pledge, .. }
            | Edit::AddIndicator { pledge, .. }
            | Edit::RemoveIndicator { pledge, .. }
            | Edit::SetIndicatorName { pledge, .. }
            | Edit::SetIndicatorUnit { pledge, .. }
            | Edit::SetIndicatorFigure { pledge, .. }
            | Edit::SetIndicatorNote { pledge, .. }
            | Edit::SetIndicatorStatedTotal { pledge, .. } => Touched::Pledge(*pledge),
            Edit::SetDeckEntries(_)
            | Edit::SetSlideNote { .. }
            | Edit::SetSlideShareDecimals { .. } => Touched::Presentation,
            Edit::Many(edits) => edits
                .iter()
                .map(Edit::touches)
                .reduce(Touched::and)
                .unwrap_or(Touched::Presentation),
            _ => Touched::Plan,
        }
    }

    /// Whether the edit can change anything a table or chart shows: false
    /// only for the deck's notes and slide order, so typing a note redraws
    /// no chart.
    pub fn changes_figures(&self) -> bool {
        match self {
            Edit::SetSlideNote { .. } | Edit::SetDeckEntries(_) => false,
            Edit::Many(edits) => edits.iter().any(Edit::changes_figures),
            _ => true,
        }
    }

    /// Whether the edit can change the list of programs and pledges as a
    /// picker shows it (ids, order, names, pledge numbers): what lists them
    /// tracks this, so a keystroke in a figure rebuilds no list of 2,000.
    pub fn changes_names(&self) -> bool {
        match self {
            Edit::SetProgramName { .. }
            | Edit::SetPledgeTitle { .. }
            | Edit::SetPledgeNumber { .. } => true,
            Edit::Many(edits) => edits.iter().any(Edit::changes_names),
            edit => edit.touches() == Touched::Plan,
        }
    }

    /// Whether every figure and text the edit carries is within the limits
    /// a plan file can hold, so that any plan made by accepted edits can be
    /// stored, exported and read back.
    pub fn within_limits(&self) -> bool {
        let amount = |a: &Amount| amount_fits(a.as_decimal());
        let quantity = |q: &Option<Quantity>| q.is_none_or(quantity_fits);
        let texts = |ts: &[&String]| ts.iter().all(|t| text_fits(t));
        let column = |c: &Column| match c {
            Column::Year(y) => year_fits(*y),
            _ => true,
        };
        match self {
            Edit::SetTitle(t) | Edit::SetOrganisation(t) => text_fits(t),
            Edit::SetYears(r) => span_fits(r.first, r.last),
            Edit::SetBaseYear(y) => year_fits(*y),
            Edit::AddSource { name_ko, name_en }
            | Edit::RenameSource {
                name_ko, name_en, ..
            } => texts(&[name_ko, name_en]),
            Edit::AddProgram { name, .. } | Edit::SetProgramName { name, .. } => text_fits(name),
            Edit::SetProgramPeriod { period, .. } => span_fits(period.first, period.last),
            Edit::SetPledgeTerm { term, .. } => span_fits(term.first, term.last),
            Edit::SetBudget { amount: a, .. } => amount(a),
            Edit::SetMatching { ratio, .. } => {
                ratio.len() <= MAX_ITEMS && ratio.iter().all(|r| r.weight <= MAX_WEIGHT)
            }
            Edit::SetCell {
                amount: a,
                column: c,
                ..
            } => amount(a) && column(c),
            Edit::SetShareNote { note, .. }
            | Edit::SetIndicatorNote { note, .. }
            | Edit::SetSlideNote { note, .. } => text_fits(note),
            Edit::SetSlideShareDecimals { slide, decimals } => {
                text_fits(slide) && decimals.is_none_or(|d| (1..=2).contains(&d))
            }
            Edit::SetStatedTotal { total, .. } => total.as_ref().is_none_or(amount),
            Edit::SetPrinted {
                amount: a, cell, ..
            } => {
                a.as_ref().is_none_or(amount)
                    && match cell {
                        PrintedCell::ColumnTotal(c) => column(c),
                        _ => true,
                    }
            }
            Edit::SetStatusPrinted { amount: a, .. } | Edit::SetPrintedChange { amount: a, .. } => {
                a.as_ref().is_none_or(amount)
            }
            Edit::SetShareDecimals(d) => (1..=2).contains(d),
            Edit::SetPrintedShare { share, .. } => share.is_none_or(|s| {
                s.abs() <= crate::model::limits::MAX_PERCENT
                    && s.normalize().scale() <= crate::model::limits::PERCENT_DECIMALS
            }),
            Edit::SetLineItem { item, .. } => {
                item.stated.as_ref().is_none_or(amount) && texts(&[&item.name, &item.basis])
            }
            Edit::AddPledge { title } | Edit::SetPledgeTitle { title, .. } => text_fits(title),
            Edit::SetPledgeNumber { number, .. } => text_fits(number),
            Edit::SetPledgePrograms { programs, .. } => programs.len() <= MAX_ITEMS,
            Edit::SetClassification { classification, .. } => {
                classification.sdgs.len() <= MAX_ITEMS && classification.actors.len() <= MAX_ITEMS
            }
            Edit::AddIndicator { name, unit, .. } => texts(&[name, unit]),
            Edit::SetIndicatorName { name, .. } => text_fits(name),
            Edit::SetIndicatorUnit { unit, .. } => text_fits(unit),
            Edit::SetIndicatorFigure { year, value, .. } => year_fits(*year) && quantity(value),
            Edit::SetIndicatorStatedTotal { value, .. } => quantity(value),
            Edit::SetDeckEntries(entries) => entries.len() <= MAX_ITEMS,
            Edit::SetStaffingText { group, grade, .. } => texts(&[group, grade]),
            Edit::SetStaffingCount { count, .. } => *count <= MAX_COUNT,
            Edit::AddStage { name } => text_fits(name),
            Edit::SetStage {
                name,
                date,
                note,
                year,
                ..
            } => texts(&[name, date, note]) && year_fits(*year),
            Edit::SwitchStage(_) | Edit::SetStageLocked { .. } => true,
            Edit::SetUnit(_)
            | Edit::SetRounding { .. }
            | Edit::SetAverage { .. }
            | Edit::MoveSource { .. }
            | Edit::RemoveSource { .. }
            | Edit::RemoveProgram { .. }
            | Edit::AddLineItem { .. }
            | Edit::RemoveLineItem { .. }
            | Edit::RemovePledge { .. }
            | Edit::RemoveIndicator { .. }
            | Edit::AddStaffingRow
            | Edit::RemoveStaffingRow { .. }
            | Edit::Many(_) => true,
        }
    }
}

/// Refuses a list that is already as long as a file may make it.
fn room_in(len: usize) -> Result<(), EditError> {
    if len >= MAX_ITEMS {
        Err(EditError::OutOfLimits)
    } else {
        Ok(())
    }
}

impl Edit {
    /// Whether the edit changes money that belongs to a stage (schedules, the
    /// status table, splits, line items, printed totals): what a locked stage refuses.
    pub fn changes_money(&self) -> bool {
        match self {
            Edit::SetBudget { .. }
            | Edit::SetMatching { .. }
            | Edit::SetCell { .. }
            | Edit::SetShareNote { .. }
            | Edit::SetStatedTotal { .. }
            | Edit::SetPrinted { .. }
            | Edit::SetPrintedShare { .. }
            | Edit::SetStatusPrinted { .. }
            | Edit::SetPrintedChange { .. }
            | Edit::AddLineItem { .. }
            | Edit::SetLineItem { .. }
            | Edit::RemoveLineItem { .. }
            | Edit::SetAverage { .. } => true,
            // The unit a stage's table was printed in is part of that table.
            Edit::SetRounding { table, .. } => *table != RoundingTable::Plan,
            Edit::Many(edits) => edits.iter().any(Edit::changes_money),
            _ => false,
        }
    }
}

impl Plan {
    /// The locked stage that holds money for the owner, if any (the current
    /// stage first): a program or pledge it holds money for cannot be removed.
    fn locked_money_of(&self, owner: Owner) -> Option<StageId> {
        let here = match owner {
            Owner::Program(id) => self.program(id).is_some_and(Program::has_figures),
            Owner::Pledge(id) => self.pledge(id).is_some_and(Pledge::has_figures),
        };
        if self.stages.current_locked() && here {
            return Some(self.stages.current);
        }
        self.stages
            .list
            .iter()
            .filter(|s| s.locked && s.id != self.stages.current)
            .find(|s| {
                self.stages.figures.get(&s.id).is_some_and(|f| match owner {
                    Owner::Program(id) => f.programs.get(&id).is_some_and(|p| {
                        p.schedule.has_figures()
                            || p.budget.is_some()
                            || p.stated_total.is_some()
                            || !p.line_items.is_empty()
                    }),
                    Owner::Pledge(id) => f
                        .pledges
                        .get(&id)
                        .is_some_and(|p| p.schedule.has_figures() || p.stated_total.is_some()),
                })
            })
            .map(|s| s.id)
    }

    /// Carries out an edit, or refuses it and leaves the plan as it was.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        if !edit.within_limits() {
            return Err(EditError::OutOfLimits);
        }
        if self.stages.current_locked() && edit.changes_money() {
            return Err(EditError::StageLocked(self.stages.current));
        }
        match edit {
            Edit::SetTitle(title) => self.title = title,
            Edit::SetOrganisation(organisation) => self.organisation = organisation,
            Edit::SetUnit(unit) => self.unit = unit,
            Edit::SetYears(years) => {
                check_range(years)?;
                self.years = years;
                if !years.contains(self.base_year) {
                    self.base_year = self.base_year.clamp(years.first, years.last);
                }
            }
            Edit::SetBaseYear(year) => self.base_year = year,
            Edit::AddSource { name_ko, name_en } => {
                if name_ko.trim().is_empty() && name_en.trim().is_empty() {
                    return Err(EditError::EmptySourceName);
                }
                room_in(self.sources.len())?;
                let id = self.new_source_id(if name_en.trim().is_empty() {
                    &name_ko
                } else {
                    &name_en
                });
                self.sources.push(FundingSource {
                    id,
                    name_ko,
                    name_en,
                });
            }
            Edit::RenameSource {
                source,
                name_ko,
                name_en,
            } => {
                let s = self
                    .sources
                    .iter_mut()
                    .find(|s| s.id == source)
                    .ok_or(EditError::NoSuchSource(source))?;
                s.name_ko = name_ko;
                s.name_en = name_en;
            }
            Edit::MoveSource { source, to } => {
                let from = self.source_index(&source)?;
                let moved = self.sources.remove(from);
                let to = to.min(self.sources.len());
                self.sources.insert(to, moved);
            }
            Edit::RemoveSource { source } => {
                let index = self.source_index(&source)?;
                if self.source_in_use(&source) {
                    return Err(EditError::SourceInUse(source));
                }
                self.sources.remove(index);
                for schedule in self.schedules_mut() {
                    schedule.rows.retain(|r| r.source != source);
                }
                for figures in self.stages.figures.values_mut() {
                    let schedules = figures
                        .programs
                        .values_mut()
                        .map(|p| &mut p.schedule)
                        .chain(figures.pledges.values_mut().map(|p| &mut p.schedule));
                    for schedule in schedules {
                        schedule.rows.retain(|r| r.source != source);
                    }
                    figures
                        .programs
                        .retain(|_, p| *p != crate::model::plan::ProgramFigures::default());
                    figures
                        .pledges
                        .retain(|_, p| *p != crate::model::plan::PledgeFigures::default());
                }
                for program in &mut self.programs {
                    program.matching.retain(|r| r.source != source);
                }
            }

            Edit::AddProgram { name, status_row } => {
                room_in(self.programs.len())?;
                let id = self
                    .programs
                    .iter()
                    .map(|p| p.id)
                    .max()
                    .map_or(1, |m| m.saturating_add(1));
                let mut program = Program::new(id, &name, self.years);
                if status_row {
                    program.budget = Some(YearBudget::default());
                }
                self.programs.push(program);
            }
            Edit::RemoveProgram { program } => {
                if let Some(stage) = self.locked_money_of(Owner::Program(program)) {
                    return Err(EditError::StageLocked(stage));
                }
                for figures in self.stages.figures.values_mut() {
                    figures.programs.remove(&program);
                }
                let before = self.programs.len();
                self.programs.retain(|p| p.id != program);
                if self.programs.len() == before {
                    return Err(EditError::NoSuchProgram(program));
                }
                for pledge in &mut self.pledges {
                    pledge.programs.retain(|p| *p != program);
                }
                self.forget_slide(Owner::Program(program));
            }
            Edit::SetProgramName { program, name } => self.program_mut(program)?.name = name,
            Edit::SetProgramPeriod { program, period } => {
                check_range(period)?;
                self.program_mut(program)?.period = period;
            }
            Edit::SetBudget {
                program,
                column,
                amount,
            } => {
                let budget = self
                    .program_mut(program)?
                    .budget
                    .get_or_insert_with(YearBudget::default);
                match column {
                    BudgetColumn::ThisYear => budget.this_year = amount,
                    BudgetColumn::PriorYear => budget.prior_year = amount,
                }
            }
            Edit::SetMatching { program, ratio } => {
                for share in &ratio {
                    self.source_index(&share.source)?;
                }
                self.program_mut(program)?.matching =
                    ratio.into_iter().filter(|r| r.weight > 0).collect();
            }

            Edit::SetCell {
                owner,
                source,
                column,
                amount,
            } => {
                self.source_index(&source)?;
                self.schedule_mut(owner)?.set(&source, column, amount);
            }
            Edit::SetShareNote {
                owner,
                source,
                note,
            } => {
                self.source_index(&source)?;
                self.schedule_mut(owner)?.row_mut(&source).note = note;
            }
            Edit::SetStatedTotal { owner, total, unit } => {
                let stated = total.map(|amount| Stated { amount, unit });
                match owner {
                    Owner::Program(id) => self.program_mut(id)?.stated_total = stated,
                    Owner::Pledge(id) => self.pledge_mut(id)?.stated_total = stated,
                }
            }

            Edit::SetPrinted {
                owner,
                cell,
                amount,
            } => {
                let schedule = self.schedule_mut(owner)?;
                match amount {
                    Some(a) => {
                        if !schedule.printed.contains_key(&cell) {
                            room_in(schedule.printed.len())?;
                        }
                        schedule.printed.insert(cell, a);
                    }
                    None => {
                        schedule.printed.remove(&cell);
                    }
                }
            }
            Edit::SetRounding { table, unit } => match table {
                RoundingTable::Plan => self.rounded_in = unit,
                RoundingTable::Status => self.status_totals.rounded_in = unit,
                RoundingTable::Schedule(owner) => self.schedule_mut(owner)?.rounded_in = unit,
            },
            Edit::SetAverage { owner, shown } => self.schedule_mut(owner)?.average = shown,
            Edit::SetShareDecimals(decimals) => self.share_decimals = decimals,
            Edit::SetPrintedShare {
                program,
                source,
                share,
            } => {
                self.source_index(&source)?;
                let shares = &mut self.program_mut(program)?.printed_shares;
                match share {
                    Some(s) => {
                        shares.insert(source, s);
                    }
                    None => {
                        shares.remove(&source);
                    }
                }
            }
            Edit::SetStatusPrinted { column, amount } => {
                let totals = &mut self.status_totals;
                match column {
                    StatusColumn::ThisYear => totals.this_year = amount,
                    StatusColumn::PriorYear => totals.prior_year = amount,
                    StatusColumn::Change => totals.change = amount,
                }
            }
            Edit::SetPrintedChange { program, amount } => {
                self.program_mut(program)?
                    .budget
                    .get_or_insert_with(YearBudget::default)
                    .printed_change = amount;
            }

            Edit::AddLineItem { program } => {
                let items = &mut self.program_mut(program)?.line_items;
                room_in(items.len())?;
                items.push(LineItem::default());
            }
            Edit::SetLineItem {
                program,
                index,
                item,
            } => {
                *self
                    .program_mut(program)?
                    .line_items
                    .get_mut(index)
                    .ok_or(EditError::NoSuchLineItem(index))? = item;
            }
            Edit::RemoveLineItem { program, index } => {
                let items = &mut self.program_mut(program)?.line_items;
                if index >= items.len() {
                    return Err(EditError::NoSuchLineItem(index));
                }
                items.remove(index);
            }

            Edit::AddPledge { title } => {
                room_in(self.pledges.len())?;
                let id = self
                    .pledges
                    .iter()
                    .map(|p| p.id)
                    .max()
                    .map_or(1, |m| m.saturating_add(1));
                self.pledges.push(Pledge::new(id, &title, self.years));
            }
            Edit::RemovePledge { pledge } => {
                if let Some(stage) = self.locked_money_of(Owner::Pledge(pledge)) {
                    return Err(EditError::StageLocked(stage));
                }
                for figures in self.stages.figures.values_mut() {
                    figures.pledges.remove(&pledge);
                }
                let before = self.pledges.len();
                self.pledges.retain(|p| p.id != pledge);
                if self.pledges.len() == before {
                    return Err(EditError::NoSuchPledge(pledge));
                }
                self.forget_slide(Owner::Pledge(pledge));
            }
            Edit::SetPledgeTitle { pledge, title } => self.pledge_mut(pledge)?.title = title,
            Edit::SetPledgeNumber { pledge, number } => self.pledge_mut(pledge)?.number = number,
            Edit::SetPledgeTerm { pledge, term } => {
                check_range(term)?;
                self.pledge_mut(pledge)?.term = term;
            }
            Edit::SetClassification {
                pledge,
                classification,
            } => {
                self.pledge_mut(pledge)?.classification = classification;
            }
            Edit::SetPledgePrograms { pledge, programs } => {
                self.pledge_mut(pledge)?.programs = programs
            }

            Edit::AddIndicator { pledge, name, unit } => {
                let pledge = self.pledge_mut(pledge)?;
                room_in(pledge.indicators.len())?;
                let id = pledge
                    .indicators
                    .iter()
                    .map(|i| i.id)
                    .max()
                    .map_or(1, |m| m.saturating_add(1));
                pledge.indicators.push(Indicator {
                    id,
                    name,
                    unit,
                    ..Indicator::default()
                });
            }
            Edit::RemoveIndicator { pledge, indicator } => {
                let indicators = &mut self.pledge_mut(pledge)?.indicators;
                let before = indicators.len();
                indicators.retain(|i| i.id != indicator);
                if indicators.len() == before {
                    return Err(EditError::NoSuchIndicator(indicator));
                }
            }
            Edit::SetIndicatorName {
                pledge,
                indicator,
                name,
            } => self.indicator_mut(pledge, indicator)?.name = name,
            Edit::SetIndicatorUnit {
                pledge,
                indicator,
                unit,
            } => self.indicator_mut(pledge, indicator)?.unit = unit,
            Edit::SetIndicatorFigure {
                pledge,
                indicator,
                year,
                row,
                value,
            } => {
                let years = &mut self.indicator_mut(pledge, indicator)?.years;
                let entry = years.entry(year).or_default();
                match row {
                    IndicatorRow::Target => entry.target = value,
                    IndicatorRow::Actual => entry.actual = value,
                }
                if entry.target.is_none() && entry.actual.is_none() && entry.note.is_empty() {
                    years.remove(&year);
                }
            }
            Edit::SetIndicatorNote {
                pledge,
                indicator,
                year,
                note,
            } => {
                let years = &mut self.indicator_mut(pledge, indicator)?.years;
                let entry = years.entry(year).or_default();
                entry.note = note;
                if entry.target.is_none() && entry.actual.is_none() && entry.note.is_empty() {
                    years.remove(&year);
                }
            }

            Edit::SetIndicatorStatedTotal {
                pledge,
                indicator,
                row,
                value,
            } => {
                let indicator = self.indicator_mut(pledge, indicator)?;
                match row {
                    IndicatorRow::Target => indicator.stated_target_total = value,
                    IndicatorRow::Actual => indicator.stated_actual_total = value,
                }
            }

            Edit::AddStaffingRow => {
                room_in(self.staffing.len())?;
                self.staffing.push(StaffingRow::default());
            }
            Edit::SetStaffingText { row, group, grade } => {
                let r = self.staffing_mut(row)?;
                r.group = group;
                r.grade = grade;
            }
            Edit::SetStaffingCount { row, column, count } => {
                let r = self.staffing_mut(row)?;
                match column {
                    StaffingColumn::Quota => r.quota = count,
                    StaffingColumn::Current => r.current = count,
                }
            }
            Edit::RemoveStaffingRow { row } => {
                self.staffing_mut(row)?;
                self.staffing.remove(row);
            }

            Edit::SetDeckEntries(entries) => self.deck.entries = entries,
            Edit::AddStage { name } => {
                room_in(self.stages.list.len())?;
                let id = self.stages.list.iter().map(|s| s.id).max().unwrap_or(0) + 1;
                let at = self
                    .stages
                    .list
                    .iter()
                    .position(|s| s.id == self.stages.current)
                    .map_or(self.stages.list.len(), |i| i + 1);
                let year = self
                    .stages
                    .current_stage()
                    .map_or(self.base_year, |s| s.year);
                let figures = self.figures();
                self.stages.figures.insert(self.stages.current, figures);
                self.stages.list.insert(
                    at,
                    Stage {
                        id,
                        name,
                        date: String::new(),
                        note: String::new(),
                        year,
                        locked: false,
                    },
                );
                self.stages.current = id;
            }
            Edit::SwitchStage(id) => {
                if id != self.stages.current {
                    if self.stages.stage(id).is_none() {
                        return Err(EditError::NoSuchStage(id));
                    }
                    let figures = self.stages.figures.remove(&id).unwrap_or_default();
                    let mine = self.figures();
                    self.stages.figures.insert(self.stages.current, mine);
                    self.set_figures(&figures);
                    self.stages.current = id;
                }
            }
            Edit::SetStage {
                stage,
                name,
                date,
                note,
                year,
            } => {
                let s = self
                    .stages
                    .list
                    .iter_mut()
                    .find(|s| s.id == stage)
                    .ok_or(EditError::NoSuchStage(stage))?;
                s.name = name;
                s.date = date;
                s.note = note;
                s.year = year;
            }
            Edit::SetStageLocked { stage, locked } => {
                self.stages
                    .list
                    .iter_mut()
                    .find(|s| s.id == stage)
                    .ok_or(EditError::NoSuchStage(stage))?
                    .locked = locked;
            }
            Edit::SetSlideShareDecimals { slide, decimals } => {
                let map = &mut self.deck.share_decimals;
                match decimals {
                    Some(d) => {
                        if !map.contains_key(&slide) {
                            room_in(map.len())?;
                        }
                        map.insert(slide, d);
                    }
                    None => {
                        map.remove(&slide);
                    }
                }
            }
            Edit::SetSlideNote { slide, note } => {
                if note.is_empty() {
                    self.deck.notes.remove(&slide);
                } else {
                    self.deck.notes.insert(slide, note);
                }
            }
            Edit::Many(edits) => {
                let mut draft = self.clone();
                for edit in edits {
                    draft.apply(edit)?;
                }
                *self = draft;
            }
        }
        Ok(())
    }

    fn source_index(&self, source: &str) -> Result<usize, EditError> {
        self.sources
            .iter()
            .position(|s| s.id == source)
            .ok_or_else(|| EditError::NoSuchSource(source.into()))
    }

    /// A key no source has yet, readable when the name is ASCII (`private`),
    /// `source-N` otherwise.
    fn new_source_id(&self, name: &str) -> SourceId {
        let slug: String = name
            .trim()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        let slug = slug.trim_matches('-').to_string();
        let base = if slug.is_empty() || slug.len() != name.trim().len() {
            "source".to_string()
        } else {
            slug
        };
        if self.source(&base).is_none() && base != "source" {
            return base;
        }
        (1..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| self.source(id).is_none())
            .unwrap_or(base)
    }

    fn schedules_mut(&mut self) -> impl Iterator<Item = &mut Schedule> {
        self.programs
            .iter_mut()
            .map(|p| &mut p.schedule)
            .chain(self.pledges.iter_mut().map(|p| &mut p.schedule))
    }

    fn schedule_mut(&mut self, owner: Owner) -> Result<&mut Schedule, EditError> {
        Ok(match owner {
            Owner::Program(id) => &mut self.program_mut(id)?.schedule,
            Owner::Pledge(id) => &mut self.pledge_mut(id)?.schedule,
        })
    }

    /// A removed program or pledge leaves the deck with its note, so an id
    /// given out again later does not inherit them.
    fn forget_slide(&mut self, subject: Owner) {
        self.deck.entries.retain(|e| e.subject != subject);
        self.deck.notes.remove(&subject.cell_prefix());
    }

    fn staffing_mut(&mut self, row: usize) -> Result<&mut StaffingRow, EditError> {
        self.staffing
            .get_mut(row)
            .ok_or(EditError::NoSuchStaffingRow(row))
    }

    fn program_mut(&mut self, id: ProgramId) -> Result<&mut Program, EditError> {
        self.programs
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or(EditError::NoSuchProgram(id))
    }

    fn pledge_mut(&mut self, id: PledgeId) -> Result<&mut Pledge, EditError> {
        self.pledges
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or(EditError::NoSuchPledge(id))
    }

    fn indicator_mut(
        &mut self,
        pledge: PledgeId,
        id: IndicatorId,
    ) -> Result<&mut Indicator, EditError> {
        self.pledge_mut(pledge)?
            .indicators
            .iter_mut()
            .find(|i| i.id == id)
            .ok_or(EditError::NoSuchIndicator(id))
    }
}

fn check_range(range: YearRange) -> Result<(), EditError> {
    if !span_fits(range.first, range.last) {
        Err(EditError::ReversedYears(range))
    } else {
        Ok(())
    }
}

impl Pledge {
    /// An empty pledge over a term.
    pub fn new(id: PledgeId, title: &str, term: YearRange) -> Pledge {
        Pledge {
            id,
            number: String::new(),
            title: title.into(),
            classification: Classification::default(),
            term,
            programs: Vec::new(),
            schedule: Schedule::default(),
            stated_total: None,
            indicators: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::demo::demo_plan;

    #[test]
    fn an_indicator_stated_total_is_set_and_cleared() {
        let mut plan = demo_plan();
        let set = |value| Edit::SetIndicatorStatedTotal {
            pledge: 1,
            indicator: 1,
            row: IndicatorRow::Target,
            value,
        };
        plan.apply(set(Some(rust_decimal::Decimal::from(3_100))))
            .unwrap();
        let indicator = &plan.pledges[0].indicators[0];
        assert_eq!(
            indicator.stated_target_total,
            Some(rust_decimal::Decimal::from(3_100))
        );
        assert_eq!(
            indicator.stated_actual_total,
            Some(rust_decimal::Decimal::from(1_941))
        );
        plan.apply(set(None)).unwrap();
        assert_eq!(plan.pledges[0].indicators[0].stated_target_total, None);
        assert_eq!(
            plan.apply(Edit::SetIndicatorStatedTotal {
                pledge: 1,
                indicator: 9,
                row: IndicatorRow::Actual,
                value: None,
            }),
            Err(EditError::NoSuchIndicator(9))
        );
    }

    #[test]
    fn many_is_all_or_nothing() {
        let mut plan = demo_plan();
        let before = plan.clone();
        let owner = Owner::Program(5);
        let good = Edit::SetCell {
            owner,
            source: "city".into(),
            column: Column::Year(2019),
            amount: Amount::won(1),
        };
        let bad = Edit::SetCell {
            owner,
            source: "moon".into(),
            column: Column::Year(2019),
            amount: Amount::won(1),
        };
        assert_eq!(
            plan.apply(Edit::Many(vec![good.clone(), bad])),
            Err(EditError::NoSuchSource("moon".into()))
        );
        assert_eq!(plan, before);
        plan.apply(Edit::Many(vec![good])).unwrap();
        assert_eq!(
            plan.schedule(owner)
                .unwrap()
                .row("city")
                .unwrap()
                .year(2019),
            Amount::won(1)
        );
    }

    #[test]
    fn a_source_with_money_cannot_be_removed_but_an_empty_one_can() {
        let mut plan = demo_plan();
        assert_eq!(
            plan.apply(Edit::RemoveSource {
                source: "city".into()
            }),
            Err(EditError::SourceInUse("city".into()))
        );
        plan.apply(Edit::AddSource {
            name_ko: "민간".into(),
            name_en: "Private".into(),
        })
        .unwrap();
        assert_eq!(plan.sources.last().unwrap().id, "private");
        plan.apply(Edit::AddSource {
            name_ko: "민간".into(),
            name_en: "Private".into(),
        })
        .unwrap();
        assert_eq!(plan.sources.last().unwrap().id, "private-1");
        plan.apply(Edit::AddSource {
            name_ko: "기업".into(),
            name_en: String::new(),
        })
        .unwrap();
        assert_eq!(plan.sources.last().unwrap().id, "source-1");
        plan.apply(Edit::MoveSource {
            source: "private".into(),
            to: 0,
        })
        .unwrap();
        assert_eq!(plan.sources[0].id, "private");
        plan.apply(Edit::RemoveSource {
            source: "private".into(),
        })
        .unwrap();
        assert!(plan.source("private").is_none());
    }

    #[test]
    fn indicator_figures_and_notes_are_set_and_cleared() {
        let mut plan = demo_plan();
        plan.apply(Edit::AddIndicator {
            pledge: 1,
            name: "n".into(),
            unit: "명".into(),
        })
        .unwrap();
        let id = plan.pledge(1).unwrap().indicators.last().unwrap().id;
        let set = |value| Edit::SetIndicatorFigure {
            pledge: 1,
            indicator: id,
            year: 2019,
            row: IndicatorRow::Target,
            value,
        };
        plan.apply(set(Some(Quantity::from(5)))).unwrap();
        assert_eq!(
            plan.pledge(1).unwrap().indicators.last().unwrap().years[&2019].target,
            Some(Quantity::from(5))
        );
        plan.apply(set(None)).unwrap();
        assert!(plan
            .pledge(1)
            .unwrap()
            .indicators
            .last()
            .unwrap()
            .years
            .is_empty());
        assert_eq!(
            plan.apply(Edit::RemoveIndicator {
                pledge: 1,
                indicator: 99
            }),
            Err(EditError::NoSuchIndicator(99))
        );
    }

    #[test]
    fn reversed_years_are_refused() {
        let mut plan = demo_plan();
        assert!(plan
            .apply(Edit::SetYears(YearRange::new(2022, 2018)))
            .is_err());
        plan.apply(Edit::SetYears(YearRange::new(2018, 2020)))
            .unwrap();
        assert_eq!(plan.base_year, 2020);
    }
}
