//! The limits of every kind of figure and list a plan may hold, in one place.
//!
//! The same numbers are used by the cells that read what a planner types
//! ([`crate::model::figure`]), by [`crate::model::plan::Plan::apply`] (an edit beyond them
//! is refused), by the file reader ([`crate::file`]) and by validation. They
//! are chosen so that no arithmetic on a plan can leave `Decimal`'s exact
//! range (about 7.9 × 10^28):
//!
//! - a plan file is at most [`MAX_FILE_BYTES`], and every figure in it takes
//!   at least four bytes (`"1",`), so a plan that can be stored or exported
//!   holds at most [`MAX_FIGURES`] figures;
//! - every amount is at most [`MAX_AMOUNT`] (10^15 won, 1,000조 원: more than
//!   the whole national budget), so every total of a plan is at most
//!   `MAX_FIGURES × MAX_AMOUNT` ≈ 5.3 × 10^21 won, and times the largest
//!   matching weight ([`MAX_WEIGHT`]) still below 10^28;
//! - amounts carry at most [`AMOUNT_DECIMALS`] decimals in won, so a total
//!   (22 integer digits) with its decimals fits in `Decimal`'s 28 digits.
//!
//! Quantities (indicator targets and actuals) are bounded the same way.

use rust_decimal::Decimal;

/// The largest magnitude of an amount, in won: 10^15 (1,000조 원).
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);
/// The most decimals an amount has in won (0.000001 won); finer is a slip.
pub const AMOUNT_DECIMALS: u32 = 6;
/// The largest magnitude of an indicator figure (10^15 cases, people, …).
pub const MAX_QUANTITY: Decimal = MAX_AMOUNT;
/// The most decimals of an indicator figure.
pub const QUANTITY_DECIMALS: u32 = 6;
/// The largest magnitude of a typed percentage of a total (1,000%).
pub const MAX_PERCENT: Decimal = Decimal::from_parts(1_000, 0, 0, false, 0);
/// The most decimals of a typed percentage.
pub const PERCENT_DECIMALS: u32 = 6;
/// The largest weight of a matching ratio (50 : 30 : 20 needs two digits).
pub const MAX_WEIGHT: u32 = 1_000_000;
/// The largest head count of a staffing row.
pub const MAX_COUNT: u32 = 1_000_000;
/// Years a plan may name: anything else is a typing mistake or hostile.
pub const YEAR_LIMITS: (i32, i32) = (1900, 2200);
/// The longest span of years (a plan's term, a program's period, a pledge's
/// term): a planning horizon, not a typing slip that would give a table of
/// two thousand columns.
pub const MAX_TERM_YEARS: usize = 50;
/// Plan files (and storage entries) beyond this size are refused before parsing (20 MB).
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// The most figures a plan that fits in [`MAX_FILE_BYTES`] can hold.
pub const MAX_FIGURES: usize = MAX_FILE_BYTES / 4;
/// The most items of any one list (programs, rows, years…) a plan may hold.
pub const MAX_ITEMS: usize = 100_000;
/// The deepest nesting of a plan file's JSON: a plan file is about eight
/// levels deep, so anything beyond this is refused before it is parsed.
pub const MAX_DEPTH: usize = 32;
/// The longest text of one field (a name, a note), in characters: far more
/// than any name or note, and (at three bytes a character) a fraction of a
/// plan file. A whole plan's size is bounded first by the browser's storage
/// quota (5 Mi UTF-16 units, a quarter of [`MAX_FILE_BYTES`]).
pub const MAX_TEXT_CHARS: usize = 1_000_000;

/// The schema's patterns of the spellings the reader takes (the JSON Schema
/// is generated with them: `crate::file::schema`). `[0-9]`, never `\d`, and
/// no lookaround, so every regex dialect reads them alike.
/// An amount or figure in its one spelling ([`crate::model::amount::is_plain_decimal`]),
/// within 10^15 and 6 decimals: `0`, `-21634000`, `0.5`, `1000000000000000`.
pub const DECIMAL_PATTERN: &str =
    "^(?:0|-?(?:[1-9][0-9]{0,14}(?:\\.[0-9]{0,5}[1-9])?|0\\.[0-9]{0,5}[1-9]|1000000000000000))$";

/// A year as a map key ([`crate::file::is_year_key`]): four digits, 1900–2200.
pub const YEAR_KEY_PATTERN: &str = "^(?:19[0-9]{2}|2[01][0-9]{2}|2200)$";

/// A deck entry's slide ([`crate::model::plan::Owner::parse`]): `program-` or
/// `pledge-` and an id of 0 to 4294967295 written without a leading zero.
pub const SLIDE_PATTERN: &str = "^(?:program|pledge)-(?:0|[1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$";

/// Whether an amount in won is within [`MAX_AMOUNT`] and [`AMOUNT_DECIMALS`].
pub fn amount_fits(won: Decimal) -> bool {
    won.abs() <= MAX_AMOUNT && won.normalize().scale() <= AMOUNT_DECIMALS
}

/// Whether an indicator figure is within [`MAX_QUANTITY`] and [`QUANTITY_DECIMALS`].
pub fn quantity_fits(value: Decimal) -> bool {
    value.abs() <= MAX_QUANTITY && value.normalize().scale() <= QUANTITY_DECIMALS
}

/// Whether a year is one a plan may name.
pub fn year_fits(year: i32) -> bool {
    (YEAR_LIMITS.0..=YEAR_LIMITS.1).contains(&year)
}

/// Whether a span of years is one a plan may have: both ends within
/// [`YEAR_LIMITS`], in order, at most [`MAX_TERM_YEARS`] long.
pub fn span_fits(first: i32, last: i32) -> bool {
    year_fits(first)
        && year_fits(last)
        && first <= last
        && usize::try_from(last - first + 1).is_ok_and(|n| n <= MAX_TERM_YEARS)
}

/// Whether a text is short enough for one field.
pub fn text_fits(text: &str) -> bool {
    // Bytes bound characters from above: most texts never need the count.
    text.len() <= MAX_TEXT_CHARS || text.chars().count() <= MAX_TEXT_CHARS
}

/// `text` cut to `max_chars` characters, with `…` where it was cut: what a
/// message quotes of a user's text or of a file, whatever its length.
pub fn shortened(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        text.to_string()
    } else {
        let mut out: String = text.chars().take(max_chars).collect();
        out.push('…');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limits_are_the_numbers_the_docs_give() {
        assert_eq!(MAX_AMOUNT, Decimal::from(1_000_000_000_000_000_i64));
        assert_eq!(MAX_PERCENT, Decimal::from(1_000));
    }

    #[test]
    fn every_total_of_a_full_plan_stays_exact() {
        // The largest total a storable plan can have, times the largest weight,
        // with the finest decimals, is still a Decimal.
        let total = MAX_AMOUNT
            .checked_mul(Decimal::from(MAX_FIGURES as u64))
            .unwrap();
        assert!(total.checked_mul(Decimal::from(MAX_WEIGHT)).is_some());
        let finest = Decimal::new(1, AMOUNT_DECIMALS);
        let sum = total.checked_add(finest).unwrap();
        assert_eq!(
            sum - total,
            finest,
            "decimals survive next to the largest total"
        );
    }

    #[test]
    fn amounts_years_and_spans_are_checked() {
        assert!(amount_fits(MAX_AMOUNT));
        assert!(amount_fits(-MAX_AMOUNT));
        assert!(!amount_fits(MAX_AMOUNT + Decimal::ONE));
        assert!(amount_fits(Decimal::new(1, 6)));
        assert!(!amount_fits(Decimal::new(1, 7)));
        assert!(
            amount_fits(Decimal::new(10, 7)),
            "trailing zeros do not count"
        );
        assert!(year_fits(1900) && year_fits(2200) && !year_fits(1899) && !year_fits(2201));
        assert!(span_fits(2018, 2022));
        assert!(!span_fits(2022, 2018));
        assert!(span_fits(2000, 2049));
        assert!(!span_fits(2000, 2050));
    }
}
