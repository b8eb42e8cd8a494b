//! Tables brought in from spreadsheets (issue 19): what the importer finds in
//! a sheet, the figures it sets, the totals it checks and the problems it
//! names, and the app's own CSV and XLSX exports read back to the same figures.

use std::collections::BTreeMap;

use planner_core::file::import::{
    find_tables, new_plan_for, preview, read_file, text_sheet, Kind, Role, Severity, Target,
};
use planner_core::file::workbook::Sheet;
use planner_core::fixtures::demo::demo_plan;
use planner_core::model::amount::{Amount, Unit};
use planner_core::model::plan::{Column, Owner, Plan, YearRange};
use planner_core::render::csv::plan_csv;
use planner_core::render::xlsx::plan_xlsx;
use planner_core::Lang;

fn sheet(name: &str, text: &str) -> Sheet {
    text_sheet(name, text).unwrap()
}

fn new_plan(sheets: &[Sheet]) -> (Plan, Vec<planner_core::file::import::Table>) {
    let empty = Plan::new("", YearRange::new(2025, 2029), Unit::Thousand);
    let tables = find_tables(sheets, &empty);
    let base = new_plan_for(sheets, &tables, "imported", empty.years);
    (base, tables)
}

const STATUS: &str = "2025년 예산현황\n,,,(단위: 천원)\n단위사업명,예산액,전년도 예산액,증(△)감\n계,\"1,800,000\",\"1,700,000\",\"100,000\"\n청년 일자리,1000000,900000,100000\n노인 돌봄,500000,400000,100000\n도로 정비,300000,400000,△100000\n";

const SCHEDULE: &str = "청년 일자리\n,,,,(단위: 천원)\n구분,2025,2026,2027,합계\n국비,100000,200000,300000,600000\n시비,50000,50000,-,100000\n구비,10000,20000,30000,60000\n계,160000,270000,330000,760000\n";

#[test]
fn a_status_table_with_its_caption_and_total_row_becomes_programs() {
    let sheets = [sheet("예산현황", STATUS)];
    let (base, tables) = new_plan(&sheets);
    assert_eq!(tables.len(), 1);
    let t = &tables[0];
    assert_eq!((t.kind, t.header, t.first, t.last), (Kind::Status, 2, 3, 6));
    assert_eq!(
        t.roles,
        [Role::Label, Role::ThisYear, Role::PriorYear, Role::Change]
    );
    assert_eq!((t.unit, t.unit_stated), (Unit::Thousand, true));
    let p = preview(&base, &sheets, &tables, Lang::Ko);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    // Three rows' 증감 and the 계 row's three figures.
    assert_eq!(p.totals_checked, 6);
    let names: Vec<&str> = p.plan.programs.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["청년 일자리", "노인 돌봄", "도로 정비"],
        "the 계 row is no program"
    );
    let road = p.plan.programs[2].budget.unwrap();
    assert_eq!(
        (road.this_year, road.prior_year),
        (Amount::won(300_000_000), Amount::won(400_000_000))
    );
    // One step: applied to the base plan it gives the previewed plan.
    let mut again = base.clone();
    again.apply(p.edit.clone()).unwrap();
    assert_eq!(again, p.plan);
    assert!(p.changes.iter().any(|c| c.from == "예산현황!B5"
        && c.what == "청년 일자리 · 예산액"
        && c.after == "1,000,000"));
}

#[test]
fn a_wrong_total_is_a_located_problem_and_is_not_imported() {
    let wrong = STATUS.replace("\"1,800,000\"", "\"1,800,001\"");
    let sheets = [sheet("예산현황", &wrong)];
    let (base, tables) = new_plan(&sheets);
    let p = preview(&base, &sheets, &tables, Lang::En);
    assert_eq!(p.problems.len(), 1, "{:?}", p.problems);
    let problem = &p.problems[0];
    assert_eq!(
        (
            problem.sheet.as_str(),
            problem.cell.as_str(),
            problem.severity
        ),
        ("예산현황", "B4", Severity::Error)
    );
    assert!(
        problem.message.contains("1,800,001") && problem.message.contains("1,800,000"),
        "{}",
        problem.message
    );
    // The figures are still the rows' own.
    let total: Amount = p
        .plan
        .programs
        .iter()
        .map(|p| p.budget.unwrap().this_year)
        .fold(Amount::ZERO, |a, b| {
            Amount::from_won(a.as_decimal() + b.as_decimal())
        });
    assert_eq!(total, Amount::won(1_800_000_000));
}

#[test]
fn a_schedule_by_source_and_year_with_its_total_column_and_row() {
    let sheets = [sheet("예산현황", STATUS), sheet("소요예산", SCHEDULE)];
    let (base, tables) = new_plan(&sheets);
    assert_eq!(tables[1].kind, Kind::Schedule);
    assert_eq!(tables[1].target, Target::Named("청년 일자리".into()));
    assert_eq!(
        tables[1].roles,
        [
            Role::Label,
            Role::Year(2025),
            Role::Year(2026),
            Role::Year(2027),
            Role::Total
        ]
    );
    assert_eq!(
        base.years,
        YearRange::new(2025, 2027),
        "a new plan spans the years found"
    );
    let p = preview(&base, &sheets, &tables, Lang::Ko);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    // 6 status totals, 3 rows' 합계, the 계 row's 3 years and its 합계.
    assert_eq!(p.totals_checked, 6 + 3 + 4);
    let youth = &p.plan.programs[0];
    assert_eq!(
        p.plan.programs.len(),
        3,
        "the schedule's title names the status table's program"
    );
    let national = youth.schedule.row("national").unwrap();
    assert_eq!(national.cell(Column::Year(2027)), Amount::won(300_000_000));
    assert_eq!(
        national.after,
        Amount::ZERO,
        "the 합계 column is checked, not imported as 장기"
    );
    assert_eq!(
        youth.schedule.row("city").unwrap().cell(Column::Year(2027)),
        Amount::ZERO,
        "- is zero"
    );
    assert_eq!(youth.schedule.rows.len(), 3, "the 계 row is no source");
}

#[test]
fn into_the_open_plan_names_match_and_replaced_figures_show_what_they_were() {
    let plan = demo_plan();
    let name = plan.programs[0].name.clone();
    let before = plan.programs[0].budget.unwrap().this_year;
    let text = format!("단위사업명\t예산액\n{name}\t1,234\n새 사업\t△5\n");
    let sheets = [sheet("붙여넣은 표", &text)];
    let tables = find_tables(&sheets, &plan);
    assert_eq!(tables[0].kind, Kind::Status);
    assert_eq!(tables[0].unit, plan.unit, "no caption: the plan's unit");
    let p = preview(&plan, &sheets, &tables, Lang::Ko);
    assert_eq!(p.plan.programs.len(), plan.programs.len() + 1);
    assert_eq!(
        p.plan.programs[0].budget.unwrap().this_year,
        Amount::won(1_234_000)
    );
    let change = p
        .changes
        .iter()
        .find(|c| c.what.starts_with(&name))
        .unwrap();
    assert_eq!(
        change.before.as_deref(),
        Some(planner_core::model::amount::format_figure(plan.unit.exact_figure(before)).as_str())
    );
    assert_eq!(
        p.plan.programs.last().unwrap().budget.unwrap().this_year,
        Amount::won(-5_000)
    );
    assert!(p.changes.iter().any(|c| c.what == "사업 추가: 새 사업"));
}

#[test]
fn unreadable_cells_and_formula_errors_are_named_and_skipped() {
    let text = "단위사업명,예산액,전년도 예산액\nA,12abc,1\nB,#DIV/0!,2\nC,3,4\n";
    let sheets = [sheet("표", text)];
    let (base, tables) = new_plan(&sheets);
    let p = preview(&base, &sheets, &tables, Lang::En);
    let cells: Vec<&str> = p.problems.iter().map(|x| x.cell.as_str()).collect();
    assert_eq!(cells, ["B2", "B3"]);
    assert!(
        p.problems[1].message.contains("formula error"),
        "{}",
        p.problems[1].message
    );
    let c = p
        .plan
        .programs
        .iter()
        .find(|p| p.name == "C")
        .unwrap()
        .budget
        .unwrap();
    assert_eq!(c.this_year, Amount::won(3_000));
}

#[test]
fn a_cp949_csv_reads_with_its_korean() {
    let (bytes, _, bad) = encoding_rs::EUC_KR.encode("단위사업명,예산액\n마을공동체,\"1,000\"\n");
    assert!(!bad);
    let sheets = read_file("cp949", &bytes).unwrap();
    assert_eq!(sheets[0].rows[1], ["마을공동체", "1,000"]);
    let bom = [
        b"\xEF\xBB\xBF".as_slice(),
        "단위사업명,예산액\n마을\t,1\n".as_bytes(),
    ]
    .concat();
    assert_eq!(read_file("bom", &bom).unwrap()[0].rows[0][0], "단위사업명");
}

#[test]
fn bad_files_are_refused_whole() {
    for bytes in [&b"\x00\x01\x02garbage"[..], b"", b"\n\n,,\n"] {
        assert!(read_file("x", bytes).is_err(), "{bytes:?}");
    }
    assert!(read_file("x", &vec![b'a'; 21 * 1024 * 1024]).is_err());
}

/// What a plan holds that an export carries: budgets, schedule cells (by
/// owner and source name), line items' amounts and indicator figures.
fn figures(plan: &Plan, lang: Lang) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    // By the source's name in the export's language: that is what the file says.
    let source = |id: &str| {
        plan.source(id).map_or(id.to_string(), |s| match lang {
            Lang::Ko => s.name_ko.clone(),
            Lang::En => s.name_en.clone(),
        })
    };
    for p in &plan.programs {
        if let Some(b) = p.budget {
            out.insert(
                format!("{}|예산액", p.name),
                b.this_year.as_decimal().to_string(),
            );
            out.insert(
                format!("{}|전년도", p.name),
                b.prior_year.as_decimal().to_string(),
            );
        }
        for row in &p.schedule.rows {
            for (column, amount) in row.cells().filter(|(_, a)| !a.is_zero()) {
                out.insert(
                    format!("{}|{}|{column:?}", p.name, source(&row.source)),
                    amount.as_decimal().normalize().to_string(),
                );
            }
        }
        for (i, item) in p.line_items.iter().enumerate() {
            let amount = planner_core::rules::basis::check_line(item, plan.unit).amount;
            out.insert(
                format!("{}|item{i}|{}", p.name, item.name),
                amount.as_decimal().normalize().to_string(),
            );
        }
    }
    for g in &plan.pledges {
        for row in &g.schedule.rows {
            for (column, amount) in row.cells().filter(|(_, a)| !a.is_zero()) {
                out.insert(
                    format!("공약 {}|{}|{column:?}", g.title, source(&row.source)),
                    amount.as_decimal().normalize().to_string(),
                );
            }
        }
    }
    out
}

fn indicators(plan: &Plan) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for g in &plan.pledges {
        for i in &g.indicators {
            for (year, y) in &i.years {
                out.insert(
                    format!("{}|{}|{}|{year}", g.title, i.name, i.unit),
                    format!("{:?}/{:?}", y.target, y.actual),
                );
            }
        }
    }
    out
}

fn round_trip(bytes: &[u8], lang: Lang) -> planner_core::file::import::Preview {
    let sheets = read_file("demo", bytes).unwrap();
    let (base, tables) = new_plan(&sheets);
    preview(&base, &sheets, &tables, lang)
}

/// The demo plan and a generated district plan with line items, five sources
/// and indicators.
fn plans() -> Vec<Plan> {
    let generated = planner_core::fixtures::generate::generated_plan(
        planner_core::fixtures::generate::Size::district(8),
        19,
    );
    assert!(
        !generated.programs.iter().all(|p| p.line_items.is_empty()),
        "line items to compare"
    );
    vec![demo_plan(), generated]
}

#[test]
fn the_apps_own_csv_export_imports_back_to_the_same_figures() {
    for plan in plans() {
        assert!(figures(&plan, Lang::Ko).len() > 20, "figures to compare");
        for lang in [Lang::Ko, Lang::En] {
            let p = round_trip(&plan_csv(&plan, lang), lang);
            assert!(
                p.problems.iter().all(|x| x.severity == Severity::Warning),
                "{:?}",
                p.problems
            );
            assert_eq!(figures(&p.plan, lang), figures(&plan, lang), "{lang:?}");
            assert_eq!(p.plan.unit, plan.unit);
            assert_eq!(p.plan.pledges.len(), plan.pledges.len());
        }
    }
}

#[test]
fn the_apps_own_xlsx_export_imports_back_to_the_same_figures() {
    for plan in plans() {
        assert!(!indicators(&plan).is_empty(), "indicators to compare");
        for lang in [Lang::Ko, Lang::En] {
            let p = round_trip(&plan_xlsx(&plan, lang), lang);
            assert!(
                p.problems.iter().all(|x| x.severity == Severity::Warning),
                "{lang:?}: {:?}",
                p.problems
            );
            assert_eq!(figures(&p.plan, lang), figures(&plan, lang), "{lang:?}");
            assert_eq!(indicators(&p.plan), indicators(&plan), "{lang:?}");
            assert!(
                p.totals_checked > 20,
                "the export's 계 rows and 총계 columns are checked"
            );
        }
    }
}

#[test]
fn an_indicator_table_under_a_pledge_title_belongs_to_that_pledge() {
    let text = "공약 7. 청년 창업 지원\n소요예산액\n,,,(단위: 백만원)\n구분,총계,2025,2026\n계,30,10,20\n국비,30,10,20\n\n공약달성 확인지표: 창업 기업 수\n,,,(단위: 개)\n,합계,2025,2026\n목표,25,10,15\n실적,8,8,-\n";
    let sheets = [sheet("공약", text)];
    let (base, tables) = new_plan(&sheets);
    assert_eq!(
        tables.iter().map(|t| t.kind).collect::<Vec<_>>(),
        [Kind::Schedule, Kind::Indicator]
    );
    let p = preview(&base, &sheets, &tables, Lang::Ko);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    let pledge = &p.plan.pledges[0];
    assert_eq!(
        (pledge.number.as_str(), pledge.title.as_str()),
        ("7", "청년 창업 지원")
    );
    assert_eq!(
        pledge
            .schedule
            .row("national")
            .unwrap()
            .cell(Column::Year(2026)),
        Amount::won(20_000_000)
    );
    let indicator = &pledge.indicators[0];
    assert_eq!(
        (indicator.name.as_str(), indicator.unit.as_str()),
        ("창업 기업 수", "개")
    );
    assert_eq!(indicator.years[&2026].actual, None, "- is not reported");
    assert_eq!(indicator.years[&2025].actual, Some(8.into()));
    let _ = Owner::Pledge(pledge.id);
}

#[test]
fn years_the_plan_does_not_cover_widen_its_years_and_the_preview_says_so() {
    let plan = demo_plan();
    assert_eq!(plan.years, YearRange::new(2014, 2022));
    let sheets = [sheet("소요예산", SCHEDULE)];
    let tables = find_tables(&sheets, &plan);
    let p = preview(&plan, &sheets, &tables, Lang::En);
    assert_eq!(p.plan.years, YearRange::new(2014, 2027));
    let change = &p.changes[0];
    assert_eq!(
        (
            change.what.as_str(),
            change.before.as_deref(),
            change.after.as_str()
        ),
        ("The plan's years", Some("2014–2022"), "2014–2027")
    );
    // A new program for the title, over its schedule's years.
    let youth = p
        .plan
        .programs
        .iter()
        .find(|x| x.name == "청년 일자리")
        .unwrap();
    assert_eq!(youth.period, YearRange::new(2025, 2027));
    assert!(
        p.validation
            .iter()
            .all(|x| !format!("{:?}", x.code).contains("OutsideYears")),
        "{:?}",
        p.validation
    );
}

#[test]
fn merged_cells_in_a_sheet_are_said_in_the_preview() {
    let mut merged = sheet("예산현황", STATUS);
    merged.merged = vec!["B3:C3".into()];
    let sheets = [merged];
    let (base, tables) = new_plan(&sheets);
    let p = preview(&base, &sheets, &tables, Lang::Ko);
    let problem = p
        .problems
        .iter()
        .find(|x| x.severity == Severity::Warning)
        .expect("a warning");
    assert!(
        problem.message.contains("병합된 칸 B3:C3"),
        "{}",
        problem.message
    );
    assert_eq!(p.plan.programs.len(), 3, "and the figures are imported");
}
