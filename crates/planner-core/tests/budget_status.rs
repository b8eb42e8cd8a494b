//! DOMAIN.md §1.1: the budget status table of seed 002 must come out of the
//! model exactly as the document prints it.

use planner_core::amount::{format_figure, parse_amount, Unit};
use planner_core::demo::demo_plan;
use planner_core::file::{decode, encode, FileError, FORMAT_VERSION};
use planner_core::plan::{status_total, BudgetColumn, Edit, EditError, StatusRow};

fn shown(row: StatusRow, unit: Unit) -> [String; 3] {
    [row.this_year, row.prior_year, row.change].map(|a| format_figure(unit.shown_figure(a)))
}

#[test]
fn seed_002_status_table_foots_and_marks_the_cut() {
    let plan = demo_plan();
    assert_eq!(
        shown(status_total(&plan), plan.unit),
        ["1,780,060", "654,714", "1,125,346"].map(String::from)
    );
    let rows: Vec<[String; 3]> =
        plan.programs.iter().map(|p| shown(p.budget.into(), plan.unit)).collect();
    assert_eq!(rows[0], ["625,648", "145,140", "480,508"].map(String::from));
    assert_eq!(rows[1], ["262,000", "144,000", "118,000"].map(String::from));
    assert_eq!(rows[2], ["816,650", "268,178", "548,472"].map(String::from));
    assert_eq!(rows[3], ["75,762", "97,396", "△21,634"].map(String::from));
}

#[test]
fn an_edit_moves_the_total_and_the_change() {
    let mut plan = demo_plan();
    let basic = plan.programs[3].id;
    let amount = parse_amount("100,000", plan.unit).unwrap();
    plan.apply(Edit::SetBudget { program: basic, column: BudgetColumn::ThisYear, amount }).unwrap();
    let total = status_total(&plan);
    assert_eq!(format_figure(plan.unit.shown_figure(total.this_year)), "1,804,298");
    assert_eq!(format_figure(plan.unit.shown_figure(plan.programs[3].budget.change())), "2,604");
}

#[test]
fn programs_are_added_and_removed_by_id() {
    let mut plan = demo_plan();
    plan.apply(Edit::AddProgram { name: "새 단위사업".into() }).unwrap();
    let added = plan.programs.last().unwrap().id;
    assert!(plan.programs[..4].iter().all(|p| p.id != added));
    plan.apply(Edit::RemoveProgram { program: added }).unwrap();
    assert_eq!(plan, demo_plan());
    assert_eq!(
        plan.apply(Edit::RemoveProgram { program: added }),
        Err(EditError::NoSuchProgram(added))
    );
    assert_eq!(plan, demo_plan(), "a refused edit changes nothing");
}

#[test]
fn plan_file_round_trips_with_amounts_as_strings() {
    let plan = demo_plan();
    let text = encode(&plan, "0.1.0", "2026-11-23T00:00:00Z");
    assert!(text.contains("\"this_year\": \"625648000\""), "{text}");
    let file = decode(&text).unwrap();
    assert_eq!(file.plan, plan);
    assert_eq!(file.version, FORMAT_VERSION);
}

#[test]
fn plan_file_refuses_what_it_cannot_read() {
    assert_eq!(decode("{\"a\":1}"), Err(FileError::NotAPlanFile));
    let newer = encode(&demo_plan(), "9", "x").replace("\"version\": 1", "\"version\": 2");
    assert_eq!(decode(&newer), Err(FileError::NewerVersion { version: 2 }));
    let text = encode(&demo_plan(), "0.1.0", "x");
    assert!(matches!(decode(&text.chars().take(text.chars().count() / 2).collect::<String>()), Err(FileError::Malformed { .. })));
    let float = text.replace("\"625648000\"", "625648000");
    assert!(matches!(decode(&float), Err(FileError::Malformed { .. })));
    let unknown = text.replacen("\"title\"", "\"surprise\": 1, \"title\"", 1);
    match decode(&unknown) {
        Err(FileError::Malformed { detail, .. }) => assert!(detail.contains("surprise"), "{detail}"),
        other => panic!("unknown field accepted: {other:?}"),
    }
}
