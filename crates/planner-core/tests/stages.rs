//! Budget stages: a new stage copies the one before, locked figures never
//! change, two stages compare footed in any unit, next year's plan is copied
//! forward, and files written before stages read as one stage.

#![cfg(not(target_arch = "wasm32"))]

use planner_core::change::edit::{BudgetColumn, EditError};
use planner_core::change::forward::copy_forward;
use planner_core::change::history::History;
use planner_core::file::{decode, encode};
use planner_core::fixtures::demo::demo_plan;
use planner_core::model::amount::{Amount, Unit};
use planner_core::model::plan::{Column, Plan, StageId};
use planner_core::rules::validate::validate;
use planner_core::views::stages::compare_stages;
use planner_core::{Edit, Lang, Owner};
use rust_decimal::Decimal;

fn thousand(n: i64) -> Amount {
    Amount::won(n * 1000)
}

fn budget(plan: &Plan, program: u32) -> Amount {
    plan.program(program).unwrap().budget.unwrap().this_year
}

fn set_budget(plan: &mut Plan, program: u32, amount: Amount) -> Result<(), EditError> {
    plan.apply(Edit::SetBudget {
        program,
        column: BudgetColumn::ThisYear,
        amount,
    })
}

/// The demo as its department requested it, then the executive's proposal:
/// two programs cut, one raised.
fn proposal() -> (Plan, StageId, StageId) {
    let mut plan = demo_plan();
    let request = plan.stages.current;
    plan.apply(Edit::AddStage {
        name: "편성안".into(),
    })
    .unwrap();
    let proposal = plan.stages.current;
    set_budget(&mut plan, 1, thousand(600_000)).unwrap(); // 625,648 → △25,648
    set_budget(&mut plan, 3, thousand(800_000)).unwrap(); // 816,650 → △16,650
    set_budget(&mut plan, 2, Amount::won(270_500_400)).unwrap(); // 262,000 → +8,500.4
    (plan, request, proposal)
}

#[test]
fn a_new_stage_starts_as_a_copy_and_keeps_its_own_figures() {
    let (plan, request, proposal) = proposal();
    assert_eq!(plan.stages.list.len(), 2);
    assert_eq!(plan.stages.list[1].name, "편성안");
    let before = plan.at_stage(request).unwrap();
    assert_eq!(budget(&before, 1), thousand(625_648));
    assert_eq!(budget(&plan, 1), thousand(600_000));
    // Everything else is the same in both.
    assert_eq!(before.programs[4..], plan.programs[4..]);
    assert_eq!(before.pledges, plan.pledges);

    // Switching back and forth loses nothing.
    let mut switched = plan.clone();
    switched.apply(Edit::SwitchStage(request)).unwrap();
    assert_eq!(budget(&switched, 1), thousand(625_648));
    switched.apply(Edit::SwitchStage(proposal)).unwrap();
    assert_eq!(switched, plan);
    assert_eq!(
        switched.apply(Edit::SwitchStage(99)),
        Err(EditError::NoSuchStage(99))
    );
}

#[test]
fn a_locked_stage_refuses_money_edits_and_unlocking_is_undoable() {
    let (mut plan, _, proposal) = proposal();
    let mut history = History::default();
    let edit = Edit::SetStageLocked {
        stage: proposal,
        locked: true,
    };
    let before = plan.clone();
    plan.apply(edit.clone()).unwrap();
    history.record(before, &edit);
    let locked = plan.clone();
    for refused in [
        Edit::SetBudget {
            program: 1,
            column: BudgetColumn::ThisYear,
            amount: Amount::ZERO,
        },
        Edit::SetCell {
            owner: Owner::Program(6),
            source: "city".into(),
            column: Column::Year(2019),
            amount: Amount::ZERO,
        },
        Edit::RemoveProgram { program: 6 },
        Edit::Many(vec![
            Edit::SetTitle("x".into()),
            Edit::SetBudget {
                program: 2,
                column: BudgetColumn::PriorYear,
                amount: Amount::ZERO,
            },
        ]),
    ] {
        assert_eq!(
            plan.apply(refused.clone()),
            Err(EditError::StageLocked(proposal)),
            "{refused:?}"
        );
        assert_eq!(plan, locked, "a refused edit changes nothing");
    }
    // Words are not money: a locked stage can still be renamed or titled.
    plan.apply(Edit::SetTitle("새 제목".into())).unwrap();
    // Undo of the lock unlocks; the figures are as they were.
    let undone = history.undo(plan.clone()).unwrap();
    assert!(!undone.stages.current_locked());
    assert_eq!(budget(&undone, 1), thousand(600_000));

    // A program with figures in a locked stage cannot be removed from another.
    let mut next = locked.clone();
    next.apply(Edit::AddStage {
        name: "제1회 추경".into(),
    })
    .unwrap();
    assert!(!next.stages.current_locked());
    assert_eq!(
        next.apply(Edit::RemoveProgram { program: 6 }),
        Err(EditError::StageLocked(proposal))
    );
    set_budget(&mut next, 1, thousand(610_000)).unwrap();
    assert_eq!(
        budget(&next.at_stage(proposal).unwrap(), 1),
        thousand(600_000)
    );
}

#[test]
fn the_comparison_shows_the_changed_cells_footed_in_any_unit() {
    let (plan, request, proposal) = proposal();
    let thousands = compare_stages(&plan, request, proposal, Unit::Thousand, Lang::Ko).unwrap();
    assert_eq!(thousands.before, "부서 요구");
    assert_eq!(thousands.after, "편성안");
    let rows: Vec<(&str, Decimal, Decimal, Decimal)> = thousands
        .budget
        .changed
        .iter()
        .map(|l| (l.key.as_str(), l.before, l.after, l.change))
        .collect();
    let d = |n: i64| Decimal::from(n);
    assert_eq!(
        rows,
        vec![
            ("program-1", d(625_648), d(600_000), d(-25_648)),
            ("program-2", d(262_000), d(270_500), d(8_500)),
            ("program-3", d(816_650), d(800_000), d(-16_650)),
        ]
    );
    assert_eq!(thousands.budget.unchanged, (1, d(75_762)));
    let total_before = d(625_648 + 262_000 + 816_650 + 75_762);
    assert_eq!(
        thousands.budget.total,
        (total_before, total_before - d(33_798), d(-33_798))
    );
    assert!(thousands.shares.changed.is_empty());

    // In 백만원 every row still foots across and every column down.
    let millions = compare_stages(&plan, request, proposal, Unit::Million, Lang::Ko).unwrap();
    let table = &millions.budget;
    for line in &table.changed {
        assert_eq!(line.before + line.change, line.after, "{line:?}");
    }
    let sum = |f: fn(&planner_core::views::stages::ComparedLine) -> Decimal| {
        table.changed.iter().map(f).sum::<Decimal>()
    };
    assert_eq!(sum(|l| l.before) + table.unchanged.1, table.total.0);
    assert_eq!(sum(|l| l.after) + table.unchanged.1, table.total.1);
    assert_eq!(sum(|l| l.change), table.total.2);
    assert_eq!(table.total, (d(1_780), d(1_746), d(-34))); // 1,780.06 → 1,746.2624 백만원
                                                           // 기정 625.648 · 262 · 816.65 · 75.762 foot to 625 · 262 · 817 · 76; the
                                                           // unchanged 기본경비 keeps its 76, so the changed rows' 경정 foot to 1,670.
    let shown: Vec<_> = table
        .changed
        .iter()
        .map(|l| (l.before, l.after, l.change))
        .collect();
    assert_eq!(
        shown,
        vec![
            (d(625), d(600), d(-25)),
            (d(262), d(270), d(8)),
            (d(817), d(800), d(-17))
        ]
    );
    assert_eq!(table.unchanged, (1, d(76)));

    // A split changed in a later stage shows by source.
    let mut plan = plan;
    plan.apply(Edit::AddStage {
        name: "제1회 추경".into(),
    })
    .unwrap();
    let supplementary = plan.stages.current;
    plan.apply(Edit::SetCell {
        owner: Owner::Program(6),
        source: "national".into(),
        column: Column::Year(2019),
        amount: thousand(600_000),
    })
    .unwrap();
    let split = compare_stages(&plan, proposal, supplementary, Unit::Thousand, Lang::Ko).unwrap();
    assert!(split.budget.changed.is_empty());
    let changed: Vec<_> = split
        .shares
        .changed
        .iter()
        .map(|l| (l.key.as_str(), l.source.as_deref(), l.change))
        .collect();
    assert_eq!(changed, vec![("program-6", Some("national"), d(-22_500))]);
}

#[test]
fn copy_forward_starts_next_year_from_the_adopted_budget() {
    let (mut plan, _, proposal) = proposal();
    plan.apply(Edit::SetStageLocked {
        stage: proposal,
        locked: true,
    })
    .unwrap();
    // A later stage, not adopted: the adopted (locked) one is what carries on.
    plan.apply(Edit::AddStage {
        name: "제1회 추경".into(),
    })
    .unwrap();
    set_budget(&mut plan, 1, thousand(1)).unwrap();
    let (next, preview) = copy_forward(&plan);
    assert_eq!(preview.from_stage, "편성안");
    assert_eq!(next.base_year, plan.base_year + 1);
    assert_eq!(next.years.first, plan.years.first + 1);
    assert_eq!(next.years.last, plan.years.last + 1);
    assert_eq!(next.stages.list.len(), 1);
    assert_eq!(next.stages.list[0].year, plan.base_year + 1);
    let b = next.program(1).unwrap().budget.unwrap();
    assert_eq!(b.prior_year, thousand(600_000));
    assert_eq!(b.this_year, thousand(600_000));
    assert_eq!(preview.budgets.0, 4);
    assert_eq!(
        preview.budgets.1,
        thousand(600_000) + Amount::won(270_500_400) + thousand(800_000) + thousand(75_762)
    );
    // Money before the new first year went into 기투자, none was lost.
    let first = next.years.first;
    let mut moved = Amount::ZERO;
    for (old, new) in plan
        .at_stage(proposal)
        .unwrap()
        .programs
        .iter()
        .zip(&next.programs)
    {
        for (old_row, new_row) in old.schedule.rows.iter().zip(&new.schedule.rows) {
            assert!(new_row.years.keys().all(|y| *y >= first));
            assert_eq!(old_row.total(), new_row.total(), "{}", old.name);
            moved = moved + (new_row.before - old_row.before);
        }
    }
    assert_eq!(moved, preview.moved.1);
    assert!(preview.moved.0 > 0);
    assert_eq!(next.pledges.len(), plan.pledges.len());
    let lines = preview.lines(Lang::Ko, Unit::Thousand);
    assert!(lines[1].contains("편성안"), "{lines:?}");
    assert!(lines[1].contains("1,746,262"), "{lines:?}");
}

#[test]
fn stages_travel_in_the_file_and_older_files_read_as_one_stage() {
    let (mut plan, _, proposal) = proposal();
    plan.apply(Edit::SetStageLocked {
        stage: proposal,
        locked: true,
    })
    .unwrap();
    plan.apply(Edit::SetStage {
        stage: proposal,
        name: "편성안".into(),
        date: "2021-11-10".into(),
        note: "구청장 제출".into(),
        year: 2021,
    })
    .unwrap();
    let text = encode(&plan, "t", "t");
    assert!(text.contains("\"version\": 3"));
    assert_eq!(decode(&text).unwrap().plan, plan);

    // A version 2 file (no stages) is one stage named after the plan.
    let mut value: serde_json::Value =
        serde_json::from_str(&encode(&demo_plan(), "t", "t")).unwrap();
    value["version"] = 2.into();
    let fields = value["plan"].as_object_mut().unwrap();
    fields.remove("stages");
    fields.remove("current_stage");
    for version in [1, 2] {
        value["version"] = version.into();
        let old = decode(&value.to_string()).unwrap().plan;
        assert_eq!(old.stages.list.len(), 1);
        assert_eq!(old.stages.list[0].name, demo_plan().title);
        assert_eq!(old.stages.list[0].year, 2021);
        assert!(!old.stages.list[0].locked);
        assert_eq!(old.programs, demo_plan().programs);
    }
}

#[test]
fn a_prior_year_that_is_not_last_years_adopted_budget_is_a_warning() {
    let mut plan = demo_plan();
    let last_year = plan.stages.current;
    plan.apply(Edit::SetStage {
        stage: last_year,
        name: "2020 본예산".into(),
        date: String::new(),
        note: String::new(),
        year: 2020,
    })
    .unwrap();
    plan.apply(Edit::SetStageLocked {
        stage: last_year,
        locked: true,
    })
    .unwrap();
    plan.apply(Edit::AddStage {
        name: "2021 부서 요구".into(),
    })
    .unwrap();
    let this_year = plan.stages.current;
    plan.apply(Edit::SetStage {
        stage: this_year,
        name: "2021 부서 요구".into(),
        date: String::new(),
        note: String::new(),
        year: 2021,
    })
    .unwrap();
    let codes = |plan: &Plan| {
        validate(plan)
            .into_iter()
            .filter(|p| p.code.as_str() == "stages.prior_year")
            .map(|p| p.location.cell_id())
            .collect::<Vec<_>>()
    };
    // The demo's 전년도 is not its own 예산액: every status row is flagged.
    assert_eq!(codes(&plan).len(), 4);
    for program in 1..=4 {
        let adopted = budget(&plan, program);
        plan.apply(Edit::SetBudget {
            program,
            column: BudgetColumn::PriorYear,
            amount: adopted,
        })
        .unwrap();
    }
    assert!(codes(&plan).is_empty());
    plan.apply(Edit::SetBudget {
        program: 2,
        column: BudgetColumn::PriorYear,
        amount: thousand(1),
    })
    .unwrap();
    let found = validate(&plan)
        .into_iter()
        .find(|p| p.code.as_str() == "stages.prior_year")
        .unwrap();
    assert_eq!(found.location.cell_id(), "program-2-budget-prior-year");
    assert!(found.message(Lang::Ko, Unit::Thousand).contains("262,000"));
}

#[test]
fn exports_and_the_deck_carry_each_step_of_the_budget() {
    let (plan, _, _) = proposal();
    let csv = String::from_utf8(planner_core::render::csv::plan_csv(&plan, Lang::Ko)).unwrap();
    let rows: Vec<&str> = csv.lines().filter(|l| l.contains("단계 비교")).collect();
    assert_eq!(
        rows.len(),
        9,
        "three changed 예산액, three rows each: {rows:#?}"
    );
    assert!(rows
        .iter()
        .any(|r| r.contains(",증감 (예산액),,,-25648000,-25648,")));
    assert!(rows
        .iter()
        .any(|r| r.contains(",경정액 (예산액),,,270500400,270500.4,")));

    let xlsx = planner_core::render::xlsx::plan_xlsx(&plan, Lang::Ko);
    let text = String::from_utf8_lossy(&xlsx);
    assert!(text.contains("name=\"1. 부서 요구→편성안\""));
    for figure in [
        "<v>-25648</v>",
        "<v>270500</v>",
        "<v>-33798</v>",
        "<v>1780060</v>",
    ] {
        assert!(text.contains(figure), "{figure}");
    }

    let slides = planner_core::views::deck::slides(&plan, 0);
    let step = planner_core::views::deck::Slide::Stages(plan.stages.current);
    assert_eq!(slides.last(), Some(&step));
    let html =
        planner_core::render::slide::slide_html(&plan, step, Lang::Ko, true, &[]).into_string();
    assert!(html.contains("부서 요구 → 편성안"), "{html}");
    assert!(
        html.contains("△25,648") && html.contains("8,500") && html.contains("△33,798"),
        "{html}"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// Whatever a later stage changes, in any unit, the comparison foots: each
    /// row across, each column down to the honest rounding of its exact sum,
    /// and a folded row is one that did not change.
    #[test]
    fn comparisons_foot_in_every_unit(
        changes in proptest::collection::vec((1u32..=11, -5_000_000_000i64..5_000_000_000), 0..12),
        unit in proptest::prop_oneof![
            proptest::strategy::Just(Unit::Won),
            proptest::strategy::Just(Unit::Thousand),
            proptest::strategy::Just(Unit::Million),
        ],
    ) {
        let mut plan = demo_plan();
        let first = plan.stages.current;
        plan.apply(Edit::AddStage { name: "편성안".into() }).unwrap();
        for (program, won) in changes {
            let amount = Amount::won(won);
            let edit = if program <= 4 {
                Edit::SetBudget { program, column: BudgetColumn::ThisYear, amount }
            } else {
                Edit::SetCell {
                    owner: Owner::Program(program),
                    source: "district".into(),
                    column: Column::Year(2019),
                    amount,
                }
            };
            let _ = plan.apply(edit);
        }
        let c = compare_stages(&plan, first, plan.stages.current, unit, Lang::En).unwrap();
        let before = plan.at_stage(first).unwrap();
        for (table, exact) in [
            (&c.budget, (
                before.budget_rows().map(|(_, b)| b.this_year).sum::<Amount>(),
                plan.budget_rows().map(|(_, b)| b.this_year).sum::<Amount>(),
            )),
        ] {
            let per = unit.won_per_unit();
            let round = |a: Amount| planner_core::model::amount::round_half_up(a.as_decimal() / per, 0);
            proptest::prop_assert_eq!(table.total.0, round(exact.0));
            proptest::prop_assert_eq!(table.total.1, round(exact.1));
        }
        for table in [&c.budget, &c.shares] {
            let (mut b, mut a, mut ch) = (table.unchanged.1, table.unchanged.1, Decimal::ZERO);
            for line in &table.changed {
                proptest::prop_assert_eq!(line.before + line.change, line.after);
                proptest::prop_assert!(!line.exact_change.is_zero());
                b += line.before;
                a += line.after;
                ch += line.change;
            }
            proptest::prop_assert_eq!((b, a, ch), table.total);
        }
    }
}

#[test]
fn changed_line_items_are_compared_side_by_side() {
    let (mut plan, request, proposal) = proposal();
    plan.apply(Edit::AddLineItem { program: 4 }).unwrap();
    plan.apply(Edit::SetLineItem {
        program: 4,
        index: 0,
        item: planner_core::model::plan::LineItem {
            name: "홍보물".into(),
            basis: "5,000원 × 300부 = 1,500".into(),
            stated: None,
        },
    })
    .unwrap();
    let c = compare_stages(&plan, request, proposal, Unit::Thousand, Lang::Ko).unwrap();
    assert_eq!(c.items.len(), 1);
    let item = &c.items[0];
    assert_eq!(item.key, "program-4");
    assert!(item.before.is_empty());
    assert_eq!(
        item.after,
        vec!["홍보물: 5,000원 × 300부 = 1,500".to_string()]
    );
    assert_eq!(item.totals.1, Some(Decimal::from(1_500)));
    // The same in the step's XLSX sheet.
    let xlsx = planner_core::render::xlsx::plan_xlsx(&plan, Lang::Ko);
    let text = String::from_utf8_lossy(&xlsx);
    assert!(text.contains("경정 산출기초"));
    assert!(text.contains("홍보물: 5,000원 × 300부 = 1,500"));
    // A stage whose only change is its line items still differs.
    let mut only_items = demo_plan();
    let first = only_items.stages.current;
    only_items
        .apply(Edit::AddStage {
            name: "편성안".into(),
        })
        .unwrap();
    only_items.apply(Edit::AddLineItem { program: 4 }).unwrap();
    let c = compare_stages(
        &only_items,
        first,
        only_items.stages.current,
        Unit::Thousand,
        Lang::Ko,
    )
    .unwrap();
    assert!(!c.is_empty());
}
