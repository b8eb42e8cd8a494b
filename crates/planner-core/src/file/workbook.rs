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
/// sheet of [`MAX_TABLE_CELLS`] cells is some 50 MB of XML, and nothing the
/// app reads needs more.
pub const MAX_INFLATED_BYTES: usize = 100 * 1024 * 1024;

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
                "시트가 너무 큽니다. A1부터 세어 칸이 {MAX_TABLE_CELLS}개를 넘습니다(멀리 떨어진 칸에 값이 있는지 확인하세요). 아무것도 바뀌지 않았습니다."
            ),
            (WorkbookError::TooManyCells, Lang::En) => format!(
                "The sheets are too large: more than {MAX_TABLE_CELLS} cells counted from A1 (check for a value in a far-away cell). Nothing changed."
            ),
            (WorkbookError::NoSheets, Lang::Ko) => "통합 문서에 워크시트가 없습니다. 아무것도 바뀌지 않았습니다.".into(),
            (WorkbookError::NoSheets, Lang::En) => "The workbook has no worksheet. Nothing changed.".into(),
        }
    }
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

fn data_ref_text(data: &DataRef<'_>) -> (String, bool) {
    match data {
        DataRef::SharedString(s) => ((*s).to_string(), true),
        DataRef::String(s) => (s.clone(), true),
        DataRef::Empty => (String::new(), false),
        DataRef::Float(f) => (float_text(*f), false),
        DataRef::Int(i) => (i.to_string(), false),
        DataRef::Bool(b) => (if *b { "TRUE" } else { "FALSE" }.into(), false),
        DataRef::Error(e) => (e.to_string(), false),
        DataRef::DateTime(d) => (d.to_string(), false),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => (s.clone(), false),
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
        let height = self.height.max(row as usize + 1);
        let width = self.width.max(column as usize + 1);
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

fn read_xlsx(mut xlsx: Xlsx<Cursor<&[u8]>>) -> Result<Vec<Sheet>, WorkbookError> {
    let names: Vec<String> = xlsx
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
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
/// refused before calamine inflates anything into memory; an ODS's
/// `content.xml` is counted for cells on the way.
fn check_zip(bytes: &[u8]) -> Result<(), WorkbookError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| WorkbookError::NotSpreadsheet)?;
    let mut total = 0usize;
    for i in 0..archive.len() {
        let entry = match archive.by_index(i) {
            Ok(entry) => entry,
            Err(zip::result::ZipError::UnsupportedArchive(m)) if m.contains("assword") => {
                return Err(WorkbookError::Protected)
            }
            Err(_) => return Err(WorkbookError::NotSpreadsheet),
        };
        let is_content = entry.name() == "content.xml";
        // One past the room left: reading that far means too much.
        let room = (MAX_INFLATED_BYTES - total) as u64 + 1;
        let mut limited = entry.take(room);
        let read = if is_content {
            let mut counter = OdsCounter::default();
            let copied = std::io::copy(&mut limited, &mut counter);
            if counter.cells > MAX_TABLE_CELLS {
                return Err(WorkbookError::TooManyCells);
            }
            if counter.malformed {
                return Err(WorkbookError::NotSpreadsheet);
            }
            copied
        } else {
            std::io::copy(&mut limited, &mut std::io::sink())
        }
        .map_err(|_| WorkbookError::NotSpreadsheet)?;
        total = total.saturating_add(usize::try_from(read).unwrap_or(usize::MAX));
        if total > MAX_INFLATED_BYTES {
            return Err(WorkbookError::Bomb);
        }
    }
    Ok(())
}

/// Counts, from an ODS's `content.xml` as it inflates, at least the cells
/// calamine will build: a row or cell repeated a billion times is a few
/// bytes of XML. Conservative: any cell with content counts as a value.
#[derive(Default)]
struct OdsCounter {
    tag: Vec<u8>,
    in_tag: bool,
    quote: Option<u8>,
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
    malformed: bool,
}

impl OdsCounter {
    fn attribute(tag: &[u8], name: &[u8]) -> Option<usize> {
        let at = tag.windows(name.len()).position(|w| w == name)?;
        let rest = &tag[at + name.len()..];
        let rest = rest
            .strip_prefix(b"=\"")
            .or_else(|| rest.strip_prefix(b"='"))?;
        let end = rest.iter().position(|b| *b == b'"' || *b == b'\'')?;
        std::str::from_utf8(&rest[..end]).ok()?.trim().parse().ok()
    }

    fn has(tag: &[u8], name: &[u8]) -> bool {
        tag.windows(name.len()).any(|w| w == name)
    }

    fn name(tag: &[u8]) -> &[u8] {
        let end = tag
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/')
            .unwrap_or(tag.len());
        &tag[..end]
    }

    fn end_row(&mut self) {
        self.rows = self.rows.saturating_add(self.row_repeats);
        if self.row_len > 0 {
            self.rows_used = self.rows;
            self.width = self.width.max(self.row_len);
        }
        self.row_repeats = 0;
        self.row_len = 0;
        self.pending = 0;
        self.tally();
    }

    fn end_table(&mut self) {
        self.tally();
        self.done = self.cells;
        self.rows = 0;
        self.rows_used = 0;
        self.width = 0;
    }

    fn tally(&mut self) {
        let here = self
            .rows_used
            .max(1)
            .saturating_mul(self.width.max(self.row_len));
        self.cells = self.cells.max(self.done.saturating_add(here));
    }

    fn tag(&mut self) {
        let tag = std::mem::take(&mut self.tag);
        if let Some(name) = tag.strip_prefix(b"/") {
            match OdsCounter::name(name) {
                b"table:table-row" => self.end_row(),
                b"table:table" => self.end_table(),
                _ => {}
            }
        } else if !tag.starts_with(b"!") && !tag.starts_with(b"?") {
            let closed = tag.ends_with(b"/");
            match OdsCounter::name(&tag) {
                b"table:table-row" => {
                    self.row_repeats =
                        OdsCounter::attribute(&tag, b"table:number-rows-repeated").unwrap_or(1);
                    self.row_len = 0;
                    self.pending = 0;
                    if closed {
                        self.end_row();
                    }
                }
                b"table:table-cell" | b"table:covered-table-cell" => {
                    let repeats =
                        OdsCounter::attribute(&tag, b"table:number-columns-repeated").unwrap_or(1);
                    let valued = !closed
                        || OdsCounter::has(&tag, b"office:value-type")
                        || OdsCounter::has(&tag, b"table:formula");
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
                b"table:table" if closed => self.end_table(),
                _ => {}
            }
        }
        self.tag = tag;
        self.tag.clear();
    }
}

impl Write for OdsCounter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for &b in buf {
            if !self.in_tag {
                if b == b'<' {
                    self.in_tag = true;
                    self.tag.clear();
                }
                continue;
            }
            let special = self.tag.first().is_some_and(|c| *c == b'!' || *c == b'?');
            match (self.quote, b) {
                (Some(q), _) if q == b => self.quote = None,
                (None, b'"' | b'\'') if !special => self.quote = Some(b),
                (None, b'>') => {
                    // A comment or CDATA section ends only at `-->` or `]]>`.
                    let open = (self.tag.starts_with(b"!--") && !self.tag.ends_with(b"--"))
                        || (self.tag.starts_with(b"![CDATA[") && !self.tag.ends_with(b"]]"));
                    if !open {
                        self.in_tag = false;
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
        if self.cells > MAX_TABLE_CELLS || self.malformed {
            return Err(std::io::Error::other("refused"));
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
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

/// A clean OLE file (version 4, 4096-byte sectors) holding only `stream` as
/// `Workbook`: what calamine reads instead of the file brought in.
fn clean_cfb(stream: &[u8]) -> Vec<u8> {
    const SIZE: usize = 4096;
    let mut data = stream.to_vec();
    data.resize(data.len().max(4096).next_multiple_of(SIZE), 0);
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

/// Walks the BIFF records the way calamine does and refuses what calamine
/// would index past or size from unchecked: short records, sheet offsets
/// past the stream, used ranges and cells beyond the cell limit.
fn check_biff(stream: &[u8]) -> Result<(), WorkbookError> {
    let bad = Err(WorkbookError::NotSpreadsheet);
    let records = |from: usize| {
        let mut at = from;
        std::iter::from_fn(move || {
            let typ = u16_at(stream, at)?;
            let len = u16_at(stream, at + 2)? as usize;
            let data = stream.get(at + 4..at + 4 + len)?;
            at += 4 + len;
            Some((typ, data))
        })
    };
    let mut sheets = Vec::new();
    for (typ, data) in records(0) {
        let len = data.len();
        match typ {
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
                // bytes), and the formula: the last `cce` bytes.
                let cch = data.get(3).copied().unwrap_or(0) as usize;
                let cce = u16_at(data, 4).unwrap_or(0) as usize;
                if len < 15 + cch || len < cce {
                    return bad;
                }
                let rgce = &data[len - cce..];
                let need = match rgce.first() {
                    Some(0x3a | 0x5a | 0x7a) => 7,
                    Some(0x3b | 0x5b | 0x7b) => 11,
                    Some(0x3c | 0x5c | 0x7c | 0x3d | 0x5d | 0x7d) => 3,
                    _ => 0,
                };
                if rgce.len() < need {
                    return bad;
                }
            }
            0x0017 => {
                let count = u16_at(data, 0).unwrap_or(0) as usize;
                if len < 2 || ((len - 2) % 6 != 0 && count * 6 > len - 2) {
                    return bad;
                }
            }
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
        for (typ, data) in records(pos) {
            let len = data.len();
            let mut at = |row: usize, column: usize| {
                height = height.max(row + 1);
                width = width.max(column + 1);
            };
            match typ {
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
                0x0203 | 0x0204 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                    if let (Some(r), Some(c)) = (u16_at(data, 0), u16_at(data, 2)) {
                        at(r as usize, c as usize);
                    }
                }
                0x00BD => {
                    if let (Some(r), Some(c0), Some(c1)) = (
                        u16_at(data, 0),
                        u16_at(data, 2),
                        u16_at(data, len.saturating_sub(2)),
                    ) {
                        at(r as usize, c0.max(c1) as usize);
                    }
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
    let stream = cfb
        .stream(&entries, *start, *len)
        .ok_or(WorkbookError::NotSpreadsheet)?;
    check_biff(&stream)?;
    let mut xls = match Xls::new(Cursor::new(clean_cfb(&stream))) {
        Ok(xls) => xls,
        Err(calamine::XlsError::Password) => return Err(WorkbookError::Protected),
        Err(_) => return Err(WorkbookError::NotSpreadsheet),
    };
    let names: Vec<String> = xls
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
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
