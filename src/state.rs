//! The app's state and the one path every change takes: an [`Edit`] goes to
//! [`AppState::dispatch`], is applied to the plan, saved, and the reactive
//! plan signal re-renders whatever shows it.

use std::rc::Rc;

use leptos::prelude::*;
use planner_core::demo::demo_plan;
use planner_core::file::{decode, encode};
use planner_core::history::History;
use planner_core::{Edit, Lang, Plan};

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
    /// 예산현황, the budget status table.
    Status,
    /// Title, organisation, unit, export.
    PlanDetails,
}

impl View {
    /// Every view, in navigation order.
    pub const ALL: [View; 2] = [View::Status, View::PlanDetails];

    /// The URL fragment of the view, so a reload stays on it.
    pub fn fragment(self) -> &'static str {
        match self {
            View::Status => "status",
            View::PlanDetails => "plan",
        }
    }

    /// The view a fragment names; the status table for anything else.
    pub fn from_fragment(fragment: &str) -> View {
        match fragment.trim_start_matches('#') {
            "plan" => View::PlanDetails,
            _ => View::Status,
        }
    }
}

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
        AppState {
            plan: RwSignal::new(plan),
            lang: RwSignal::new(lang),
            save_status: RwSignal::new(save_status),
            notice: RwSignal::new(notice),
            view: RwSignal::new(View::Status),
            can_undo_redo: RwSignal::new((false, false)),
            store: StoredValue::new_local(store),
            history: StoredValue::new_local(History::default()),
        }
    }

    /// Applies a user's edit and saves the result. A refused edit changes nothing.
    pub fn dispatch(&self, edit: Edit) {
        let before = self.plan.get_untracked();
        let mut applied = false;
        self.plan.update(|plan| applied = plan.apply(edit.clone()).is_ok());
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
