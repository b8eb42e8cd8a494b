//! The schedule grid's pure logic: which cells a schedule grid shows, where
//! a key moves the focus, and what "fill right" writes (as one
//! [`Edit::Many`], so a fill is one undo step).
//! What a pasted block means is [`crate::views::paste`].

use crate::model::plan::Owner;
use rust_decimal::Decimal;

use crate::change::edit::Edit;
use crate::model::amount::{format_figure, Unit};
use crate::model::plan::{Column, Plan, SourceId, Year, YearRange};
use crate::rules::derive::schedule_totals;
use crate::rules::foot::{foot_grid, FootedGrid};
use crate::Amount;

/// What the schedule grid shows for one program or pledge: editable cells by
/// source and column, and the derived totals footed in the shown unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridModel {
    /// The term (a program's period, a pledge's term): its years are 소계.
    pub term: YearRange,
    /// The money columns in order: 기투자, each year, 장기. Years outside the
    /// term that hold money are included so the table still foots.
    pub columns: Vec<Column>,
    /// One row per source: the plan's sources in order, then any unknown
    /// source a schedule still holds (shown read-only).
    pub rows: Vec<GridRow>,
    /// Per column, the 계 row's figure in the shown unit.
    pub column_totals: Vec<Decimal>,
    /// The 계 row's 소계 (within the term) in the shown unit.
    pub in_term: Decimal,
    /// The 계 row's 총계 in the shown unit.
    pub total: Decimal,
    /// The schedule's exact sum in won, for the difference to the stated total.
    pub exact_total: Amount,
    /// The 계 row's 연평균 (the term's subtotal ÷ its years), when the table has the column.
    pub average: Option<Decimal>,
}

/// One funding source's row of the grid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridRow {
    /// The source key.
    pub source: SourceId,
    /// Whether the plan lists the source (only then can its cells be edited).
    pub known: bool,
    /// The amounts the plan holds, in won, per column.
    pub cells: Vec<Amount>,
    /// The row's 소계 in the shown unit (footed).
    pub in_term: Decimal,
    /// The row's 총계 in the shown unit (footed).
    pub total: Decimal,
    /// The row's 연평균 in the shown unit, footed with the other rows' so the
    /// column adds up; `None` when the table has no such column.
    pub average: Option<Decimal>,
}

/// Builds the grid of `owner`'s schedule with totals that foot in `unit`:
/// every row total is the sum of its shown cells, every column total the sum
/// of the shown rows, and the corner both.
pub fn grid_model(plan: &Plan, owner: Owner, unit: Unit) -> Option<GridModel> {
    let schedule = plan.schedule(owner)?;
    let term = plan.schedule_years(owner);
    let totals = schedule_totals(schedule, &plan.sources, term);
    let per_unit = unit.won_per_unit();
    let figures: Vec<Vec<Decimal>> = totals
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|a| a.as_decimal() / per_unit).collect())
        .collect();
    let FootedGrid {
        cells: shown,
        row_totals,
        column_totals,
        total,
    } = foot_grid(&figures, 0);
    let in_term_of = |values: &[Decimal]| totals.in_term_of(values, term);
    let (averages, average) = if schedule.average {
        let (rows, total) = average_column(&figures, |values| in_term_of(values), term);
        (rows.into_iter().map(Some).collect(), Some(total))
    } else {
        (vec![None; figures.len()], None)
    };
    let rows = totals
        .rows
        .iter()
        .zip(&shown)
        .zip(row_totals)
        .zip(averages)
        .map(|(((r, shown_row), row_total), average)| GridRow {
            known: plan.source(&r.source).is_some(),
            source: r.source.clone(),
            cells: r.cells.clone(),
            in_term: in_term_of(shown_row),
            total: row_total,
            average,
        })
        .collect();
    // With no rows foot_grid has no columns: the 계 row still shows zeros.
    let column_totals = if column_totals.len() == totals.columns.len() {
        column_totals
    } else {
        vec![Decimal::ZERO; totals.columns.len()]
    };
    Some(GridModel {
        term,
        in_term: in_term_of(&column_totals),
        columns: totals.columns,
        rows,
        column_totals,
        total,
        exact_total: totals.total,
        average,
    })
}

/// 연평균 of each row (its exact in-term subtotal ÷ the term's years, in the
/// shown unit), footed so the shown rows add up to the shown total average.
pub fn average_column(
    figures: &[Vec<Decimal>],
    in_term_of: impl Fn(&[Decimal]) -> Decimal,
    term: YearRange,
) -> (Vec<Decimal>, Decimal) {
    let years = Decimal::from(term.len().max(1) as u64);
    let exact: Vec<Decimal> = figures
        .iter()
        .map(|row| in_term_of(row).checked_div(years).unwrap_or_default())
        .collect();
    crate::rules::foot::foot(&exact, 0)
}

/// The unit a schedule is shown and entered in when the grid opens: the unit
/// its document stated the total in (a pledge card in 백만원), else the unit
/// the schedule was copied in, else the plan's.
pub fn document_unit(plan: &Plan, owner: Owner) -> Unit {
    plan.stated_total(owner)
        .map(|s| s.unit)
        .or_else(|| plan.schedule(owner).and_then(|s| s.rounded_in))
        .unwrap_or(plan.unit)
}

/// Fill right: the focused year's amount copied into every later year of the
/// term, as one step. `None` when there is nothing to fill (not a year, or
/// the last year).
pub fn fill_right_edits(
    owner: Owner,
    source: &str,
    from: Column,
    amount: Amount,
    term: YearRange,
) -> Option<Edit> {
    let Column::Year(first) = from else {
        return None;
    };
    let years: Vec<Year> = term.years().filter(|y| *y > first).collect();
    if years.is_empty() {
        return None;
    }
    Some(Edit::Many(
        years
            .into_iter()
            .map(|y| Edit::SetCell {
                owner,
                source: source.into(),
                column: Column::Year(y),
                amount,
            })
            .collect(),
    ))
}

/// The difference a schedule makes to its stated total (sum − stated), in
/// the shown unit, formatted as the documents write it (`△1`, `-`).
pub fn difference_text(sum: Amount, stated: Amount, unit: Unit) -> String {
    format_figure(unit.exact_figure(sum - stated))
}

/// A cell's place in the grid: row among the sources, column among the
/// money columns (the note column comes last).
pub type GridPos = (usize, usize);

/// A key that moves between the grid's cells, as a spreadsheet user expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridKey {
    Up,
    Down,
    Left,
    Right,
    Tab,
    ShiftTab,
}

impl GridKey {
    /// The key a `keydown` names (its `key` and whether Shift is held).
    pub fn from_key(key: &str, shift: bool) -> Option<GridKey> {
        Some(match (key, shift) {
            ("ArrowUp", _) => GridKey::Up,
            ("ArrowDown", _) => GridKey::Down,
            ("ArrowLeft", _) => GridKey::Left,
            ("ArrowRight", _) => GridKey::Right,
            ("Tab", false) => GridKey::Tab,
            ("Tab", true) => GridKey::ShiftTab,
            _ => return None,
        })
    }
}

/// The selection in the cell's text, in UTF-16 units as the browser counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Caret {
    pub start: u32,
    pub end: u32,
    pub len: u32,
}

/// Where `key` moves the focus from `at` in a grid of `rows` rows whose last
/// column is `last_col` (the note); `None` leaves the focus where the browser
/// puts it (the caret moves inside the text, or Tab leaves the grid).
/// Left and Right move between cells only when the whole text is selected or
/// the caret is already at that end of it, so a typed figure can be edited.
pub fn grid_move(
    key: GridKey,
    at: GridPos,
    rows: usize,
    last_col: usize,
    caret: Caret,
) -> Option<GridPos> {
    let (row, col) = at;
    let all_selected = caret.start == 0 && caret.end == caret.len;
    match key {
        GridKey::Up if row > 0 => Some((row - 1, col)),
        GridKey::Down if row + 1 < rows => Some((row + 1, col)),
        GridKey::Left if col > 0 && (all_selected || (caret.start == 0 && caret.end == 0)) => {
            Some((row, col - 1))
        }
        GridKey::Right
            if col < last_col
                && (all_selected || (caret.start == caret.len && caret.end == caret.len)) =>
        {
            Some((row, col + 1))
        }
        GridKey::Tab if col < last_col => Some((row, col + 1)),
        GridKey::Tab if row + 1 < rows => Some((row + 1, 0)),
        GridKey::ShiftTab if col > 0 => Some((row, col - 1)),
        GridKey::ShiftTab if row > 0 => Some((row - 1, last_col)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::demo::demo_plan;
    use crate::rules::validate::validate;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn the_pledge_grid_is_the_document_table_in_millions() {
        let plan = demo_plan();
        let owner = Owner::Pledge(1);
        assert_eq!(document_unit(&plan, owner), Unit::Million);
        let grid = grid_model(&plan, owner, Unit::Million).unwrap();
        assert_eq!(grid.total, dec("3528"));
        assert_eq!(grid.in_term, dec("3528"));
        assert_eq!(
            grid.column_totals,
            ["0", "598", "725", "735", "735", "735", "0"]
                .map(dec)
                .to_vec()
        );
        let city = grid.rows.iter().find(|r| r.source == "city").unwrap();
        assert_eq!((city.total, city.in_term), (dec("2450"), dec("2450")));
        let district = grid.rows.iter().find(|r| r.source == "district").unwrap();
        assert_eq!(district.total, dec("1078"));
        assert_eq!(grid.rows.len(), 4);
        assert_eq!(grid.columns.first(), Some(&Column::Before));
        assert_eq!(grid.columns.last(), Some(&Column::After));
    }

    #[test]
    fn totals_foot_in_the_shown_unit() {
        // 1,167,388 천원 in 백만원: shares 622.5 + 247.313 + 297.575 round to
        // 623 + 247 + 298 = 1,168, but the total is 1,167: the grid foots.
        let plan = demo_plan();
        let grid = grid_model(&plan, Owner::Program(6), Unit::Million).unwrap();
        assert_eq!(grid.total, dec("1167"));
        let rows: Decimal = grid.rows.iter().map(|r| r.total).sum();
        assert_eq!(rows, grid.total);
        let columns: Decimal = grid.column_totals.iter().copied().sum();
        assert_eq!(columns, grid.total);
        assert_eq!(grid.exact_total, Amount::won(1_167_388_000));
    }

    #[test]
    fn a_schedule_without_a_stated_total_opens_in_the_plans_unit() {
        let plan = demo_plan();
        assert_eq!(document_unit(&plan, Owner::Program(1)), Unit::Thousand);
        let grid = grid_model(&plan, Owner::Program(1), Unit::Thousand).unwrap();
        assert_eq!(grid.total, Decimal::ZERO);
        assert_eq!(grid.column_totals.len(), grid.columns.len());
        assert!(grid_model(&plan, Owner::Program(99), Unit::Thousand).is_none());
    }

    #[test]
    fn fill_right_copies_into_the_later_years_of_the_term() {
        let mut plan = demo_plan();
        let owner = Owner::Pledge(1);
        let term = plan.schedule_years(owner);
        let amount = Amount::won(540_000_000);
        let edit = fill_right_edits(owner, "city", Column::Year(2019), amount, term).unwrap();
        let Edit::Many(edits) = &edit else {
            panic!("one step")
        };
        assert_eq!(edits.len(), 3);
        plan.apply(edit).unwrap();
        let city = plan.schedule(owner).unwrap().row("city").unwrap().clone();
        assert_eq!(city.year(2018), Amount::won(440_000_000));
        for year in 2019..=2022 {
            assert_eq!(city.year(year), amount);
        }
        assert!(fill_right_edits(owner, "city", Column::Year(2022), amount, term).is_none());
        assert!(fill_right_edits(owner, "city", Column::Before, amount, term).is_none());
    }

    #[test]
    fn the_difference_reads_as_the_documents_write_it() {
        let plan = demo_plan();
        let owner = Owner::Pledge(1);
        let stated = plan.stated_total(owner).unwrap().amount;
        let sum = grid_model(&plan, owner, Unit::Million).unwrap().exact_total;
        assert_eq!(difference_text(sum, stated, Unit::Million), "-");
        assert_eq!(
            difference_text(sum - Amount::won(21_000_000), stated, Unit::Million),
            "△21"
        );
        assert!(validate(&plan)
            .iter()
            .all(|p| !p.location.cell_id().starts_with("pledge-1-total")));
    }

    #[test]
    fn keys_move_like_a_spreadsheet_and_tab_wraps_rows() {
        use GridKey::*;
        // 3 rows; columns 0..=4, 4 being the note.
        let whole = Caret {
            start: 0,
            end: 3,
            len: 3,
        };
        let cases: [(GridKey, GridPos, Option<GridPos>); 14] = [
            (Up, (1, 2), Some((0, 2))),
            (Up, (0, 2), None),
            (Down, (1, 2), Some((2, 2))),
            (Down, (2, 2), None),
            (Left, (1, 2), Some((1, 1))),
            (Left, (1, 0), None),
            (Right, (1, 2), Some((1, 3))),
            (Right, (1, 4), None),
            (Tab, (1, 3), Some((1, 4))),
            (Tab, (1, 4), Some((2, 0))),
            (Tab, (2, 4), None),
            (ShiftTab, (1, 1), Some((1, 0))),
            (ShiftTab, (1, 0), Some((0, 4))),
            (ShiftTab, (0, 0), None),
        ];
        for (key, at, to) in cases {
            assert_eq!(grid_move(key, at, 3, 4, whole), to, "{key:?} from {at:?}");
        }
    }

    #[test]
    fn left_and_right_edit_the_text_until_the_caret_reaches_its_end() {
        let caret = |start, end| Caret { start, end, len: 5 };
        let at = (0, 2);
        // In the middle of the figure, or part of it selected: the caret moves.
        for (start, end) in [(2, 2), (1, 3), (0, 4), (5, 1)] {
            assert_eq!(grid_move(GridKey::Left, at, 1, 4, caret(start, end)), None);
            assert_eq!(grid_move(GridKey::Right, at, 1, 4, caret(start, end)), None);
        }
        assert_eq!(
            grid_move(GridKey::Left, at, 1, 4, caret(0, 0)),
            Some((0, 1))
        );
        assert_eq!(grid_move(GridKey::Right, at, 1, 4, caret(0, 0)), None);
        assert_eq!(
            grid_move(GridKey::Right, at, 1, 4, caret(5, 5)),
            Some((0, 3))
        );
        assert_eq!(grid_move(GridKey::Left, at, 1, 4, caret(5, 5)), None);
        // An empty cell: the caret is at both ends.
        let empty = Caret {
            start: 0,
            end: 0,
            len: 0,
        };
        assert_eq!(grid_move(GridKey::Left, at, 1, 4, empty), Some((0, 1)));
        assert_eq!(grid_move(GridKey::Right, at, 1, 4, empty), Some((0, 3)));
    }

    #[test]
    fn only_movement_keys_move() {
        assert_eq!(GridKey::from_key("Tab", true), Some(GridKey::ShiftTab));
        assert_eq!(GridKey::from_key("ArrowLeft", true), Some(GridKey::Left));
        for other in ["Enter", "Escape", "a", "Home", "PageDown"] {
            assert_eq!(GridKey::from_key(other, false), None);
        }
    }
}
