//! The files that once crashed, stalled or fooled the reader (issue 12), kept
//! as regression tests: `plancheck` must answer each with exit status 2 (an
//! unreadable file, with its JSON path) or 1 (a located problem), a message
//! under 1 KB, within a second and 100 MB of memory — never a panic.

#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use planner_core::file::{decode, encode, FileError};
use planner_core::fixtures::demo::demo_plan;

struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &[u8]) -> TempFile {
        let path = std::env::temp_dir().join(format!("hostile-{}-{name}", std::process::id()));
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Runs plancheck on `contents` under a 100 MB address-space limit, timed.
fn check(name: &str, contents: &[u8]) -> (Output, Duration) {
    let file = TempFile::new(name, contents);
    let started = Instant::now();
    let output = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 102400; exec \"$0\" \"$1\"")
        .arg(env!("CARGO_BIN_EXE_plancheck"))
        .arg(&file.0)
        .output()
        .unwrap();
    (output, started.elapsed())
}

/// The demo plan file with one replacement made.
fn demo_with(from: &str, to: &str) -> String {
    let text = encode(&demo_plan(), "0.1.0", "2026-12-01T00:00:00Z");
    assert!(text.contains(from), "{from} not in the demo file");
    text.replacen(from, to, 1)
}

/// Refused or reported, briefly, quickly, within the memory limit.
fn assert_answered(name: &str, contents: &[u8]) -> String {
    let (output, took) = check(name, contents);
    let code = output.status.code();
    let said = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(
        matches!(code, Some(1) | Some(2)),
        "{name}: exit {code:?} (a panic or a signal?): {}",
        said.chars().take(500).collect::<String>()
    );
    assert!(said.len() < 1024, "{name}: {} bytes of output", said.len());
    assert!(took < Duration::from_secs(1), "{name}: took {took:?}");
    said
}

#[test]
fn the_largest_decimal_as_an_indicator_target_is_refused_with_its_path() {
    let said = assert_answered(
        "max-target.json",
        demo_with(
            "\"target\": \"500\"",
            "\"target\": \"79228162514264337593543950335\"",
        )
        .as_bytes(),
    );
    assert!(
        said.contains("$.plan.pledges[0].indicators[0].years.2018.target"),
        "{said}"
    );
    let negative = demo_with(
        "\"target\": \"500\"",
        "\"target\": \"-79228162514264337593543950335\"",
    );
    assert_answered("min-target.json", negative.as_bytes());
    // Two targets of 7 × 10^28 (each a Decimal, their sum not).
    let twice = demo_with(
        "\"target\": \"500\"",
        "\"target\": \"70000000000000000000000000000\"",
    )
    .replacen(
        "\"target\": \"550\"",
        "\"target\": \"70000000000000000000000000000\"",
        1,
    );
    assert_answered("two-targets.json", twice.as_bytes());
}

#[test]
fn a_schedule_of_the_largest_amounts_with_the_largest_weight_is_refused() {
    // 30 years of 10^18 won with a weight of 4294967295: once a multiplication overflow.
    let mut text = encode(&demo_plan(), "0.1.0", "2026-12-01T00:00:00Z");
    let years: Vec<String> = (2000..2030)
        .map(|y| format!("\"{y}\": \"1000000000000000000\""))
        .collect();
    text = text.replacen(
        "\"years\": {\n                \"2019\": \"622500000\"\n              }",
        &format!("\"years\": {{{}}}", years.join(",")),
        1,
    );
    text = text.replacen(
        "\"matching\": []",
        "\"matching\": [{\"source\": \"national\", \"weight\": 4294967295}]",
        1,
    );
    assert!(text.contains("\"2029\": \"1000000000000000000\"") && text.contains("4294967295"));
    let said = assert_answered("big-schedule.json", text.as_bytes());
    assert!(said.contains("10^15") || said.contains("weight"), "{said}");
    // Within the limits (10^15 won a year, the largest weight) it is read and checked.
    let within = text
        .replace("1000000000000000000", "1000000000000000")
        .replace("4294967295", "1000000");
    let (output, took) = check("big-within.json", within.as_bytes());
    assert!(took < Duration::from_secs(1));
    assert!(
        matches!(output.status.code(), Some(0) | Some(1)),
        "{:?}",
        output
    );
}

#[test]
fn twenty_megabytes_of_open_brackets_are_refused_at_once() {
    let mut text = String::from("{\"format\":\"budget-planner/plan\",\"version\":2,\"plan\":");
    text.push_str(&"[".repeat(19_900_000));
    let said = assert_answered("brackets.json", text.as_bytes());
    assert!(said.contains("nested more than 32 levels"), "{said}");
    // As the first field, too (skipped by the header read).
    let first = format!("{{\"x\":{}", "[".repeat(19_900_000));
    assert_answered("brackets-first.json", first.as_bytes());
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!(
        "\u{feff}{}",
        encode(&demo_plan(), "0.1.0", "2026-12-01T00:00:00Z")
    );
    assert_eq!(decode(&text).unwrap().plan, demo_plan());
    let (output, _) = check("bom.json", text.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{:?}", output);
}

#[test]
fn a_bad_year_key_is_named_whole() {
    for key in ["02019", "-0", "٢٠١٩", "2019.0", "1899"] {
        let text = demo_with(
            "\"2019\": \"622500000\"",
            &format!("\"{key}\": \"622500000\""),
        );
        let error = decode(&text).unwrap_err();
        let path = error.path().unwrap_or_default().to_string();
        assert!(
            path.ends_with(&format!(".years.{key}")),
            "{key}: {path} ({error})"
        );
    }
}

#[test]
fn messages_and_paths_stay_short_whatever_the_file_holds() {
    let long_key = "k".repeat(500_000);
    let text = demo_with("\"title\": ", &format!("\"{long_key}\": 1, \"title\": "));
    let error = decode(&text).unwrap_err();
    assert!(
        error.to_string().len() < 1024,
        "{} bytes",
        error.to_string().len()
    );
    let said = assert_answered("long-key.json", text.as_bytes());
    assert!(said.contains("unknown field"), "{said}");
    // A text beyond the limit of one field is refused by its path.
    let long_title = demo_with(
        "\"title\": \"",
        &format!("\"title\": \"{}", "가".repeat(1_000_001)),
    );
    match decode(&long_title) {
        Err(FileError::Malformed { path, detail }) => {
            assert_eq!(path, "$.plan.title");
            assert!(detail.contains("1000000"), "{detail}");
        }
        other => panic!("{other:?}"),
    }
}
