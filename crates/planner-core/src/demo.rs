//! The demo plan a first visit opens, built from the three seed documents in
//! `shared/seeds/` so that every figure can be checked against the originals:
//! 002 (영등포구 사회적경제과, 2019 work report: budget status, funding splits,
//! staffing), 003 (도봉구 pledge 17: schedule in 백만원 and its indicator) and
//! 004 (성북구 workshop: a split with a note per share).

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::amount::{Amount, Unit};
use crate::plan::{
    Actor, Classification, Completion, FundingSource, Horizon, Indicator, IndicatorYear, Novelty,
    Plan, Pledge, PledgeStatus, Program, Schedule, StaffingRow, Stated, YearBudget, YearRange,
};

/// 천원 as written in the documents, converted to won.
fn thousand(figure: i64) -> Amount {
    Amount::won(figure * 1_000)
}

/// 백만원 as written in the documents, converted to won.
fn million(figure: i64) -> Amount {
    Amount::won(figure * 1_000_000)
}

/// A program of seed 002 or 004: a one-year split with its stated total (천원).
fn split_program(
    id: u32,
    name: &str,
    owner: &str,
    unit_program: &str,
    novelty: Novelty,
    year: i32,
    total: i64,
    shares: &[(&str, i64)],
) -> Program {
    let mut program = Program::new(id, name, YearRange::new(year, year));
    program.owner = owner.into();
    program.unit_program = unit_program.into();
    program.novelty = novelty;
    let shares: Vec<(&str, Amount)> = shares.iter().map(|(s, a)| (*s, thousand(*a))).collect();
    program.schedule = Schedule::single_year(year, &shares);
    program.stated_total = Some(Stated {
        amount: thousand(total),
        unit: Unit::Thousand,
    });
    program
}

/// The demo plan: every figure of DOMAIN.md §1, in 천원.
pub fn demo_plan() -> Plan {
    let mut plan = Plan::new(
        "사회적경제 예산·공약 계획 (예시)",
        YearRange::new(2014, 2022),
        Unit::Thousand,
    );
    plan.organisation = "사회적경제과".into();
    plan.base_year = 2021;
    plan.sources = FundingSource::defaults();

    // Seed 002, 예산현황 (§1.1): unit programs with this year's and last year's budget.
    let status: [(&str, i64, i64); 4] = [
        ("사회적경제 활성화", 625_648, 145_140),
        ("구정의 민관협치 활성화", 262_000, 144_000),
        ("청년의 행복한 사회진입 환경조성", 816_650, 268_178),
        ("기본경비", 75_762, 97_396),
    ];
    for (id, (name, this_year, prior_year)) in (1..).zip(status) {
        let mut program = Program::new(id, name, YearRange::new(2019, 2019));
        program.owner = "사회적경제과".into();
        program.unit_program = name.into();
        program.budget = Some(YearBudget {
            this_year: thousand(this_year),
            prior_year: thousand(prior_year),
        });
        plan.programs.push(program);
    }

    // Seed 002, 소요예산 (§1.2): each project's cost and its split over sources.
    use Novelty::{Continuing, New};
    plan.programs.extend([
        split_program(
            5,
            "연대와 협력을 통한 사회적경제 활성화 추진",
            "사회적경제정책팀",
            "사회적경제 활성화",
            Continuing,
            2019,
            533_073,
            &[("city", 105_000), ("district", 428_073)],
        ),
        split_program(
            6,
            "사회적경제기업 육성 및 역량 강화",
            "사회적경제정책팀",
            "사회적경제 활성화",
            Continuing,
            2019,
            1_167_388,
            &[
                ("national", 622_500),
                ("city", 247_313),
                ("district", 297_575),
            ],
        ),
        split_program(
            7,
            "협치친화적 구정문화 확산",
            "지역협치팀",
            "구정의 민관협치 활성화",
            Continuing,
            2019,
            228_000,
            &[("city", 221_000), ("district", 7_000)],
        ),
        split_program(
            8,
            "청년의 사회적 자립기반 지원강화",
            "청년지원팀",
            "청년의 행복한 사회진입 환경조성",
            Continuing,
            2019,
            477_250,
            &[
                ("national", 82_550),
                ("city", 130_300),
                ("district", 264_400),
            ],
        ),
        split_program(
            9,
            "2019 지역사회혁신계획 협치사업 운영",
            "지역협치팀",
            "구정의 민관협치 활성화",
            New,
            2019,
            1_000_000,
            &[("city", 1_000_000)],
        ),
        split_program(
            10,
            "청년지원플랫폼 조성",
            "청년지원팀",
            "청년의 행복한 사회진입 환경조성",
            New,
            2019,
            1_119_000,
            &[
                ("national", 400_000),
                ("city", 437_000),
                ("district", 282_000),
            ],
        ),
    ]);

    // Seed 004: the 2014 workshop, each share with a note on where it comes from.
    let mut workshop = split_program(
        11,
        "성북구 마을·사회적경제 워크숍",
        "사회적기업팀",
        "",
        New,
        2014,
        8_000,
        &[("district", 4_000), ("city", 4_000)],
    );
    workshop.schedule.row_mut("district").note = "사회적기업팀 세출예산".into();
    workshop.schedule.row_mut("city").note =
        "지역단위 협동조합 활성화 공모사업 선정에 따른 사업비".into();
    plan.programs.push(workshop);

    // Seed 003: pledge 17, its schedule in 백만원 (§1.3) and its indicator (§1.4).
    let term = YearRange::new(2018, 2022);
    let mut schedule = Schedule::default();
    for (year, city, district) in [
        (2018, 440, 158),
        (2019, 540, 185),
        (2020, 500, 235),
        (2021, 490, 245),
        (2022, 480, 255),
    ] {
        schedule.set("city", crate::plan::Column::Year(year), million(city));
        schedule.set(
            "district",
            crate::plan::Column::Year(year),
            million(district),
        );
    }
    let mut years = BTreeMap::new();
    let actuals = [Some(632), Some(967), Some(342), None, None];
    for ((year, target), actual) in [
        (2018, 500),
        (2019, 550),
        (2020, 600),
        (2021, 650),
        (2022, 700),
    ]
    .into_iter()
    .zip(actuals)
    {
        years.insert(
            year,
            IndicatorYear {
                target: Some(Decimal::from(target)),
                actual: actual.map(Decimal::from),
                note: if year == 2020 {
                    "코로나19로 인한 기관휴관 등으로 2020년 이용실적 저조".into()
                } else {
                    String::new()
                },
            },
        );
    }
    plan.pledges.push(Pledge {
        id: 1,
        number: "17".into(),
        title: "마을사회적경제지원센터 운영 활성화와 지원체계 강화".into(),
        classification: Classification {
            status: PledgeStatus::DoneContinuing,
            completion: Completion::WithinTerm,
            novelty: Novelty::Continuing,
            actors: vec![Actor::District],
            horizon: Horizon::Mid,
            budgetary: true,
            sdgs: vec![8, 12],
        },
        term,
        programs: Vec::new(),
        schedule,
        stated_total: Some(Stated {
            amount: million(3_528),
            unit: Unit::Million,
        }),
        indicators: vec![Indicator {
            id: 1,
            name: "센터 공간 주민 이용 실적".into(),
            unit: "건".into(),
            years,
            stated_target_total: Some(Decimal::from(3_000)),
            stated_actual_total: Some(Decimal::from(1_941)),
        }],
    });

    // Seed 002, 인력 (§1.5): quota and current staff by grade.
    let grades: [(&str, &str, u32, u32); 14] = [
        ("일반직", "4급", 0, 0),
        ("일반직", "5급", 1, 1),
        ("일반직", "6급", 5, 4),
        ("일반직", "7급", 7, 6),
        ("일반직", "8급", 2, 3),
        ("일반직", "9급", 1, 2),
        ("관리운영직", "6급", 0, 0),
        ("관리운영직", "7급", 0, 0),
        ("관리운영직", "8급", 0, 0),
        ("관리운영직", "9급", 0, 0),
        ("별정직·임기제", "6급", 0, 0),
        ("별정직·임기제", "7급", 0, 0),
        ("별정직·임기제", "8급", 0, 0),
        ("별정직·임기제", "9급", 0, 0),
    ];
    plan.staffing = grades
        .iter()
        .map(|(group, grade, quota, current)| StaffingRow {
            group: (*group).into(),
            grade: (*grade).into(),
            quota: *quota,
            current: *current,
        })
        .collect();
    plan
}
