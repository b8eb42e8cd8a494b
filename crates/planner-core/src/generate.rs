//! Generated plans of any size, deterministic, for benchmarks, property tests
//! and the large example file: the figures are arbitrary but the plan is
//! clean (validation finds no problem), like a real plan in good order.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::amount::{Amount, Unit};
use crate::derive::schedule_sum;
use crate::plan::{
    Classification, Column, FundingSource, Indicator, IndicatorYear, Plan, Pledge, Program,
    Schedule, Stated, YearBudget, YearRange,
};

/// The size of a generated plan.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    /// Programs.
    pub programs: usize,
    /// Years of the plan's term.
    pub years: usize,
    /// Funding sources.
    pub sources: usize,
    /// Pledges.
    pub pledges: usize,
    /// Indicators per pledge.
    pub indicators: usize,
}

impl Size {
    /// The benchmark size of the issues: 200 programs × 10 years × 5 sources,
    /// 50 pledges × 3 indicators.
    pub const BENCHMARK: Size = Size {
        programs: 200,
        years: 10,
        sources: 5,
        pledges: 50,
        indicators: 3,
    };
}

/// A small deterministic generator (SplitMix64), so runs are repeatable.
struct Figures(u64);

impl Figures {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number of 천원 between 0 and `max`, as won.
    fn thousands(&mut self, max: u64) -> Amount {
        let n = i64::try_from(self.next() % (max + 1)).unwrap_or(0);
        Amount::won(n * 1_000)
    }
}

/// A clean plan of the given size; the same `seed` gives the same plan.
pub fn generated_plan(size: Size, seed: u64) -> Plan {
    let mut rng = Figures(seed);
    let first = 2020;
    let last = first + i32::try_from(size.years.max(1)).unwrap_or(1) - 1;
    let term = YearRange::new(first, last);
    let mut plan = Plan::new(
        &format!(
            "생성된 계획 {}×{}×{}",
            size.programs, size.years, size.sources
        ),
        term,
        Unit::Thousand,
    );
    plan.organisation = "벤치마크과".into();
    plan.base_year = first + i32::try_from(size.years / 2).unwrap_or(0);
    let defaults = FundingSource::defaults();
    plan.sources = (0..size.sources)
        .map(|i| match defaults.get(i) {
            Some(s) => s.clone(),
            None => FundingSource::new(
                &format!("source-{i}"),
                &format!("재원{i}"),
                &format!("Source {i}"),
            ),
        })
        .collect();
    let source_ids: Vec<String> = plan.sources.iter().map(|s| s.id.clone()).collect();
    for p in 0..size.programs {
        let id = u32::try_from(p + 1).unwrap_or(u32::MAX);
        let mut program = Program::new(id, &format!("사업 {:03}", p + 1), term);
        program.owner = format!("{}팀", p % 7 + 1);
        program.unit_program = format!("단위사업 {}", p % 12 + 1);
        for source in &source_ids {
            for year in term.years() {
                program
                    .schedule
                    .set(source, Column::Year(year), rng.thousands(900_000));
            }
        }
        program.stated_total = Some(Stated {
            amount: schedule_sum(&program.schedule),
            unit: Unit::Won,
        });
        program.budget = Some(YearBudget {
            this_year: rng.thousands(2_000_000),
            prior_year: rng.thousands(2_000_000),
        });
        plan.programs.push(program);
    }
    for p in 0..size.pledges {
        let id = u32::try_from(p + 1).unwrap_or(u32::MAX);
        let mut schedule = Schedule::default();
        for source in source_ids.iter().take(3) {
            for year in term.years() {
                schedule.set(source, Column::Year(year), rng.thousands(500_000));
            }
        }
        let indicators = (0..size.indicators)
            .map(|i| {
                let mut years = BTreeMap::new();
                for year in term.years() {
                    let target = Decimal::from(rng.next() % 1_000);
                    let actual =
                        (year <= plan.base_year).then(|| Decimal::from(rng.next() % 1_100));
                    years.insert(
                        year,
                        IndicatorYear {
                            target: Some(target),
                            actual,
                            note: String::new(),
                        },
                    );
                }
                Indicator {
                    id: u32::try_from(i + 1).unwrap_or(u32::MAX),
                    name: format!("지표 {}", i + 1),
                    unit: "건".into(),
                    years,
                    stated_target_total: None,
                    stated_actual_total: None,
                }
            })
            .collect();
        plan.pledges.push(Pledge {
            id,
            number: format!("{}", p + 1),
            title: format!("공약 {}", p + 1),
            classification: Classification {
                budgetary: true,
                sdgs: vec![u8::try_from(p % 17 + 1).unwrap_or(1)],
                ..Classification::default()
            },
            term,
            programs: (0..3)
                .map(|k| u32::try_from((p * 3 + k) % size.programs.max(1) + 1).unwrap_or(1))
                .filter(|_| size.programs > 0)
                .collect(),
            stated_total: Some(Stated {
                amount: schedule_sum(&schedule),
                unit: Unit::Won,
            }),
            schedule,
            indicators,
        });
    }
    plan
}
