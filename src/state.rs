//! The app's state and the one path every change takes: an [`Edit`] goes to
//! [`AppState::dispatch`], is applied to the plan, saved, and the reactive
//! plan signal re-renders whatever shows it.

use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use std::time::Duration;

use leptos::leptos_dom::helpers::TimeoutHandle;
use planner_core::change::history::History;
use planner_core::file::library::{Library, PlanId, PlanSummary};
use planner_core::file::{decode, encode, encode_compact};
use planner_core::model::plan::YearRange;
use planner_core::rules::validate::{validate, Problem};
use planner_core::{Edit, Lang, Owner, Plan};

use crate::browser;
use crate::panic;
use crate::storage::{plan_key, PlanStore, SaveError, INDEX_KEY};

/// The app version written into every plan file.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Whether the plan on screen is safely stored, shown in the header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Stored and verified, at this time (ISO 8601).
    Saved(String),
    /// An edit waits for the autosave (at most [`AUTOSAVE_MS`]).
    Pending,
    /// The last edit could not be stored; the previous save is intact.
    NotSaved(SaveError),
}

impl SaveStatus {
    /// True when what is on screen is what is stored.
    pub fn is_saved(&self) -> bool {
        matches!(self, SaveStatus::Saved(_))
    }
}

/// How long an edit waits before it is written, so a burst of keystrokes is
/// one write; the wait never restarts, so no edit waits longer.
pub const AUTOSAVE_MS: u64 = 250;

/// Something the user must know about the stored data, shown as a banner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    /// Storage is blocked; work lives in this tab only.
    Blocked,
    /// A stored entry was unreadable and has been set aside untouched.
    Quarantined,
    /// Storage was written by a newer version of the app: this tab does not write.
    NewerVersion,
    /// Storage is full: the last edit was refused; the saved plan is intact.
    Full,
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
    /// The kept versions of the plan, to compare and restore.
    History,
    /// The briefing deck: the plan presented slide by slide.
    Deck,
}

impl View {
    /// Every view, in navigation order.
    pub const ALL: [View; 10] = [
        View::Home,
        View::Overview,
        View::Status,
        View::Schedule,
        View::Split,
        View::Pledge,
        View::LineItems,
        View::Settings,
        View::History,
        View::Deck,
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
            View::History => "history",
            View::Deck => "deck",
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
        (view, Owner::parse(subject))
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

/// The most severe problem at each cell id, so a cell finds its own mark
/// without scanning the whole list.
pub type ProblemMarks = HashMap<String, usize>;

/// Everything the components share. Cheap to copy: all fields are handles.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The plan being edited (an empty placeholder while none is open).
    pub plan: RwSignal<Plan>,
    /// The open plan's id in the library; `None` on the plans home with nothing open.
    pub plan_id: RwSignal<Option<PlanId>>,
    /// The index of every plan, for the plans home.
    pub library: RwSignal<Library>,
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
    /// Texts typed into figure cells that the plan cannot take, by cell id.
    pub drafts: RwSignal<crate::drafts::Drafts>,
    /// Whether the drafts as they are now are in storage.
    pub(crate) drafts_stored: StoredValue<bool>,
    /// Every problem of the plan, recomputed after each edit: the drafts'
    /// (unreadable entries) first, then validation's.
    pub problems: Memo<Arc<Vec<Problem>>>,
    /// Cell id → index into [`AppState::problems`] of the cell's worst problem.
    pub marks: Memo<Arc<ProblemMarks>>,
    /// Whether undo and redo have a step to take, for the buttons.
    pub can_undo_redo: RwSignal<(bool, bool)>,
    pub(crate) store: StoredValue<Rc<dyn PlanStore>, LocalStorage>,
    pub(crate) history: StoredValue<History, LocalStorage>,
    /// The pending autosave, if an edit waits for it.
    autosave: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// False when this tab must not write (storage from a newer app version).
    pub(crate) writable: StoredValue<bool>,
    /// The open plan's entry as this tab last read or wrote it: a different
    /// text in storage means another tab saved in between.
    pub(crate) last_known: StoredValue<Option<String>>,
    /// Another tab's newer version of the open plan, while this tab has
    /// unsaved edits: the user chooses which to keep.
    pub conflict: RwSignal<Option<Conflict>>,
    /// A plan file being imported: its preview, or why it was refused.
    pub import: RwSignal<Option<crate::import::Import>>,
    /// When this tab last kept a version (ms since the epoch).
    pub(crate) last_version_at: StoredValue<Option<f64>>,
}

/// Two versions of the open plan: this tab's unsaved one on screen, and
/// another tab's saved one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The other tab's plan as stored.
    pub theirs: Plan,
    /// When the other tab saved it.
    pub saved_at: String,
    /// The stored text.
    pub text: String,
}

impl AppState {
    /// Opens the library and the plan that was open last. A first visit finds
    /// the demo plan; an unreadable entry is set aside (never overwritten) and
    /// the other plans still load.
    pub fn load(store: Rc<dyn PlanStore>, lang: Lang) -> AppState {
        let plan = RwSignal::new(Plan::new(
            "",
            YearRange::new(2026, 2030),
            planner_core::Unit::Thousand,
        ));
        let drafts = RwSignal::new(crate::drafts::Drafts::new());
        let validated = Memo::new(move |_| Arc::new(plan.with(validate)));
        let problems = Memo::new(move |_| {
            let validated = validated.get();
            let entries: Vec<Problem> = drafts
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
        let state = AppState {
            plan,
            plan_id: RwSignal::new(None),
            library: RwSignal::new(Library::new()),
            lang: RwSignal::new(lang),
            save_status: RwSignal::new(SaveStatus::Saved(String::new())),
            notice: RwSignal::new(None),
            view: RwSignal::new(View::Overview),
            subject: RwSignal::new(None),
            drafts,
            drafts_stored: StoredValue::new(true),
            problems,
            marks,
            can_undo_redo: RwSignal::new((false, false)),
            store: StoredValue::new_local(store),
            history: StoredValue::new_local(History::default()),
            autosave: StoredValue::new_local(None),
            writable: StoredValue::new(true),
            last_known: StoredValue::new(None),
            conflict: RwSignal::new(None),
            import: RwSignal::new(None),
            last_version_at: StoredValue::new(None),
        };
        state.open_library();
        state
    }

    /// Applies a user's edit and schedules its save. A refused edit changes nothing.
    pub fn dispatch(&self, edit: Edit) {
        self.dispatch_checked(edit);
    }

    /// [`AppState::dispatch`], saying whether the plan took the edit.
    pub fn dispatch_checked(&self, edit: Edit) -> bool {
        if self.plan_id.get_untracked().is_none() {
            return false;
        }
        let before = self.plan.get_untracked();
        let mut applied = false;
        // A refused edit leaves the plan as it was and notifies nobody.
        self.plan.maybe_update(|plan| {
            applied = plan.apply(edit.clone()).is_ok();
            applied
        });
        if applied {
            self.history.update_value(|h| h.record(before, &edit));
            self.after_change();
        }
        applied
    }

    /// Replaces the whole plan (restoring the demo) as one undoable step, and saves it.
    pub fn replace_plan(&self, plan: Plan) {
        let before = self.plan.get_untracked();
        self.history.update_value(|h| h.record_replacement(before));
        self.plan.set(plan);
        self.after_change();
    }

    /// Shows a version of the open plan that is already stored (another
    /// tab's save): undoable like any replacement, nothing to write.
    pub(crate) fn replace_plan_quietly(&self, plan: Plan, saved_at: String) {
        let before = self.plan.get_untracked();
        self.history.update_value(|h| h.record_replacement(before));
        self.plan.set(plan);
        let steps = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        self.can_undo_redo.set(steps);
        self.save_status.set(SaveStatus::Saved(saved_at));
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
        self.prune_drafts();
        let steps = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        self.can_undo_redo.set(steps);
        self.schedule_save();
    }

    /// Marks the plan as waiting for its save and starts the autosave timer,
    /// unless one is already running (it will write this edit too).
    fn schedule_save(&self) {
        if !self
            .save_status
            .with_untracked(|s| matches!(s, SaveStatus::NotSaved(SaveError::Blocked)))
        {
            self.save_status.set(SaveStatus::Pending);
        }
        if self.autosave.with_value(Option::is_some) {
            return;
        }
        let state = *self;
        let handle = set_timeout_with_handle(
            move || {
                state.autosave.set_value(None);
                state.flush();
            },
            Duration::from_millis(AUTOSAVE_MS),
        )
        .ok();
        if handle.is_none() {
            self.flush();
        }
        self.autosave.set_value(handle);
    }

    /// Writes the open plan now if an edit waits: on the autosave timer, when
    /// the page is hidden or closed, and before another plan opens.
    pub fn flush(&self) {
        if let Some(handle) = self.autosave.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        // A write the browser refused for no stated reason is tried again.
        let waiting = self.save_status.with_untracked(|s| {
            matches!(
                s,
                SaveStatus::Pending | SaveStatus::NotSaved(SaveError::Other(_))
            )
        });
        if waiting && self.writable.get_value() {
            self.save_open_plan();
        }
    }

    /// Stores the open plan and its summary in the index.
    fn save_open_plan(&self) {
        let Some(id) = self.plan_id.get_untracked() else {
            return;
        };
        let saved_at = browser::now_iso();
        let text = self
            .plan
            .with_untracked(|plan| encode_compact(plan, APP_VERSION, &saved_at));
        panic::remember_plan(&text);
        let result = self.write_plan(id, &text, &saved_at);
        if result == Err(SaveError::QuotaExceeded) {
            self.refuse_unsaved_edits();
        } else if result.is_ok() {
            if self.notice.get_untracked() == Some(StorageNotice::Full) {
                self.notice.set(None);
            }
            self.keep_version_if_due(id);
        }
        self.save_status.set(match result {
            Ok(()) => SaveStatus::Saved(saved_at),
            Err(e) => SaveStatus::NotSaved(e),
        });
    }

    /// Storage is full: the edits that could not be written are taken back,
    /// so the screen shows what is stored, and the user is told why.
    fn refuse_unsaved_edits(&self) {
        let stored = self
            .last_known
            .with_value(|t| t.as_deref().and_then(|t| decode(t).ok()));
        if let Some(file) = stored {
            self.plan.set(file.plan);
        }
        self.notice.set(Some(StorageNotice::Full));
    }

    /// Writes a plan's entry, then its summary into the index. The entry is
    /// verified before the index points at the new state.
    pub(crate) fn write_plan(
        &self,
        id: PlanId,
        text: &str,
        saved_at: &str,
    ) -> Result<(), SaveError> {
        if !self.writable.get_value() {
            return Err(SaveError::Other(
                "storage belongs to a newer version of the app".into(),
            ));
        }
        let open = self.plan_id.get_untracked() == Some(id);
        if open {
            if self.conflict.with_untracked(Option::is_some) {
                return Err(SaveError::ChangedElsewhere);
            }
            if let Some(stored) = self.stored_text_if_changed(id) {
                self.raise_conflict(stored);
                return Err(SaveError::ChangedElsewhere);
            }
        }
        // Kept versions give way to the plan itself: the oldest go first.
        loop {
            match self
                .store
                .with_value(|store| store.save(&plan_key(id), text))
            {
                Ok(()) => break,
                Err(SaveError::QuotaExceeded) => {
                    if !self.drop_oldest_version() {
                        return Err(SaveError::QuotaExceeded);
                    }
                }
                Err(e) => return Err(e),
            }
        }
        if open {
            self.last_known.set_value(Some(text.to_string()));
        }
        let summary = if open {
            let problems = self.problems.get_untracked();
            self.plan
                .with_untracked(|plan| PlanSummary::of(id, plan, &problems, saved_at))
        } else {
            let plan = decode(text)
                .map_err(|_| SaveError::Other("unreadable plan".into()))?
                .plan;
            PlanSummary::of(id, &plan, &validate(&plan), saved_at)
        };
        self.library.update(|library| library.upsert(summary));
        self.save_library()
    }

    /// Writes the index.
    pub(crate) fn save_library(&self) -> Result<(), SaveError> {
        if !self.writable.get_value() {
            return Err(SaveError::Other(
                "storage belongs to a newer version of the app".into(),
            ));
        }
        let text = self.library.with_untracked(Library::encode);
        self.store.with_value(|store| store.save(INDEX_KEY, &text))
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
        self.show(view, subject);
    }

    /// Puts a view on screen; showing the view already there changes
    /// nothing (no rebuild, the focus stays where it is).
    pub fn show(&self, view: View, subject: Option<Owner>) {
        if self.view.get_untracked() != view {
            self.view.set(view);
        }
        if self.subject.get_untracked() != subject {
            self.subject.set(subject);
        }
    }

    /// How much of the storage quota is used, in UTF-16 code units.
    pub fn storage_used(&self) -> Option<usize> {
        self.store.with_value(|s| s.used_chars()).ok()
    }

    /// The current plan as a plan file, for export.
    pub fn plan_file(&self) -> String {
        self.plan
            .with_untracked(|plan| encode(plan, APP_VERSION, &browser::now_iso()))
    }
}

/// The state the components of this app share; panics only if a component is
/// mounted outside [`crate::app::App`] (a programming error, caught by tests).
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
