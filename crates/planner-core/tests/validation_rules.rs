//! Each validation rule, broken once on the clean demo plan: the problem has
//! its code, severity, exact cell and a message with expected and actual.

#![cfg(not(target_arch = "wasm32"))]

use planner_core::fixtures::demo::demo_plan;
use planner_core::model::amount::{Amount, Unit};
use planner_core::model::plan::{Column, Plan, RatioShare};
use planner_core::rules::validate::{validate, Code, Problem, Severity};
use planner_core::Lang;
use rust_decimal::Decimal;

/// The one problem a change to the demo plan causes.
fn only_problem(change: impl FnOnce(&mut Plan)) -> Problem {
    let mut plan = demo_plan();
    change(&mut plan);
    let mut problems = validate(&plan);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    problems.remove(0)
}

fn en(p: &Problem) -> String {
    p.message(Lang::En, Unit::Thousand)
}

fn ko(p: &Problem) -> String {
    p.message(Lang::Ko, Unit::Thousand)
}

#[test]
fn share_off_its_matching_ratio() {
    // 청년지원플랫폼 조성: 400,000 / 437,000 / 282,000 of 1,119,000 against 50:30:20.
    let p = only_problem(|plan| {
        plan.programs[9].matching = vec![
            RatioShare {
                source: "national".into(),
                weight: 50,
            },
            RatioShare {
                source: "city".into(),
                weight: 30,
            },
            RatioShare {
                source: "district".into(),
                weight: 20,
            },
        ];
        plan.programs[9]
            .schedule
            .set("national", Column::Year(2019), Amount::won(559_500_000));
        plan.programs[9]
            .schedule
            .set("city", Column::Year(2019), Amount::won(335_700_000));
        plan.programs[9].schedule.set(
            "district",
            Column::Year(2019),
            Amount::won(223_800_000 + 2_000),
        );
        plan.programs[9].stated_total = None;
    });
    assert_eq!(
        (p.code, p.severity),
        (Code::MatchingOffRatio, Severity::Error)
    );
    assert_eq!(p.location.cell_id(), "program-10-source-district-total");
    assert_eq!(
        en(&p),
        "this share is 223,802; the matching ratio gives 223,800.4: 1.6 over"
    );
}

#[test]
fn money_outside_the_period_and_the_plan() {
    let p = only_problem(|plan| {
        plan.programs[4]
            .schedule
            .set("city", Column::Year(2020), Amount::won(1_000));
        plan.programs[4]
            .schedule
            .set("city", Column::Year(2019), Amount::won(104_999_000));
    });
    assert_eq!(p.code, Code::OutsidePeriod);
    assert_eq!(p.location.cell_id(), "program-5-source-city-y2020");
    assert_eq!(
        en(&p),
        "money in 2020, outside the program's period 2019–2019"
    );
    let mut plan = demo_plan();
    plan.programs[4]
        .schedule
        .set("city", Column::Year(2030), Amount::won(1_000));
    plan.programs[4]
        .schedule
        .set("city", Column::Year(2019), Amount::won(104_999_000));
    let problems = validate(&plan);
    assert_eq!(
        problems.iter().map(|p| p.code).collect::<Vec<_>>(),
        [Code::OutsideRange]
    );
    assert_eq!(
        ko(&problems[0]),
        "기간 2014–2022 밖인 2030년에 금액이 있습니다"
    );
    let p = only_problem(|plan| {
        plan.pledges[0]
            .schedule
            .set("district", Column::Year(2023), Amount::won(5_000_000));
        plan.pledges[0]
            .schedule
            .set("district", Column::Year(2022), Amount::won(250_000_000));
    });
    assert_eq!(
        (p.code, p.location.cell_id()),
        (
            Code::OutsideRange,
            "pledge-1-source-district-y2023".to_string()
        )
    );
    assert_eq!(en(&p), "money in 2023, outside the years 2018–2022");
}

#[test]
fn negative_and_sub_won_amounts() {
    let p = only_problem(|plan| {
        plan.programs[0].budget.as_mut().unwrap().prior_year = Amount::won(-5_000);
    });
    assert_eq!(
        (p.code, p.location.cell_id()),
        (Code::Negative, "program-1-budget-prior-year".to_string())
    );
    assert_eq!(en(&p), "a negative figure (△5) is not allowed here");
    let p = only_problem(|plan| {
        plan.programs[0].budget.as_mut().unwrap().this_year =
            Amount::from_won(Decimal::new(6_256_480_005, 1));
    });
    assert_eq!(p.code, Code::SubWon);
    assert_eq!(en(&p), "625,648.0005 has a fraction of a won");
}

#[test]
fn indicator_totals_and_future_actuals() {
    let p = only_problem(|plan| {
        plan.pledges[0].indicators[0].stated_actual_total = Some(Decimal::from(1_940))
    });
    assert_eq!(p.code, Code::IndicatorTotalMismatch);
    assert_eq!(p.location.cell_id(), "pledge-1-indicator-1-actual-total");
    assert_eq!(en(&p), "the years add to 1,941; the stated total is 1,940");
    let p = only_problem(|plan| {
        let ind = &mut plan.pledges[0].indicators[0];
        ind.years.get_mut(&2022).unwrap().actual = Some(Decimal::ZERO);
    });
    assert_eq!((p.code, p.severity), (Code::FutureActual, Severity::Error));
    assert_eq!(p.location.cell_id(), "pledge-1-indicator-1-actual-y2022");
    assert_eq!(ko(&p), "기준연도 2021년 이후인 2022년에 실적이 있습니다");
}

#[test]
fn empty_and_duplicate_names_and_unknown_links() {
    let p = only_problem(|plan| plan.programs[2].name = "  ".into());
    assert_eq!(
        (p.code, p.location.cell_id()),
        (Code::EmptyName, "program-3-name".to_string())
    );
    let p = only_problem(|plan| plan.programs[3].name = plan.programs[0].name.clone());
    assert_eq!(p.code, Code::DuplicateName);
    assert_eq!(en(&p), "“사회적경제 활성화” is used more than once");
    let p = only_problem(|plan| plan.pledges[0].programs.push(99));
    assert_eq!(
        (p.code, en(&p)),
        (
            Code::UnknownProgram,
            "linked program #99 does not exist".to_string()
        )
    );
    let p = only_problem(|plan| plan.pledges[0].classification.sdgs.push(18));
    assert_eq!(p.code, Code::InvalidSdg);
    let p =
        only_problem(|plan| plan.programs[4].schedule.row_mut("city").source = "lottery".into());
    assert_eq!(p.code, Code::UnknownSource);
}

#[test]
fn pledge_schedule_against_its_stated_total() {
    // 3,528백만원 stated; 1백만원 more typed in 2022 is beyond the rounding of 백만원.
    let p = only_problem(|plan| {
        plan.pledges[0]
            .schedule
            .set("city", Column::Year(2022), Amount::won(481_000_000))
    });
    assert_eq!((p.code, p.severity), (Code::TotalMismatch, Severity::Error));
    assert_eq!(
        p.message(Lang::En, Unit::Million),
        "the schedule adds to 3,529; the stated total is 3,528: 1 over"
    );
    // 400,000 won more is within the rounding of a total stated in 백만원: a warning.
    let p = only_problem(|plan| {
        plan.pledges[0]
            .schedule
            .set("city", Column::Year(2022), Amount::won(480_400_000))
    });
    assert_eq!(
        (p.code, p.severity),
        (Code::TotalRounding, Severity::Warning)
    );
}
