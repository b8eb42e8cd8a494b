//! The funding split's edits (DOMAIN.md §1.2): a share set, a matching ratio
//! applied and the remainder given to one source, each as one edit; the
//! arithmetic is [`crate::rules::shares`].
//!
//! A share is a source's whole schedule total ([`ScheduleRow::total`]). The
//! split changes shares through ONE year of the schedule, the split year:
//! setting a share writes that year's cell so the source's total becomes the
//! share, leaving 기투자, 장기 and the other years as they are. For a
//! single-year program (every split of §1.2) that is simply "the share is
//! that year's amount"; for a multi-year program the planner picks the year
//! that absorbs the change, so no other year is silently rewritten.

use crate::model::plan::Owner;

use crate::change::edit::Edit;
use crate::model::amount::Unit;
use crate::model::plan::{Column, Plan, ProgramId, ScheduleRow, Year};
use crate::rules::shares::{ratio_shares, split_total};
use crate::Amount;

/// The year a split opens on: the program's only year, else the base year
/// when the period holds it, else the period's first year.
pub fn default_split_year(plan: &Plan, program: ProgramId) -> Year {
    let period = plan.schedule_years(Owner::Program(program));
    if period.contains(plan.base_year) {
        plan.base_year
    } else {
        period.first
    }
}

/// The edit that makes `source`'s share `share` by writing the split year's
/// cell (the other columns stay).
pub fn set_share_edit(
    plan: &Plan,
    program: ProgramId,
    source: &str,
    year: Year,
    share: Amount,
) -> Edit {
    let (others, _) = others_and_year(plan, program, source, year);
    Edit::SetCell {
        owner: Owner::Program(program),
        source: source.into(),
        column: Column::Year(year),
        amount: share - others,
    }
}

/// A row's money outside the split year, and in it.
fn others_and_year(plan: &Plan, program: ProgramId, source: &str, year: Year) -> (Amount, Amount) {
    let row = plan.program(program).and_then(|p| p.schedule.row(source));
    let total = row.map(ScheduleRow::total).unwrap_or_default();
    let in_year = row.map(|r| r.year(year)).unwrap_or_default();
    (total - in_year, in_year)
}

/// Apply the matching ratio: the total split by the weights (see
/// [`ratio_shares`]) and every source outside the ratio set to nothing, all
/// through the split year, as one step. `None` without a ratio.
pub fn apply_ratio_edit(plan: &Plan, program: ProgramId, year: Year, unit: Unit) -> Option<Edit> {
    let ratio = &plan.program(program)?.matching;
    if ratio.iter().all(|r| r.weight == 0) {
        return None;
    }
    let shares = ratio_shares(split_total(plan, program), ratio, unit);
    let edits = plan
        .sources
        .iter()
        .map(|s| {
            let share = shares
                .iter()
                .find(|(id, _)| *id == s.id)
                .map_or(Amount::ZERO, |(_, a)| *a);
            set_share_edit(plan, program, &s.id, year, share)
        })
        .collect();
    Some(Edit::Many(edits))
}

/// Give the remainder to `source`: its share becomes the total less every
/// other source's share, so the shares add up to the total.
pub fn remainder_edit(plan: &Plan, program: ProgramId, source: &str, year: Year) -> Option<Edit> {
    let p = plan.program(program)?;
    let others: Amount = p
        .schedule
        .rows
        .iter()
        .filter(|r| r.source != source)
        .map(ScheduleRow::total)
        .sum();
    Some(set_share_edit(
        plan,
        program,
        source,
        year,
        split_total(plan, program) - others,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::demo::demo_plan;
    use crate::model::plan::RatioShare;
    use crate::model::plan::YearRange;
    use crate::rules::shares::{percent_to_amount, share_of, share_percents};
    use crate::rules::validate::{validate, Code};
    use rust_decimal::Decimal;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    fn thousand(figure: i64) -> Amount {
        Amount::won(figure * 1_000)
    }

    fn ratio(weights: &[(&str, u32)]) -> Vec<RatioShare> {
        weights
            .iter()
            .map(|(s, w)| RatioShare {
                source: (*s).into(),
                weight: *w,
            })
            .collect()
    }

    #[test]
    fn the_document_total_split_fifty_thirty_twenty_adds_up_exactly() {
        // 1,167,388 천원 by 50:30:20: 583,694 + 350,216.4 + 233,477.6.
        let shares = ratio_shares(
            thousand(1_167_388),
            &ratio(&[("national", 50), ("city", 30), ("district", 20)]),
            Unit::Thousand,
        );
        assert_eq!(
            shares,
            vec![
                ("national".into(), thousand(583_694)),
                ("city".into(), thousand(350_216)),
                ("district".into(), thousand(233_478)),
            ]
        );
        let sum: Amount = shares.iter().map(|(_, a)| *a).sum();
        assert_eq!(sum, thousand(1_167_388));
    }

    #[test]
    fn thirds_go_to_the_earlier_source_on_a_tie() {
        let shares = ratio_shares(
            thousand(100),
            &ratio(&[("a", 1), ("b", 1), ("c", 1)]),
            Unit::Thousand,
        );
        let figures: Vec<Amount> = shares.iter().map(|(_, a)| *a).collect();
        assert_eq!(figures, vec![thousand(34), thousand(33), thousand(33)]);
    }

    #[test]
    fn a_total_that_is_not_whole_units_is_split_to_the_won() {
        let total = Amount::won(1_000_001);
        let shares = ratio_shares(total, &ratio(&[("a", 1), ("b", 2)]), Unit::Thousand);
        let sum: Amount = shares.iter().map(|(_, a)| *a).sum();
        assert_eq!(sum, total);
        assert_eq!(shares[1].1, Amount::won(666_667));
        let odd = Amount::from_won(dec("10.5"));
        let shares = ratio_shares(odd, &ratio(&[("a", 1), ("b", 1)]), Unit::Won);
        assert_eq!(shares.iter().map(|(_, a)| *a).sum::<Amount>(), odd);
        assert!(ratio_shares(odd, &ratio(&[("a", 0)]), Unit::Won)
            .iter()
            .all(|(_, a)| a.is_zero()));
    }

    #[test]
    fn percentages_of_the_stated_total_foot_to_one_hundred() {
        // 1,167,388 = 622,500 + 247,313 + 297,575: 53.3 + 21.2 + 25.5.
        let shares = [thousand(622_500), thousand(247_313), thousand(297_575)];
        let (parts, total) = share_percents(&shares, thousand(1_167_388), 1).unwrap();
        assert_eq!(parts, vec![dec("53.3"), dec("21.2"), dec("25.5")]);
        assert_eq!(total, dec("100.0"));
        assert_eq!(total.to_string(), "100.0");
        // Shares short of the total: the percentages add to what they cover.
        let (parts, total) = share_percents(
            &[thousand(105_000), thousand(400_000)],
            thousand(533_073),
            1,
        )
        .unwrap();
        assert_eq!(parts.iter().copied().sum::<Decimal>(), total);
        assert_eq!(total, dec("94.7"));
        assert!(share_percents(&shares, Amount::ZERO, 1).is_none());
    }

    #[test]
    fn a_typed_percentage_becomes_whole_units() {
        let stated = thousand(1_167_388);
        assert_eq!(
            percent_to_amount(dec("30"), stated, Unit::Thousand),
            thousand(350_216)
        );
        assert_eq!(
            percent_to_amount(dec("12.5"), thousand(1_000), Unit::Thousand),
            thousand(125)
        );
        // 0.05% of 1,000 천원 is 0.5 천원: half-up to 1.
        assert_eq!(
            percent_to_amount(dec("0.05"), thousand(1_000), Unit::Thousand),
            thousand(1)
        );
    }

    #[test]
    fn applying_the_ratio_to_program_six_clears_its_problems() {
        let mut plan = demo_plan();
        plan.apply(Edit::SetMatching {
            program: 6,
            ratio: ratio(&[("national", 50), ("city", 30), ("district", 20)]),
        })
        .unwrap();
        let off = |plan: &Plan| {
            validate(plan)
                .iter()
                .filter(|p| p.code == Code::MatchingOffRatio)
                .count()
        };
        assert_eq!(off(&plan), 3);
        let year = default_split_year(&plan, 6);
        assert_eq!(year, 2019);
        let edit = apply_ratio_edit(&plan, 6, year, Unit::Thousand).unwrap();
        plan.apply(edit).unwrap();
        assert_eq!(share_of(&plan, 6, "national"), thousand(583_694));
        assert_eq!(share_of(&plan, 6, "city"), thousand(350_216));
        assert_eq!(share_of(&plan, 6, "district"), thousand(233_478));
        assert_eq!(share_of(&plan, 6, "other"), Amount::ZERO);
        assert_eq!(off(&plan), 0);
        assert!(validate(&plan)
            .iter()
            .all(|p| p.code != Code::SharesMismatch
                || p.location.cell_id() != "program-6-total-total"));
    }

    #[test]
    fn the_remainder_goes_to_the_chosen_source() {
        let mut plan = demo_plan();
        // Program 5: 533,073 = 시 105,000 + 구비 428,073. Cut 구비, then give it the rest.
        let cut = set_share_edit(&plan, 5, "district", 2019, thousand(400_000));
        plan.apply(cut).unwrap();
        assert!(validate(&plan)
            .iter()
            .any(|p| p.code == Code::SharesMismatch));
        let edit = remainder_edit(&plan, 5, "district", 2019).unwrap();
        plan.apply(edit).unwrap();
        assert_eq!(share_of(&plan, 5, "district"), thousand(428_073));
        assert!(validate(&plan)
            .iter()
            .all(|p| p.code != Code::SharesMismatch));
    }

    #[test]
    fn a_multi_year_share_changes_only_the_split_year() {
        let mut plan = demo_plan();
        let program = 6;
        plan.apply(Edit::SetProgramPeriod {
            program,
            period: YearRange::new(2018, 2019),
        })
        .unwrap();
        plan.apply(Edit::SetCell {
            owner: Owner::Program(program),
            source: "city".into(),
            column: Column::Year(2018),
            amount: thousand(47_313),
        })
        .unwrap();
        assert_eq!(share_of(&plan, program, "city"), thousand(294_626));
        let edit = set_share_edit(&plan, program, "city", 2019, thousand(247_313));
        plan.apply(edit).unwrap();
        let row = plan.program(program).unwrap().schedule.row("city").unwrap();
        assert_eq!(row.year(2018), thousand(47_313));
        assert_eq!(row.year(2019), thousand(200_000));
        assert_eq!(share_of(&plan, program, "city"), thousand(247_313));
        plan.base_year = 2030;
        assert_eq!(default_split_year(&plan, program), 2018);
    }
}
