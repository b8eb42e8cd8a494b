//! The plan as a CSV file for colleagues who work in spreadsheets: one row per
//! owner (program or pledge) × schedule column × funding source, so that a
//! pivot table can regroup the money any way a planner asks for.
//!
//! The file is what Excel opens without an import dialog and without garbling
//! Korean: UTF-8 with a byte order mark, CRLF line ends, RFC 4180 quoting.
//!
//! Rows, in plan order:
//! - **budget status** (예산현황, §1.1): per program that is a status row, two
//!   rows: 예산액 (this year) and 전년도 예산액 (prior year); no source. The change
//!   is derived and left to the spreadsheet.
//! - **program** (사업) and **pledge** (공약) schedules: for every program, then
//!   every pledge, a complete grid: every year of the program's period (the
//!   pledge's term), plus any other year that holds money, × every funding source
//!   of the plan (plus any source the schedule names that the plan lacks), zero
//!   included, so that pivot tables see every year and source. 기투자 (before) and
//!   장기 (after) rows appear only when some source has money there, since most
//!   programs never use them. A schedule with a 연평균 column adds a
//!   `연평균` row per source (its in-term subtotal ÷ the term's years, to the won).
//! - **line items** (산출기초): one row per item, its name in the year/column
//!   field, its amount (stated, else evaluated) and its basis line as the note.
//! - **stage comparisons** (단계 비교 A→B), for a plan with budget stages: for
//!   each stage against the one before, each changed 예산액 and each changed
//!   share by source as three rows, 기정액, 경정액 and 증감 (exact).
//!
//! Amounts are exact: won as a plain decimal (`440000000`, `-21634000`, `0.5`),
//! and the same amount in the plan's unit, unrounded (`440000` 천원). Never
//! floating point.
//!
//! CSV injection: a text field (name, department, note, source name) that
//! starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`,
//! so that a spreadsheet shows it as text instead of running it as a formula.
//! Number fields are never changed (a negative amount stays `-21634000`).

use rust_decimal::Decimal;

use crate::model::amount::round_half_up;
use crate::model::amount::{Amount, Unit};
use crate::model::plan::{Column, Plan, Schedule, YearRange};
use crate::model::words::{source_name, unit_name, Lang};
use crate::rules::basis::check_line;
use crate::rules::derive::schedule_totals;
use crate::views::document::basis_lines;
use crate::views::stages::consecutive_comparisons;

/// The byte order mark that tells Excel the file is UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The media type of the download, so the browser and the OS pick a spreadsheet.
pub const CSV_MIME: &str = "text/csv;charset=utf-8";

/// The download's file name: the plan title made safe, `.csv`.
pub fn csv_file_name(plan: &Plan) -> String {
    format!("{}.csv", crate::render::names::file_stem(&plan.title))
}

/// The plan's money as CSV bytes (UTF-8 with BOM, CRLF, RFC 4180), headers
/// in `lang`. See the module documentation for the rows.
pub fn plan_csv(plan: &Plan, lang: Lang) -> Vec<u8> {
    let mut out = String::with_capacity(256 + plan.programs.len() * 1_024);
    let unit_header = match lang {
        Lang::Ko => format!("금액({})", unit_name(plan.unit, lang)),
        Lang::En => format!("Amount ({})", unit_name(plan.unit, lang)),
    };
    let header: [&str; 12] = [
        lang.pick("구분", "Kind"),
        "ID",
        lang.pick("공약번호", "Pledge no."),
        lang.pick("이름", "Name"),
        lang.pick("단위사업", "Unit program"),
        lang.pick("담당", "Department"),
        lang.pick("연도/구분", "Year/column"),
        lang.pick("재원 ID", "Source ID"),
        lang.pick("재원", "Source"),
        lang.pick("금액(원)", "Amount (KRW)"),
        &unit_header,
        lang.pick("비고", "Note"),
    ];
    write_record(&mut out, header.iter().map(|h| Field::Text(h)));

    for program in &plan.programs {
        if let Some(budget) = program.budget {
            for (label, amount) in [
                (lang.pick("예산액", "This year"), budget.this_year),
                (lang.pick("전년도 예산액", "Prior year"), budget.prior_year),
            ] {
                let id = program.id.to_string();
                let (won, figure) = amount_fields(amount, plan.unit);
                write_record(
                    &mut out,
                    [
                        Field::Text(lang.pick("예산현황", "Budget status")),
                        Field::Number(&id),
                        Field::Text(""),
                        Field::Text(&program.name),
                        Field::Text(&program.unit_program),
                        Field::Text(&program.owner),
                        Field::Text(label),
                        Field::Text(""),
                        Field::Text(""),
                        Field::Number(&won),
                        Field::Number(&figure),
                        Field::Text(""),
                    ],
                );
            }
        }
    }
    for program in &plan.programs {
        let owner = Owner {
            kind: lang.pick("사업", "Program"),
            id: program.id.to_string(),
            number: "",
            name: &program.name,
            unit_program: &program.unit_program,
            department: &program.owner,
        };
        write_schedule(
            &mut out,
            plan,
            lang,
            &owner,
            &program.schedule,
            program.period,
        );
    }
    for pledge in &plan.pledges {
        let owner = Owner {
            kind: lang.pick("공약", "Pledge"),
            id: pledge.id.to_string(),
            number: &pledge.number,
            name: &pledge.title,
            unit_program: "",
            department: "",
        };
        write_schedule(&mut out, plan, lang, &owner, &pledge.schedule, pledge.term);
    }
    for program in &plan.programs {
        let id = program.id.to_string();
        let lines = basis_lines(program, plan.unit);
        for (item, line) in program.line_items.iter().zip(&lines.lines) {
            let amount = check_line(item, plan.unit).amount;
            let (won, figure) = amount_fields(amount, plan.unit);
            write_record(
                &mut out,
                [
                    Field::Text(lang.pick("산출기초", "Line item")),
                    Field::Number(&id),
                    Field::Text(""),
                    Field::Text(&program.name),
                    Field::Text(&program.unit_program),
                    Field::Text(&program.owner),
                    Field::Text(&line.name),
                    Field::Text(""),
                    Field::Text(""),
                    Field::Number(&won),
                    Field::Number(&figure),
                    Field::Text(&line.text),
                ],
            );
        }
    }
    for comparison in consecutive_comparisons(plan, plan.unit, lang) {
        let kind = match lang {
            Lang::Ko => format!("단계 비교 {}→{}", comparison.before, comparison.after),
            Lang::En => format!("Stages {}→{}", comparison.before, comparison.after),
        };
        for line in comparison
            .budget
            .changed
            .iter()
            .chain(&comparison.shares.changed)
        {
            let id = line.key.rsplit('-').next().unwrap_or_default().to_string();
            let source = line.source.clone().unwrap_or_default();
            let source_label = line
                .source
                .as_deref()
                .map(|s| source_name(plan, s, lang))
                .unwrap_or_default();
            let column = |label: &'static str| {
                if line.source.is_some() {
                    label.to_string()
                } else {
                    format!("{label} ({})", lang.pick("예산액", "budget"))
                }
            };
            for (label, amount) in [
                (lang.pick("기정액", "Before"), line.exact.0),
                (lang.pick("경정액", "Now"), line.exact.1),
                (lang.pick("증감", "Change"), line.exact_change),
            ] {
                let (won, figure) = amount_fields(amount, plan.unit);
                let label = column(label);
                write_record(
                    &mut out,
                    [
                        Field::Text(&kind),
                        Field::Number(&id),
                        Field::Text(""),
                        Field::Text(&line.name),
                        Field::Text(""),
                        Field::Text(""),
                        Field::Text(&label),
                        Field::Text(&source),
                        Field::Text(&source_label),
                        Field::Number(&won),
                        Field::Number(&figure),
                        Field::Text(""),
                    ],
                );
            }
        }
    }

    let mut bytes = Vec::with_capacity(BOM.len() + out.len());
    bytes.extend_from_slice(BOM);
    bytes.extend_from_slice(out.as_bytes());
    bytes
}

/// What every row of one program's or pledge's schedule repeats.
struct Owner<'a> {
    kind: &'a str,
    id: String,
    number: &'a str,
    name: &'a str,
    unit_program: &'a str,
    department: &'a str,
}

/// The grid of one schedule: columns outer, sources inner.
fn write_schedule(
    out: &mut String,
    plan: &Plan,
    lang: Lang,
    owner: &Owner,
    schedule: &Schedule,
    period: YearRange,
) {
    let totals = schedule_totals(schedule, &plan.sources, period);
    let mut columns: Vec<(String, bool, Vec<Amount>)> = totals
        .columns
        .iter()
        .enumerate()
        .map(|(c, column)| {
            (
                crate::model::words::column_name(*column, lang),
                !matches!(column, Column::Year(_)),
                totals.rows.iter().map(|r| r.cells[c]).collect(),
            )
        })
        .collect();
    if schedule.average {
        // 연평균: each source's in-term subtotal ÷ the term's years, to the won.
        let years = Decimal::from(period.len().max(1) as u64);
        let averages = totals
            .rows
            .iter()
            .map(|r| {
                let in_term: Decimal = totals
                    .columns
                    .iter()
                    .zip(&r.cells)
                    .filter(|(c, _)| matches!(c, Column::Year(y) if period.contains(*y)))
                    .map(|(_, a)| a.as_decimal())
                    .sum();
                Amount::from_won(round_half_up(
                    in_term.checked_div(years).unwrap_or_default(),
                    0,
                ))
            })
            .collect();
        columns.push((
            lang.pick("연평균", "Yearly average").to_string(),
            true,
            averages,
        ));
    }
    for (label, edge, amounts) in &columns {
        let edge = *edge;
        if edge && amounts.iter().all(|a| a.is_zero()) {
            continue;
        }
        for (row, amount) in totals.rows.iter().zip(amounts) {
            let source = plan.source(&row.source);
            let source_name = source
                .map(|s| match lang {
                    Lang::Ko => s.name_ko.as_str(),
                    Lang::En => s.name_en.as_str(),
                })
                .unwrap_or(&row.source);
            let note = schedule
                .row(&row.source)
                .map(|r| r.note.as_str())
                .unwrap_or("");
            let (won, figure) = amount_fields(*amount, plan.unit);
            let label_field = if edge {
                Field::Text(label)
            } else {
                Field::Number(label)
            };
            write_record(
                out,
                [
                    Field::Text(owner.kind),
                    Field::Number(&owner.id),
                    Field::Text(owner.number),
                    Field::Text(owner.name),
                    Field::Text(owner.unit_program),
                    Field::Text(owner.department),
                    label_field,
                    Field::Text(&row.source),
                    Field::Text(source_name),
                    Field::Number(&won),
                    Field::Number(&figure),
                    Field::Text(note),
                ],
            );
        }
    }
}

/// An amount as exact plain decimals: in won, and in the plan's unit.
fn amount_fields(amount: Amount, unit: Unit) -> (String, String) {
    (plain(amount.as_decimal()), plain(unit.exact_figure(amount)))
}

/// A decimal as a spreadsheet reads a number: no separators, no exponent,
/// `-` for negatives, no trailing zeros.
fn plain(value: Decimal) -> String {
    if value.is_zero() {
        return "0".into();
    }
    value.normalize().to_string()
}

/// One CSV field: text is guarded against formula injection, numbers are not.
enum Field<'a> {
    Text(&'a str),
    Number(&'a str),
}

/// Writes one record and its CRLF.
fn write_record<'a>(out: &mut String, fields: impl IntoIterator<Item = Field<'a>>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match field {
            Field::Number(text) => push_quoted(out, text),
            Field::Text(text) => {
                if starts_a_formula(text) {
                    let guarded = format!("'{text}");
                    push_quoted(out, &guarded);
                } else {
                    push_quoted(out, text);
                }
            }
        }
    }
    out.push_str("\r\n");
}

/// Whether a spreadsheet could read the text as a formula: it starts (after
/// any spaces, which spreadsheets skip) with `=`, `+`, `-`, `@` or their
/// full-width forms, or with a tab or carriage return.
fn starts_a_formula(text: &str) -> bool {
    text.starts_with(['\t', '\r'])
        || text
            .trim_start_matches(|c: char| c == ' ' || c == '\u{3000}' || c == '\u{a0}')
            .starts_with(['=', '+', '-', '@', '＝', '＋', '－', '＠'])
}

/// RFC 4180: a field holding a comma, a quote, CR or LF is quoted, its quotes doubled.
fn push_quoted(out: &mut String, text: &str) {
    if text.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::demo::demo_plan;
    use crate::model::plan::Program;
    use crate::rules::derive::{schedule_sum, status_total};

    /// Splits CSV text (after the BOM) into records of fields, undoing RFC 4180
    /// quoting, so the tests read the file the way a spreadsheet does.
    fn parse(bytes: &[u8]) -> Vec<Vec<String>> {
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            if quoted {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => quoted = false,
                    other => field.push(other),
                }
            } else {
                match c {
                    '"' => quoted = true,
                    ',' => record.push(std::mem::take(&mut field)),
                    '\r' => {
                        assert_eq!(chars.next(), Some('\n'), "CR must be followed by LF");
                        record.push(std::mem::take(&mut field));
                        records.push(std::mem::take(&mut record));
                    }
                    '\n' => panic!("bare LF outside quotes"),
                    other => field.push(other),
                }
            }
        }
        assert!(
            field.is_empty() && record.is_empty(),
            "file must end with CRLF"
        );
        records
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn file_name_comes_from_the_title() {
        assert_eq!(
            csv_file_name(&demo_plan()),
            "사회적경제-예산-공약-계획-예시.csv"
        );
    }

    #[test]
    fn starts_with_a_bom_and_ends_lines_with_crlf() {
        let bytes = plan_csv(&demo_plan(), Lang::Ko);
        assert_eq!(&bytes[..3], BOM);
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert!(text.starts_with("구분,ID,공약번호,이름,단위사업,담당,연도/구분,재원 ID,재원,금액(원),금액(천원),비고\r\n"));
        assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
        let en = plan_csv(&demo_plan(), Lang::En);
        let records = parse(&en);
        assert_eq!(records[0][0], "Kind");
        assert_eq!(records[0][10], "Amount (KRW 1,000)");
        assert!(records.iter().all(|r| r.len() == 12));
    }

    #[test]
    fn holds_the_split_figures_and_the_pledge_schedule() {
        let plan = demo_plan();
        let records = parse(&plan_csv(&plan, Lang::Ko));
        let find = |kind: &str, id: &str, column: &str, source: &str| -> Vec<String> {
            records
                .iter()
                .find(|r| r[0] == kind && r[1] == id && r[6] == column && r[7] == source)
                .unwrap_or_else(|| panic!("no row {kind} {id} {column} {source}"))
                .clone()
        };
        // §1.2: 1,167,388천원 (국 622,500, 시 247,313, 구비 297,575).
        let row = find("사업", "6", "2019", "national");
        assert_eq!(row[3], "사회적경제기업 육성 및 역량 강화");
        assert_eq!(row[8], "국비");
        assert_eq!(row[9], "622500000");
        assert_eq!(row[10], "622500");
        assert_eq!(find("사업", "6", "2019", "city")[9], "247313000");
        assert_eq!(find("사업", "6", "2019", "district")[9], "297575000");
        // Complete grid: the source without money is there, with 0.
        assert_eq!(find("사업", "6", "2019", "other")[9], "0");
        assert_eq!(find("사업", "5", "2019", "national")[9], "0");
        // The note of a share rides along.
        assert_eq!(
            find("사업", "11", "2014", "district")[11],
            "사회적기업팀 세출예산"
        );
        // §1.3: 2018 시비 440 백만원 = 440,000,000 won = 440,000천원.
        let row = find("공약", "1", "2018", "city");
        assert_eq!(row[2], "17");
        assert_eq!(row[9], "440000000");
        assert_eq!(row[10], "440000");
        assert_eq!(find("공약", "1", "2022", "district")[9], "255000000");
        // §1.1: this year and prior year of a status row.
        let budget: Vec<_> = records
            .iter()
            .filter(|r| r[0] == "예산현황" && r[1] == "4")
            .collect();
        assert_eq!(budget.len(), 2);
        assert_eq!(budget[0][6], "예산액");
        assert_eq!(budget[0][9], "75762000");
        assert_eq!(budget[1][9], "97396000");
        // 기투자 and 장기 rows only where money is.
        assert!(!records.iter().any(|r| r[6] == "기투자" || r[6] == "장기"));
    }

    #[test]
    fn sums_match_the_derived_totals() {
        let plan = demo_plan();
        let records = parse(&plan_csv(&plan, Lang::En));
        let sum_of = |kind: &str, id: &str| -> Decimal {
            records
                .iter()
                .filter(|r| r[0] == kind && r[1] == id)
                .map(|r| dec(&r[9]))
                .sum()
        };
        for program in &plan.programs {
            assert_eq!(
                sum_of("Program", &program.id.to_string()),
                schedule_sum(&program.schedule).as_decimal(),
                "program {}",
                program.id
            );
        }
        assert_eq!(sum_of("Pledge", "1"), dec("3528000000"));
        let this_year: Decimal = records
            .iter()
            .filter(|r| r[0] == "Budget status" && r[6] == "This year")
            .map(|r| dec(&r[9]))
            .sum();
        assert_eq!(this_year, status_total(&plan).this_year.as_decimal());
        // The unit column is the won column over 1,000, exactly.
        for r in records.iter().skip(1) {
            assert_eq!(dec(&r[10]) * Decimal::from(1_000), dec(&r[9]));
        }
        // Grid size: 4 sources × 1 year for programs 1–11, × 5 years for the pledge,
        // plus 2 status rows for each of programs 1–4, plus the header.
        assert_eq!(records.len(), 1 + 4 * 2 + 11 * 4 + 5 * 4);
    }

    #[test]
    fn quotes_and_guards_text() {
        let mut plan = Plan::new("t", YearRange::new(2020, 2020), Unit::Thousand);
        let mut program = Program::new(1, "a,\"b\"", YearRange::new(2020, 2020));
        program.owner = "=HYPERLINK(\"x\")".into();
        program.unit_program = "줄\r\n바꿈".into();
        program
            .schedule
            .set("city", Column::Year(2020), Amount::won(-1_500));
        program.schedule.row_mut("city").note = "@SUM(A1)".into();
        plan.programs.push(program);
        let bytes = plan_csv(&plan, Lang::Ko);
        let text = std::str::from_utf8(&bytes).unwrap();
        assert!(text.contains(",\"a,\"\"b\"\"\","), "{text}");
        assert!(text.contains(",\"'=HYPERLINK(\"\"x\"\")\","), "{text}");
        assert!(text.contains(",\"줄\r\n바꿈\","), "{text}");
        let records = parse(&bytes);
        let city = records.iter().find(|r| r[7] == "city").unwrap();
        assert_eq!(city[3], "a,\"b\"");
        assert_eq!(city[4], "줄\r\n바꿈");
        assert_eq!(city[5], "'=HYPERLINK(\"x\")");
        assert_eq!(city[11], "'@SUM(A1)");
        // Numbers keep their minus sign: they are not text.
        assert_eq!(city[9], "-1500");
        assert_eq!(city[10], "-1.5");
    }

    #[test]
    fn a_formula_behind_spaces_or_in_full_width_is_guarded_too() {
        for text in [
            " =1+1",
            "\u{3000}=A1",
            "＝SUM(A1)",
            "＋1",
            "－1",
            "＠x",
            "  @x",
            "\t1",
            "=x",
        ] {
            assert!(starts_a_formula(text), "{text:?}");
        }
        for text in ["1=1", "a-b", "사업 = 1", "", " "] {
            assert!(!starts_a_formula(text), "{text:?}");
        }
    }

    #[test]
    fn before_and_after_appear_when_they_hold_money() {
        let mut plan = demo_plan();
        plan.pledges[0]
            .schedule
            .set("city", Column::Before, Amount::won(7_000_000));
        let records = parse(&plan_csv(&plan, Lang::Ko));
        let before: Vec<_> = records.iter().filter(|r| r[6] == "기투자").collect();
        assert_eq!(before.len(), 4, "one row per source");
        assert!(before.iter().any(|r| r[7] == "city" && r[9] == "7000000"));
        assert!(!records.iter().any(|r| r[6] == "장기"));
    }
}
