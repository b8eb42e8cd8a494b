//! Every figure a planner types, of every kind: how its text is read and how
//! it is written back into its cell. One reader and one writer per kind, so
//! that `read(write(x)) == x` holds for all of them (a property test checks
//! it) and every cell in every view behaves alike.
//!
//! A cell's text is read whole: the value the plan may hold is the value of
//! the complete text, or nothing (a [`FigureError`] that says why).

use rust_decimal::Decimal;

use crate::model::amount::{
    format_figure, format_figure_for_editing, parse_figure, AmountError, Unit,
};
use crate::model::limits::{
    amount_fits, quantity_fits, AMOUNT_DECIMALS, MAX_AMOUNT, MAX_COUNT, MAX_PERCENT, MAX_QUANTITY,
    MAX_TERM_YEARS, MAX_WEIGHT, PERCENT_DECIMALS, QUANTITY_DECIMALS, YEAR_LIMITS,
};
use crate::model::words::{amount_error_message, unit_name, Lang};

/// What a figure cell holds, which decides how its text is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FigureKind {
    /// Money, typed and shown in a unit, held in won.
    Money(Unit),
    /// An indicator's target or actual (건, 명, %); empty means "not reported".
    Quantity,
    /// A percentage of a total (a source's share): `37.5`, `37.5%`.
    Percent,
    /// A matching weight: a whole number, 0 for none.
    Weight,
    /// A fiscal year: four digits.
    Year,
    /// A head count (정원, 현원): a whole number.
    Count,
}

/// A kind of figure and whether its cell may be left empty (a stated total
/// that is not stated, an actual not yet reported).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FigureFormat {
    /// The kind.
    pub kind: FigureKind,
    /// True when an empty cell means "no figure" rather than zero.
    pub optional: bool,
}

/// Why a cell's text is not a figure the plan can hold. The plan keeps the
/// value it had before; the cell and the problems panel say this.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FigureError {
    /// The text is not a number at all (a letter, a stray comma).
    Syntax(AmountError),
    /// Beyond the largest figure of its kind.
    TooLarge,
    /// More decimals than a figure of its kind carries.
    TooPrecise,
    /// A fraction where only whole numbers make sense (a weight, a count, a year).
    NotWhole,
    /// Below zero where nothing can be negative (a weight, a count).
    Negative,
    /// Nothing typed where a figure is required (a year).
    Missing,
    /// A year outside [`YEAR_LIMITS`].
    YearOutOfLimits,
    /// A plan's last year before its first.
    YearsReversed,
    /// A span of years longer than [`MAX_TERM_YEARS`].
    YearsTooLong,
    /// A base year outside the plan's years.
    YearOutsideTerm,
}

impl FigureFormat {
    /// A figure that is zero when its cell is empty.
    pub const fn required(kind: FigureKind) -> FigureFormat {
        FigureFormat {
            kind,
            optional: false,
        }
    }

    /// A figure whose empty cell means "none".
    pub const fn optional(kind: FigureKind) -> FigureFormat {
        FigureFormat {
            kind,
            optional: true,
        }
    }

    /// Reads a cell's whole text. `Ok(None)` is an empty optional cell;
    /// money comes back in won, everything else in its own unit.
    pub fn parse(&self, text: &str) -> Result<Option<Decimal>, FigureError> {
        let blank = text.chars().all(char::is_whitespace);
        if blank {
            return match (self.optional, self.kind) {
                (true, _) => Ok(None),
                (false, FigureKind::Year) => Err(FigureError::Missing),
                (false, _) => Ok(Some(Decimal::ZERO)),
            };
        }
        if self.kind == FigureKind::Quantity && is_dash(text) {
            return Ok(None);
        }
        let value = match self.kind {
            FigureKind::Money(unit) => {
                let figure = parse_figure(text).map_err(syntax)?;
                let won = figure
                    .checked_mul(unit.won_per_unit())
                    .ok_or(FigureError::TooLarge)?;
                if won.abs() > MAX_AMOUNT {
                    return Err(FigureError::TooLarge);
                }
                if !amount_fits(won) {
                    return Err(FigureError::TooPrecise);
                }
                won.normalize()
            }
            FigureKind::Quantity => {
                let value = parse_figure(text).map_err(syntax)?;
                if value.abs() > MAX_QUANTITY {
                    return Err(FigureError::TooLarge);
                }
                if !quantity_fits(value) {
                    return Err(FigureError::TooPrecise);
                }
                value
            }
            FigureKind::Percent => {
                let trimmed = text.trim();
                let number = trimmed
                    .strip_suffix('%')
                    .or_else(|| trimmed.strip_suffix('％'))
                    .unwrap_or(trimmed);
                let value = parse_figure(number).map_err(syntax)?;
                if value.abs() > MAX_PERCENT {
                    return Err(FigureError::TooLarge);
                }
                if value.normalize().scale() > PERCENT_DECIMALS {
                    return Err(FigureError::TooPrecise);
                }
                value
            }
            FigureKind::Weight | FigureKind::Count => {
                let value = parse_figure(text).map_err(syntax)?;
                let limit = if self.kind == FigureKind::Weight {
                    MAX_WEIGHT
                } else {
                    MAX_COUNT
                };
                whole(value, Decimal::from(limit))?
            }
            FigureKind::Year => {
                let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
                if !digits
                    .chars()
                    .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
                {
                    // A year is digits only: no separators, signs or decimals.
                    parse_figure(text).map_err(syntax)?;
                    return Err(FigureError::NotWhole);
                }
                let value = parse_figure(&digits).map_err(syntax)?;
                let year = whole(value, Decimal::from(YEAR_LIMITS.1)).map_err(|e| match e {
                    FigureError::TooLarge => FigureError::YearOutOfLimits,
                    other => other,
                })?;
                if year < Decimal::from(YEAR_LIMITS.0) {
                    return Err(FigureError::YearOutOfLimits);
                }
                year
            }
        };
        Ok(Some(value))
    }

    /// The text a cell shows for a value when it is not being typed into:
    /// separators and `△`; `0` for zero (an empty-looking cell would hide it);
    /// empty for an optional figure that is not there.
    pub fn edit_text(&self, value: Option<Decimal>) -> String {
        let Some(value) = value else {
            return String::new();
        };
        match self.kind {
            FigureKind::Money(unit) => {
                format_figure_for_editing((value / unit.won_per_unit()).normalize())
            }
            FigureKind::Quantity | FigureKind::Count => format_figure_for_editing(value),
            FigureKind::Percent => {
                // At least one decimal, as the split shows shares (50.0),
                // and the decimals the share carries (42.00 with two).
                let mut shown = value;
                if shown.scale() < 1 {
                    shown.rescale(1);
                }
                percent_figure(shown)
            }
            // No weight is an empty cell, as a ratio without that source is written.
            FigureKind::Weight if value.is_zero() => String::new(),
            FigureKind::Weight => format_figure(value),
            FigureKind::Year => value.normalize().to_string(),
        }
    }
}

/// A rate or share as a number (`64.7`, `1,234.5`, `△5.0`): separators, `△`,
/// and the decimal places it has. Split tables print it under a `(%)` heading.
pub fn percent_figure(rate: Decimal) -> String {
    let text = rate.abs().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let grouped = format_figure(Decimal::from_str_exact(int).unwrap_or_default());
    let grouped = if grouped == "-" {
        "0".to_string()
    } else {
        grouped
    };
    let sign = if rate.is_sign_negative() && !rate.is_zero() {
        "△"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

/// A rate as every view prints it (`64.7%`, `57.0%`), or `-` for none: the
/// pledge card, the overview, the deck and the exports alike.
pub fn percent_text(rate: Option<Decimal>) -> String {
    rate.map_or_else(|| "-".to_string(), |r| format!("{}%", percent_figure(r)))
}

/// An indicator figure in a derived cell: separators, `△`, `-` for zero or none.
pub fn quantity_text(value: Option<Decimal>) -> String {
    format_figure(value.unwrap_or_default())
}

fn syntax(error: AmountError) -> FigureError {
    match error {
        AmountError::TooLarge => FigureError::TooLarge,
        other => FigureError::Syntax(other),
    }
}

fn is_dash(text: &str) -> bool {
    matches!(text.trim(), "-" | "－" | "–")
}

/// A whole, non-negative number up to `limit`.
fn whole(value: Decimal, limit: Decimal) -> Result<Decimal, FigureError> {
    if !value.fract().is_zero() {
        Err(FigureError::NotWhole)
    } else if value.is_sign_negative() && !value.is_zero() {
        Err(FigureError::Negative)
    } else if value > limit {
        Err(FigureError::TooLarge)
    } else {
        Ok(value.normalize())
    }
}

impl FigureError {
    /// What to tell the user at the cell: what is wrong and how to write it,
    /// for a figure of `kind`.
    pub fn message(&self, kind: FigureKind, lang: Lang) -> String {
        match (self, lang) {
            (FigureError::Syntax(e), _) => {
                let base = amount_error_message(e, lang);
                match (kind, lang) {
                    (FigureKind::Quantity, Lang::Ko) => {
                        format!("{base} 실적이 없으면 비우거나 - 를 씁니다.")
                    }
                    (FigureKind::Quantity, Lang::En) => {
                        format!("{base} Leave the cell empty or type - when there is no figure.")
                    }
                    _ => base,
                }
            }
            (FigureError::TooLarge, _) => too_large(kind, lang),
            (FigureError::TooPrecise, Lang::Ko) => match kind {
                FigureKind::Money(unit) => format!(
                    "소수 자릿수가 너무 많습니다: {}로는 원 단위 소수 {AMOUNT_DECIMALS}자리까지 씁니다.",
                    unit_name(unit, lang)
                ),
                FigureKind::Percent => {
                    format!("비율은 소수 {PERCENT_DECIMALS}자리까지 씁니다.")
                }
                _ => format!("소수는 {QUANTITY_DECIMALS}자리까지 씁니다."),
            },
            (FigureError::TooPrecise, Lang::En) => match kind {
                FigureKind::Money(unit) => format!(
                    "Too many decimals: in {} an amount goes down to {AMOUNT_DECIMALS} decimals of a won.",
                    unit_name(unit, lang)
                ),
                FigureKind::Percent => {
                    format!("A percentage has at most {PERCENT_DECIMALS} decimals.")
                }
                _ => format!("A figure has at most {QUANTITY_DECIMALS} decimals."),
            },
            (FigureError::NotWhole, Lang::Ko) => match kind {
                FigureKind::Year => "연도는 2022처럼 네 자리 숫자로 씁니다.".into(),
                FigureKind::Weight => "매칭 비율은 0 이상의 정수로 씁니다(예: 50).".into(),
                _ => "정수로 씁니다(예: 16).".into(),
            },
            (FigureError::NotWhole, Lang::En) => match kind {
                FigureKind::Year => "Write a year as four digits, such as 2022.".into(),
                FigureKind::Weight => "A matching weight is a whole number (such as 50).".into(),
                _ => "Write a whole number (such as 16).".into(),
            },
            (FigureError::Negative, Lang::Ko) => "0 이상의 정수로 씁니다.".into(),
            (FigureError::Negative, Lang::En) => "Write a whole number of 0 or more.".into(),
            (FigureError::Missing, Lang::Ko) => "연도를 씁니다(예: 2022).".into(),
            (FigureError::Missing, Lang::En) => "Type a year, such as 2022.".into(),
            (FigureError::YearOutOfLimits, Lang::Ko) => format!(
                "연도는 {}년부터 {}년 사이여야 합니다.",
                YEAR_LIMITS.0, YEAR_LIMITS.1
            ),
            (FigureError::YearOutOfLimits, Lang::En) => format!(
                "The year must be between {} and {}.",
                YEAR_LIMITS.0, YEAR_LIMITS.1
            ),
            (FigureError::YearsReversed, Lang::Ko) => "마지막 연도가 첫 연도보다 앞섭니다.".into(),
            (FigureError::YearsReversed, Lang::En) => "The last year comes before the first.".into(),
            (FigureError::YearsTooLong, Lang::Ko) => {
                format!("기간은 {MAX_TERM_YEARS}년을 넘을 수 없습니다.")
            }
            (FigureError::YearsTooLong, Lang::En) => {
                format!("A span of years is at most {MAX_TERM_YEARS} years.")
            }
            (FigureError::YearOutsideTerm, Lang::Ko) => "기준연도는 계획 기간 안이어야 합니다.".into(),
            (FigureError::YearOutsideTerm, Lang::En) => {
                "The base year must be within the plan's years.".into()
            }
        }
    }
}

fn too_large(kind: FigureKind, lang: Lang) -> String {
    match (kind, lang) {
        (FigureKind::Money(_), Lang::Ko) => {
            "너무 큰 금액입니다: 한 칸에는 1,000조 원(10^15원)까지 씁니다.".into()
        }
        (FigureKind::Money(_), Lang::En) => {
            "That amount is too large: a cell holds at most 10^15 won (1,000조 원).".into()
        }
        (FigureKind::Percent, Lang::Ko) => format!("비율은 {MAX_PERCENT}%까지 씁니다."),
        (FigureKind::Percent, Lang::En) => format!("A percentage is at most {MAX_PERCENT}%."),
        (FigureKind::Weight, Lang::Ko) => format!(
            "매칭 비율은 {}까지 씁니다.",
            format_figure(Decimal::from(MAX_WEIGHT))
        ),
        (FigureKind::Weight, Lang::En) => format!(
            "A matching weight is at most {}.",
            format_figure(Decimal::from(MAX_WEIGHT))
        ),
        (FigureKind::Count, Lang::Ko) => format!(
            "인원은 {}명까지 씁니다.",
            format_figure(Decimal::from(MAX_COUNT))
        ),
        (FigureKind::Count, Lang::En) => format!(
            "A head count is at most {}.",
            format_figure(Decimal::from(MAX_COUNT))
        ),
        (FigureKind::Year, Lang::Ko) => format!(
            "연도는 {}년부터 {}년 사이여야 합니다.",
            YEAR_LIMITS.0, YEAR_LIMITS.1
        ),
        (FigureKind::Year, Lang::En) => format!(
            "The year must be between {} and {}.",
            YEAR_LIMITS.0, YEAR_LIMITS.1
        ),
        (FigureKind::Quantity, Lang::Ko) => "너무 큰 수입니다(10^15 초과).".into(),
        (FigureKind::Quantity, Lang::En) => "That number is too large (over 10^15).".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    fn money(unit: Unit) -> FigureFormat {
        FigureFormat::required(FigureKind::Money(unit))
    }

    #[test]
    fn money_is_read_whole_in_its_unit() {
        let f = money(Unit::Thousand);
        assert_eq!(f.parse("12,345"), Ok(Some(d("12345000"))));
        assert_eq!(f.parse("△21,634"), Ok(Some(d("-21634000"))));
        assert_eq!(f.parse("(1,920)"), Ok(Some(d("-1920000"))));
        assert_eq!(f.parse("１２３"), Ok(Some(d("123000"))));
        assert_eq!(f.parse(""), Ok(Some(Decimal::ZERO)));
        assert_eq!(f.parse("-"), Ok(Some(Decimal::ZERO)));
        assert!(matches!(f.parse("12,3450"), Err(FigureError::Syntax(_))));
        assert!(matches!(f.parse("12abc"), Err(FigureError::Syntax(_))));
        // 10^15 won is the limit: 10^12 천원 is fine, one more is not.
        assert_eq!(
            f.parse("1,000,000,000,000"),
            Ok(Some(d("1000000000000000")))
        );
        assert_eq!(f.parse("1,000,000,000,001"), Err(FigureError::TooLarge));
        assert_eq!(
            f.parse("1000000000000000000000000000000"),
            Err(FigureError::TooLarge)
        );
        assert_eq!(
            money(Unit::Won).parse("0.0000001"),
            Err(FigureError::TooPrecise)
        );
        assert_eq!(
            money(Unit::Million).parse("0.000000000001"),
            Ok(Some(d("0.000001")))
        );
        let stated = FigureFormat::optional(FigureKind::Money(Unit::Thousand));
        assert_eq!(stated.parse("  "), Ok(None));
        assert_eq!(stated.parse("-"), Ok(Some(Decimal::ZERO)));
    }

    #[test]
    fn other_kinds_read_their_own_way() {
        let q = FigureFormat::optional(FigureKind::Quantity);
        assert_eq!(q.parse("1,941"), Ok(Some(d("1941"))));
        assert_eq!(q.parse("-"), Ok(None));
        assert_eq!(q.parse(""), Ok(None));
        let p = FigureFormat::required(FigureKind::Percent);
        assert_eq!(p.parse("37.5%"), Ok(Some(d("37.5"))));
        assert_eq!(p.parse("1001"), Err(FigureError::TooLarge));
        let w = FigureFormat::required(FigureKind::Weight);
        assert_eq!(w.parse("50"), Ok(Some(d("50"))));
        assert_eq!(w.parse(""), Ok(Some(Decimal::ZERO)));
        assert_eq!(w.parse("1.5"), Err(FigureError::NotWhole));
        assert_eq!(w.parse("-3"), Err(FigureError::Negative));
        assert_eq!(w.parse("4294967295"), Err(FigureError::TooLarge));
        let y = FigureFormat::required(FigureKind::Year);
        assert_eq!(y.parse("2022"), Ok(Some(d("2022"))));
        assert_eq!(y.parse(""), Err(FigureError::Missing));
        assert_eq!(y.parse("2"), Err(FigureError::YearOutOfLimits));
        assert_eq!(y.parse("2,022"), Err(FigureError::NotWhole));
        assert_eq!(y.parse("99999"), Err(FigureError::YearOutOfLimits));
        assert_eq!(
            y.parse("20a2"),
            Err(FigureError::Syntax(AmountError::UnexpectedChar {
                ch: 'a',
                position: 3
            }))
        );
        let c = FigureFormat::required(FigureKind::Count);
        assert_eq!(c.parse("16"), Ok(Some(d("16"))));
        assert_eq!(c.parse("1,000,001"), Err(FigureError::TooLarge));
    }

    #[test]
    fn written_figures_read_back_as_themselves() {
        let f = money(Unit::Million);
        for won in ["0", "440000000", "-21634000", "1500000", "0.5"] {
            let v = d(won);
            assert_eq!(
                f.parse(&f.edit_text(Some(v))),
                Ok(Some(v.normalize())),
                "{won}"
            );
        }
        let p = FigureFormat::required(FigureKind::Percent);
        assert_eq!(p.edit_text(Some(d("53.3"))), "53.3");
        assert_eq!(p.edit_text(Some(d("50"))), "50.0");
        assert_eq!(p.edit_text(Some(d("-5"))), "△5.0");
        assert_eq!(p.edit_text(Some(d("7.56"))), "7.56");
        let w = FigureFormat::required(FigureKind::Weight);
        assert_eq!(w.edit_text(Some(Decimal::ZERO)), "");
        assert_eq!(w.edit_text(Some(d("1000"))), "1,000");
    }

    #[test]
    fn every_error_has_words_in_both_languages() {
        let errors = [
            FigureError::Syntax(AmountError::NoDigits),
            FigureError::TooLarge,
            FigureError::TooPrecise,
            FigureError::NotWhole,
            FigureError::Negative,
            FigureError::Missing,
            FigureError::YearOutOfLimits,
            FigureError::YearsReversed,
            FigureError::YearsTooLong,
            FigureError::YearOutsideTerm,
        ];
        let kinds = [
            FigureKind::Money(Unit::Thousand),
            FigureKind::Quantity,
            FigureKind::Percent,
            FigureKind::Weight,
            FigureKind::Year,
            FigureKind::Count,
        ];
        for e in &errors {
            for kind in kinds {
                for lang in Lang::ALL {
                    assert!(!e.message(kind, lang).is_empty());
                }
            }
        }
    }
}
