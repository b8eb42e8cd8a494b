//! Shares of a total (DOMAIN.md §1.2): a source's share of a program, the
//! total a split divides, a matching ratio applied with largest-remainder
//! rounding so the parts add up exactly, percentages that foot to 100, a
//! typed percentage as an amount. Pure arithmetic on a plan; the edits that
//! write shares are [`crate::change::split`].

use rust_decimal::Decimal;

use crate::model::amount::{round_half_up, Unit};
use crate::model::plan::{Plan, ProgramId, RatioShare, ScheduleRow, SourceId};
use crate::rules::foot::{foot, foot_to};
use crate::Amount;

/// `value × part / whole`, exact whenever the product is a `Decimal` (always,
/// within the limits: see [`crate::model::limits`]); dividing first otherwise, so
/// that no weight can make it overflow (`part ≤ whole`).
pub fn part_of(value: Decimal, part: u64, whole: u64) -> Decimal {
    if whole == 0 {
        return Decimal::ZERO;
    }
    let (part, whole) = (Decimal::from(part), Decimal::from(whole));
    value
        .checked_mul(part)
        .and_then(|x| x.checked_div(whole))
        .unwrap_or_else(|| value / whole * part)
}

/// Splits `total` by the weights so the parts add up to `total` exactly:
/// each part is rounded to a whole `unit` (largest remainder, ties to the
/// earlier source), or to the won when the total itself is not a whole
/// number of units. Sources with weight 0 get nothing.
pub fn ratio_shares(total: Amount, ratio: &[RatioShare], unit: Unit) -> Vec<(SourceId, Amount)> {
    let weights: u64 = ratio.iter().map(|r| u64::from(r.weight)).sum();
    if weights == 0 {
        return ratio
            .iter()
            .map(|r| (r.source.clone(), Amount::ZERO))
            .collect();
    }
    let won = total.as_decimal();
    let step = if (won / unit.won_per_unit()).fract().is_zero() {
        unit.won_per_unit()
    } else {
        Decimal::ONE
    };
    let figure = won / step;
    let exact: Vec<Decimal> = ratio
        .iter()
        .map(|r| part_of(figure, u64::from(r.weight), weights))
        .collect();
    let whole = figure.trunc();
    let mut parts: Vec<Amount> = foot_to(&exact, 0, whole)
        .into_iter()
        .map(|p| Amount::from_won(p * step))
        .collect();
    // A total with a fraction of a won keeps it on the heaviest share, so the
    // parts still add up to the total exactly.
    let rest = total - parts.iter().copied().sum::<Amount>();
    if !rest.is_zero() {
        if let Some(i) = (0..ratio.len()).max_by_key(|&i| (ratio[i].weight, usize::MAX - i)) {
            parts[i] = parts[i] + rest;
        }
    }
    ratio.iter().map(|r| r.source.clone()).zip(parts).collect()
}

/// Each share as a percentage of the stated total, to `decimals` decimals
/// (the plan's 1 or 2), footed by largest remainder so the shown percentages
/// add up to the shown total percentage (100.0 when the shares add up to the
/// stated total). `None` without a total.
pub fn share_percents(
    shares: &[Amount],
    stated: Amount,
    decimals: u32,
) -> Option<(Vec<Decimal>, Decimal)> {
    if stated.is_zero() {
        return None;
    }
    let exact: Vec<Decimal> = shares
        .iter()
        .map(|s| {
            s.as_decimal()
                .checked_mul(Decimal::ONE_HUNDRED)
                .and_then(|x| x.checked_div(stated.as_decimal()))
        })
        .collect::<Option<_>>()?;
    let (mut parts, mut total) = foot(&exact, decimals);
    for p in &mut parts {
        p.rescale(decimals);
    }
    total.rescale(decimals);
    Some((parts, total))
}

/// A typed percentage of the stated total as an amount: exact decimal
/// arithmetic, rounded half-up to a whole `unit` (the unit the split shows),
/// since a percentage typed to a decimal or two cannot mean a finer amount.
pub fn percent_to_amount(percent: Decimal, stated: Amount, unit: Unit) -> Amount {
    let figure = stated.as_decimal() / unit.won_per_unit() * percent / Decimal::ONE_HUNDRED;
    unit.to_amount(round_half_up(figure, 0))
}

/// A source's share (its whole schedule total) in a program.
pub fn share_of(plan: &Plan, program: ProgramId, source: &str) -> Amount {
    plan.program(program)
        .and_then(|p| p.schedule.row(source))
        .map(ScheduleRow::total)
        .unwrap_or_default()
}

/// The total a split divides: the stated total, else what the schedule adds to.
pub fn split_total(plan: &Plan, program: ProgramId) -> Amount {
    plan.program(program).map_or(Amount::ZERO, |p| {
        p.stated_total
            .map(|s| s.amount)
            .unwrap_or_else(|| p.schedule.rows.iter().map(ScheduleRow::total).sum())
    })
}
