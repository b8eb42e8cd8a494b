//! Undo and redo of edits, and the place of the stored plan among them.
//! Typing into one field is one step, however many
//! keystrokes it takes: consecutive edits of the same target coalesce.

use crate::change::edit::Edit;
use crate::model::amount::Amount;
use crate::model::plan::{Plan, Pledge, Program};
use crate::rules::validate::Touched;

/// The field an edit types into, for coalescing keystrokes into one undo
/// step. Two edits with equal targets type into the same field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditTarget(Edit);

impl Edit {
    /// The field the edit types into, if it is one; structural edits (add,
    /// remove, change unit, a pasted block) have none and are always steps of
    /// their own.
    pub fn target(&self) -> Option<EditTarget> {
        let mut field = self.clone();
        // The typed value is blanked: what is left names the field.
        match &mut field {
            Edit::SetTitle(v) | Edit::SetOrganisation(v) => v.clear(),
            Edit::SetProgramName { name, .. } => name.clear(),
            Edit::SetBudget { amount, .. } | Edit::SetCell { amount, .. } => *amount = Amount::ZERO,
            Edit::SetShareNote { note, .. }
            | Edit::SetIndicatorNote { note, .. }
            | Edit::SetSlideNote { note, .. } => note.clear(),
            Edit::SetStatedTotal { total, .. } => *total = None,
            Edit::SetLineItem { item, .. } => *item = Default::default(),
            Edit::SetPledgeTitle { title, .. } => title.clear(),
            Edit::SetPledgeNumber { number, .. } => number.clear(),
            Edit::SetIndicatorName { name, .. } => name.clear(),
            Edit::SetIndicatorUnit { unit, .. } => unit.clear(),
            Edit::SetIndicatorFigure { value, .. } => *value = None,
            Edit::SetStaffingCount { count, .. } => *count = 0,
            Edit::SetStaffingText { group, grade, .. } => {
                group.clear();
                grade.clear();
            }
            Edit::SetMatching { ratio, .. } => ratio.clear(),
            Edit::RenameSource {
                name_ko, name_en, ..
            } => {
                name_ko.clear();
                name_en.clear();
            }
            _ => return None,
        }
        Some(EditTarget(field))
    }
}

/// What a step keeps of the plan before (or after) it: the whole plan, or
/// only the program or pledge its edit touched ([`Edit::touches`]): a
/// district's plan is megabytes, one program a few kilobytes, so two
/// hundred steps of typing keep two hundred programs, not plans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Before {
    /// The whole plan.
    Whole(Plan),
    /// One program (by its id); the rest of the plan is as it is now.
    Program(Program),
    /// One pledge (by its id); the rest of the plan is as it is now.
    Pledge(Pledge),
}

impl Before {
    /// What to keep of `plan` for an edit that `touched` this.
    pub fn of(plan: &Plan, touched: Touched) -> Before {
        match touched {
            Touched::Program(id) => match plan.program(id) {
                Some(p) => Before::Program(p.clone()),
                None => Before::Whole(plan.clone()),
            },
            Touched::Pledge(id) => match plan.pledge(id) {
                Some(p) => Before::Pledge(p.clone()),
                None => Before::Whole(plan.clone()),
            },
            Touched::Presentation | Touched::Plan => Before::Whole(plan.clone()),
        }
    }

    /// Puts this state into `plan` and gives back what it replaced (the
    /// step the other way); `Err(self)` when `plan` no longer has the part.
    fn swap_into(self, plan: &mut Plan) -> Result<Before, Before> {
        match self {
            Before::Whole(whole) => Ok(Before::Whole(std::mem::replace(plan, whole))),
            Before::Program(program) => {
                match plan.programs.iter_mut().find(|p| p.id == program.id) {
                    Some(slot) => Ok(Before::Program(std::mem::replace(slot, program))),
                    None => Err(Before::Program(program)),
                }
            }
            Before::Pledge(pledge) => match plan.pledges.iter_mut().find(|p| p.id == pledge.id) {
                Some(slot) => Ok(Before::Pledge(std::mem::replace(slot, pledge))),
                None => Err(Before::Pledge(pledge)),
            },
        }
    }
}

/// Takes the newest step off `from` into `current` and puts its opposite
/// onto `to`: an undo or a redo. `None` (nothing moves) when there is none,
/// or its part is gone from the plan (never on one timeline).
fn take_step(from: &mut Vec<Before>, to: &mut Vec<Before>, current: Plan) -> Option<Plan> {
    let mut plan = current;
    match from.pop()?.swap_into(&mut plan) {
        Ok(opposite) => {
            to.push(opposite);
            Some(plan)
        }
        Err(step) => {
            from.push(step);
            None
        }
    }
}

/// The plans before (and after) each step, newest last, and which of them
/// storage holds: the steps form one timeline (`past`, the plan on screen,
/// `future` reversed), and `saved` is the place in it of the plan last stored.
#[derive(Clone, Debug)]
pub struct History {
    past: Vec<Before>,
    future: Vec<Before>,
    last_target: Option<EditTarget>,
    /// Where the stored plan sits in the timeline; `None` once no step holds it.
    saved: Option<usize>,
}

impl Default for History {
    /// A history for a plan just read from storage: the plan on screen is the stored one.
    fn default() -> History {
        History {
            past: Vec::new(),
            future: Vec::new(),
            last_target: None,
            saved: Some(0),
        }
    }
}

/// How many steps back a user can go; older ones are dropped.
pub const UNDO_LIMIT: usize = 200;

impl History {
    /// Records that `edit` changed the plan from `before`. A further keystroke
    /// in the field the previous edit typed into joins that step.
    pub fn record(&mut self, before: Plan, edit: &Edit) {
        self.record_before(Before::Whole(before), edit);
    }

    /// [`History::record`] keeping only what the edit touched ([`Before::of`]).
    pub fn record_before(&mut self, before: Before, edit: &Edit) {
        if self.joins(edit) {
            self.forget_future();
        } else {
            self.push(before);
        }
        self.last_target = edit.target();
    }

    /// Whether `edit` would join the previous step (a further keystroke in
    /// the same field), so the plan before it need not be copied: a
    /// district's plan is megabytes, and a keystroke must not copy it.
    pub fn joins(&self, edit: &Edit) -> bool {
        let target = edit.target();
        // The stored plan is never typed over: the first keystroke after a
        // save starts a step of its own, so undo can always reach it.
        target.is_some()
            && target == self.last_target
            && !self.past.is_empty()
            && self.saved != Some(self.past.len())
    }

    /// Records an edit that [`History::joins`] the previous step.
    pub fn record_joined(&mut self, edit: &Edit) {
        self.forget_future();
        self.last_target = edit.target();
    }

    /// Records a whole-plan replacement (restore demo, import) as one step.
    pub fn record_replacement(&mut self, before: Plan) {
        self.push(Before::Whole(before));
        self.last_target = None;
    }

    /// A new step: `before` goes onto the undo list, the redo list is dropped.
    fn push(&mut self, before: Before) {
        self.forget_future();
        self.past.push(before);
        if self.past.len() > UNDO_LIMIT {
            self.past.remove(0);
            self.saved = self.saved.and_then(|s| s.checked_sub(1));
        }
    }

    /// Drops the redo list (and the stored plan's place, if it was on it).
    fn forget_future(&mut self) {
        if self.saved.is_some_and(|s| s > self.past.len()) {
            self.saved = None;
        }
        self.future.clear();
    }

    /// Notes that the plan on screen is now the one in storage.
    pub fn mark_saved(&mut self) {
        self.saved = Some(self.past.len());
    }

    /// Storage refused the plan on screen: goes back to the stored plan and
    /// forgets every step after it, so neither undo nor redo brings a refused
    /// edit back. `None` (and an empty history) when no step holds the
    /// stored plan any more; the caller shows the stored plan itself.
    pub fn rewind_to_saved(&mut self, current: Plan) -> Option<Plan> {
        let Some(saved) = self.saved else {
            *self = History::default();
            return None;
        };
        let mut plan = current;
        while self.past.len() > saved {
            plan = self.undo(plan)?;
        }
        while self.past.len() < saved {
            plan = self.redo(plan)?;
        }
        self.future.clear();
        self.last_target = None;
        Some(plan)
    }

    /// The plan one step back, taking `current` onto the redo list.
    pub fn undo(&mut self, current: Plan) -> Option<Plan> {
        self.last_target = None;
        take_step(&mut self.past, &mut self.future, current)
    }

    /// The plan one step forward again, taking `current` onto the undo list.
    pub fn redo(&mut self, current: Plan) -> Option<Plan> {
        self.last_target = None;
        take_step(&mut self.future, &mut self.past, current)
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::edit::BudgetColumn;
    use crate::fixtures::demo::demo_plan;
    use crate::model::plan::ProgramId;

    fn edit(plan: &mut Plan, history: &mut History, edit: Edit) {
        let before = plan.clone();
        plan.apply(edit.clone()).unwrap();
        history.record(before, &edit);
    }

    fn budget(program: ProgramId, won: i64) -> Edit {
        Edit::SetBudget {
            program,
            column: BudgetColumn::ThisYear,
            amount: Amount::won(won),
        }
    }

    #[test]
    fn keystrokes_in_one_cell_are_one_step_and_redo_restores_them() {
        let original = demo_plan();
        let mut plan = original.clone();
        let mut history = History::default();
        for won in [5_000, 50_000, 500_000] {
            edit(&mut plan, &mut history, budget(4, won));
        }
        edit(&mut plan, &mut history, budget(3, 1));
        let typed = plan.clone();
        let after_first_cell = history.undo(plan).unwrap();
        assert_eq!(
            after_first_cell.programs[3].budget.unwrap().this_year,
            Amount::won(500_000)
        );
        let back = history.undo(after_first_cell).unwrap();
        assert_eq!(back, original);
        assert!(!history.can_undo());
        let again = history.redo(back).unwrap();
        let again = history.redo(again).unwrap();
        assert_eq!(again, typed);
        assert!(!history.can_redo());
    }

    #[test]
    fn a_new_edit_clears_redo_and_structural_edits_never_coalesce() {
        let mut plan = demo_plan();
        let mut history = History::default();
        edit(
            &mut plan,
            &mut history,
            Edit::AddProgram {
                name: "a".into(),
                status_row: true,
            },
        );
        edit(
            &mut plan,
            &mut history,
            Edit::AddProgram {
                name: "b".into(),
                status_row: true,
            },
        );
        let one = history.undo(plan).unwrap();
        assert!(history.can_redo());
        let mut plan = one;
        edit(&mut plan, &mut history, budget(1, 7));
        assert!(!history.can_redo());
        assert_eq!(plan.programs.len(), demo_plan().programs.len() + 1);
    }
}
