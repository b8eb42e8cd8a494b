//! The plan model: what a planner's documents hold (DOMAIN.md §1), as Rust
//! types. A plan may hold figures that break the rules (that is what a draft
//! is); [`crate::rules::validate`] finds them. Only structural impossibilities, such
//! as two programs with one id, are refused, when a file is read.
//!
//! The UI never changes a [`Plan`] field by hand: it sends an
//! [`crate::change::edit::Edit`], which `Plan::apply` carries out or refuses, so every
//! change takes one path.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::amount::{Amount, Unit};

/// A fiscal year, such as 2019.
pub type Year = i32;

/// Identifies a program within its plan, stable across renames and reorders.
pub type ProgramId = u32;
/// Identifies a pledge within its plan.
pub type PledgeId = u32;
/// Identifies an indicator within its pledge.
pub type IndicatorId = u32;

/// A funding source's key within the plan (`national`, `city`, …), used by
/// schedule rows and matching ratios so that renaming a source moves nothing.
pub type SourceId = String;

/// An inclusive range of fiscal years: a plan's term or a program's period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct YearRange {
    /// The first year.
    pub first: Year,
    /// The last year (inclusive).
    pub last: Year,
}

impl YearRange {
    /// The range `first..=last`.
    pub fn new(first: Year, last: Year) -> YearRange {
        YearRange { first, last }
    }

    /// Whether `year` falls in the range.
    pub fn contains(self, year: Year) -> bool {
        self.first <= year && year <= self.last
    }

    /// Every year of the range, in order.
    pub fn years(self) -> impl Iterator<Item = Year> + Clone {
        self.first..=self.last
    }

    /// How many years the range spans (0 if reversed).
    pub fn len(self) -> usize {
        usize::try_from(self.last - self.first + 1).unwrap_or(0)
    }

    /// True when the range holds no year.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }
}

/// A count or measure that is not money: indicator targets and actuals
/// (건, 명, %). Exact decimal, like money.
pub type Quantity = Decimal;

/// One budget plan: what a planner keeps, exports and presents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The plan's name, shown in the header and used for file names.
    pub title: String,
    /// The office or council the plan belongs to (e.g. 사회적경제과).
    pub organisation: String,
    /// The plan's term: the years its schedules have a column for.
    pub years: YearRange,
    /// The year the plan speaks from (기준연도): actuals after it are not yet possible.
    pub base_year: Year,
    /// The unit the plan's tables are entered and shown in.
    pub unit: Unit,
    /// The funding sources, in the order the tables list them.
    pub sources: Vec<FundingSource>,
    /// Programs (사업), in the order the documents list them.
    pub programs: Vec<Program>,
    /// Pledges (공약) with their schedules and indicators.
    pub pledges: Vec<Pledge>,
    /// The organisation's staffing table (인력), by grade.
    pub staffing: Vec<StaffingRow>,
    /// How the plan is presented at a briefing: slide order and presenter notes.
    pub deck: Deck,
    /// The unit the plan's documents were printed in, for every table that
    /// does not say otherwise: differences within its rounding are warnings.
    pub rounded_in: Option<Unit>,
    /// How many decimals shares (%) are shown with: 1 or 2, as the documents print them.
    pub share_decimals: u32,
    /// The budget status table's 계 row as the document prints it.
    pub status_totals: StatusTotals,
    /// The budget's stages (부서 요구, 편성안, 본예산, 추경): the plan's money
    /// fields above are the stage being edited; the others are kept here.
    pub stages: Stages,
}

/// Identifies a stage within its plan.
pub type StageId = u32;

/// A named stage of the budget: one set of the plan's money, as the
/// department requested it, the executive proposed it, the council adopted it
/// or a supplementary budget changed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stage {
    /// Stable identity within the plan.
    pub id: StageId,
    /// Its name (편성안, 제1회 추경).
    pub name: String,
    /// When it was set, as the planner writes it (`2026-11-20`).
    pub date: String,
    /// What it is about.
    pub note: String,
    /// The fiscal year whose budget it is.
    pub year: Year,
    /// Adopted figures: an edit to its money is refused until it is unlocked.
    pub locked: bool,
}

/// A program's money in one stage.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProgramFigures {
    /// Its schedule (and split).
    pub schedule: Schedule,
    /// 총사업비 as stated.
    pub stated_total: Option<Stated>,
    /// 예산액 and 전년도 예산액.
    pub budget: Option<YearBudget>,
    /// 산출기초.
    pub line_items: Vec<LineItem>,
    /// Shares as printed.
    pub printed_shares: BTreeMap<SourceId, Decimal>,
}

/// A pledge's money in one stage.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PledgeFigures {
    /// Its schedule.
    pub schedule: Schedule,
    /// 총사업비 as stated.
    pub stated_total: Option<Stated>,
}

/// Everything a plan holds that is money, for one stage: schedules, the status
/// table, splits, line items and printed totals (pledge actuals and the deck
/// belong to the plan, not to a stage).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StageFigures {
    /// By program.
    pub programs: BTreeMap<ProgramId, ProgramFigures>,
    /// By pledge.
    pub pledges: BTreeMap<PledgeId, PledgeFigures>,
    /// The status table's printed 계 row.
    pub status_totals: StatusTotals,
}

impl StageFigures {
    /// The money the programs and pledges hold in their own fields; one
    /// that holds none is left out (a stage's missing entry holds none).
    pub fn of(
        programs: &[Program],
        pledges: &[Pledge],
        status_totals: StatusTotals,
    ) -> StageFigures {
        StageFigures {
            programs: programs
                .iter()
                .map(|p| {
                    (
                        p.id,
                        ProgramFigures {
                            schedule: p.schedule.clone(),
                            stated_total: p.stated_total,
                            budget: p.budget,
                            line_items: p.line_items.clone(),
                            printed_shares: p.printed_shares.clone(),
                        },
                    )
                })
                .filter(|(_, f)| *f != ProgramFigures::default())
                .collect(),
            pledges: pledges
                .iter()
                .map(|p| {
                    (
                        p.id,
                        PledgeFigures {
                            schedule: p.schedule.clone(),
                            stated_total: p.stated_total,
                        },
                    )
                })
                .filter(|(_, f)| *f != PledgeFigures::default())
                .collect(),
            status_totals,
        }
    }
}

/// The plan's stages in order, the one being edited, and the others' money.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stages {
    /// Every stage, in budget order.
    pub list: Vec<Stage>,
    /// The stage being edited: its money is the plan's own fields.
    pub current: StageId,
    /// The money of every other stage.
    pub figures: BTreeMap<StageId, StageFigures>,
}

impl Stages {
    /// One stage holding the plan's figures, as every plan starts (and as a
    /// file written before stages is read).
    pub fn single(name: &str, year: Year) -> Stages {
        Stages {
            list: vec![Stage {
                id: 1,
                name: name.into(),
                date: String::new(),
                note: String::new(),
                year,
                locked: false,
            }],
            current: 1,
            figures: BTreeMap::new(),
        }
    }

    /// The stage with this id.
    pub fn stage(&self, id: StageId) -> Option<&Stage> {
        self.list.iter().find(|s| s.id == id)
    }

    /// The stage being edited.
    pub fn current_stage(&self) -> Option<&Stage> {
        self.stage(self.current)
    }

    /// Whether the stage being edited is locked.
    pub fn current_locked(&self) -> bool {
        self.current_stage().is_some_and(|s| s.locked)
    }

    /// The stage listed before `id`, if any.
    pub fn before(&self, id: StageId) -> Option<&Stage> {
        let at = self.list.iter().position(|s| s.id == id)?;
        at.checked_sub(1).and_then(|i| self.list.get(i))
    }

    /// Whether the plan has more than the one stage every plan starts with.
    pub fn is_single(&self) -> bool {
        self.list.len() <= 1
    }
}

/// The 예산현황 table's 계 row as printed, and the unit it was printed in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatusTotals {
    /// 예산액 계 as printed.
    pub this_year: Option<Amount>,
    /// 전년도 예산액 계 as printed.
    pub prior_year: Option<Amount>,
    /// 증감 계 as printed.
    pub change: Option<Amount>,
    /// The unit the table was printed in (`None`: the plan's default).
    pub rounded_in: Option<Unit>,
}

impl StatusTotals {
    /// Whether nothing is printed and no rounding is set: files then leave it out.
    pub fn is_empty(&self) -> bool {
        *self == StatusTotals::default()
    }
}

/// Whose schedule a cell belongs to: the grid edits programs' and pledges'
/// schedules alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Owner {
    /// A program's schedule (소요예산).
    Program(ProgramId),
    /// A pledge's schedule (소요예산액).
    Pledge(PledgeId),
}

impl Owner {
    /// The prefix of the owner's cell ids, as validation locations write it
    /// (`program-6`, `pledge-1`).
    pub fn cell_prefix(self) -> String {
        match self {
            Owner::Program(id) => format!("program-{id}"),
            Owner::Pledge(id) => format!("pledge-{id}"),
        }
    }

    /// The owner a prefix names (`program-6`, `pledge-1`): URL fragments and
    /// deck entries write owners this way.
    /// The id is digits without a leading zero (`program-06` and
    /// `program-+6` name nothing), as the file format's schema says.
    pub fn parse(text: &str) -> Option<Owner> {
        let id = |digits: &str| -> Option<u32> {
            let plain = !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && (digits == "0" || !digits.starts_with('0'));
            plain.then(|| digits.parse().ok()).flatten()
        };
        if let Some(digits) = text.strip_prefix("program-") {
            id(digits).map(Owner::Program)
        } else {
            text.strip_prefix("pledge-").and_then(id).map(Owner::Pledge)
        }
    }
}

/// How a planner arranged the deck, kept with the plan so the next briefing
/// starts from the same slides.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Deck {
    /// Programs and pledges in the order the planner put them, each shown or
    /// left out. Those not listed (added since) follow in plan order, shown.
    pub entries: Vec<DeckEntry>,
    /// Presenter notes by slide key (`summary`, `program-6`, … — see
    /// `views::deck::Slide::key`).
    pub notes: BTreeMap<String, String>,
    /// Decimals of the shares a slide's chart shows (1 or 2), by slide key,
    /// where it differs from the plan's `share_decimals`.
    pub share_decimals: BTreeMap<String, u32>,
}

impl Deck {
    /// True for a deck nobody arranged or annotated: files then need no deck.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.notes.is_empty() && self.share_decimals.is_empty()
    }
}

/// One program or pledge in the deck's arrangement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeckEntry {
    /// The program or pledge the slide presents.
    pub subject: Owner,
    /// False when the planner left it out of the deck.
    pub shown: bool,
}

/// A funding source (재원): 국비, 시비, 구비, 기타, or the plan's own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FundingSource {
    /// The key schedule rows refer to.
    pub id: SourceId,
    /// Korean name, as the tables print it (국비).
    pub name_ko: String,
    /// English name (National).
    pub name_en: String,
}

impl FundingSource {
    /// A source with its key and names.
    pub fn new(id: &str, name_ko: &str, name_en: &str) -> FundingSource {
        FundingSource {
            id: id.into(),
            name_ko: name_ko.into(),
            name_en: name_en.into(),
        }
    }

    /// The usual four: 국비, 시비, 구비, 기타.
    pub fn defaults() -> Vec<FundingSource> {
        vec![
            FundingSource::new("national", "국비", "National"),
            FundingSource::new("city", "시비", "City"),
            FundingSource::new("district", "구비", "District"),
            FundingSource::new("other", "기타", "Other"),
        ]
    }
}

/// New or continuing (신규/계속): programs and pledges carry it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Novelty {
    /// 신규
    New,
    /// 계속
    #[default]
    Continuing,
}

/// A figure as a document states it: an amount and the unit it was written in.
/// A total stated in 백만원 may be off the exact sum by rounding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stated {
    /// The amount, in won.
    pub amount: Amount,
    /// The unit the figure was written in.
    pub unit: Unit,
}

/// A program (사업): its schedule of money by source and year, its stated
/// total, its budget against last year, its matching ratio and line items.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    /// Stable identity within the plan.
    pub id: ProgramId,
    /// The program's name as the documents write it.
    pub name: String,
    /// The department or team that carries it.
    pub owner: String,
    /// The unit program (단위사업) it belongs to.
    pub unit_program: String,
    /// 신규 or 계속.
    pub novelty: Novelty,
    /// The years the program may spend money in.
    pub period: YearRange,
    /// Money by funding source and year.
    pub schedule: Schedule,
    /// 총사업비 as the document states it; the schedule must add up to it.
    pub stated_total: Option<Stated>,
    /// This year's and last year's budget, when the program is a row of the
    /// budget status table (예산현황).
    pub budget: Option<YearBudget>,
    /// For matching-fund programs (국·시비 매칭): the fixed ratio of the shares.
    pub matching: Vec<RatioShare>,
    /// Line items with their calculation basis (산출기초).
    pub line_items: Vec<LineItem>,
    /// Shares (%) by source as the document prints them, checked against the exact ones.
    pub printed_shares: BTreeMap<SourceId, Decimal>,
}

/// One source's weight in a matching ratio (national 50 : city 30 : district 20).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RatioShare {
    /// The source.
    pub source: SourceId,
    /// Its weight; the shares must be in proportion to the weights.
    pub weight: u32,
}

/// Money by funding source and column: 기투자 (before the plan's term), each
/// year, 장기 (after the term).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Schedule {
    /// One row per funding source that has money or a note.
    pub rows: Vec<ScheduleRow>,
    /// When the figures were copied from a document that rounded them to a
    /// unit, that unit: differences within that rounding are warnings.
    /// `None` follows the plan's default; 원 means exact.
    pub rounded_in: Option<Unit>,
    /// Total cells as the document prints them (the 총계 of the 계 row is the
    /// stated total), checked against the computed ones.
    pub printed: BTreeMap<PrintedCell, Amount>,
    /// Whether the table has a 연평균 column (the term's subtotal ÷ its years).
    pub average: bool,
}

/// A total cell of a schedule table other than its grand total: where a
/// printed figure can be typed and checked.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PrintedCell {
    /// A source's 총계.
    RowTotal(SourceId),
    /// A source's 소계 over the term.
    RowInTerm(SourceId),
    /// The 계 row's figure in one column.
    ColumnTotal(Column),
    /// The 계 row's 소계 over the term.
    InTerm,
}

/// One funding source's money across the schedule's columns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScheduleRow {
    /// The funding source.
    pub source: SourceId,
    /// 기투자: invested before the plan's term.
    pub before: Amount,
    /// Money per fiscal year.
    pub years: BTreeMap<Year, Amount>,
    /// 장기 / 임기후: planned after the term.
    pub after: Amount,
    /// Where the share comes from (a team's expenditure budget, a city grant).
    pub note: String,
}

impl ScheduleRow {
    /// An empty row for a source.
    pub fn new(source: &str) -> ScheduleRow {
        ScheduleRow {
            source: source.into(),
            ..ScheduleRow::default()
        }
    }

    /// The money in one year (zero when none is entered).
    pub fn year(&self, year: Year) -> Amount {
        self.years.get(&year).copied().unwrap_or_default()
    }

    /// The amount in one column.
    pub fn cell(&self, column: Column) -> Amount {
        match column {
            Column::Before => self.before,
            Column::After => self.after,
            Column::Year(y) => self.year(y),
        }
    }

    /// The source's share of the schedule: every column added up.
    pub fn total(&self) -> Amount {
        self.cells().map(|(_, a)| a).sum()
    }

    /// Every amount of the row with the column it sits in.
    pub fn cells(&self) -> impl Iterator<Item = (Column, Amount)> + '_ {
        std::iter::once((Column::Before, self.before))
            .chain(self.years.iter().map(|(y, a)| (Column::Year(*y), *a)))
            .chain(std::iter::once((Column::After, self.after)))
    }
}

impl Schedule {
    /// Whether any cell holds money or any row a note.
    pub fn has_figures(&self) -> bool {
        self.rows
            .iter()
            .any(|r| !r.note.is_empty() || r.cells().any(|(_, a)| !a.is_zero()))
            || !self.printed.is_empty()
    }

    /// The row of a source, if it has one.
    pub fn row(&self, source: &str) -> Option<&ScheduleRow> {
        self.rows.iter().find(|r| r.source == source)
    }

    /// The row of a source, created empty if missing.
    pub fn row_mut(&mut self, source: &str) -> &mut ScheduleRow {
        if let Some(i) = self.rows.iter().position(|r| r.source == source) {
            &mut self.rows[i]
        } else {
            self.rows.push(ScheduleRow::new(source));
            let last = self.rows.len() - 1;
            &mut self.rows[last]
        }
    }

    /// Sets one cell.
    pub fn set(&mut self, source: &str, column: Column, amount: Amount) {
        let row = self.row_mut(source);
        match column {
            Column::Before => row.before = amount,
            Column::After => row.after = amount,
            Column::Year(y) => {
                if amount.is_zero() {
                    row.years.remove(&y);
                } else {
                    row.years.insert(y, amount);
                }
            }
        }
    }

    /// A schedule of one year's shares, as §1.2 writes them: (source, amount).
    pub fn single_year(year: Year, shares: &[(&str, Amount)]) -> Schedule {
        let mut schedule = Schedule::default();
        for (source, amount) in shares {
            schedule.set(source, Column::Year(year), *amount);
        }
        schedule
    }
}

/// A column of a schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    /// 기투자
    Before,
    /// A fiscal year.
    Year(Year),
    /// 장기
    After,
}

/// A program's budget this year against the prior year (예산액 / 전년도 예산액).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct YearBudget {
    /// 예산액
    pub this_year: Amount,
    /// 전년도 예산액
    pub prior_year: Amount,
    /// 증(△)감 as the document prints it, checked against the computed one.
    pub printed_change: Option<Amount>,
}

impl YearBudget {
    /// 증(△)감: this year less the prior year; negative is a cut.
    pub fn change(self) -> Amount {
        self.this_year - self.prior_year
    }
}

/// A line item and its calculation basis: `5,000원 × 300부` stated as 1,500천원.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineItem {
    /// What the money is for.
    pub name: String,
    /// The formula a reviewer re-computes.
    pub basis: String,
    /// The amount the document states, in won; `None` when it states none
    /// (nothing to check). A basis with `= …` states its amount there.
    pub stated: Option<Amount>,
}

/// A pledge (공약) with its classification, schedule and indicators.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pledge {
    /// Stable identity within the plan.
    pub id: PledgeId,
    /// The pledge's number in the pledge book (e.g. "17").
    pub number: String,
    /// The pledge's title.
    pub title: String,
    /// How the pledge card classifies it.
    pub classification: Classification,
    /// The term the pledge is made for (임기, e.g. 2018–2022): its schedule's
    /// year columns; 기투자 is before it, 장기 after.
    pub term: YearRange,
    /// Programs that carry the pledge.
    pub programs: Vec<ProgramId>,
    /// Money by source over the term (소요예산액).
    pub schedule: Schedule,
    /// 총사업비 as stated; the schedule must add up to it.
    pub stated_total: Option<Stated>,
    /// The indicators that show whether it is kept (공약달성 확인지표).
    pub indicators: Vec<Indicator>,
}

/// The pledge card's classification boxes (DOMAIN.md §1.4).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Classification {
    /// 추진상황
    pub status: PledgeStatus,
    /// 사업완료 시점: 임기내 / 임기후
    pub completion: Completion,
    /// 신규 / 계속
    pub novelty: Novelty,
    /// 사업주체: who carries it (one or more).
    pub actors: Vec<Actor>,
    /// 사업기간: 단기 / 중기 / 장기
    pub horizon: Horizon,
    /// 예산 / 비예산
    pub budgetary: bool,
    /// UN Sustainable Development Goals, 1–17.
    pub sdgs: Vec<u8>,
}

impl PledgeStatus {
    /// Every status, in the order the pledge card lists them.
    pub const ALL: [PledgeStatus; 5] = [
        PledgeStatus::OnTrack,
        PledgeStatus::Done,
        PledgeStatus::DoneContinuing,
        PledgeStatus::OnHold,
        PledgeStatus::Dropped,
    ];
}

impl Completion {
    /// Both, in the card's order.
    pub const ALL: [Completion; 2] = [Completion::WithinTerm, Completion::AfterTerm];
}

impl Novelty {
    /// Both, in the card's order.
    pub const ALL: [Novelty; 2] = [Novelty::New, Novelty::Continuing];
}

impl Actor {
    /// Every actor, in the card's order.
    pub const ALL: [Actor; 4] = [
        Actor::Government,
        Actor::City,
        Actor::District,
        Actor::Other,
    ];
}

impl Horizon {
    /// Every horizon, in the card's order.
    pub const ALL: [Horizon; 3] = [Horizon::Short, Horizon::Mid, Horizon::Long];
}

/// 추진상황 of a pledge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PledgeStatus {
    /// 정상추진
    #[default]
    OnTrack,
    /// 완료
    Done,
    /// 이행 후 계속추진
    DoneContinuing,
    /// 보류
    OnHold,
    /// 폐기
    Dropped,
}

/// 사업완료 시점.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Completion {
    /// 임기내
    #[default]
    WithinTerm,
    /// 임기후
    AfterTerm,
}

/// 사업주체.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// 정부
    Government,
    /// 시
    City,
    /// 구
    District,
    /// 기타
    Other,
}

/// 사업기간.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    /// 단기
    #[default]
    Short,
    /// 중기
    Mid,
    /// 장기
    Long,
}

/// An indicator of a pledge: yearly targets and actuals, in its own unit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Indicator {
    /// Stable identity within the pledge.
    pub id: IndicatorId,
    /// What is counted (센터 공간 주민 이용 실적).
    pub name: String,
    /// Its unit (건, 명, %).
    pub unit: String,
    /// Target, actual and note per year.
    pub years: BTreeMap<Year, IndicatorYear>,
    /// The total target as the document states it, if it does.
    pub stated_target_total: Option<Quantity>,
    /// The total actual as the document states it, if it does.
    pub stated_actual_total: Option<Quantity>,
}

impl Indicator {
    /// Whether any year has a target, an actual or a note, or a total is stated.
    pub fn has_figures(&self) -> bool {
        !self.years.is_empty()
            || self.stated_target_total.is_some()
            || self.stated_actual_total.is_some()
    }
}

impl Pledge {
    /// Whether the pledge holds money, a stated total or an indicator with figures.
    pub fn has_figures(&self) -> bool {
        self.schedule.has_figures()
            || self.stated_total.is_some()
            || self.indicators.iter().any(Indicator::has_figures)
    }
}

/// One year of an indicator.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IndicatorYear {
    /// 목표
    pub target: Option<Quantity>,
    /// 실적, once reported.
    pub actual: Option<Quantity>,
    /// Why the year went as it did (2020: closed during COVID-19).
    pub note: String,
}

/// One grade of the staffing table (인력): quota and current staff.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StaffingRow {
    /// The service group (일반직, 관리운영직, 별정직·임기제).
    pub group: String,
    /// The grade (5급).
    pub grade: String,
    /// 정원
    pub quota: u32,
    /// 현원
    pub current: u32,
}

impl StaffingRow {
    /// 과부족: current less quota; negative (△) where staff are missing.
    pub fn shortfall(&self) -> i64 {
        i64::from(self.current) - i64::from(self.quota)
    }
}

impl Plan {
    /// An empty plan over a term, with the default sources, for "new plan".
    pub fn new(title: &str, years: YearRange, unit: Unit) -> Plan {
        Plan {
            title: title.into(),
            organisation: String::new(),
            years,
            base_year: years.first,
            unit,
            sources: FundingSource::defaults(),
            programs: Vec::new(),
            pledges: Vec::new(),
            staffing: Vec::new(),
            deck: Default::default(),
            rounded_in: None,
            share_decimals: 1,
            status_totals: StatusTotals::default(),
            stages: Stages::single("본예산", years.first),
        }
    }

    /// The program with this id, if the plan has it.
    pub fn program(&self, id: ProgramId) -> Option<&Program> {
        self.programs.iter().find(|p| p.id == id)
    }

    /// The funding source with this key, if the plan has it.
    pub fn source(&self, id: &str) -> Option<&FundingSource> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The pledge with this id, if the plan has it.
    pub fn pledge(&self, id: PledgeId) -> Option<&Pledge> {
        self.pledges.iter().find(|p| p.id == id)
    }

    /// The schedule of a program or pledge.
    pub fn schedule(&self, owner: Owner) -> Option<&Schedule> {
        match owner {
            Owner::Program(id) => self.program(id).map(|p| &p.schedule),
            Owner::Pledge(id) => self.pledge(id).map(|p| &p.schedule),
        }
    }

    /// The stated total of a program or pledge.
    pub fn stated_total(&self, owner: Owner) -> Option<Stated> {
        match owner {
            Owner::Program(id) => self.program(id).and_then(|p| p.stated_total),
            Owner::Pledge(id) => self.pledge(id).and_then(|p| p.stated_total),
        }
    }

    /// The years a schedule has columns for: a program's period, a pledge's term.
    pub fn schedule_years(&self, owner: Owner) -> YearRange {
        match owner {
            Owner::Program(id) => self.program(id).map_or(self.years, |p| p.period),
            Owner::Pledge(id) => self.pledge(id).map_or(self.years, |p| p.term),
        }
    }

    /// Whether any schedule has money or a note for the source, or a ratio names it.
    pub fn source_in_use(&self, source: &str) -> bool {
        let schedules = self
            .programs
            .iter()
            .map(|p| &p.schedule)
            .chain(self.pledges.iter().map(|p| &p.schedule));
        let staged = self.stages.figures.values().flat_map(|f| {
            f.programs
                .values()
                .map(|p| &p.schedule)
                .chain(f.pledges.values().map(|p| &p.schedule))
        });
        schedules.chain(staged).flat_map(|s| &s.rows).any(|r| {
            r.source == source && (!r.note.is_empty() || r.cells().any(|(_, a)| !a.is_zero()))
        }) || self.programs.iter().any(|p| {
            p.matching
                .iter()
                .any(|r| r.source == source && r.weight > 0)
        })
    }

    /// The unit a table's figures were rounded to, if any: the table's own
    /// setting, else the plan's default; 원 (exact) counts as none.
    pub fn rounding_of(&self, table: Option<Unit>) -> Option<Unit> {
        table.or(self.rounded_in).filter(|u| *u != Unit::Won)
    }

    /// The money of the stage being edited, as a stage keeps it.
    pub fn figures(&self) -> StageFigures {
        StageFigures::of(&self.programs, &self.pledges, self.status_totals)
    }

    /// Puts a stage's money into the plan's fields (a program the stage has
    /// no figures for holds none).
    pub fn set_figures(&mut self, figures: &StageFigures) {
        for p in &mut self.programs {
            let f = figures.programs.get(&p.id).cloned().unwrap_or_default();
            p.schedule = f.schedule;
            p.stated_total = f.stated_total;
            p.budget = f.budget;
            p.line_items = f.line_items;
            p.printed_shares = f.printed_shares;
        }
        for p in &mut self.pledges {
            let f = figures.pledges.get(&p.id).cloned().unwrap_or_default();
            p.schedule = f.schedule;
            p.stated_total = f.stated_total;
        }
        self.status_totals = figures.status_totals;
    }

    /// The plan as it stands in stage `id` (the same plan for the current one):
    /// what comparing, validating and presenting a stage read.
    pub fn at_stage(&self, id: StageId) -> Option<Plan> {
        if id == self.stages.current {
            return Some(self.clone());
        }
        self.stages.stage(id)?;
        let none = StageFigures::default();
        let figures = self.stages.figures.get(&id).unwrap_or(&none);
        let mut plan = self.clone();
        plan.set_figures(figures);
        plan.stages.current = id;
        Some(plan)
    }

    /// Programs that are rows of the budget status table, with their budget.
    pub fn budget_rows(&self) -> impl Iterator<Item = (&Program, YearBudget)> {
        self.programs
            .iter()
            .filter_map(|p| p.budget.map(|b| (p, b)))
    }
}

impl Program {
    /// Whether the program holds any figure (money, a stated total, a line
    /// item, a ratio): a nameless program that does is missing its name.
    pub fn has_figures(&self) -> bool {
        self.budget
            .is_some_and(|b| !b.this_year.is_zero() || !b.prior_year.is_zero())
            || self.schedule.has_figures()
            || self.stated_total.is_some()
            || !self.line_items.is_empty()
            || !self.matching.is_empty()
    }

    /// An empty program over a period.
    pub fn new(id: ProgramId, name: &str, period: YearRange) -> Program {
        Program {
            id,
            name: name.into(),
            owner: String::new(),
            unit_program: String::new(),
            novelty: Novelty::default(),
            period,
            schedule: Schedule::default(),
            stated_total: None,
            budget: None,
            matching: Vec::new(),
            line_items: Vec::new(),
            printed_shares: BTreeMap::new(),
        }
    }
}
