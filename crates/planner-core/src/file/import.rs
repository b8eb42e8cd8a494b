//! Tables brought in from spreadsheets (issue 19): a workbook's sheets, a CSV
//! file or a copied range, found to hold tables, each said to be what it is (a
//! 예산현황 table, a schedule by source × year, a line-item list, an
//! indicator's targets and actuals, or this app's own CSV export), its columns
//! mapped, and turned into one [`Edit::Many`] with a preview of every figure
//! it sets and every problem found, before anything changes.
//!
//! Guesses, all of which the planner can change in the dialog: a header row is
//! a row of labels followed by a row with figures; the table runs to the next
//! empty row; the single-text lines above it are its title (the program or
//! pledge it belongs to) and its caption (`(단위: 천원)`, the unit its figures
//! are in); years in the header are year columns; names match the plan's
//! programs, pledges and funding sources. Rows and columns labelled 계, 소계,
//! 합계 or 총계 are printed totals: checked against the figures beside them,
//! never imported — a wrong 계 is a problem in the preview.
//!
//! Cells are read as typed figures are ([`FigureFormat`]): `△1,234`, `-`
//! (zero), numbers stored as text. A formula error cell (`#DIV/0!`) is a
//! located problem, and its figure is not set. Sums are of at most
//! [`MAX_TABLE_CELLS`] figures each within `limits` (10^15 won), so they stay
//! far inside `Decimal`'s range.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::change::edit::{BudgetColumn, Edit, IndicatorRow};
use crate::file::table::{
    caption_text, caption_unit, read_rows, separator_of, text_of, TableError, MAX_TABLE_CELLS,
};
use crate::file::workbook::{is_workbook, read_workbook, Sheet, WorkbookError};
use crate::model::amount::{format_figure, Amount, Unit};
use crate::model::figure::{FigureFormat, FigureKind};
use crate::model::plan::{
    Column, LineItem, Owner, Plan, PledgeId, ProgramId, SourceId, Year, YearRange,
};
use crate::model::words::Lang;
use crate::rules::validate::{validate, Problem as RuleProblem};
use crate::views::paste::is_total_label;

/// Why a file could not be read as tables at all; nothing changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// A workbook that could not be read.
    Workbook(WorkbookError),
    /// A text file that could not be read as a table.
    Table(TableError),
    /// Read, but no cell holds anything.
    Empty,
}

impl ImportError {
    /// What to tell the planner in the dialog.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::Workbook(e) => e.message(lang),
            ImportError::Table(e) => table_error_message(e, lang),
            ImportError::Empty => lang
                .pick(
                    "이 파일에는 읽을 표가 없습니다(모든 칸이 비어 있음). 아무것도 바뀌지 않았습니다.",
                    "This file holds no table to read (every cell is empty). Nothing changed.",
                )
                .to_string(),
        }
    }
}

fn table_error_message(error: &TableError, lang: Lang) -> String {
    match (error, lang) {
        (TableError::TooLarge { bytes }, Lang::Ko) => format!(
            "파일이 너무 큽니다({} MB). 20 MB까지 읽습니다. 아무것도 바뀌지 않았습니다.",
            bytes / (1024 * 1024)
        ),
        (TableError::TooLarge { bytes }, Lang::En) => format!(
            "The file is too large ({} MB); files up to 20 MB are read. Nothing changed.",
            bytes / (1024 * 1024)
        ),
        (TableError::NotUtf8 | TableError::NotText, Lang::Ko) => {
            "스프레드시트(XLSX, XLS, ODS)나 CSV 파일이 아닙니다. 아무것도 바뀌지 않았습니다.".into()
        }
        (TableError::NotUtf8 | TableError::NotText, Lang::En) => {
            "This is not a spreadsheet (XLSX, XLS, ODS) or a CSV file. Nothing changed.".into()
        }
        (TableError::TooManyCells, Lang::Ko) => format!(
            "표가 너무 큽니다: 칸이 {MAX_TABLE_CELLS}개를 넘습니다. 아무것도 바뀌지 않았습니다."
        ),
        (TableError::TooManyCells, Lang::En) => {
            format!("The table is too large: more than {MAX_TABLE_CELLS} cells. Nothing changed.")
        }
        (TableError::UnclosedQuote { row }, Lang::Ko) => {
            format!("CSV {row}행에서 열린 따옴표가 닫히지 않습니다. 아무것도 바뀌지 않았습니다.")
        }
        (TableError::UnclosedQuote { row }, Lang::En) => {
            format!("A quote opened in row {row} of the CSV never closes. Nothing changed.")
        }
    }
}

/// A file's sheets: a workbook's, or the one sheet of a CSV (UTF-8 with or
/// without BOM, or CP949 as Korean Excel writes it), named `name`.
pub fn read_file(name: &str, bytes: &[u8]) -> Result<Vec<Sheet>, ImportError> {
    let sheets = if is_workbook(bytes) {
        read_workbook(bytes).map_err(ImportError::Workbook)?
    } else {
        let text = match text_of(bytes) {
            Ok(text) => text.into_owned(),
            Err(TableError::NotUtf8) => {
                let (text, bad) = encoding_rs::EUC_KR.decode_without_bom_handling(bytes);
                if bad {
                    return Err(ImportError::Table(TableError::NotText));
                }
                text.into_owned()
            }
            Err(e) => return Err(ImportError::Table(e)),
        };
        vec![text_sheet(name, &text)?]
    };
    if sheets
        .iter()
        .all(|s| s.rows.iter().flatten().all(|c| c.trim().is_empty()))
    {
        return Err(ImportError::Empty);
    }
    Ok(sheets)
}

/// The one sheet of a CSV's or a copied range's text.
pub fn text_sheet(name: &str, text: &str) -> Result<Sheet, ImportError> {
    let rows = read_rows(text, separator_of(text)).map_err(ImportError::Table)?;
    Ok(Sheet {
        name: name.to_string(),
        rows,
        merged: Vec::new(),
    })
}

/// What a table is, which decides how its rows and columns are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Not imported.
    Skip,
    /// 예산현황: a row per program, 예산액 and 전년도 예산액.
    Status,
    /// A program's or pledge's schedule: a row per source, a column per year.
    Schedule,
    /// A program's 산출기초: item, basis, amount.
    LineItems,
    /// A pledge indicator's targets and actuals by year.
    Indicator,
    /// This app's own CSV export (every row names what it is).
    AppCsv,
}

impl Kind {
    /// Every kind, in the order the dialog offers them.
    pub const ALL: [Kind; 6] = [
        Kind::Status,
        Kind::Schedule,
        Kind::LineItems,
        Kind::Indicator,
        Kind::AppCsv,
        Kind::Skip,
    ];

    /// The kind's name in the dialog.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Kind::Skip => lang.pick("가져오지 않음", "Not imported"),
            Kind::Status => lang.pick("예산현황 (사업별 예산액)", "Budget status (by program)"),
            Kind::Schedule => lang.pick("소요예산 (재원 × 연도)", "Schedule (source × year)"),
            Kind::LineItems => lang.pick("산출기초 (항목별)", "Line items (calculation basis)"),
            Kind::Indicator => lang.pick("공약 지표 (목표·실적)", "Indicator (targets, actuals)"),
            Kind::AppCsv => lang.pick("이 앱의 CSV 내보내기", "This app's CSV export"),
        }
    }

    /// The kind's stable key (the dialog's select values).
    pub fn key(self) -> &'static str {
        match self {
            Kind::Skip => "skip",
            Kind::Status => "status",
            Kind::Schedule => "schedule",
            Kind::LineItems => "items",
            Kind::Indicator => "indicator",
            Kind::AppCsv => "app-csv",
        }
    }

    /// The kind with this key.
    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// What one column of a table holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Not read.
    Skip,
    /// The row's label: a program's name, a source, 목표/실적, an item.
    Label,
    /// 예산액.
    ThisYear,
    /// 전년도 예산액.
    PriorYear,
    /// A printed 증(△)감: checked.
    Change,
    /// A printed 합계/총계 of the row: checked.
    Total,
    /// A printed in-term 소계 of the row: checked.
    Subtotal,
    /// 연평균: derived, shown as the schedule's average column.
    Average,
    /// 기투자.
    Before,
    /// One year.
    Year(Year),
    /// 장기.
    After,
    /// A line item's 산출기초.
    Basis,
    /// A line item's amount.
    Amount,
}

impl Role {
    /// The role's stable key (the dialog's select values).
    pub fn key(self) -> String {
        match self {
            Role::Skip => "skip".into(),
            Role::Label => "label".into(),
            Role::ThisYear => "this".into(),
            Role::PriorYear => "prior".into(),
            Role::Change => "change".into(),
            Role::Total => "total".into(),
            Role::Subtotal => "subtotal".into(),
            Role::Average => "average".into(),
            Role::Before => "before".into(),
            Role::Year(y) => format!("y{y}"),
            Role::After => "after".into(),
            Role::Basis => "basis".into(),
            Role::Amount => "amount".into(),
        }
    }

    /// The role with this key.
    pub fn from_key(key: &str) -> Option<Role> {
        Some(match key {
            "skip" => Role::Skip,
            "label" => Role::Label,
            "this" => Role::ThisYear,
            "prior" => Role::PriorYear,
            "change" => Role::Change,
            "total" => Role::Total,
            "subtotal" => Role::Subtotal,
            "average" => Role::Average,
            "before" => Role::Before,
            "after" => Role::After,
            "basis" => Role::Basis,
            "amount" => Role::Amount,
            other => Role::Year(other.strip_prefix('y')?.parse().ok()?),
        })
    }

    /// The role's name in the dialog.
    pub fn name(self, lang: Lang) -> String {
        match self {
            Role::Skip => lang.pick("읽지 않음", "Not read").into(),
            Role::Label => lang.pick("이름(행 제목)", "Name (row label)").into(),
            Role::ThisYear => lang.pick("예산액", "This year").into(),
            Role::PriorYear => lang.pick("전년도 예산액", "Prior year").into(),
            Role::Change => lang.pick("증감 (확인만)", "Change (checked only)").into(),
            Role::Total => lang.pick("합계 (확인만)", "Total (checked only)").into(),
            Role::Subtotal => lang
                .pick("소계 (확인만)", "Term subtotal (checked only)")
                .into(),
            Role::Average => lang
                .pick("연평균 (계산값)", "Yearly average (derived)")
                .into(),
            Role::Before => lang.pick("기투자", "Before the term").into(),
            Role::Year(y) => match lang {
                Lang::Ko => format!("{y}년"),
                Lang::En => y.to_string(),
            },
            Role::After => lang.pick("장기", "After the term").into(),
            Role::Basis => lang.pick("산출기초", "Calculation basis").into(),
            Role::Amount => lang.pick("금액", "Amount").into(),
        }
    }

    /// The roles a column of a `kind` table can take, with `years` offered.
    pub fn choices(kind: Kind, years: &[Year]) -> Vec<Role> {
        let mut roles = vec![Role::Skip, Role::Label];
        match kind {
            Kind::Status => roles.extend([Role::ThisYear, Role::PriorYear, Role::Change]),
            Kind::Schedule => {
                roles.extend([Role::Total, Role::Subtotal, Role::Average, Role::Before]);
                roles.extend(years.iter().map(|y| Role::Year(*y)));
                roles.push(Role::After);
            }
            Kind::Indicator => {
                roles.push(Role::Total);
                roles.extend(years.iter().map(|y| Role::Year(*y)));
            }
            Kind::LineItems => roles.extend([Role::Basis, Role::Amount]),
            Kind::AppCsv | Kind::Skip => {}
        }
        roles
    }
}

/// Whose figures a schedule, line-item or indicator table holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The program of this name (or the pledge `공약 N. 제목` names); a new
    /// one when the plan has none.
    Named(String),
    /// This program of the plan.
    Program(ProgramId),
    /// This pledge of the plan.
    Pledge(PledgeId),
}

/// One table found in a sheet, and how it is to be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// Index of its sheet.
    pub sheet: usize,
    /// The header row (0-based in the sheet).
    pub header: usize,
    /// The first data row.
    pub first: usize,
    /// The last data row (inclusive).
    pub last: usize,
    /// Whether it is imported.
    pub include: bool,
    /// What it is.
    pub kind: Kind,
    /// What each column of the sheet holds.
    pub roles: Vec<Role>,
    /// The unit its money is in.
    pub unit: Unit,
    /// Whether the unit was read from a caption (else it is the plan's).
    pub unit_stated: bool,
    /// Whose figures (schedules, line items, indicators).
    pub target: Target,
    /// The indicator's name and unit (indicator tables).
    pub indicator: Option<(String, String)>,
    /// The single-text lines above the table (its title first).
    pub titles: Vec<String>,
}

impl Table {
    /// The years its columns are mapped to.
    pub fn years(&self) -> impl Iterator<Item = Year> + '_ {
        self.roles.iter().filter_map(|r| match r {
            Role::Year(y) => Some(*y),
            _ => None,
        })
    }

    /// From its first year to its last, if it has any.
    pub fn span(&self) -> Option<YearRange> {
        let first = self.years().min()?;
        Some(YearRange::new(first, self.years().max()?))
    }
}

/// A cell reference as a spreadsheet shows it: `C5`.
pub fn cell_ref(row: usize, column: usize) -> String {
    let mut letters = String::new();
    let mut n = column + 1;
    while n > 0 {
        let r = (n - 1) % 26;
        letters.insert(0, char::from(b'A' + r as u8));
        n = (n - 1) / 26;
    }
    format!("{letters}{}", row + 1)
}

fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A header's year: `2024`, `2024년`, `'24년` is not one.
pub fn header_year(text: &str) -> Option<Year> {
    let t = compact(text);
    let t = t.strip_suffix('년').unwrap_or(&t);
    let t = t.strip_suffix(".0").unwrap_or(t);
    (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
        .filter(|y| (1900..=2200).contains(y))
}

/// Whether a cell reads as a figure (what the header's next row must hold).
fn is_figure(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && FigureFormat::required(FigureKind::Money(Unit::Won))
            .parse(t)
            .is_ok()
}

fn is_blank_row(row: &[String]) -> bool {
    row.iter().all(|c| c.trim().is_empty())
}

fn non_empty(row: &[String]) -> Vec<&str> {
    row.iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect()
}

fn is_caption(text: &str) -> bool {
    let t = compact(text);
    t.contains("단위:") || t.contains("unit:")
}

fn is_header(sheet: &Sheet, r: usize) -> bool {
    let row = &sheet.rows[r];
    let cells = non_empty(row);
    if cells.len() < 2 || cells.iter().any(|c| is_caption(c)) {
        return false;
    }
    if cells
        .iter()
        .any(|c| is_figure(c) && header_year(c).is_none())
    {
        return false;
    }
    // The next row that holds anything has a figure.
    sheet.rows[r + 1..]
        .iter()
        .find(|row| !is_blank_row(row))
        .is_some_and(|next| next.iter().skip(1).any(|c| is_figure(c)))
}

/// The label of a header cell, normalised for guessing.
fn guess_role(kind: Kind, label: &str, column: usize, label_column: usize) -> Role {
    let t = compact(label);
    if column == label_column {
        return Role::Label;
    }
    if let Some(y) = header_year(label) {
        return match kind {
            Kind::Schedule | Kind::Indicator => Role::Year(y),
            _ => Role::Skip,
        };
    }
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    match kind {
        Kind::Status => {
            if has(&["전년", "prior", "last"]) {
                Role::PriorYear
            } else if has(&["증감", "증(△)감", "change", "차이"]) {
                Role::Change
            } else if has(&["예산액", "본예산", "thisyear", "budget", "금액"]) {
                Role::ThisYear
            } else {
                Role::Skip
            }
        }
        Kind::Schedule => {
            // "Before the term" and "After the term" before "Term" (소계).
            if has(&["연평균", "average"]) {
                Role::Average
            } else if has(&["기투자", "before", "이전"]) {
                Role::Before
            } else if has(&["장기", "after", "이후"]) {
                Role::After
            } else if has(&["소계", "term", "임기내"]) {
                Role::Subtotal
            } else if has(&["총계", "합계", "total"]) || t == "계" {
                Role::Total
            } else {
                Role::Skip
            }
        }
        Kind::Indicator => {
            if has(&["합계", "total"]) || t == "계" {
                Role::Total
            } else {
                Role::Skip
            }
        }
        Kind::LineItems => {
            if has(&["산출", "basis", "근거"]) {
                Role::Basis
            } else if has(&["금액", "amount", "예산"]) {
                Role::Amount
            } else {
                Role::Skip
            }
        }
        Kind::AppCsv | Kind::Skip => Role::Skip,
    }
}

/// The roles of every column of a `kind` table whose header is `header`.
pub fn guess_roles(kind: Kind, header: &[String]) -> Vec<Role> {
    // Rows are labelled in the first column with a heading, unless that
    // heading is a total or a year (then the label column has none: column 0).
    let label_column = header
        .iter()
        .position(|c| !c.trim().is_empty())
        .filter(|&c| header_year(&header[c]).is_none() && !is_total_label(&header[c]))
        .unwrap_or(0);
    header
        .iter()
        .enumerate()
        .map(|(c, label)| guess_role(kind, label, c, label_column))
        .collect()
}

fn is_indicator_label(text: &str) -> Option<IndicatorRow> {
    match compact(text).as_str() {
        "목표" | "target" | "targets" | "목표치" => Some(IndicatorRow::Target),
        "실적" | "actual" | "actuals" | "실적치" => Some(IndicatorRow::Actual),
        _ => None,
    }
}

fn guess_kind(header: &[String], labels: &[&str]) -> Kind {
    let t: Vec<String> = header.iter().map(|c| compact(c)).collect();
    let has = |words: &[&str]| t.iter().any(|c| words.iter().any(|w| c.contains(w)));
    let years = header.iter().filter(|c| header_year(c).is_some()).count();
    if labels.iter().any(|l| is_indicator_label(l).is_some()) && years > 0 {
        Kind::Indicator
    } else if years > 0 {
        Kind::Schedule
    } else if has(&["산출기초", "basis"]) && has(&["금액", "amount"]) {
        Kind::LineItems
    } else if has(&["예산액", "thisyear", "본예산"]) {
        Kind::Status
    } else {
        Kind::Skip
    }
}

/// `공약 3. 청년 일자리` → (`3`, `청년 일자리`).
fn pledge_title(text: &str) -> Option<(String, String)> {
    let t = text.trim();
    let rest = t
        .strip_prefix("공약")
        .or_else(|| t.strip_prefix("Pledge"))?
        .trim_start();
    let (number, title) = rest.split_once(". ")?;
    (!number.is_empty() && !number.contains(' '))
        .then(|| (number.to_string(), title.trim().to_string()))
}

/// `공약달성 확인지표: 일자리 수` → `일자리 수`.
fn indicator_title(text: &str) -> Option<String> {
    let t = text.trim();
    t.strip_prefix("공약달성 확인지표:")
        .or_else(|| t.strip_prefix("Target indicator:"))
        .or_else(|| t.strip_prefix("확인지표:"))
        .map(|n| n.trim().to_string())
}

/// The app's own CSV header, in either language.
fn is_app_csv_header(row: &[String]) -> bool {
    let first: Vec<&str> = row.iter().take(4).map(|c| c.trim()).collect();
    first == ["구분", "ID", "공약번호", "이름"] || first == ["Kind", "ID", "Pledge no.", "Name"]
}

/// Every table found in the sheets, with guessed kinds, roles, units and
/// targets; `plan` is the plan they are for (its unit when no caption says).
pub fn find_tables(sheets: &[Sheet], plan: &Plan) -> Vec<Table> {
    let mut tables = Vec::new();
    for (s, sheet) in sheets.iter().enumerate() {
        if sheet.rows.first().is_some_and(|r| is_app_csv_header(r)) {
            tables.push(Table {
                sheet: s,
                header: 0,
                first: 1,
                last: sheet.rows.len().saturating_sub(1),
                include: true,
                kind: Kind::AppCsv,
                roles: Vec::new(),
                unit: plan.unit,
                unit_stated: false,
                target: Target::Named(String::new()),
                indicator: None,
                titles: Vec::new(),
            });
            continue;
        }
        let sheet_unit = caption_unit(&sheet.rows);
        let mut pledge: Option<(String, String)> = None;
        let mut lines: Vec<String> = Vec::new();
        let mut unit: Option<Unit> = None;
        let mut unit_text: Option<String> = None;
        let mut r = 0;
        while r < sheet.rows.len() {
            let row = &sheet.rows[r];
            if is_blank_row(row) {
                r += 1;
                continue;
            }
            if !is_header(sheet, r) {
                let cells = non_empty(row);
                if let [one] = cells.as_slice() {
                    if is_caption(one) {
                        unit = caption_unit(std::slice::from_ref(row)).or(unit);
                        unit_text = caption_text(one);
                        // `사업별 예산 (단위: 천원)`: a title with its caption.
                        let title = one.split(['(', '[']).next().unwrap_or("").trim();
                        if !title.is_empty() && !is_caption(title) {
                            lines.push(title.to_string());
                        }
                    } else {
                        if let Some(p) = pledge_title(one) {
                            pledge = Some(p);
                        }
                        lines.push(one.to_string());
                    }
                }
                r += 1;
                continue;
            }
            let header = r;
            let mut last = header;
            let mut k = header + 1;
            while k < sheet.rows.len() && !is_blank_row(&sheet.rows[k]) {
                let cells = non_empty(&sheet.rows[k]);
                // A note under a table (※ …) or a new title ends it.
                if cells.len() == 1
                    && (cells[0].starts_with('※')
                        || k > header + 1
                            && !is_figure(cells[0])
                            && sheet.rows[k].iter().skip(1).all(|c| c.trim().is_empty()))
                {
                    break;
                }
                last = k;
                k += 1;
            }
            let labels: Vec<&str> = (header + 1..=last)
                .map(|i| sheet.rows[i].first().map(|c| c.trim()).unwrap_or(""))
                .collect();
            let kind = guess_kind(&sheet.rows[header], &labels);
            let roles = guess_roles(kind, &sheet.rows[header]);
            let indicator = lines
                .iter()
                .rev()
                .find_map(|l| indicator_title(l))
                .map(|name| (name, unit_text.clone().unwrap_or_default()));
            let target = match (&pledge, kind) {
                (Some((number, title)), Kind::Schedule | Kind::Indicator) => {
                    Target::Named(format!("공약 {number}. {title}"))
                }
                _ => Target::Named(
                    lines
                        .iter()
                        .rev()
                        .find(|l| pledge_title(l).is_none() && indicator_title(l).is_none())
                        .cloned()
                        .unwrap_or_else(|| sheet.name.clone()),
                ),
            };
            let stated = unit.or(sheet_unit);
            tables.push(Table {
                sheet: s,
                header,
                first: header + 1,
                last,
                include: kind != Kind::Skip,
                kind,
                roles,
                unit: stated.unwrap_or(plan.unit),
                unit_stated: stated.is_some(),
                target,
                indicator,
                titles: std::mem::take(&mut lines),
            });
            unit = None;
            unit_text = None;
            r = last + 1;
        }
    }
    tables
}

/// How serious an import problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// A figure that was not imported, or a printed total that is wrong.
    Error,
    /// Worth a look; the figures were imported.
    Warning,
}

/// A problem found while reading the tables, at a sheet's cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportProblem {
    /// Sheet name.
    pub sheet: String,
    /// Cell reference (`C5`), empty for a whole table.
    pub cell: String,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in the dialog's language.
    pub message: String,
}

/// One figure or name the import sets, for the preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Sheet and cell it comes from.
    pub from: String,
    /// Where it goes: `청년 일자리 · 예산액`.
    pub what: String,
    /// What the plan holds there now (`None`: added).
    pub before: Option<String>,
    /// What it will hold.
    pub after: String,
}

/// Everything the import would do, before it is done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// The plan as it would be.
    pub plan: Plan,
    /// Every edit, as one step.
    pub edit: Edit,
    /// What is added or replaced.
    pub changes: Vec<Change>,
    /// Problems found in the tables.
    pub problems: Vec<ImportProblem>,
    /// Printed totals checked (rows and columns of 계, 합계, 증감).
    pub totals_checked: usize,
    /// What validation finds in the plan as it would be.
    pub validation: Vec<RuleProblem>,
}

/// A plan to import into when the import makes a new one: the years the
/// tables cover (else `fallback`'s), the first stated unit, the default sources.
pub fn new_plan_for(sheets: &[Sheet], tables: &[Table], title: &str, fallback: YearRange) -> Plan {
    let mut years: Vec<Year> = tables
        .iter()
        .filter(|t| t.include)
        .flat_map(Table::years)
        .collect();
    for t in tables
        .iter()
        .filter(|t| t.include && t.kind == Kind::AppCsv)
    {
        if let Some(sheet) = sheets.get(t.sheet) {
            years.extend(
                sheet
                    .rows
                    .iter()
                    .skip(1)
                    .filter_map(|r| r.get(6).and_then(|c| header_year(c))),
            );
        }
    }
    let range = match (years.iter().min(), years.iter().max()) {
        (Some(a), Some(b)) => YearRange::new(*a, *b),
        _ => fallback,
    };
    let unit = tables
        .iter()
        .find(|t| t.include && t.unit_stated)
        .map(|t| t.unit)
        .or_else(|| {
            tables
                .iter()
                .find(|t| t.include && t.kind == Kind::AppCsv)
                .and_then(|t| {
                    let head = sheets.get(t.sheet)?.rows.first()?.get(10)?;
                    // The export's heading: `금액(천원)`, `Amount (KRW 1,000)`.
                    let name = |u: Unit, lang: Lang| crate::model::words::unit_name(u, lang);
                    [Unit::Million, Unit::Thousand, Unit::Won]
                        .into_iter()
                        .find(|u| {
                            head.trim() == format!("금액({})", name(*u, Lang::Ko))
                                || head.trim() == format!("Amount ({})", name(*u, Lang::En))
                        })
                })
        })
        .unwrap_or(Unit::Thousand);
    Plan::new(title, range, unit)
}

/// The working state of a build: the plan as edited so far.
struct Build<'a> {
    sheets: &'a [Sheet],
    plan: Plan,
    edits: Vec<Edit>,
    changes: Vec<Change>,
    problems: Vec<ImportProblem>,
    totals_checked: usize,
    /// Programs this import adds: their period follows their schedule's years.
    created: Vec<ProgramId>,
    lang: Lang,
}

impl Build<'_> {
    fn apply(&mut self, edit: Edit, at: (usize, usize, usize)) -> bool {
        match self.plan.apply(edit.clone()) {
            Ok(()) => {
                self.edits.push(edit);
                true
            }
            Err(e) => {
                let message = match self.lang {
                    Lang::Ko => format!("이 칸은 가져오지 않았습니다: {e:?}"),
                    Lang::En => format!("This cell was not imported: {e:?}"),
                };
                self.problem(at, Severity::Error, message);
                false
            }
        }
    }

    fn problem(
        &mut self,
        (sheet, row, column): (usize, usize, usize),
        severity: Severity,
        message: String,
    ) {
        self.problems.push(ImportProblem {
            sheet: self.sheets[sheet].name.clone(),
            cell: if row == usize::MAX {
                String::new()
            } else {
                cell_ref(row, column)
            },
            severity,
            message,
        });
    }

    fn change(
        &mut self,
        (sheet, row, column): (usize, usize, usize),
        what: String,
        before: Option<String>,
        after: String,
    ) {
        if before.as_deref() == Some(after.as_str()) {
            return;
        }
        self.changes.push(Change {
            from: format!("{}!{}", self.sheets[sheet].name, cell_ref(row, column)),
            what,
            before,
            after,
        });
    }

    fn cell(&self, sheet: usize, row: usize, column: usize) -> &str {
        self.sheets[sheet]
            .rows
            .get(row)
            .and_then(|r| r.get(column))
            .map(|c| c.trim())
            .unwrap_or("")
    }

    /// A figure of `format` in a cell: a formula error or unreadable text is a
    /// located problem (and `Err`).
    fn figure(
        &mut self,
        format: FigureFormat,
        at: (usize, usize, usize),
    ) -> Result<Option<Decimal>, ()> {
        let text = self.cell(at.0, at.1, at.2).to_string();
        let text = text.strip_prefix('\'').unwrap_or(&text).to_string();
        if is_formula_error(&text) {
            let message = match self.lang {
                Lang::Ko => format!("수식 오류 “{text}”: 이 칸의 금액은 가져오지 않았습니다. 원본 파일에서 수식을 고친 뒤 다시 가져오세요."),
                Lang::En => format!("A formula error “{text}”: this cell's figure was not imported. Fix the formula in the original file and import again."),
            };
            self.problem(at, Severity::Error, message);
            return Err(());
        }
        match format.parse(&text) {
            Ok(value) => Ok(value),
            Err(error) => {
                let why = error.message(format.kind, self.lang);
                let message = match self.lang {
                    Lang::Ko => format!(
                        "“{}”을(를) 읽을 수 없어 가져오지 않았습니다. {why}",
                        short(&text)
                    ),
                    Lang::En => format!(
                        "“{}” cannot be read and was not imported. {why}",
                        short(&text)
                    ),
                };
                self.problem(at, Severity::Error, message);
                Err(())
            }
        }
    }

    fn money(&mut self, unit: Unit, at: (usize, usize, usize)) -> Result<Decimal, ()> {
        self.figure(FigureFormat::required(FigureKind::Money(unit)), at)
            .map(Option::unwrap_or_default)
    }

    /// Checks a printed total against what its figures add to (both in won).
    fn check(
        &mut self,
        printed: Decimal,
        sum: Decimal,
        unit: Unit,
        at: (usize, usize, usize),
        severity: Severity,
    ) {
        self.totals_checked += 1;
        if printed != sum {
            let shown = |v: Decimal| format_figure((v / unit.won_per_unit()).normalize());
            let (p, s) = (shown(printed), shown(sum));
            let message = match self.lang {
                Lang::Ko => format!("인쇄된 합계 {p}이(가) 표의 금액을 더한 {s}과(와) 다릅니다. 합계는 가져오지 않고 확인만 합니다."),
                Lang::En => format!("The printed total {p} is not what the table's figures add to ({s}). Totals are checked, not imported."),
            };
            self.problem(at, severity, message);
        }
    }

    fn program_named(&self, name: &str) -> Option<ProgramId> {
        self.plan
            .programs
            .iter()
            .find(|p| p.name.trim() == name.trim())
            .map(|p| p.id)
    }

    fn add_program(
        &mut self,
        name: &str,
        status_row: bool,
        at: (usize, usize, usize),
    ) -> Option<ProgramId> {
        let edit = Edit::AddProgram {
            name: name.to_string(),
            status_row,
        };
        if !self.apply(edit, at) {
            return None;
        }
        let id = self.plan.programs.last().map(|p| p.id)?;
        self.created.push(id);
        let what = match self.lang {
            Lang::Ko => format!("사업 추가: {name}"),
            Lang::En => format!("New program: {name}"),
        };
        self.change(at, what, None, name.to_string());
        Some(id)
    }

    fn owner_of(&mut self, table: &Table, years: Option<YearRange>) -> Option<Owner> {
        let at = (table.sheet, table.header.saturating_sub(1), 0);
        match &table.target {
            Target::Program(id) => Some(Owner::Program(*id)),
            Target::Pledge(id) => Some(Owner::Pledge(*id)),
            Target::Named(name) => {
                if let Some((number, title)) = pledge_title(name) {
                    if let Some(p) = self.plan.pledges.iter().find(|p| {
                        p.number == number && p.title.trim() == title || p.title.trim() == title
                    }) {
                        return Some(Owner::Pledge(p.id));
                    }
                    if !self.apply(
                        Edit::AddPledge {
                            title: title.clone(),
                        },
                        at,
                    ) {
                        return None;
                    }
                    let id = self.plan.pledges.last()?.id;
                    self.apply(Edit::SetPledgeNumber { pledge: id, number }, at);
                    if let Some(term) = years {
                        self.apply(Edit::SetPledgeTerm { pledge: id, term }, at);
                    }
                    let what = match self.lang {
                        Lang::Ko => format!("공약 추가: {name}"),
                        Lang::En => format!("New pledge: {name}"),
                    };
                    self.change(at, what, None, name.clone());
                    return Some(Owner::Pledge(id));
                }
                let id = match self.program_named(name) {
                    Some(id) => id,
                    None => self.add_program(name, false, at)?,
                };
                // A program this import adds runs over its schedule's years.
                if let (Some(period), true) = (years, self.created.contains(&id)) {
                    self.apply(
                        Edit::SetProgramPeriod {
                            program: id,
                            period,
                        },
                        at,
                    );
                }
                Some(Owner::Program(id))
            }
        }
    }

    fn owner_name(&self, owner: Owner) -> String {
        match owner {
            Owner::Program(id) => self
                .plan
                .program(id)
                .map(|p| p.name.clone())
                .unwrap_or_default(),
            Owner::Pledge(id) => self
                .plan
                .pledge(id)
                .map(|p| p.title.clone())
                .unwrap_or_default(),
        }
    }

    fn shown(&self, amount: Amount, unit: Unit) -> String {
        format_figure(unit.exact_figure(amount))
    }

    /// The plan's source this row label names; a new source when none does.
    fn source_for(&mut self, label: &str, at: (usize, usize, usize)) -> Option<SourceId> {
        let key = compact(label);
        let found = self.plan.sources.iter().find(|s| {
            compact(&s.name_ko) == key || compact(&s.name_en) == key || compact(&s.id) == key
        });
        if let Some(s) = found {
            return Some(s.id.clone());
        }
        let edit = Edit::AddSource {
            name_ko: label.to_string(),
            name_en: label.to_string(),
        };
        if !self.apply(edit, at) {
            return None;
        }
        let what = match self.lang {
            Lang::Ko => format!("재원 추가: {label}"),
            Lang::En => format!("New funding source: {label}"),
        };
        self.change(at, what, None, label.to_string());
        self.plan.sources.last().map(|s| s.id.clone())
    }

    fn status(&mut self, table: &Table) {
        let s = table.sheet;
        let column = |role: Role| table.roles.iter().position(|r| *r == role);
        let (Some(name_col), this_col, prior_col, change_col) = (
            column(Role::Label),
            column(Role::ThisYear),
            column(Role::PriorYear),
            column(Role::Change),
        ) else {
            self.problem(
                (s, table.header, 0),
                Severity::Error,
                self.lang
                    .pick(
                        "이름 열이 없어 이 표를 가져오지 않았습니다.",
                        "The table has no name column; it was not imported.",
                    )
                    .into(),
            );
            return;
        };
        let mut sums = [Decimal::ZERO; 2];
        let mut totals = Vec::new();
        let mut matched: Vec<ProgramId> = Vec::new();
        for r in table.first..=table.last {
            let name = self.cell(s, r, name_col).to_string();
            if is_total_label(&name) {
                totals.push(r);
                continue;
            }
            if name.is_empty() {
                continue;
            }
            let existing = self
                .plan
                .programs
                .iter()
                .find(|p| p.name.trim() == name && !matched.contains(&p.id))
                .map(|p| p.id);
            let program = match existing {
                Some(id) => id,
                None => match self.add_program(&name, true, (s, r, name_col)) {
                    Some(id) => id,
                    None => continue,
                },
            };
            matched.push(program);
            let mut figures = [None, None];
            for (i, col, budget) in [
                (0, this_col, BudgetColumn::ThisYear),
                (1, prior_col, BudgetColumn::PriorYear),
            ] {
                let Some(c) = col else { continue };
                let Ok(value) = self.money(table.unit, (s, r, c)) else {
                    continue;
                };
                sums[i] += value;
                figures[i] = Some(value);
                let before = self.plan.program(program).and_then(|p| p.budget).map(|b| {
                    if i == 0 {
                        b.this_year
                    } else {
                        b.prior_year
                    }
                });
                let amount = Amount::from_won(value);
                if self.apply(
                    Edit::SetBudget {
                        program,
                        column: budget,
                        amount,
                    },
                    (s, r, c),
                ) {
                    let label = match (i, self.lang) {
                        (0, Lang::Ko) => "예산액",
                        (0, Lang::En) => "this year",
                        (_, Lang::Ko) => "전년도 예산액",
                        (_, Lang::En) => "prior year",
                    };
                    let before = before.map(|b| self.shown(b, table.unit));
                    let after = self.shown(amount, table.unit);
                    self.change((s, r, c), format!("{name} · {label}"), before, after);
                }
            }
            if let (Some(c), [Some(this), Some(prior)]) = (change_col, figures) {
                if let Ok(printed) = self.money(table.unit, (s, r, c)) {
                    self.check(
                        printed,
                        this - prior,
                        table.unit,
                        (s, r, c),
                        Severity::Error,
                    );
                }
            }
        }
        for r in totals {
            for (i, col) in [(0, this_col), (1, prior_col)] {
                if let Some(c) = col {
                    if let Ok(printed) = self.money(table.unit, (s, r, c)) {
                        self.check(printed, sums[i], table.unit, (s, r, c), Severity::Error);
                    }
                }
            }
            if let Some(c) = change_col {
                if let Ok(printed) = self.money(table.unit, (s, r, c)) {
                    self.check(
                        printed,
                        sums[0] - sums[1],
                        table.unit,
                        (s, r, c),
                        Severity::Error,
                    );
                }
            }
        }
    }

    fn schedule(&mut self, table: &Table) {
        let s = table.sheet;
        let Some(label_col) = table.roles.iter().position(|r| *r == Role::Label) else {
            self.problem(
                (s, table.header, 0),
                Severity::Error,
                self.lang
                    .pick(
                        "재원(행 제목) 열이 없어 이 표를 가져오지 않았습니다.",
                        "The table has no source column; it was not imported.",
                    )
                    .into(),
            );
            return;
        };
        let span = table.span();
        let Some(owner) = self.owner_of(table, span) else {
            return;
        };
        let owner_name = self.owner_name(owner);
        let term = match owner {
            Owner::Program(id) => self.plan.program(id).map(|p| p.period),
            Owner::Pledge(id) => self.plan.pledge(id).map(|p| p.term),
        };
        let mut column_sums: BTreeMap<usize, Decimal> = BTreeMap::new();
        let mut totals = Vec::new();
        for r in table.first..=table.last {
            let label = self.cell(s, r, label_col).to_string();
            if is_total_label(&label) {
                totals.push(r);
                continue;
            }
            if label.is_empty() && self.sheets[s].rows[r].iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let Some(source) = self.source_for(&label, (s, r, label_col)) else {
                continue;
            };
            let mut row_sum = Decimal::ZERO;
            let mut in_term = Decimal::ZERO;
            for (c, role) in table.roles.iter().enumerate() {
                let column = match role {
                    Role::Before => Column::Before,
                    Role::After => Column::After,
                    Role::Year(y) => Column::Year(*y),
                    _ => continue,
                };
                let Ok(value) = self.money(table.unit, (s, r, c)) else {
                    continue;
                };
                row_sum += value;
                *column_sums.entry(c).or_default() += value;
                if matches!(column, Column::Year(y) if term.is_some_and(|t| t.contains(y))) {
                    in_term += value;
                }
                let before = self
                    .plan
                    .schedule(owner)
                    .and_then(|sch| sch.row(&source))
                    .map(|row| row.cell(column));
                let amount = Amount::from_won(value);
                if self.apply(
                    Edit::SetCell {
                        owner,
                        source: source.clone(),
                        column,
                        amount,
                    },
                    (s, r, c),
                ) {
                    let col_name = crate::model::words::column_name(column, self.lang);
                    let before = before
                        .filter(|b| !b.is_zero())
                        .map(|b| self.shown(b, table.unit));
                    if before.is_some() || !amount.is_zero() {
                        let after = self.shown(amount, table.unit);
                        self.change(
                            (s, r, c),
                            format!("{owner_name} · {label} · {col_name}"),
                            before,
                            after,
                        );
                    }
                }
            }
            for (c, role) in table.roles.iter().enumerate() {
                let sum = match role {
                    Role::Total => row_sum,
                    Role::Subtotal => in_term,
                    _ => continue,
                };
                if let Ok(printed) = self.money(table.unit, (s, r, c)) {
                    self.check(printed, sum, table.unit, (s, r, c), Severity::Error);
                }
            }
        }
        if table.roles.contains(&Role::Average) {
            self.apply(
                Edit::SetAverage { owner, shown: true },
                (s, table.header, 0),
            );
        }
        let grand: Decimal = column_sums.values().copied().sum();
        for r in totals {
            for (c, role) in table.roles.iter().enumerate() {
                let sum = match role {
                    Role::Before | Role::After | Role::Year(_) => {
                        column_sums.get(&c).copied().unwrap_or_default()
                    }
                    Role::Total => grand,
                    _ => continue,
                };
                if let Ok(printed) = self.money(table.unit, (s, r, c)) {
                    self.check(printed, sum, table.unit, (s, r, c), Severity::Error);
                }
            }
        }
    }

    fn line_items(&mut self, table: &Table) {
        let s = table.sheet;
        let column = |role: Role| table.roles.iter().position(|r| *r == role);
        let (Some(name_col), basis_col, Some(amount_col)) = (
            column(Role::Label),
            column(Role::Basis),
            column(Role::Amount),
        ) else {
            self.problem((s, table.header, 0), Severity::Error, self.lang.pick("항목 열과 금액 열이 있어야 산출기초를 가져올 수 있습니다.", "Line items need an item column and an amount column; the table was not imported.").into());
            return;
        };
        let Some(Owner::Program(program)) = self.owner_of(table, None) else {
            return;
        };
        let owner_name = self.owner_name(Owner::Program(program));
        let existing = self.plan.program(program).map_or(0, |p| p.line_items.len());
        for index in (0..existing).rev() {
            self.apply(
                Edit::RemoveLineItem { program, index },
                (s, table.header, 0),
            );
        }
        if existing > 0 {
            let what = match self.lang {
                Lang::Ko => format!("{owner_name} · 산출기초 {existing}줄을 표의 줄로 바꿈"),
                Lang::En => {
                    format!("{owner_name} · its {existing} line items replaced by the table's")
                }
            };
            self.change(
                (s, table.header, 0),
                what,
                Some(existing.to_string()),
                String::new(),
            );
        }
        let mut sum = Decimal::ZERO;
        let mut index = 0;
        for r in table.first..=table.last {
            let name = self.cell(s, r, name_col).to_string();
            if is_total_label(&name) {
                if let Ok(printed) = self.money(table.unit, (s, r, amount_col)) {
                    self.check(
                        printed,
                        sum,
                        table.unit,
                        (s, r, amount_col),
                        Severity::Error,
                    );
                }
                continue;
            }
            // The 예산액 line under the items is the status table's figure, checked there.
            if matches!(
                compact(&name).as_str(),
                "예산액" | "budget(예산액)" | "budget"
            ) || name.is_empty() && basis_col.is_none_or(|c| self.cell(s, r, c).is_empty())
            {
                continue;
            }
            let basis = basis_col
                .map(|c| self.cell(s, r, c).to_string())
                .unwrap_or_default();
            let Ok(amount) = self.money(table.unit, (s, r, amount_col)) else {
                continue;
            };
            sum += amount;
            let item = LineItem {
                name: name.clone(),
                basis,
                stated: Some(Amount::from_won(amount)),
            };
            if self.apply(Edit::AddLineItem { program }, (s, r, name_col))
                && self.apply(
                    Edit::SetLineItem {
                        program,
                        index,
                        item,
                    },
                    (s, r, name_col),
                )
            {
                index += 1;
                let after = self.shown(Amount::from_won(amount), table.unit);
                self.change(
                    (s, r, amount_col),
                    format!("{owner_name} · {name}"),
                    None,
                    after,
                );
            }
        }
    }

    fn indicator(&mut self, table: &Table) {
        let s = table.sheet;
        let Some(label_col) = table.roles.iter().position(|r| *r == Role::Label) else {
            return;
        };
        let span = table.span();
        let Some(Owner::Pledge(pledge)) = self.owner_of(table, span) else {
            self.problem(
                (s, table.header, 0),
                Severity::Error,
                self.lang
                    .pick(
                        "지표 표는 공약에 속해야 합니다: 대상을 공약으로 고르세요.",
                        "An indicator table belongs to a pledge: pick a pledge as its target.",
                    )
                    .into(),
            );
            return;
        };
        let (name, unit) = table
            .indicator
            .clone()
            .unwrap_or_else(|| (self.sheets[s].name.clone(), String::new()));
        let at = (s, table.header, 0);
        let existing = self.plan.pledge(pledge).and_then(|p| {
            p.indicators
                .iter()
                .find(|i| i.name.trim() == name.trim())
                .map(|i| i.id)
        });
        let indicator = match existing {
            Some(id) => id,
            None => {
                if !self.apply(
                    Edit::AddIndicator {
                        pledge,
                        name: name.clone(),
                        unit,
                    },
                    at,
                ) {
                    return;
                }
                let Some(id) = self
                    .plan
                    .pledge(pledge)
                    .and_then(|p| p.indicators.last())
                    .map(|i| i.id)
                else {
                    return;
                };
                let what = match self.lang {
                    Lang::Ko => format!("지표 추가: {name}"),
                    Lang::En => format!("New indicator: {name}"),
                };
                self.change(at, what, None, name.clone());
                id
            }
        };
        let format = FigureFormat::optional(FigureKind::Quantity);
        for r in table.first..=table.last {
            let label = self.cell(s, r, label_col).to_string();
            let Some(row) = is_indicator_label(&label) else {
                continue;
            };
            let mut sum = Decimal::ZERO;
            for (c, role) in table.roles.iter().enumerate() {
                let Role::Year(year) = role else { continue };
                let Ok(value) = self.figure(format, (s, r, c)) else {
                    continue;
                };
                sum += value.unwrap_or_default();
                // "Not reported" is set only over a figure the plan has.
                let had = self
                    .plan
                    .pledge(pledge)
                    .and_then(|p| p.indicators.iter().find(|i| i.id == indicator))
                    .and_then(|i| i.years.get(year))
                    .is_some_and(|y| match row {
                        IndicatorRow::Target => y.target.is_some(),
                        IndicatorRow::Actual => y.actual.is_some(),
                    });
                if value.is_none() && !had {
                    continue;
                }
                if self.apply(
                    Edit::SetIndicatorFigure {
                        pledge,
                        indicator,
                        year: *year,
                        row,
                        value,
                    },
                    (s, r, c),
                ) {
                    if let Some(v) = value {
                        self.change(
                            (s, r, c),
                            format!("{name} · {label} · {year}"),
                            None,
                            format_figure(v),
                        );
                    }
                }
            }
            for (c, role) in table.roles.iter().enumerate() {
                if *role == Role::Total {
                    if let Ok(Some(printed)) = self.figure(format, (s, r, c)) {
                        self.check(printed, sum, Unit::Won, (s, r, c), Severity::Warning);
                    }
                }
            }
        }
    }

    /// This app's CSV export: each row says what it is.
    fn app_csv(&mut self, table: &Table) {
        let s = table.sheet;
        let won = FigureFormat::required(FigureKind::Money(Unit::Won));
        let mut programs: BTreeMap<String, ProgramId> = BTreeMap::new();
        let mut pledges: BTreeMap<String, PledgeId> = BTreeMap::new();
        let mut sources: BTreeMap<String, SourceId> = BTreeMap::new();
        let mut spans: BTreeMap<Owner, (Year, Year)> = BTreeMap::new();
        let mut new_owners: Vec<Owner> = Vec::new();
        let mut items: BTreeMap<ProgramId, usize> = BTreeMap::new();
        let mut skipped = 0usize;
        for r in table.first..=table.last.min(self.sheets[s].rows.len().saturating_sub(1)) {
            let text = |b: &Self, c: usize| {
                let t = b.cell(s, r, c);
                // The export guards text against formula injection with a leading '.
                t.strip_prefix('\'')
                    .filter(|t| t.starts_with(['=', '+', '-', '@', '\t', '\r']))
                    .unwrap_or(t)
                    .to_string()
            };
            let kind = text(self, 0);
            let (id, number, name, column) =
                (text(self, 1), text(self, 2), text(self, 3), text(self, 6));
            if kind.is_empty() {
                continue;
            }
            let at = (s, r, 9);
            let mut program_for = |b: &mut Self, status_row: bool| -> Option<ProgramId> {
                if let Some(p) = programs.get(&id) {
                    return Some(*p);
                }
                let p = b.add_program(&name, status_row, (s, r, 3))?;
                programs.insert(id.clone(), p);
                new_owners.push(Owner::Program(p));
                Some(p)
            };
            match kind.as_str() {
                "예산현황" | "Budget status" => {
                    let Some(program) = program_for(self, true) else {
                        continue;
                    };
                    let budget = if matches!(column.as_str(), "전년도 예산액" | "Prior year")
                    {
                        BudgetColumn::PriorYear
                    } else {
                        BudgetColumn::ThisYear
                    };
                    let Ok(value) = self.figure(won, at) else {
                        continue;
                    };
                    let amount = Amount::from_won(value.unwrap_or_default());
                    if self.apply(
                        Edit::SetBudget {
                            program,
                            column: budget,
                            amount,
                        },
                        at,
                    ) {
                        self.change(
                            at,
                            format!("{name} · {column}"),
                            None,
                            self.shown(amount, self.plan.unit),
                        );
                    }
                }
                "사업" | "Program" | "공약" | "Pledge" => {
                    let owner = if matches!(kind.as_str(), "사업" | "Program") {
                        let Some(p) = program_for(self, false) else {
                            continue;
                        };
                        Owner::Program(p)
                    } else {
                        let pledge = match pledges.get(&id) {
                            Some(p) => *p,
                            None => {
                                if !self.apply(
                                    Edit::AddPledge {
                                        title: name.clone(),
                                    },
                                    (s, r, 3),
                                ) {
                                    continue;
                                }
                                let Some(p) = self.plan.pledges.last().map(|p| p.id) else {
                                    continue;
                                };
                                self.apply(
                                    Edit::SetPledgeNumber {
                                        pledge: p,
                                        number: number.clone(),
                                    },
                                    (s, r, 2),
                                );
                                let what = match self.lang {
                                    Lang::Ko => format!("공약 추가: {name}"),
                                    Lang::En => format!("New pledge: {name}"),
                                };
                                self.change((s, r, 3), what, None, name.clone());
                                pledges.insert(id.clone(), p);
                                new_owners.push(Owner::Pledge(p));
                                p
                            }
                        };
                        Owner::Pledge(pledge)
                    };
                    let col = match column.as_str() {
                        "기투자" | "Before the term" => Column::Before,
                        "장기" | "After the term" => Column::After,
                        "연평균" | "Yearly average" => {
                            self.apply(Edit::SetAverage { owner, shown: true }, at);
                            continue;
                        }
                        other => match header_year(other) {
                            Some(y) => {
                                let span = spans.entry(owner).or_insert((y, y));
                                span.0 = span.0.min(y);
                                span.1 = span.1.max(y);
                                Column::Year(y)
                            }
                            None => {
                                skipped += 1;
                                continue;
                            }
                        },
                    };
                    let (source_id, source_name) = (text(self, 7), text(self, 8));
                    let source = match sources.get(&source_id) {
                        Some(id) => id.clone(),
                        None => {
                            let id = if self.plan.source(&source_id).is_some() {
                                source_id.clone()
                            } else {
                                match self.source_for(&source_name, (s, r, 8)) {
                                    Some(id) => id,
                                    None => continue,
                                }
                            };
                            sources.insert(source_id.clone(), id.clone());
                            id
                        }
                    };
                    let Ok(value) = self.figure(won, at) else {
                        continue;
                    };
                    let amount = Amount::from_won(value.unwrap_or_default());
                    if self.apply(
                        Edit::SetCell {
                            owner,
                            source,
                            column: col,
                            amount,
                        },
                        at,
                    ) && !amount.is_zero()
                    {
                        let col_name = crate::model::words::column_name(col, self.lang);
                        self.change(
                            at,
                            format!("{name} · {source_name} · {col_name}"),
                            None,
                            self.shown(amount, self.plan.unit),
                        );
                    }
                }
                "산출기초" | "Line item" => {
                    let Some(program) = program_for(self, false) else {
                        continue;
                    };
                    let Ok(value) = self.figure(won, at) else {
                        continue;
                    };
                    let index = *items.entry(program).or_insert(0);
                    let item = LineItem {
                        name: column.clone(),
                        basis: text(self, 11),
                        stated: Some(Amount::from_won(value.unwrap_or_default())),
                    };
                    if self.apply(Edit::AddLineItem { program }, at)
                        && self.apply(
                            Edit::SetLineItem {
                                program,
                                index,
                                item,
                            },
                            at,
                        )
                    {
                        items.insert(program, index + 1);
                        self.change(
                            at,
                            format!("{name} · {column}"),
                            None,
                            self.shown(Amount::from_won(value.unwrap_or_default()), self.plan.unit),
                        );
                    }
                }
                // Stage comparisons are derived from stages the file does not carry.
                _ => skipped += 1,
            }
        }
        for owner in new_owners {
            let Some((a, b)) = spans.get(&owner).copied() else {
                continue;
            };
            let range = YearRange::new(a, b);
            let edit = match owner {
                Owner::Program(program) => Edit::SetProgramPeriod {
                    program,
                    period: range,
                },
                Owner::Pledge(pledge) => Edit::SetPledgeTerm {
                    pledge,
                    term: range,
                },
            };
            self.apply(edit, (s, 0, 0));
        }
        if skipped > 0 {
            let message = match self.lang {
                Lang::Ko => format!(
                    "{skipped}행은 단계 비교처럼 다른 값에서 계산되는 행이라 가져오지 않았습니다."
                ),
                Lang::En => format!(
                    "{skipped} rows are derived (such as stage comparisons) and were not imported."
                ),
            };
            self.problem((s, usize::MAX, 0), Severity::Warning, message);
        }
    }
}

fn short(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// Whether a cell holds a spreadsheet's formula error.
pub fn is_formula_error(text: &str) -> bool {
    matches!(
        text.trim(),
        "#DIV/0!"
            | "#N/A"
            | "#VALUE!"
            | "#REF!"
            | "#NAME?"
            | "#NUM!"
            | "#NULL!"
            | "#GETTING_DATA"
            | "#SPILL!"
            | "#CALC!"
    )
}

/// What importing `tables` of `sheets` into `plan` would do: the edit (one
/// step), the plan it gives, every change, the problems in the tables and
/// what validation finds. Nothing is changed; `plan` is not touched.
pub fn preview(plan: &Plan, sheets: &[Sheet], tables: &[Table], lang: Lang) -> Preview {
    let mut build = Build {
        sheets,
        plan: plan.clone(),
        edits: Vec::new(),
        changes: Vec::new(),
        problems: Vec::new(),
        totals_checked: 0,
        created: Vec::new(),
        lang,
    };
    for (s, sheet) in sheets.iter().enumerate() {
        if !sheet.merged.is_empty() && tables.iter().any(|t| t.include && t.sheet == s) {
            let ranges = sheet.merged.join(", ");
            let message = match lang {
                Lang::Ko => format!("병합된 칸 {ranges}: 병합된 제목은 그 칸들 모두에 있는 것으로 읽었습니다. 열 지정이 맞는지 확인하세요."),
                Lang::En => format!("Merged cells {ranges}: a merged heading was read as standing over each of its columns. Check the column mapping."),
            };
            build.problem((s, usize::MAX, 0), Severity::Warning, message);
        }
    }
    // Years the tables bring that the plan does not cover widen its years first.
    let years: Vec<Year> = tables
        .iter()
        .filter(|t| t.include)
        .flat_map(Table::years)
        .collect();
    if let (Some(first), Some(last)) = (years.iter().min(), years.iter().max()) {
        let now = build.plan.years;
        let wider = YearRange::new(now.first.min(*first), now.last.max(*last));
        if wider != now {
            let at = (
                tables.iter().find(|t| t.include).map_or(0, |t| t.sheet),
                usize::MAX,
                0,
            );
            if build.apply(Edit::SetYears(wider), at) {
                let what = lang.pick("계획 기간", "The plan's years").to_string();
                build.changes.push(Change {
                    from: String::new(),
                    what,
                    before: Some(format!("{}–{}", now.first, now.last)),
                    after: format!("{}–{}", wider.first, wider.last),
                });
            }
        }
    }
    for table in tables.iter().filter(|t| t.include) {
        if table.first > table.last || table.last >= sheets[table.sheet].rows.len() {
            continue;
        }
        match table.kind {
            Kind::Status => build.status(table),
            Kind::Schedule => build.schedule(table),
            Kind::LineItems => build.line_items(table),
            Kind::Indicator => build.indicator(table),
            Kind::AppCsv => build.app_csv(table),
            Kind::Skip => {}
        }
    }
    let validation = validate(&build.plan);
    Preview {
        plan: build.plan,
        edit: Edit::Many(build.edits),
        changes: build.changes,
        problems: build.problems,
        totals_checked: build.totals_checked,
        validation,
    }
}
