//! The plan file: lossless round trips of generated plans, and hostile input
//! that is refused with a JSON path, never a panic or a hang.

#![cfg(not(target_arch = "wasm32"))]

use planner_core::model::plan::{Deck, DeckEntry};
use std::collections::BTreeMap;

use planner_core::file::{decode, encode, FileError, MAX_FILE_BYTES};
use planner_core::fixtures::demo::demo_plan;
use planner_core::fixtures::generate::{generated_plan, Size};
use planner_core::model::amount::{Amount, Unit};
use planner_core::model::plan::{
    Actor, Classification, Column, Completion, FundingSource, Horizon, Indicator, IndicatorYear,
    LineItem, Novelty, Plan, Pledge, PledgeStatus, PrintedCell, Program, RatioShare, Schedule,
    ScheduleRow, StaffingRow, Stage, Stages, Stated, StatusTotals, YearBudget, YearRange,
};
use planner_core::render::names::file_stem;
use planner_core::Lang;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn amount() -> impl Strategy<Value = Amount> {
    prop_oneof![
        Just(Amount::ZERO),
        (-1_000_000_000_000_000i64..1_000_000_000_000_000).prop_map(Amount::won),
        (any::<i64>(), 0u32..4)
            .prop_map(|(n, s)| Amount::from_won(Decimal::new(n % 1_000_000_000_000_000, s))),
    ]
}

fn figure() -> impl Strategy<Value = Decimal> {
    (any::<i32>(), 0u32..3).prop_map(|(n, s)| Decimal::new(i64::from(n), s).normalize())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "\\PC{0,24}",
        Just("<script>alert(1)</script>".to_string())
    ]
}

fn unit() -> impl Strategy<Value = Unit> {
    prop_oneof![Just(Unit::Won), Just(Unit::Thousand), Just(Unit::Million)]
}

fn years() -> impl Strategy<Value = YearRange> {
    (1990i32..2100, 0i32..12).prop_map(|(first, span)| YearRange::new(first, first + span))
}

fn schedule(sources: Vec<String>) -> impl Strategy<Value = Schedule> {
    let rows = sources
        .into_iter()
        .map(|source| {
            (
                amount(),
                vec((2000i32..2040, amount()), 0..6),
                amount(),
                text(),
            )
                .prop_map(move |(before, years, after, note)| ScheduleRow {
                    source: source.clone(),
                    before,
                    years: years.into_iter().collect(),
                    after,
                    note,
                })
        })
        .collect::<Vec<_>>();
    let printed = vec(
        (
            prop_oneof![
                Just(PrintedCell::RowTotal("national".into())),
                Just(PrintedCell::RowInTerm("district".into())),
                Just(PrintedCell::ColumnTotal(Column::Before)),
                Just(PrintedCell::ColumnTotal(Column::After)),
                (2000i32..2040).prop_map(|y| PrintedCell::ColumnTotal(Column::Year(y))),
                Just(PrintedCell::InTerm),
            ],
            amount(),
        ),
        0..4,
    );
    (rows, option::of(unit()), printed, any::<bool>()).prop_map(
        |(rows, rounded_in, printed, average)| Schedule {
            rows,
            rounded_in,
            printed: printed.into_iter().collect(),
            average,
        },
    )
}

fn stated() -> impl Strategy<Value = Option<Stated>> {
    option::of((amount(), unit()).prop_map(|(amount, unit)| Stated { amount, unit }))
}

fn program(id: u32) -> impl Strategy<Value = Program> {
    (
        (
            text(),
            text(),
            text(),
            prop_oneof![Just(Novelty::New), Just(Novelty::Continuing)],
            years(),
        ),
        schedule(vec!["national".into(), "district".into()]),
        stated(),
        option::of((amount(), amount(), option::of(amount())).prop_map(
            |(this_year, prior_year, printed_change)| YearBudget {
                this_year,
                prior_year,
                printed_change,
            },
        )),
        vec(
            (
                prop_oneof![Just("city".to_string()), Just("x".to_string())],
                0u32..=1_000_000,
            ),
            0..3,
        ),
        (
            vec((text(), text(), option::of(amount())), 0..3),
            vec(
                (
                    prop_oneof![Just("city".to_string()), Just("national".to_string())],
                    (0i64..=100_000, 2u32..=3).prop_map(|(m, s)| Decimal::new(m, s)),
                ),
                0..3,
            ),
        ),
    )
        .prop_map(
            move |(
                (name, owner, unit_program, novelty, period),
                schedule,
                stated_total,
                budget,
                matching,
                (items, printed_shares),
            )| Program {
                id,
                name,
                owner,
                unit_program,
                novelty,
                period,
                schedule,
                stated_total,
                budget,
                matching: matching
                    .into_iter()
                    .map(|(source, weight)| RatioShare { source, weight })
                    .collect(),
                line_items: items
                    .into_iter()
                    .map(|(name, basis, stated)| LineItem {
                        name,
                        basis,
                        stated,
                    })
                    .collect(),
                printed_shares: printed_shares.into_iter().collect(),
            },
        )
}

fn indicator(id: u32) -> impl Strategy<Value = Indicator> {
    (
        text(),
        text(),
        vec(
            (
                2000i32..2040,
                option::of(figure()),
                option::of(figure()),
                text(),
            ),
            0..6,
        ),
        option::of(figure()),
        option::of(figure()),
    )
        .prop_map(
            move |(name, unit, ys, stated_target_total, stated_actual_total)| Indicator {
                id,
                name,
                unit,
                years: ys
                    .into_iter()
                    .map(|(y, target, actual, note)| {
                        (
                            y,
                            IndicatorYear {
                                target,
                                actual,
                                note,
                            },
                        )
                    })
                    .collect::<BTreeMap<_, _>>(),
                stated_target_total,
                stated_actual_total,
            },
        )
}

fn pledge(id: u32) -> impl Strategy<Value = Pledge> {
    (
        (
            text(),
            text(),
            years(),
            vec(any::<u32>(), 0..3),
            vec(any::<u8>(), 0..3),
        ),
        (
            prop_oneof![
                Just(PledgeStatus::OnTrack),
                Just(PledgeStatus::Done),
                Just(PledgeStatus::DoneContinuing),
                Just(PledgeStatus::OnHold),
                Just(PledgeStatus::Dropped)
            ],
            prop_oneof![Just(Completion::WithinTerm), Just(Completion::AfterTerm)],
            prop_oneof![
                Just(Horizon::Short),
                Just(Horizon::Mid),
                Just(Horizon::Long)
            ],
            vec(
                prop_oneof![
                    Just(Actor::Government),
                    Just(Actor::City),
                    Just(Actor::District),
                    Just(Actor::Other)
                ],
                0..3,
            ),
            any::<bool>(),
        ),
        schedule(vec!["city".into()]),
        stated(),
        vec(Just(()), 0..3),
    )
        .prop_flat_map(
            move |(
                (number, title, term, programs, sdgs),
                (status, completion, horizon, actors, budgetary),
                schedule,
                stated_total,
                inds,
            )| {
                let indicators: Vec<_> = (1..=u32::try_from(inds.len()).unwrap_or(0))
                    .map(indicator)
                    .collect();
                indicators.prop_map(move |indicators| Pledge {
                    id,
                    number: number.clone(),
                    title: title.clone(),
                    classification: Classification {
                        status,
                        completion,
                        novelty: Novelty::New,
                        actors: actors.clone(),
                        horizon,
                        budgetary,
                        sdgs: sdgs.clone(),
                    },
                    term,
                    programs: programs.clone(),
                    schedule: schedule.clone(),
                    stated_total,
                    indicators,
                })
            },
        )
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        (text(), text(), years(), 1990i32..2100, unit()),
        (0usize..4, 0usize..3),
        vec((text(), text(), 0u32..=1_000_000, 0u32..=1_000_000), 0..4),
        vec((text(), any::<bool>()), 0..3),
        (
            option::of(unit()),
            1u32..=2,
            (
                option::of(amount()),
                option::of(amount()),
                option::of(amount()),
                option::of(unit()),
            ),
        ),
    )
        .prop_flat_map(
            |(
                (title, organisation, years, base_year, unit),
                (n_programs, n_pledges),
                staff,
                more_stages,
                (rounded_in, share_decimals, (this_year, prior_year, change, status_rounded)),
            )| {
                let programs: Vec<_> = (1..=u32::try_from(n_programs).unwrap_or(0))
                    .map(program)
                    .collect();
                let pledges: Vec<_> = (1..=u32::try_from(n_pledges).unwrap_or(0))
                    .map(pledge)
                    .collect();
                (programs, pledges)
                    .prop_map(move |(programs, pledges)| Plan {
                        title: title.clone(),
                        organisation: organisation.clone(),
                        years,
                        base_year,
                        unit,
                        sources: FundingSource::defaults(),
                        programs,
                        pledges,
                        staffing: staff
                            .iter()
                            .map(|(group, grade, quota, current)| StaffingRow {
                                group: group.clone(),
                                grade: grade.clone(),
                                quota: *quota,
                                current: *current,
                            })
                            .collect(),
                        deck: deck_of(n_programs, n_pledges, &title),
                        rounded_in,
                        share_decimals,
                        status_totals: StatusTotals {
                            this_year,
                            prior_year,
                            change,
                            rounded_in: status_rounded,
                        },
                        stages: Stages::single("부서 요구", base_year),
                    })
                    .prop_map({
                        let more_stages = more_stages.clone();
                        move |plan| with_stages(plan, &more_stages)
                    })
            },
        )
}

/// The plan with more stages after its first: each holds the plan's money
/// less some programs' and pledges', and the last one is being edited.
fn with_stages(mut plan: Plan, more: &[(String, bool)]) -> Plan {
    for (i, (name, locked)) in more.iter().enumerate() {
        let mut figures = plan.figures();
        figures.programs.retain(|id, _| (*id as usize + i) % 2 == 0);
        figures.pledges.retain(|id, _| (*id as usize + i) % 3 != 0);
        let id = plan.stages.current;
        plan.stages
            .list
            .iter_mut()
            .for_each(|s| s.locked = s.locked || *locked);
        plan.stages.figures.insert(id, figures);
        plan.stages.list.push(Stage {
            id: id + 1,
            name: name.clone(),
            date: format!("2026-0{}-01", i + 1),
            note: name.clone(),
            year: plan.base_year,
            locked: false,
        });
        plan.stages.current = id + 1;
    }
    plan
}

/// A deck over the generated programs and pledges: the last first, every
/// other one left out, a note holding the title (any text a name may hold).
fn deck_of(programs: usize, pledges: usize, note: &str) -> planner_core::model::plan::Deck {
    use planner_core::Owner;
    let mut entries: Vec<DeckEntry> = (1..=programs as u32)
        .map(Owner::Program)
        .chain((1..=pledges as u32).map(Owner::Pledge))
        .enumerate()
        .map(|(i, subject)| DeckEntry {
            subject,
            shown: i % 2 == 0,
        })
        .collect();
    entries.reverse();
    let mut deck = Deck {
        entries,
        ..Deck::default()
    };
    if !note.is_empty() {
        deck.notes.insert("summary".into(), note.to_string());
    }
    deck
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Export → import gives back exactly the plan, whatever it holds.
    #[test]
    fn export_then_import_is_lossless(plan in plan()) {
        let text = encode(&plan, "0.1.0", "2026-11-23T00:00:00Z");
        let decoded = decode(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(decoded.plan, plan);
    }

    /// Arbitrary bytes (as text) are refused or read, never a panic.
    #[test]
    fn arbitrary_text_never_panics(bytes in vec(any::<u8>(), 0..400)) {
        let _ = decode(&String::from_utf8_lossy(&bytes));
    }

    /// JSON-like noise spliced into a real file reaches the plan reader (the
    /// header stays intact, so the file is not refused at its first byte):
    /// it is read, or refused with a short JSON path; never a panic.
    #[test]
    fn noise_inside_a_plan_file_is_refused_with_its_path(
        at in 0usize..100_000,
        noise in vec(json_noise(), 1..40),
    ) {
        let text = encode(&demo_plan(), "0.1.0", "x");
        let header_end = text.find("\"plan\"").unwrap();
        let mut at = header_end + at % (text.len() - header_end);
        while !text.is_char_boundary(at) {
            at += 1;
        }
        let spliced = format!("{}{}{}", &text[..at], noise.concat(), &text[at..]);
        match decode(&spliced) {
            Ok(_) => {}
            Err(FileError::Malformed { path, detail } | FileError::Invalid { path, detail }) => {
                prop_assert!(path.starts_with('$'), "{path}");
                prop_assert!(path.chars().count() <= 200, "{path}");
                prop_assert!(!detail.is_empty() && detail.chars().count() <= 400, "{detail}");
            }
            Err(other) => prop_assert!(false, "refused before the plan was read: {other:?}"),
        }
    }

    /// A valid file cut anywhere is refused with a path, never a panic.
    #[test]
    fn truncated_files_are_refused(cut in 0usize..2000) {
        let text = encode(&demo_plan(), "0.1.0", "x");
        let cut: String = text.chars().take(cut).collect();
        prop_assert!(decode(&cut).is_err());
    }

    /// A valid file with one byte changed never panics.
    #[test]
    fn mutated_files_never_panic(at in 0usize..4000, byte in any::<u8>()) {
        let mut bytes = encode(&demo_plan(), "0.1.0", "x").into_bytes();
        let at = at % bytes.len();
        bytes[at] = byte;
        let _ = decode(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn generated_benchmark_plan_round_trips() {
    let plan = generated_plan(Size::BENCHMARK, 7);
    assert_eq!(decode(&encode(&plan, "0.1.0", "x")).unwrap().plan, plan);
}

fn path_of(result: Result<planner_core::file::Decoded, FileError>) -> String {
    match result {
        Err(e) => e.path().unwrap_or("").to_string(),
        Ok(_) => panic!("accepted"),
    }
}

#[test]
fn errors_name_the_json_path() {
    let text = encode(&demo_plan(), "0.1.0", "x");
    let float = text.replacen("\"625648000\"", "625648000", 1);
    assert_eq!(
        path_of(decode(&float)),
        "$.plan.programs[0].budget.this_year"
    );
    let unknown = text.replacen("\"owner\"", "\"surprise\": 1, \"owner\"", 1);
    let e = decode(&unknown).unwrap_err();
    assert!(e.message(Lang::En).contains("surprise"), "{e}");
    assert_eq!(e.path(), Some("$.plan.programs[0].surprise"));
    let letter = text.replacen("\"625648000\"", "\"625,648\"", 1);
    assert!(decode(&letter)
        .unwrap_err()
        .message(Lang::En)
        .contains("625,648"));
    let dup = text.replacen("\"id\": 2,", "\"id\": 1,", 1);
    assert_eq!(path_of(decode(&dup)), "$.plan.programs[1].id");
    let reversed = text.replacen("\"first\": 2014", "\"first\": 2030", 1);
    assert_eq!(path_of(decode(&reversed)), "$.plan.years");
}

#[test]
fn hostile_files_are_refused_without_panic() {
    assert_eq!(decode(""), Err(FileError::NotAPlanFile));
    assert_eq!(decode("[]"), Err(FileError::NotAPlanFile));
    assert_eq!(decode("{").unwrap_err().path(), Some("$"));
    assert_eq!(decode("{\"a\":1}"), Err(FileError::NotAPlanFile));
    let nested = "[".repeat(100_000);
    assert!(decode(&nested).is_err());
    let nested_in_plan = format!(
        "{{\"format\":\"budget-planner/plan\",\"version\":1,\"x\":{}}}",
        "[".repeat(100_000)
    );
    assert!(decode(&nested_in_plan).is_err());
    let text = encode(&demo_plan(), "0.1.0", "x");
    assert!(decode(&text.replacen("\"version\": 3", "\"version\": 1e999999", 1)).is_err());
    assert!(
        decode(&text.replacen("\"625648000\"", "\"99999999999999999999999999999999\"", 1)).is_err()
    );
    assert!(decode(&text.replacen("\"id\": 1,", "\"id\": 99999999999999999999,", 1)).is_err());
    assert!(decode(&text.replacen("\"base_year\": 2021", "\"base_year\": 99999", 1)).is_err());
    assert_eq!(
        decode(&text.replacen("\"version\": 3", "\"version\": 4", 1)),
        Err(FileError::NewerVersion { version: 4 })
    );
    let big = " ".repeat(MAX_FILE_BYTES + 1);
    assert_eq!(
        decode(&big),
        Err(FileError::TooLarge {
            bytes: MAX_FILE_BYTES + 1
        })
    );
}

#[test]
fn script_in_every_name_is_just_text() {
    let mut plan = demo_plan();
    let evil = "<script>alert(1)</script>";
    plan.title = evil.into();
    for p in &mut plan.programs {
        p.name = evil.into();
    }
    let decoded = decode(&encode(&plan, "0.1.0", "x")).unwrap().plan;
    assert_eq!(decoded, plan);
}

#[test]
fn file_stems_are_safe() {
    assert_eq!(
        file_stem("사회적경제 예산·공약 계획 (예시)"),
        "사회적경제-예산-공약-계획-예시"
    );
    assert_eq!(file_stem("../../etc/passwd"), "etc-passwd");
    assert_eq!(file_stem("  "), "plan");
}

/// Pieces of JSON a damaged or hand-edited file holds: brackets, keys of the
/// format, figures in and out of range, and a few raw bytes.
fn json_noise() -> impl Strategy<Value = String> {
    const TOKENS: [&str; 24] = [
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        "\"programs\"",
        "\"pledges\"",
        "\"years\"",
        "\"2021\"",
        "\"budget\"",
        "\"this_year\"",
        "\"1,000\"",
        "\"-1\"",
        "\"79228162514264337593543950335\"",
        "0",
        "-1",
        "1e400",
        "2.5",
        "true",
        "null",
        "\"\"",
        "\"id\"",
        "\"\\u0000\"",
    ];
    prop_oneof![
        4 => proptest::sample::select(&TOKENS[..]).prop_map(String::from),
        1 => vec(any::<u8>(), 0..4).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
}
