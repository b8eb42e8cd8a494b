//! What is in storage, and the one way into it. Every plan entry is written
//! by [`Saver::write`]: the conflict check (has another tab saved this plan
//! since this tab read it?), the entry (kept versions give way when storage
//! is full), read back, then its summary in the index. The saver also holds
//! what the header says about storage: the save status and any standing
//! notice, and whether this tab may write at all.

use std::rc::Rc;

use leptos::prelude::*;
use planner_core::file::library::{Library, PlanId, PlanSummary};
use planner_core::file::FileError;
use planner_core::file::{decode_stored, stored};
use planner_core::Plan;

use crate::state::versions::{self, Version, VERSION_EVERY_MS};
use crate::storage::{
    plan_key, quarantine_key, PlanStore, SaveError, Stored, INDEX_KEY, PLAN_PREFIX,
};

/// Whether the plan on screen is safely stored, shown in the header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Stored and verified, at this time (ISO 8601).
    Saved(String),
    /// An edit waits for the autosave.
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

/// Storage as this tab sees it. Cheap to copy: all fields are handles.
#[derive(Clone, Copy)]
pub struct Saver {
    store: StoredValue<Rc<dyn PlanStore>, LocalStorage>,
    /// Whether the last edit is stored.
    pub status: RwSignal<SaveStatus>,
    /// A standing notice about storage, if any.
    pub notice: RwSignal<Option<StorageNotice>>,
    /// The index of every plan, as stored.
    pub index: RwSignal<Library>,
    /// Another tab's newer version of the open plan, while this tab has
    /// unsaved edits: the user chooses which to keep.
    pub conflict: RwSignal<Option<Conflict>>,
    /// False when this tab must not write (storage from a newer app version).
    writable: StoredValue<bool>,
    /// The entry of the plan on screen as this tab last read or wrote it:
    /// a different text in storage means another tab saved in between.
    known: StoredValue<Option<(PlanId, String)>>,
    /// When this tab last kept a version (ms since the epoch).
    last_version_at: StoredValue<Option<f64>>,
    /// The plan just opened whose first version is yet to be kept.
    first_version: StoredValue<Option<PlanId>>,
}

/// How long after a plan is opened its first version is kept.
const FIRST_VERSION_DELAY_MS: u64 = 100;

impl Saver {
    /// A saver over `store`, with nothing read yet.
    pub fn new(store: Rc<dyn PlanStore>) -> Saver {
        Saver {
            store: StoredValue::new_local(store),
            status: RwSignal::new(SaveStatus::Saved(String::new())),
            notice: RwSignal::new(None),
            index: RwSignal::new(Library::new()),
            conflict: RwSignal::new(None),
            writable: StoredValue::new(true),
            known: StoredValue::new(None),
            last_version_at: StoredValue::new(None),
            first_version: StoredValue::new(None),
        }
    }

    /// Runs `f` on the store (reads, and writes that are not plan entries).
    pub(crate) fn with_store<R>(&self, f: impl FnOnce(&dyn PlanStore) -> R) -> R {
        self.store.with_value(|store| f(store.as_ref()))
    }

    /// Reads the stored text under `key`.
    pub(crate) fn load(&self, key: &str) -> Result<Stored, SaveError> {
        self.with_store(|s| s.load(key))
    }

    /// Whether this tab may write (storage is not a newer app version's).
    pub fn writable(&self) -> bool {
        self.writable.get_value()
    }

    /// True when storage is blocked altogether, so no status can say "saved".
    pub fn blocked(&self) -> bool {
        self.status
            .with_untracked(|s| matches!(s, SaveStatus::NotSaved(SaveError::Blocked)))
    }

    /// Writes plan `id`'s entry (the plan file `text`, packed as storage
    /// keeps it: [`stored::pack`]) and then its summary into the index: the
    /// one write path. Nothing is written when another tab has saved this
    /// plan since this tab read it (the conflict is raised instead), and the
    /// index only points at an entry once it is read back.
    pub fn write(&self, id: PlanId, text: &str, summary: PlanSummary) -> Result<(), SaveError> {
        if !self.writable() {
            return Err(newer_version());
        }
        // The state the plan was opened in is kept before it is replaced.
        self.keep_first_version_now();
        let held = self
            .known
            .with_value(|k| k.as_ref().is_some_and(|(k, _)| *k == id));
        if held {
            if self.conflict.with_untracked(Option::is_some) {
                return Err(SaveError::ChangedElsewhere);
            }
            if let Some(stored) = self.stored_text_if_changed(id) {
                self.raise_conflict(stored);
                return Err(SaveError::ChangedElsewhere);
            }
        }
        let text = &stored::pack(text);
        // Kept versions give way to the plan itself: the oldest go first.
        loop {
            match self.with_store(|s| s.save(&plan_key(id), text)) {
                Ok(()) => break,
                Err(SaveError::QuotaExceeded) => {
                    if !self.with_store(versions::drop_oldest) {
                        return Err(SaveError::QuotaExceeded);
                    }
                }
                Err(e) => return Err(e),
            }
        }
        if held {
            self.known.set_value(Some((id, text.to_string())));
        }
        self.index.update(|library| library.upsert(summary));
        self.write_index()
    }

    /// Writes the index as it is on screen.
    pub fn write_index(&self) -> Result<(), SaveError> {
        if !self.writable() {
            return Err(newer_version());
        }
        let text = self.index.with_untracked(Library::encode);
        self.with_store(|s| s.save(INDEX_KEY, &text))
    }

    /// Writes an index that is not on screen yet (repaired or rebuilt), when
    /// this tab may write.
    pub(crate) fn write_index_of(&self, library: &Library) {
        if self.writable() {
            let _ = self.with_store(|s| s.save(INDEX_KEY, &library.encode()));
        }
    }

    /// Notes which plan is on screen and the entry it was read from, so a
    /// later write can tell whether another tab saved in between.
    pub(crate) fn hold(&self, id: PlanId, text: Option<String>) {
        self.known.set_value(text.map(|t| (id, t)));
        self.conflict.set(None);
    }

    /// Whether `text` is the entry this tab last read or wrote.
    pub(crate) fn knows(&self, text: &str) -> bool {
        self.known
            .with_value(|k| k.as_ref().is_some_and(|(_, t)| t == text))
    }

    /// Takes `text` as plan `id`'s entry on screen (another tab's save shown here).
    pub(crate) fn know(&self, id: PlanId, text: String) {
        self.known.set_value(Some((id, text)));
    }

    /// The plan on screen as storage holds it, to go back to when storage refuses a save.
    pub(crate) fn known_plan(&self) -> Option<Plan> {
        self.known
            .with_value(|k| k.as_ref().and_then(|(_, t)| decode_stored(t).ok()))
            .map(|file| file.plan)
    }

    /// The stored text of plan `id`'s entry when it differs from what this
    /// tab last read or wrote (another tab saved), else `None`.
    fn stored_text_if_changed(&self, id: PlanId) -> Option<String> {
        match self.load(&plan_key(id)) {
            Ok(Stored::Text(text)) if !self.knows(&text) => Some(text),
            _ => None,
        }
    }

    /// Another tab saved `text` for the open plan while this tab has edits of
    /// its own: hold both and ask.
    pub(crate) fn raise_conflict(&self, text: String) {
        match decode_stored(&text) {
            Ok(file) => self.conflict.set(Some(Conflict {
                theirs: file.plan,
                saved_at: file.saved_at,
                text,
            })),
            Err(FileError::NewerVersion { .. }) => self.stop_writing(),
            Err(_) => {}
        }
    }

    /// Storage belongs to a newer version of the app: this tab stops writing.
    pub(crate) fn stop_writing(&self) {
        self.read_only();
        self.status.set(SaveStatus::NotSaved(newer_version()));
    }

    /// The index was written by a newer version of the app: it is read, never written.
    pub(crate) fn read_only(&self) {
        self.writable.set_value(false);
        self.notice.set(Some(StorageNotice::NewerVersion));
    }

    /// Copies an unreadable entry's text aside, verified, before anything may
    /// write over the place it was in.
    pub(crate) fn set_aside(&self, what: &str, text: &str) -> Result<(), SaveError> {
        self.with_store(|s| s.save(&quarantine_key(what), text))
    }

    /// The ids of every plan entry in storage.
    pub(crate) fn plan_ids_in_storage(&self) -> Vec<PlanId> {
        let keys = self.with_store(|s| s.keys()).unwrap_or_default();
        let mut ids: Vec<PlanId> = keys
            .iter()
            .filter_map(|k| k.strip_prefix(PLAN_PREFIX)?.parse().ok())
            .collect();
        ids.sort_unstable();
        ids
    }

    /// How much of the storage quota is used, in UTF-16 code units.
    pub fn storage_used(&self) -> Option<usize> {
        self.with_store(|s| s.used_chars()).ok()
    }

    /// Keeps plan `id`'s stored state as a version now (it is about to be replaced).
    pub fn keep_version(&self, id: PlanId) {
        self.keep_first_version_now();
        if self.writable() && self.with_store(|s| versions::keep(s, id)) {
            self.last_version_at.set_value(Some(js_sys::Date::now()));
        }
    }

    /// Keeps a version after a save when the last one is old enough.
    pub(crate) fn keep_version_if_due(&self, id: PlanId) {
        let now = js_sys::Date::now();
        let due = self
            .last_version_at
            .with_value(|t| t.is_none_or(|t| now - t >= VERSION_EVERY_MS));
        if due {
            self.keep_version(id);
        }
    }

    /// A plan was just opened: its first version is kept whatever the time,
    /// once the plan is on screen (a district's version takes a quarter of a
    /// second to keep: not part of opening it), and in any case before
    /// anything writes the plan's entry ([`Saver::write`] keeps it first).
    pub(crate) fn keep_first_version(&self, id: PlanId) {
        self.keep_first_version_now();
        self.last_version_at.set_value(None);
        self.first_version.set_value(Some(id));
        let saver = *self;
        let scheduled = set_timeout_with_handle(
            move || saver.keep_first_version_now(),
            std::time::Duration::from_millis(FIRST_VERSION_DELAY_MS),
        );
        if scheduled.is_err() {
            self.keep_first_version_now();
        }
    }

    /// Keeps the version [`Saver::keep_first_version`] left for later, if it still waits.
    fn keep_first_version_now(&self) {
        if let Some(id) = self.first_version.try_update_value(Option::take).flatten() {
            self.keep_version(id);
        }
    }

    /// The kept versions of a plan, newest first.
    pub fn versions(&self, id: PlanId) -> Vec<Version> {
        self.keep_first_version_now();
        self.with_store(|s| versions::list(s, id))
    }

    /// The plan a version holds.
    pub fn read_version(&self, version: &Version) -> Option<Plan> {
        self.with_store(|s| versions::read(s, version))
    }

    /// Deletes every kept version of every plan but the newest of each, to
    /// free storage; returns how many were deleted.
    pub fn prune_versions(&self) -> usize {
        let ids: Vec<PlanId> = self
            .index
            .with_untracked(|l| l.plans.iter().map(|p| p.id).collect());
        let removed = self.with_store(|s| versions::prune(s, &ids));
        // The plans home's storage figure follows.
        self.index.update(|_| {});
        removed
    }
}

/// Why a tab that found a newer app's storage does not write.
fn newer_version() -> SaveError {
    SaveError::Other("storage belongs to a newer version of the app".into())
}
