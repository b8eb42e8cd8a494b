//! `plancheck` run as a user would: on the shipped examples, on plans with
//! mistakes, and on damaged and hostile files, which must be refused with a
//! message and exit status 2, never a panic.

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use planner_core::file::encode;
use planner_core::fixtures::demo::{demo_plan, rounding_example_program};
use planner_core::model::amount::Unit;
use planner_core::model::plan::{Plan, YearRange};

const APP_VERSION: &str = "0.1.0";
const SAVED_AT: &str = "2026-11-23T00:00:00Z";

fn examples_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples"))
}

fn demo_text() -> String {
    encode(&demo_plan(), APP_VERSION, SAVED_AT)
}

/// A file under the temp dir, unique to this process and test, removed on drop.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &[u8]) -> TempFile {
        let path =
            std::env::temp_dir().join(format!("plancheck-test-{}-{name}", std::process::id()));
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn plancheck(args: &[&str], files: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plancheck"))
        .args(args)
        .args(files)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Exit 2, a "cannot read" message naming the file, and no panic.
fn assert_refused(name: &str, contents: &[u8]) -> String {
    let file = TempFile::new(name, contents);
    assert_refused_path(file.path())
}

fn assert_refused_path(path: &Path) -> String {
    let output = plancheck(&[], &[path]);
    let err = stderr(&output);
    assert_eq!(
        output.status.code(),
        Some(2),
        "{}: stdout {:?} stderr {err:?}",
        path.display(),
        stdout(&output)
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.contains(&format!("{}: cannot read: ", path.display())),
        "{err}"
    );
    assert!(!stdout(&output).contains("clean"), "{}", stdout(&output));
    err
}

#[test]
fn shipped_examples_are_clean() {
    let demo = examples_dir().join("demo-plan.json");
    let large = examples_dir().join("large-plan.json");
    let output = plancheck(&[], &[&demo, &large]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{out}{}", stderr(&output));
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.lines().all(|l| l.ends_with(": clean")), "{out}");
    for file in [&demo, &large] {
        let output = plancheck(&["--lang", "ko"], &[file]);
        assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    }
}

#[test]
fn help_and_usage() {
    let output = plancheck(&["--help"], &[]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("Usage: plancheck"));
    let output = plancheck(&[], &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("Usage: plancheck"));
    let output = plancheck(&["--lang", "fr", "x.json"], &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!stderr(&output).contains("panicked"));
}

#[test]
fn a_mistyped_share_is_an_error() {
    let text = demo_text();
    assert!(text.contains("\"297575000\""));
    let file = TempFile::new(
        "mistyped.json",
        text.replace("\"297575000\"", "\"297574000\"").as_bytes(),
    );
    let output = plancheck(&[], &[file.path()]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(out.contains("shares.mismatch"), "{out}");
    assert!(out.contains("1 short"), "{out}");
    assert!(
        out.contains("error shares.mismatch at program 6 “사회적경제기업 육성 및 역량 강화”"),
        "{out}"
    );
    assert!(out.contains("[cell program-6-total-total]"), "{out}");
    assert!(out.contains(": 1 error, 0 warnings"), "{out}");

    let output = plancheck(&["--lang", "ko"], &[file.path()]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(out.contains("shares.mismatch"), "{out}");
    assert!(out.contains("1 부족"), "{out}");
}

#[test]
fn a_difference_within_rounding_is_only_a_warning() {
    // As in seed_figures.rs: rows kept in won, stated in 백만원, one unit apart.
    let program = rounding_example_program();
    let mut plan = Plan::new("시험", YearRange::new(2019, 2023), Unit::Thousand);
    plan.programs.push(program);
    let file = TempFile::new(
        "rounding.json",
        encode(&plan, APP_VERSION, SAVED_AT).as_bytes(),
    );
    let output = plancheck(&[], &[file.path()]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert!(
        out.contains("warning shares.rounding at program 1 “국가 사업비 추정” › total"),
        "{out}"
    );
    assert!(out.contains("within the rounding of"), "{out}");
    assert!(out.contains(": 0 errors, 1 warning"), "{out}");
}

#[test]
fn unreadable_files_exit_2_and_readable_ones_are_still_checked() {
    let bad = TempFile::new("mixed-bad.json", b"{");
    let demo = examples_dir().join("demo-plan.json");
    let output = plancheck(&[], &[bad.path(), &demo]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stdout(&output).contains("demo-plan.json: clean"),
        "{}",
        stdout(&output)
    );
    let missing = std::env::temp_dir().join(format!(
        "plancheck-test-{}-missing.json",
        std::process::id()
    ));
    assert_refused_path(&missing);
}

#[test]
fn a_truncated_file_is_refused() {
    let text = demo_text();
    let mut half = text.len() / 2;
    while !text.is_char_boundary(half) {
        half -= 1;
    }
    assert_refused("truncated.json", &text.as_bytes()[..half]);
}

#[test]
fn random_bytes_are_refused_as_not_utf8() {
    // Deterministic noise (xorshift) with an invalid UTF-8 byte up front.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut bytes = vec![0xFF_u8];
    for _ in 0..4096 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        bytes.push(state.to_le_bytes()[0]);
    }
    let err = assert_refused("random.bin", &bytes);
    assert!(err.contains("UTF-8"), "{err}");
}

#[test]
fn deep_nesting_is_refused() {
    assert_refused("nested.json", "[".repeat(10_000).as_bytes());
}

#[test]
fn a_newer_version_is_refused_as_newer() {
    let text = demo_text();
    assert!(text.contains("\"version\": 3,"));
    let err = assert_refused(
        "version2.json",
        text.replacen("\"version\": 3,", "\"version\": 4,", 1)
            .as_bytes(),
    );
    assert!(err.contains("newer"), "{err}");
}

#[test]
fn absurd_numbers_are_refused() {
    let text = demo_text();
    assert_refused(
        "huge-version.json",
        text.replacen("\"version\": 3,", "\"version\": 1e999999,", 1)
            .as_bytes(),
    );
    assert_refused(
        "huge-amount.json",
        text.replacen("\"297575000\"", "\"99999999999999999999999999999999\"", 1)
            .as_bytes(),
    );
}

#[test]
fn a_number_where_an_amount_string_belongs_is_refused() {
    let err = assert_refused(
        "number-amount.json",
        demo_text()
            .replacen("\"297575000\"", "297575000", 1)
            .as_bytes(),
    );
    assert!(err.contains("$.plan.programs[5]"), "{err}");
}

#[test]
fn an_empty_file_is_refused() {
    assert_refused("empty.json", b"");
}

#[test]
fn a_json_array_is_refused() {
    assert_refused("array.json", b"[1, 2, 3]");
    assert_refused("empty-array.json", b"[]");
}

#[test]
fn a_file_over_20_mb_is_refused_by_size_before_reading() {
    let file = TempFile::new("huge.json", b"");
    // Sparse: no disk is used, and reading it would take a while and find only zeros.
    std::fs::OpenOptions::new()
        .write(true)
        .open(file.path())
        .unwrap()
        .set_len(21 * 1024 * 1024)
        .unwrap();
    let err = assert_refused_path(file.path());
    assert!(
        err.contains(&format!("{} bytes", 21 * 1024 * 1024)),
        "{err}"
    );
    assert!(
        !err.contains("UTF-8"),
        "refused by size, not content: {err}"
    );
}

#[test]
fn every_stage_is_checked_and_named() {
    use planner_core::change::edit::BudgetColumn;
    use planner_core::model::amount::Amount;
    use planner_core::Edit;
    let mut plan = demo_plan();
    // The request has a sub-won 예산액; the proposal, being edited, is clean of it.
    plan.apply(Edit::SetBudget {
        program: 4,
        column: BudgetColumn::ThisYear,
        amount: Amount::from_won("0.5".parse().unwrap()),
    })
    .unwrap();
    plan.apply(Edit::AddStage {
        name: "편성안".into(),
    })
    .unwrap();
    plan.apply(Edit::SetBudget {
        program: 4,
        column: BudgetColumn::ThisYear,
        amount: Amount::won(75_762_000),
    })
    .unwrap();
    let file = TempFile::new("stages.json", encode(&plan, "t", "t").as_bytes());
    let output = plancheck(&[], &[file.path()]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    let sub_won: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("amount.sub_won"))
        .collect();
    assert_eq!(sub_won.len(), 1, "{out}");
    assert!(sub_won[0].contains("at stage “부서 요구”, "), "{out}");
    assert!(!out.contains("stage “편성안”, program “기본경비”"), "{out}");
}
