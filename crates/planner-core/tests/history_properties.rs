//! Undo after a refused save: for any sequence of typed edits, structural
//! edits, undos, redos and saves, a save that storage refuses takes the
//! screen back to the stored plan, and no sequence of undos or redos from
//! there reaches a plan that was only ever on screen after that save.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use planner_core::change::history::History;
use planner_core::model::amount::Unit;
use planner_core::model::plan::YearRange;
use planner_core::{Edit, Plan};
use proptest::prelude::*;

/// What a user (or the autosave) does.
#[derive(Clone, Debug)]
enum Step {
    /// A keystroke in the title (consecutive ones coalesce).
    TypeTitle,
    /// A keystroke in the organisation (another field).
    TypeOrganisation,
    /// A structural edit: always a step of its own.
    AddProgram,
    Undo,
    Redo,
    /// The autosave stores the plan on screen.
    Save,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => Just(Step::TypeTitle),
        2 => Just(Step::TypeOrganisation),
        1 => Just(Step::AddProgram),
        2 => Just(Step::Undo),
        1 => Just(Step::Redo),
        2 => Just(Step::Save),
    ]
}

/// A plan by what tells its states apart.
fn key(plan: &Plan) -> (String, String, usize) {
    (
        plan.title.clone(),
        plan.organisation.clone(),
        plan.programs.len(),
    )
}

/// Every plan undo and redo can reach from `plan`.
fn reachable(mut history: History, plan: Plan) -> Vec<Plan> {
    let mut seen = vec![plan.clone()];
    let mut back = history.clone();
    let mut here = plan.clone();
    while let Some(previous) = back.undo(here) {
        seen.push(previous.clone());
        here = previous;
    }
    let mut here = plan;
    while let Some(next) = history.redo(here) {
        seen.push(next.clone());
        here = next;
    }
    seen
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn a_refused_save_never_comes_back_with_undo(steps in prop::collection::vec(step(), 0..60)) {
        let mut plan = Plan::new("t", YearRange::new(2026, 2030), Unit::Thousand);
        let mut history = History::default();
        let mut stored = plan.clone();
        // Plans on screen at or before the last save, and those only after it.
        let mut before_save: HashSet<_> = [key(&plan)].into();
        let mut after_save: HashSet<_> = HashSet::new();
        for (n, step) in steps.iter().enumerate() {
            let edit = match step {
                Step::TypeTitle => Some(Edit::SetTitle(format!("title {n}"))),
                Step::TypeOrganisation => Some(Edit::SetOrganisation(format!("org {n}"))),
                Step::AddProgram => Some(Edit::AddProgram { name: format!("p{n}"), status_row: true }),
                Step::Undo => {
                    if let Some(previous) = history.undo(plan.clone()) {
                        plan = previous;
                    }
                    None
                }
                Step::Redo => {
                    if let Some(next) = history.redo(plan.clone()) {
                        plan = next;
                    }
                    None
                }
                Step::Save => {
                    history.mark_saved();
                    stored = plan.clone();
                    before_save.extend(after_save.drain());
                    None
                }
            };
            if let Some(edit) = edit {
                let before = plan.clone();
                plan.apply(edit.clone()).unwrap();
                history.record(before, &edit);
            }
            if !before_save.contains(&key(&plan)) {
                after_save.insert(key(&plan));
            }
        }
        // Storage refuses the plan on screen.
        match history.rewind_to_saved(plan) {
            Some(back) => prop_assert_eq!(key(&back), key(&stored)),
            None => {
                prop_assert!(!history.can_undo() && !history.can_redo());
            }
        }
        for reached in reachable(history, stored) {
            prop_assert!(
                !after_save.contains(&key(&reached)),
                "undo or redo reaches a refused plan {:?} after {:?}", key(&reached), steps
            );
        }
    }
}
