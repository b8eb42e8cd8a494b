//! `plancheck`: checks plan files from the command line, with the same
//! decoder and validator the app uses, so a file can be checked in CI or by
//! hand without a browser.
//!
//! Usage: `plancheck [--lang en|ko] FILE...`
//!
//! Every stage of a plan is validated; with more than one, a problem's
//! location starts with its stage (`stage “편성안”, program …`).
//!
//! One line per problem (`{file}: {severity} {code} at {location}: {message}
//! [cell {id}]`), then a summary line per file. The line's structure (severity,
//! code, location words, summary) stays in English so that tools can match it;
//! the messages follow `--lang`.
//!
//! Exit status: 2 if any file could not be read (or the arguments are wrong),
//! else 1 if any file has an error, else 0 (warnings alone pass).

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use planner_core::file::{decode, FileError, MAX_FILE_BYTES};
use planner_core::model::plan::{Column, Plan};
use planner_core::rules::validate::{count_by_severity, validate, Col, Location, Place, Row};
use planner_core::Lang;

const USAGE: &str = "\
Usage: plancheck [--lang en|ko] FILE...

Checks budget planner plan files (format version 3; versions 1 and 2
are read too): reads each file, validates every stage of the plan and
prints one line per problem (naming its stage when there are several),
then a summary.

Options:
  --lang en|ko   language of the messages (default: en)
  -h, --help     print this help

Exit status: 0 no errors (warnings allowed), 1 errors found,
2 a file could not be read or the arguments are wrong.
";

/// Names longer than this are shortened in locations, so one line stays readable.
const MAX_NAME_CHARS: usize = 60;

/// What the command line asks for.
struct Args {
    lang: Lang,
    files: Vec<OsString>,
}

/// Why the command line was refused; the message goes to stderr with the usage.
enum ArgsOutcome {
    Run(Args),
    Help,
    Wrong(String),
}

fn parse_args(mut args: impl Iterator<Item = OsString>) -> ArgsOutcome {
    let mut lang = Lang::En;
    let mut files = Vec::new();
    let mut options_done = false;
    while let Some(arg) = args.next() {
        if options_done {
            files.push(arg);
            continue;
        }
        let text = arg.to_string_lossy();
        let lang_value = if text == "--lang" {
            match args.next() {
                Some(value) => Some(value.to_string_lossy().into_owned()),
                None => return ArgsOutcome::Wrong("--lang needs a value (en or ko)".into()),
            }
        } else {
            text.strip_prefix("--lang=").map(str::to_owned)
        };
        if let Some(value) = lang_value {
            match Lang::from_code(&value) {
                Some(l) => lang = l,
                None => {
                    return ArgsOutcome::Wrong(format!(
                        "unknown language “{}” (use en or ko)",
                        one_line(&value)
                    ))
                }
            }
        } else if text == "-h" || text == "--help" {
            return ArgsOutcome::Help;
        } else if text == "--" {
            options_done = true;
        } else if text.starts_with('-') && text.len() > 1 {
            return ArgsOutcome::Wrong(format!("unknown option “{}”", one_line(&text)));
        } else {
            files.push(arg);
        }
    }
    if files.is_empty() {
        return ArgsOutcome::Wrong("no files given".into());
    }
    ArgsOutcome::Run(Args { lang, files })
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args_os().skip(1)) {
        ArgsOutcome::Run(args) => args,
        ArgsOutcome::Help => {
            let mut out = io::stdout().lock();
            let _ = out.write_all(USAGE.as_bytes());
            let _ = out.flush();
            return ExitCode::SUCCESS;
        }
        ArgsOutcome::Wrong(why) => {
            let mut err = io::stderr().lock();
            let _ = writeln!(err, "plancheck: {why}\n");
            let _ = err.write_all(USAGE.as_bytes());
            return ExitCode::from(2);
        }
    };

    // Writes to a closed pipe (`plancheck … | head`) are ignored rather than
    // panicking as `println!` would: the exit status still tells the result.
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut unreadable = false;
    let mut any_error = false;
    for file in &args.files {
        let name = one_line(&Path::new(file).display().to_string());
        let plan = match read_plan(Path::new(file), args.lang) {
            Ok(plan) => plan,
            Err(why) => {
                unreadable = true;
                // Keep stdout and stderr in order when both go to a terminal.
                let _ = out.flush();
                let _ = writeln!(
                    io::stderr().lock(),
                    "{name}: cannot read: {}",
                    one_line(&why)
                );
                continue;
            }
        };
        // Every stage is checked; with more than one, each line says which.
        let mut problems = Vec::new();
        for stage in &plan.stages.list {
            let Some(staged) = plan.at_stage(stage.id) else {
                continue;
            };
            let prefix = if plan.stages.is_single() {
                String::new()
            } else {
                format!("stage “{}”, ", one_line(&stage.name))
            };
            for problem in validate(&staged) {
                let _ = writeln!(
                    out,
                    "{name}: {} {} at {prefix}{}: {} [cell {}]",
                    problem.severity.as_str(),
                    problem.code.as_str(),
                    describe(&problem.location, &staged),
                    one_line(&problem.message(args.lang, staged.unit)),
                    one_line(&problem.location.cell_id()),
                );
                problems.push(problem);
            }
        }
        let (errors, warnings) = count_by_severity(&problems);
        any_error |= errors > 0;
        let _ = if problems.is_empty() {
            writeln!(out, "{name}: clean")
        } else {
            writeln!(
                out,
                "{name}: {errors} {}, {warnings} {}",
                plural(errors, "error"),
                plural(warnings, "warning")
            )
        };
    }
    let _ = out.flush();
    if unreadable {
        ExitCode::from(2)
    } else if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

/// Reads and decodes one file, refusing an oversized file by its size before
/// reading a byte of it, and text that is not UTF-8.
fn read_plan(path: &Path, lang: Lang) -> Result<Plan, String> {
    let file = File::open(path).map_err(|e| e.to_string())?;
    let metadata = file.metadata().map_err(|e| e.to_string())?;
    if metadata.is_dir() {
        return Err(match lang {
            Lang::En => "it is a directory, not a file".into(),
            Lang::Ko => "파일이 아니라 디렉터리입니다".into(),
        });
    }
    let too_large = |bytes: u64| {
        FileError::TooLarge {
            bytes: usize::try_from(bytes).unwrap_or(usize::MAX),
        }
        .message(lang)
    };
    let limit = u64::try_from(MAX_FILE_BYTES).unwrap_or(u64::MAX);
    if metadata.len() > limit {
        return Err(too_large(metadata.len()));
    }
    // The size can change after the check (or be unknown, for a pipe): never
    // read more than one byte past the limit.
    let capacity = usize::try_from(metadata.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(u64::try_from(bytes.len()).unwrap_or(u64::MAX)));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        match lang {
            Lang::En => format!("The file is not UTF-8 text (invalid byte at offset {at}); plan files are UTF-8 JSON."),
            Lang::Ko => format!("UTF-8 텍스트 파일이 아닙니다({at}번째 바이트가 잘못됨). 계획 파일은 UTF-8 JSON입니다."),
        }
    })?;
    decode(&text)
        .map(|decoded| decoded.plan)
        .map_err(|e| e.message(lang))
}

/// A human-readable path to a problem, built from the plan's own names:
/// `program 6 “사회적경제기업 육성 및 역량 강화” › district › 2019`.
fn describe(location: &Location, plan: &Plan) -> String {
    let mut parts: Vec<String> = Vec::with_capacity(3);
    let mut is_pledge = false;
    match &location.place {
        Place::Plan => parts.push("plan".into()),
        Place::Source(id) => parts.push(format!("source {}", one_line(id))),
        Place::Program(id) => parts.push(program_label(plan, *id)),
        Place::Pledge(id) => {
            is_pledge = true;
            let pledge = plan.pledges.iter().find(|p| p.id == *id);
            parts.push(named(
                &pledge_label(plan, *id),
                pledge.map_or("", |p| p.title.as_str()),
            ));
        }
        Place::Indicator(pledge_id, indicator_id) => {
            parts.push(pledge_label(plan, *pledge_id));
            let indicator = plan
                .pledges
                .iter()
                .find(|p| p.id == *pledge_id)
                .and_then(|p| p.indicators.iter().find(|i| i.id == *indicator_id));
            match indicator {
                Some(i) if !i.name.trim().is_empty() => parts.push(named("indicator", &i.name)),
                _ => parts.push(format!("indicator {indicator_id}")),
            }
        }
    }
    if let Some(row) = &location.row {
        parts.push(match row {
            Row::Source(id) => one_line(id),
            Row::Total => "total".into(),
            Row::Budget => "budget".into(),
            Row::LineItem(index) => {
                let item = match &location.place {
                    Place::Program(id) => plan.program(*id).and_then(|p| p.line_items.get(*index)),
                    _ => None,
                };
                named(
                    &format!("line item {}", index.saturating_add(1)),
                    item.map_or("", |i| i.name.as_str()),
                )
            }
            Row::Target => "target".into(),
            Row::Actual => "actual".into(),
            Row::Name => if matches!(location.place, Place::Plan | Place::Pledge(_)) {
                "title"
            } else {
                "name"
            }
            .into(),
            Row::Period => if is_pledge { "term" } else { "period" }.into(),
            Row::Link(index) => format!("linked program {}", index.saturating_add(1)),
            Row::Sdg => "SDGs".into(),
            Row::Staffing(index) => format!("staffing row {}", index.saturating_add(1)),
            Row::Items => "line items total".into(),
            Row::StatusTotal => "budget status total".into(),
        });
    }
    // The stated total sits in the 계 row's total column: say "total" once.
    let total_cell = matches!(
        (&location.row, &location.column),
        (Some(Row::Total), Some(Col::Total))
    );
    if let Some(column) = location.column.as_ref().filter(|_| !total_cell) {
        parts.push(match column {
            Col::Cell(Column::Year(year)) | Col::Year(year) => year.to_string(),
            other => other.id_word().replace('-', " "),
        });
    }
    parts.join(" › ")
}

/// `program 6 “name”`, or `program 6` when it has no name (or is gone).
fn program_label(plan: &Plan, id: u32) -> String {
    named(
        &format!("program {id}"),
        plan.program(id).map_or("", |p| p.name.as_str()),
    )
}

/// `pledge 17` by the pledge book's number, or by the id when the number is empty.
fn pledge_label(plan: &Plan, id: u32) -> String {
    match plan.pledges.iter().find(|p| p.id == id) {
        Some(p) if !p.number.trim().is_empty() => format!("pledge {}", shorten(p.number.trim())),
        _ => format!("pledge #{id}"),
    }
}

/// `label “name”`, or just `label` for an empty name.
fn named(label: &str, name: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        label.to_string()
    } else {
        format!("{label} “{}”", shorten(name))
    }
}

/// A name from the file, on one line and at most [`MAX_NAME_CHARS`] characters.
fn shorten(name: &str) -> String {
    let mut short: String = name.chars().take(MAX_NAME_CHARS).collect();
    if name.chars().nth(MAX_NAME_CHARS).is_some() {
        short.push('…');
    }
    one_line(&short)
}

/// Escapes control characters (newlines, terminal escapes) that a hostile
/// file could put in names, so each problem stays one harmless line.
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}
