//! Every kind of figure cell reads back what it writes: for any value a
//! figure of that kind may hold, in every unit, `parse(edit_text(x)) == x`;
//! and anything typed is either read as one exact value within the kind's
//! limits or refused, never panics.

#![cfg(not(target_arch = "wasm32"))]

use planner_core::model::amount::Unit;
use planner_core::model::figure::{FigureFormat, FigureKind};
use planner_core::model::limits::{MAX_AMOUNT, MAX_COUNT, MAX_PERCENT, MAX_QUANTITY, MAX_WEIGHT};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn unit() -> impl Strategy<Value = Unit> {
    prop_oneof![Just(Unit::Won), Just(Unit::Thousand), Just(Unit::Million)]
}

/// A decimal of at most `decimals` places within ±`limit`.
fn decimal(limit: Decimal, decimals: u32) -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0..=decimals).prop_map(move |(n, scale)| {
        let value = Decimal::new(n, scale);
        let value = if value.abs() > limit {
            value % limit
        } else {
            value
        };
        value.normalize()
    })
}

proptest! {
    #[test]
    fn money_reads_back_in_every_unit(unit in unit(), units in decimal(Decimal::from(1_000_000_000_000i64), 6), optional: bool) {
        // Whole won and the decimals each unit can write: a figure in 천원 with
        // three decimals is whole won.
        let won = (units * unit.won_per_unit()).round_dp(6).normalize();
        prop_assume!(won.abs() <= MAX_AMOUNT);
        let format = FigureFormat { kind: FigureKind::Money(unit), optional };
        let text = format.edit_text(Some(won));
        prop_assert_eq!(format.parse(&text), Ok(Some(won)), "{}", text);
    }

    #[test]
    fn quantities_read_back(value in decimal(MAX_QUANTITY, 6)) {
        let format = FigureFormat::optional(FigureKind::Quantity);
        prop_assert_eq!(format.parse(&format.edit_text(Some(value))), Ok(Some(value)));
        prop_assert_eq!(format.parse(&format.edit_text(None)), Ok(None));
    }

    #[test]
    fn percents_read_back(value in decimal(MAX_PERCENT, 6)) {
        let format = FigureFormat::optional(FigureKind::Percent);
        let read = format.parse(&format.edit_text(Some(value))).unwrap().unwrap();
        prop_assert_eq!(read.normalize(), value.normalize());
    }

    #[test]
    fn whole_numbers_read_back(weight in 0..=MAX_WEIGHT, count in 0..=MAX_COUNT, year in 1900i32..=2200) {
        let w = FigureFormat::required(FigureKind::Weight);
        prop_assert_eq!(w.parse(&w.edit_text(Some(Decimal::from(weight)))), Ok(Some(Decimal::from(weight))));
        let c = FigureFormat::required(FigureKind::Count);
        prop_assert_eq!(c.parse(&c.edit_text(Some(Decimal::from(count)))), Ok(Some(Decimal::from(count))));
        let y = FigureFormat::required(FigureKind::Year);
        prop_assert_eq!(y.parse(&y.edit_text(Some(Decimal::from(year)))), Ok(Some(Decimal::from(year))));
    }

    /// Whatever is typed is read whole within the kind's limits, or refused.
    #[test]
    fn any_text_is_read_within_limits_or_refused(text in "[0-9,.△\\-() %a０-９]{0,30}", unit in unit()) {
        let kinds = [
            (FigureKind::Money(unit), MAX_AMOUNT),
            (FigureKind::Quantity, MAX_QUANTITY),
            (FigureKind::Percent, MAX_PERCENT),
            (FigureKind::Weight, Decimal::from(MAX_WEIGHT)),
            (FigureKind::Count, Decimal::from(MAX_COUNT)),
            (FigureKind::Year, Decimal::from(2200)),
        ];
        for (kind, limit) in kinds {
            if let Ok(Some(value)) = FigureFormat::required(kind).parse(&text) {
                prop_assert!(value.abs() <= limit, "{:?} read {} from {:?}", kind, value, text);
            }
        }
    }
}
