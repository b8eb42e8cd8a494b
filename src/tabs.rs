//! Two tabs on one plan. Another tab's save arrives as a `storage` event: the
//! library list follows it at once, and so does the open plan when this tab
//! has nothing unsaved. When both tabs changed the plan, nothing is
//! overwritten: the user chooses which version to keep, and the other one is
//! kept as a plan of its own ("… (other tab)") so no edit is lost.
//! A tab that finds storage written by a newer version of the app stops writing.

use leptos::prelude::*;
use planner_core::file::library::{Library, LibraryError};
use planner_core::file::{decode, FileError};

use crate::state::{AppState, Conflict, SaveStatus, StorageNotice};
use crate::storage::{plan_key, SaveError, Stored, INDEX_KEY};

impl AppState {
    /// The stored text of the open plan's entry when it differs from what
    /// this tab last read or wrote (another tab saved), else `None`.
    pub(crate) fn stored_text_if_changed(&self, id: u32) -> Option<String> {
        let stored = match self.store.with_value(|s| s.load(&plan_key(id))) {
            Ok(Stored::Text(text)) => text,
            _ => return None,
        };
        let known = self
            .last_known
            .with_value(|k| k.as_deref() == Some(stored.as_str()));
        (!known).then_some(stored)
    }

    /// Another tab saved `text` for the open plan while this tab has edits of
    /// its own: hold both and ask.
    pub(crate) fn raise_conflict(&self, text: String) {
        match decode(&text) {
            Ok(file) => self.conflict.set(Some(Conflict {
                theirs: file.plan,
                saved_at: file.saved_at,
                text,
            })),
            Err(FileError::NewerVersion { .. }) => self.stop_writing(),
            Err(_) => {}
        }
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
                        let library = self.repair_summaries(library);
                        self.library.set(library);
                    }
                    Err(LibraryError::Newer(_)) => self.stop_writing(),
                    Err(LibraryError::Unreadable(_)) => {}
                }
            }
            return;
        }
        let Some(id) = self.plan_id.get_untracked() else {
            return;
        };
        if key != plan_key(id) {
            return;
        }
        let Some(text) = value else { return };
        if self
            .last_known
            .with_value(|k| k.as_deref() == Some(text.as_str()))
        {
            return;
        }
        if self
            .save_status
            .with_untracked(|s| *s == SaveStatus::Pending)
            || self.conflict.with_untracked(Option::is_some)
        {
            self.raise_conflict(text);
            return;
        }
        match decode(&text) {
            Ok(file) => {
                // Nothing unsaved here: show the other tab's version (undoable).
                self.last_known.set_value(Some(text));
                self.replace_plan_quietly(file.plan, file.saved_at);
            }
            Err(FileError::NewerVersion { .. }) => self.stop_writing(),
            Err(_) => {}
        }
    }

    /// Keeps this tab's version: the other tab's is saved as a plan of its
    /// own first, then this one is written.
    pub fn keep_mine(&self) {
        let Some(conflict) = self.conflict.get_untracked() else {
            return;
        };
        self.keep_as_copy(conflict.theirs);
        self.conflict.set(None);
        self.last_known.set_value(Some(conflict.text));
        self.save_status.set(SaveStatus::Pending);
        self.flush();
    }

    /// Takes the other tab's version: this tab's edits are saved as a plan of
    /// their own, then the other version is shown.
    pub fn take_theirs(&self) {
        let Some(conflict) = self.conflict.get_untracked() else {
            return;
        };
        let mine = self.plan.get_untracked();
        self.conflict.set(None);
        self.last_known.set_value(Some(conflict.text));
        self.replace_plan_quietly(conflict.theirs, conflict.saved_at);
        self.keep_as_copy(mine);
    }

    /// Stores a version that lost a conflict as a new plan, so nothing is lost.
    fn keep_as_copy(&self, mut plan: planner_core::Plan) {
        let suffix = self
            .lang
            .get_untracked()
            .pick(" (다른 탭 버전)", " (other tab's version)");
        plan.title.push_str(suffix);
        let open = self.plan_id.get_untracked();
        let saved_at = crate::browser::now_iso();
        let id = self.library.with_untracked(Library::next_id);
        let text = planner_core::file::encode_compact(&plan, crate::state::APP_VERSION, &saved_at);
        // Written as a plan that is not open, so no conflict check applies.
        let result = self.write_plan(id, &text, &saved_at);
        if let Err(e) = result {
            self.save_status.set(SaveStatus::NotSaved(e));
        }
        debug_assert_eq!(open, self.plan_id.get_untracked());
    }

    /// Storage belongs to a newer version of the app: this tab stops writing.
    pub(crate) fn stop_writing(&self) {
        self.writable.set_value(false);
        self.notice.set(Some(StorageNotice::NewerVersion));
        self.save_status.set(SaveStatus::NotSaved(SaveError::Other(
            "newer version".into(),
        )));
    }
}
