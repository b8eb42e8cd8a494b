//! Any plan that accepted edits make can be stored and read back: for any
//! sequence of edits (typed figures of every field, raw edits with figures
//! beyond every limit, structural edits), the edits the plan accepts leave a
//! plan that encodes, decodes to an equal plan, validates without a panic,
//! and whose summary is written to the library index and read back.

#![cfg(not(target_arch = "wasm32"))]

use planner_core::change::edit::{BudgetColumn, IndicatorRow, StaffingColumn, StatusColumn};
use planner_core::change::field::{Draft, Field, PlanYear};
use planner_core::change::history::{Before, History};
use planner_core::file::drafts::{decode_drafts, encode_drafts};
use planner_core::file::library::{Library, PlanSummary};
use planner_core::file::{decode, encode_compact};
use planner_core::fixtures::demo::demo_plan;
use planner_core::model::amount::{Amount, Unit};
use planner_core::model::plan::{Column, LineItem, PrintedCell, RatioShare, YearRange};
use planner_core::rules::validate::{validate, Touched, Validation};
use planner_core::{Edit, Owner, Plan};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Texts a planner might type, including every boundary and junk.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,20}",
        "[△-]?[0-9]{1,3}(,[0-9]{3}){0,6}(\\.[0-9]{1,8})?",
        Just("1000000000000000000000000000000".to_string()),
        Just("79228162514264337593543950335".to_string()),
        Just("1,000,000,000,000".to_string()),
        Just("1,000,000,000,001".to_string()),
        Just("4294967295".to_string()),
        Just("0.0000001".to_string()),
        Just(String::new()),
        Just("-".to_string()),
        "[0-9a-z,.△]{0,12}",
    ]
}

/// A decimal anywhere in `Decimal`'s range, boundaries included.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (any::<i64>(), 0u32..10).prop_map(|(n, s)| Decimal::new(n, s)),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::from(1_000_000_000_000_000_i64)),
        Just(Decimal::from(1_000_000_000_000_001_i64)),
    ]
}

fn field() -> impl Strategy<Value = Field> {
    let source = prop_oneof![
        Just("national".to_string()),
        Just("city".to_string()),
        Just("district".to_string()),
        Just("other".to_string())
    ];
    let owner = prop_oneof![(1u32..8).prop_map(Owner::Program), Just(Owner::Pledge(1))];
    let column = prop_oneof![
        Just(Column::Before),
        Just(Column::After),
        (2014i32..2023).prop_map(Column::Year)
    ];
    prop_oneof![
        ((1u32..8), any::<bool>()).prop_map(|(program, this)| Field::Budget {
            program,
            column: if this {
                BudgetColumn::ThisYear
            } else {
                BudgetColumn::PriorYear
            }
        }),
        (owner.clone(), source.clone(), column.clone()).prop_map(|(owner, source, column)| {
            Field::Cell {
                owner,
                source,
                column,
            }
        }),
        owner.clone().prop_map(|owner| Field::StatedTotal { owner }),
        ((5u32..8), source.clone(), 2018i32..2023).prop_map(|(program, source, year)| {
            Field::Share {
                program,
                source,
                year,
            }
        }),
        ((5u32..8), source.clone(), 2018i32..2023).prop_map(|(program, source, year)| {
            Field::SharePercent {
                program,
                source,
                year,
            }
        }),
        ((5u32..8), source.clone()).prop_map(|(program, source)| Field::Weight { program, source }),
        ((5u32..8), source.clone())
            .prop_map(|(program, source)| Field::PrintedShare { program, source }),
        (owner.clone(), source, column.clone(), 0u8..4).prop_map(
            |(owner, source, column, kind)| {
                Field::Printed {
                    owner,
                    cell: match kind {
                        0 => PrintedCell::RowTotal(source),
                        1 => PrintedCell::RowInTerm(source),
                        2 => PrintedCell::ColumnTotal(column),
                        _ => PrintedCell::InTerm,
                    },
                }
            }
        ),
        prop_oneof![
            Just(StatusColumn::ThisYear),
            Just(StatusColumn::PriorYear),
            Just(StatusColumn::Change)
        ]
        .prop_map(Field::StatusPrinted),
        (1u32..8).prop_map(|program| Field::PrintedChange { program }),
        (2018i32..2023, any::<bool>()).prop_map(|(year, target)| Field::Indicator {
            pledge: 1,
            indicator: 1,
            year,
            row: if target {
                IndicatorRow::Target
            } else {
                IndicatorRow::Actual
            }
        }),
        ((0usize..4), any::<bool>()).prop_map(|(row, quota)| Field::Staffing {
            row,
            column: if quota {
                StaffingColumn::Quota
            } else {
                StaffingColumn::Current
            }
        }),
        prop_oneof![
            Just(PlanYear::First),
            Just(PlanYear::Last),
            Just(PlanYear::Base)
        ]
        .prop_map(Field::PlanYear),
    ]
}

fn unit() -> impl Strategy<Value = Unit> {
    prop_oneof![Just(Unit::Won), Just(Unit::Thousand), Just(Unit::Million)]
}

/// One step: a typed figure, or a raw edit carrying any value at all.
#[derive(Clone, Debug)]
enum Step {
    Typed(Field, Unit, String),
    Raw(Edit),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (field(), unit(), typed()).prop_map(|(f, u, t)| Step::Typed(f, u, t)),
        1 => (1u32..8, any_decimal()).prop_map(|(program, d)| Step::Raw(Edit::SetBudget {
            program,
            column: BudgetColumn::ThisYear,
            amount: Amount::from_won(d),
        })),
        1 => (any_decimal(), -3000i32..5000).prop_map(|(d, year)| Step::Raw(Edit::SetCell {
            owner: Owner::Pledge(1),
            source: "city".into(),
            column: Column::Year(year),
            amount: Amount::from_won(d),
        })),
        1 => (any_decimal(), -3000i32..5000).prop_map(|(d, year)| Step::Raw(Edit::SetIndicatorFigure {
            pledge: 1,
            indicator: 1,
            year,
            row: IndicatorRow::Target,
            value: Some(d),
        })),
        1 => any::<u32>().prop_map(|weight| Step::Raw(Edit::SetMatching {
            program: 6,
            ratio: vec![RatioShare { source: "city".into(), weight }],
        })),
        1 => (any::<i32>(), any::<i32>()).prop_map(|(a, b)| Step::Raw(Edit::SetYears(YearRange::new(a, b)))),
        1 => any::<i32>().prop_map(|y| Step::Raw(Edit::SetBaseYear(y))),
        1 => any::<u32>().prop_map(|count| Step::Raw(Edit::SetStaffingCount {
            row: 0,
            column: StaffingColumn::Quota,
            count,
        })),
        1 => Just(Step::Raw(Edit::AddStaffingRow)),
        1 => Just(Step::Raw(Edit::AddProgram { name: String::new(), status_row: true })),
        1 => (1u32..8).prop_map(|program| Step::Raw(Edit::RemoveProgram { program })),
        // Edits of one program's or pledge's own fields (what validation
        // re-checks alone, issue 17), names that may collide, and the rest.
        2 => (1u32..8, prop_oneof![Just(String::new()), Just("기본경비".to_string()), "[가-힣a-z ]{0,6}"])
            .prop_map(|(program, name)| Step::Raw(Edit::SetProgramName { program, name })),
        1 => (1u32..8).prop_map(|program| Step::Raw(Edit::AddLineItem { program })),
        2 => (1u32..8, 0usize..3, prop_oneof![Just("5,000원 × 300부".to_string()), Just("1천원 × (2".to_string()), "[0-9×원천 ]{0,10}"], proptest::option::of(0i64..5_000_000))
            .prop_map(|(program, index, basis, stated)| Step::Raw(Edit::SetLineItem {
                program,
                index,
                item: LineItem { name: "항목".into(), basis, stated: stated.map(Amount::won) },
            })),
        1 => (1u32..8, 0usize..3).prop_map(|(program, index)| Step::Raw(Edit::RemoveLineItem { program, index })),
        1 => (1u32..8, 2010i32..2026, 0i32..6).prop_map(|(program, first, span)| Step::Raw(Edit::SetProgramPeriod {
            program,
            period: YearRange::new(first, first + span),
        })),
        1 => prop_oneof![Just(String::new()), Just("1".to_string()), Just("2".to_string())]
            .prop_map(|number| Step::Raw(Edit::SetPledgeNumber { pledge: 1, number })),
        1 => proptest::collection::vec(1u32..10, 0..4)
            .prop_map(|programs| Step::Raw(Edit::SetPledgePrograms { pledge: 1, programs })),
        1 => "[a-z]{0,4}".prop_map(|note| Step::Raw(Edit::SetSlideNote { slide: "program-1".into(), note })),
        1 => (any::<bool>(), any::<bool>()).prop_map(|(a, b)| Step::Raw(Edit::Many(vec![
            Edit::SetProgramName { program: if a { 1 } else { 2 }, name: "x".into() },
            Edit::SetProgramName { program: if b { 1 } else { 3 }, name: String::new() },
        ]))),
        1 => Just(Step::Raw(Edit::AddStage { name: "편성안".into() })),
        1 => (1u32..4).prop_map(|stage| Step::Raw(Edit::SwitchStage(stage))),
        1 => (1u32..4, any::<bool>()).prop_map(|(stage, locked)| Step::Raw(Edit::SetStageLocked { stage, locked })),
    ]
}

/// The programs and pledges as a picker lists them.
fn roster(plan: &Plan) -> Vec<(u32, String, String)> {
    plan.programs
        .iter()
        .map(|p| (p.id, p.name.clone(), String::new()))
        .chain(
            plan.pledges
                .iter()
                .map(|p| (p.id, p.number.clone(), p.title.clone())),
        )
        .collect()
}

/// Applies a step; the edit the plan took, if any.
fn apply(plan: &mut Plan, step: &Step) -> Option<Edit> {
    let edit = match step {
        Step::Typed(field, unit, text) => match field.accept(plan, *unit, text) {
            Ok(Some(edit)) => edit,
            _ => return None,
        },
        Step::Raw(edit) => edit.clone(),
    };
    let before = plan.clone();
    if plan.apply(edit.clone()).is_err() {
        assert_eq!(*plan, before, "a refused edit changes nothing");
        return None;
    }
    Some(edit)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Drafts of every kind of figure, with any text, are stored and read back
    /// exactly (a refused entry survives a reload).
    #[test]
    fn stored_drafts_read_back_exactly(
        drafts in proptest::collection::vec((field(), any::<String>(), unit()), 0..12),
    ) {
        let drafts: Vec<Draft> = drafts
            .into_iter()
            .map(|(field, text, unit)| Draft { field, text, unit })
            .collect();
        prop_assert_eq!(decode_drafts(&encode_drafts(&drafts)), drafts);
    }

    /// Issue 17: after any sequence of edits, re-checking only what each
    /// edit touched gives exactly the whole-plan problems, in the same order
    /// (and a refused edit, re-checked or not, changes nothing).
    #[test]
    fn checking_what_an_edit_touched_equals_checking_the_whole_plan(steps in proptest::collection::vec(step(), 1..40)) {
        let mut plan = demo_plan();
        let mut validation = Validation::of(&plan);
        for step in &steps {
            if let Some(edit) = apply(&mut plan, step) {
                validation.update(&plan, edit.touches());
            }
            prop_assert_eq!(validation.problems(), validate(&plan), "after {:?}", step);
        }
    }

    /// Issue 17: an edit that `touches` one program (or pledge, or only the
    /// deck) changes nothing else of the plan, so an undo step that keeps
    /// only that part takes the plan back exactly: undoing every step gives
    /// each earlier plan in turn, and redoing them gives the last one.
    #[test]
    fn an_edit_changes_only_what_it_touches_and_undo_restores_it(steps in proptest::collection::vec(step(), 1..40)) {
        let mut plan = demo_plan();
        let mut history = History::default();
        let mut earlier = Vec::new();
        for step in &steps {
            let before = plan.clone();
            let Some(edit) = apply(&mut plan, step) else { continue };
            let touched = edit.touches();
            let mut only_that = plan.clone();
            match touched {
                Touched::Program(id) => {
                    let (Some(slot), Some(was)) = (only_that.programs.iter_mut().find(|p| p.id == id), before.program(id)) else {
                        prop_assert!(false, "{:?} touched a program the plan does not have", edit);
                        unreachable!()
                    };
                    *slot = was.clone();
                }
                Touched::Pledge(id) => {
                    let (Some(slot), Some(was)) = (only_that.pledges.iter_mut().find(|p| p.id == id), before.pledge(id)) else {
                        prop_assert!(false, "{:?} touched a pledge the plan does not have", edit);
                        unreachable!()
                    };
                    *slot = was.clone();
                }
                Touched::Presentation => only_that.deck = before.deck.clone(),
                Touched::Plan => only_that = before.clone(),
            }
            prop_assert_eq!(&only_that, &before, "{:?} changed more than {:?}", edit, touched);
            // What a picker lists (ids, order, names, pledge numbers and
            // titles) changes only with an edit that says so (issue 17).
            if !edit.changes_names() {
                prop_assert_eq!(roster(&plan), roster(&before), "{:?} changed the names", edit);
            }
            if !history.joins(&edit) {
                earlier.push(before.clone());
            }
            history.record_before(Before::of(&before, touched), &edit);
        }
        let last = plan.clone();
        while let Some(expected) = earlier.pop() {
            plan = history.undo(plan).expect("a step to undo");
            prop_assert_eq!(&plan, &expected);
        }
        prop_assert!(!history.can_undo());
        while history.can_redo() {
            plan = history.redo(plan).expect("a step to redo");
        }
        prop_assert_eq!(plan, last);
    }

    #[test]
    fn any_plan_made_by_accepted_edits_is_stored_and_read_back(steps in proptest::collection::vec(step(), 1..25)) {
        let mut plan = demo_plan();
        for step in &steps {
            apply(&mut plan, step);
        }
        let text = encode_compact(&plan, "test", "2026-12-01T00:00:00Z");
        let read = decode(&text);
        prop_assert!(read.is_ok(), "{:?}", read.err());
        prop_assert_eq!(&read.unwrap().plan, &plan);
        let problems = validate(&plan);
        let mut library = Library::new();
        library.upsert(PlanSummary::of(1, &plan, &problems, "2026-12-01T00:00:00Z"));
        library.open = Some(1);
        let back = Library::decode(&library.encode());
        prop_assert_eq!(back, Ok(library));
    }

    /// A typed text is taken exactly (the plan then reads back its value) or
    /// refused with the plan untouched.
    #[test]
    fn a_typed_text_is_taken_exactly_or_not_at_all(field in field(), unit in unit(), text in typed()) {
        let mut plan = demo_plan();
        let before = plan.clone();
        match field.accept(&plan, unit, &text) {
            Ok(Some(edit)) => {
                let value = field.format(unit).parse(&text).unwrap();
                if plan.apply(edit).is_ok() {
                    let exact = !matches!(field, Field::SharePercent { .. });
                    if exact {
                        prop_assert_eq!(
                            field.read(&plan).flatten().map(|v| v.normalize()),
                            value.map(|v| v.normalize())
                        );
                    }
                } else {
                    prop_assert_eq!(&plan, &before);
                }
            }
            Ok(None) => {}
            Err(_) => prop_assert_eq!(&plan, &before),
        }
    }
}
