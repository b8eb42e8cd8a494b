//! Shown tables that foot: rounded parts that add up exactly to the rounded total.
//!
//! Plans keep amounts exactly in won, but tables show them rounded (half-up, away
//! from zero) in 천원 or 백만원, and percentage shares to a few decimals. Rounding
//! each figure on its own often leaves the shown parts one unit short of (or over)
//! the shown total — rows of 1,566,173.4 + 177,748.4 + 48,730.4 백만원 show as
//! 1,566,173 + 177,748 + 48,730 = 1,792,651 under a total of 1,792,652 — and a
//! reviewer re-adding the table by hand flags it. The functions here move as few
//! shown figures as possible by one step each (the largest-remainder method) so
//! that every shown table foots.
//!
//! All arithmetic is exact [`Decimal`] arithmetic, never binary floating point.
//! Sums saturate instead of panicking; within the range a plan allows (amounts of
//! at most 10^15 won, see [`crate::model::limits::MAX_AMOUNT`]) nothing comes near it.

use std::cmp::Ordering;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::amount::{round_half_up, Amount, Unit};

/// Rounds `values` to `decimals` places so that they add up exactly to `total` (which must
/// itself have at most `decimals` places), changing as few values as possible from their
/// half-up rounding, each by one step (10^-decimals), preferring the values whose rounding
/// lost (or gained) the most — the largest-remainder method. If |total - Σ round(v)| exceeds
/// the number of values (impossible to reach by one step each), the extra steps go to the
/// values in remainder order again (round-robin), so the result still foots.
///
/// Why: a shown table must foot to a total fixed elsewhere (a column total, 100 %),
/// and a reader accepts a figure off by one step far more readily than a sum that
/// does not add up.
///
/// Details: when steps must be added, the values whose exact value exceeds their
/// rounded value the most go first; when steps must be removed, those whose exact
/// value is below their rounded value the most. Ties go to the earlier value, so
/// the result is deterministic. A `total` with more than `decimals` places is first
/// rounded half-up to `decimals` places; `decimals` beyond 28 (the most a
/// [`Decimal`] holds) is treated as 28. With no values there is nothing to foot
/// and the result is empty, whatever `total` is.
pub fn foot_to(values: &[Decimal], decimals: u32, total: Decimal) -> Vec<Decimal> {
    if values.is_empty() {
        return Vec::new();
    }
    let decimals = decimals.min(Decimal::MAX_SCALE);
    let step = Decimal::new(1, decimals);
    let total = round_half_up(total, decimals);
    let mut shown: Vec<Decimal> = values.iter().map(|&v| round_half_up(v, decimals)).collect();
    let gap = total.saturating_sub(sum(&shown));
    if gap.is_zero() {
        return shown;
    }
    let adding = gap > Decimal::ZERO;

    // How far each value's rounding went against the direction we must move:
    // exact - shown when adding steps, shown - exact when removing them.
    let lost: Vec<Decimal> = values
        .iter()
        .zip(&shown)
        .map(|(&exact, &rounded)| {
            let d = exact.saturating_sub(rounded);
            if adding {
                d
            } else {
                -d
            }
        })
        .collect();
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| match lost[b].cmp(&lost[a]) {
        Ordering::Equal => a.cmp(&b),
        other => other,
    });

    let (each, extra_steps) = share_out(gap.abs(), values.len(), step, decimals);
    for (position, &index) in order.iter().enumerate() {
        let mut delta = each;
        if Decimal::from(position) < extra_steps {
            delta = delta.saturating_add(step);
        }
        if delta.is_zero() {
            continue;
        }
        shown[index] = if adding {
            shown[index].saturating_add(delta)
        } else {
            shown[index].saturating_sub(delta)
        };
    }
    shown
}

/// Shown parts and shown total: total = round_half_up(Σ values, decimals), parts footed to it.
///
/// Why: this is how a table is shown when its total is itself derived from the
/// exact parts — the total is the honest rounding of the exact sum, and the parts
/// give way to it. Empty input gives no parts and a zero total.
pub fn foot(values: &[Decimal], decimals: u32) -> (Vec<Decimal>, Decimal) {
    if values.is_empty() {
        return (Vec::new(), Decimal::ZERO);
    }
    let decimals = decimals.min(Decimal::MAX_SCALE);
    let total = round_half_up(sum(values), decimals);
    (foot_to(values, decimals, total), total)
}

/// Amounts shown in a unit (whole units): foot of amounts divided by unit.won_per_unit(), 0 decimals.
///
/// Why: budget tables are kept in won but shown in 천원 or 백만원, and the shown
/// rows must add to the shown total exactly as printed.
pub fn foot_amounts(amounts: &[Amount], unit: Unit) -> (Vec<Decimal>, Decimal) {
    let per_unit = unit.won_per_unit();
    let figures: Vec<Decimal> = amounts.iter().map(|a| a.as_decimal() / per_unit).collect();
    foot(&figures, 0)
}

/// Percentage shares of `parts` in their sum, shown with `decimals` places, adding to exactly 100.
/// Empty vector if the sum is zero. Negative parts: still foot (document that shares of mixed-sign sets are not meaningful but the function does not panic).
///
/// Why: a share column (구성비) is re-added by readers and must say 100.00, not
/// 100.01 or 99.99.
///
/// Negative parts: the shares still add to exactly 100, but when parts have mixed
/// signs a "share" of a net sum is not meaningful (a share may exceed 100 or be
/// negative, and they explode as the net sum nears zero); the function returns
/// them without panicking. If a share is beyond what a [`Decimal`] can hold
/// (only possible for mixed signs whose net sum is tiny next to the parts), the
/// result is empty, as for a zero sum.
pub fn percent_shares(parts: &[Decimal], decimals: u32) -> Vec<Decimal> {
    let total = sum(parts);
    if total.is_zero() {
        return Vec::new();
    }
    let mut shares = Vec::with_capacity(parts.len());
    for &part in parts {
        // part × 100 ÷ sum keeps the most precision; dividing first only when the
        // product would not fit.
        let share = part
            .checked_mul(Decimal::ONE_HUNDRED)
            .and_then(|scaled| scaled.checked_div(total))
            .or_else(|| {
                part.checked_div(total)
                    .and_then(|ratio| ratio.checked_mul(Decimal::ONE_HUNDRED))
            });
        match share {
            Some(share) => shares.push(share),
            None => return Vec::new(),
        }
    }
    foot_to(&shares, decimals, Decimal::ONE_HUNDRED)
}

/// A grid (rows × columns) shown in whole units so that every row foots to its shown row total,
/// every column to its shown column total, and both to the shown grand total.
/// Method: grand total = round(Σ all); column totals = foot_to(column sums, grand); each column's cells
/// foot_to that column's shown total; row totals are then the sums of the shown cells of each row.
///
/// Why: a cross table (e.g. programs × years) is checked both across and down;
/// footing rows and columns separately would leave the two directions
/// disagreeing about the grand total.
///
/// Every shown cell and column total is within one step of its exact value; a
/// row total is the sum of its shown cells, so it may differ from the rounding
/// of the exact row sum by more than one step when many cells in that row were
/// moved the same way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FootedGrid {
    /// The shown cells, in the shape of the input.
    pub cells: Vec<Vec<Decimal>>,
    /// For each row, the sum of its shown cells.
    pub row_totals: Vec<Decimal>,
    /// For each column, its shown total (the sum of its shown cells).
    pub column_totals: Vec<Decimal>,
    /// The shown grand total: the half-up rounding of the exact sum of all cells.
    pub total: Decimal,
}

/// Foots a grid: see [`FootedGrid`] for the method.
///
/// Why: so that a cross table adds up across, down and to its corner as printed.
///
/// Rows may have different lengths: a missing cell is no cell at all (not a zero
/// that could be given a step), and the output keeps the input's shape. An empty
/// grid gives empty vectors and a zero total.
pub fn foot_grid(cells: &[Vec<Decimal>], decimals: u32) -> FootedGrid {
    let decimals = decimals.min(Decimal::MAX_SCALE);
    let width = cells.iter().map(Vec::len).max().unwrap_or(0);

    let column_sums: Vec<Decimal> = (0..width)
        .map(|column| {
            cells
                .iter()
                .filter_map(|row| row.get(column))
                .fold(Decimal::ZERO, |acc, &v| acc.saturating_add(v))
        })
        .collect();
    let total = round_half_up(sum(&column_sums), decimals);
    let column_totals = foot_to(&column_sums, decimals, total);

    let mut shown: Vec<Vec<Decimal>> = cells.to_vec();
    for (column, &column_total) in column_totals.iter().enumerate() {
        let rows_here: Vec<usize> = (0..cells.len())
            .filter(|&r| column < cells[r].len())
            .collect();
        let exact: Vec<Decimal> = rows_here.iter().map(|&r| cells[r][column]).collect();
        let footed = foot_to(&exact, decimals, column_total);
        for (&r, value) in rows_here.iter().zip(footed) {
            shown[r][column] = value;
        }
    }
    let row_totals = shown.iter().map(|row| sum(row)).collect();

    FootedGrid {
        cells: shown,
        row_totals,
        column_totals,
        total,
    }
}

/// The sum of `values`, saturating rather than panicking at `Decimal`'s limits.
fn sum(values: &[Decimal]) -> Decimal {
    values
        .iter()
        .fold(Decimal::ZERO, |acc, &v| acc.saturating_add(v))
}

/// Splits `magnitude` (a multiple of `step`) among `count` values in whole steps:
/// returns what every value gets (a multiple of `step`) and how many values, in
/// order, get one step more.
fn share_out(magnitude: Decimal, count: usize, step: Decimal, decimals: u32) -> (Decimal, Decimal) {
    let n = Decimal::from(count);
    let mut each = (magnitude / n).round_dp_with_strategy(decimals, RoundingStrategy::ToZero);
    let mut extra = magnitude.saturating_sub(each.saturating_mul(n));
    let all_once = step.saturating_mul(n);
    // Division is exact for any realistic figure; these only correct the last digit
    // of an inexact quotient, so that 0 <= extra < count steps. Bounded, so that
    // figures at the edge of Decimal's precision cannot loop forever.
    for _ in 0..4 {
        if extra < Decimal::ZERO && each > Decimal::ZERO {
            each = each.saturating_sub(step);
            extra = extra.saturating_add(all_once);
        } else if extra >= all_once {
            each = each.saturating_add(step);
            extra = extra.saturating_sub(all_once);
        } else {
            break;
        }
    }
    let extra_steps = extra
        .checked_div(step)
        .unwrap_or(Decimal::ZERO)
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        .clamp(Decimal::ZERO, n);
    (each, extra_steps)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    fn decs(items: &[&str]) -> Vec<Decimal> {
        items.iter().map(|s| dec(s)).collect()
    }

    fn naive(values: &[Decimal], decimals: u32) -> Vec<Decimal> {
        values.iter().map(|&v| round_half_up(v, decimals)).collect()
    }

    #[test]
    fn the_document_case_foots_in_millions() {
        let amounts = [
            Amount::won(1_566_173_400_000),
            Amount::won(177_748_400_000),
            Amount::won(48_730_400_000),
        ];
        let exact: Vec<Decimal> = amounts
            .iter()
            .map(|a| a.as_decimal() / Unit::Million.won_per_unit())
            .collect();
        assert_eq!(sum(&exact), dec("1792652.2"));
        let naive_parts = naive(&exact, 0);
        assert_eq!(sum(&naive_parts), dec("1792651"));

        let (parts, total) = foot_amounts(&amounts, Unit::Million);
        assert_eq!(total, dec("1792652"));
        assert_eq!(sum(&parts), total);
        let changed = parts
            .iter()
            .zip(&naive_parts)
            .filter(|(a, b)| a != b)
            .count();
        assert_eq!(changed, 1);
        // All three lost 0.4 in rounding; the tie goes to the first row.
        assert_eq!(parts, decs(&["1566174", "177748", "48730"]));
    }

    #[test]
    fn percent_shares_add_to_exactly_one_hundred() {
        let parts = decs(&["42004", "7556", "15466", "22286", "12688"]);
        let exact: Vec<Decimal> = parts
            .iter()
            .map(|&p| p * Decimal::ONE_HUNDRED / dec("100000"))
            .collect();
        assert_eq!(sum(&naive(&exact, 2)), dec("100.01"));

        let shares = percent_shares(&parts, 2);
        assert_eq!(sum(&shares), dec("100.00"));
        // 7.556, 15.466 and 22.286 were all rounded up by 0.004; the first gives way.
        assert_eq!(shares, decs(&["42.00", "7.55", "15.47", "22.29", "12.69"]));
    }

    #[test]
    fn a_table_that_already_foots_is_unchanged() {
        // 625,942.3 shows as 625,942, and so do the rounded rows.
        let values = decs(&["625648", "1.2", "300.4", "-7.3"]);
        let (parts, total) = foot(&values, 0);
        assert_eq!(parts, naive(&values, 0));
        assert_eq!(total, dec("625942"));

        let whole = decs(&["1780060", "-21634", "0"]);
        assert_eq!(foot(&whole, 0), (whole.clone(), dec("1758426")));
    }

    #[test]
    fn rounds_half_away_from_zero_before_footing() {
        // 2.5 shows as 3 and -2.5 as -3; their sum 0 already foots.
        let (parts, total) = foot(&decs(&["2.5", "-2.5"]), 0);
        assert_eq!(parts, decs(&["3", "-3"]));
        assert_eq!(total, Decimal::ZERO);
    }

    #[test]
    fn negative_values_move_the_right_way() {
        // Exact sum -3.3 shows as -3, and so do the naive parts -1 + -1 + -1.
        let (parts, total) = foot(&decs(&["-1.4", "-1.1", "-0.8"]), 0);
        assert_eq!(total, dec("-3"));
        assert_eq!(parts, decs(&["-1", "-1", "-1"]));

        // Exact sum -4.25 shows as -4; naive -1 + -1 + -1 = -3, so one step must be
        // removed: the value whose exact figure is furthest below its rounding (-1.45).
        let (parts, total) = foot(&decs(&["-1.4", "-1.4", "-1.45"]), 0);
        assert_eq!(total, dec("-4"));
        assert_eq!(parts, decs(&["-1", "-1", "-2"]));
    }

    #[test]
    fn removes_steps_from_values_rounded_up_most() {
        // 0.6 + 0.6 + 0.3 = 1.5 shows as 2; naive 1 + 1 + 0 = 2 already foots.
        assert_eq!(
            foot(&decs(&["0.6", "0.6", "0.3"]), 0).0,
            decs(&["1", "1", "0"])
        );
        // 0.6 + 0.7 + 0.6 = 1.9 shows as 2; naive 3: remove from 0.6 (gained 0.4), first first.
        assert_eq!(
            foot(&decs(&["0.6", "0.7", "0.6"]), 0).0,
            decs(&["0", "1", "1"])
        );
    }

    #[test]
    fn large_gaps_go_round_robin_in_remainder_order() {
        let values = decs(&["1.1", "2.3", "3.2"]);
        // Naive 1 + 2 + 3 = 6; footing to 14 needs 8 steps: 2 each, then 2 more
        // to the largest remainders (2.3 then 3.2).
        let parts = foot_to(&values, 0, dec("14"));
        assert_eq!(parts, decs(&["3", "5", "6"]));
        // Footing to -2 removes 8 steps: 2 each, then 2 more from the values
        // rounded down least (1.1 then 3.2).
        let parts = foot_to(&values, 0, dec("-2"));
        assert_eq!(parts, decs(&["-2", "0", "0"]));
        assert_eq!(sum(&parts), dec("-2"));
    }

    #[test]
    fn ties_break_by_index() {
        let values = decs(&["0.5", "0.5", "0.5", "0.5"]);
        // Naive 1 each (4); exact 2 shows as 2: remove from the first two.
        assert_eq!(foot(&values, 0), (decs(&["0", "0", "1", "1"]), dec("2")));
    }

    #[test]
    fn empty_inputs_give_empty_results() {
        assert_eq!(foot_to(&[], 0, dec("5")), Vec::<Decimal>::new());
        assert_eq!(foot(&[], 2), (Vec::new(), Decimal::ZERO));
        assert_eq!(
            foot_amounts(&[], Unit::Thousand),
            (Vec::new(), Decimal::ZERO)
        );
        assert_eq!(percent_shares(&[], 2), Vec::<Decimal>::new());
        let grid = foot_grid(&[], 0);
        assert!(grid.cells.is_empty() && grid.row_totals.is_empty());
        assert!(grid.column_totals.is_empty());
        assert_eq!(grid.total, Decimal::ZERO);
    }

    #[test]
    fn percent_shares_of_nothing_or_mixed_signs() {
        assert!(percent_shares(&decs(&["0", "0"]), 2).is_empty());
        assert!(percent_shares(&decs(&["5", "-5"]), 2).is_empty());
        let shares = percent_shares(&decs(&["300", "-100", "0.3"]), 2);
        assert_eq!(sum(&shares), dec("100"));
        // Shares beyond Decimal's range: nothing to show, and no panic.
        let exploding = decs(&[
            "50000000000000000000000000000",
            "-49999999999999999999999999999",
        ]);
        assert!(percent_shares(&exploding, 2).is_empty());
        // A net sum tiny next to the parts: huge shares, still footing.
        let huge = percent_shares(
            &decs(&["1000000000000000000", "-999999999999999999.9999999"]),
            2,
        );
        assert_eq!(sum(&huge), dec("100"));
    }

    #[test]
    fn percent_shares_in_whole_percent() {
        assert_eq!(
            percent_shares(&decs(&["1", "1", "1"]), 0),
            decs(&["34", "33", "33"])
        );
    }

    #[test]
    fn foot_amounts_in_thousands() {
        let amounts = [Amount::won(1_500), Amount::won(1_500), Amount::won(-2_500)];
        // 1.5 + 1.5 - 2.5 = 0.5 shows as 1; naive 2 + 2 - 3 = 1 already foots.
        assert_eq!(
            foot_amounts(&amounts, Unit::Thousand),
            (decs(&["2", "2", "-3"]), dec("1"))
        );
    }

    #[test]
    fn a_grid_foots_across_down_and_to_the_corner() {
        let cells = vec![
            decs(&["1.4", "2.4", "3.4"]),
            decs(&["1.4", "2.4", "3.4"]),
            decs(&["0.4", "0.4", "0.4"]),
        ];
        let grid = foot_grid(&cells, 0);
        // Exact sum 15.6 → 16.
        assert_eq!(grid.total, dec("16"));
        assert_eq!(sum(&grid.column_totals), grid.total);
        assert_eq!(sum(&grid.row_totals), grid.total);
        for (row, row_total) in grid.cells.iter().zip(&grid.row_totals) {
            assert_eq!(sum(row), *row_total);
        }
        for (c, column_total) in grid.column_totals.iter().enumerate() {
            let column: Vec<Decimal> = grid.cells.iter().map(|row| row[c]).collect();
            assert_eq!(sum(&column), *column_total);
        }
    }

    #[test]
    fn a_ragged_grid_keeps_its_shape() {
        let cells = vec![decs(&["1.4", "0.4"]), decs(&["0.4"]), vec![]];
        let grid = foot_grid(&cells, 0);
        assert_eq!(
            grid.cells.iter().map(Vec::len).collect::<Vec<_>>(),
            vec![2, 1, 0]
        );
        assert_eq!(grid.total, dec("2"));
        assert_eq!(grid.column_totals, decs(&["2", "0"]));
        // 1.4 and 0.4 both lost 0.4; the tie goes to the first row.
        assert_eq!(grid.cells, vec![decs(&["2", "0"]), decs(&["0"]), vec![]]);
        assert_eq!(grid.row_totals, decs(&["2", "0", "0"]));
    }

    #[test]
    fn too_many_places_do_not_panic() {
        let (parts, total) = foot(&decs(&["1.25", "2.5"]), 40);
        assert_eq!(sum(&parts), total);
    }

    /// Won amounts within ±10^15, shown in 천원.
    fn thousands(max_len: usize) -> impl Strategy<Value = Vec<Decimal>> {
        prop::collection::vec(
            -1_000_000_000_000_000i64..=1_000_000_000_000_000,
            0..=max_len,
        )
        .prop_map(|won| {
            won.into_iter()
                .map(|w| Decimal::from(w) / Decimal::from(1_000))
                .collect()
        })
    }

    proptest! {
        #[test]
        fn foot_parts_add_to_the_total_within_a_step(values in thousands(30), decimals in 0u32..=3) {
            let (parts, total) = foot(&values, decimals);
            let step = Decimal::new(1, decimals);
            prop_assert_eq!(parts.len(), values.len());
            prop_assert_eq!(sum(&parts), total);
            prop_assert_eq!(total, round_half_up(sum(&values), decimals));
            for (part, exact) in parts.iter().zip(&values) {
                prop_assert!((*part - *exact).abs() <= step, "{} vs {}", part, exact);
                prop_assert_eq!(part.round_dp(decimals), *part);
            }
        }

        #[test]
        fn foot_to_always_reaches_its_total(values in thousands(30), target in -1_000_000_000_000i64..=1_000_000_000_000) {
            let target = Decimal::from(target);
            let parts = foot_to(&values, 0, target);
            if !values.is_empty() {
                prop_assert_eq!(sum(&parts), target);
            }
        }

        #[test]
        fn grids_foot_every_way(
            grid in (0usize..=8, 0usize..=12).prop_flat_map(|(rows, columns)| {
                prop::collection::vec(
                    prop::collection::vec(-1_000_000_000_000_000i64..=1_000_000_000_000_000, columns),
                    rows,
                )
            }),
            decimals in 0u32..=1,
        ) {
            let cells: Vec<Vec<Decimal>> = grid
                .iter()
                .map(|row| row.iter().map(|&w| Decimal::from(w) / Decimal::from(1_000)).collect())
                .collect();
            let footed = foot_grid(&cells, decimals);
            let step = Decimal::new(1, decimals);
            let all: Vec<Decimal> = cells.iter().flatten().copied().collect();
            prop_assert_eq!(footed.total, round_half_up(sum(&all), decimals));
            prop_assert_eq!(sum(&footed.row_totals), footed.total);
            prop_assert_eq!(sum(&footed.column_totals), footed.total);
            prop_assert_eq!(footed.row_totals.len(), cells.len());
            for (row, row_total) in footed.cells.iter().zip(&footed.row_totals) {
                prop_assert_eq!(sum(row), *row_total);
            }
            for (c, column_total) in footed.column_totals.iter().enumerate() {
                let column: Vec<Decimal> = footed.cells.iter().map(|row| row[c]).collect();
                prop_assert_eq!(sum(&column), *column_total);
            }
            for (shown_row, exact_row) in footed.cells.iter().zip(&cells) {
                prop_assert_eq!(shown_row.len(), exact_row.len());
                for (shown, exact) in shown_row.iter().zip(exact_row) {
                    prop_assert!((*shown - *exact).abs() <= step);
                }
            }
        }

        #[test]
        fn positive_shares_sum_to_exactly_one_hundred(
            parts in prop::collection::vec(1i64..=1_000_000_000_000_000, 1..=30),
            decimals in 0u32..=4,
        ) {
            let parts: Vec<Decimal> = parts.into_iter().map(Decimal::from).collect();
            let shares = percent_shares(&parts, decimals);
            prop_assert_eq!(shares.len(), parts.len());
            prop_assert_eq!(sum(&shares), Decimal::ONE_HUNDRED);
            let total = sum(&parts);
            let step = Decimal::new(1, decimals);
            for (share, part) in shares.iter().zip(&parts) {
                prop_assert!(*share >= Decimal::ZERO);
                prop_assert!((*share - *part * Decimal::ONE_HUNDRED / total).abs() <= step);
            }
        }
    }
}
