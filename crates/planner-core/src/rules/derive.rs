//! Derived values: every figure a table computes rather than states — totals,
//! subtotals, change against last year, shares, achievement rates. Exact
//! decimal throughout; rounding happens only where a figure is shown.

use rust_decimal::Decimal;

use crate::model::amount::{round_half_up, Amount};
use crate::model::plan::{
    Column, FundingSource, Indicator, Plan, Quantity, Schedule, ScheduleRow, SourceId, StaffingRow,
    Year, YearRange,
};

/// One row of the budget status table (DOMAIN §1.1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatusRow {
    /// 예산액
    pub this_year: Amount,
    /// 전년도 예산액
    pub prior_year: Amount,
    /// 증(△)감
    pub change: Amount,
}

impl From<crate::model::plan::YearBudget> for StatusRow {
    fn from(b: crate::model::plan::YearBudget) -> Self {
        StatusRow {
            this_year: b.this_year,
            prior_year: b.prior_year,
            change: b.change(),
        }
    }
}

/// The 계 row of the budget status table: each column summed over the rows,
/// so the table foots in every column.
pub fn status_total(plan: &Plan) -> StatusRow {
    let (this_year, prior_year) = plan
        .budget_rows()
        .fold((Amount::ZERO, Amount::ZERO), |(t, p), (_, b)| {
            (t + b.this_year, p + b.prior_year)
        });
    StatusRow {
        this_year,
        prior_year,
        change: this_year - prior_year,
    }
}

/// A schedule with all its totals, laid out as §1.3 prints it: one row per
/// funding source of the plan, columns 기투자 · each year · 장기.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduleTotals {
    /// The columns, in order: 기투자, the years (the term, plus any year the
    /// schedule has money in outside it), 장기.
    pub columns: Vec<Column>,
    /// One row per source: the plan's sources in order, then any source the
    /// schedule names that the plan lacks.
    pub rows: Vec<SourceTotals>,
    /// 계 per column.
    pub column_totals: Vec<Amount>,
    /// 임기 내 소계 of the 계 row.
    pub in_term: Amount,
    /// 총계 of the 계 row: everything.
    pub total: Amount,
}

impl ScheduleTotals {
    /// 임기 내 소계 of one line of figures laid out as [`ScheduleTotals::columns`]
    /// (shown figures, once footed in a unit): the years within `term`.
    pub fn in_term_of(&self, values: &[Decimal], term: YearRange) -> Decimal {
        self.columns
            .iter()
            .zip(values)
            .filter(|(c, _)| matches!(c, Column::Year(y) if term.contains(*y)))
            .map(|(_, v)| *v)
            .sum()
    }
}

/// One source's row of a schedule with its totals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceTotals {
    /// The funding source.
    pub source: SourceId,
    /// The amount in each column of [`ScheduleTotals::columns`].
    pub cells: Vec<Amount>,
    /// 소계: the years within the term.
    pub in_term: Amount,
    /// 총계: before + every year + after.
    pub total: Amount,
}

/// Totals a schedule over a term, both across (each source) and down (each column).
pub fn schedule_totals(
    schedule: &Schedule,
    sources: &[FundingSource],
    term: YearRange,
) -> ScheduleTotals {
    let mut years: Vec<Year> = term.years().collect();
    for row in &schedule.rows {
        for year in row.years.keys() {
            if !term.contains(*year) {
                years.push(*year);
            }
        }
    }
    years.sort_unstable();
    years.dedup();
    let columns: Vec<Column> = std::iter::once(Column::Before)
        .chain(years.iter().map(|y| Column::Year(*y)))
        .chain(std::iter::once(Column::After))
        .collect();

    let mut source_ids: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    for row in &schedule.rows {
        if !source_ids.contains(&row.source.as_str()) {
            source_ids.push(&row.source);
        }
    }
    let mut column_totals = vec![Amount::ZERO; columns.len()];
    let mut rows = Vec::with_capacity(source_ids.len());
    for id in source_ids {
        let row = schedule.row(id);
        let cells: Vec<Amount> = columns
            .iter()
            .map(|c| match (row, c) {
                (None, _) => Amount::ZERO,
                (Some(r), Column::Before) => r.before,
                (Some(r), Column::After) => r.after,
                (Some(r), Column::Year(y)) => r.year(*y),
            })
            .collect();
        for (sum, cell) in column_totals.iter_mut().zip(&cells) {
            *sum = *sum + *cell;
        }
        let in_term = in_term_sum(&columns, &cells, term);
        let total = cells.iter().sum();
        rows.push(SourceTotals {
            source: id.to_string(),
            cells,
            in_term,
            total,
        });
    }
    let in_term = in_term_sum(&columns, &column_totals, term);
    let total = column_totals.iter().sum();
    ScheduleTotals {
        columns,
        rows,
        column_totals,
        in_term,
        total,
    }
}

fn in_term_sum(columns: &[Column], cells: &[Amount], term: YearRange) -> Amount {
    columns
        .iter()
        .zip(cells)
        .filter(|(c, _)| matches!(c, Column::Year(y) if term.contains(*y)))
        .map(|(_, a)| *a)
        .sum()
}

/// Each source's share of a schedule (its row total), in schedule order:
/// the split line of §1.2, `(국 622,500, 시 247,313, 구비 297,575)`.
pub fn source_shares(schedule: &Schedule) -> Vec<(SourceId, Amount)> {
    schedule
        .rows
        .iter()
        .map(|r| (r.source.clone(), r.total()))
        .collect()
}

/// The sum of a whole schedule.
pub fn schedule_sum(schedule: &Schedule) -> Amount {
    schedule.rows.iter().map(ScheduleRow::total).sum()
}

/// `numerator / denominator` as a percentage rounded half-up to `decimals`
/// places; `None` when the denominator is zero (no rate, not 0%).
pub fn percent(numerator: Decimal, denominator: Decimal, decimals: u32) -> Option<Decimal> {
    if denominator.is_zero() {
        return None;
    }
    let ratio = numerator
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(denominator)?;
    // Keep the places even when they are zero: 57.0%, not 57%.
    let mut rate = round_half_up(ratio, decimals);
    rate.rescale(decimals);
    Some(rate)
}

/// An indicator's figures as the pledge card shows them (DOMAIN §1.4).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorSummary {
    /// The sum of the yearly targets.
    pub target_total: Quantity,
    /// The sum of the actuals reported so far.
    pub actual_total: Quantity,
    /// 이행율: actuals so far against the whole term's target, one decimal.
    pub achievement: Option<Decimal>,
    /// Per year: (year, actual ÷ target of that year), where both exist.
    pub yearly: Vec<(Year, Option<Decimal>)>,
    /// Per year with an actual: actuals to date against targets to date.
    pub cumulative: Vec<(Year, Option<Decimal>)>,
    /// The average actual over the years reported.
    pub average_actual: Option<Quantity>,
}

/// Sums and rates of an indicator.
pub fn indicator_summary(indicator: &Indicator) -> IndicatorSummary {
    let mut target_total = Decimal::ZERO;
    let mut actual_total = Decimal::ZERO;
    let mut reported = 0u32;
    let mut yearly = Vec::new();
    let mut cumulative = Vec::new();
    let (mut target_to_date, mut actual_to_date) = (Decimal::ZERO, Decimal::ZERO);
    for (year, y) in &indicator.years {
        let target = y.target.unwrap_or_default();
        target_total += target;
        target_to_date += target;
        yearly.push((*year, y.actual.and_then(|a| percent(a, target, 1))));
        if let Some(actual) = y.actual {
            actual_total += actual;
            actual_to_date += actual;
            reported += 1;
            cumulative.push((*year, percent(actual_to_date, target_to_date, 1)));
        }
    }
    IndicatorSummary {
        target_total,
        actual_total,
        achievement: if reported == 0 {
            None
        } else {
            percent(actual_total, target_total, 1)
        },
        yearly,
        cumulative,
        average_actual: (reported > 0).then(|| {
            let mut average = round_half_up(actual_total / Decimal::from(reported), 1);
            average.rescale(1);
            average
        }),
    }
}

/// The 계 row of the staffing table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StaffingTotals {
    /// 정원
    pub quota: u64,
    /// 현원
    pub current: u64,
    /// 과부족: current − quota.
    pub shortfall: i64,
}

/// Totals of the staffing table; they foot like any other table.
pub fn staffing_totals(rows: &[StaffingRow]) -> StaffingTotals {
    let quota: u64 = rows.iter().map(|r| u64::from(r.quota)).sum();
    let current: u64 = rows.iter().map(|r| u64::from(r.current)).sum();
    let shortfall =
        i64::try_from(current).unwrap_or(i64::MAX) - i64::try_from(quota).unwrap_or(i64::MAX);
    StaffingTotals {
        quota,
        current,
        shortfall,
    }
}
