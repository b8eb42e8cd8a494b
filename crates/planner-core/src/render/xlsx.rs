//! The plan as an Excel workbook with the official tables, for colleagues who
//! live in Excel: 예산현황 (§1.1), 소요예산 (one table per program with a
//! schedule), 공약 (§1.3 schedule and §1.4 indicators per pledge), 인력 (§1.5),
//! 산출기초, and for a plan with budget stages one sheet per step (each stage
//! against the one before, in the 추경 form: 기정액, 경정액, 증감).
//!
//! Hand-written rather than a library: a workbook is a ZIP of a few XML parts.
//! Measured in wasm (brotli, docs/PERFORMANCE.md, issue 14), this writer adds
//! 6.8 KiB and `rust_xlsxwriter` 0.102 197 KiB (its packager, ZIP and deflate
//! come along, and it stamps the time, so the same plan would not give the same
//! bytes); the library would also take figures only as `f64`. Entries
//! are stored uncompressed, with their CRC-32; strings are inline, so there is
//! no shared-string table to keep in step.
//!
//! Figures are numeric cells in the plan's unit, footed as shown
//! ([`crate::rules::foot`]), written as exact decimal text in `<v>` (never through
//! binary floating point), with the number format `#,##0;"△"#,##0;"-"` so
//! that Excel shows `△` for negatives and `-` for zero and can still sum them.
//! Every text is XML-escaped. The output is deterministic: the same plan gives
//! the same bytes.

use rust_decimal::Decimal;

use crate::model::amount::Amount;
use crate::model::plan::{Column, Plan, Schedule, YearRange};
use crate::model::words::{source_name, unit_caption, Lang};
use crate::render::html::escape;
use crate::render::zip::Zip;
use crate::rules::derive::{indicator_summary, schedule_totals, staffing_totals};
use crate::rules::foot::{foot_amounts, foot_grid};
use crate::views::document::basis_lines;
use crate::views::grid::average_column;
use crate::views::stages::{consecutive_comparisons, StageComparison};

/// The media type of the download.
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The download's file name: the plan title made safe, `.xlsx`.
pub fn xlsx_file_name(plan: &Plan) -> String {
    format!("{}.xlsx", crate::render::names::file_stem(&plan.title))
}

/// The plan as `.xlsx` bytes, with sheet names, headings and labels in `lang`.
pub fn plan_xlsx(plan: &Plan, lang: Lang) -> Vec<u8> {
    let mut sheets = vec![
        (
            lang.pick("예산현황", "Budget status"),
            status_sheet(plan, lang),
        ),
        (
            lang.pick("소요예산", "Schedules"),
            schedules_sheet(plan, lang),
        ),
        (lang.pick("공약", "Pledges"), pledges_sheet(plan, lang)),
        (lang.pick("인력", "Staffing"), staffing_sheet(plan, lang)),
        (lang.pick("산출기초", "Line items"), items_sheet(plan, lang)),
    ]
    .into_iter()
    .map(|(name, sheet)| (name.to_string(), sheet))
    .collect::<Vec<_>>();
    // One sheet per step of the budget: each stage against the one before.
    for (i, comparison) in consecutive_comparisons(plan, plan.unit, lang)
        .iter()
        .enumerate()
    {
        let name = format!("{}. {}→{}", i + 1, comparison.before, comparison.after);
        sheets.push((name, comparison_sheet(plan, lang, comparison)));
    }
    let names: Vec<String> = sheets.iter().map(|(n, _)| sheet_name(n)).collect();

    let mut zip = Zip::default();
    let mut types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    );
    let mut workbook = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (i, name) in names.iter().enumerate() {
        let n = i + 1;
        types.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
        workbook.push_str(&format!(
            r#"<sheet name="{}" sheetId="{n}" r:id="rId{n}"/>"#,
            escape(name)
        ));
        rels.push_str(&format!(r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#));
    }
    types.push_str("</Types>");
    workbook.push_str("</sheets></workbook>");
    rels.push_str(&format!(r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>"#, names.len() + 1, names.len() + 2));

    zip.add("[Content_Types].xml", types.as_bytes());
    zip.add("_rels/.rels", br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#);
    let core = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:creator>{}</dc:creator></cp:coreProperties>"#,
        escape(&plan.title),
        escape(&plan.organisation)
    );
    zip.add("docProps/core.xml", core.as_bytes());
    zip.add("xl/workbook.xml", workbook.as_bytes());
    zip.add("xl/_rels/workbook.xml.rels", rels.as_bytes());
    zip.add("xl/styles.xml", STYLES.as_bytes());
    zip.add("xl/theme/theme1.xml", THEME.as_bytes());
    for (i, (_, sheet)) in sheets.into_iter().enumerate() {
        zip.add(
            &format!("xl/worksheets/sheet{}.xml", i + 1),
            sheet.finish().as_bytes(),
        );
    }
    zip.finish()
}

/// A sheet name Excel accepts: none of `[]:*?/\`, no apostrophe at either
/// end, at most 31 characters (UTF-16 units), not empty.
pub fn sheet_name(name: &str) -> String {
    let mut out = String::new();
    let mut units = 0;
    for c in name.chars() {
        let c = if "[]:*?/\\".contains(c) { '_' } else { c };
        units += c.len_utf16();
        if units > 31 {
            break;
        }
        out.push(c);
    }
    let out = out.trim_matches('\'');
    if out.is_empty() {
        "Sheet".into()
    } else {
        out.into()
    }
}

// ---- the sheets ----

/// §1.1: 계 first, then one row per status program; columns footed in the plan's unit.
fn status_sheet(plan: &Plan, lang: Lang) -> Sheet {
    let mut sheet = Sheet::new(&[36, 16, 16, 16]);
    heading(&mut sheet, plan, lang.pick("예산현황", "Budget status"));
    caption(&mut sheet, 4, unit_caption(plan.unit, lang));
    sheet.row(&[
        head(lang.pick("단위사업명", "Unit program")),
        head(lang.pick("예산액", "This year")),
        head(lang.pick("전년도 예산액", "Prior year")),
        head(lang.pick("증(△)감", "Change (△)")),
    ]);
    let rows: Vec<_> = plan.budget_rows().collect();
    let this: Vec<Amount> = rows.iter().map(|(_, b)| b.this_year).collect();
    let prior: Vec<Amount> = rows.iter().map(|(_, b)| b.prior_year).collect();
    let (this_shown, this_total) = foot_amounts(&this, plan.unit);
    let (prior_shown, prior_total) = foot_amounts(&prior, plan.unit);
    sheet.row(&[
        Cell::Text(lang.pick("계", "Total"), TEXT_BOLD),
        Cell::Num(this_total, NUM_BOLD),
        Cell::Num(prior_total, NUM_BOLD),
        Cell::Num(this_total - prior_total, NUM_BOLD),
    ]);
    for (i, (program, _)) in rows.iter().enumerate() {
        sheet.row(&[
            Cell::Text(&program.name, TEXT),
            Cell::Num(this_shown[i], NUM),
            Cell::Num(prior_shown[i], NUM),
            Cell::Num(this_shown[i] - prior_shown[i], NUM),
        ]);
    }
    sheet
}

/// One schedule table per program that has a schedule.
fn schedules_sheet(plan: &Plan, lang: Lang) -> Sheet {
    let mut sheet = Sheet::new(&[24, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14]);
    heading(&mut sheet, plan, lang.pick("소요예산", "Schedules"));
    let mut any = false;
    for program in plan.programs.iter().filter(|p| !p.schedule.rows.is_empty()) {
        any = true;
        sheet.blank();
        sheet.row(&[Cell::Text(&program.name, SUBTITLE)]);
        schedule_table(
            &mut sheet,
            plan,
            lang,
            &program.schedule,
            program.period,
            false,
        );
    }
    if !any {
        none(&mut sheet, lang);
    }
    sheet
}

/// Each program's 산출기초 as 예산서 prints it: item, basis line, amount, the
/// items' total and the 예산액 it is checked against.
fn items_sheet(plan: &Plan, lang: Lang) -> Sheet {
    let mut sheet = Sheet::new(&[24, 44, 16]);
    heading(&mut sheet, plan, lang.pick("산출기초", "Line items"));
    let mut any = false;
    for program in plan.programs.iter().filter(|p| !p.line_items.is_empty()) {
        any = true;
        let lines = basis_lines(program, plan.unit);
        sheet.blank();
        sheet.row(&[Cell::Text(&program.name, SUBTITLE)]);
        caption(&mut sheet, 3, unit_caption(plan.unit, lang));
        sheet.row(&[
            head(lang.pick("항목", "Item")),
            head(lang.pick("산출기초", "Calculation basis")),
            head(lang.pick("금액", "Amount")),
        ]);
        for line in &lines.lines {
            sheet.row(&[
                Cell::Text(&line.name, TEXT),
                Cell::Text(&line.text, TEXT),
                Cell::Num(line.amount, NUM),
            ]);
        }
        let total = match lines.total {
            Some(t) => Cell::Num(t, NUM_BOLD),
            None => Cell::Text("-", TEXT_RIGHT),
        };
        sheet.row(&[
            Cell::Text(lang.pick("계", "Total"), TEXT_BOLD),
            Cell::Text("", TEXT),
            total,
        ]);
        if let Some(budget) = lines.budget {
            sheet.row(&[
                Cell::Text(lang.pick("예산액", "Budget (예산액)"), TEXT),
                Cell::Text("", TEXT),
                Cell::Num(budget, NUM),
            ]);
        }
    }
    if !any {
        none(&mut sheet, lang);
    }
    sheet
}

/// Two stages in the 추경 form: 기정액, 경정액 and 증감 of each changed 예산액,
/// then of each changed share by source; the unchanged rows in one line; 계;
/// then each changed program's 산출기초 of both stages side by side.
fn comparison_sheet(plan: &Plan, lang: Lang, c: &StageComparison) -> Sheet {
    let mut sheet = Sheet::new(&[36, 12, 16, 16, 16]);
    let title = format!("{} → {}", c.before, c.after);
    heading(&mut sheet, plan, &title);
    let unchanged = |n: usize| match lang {
        Lang::Ko => format!("변동 없음 ({n}개)"),
        Lang::En => format!("Unchanged ({n})"),
    };
    for (caption_text, table, by_source) in [
        (lang.pick("예산액", "Budget (예산액)"), &c.budget, false),
        (
            lang.pick("재원별 사업비", "Shares by source"),
            &c.shares,
            true,
        ),
    ] {
        sheet.blank();
        sheet.row(&[Cell::Text(caption_text, SUBTITLE)]);
        caption(&mut sheet, 5, unit_caption(plan.unit, lang));
        sheet.row(&[
            head(lang.pick("사업명", "Program")),
            head(if by_source {
                lang.pick("재원", "Source")
            } else {
                ""
            }),
            head(lang.pick("기정액", "Before (기정액)")),
            head(lang.pick("경정액", "Now (경정액)")),
            head(lang.pick("증감", "Change (증감)")),
        ]);
        for line in &table.changed {
            let source = line
                .source
                .as_deref()
                .map(|s| source_name(plan, s, lang))
                .unwrap_or_default();
            sheet.row(&[
                Cell::Text(&line.name, TEXT),
                Cell::Text(&source, TEXT),
                Cell::Num(line.before, NUM),
                Cell::Num(line.after, NUM),
                Cell::Num(line.change, NUM),
            ]);
        }
        if table.unchanged.0 > 0 {
            let label = unchanged(table.unchanged.0);
            sheet.row(&[
                Cell::Text(&label, TEXT),
                Cell::Text("", TEXT),
                Cell::Num(table.unchanged.1, NUM),
                Cell::Num(table.unchanged.1, NUM),
                Cell::Num(Decimal::ZERO, NUM),
            ]);
        }
        sheet.row(&[
            Cell::Text(lang.pick("계", "Total"), TEXT_BOLD),
            Cell::Text("", TEXT),
            Cell::Num(table.total.0, NUM_BOLD),
            Cell::Num(table.total.1, NUM_BOLD),
            Cell::Num(table.total.2, NUM_BOLD),
        ]);
    }
    if !c.items.is_empty() {
        sheet.blank();
        sheet.row(&[Cell::Text(
            lang.pick("산출기초", "Calculation basis"),
            SUBTITLE,
        )]);
        caption(&mut sheet, 5, unit_caption(plan.unit, lang));
        sheet.row(&[
            head(lang.pick("사업명", "Program")),
            head(""),
            head(lang.pick("기정 산출기초", "Before")),
            head(lang.pick("경정 산출기초", "Now")),
        ]);
        for program in &c.items {
            let lines = program.before.len().max(program.after.len());
            for i in 0..lines {
                let line = |l: &[String]| l.get(i).cloned().unwrap_or_default();
                let (before, after) = (line(&program.before), line(&program.after));
                let name = if i == 0 { program.name.as_str() } else { "" };
                sheet.row(&[
                    Cell::Text(name, TEXT),
                    Cell::Text("", TEXT),
                    Cell::Text(&before, TEXT),
                    Cell::Text(&after, TEXT),
                ]);
            }
            let total = |t: Option<Decimal>| {
                t.map_or(Cell::Text("-", TEXT_RIGHT), |t| Cell::Num(t, NUM_BOLD))
            };
            sheet.row(&[
                Cell::Text(lang.pick("계", "Total"), TEXT_BOLD),
                Cell::Text("", TEXT),
                total(program.totals.0),
                total(program.totals.1),
            ]);
        }
    }
    sheet
}

/// Each pledge: its §1.3 schedule and its §1.4 indicator tables.
fn pledges_sheet(plan: &Plan, lang: Lang) -> Sheet {
    let mut sheet = Sheet::new(&[24, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14]);
    heading(&mut sheet, plan, lang.pick("공약", "Pledges"));
    for pledge in &plan.pledges {
        sheet.blank();
        let title = match lang {
            Lang::Ko => format!("공약 {}. {}", pledge.number, pledge.title),
            Lang::En => format!("Pledge {}. {}", pledge.number, pledge.title),
        };
        sheet.row(&[Cell::Text(&title, SUBTITLE)]);
        sheet.row(&[Cell::Text(
            lang.pick("소요예산액", "Cost schedule"),
            TEXT_PLAIN,
        )]);
        schedule_table(&mut sheet, plan, lang, &pledge.schedule, pledge.term, true);
        for indicator in &pledge.indicators {
            let summary = indicator_summary(indicator);
            let mut years: Vec<i32> = pledge.term.years().collect();
            years.extend(indicator.years.keys().copied());
            years.sort_unstable();
            years.dedup();
            let width = years.len() + 3;
            sheet.blank();
            let label = match lang {
                Lang::Ko => format!("공약달성 확인지표: {}", indicator.name),
                Lang::En => format!("Target indicator: {}", indicator.name),
            };
            sheet.row(&[Cell::Text(&label, TEXT_PLAIN)]);
            let unit = match lang {
                Lang::Ko => format!("(단위: {})", indicator.unit),
                Lang::En => format!("(Unit: {})", indicator.unit),
            };
            caption(&mut sheet, width, &unit);
            let year_labels: Vec<String> = years.iter().map(i32::to_string).collect();
            let mut cells = vec![head(""), head(lang.pick("합계", "Total"))];
            cells.extend(year_labels.iter().map(|y| head(y)));
            cells.push(head(lang.pick("이행율", "Achievement")));
            sheet.row(&cells);

            let mut target = vec![
                Cell::Text(lang.pick("목표", "Target"), TEXT),
                quantity(summary.target_total),
            ];
            let mut actual = vec![
                Cell::Text(lang.pick("실적", "Actual"), TEXT),
                quantity(summary.actual_total),
            ];
            for year in &years {
                let y = indicator.years.get(year);
                target.push(match y.and_then(|y| y.target) {
                    Some(q) => quantity(q),
                    None => Cell::Text("-", TEXT_RIGHT),
                });
                actual.push(match y.and_then(|y| y.actual) {
                    Some(q) => quantity(q),
                    None => Cell::Text("-", TEXT_RIGHT),
                });
            }
            target.push(match summary.achievement {
                Some(rate) => Cell::Num(rate, PERCENT),
                None => Cell::Text("-", TEXT_RIGHT),
            });
            actual.push(Cell::Text("", TEXT));
            sheet.row(&target);
            sheet.row(&actual);
            // Notes below the table, one line each, so they never squeeze a column.
            for (year, y) in indicator.years.iter().filter(|(_, y)| !y.note.is_empty()) {
                let note = format!("※ {year}: {}", y.note);
                sheet.row(&[Cell::Text(&note, TEXT_PLAIN)]);
            }
        }
    }
    if plan.pledges.is_empty() {
        none(&mut sheet, lang);
    }
    sheet
}

/// §1.5: 계 first, then one row per grade; 과부족 = current − quota.
fn staffing_sheet(plan: &Plan, lang: Lang) -> Sheet {
    let mut sheet = Sheet::new(&[18, 10, 12, 12, 12]);
    heading(&mut sheet, plan, lang.pick("인력", "Staffing"));
    caption(&mut sheet, 5, lang.pick("(단위: 명)", "(Unit: persons)"));
    sheet.row(&[
        head(lang.pick("구분", "Group")),
        head(lang.pick("직급", "Grade")),
        head(lang.pick("정원", "Quota")),
        head(lang.pick("현원", "Current")),
        head(lang.pick("과부족", "Surplus (△)")),
    ]);
    let totals = staffing_totals(&plan.staffing);
    sheet.row(&[
        Cell::Text(lang.pick("계", "Total"), TEXT_BOLD),
        Cell::Text("", TEXT_BOLD),
        Cell::Num(Decimal::from(totals.quota), NUM_BOLD),
        Cell::Num(Decimal::from(totals.current), NUM_BOLD),
        Cell::Num(Decimal::from(totals.shortfall), NUM_BOLD),
    ]);
    for row in &plan.staffing {
        sheet.row(&[
            Cell::Text(&row.group, TEXT),
            Cell::Text(&row.grade, TEXT),
            Cell::Num(Decimal::from(row.quota), NUM),
            Cell::Num(Decimal::from(row.current), NUM),
            Cell::Num(Decimal::from(row.shortfall()), NUM),
        ]);
    }
    sheet
}

/// A schedule as §1.3 prints it: 구분 | 총계 | 기투자 | (소계) | years | 장기,
/// 계 row first, figures footed across and down in the plan's unit.
fn schedule_table(
    sheet: &mut Sheet,
    plan: &Plan,
    lang: Lang,
    schedule: &Schedule,
    period: YearRange,
    subtotal: bool,
) {
    let totals = schedule_totals(schedule, &plan.sources, period);
    let per_unit = plan.unit.won_per_unit();
    let exact: Vec<Vec<Decimal>> = totals
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|a| a.as_decimal() / per_unit).collect())
        .collect();
    let footed = foot_grid(&exact, 0);
    let in_term = |cells: &[Decimal]| -> Decimal {
        totals
            .columns
            .iter()
            .zip(cells)
            .filter(|(c, _)| matches!(c, Column::Year(y) if period.contains(*y)))
            .map(|(_, v)| *v)
            .sum()
    };

    let averages = schedule
        .average
        .then(|| average_column(&exact, |c| in_term(c), period));
    let width = totals.columns.len() + 2 + usize::from(subtotal) + usize::from(averages.is_some());
    caption(sheet, width, unit_caption(plan.unit, lang));
    let labels: Vec<String> = totals
        .columns
        .iter()
        .map(|c| crate::model::words::column_name(*c, lang))
        .collect();
    let mut header = vec![
        head(lang.pick("구분", "Source")),
        head(lang.pick("총계", "Total")),
    ];
    if averages.is_some() {
        header.push(head(lang.pick("연평균", "Yearly average")));
    }
    for (c, label) in totals.columns.iter().zip(&labels) {
        header.push(head(label));
        if subtotal && *c == Column::Before {
            header.push(head(lang.pick("소계", "Term")));
        }
    }
    sheet.row(&header);

    let mut line =
        |label: &str, total: Decimal, average: Option<Decimal>, cells: &[Decimal], bold: bool| {
            let (text, num) = if bold {
                (TEXT_BOLD, NUM_BOLD)
            } else {
                (TEXT, NUM)
            };
            let mut row = vec![Cell::Text(label, text), Cell::Num(total, num)];
            if let Some(average) = average {
                row.push(Cell::Num(average, num));
            }
            for (c, value) in totals.columns.iter().zip(cells) {
                row.push(Cell::Num(*value, num));
                if subtotal && *c == Column::Before {
                    row.push(Cell::Num(in_term(cells), num));
                }
            }
            sheet.row(&row);
        };
    line(
        lang.pick("계", "Total"),
        footed.total,
        averages.as_ref().map(|(_, t)| *t),
        &footed.column_totals,
        true,
    );
    for (r, row) in totals.rows.iter().enumerate() {
        let name = plan
            .source(&row.source)
            .map(|s| match lang {
                Lang::Ko => s.name_ko.as_str(),
                Lang::En => s.name_en.as_str(),
            })
            .unwrap_or(&row.source);
        let average = averages.as_ref().and_then(|(rows, _)| rows.get(r).copied());
        line(name, footed.row_totals[r], average, &footed.cells[r], false);
    }
}

/// The sheet's title and the plan it comes from.
fn heading(sheet: &mut Sheet, plan: &Plan, title: &str) {
    sheet.row(&[Cell::Text(title, TITLE)]);
    let from = if plan.organisation.is_empty() {
        plan.title.clone()
    } else {
        format!("{} · {}", plan.title, plan.organisation)
    };
    sheet.row(&[Cell::Text(&from, TEXT_PLAIN)]);
}

/// The unit caption, right-aligned above the last column of a table `width` wide.
fn caption(sheet: &mut Sheet, width: usize, text: &str) {
    let mut cells = vec![Cell::Empty; width.saturating_sub(1)];
    cells.push(Cell::Text(text, CAPTION));
    sheet.row(&cells);
}

/// What an empty sheet says.
fn none(sheet: &mut Sheet, lang: Lang) {
    sheet.blank();
    sheet.row(&[Cell::Text(lang.pick("(없음)", "(none)"), TEXT_PLAIN)]);
}

fn head(text: &str) -> Cell<'_> {
    Cell::Text(text, HEAD)
}

/// An indicator quantity: whole numbers with separators, others as they are.
fn quantity(value: Decimal) -> Cell<'static> {
    if value.normalize().scale() == 0 {
        Cell::Num(value, NUM)
    } else {
        Cell::Num(value, NUM_GENERAL)
    }
}

// ---- cells, styles and sheet XML ----

/// Indexes into `cellXfs` of [`STYLES`].
type Style = u8;
const TEXT: Style = 1;
const HEAD: Style = 2;
const NUM: Style = 3;
const NUM_BOLD: Style = 4;
const TITLE: Style = 5;
const CAPTION: Style = 6;
const PERCENT: Style = 7;
const TEXT_BOLD: Style = 8;
const NUM_GENERAL: Style = 9;
const TEXT_RIGHT: Style = 10;
const SUBTITLE: Style = 11;
const TEXT_PLAIN: Style = 0;

/// The workbook's theme: the colours and fonts Excel's default "Office" theme
/// names, with 맑은 고딕 for Hangul. Excel-compatibility validators require a
/// theme part; the cells' own styles do not depend on it.
const THEME: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Hang" typeface="맑은 고딕"/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Hang" typeface="맑은 고딕"/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"#;

/// Number formats 164 (figures: separators, △, - for zero) and 165 (rates with
/// a literal %, so the cell holds 64.7, not 0.647); fonts: normal, bold, title;
/// borders: none, thin.
const STYLES: &str = r##"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0;&quot;△&quot;#,##0;&quot;-&quot;"/><numFmt numFmtId="165" formatCode="0.0&quot;%&quot;"/></numFmts><fonts count="3"><font><sz val="11"/><name val="맑은 고딕"/><family val="3"/><charset val="129"/></font><font><b/><sz val="11"/><name val="맑은 고딕"/><family val="3"/><charset val="129"/></font><font><b/><sz val="14"/><name val="맑은 고딕"/><family val="3"/><charset val="129"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="12"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/><xf numFmtId="164" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="right"/></xf><xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="right"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"##;

/// One cell of a row: nothing, text, or an exact number.
#[derive(Clone, Copy)]
enum Cell<'a> {
    Empty,
    Text(&'a str, Style),
    Num(Decimal, Style),
}

/// A worksheet being written, row by row.
struct Sheet {
    widths: &'static [u8],
    rows: String,
    next_row: u32,
}

impl Sheet {
    fn new(widths: &'static [u8]) -> Sheet {
        Sheet {
            widths,
            rows: String::new(),
            next_row: 1,
        }
    }

    fn blank(&mut self) {
        self.next_row += 1;
    }

    fn row(&mut self, cells: &[Cell]) {
        let r = self.next_row;
        self.next_row += 1;
        self.rows.push_str(&format!("<row r=\"{r}\">"));
        for (c, cell) in cells.iter().enumerate() {
            let at = format!("{}{r}", column_name(c));
            match cell {
                Cell::Empty => {}
                Cell::Text(text, style) => {
                    if text.is_empty() {
                        self.rows
                            .push_str(&format!("<c r=\"{at}\" s=\"{style}\"/>"));
                    } else {
                        self.rows.push_str(&format!(
                            "<c r=\"{at}\" s=\"{style}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                            escape(&cell_text(text))
                        ));
                    }
                }
                Cell::Num(value, style) => {
                    // Decimal's Display is plain decimal text: never an exponent.
                    self.rows.push_str(&format!(
                        "<c r=\"{at}\" s=\"{style}\"><v>{}</v></c>",
                        value.normalize()
                    ));
                }
            }
        }
        self.rows.push_str("</row>");
    }

    fn finish(self) -> String {
        let mut xml = String::with_capacity(self.rows.len() + 512);
        xml.push_str(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><cols>"#,
        );
        for (i, width) in self.widths.iter().enumerate() {
            xml.push_str(&format!(
                r#"<col min="{0}" max="{0}" width="{width}" customWidth="1"/>"#,
                i + 1
            ));
        }
        xml.push_str("</cols><sheetData>");
        xml.push_str(&self.rows);
        xml.push_str(r#"</sheetData><pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>"#);
        xml
    }
}

/// `A`, `B`, …, `Z`, `AA`, … for a zero-based column index.
fn column_name(index: usize) -> String {
    let mut n = index + 1;
    let mut name = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        name.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// The most a cell holds, in UTF-16 units (what Excel counts: an emoji is two).
const CELL_UTF16_UNITS: usize = 32_767;

/// Text as a cell may hold it: at most 32,767 UTF-16 units, and a literal
/// `_xHHHH_` kept literal (Excel would otherwise read it as an escaped character).
fn cell_text(text: &str) -> String {
    let mut units = 0;
    let text: String = text
        .chars()
        .take_while(|c| {
            units += c.len_utf16();
            units <= CELL_UTF16_UNITS
        })
        .collect();
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    for (i, ch) in text.char_indices() {
        let escaped_pattern = ch == '_'
            && bytes.len() >= i + 7
            && bytes[i + 1] == b'x'
            && bytes[i + 2..i + 6].iter().all(u8::is_ascii_hexdigit)
            && bytes[i + 6] == b'_';
        if escaped_pattern {
            out.push_str("_x005F_");
        } else {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::demo::demo_plan;
    use crate::model::amount::Unit;
    use crate::model::plan::Program;

    fn u16_at(b: &[u8], i: usize) -> usize {
        usize::from(u16::from_le_bytes([b[i], b[i + 1]]))
    }
    fn u32_at(b: &[u8], i: usize) -> u32 {
        u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
    }

    /// Reads the archive back the way an unzip tool does (end record → central
    /// directory → local headers), checking every signature, size and CRC.
    fn unzip(b: &[u8]) -> Vec<(String, String)> {
        let end = b.len() - 22;
        assert_eq!(u32_at(b, end), 0x0605_4b50, "end of central directory");
        let count = u16_at(b, end + 10);
        let cd_size = u32_at(b, end + 12) as usize;
        let mut at = u32_at(b, end + 16) as usize;
        assert_eq!(
            at + cd_size,
            end,
            "central directory sits before the end record"
        );
        let mut files = Vec::new();
        for _ in 0..count {
            assert_eq!(u32_at(b, at), 0x0201_4b50, "central header");
            let crc = u32_at(b, at + 16);
            let size = u32_at(b, at + 20) as usize;
            assert_eq!(u32_at(b, at + 24) as usize, size, "stored: sizes equal");
            let name_len = u16_at(b, at + 28);
            let skip = name_len + u16_at(b, at + 30) + u16_at(b, at + 32);
            let name = String::from_utf8(b[at + 46..at + 46 + name_len].to_vec()).unwrap();
            let local = u32_at(b, at + 42) as usize;
            assert_eq!(u32_at(b, local), 0x0403_4b50, "local header of {name}");
            assert_eq!(u16_at(b, local + 8), 0, "stored");
            assert_eq!(u32_at(b, local + 14), crc);
            let local_name_len = u16_at(b, local + 26);
            assert_eq!(&b[local + 30..local + 30 + local_name_len], name.as_bytes());
            let start = local + 30 + local_name_len + u16_at(b, local + 28);
            let data = &b[start..start + size];
            assert_eq!(crate::render::zip::crc32(data), crc, "CRC of {name}");
            files.push((name, String::from_utf8(data.to_vec()).unwrap()));
            at += 46 + skip;
        }
        assert_eq!(at, end);
        files
    }

    /// Checks that tags nest and close, and that no raw `&` or `<` is in text.
    fn assert_well_formed(name: &str, xml: &str) {
        let mut stack: Vec<&str> = Vec::new();
        let mut rest = xml;
        while let Some(open) = rest.find('<') {
            let text = &rest[..open];
            for (i, _) in text.match_indices('&') {
                let entity = &text[i..];
                assert!(
                    ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                        .iter()
                        .any(|e| entity.starts_with(e)),
                    "{name}: raw & in {text}"
                );
            }
            let close = rest[open..].find('>').unwrap() + open;
            let tag = &rest[open + 1..close];
            assert!(!tag.contains('<'), "{name}: < inside a tag: {tag}");
            if tag.starts_with('?') {
            } else if let Some(end) = tag.strip_prefix('/') {
                assert_eq!(stack.pop(), Some(end), "{name}: mismatched </{end}>");
            } else if !tag.ends_with('/') {
                stack.push(tag.split_whitespace().next().unwrap());
            }
            rest = &rest[close + 1..];
        }
        assert!(stack.is_empty(), "{name}: unclosed {stack:?}");
    }

    fn part<'a>(files: &'a [(String, String)], name: &str) -> &'a str {
        &files.iter().find(|(n, _)| n == name).unwrap().1
    }

    #[test]
    fn a_cell_holds_at_most_32767_utf16_units() {
        // An emoji is two UTF-16 units: 20,000 of them are 40,000 units.
        let text = cell_text(&"😀".repeat(20_000));
        assert_eq!(text.encode_utf16().count(), 32_766);
        assert_eq!(
            cell_text(&"가".repeat(40_000)).encode_utf16().count(),
            32_767
        );
    }

    #[test]
    fn the_workbook_is_a_well_formed_zip_of_well_formed_parts() {
        let bytes = plan_xlsx(&demo_plan(), Lang::Ko);
        assert_eq!(&bytes[..4], b"PK\x03\x04");
        let files = unzip(&bytes);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names[0], "[Content_Types].xml");
        for expected in [
            "_rels/.rels",
            "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels",
            "xl/styles.xml",
            "xl/theme/theme1.xml",
            "xl/worksheets/sheet4.xml",
        ] {
            assert!(
                names.contains(&expected),
                "{expected} missing from {names:?}"
            );
        }
        for (name, xml) in &files {
            assert_well_formed(name, xml);
        }
        let workbook = part(&files, "xl/workbook.xml");
        for sheet in ["예산현황", "소요예산", "공약", "인력"] {
            assert!(
                workbook.contains(&format!("name=\"{sheet}\"")),
                "{workbook}"
            );
        }
        // Deterministic: the same plan gives the same bytes.
        assert_eq!(plan_xlsx(&demo_plan(), Lang::Ko), bytes);
    }

    #[test]
    fn sheets_hold_the_official_figures_as_numbers() {
        let files = unzip(&plan_xlsx(&demo_plan(), Lang::Ko));
        let status = part(&files, "xl/worksheets/sheet1.xml");
        for v in ["1780060", "654714", "1125346", "-21634", "625648"] {
            assert!(status.contains(&format!("<v>{v}</v>")), "{v} in {status}");
        }
        assert!(status.contains("(단위: 천원)"));
        // The 계 row comes before the first program row.
        assert!(status.find("<v>1780060</v>").unwrap() < status.find("<v>625648</v>").unwrap());
        let schedules = part(&files, "xl/worksheets/sheet2.xml");
        for v in ["1167388", "622500", "247313", "297575", "8000"] {
            assert!(schedules.contains(&format!("<v>{v}</v>")), "{v}");
        }
        let pledges = part(&files, "xl/worksheets/sheet3.xml");
        for v in [
            "3528000", "2450000", "1078000", "440000", "598000", "3000", "1941", "64.7",
        ] {
            assert!(pledges.contains(&format!("<v>{v}</v>")), "{v}");
        }
        assert!(pledges.contains("공약 17. 마을사회적경제지원센터"));
        assert!(pledges.contains("코로나19"));
        let staffing = part(&files, "xl/worksheets/sheet4.xml");
        assert!(staffing.contains("<v>16</v>"));
        assert!(staffing.contains("<v>-1</v>"));
        // Numbers are numeric cells, never text.
        assert!(!status.contains("t=\"inlineStr\"><is><t xml:space=\"preserve\">1780060"));
        assert!(!status.contains("t=\"n\""));
    }

    #[test]
    fn pledge_schedule_in_millions_foots_as_the_document_prints_it() {
        let mut plan = demo_plan();
        plan.unit = Unit::Million;
        let files = unzip(&plan_xlsx(&plan, Lang::En));
        let pledges = part(&files, "xl/worksheets/sheet3.xml");
        // Row 계: 3,528 | - | 3,528 | 598 725 735 735 735 | -.
        let expected = ["3528", "0", "3528", "598", "725", "735", "735", "735", "0"];
        let row = expected
            .iter()
            .map(|v| format!("<v>{v}</v>"))
            .collect::<Vec<_>>();
        let mut at = 0;
        for v in &row {
            at += pledges[at..]
                .find(v.as_str())
                .unwrap_or_else(|| panic!("{v} after {at}"));
        }
        assert!(pledges.contains("(Unit: KRW 1,000,000)"));
        let status = part(&files, "xl/worksheets/sheet1.xml");
        // 1,780,060천원 in 백만원: each column foots to its rounded total.
        assert!(status.contains("<v>1780</v>"));
    }

    #[test]
    fn text_is_escaped_and_names_are_safe() {
        let mut plan = Plan::new(
            "<script>alert('x')</script> & co",
            YearRange::new(2020, 2021),
            Unit::Thousand,
        );
        let mut program = Program::new(
            1,
            "<script>\"a\" & 'b'</script>\u{1}_x0041_",
            YearRange::new(2020, 2021),
        );
        program
            .schedule
            .set("city", Column::Year(2020), Amount::won(1_000));
        plan.programs.push(program);
        let files = unzip(&plan_xlsx(&plan, Lang::En));
        for (name, xml) in &files {
            assert!(!xml.contains("<script>"), "{name}");
            assert_well_formed(name, xml);
        }
        let schedules = part(&files, "xl/worksheets/sheet2.xml");
        assert!(schedules.contains(
            "&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/script&gt;_x005F_x0041_"
        ));
        assert!(part(&files, "docProps/core.xml").contains("&lt;script&gt;alert(&apos;x&apos;)"));

        assert_eq!(sheet_name("a[b]:c*d?e/f\\g"), "a_b__c_d_e_f_g");
        assert_eq!(sheet_name(&"가".repeat(40)).chars().count(), 31);
        assert_eq!(sheet_name("'quoted'"), "quoted");
        assert_eq!(sheet_name(""), "Sheet");
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
    }

    #[test]
    fn an_empty_plan_still_makes_every_sheet() {
        let plan = Plan::new("빈 계획", YearRange::new(2020, 2020), Unit::Won);
        let files = unzip(&plan_xlsx(&plan, Lang::Ko));
        for n in 1..=4 {
            assert_well_formed(
                "sheet",
                part(&files, &format!("xl/worksheets/sheet{n}.xml")),
            );
        }
        assert!(part(&files, "xl/worksheets/sheet3.xml").contains("(없음)"));
    }

    #[test]
    fn a_benchmark_size_plan_makes_a_sound_workbook_and_csv() {
        use crate::fixtures::generate::{generated_plan, Size};
        let plan = generated_plan(Size::BENCHMARK, 7);
        let bytes = plan_xlsx(&plan, Lang::Ko);
        let files = unzip(&bytes);
        for (name, xml) in &files {
            assert_well_formed(name, xml);
        }
        // Stored, not deflated: about 1.5 MB for 200 programs × 10 years × 5 sources.
        assert!(bytes.len() < 4_000_000, "{} bytes", bytes.len());
        let csv = crate::render::csv::plan_csv(&plan, Lang::En);
        // Every program's schedule is a full grid of years × sources in the CSV.
        let rows = std::str::from_utf8(&csv).unwrap().matches("\r\n").count();
        assert!(
            rows > plan.programs.len() * plan.sources.len(),
            "{rows} rows"
        );
    }
}
