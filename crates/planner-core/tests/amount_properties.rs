//! Properties of amount parsing and formatting that must hold for any figure.

#![cfg(not(target_arch = "wasm32"))]

use planner_core::model::amount::{format_figure, parse_figure, Amount};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn figure() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..4).prop_map(|(n, scale)| Decimal::new(n / 10, scale).normalize())
}

proptest! {
    /// What a table shows can be typed back in and means the same figure.
    #[test]
    fn formatted_figures_parse_back(value in figure()) {
        prop_assert_eq!(parse_figure(&format_figure(value)).unwrap(), value);
    }

    /// The plain form is accepted too: `-21634` and `△21,634` are the same.
    #[test]
    fn plain_figures_parse(value in figure()) {
        prop_assert_eq!(parse_figure(&value.to_string()).unwrap(), value);
    }

    /// Parsing arbitrary text never panics.
    #[test]
    fn parsing_never_panics(text in "\\PC{0,40}") {
        let _ = parse_figure(&text);
    }

    /// The file form of an amount within the limits round-trips exactly.
    #[test]
    fn amounts_round_trip_through_json(n in -1_000_000_000_000_000i64..=1_000_000_000_000_000i64, scale in 0u32..7) {
        let a = Amount::from_won(Decimal::new(n, scale));
        let text = serde_json::to_string(&a).unwrap();
        prop_assert_eq!(serde_json::from_str::<Amount>(&text).unwrap(), a);
    }

    /// An amount beyond the limit of one figure is refused by the reader.
    #[test]
    fn amounts_beyond_the_limit_are_refused(n in 1_000_000_000_000_001i64..=i64::MAX, negative: bool) {
        let n = if negative { -n } else { n };
        let text = format!("\"{n}\"");
        prop_assert!(serde_json::from_str::<Amount>(&text).is_err());
    }
}
