//! Two tabs on one plan. Another tab's save arrives as a `storage` event: the
//! library list follows it at once, and so does the open plan when this tab
//! has nothing unsaved. When both tabs changed the plan, nothing is
//! overwritten: the user chooses which version to keep, and the other one is
//! kept as a plan of its own ("… (other tab)") so no edit is lost.
//! A tab that finds storage written by a newer version of the app stops writing.

use leptos::prelude::*;
use planner_core::file::library::{Library, LibraryError};
use planner_core::file::{decode_stored, FileError};
use planner_core::Plan;

use crate::state::nav::Nav;
use crate::state::plans::Plans;
use crate::state::saver::{Conflict, SaveStatus, Saver};
use crate::state::session::Session;
use crate::storage::{plan_key, INDEX_KEY};

/// This tab among others. Cheap to copy: all fields are handles.
#[derive(Clone, Copy)]
pub struct Tabs {
    saver: Saver,
    session: Session,
    plans: Plans,
    nav: Nav,
}

impl Tabs {
    /// Tabs over the same storage as `plans`.
    pub fn new(saver: Saver, session: Session, plans: Plans, nav: Nav) -> Tabs {
        Tabs {
            saver,
            session,
            plans,
            nav,
        }
    }

    /// Another tab's version of the open plan, while the user chooses (the
    /// saver's, which raises it).
    pub fn conflict(&self) -> RwSignal<Option<Conflict>> {
        self.saver.conflict
    }

    /// Follows a change another tab made to storage (`key` set to `value`).
    pub fn on_storage_change(&self, key: Option<String>, value: Option<String>) {
        let Some(key) = key else {
            // Storage was cleared elsewhere: keep what is on screen and say so on save.
            return;
        };
        if key == INDEX_KEY {
            if let Some(text) = value {
                match Library::decode(&text) {
                    Ok(library) => {
                        let library = self.plans.repair_summaries(library);
                        self.plans.index().set(library);
                    }
                    Err(LibraryError::Newer(_)) => self.saver.stop_writing(),
                    Err(LibraryError::Unreadable(_)) => {}
                }
            }
            return;
        }
        let Some(id) = self.session.id.get_untracked() else {
            return;
        };
        if key != plan_key(id) {
            return;
        }
        let Some(text) = value else { return };
        if self.saver.knows(&text) {
            return;
        }
        let unsaved = self
            .saver
            .status
            .with_untracked(|s| *s == SaveStatus::Pending);
        if unsaved || self.saver.conflict.with_untracked(Option::is_some) {
            self.saver.raise_conflict(text);
            return;
        }
        match decode_stored(&text) {
            Ok(file) => {
                // Nothing unsaved here: show the other tab's version (undoable).
                self.saver.know(id, text);
                self.session.replace_plan_quietly(file.plan, file.saved_at);
            }
            Err(FileError::NewerVersion { .. }) => self.saver.stop_writing(),
            Err(_) => {}
        }
    }

    /// Keeps this tab's version: the other tab's is saved as a plan of its
    /// own first, then this one is written.
    pub fn keep_mine(&self) {
        let (Some(conflict), Some(id)) = (
            self.saver.conflict.get_untracked(),
            self.session.id.get_untracked(),
        ) else {
            return;
        };
        self.keep_as_copy(conflict.theirs);
        self.saver.conflict.set(None);
        self.saver.know(id, conflict.text);
        self.saver.status.set(SaveStatus::Pending);
        self.session.flush();
    }

    /// Takes the other tab's version: this tab's edits are saved as a plan of
    /// their own, then the other version is shown.
    pub fn take_theirs(&self) {
        let (Some(conflict), Some(id)) = (
            self.saver.conflict.get_untracked(),
            self.session.id.get_untracked(),
        ) else {
            return;
        };
        let mine = self.session.plan.get_untracked();
        self.saver.conflict.set(None);
        self.saver.know(id, conflict.text);
        self.session
            .replace_plan_quietly(conflict.theirs, conflict.saved_at);
        self.keep_as_copy(mine);
    }

    /// Stores a version that lost a conflict as a new plan, so nothing is lost.
    fn keep_as_copy(&self, mut plan: Plan) {
        let suffix = self
            .nav
            .lang
            .get_untracked()
            .pick(" (다른 탭 버전)", " (other tab's version)");
        plan.title.push_str(suffix);
        if let Err(e) = self.plans.store_new(plan) {
            self.saver.status.set(SaveStatus::NotSaved(e));
        }
    }
}
