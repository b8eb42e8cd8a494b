//! The plans home's operations on the library: open, create, rename,
//! duplicate, delete (with undo), and what loading finds in storage — a first
//! visit, the one-plan layout of the first release, an unreadable index or
//! entry. Every operation writes a plan's entry before the index points at it
//! ([`Saver::write`]), and an unreadable entry is set aside, never overwritten.

use leptos::prelude::*;
use planner_core::file::library::{Library, LibraryError, PlanId, PlanSummary};
use planner_core::file::{decode_stored, encode_compact, stored};
use planner_core::fixtures::demo::demo_plan;
use planner_core::model::plan::YearRange;
use planner_core::rules::validate::validate;
use planner_core::views::route::View;
use planner_core::{Edit, Lang, Plan, Unit};

use crate::browser;
use crate::state::nav::Nav;
use crate::state::saver::{SaveStatus, Saver, StorageNotice};
use crate::state::session::Session;
use crate::storage::{
    plan_key, SaveError, Stored, APP_VERSION, INDEX_KEY, LEGACY_PLAN_KEY, WELCOME_KEY,
};

/// Every plan in storage. Cheap to copy: all fields are handles.
#[derive(Clone, Copy)]
pub struct Plans {
    saver: Saver,
    session: Session,
    nav: Nav,
    welcome: RwSignal<bool>,
}

impl Plans {
    /// The plans of `saver`'s storage, opened into `session`.
    pub fn new(saver: Saver, session: Session, nav: Nav) -> Plans {
        Plans {
            saver,
            session,
            nav,
            welcome: RwSignal::new(false),
        }
    }

    /// The index of every plan, for the plans home (the saver's: storage's
    /// index as this tab holds it).
    pub fn index(&self) -> RwSignal<Library> {
        self.saver.index
    }

    /// Reads the index (migrating or rebuilding it when needed) and opens the
    /// plan that was open last. A first visit finds the demo plan; an
    /// unreadable entry is set aside and the other plans still load.
    pub fn open_library(&self) {
        let library = match self.saver.load(INDEX_KEY) {
            Ok(Stored::Text(text)) => match Library::decode(&text) {
                Ok(library) => self.repair_summaries(library),
                Err(LibraryError::Newer(_)) => {
                    self.saver.read_only();
                    Library::decode_lenient(&text)
                }
                Err(LibraryError::Unreadable(_)) => {
                    if self.saver.set_aside("index", &text).is_err() {
                        self.saver.read_only();
                    }
                    self.saver.notice.set(Some(StorageNotice::Quarantined));
                    self.rebuild_library()
                }
            },
            Ok(Stored::Nothing) => self.first_library(),
            Err(e) => {
                if e == SaveError::Blocked {
                    self.saver.notice.set(Some(StorageNotice::Blocked));
                }
                self.saver.status.set(SaveStatus::NotSaved(e));
                self.welcome.set(true);
                self.in_memory_demo();
                return;
            }
        };
        if !self.welcome.get_untracked() {
            let shown = matches!(self.saver.load(WELCOME_KEY), Ok(Stored::Text(_)));
            self.welcome.set(shown);
        }
        let open = library
            .open
            .filter(|id| library.get(*id).is_some())
            .or_else(|| library.plans.iter().find(|p| !p.quarantined).map(|p| p.id));
        self.saver.index.set(library);
        if let Some(id) = open {
            self.open_plan(id);
        }
    }

    /// Whether the welcome shows: from a first visit until the user starts.
    pub fn welcome(&self) -> bool {
        self.welcome.get()
    }

    /// The user has started (a plan of their own, an imported file, the
    /// demo explored): the welcome is not shown again, in any tab.
    pub fn started(&self) {
        if self.welcome.get_untracked() {
            self.welcome.set(false);
            let _ = self.saver.with_store(|s| s.remove(WELCOME_KEY));
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
            self.saver
                .plan_ids_in_storage()
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
        self.saver.write_index_of(&library);
        library
    }

    /// A plan's summary as its stored entry gives it; a placeholder marked
    /// unreadable when the entry cannot be read.
    fn summary_from_entry(&self, id: PlanId) -> PlanSummary {
        match self.saver.load(&plan_key(id)) {
            Ok(Stored::Text(text)) => match decode_stored(&text) {
                Ok(file) => PlanSummary::of(id, &file.plan, &validate(&file.plan), &file.saved_at),
                Err(_) => quarantined_summary(id),
            },
            _ => quarantined_summary(id),
        }
    }

    /// A library with nothing stored yet: the first release's single plan is
    /// moved in, or else the demo plan is added, so a first visit finds it.
    fn first_library(&self) -> Library {
        let mut library = Library::new();
        let (plan, text) = match self.saver.load(LEGACY_PLAN_KEY) {
            Ok(Stored::Text(text)) => match decode_stored(&text) {
                Ok(file) => (file.plan, Some(text)),
                Err(_) => {
                    let _ = self.saver.set_aside("legacy", &text);
                    self.saver.notice.set(Some(StorageNotice::Quarantined));
                    (demo_plan(), None)
                }
            },
            // A first visit (no first release's plan moving in): welcome it.
            Ok(Stored::Nothing) => {
                self.welcome.set(true);
                let _ = self.saver.with_store(|s| s.save(WELCOME_KEY, "shown"));
                (demo_plan(), None)
            }
            Err(_) => (demo_plan(), None),
        };
        let id = library.next_id();
        let saved_at = browser::now_iso();
        // The first release wrote plain JSON; storage keeps entries packed.
        let text = match text {
            Some(text) if stored::is_packed(&text) => text,
            Some(text) => stored::pack(&text),
            None => stored::pack(&encode_compact(&plan, APP_VERSION, &saved_at)),
        };
        library
            .plans
            .push(PlanSummary::of(id, &plan, &validate(&plan), &saved_at));
        library.open = Some(id);
        let stored = self.saver.with_store(|s| {
            s.save(&plan_key(id), &text)?;
            s.save(INDEX_KEY, &library.encode())
        });
        match stored {
            // The old key goes only once the new layout is verified.
            Ok(()) => {
                let _ = self.saver.with_store(|s| s.remove(LEGACY_PLAN_KEY));
            }
            Err(e) => self.saver.status.set(SaveStatus::NotSaved(e)),
        }
        library
    }

    /// An index rebuilt from the plan entries found in storage, when the index
    /// itself could not be read.
    fn rebuild_library(&self) -> Library {
        let mut library = Library::new();
        for id in self.saver.plan_ids_in_storage() {
            library.plans.push(self.summary_from_entry(id));
        }
        self.saver.write_index_of(&library);
        library
    }

    /// Storage cannot be read: the demo plan lives in this tab only (export still works).
    fn in_memory_demo(&self) {
        let plan = demo_plan();
        let mut library = Library::new();
        library
            .plans
            .push(PlanSummary::of(1, &plan, &validate(&plan), ""));
        library.open = Some(1);
        self.saver.index.set(library);
        self.session.show(1, plan, None);
    }

    /// Opens a plan of the library: the current one is saved first. An
    /// unreadable entry is set aside and reported; the plans home stays.
    pub fn open_plan(&self, id: PlanId) {
        self.session.flush();
        if self.session.id.get_untracked() == Some(id) {
            return;
        }
        let loaded = self.saver.load(&plan_key(id));
        browser::performance_mark("plan-read");
        match loaded {
            Ok(Stored::Text(text)) => match decode_stored(&text) {
                Ok(file) => {
                    browser::performance_mark("plan-decoded");
                    self.session.show(id, file.plan, Some(text));
                    self.saver.keep_first_version(id);
                    self.saver.index.update(|l| l.open = Some(id));
                    let _ = self.saver.write_index();
                }
                Err(_) => {
                    let aside = self.saver.set_aside(&id.to_string(), &text);
                    self.saver.notice.set(Some(StorageNotice::Quarantined));
                    self.saver.index.update(|l| {
                        if let Some(p) = l.plans.iter_mut().find(|p| p.id == id) {
                            p.quarantined = true;
                        }
                    });
                    if aside.is_ok() {
                        let _ = self.saver.write_index();
                    }
                    self.close_plan();
                }
            },
            Ok(Stored::Nothing) => {
                self.saver.index.update(|l| l.plans.retain(|p| p.id != id));
                let _ = self.saver.write_index();
                self.close_plan();
            }
            Err(e) => self.saver.status.set(SaveStatus::NotSaved(e)),
        }
    }

    /// Leaves the plan views for the plans home with nothing open.
    fn close_plan(&self) {
        self.session.close();
        self.nav.go(View::Home, None);
    }

    /// Adds a plan to the library, stores it and opens it.
    pub fn add_plan(&self, plan: Plan) -> Option<PlanId> {
        self.session.flush();
        match self.store_new(plan) {
            Ok(id) => {
                self.started();
                self.open_plan(id);
                Some(id)
            }
            Err(e) => {
                self.saver.status.set(SaveStatus::NotSaved(e));
                None
            }
        }
    }

    /// Stores a plan under a new id without opening it.
    pub(crate) fn store_new(&self, plan: Plan) -> Result<PlanId, SaveError> {
        let id = self.saver.index.with_untracked(Library::next_id);
        let result = self.store(id, &plan);
        if result.is_err() {
            self.saver.index.update(|l| l.plans.retain(|p| p.id != id));
        }
        result.map(|()| id)
    }

    /// Writes `plan` as plan `id`'s entry (not the open plan's way: that one
    /// is saved by the session).
    fn store(&self, id: PlanId, plan: &Plan) -> Result<(), SaveError> {
        let saved_at = browser::now_iso();
        let text = encode_compact(plan, APP_VERSION, &saved_at);
        let summary = PlanSummary::of(id, plan, &validate(plan), &saved_at);
        self.saver.write(id, &text, summary)
    }

    /// Creates an empty plan over `years` in `unit` and opens it.
    /// Its first stage is named in the user's language (본예산, Adopted budget).
    pub fn create_plan(&self, title: &str, years: YearRange, unit: Unit) -> Option<PlanId> {
        let mut plan = Plan::new(title, years, unit);
        if let Some(stage) = plan.stages.list.first_mut() {
            stage.name = self
                .nav
                .lang
                .get_untracked()
                .pick("본예산", "Adopted budget")
                .to_string();
        }
        self.add_plan(plan)
    }

    /// Renames a plan from the plans home.
    pub fn rename_plan(&self, id: PlanId, title: String) {
        if self.session.id.get_untracked() == Some(id) {
            self.session.dispatch(Edit::SetTitle(title));
            return;
        }
        if let Some(mut plan) = self.read_plan(id) {
            plan.title = title;
            if let Err(e) = self.store(id, &plan) {
                self.saver.status.set(SaveStatus::NotSaved(e));
            }
        }
    }

    /// Copies a plan (to draft a revision) under a new title and opens the copy.
    pub fn duplicate_plan(&self, id: PlanId) -> Option<PlanId> {
        self.session.flush();
        let mut plan = self.read_plan(id)?;
        let suffix = self.nav.lang.get_untracked().pick(" (사본)", " (copy)");
        plan.title.push_str(suffix);
        self.add_plan(plan)
    }

    /// Takes a plan off the list; it can be brought back with
    /// [`Plans::undo_delete`] until another plan is deleted.
    pub fn delete_plan(&self, id: PlanId) {
        self.session.flush();
        let mut dropped = None;
        self.saver.index.update(|l| dropped = l.delete(id));
        if self.saver.write_index().is_ok() {
            if let Some(old) = dropped {
                let _ = self.saver.with_store(|s| s.remove(&plan_key(old)));
                self.saver
                    .with_store(|s| crate::state::versions::drop_all(s, old));
                self.session.drafts.forget(old);
            }
        }
        if self.session.id.get_untracked() == Some(id) {
            self.session.close();
        }
    }

    /// Brings the last deleted plan back.
    pub fn undo_delete(&self) {
        let mut restored = None;
        self.saver.index.update(|l| restored = l.undelete());
        if restored.is_some() {
            let _ = self.saver.write_index();
        }
    }

    /// A stored plan, read from its entry (the open one from the screen).
    fn read_plan(&self, id: PlanId) -> Option<Plan> {
        if self.session.id.get_untracked() == Some(id) {
            return Some(self.session.plan.get_untracked());
        }
        match self.saver.load(&plan_key(id)) {
            Ok(Stored::Text(text)) => decode_stored(&text).ok().map(|f| f.plan),
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
