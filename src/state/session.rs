//! The plan on screen and the one path every change takes: an [`Edit`] goes
//! to [`Session::dispatch`], is applied to the plan ([`Plan::apply`], which
//! refuses what the plan cannot take), recorded in the undo history, and the
//! save is scheduled; [`Session::flush`] then writes it through
//! [`Saver::write`]. The reactive plan signal re-renders whatever shows it.
//! When storage refuses the save for want of space, the plan and its undo
//! history go back to what is stored, so no refused edit can come back.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use planner_core::change::edit::EditError;
use planner_core::change::field::Draft;
use planner_core::change::history::{Before, History};
use planner_core::file::library::{PlanId, PlanSummary};
use planner_core::file::{encode, encode_compact};
use planner_core::model::plan::{SourceId, StageId, YearRange};
use planner_core::model::words::source_name;
use planner_core::rules::validate::{Problem, Touched, Validation};
use planner_core::{Edit, Plan, Unit};

use crate::browser;
use crate::panic;
use crate::state::drafts::DraftBook;
use crate::state::nav::Nav;
use crate::state::saver::{SaveStatus, Saver, StorageNotice};
use crate::state::versions::Version;
use crate::storage::{SaveError, APP_VERSION};

/// How long an edit waits before it is written, so a burst of keystrokes is
/// one write; the wait never restarts, so no edit waits longer. A large plan
/// waits longer ([`autosave_wait_ms`]): its save (encode, deflate, write,
/// read back) takes about 0.1 ms per program, so that saving stays a tenth
/// of a planner's typing time. Hiding or closing the page writes at once.
pub const AUTOSAVE_MS: u64 = 250;
/// The longest an edit waits for its save.
pub const AUTOSAVE_MAX_MS: u64 = 2_000;

/// The autosave's wait for a plan of `parts` programs and pledges: 1 ms per
/// part, within [`AUTOSAVE_MS`]..=[`AUTOSAVE_MAX_MS`] (a district's 2,500
/// parts wait 2 s, a department's 250 the usual quarter second).
pub fn autosave_wait_ms(parts: usize) -> u64 {
    u64::try_from(parts)
        .unwrap_or(u64::MAX)
        .clamp(AUTOSAVE_MS, AUTOSAVE_MAX_MS)
}

/// From how many programs and pledges a plan put on screen is checked whole
/// just after it is shown rather than before.
pub const CHECK_AFTER_SHOWN_PARTS: usize = 250;

/// The most severe problem at each cell id, so a cell finds its own mark
/// without scanning the whole list.
pub type ProblemMarks = HashMap<String, usize>;

/// The open plan with its undo history, drafts and problems. Cheap to copy:
/// all fields are handles.
#[derive(Clone, Copy)]
pub struct Session {
    saver: Saver,
    /// The open plan's id in the library; `None` with nothing open.
    pub id: RwSignal<Option<PlanId>>,
    /// The plan being edited (an empty placeholder while none is open).
    pub plan: RwSignal<Plan>,
    /// Texts typed into figure cells that the plan cannot take.
    pub drafts: DraftBook,
    /// Every problem of the plan, recomputed after each edit: the drafts'
    /// (unreadable entries) first, then validation's.
    pub problems: Memo<Arc<Vec<Problem>>>,
    /// Cell id → index into [`Session::problems`] of the cell's worst problem.
    pub marks: Memo<Arc<ProblemMarks>>,
    /// Whether undo and redo have a step to take, for the buttons.
    pub can_undo_redo: RwSignal<(bool, bool)>,
    /// False while a large plan just put on screen waits for its first whole
    /// check (in the task after its first frame): its grid is painted and
    /// usable first, and the problems panel says it is checking.
    pub checked: RwSignal<bool>,
    /// Notified on every change of the plan but its deck notes and slide
    /// order ([`Edit::changes_figures`]): what draws tables or charts from
    /// the plan tracks this, not the plan, so a note keystroke redraws none.
    pub figures: Trigger,
    /// Notified when the list of programs and pledges may have changed (ids,
    /// order, names: [`Edit::changes_names`]): pickers track this, not the
    /// plan, so a figure keystroke lists nothing again.
    pub names: Trigger,
    /// The plan's unit, for the many cells that show money in it: they
    /// track this memo, which a keystroke in a figure leaves unchanged.
    pub unit: Memo<Unit>,
    /// Whether the stage being edited is locked ([`Session::stage_locked`]).
    pub locked: Memo<bool>,
    /// The locked stage the last attempted edit would have changed: the
    /// header says so until the next edit is taken.
    pub locked_refusal: RwSignal<Option<StageId>>,
    history: StoredValue<History, LocalStorage>,
    /// The pending autosave, if an edit waits for it.
    autosave: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// What changed since validation last ran.
    pending: StoredValue<Pending>,
}

/// What changed in the plan since validation last ran: nothing, what edits
/// touched, or (a whole plan put on screen: undo, import, another tab) all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pending {
    Clean,
    Part(Touched),
    Whole,
}

impl Session {
    /// A session with no plan open yet, saving through `saver`.
    pub fn new(saver: Saver) -> Session {
        let plan = RwSignal::new(Plan::new(
            "",
            YearRange::new(2026, 2030),
            planner_core::Unit::Thousand,
        ));
        let drafts = DraftBook::new(saver);
        let validation = StoredValue::new(Validation::default());
        let pending = StoredValue::new(Pending::Whole);
        let checked = RwSignal::new(true);
        // Only what changed since the last run is checked again (issue 17).
        let validated = Memo::new(move |_| {
            if !checked.get() {
                return Arc::new(Vec::new());
            }
            plan.track();
            let since = pending.try_update_value(|p| std::mem::replace(p, Pending::Clean));
            validation.update_value(|v| {
                plan.with_untracked(|p| match since {
                    Some(Pending::Clean) => {}
                    Some(Pending::Part(touched)) => v.update(p, touched),
                    _ => *v = Validation::of(p),
                })
            });
            Arc::new(validation.with_value(Validation::problems))
        });
        let problems = Memo::new(move |_| {
            let validated = validated.get();
            let entries: Vec<Problem> = drafts
                .texts
                .with(|d| plan.with(|p| d.values().filter_map(|draft| draft.problem(p)).collect()));
            if entries.is_empty() {
                validated
            } else {
                Arc::new(
                    entries
                        .into_iter()
                        .chain(validated.iter().cloned())
                        .collect(),
                )
            }
        });
        let marks = Memo::new(move |_| {
            problems.with(|problems| {
                let mut marks = ProblemMarks::new();
                for (i, problem) in problems.iter().enumerate() {
                    let id = problem.location.cell_id();
                    let worse = marks
                        .get(&id)
                        .is_none_or(|&j| problem.severity < problems[j].severity);
                    if worse {
                        marks.insert(id, i);
                    }
                }
                Arc::new(marks)
            })
        });
        Session {
            saver,
            id: RwSignal::new(None),
            plan,
            drafts,
            problems,
            marks,
            can_undo_redo: RwSignal::new((false, false)),
            checked,
            figures: Trigger::new(),
            names: Trigger::new(),
            unit: Memo::new(move |_| plan.with(|p| p.unit)),
            locked: Memo::new(move |_| plan.with(|p| p.stages.current_locked())),
            locked_refusal: RwSignal::new(None),
            history: StoredValue::new_local(History::default()),
            autosave: StoredValue::new_local(None),
            pending,
        }
    }

    /// Applies a user's edit and schedules its save. A refused edit changes nothing.
    pub fn dispatch(&self, edit: Edit) {
        self.dispatch_checked(edit);
    }

    /// [`Session::dispatch`], saying whether the plan took the edit.
    pub fn dispatch_checked(&self, edit: Edit) -> bool {
        if self.id.get_untracked().is_none() {
            return false;
        }
        // A further keystroke in the same field joins its undo step: nothing
        // is copied; otherwise the step keeps only what the edit touches.
        let joins = self.history.with_value(|h| h.joins(&edit));
        let touched = edit.touches();
        let before = (!joins).then(|| self.plan.with_untracked(|plan| Before::of(plan, touched)));
        let mut applied = false;
        let mut locked = None;
        // A refused edit leaves the plan as it was; only a locked stage's
        // refusal is said (the other refusals are the cells' own drafts).
        self.plan.maybe_update(|plan| {
            match plan.apply(edit.clone()) {
                Ok(()) => applied = true,
                Err(EditError::StageLocked(stage)) => locked = Some(stage),
                Err(_) => {}
            }
            applied
        });
        if locked.is_some() {
            self.locked_refusal.set(locked);
        }
        if applied {
            self.pending.update_value(|p| {
                *p = match *p {
                    Pending::Clean => Pending::Part(touched),
                    Pending::Part(t) => Pending::Part(t.and(touched)),
                    Pending::Whole => Pending::Whole,
                }
            });
            self.history.update_value(|h| match before {
                Some(before) => h.record_before(before, &edit),
                None => h.record_joined(&edit),
            });
            if edit.changes_figures() {
                self.figures.notify();
            }
            if edit.changes_names() {
                self.names.notify();
            }
            self.after_change();
        }
        applied
    }

    /// Replaces the whole plan (restoring the demo, an import, a version) as
    /// one undoable step, and saves it.
    pub fn replace_plan(&self, plan: Plan) {
        let before = self.plan.get_untracked();
        self.history.update_value(|h| h.record_replacement(before));
        self.set_plan(plan);
        self.after_change();
    }

    /// Shows a version of the open plan that is already stored (another
    /// tab's save): undoable like any replacement, nothing to write.
    pub(crate) fn replace_plan_quietly(&self, plan: Plan, saved_at: String) {
        let before = self.plan.get_untracked();
        self.history.update_value(|h| {
            h.record_replacement(before);
            h.mark_saved();
        });
        self.set_plan(plan);
        self.show_steps();
        self.saver.status.set(SaveStatus::Saved(saved_at));
    }

    /// Puts a whole plan on screen: validation checks it whole.
    fn set_plan(&self, plan: Plan) {
        self.pending.set_value(Pending::Whole);
        self.plan.set(plan);
        self.figures.notify();
        self.names.notify();
    }

    /// Goes one step back (Ctrl+Z); the step can be redone.
    pub fn undo(&self) {
        let current = self.plan.get_untracked();
        if let Some(previous) = self.history.try_update_value(|h| h.undo(current)).flatten() {
            self.set_plan(previous);
            self.after_change();
        }
    }

    /// Goes one step forward again (Ctrl+Shift+Z, Ctrl+Y).
    pub fn redo(&self) {
        let current = self.plan.get_untracked();
        if let Some(next) = self.history.try_update_value(|h| h.redo(current)).flatten() {
            self.set_plan(next);
            self.after_change();
        }
    }

    /// Whether the stage being edited is locked (its money read-only), tracked.
    pub fn stage_locked(&self) -> bool {
        self.locked.get()
    }

    /// Says that the stage being edited is locked (a key pressed in one of
    /// its read-only cells).
    pub fn refuse_locked(&self) {
        let stage = self.plan.with_untracked(|p| p.stages.current);
        self.locked_refusal.set(Some(stage));
    }

    fn after_change(&self) {
        if self.locked_refusal.get_untracked().is_some() {
            self.locked_refusal.set(None);
        }
        self.plan
            .with_untracked(|plan| self.drafts.prune(self.id.get_untracked(), plan));
        self.show_steps();
        self.schedule_save();
    }

    fn show_steps(&self) {
        let steps = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        self.can_undo_redo.set(steps);
    }

    /// Marks the plan as waiting for its save and starts the autosave timer,
    /// unless one is already running (it will write this edit too).
    fn schedule_save(&self) {
        if !self.saver.blocked() {
            self.saver.status.set(SaveStatus::Pending);
        }
        if self.autosave.with_value(Option::is_some) {
            return;
        }
        let session = *self;
        let handle = set_timeout_with_handle(
            move || {
                session.autosave.set_value(None);
                session.flush();
            },
            Duration::from_millis(autosave_wait_ms(
                self.plan
                    .with_untracked(|p| p.programs.len() + p.pledges.len()),
            )),
        )
        .ok();
        if handle.is_none() {
            self.flush();
        }
        self.autosave.set_value(handle);
    }

    /// Stops the autosave timer: first thing in every flush, and when the app
    /// is unmounted, so no timer runs over a disposed session (there, an edit
    /// still waiting is not written).
    pub fn stop(&self) {
        if let Some(handle) = self.autosave.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }

    /// Writes the open plan now if an edit waits: on the autosave timer, when
    /// the page is hidden or closed, and before another plan opens.
    pub fn flush(&self) {
        self.stop();
        // A write the browser refused for no stated reason is tried again.
        let waiting = self.saver.status.with_untracked(|s| {
            matches!(
                s,
                SaveStatus::Pending | SaveStatus::NotSaved(SaveError::Other(_))
            )
        });
        if waiting && self.saver.writable() {
            self.save();
        }
    }

    /// Stores the open plan and its summary in the index.
    fn save(&self) {
        let Some(id) = self.id.get_untracked() else {
            return;
        };
        let saved_at = browser::now_iso();
        let text = self
            .plan
            .with_untracked(|plan| encode_compact(plan, APP_VERSION, &saved_at));
        panic::remember_plan(&text);
        // The index counts the plan's problems: its first check runs now if it still waits.
        if !self.checked.get_untracked() {
            self.checked.set(true);
        }
        let problems = self.problems.get_untracked();
        let summary = self
            .plan
            .with_untracked(|plan| PlanSummary::of(id, plan, &problems, &saved_at));
        let result = self.saver.write(id, &text, summary);
        match &result {
            Ok(()) => {
                self.history.update_value(History::mark_saved);
                if self.saver.notice.get_untracked() == Some(StorageNotice::Full) {
                    self.saver.notice.set(None);
                }
                self.saver.keep_version_if_due(id);
            }
            Err(SaveError::QuotaExceeded) => self.refuse_unsaved_edits(),
            Err(_) => {}
        }
        self.saver.status.set(match result {
            Ok(()) => SaveStatus::Saved(saved_at),
            Err(e) => SaveStatus::NotSaved(e),
        });
    }

    /// Storage is full: the edits that could not be written are taken back,
    /// from the screen and from the undo history, so the screen shows what is
    /// stored and neither undo nor redo brings a refused edit back.
    fn refuse_unsaved_edits(&self) {
        if let Some(stored) = self.saver.known_plan() {
            let current = self.plan.get_untracked();
            self.history.update_value(|h| {
                if h.rewind_to_saved(current).as_ref() != Some(&stored) {
                    *h = History::default();
                }
            });
            self.set_plan(stored);
            self.show_steps();
        }
        self.saver.notice.set(Some(StorageNotice::Full));
    }

    /// Puts a plan on screen with a fresh undo history; `stored` is the
    /// entry it was read from (`None`: it lives in this tab only).
    pub(crate) fn show(&self, id: PlanId, plan: Plan, stored: Option<String>) {
        // The stored text is already a plan file: no need to encode it again.
        match &stored {
            Some(text) => panic::remember_plan(text),
            None => panic::remember_plan(&encode(&plan, APP_VERSION, &browser::now_iso())),
        }
        self.saver.hold(id, stored);
        self.history.set_value(History::default());
        self.can_undo_redo.set((false, false));
        // A district's whole check (a tenth of a second and more) comes right
        // after its grid is painted (the task after the next frame), not before.
        let large = plan.programs.len() + plan.pledges.len() > CHECK_AFTER_SHOWN_PARTS;
        self.checked.set(!large);
        if large {
            let checked = self.checked;
            request_animation_frame(move || {
                if set_timeout_with_handle(move || checked.set(true), Duration::ZERO).is_err() {
                    checked.set(true);
                }
            });
        }
        self.set_plan(plan);
        self.id.set(Some(id));
        self.plan.with_untracked(|plan| self.drafts.load(id, plan));
        if !self.saver.blocked() {
            let saved_at = self
                .saver
                .index
                .with_untracked(|l| l.get(id).map(|p| p.saved_at.clone()));
            self.saver
                .status
                .set(SaveStatus::Saved(saved_at.unwrap_or_default()));
        }
    }

    /// Closes the plan on screen: nothing is open any more.
    pub(crate) fn close(&self) {
        self.id.set(None);
        self.drafts.close();
        self.history.set_value(History::default());
        self.can_undo_redo.set((false, false));
    }

    /// A funding source's name in the UI language, following renames: the
    /// row heading of the grid and the split, and their cells' labels.
    pub fn source_name(&self, nav: Nav, source: SourceId) -> Memo<String> {
        let plan = self.plan;
        Memo::new(move |_| {
            let lang = nav.lang.get();
            plan.with(|p| source_name(p, &source, lang))
        })
    }

    /// The problem marked at a cell (its worst one), tracked: a cell that
    /// calls this re-renders when its own mark changes.
    pub fn problem_at(&self, cell_id: &str) -> Option<Problem> {
        let index = self.marks.with(|m| m.get(cell_id).copied())?;
        self.problems.with(|p| p.get(index).cloned())
    }

    /// The draft typed into a cell, tracked.
    pub fn draft_at(&self, cell_id: &str) -> Option<String> {
        self.drafts.at(cell_id)
    }

    /// Keeps what was typed into a cell that the plan cannot take, and stores it.
    pub fn set_draft(&self, draft: Draft) {
        self.drafts.set(self.id.get_untracked(), draft);
    }

    /// Drops a cell's draft (fixed, or abandoned with Esc).
    pub fn clear_draft(&self, cell_id: &str) {
        self.drafts.clear(self.id.get_untracked(), cell_id);
    }

    /// The current plan as a plan file, for export.
    pub fn plan_file(&self) -> String {
        self.plan
            .with_untracked(|plan| encode(plan, APP_VERSION, &browser::now_iso()))
    }

    /// Keeps the open plan's stored state as a version now (before it is replaced).
    pub fn keep_version_now(&self) {
        if let Some(id) = self.id.get_untracked() {
            self.saver.keep_version(id);
        }
    }

    /// Replaces the open plan by `plan` as one undoable step, written at once;
    /// the stored state is kept as a version first.
    pub fn replace_keeping_version(&self, plan: Plan) {
        self.flush();
        self.keep_version_now();
        self.replace_plan(plan);
        self.flush();
    }

    /// Restores a version as one undoable step; the current state is kept as
    /// a version first.
    pub fn restore_version(&self, version: &Version) {
        if let Some(plan) = self.saver.read_version(version) {
            self.replace_keeping_version(plan);
        }
    }
}
