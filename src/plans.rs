//! The plans home's operations on the library: open, create, rename,
//! duplicate, delete (with undo), and what loading finds in storage — a first
//! visit, the one-plan layout of the first release, an unreadable index or
//! entry. Every operation writes a plan's entry before the index points at it,
//! and an unreadable entry is set aside, never overwritten.

use leptos::prelude::*;
use planner_core::change::history::History;
use planner_core::file::library::{Library, LibraryError, PlanId, PlanSummary};
use planner_core::file::{decode, encode, encode_compact};
use planner_core::fixtures::demo::demo_plan;
use planner_core::model::plan::YearRange;
use planner_core::rules::validate::validate;
use planner_core::{Lang, Plan, Unit};

use crate::browser;
use crate::panic;
use crate::state::{AppState, SaveStatus, StorageNotice, View, APP_VERSION};
use crate::storage::{
    plan_key, quarantine_key, SaveError, Stored, INDEX_KEY, LEGACY_PLAN_KEY, PLAN_PREFIX,
};

impl AppState {
    /// Reads the index (migrating or rebuilding it when needed) and opens the
    /// plan that was open last.
    pub(crate) fn open_library(&self) {
        let loaded = self.store.with_value(|s| s.load(INDEX_KEY));
        let library = match loaded {
            Ok(Stored::Text(text)) => match Library::decode(&text) {
                Ok(library) => self.repair_summaries(library),
                Err(LibraryError::Newer(_)) => {
                    self.writable.set_value(false);
                    self.notice.set(Some(StorageNotice::NewerVersion));
                    Library::decode_lenient(&text)
                }
                Err(LibraryError::Unreadable(_)) => {
                    if self.set_aside("index", &text).is_err() {
                        self.writable.set_value(false);
                    }
                    self.notice.set(Some(StorageNotice::Quarantined));
                    self.rebuild_library()
                }
            },
            Ok(Stored::Nothing) => self.first_library(),
            Err(SaveError::Blocked) => {
                self.notice.set(Some(StorageNotice::Blocked));
                self.save_status
                    .set(SaveStatus::NotSaved(SaveError::Blocked));
                self.in_memory_demo();
                return;
            }
            Err(e) => {
                self.save_status.set(SaveStatus::NotSaved(e));
                self.in_memory_demo();
                return;
            }
        };
        let open = library
            .open
            .filter(|id| library.get(*id).is_some())
            .or_else(|| library.plans.iter().find(|p| !p.quarantined).map(|p| p.id));
        self.library.set(library);
        if let Some(id) = open {
            self.open_plan(id);
        }
    }

    /// Rebuilds, from their plans' entries, the summaries an index could not
    /// read (one bad summary never costs the other plans, the open plan or
    /// a deletion), and any plan entry the index lost track of. The repaired
    /// index is written back.
    pub(crate) fn repair_summaries(&self, mut library: Library) -> Library {
        let orphans: Vec<PlanId> = if library.unreadable.is_empty() {
            Vec::new()
        } else {
            let known: Vec<PlanId> = library
                .plans
                .iter()
                .chain(&library.deleted)
                .map(|p| p.id)
                .collect();
            self.plan_ids_in_storage()
                .into_iter()
                .filter(|id| !known.contains(id))
                .collect()
        };
        let broken = std::mem::take(&mut library.unreadable);
        if broken.is_empty() && orphans.is_empty() {
            return library;
        }
        for id in broken {
            let summary = self.summary_from_entry(id);
            if let Some(slot) = library.plans.iter_mut().find(|p| p.id == id) {
                *slot = summary;
            } else if let Some(deleted) = library.deleted.as_mut().filter(|p| p.id == id) {
                *deleted = summary;
            }
        }
        for id in orphans {
            library.plans.push(self.summary_from_entry(id));
        }
        self.write_index(&library);
        library
    }

    /// Writes an index that is not on screen yet (repaired or rebuilt), when
    /// this tab may write.
    fn write_index(&self, library: &Library) {
        if self.writable.get_value() {
            let _ = self
                .store
                .with_value(|s| s.save(INDEX_KEY, &library.encode()));
        }
    }

    /// A plan's summary as its stored entry gives it; a placeholder marked
    /// unreadable when the entry cannot be read.
    fn summary_from_entry(&self, id: PlanId) -> PlanSummary {
        match self.store.with_value(|s| s.load(&plan_key(id))) {
            Ok(Stored::Text(text)) => match decode(&text) {
                Ok(file) => PlanSummary::of(id, &file.plan, &validate(&file.plan), &file.saved_at),
                Err(_) => quarantined_summary(id),
            },
            _ => quarantined_summary(id),
        }
    }

    /// The ids of every plan entry in storage.
    fn plan_ids_in_storage(&self) -> Vec<PlanId> {
        let keys = self.store.with_value(|s| s.keys()).unwrap_or_default();
        let mut ids: Vec<PlanId> = keys
            .iter()
            .filter_map(|k| k.strip_prefix(PLAN_PREFIX)?.parse().ok())
            .collect();
        ids.sort_unstable();
        ids
    }

    /// A library with nothing stored yet: the first release's single plan is
    /// moved in, or else the demo plan is added, so a first visit finds it.
    fn first_library(&self) -> Library {
        let mut library = Library::new();
        let legacy = self.store.with_value(|s| s.load(LEGACY_PLAN_KEY));
        let (plan, text) = match legacy {
            Ok(Stored::Text(text)) => match decode(&text) {
                Ok(file) => (file.plan, Some(text)),
                Err(_) => {
                    let _ = self.set_aside("legacy", &text);
                    self.notice.set(Some(StorageNotice::Quarantined));
                    (demo_plan(), None)
                }
            },
            _ => (demo_plan(), None),
        };
        let id = library.next_id();
        let saved_at = browser::now_iso();
        let text = text.unwrap_or_else(|| encode_compact(&plan, APP_VERSION, &saved_at));
        library
            .plans
            .push(PlanSummary::of(id, &plan, &validate(&plan), &saved_at));
        library.open = Some(id);
        let stored = self.store.with_value(|s| {
            s.save(&plan_key(id), &text)?;
            s.save(INDEX_KEY, &library.encode())
        });
        match stored {
            // The old key goes only once the new layout is verified.
            Ok(()) => {
                let _ = self.store.with_value(|s| s.remove(LEGACY_PLAN_KEY));
            }
            Err(e) => self.save_status.set(SaveStatus::NotSaved(e)),
        }
        library
    }

    /// An index rebuilt from the plan entries found in storage, when the index
    /// itself could not be read.
    fn rebuild_library(&self) -> Library {
        let mut library = Library::new();
        for id in self.plan_ids_in_storage() {
            library.plans.push(self.summary_from_entry(id));
        }
        self.write_index(&library);
        library
    }

    /// Storage is blocked: the demo plan lives in this tab only (export still works).
    fn in_memory_demo(&self) {
        let plan = demo_plan();
        let mut library = Library::new();
        library
            .plans
            .push(PlanSummary::of(1, &plan, &validate(&plan), ""));
        library.open = Some(1);
        self.library.set(library);
        self.show_plan(1, plan, None);
    }

    /// Copies an unreadable entry's text aside, verified, before anything may
    /// write over the place it was in.
    fn set_aside(&self, what: &str, text: &str) -> Result<(), SaveError> {
        self.store
            .with_value(|s| s.save(&quarantine_key(what), text))
    }

    /// Opens a plan of the library: the current one is saved first. An
    /// unreadable entry is set aside and reported; the plans home stays.
    pub fn open_plan(&self, id: PlanId) {
        self.flush();
        if self.plan_id.get_untracked() == Some(id) {
            return;
        }
        let loaded = self.store.with_value(|s| s.load(&plan_key(id)));
        browser::performance_mark("plan-read");
        match loaded {
            Ok(Stored::Text(text)) => match decode(&text) {
                Ok(file) => {
                    browser::performance_mark("plan-decoded");
                    self.show_plan(id, file.plan, Some(text));
                    self.last_version_at.set_value(None);
                    self.keep_version(id);
                    self.library.update(|l| l.open = Some(id));
                    let _ = self.save_library();
                }
                Err(_) => {
                    let aside = self.set_aside(&id.to_string(), &text);
                    self.notice.set(Some(StorageNotice::Quarantined));
                    self.library.update(|l| {
                        if let Some(p) = l.plans.iter_mut().find(|p| p.id == id) {
                            p.quarantined = true;
                        }
                    });
                    if aside.is_ok() {
                        let _ = self.save_library();
                    }
                    self.close_plan();
                }
            },
            Ok(Stored::Nothing) => {
                self.library.update(|l| l.plans.retain(|p| p.id != id));
                let _ = self.save_library();
                self.close_plan();
            }
            Err(e) => self.save_status.set(SaveStatus::NotSaved(e)),
        }
    }

    /// Puts a plan on screen with a fresh undo history.
    fn show_plan(&self, id: PlanId, plan: Plan, stored: Option<String>) {
        self.last_known.set_value(stored.clone());
        self.conflict.set(None);
        // The stored text is already a plan file: no need to encode it again.
        match &stored {
            Some(text) => panic::remember_plan(text),
            None => panic::remember_plan(&encode(&plan, APP_VERSION, &browser::now_iso())),
        }
        self.history.set_value(History::default());
        self.can_undo_redo.set((false, false));
        self.plan.set(plan);
        self.plan_id.set(Some(id));
        self.load_drafts(id);
        if !self
            .save_status
            .with_untracked(|s| matches!(s, SaveStatus::NotSaved(SaveError::Blocked)))
        {
            let saved_at = self
                .library
                .with_untracked(|l| l.get(id).map(|p| p.saved_at.clone()));
            self.save_status
                .set(SaveStatus::Saved(saved_at.unwrap_or_default()));
        }
    }

    /// Leaves the plan views for the plans home with nothing open.
    fn close_plan(&self) {
        self.plan_id.set(None);
        self.drafts.set(Default::default());
        self.history.set_value(History::default());
        self.can_undo_redo.set((false, false));
        self.go(View::Home, None);
    }

    /// Adds a plan to the library, stores it and opens it.
    pub fn add_plan(&self, plan: Plan) -> Option<PlanId> {
        self.flush();
        let id = self.library.with_untracked(Library::next_id);
        let saved_at = browser::now_iso();
        let text = encode_compact(&plan, APP_VERSION, &saved_at);
        match self.write_plan(id, &text, &saved_at) {
            Ok(()) => {
                self.open_plan(id);
                Some(id)
            }
            Err(e) => {
                self.library.update(|l| l.plans.retain(|p| p.id != id));
                self.save_status.set(SaveStatus::NotSaved(e));
                None
            }
        }
    }

    /// Creates an empty plan over `years` in `unit` and opens it.
    pub fn create_plan(&self, title: &str, years: YearRange, unit: Unit) -> Option<PlanId> {
        self.add_plan(Plan::new(title, years, unit))
    }

    /// Renames a plan from the plans home.
    pub fn rename_plan(&self, id: PlanId, title: String) {
        if self.plan_id.get_untracked() == Some(id) {
            self.dispatch(planner_core::Edit::SetTitle(title));
            return;
        }
        if let Some(mut plan) = self.read_plan(id) {
            plan.title = title;
            let saved_at = browser::now_iso();
            let result = self.write_plan(
                id,
                &encode_compact(&plan, APP_VERSION, &saved_at),
                &saved_at,
            );
            if let Err(e) = result {
                self.save_status.set(SaveStatus::NotSaved(e));
            }
        }
    }

    /// Copies a plan (to draft a revision) under a new title and opens the copy.
    pub fn duplicate_plan(&self, id: PlanId) -> Option<PlanId> {
        self.flush();
        let mut plan = self.read_plan(id)?;
        let suffix = self.lang.get_untracked().pick(" (사본)", " (copy)");
        plan.title.push_str(suffix);
        self.add_plan(plan)
    }

    /// Takes a plan off the list; it can be brought back with
    /// [`AppState::undo_delete`] until another plan is deleted.
    pub fn delete_plan(&self, id: PlanId) {
        self.flush();
        let mut dropped = None;
        self.library.update(|l| dropped = l.delete(id));
        if self.save_library().is_ok() {
            if let Some(old) = dropped {
                let _ = self.store.with_value(|s| s.remove(&plan_key(old)));
                self.drop_versions(old);
                self.drop_drafts(old);
            }
        }
        if self.plan_id.get_untracked() == Some(id) {
            self.plan_id.set(None);
            self.drafts.set(Default::default());
            self.history.set_value(History::default());
            self.can_undo_redo.set((false, false));
        }
    }

    /// Brings the last deleted plan back.
    pub fn undo_delete(&self) {
        let mut restored = None;
        self.library.update(|l| restored = l.undelete());
        if restored.is_some() {
            let _ = self.save_library();
        }
    }

    /// A stored plan, read from its entry (the open one from the screen).
    fn read_plan(&self, id: PlanId) -> Option<Plan> {
        if self.plan_id.get_untracked() == Some(id) {
            return Some(self.plan.get_untracked());
        }
        match self.store.with_value(|s| s.load(&plan_key(id))) {
            Ok(Stored::Text(text)) => decode(&text).ok().map(|f| f.plan),
            _ => None,
        }
    }
}

/// The summary of a plan whose entry cannot be read.
fn quarantined_summary(id: PlanId) -> PlanSummary {
    PlanSummary {
        quarantined: true,
        ..PlanSummary::placeholder(id)
    }
}

/// The default title of a new plan.
pub fn new_plan_title(lang: Lang) -> &'static str {
    lang.pick("새 예산 계획", "New budget plan")
}
