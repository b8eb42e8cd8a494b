//! Money as planners write it: exact decimals, `△` for negatives, `-` for zero.
//!
//! Every amount in a plan is an [`Amount`] in won. Parsing accepts what planners
//! type or paste from their documents; formatting writes what their tables show.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, Neg, Sub};
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::limits::{amount_fits, shortened, MAX_AMOUNT};

/// An exact amount of money in won. Never binary floating point: budget tables
/// must foot to the won, and a reviewer re-adds them by hand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(Decimal);

impl Amount {
    /// Zero won: what `-` or an empty cell means in a planner's table.
    pub const ZERO: Amount = Amount(Decimal::ZERO);

    /// Wraps an exact decimal number of won.
    pub fn from_won(won: Decimal) -> Self {
        Amount(won.normalize())
    }

    /// A whole number of won, for tests and generated plans.
    pub fn won(won: i64) -> Self {
        Amount(Decimal::from(won))
    }

    /// The exact value in won.
    pub fn as_decimal(self) -> Decimal {
        self.0
    }

    /// True when the amount is below zero, shown with `△`.
    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// True for zero, shown as `-`.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }
}

impl Add for Amount {
    type Output = Amount;
    fn add(self, rhs: Amount) -> Amount {
        Amount(self.0 + rhs.0)
    }
}

impl Sub for Amount {
    type Output = Amount;
    fn sub(self, rhs: Amount) -> Amount {
        Amount(self.0 - rhs.0)
    }
}

impl Neg for Amount {
    type Output = Amount;
    fn neg(self) -> Amount {
        Amount(-self.0)
    }
}

impl Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Amount> for Amount {
    fn sum<I: Iterator<Item = &'a Amount>>(iter: I) -> Amount {
        iter.copied().sum()
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Amount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": crate::model::limits::DECIMAL_PATTERN,
            "description": "An amount in won written as a decimal string, such as \"625648000\" or \"-21634000\"; never a JSON number. No leading or trailing zeros, at most 10^15 won and 6 decimals."
        })
    }
}

/// The unit a table is stated and shown in (단위). Amounts are kept in won; the
/// unit only scales what the user types and sees.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Unit {
    /// 원
    #[serde(rename = "won")]
    Won,
    /// 천원, the unit of most district budget tables.
    #[default]
    #[serde(rename = "thousand")]
    Thousand,
    /// 백만원, the unit of pledge schedules.
    #[serde(rename = "million")]
    Million,
}

impl Unit {
    /// Every unit, in the order a unit picker lists them.
    pub const ALL: [Unit; 3] = [Unit::Won, Unit::Thousand, Unit::Million];

    /// The unit's code, as plan files write it (`won`, `thousand`,
    /// `million`): also the value of every unit picker's options.
    pub fn code(self) -> &'static str {
        match self {
            Unit::Won => "won",
            Unit::Thousand => "thousand",
            Unit::Million => "million",
        }
    }

    /// The unit a code names.
    pub fn from_code(code: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.code() == code)
    }

    /// How many won one unit is.
    pub fn won_per_unit(self) -> Decimal {
        match self {
            Unit::Won => Decimal::ONE,
            Unit::Thousand => Decimal::from(1_000),
            Unit::Million => Decimal::from(1_000_000),
        }
    }

    /// Converts a figure typed in this unit into an amount in won.
    pub fn to_amount(self, figure: Decimal) -> Amount {
        Amount::from_won(figure * self.won_per_unit())
    }

    /// The exact figure of an amount in this unit (no rounding), for editing.
    pub fn exact_figure(self, amount: Amount) -> Decimal {
        (amount.0 / self.won_per_unit()).normalize()
    }

    /// The figure as a table shows it: whole units, rounded half away from zero
    /// (planners round half-up, not to even).
    pub fn shown_figure(self, amount: Amount) -> Decimal {
        round_half_up(amount.0 / self.won_per_unit(), 0)
    }
}

/// Rounds half away from zero, the way planners' tables round (rust_decimal's
/// `round_dp` would round half to even).
pub fn round_half_up(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// Why a typed figure is not a number, said precisely enough to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmountError {
    /// A character that has no place in a number (a letter, a symbol).
    UnexpectedChar {
        /// The offending character.
        ch: char,
        /// Its position, counting characters from 1 as a user would.
        position: usize,
    },
    /// A sign with no digits after it, such as `△` alone.
    NoDigits,
    /// More than one decimal point.
    TwoDecimalPoints,
    /// A thousands separator that does not separate groups of three digits.
    MisplacedSeparator,
    /// A sign anywhere but at the front.
    MisplacedSign,
    /// Beyond [`MAX_AMOUNT`] in magnitude: surely a typing mistake.
    TooLarge,
}

/// Parses a figure as planners type it: `1,234,567`, `1234567`, `△21,634`,
/// `-21634`, `▲21,634`, `(21,634)`, `-` or an empty cell for zero, `1.5`.
/// Spaces are ignored. The result is in the unit the figure was typed in.
pub fn parse_figure(input: &str) -> Result<Decimal, AmountError> {
    let text: Vec<(usize, char)> = input
        .chars()
        .enumerate()
        .filter(|(_, c)| !c.is_whitespace())
        .map(|(i, c)| (i + 1, c))
        .collect();
    // A lone dash (or nothing) is how a table writes zero.
    let only: String = text.iter().map(|(_, c)| *c).collect();
    if only.is_empty() || only == "-" || only == "－" || only == "–" {
        return Ok(Decimal::ZERO);
    }
    let mut negative = false;
    let mut body: &[(usize, char)] = &text;
    if let (Some((_, '(')), Some((_, ')'))) = (body.first(), body.last()) {
        negative = true;
        body = &body[1..body.len() - 1];
    }
    if let Some((_, first)) = body.first() {
        if matches!(first, '△' | '▲' | '-' | '－' | '−' | '–') {
            negative = !negative;
            body = &body[1..];
        } else if *first == '+' {
            body = &body[1..];
        }
    }
    let mut int_digits = String::new();
    let mut frac_digits = String::new();
    let mut seen_point = false;
    let mut group_len: Option<usize> = None; // digits since the last separator, once one is seen
    let mut first_group_len = 0usize;
    for &(position, ch) in body {
        match ch {
            '0'..='9' | '０'..='９' => {
                let digit = if ch.is_ascii_digit() {
                    ch
                } else {
                    char::from_u32(ch as u32 - '０' as u32 + '0' as u32).unwrap_or('0')
                };
                if seen_point {
                    frac_digits.push(digit);
                } else {
                    int_digits.push(digit);
                    match group_len.as_mut() {
                        Some(n) => *n += 1,
                        None => first_group_len += 1,
                    }
                }
            }
            ',' | '，' => {
                if seen_point {
                    return Err(AmountError::MisplacedSeparator);
                }
                match group_len {
                    None if first_group_len == 0 || first_group_len > 3 => {
                        return Err(AmountError::MisplacedSeparator)
                    }
                    Some(n) if n != 3 => return Err(AmountError::MisplacedSeparator),
                    _ => group_len = Some(0),
                }
            }
            '.' => {
                if seen_point {
                    return Err(AmountError::TwoDecimalPoints);
                }
                if matches!(group_len, Some(n) if n != 3) {
                    return Err(AmountError::MisplacedSeparator);
                }
                seen_point = true;
            }
            '△' | '▲' | '-' | '－' | '−' | '+' => return Err(AmountError::MisplacedSign),
            other => {
                return Err(AmountError::UnexpectedChar {
                    ch: other,
                    position,
                })
            }
        }
    }
    if matches!(group_len, Some(n) if n != 3) && !seen_point {
        return Err(AmountError::MisplacedSeparator);
    }
    if int_digits.is_empty() && frac_digits.is_empty() {
        return Err(AmountError::NoDigits);
    }
    let int_digits = int_digits.trim_start_matches('0');
    let significant = int_digits.len();
    // Far beyond any limit of a figure kind: refused before any arithmetic.
    if significant > 19 || frac_digits.len() > 12 {
        return Err(AmountError::TooLarge);
    }
    let text = format!(
        "{}{}{}{}",
        if negative { "-" } else { "" },
        if int_digits.is_empty() {
            "0"
        } else {
            int_digits
        },
        if frac_digits.is_empty() { "" } else { "." },
        frac_digits
    );
    let value = Decimal::from_str_exact(&text).map_err(|_| AmountError::TooLarge)?;
    Ok(value.normalize())
}

/// Parses a figure typed in `unit` into an amount in won, refusing magnitudes
/// beyond [`MAX_AMOUNT`].
pub fn parse_amount(input: &str, unit: Unit) -> Result<Amount, AmountError> {
    let figure = parse_figure(input)?;
    let won = figure
        .checked_mul(unit.won_per_unit())
        .ok_or(AmountError::TooLarge)?;
    if !amount_fits(won) {
        return Err(AmountError::TooLarge);
    }
    Ok(Amount::from_won(won))
}

/// Writes a figure the way planners' tables do: thousands separators, `△` in
/// front of a negative, `-` for zero. Decimals, if any, are kept as given.
pub fn format_figure(value: Decimal) -> String {
    if value.is_zero() {
        return "-".to_string();
    }
    let negative = value.is_sign_negative();
    let text = value.abs().normalize().to_string();
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 2);
    if negative {
        out.push('△');
    }
    out.push_str(&group_thousands(int_part));
    if let Some(frac) = frac_part {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// Writes a figure for an input cell: separators and `△`, but `0` rather than
/// `-`, so that the field never looks empty while being edited.
pub fn format_figure_for_editing(value: Decimal) -> String {
    if value.is_zero() {
        "0".to_string()
    } else {
        format_figure(value)
    }
}

/// Inserts a comma between each group of three digits, counting from the right.
fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Amounts travel as strings in JSON files and storage: a JSON number would be
/// read through binary floating point by many tools and lose won.
impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0.normalize().to_string())
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AmountVisitor;
        impl serde::de::Visitor<'_> for AmountVisitor {
            type Value = Amount;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an amount in won written as a string, such as \"625648000\"")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Amount, E> {
                Amount::from_str(text).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(AmountVisitor)
    }
}

/// The stored form of a sum of amounts (the library's grand totals): a plain
/// decimal string of won like any amount, but not held to one figure's limit.
pub mod any_size {
    use super::*;

    /// Writes the amount as a plain decimal string.
    pub fn serialize<S: Serializer>(amount: &Amount, serializer: S) -> Result<S::Ok, S::Error> {
        amount.serialize(serializer)
    }

    /// Reads a plain decimal string of any size `Decimal` holds.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Amount, D::Error> {
        let text = String::deserialize(deserializer)?;
        if !is_plain_decimal(&text) {
            return Err(serde::de::Error::custom("not a plain decimal"));
        }
        Decimal::from_str_exact(&text)
            .map(Amount::from_won)
            .map_err(serde::de::Error::custom)
    }
}

/// Whether `text` is a decimal in the one spelling files use for numbers:
/// `0`, or an optional `-`, the integer part without leading zeros, and
/// optionally `.` and a fraction without trailing zeros (`-21634000`, `0.5`).
/// No separators, exponent, `+`, `-0` or `1.50`: one spelling per number keeps
/// files comparable, and the JSON Schema says the same with one pattern.
pub fn is_plain_decimal(text: &str) -> bool {
    if text == "0" {
        return true;
    }
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let int_ok = all_digits(int) && (int == "0" || !int.starts_with('0'));
    let frac_ok = frac.is_none_or(|f| all_digits(f) && !f.ends_with('0'));
    // `0` alone is written without a sign; `0.5` needs its fraction.
    let not_zero = int != "0" || frac.is_some();
    text.len() <= 40 && int_ok && frac_ok && not_zero
}

/// The file form of an amount: a plain decimal number of won (`-21634000`, `0.5`).
impl FromStr for Amount {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let well_formed = is_plain_decimal(text);
        if !well_formed {
            return Err(format!(
                "\"{}\" is not an amount in won",
                shortened(text, 40)
            ));
        }
        let value = Decimal::from_str_exact(text)
            .map_err(|_| format!("\"{}\" is too large for an amount", shortened(text, 40)))?;
        if value.abs() > MAX_AMOUNT {
            return Err(format!("\"{}\" is beyond 10^15 won", shortened(text, 40)));
        }
        if !amount_fits(value) {
            return Err(format!(
                "\"{}\" has more than 6 decimals of a won",
                shortened(text, 40)
            ));
        }
        Ok(Amount::from_won(value))
    }
}

impl fmt::Display for Amount {
    /// Won with separators and `△`, for messages and logs.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&format_figure(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn parses_what_planners_type() {
        assert_eq!(parse_figure("1,234,567"), Ok(dec("1234567")));
        assert_eq!(parse_figure("1234567"), Ok(dec("1234567")));
        assert_eq!(parse_figure("△21,634"), Ok(dec("-21634")));
        assert_eq!(parse_figure("△ 21,634"), Ok(dec("-21634")));
        assert_eq!(parse_figure("-21634"), Ok(dec("-21634")));
        assert_eq!(parse_figure("▲21,634"), Ok(dec("-21634")));
        assert_eq!(parse_figure("(21,634)"), Ok(dec("-21634")));
        assert_eq!(parse_figure("-"), Ok(Decimal::ZERO));
        assert_eq!(parse_figure(""), Ok(Decimal::ZERO));
        assert_eq!(parse_figure("  "), Ok(Decimal::ZERO));
        assert_eq!(parse_figure("1,234.5"), Ok(dec("1234.5")));
        assert_eq!(parse_figure("0.25"), Ok(dec("0.25")));
        assert_eq!(parse_figure("１２３"), Ok(dec("123")));
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        assert_eq!(
            parse_figure("12a"),
            Err(AmountError::UnexpectedChar {
                ch: 'a',
                position: 3
            })
        );
        assert_eq!(parse_figure("△"), Err(AmountError::NoDigits));
        assert_eq!(parse_figure("1.2.3"), Err(AmountError::TwoDecimalPoints));
        assert_eq!(parse_figure("12,34"), Err(AmountError::MisplacedSeparator));
        assert_eq!(
            parse_figure("1234,567"),
            Err(AmountError::MisplacedSeparator)
        );
        assert_eq!(parse_figure(",123"), Err(AmountError::MisplacedSeparator));
        assert_eq!(parse_figure("12-3"), Err(AmountError::MisplacedSign));
        assert_eq!(
            parse_figure("99999999999999999999"),
            Err(AmountError::TooLarge)
        );
        assert_eq!(
            parse_amount("2,000,000,000,000", Unit::Thousand),
            Err(AmountError::TooLarge)
        );
    }

    #[test]
    fn formats_as_tables_do() {
        assert_eq!(format_figure(dec("1780060")), "1,780,060");
        assert_eq!(format_figure(dec("-21634")), "△21,634");
        assert_eq!(format_figure(Decimal::ZERO), "-");
        assert_eq!(format_figure(dec("999")), "999");
        assert_eq!(format_figure(dec("1000")), "1,000");
        assert_eq!(format_figure(dec("-1234.50")), "△1,234.5");
        assert_eq!(format_figure_for_editing(Decimal::ZERO), "0");
    }

    #[test]
    fn units_scale_and_round_half_up() {
        let a = parse_amount("625,648", Unit::Thousand).unwrap();
        assert_eq!(a, Amount::won(625_648_000));
        assert_eq!(Unit::Thousand.shown_figure(a), dec("625648"));
        assert_eq!(Unit::Million.shown_figure(a), dec("626"));
        // Half-up, not banker's: 2,500 won is 3천원 in a table, and △2,500 is △3.
        assert_eq!(Unit::Thousand.shown_figure(Amount::won(2_500)), dec("3"));
        assert_eq!(Unit::Thousand.shown_figure(Amount::won(-2_500)), dec("-3"));
        assert_eq!(
            Unit::Million.exact_figure(Amount::won(1_500_000)),
            dec("1.5")
        );
    }

    #[test]
    fn amounts_serialise_as_strings_only() {
        let a = Amount::won(-21_634_000);
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"-21634000\"");
        assert_eq!(serde_json::from_str::<Amount>("\"-21634000\"").unwrap(), a);
        assert!(serde_json::from_str::<Amount>("-21634000").is_err());
        assert!(serde_json::from_str::<Amount>("\"1e5\"").is_err());
        assert!(serde_json::from_str::<Amount>("\"△5\"").is_err());
        assert!(serde_json::from_str::<Amount>("\"1000000000000001\"").is_err());
        assert!(serde_json::from_str::<Amount>("\"0.0000001\"").is_err());
        assert!(serde_json::from_str::<Amount>("\"1000000000000000\"").is_ok());
    }
}
