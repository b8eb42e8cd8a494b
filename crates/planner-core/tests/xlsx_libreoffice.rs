//! The exported workbook opens in a real spreadsheet program with the same
//! figures: LibreOffice (headless) converts the demo plan's XLSX to one CSV per
//! sheet, and the CSVs must hold the plan's figures as plain numbers.
//!
//! Needs `soffice` on PATH (`scripts/setup.sh` installs it). Without it the
//! test fails and says how to install it: a skipped round trip would hide a
//! workbook that Excel users cannot open.

use std::path::Path;
use std::process::Command;

mod common;
use common::{run_soffice, unique_dir};

use planner_core::fixtures::demo::demo_plan;
use planner_core::model::amount::Unit;
use planner_core::render::xlsx::plan_xlsx;
use planner_core::Lang;

const INSTALL: &str = "LibreOffice is needed for this test: run `bash scripts/setup.sh`, or \
     `apt-get update && apt-get install -y --no-install-recommends libreoffice-calc-nogui`";

/// Converts `files` in `dir` to one CSV per sheet (`<stem>-<sheet>.csv`) with
/// LibreOffice, in its own user profile, within two minutes.
fn convert_to_csv(dir: &Path, files: &[&str]) {
    let profile = dir.join("profile");
    let mut command = Command::new("soffice");
    command
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--norestore", "--convert-to"])
        // , separator, " quote, UTF-8, raw values (not as shown), every sheet (-1).
        .arg("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1")
        .arg("--outdir")
        .arg(dir)
        .args(files)
        .current_dir(dir);
    if run_soffice(&mut command).is_err() {
        panic!("`soffice` not found on PATH. {INSTALL}");
    }
}

/// Reads a CSV file LibreOffice wrote (RFC 4180, LF or CRLF) into records.
fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{} was not written: {e}", path.display()));
    let text = text.trim_start_matches('\u{FEFF}');
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, other) => field.push(other),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, other) => field.push(other),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// The record whose first field is `label` and that holds `second` next, with
/// trailing empty fields dropped.
fn row(records: &[Vec<String>], label: &str, second: &str) -> Vec<String> {
    let found = records
        .iter()
        .find(|r| {
            r.first().map(String::as_str) == Some(label)
                && r.get(1).map(String::as_str) == Some(second)
        })
        .unwrap_or_else(|| panic!("no row {label},{second} in {records:#?}"));
    let mut found = found.clone();
    while found.last().is_some_and(String::is_empty) {
        found.pop();
    }
    found
}

#[test]
fn libreoffice_reads_the_same_figures_from_the_workbook() {
    let dir = unique_dir("xlsx-round-trip");
    let plan = demo_plan();
    std::fs::write(dir.join("demo.xlsx"), plan_xlsx(&plan, Lang::Ko)).unwrap();
    let mut in_millions = demo_plan();
    in_millions.unit = Unit::Million;
    std::fs::write(dir.join("millions.xlsx"), plan_xlsx(&in_millions, Lang::En)).unwrap();

    convert_to_csv(&dir, &["demo.xlsx", "millions.xlsx"]);

    // §1.1 예산현황, 천원: the 계 row first, then the rows; the cut as a negative number.
    let status = read_csv(&dir.join("demo-예산현황.csv"));
    assert_eq!(status[0][0], "예산현황");
    assert!(status
        .iter()
        .any(|r| r.last().map(String::as_str) == Some("(단위: 천원)")));
    let total = row(&status, "계", "1780060");
    assert_eq!(total, ["계", "1780060", "654714", "1125346"]);
    assert_eq!(
        row(&status, "기본경비", "75762"),
        ["기본경비", "75762", "97396", "-21634"]
    );
    let total_at = status.iter().position(|r| r[0] == "계").unwrap();
    let first_at = status
        .iter()
        .position(|r| r[0] == "사회적경제 활성화")
        .unwrap();
    assert!(total_at < first_at, "계 comes first");

    // §1.2 소요예산: 1,167,388천원 (국 622,500, 시 247,313, 구비 297,575).
    let schedules = read_csv(&dir.join("demo-소요예산.csv"));
    assert!(schedules
        .iter()
        .any(|r| r == &["계", "1167388", "0", "1167388", "0"]));
    assert!(schedules
        .iter()
        .any(|r| r == &["국비", "622500", "0", "622500", "0"]));
    assert!(schedules
        .iter()
        .any(|r| r == &["시비", "247313", "0", "247313", "0"]));
    assert!(schedules
        .iter()
        .any(|r| r == &["구비", "297575", "0", "297575", "0"]));

    // §1.3 and §1.4 공약: the schedule in 천원, the indicator with its 64.7% rate.
    let pledges = read_csv(&dir.join("demo-공약.csv"));
    assert_eq!(
        row(&pledges, "계", "3528000"),
        ["계", "3528000", "0", "3528000", "598000", "725000", "735000", "735000", "735000", "0"]
    );
    assert_eq!(
        row(&pledges, "시비", "2450000"),
        [
            "시비", "2450000", "0", "2450000", "440000", "540000", "500000", "490000", "480000",
            "0"
        ]
    );
    assert_eq!(
        row(&pledges, "목표", "3000"),
        ["목표", "3000", "500", "550", "600", "650", "700", "64.7"]
    );
    assert_eq!(
        row(&pledges, "실적", "1941"),
        ["실적", "1941", "632", "967", "342", "-", "-"]
    );

    // §1.5 인력: quota 16, current 16; 6급 one short.
    let staffing = read_csv(&dir.join("demo-인력.csv"));
    assert_eq!(row(&staffing, "계", ""), ["계", "", "16", "16", "0"]);
    assert_eq!(
        row(&staffing, "일반직", "6급"),
        ["일반직", "6급", "5", "4", "-1"]
    );

    // The same plan shown in 백만원 (English): the pledge table as seed 003 prints it,
    // and the status table footed in the shown unit.
    let pledges = read_csv(&dir.join("millions-Pledges.csv"));
    assert_eq!(
        row(&pledges, "Total", "3528"),
        ["Total", "3528", "0", "3528", "598", "725", "735", "735", "735", "0"]
    );
    assert_eq!(
        row(&pledges, "District", "1078"),
        ["District", "1078", "0", "1078", "158", "185", "235", "245", "255", "0"]
    );
    let status = read_csv(&dir.join("millions-Budget status.csv"));
    let total = row(&status, "Total", "1780");
    let rows: Vec<Vec<String>> = [
        "사회적경제 활성화",
        "구정의 민관협치 활성화",
        "청년의 행복한 사회진입 환경조성",
        "기본경비",
    ]
    .iter()
    .map(|name| status.iter().find(|r| r[0] == *name).unwrap().clone())
    .collect();
    for column in 1..=3 {
        let sum: i64 = rows.iter().map(|r| r[column].parse::<i64>().unwrap()).sum();
        assert_eq!(
            sum,
            total[column].parse::<i64>().unwrap(),
            "column {column} foots as shown"
        );
    }

    let _ = std::fs::remove_dir_all(&dir);
}
