//! Workbooks brought in (issue 19): XLSX, XLS and ODS read with calamine into
//! sheets of cell texts, for `file::import` to find tables in.
//!
//! Figures: a spreadsheet keeps a number as a binary double, and calamine hands
//! it over as `f64`. The text taken here is the shortest decimal that is that
//! double (Rust's `Display`, never an exponent), which is exactly what the
//! cell was written as whenever it has at most 15 significant digits — all
//! Excel keeps. The importer reads that text exactly with `rust_decimal`; no
//! arithmetic is ever done in floating point.
//!
//! Hostile files are refused before calamine builds anything, since the app's
//! release build aborts on a panic and calamine trusts what it reads:
//! - more than [`MAX_FILE_BYTES`]: refused unread;
//! - a ZIP (XLSX, ODS): every entry is inflated into nothing first, counting,
//!   so one that would inflate past [`MAX_INFLATED_BYTES`] (a zip bomb) never
//!   reaches memory; an ODS's repeated rows and cells are counted on the way;
//! - an OLE file (XLS): its `Workbook` stream is taken out by a strict reader
//!   here (calamine's indexes sector chains unchecked) and its records are
//!   checked for lengths and sizes calamine relies on; calamine then reads a
//!   clean OLE file holding only that stream. One holding an
//!   `EncryptedPackage` is a password-protected XLSX;
//! - more than [`MAX_TABLE_CELLS`] cells counted from A1, over all sheets,
//!   refused before the rows are built (an XLSX is read cell by cell, so a
//!   stray value at XFD1048576 allocates nothing).

use std::collections::HashSet;
use std::io::{Cursor, Read, Write};

use calamine::{Data, DataRef, Dimensions, Ods, Reader, SheetType, Xls, Xlsx};

use crate::file::table::MAX_TABLE_CELLS;
use crate::model::limits::MAX_FILE_BYTES;
use crate::model::words::Lang;

/// The most bytes a workbook's ZIP entries may inflate to, all together: a
/// cell is some 40 to 80 bytes of sheet XML (`<c r="AB1234" s="3"><v>1167388</v></c>`,
/// more with a type and a formula), so a sheet of [`MAX_TABLE_CELLS`] cells
/// fits, and a zip bomb (a few kilobytes that inflate to gigabytes) is caught
/// at the first 200 MB, counted into nothing.
pub const MAX_INFLATED_BYTES: usize = 200 * 1024 * 1024;

/// One sheet of a workbook: its name and its cells as text, row by row, so the
/// importer can find tables in any workbook without knowing its format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    /// The sheet's name, as its tab shows it.
    pub name: String,
    /// `rows[r][c]` is the cell at row `r + 1`, column `c + 1` (A1 is
    /// `[0][0]`), so problems can name cells as the spreadsheet does; every
    /// row is as wide as the used range, empty cells are "".
    pub rows: Vec<Vec<String>>,
    /// The merged ranges (`B1:D1`). A merged heading's text is spread over
    /// every cell of its range, so it stands over each column it covers; a
    /// merged number stays in its first cell only (spreading would double money).
    pub merged: Vec<String>,
}

/// Why a workbook could not be read, to tell the planner; nothing was built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkbookError {
    /// Larger than any file the app reads ([`MAX_FILE_BYTES`]).
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// Not a workbook that can be read (random bytes, a damaged file).
    NotSpreadsheet,
    /// Encrypted with a password: its cells cannot be read without it.
    Protected,
    /// Its entries would inflate past [`MAX_INFLATED_BYTES`] (a zip bomb).
    Bomb,
    /// More cells than [`MAX_TABLE_CELLS`], counted from A1 over all sheets.
    TooManyCells,
    /// A workbook without a worksheet: there is no table to take.
    NoSheets,
}

impl WorkbookError {
    /// What to tell the planner in the import dialog: what is wrong, what to
    /// do, and that nothing changed.
    pub fn message(&self, lang: Lang) -> String {
        const MB: usize = 1024 * 1024;
        match (self, lang) {
            (WorkbookError::TooLarge { bytes }, Lang::Ko) => format!(
                "파일이 너무 큽니다({} MB). {} MB까지 읽습니다. 필요한 시트만 남겨 저장한 뒤 다시 가져오세요. 아무것도 바뀌지 않았습니다.",
                bytes.div_ceil(MB),
                MAX_FILE_BYTES / MB
            ),
            (WorkbookError::TooLarge { bytes }, Lang::En) => format!(
                "The file is too large ({} MB); files up to {} MB are read. Save only the sheets you need and import again. Nothing changed.",
                bytes.div_ceil(MB),
                MAX_FILE_BYTES / MB
            ),
            (WorkbookError::NotSpreadsheet, Lang::Ko) => "스프레드시트 파일로 읽을 수 없습니다. XLSX, XLS, ODS 파일이 아니거나 손상된 파일입니다. 아무것도 바뀌지 않았습니다.".into(),
            (WorkbookError::NotSpreadsheet, Lang::En) => "This cannot be read as a spreadsheet: it is not an XLSX, XLS or ODS file, or it is damaged. Nothing changed.".into(),
            (WorkbookError::Protected, Lang::Ko) => "암호로 보호된 통합 문서라 읽을 수 없습니다. 엑셀에서 암호를 해제해 저장한 뒤 다시 가져오세요. 아무것도 바뀌지 않았습니다.".into(),
            (WorkbookError::Protected, Lang::En) => "This workbook is protected with a password and cannot be read. Remove the password in Excel, save, and import again. Nothing changed.".into(),
            (WorkbookError::Bomb, Lang::Ko) => format!(
                "압축을 풀면 {} MB가 넘는 파일이라 읽지 않았습니다(압축 폭탄일 수 있습니다). 아무것도 바뀌지 않았습니다.",
                MAX_INFLATED_BYTES / MB
            ),
            (WorkbookError::Bomb, Lang::En) => format!(
                "Unpacked, this file would be over {} MB, so it was not read (it may be a zip bomb). Nothing changed.",
                MAX_INFLATED_BYTES / MB
            ),
            (WorkbookError::TooManyCells, Lang::Ko) => format!(
                "시트가 너무 큽니다. A1부터 세어 칸이 {}개를 넘습니다(멀리 떨어진 칸에 값이 있는지 확인하세요). 아무것도 바뀌지 않았습니다.",
                grouped(MAX_TABLE_CELLS)
            ),
            (WorkbookError::TooManyCells, Lang::En) => format!(
                "The sheets are too large: more than {} cells counted from A1 (check for a value in a far-away cell). Nothing changed.",
                grouped(MAX_TABLE_CELLS)
            ),
            (WorkbookError::NoSheets, Lang::Ko) => "통합 문서에 워크시트가 없습니다. 아무것도 바뀌지 않았습니다.".into(),
            (WorkbookError::NoSheets, Lang::En) => "The workbook has no worksheet. Nothing changed.".into(),
        }
    }
}

/// `2,500,000`: a count as the planner reads it.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const CFB_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Whether the bytes are a workbook (a ZIP: XLSX, ODS; an OLE file: XLS or a
/// password-protected XLSX) rather than text, so a CSV is never sent here.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(CFB_MAGIC)
}

/// A workbook's worksheets, in workbook order, as cell texts; refused whole
/// (nothing is partly read) when it is too large, damaged or protected.
pub fn read_workbook(bytes: &[u8]) -> Result<Vec<Sheet>, WorkbookError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(WorkbookError::TooLarge { bytes: bytes.len() });
    }
    let sheets = if bytes.starts_with(CFB_MAGIC) {
        read_xls(bytes)?
    } else if bytes.starts_with(ZIP_MAGIC) {
        check_zip(bytes)?;
        if let Ok(xlsx) = Xlsx::new(Cursor::new(bytes)) {
            read_xlsx(xlsx)?
        } else {
            match Ods::new(Cursor::new(bytes)) {
                Ok(ods) => read_ods(ods)?,
                Err(calamine::OdsError::Password) => return Err(WorkbookError::Protected),
                Err(_) => return Err(WorkbookError::NotSpreadsheet),
            }
        }
    } else {
        return Err(WorkbookError::NotSpreadsheet);
    };
    if sheets.is_empty() {
        return Err(WorkbookError::NoSheets);
    }
    Ok(sheets)
}

// ---------------------------------------------------------------------------
// Cells into rows.

/// A figure's text: the shortest decimal that is its double, `-0` as `0`.
fn float_text(value: f64) -> String {
    if value == 0.0 {
        "0".into()
    } else {
        format!("{value}")
    }
}

/// A cell's text, and whether it is a text value (only those are spread over
/// a merged range).
fn data_text(data: &Data) -> (String, bool) {
    match data {
        Data::Empty => (String::new(), false),
        Data::String(s) => (s.clone(), true),
        Data::Float(f) => (float_text(*f), false),
        Data::Int(i) => (i.to_string(), false),
        Data::Bool(b) => (if *b { "TRUE" } else { "FALSE" }.into(), false),
        Data::Error(e) => (e.to_string(), false),
        Data::DateTime(d) => (d.to_string(), false),
        Data::DateTimeIso(s) | Data::DurationIso(s) => (s.clone(), false),
    }
}

/// [`data_text`] of a streamed cell: a shared string is borrowed, the rest
/// are what calamine's `Data` holds.
fn data_ref_text(data: &DataRef<'_>) -> (String, bool) {
    match data {
        DataRef::SharedString(s) => ((*s).to_string(), true),
        other => data_text(&Data::from(other.clone())),
    }
}

/// Counts the cells of all sheets so far, from A1.
struct Budget {
    /// Cells of the sheets already built.
    used: usize,
}

/// One sheet's cells as they come, placed only once their extent is known
/// to fit.
struct Grid {
    cells: Vec<(u32, u32, String)>,
    /// Text cells, by position (to spread over merged ranges).
    texts: HashSet<(u32, u32)>,
    height: usize,
    width: usize,
}

impl Grid {
    fn new() -> Grid {
        Grid {
            cells: Vec::new(),
            texts: HashSet::new(),
            height: 0,
            width: 0,
        }
    }

    fn area(height: usize, width: usize) -> usize {
        height.saturating_mul(width)
    }

    /// Checks the extent before taking the cell's text.
    fn fits(&mut self, budget: &Budget, row: u32, column: u32) -> Result<(), WorkbookError> {
        let height = self.height.max((row as usize).saturating_add(1));
        let width = self.width.max((column as usize).saturating_add(1));
        if budget.used.saturating_add(Grid::area(height, width)) > MAX_TABLE_CELLS {
            return Err(WorkbookError::TooManyCells);
        }
        self.height = height;
        self.width = width;
        Ok(())
    }

    fn push(
        &mut self,
        budget: &Budget,
        row: u32,
        column: u32,
        (text, is_text): (String, bool),
    ) -> Result<(), WorkbookError> {
        if text.is_empty() {
            return Ok(());
        }
        self.fits(budget, row, column)?;
        if is_text {
            self.texts.insert((row, column));
        }
        self.cells.push((row, column, text));
        Ok(())
    }

    fn finish(
        self,
        budget: &mut Budget,
        name: String,
        regions: &[Dimensions],
    ) -> Result<Sheet, WorkbookError> {
        let area = Grid::area(self.height, self.width);
        budget.used = budget.used.saturating_add(area);
        if budget.used > MAX_TABLE_CELLS {
            return Err(WorkbookError::TooManyCells);
        }
        let mut rows = vec![vec![String::new(); self.width]; self.height];
        for (r, c, text) in self.cells {
            rows[r as usize][c as usize] = text;
        }
        let merged = spread_merged(&mut rows, regions, &self.texts);
        Ok(Sheet { name, rows, merged })
    }
}

/// A cell's A1 name (`C5`), from zero-based row and column.
fn cell_name(row: u32, column: u32) -> String {
    let mut letters = Vec::new();
    let mut n = column as u64 + 1;
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row as u64 + 1)
}

/// Spreads each merged range's text over its cells (within the sheet's rows)
/// and names the ranges. The work is bounded whatever the ranges claim.
fn spread_merged(
    rows: &mut [Vec<String>],
    regions: &[Dimensions],
    texts: &HashSet<(u32, u32)>,
) -> Vec<String> {
    let mut named = Vec::new();
    let mut work = 0usize;
    for d in regions.iter().take(MAX_TABLE_CELLS) {
        let (r0, c0) = d.start;
        let (r1, c1) = (d.end.0.max(r0), d.end.1.max(c0));
        if (r0, c0) == (r1, c1) {
            continue;
        }
        named.push(format!("{}:{}", cell_name(r0, c0), cell_name(r1, c1)));
        if !texts.contains(&(r0, c0)) {
            continue;
        }
        let Some(text) = rows
            .get(r0 as usize)
            .and_then(|r| r.get(c0 as usize))
            .cloned()
        else {
            continue;
        };
        for row in rows
            .iter_mut()
            .take((r1 as usize).saturating_add(1))
            .skip(r0 as usize)
        {
            for cell in row
                .iter_mut()
                .take((c1 as usize).saturating_add(1))
                .skip(c0 as usize)
            {
                work += 1;
                if work > 4 * MAX_TABLE_CELLS {
                    return named;
                }
                if cell.is_empty() {
                    cell.clone_from(&text);
                }
            }
        }
    }
    named
}

// ---------------------------------------------------------------------------
// XLSX and ODS.

/// The worksheets' names, in workbook order (chart sheets hold no table).
fn worksheet_names(sheets: &[calamine::Sheet]) -> Vec<String> {
    sheets
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect()
}

fn read_xlsx(mut xlsx: Xlsx<Cursor<&[u8]>>) -> Result<Vec<Sheet>, WorkbookError> {
    let names = worksheet_names(xlsx.sheets_metadata());
    let mut budget = Budget { used: 0 };
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let regions = match xlsx.worksheet_merge_cells(&name) {
            Some(Ok(regions)) => regions,
            Some(Err(_)) => return Err(WorkbookError::NotSpreadsheet),
            None => Vec::new(),
        };
        let mut grid = Grid::new();
        {
            let mut reader = xlsx
                .worksheet_cells_reader(&name)
                .map_err(|_| WorkbookError::NotSpreadsheet)?;
            while let Some(cell) = reader
                .next_cell()
                .map_err(|_| WorkbookError::NotSpreadsheet)?
            {
                let (r, c) = cell.get_position();
                grid.push(&budget, r, c, data_ref_text(cell.get_value()))?;
            }
        }
        sheets.push(grid.finish(&mut budget, name, &regions)?);
    }
    Ok(sheets)
}

fn read_ods(mut ods: Ods<Cursor<&[u8]>>) -> Result<Vec<Sheet>, WorkbookError> {
    let mut budget = Budget { used: 0 };
    let mut sheets = Vec::new();
    for name in ods.sheet_names() {
        let range = ods
            .worksheet_range(&name)
            .map_err(|_| WorkbookError::NotSpreadsheet)?;
        let grid = range_grid(&budget, &range)?;
        sheets.push(grid.finish(&mut budget, name, &[])?);
    }
    Ok(sheets)
}

/// A calamine range's cells (positions relative to its start) placed from A1.
fn range_grid(budget: &Budget, range: &calamine::Range<Data>) -> Result<Grid, WorkbookError> {
    let mut grid = Grid::new();
    let (top, left) = range.start().unwrap_or((0, 0));
    for (r, c, data) in range.used_cells() {
        let (Ok(r), Ok(c)) = (u32::try_from(r), u32::try_from(c)) else {
            return Err(WorkbookError::TooManyCells);
        };
        grid.push(
            budget,
            top.saturating_add(r),
            left.saturating_add(c),
            data_text(data),
        )?;
    }
    Ok(grid)
}

/// Inflates every entry of a ZIP into nothing, counting, so a zip bomb is
/// refused before calamine inflates anything into memory. On the way the XML
/// is checked for what calamine would trust unchecked: an ODS's repeated rows
/// and cells (counted), an XLSX's shared-string indexes (each must name a
/// string the workbook has; calamine indexes its list with them).
fn check_zip(bytes: &[u8]) -> Result<(), WorkbookError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| WorkbookError::NotSpreadsheet)?;
    let mut total = 0usize;
    let mut strings_parts = 0;
    let mut strings = 0usize;
    let mut needed = 0usize;
    for i in 0..archive.len() {
        let entry = match archive.by_index(i) {
            Ok(entry) => entry,
            Err(zip::result::ZipError::UnsupportedArchive(m)) if m.contains("assword") => {
                return Err(WorkbookError::Protected)
            }
            Err(_) => return Err(WorkbookError::NotSpreadsheet),
        };
        let name = entry.name().replace('\\', "/");
        // One past the room left: reading that far means too much.
        let room = (MAX_INFLATED_BYTES - total) as u64 + 1;
        let mut limited = entry.take(room);
        let (read, refused) = if name == "content.xml" {
            let mut scan = Tokens::new(OdsCounter::default());
            let read = std::io::copy(&mut limited, &mut scan);
            if scan.scan.cells > MAX_TABLE_CELLS {
                return Err(WorkbookError::TooManyCells);
            }
            (read, scan.refused())
        } else if name.eq_ignore_ascii_case("xl/sharedStrings.xml") {
            strings_parts += 1;
            let mut scan = Tokens::new(SharedStrings::default());
            let read = std::io::copy(&mut limited, &mut scan);
            strings = scan.scan.count;
            (read, scan.refused())
        } else if name.ends_with(".xml") {
            let mut scan = Tokens::new(CellIndexes::default());
            let read = std::io::copy(&mut limited, &mut scan);
            needed = needed.max(scan.scan.needed);
            (read, scan.refused() || scan.scan.bad)
        } else {
            (std::io::copy(&mut limited, &mut std::io::sink()), false)
        };
        let read = read.map_err(|_| WorkbookError::NotSpreadsheet)?;
        total = total.saturating_add(usize::try_from(read).unwrap_or(usize::MAX));
        if total > MAX_INFLATED_BYTES {
            return Err(WorkbookError::Bomb);
        }
        if refused {
            return Err(WorkbookError::NotSpreadsheet);
        }
    }
    if strings_parts > 1 || needed > strings {
        return Err(WorkbookError::NotSpreadsheet);
    }
    Ok(())
}

/// What an XML scan is told, in order: start tags (their whole text, and
/// whether they close themselves), end tags (their name) and text.
trait Scan {
    fn start(&mut self, tag: &[u8], closed: bool);
    fn end(&mut self, name: &[u8]);
    fn text(&mut self, _text: &[u8]) {}
    /// Whether to stop: what was seen is refused already.
    fn done(&self) -> bool;
}

/// Splits XML, as it inflates, into tags and text the way quick-xml (which
/// calamine reads with) does: quoted `>` inside a tag, comments to `-->`,
/// CDATA to `]]>`. A DOCTYPE, whose end quick-xml finds by other rules, or a
/// tag over 1 MB is refused.
struct Tokens<S> {
    scan: S,
    tag: Vec<u8>,
    in_tag: bool,
    quote: Option<u8>,
    malformed: bool,
}

impl<S: Scan> Tokens<S> {
    fn new(scan: S) -> Tokens<S> {
        Tokens {
            scan,
            tag: Vec::new(),
            in_tag: false,
            quote: None,
            malformed: false,
        }
    }

    fn refused(&self) -> bool {
        self.malformed || self.scan.done()
    }

    fn tag(&mut self) {
        let tag = std::mem::take(&mut self.tag);
        if tag.starts_with(b"!DOCTYPE") || tag.starts_with(b"!doctype") {
            self.malformed = true;
        } else if let Some(name) = tag.strip_prefix(b"/") {
            self.scan.end(tag_name(name));
        } else if !tag.starts_with(b"!") && !tag.starts_with(b"?") {
            let closed = tag.ends_with(b"/");
            self.scan.start(&tag, closed);
            if closed {
                self.scan.end(tag_name(&tag));
            }
        }
        self.tag = tag;
        self.tag.clear();
    }
}

impl<S: Scan> Write for Tokens<S> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut text_from = 0;
        for (i, &b) in buf.iter().enumerate() {
            if !self.in_tag {
                if b == b'<' {
                    self.scan.text(&buf[text_from..i]);
                    self.in_tag = true;
                    self.quote = None;
                    self.tag.clear();
                }
                continue;
            }
            let special = self.tag.first().is_some_and(|c| *c == b'!' || *c == b'?');
            match (self.quote, b) {
                (Some(q), _) if q == b => self.quote = None,
                (None, b'"' | b'\'') if !special => self.quote = Some(b),
                (None, b'>') => {
                    let open = (self.tag.starts_with(b"!--") && !self.tag.ends_with(b"--"))
                        || (self.tag.starts_with(b"![CDATA[") && !self.tag.ends_with(b"]]"))
                        || (self.tag.starts_with(b"?") && !self.tag.ends_with(b"?"));
                    if !open {
                        self.in_tag = false;
                        text_from = i + 1;
                        self.tag();
                        continue;
                    }
                }
                _ => {}
            }
            self.tag.push(b);
            if self.tag.len() > 1 << 20 {
                self.malformed = true;
            }
        }
        if !self.in_tag {
            self.scan.text(&buf[text_from.min(buf.len())..]);
        }
        if self.refused() {
            return Err(std::io::Error::other("refused"));
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A tag's name: up to the first space or `/`.
fn tag_name(tag: &[u8]) -> &[u8] {
    let end = tag
        .iter()
        .position(|b| b.is_ascii_whitespace() || *b == b'/')
        .unwrap_or(tag.len());
    &tag[..end]
}

/// A name without its namespace prefix, as calamine matches most elements.
fn local(name: &[u8]) -> &[u8] {
    match name.iter().rposition(|b| *b == b':') {
        Some(at) => &name[at + 1..],
        None => name,
    }
}

/// An attribute's value, by its exact name (after a space, as a tag has it).
fn attribute<'t>(tag: &'t [u8], name: &[u8]) -> Option<&'t [u8]> {
    let mut from = 0;
    while let Some(at) = tag[from..].windows(name.len()).position(|w| w == name) {
        let at = from + at;
        from = at + 1;
        if at == 0 || !tag[at - 1].is_ascii_whitespace() {
            continue;
        }
        let rest = &tag[at + name.len()..];
        let rest = rest
            .trim_ascii_start()
            .strip_prefix(b"=")?
            .trim_ascii_start();
        let quote = *rest.first()?;
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let end = rest[1..].iter().position(|b| *b == quote)?;
        return Some(&rest[1..1 + end]);
    }
    None
}

fn number_attribute(tag: &[u8], name: &[u8]) -> Option<usize> {
    std::str::from_utf8(attribute(tag, name)?)
        .ok()?
        .parse()
        .ok()
}

/// Counts, from an ODS's `content.xml`, at least the cells calamine will
/// build: a row or cell repeated a billion times is a few bytes of XML.
/// Conservative: a cell with content counts as a value.
#[derive(Default)]
struct OdsCounter {
    /// Rows so far in this table (with repeats), and up to its last with cells.
    rows: usize,
    rows_used: usize,
    /// The widest row of this table.
    width: usize,
    /// This row: its repeats, its cells up to its last value, the empty ones since.
    row_repeats: usize,
    row_len: usize,
    pending: usize,
    /// Cells of the tables before, and the most of all (with this one).
    done: usize,
    cells: usize,
    /// All cells of this row, empty ones too (repeats summed).
    row_all: usize,
    /// Rows or cells repeated past [`MAX_REPEATS`].
    bad: bool,
}

/// The most rows (or cells of a row) an ODS table may count with repeats:
/// far more than a spreadsheet has (1,048,576 rows, 16,384 columns), and
/// small enough that calamine's sums of them never overflow, even in wasm.
const MAX_REPEATS: usize = 1 << 24;

impl OdsCounter {
    fn tally(&mut self) {
        let here = self
            .rows_used
            .max(1)
            .saturating_mul(self.width.max(self.row_len));
        self.cells = self.cells.max(self.done.saturating_add(here));
    }
}

impl Scan for OdsCounter {
    fn start(&mut self, tag: &[u8], closed: bool) {
        match tag_name(tag) {
            b"table:table-row" => {
                self.row_repeats =
                    number_attribute(tag, b"table:number-rows-repeated").unwrap_or(1);
                self.row_len = 0;
                self.pending = 0;
                self.row_all = 0;
            }
            b"table:table-cell" | b"table:covered-table-cell" => {
                let repeats = number_attribute(tag, b"table:number-columns-repeated").unwrap_or(1);
                self.row_all = self.row_all.saturating_add(repeats);
                self.bad |= self.row_all > MAX_REPEATS;
                let valued = !closed
                    || attribute(tag, b"office:value-type").is_some()
                    || attribute(tag, b"table:formula").is_some();
                if valued {
                    self.row_len = self
                        .row_len
                        .saturating_add(self.pending)
                        .saturating_add(repeats);
                    self.pending = 0;
                    self.tally();
                } else {
                    self.pending = repeats;
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        match name {
            b"table:table-row" => {
                self.rows = self.rows.saturating_add(self.row_repeats);
                self.bad |= self.rows > MAX_REPEATS;
                if self.row_len > 0 {
                    self.rows_used = self.rows;
                    self.width = self.width.max(self.row_len);
                }
                self.row_repeats = 0;
                self.row_len = 0;
                self.pending = 0;
                self.tally();
            }
            b"table:table" => {
                self.tally();
                self.done = self.cells;
                self.rows = 0;
                self.rows_used = 0;
                self.width = 0;
            }
            _ => {}
        }
    }

    fn done(&self) -> bool {
        self.cells > MAX_TABLE_CELLS || self.bad
    }
}

/// Counts the shared strings calamine will hold, at least: an `si` holding
/// a `t` (outside phonetic runs) or an `r`, up to `</sst>`. An `si` inside
/// another is refused, so where each ends is plain.
#[derive(Default)]
struct SharedStrings {
    /// The open `si`'s exact name, and whether it holds a string yet.
    si: Option<Vec<u8>>,
    holds: bool,
    phonetic: bool,
    /// Inside a `t`: its exact name (all up to its end is its text).
    t: Option<Vec<u8>>,
    ended: bool,
    count: usize,
    bad: bool,
}

impl Scan for SharedStrings {
    fn start(&mut self, tag: &[u8], _closed: bool) {
        if self.ended || self.t.is_some() {
            return;
        }
        let name = tag_name(tag);
        match (self.si.is_some(), local(name)) {
            (false, b"si") => {
                self.si = Some(name.to_vec());
                self.holds = false;
                self.phonetic = false;
            }
            (true, b"si") => self.bad = true,
            (true, b"r") => self.holds = true,
            (true, b"rPh") => self.phonetic = true,
            (true, b"t") if !self.phonetic => {
                self.holds = true;
                self.t = Some(name.to_vec());
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        if self.ended {
            return;
        }
        if let Some(t) = &self.t {
            if t.as_slice() == name {
                self.t = None;
            }
            return;
        }
        match &self.si {
            Some(si) if si.as_slice() == name => {
                if self.holds {
                    self.count += 1;
                }
                self.si = None;
            }
            Some(_) if local(name) == b"rPh" => self.phonetic = false,
            Some(_) => {}
            None if local(name) == b"sst" => self.ended = true,
            None => {}
        }
    }

    fn done(&self) -> bool {
        self.bad
    }
}

/// The shared-string indexes a sheet's cells use (`<c t="s"><v>7</v></c>`),
/// read the way calamine's cell reader reads a cell: its `v`, `f` and `is`
/// children. To know for sure where each child ends (calamine's rules for
/// that differ by child), a `v`, `f` or `t` holding elements, an `is` holding
/// cell parts, or a cell holding anything else is refused; so is an index
/// that is not plain digits.
#[derive(Default)]
struct CellIndexes {
    state: CellState,
    /// One past the largest index used.
    needed: usize,
    bad: bool,
}

#[derive(Default)]
enum CellState {
    #[default]
    Outside,
    /// In a `c`: whether its type is `s`.
    Cell(bool),
    /// In its `v` (exact name, text so far) or `f`.
    Value(bool, Vec<u8>, Vec<u8>),
    Formula(bool, Vec<u8>),
    /// In its `is`, and maybe in a `t` of it (exact names).
    Inline(bool, Vec<u8>, Option<Vec<u8>>),
}

/// Whether a cell reference (`C5`) or a range (`B1:D1`) is one calamine
/// parses without overflowing: at most 3 letters and 7 digits, a row from 1,
/// and a range's end not before its start.
fn sound_reference(reference: &[u8], range: bool) -> bool {
    let cell = |r: &[u8]| -> Option<(u32, u32)> {
        let letters = r.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        let digits = &r[letters..];
        if !(1..=3).contains(&letters)
            || !(1..=7).contains(&digits.len())
            || !digits.iter().all(u8::is_ascii_digit)
        {
            return None;
        }
        let column = r[..letters].iter().fold(0u32, |n, b| {
            n * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1)
        });
        let row: u32 = std::str::from_utf8(digits).ok()?.parse().ok()?;
        (row >= 1).then_some((row, column))
    };
    if !range {
        return cell(reference).is_some();
    }
    let mut parts = reference.split(|b| *b == b':');
    let first = parts.next().and_then(cell);
    match (first, parts.next().map(cell), parts.next()) {
        (Some(_), None, None) => true,
        (Some(start), Some(Some(end)), None) => end.0 >= start.0 && end.1 >= start.1,
        _ => false,
    }
}

impl Scan for CellIndexes {
    fn start(&mut self, tag: &[u8], _closed: bool) {
        let name = tag_name(tag);
        // What calamine's cell and merged-cell readers parse with plain
        // arithmetic (which overflows in a debug build).
        let sound = match local(name) {
            b"c" => attribute(tag, b"r").is_none_or(|r| sound_reference(r, false)),
            b"row" => attribute(tag, b"r").is_none_or(|r| {
                (1..=7).contains(&r.len())
                    && r.iter().all(u8::is_ascii_digit)
                    && r.iter().any(|b| *b != b'0')
            }),
            b"dimension" | b"mergeCell" => {
                attribute(tag, b"ref").is_none_or(|r| sound_reference(r, true))
            }
            _ => true,
        };
        if !sound {
            self.bad = true;
        }
        match &mut self.state {
            CellState::Outside => {
                if local(name) == b"c" {
                    self.state = CellState::Cell(attribute(tag, b"t") == Some(b"s"));
                }
            }
            CellState::Cell(shared) => {
                let shared = *shared;
                self.state = match local(name) {
                    b"v" => CellState::Value(shared, name.to_vec(), Vec::new()),
                    b"f" => CellState::Formula(shared, name.to_vec()),
                    b"is" => CellState::Inline(shared, name.to_vec(), None),
                    _ => {
                        self.bad = true;
                        CellState::Outside
                    }
                };
            }
            CellState::Value(..) | CellState::Formula(..) | CellState::Inline(_, _, Some(_)) => {
                self.bad = true;
            }
            CellState::Inline(_, _, t) => match local(name) {
                b"t" => *t = Some(name.to_vec()),
                b"is" | b"c" | b"v" | b"f" | b"si" | b"row" | b"sheetData" => self.bad = true,
                _ => {}
            },
        }
    }

    fn end(&mut self, name: &[u8]) {
        match &mut self.state {
            CellState::Outside => {}
            CellState::Cell(_) => {
                if local(name) == b"c" {
                    self.state = CellState::Outside;
                }
            }
            CellState::Value(shared, v, text) => {
                if v.as_slice() != name {
                    self.bad = true;
                    return;
                }
                if *shared {
                    let index = std::str::from_utf8(text)
                        .ok()
                        .filter(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
                        .and_then(|t| t.parse::<usize>().ok());
                    match index {
                        Some(i) => self.needed = self.needed.max(i.saturating_add(1)),
                        None => self.bad = true,
                    }
                }
                self.state = CellState::Cell(*shared);
            }
            CellState::Formula(shared, f) => {
                if f.as_slice() != name {
                    self.bad = true;
                    return;
                }
                self.state = CellState::Cell(*shared);
            }
            CellState::Inline(_, _, t @ Some(_)) => {
                if t.as_deref() != Some(name) {
                    self.bad = true;
                    return;
                }
                *t = None;
            }
            CellState::Inline(shared, is, None) => {
                if is.as_slice() == name {
                    self.state = CellState::Cell(*shared);
                }
            }
        }
    }

    fn text(&mut self, text: &[u8]) {
        if let CellState::Value(true, _, v) = &mut self.state {
            if v.len() + text.len() <= 64 {
                v.extend_from_slice(text);
            } else {
                self.bad = true;
            }
        }
    }

    fn done(&self) -> bool {
        self.bad
    }
}

// ---------------------------------------------------------------------------
// XLS: the OLE compound file.

const FREESECT: u32 = 0xFFFF_FFFF;
const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const FATSECT: u32 = 0xFFFF_FFFD;

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn utf16(name: &str) -> Vec<u8> {
    name.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// An OLE compound file read strictly: every sector id checked, every chain
/// bounded.
struct Cfb<'a> {
    bytes: &'a [u8],
    size: usize,
    sectors: usize,
    fat: Vec<u32>,
}

impl<'a> Cfb<'a> {
    fn open(bytes: &'a [u8]) -> Option<Cfb<'a>> {
        if !bytes.starts_with(CFB_MAGIC) || bytes.len() < 512 {
            return None;
        }
        let size = match u16_at(bytes, 30)? {
            9 => 512,
            12 => 4096,
            _ => return None,
        };
        let sectors = (bytes.len() / size).checked_sub(1)?;
        let mut cfb = Cfb {
            bytes,
            size,
            sectors,
            fat: Vec::new(),
        };
        // The FAT's sectors: 109 in the header, then a chain of DIFAT sectors.
        let fat_sectors = u32_at(bytes, 44)? as usize;
        if fat_sectors > sectors {
            return None;
        }
        let mut ids: Vec<u32> = (0..109).filter_map(|i| u32_at(bytes, 76 + 4 * i)).collect();
        let mut next = u32_at(bytes, 68)?;
        let mut steps = 0;
        while next != ENDOFCHAIN && next != FREESECT {
            steps += 1;
            if steps > sectors {
                return None;
            }
            let sector = cfb.sector(next)?;
            let per = size / 4 - 1;
            ids.extend((0..per).filter_map(|i| u32_at(sector, 4 * i)));
            next = u32_at(sector, 4 * per)?;
        }
        let ids: Vec<u32> = ids
            .into_iter()
            .filter(|id| *id < FATSECT - 1)
            .take(fat_sectors)
            .collect();
        let mut fat = Vec::with_capacity(ids.len() * size / 4);
        for id in ids {
            let sector = cfb.sector(id)?;
            fat.extend((0..size / 4).filter_map(|i| u32_at(sector, 4 * i)));
        }
        cfb.fat = fat;
        Some(cfb)
    }

    fn sector(&self, id: u32) -> Option<&'a [u8]> {
        let id = id as usize;
        if id >= self.sectors {
            return None;
        }
        self.bytes.get((id + 1) * self.size..(id + 2) * self.size)
    }

    /// The chain from `start`, whole sectors, at most `limit` bytes.
    fn chain(&self, start: u32, limit: usize) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        let mut id = start;
        while id != ENDOFCHAIN {
            out.extend_from_slice(self.sector(id)?);
            if out.len() > limit.saturating_add(self.size) {
                return None;
            }
            id = *self.fat.get(id as usize)?;
        }
        Some(out)
    }

    /// The directory entries: (name, start, size).
    fn entries(&self) -> Option<Vec<(String, u32, usize)>> {
        let dir = self.chain(u32_at(self.bytes, 48)?, MAX_FILE_BYTES)?;
        let mut out = Vec::new();
        for entry in dir.chunks_exact(128) {
            let len = (u16_at(entry, 64)? as usize).min(64);
            let units: Vec<u16> = entry[..len.saturating_sub(2)]
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            let name = String::from_utf16_lossy(&units);
            let size = u32_at(entry, 120)? as usize;
            out.push((name, u32_at(entry, 116)?, size));
        }
        Some(out)
    }

    /// A stream's bytes: from the mini stream when under 4096 bytes.
    fn stream(&self, entries: &[(String, u32, usize)], start: u32, len: usize) -> Option<Vec<u8>> {
        if len > MAX_FILE_BYTES {
            return None;
        }
        let mut data = if len < 4096 {
            let (_, root_start, root_len) = entries.first()?;
            let mini = self.chain(*root_start, *root_len)?;
            let minifat: Vec<u32> = self
                .chain(u32_at(self.bytes, 60)?, MAX_FILE_BYTES)?
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect();
            let mut out = Vec::new();
            let mut id = start;
            while id != ENDOFCHAIN && out.len() < len {
                let at = id as usize * 64;
                out.extend_from_slice(mini.get(at..at + 64)?);
                id = *minifat.get(id as usize)?;
            }
            out
        } else {
            self.chain(start, len)?
        };
        if data.len() < len {
            return None;
        }
        data.truncate(len);
        Some(data)
    }
}

/// The stream as the clean OLE file holds it: zeros up to whole sectors, and
/// at least 4096 bytes (a shorter stream would go in the mini stream). The
/// records are checked in this form, since calamine reads the zeros too.
fn padded(stream: &[u8]) -> Vec<u8> {
    let mut data = stream.to_vec();
    data.resize(data.len().max(4096).next_multiple_of(4096), 0);
    data
}

/// A clean OLE file (version 4, 4096-byte sectors) holding only `stream` as
/// `Workbook`: what calamine reads instead of the file brought in.
fn clean_cfb(stream: &[u8]) -> Vec<u8> {
    const SIZE: usize = 4096;
    let data = padded(stream);
    let data_sectors = data.len() / SIZE;
    // FAT sectors, then the directory, then the stream.
    let mut fat_sectors = 1;
    while fat_sectors * (SIZE / 4) < fat_sectors + 1 + data_sectors {
        fat_sectors += 1;
    }
    let total = fat_sectors + 1 + data_sectors;
    let mut fat = vec![FREESECT; fat_sectors * SIZE / 4];
    fat[..fat_sectors].fill(FATSECT);
    fat[fat_sectors] = ENDOFCHAIN;
    for (i, next) in fat.iter_mut().enumerate().take(total).skip(fat_sectors + 1) {
        *next = if i + 1 < total {
            i as u32 + 1
        } else {
            ENDOFCHAIN
        };
    }
    let mut out = vec![0u8; SIZE];
    out[..8].copy_from_slice(CFB_MAGIC);
    out[24..26].copy_from_slice(&0x3Eu16.to_le_bytes());
    out[26..28].copy_from_slice(&4u16.to_le_bytes());
    out[28..30].copy_from_slice(&0xFFFEu16.to_le_bytes());
    out[30..32].copy_from_slice(&12u16.to_le_bytes());
    out[32..34].copy_from_slice(&6u16.to_le_bytes());
    out[40..44].copy_from_slice(&1u32.to_le_bytes());
    out[44..48].copy_from_slice(&(fat_sectors as u32).to_le_bytes());
    out[48..52].copy_from_slice(&(fat_sectors as u32).to_le_bytes());
    out[56..60].copy_from_slice(&4096u32.to_le_bytes());
    out[60..64].copy_from_slice(&ENDOFCHAIN.to_le_bytes());
    out[68..72].copy_from_slice(&ENDOFCHAIN.to_le_bytes());
    for i in 0..109 {
        let id = if i < fat_sectors { i as u32 } else { FREESECT };
        out[76 + 4 * i..80 + 4 * i].copy_from_slice(&id.to_le_bytes());
    }
    for id in &fat {
        out.extend_from_slice(&id.to_le_bytes());
    }
    let mut dir = vec![0u8; SIZE];
    let entry = |dir: &mut [u8], at: usize, name: &str, kind: u8, start: u32, len: u64| {
        let name = utf16(name);
        dir[at..at + name.len()].copy_from_slice(&name);
        dir[at + 64..at + 66].copy_from_slice(&(name.len() as u16 + 2).to_le_bytes());
        dir[at + 66] = kind;
        dir[at + 67] = 1;
        dir[at + 68..at + 80].fill(0xFF);
        dir[at + 116..at + 120].copy_from_slice(&start.to_le_bytes());
        dir[at + 120..at + 128].copy_from_slice(&len.to_le_bytes());
    };
    entry(&mut dir, 0, "Root Entry", 5, 0, 0);
    dir[76..80].copy_from_slice(&1u32.to_le_bytes());
    entry(
        &mut dir,
        128,
        "Workbook",
        2,
        fat_sectors as u32 + 1,
        data.len() as u64,
    );
    out.extend_from_slice(&dir);
    out.extend_from_slice(&data);
    out
}

/// One BIFF record as calamine's record reader takes it: its type, where its
/// data is, and the `Continue` records after it that it takes along.
struct Record {
    typ: u16,
    at: usize,
    len: usize,
    continues: Vec<(usize, usize)>,
}

/// The records from `from` on, as calamine reads them; ends (as calamine
/// fails) at a record cut short.
fn records(stream: &[u8], from: usize) -> impl Iterator<Item = Record> + '_ {
    let mut at = from;
    std::iter::from_fn(move || {
        let typ = u16_at(stream, at)?;
        let len = u16_at(stream, at + 2)? as usize;
        stream.get(at + 4..at + 4 + len)?;
        let record_at = at + 4;
        at += 4 + len;
        let mut continues = Vec::new();
        while stream.len().saturating_sub(at) > 4 && u16_at(stream, at) == Some(0x003C) {
            let len = u16_at(stream, at + 2)? as usize;
            stream.get(at + 4..at + 4 + len)?;
            continues.push((at + 4, len));
            at += 4 + len;
        }
        Some(Record {
            typ,
            at: record_at,
            len,
            continues,
        })
    })
}

/// Whether calamine reads the shared strings (`SST`, with its `Continue`
/// records) without indexing past them: its steps, checked.
fn sst_is_sound(stream: &[u8], record: &Record) -> bool {
    let part = |(at, len): (usize, usize)| &stream[at..at + len];
    let mut parts = record.continues.iter().map(|c| part(*c));
    let first = part((record.at, record.len));
    if first.len() < 8 {
        return true; // calamine refuses it
    }
    let mut data = &first[8..];
    loop {
        if data.is_empty() {
            match parts.next() {
                Some(next) => data = next,
                None => return true,
            }
        }
        if data.len() < 3 {
            return true; // refused
        }
        let cch = u16_at(data, 0).unwrap_or(0) as usize;
        let flags = data[2];
        data = &data[3..];
        let mut runs = 0;
        let mut extra = 0usize;
        if flags & 0x8 != 0 {
            let Some(n) = u16_at(data, 0) else {
                return false;
            };
            runs = n as usize;
            data = &data[2..];
        }
        if flags & 0x4 != 0 {
            let Some(n) = u32_at(data, 0) else {
                return false;
            };
            extra = n as i32 as isize as usize;
            data = &data[4..];
        }
        let (mut left, mut wide) = (cch, flags & 0x1 != 0);
        while left > 0 {
            let taken = if wide { data.len() / 2 } else { data.len() }.min(left);
            data = &data[if wide { 2 * taken } else { taken }..];
            left -= taken;
            if left > 0 {
                match parts.next() {
                    Some([]) => return false,
                    Some(next) => {
                        wide = next[0] & 0x1 != 0;
                        data = &next[1..];
                    }
                    None => return true,
                }
            }
        }
        for mut skip in [runs * 4, extra] {
            while skip > 0 {
                if data.is_empty() {
                    match parts.next() {
                        Some(next) => data = next,
                        None => return true,
                    }
                }
                let n = skip.min(data.len());
                data = &data[n..];
                skip -= n;
            }
        }
    }
}

/// Walks the BIFF records the way calamine does and refuses what calamine
/// would index past or size from unchecked: short records, shared strings
/// that end inside a string, sheet offsets past the stream, used ranges and
/// cells beyond the cell limit. Formulas (their cached values are what is
/// read) are emptied, since calamine's formula decoder trusts every length:
/// it then says "unrecognised formula" and goes on.
fn sanitize_biff(stream: &mut [u8]) -> Result<(), WorkbookError> {
    let bad = Err(WorkbookError::NotSpreadsheet);
    let mut sheets = Vec::new();
    let mut empty = Vec::new();
    for record in records(stream, 0) {
        let data = &stream[record.at..record.at + record.len];
        let len = data.len();
        match record.typ {
            0x002F if len >= 2 && u16_at(data, 0) != Some(0) => {
                return Err(WorkbookError::Protected)
            }
            0x002F | 0x0042 | 0x0022 | 0x0809 if len < 2 => return bad,
            0x0085 => {
                if len < 8 {
                    return bad;
                }
                sheets.push(u32_at(data, 0).unwrap_or(0) as usize);
            }
            0x0018 => {
                // Lbl: 14 bytes, the name (calamine takes a flag and `cch`
                // bytes), and the formula: the last `cce` bytes, emptied.
                let cch = data.get(3).copied().unwrap_or(0) as usize;
                if len < 15 + cch {
                    return bad;
                }
                empty.push(record.at + 4);
            }
            0x0017 => {
                let count = u16_at(data, 0).unwrap_or(0) as usize;
                if len < 2 || (!(len - 2).is_multiple_of(6) && count * 6 > len - 2) {
                    return bad;
                }
            }
            0x00FC if !sst_is_sound(stream, &record) => return bad,
            0x000A => break,
            _ => {}
        }
    }
    let mut cells = 0usize;
    for pos in sheets {
        if pos > stream.len() {
            return bad;
        }
        let (mut height, mut width) = (0usize, 0usize);
        for record in records(stream, pos) {
            let data = &stream[record.at..record.at + record.len];
            let len = data.len();
            let mut at = |row: usize, column: usize| {
                height = height.max(row + 1);
                width = width.max(column + 1);
            };
            match record.typ {
                0x0200 => {
                    let (rf, rl, cf, cl) = match len {
                        10 => (
                            u16_at(data, 0).unwrap_or(0) as u64,
                            u16_at(data, 2).unwrap_or(0) as u64,
                            u16_at(data, 4).unwrap_or(0) as u64,
                            u16_at(data, 6).unwrap_or(0) as u64,
                        ),
                        14 => (
                            u32_at(data, 0).unwrap_or(0) as u64,
                            u32_at(data, 4).unwrap_or(0) as u64,
                            u16_at(data, 8).unwrap_or(0) as u64,
                            u16_at(data, 10).unwrap_or(0) as u64,
                        ),
                        _ => return bad,
                    };
                    let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
                    if rl >= 1 && cl >= 1 {
                        if rf > rl - 1 || cf > cl - 1 {
                            return bad;
                        }
                        let area = (rl - rf).saturating_mul(cl - cf);
                        if area > MAX_TABLE_CELLS as u64 {
                            return Err(WorkbookError::TooManyCells);
                        }
                    }
                }
                0x0006 => {
                    // Formula: 20 bytes, then the formula's length (emptied).
                    if len < 22 {
                        return bad;
                    }
                    at(
                        u16_at(data, 0).unwrap_or(0) as usize,
                        u16_at(data, 2).unwrap_or(0) as usize,
                    );
                    empty.push(record.at + 20);
                }
                0x0203 | 0x0204 | 0x0205 | 0x027E | 0x00FD => {
                    if let (Some(r), Some(c)) = (u16_at(data, 0), u16_at(data, 2)) {
                        at(r as usize, c as usize);
                    }
                }
                0x00BD => {
                    // MulRk: calamine counts its columns in u16.
                    let (Some(r), Some(c0), Some(c1)) = (
                        u16_at(data, 0),
                        u16_at(data, 2),
                        u16_at(data, len.saturating_sub(2)),
                    ) else {
                        return bad;
                    };
                    if c1 < c0 || c1 - c0 == u16::MAX || len != 6 + 6 * (c1 - c0 + 1) as usize {
                        return bad;
                    }
                    at(r as usize, c1 as usize);
                }
                0x00E5 => {
                    let count = u16_at(data, 0).unwrap_or(0) as usize;
                    if len < 2 + 8 * count {
                        return bad;
                    }
                }
                0x000A => break,
                _ => {}
            }
            if cells.saturating_add(height.saturating_mul(width)) > MAX_TABLE_CELLS {
                return Err(WorkbookError::TooManyCells);
            }
        }
        cells = cells.saturating_add(height.saturating_mul(width));
    }
    for at in empty {
        stream[at..at + 2].fill(0);
    }
    Ok(())
}

fn read_xls(bytes: &[u8]) -> Result<Vec<Sheet>, WorkbookError> {
    if contains(bytes, &utf16("EncryptedPackage")) || contains(bytes, &utf16("EncryptionInfo")) {
        return Err(WorkbookError::Protected);
    }
    let cfb = Cfb::open(bytes).ok_or(WorkbookError::NotSpreadsheet)?;
    let entries = cfb.entries().ok_or(WorkbookError::NotSpreadsheet)?;
    let (_, start, len) = entries
        .iter()
        .find(|e| e.0 == "Workbook")
        .or_else(|| entries.iter().find(|e| e.0 == "Book"))
        .ok_or(WorkbookError::NotSpreadsheet)?;
    let mut stream = padded(
        &cfb.stream(&entries, *start, *len)
            .ok_or(WorkbookError::NotSpreadsheet)?,
    );
    sanitize_biff(&mut stream)?;
    let mut xls = match Xls::new(Cursor::new(clean_cfb(&stream))) {
        Ok(xls) => xls,
        Err(calamine::XlsError::Password) => return Err(WorkbookError::Protected),
        Err(_) => return Err(WorkbookError::NotSpreadsheet),
    };
    let names = worksheet_names(xls.sheets_metadata());
    let mut budget = Budget { used: 0 };
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let range = xls
            .worksheet_range(&name)
            .map_err(|_| WorkbookError::NotSpreadsheet)?;
        let regions = xls.worksheet_merge_cells(&name).unwrap_or_default();
        let grid = range_grid(&budget, &range)?;
        sheets.push(grid.finish(&mut budget, name, &regions)?);
    }
    Ok(sheets)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::zip::Zip;

    /// A small deterministic generator (xorshift), so failures repeat.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn bytes(&mut self, n: usize) -> Vec<u8> {
            (0..n).map(|_| self.next() as u8).collect()
        }
    }

    /// A minimal XLSX with one sheet of the given `<sheetData>` rows and extra
    /// worksheet XML after it (merged cells).
    fn xlsx(sheet_data: &str, after: &str) -> Vec<u8> {
        let mut zip = Zip::default();
        zip.add("[Content_Types].xml", br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#);
        zip.add("_rels/.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#);
        zip.add("xl/workbook.xml", br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#);
        zip.add("xl/_rels/workbook.xml.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#);
        let sheet = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_data}</sheetData>{after}</worksheet>"#
        );
        zip.add("xl/worksheets/sheet1.xml", sheet.as_bytes());
        zip.finish()
    }

    fn one_sheet(bytes: &[u8]) -> Sheet {
        let mut sheets = read_workbook(bytes).unwrap();
        assert_eq!(sheets.len(), 1);
        sheets.remove(0)
    }

    /// The `(row, column, value)` of every number cell of an exported sheet's XML.
    fn numbers_in(xml: &str) -> Vec<(usize, usize, String)> {
        let mut out = Vec::new();
        for part in xml.split("<c r=\"").skip(1) {
            let cell = &part[..part.find("</c>").unwrap_or(part.len())];
            if cell.contains("t=\"") || !cell.contains("<v>") {
                continue;
            }
            let at = &cell[..cell.find('"').unwrap()];
            let letters = at.chars().take_while(char::is_ascii_uppercase).count();
            let column = at[..letters]
                .bytes()
                .fold(0usize, |n, b| n * 26 + (b - b'A' + 1) as usize)
                - 1;
            let row: usize = at[letters..].parse::<usize>().unwrap() - 1;
            let value = &cell[cell.find("<v>").unwrap() + 3..cell.find("</v>").unwrap()];
            out.push((row, column, value.to_string()));
        }
        out
    }

    #[test]
    fn the_apps_own_export_reads_back_cell_for_cell() {
        let plan = crate::fixtures::demo::demo_plan();
        for lang in [Lang::Ko, Lang::En] {
            let bytes = crate::render::xlsx::plan_xlsx(&plan, lang);
            assert!(is_workbook(&bytes));
            let sheets = read_workbook(&bytes).unwrap();
            let mut archive = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
            let mut figures = 0;
            for (i, sheet) in sheets.iter().enumerate() {
                let mut xml = String::new();
                archive
                    .by_name(&format!("xl/worksheets/sheet{}.xml", i + 1))
                    .unwrap()
                    .read_to_string(&mut xml)
                    .unwrap();
                for (r, c, value) in numbers_in(&xml) {
                    assert_eq!(
                        sheet.rows[r][c],
                        value,
                        "{} {}",
                        sheet.name,
                        cell_name(r as u32, c as u32)
                    );
                    assert!(!value.contains(['e', 'E']));
                    figures += 1;
                }
                let width = sheet.rows.first().map_or(0, Vec::len);
                assert!(sheet.rows.iter().all(|row| row.len() == width));
            }
            assert!(figures > 100, "{figures}");
            let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
            let status = &sheets[0];
            let header = status
                .rows
                .iter()
                .find(|row| row.iter().any(|c| c == "예산액" || c == "This year"))
                .unwrap_or_else(|| panic!("{:?}", status.rows));
            if lang == Lang::Ko {
                assert_eq!(&names[..2], ["예산현황", "소요예산"]);
                assert!(header.iter().any(|c| c == "단위사업명"), "{header:?}");
                assert!(header.iter().any(|c| c == "예산액"), "{header:?}");
            } else {
                assert!(names.len() >= 2, "{names:?}");
            }
        }
    }

    #[test]
    fn figures_are_the_shortest_exact_decimal() {
        let bytes = xlsx(
            r#"<row r="1"><c r="A1"><v>1167388</v></c><c r="B1"><v>0.5</v></c><c r="C1"><v>-21634</v></c><c r="D1"><v>-0</v></c><c r="E1"><v>123456789012345</v></c><c r="F1"><v>0.1</v></c><c r="G1"><v>1E+20</v></c></row>"#,
            "",
        );
        let sheet = one_sheet(&bytes);
        assert_eq!(
            sheet.rows[0],
            [
                "1167388",
                "0.5",
                "-21634",
                "0",
                "123456789012345",
                "0.1",
                "100000000000000000000"
            ]
        );
        assert_eq!(float_text(1167388.0), "1167388");
        assert_eq!(float_text(-0.0), "0");
        assert_eq!(float_text(1e-7), "0.0000001");
    }

    #[test]
    fn rows_start_at_a1_and_a_formula_reads_its_cached_value() {
        let bytes = xlsx(
            r#"<row r="3"><c r="C3" t="inlineStr"><is><t>사업명</t></is></c><c r="D3"><f>1+1</f><v>2</v></c><c r="E3" t="b"><v>1</v></c></row><row r="5"><c r="C5" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>"#,
            "",
        );
        let sheet = one_sheet(&bytes);
        assert_eq!(sheet.rows.len(), 5);
        assert!(sheet.rows.iter().all(|r| r.len() == 5));
        assert_eq!(sheet.rows[2][2], "사업명");
        assert_eq!(sheet.rows[2][3], "2");
        assert_eq!(sheet.rows[2][4], "TRUE");
        assert_eq!(sheet.rows[4][2], "ab");
        assert_eq!(sheet.rows[0], ["", "", "", "", ""]);
    }

    #[test]
    fn a_formula_error_reads_as_excel_writes_it() {
        let bytes = xlsx(
            r#"<row r="2"><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C2" t="e"><v>#N/A</v></c><c r="D2" t="e"><v>#REF!</v></c></row>"#,
            "",
        );
        let sheet = one_sheet(&bytes);
        assert_eq!(sheet.rows[1][1], "#DIV/0!");
        assert_eq!(sheet.rows[1][2], "#N/A");
        assert_eq!(sheet.rows[1][3], "#REF!");
    }

    #[test]
    fn a_merged_heading_stands_over_every_column_but_a_merged_number_does_not() {
        let bytes = xlsx(
            r#"<row r="1"><c r="B1" t="inlineStr"><is><t>2024년 예산</t></is></c></row><row r="2"><c r="A2"><v>1000</v></c><c r="D2"><v>5</v></c></row>"#,
            r#"<mergeCells count="2"><mergeCell ref="B1:D1"/><mergeCell ref="A2:C2"/></mergeCells>"#,
        );
        let sheet = one_sheet(&bytes);
        assert_eq!(sheet.merged, ["B1:D1", "A2:C2"]);
        assert_eq!(
            sheet.rows[0],
            ["", "2024년 예산", "2024년 예산", "2024년 예산"]
        );
        assert_eq!(sheet.rows[1], ["1000", "", "", "5"]);
    }

    #[test]
    fn a_far_away_cell_or_too_many_cells_is_refused_unbuilt() {
        let far = xlsx(
            r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#,
            "",
        );
        assert_eq!(read_workbook(&far), Err(WorkbookError::TooManyCells));
        // Counted from A1: a sheet of exactly the limit reads, one row more does not.
        let rows = (MAX_TABLE_CELLS / 1000) as u32;
        let corner = |row: u32| {
            xlsx(
                &format!(
                    r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="{}"><c r="{}"><v>2</v></c></row>"#,
                    row + 1,
                    cell_name(row, 999)
                ),
                "",
            )
        };
        let sheet = one_sheet(&corner(rows - 1));
        assert_eq!(
            (sheet.rows.len(), sheet.rows[0].len()),
            (rows as usize, 1000)
        );
        assert_eq!(sheet.rows[rows as usize - 1][999], "2");
        assert_eq!(
            read_workbook(&corner(rows)),
            Err(WorkbookError::TooManyCells)
        );
        // A merged range over the whole sheet spreads only over the rows there are.
        let wide = xlsx(
            r#"<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>"#,
            r#"<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>"#,
        );
        let sheet = one_sheet(&wide);
        assert_eq!(sheet.rows, [["x"]]);
        assert_eq!(sheet.merged, ["A1:XFD1048576"]);
    }

    #[test]
    fn too_large_protected_and_empty_files_are_named() {
        let big = vec![0u8; MAX_FILE_BYTES + 1];
        assert_eq!(
            read_workbook(&big),
            Err(WorkbookError::TooLarge {
                bytes: MAX_FILE_BYTES + 1
            })
        );
        let mut protected = CFB_MAGIC.to_vec();
        protected.resize(4096, 0);
        protected.extend(utf16("EncryptedPackage"));
        protected.resize(8192, 0);
        assert!(is_workbook(&protected));
        assert_eq!(read_workbook(&protected), Err(WorkbookError::Protected));
        // A workbook of no sheets.
        let mut zip = Zip::default();
        zip.add("xl/workbook.xml", br#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>"#);
        zip.add("[Content_Types].xml", b"<Types/>");
        let empty = zip.finish();
        assert!(matches!(
            read_workbook(&empty),
            Err(WorkbookError::NoSheets | WorkbookError::NotSpreadsheet)
        ));
        for error in [
            WorkbookError::TooLarge {
                bytes: 50 * 1024 * 1024,
            },
            WorkbookError::NotSpreadsheet,
            WorkbookError::Protected,
            WorkbookError::Bomb,
            WorkbookError::TooManyCells,
            WorkbookError::NoSheets,
        ] {
            assert!(error
                .message(Lang::Ko)
                .ends_with("아무것도 바뀌지 않았습니다."));
            assert!(error.message(Lang::En).ends_with("Nothing changed."));
        }
        assert_eq!(grouped(2_500_000), "2,500,000");
        assert_eq!(grouped(999), "999");
        assert!(WorkbookError::TooLarge {
            bytes: 50 * 1024 * 1024
        }
        .message(Lang::En)
        .contains("50 MB"));
    }

    #[test]
    fn a_shared_string_index_past_the_strings_is_refused_not_followed() {
        let cells = r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>"#;
        // No shared strings at all: calamine would index an empty list.
        assert_eq!(
            read_workbook(&xlsx(cells, "")),
            Err(WorkbookError::NotSpreadsheet)
        );
        let with_strings = |sst: &str| {
            let mut zip = zip::ZipArchive::new(Cursor::new(xlsx(cells, ""))).unwrap();
            let mut out = Zip::default();
            for i in 0..zip.len() {
                let mut entry = zip.by_index(i).unwrap();
                let mut data = Vec::new();
                entry.read_to_end(&mut data).unwrap();
                out.add(entry.name(), &data);
            }
            out.add("xl/sharedStrings.xml", sst.as_bytes());
            out.finish()
        };
        let two = with_strings(
            r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>사업명</t></si><si><r><t>예산</t></r><r><t>액</t></r></si></sst>"#,
        );
        assert_eq!(one_sheet(&two).rows, [["사업명", "예산액"]]);
        // An si without a string, a phonetic run only, or one after </sst> is none.
        for sst in [
            r#"<sst><si><t>a</t></si><si/></sst>"#,
            r#"<sst><si><t>a</t></si><si><rPh><t>b</t></rPh></si></sst>"#,
            r#"<sst><si><t>a</t></si></sst><si><t>b</t></si>"#,
            r#"<sst><si><t>a</t></si><si><si><t>b</t></si></si></sst>"#,
        ] {
            assert!(read_workbook(&with_strings(sst)).is_err(), "{sst}");
        }
        // Indexes written otherwise than as plain digits are refused.
        for v in ["&#49;", " 1", "+1", "", "99999999999999999999999"] {
            let cells = format!(r#"<row r="1"><c r="A1" t="s"><v>{v}</v></c></row>"#);
            assert_eq!(
                read_workbook(&xlsx(&cells, "")),
                Err(WorkbookError::NotSpreadsheet),
                "{v}"
            );
        }
    }

    #[test]
    fn references_calamine_would_overflow_on_are_refused() {
        for (cells, after) in [
            (r#"<row r="1"><c r="A99999999999"><v>1</v></c></row>"#, ""),
            (r#"<row r="1"><c r="AAAAAAAAA1"><v>1</v></c></row>"#, ""),
            (r#"<row r="1"><c r="A0"><v>1</v></c></row>"#, ""),
            (r#"<row r="99999999999"><c><v>1</v></c></row>"#, ""),
            ("", r#"<mergeCells><mergeCell ref="B2:A1"/></mergeCells>"#),
        ] {
            assert_eq!(
                read_workbook(&xlsx(cells, after)),
                Err(WorkbookError::NotSpreadsheet),
                "{cells}{after}"
            );
        }
        let mut counter = Tokens::new(OdsCounter::default());
        let rows = r#"<table:table-row table:number-rows-repeated="9223372036854775807"><table:table-cell/></table:table-row>"#;
        let xml = format!("<table:table>{rows}{rows}</table:table>");
        assert!(counter.write_all(xml.as_bytes()).is_err());
    }

    /// A ZIP of one deflated entry of `len` bytes of `a`, built by hand: one
    /// fixed-Huffman block of a literal and 258-byte copies (13 bits each),
    /// so making it takes no compressor's time.
    fn bomb(name: &str, len: usize) -> Vec<u8> {
        let mut data = Vec::new();
        let (mut acc, mut bits) = (0u32, 0u32);
        let mut put = |data: &mut Vec<u8>, value: u32, count: u32| {
            acc |= value << bits;
            bits += count;
            while bits >= 8 {
                data.push(acc as u8);
                acc >>= 8;
                bits -= 8;
            }
        };
        // Huffman codes go most significant bit first.
        let code = |c: u32, n: u32| (0..n).fold(0, |r, i| r | ((c >> i) & 1) << (n - 1 - i));
        put(&mut data, 0b011, 3); // final block, fixed Huffman
        put(&mut data, code(0x30 + u32::from(b'a'), 8), 8);
        let mut written = 1;
        while written + 258 <= len {
            put(&mut data, code(0b1100_0101, 8), 8); // length 258
            put(&mut data, 0, 5); // distance 1
            written += 258;
        }
        while written < len {
            put(&mut data, code(0x30 + u32::from(b'a'), 8), 8);
            written += 1;
        }
        put(&mut data, 0, 7); // end of block
        put(&mut data, 0, 7);
        let (name, size, packed) = (name.as_bytes(), len as u32, data.len() as u32);
        let mut out = Vec::new();
        let fields = |out: &mut Vec<u8>| {
            out.extend(20u16.to_le_bytes()); // version needed
            out.extend(0u16.to_le_bytes()); // flags
            out.extend(8u16.to_le_bytes()); // deflated
            out.extend([0, 0, 0x21, 0]); // time, date
            out.extend(0u32.to_le_bytes()); // CRC: never reached
            out.extend(packed.to_le_bytes());
            out.extend(size.to_le_bytes());
            out.extend((name.len() as u16).to_le_bytes());
            out.extend(0u16.to_le_bytes()); // extra
        };
        out.extend(b"PK\x03\x04");
        fields(&mut out);
        out.extend(name);
        out.extend(&data);
        let central = out.len() as u32;
        out.extend(b"PK\x01\x02");
        out.extend(20u16.to_le_bytes()); // made by
        fields(&mut out);
        out.extend([0; 8]); // comment, disk, attributes
        out.extend(0u32.to_le_bytes()); // external attributes
        out.extend(0u32.to_le_bytes()); // local header offset
        out.extend(name);
        let central_len = out.len() as u32 - central;
        out.extend(b"PK\x05\x06");
        out.extend([0, 0, 0, 0, 1, 0, 1, 0]);
        out.extend(central_len.to_le_bytes());
        out.extend(central.to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out
    }

    #[test]
    fn a_zip_bomb_is_refused_before_it_is_inflated_into_memory() {
        // The builder is right: a small entry inflates to its bytes.
        let small = bomb("a.txt", 1000);
        let mut archive = zip::ZipArchive::new(Cursor::new(&small[..])).unwrap();
        let mut text = Vec::new();
        let _ = archive.by_index(0).unwrap().read_to_end(&mut text);
        assert_eq!(text, vec![b'a'; 1000]);
        let bomb = bomb(
            "xl/worksheets/sheet1.xml",
            MAX_INFLATED_BYTES + 50 * 1024 * 1024,
        );
        assert!(bomb.len() < 2 * 1024 * 1024, "{}", bomb.len());
        assert_eq!(read_workbook(&bomb), Err(WorkbookError::Bomb));
    }

    #[test]
    fn an_ods_repeating_a_cell_a_billion_times_is_refused() {
        let mut counter = Tokens::new(OdsCounter::default());
        let xml = br#"<office:document-content><office:body><office:spreadsheet><table:table table:name="S"><table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="3" office:value-type="float" office:value="1"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
        assert!(counter.write_all(xml).is_err());
        assert!(
            counter.scan.cells > MAX_TABLE_CELLS,
            "{}",
            counter.scan.cells
        );
        let mut counter = Tokens::new(OdsCounter::default());
        let xml = br#"<table:table table:name="S"><table:table-row><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="2000000000"/></table:table-row></table:table>"#;
        assert!(counter.write_all(xml).is_err());
        // What LibreOffice writes after the last row is not counted.
        let mut counter = Tokens::new(OdsCounter::default());
        let xml = br#"<table:table table:name="S"><table:table-row><table:table-cell office:value-type="string"><text:p>a &gt; b</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16383"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>"#;
        counter.write_all(xml).unwrap();
        assert_eq!(counter.scan.cells, 1);
    }

    #[test]
    fn random_and_cut_short_bytes_are_refused_never_panicking() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for size in [0, 1, 3, 4, 8, 100, 511, 512, 4096, 70_000] {
            for _ in 0..20 {
                let bytes = rng.bytes(size);
                assert!(read_workbook(&bytes).is_err());
                // The same behind each magic.
                for magic in [ZIP_MAGIC, CFB_MAGIC] {
                    let mut bytes = bytes.clone();
                    bytes.splice(0..0, magic.iter().copied());
                    assert!(read_workbook(&bytes).is_err());
                }
            }
        }
        let export = crate::render::xlsx::plan_xlsx(&crate::fixtures::demo::demo_plan(), Lang::Ko);
        for cut in (0..export.len()).step_by(export.len() / 97 + 1) {
            assert!(read_workbook(&export[..cut]).is_err(), "{cut}");
        }
        // Bytes changed here and there: read or refused, never a panic.
        for _ in 0..300 {
            let mut bytes = export.clone();
            for _ in 0..1 + rng.next() % 8 {
                let at = (rng.next() as usize) % bytes.len();
                bytes[at] = rng.next() as u8;
            }
            let _ = read_workbook(&bytes);
        }
    }

    #[test]
    fn a_clean_ole_file_holds_the_stream_as_written() {
        for len in [0, 10, 4095, 4096, 5000, 3 * 1024 * 1024] {
            let stream: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let file = clean_cfb(&stream);
            let cfb = Cfb::open(&file).unwrap();
            let entries = cfb.entries().unwrap();
            let (_, start, size) = entries.iter().find(|e| e.0 == "Workbook").unwrap();
            let back = cfb.stream(&entries, *start, *size).unwrap();
            assert_eq!(&back[..len], &stream[..]);
            assert!(back[len..].iter().all(|b| *b == 0));
        }
    }
}
