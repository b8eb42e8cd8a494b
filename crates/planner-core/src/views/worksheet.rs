//! What the pledge card, the line-item table and the plan settings compute for
//! display: an indicator's §1.4 table with its rates, a line item's evaluated
//! basis against its stated amount, and the checks on typed quantities and
//! years. Kept here, pure and tested natively, so the views only show it.

use rust_decimal::Decimal;

use crate::model::plan::{Indicator, Quantity, Year, YearRange};
use crate::rules::derive::indicator_summary;

/// The filled share of a progress bar for a rate: the rate clamped to 0–100,
/// as a CSS length (`64.7%`), so a bar never overflows its track.
pub fn progress_width(rate: Option<Decimal>) -> String {
    let rate = rate
        .unwrap_or_default()
        .clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
    format!("{}%", rate.normalize())
}

/// One year's column of an indicator table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorColumn {
    /// The year.
    pub year: Year,
    /// Whether the year is within the pledge's term (others hold stray figures).
    pub in_term: bool,
    /// 목표
    pub target: Option<Quantity>,
    /// 실적
    pub actual: Option<Quantity>,
    /// The year's actual against its target.
    pub yearly: Option<Decimal>,
    /// Actuals to date against targets to date, in a year with an actual.
    pub cumulative: Option<Decimal>,
    /// Why the year went as it did.
    pub note: String,
}

/// An indicator laid out as §1.4 prints it: the year columns of the term
/// (and any year outside it that holds a figure), the totals and 이행율.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorTable {
    /// One column per year, in order.
    pub columns: Vec<IndicatorColumn>,
    /// The sum of the yearly targets.
    pub target_total: Quantity,
    /// The sum of the actuals reported so far.
    pub actual_total: Quantity,
    /// 이행율: actuals so far against the total target, one decimal, half-up.
    pub achievement: Option<Decimal>,
}

/// Lays an indicator out over a pledge's term, with its sums and rates.
pub fn indicator_table(indicator: &Indicator, term: YearRange) -> IndicatorTable {
    let summary = indicator_summary(indicator);
    let mut years: Vec<Year> = term.years().collect();
    years.extend(indicator.years.keys().filter(|y| !term.contains(**y)));
    years.sort_unstable();
    years.dedup();
    let rate_in = |rates: &[(Year, Option<Decimal>)], year: Year| {
        rates.iter().find(|(y, _)| *y == year).and_then(|(_, r)| *r)
    };
    let columns = years
        .into_iter()
        .map(|year| {
            let entry = indicator.years.get(&year);
            IndicatorColumn {
                year,
                in_term: term.contains(year),
                target: entry.and_then(|e| e.target),
                actual: entry.and_then(|e| e.actual),
                yearly: rate_in(&summary.yearly, year),
                cumulative: rate_in(&summary.cumulative, year),
                note: entry.map(|e| e.note.clone()).unwrap_or_default(),
            }
        })
        .collect();
    IndicatorTable {
        columns,
        target_total: summary.target_total,
        actual_total: summary.actual_total,
        achievement: summary.achievement,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::demo::demo_plan;
    use crate::model::figure::{percent_text, quantity_text};

    fn d(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    #[test]
    fn quantities_show_as_tables_print_them() {
        assert_eq!(quantity_text(None), "-");
        assert_eq!(quantity_text(Some(d("3000"))), "3,000");
    }

    #[test]
    fn rates_print_with_their_decimals() {
        assert_eq!(percent_text(Some(d("64.7"))), "64.7%");
        assert_eq!(percent_text(Some(d("57.0"))), "57.0%");
        assert_eq!(percent_text(Some(d("0.0"))), "0.0%");
        assert_eq!(percent_text(Some(d("1234.5"))), "1,234.5%");
        assert_eq!(progress_width(Some(d("64.7"))), "64.7%");
        assert_eq!(progress_width(Some(d("175.8"))), "100%");
        assert_eq!(progress_width(Some(d("57.0"))), "57%");
        assert_eq!(progress_width(None), "0%");
    }

    #[test]
    fn the_demo_indicator_gives_the_seed_table() {
        let plan = demo_plan();
        let pledge = &plan.pledges[0];
        let table = indicator_table(&pledge.indicators[0], pledge.term);
        assert_eq!(quantity_text(Some(table.target_total)), "3,000");
        assert_eq!(quantity_text(Some(table.actual_total)), "1,941");
        assert_eq!(
            table.achievement.map(|r| percent_text(Some(r))).as_deref(),
            Some("64.7%")
        );
        let years: Vec<Year> = table.columns.iter().map(|c| c.year).collect();
        assert_eq!(years, vec![2018, 2019, 2020, 2021, 2022]);
        let yearly: Vec<Option<String>> = table
            .columns
            .iter()
            .map(|c| c.yearly.map(|r| percent_text(Some(r))))
            .collect();
        assert_eq!(
            yearly,
            vec![
                Some("126.4%".into()),
                Some("175.8%".into()),
                Some("57.0%".into()),
                None,
                None
            ]
        );
        // Cumulative: 632/500, 1,599/1,050, 1,941/1,650.
        let cumulative: Vec<Option<String>> = table
            .columns
            .iter()
            .map(|c| c.cumulative.map(|r| percent_text(Some(r))))
            .collect();
        assert_eq!(
            cumulative,
            vec![
                Some("126.4%".into()),
                Some("152.3%".into()),
                Some("117.6%".into()),
                None,
                None
            ]
        );
        assert!(table.columns[2].note.contains("코로나19"));
    }

    #[test]
    fn a_figure_outside_the_term_gets_its_own_column() {
        let plan = demo_plan();
        let mut indicator = plan.pledges[0].indicators[0].clone();
        indicator.years.entry(2024).or_default().target = Some(d("10"));
        let table = indicator_table(&indicator, YearRange::new(2018, 2022));
        let last = table.columns.last().unwrap();
        assert_eq!((last.year, last.in_term), (2024, false));
        assert_eq!(table.target_total, d("3010"));
    }
}
