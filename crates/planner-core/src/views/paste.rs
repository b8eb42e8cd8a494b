//! Blocks pasted from a spreadsheet into any of the plan's tables: the
//! schedule grid, the budget status table, the funding split and an
//! indicator's targets and actuals.
//!
//! A block fills right and down from the cell it is pasted into, as one
//! [`Edit::Many`] (one undo step), or is refused whole with the first reason,
//! naming the table cell it would have gone to: a planner never ends up with
//! half a paste. Figures are read with the same [`FigureFormat`] as a typed
//! figure, so a pasted cell means exactly what the same text typed would.
//!
//! Printed totals that come along are recognised and checked, never written
//! into a figure cell: a schedule row whose last column is its 합계, an
//! indicator row with its 계, a 계 row of the status table or the split.

use crate::model::plan::Owner;
use rust_decimal::Decimal;

use crate::change::edit::{BudgetColumn, Edit, IndicatorRow};
use crate::change::field::Field;
use crate::model::amount::{format_figure, Unit};
use crate::model::figure::{FigureError, FigureFormat, FigureKind};
use crate::model::plan::{
    Column, IndicatorId, Plan, PledgeId, ProgramId, RatioShare, SourceId, Year,
};
use crate::model::words::Lang;
use crate::rules::validate::Location;
use crate::views::locate::describe;

/// A block copied from a spreadsheet: rows of cell texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Rows in order, each a list of cell texts (ragged rows are allowed).
    pub rows: Vec<Vec<String>>,
}

impl Block {
    /// Splits clipboard text: rows by line breaks (`\n`, `\r\n`, `\r`), cells
    /// by tabs. The one trailing line break spreadsheets add is dropped.
    pub fn from_tsv(text: &str) -> Block {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let text = text.strip_suffix('\n').unwrap_or(&text);
        Block {
            rows: text
                .split('\n')
                .map(|line| line.split('\t').map(str::to_string).collect())
                .collect(),
        }
    }

    /// Whether clipboard text is a block (several cells) rather than one
    /// value for the input under the caret.
    pub fn is_block(text: &str) -> bool {
        text.contains('\t') || text.trim_end_matches(['\r', '\n']).contains(['\n', '\r'])
    }

    /// The widest row's cell count.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }
}

/// Text pasted into one figure cell, as the cell takes it: the line break or
/// tab a spreadsheet adds around a single copied cell dropped, nothing else
/// changed (what is left is read like typed text, and refused like it).
pub fn single_value(text: &str) -> &str {
    text.trim_matches(|c: char| matches!(c, '\r' | '\n' | '\t') || c.is_whitespace())
}

/// Why a paste was refused; the plan is unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasteError {
    /// A figure cannot be read. `row`/`column` are 1-based within the block;
    /// `location` is the table cell it would have filled.
    Unreadable {
        /// Row within the pasted block (1-based).
        row: usize,
        /// Column within the pasted block (1-based).
        column: usize,
        /// The cell it was going to.
        location: Location,
        /// The text as copied.
        text: String,
        /// What is wrong with it.
        error: FigureError,
        /// The kind of figure the cell holds.
        kind: FigureKind,
    },
    /// The block reaches past the table's last figure column.
    TooWide {
        /// Cells in the widest row of the block.
        width: usize,
        /// Columns from the starting cell to the table's edge.
        room: usize,
    },
    /// The block reaches below the table's last row.
    TooTall {
        /// Rows in the block.
        height: usize,
        /// Rows from the starting cell to the table's bottom.
        room: usize,
    },
    /// A printed total that came with the block is not what its figures add to.
    PrintedTotalDiffers {
        /// Row within the block (1-based).
        row: usize,
        /// Column within the block (1-based).
        column: usize,
        /// The printed total, in the table's unit.
        printed: Decimal,
        /// What the block's figures add to, in the same unit.
        sum: Decimal,
    },
}

/// A paste the plan can take: its edit, and what was recognised on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pasted {
    /// Every figure the block sets, as one step.
    pub edit: Edit,
    /// How many printed totals came with the block and were checked (they
    /// match their rows; none was written into a figure cell).
    pub totals_checked: usize,
}

impl PasteError {
    /// What to tell the planner at the table: which cell, and what is wrong.
    pub fn message(&self, plan: &Plan, lang: Lang) -> String {
        match self {
            PasteError::Unreadable {
                row,
                column,
                location,
                text,
                error,
                kind,
            } => {
                let cell = describe(location, plan, lang);
                let why = error.message(*kind, lang);
                match lang {
                    Lang::Ko => format!(
                        "붙여넣기를 하지 않았습니다: {row}행 {column}열의 “{text}”({cell} 칸)을 읽을 수 없습니다. {why} 아무것도 바뀌지 않았습니다."
                    ),
                    Lang::En => format!(
                        "Nothing was pasted: “{text}” in row {row}, column {column} of the block (for {cell}) cannot be taken. {why} Nothing changed."
                    ),
                }
            }
            PasteError::TooWide { width, room } => match lang {
                Lang::Ko => format!(
                    "붙여넣기를 하지 않았습니다: 붙여넣을 블록은 {width}열인데 이 칸부터 표 끝까지 {room}열뿐입니다. 아무것도 바뀌지 않았습니다."
                ),
                Lang::En => format!(
                    "Nothing was pasted: the block is {width} columns wide but only {room} fit from this cell to the end of the table. Nothing changed."
                ),
            },
            PasteError::TooTall { height, room } => match lang {
                Lang::Ko => format!(
                    "붙여넣기를 하지 않았습니다: 붙여넣을 블록은 {height}행인데 이 칸부터 표 끝까지 {room}행뿐입니다. 아무것도 바뀌지 않았습니다."
                ),
                Lang::En => format!(
                    "Nothing was pasted: the block is {height} rows tall but only {room} fit from this cell to the bottom of the table. Nothing changed."
                ),
            },
            PasteError::PrintedTotalDiffers {
                row,
                column,
                printed,
                sum,
            } => {
                let (printed, sum) = (format_figure(*printed), format_figure(*sum));
                match lang {
                    Lang::Ko => format!(
                        "붙여넣기를 하지 않았습니다: {row}행 {column}열의 합계 {printed}이(가) 블록의 금액 합계 {sum}과(와) 다릅니다. 아무것도 바뀌지 않았습니다."
                    ),
                    Lang::En => format!(
                        "Nothing was pasted: the printed total {printed} in row {row}, column {column} of the block is not what its figures add to ({sum}). Nothing changed."
                    ),
                }
            }
        }
    }
}

/// Whether a row label is a printed total row (계, 합계, 총계, 소계, Total).
pub fn is_total_label(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(t.as_str(), "계" | "합계" | "총계" | "소계" | "총합계")
        || t.eq_ignore_ascii_case("total")
        || t.eq_ignore_ascii_case("subtotal")
}

/// Reads one pasted cell as a figure of `format` for `field`.
fn read(
    format: FigureFormat,
    field: &Field,
    text: &str,
    (row, column): (usize, usize),
) -> Result<Option<Decimal>, PasteError> {
    format.parse(text).map_err(|error| PasteError::Unreadable {
        row: row + 1,
        column: column + 1,
        location: field.location(),
        text: text.trim().chars().take(40).collect(),
        error,
        kind: format.kind,
    })
}

fn room(height: usize, rows: usize, width: usize, columns: usize) -> Result<(), PasteError> {
    if height > rows {
        return Err(PasteError::TooTall { height, room: rows });
    }
    if width > columns {
        return Err(PasteError::TooWide {
            width,
            room: columns,
        });
    }
    Ok(())
}

/// A figure in the table's unit (money in `unit`, others as they are), for messages.
fn shown(value: Decimal, format: FigureFormat) -> Decimal {
    match format.kind {
        FigureKind::Money(unit) => (value / unit.won_per_unit()).normalize(),
        _ => value,
    }
}

/// Which end of each pasted row holds a printed total.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TotalEnd {
    /// The first cell (an indicator row as the pledge book prints it: 계, years).
    First,
    /// The last cell (a schedule row copied with its 합계).
    Last,
}

/// Where in each row a printed total sits, if the block carries one. Only a
/// block whose figures cover every year column (`covers_years`) can carry
/// one: a row copied whole with its 합계 or 계. Then a block one column wider
/// than the table has a total at the end whose figure is what the others add
/// to (the last when neither is: the check then refuses it); a block that
/// exactly reaches the table's last column has one there when every row's
/// last figure is what the others add to (a 장기 that equals everything
/// else is not a 장기).
fn printed_total_end(
    block: &Block,
    room: usize,
    first_allowed: bool,
    covers_years: impl Fn(usize) -> bool,
    parse: impl Fn(&str) -> Option<Decimal>,
) -> Option<TotalEnd> {
    let width = block.width();
    if width < 3 || !covers_years(width - 1) {
        return None;
    }
    let foots = |end: TotalEnd, need_nonzero: bool| {
        block.rows.iter().all(|cells| {
            let values: Option<Vec<Decimal>> = cells.iter().map(|t| parse(t)).collect();
            let Some(mut values) = values else {
                return false;
            };
            if values.len() != width {
                return false;
            }
            let total = match end {
                TotalEnd::First => values.remove(0),
                TotalEnd::Last => values.pop().unwrap_or_default(),
            };
            (!need_nonzero || !total.is_zero()) && values.iter().copied().sum::<Decimal>() == total
        })
    };
    if width == room + 1 {
        if first_allowed && !foots(TotalEnd::Last, false) && foots(TotalEnd::First, false) {
            return Some(TotalEnd::First);
        }
        return Some(TotalEnd::Last);
    }
    (width == room && foots(TotalEnd::Last, true)).then_some(TotalEnd::Last)
}

/// Checks a printed total against the figures beside it.
fn check_total(
    printed: Decimal,
    figures: &[Decimal],
    (row, column): (usize, usize),
    format: FigureFormat,
) -> Result<(), PasteError> {
    let sum: Decimal = figures.iter().copied().sum();
    if printed == sum {
        Ok(())
    } else {
        Err(PasteError::PrintedTotalDiffers {
            row: row + 1,
            column: column + 1,
            printed: shown(printed, format),
            sum: shown(sum, format),
        })
    }
}

/// A block pasted into a schedule grid at (`sources[start_row]`,
/// `columns[start_column]`), figures read in `unit`. Empty cells and `-` are
/// zero, as in the documents; a row's printed 합계 at its end is checked
/// against the row, not written into 장기.
pub fn paste_schedule(
    owner: Owner,
    block: &Block,
    sources: &[SourceId],
    columns: &[Column],
    (start_row, start_column): (usize, usize),
    unit: Unit,
) -> Result<Pasted, PasteError> {
    let format = FigureFormat::required(FigureKind::Money(unit));
    let column_room = columns.len().saturating_sub(start_column);
    // The figures beside a total must reach over every year of the table.
    let years: Vec<usize> = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c, Column::Year(_)))
        .map(|(i, _)| i)
        .collect();
    let covers_years = |figures: usize| match (years.first(), years.last()) {
        (Some(first), Some(last)) => start_column <= *first && start_column + figures > *last,
        _ => false,
    };
    let end = printed_total_end(block, column_room, false, covers_years, |t| {
        format.parse(t).ok().flatten()
    });
    let total_at = end.map(|_| block.width() - 1);
    let width = block.width() - usize::from(total_at.is_some());
    room(
        block.rows.len(),
        sources.len().saturating_sub(start_row),
        width,
        column_room,
    )?;
    let mut edits = Vec::new();
    let mut totals_checked = 0;
    for (r, cells) in block.rows.iter().enumerate() {
        let source = &sources[start_row + r];
        let mut figures = Vec::new();
        for (c, text) in cells.iter().enumerate() {
            if Some(c) == total_at {
                // The printed total's own cell is read in the row's last money column's terms.
                let field = Field::Cell {
                    owner,
                    source: source.clone(),
                    column: columns[columns.len() - 1],
                };
                let printed = read(format, &field, text, (r, c))?.unwrap_or_default();
                check_total(printed, &figures, (r, c), format)?;
                totals_checked += 1;
                continue;
            }
            let field = Field::Cell {
                owner,
                source: source.clone(),
                column: columns[start_column + c],
            };
            let value = read(format, &field, text, (r, c))?.unwrap_or_default();
            figures.push(value);
            edits.push(Edit::SetCell {
                owner,
                source: source.clone(),
                column: columns[start_column + c],
                amount: crate::Amount::from_won(value),
            });
        }
    }
    Ok(Pasted {
        edit: Edit::Many(edits),
        totals_checked,
    })
}

/// A block pasted into the budget status table at (`start_row`,
/// `start_column`): columns are the name, 예산액 and 전년도 예산액, then a
/// printed 증(△)감 that is checked, not written. Rows past the last one add
/// unit programs. A 계 row is checked against the block's other rows.
pub fn paste_status(
    plan: &Plan,
    block: &Block,
    (start_row, start_column): (usize, usize),
    unit: Unit,
) -> Result<Pasted, PasteError> {
    const NAME: usize = 0;
    const THIS: usize = 1;
    const PRIOR: usize = 2;
    const CHANGE: usize = 3;
    let format = FigureFormat::required(FigureKind::Money(unit));
    let rows: Vec<ProgramId> = plan.budget_rows().map(|(p, _)| p.id).collect();
    room(
        usize::MAX,
        usize::MAX,
        start_column + block.width(),
        CHANGE + 1,
    )?;
    let mut next_id = plan.programs.iter().map(|p| p.id).max().unwrap_or(0);
    let mut edits = Vec::new();
    let mut totals_checked = 0;
    let mut sums = [Decimal::ZERO; 2];
    let mut printed_rows = Vec::new();
    let mut row_index = start_row;
    for (r, cells) in block.rows.iter().enumerate() {
        let label = (start_column == NAME).then(|| cells.first().map(String::as_str).unwrap_or(""));
        if label.is_some_and(is_total_label) {
            printed_rows.push((r, cells));
            continue;
        }
        let program = match rows.get(row_index) {
            Some(id) => *id,
            None => {
                next_id += 1;
                edits.push(Edit::AddProgram {
                    name: String::new(),
                    status_row: true,
                });
                next_id
            }
        };
        row_index += 1;
        let mut figures = [None, None];
        for (c, text) in cells.iter().enumerate() {
            let column = start_column + c;
            match column {
                NAME => edits.push(Edit::SetProgramName {
                    program,
                    name: text.trim().to_string(),
                }),
                THIS | PRIOR => {
                    let budget = if column == THIS {
                        BudgetColumn::ThisYear
                    } else {
                        BudgetColumn::PriorYear
                    };
                    let field = Field::Budget {
                        program,
                        column: budget,
                    };
                    let value = read(format, &field, text, (r, c))?.unwrap_or_default();
                    sums[column - THIS] += value;
                    figures[column - THIS] = Some(value);
                    edits.push(Edit::SetBudget {
                        program,
                        column: budget,
                        amount: crate::Amount::from_won(value),
                    });
                }
                _ => {
                    // The printed change: this year less the prior year.
                    let field = Field::Budget {
                        program,
                        column: BudgetColumn::ThisYear,
                    };
                    let printed = read(format, &field, text, (r, c))?.unwrap_or_default();
                    let this = figures[0]
                        .unwrap_or_else(|| current(plan, program, BudgetColumn::ThisYear));
                    let prior = figures[1]
                        .unwrap_or_else(|| current(plan, program, BudgetColumn::PriorYear));
                    check_total(printed, &[this, -prior], (r, c), format)?;
                    totals_checked += 1;
                }
            }
        }
    }
    for (r, cells) in printed_rows {
        for (c, text) in cells.iter().enumerate().skip(1) {
            let column = start_column + c;
            if !(THIS..=CHANGE).contains(&column) {
                continue;
            }
            let field = Field::Budget {
                program: rows.first().copied().unwrap_or_default(),
                column: BudgetColumn::ThisYear,
            };
            let printed = read(format, &field, text, (r, c))?.unwrap_or_default();
            let parts = if column == CHANGE {
                vec![sums[0], -sums[1]]
            } else {
                vec![sums[column - THIS]]
            };
            check_total(printed, &parts, (r, c), format)?;
            totals_checked += 1;
        }
    }
    Ok(Pasted {
        edit: Edit::Many(edits),
        totals_checked,
    })
}

fn current(plan: &Plan, program: ProgramId, column: BudgetColumn) -> Decimal {
    Field::Budget { program, column }
        .read(plan)
        .flatten()
        .unwrap_or_default()
}

/// A block pasted into a program's funding split at (`start_row`,
/// `start_column`): rows are the plan's sources, columns the share (in
/// `unit`), its percentage and its matching weight, written through `year`.
/// A row labelled 계 (`계⇥1,167,388`) is checked against the shares, not written.
pub fn paste_split(
    plan: &Plan,
    program: ProgramId,
    year: Year,
    block: &Block,
    (start_row, start_column): (usize, usize),
    unit: Unit,
) -> Result<Pasted, PasteError> {
    const COLUMNS: usize = 3;
    let sources: Vec<SourceId> = plan.sources.iter().map(|s| s.id.clone()).collect();
    let totals: Vec<usize> = block
        .rows
        .iter()
        .enumerate()
        .filter(|(_, cells)| is_total_label(&cells[0]))
        .map(|(r, _)| r)
        .collect();
    room(
        block.rows.len() - totals.len(),
        sources.len().saturating_sub(start_row),
        block.width(),
        COLUMNS - start_column.min(COLUMNS),
    )?;
    let mut edits = Vec::new();
    let mut ratio: Vec<RatioShare> = plan
        .sources
        .iter()
        .map(|s| RatioShare {
            source: s.id.clone(),
            weight: Field::Weight {
                program,
                source: s.id.clone(),
            }
            .read(plan)
            .flatten()
            .and_then(|w| u32::try_from(w.mantissa()).ok())
            .unwrap_or(0),
        })
        .collect();
    let mut ratio_changed = false;
    let mut share_sum = Decimal::ZERO;
    let mut row_index = start_row;
    for (r, cells) in block.rows.iter().enumerate() {
        if totals.contains(&r) {
            continue;
        }
        let source = &sources[row_index];
        row_index += 1;
        for (c, text) in cells.iter().enumerate() {
            let field = match start_column + c {
                0 => Field::Share {
                    program,
                    source: source.clone(),
                    year,
                },
                1 => Field::SharePercent {
                    program,
                    source: source.clone(),
                    year,
                },
                _ => Field::Weight {
                    program,
                    source: source.clone(),
                },
            };
            let format = field.format(unit);
            let value = read(format, &field, text, (r, c))?;
            if let Field::Weight { .. } = field {
                let weight = value
                    .and_then(|w| u32::try_from(w.mantissa()).ok())
                    .unwrap_or(0);
                if let Some(share) = ratio.iter_mut().find(|s| s.source == *source) {
                    share.weight = weight;
                    ratio_changed = true;
                }
                continue;
            }
            if value.is_none() {
                continue;
            }
            if let Field::Share { .. } = field {
                share_sum += value.unwrap_or_default();
            }
            let edit = field
                .edit(plan, value, unit)
                .map_err(|error| PasteError::Unreadable {
                    row: r + 1,
                    column: c + 1,
                    location: field.location(),
                    text: text.trim().chars().take(40).collect(),
                    error,
                    kind: format.kind,
                })?;
            edits.push(edit);
        }
    }
    let mut totals_checked = 0;
    for r in totals {
        let cells = &block.rows[r];
        if start_column == 0 {
            if let Some(text) = cells.get(1) {
                let format = FigureFormat::required(FigureKind::Money(unit));
                let field = Field::StatedTotal {
                    owner: Owner::Program(program),
                };
                let printed = read(format, &field, text, (r, 1))?.unwrap_or_default();
                check_total(printed, &[share_sum], (r, 1), format)?;
                totals_checked += 1;
            }
        }
    }
    if ratio_changed {
        edits.push(Edit::SetMatching { program, ratio });
    }
    Ok(Pasted {
        edit: Edit::Many(edits),
        totals_checked,
    })
}

/// A block pasted into an indicator's table at (`start_row`, `start_column`):
/// rows are the targets and the actuals, columns the years of `years`. A
/// row's printed 계, first or last, is checked against its years, not written.
/// An empty cell or `-` is "not reported".
pub fn paste_indicator(
    pledge: PledgeId,
    indicator: IndicatorId,
    years: &[Year],
    block: &Block,
    (start_row, start_column): (usize, usize),
) -> Result<Pasted, PasteError> {
    let format = FigureFormat::optional(FigureKind::Quantity);
    let column_room = years.len().saturating_sub(start_column);
    let value = |t: &str| format.parse(t).ok().map(Option::unwrap_or_default);
    let covers_years = |figures: usize| start_column == 0 && figures == years.len();
    let end = printed_total_end(block, column_room, true, covers_years, value);
    let width = block.width() - usize::from(end.is_some());
    room(
        block.rows.len(),
        2usize.saturating_sub(start_row),
        width,
        column_room,
    )?;
    let mut edits = Vec::new();
    let mut totals_checked = 0;
    for (r, cells) in block.rows.iter().enumerate() {
        let row = if start_row + r == 0 {
            IndicatorRow::Target
        } else {
            IndicatorRow::Actual
        };
        let total_at = match end {
            Some(TotalEnd::First) => Some(0),
            Some(TotalEnd::Last) => Some(block.width() - 1),
            None => None,
        };
        let shift = usize::from(end == Some(TotalEnd::First));
        let mut figures = Vec::new();
        let mut printed = None;
        for (c, text) in cells.iter().enumerate() {
            // The printed total is located at the row's first or last year.
            let year_index = (start_column + c)
                .saturating_sub(shift)
                .min(years.len() - 1);
            let field = Field::Indicator {
                pledge,
                indicator,
                year: years[year_index],
                row,
            };
            let value = read(format, &field, text, (r, c))?;
            if Some(c) == total_at {
                printed = Some((value.unwrap_or_default(), c));
                continue;
            }
            figures.push(value.unwrap_or_default());
            edits.push(Edit::SetIndicatorFigure {
                pledge,
                indicator,
                year: years[year_index],
                row,
                value,
            });
        }
        if let Some((printed, c)) = printed {
            check_total(printed, &figures, (r, c), format)?;
            totals_checked += 1;
        }
    }
    Ok(Pasted {
        edit: Edit::Many(edits),
        totals_checked,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::demo::demo_plan;
    use crate::rules::derive::status_total;
    use crate::rules::validate::validate;
    use crate::views::grid::grid_model;
    use crate::Amount;

    fn d(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    fn sources(plan: &Plan) -> Vec<SourceId> {
        plan.sources.iter().map(|s| s.id.clone()).collect()
    }

    /// A block pasted into pledge 1's grid (in 백만원, as it opens) at `at`.
    fn pledge_paste(plan: &Plan, text: &str, at: (usize, usize)) -> Result<Pasted, PasteError> {
        let owner = Owner::Pledge(1);
        let grid = grid_model(plan, owner, Unit::Million).unwrap();
        let block = Block::from_tsv(text);
        paste_schedule(
            owner,
            &block,
            &sources(plan),
            &grid.columns,
            at,
            Unit::Million,
        )
    }

    #[test]
    fn clipboard_text_is_a_block_or_a_value() {
        let block = Block::from_tsv("1\t2\r\n3\t4\r\n");
        assert_eq!(block.rows, vec![vec!["1", "2"], vec!["3", "4"]]);
        assert!(Block::is_block("1\t2"));
        assert!(Block::is_block("1\n2"));
        assert!(!Block::is_block("1,234"));
        assert!(!Block::is_block("1,234\r\n"));
        assert_eq!(single_value(" 12,345\r\n"), "12,345");
        assert_eq!(single_value("12a"), "12a");
    }

    #[test]
    fn a_pasted_block_fills_right_and_down_as_one_edit() {
        let mut plan = demo_plan();
        let owner = Owner::Pledge(1);
        // From 시비 · 2019 (row 1, column 2).
        let pasted = pledge_paste(&plan, "1,000\t△21\t-\n\t5\t7\n", (1, 2)).unwrap();
        let Edit::Many(edits) = &pasted.edit else {
            panic!("one step")
        };
        assert_eq!(edits.len(), 6);
        assert_eq!(pasted.totals_checked, 0);
        plan.apply(pasted.edit).unwrap();
        let schedule = plan.schedule(owner).unwrap();
        let city = schedule.row("city").unwrap();
        assert_eq!(city.year(2019), Amount::won(1_000_000_000));
        assert_eq!(city.year(2020), Amount::won(-21_000_000));
        assert_eq!(city.year(2021), Amount::ZERO);
        assert_eq!(city.year(2022), Amount::won(480_000_000));
        let district = schedule.row("district").unwrap();
        assert_eq!(district.year(2019), Amount::ZERO);
        assert_eq!(district.year(2020), Amount::won(5_000_000));
        assert_eq!(district.year(2021), Amount::won(7_000_000));
    }

    #[test]
    fn a_schedule_row_with_its_printed_total_is_checked_not_written_into_the_last_column() {
        let mut plan = demo_plan();
        let owner = Owner::Pledge(1);
        // 시비 2018–2022 and its 합계, pasted at 2018: one column wider than the
        // years, or exactly reaching 장기 — either way the 합계 is not 장기.
        let wide_text = "440\t540\t500\t490\t480\t-\t2,450\n";
        let pasted = pledge_paste(&plan, wide_text, (1, 1)).unwrap();
        assert_eq!(pasted.totals_checked, 1);
        let reaching_text = "440\t540\t500\t490\t480\t2,450\n";
        let pasted = pledge_paste(&plan, reaching_text, (1, 1)).unwrap();
        assert_eq!(pasted.totals_checked, 1);
        plan.apply(pasted.edit).unwrap();
        let model = grid_model(&plan, owner, Unit::Million).unwrap();
        assert_eq!(model.total, d("3528"), "the grand total is not doubled");
        assert!(validate(&plan).is_empty());
        // A printed total that is not the row's sum refuses the paste.
        let wrong_text = "440\t540\t500\t490\t480\t-\t2,451\n";
        let error = pledge_paste(&plan, wrong_text, (1, 1)).unwrap_err();
        assert_eq!(
            error,
            PasteError::PrintedTotalDiffers {
                row: 1,
                column: 7,
                printed: d("2451"),
                sum: d("2450")
            }
        );
        assert!(error.message(&plan, Lang::En).contains("2,451"));
        // A 장기 that is not everything else added up is a 장기.
        let after_text = "440\t540\t500\t490\t480\t7\n";
        let pasted = pledge_paste(&plan, after_text, (1, 1)).unwrap();
        assert_eq!(pasted.totals_checked, 0);
    }

    #[test]
    fn one_bad_figure_refuses_the_whole_block_and_names_the_cell() {
        let plan = demo_plan();
        let block_text = "1\t2\n3\t4x\n";
        let error = pledge_paste(&plan, block_text, (1, 1)).unwrap_err();
        let PasteError::Unreadable {
            row,
            column,
            location,
            text,
            ..
        } = &error
        else {
            panic!("{error:?}")
        };
        assert_eq!((*row, *column, text.as_str()), (2, 2, "4x"));
        assert_eq!(location.cell_id(), "pledge-1-source-district-y2019");
        let en = error.message(&plan, Lang::En);
        assert!(
            en.contains("“4x”") && en.contains("row 2, column 2"),
            "{en}"
        );
        assert!(en.contains("District · 2019") && en.contains("'x'"), "{en}");
        let ko = error.message(&plan, Lang::Ko);
        assert!(ko.contains("2행 2열") && ko.contains("구비 · 2019"), "{ko}");
    }

    #[test]
    fn a_block_too_big_for_the_grid_is_refused() {
        let plan = demo_plan();
        // 1 + 2 = 3, but a block that does not reach over the years has no total.
        let wide_text = "1\t2\t3";
        let error = pledge_paste(&plan, wide_text, (0, 5)).unwrap_err();
        assert_eq!(error, PasteError::TooWide { width: 3, room: 2 });
        assert!(error.message(&plan, Lang::En).contains("3 columns"));
        let tall_text = "1\n2\n3";
        let error = pledge_paste(&plan, tall_text, (2, 0)).unwrap_err();
        assert_eq!(error, PasteError::TooTall { height: 3, room: 2 });
        assert!(error.message(&plan, Lang::Ko).contains("3행"));
    }

    #[test]
    fn a_status_block_fills_names_and_figures_and_adds_rows() {
        let mut plan = demo_plan();
        // Copied from the seed document: 계 first, four rows, each with its change.
        let rows = "사회적경제 활성화\t625,648\t145,140\t480,508\n\
             구정의 민관협치 활성화\t262,000\t144,000\t118,000\n\
             청년의 행복한 사회진입 환경조성\t816,650\t268,178\t548,472\n\
             기본경비\t75,762\t97,396\t△21,634\n\
             새 사업\t1\t-\t1\n";
        let block = Block::from_tsv(&format!("계\t1,780,060\t654,714\t1,125,346\n{rows}"));
        let before = plan.budget_rows().count();
        let pasted = paste_status(&plan, &block, (0, 0), Unit::Thousand);
        // The printed 계 is of the first four rows only: the fifth makes it differ.
        assert!(
            matches!(pasted, Err(PasteError::PrintedTotalDiffers { row: 1, .. })),
            "{pasted:?}"
        );
        let block = Block::from_tsv(&format!("계\t1,780,061\t654,714\t1,125,347\n{rows}"));
        let pasted = paste_status(&plan, &block, (0, 0), Unit::Thousand).unwrap();
        assert_eq!(pasted.totals_checked, 5 + 3);
        plan.apply(pasted.edit).unwrap();
        assert_eq!(plan.budget_rows().count(), before + 1);
        assert_eq!(status_total(&plan).this_year, Amount::won(1_780_061_000));
        assert_eq!(plan.programs.last().unwrap().name, "새 사업");
        // A tab-separated name never lands in one name cell.
        assert!(plan.programs.iter().all(|p| !p.name.contains('\t')));
        // A printed change that is not this year less the prior year is refused.
        let wrong = Block::from_tsv("기본경비\t75,762\t97,396\t21,634\n");
        assert!(matches!(
            paste_status(&plan, &wrong, (3, 0), Unit::Thousand),
            Err(PasteError::PrintedTotalDiffers { .. })
        ));
        // Figures alone, pasted into a figure cell.
        let figures = Block::from_tsv("1\t2\n3\t4\n");
        let pasted = paste_status(&plan, &figures, (0, 1), Unit::Thousand).unwrap();
        plan.apply(pasted.edit).unwrap();
        let first = plan.budget_rows().next().unwrap().1;
        assert_eq!(
            (first.this_year, first.prior_year),
            (Amount::won(1_000), Amount::won(2_000))
        );
    }

    #[test]
    fn a_split_block_sets_shares_and_weights() {
        let mut plan = demo_plan();
        let block =
            Block::from_tsv("622,500\t\t50\n247,313\t\t30\n297,575\t\t20\n-\t\t\n계\t1,167,388\n");
        let pasted = paste_split(
            &plan,
            6,
            crate::change::split::default_split_year(&plan, 6),
            &block,
            (0, 0),
            Unit::Thousand,
        )
        .unwrap();
        assert_eq!(pasted.totals_checked, 1);
        plan.apply(pasted.edit).unwrap();
        let weights: Vec<u32> = plan
            .program(6)
            .unwrap()
            .matching
            .iter()
            .map(|r| r.weight)
            .collect();
        assert_eq!(weights, vec![50, 30, 20]);
        let wrong = Block::from_tsv("1\n2\n계\t4\n");
        assert!(matches!(
            paste_split(&plan, 6, 2019, &wrong, (0, 0), Unit::Thousand),
            Err(PasteError::PrintedTotalDiffers { .. })
        ));
    }

    #[test]
    fn an_indicator_row_with_its_total_is_checked() {
        let mut plan = demo_plan();
        let years: Vec<Year> = (2018..=2022).collect();
        // The §1.4 targets with the printed 계 first, as the pledge book prints them.
        let block = Block::from_tsv("3,000\t500\t550\t600\t650\t700\n");
        let pasted = paste_indicator(1, 1, &years, &block, (0, 0)).unwrap();
        assert_eq!(pasted.totals_checked, 1);
        plan.apply(pasted.edit).unwrap();
        // …or last.
        let block = Block::from_tsv("632\t967\t342\t-\t-\t1,941\n");
        let pasted = paste_indicator(1, 1, &years, &block, (1, 0)).unwrap();
        assert_eq!(pasted.totals_checked, 1);
        plan.apply(pasted.edit).unwrap();
        assert!(validate(&plan).is_empty(), "{:?}", validate(&plan));
        let wrong = Block::from_tsv("3,001\t500\t550\t600\t650\t700\n");
        assert!(matches!(
            paste_indicator(1, 1, &years, &wrong, (0, 0)),
            Err(PasteError::PrintedTotalDiffers { .. })
        ));
    }
}
