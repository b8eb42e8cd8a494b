//! The app's state and the one path every change takes: an [`Edit`] goes to
//! [`AppState::dispatch`], is applied to the plan, saved, and the reactive
//! plan signal re-renders whatever shows it.

use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use planner_core::demo::demo_plan;
use planner_core::file::{decode, encode};
use planner_core::history::History;
use planner_core::validate::{validate, Problem};
use planner_core::{Edit, Lang, Owner, Plan};

use crate::browser;
use crate::panic;
use crate::storage::{PlanStore, SaveError, Stored, PLAN_KEY, QUARANTINE_KEY};

/// The app version written into every plan file.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Whether the plan on screen is safely stored, shown in the header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Stored and verified.
    Saved,
    /// The last edit could not be stored; the previous save is intact.
    NotSaved(SaveError),
}

/// Something the user must know about the stored data, shown as a banner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    /// Storage is blocked; work lives in this tab only.
    Blocked,
    /// The stored plan was unreadable and has been set aside untouched.
    Quarantined,
}

/// The plan views the navigation switches between.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The plans home: every stored plan.
    Home,
    /// The document view of the whole plan (also the print view).
    Overview,
    /// 예산현황, the budget status table.
    Status,
    /// One program's or pledge's schedule grid.
    Schedule,
    /// One program's funding split.
    Split,
    /// One pledge's targets and actuals.
    Pledge,
    /// One program's line items and their calculation basis.
    LineItems,
    /// Title, organisation, years, unit, funding sources, export.
    Settings,
}

impl View {
    /// Every view, in navigation order.
    pub const ALL: [View; 8] = [
        View::Home,
        View::Overview,
        View::Status,
        View::Schedule,
        View::Split,
        View::Pledge,
        View::LineItems,
        View::Settings,
    ];

    /// The URL fragment of the view, so a reload stays on it.
    pub fn fragment(self) -> &'static str {
        match self {
            View::Home => "plans",
            View::Overview => "overview",
            View::Status => "status",
            View::Schedule => "schedule",
            View::Split => "split",
            View::Pledge => "pledge",
            View::LineItems => "items",
            View::Settings => "settings",
        }
    }

    /// The view and subject a fragment names (`#schedule/pledge-1`); the
    /// overview for anything unknown.
    pub fn from_fragment(fragment: &str) -> (View, Option<Owner>) {
        let fragment = fragment.trim_start_matches('#');
        let (name, subject) = fragment.split_once('/').unwrap_or((fragment, ""));
        let view = View::ALL
            .into_iter()
            .find(|v| v.fragment() == name)
            .unwrap_or(View::Overview);
        (view, parse_subject(subject))
    }

    /// The fragment for a view showing `subject`.
    pub fn href(self, subject: Option<Owner>) -> String {
        match subject {
            Some(Owner::Program(id)) => format!("#{}/program-{id}", self.fragment()),
            Some(Owner::Pledge(id)) => format!("#{}/pledge-{id}", self.fragment()),
            None => format!("#{}", self.fragment()),
        }
    }
}

fn parse_subject(text: &str) -> Option<Owner> {
    if let Some(id) = text.strip_prefix("program-") {
        id.parse().ok().map(Owner::Program)
    } else if let Some(id) = text.strip_prefix("pledge-") {
        id.parse().ok().map(Owner::Pledge)
    } else {
        None
    }
}

/// The most severe problem at each cell id, so a cell finds its own mark
/// without scanning the whole list.
pub type ProblemMarks = HashMap<String, usize>;

/// Everything the components share. Cheap to copy: all fields are handles.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The plan being edited.
    pub plan: RwSignal<Plan>,
    /// The UI language.
    pub lang: RwSignal<Lang>,
    /// Whether the last edit is stored.
    pub save_status: RwSignal<SaveStatus>,
    /// A standing notice about storage, if any.
    pub notice: RwSignal<Option<StorageNotice>>,
    /// The view on screen.
    pub view: RwSignal<View>,
    /// The program or pledge the view shows, when it shows one.
    pub subject: RwSignal<Option<Owner>>,
    /// Every problem of the plan, recomputed after each edit.
    pub problems: Memo<Arc<Vec<Problem>>>,
    /// Cell id → index into [`AppState::problems`] of the cell's worst problem.
    pub marks: Memo<Arc<ProblemMarks>>,
    /// Whether undo and redo have a step to take, for the buttons.
    pub can_undo_redo: RwSignal<(bool, bool)>,
    store: StoredValue<Rc<dyn PlanStore>, LocalStorage>,
    history: StoredValue<History, LocalStorage>,
}

impl AppState {
    /// Opens the stored plan, or the demo plan on a first visit. An unreadable
    /// entry is moved aside (never overwritten) before anything is saved.
    pub fn load(store: Rc<dyn PlanStore>, lang: Lang) -> AppState {
        let mut notice = None;
        let mut save_status = SaveStatus::Saved;
        let plan = match store.load(PLAN_KEY) {
            Ok(Stored::Text(text)) => match decode(&text) {
                Ok(file) => file.plan,
                Err(_) => {
                    notice = Some(StorageNotice::Quarantined);
                    if let Err(e) = store.save(QUARANTINE_KEY, &text) {
                        save_status = SaveStatus::NotSaved(e);
                    }
                    demo_plan()
                }
            },
            Ok(Stored::Nothing) => demo_plan(),
            Err(SaveError::Blocked) => {
                notice = Some(StorageNotice::Blocked);
                save_status = SaveStatus::NotSaved(SaveError::Blocked);
                demo_plan()
            }
            Err(e) => {
                save_status = SaveStatus::NotSaved(e);
                demo_plan()
            }
        };
        panic::remember_plan(&plan_file_text(&plan));
        let plan = RwSignal::new(plan);
        let problems = Memo::new(move |_| Arc::new(plan.with(validate)));
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
        AppState {
            plan,
            subject: RwSignal::new(None),
            problems,
            marks,
            lang: RwSignal::new(lang),
            save_status: RwSignal::new(save_status),
            notice: RwSignal::new(notice),
            view: RwSignal::new(View::Overview),
            can_undo_redo: RwSignal::new((false, false)),
            store: StoredValue::new_local(store),
            history: StoredValue::new_local(History::default()),
        }
    }

    /// Applies a user's edit and saves the result. A refused edit changes nothing.
    pub fn dispatch(&self, edit: Edit) {
        let before = self.plan.get_untracked();
        let mut applied = false;
        self.plan
            .update(|plan| applied = plan.apply(edit.clone()).is_ok());
        if applied {
            self.history.update_value(|h| h.record(before, &edit));
            self.after_change();
        }
    }

    /// Replaces the whole plan (restoring the demo) as one undoable step, and saves it.
    pub fn replace_plan(&self, plan: Plan) {
        let before = self.plan.get_untracked();
        self.history.update_value(|h| h.record_replacement(before));
        self.plan.set(plan);
        self.after_change();
    }

    /// Goes one step back (Ctrl+Z); the step can be redone.
    pub fn undo(&self) {
        let current = self.plan.get_untracked();
        if let Some(previous) = self.history.try_update_value(|h| h.undo(current)).flatten() {
            self.plan.set(previous);
            self.after_change();
        }
    }

    /// Goes one step forward again (Ctrl+Shift+Z, Ctrl+Y).
    pub fn redo(&self) {
        let current = self.plan.get_untracked();
        if let Some(next) = self.history.try_update_value(|h| h.redo(current)).flatten() {
            self.plan.set(next);
            self.after_change();
        }
    }

    fn after_change(&self) {
        let steps = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        self.can_undo_redo.set(steps);
        self.save();
    }

    /// Stores the current plan unless the stored entry must be kept aside.
    fn save(&self) {
        let text = self.plan.with_untracked(plan_file_text);
        panic::remember_plan(&text);
        if self.notice.get_untracked() == Some(StorageNotice::Quarantined)
            && self.save_status.get_untracked() != SaveStatus::Saved
        {
            // The unreadable entry could not be set aside: never overwrite it.
            return;
        }
        let result = self.store.with_value(|store| store.save(PLAN_KEY, &text));
        self.save_status.set(match result {
            Ok(()) => SaveStatus::Saved,
            Err(e) => SaveStatus::NotSaved(e),
        });
    }

    /// Switches the UI language and remembers the choice.
    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        crate::storage::remember_lang(lang);
        panic::remember_lang(lang);
        browser::set_document_lang(lang);
    }

    /// The problem marked at a cell (its worst one), tracked: a cell that
    /// calls this re-renders when its own mark changes.
    pub fn problem_at(&self, cell_id: &str) -> Option<Problem> {
        let index = self.marks.with(|m| m.get(cell_id).copied())?;
        self.problems.with(|p| p.get(index).cloned())
    }

    /// Shows a view (and its subject) by changing the URL fragment, so the
    /// browser's back button and a reload follow.
    pub fn go(&self, view: View, subject: Option<Owner>) {
        browser::set_location_fragment(&view.href(subject));
        self.view.set(view);
        self.subject.set(subject);
    }

    /// The current plan as a plan file, for export.
    pub fn plan_file(&self) -> String {
        self.plan.with_untracked(plan_file_text)
    }
}

/// The plan as a version-1 plan file stamped with now.
fn plan_file_text(plan: &Plan) -> String {
    encode(plan, APP_VERSION, &browser::now_iso())
}

/// The state the components of this app share; panics only if a component is
/// mounted outside [`crate::app::App`] (a programming error, caught by tests).
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
