//! Calculation bases (산출기초): the formula a budget document gives for a line
//! item, such as `5,000원 × 300부 = 1,500` (in 천원) or `2,000,000원 × 3명 × 12월`.
//!
//! The planner evaluates the formula exactly, in won, so that a stated amount the
//! formula does not give can be flagged. Numbers may carry thousands separators,
//! a decimal point and a unit word: money units (`원`, `천원`, `만원`, `백만원`,
//! `억원`, …; `won` or `KRW` in English) scale the number, any other word (`부`, `명`, `월`, `km`) is a count
//! label. Everything from the first `=` on is the document's stated result and is
//! not evaluated; [`split_stated`] hands it back separately.
//!
//! The evaluator is iterative (no recursion), so deeply nested parentheses cannot
//! exhaust the stack, and it never panics on any input.

use rust_decimal::Decimal;

use crate::model::amount::{parse_figure, round_half_up, Amount, Unit};
use crate::model::limits::MAX_AMOUNT;
use crate::model::plan::LineItem;

/// The longest input, in characters, that is evaluated; a real basis is a line.
const MAX_CHARS: usize = 1_000;

/// Where and why a basis could not be evaluated, so the editor can point at the
/// offending character and say what is wrong there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BasisError {
    /// The 1-based character position in the input where the problem was found
    /// (one past the last character when the input ended too early).
    pub position: usize,
    /// What is wrong there.
    pub kind: BasisErrorKind,
}

/// The kinds of mistake a basis can contain, each fixable in its own way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BasisErrorKind {
    /// Nothing to evaluate (blank, or only a stated part after `=`).
    Empty,
    /// A character that has no place here: a symbol, a word not following a
    /// number, or a number right after another value.
    UnexpectedChar(char),
    /// An operator or the end where a number (or `(`) was due.
    ExpectedNumber,
    /// A `(` that is never closed; the position is that of the `(`.
    UnclosedParen,
    /// A `)` with no `(` to close, or a `(` right after a value.
    UnexpectedParen,
    /// A division by zero; the position is that of the division sign.
    DivisionByZero,
    /// A value beyond 10^15 won in magnitude, a number with more digits than
    /// exact arithmetic can hold, or an input longer than 1,000 characters.
    TooLarge,
    /// A thousands separator that does not separate groups of three digits.
    MisplacedSeparator,
}

/// Splits a basis as documents write it, `5,000원 × 300부 = 1,500`, into the
/// formula and the stated result after the first `=` (if any), so that the
/// caller can evaluate the one and compare it with the other.
pub fn split_stated(text: &str) -> (&str, Option<&str>) {
    match text.char_indices().find(|&(_, c)| is_equals(c)) {
        Some((at, c)) => (&text[..at], Some(&text[at + c.len_utf8()..])),
        None => (text, None),
    }
}

/// Evaluates a calculation basis to an exact amount in won, so that the planner
/// can check a document's stated amount against its own formula. Anything from
/// the first `=` on is ignored. Nothing is rounded.
pub fn evaluate_basis(text: &str) -> Result<Amount, BasisError> {
    if text.chars().count() > MAX_CHARS {
        return Err(BasisError {
            position: 1,
            kind: BasisErrorKind::TooLarge,
        });
    }
    let (formula, _stated) = split_stated(text);
    let chars: Vec<char> = formula.chars().collect();
    let value = Evaluator::new(&chars).run()?;
    Ok(Amount::from_won(value))
}

/// A line of a 산출기초 table read as 예산서 prints it: the formula (its
/// amounts in 원, as the formula writes them) and the result after `=` (in the
/// table's unit unless it names a money unit), so `5,000원 × 300부 = 1,500`
/// in a 천원 table states 1,500천원.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LineReading {
    /// What the formula gives, in won (exact); `None` when there is no formula.
    /// A formula that is one bare figure (`3,000`, `△500`) is an amount in the
    /// table's unit, as a line with only an amount prints it.
    pub evaluated: Option<Amount>,
    /// The amount written after `=`, in won; `None` without an `=`.
    pub result: Option<Amount>,
}

/// Reads a basis as [`LineReading`] explains, with `unit` the table's unit.
/// The first unreadable part is the error, located in the whole text.
pub fn read_line(text: &str, unit: Unit) -> Result<LineReading, BasisError> {
    if text.chars().count() > MAX_CHARS {
        return Err(err(1, BasisErrorKind::TooLarge));
    }
    let (formula, result) = split_stated(text);
    let formula_chars = formula.chars().count();
    let read = |part: &str, offset: usize| -> Result<Amount, BasisError> {
        let trimmed = part.trim();
        if let Ok(figure) = parse_figure(trimmed) {
            return figure
                .checked_mul(unit.won_per_unit())
                .filter(|won| won.abs() <= MAX_AMOUNT)
                .map(Amount::from_won)
                .ok_or(err(offset + 1, BasisErrorKind::TooLarge));
        }
        let chars: Vec<char> = part.chars().collect();
        Evaluator::new(&chars)
            .run()
            .map(Amount::from_won)
            .map_err(|e| err(e.position + offset, e.kind))
    };
    let evaluated = if formula.trim().is_empty() {
        None
    } else {
        Some(read(formula, 0)?)
    };
    let result = match result {
        None => None,
        Some(after) if after.trim().is_empty() => {
            return Err(err(
                formula_chars + 2 + after.chars().count(),
                BasisErrorKind::ExpectedNumber,
            ))
        }
        Some(after) => Some(read(after, formula_chars + 1)?),
    };
    Ok(LineReading { evaluated, result })
}

/// A line item as a reviewer re-computes it, in a table of `unit`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineCheck {
    /// What the formula gives, rounded half-up to the won.
    pub evaluated: Option<Amount>,
    /// The amount the line states: after `=`, else the stated cell.
    pub stated: Option<Amount>,
    /// Why the basis cannot be read, if it cannot.
    pub error: Option<BasisError>,
    /// Stated less evaluated, when both are there.
    pub difference: Option<Amount>,
    /// What the line adds to the items' total: the stated amount, else the
    /// evaluated one, else nothing.
    pub amount: Amount,
}

/// Checks one line item; validation and the line-items table both call this.
pub fn check_line(item: &LineItem, unit: Unit) -> LineCheck {
    let (reading, error) = match read_line(&item.basis, unit) {
        Ok(r) => (r, None),
        Err(e) => (LineReading::default(), Some(e)),
    };
    let evaluated = reading
        .evaluated
        .map(|a| Amount::from_won(round_half_up(a.as_decimal(), 0)));
    let stated = reading.result.or(item.stated);
    let difference = match (stated, evaluated) {
        (Some(s), Some(e)) => Some(s - e),
        _ => None,
    };
    LineCheck {
        evaluated,
        stated,
        error,
        difference,
        amount: stated.or(evaluated).unwrap_or_default(),
    }
}

/// The total of a program's line items (each line's [`LineCheck::amount`]);
/// `None` if it passes the largest amount (only a hostile file gets there).
pub fn items_total(items: &[LineItem], unit: Unit) -> Option<Amount> {
    items.iter().try_fold(Amount::ZERO, |sum, item| {
        let total = sum
            .as_decimal()
            .checked_add(check_line(item, unit).amount.as_decimal())?;
        (total.abs() <= MAX_AMOUNT).then(|| Amount::from_won(total))
    })
}

/// The basis with its result after `=` replaced by `figure` (the stated
/// amount written in the table's unit); a basis without `=` is unchanged.
pub fn with_result(basis: &str, figure: &str) -> String {
    match split_stated(basis) {
        (formula, Some(_)) => format!("{}= {figure}", formula.trim_end().to_string() + " "),
        (_, None) => basis.to_string(),
    }
}

fn is_equals(c: char) -> bool {
    matches!(c, '=' | '＝')
}

fn err(position: usize, kind: BasisErrorKind) -> BasisError {
    BasisError { position, kind }
}

/// The value of a digit, ASCII or full-width (as pasted from some documents).
fn digit_value(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    }
}

fn is_separator(c: char) -> bool {
    matches!(c, ',' | '，')
}

/// A character that may make up a unit word: any letter (Hangul, ASCII, …) and
/// the CJK compatibility unit signs such as `㎡` and `㎞`.
fn is_letter(c: char) -> bool {
    // ASCII and Hangul syllables first: they are nearly every letter of a
    // basis, and `is_alphabetic` looks a Hangul syllable up in Unicode's
    // tables (10 ms of opening a district's 20,000 lines in wasm).
    c.is_ascii_alphabetic()
        || ('\u{AC00}'..='\u{D7A3}').contains(&c)
        || c.is_alphabetic()
        || ('\u{3380}'..='\u{33FF}').contains(&c)
}

/// How many won one of a word's unit is, when the word is a money unit:
/// `원`, and `원` after a Korean numeral prefix (`천`, `만`, `백만`, `억`, …);
/// in English, `won` or `KRW`.
/// `None` for a count label.
fn money_multiplier(word: &[char]) -> Option<Decimal> {
    // An English line writes `5,000 won` (or `5,000 KRW`): one won.
    let ascii: String = word.iter().collect();
    if ascii.eq_ignore_ascii_case("won") || ascii.eq_ignore_ascii_case("krw") {
        return Some(Decimal::ONE);
    }
    let (last, prefix) = word.split_last()?;
    if *last != '원' {
        return None;
    }
    let mut rest = prefix;
    let mut multiplier = Decimal::ONE;
    if let Some((first, tail)) = rest.split_first() {
        let small = match first {
            '십' => Some(10i64),
            '백' => Some(100),
            '천' => Some(1_000),
            _ => None,
        };
        if let Some(small) = small {
            multiplier *= Decimal::from(small);
            rest = tail;
        }
    }
    if let Some((first, tail)) = rest.split_first() {
        let large = match first {
            '만' => Some(10_000i64),
            '억' => Some(100_000_000),
            '조' => Some(1_000_000_000_000),
            _ => None,
        };
        if let Some(large) = large {
            multiplier *= Decimal::from(large);
            rest = tail;
        }
    }
    if rest.is_empty() {
        Some(multiplier)
    } else {
        None
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    Num(Decimal),
    Plus,
    Minus,
    Mul,
    Div,
    Open,
    Close,
    /// `△` or `▲`: a negative sign, allowed only in front of a value.
    Triangle(char),
    End,
}

#[derive(Clone, Copy, Debug)]
struct Token {
    tok: Tok,
    /// 1-based character position of the token's first character.
    position: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Add,
    Sub,
    Mul,
    Div,
    Neg,
    Open,
}

impl Op {
    fn precedence(self) -> u8 {
        match self {
            Op::Open => 0,
            Op::Add | Op::Sub => 1,
            Op::Mul | Op::Div => 2,
            Op::Neg => 3,
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Pending {
    op: Op,
    position: usize,
}

/// A shunting-yard evaluator reading tokens lazily, so that the first problem
/// from the left is the one reported.
struct Evaluator<'a> {
    chars: &'a [char],
    /// 0-based index of the next character to read.
    at: usize,
    values: Vec<Decimal>,
    ops: Vec<Pending>,
}

impl<'a> Evaluator<'a> {
    fn new(chars: &'a [char]) -> Self {
        Evaluator {
            chars,
            at: 0,
            values: Vec::new(),
            ops: Vec::new(),
        }
    }

    fn run(mut self) -> Result<Decimal, BasisError> {
        let mut expect_operand = true;
        let mut first = true;
        loop {
            if !expect_operand {
                // A number straight after a value (`3a00`, `2 3`) is misplaced;
                // say so before reading it, whatever else may be wrong with it.
                self.skip_whitespace();
                if let Some(&c) = self.chars.get(self.at) {
                    if digit_value(c).is_some() {
                        return Err(err(self.at + 1, BasisErrorKind::UnexpectedChar(c)));
                    }
                }
            }
            let token = self.next_token()?;
            let position = token.position;
            if expect_operand {
                match token.tok {
                    Tok::Num(value) => {
                        self.values.push(value);
                        expect_operand = false;
                    }
                    Tok::Open => self.ops.push(Pending {
                        op: Op::Open,
                        position,
                    }),
                    Tok::Minus | Tok::Triangle(_) => self.ops.push(Pending {
                        op: Op::Neg,
                        position,
                    }),
                    Tok::Plus => {}
                    Tok::End if first => return Err(err(1, BasisErrorKind::Empty)),
                    Tok::End | Tok::Mul | Tok::Div | Tok::Close => {
                        return Err(err(position, BasisErrorKind::ExpectedNumber))
                    }
                }
            } else {
                match token.tok {
                    Tok::Plus | Tok::Minus | Tok::Mul | Tok::Div => {
                        let op = match token.tok {
                            Tok::Plus => Op::Add,
                            Tok::Minus => Op::Sub,
                            Tok::Mul => Op::Mul,
                            _ => Op::Div,
                        };
                        while let Some(&top) = self.ops.last() {
                            if top.op != Op::Open && top.op.precedence() >= op.precedence() {
                                self.ops.pop();
                                self.apply(top)?;
                            } else {
                                break;
                            }
                        }
                        self.ops.push(Pending { op, position });
                        expect_operand = true;
                    }
                    Tok::Close => loop {
                        match self.ops.pop() {
                            None => return Err(err(position, BasisErrorKind::UnexpectedParen)),
                            Some(Pending { op: Op::Open, .. }) => break,
                            Some(pending) => self.apply(pending)?,
                        }
                    },
                    Tok::End => {
                        while let Some(pending) = self.ops.pop() {
                            if pending.op == Op::Open {
                                return Err(err(pending.position, BasisErrorKind::UnclosedParen));
                            }
                            self.apply(pending)?;
                        }
                        return self
                            .values
                            .pop()
                            .ok_or(err(position, BasisErrorKind::ExpectedNumber));
                    }
                    Tok::Open => return Err(err(position, BasisErrorKind::UnexpectedParen)),
                    Tok::Triangle(c) => {
                        return Err(err(position, BasisErrorKind::UnexpectedChar(c)))
                    }
                    Tok::Num(_) => {
                        // Caught above before the number was read; kept for safety.
                        let c = self
                            .chars
                            .get(position.saturating_sub(1))
                            .copied()
                            .unwrap_or('0');
                        return Err(err(position, BasisErrorKind::UnexpectedChar(c)));
                    }
                }
            }
            first = false;
        }
    }

    /// Applies a pending operator to the values it takes, checking the result
    /// stays within [`MAX_AMOUNT`].
    fn apply(&mut self, pending: Pending) -> Result<(), BasisError> {
        let position = pending.position;
        let missing = || err(position, BasisErrorKind::ExpectedNumber);
        let too_large = || err(position, BasisErrorKind::TooLarge);
        let result = match pending.op {
            Op::Neg => -self.values.pop().ok_or_else(missing)?,
            Op::Open => return Err(err(position, BasisErrorKind::UnclosedParen)),
            op => {
                let right = self.values.pop().ok_or_else(missing)?;
                let left = self.values.pop().ok_or_else(missing)?;
                match op {
                    Op::Add => left.checked_add(right).ok_or_else(too_large)?,
                    Op::Sub => left.checked_sub(right).ok_or_else(too_large)?,
                    Op::Mul => left.checked_mul(right).ok_or_else(too_large)?,
                    _ => {
                        if right.is_zero() {
                            return Err(err(position, BasisErrorKind::DivisionByZero));
                        }
                        left.checked_div(right).ok_or_else(too_large)?
                    }
                }
            }
        };
        if result.abs() > MAX_AMOUNT {
            return Err(too_large());
        }
        self.values.push(result);
        Ok(())
    }

    fn skip_whitespace(&mut self) {
        while self.chars.get(self.at).is_some_and(|c| c.is_whitespace()) {
            self.at += 1;
        }
    }

    /// True when the character at `index` is a lone ASCII `x`/`X` (no ASCII
    /// letter on either side): the multiplication sign typed on a keyboard.
    fn is_x_operator(&self, index: usize) -> bool {
        let is_x = matches!(self.chars.get(index), Some('x' | 'X'));
        let before_ascii = index > 0
            && self
                .chars
                .get(index - 1)
                .is_some_and(|c| c.is_ascii_alphabetic());
        let after_ascii = self
            .chars
            .get(index + 1)
            .is_some_and(|c| c.is_ascii_alphabetic());
        is_x && !before_ascii && !after_ascii
    }

    fn next_token(&mut self) -> Result<Token, BasisError> {
        self.skip_whitespace();
        let position = self.at + 1;
        let c = match self.chars.get(self.at) {
            Some(&c) => c,
            None => {
                return Ok(Token {
                    tok: Tok::End,
                    position,
                })
            }
        };
        let tok = match c {
            '+' | '＋' => Tok::Plus,
            '-' | '−' | '－' | '–' => Tok::Minus,
            '×' | '*' | '＊' | '✕' => Tok::Mul,
            '÷' | '/' | '／' => Tok::Div,
            '(' | '（' => Tok::Open,
            ')' | '）' => Tok::Close,
            '△' | '▲' => Tok::Triangle(c),
            _ if digit_value(c).is_some() => return self.number(),
            _ if is_letter(c) && self.is_x_operator(self.at) => Tok::Mul,
            _ if is_separator(c) => return Err(err(position, BasisErrorKind::MisplacedSeparator)),
            other => return Err(err(position, BasisErrorKind::UnexpectedChar(other))),
        };
        self.at += 1;
        Ok(Token { tok, position })
    }

    /// Reads a number with its optional unit word, scaled to won when the unit
    /// is a money unit.
    fn number(&mut self) -> Result<Token, BasisError> {
        let position = self.at + 1;
        let mut int_digits = String::new();
        let mut frac_digits = String::new();
        let mut seen_point = false;
        // Digits since the last separator, once one has been seen.
        let mut group_len: Option<usize> = None;
        let mut first_group_len = 0usize;
        let mut last_separator = 0usize;
        while let Some(&c) = self.chars.get(self.at) {
            let here = self.at + 1;
            if let Some(d) = digit_value(c) {
                if seen_point {
                    frac_digits.push(d);
                } else {
                    int_digits.push(d);
                    match group_len.as_mut() {
                        Some(n) => {
                            *n += 1;
                            if *n > 3 {
                                return Err(err(
                                    last_separator,
                                    BasisErrorKind::MisplacedSeparator,
                                ));
                            }
                        }
                        None => first_group_len += 1,
                    }
                }
            } else if is_separator(c) {
                if seen_point {
                    return Err(err(here, BasisErrorKind::MisplacedSeparator));
                }
                match group_len {
                    None if first_group_len > 3 => {
                        return Err(err(here, BasisErrorKind::MisplacedSeparator))
                    }
                    Some(n) if n != 3 => {
                        return Err(err(last_separator, BasisErrorKind::MisplacedSeparator))
                    }
                    _ => {}
                }
                group_len = Some(0);
                last_separator = here;
            } else if c == '.'
                && !seen_point
                && self
                    .chars
                    .get(self.at + 1)
                    .is_some_and(|&n| digit_value(n).is_some())
            {
                if matches!(group_len, Some(n) if n != 3) {
                    return Err(err(last_separator, BasisErrorKind::MisplacedSeparator));
                }
                seen_point = true;
            } else {
                break;
            }
            self.at += 1;
        }
        if !seen_point && matches!(group_len, Some(n) if n != 3) {
            return Err(err(last_separator, BasisErrorKind::MisplacedSeparator));
        }

        let too_large = || err(position, BasisErrorKind::TooLarge);
        let int_part = int_digits.trim_start_matches('0');
        let frac_part = frac_digits.trim_end_matches('0');
        // Far more digits than any amount within the limit; Decimal holds 28.
        if int_part.len() > 19 || int_part.len() + frac_part.len() > 28 {
            return Err(too_large());
        }
        let literal = format!(
            "{}{}{}",
            if int_part.is_empty() { "0" } else { int_part },
            if frac_part.is_empty() { "" } else { "." },
            frac_part
        );
        let mut value = Decimal::from_str_exact(&literal).map_err(|_| too_large())?;

        if let Some(multiplier) = self.unit_word() {
            value = value.checked_mul(multiplier).ok_or_else(too_large)?;
        }
        if value.abs() > MAX_AMOUNT {
            return Err(too_large());
        }
        Ok(Token {
            tok: Tok::Num(value),
            position,
        })
    }

    /// Reads the unit word after a number, if any (spaces may come before it),
    /// and returns its money multiplier; count labels and no word give `None`.
    fn unit_word(&mut self) -> Option<Decimal> {
        let after_number = self.at;
        self.skip_whitespace();
        let start = self.at;
        while let Some(&c) = self.chars.get(self.at) {
            if !is_letter(c) || self.is_x_operator(self.at) {
                break;
            }
            self.at += 1;
        }
        if self.at == start {
            self.at = after_number;
            return None;
        }
        money_multiplier(&self.chars[start..self.at])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn won(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    fn eval(text: &str) -> Decimal {
        evaluate_basis(text).unwrap().as_decimal()
    }

    fn fails(text: &str) -> (usize, BasisErrorKind) {
        let e = evaluate_basis(text).unwrap_err();
        (e.position, e.kind)
    }

    #[test]
    fn evaluates_document_bases() {
        assert_eq!(eval("5,000원 × 300부"), won("1500000"));
        assert_eq!(eval("5,000원 × 300부 = 1,500"), won("1500000"));
        assert_eq!(eval("2,000,000원 × 3명 × 12월"), won("72000000"));
        assert_eq!(eval("1,500천원 × 2회"), won("3000000"));
        assert_eq!(eval("(1,000 + 500) × 2"), won("3000"));
        assert_eq!(eval("10 ÷ 4"), won("2.5"));
        assert_eq!(eval("5,000원 x 300"), won("1500000"));
        assert_eq!(eval("5,000원x300부"), won("1500000"));
        assert_eq!(eval("5,000 X 300"), won("1500000"));
        assert_eq!(eval("5000*300/2"), won("750000"));
        assert_eq!(eval("12 km × 1,000원"), won("12000"));
        // The fast paths of `is_letter` change no answer, for any character.
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let letter = c.is_alphabetic() || ('\u{3380}'..='\u{33FF}').contains(&c);
            assert_eq!(is_letter(c), letter, "{c:?}");
        }
        // The English hint's lines: `won` and `KRW` are won, other words count.
        assert_eq!(eval("5,000 won × 300 copies"), won("1500000"));
        assert_eq!(
            eval("2,000,000 KRW × 3 people × 12 months"),
            won("72000000")
        );
        assert_eq!(eval("(1,000 Won + 500 won) × 4 times"), won("6000"));
        assert_eq!(
            eval("3 wonders"),
            won("3"),
            "a longer word is a count label"
        );
        assert_eq!(eval("3 만원 × 2인 × 3박"), won("180000"));
        assert_eq!(eval("1.5백만원 + 2억원"), won("201500000"));
        assert_eq!(eval("3천만원"), won("30000000"));
        assert_eq!(
            eval("10회원 × 2"),
            won("20"),
            "회원 is a count label, not 회 × 원"
        );
    }

    #[test]
    fn follows_precedence_and_signs() {
        assert_eq!(eval("1 + 2 × 3"), won("7"));
        assert_eq!(eval("10 - 4 - 3"), won("3"));
        assert_eq!(eval("24 / 4 / 3"), won("2"));
        assert_eq!(eval("-5 × 3"), won("-15"));
        assert_eq!(eval("2 × −(3 + 1)"), won("-8"));
        assert_eq!(eval("--5"), won("5"));
        assert_eq!(eval("△1,000원 × 3"), won("-3000"));
        assert_eq!(eval("1 ÷ 3 × 3"), won("0.9999999999999999999999999999"));
        assert_eq!(eval("0.1 + 0.2"), won("0.3"));
    }

    #[test]
    fn splits_the_stated_result() {
        assert_eq!(
            split_stated("5,000원 × 300부 = 1,500"),
            ("5,000원 × 300부 ", Some(" 1,500"))
        );
        assert_eq!(split_stated("5,000원 × 300부"), ("5,000원 × 300부", None));
        assert_eq!(split_stated("1 = 2 = 3"), ("1 ", Some(" 2 = 3")));
        assert_eq!(split_stated("1＝2"), ("1", Some("2")));
    }

    #[test]
    fn reports_where_a_basis_goes_wrong() {
        assert_eq!(fails("1/0"), (2, BasisErrorKind::DivisionByZero));
        assert_eq!(fails("5 ÷ (3 - 3)"), (3, BasisErrorKind::DivisionByZero));
        assert_eq!(fails("5,000 ×"), (8, BasisErrorKind::ExpectedNumber));
        assert_eq!(fails("(5 × 3"), (1, BasisErrorKind::UnclosedParen));
        assert_eq!(fails("5 × 3)"), (6, BasisErrorKind::UnexpectedParen));
        assert_eq!(fails("12,34 × 2"), (3, BasisErrorKind::MisplacedSeparator));
        assert_eq!(fails("1234,567"), (5, BasisErrorKind::MisplacedSeparator));
        assert_eq!(fails("1,23,456"), (2, BasisErrorKind::MisplacedSeparator));
        assert_eq!(fails("1,000,"), (6, BasisErrorKind::MisplacedSeparator));
        assert_eq!(fails("12,3456"), (3, BasisErrorKind::MisplacedSeparator));
        assert_eq!(fails(", 5"), (1, BasisErrorKind::MisplacedSeparator));
        assert_eq!(
            fails("5,000원 × 3a00"),
            (12, BasisErrorKind::UnexpectedChar('0'))
        );
        assert_eq!(fails("2 3"), (3, BasisErrorKind::UnexpectedChar('3')));
        assert_eq!(
            fails("인건비 5,000"),
            (1, BasisErrorKind::UnexpectedChar('인'))
        );
        assert_eq!(fails("5 @ 3"), (3, BasisErrorKind::UnexpectedChar('@')));
        assert_eq!(fails("1.5.2"), (4, BasisErrorKind::UnexpectedChar('.')));
        assert_eq!(fails("5 × × 3"), (5, BasisErrorKind::ExpectedNumber));
        assert_eq!(fails("()"), (2, BasisErrorKind::ExpectedNumber));
        assert_eq!(fails("2(3)"), (2, BasisErrorKind::UnexpectedParen));
        assert_eq!(fails("2 △ 3"), (3, BasisErrorKind::UnexpectedChar('△')));
        assert_eq!(fails(""), (1, BasisErrorKind::Empty));
        assert_eq!(fails("   "), (1, BasisErrorKind::Empty));
        assert_eq!(fails(" = 1,500"), (1, BasisErrorKind::Empty));
    }

    #[test]
    fn refuses_what_is_too_large() {
        assert_eq!(
            fails("100,000,000,000억원 × 1"),
            (1, BasisErrorKind::TooLarge)
        );
        assert_eq!(
            fails("1,000,000,000,000 × 1,000,000,000"),
            (19, BasisErrorKind::TooLarge)
        );
        assert_eq!(fails("99999999999999999999"), (1, BasisErrorKind::TooLarge));
        assert_eq!(eval("1,000,000,000,000,000"), MAX_AMOUNT);
        assert_eq!(
            fails("1,000,000,000,000,001"),
            (1, BasisErrorKind::TooLarge)
        );
        let long = "1 + ".repeat(300) + "1";
        assert_eq!(fails(&long), (1, BasisErrorKind::TooLarge));
        let deep = "(".repeat(450) + "7" + &")".repeat(450);
        assert_eq!(eval(&deep), won("7"));
        let negations = "-".repeat(999) + "1";
        assert_eq!(eval(&negations), won("-1"));
    }

    proptest! {
        #[test]
        fn never_panics_on_any_text(text in "\\PC{0,60}") {
            check_no_panic(&text);
        }

        #[test]
        fn never_panics_on_formula_characters(
            text in "[0123456789,.×x*/÷+\\-() 원부명천백만]{0,80}"
        ) {
            check_no_panic(&text);
        }

        #[test]
        fn multiplies_exactly(a in 0i64..1_000_000_000, b in 0i64..1_000_000) {
            let text = format!("{a}원 × {b}명");
            prop_assert_eq!(eval(&text), Decimal::from(a) * Decimal::from(b));
        }
    }

    fn check_no_panic(text: &str) {
        let _ = split_stated(text);
        if let Err(e) = evaluate_basis(text) {
            // Positions point into the text, or one past its end.
            assert!(e.position >= 1);
            assert!(e.position <= text.chars().count() + 1);
        }
    }
}
