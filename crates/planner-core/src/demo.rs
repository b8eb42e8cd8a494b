//! The demo plan a first visit opens, built from the seed documents in
//! `shared/seeds/` so that every figure can be checked against the originals.

use crate::amount::{Amount, Unit};
use crate::plan::{Plan, Program, YearBudget};

/// 천원 as written in the documents, converted to won.
fn thousand(figure: i64) -> Amount {
    Amount::won(figure * 1_000)
}

/// The 2019 work report of 영등포구 사회적경제과 (seed 002): its budget status
/// table, 예산현황, in 천원.
pub fn demo_plan() -> Plan {
    let rows: [(&str, i64, i64); 4] = [
        ("사회적경제 활성화", 625_648, 145_140),
        ("구정의 민관협치 활성화", 262_000, 144_000),
        ("청년의 행복한 사회진입 환경조성", 816_650, 268_178),
        ("기본경비", 75_762, 97_396),
    ];
    Plan {
        title: "2019년 주요업무 보고".to_string(),
        organisation: "영등포구 사회적경제과".to_string(),
        unit: Unit::Thousand,
        programs: rows
            .iter()
            .zip(1..)
            .map(|(&(name, this_year, prior_year), id)| Program {
                id,
                name: name.to_string(),
                budget: YearBudget { this_year: thousand(this_year), prior_year: thousand(prior_year) },
            })
            .collect(),
    }
}
