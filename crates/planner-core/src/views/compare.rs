//! What changed between two versions of a plan, in the planner's words, so
//! the history panel can show a kept version against the current one before
//! the user restores it.

use crate::model::amount::{format_figure, Amount};
use crate::model::plan::{Plan, Program};
use crate::model::words::{unit_name, Lang};
use crate::rules::derive::{indicator_summary, schedule_sum};
use crate::rules::validate::{count_by_severity, validate};

/// One difference: what, its value in the older version and in the newer one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// The thing that differs (the plan's title, a program's total…).
    pub what: String,
    /// In the older version ("-" when it did not exist).
    pub before: String,
    /// In the newer version ("-" when it no longer exists).
    pub after: String,
}

/// The differences from `older` to `newer`, figures in `newer`'s unit.
pub fn differences(older: &Plan, newer: &Plan, lang: Lang) -> Vec<Difference> {
    let unit = newer.unit;
    let money = |a: Amount| format_figure(unit.shown_figure(a));
    let mut out = Vec::new();
    let mut push = |what: String, before: String, after: String| {
        if before != after {
            out.push(Difference {
                what,
                before,
                after,
            });
        }
    };
    push(
        lang.pick("제목", "Title").into(),
        older.title.clone(),
        newer.title.clone(),
    );
    push(
        lang.pick("기간", "Years").into(),
        format!("{}–{}", older.years.first, older.years.last),
        format!("{}–{}", newer.years.first, newer.years.last),
    );
    push(
        lang.pick("단위", "Unit").into(),
        unit_name(older.unit, lang).into(),
        unit_name(newer.unit, lang).into(),
    );
    let program_total = |p: &Program| {
        let budget = p.budget.map(|b| (b.this_year, b.prior_year));
        (schedule_sum(&p.schedule), budget)
    };
    for program in &newer.programs {
        let name = program.name.clone();
        match older.program(program.id) {
            None => push(name, "-".into(), lang.pick("추가됨", "added").into()),
            Some(old) => {
                let (old_sum, old_budget) = program_total(old);
                let (new_sum, new_budget) = program_total(program);
                push(
                    format!("{name} · {}", lang.pick("소요예산", "schedule")),
                    money(old_sum),
                    money(new_sum),
                );
                if let (Some(o), Some(n)) = (old_budget, new_budget) {
                    push(
                        format!("{name} · {}", lang.pick("예산액", "this year")),
                        money(o.0),
                        money(n.0),
                    );
                    push(
                        format!("{name} · {}", lang.pick("전년도 예산액", "prior year")),
                        money(o.1),
                        money(n.1),
                    );
                }
                push(
                    format!("{} #{}", lang.pick("사업명", "Program name"), program.id),
                    old.name.clone(),
                    name,
                );
            }
        }
    }
    for old in &older.programs {
        if newer.program(old.id).is_none() {
            push(
                old.name.clone(),
                lang.pick("있음", "present").into(),
                lang.pick("삭제됨", "removed").into(),
            );
        }
    }
    for pledge in &newer.pledges {
        let old = older.pledge(pledge.id);
        let before = old.map_or_else(|| "-".into(), |p| money(schedule_sum(&p.schedule)));
        push(
            format!("{} · {}", pledge.title, lang.pick("소요예산액", "schedule")),
            before,
            money(schedule_sum(&pledge.schedule)),
        );
        for indicator in &pledge.indicators {
            let now = indicator_summary(indicator);
            let then = old
                .and_then(|p| p.indicators.iter().find(|i| i.id == indicator.id))
                .map(indicator_summary);
            let show = |s: &crate::rules::derive::IndicatorSummary| {
                format!(
                    "{} / {}",
                    format_figure(s.actual_total),
                    format_figure(s.target_total)
                )
            };
            push(
                format!(
                    "{} · {}",
                    indicator.name,
                    lang.pick("실적/목표", "actual/target")
                ),
                then.as_ref().map_or_else(|| "-".into(), show),
                show(&now),
            );
        }
    }
    let (older_errors, older_warnings) = count_by_severity(&validate(older));
    let (newer_errors, newer_warnings) = count_by_severity(&validate(newer));
    push(
        lang.pick("문제 (오류/경고)", "Problems (errors/warnings)")
            .into(),
        format!("{older_errors}/{older_warnings}"),
        format!("{newer_errors}/{newer_warnings}"),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::edit::{BudgetColumn, Edit};
    use crate::fixtures::demo::demo_plan;

    #[test]
    fn a_changed_budget_and_title_are_listed_and_nothing_else() {
        let older = demo_plan();
        let mut newer = older.clone();
        newer.apply(Edit::SetTitle("개정안".into())).unwrap();
        newer
            .apply(Edit::SetBudget {
                program: 4,
                column: BudgetColumn::ThisYear,
                amount: Amount::won(80_000_000),
            })
            .unwrap();
        let found = differences(&older, &newer, Lang::Ko);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].after, "개정안");
        assert_eq!(
            (found[1].before.as_str(), found[1].after.as_str()),
            ("75,762", "80,000")
        );
        assert!(differences(&older, &older, Lang::En).is_empty());
    }
}
