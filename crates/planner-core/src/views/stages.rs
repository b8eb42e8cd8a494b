//! Two stages of a budget side by side, as the official supplementary-budget
//! table prints them (추경 form): 기정액 (the earlier stage), 경정액 (the later
//! one) and 증감 (△ for a cut), per program for the status table's 예산액 and
//! per program and source for the schedules, footed in any unit; rows that
//! did not change fold into one line so the columns still add up; and a
//! changed program's 산출기초 of both stages side by side.

use rust_decimal::Decimal;

use crate::model::amount::round_half_up;
use crate::model::amount::{Amount, Unit};
use crate::model::plan::{Plan, ScheduleRow, SourceId, StageId};
use crate::model::words::{pledge_label, Lang};
use crate::rules::foot::{foot, foot_to};
use crate::views::document::{basis_lines, BasisLines};

/// One compared figure: a program (or pledge) and, for schedules, a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComparedLine {
    /// `program-6` or `pledge-1`: where the figure lives.
    pub key: String,
    /// The program's name or the pledge's label.
    pub name: String,
    /// The source, for a schedule's share.
    pub source: Option<SourceId>,
    /// 기정액, shown in the unit (footed).
    pub before: Decimal,
    /// 경정액, shown in the unit (footed).
    pub after: Decimal,
    /// 증감 = 경정액 − 기정액 as shown, so each row foots across.
    pub change: Decimal,
    /// The exact change in won (what tells a changed row from an unchanged one).
    pub exact_change: Amount,
    /// 기정액 and 경정액 exactly, in won (for the CSV).
    pub exact: (Amount, Amount),
}

/// One compared table: the changed rows, the folded unchanged ones, the 계.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ComparedTable {
    /// Rows whose figure changed, in plan order.
    pub changed: Vec<ComparedLine>,
    /// How many rows did not change, and what they hold (기정액 = 경정액).
    pub unchanged: (usize, Decimal),
    /// The 계 row: 기정액, 경정액, 증감.
    pub total: (Decimal, Decimal, Decimal),
}

/// A program's 산출기초 in both stages, printed side by side as the 추경 table
/// does, when its line items changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComparedItems {
    /// `program-6`.
    pub key: String,
    /// The program's name.
    pub name: String,
    /// The earlier stage's lines (`홍보물: 5,000원 × 300부 = 1,500`).
    pub before: Vec<String>,
    /// The later stage's lines.
    pub after: Vec<String>,
    /// Each stage's items total in the unit, when it can be read.
    pub totals: (Option<Decimal>, Option<Decimal>),
}

/// Two stages compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageComparison {
    /// The earlier stage's name (기정).
    pub before: String,
    /// The later stage's name (경정).
    pub after: String,
    /// The status table's 예산액 by program.
    pub budget: ComparedTable,
    /// Each program's and pledge's share by source (the schedule's row total).
    pub shares: ComparedTable,
    /// The programs whose 산출기초 changed, both stages' lines.
    pub items: Vec<ComparedItems>,
}

impl StageComparison {
    /// Whether nothing differs between the two stages.
    pub fn is_empty(&self) -> bool {
        self.budget.changed.is_empty() && self.shares.changed.is_empty() && self.items.is_empty()
    }
}

struct Raw {
    key: String,
    name: String,
    source: Option<SourceId>,
    before: Amount,
    after: Amount,
}

/// Foots a table: 기정액 by largest remainder to its rounded total; an
/// unchanged row keeps its 기정액 as 경정액, and the changed rows' 경정액 are
/// footed to what the rounded 경정 total leaves them; 증감 = 경정액 − 기정액 as
/// shown. So each column adds up to the honest rounding of its exact sum,
/// every row foots across, and an unchanged row shows no change.
fn footed(rows: Vec<Raw>, unit: Unit) -> ComparedTable {
    let per = unit.won_per_unit();
    let shown = |a: Amount| a.as_decimal() / per;
    let before: Vec<Decimal> = rows.iter().map(|r| shown(r.before)).collect();
    let (before_shown, before_total) = foot(&before, 0);
    let after_total = round_half_up(rows.iter().map(|r| shown(r.after)).sum::<Decimal>(), 0);
    let same: Vec<bool> = rows.iter().map(|r| r.after == r.before).collect();
    let kept: Decimal = before_shown
        .iter()
        .zip(&same)
        .filter(|(_, same)| **same)
        .map(|(b, _)| *b)
        .sum();
    let changed_after: Vec<Decimal> = rows
        .iter()
        .zip(&same)
        .filter(|(_, same)| !**same)
        .map(|(r, _)| shown(r.after))
        .collect();
    let mut after_shown = foot_to(&changed_after, 0, after_total - kept).into_iter();
    let mut table = ComparedTable {
        total: (before_total, after_total, after_total - before_total),
        ..ComparedTable::default()
    };
    for ((raw, b), same) in rows.into_iter().zip(before_shown).zip(same) {
        if same {
            table.unchanged.0 += 1;
            table.unchanged.1 += b;
            continue;
        }
        let a = after_shown.next().unwrap_or_default();
        table.changed.push(ComparedLine {
            key: raw.key,
            name: raw.name,
            source: raw.source,
            before: b,
            after: a,
            change: a - b,
            exact_change: raw.after - raw.before,
            exact: (raw.before, raw.after),
        });
    }
    table
}

/// Stage `a` (기정) against stage `b` (경정) in `unit`; `None` if either is gone.
pub fn compare_stages(
    plan: &Plan,
    a: StageId,
    b: StageId,
    unit: Unit,
    lang: Lang,
) -> Option<StageComparison> {
    let before = plan.at_stage(a)?;
    let after = plan.at_stage(b)?;
    let name_of = |id: StageId| {
        plan.stages
            .stage(id)
            .map(|s| s.name.clone())
            .unwrap_or_default()
    };
    let mut budget = Vec::new();
    let mut shares = Vec::new();
    let mut items = Vec::new();
    for (p_before, p_after) in before.programs.iter().zip(&after.programs) {
        let key = format!("program-{}", p_after.id);
        if p_before.line_items != p_after.line_items {
            let (b, a) = (basis_lines(p_before, unit), basis_lines(p_after, unit));
            items.push(ComparedItems {
                key: key.clone(),
                name: p_after.name.clone(),
                before: item_texts(&b),
                after: item_texts(&a),
                totals: (b.total, a.total),
            });
        }
        if p_before.budget.is_some() || p_after.budget.is_some() {
            budget.push(Raw {
                key: key.clone(),
                name: p_after.name.clone(),
                source: None,
                before: p_before.budget.map_or(Amount::ZERO, |b| b.this_year),
                after: p_after.budget.map_or(Amount::ZERO, |b| b.this_year),
            });
        }
        for source in sources_of(plan, [&p_before.schedule.rows, &p_after.schedule.rows]) {
            shares.push(Raw {
                key: key.clone(),
                name: p_after.name.clone(),
                source: Some(source.clone()),
                before: share(&p_before.schedule.rows, &source),
                after: share(&p_after.schedule.rows, &source),
            });
        }
    }
    for (p_before, p_after) in before.pledges.iter().zip(&after.pledges) {
        let key = format!("pledge-{}", p_after.id);
        let name = pledge_label(&p_after.number, &p_after.title, lang);
        for source in sources_of(plan, [&p_before.schedule.rows, &p_after.schedule.rows]) {
            shares.push(Raw {
                key: key.clone(),
                name: name.clone(),
                source: Some(source.clone()),
                before: share(&p_before.schedule.rows, &source),
                after: share(&p_after.schedule.rows, &source),
            });
        }
    }
    Some(StageComparison {
        before: name_of(a),
        after: name_of(b),
        budget: footed(budget, unit),
        shares: footed(shares, unit),
        items,
    })
}

/// The stage being edited against the one before it, when there is one: what
/// the overview, the exports and the deck show.
pub fn latest_comparison(plan: &Plan, unit: Unit, lang: Lang) -> Option<StageComparison> {
    let current = plan.stages.current;
    let before = plan.stages.before(current)?.id;
    compare_stages(plan, before, current, unit, lang)
}

/// Every stage against the one before it, in budget order: what the
/// exports carry (one comparison per step of the budget).
pub fn consecutive_comparisons(plan: &Plan, unit: Unit, lang: Lang) -> Vec<StageComparison> {
    plan.stages
        .list
        .windows(2)
        .filter_map(|pair| compare_stages(plan, pair[0].id, pair[1].id, unit, lang))
        .collect()
}

/// The lines as the overview prints them: `name: basis`.
fn item_texts(lines: &BasisLines) -> Vec<String> {
    lines
        .lines
        .iter()
        .map(|l| match l.name.trim() {
            "" => l.text.clone(),
            name => format!("{name}: {}", l.text),
        })
        .collect()
}

/// The plan's sources in order, then any other a row names, that either
/// stage's schedule has a row for.
fn sources_of(plan: &Plan, rows: [&Vec<ScheduleRow>; 2]) -> Vec<SourceId> {
    let named = |id: &str| rows.iter().any(|rs| rs.iter().any(|r| r.source == id));
    let mut out: Vec<SourceId> = plan
        .sources
        .iter()
        .filter(|s| named(&s.id))
        .map(|s| s.id.clone())
        .collect();
    for rs in rows {
        for r in rs {
            if !out.contains(&r.source) {
                out.push(r.source.clone());
            }
        }
    }
    out
}

fn share(rows: &[ScheduleRow], source: &str) -> Amount {
    rows.iter()
        .find(|r| r.source == source)
        .map(ScheduleRow::total)
        .unwrap_or_default()
}

/// The name a new stage after the one being edited would usually have, in
/// `lang`: the next of 부서 요구 → 편성안 → 본예산(확정) → 제1회 추경 → 제2회 추경 …
/// (Department request → Proposal → Adopted budget → Supplementary budget 1 …),
/// following a current stage named in either language.
pub fn suggested_name(plan: &Plan, lang: Lang) -> String {
    const CALENDAR: [(&str, &str); 3] = [
        ("부서 요구", "Department request"),
        ("편성안", "Proposal"),
        ("본예산(확정)", "Adopted budget"),
    ];
    let current = plan
        .stages
        .current_stage()
        .map(|s| s.name.trim().to_string())
        .unwrap_or_default();
    if let Some(i) = CALENDAR
        .iter()
        .position(|(ko, en)| *ko == current || *en == current)
    {
        if let Some((ko, en)) = CALENDAR.get(i + 1) {
            return lang.pick(ko, en).to_string();
        }
    }
    let supplementary = plan
        .stages
        .list
        .iter()
        .filter(|s| s.name.contains("추경") || s.name.contains("Supplementary"))
        .count();
    let taken = |name: &str| plan.stages.list.iter().any(|s| s.name == name);
    (supplementary + 1..)
        .map(|n| match lang {
            Lang::Ko => format!("제{n}회 추경"),
            Lang::En => format!("Supplementary budget {n}"),
        })
        .find(|n| !taken(n))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::edit::Edit;
    use crate::fixtures::demo::demo_plan;

    #[test]
    fn the_suggested_names_follow_the_budget_calendar() {
        let mut plan = demo_plan();
        let mut names = Vec::new();
        for _ in 0..5 {
            let name = suggested_name(&plan, Lang::Ko);
            names.push(name.clone());
            plan.apply(Edit::AddStage { name }).unwrap();
        }
        assert_eq!(
            names,
            [
                "편성안",
                "본예산(확정)",
                "제1회 추경",
                "제2회 추경",
                "제3회 추경"
            ]
        );
        // In English, from a stage named in either language.
        let mut plan = demo_plan();
        let mut names = Vec::new();
        for _ in 0..4 {
            let name = suggested_name(&plan, Lang::En);
            names.push(name.clone());
            plan.apply(Edit::AddStage { name }).unwrap();
        }
        assert_eq!(
            names,
            [
                "Proposal",
                "Adopted budget",
                "Supplementary budget 1",
                "Supplementary budget 2"
            ]
        );
    }
}
