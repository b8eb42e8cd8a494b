//! Workbooks a real spreadsheet program wrote read back (file::workbook):
//! LibreOffice (headless) turns a small CSV into XLSX, XLS and ODS, and each
//! must read as the same cells. The XLS and ODS are then damaged here and
//! there: read or refused, never a panic (the app's release build aborts).
//!
//! Needs `soffice` on PATH (`scripts/setup.sh` installs it); without it the
//! test says so and passes, since tests/xlsx_libreoffice.rs already fails
//! loudly for a missing LibreOffice.

use std::path::Path;
use std::process::Command;

mod common;
use common::{run_soffice, unique_dir, Rng};

use planner_core::file::workbook::{read_workbook, Sheet};

/// Figures, Korean text, and formulas (LibreOffice evaluates them on import:
/// each format keeps the result, which is what is read).
const CSV: &str = "사업명,예산액,비율,비고\n청년 창업 지원,1167388,0.5,신규\n기본경비,-21634,12.25,\n계,=SUM(B2:B3),=1/0,=B2*2\n";

/// Converts `dir/table.csv` to `format` with LibreOffice in its own profile;
/// `None` when `soffice` is not installed.
fn convert(dir: &Path, format: &str) -> Option<Vec<u8>> {
    let mut command = Command::new("soffice");
    command
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        ))
        .args(["--headless", "--norestore", "--infilter=CSV:44,34,76,1"])
        .args(["--convert-to", format, "--outdir"])
        .arg(dir)
        .arg(dir.join("table.csv"))
        .current_dir(dir);
    run_soffice(&mut command).ok()?;
    Some(std::fs::read(dir.join(format!("table.{format}"))).unwrap())
}

fn check_cells(format: &str, sheets: &[Sheet]) {
    assert_eq!(sheets.len(), 1, "{format}");
    let rows = &sheets[0].rows;
    assert_eq!(rows.len(), 4, "{format}: {rows:?}");
    assert_eq!(rows[0], ["사업명", "예산액", "비율", "비고"], "{format}");
    assert_eq!(
        rows[1],
        ["청년 창업 지원", "1167388", "0.5", "신규"],
        "{format}"
    );
    assert_eq!(rows[2], ["기본경비", "-21634", "12.25", ""], "{format}");
    // LibreOffice keeps a formula error in an ODS as an empty string value
    // (`office:string-value=""`, the error only in `calcext:value-type`),
    // which calamine reads as an empty cell.
    let error = if format == "ods" { "" } else { "#DIV/0!" };
    assert_eq!(rows[3], ["계", "1145754", error, "2334776"], "{format}");
}

#[test]
fn workbooks_libreoffice_writes_read_back_and_damaged_ones_never_panic() {
    let dir = unique_dir("workbook");
    std::fs::write(dir.join("table.csv"), CSV).unwrap();
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for format in ["xlsx", "xls", "ods"] {
        let Some(bytes) = convert(&dir, format) else {
            eprintln!(
                "note: `soffice` is not on PATH; workbooks LibreOffice writes were not tried"
            );
            return;
        };
        check_cells(format, &read_workbook(&bytes).unwrap());
        for cut in (0..bytes.len()).step_by(bytes.len() / 200 + 1) {
            assert!(
                read_workbook(&bytes[..cut]).is_err(),
                "{format} cut at {cut}"
            );
        }
        let rounds = std::env::var("WORKBOOK_FUZZ_ROUNDS")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(2000);
        for _ in 0..rounds {
            let mut damaged = bytes.clone();
            for _ in 0..1 + rng.next() % 6 {
                let at = (rng.next() as usize) % (damaged.len() - 1);
                match rng.next() % 4 {
                    0 | 1 => damaged[at] = rng.next() as u8,
                    // Lengths and counts: zero, one, the largest.
                    2 => {
                        let value: u16 = [0, 1, 0xFF, 0x7FFF, 0xFFFF][rng.next() as usize % 5];
                        damaged[at..at + 2].copy_from_slice(&value.to_le_bytes());
                    }
                    _ => {
                        damaged.remove(at);
                    }
                }
            }
            if std::env::var_os("WORKBOOK_FUZZ_DUMP").is_some() {
                std::fs::write("/tmp/workbook-damaged.bin", &damaged).unwrap();
            }
            let _ = read_workbook(&damaged);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
