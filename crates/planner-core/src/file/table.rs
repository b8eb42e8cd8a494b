//! Tables brought in from spreadsheets (issue 19): the text of a CSV file as
//! Excel and LibreOffice write it, or of a range copied out of one, read into
//! rows of cells, and the unit its caption states (`(단위: 천원)`). What the
//! cells mean (a 예산현황 table, a schedule, totals to check) is for the
//! importer above; this reads text only, and is bounded: a 50 MB sheet or a
//! million cells is refused before anything is built.
//!
//! Encodings: UTF-8, with or without a byte order mark, is read here. Korean
//! Excel still writes CSV in CP949 (EUC-KR); that text is not UTF-8, and
//! [`text_of`] says so, so that the importer decodes it
//! (`file::import::read_file`, with `encoding_rs`, which calamine brings along
//! into the import's part anyway).

use std::borrow::Cow;

use crate::model::amount::Unit;
use crate::model::limits::MAX_FILE_BYTES;

/// The most cells a file brought in may have: a district's own CSV export
/// (2,000 programs, 10 years, 5 sources, with line items and pledges) is 1.8
/// million; a 예산현황 is a few thousand rows of a handful of columns.
pub const MAX_TABLE_CELLS: usize = 2_500_000;

/// Why a table could not be read; nothing was built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableError {
    /// Larger than any file the app reads.
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// Not UTF-8 text: CP949 for the browser to decode, or not text at all.
    NotUtf8,
    /// Not text: it holds NUL bytes (a workbook, an image, random bytes).
    NotText,
    /// More cells than [`MAX_TABLE_CELLS`].
    TooManyCells,
    /// A quoted cell never closed; `row` is 1-based, where it opened.
    UnclosedQuote {
        /// The row where the quote opened.
        row: usize,
    },
}

/// A file's bytes as text: UTF-8 with its byte order mark taken off.
pub fn text_of(bytes: &[u8]) -> Result<Cow<'_, str>, TableError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(TableError::TooLarge { bytes: bytes.len() });
    }
    if bytes.contains(&0) {
        return Err(TableError::NotText);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes)
        .map(Cow::Borrowed)
        .map_err(|_| TableError::NotUtf8)
}

/// The separator of a table's text: a tab for a range copied from a
/// spreadsheet (its first line has one), else a comma.
pub fn separator_of(text: &str) -> char {
    let first = text.lines().next().unwrap_or("");
    if first.contains('\t') {
        '\t'
    } else {
        ','
    }
}

/// Rows of cells, as RFC 4180 reads them: `separator` between cells, a
/// quoted cell may hold separators, line ends and doubled quotes; a line ends
/// with CRLF, LF or CR. The text's last line end adds no empty row.
pub fn read_rows(text: &str, separator: char) -> Result<Vec<Vec<String>>, TableError> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut cells = 0usize;
    let mut quoted_since: Option<usize> = None;
    let mut chars = text.chars().peekable();
    // Whether anything of the current row was read (so a final line end adds no row).
    let mut started = false;
    let mut end_cell = |row: &mut Vec<String>, cell: &mut String| -> Result<(), TableError> {
        cells += 1;
        if cells > MAX_TABLE_CELLS {
            return Err(TableError::TooManyCells);
        }
        row.push(std::mem::take(cell));
        Ok(())
    };
    while let Some(c) = chars.next() {
        if quoted_since.is_some() {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted_since = None,
                other => cell.push(other),
            }
            continue;
        }
        started = true;
        match c {
            '"' if cell.is_empty() => quoted_since = Some(rows.len() + 1),
            c if c == separator => end_cell(&mut row, &mut cell)?,
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                end_cell(&mut row, &mut cell)?;
                rows.push(std::mem::take(&mut row));
                started = false;
            }
            other => cell.push(other),
        }
    }
    if let Some(row) = quoted_since {
        return Err(TableError::UnclosedQuote { row });
    }
    if started {
        end_cell(&mut row, &mut cell)?;
        rows.push(row);
    }
    Ok(rows)
}

/// The unit a table's caption states, in the first rows: `(단위: 천원)`,
/// `단위:백만원`, `(Unit: KRW 1,000)`. `None` when no caption says.
pub fn caption_unit(rows: &[Vec<String>]) -> Option<Unit> {
    rows.iter()
        .take(5)
        .flatten()
        .find_map(|cell| unit_in_caption(cell))
}

/// What a caption says the unit is, as written, spaces dropped:
/// `(단위: 건)` → `건`, `(Unit: KRW 1,000)` → `KRW1,000`.
pub fn caption_text(cell: &str) -> Option<String> {
    let compact: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    let rest = compact
        .split_once("단위:")
        .or_else(|| compact.split_once("Unit:"))
        .map(|(_, rest)| rest)?;
    Some(rest.trim_end_matches([')', ']']).to_string())
}

fn unit_in_caption(cell: &str) -> Option<Unit> {
    match caption_text(cell)?.as_str() {
        "백만원" | "KRW1,000,000" | "KRWmillion" => Some(Unit::Million),
        "천원" | "KRW1,000" | "KRWthousand" => Some(Unit::Thousand),
        "원" | "KRW" => Some(Unit::Won),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::demo::demo_plan;
    use crate::model::words::Lang;
    use crate::render::csv::plan_csv;

    fn rows(text: &str) -> Vec<Vec<String>> {
        read_rows(text, separator_of(text)).unwrap()
    }

    #[test]
    fn the_apps_own_csv_export_reads_back_cell_for_cell() {
        for lang in [Lang::Ko, Lang::En] {
            let bytes = plan_csv(&demo_plan(), lang);
            let text = text_of(&bytes).unwrap();
            assert!(
                !text.starts_with('\u{feff}'),
                "the byte order mark is not a cell"
            );
            let table = read_rows(&text, separator_of(&text)).unwrap();
            let header = &table[0];
            assert_eq!(table.len(), text.matches("\r\n").count(), "a row per line");
            assert!(
                table.iter().all(|r| r.len() == header.len()),
                "every row as wide as the header"
            );
            // Writing the cells again as the export quotes them gives the file back.
            let quote = |c: &String| {
                if c.contains([',', '"', '\r', '\n']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            };
            let again: String = table
                .iter()
                .map(|r| r.iter().map(quote).collect::<Vec<_>>().join(",") + "\r\n")
                .collect();
            assert_eq!(again, text);
        }
    }

    #[test]
    fn quotes_line_ends_and_separators_read_as_a_spreadsheet_does() {
        assert_eq!(rows("a,b\r\nc,d\r\n"), [["a", "b"], ["c", "d"]]);
        assert_eq!(
            rows("a,b\nc,d"),
            [["a", "b"], ["c", "d"]],
            "LF, no final line end"
        );
        assert_eq!(rows("a\rb\r"), [["a"], ["b"]], "old Mac line ends");
        assert_eq!(
            rows("\"1,234\",\"say \"\"hi\"\"\"\n"),
            [["1,234", "say \"hi\""]]
        );
        assert_eq!(rows("\"two\nlines\",x\n"), [["two\nlines", "x"]]);
        assert_eq!(rows("a,,\n"), [["a", "", ""]], "empty cells count");
        assert_eq!(
            rows("a\n\nb\n"),
            vec![vec!["a"], vec![""], vec!["b"]],
            "an empty line is an empty row"
        );
        assert_eq!(rows(""), Vec::<Vec<String>>::new());
        // A range copied from a spreadsheet: tabs.
        assert_eq!(
            rows("사업명\t예산액\r\n청년\t△1,234\r\n"),
            [["사업명", "예산액"], ["청년", "△1,234"]]
        );
        // A quote inside an unquoted cell is text.
        assert_eq!(rows("5\"\n"), [["5\""]]);
        assert_eq!(
            read_rows("a\n\"open,\nnever closed", ','),
            Err(TableError::UnclosedQuote { row: 2 })
        );
    }

    #[test]
    fn bytes_that_are_not_utf8_text_are_said_to_be_so_and_nothing_else() {
        assert_eq!(text_of(b"\xEF\xBB\xBFa,b").unwrap(), "a,b");
        assert_eq!(text_of("사업,1".as_bytes()).unwrap(), "사업,1");
        // "사업" in CP949: for the importer to decode.
        assert_eq!(text_of(b"\xBB\xE7\xBE\xF7,1"), Err(TableError::NotUtf8));
        assert_eq!(text_of(b"PK\x03\x04\x00\x00"), Err(TableError::NotText));
        let huge = vec![b'a'; MAX_FILE_BYTES + 1];
        assert_eq!(
            text_of(&huge),
            Err(TableError::TooLarge {
                bytes: MAX_FILE_BYTES + 1
            })
        );
        let many = ",".repeat(MAX_TABLE_CELLS);
        assert_eq!(read_rows(&many, ','), Err(TableError::TooManyCells));
    }

    #[test]
    fn a_caption_states_the_unit_in_either_language() {
        let caption =
            |c: &str| caption_unit(&[vec!["예산현황".into()], vec![String::new(), c.into()]]);
        assert_eq!(caption("(단위: 천원)"), Some(Unit::Thousand));
        assert_eq!(caption("단위:백만원"), Some(Unit::Million));
        assert_eq!(caption("( 단위 : 원 )"), Some(Unit::Won));
        assert_eq!(caption("(Unit: KRW 1,000)"), Some(Unit::Thousand));
        assert_eq!(caption("(Unit: KRW 1,000,000)"), Some(Unit::Million));
        assert_eq!(caption("(단위: 명)"), None, "a count is no money unit");
        assert_eq!(caption("천원"), None);
    }
}
