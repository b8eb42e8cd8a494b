//! Every figure of DOMAIN.md §1 and §2, reproduced from the model.

#![cfg(not(target_arch = "wasm32"))]

use planner_core::change::edit::{BudgetColumn, Edit, EditError};
use planner_core::fixtures::demo::{demo_plan, rounding_example_program};
use planner_core::model::amount::{format_figure, parse_amount, Amount, Unit};
use planner_core::model::plan::Owner;
use planner_core::model::plan::{Column, Plan, Program, Stated, YearRange};
use planner_core::rules::derive::{
    indicator_summary, percent, schedule_totals, source_shares, staffing_totals, status_total,
    StatusRow,
};
use planner_core::rules::foot::{foot_amounts, percent_shares};
use planner_core::rules::validate::{validate, Code, Severity};
use planner_core::Lang;
use rust_decimal::Decimal;

fn shown(amount: Amount, unit: Unit) -> String {
    format_figure(unit.shown_figure(amount))
}

fn row(r: StatusRow, unit: Unit) -> [String; 3] {
    [r.this_year, r.prior_year, r.change].map(|a| shown(a, unit))
}

fn program<'a>(plan: &'a Plan, name: &str) -> &'a Program {
    plan.programs.iter().find(|p| p.name == name).unwrap()
}

#[test]
fn s1_1_budget_status_foots_and_marks_the_cut() {
    let plan = demo_plan();
    assert_eq!(
        row(status_total(&plan), plan.unit),
        ["1,780,060", "654,714", "1,125,346"]
    );
    let rows: Vec<[String; 3]> = plan
        .budget_rows()
        .map(|(_, b)| row(b.into(), plan.unit))
        .collect();
    assert_eq!(
        rows,
        vec![
            ["625,648", "145,140", "480,508"],
            ["262,000", "144,000", "118,000"],
            ["816,650", "268,178", "548,472"],
            ["75,762", "97,396", "△21,634"],
        ]
    );
}

#[test]
fn s1_2_funding_splits_add_up_to_their_totals() {
    let plan = demo_plan();
    let cases: [(&str, &str, &[(&str, &str)]); 7] = [
        (
            "연대와 협력을 통한 사회적경제 활성화 추진",
            "533,073",
            &[("city", "105,000"), ("district", "428,073")],
        ),
        (
            "사회적경제기업 육성 및 역량 강화",
            "1,167,388",
            &[
                ("national", "622,500"),
                ("city", "247,313"),
                ("district", "297,575"),
            ],
        ),
        (
            "협치친화적 구정문화 확산",
            "228,000",
            &[("city", "221,000"), ("district", "7,000")],
        ),
        (
            "청년의 사회적 자립기반 지원강화",
            "477,250",
            &[
                ("national", "82,550"),
                ("city", "130,300"),
                ("district", "264,400"),
            ],
        ),
        (
            "청년지원플랫폼 조성",
            "1,119,000",
            &[
                ("national", "400,000"),
                ("city", "437,000"),
                ("district", "282,000"),
            ],
        ),
        (
            "2019 지역사회혁신계획 협치사업 운영",
            "1,000,000",
            &[("city", "1,000,000")],
        ),
        (
            "성북구 마을·사회적경제 워크숍",
            "8,000",
            &[("district", "4,000"), ("city", "4,000")],
        ),
    ];
    for (name, total, shares) in cases {
        let p = program(&plan, name);
        assert_eq!(
            shown(p.stated_total.unwrap().amount, Unit::Thousand),
            total,
            "{name}"
        );
        let got: Vec<(String, String)> = source_shares(&p.schedule)
            .into_iter()
            .map(|(s, a)| (s, shown(a, Unit::Thousand)))
            .collect();
        let want: Vec<(String, String)> = shares
            .iter()
            .map(|(s, a)| (s.to_string(), a.to_string()))
            .collect();
        assert_eq!(got, want, "{name}");
    }
    let workshop = program(&plan, "성북구 마을·사회적경제 워크숍");
    assert_eq!(
        workshop.schedule.row("district").unwrap().note,
        "사회적기업팀 세출예산"
    );
    assert!(workshop
        .schedule
        .row("city")
        .unwrap()
        .note
        .contains("공모사업"));
}

#[test]
fn s1_2_a_mistyped_share_is_reported_with_expected_and_actual() {
    let mut plan = demo_plan();
    let id = program(&plan, "사회적경제기업 육성 및 역량 강화").id;
    let amount = parse_amount("297,574", Unit::Thousand).unwrap();
    plan.apply(Edit::SetCell {
        owner: Owner::Program(id),
        source: "district".into(),
        column: Column::Year(2019),
        amount,
    })
    .unwrap();
    let problems = validate(&plan);
    assert_eq!(problems.len(), 1, "{problems:?}");
    let p = &problems[0];
    assert_eq!(
        (p.code, p.severity),
        (Code::SharesMismatch, Severity::Error)
    );
    assert_eq!(p.code.as_str(), "shares.mismatch");
    assert_eq!(p.location.cell_id(), format!("program-{id}-total-total"));
    assert_eq!(
        p.message(Lang::En, Unit::Thousand),
        "shares add to 1,167,387; the total is 1,167,388: 1 short"
    );
    assert_eq!(
        p.message(Lang::Ko, Unit::Thousand),
        "재원별 금액 합계 1,167,387, 총액 1,167,388: 1 부족"
    );
}

#[test]
fn s1_3_pledge_schedule_foots_both_ways() {
    let plan = demo_plan();
    let pledge = &plan.pledges[0];
    let t = schedule_totals(&pledge.schedule, &plan.sources, pledge.term);
    let unit = Unit::Million;
    let years: Vec<String> = t.column_totals.iter().map(|a| shown(*a, unit)).collect();
    assert_eq!(years, ["-", "598", "725", "735", "735", "735", "-"]);
    assert_eq!(
        (shown(t.total, unit), shown(t.in_term, unit)),
        ("3,528".into(), "3,528".into())
    );
    let by_source: Vec<(String, String, String)> = t
        .rows
        .iter()
        .map(|r| {
            (
                r.source.clone(),
                shown(r.total, unit),
                shown(r.in_term, unit),
            )
        })
        .collect();
    assert_eq!(
        by_source,
        [
            ("national".into(), "-".into(), "-".into()),
            ("city".into(), "2,450".into(), "2,450".into()),
            ("district".into(), "1,078".into(), "1,078".into()),
            ("other".into(), "-".into(), "-".into()),
        ]
    );
    let city: Vec<String> = t.rows[1].cells.iter().map(|a| shown(*a, unit)).collect();
    assert_eq!(city, ["-", "440", "540", "500", "490", "480", "-"]);
    assert_eq!(shown(pledge.stated_total.unwrap().amount, unit), "3,528");
}

#[test]
fn s1_4_indicator_achievement_is_64_7_percent() {
    let plan = demo_plan();
    let indicator = &plan.pledges[0].indicators[0];
    let s = indicator_summary(indicator);
    assert_eq!(s.target_total, Decimal::from(3_000));
    assert_eq!(s.actual_total, Decimal::from(1_941));
    assert_eq!(s.achievement.unwrap().to_string(), "64.7");
    let yearly: Vec<String> = s
        .yearly
        .iter()
        .map(|(y, r)| format!("{y}:{}", r.map(|r| r.to_string()).unwrap_or("-".into())))
        .collect();
    assert_eq!(
        yearly,
        ["2018:126.4", "2019:175.8", "2020:57.0", "2021:-", "2022:-"]
    );
    assert_eq!(s.cumulative.last().unwrap().1.unwrap().to_string(), "117.6");
    assert_eq!(s.average_actual.unwrap().to_string(), "647.0");
    assert!(indicator.years[&2020].note.contains("코로나19"));
    let c = &plan.pledges[0].classification;
    assert_eq!(c.sdgs, [8, 12]);
}

#[test]
fn s1_5_staffing_shortfall() {
    let plan = demo_plan();
    let t = staffing_totals(&plan.staffing);
    assert_eq!((t.quota, t.current, t.shortfall), (16, 16, 0));
    let short: Vec<i64> = plan
        .staffing
        .iter()
        .take(6)
        .map(|r| r.shortfall())
        .collect();
    assert_eq!(short, [0, 0, -1, -1, 1, 1]);
}

#[test]
fn the_demo_plan_is_clean() {
    assert_eq!(validate(&demo_plan()), vec![]);
}

#[test]
fn s2_rounded_tables_foot_when_shown() {
    // Kept in won, shown in 백만원: naive rounding gives 1,792,651 under a total of 1,792,652.
    let parts = [
        Amount::won(1_566_173_400_000),
        Amount::won(177_748_400_000),
        Amount::won(48_730_400_000),
    ];
    let naive: Decimal = parts.iter().map(|a| Unit::Million.shown_figure(*a)).sum();
    assert_eq!(naive, Decimal::from(1_792_651));
    let (shown_parts, total) = foot_amounts(&parts, Unit::Million);
    assert_eq!(total, Decimal::from(1_792_652));
    assert_eq!(shown_parts.iter().sum::<Decimal>(), total);
    // Percent shares printed as 42.00 + 7.56 + 15.47 + 22.29 + 12.69 = 100.01.
    let parts: Vec<Decimal> = [42_004, 7_556, 15_466, 22_286, 12_688]
        .map(Decimal::from)
        .to_vec();
    let naive: Decimal = parts
        .iter()
        .map(|p| planner_core::model::amount::round_half_up(*p / Decimal::from(1000), 2))
        .sum();
    assert_eq!(naive.to_string(), "100.01");
    assert_eq!(
        percent_shares(&parts, 2).iter().sum::<Decimal>(),
        Decimal::ONE_HUNDRED
    );
}

fn plan_with_program(program: Program) -> Plan {
    let mut plan = Plan::new("시험", YearRange::new(2019, 2023), Unit::Thousand);
    plan.programs.push(program);
    plan
}

#[test]
fn s2_a_difference_within_rounding_is_a_warning_not_an_error() {
    // A table kept in won and stated in 백만원 with rows 1,566,173 + 177,748 + 48,730 and a
    // stated subtotal of 1,792,652: one more than the rows, within their rounding.
    let mut program = rounding_example_program();
    let problems = validate(&plan_with_program(program.clone()));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        (problems[0].code, problems[0].severity),
        (Code::SharesRounding, Severity::Warning)
    );
    assert_eq!(
        problems[0].message(Lang::En, Unit::Million),
        "shares add to 1,792,651; the stated total is 1,792,652: 1 short, within the rounding of KRW 1,000,000"
    );
    // Exact figures (no rounding in the source) that differ by the same amount are a mistake.
    program.schedule.rounded_in = None;
    program.stated_total = Some(Stated {
        amount: Amount::won(1_792_652_000_000),
        unit: Unit::Thousand,
    });
    let problems = validate(&plan_with_program(program));
    assert_eq!(
        (problems[0].code, problems[0].severity),
        (Code::SharesMismatch, Severity::Error)
    );
}

#[test]
fn s2_calculation_basis_is_recomputed() {
    let mut program = Program::new(1, "홍보물 제작", YearRange::new(2020, 2020));
    program
        .line_items
        .push(planner_core::model::plan::LineItem {
            name: "홍보물".into(),
            basis: "5,000원 × 300부 = 1,500".into(),
            stated: None,
        });
    // The result after `=` is the stated amount, in the table's unit (천원).
    assert_eq!(validate(&plan_with_program(program.clone())), vec![]);
    program.line_items[0].basis = "5,000원 × 300부 = 1,600".into();
    let problems = validate(&plan_with_program(program.clone()));
    assert_eq!(problems[0].code, Code::BasisMismatch);
    assert_eq!(
        problems[0].message(Lang::En, Unit::Thousand),
        "the basis gives 1,500; the stated amount is 1,600: 100 over"
    );
    program.line_items[0].basis = "5,000원 × × 300부".into();
    let problems = validate(&plan_with_program(program));
    assert_eq!(problems[0].code, Code::BasisUnparsable);
    assert!(
        problems[0]
            .message(Lang::En, Unit::Thousand)
            .contains("character"),
        "{}",
        problems[0].message(Lang::En, Unit::Thousand)
    );
}

#[test]
fn change_is_this_year_less_prior_year() {
    let mut plan = demo_plan();
    let basic = plan.programs[3].id;
    let amount = parse_amount("100,000", plan.unit).unwrap();
    plan.apply(Edit::SetBudget {
        program: basic,
        column: BudgetColumn::ThisYear,
        amount,
    })
    .unwrap();
    assert_eq!(shown(status_total(&plan).this_year, plan.unit), "1,804,298");
    assert_eq!(
        shown(plan.programs[3].budget.unwrap().change(), plan.unit),
        "2,604"
    );
    assert_eq!(
        percent(Decimal::from(1941), Decimal::from(3000), 1)
            .unwrap()
            .to_string(),
        "64.7"
    );
}

#[test]
fn programs_are_added_and_removed_by_id() {
    let mut plan = demo_plan();
    plan.apply(Edit::AddProgram {
        name: "새 단위사업".into(),
        status_row: true,
    })
    .unwrap();
    let added = plan.programs.last().unwrap().id;
    assert!(plan.programs[..plan.programs.len() - 1]
        .iter()
        .all(|p| p.id != added));
    plan.apply(Edit::RemoveProgram { program: added }).unwrap();
    assert_eq!(plan, demo_plan());
    assert_eq!(
        plan.apply(Edit::RemoveProgram { program: added }),
        Err(EditError::NoSuchProgram(added))
    );
    assert_eq!(plan, demo_plan(), "a refused edit changes nothing");
}
