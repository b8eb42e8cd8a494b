//! "Copy forward": next year's plan started from this year's. Its 전년도
//! 예산액 is this year's adopted 예산액, the plan's years move on by one, the
//! schedules' years that fall before the new term go into 기투자, pledges and
//! their targets carry on. [`copy_forward`] also says what moves where, so the
//! planner sees it before anything is created.

use crate::model::amount::{format_figure, Amount, Unit};
use crate::model::plan::{Column, Plan, Schedule, Stages, Year, YearRange};
use crate::model::words::Lang;

/// What copying forward does, for the preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForwardPreview {
    /// The stage whose 예산액 becomes the new 전년도 예산액.
    pub from_stage: String,
    /// The plan's years, before and after.
    pub years: (YearRange, YearRange),
    /// The base year, before and after.
    pub base_year: (Year, Year),
    /// Status-table rows whose 예산액 becomes 전년도 예산액, and their total.
    pub budgets: (usize, Amount),
    /// Schedule cells before the new term moved into 기투자, and their total.
    pub moved: (usize, Amount),
    /// Pledges and indicator targets carried on.
    pub pledges: (usize, usize),
}

impl ForwardPreview {
    /// The preview as sentences, money in `unit`.
    pub fn lines(&self, lang: Lang, unit: Unit) -> Vec<String> {
        let money = |a: Amount| format_figure(unit.shown_figure(a));
        let (old, new) = self.years;
        let range = |r: YearRange| format!("{}–{}", r.first, r.last);
        match lang {
            Lang::Ko => vec![
                format!(
                    "계획 기간 {} → {}, 기준연도 {} → {}",
                    range(old),
                    range(new),
                    self.base_year.0,
                    self.base_year.1
                ),
                format!(
                    "전년도 예산액 ← {}의 예산액: 사업 {}개, 계 {}",
                    self.from_stage,
                    self.budgets.0,
                    money(self.budgets.1)
                ),
                format!(
                    "{}년 이전 연도의 금액 → 기투자: {}칸, 계 {}",
                    new.first,
                    self.moved.0,
                    money(self.moved.1)
                ),
                format!(
                    "공약 {}개와 목표 {}개는 그대로 이어집니다. 새 계획은 ‘부서 요구’ 단계 하나로 시작합니다.",
                    self.pledges.0, self.pledges.1
                ),
            ],
            Lang::En => vec![
                format!(
                    "Plan years {} → {}, base year {} → {}",
                    range(old),
                    range(new),
                    self.base_year.0,
                    self.base_year.1
                ),
                format!(
                    "Prior year (전년도 예산액) ← this year's budget in {}: {} programs, total {}",
                    self.from_stage,
                    self.budgets.0,
                    money(self.budgets.1)
                ),
                format!(
                    "Money in years before {} → 기투자 (invested before): {} cells, total {}",
                    new.first,
                    self.moved.0,
                    money(self.moved.1)
                ),
                format!(
                    "{} pledges and {} targets carry on. The new plan starts with one stage, 부서 요구.",
                    self.pledges.0, self.pledges.1
                ),
            ],
        }
    }
}

/// Moves every year before `first` into 기투자; the count and total moved.
fn move_past(schedule: &mut Schedule, first: Year) -> (usize, Amount) {
    let mut moved = (0, Amount::ZERO);
    for row in &mut schedule.rows {
        let past: Vec<Year> = row.years.keys().copied().filter(|y| *y < first).collect();
        for year in past {
            if let Some(amount) = row.years.remove(&year) {
                row.before = row.before + amount;
                moved.0 += 1;
                moved.1 = moved.1 + amount;
            }
        }
    }
    // Printed totals belong to last year's document.
    schedule.printed.retain(|cell, _| {
        !matches!(cell, crate::model::plan::PrintedCell::ColumnTotal(Column::Year(y)) if *y < first)
    });
    moved
}

/// The adopted stage (the last locked one, else the stage being edited).
fn adopted(plan: &Plan) -> Plan {
    plan.stages
        .list
        .iter()
        .rev()
        .find(|s| s.locked)
        .and_then(|s| plan.at_stage(s.id))
        .unwrap_or_else(|| plan.clone())
}

/// Next year's plan from this one, and what moved where. Amounts only move
/// (no arithmetic but adding into 기투자, bounded by the plan's own totals).
pub fn copy_forward(plan: &Plan) -> (Plan, ForwardPreview) {
    let source = adopted(plan);
    let from_stage = source
        .stages
        .current_stage()
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let shift = |y: Year| y.saturating_add(1);
    let years = YearRange::new(shift(plan.years.first), shift(plan.years.last));
    let mut next = source.clone();
    next.title = format!("{} ({}년)", plan.title.trim(), shift(plan.base_year));
    next.years = years;
    next.base_year = shift(plan.base_year);
    next.status_totals = Default::default();
    next.stages = Stages::single("부서 요구", next.base_year);
    let mut budgets = (0, Amount::ZERO);
    let mut moved = (0, Amount::ZERO);
    for program in &mut next.programs {
        if let Some(budget) = program.budget.as_mut() {
            budgets.0 += 1;
            budgets.1 = budgets.1 + budget.this_year;
            budget.prior_year = budget.this_year;
            budget.printed_change = None;
        }
        let (count, total) = move_past(&mut program.schedule, years.first);
        moved.0 += count;
        moved.1 = moved.1 + total;
        program.printed_shares.clear();
        let first = program.period.first.max(years.first);
        program.period = YearRange::new(first, program.period.last.max(first));
    }
    let targets = next
        .pledges
        .iter()
        .flat_map(|p| &p.indicators)
        .flat_map(|i| i.years.values())
        .filter(|y| y.target.is_some())
        .count();
    let preview = ForwardPreview {
        from_stage,
        years: (plan.years, years),
        base_year: (plan.base_year, next.base_year),
        budgets,
        moved,
        pledges: (next.pledges.len(), targets),
    };
    (next, preview)
}
