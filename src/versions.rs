//! The safety net: earlier saved versions of each plan, kept in storage
//! beside the plan (`budget-planner/version/<plan>/<saved at>`), up to
//! [`KEPT_VERSIONS`] or as many as fit. A version is kept when a plan is
//! opened, at most every [`VERSION_EVERY_MS`] while it is edited, and before
//! anything replaces it (an import, another tab's version). Keeping a
//! version never stands in the way of saving the plan itself.

use leptos::prelude::*;
use planner_core::file::decode;
use planner_core::file::library::PlanId;
use planner_core::Plan;

use crate::state::AppState;
use crate::storage::{plan_key, SaveError, Stored};

/// How many versions of a plan are kept at most.
pub const KEPT_VERSIONS: usize = 20;
/// At most one version per this many milliseconds of editing.
pub const VERSION_EVERY_MS: f64 = 5.0 * 60.0 * 1000.0;

/// The prefix of every version key.
pub const VERSION_ROOT: &str = "budget-planner/version/";

/// The prefix of a plan's version keys.
pub fn version_prefix(id: PlanId) -> String {
    format!("{VERSION_ROOT}{id}/")
}

/// One kept version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    /// Its storage key.
    pub key: String,
    /// When it was saved (ISO 8601); versions sort by it.
    pub saved_at: String,
}

impl AppState {
    /// The kept versions of a plan, newest first.
    pub fn versions(&self, id: PlanId) -> Vec<Version> {
        let prefix = version_prefix(id);
        let mut versions: Vec<Version> = self
            .store
            .with_value(|s| s.keys())
            .unwrap_or_default()
            .into_iter()
            .filter_map(|key| {
                let saved_at = key.strip_prefix(&prefix)?.to_string();
                Some(Version { key, saved_at })
            })
            .collect();
        versions.sort_by(|a, b| b.saved_at.cmp(&a.saved_at));
        versions
    }

    /// The plan a version holds.
    pub fn read_version(&self, version: &Version) -> Option<Plan> {
        match self.store.with_value(|s| s.load(&version.key)) {
            Ok(Stored::Text(text)) => decode(&text).ok().map(|f| f.plan),
            _ => None,
        }
    }

    /// Keeps the open plan's stored state as a version now (before it is replaced).
    pub fn keep_version_now(&self) {
        if let Some(id) = self.plan_id.get_untracked() {
            self.keep_version(id);
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

    /// Copies plan `id`'s stored entry to a version key, dropping the oldest
    /// versions when there are too many or storage is full.
    pub(crate) fn keep_version(&self, id: PlanId) {
        if !self.writable.get_value() {
            return;
        }
        let Ok(Stored::Text(text)) = self.store.with_value(|s| s.load(&plan_key(id))) else {
            return;
        };
        // Only the envelope's time is needed: no need to build the whole plan.
        let Some(saved_at) = planner_core::file::saved_at(&text) else {
            return;
        };
        let mut versions = self.versions(id);
        if versions.first().is_some_and(|v| v.saved_at == saved_at) {
            return;
        }
        let key = format!("{}{}", version_prefix(id), saved_at);
        loop {
            match self.store.with_value(|s| s.save(&key, &text)) {
                Ok(()) => break,
                Err(SaveError::QuotaExceeded) => match versions.pop() {
                    // As many as fit: the oldest goes, then try again.
                    Some(oldest) => {
                        let _ = self.store.with_value(|s| s.remove(&oldest.key));
                    }
                    None => return,
                },
                Err(_) => return,
            }
        }
        self.last_version_at.set_value(Some(js_sys::Date::now()));
        for old in self.versions(id).into_iter().skip(KEPT_VERSIONS) {
            let _ = self.store.with_value(|s| s.remove(&old.key));
        }
    }

    /// Deletes the oldest kept version of any plan, to make room for a plan
    /// itself; false when there is none left.
    pub(crate) fn drop_oldest_version(&self) -> bool {
        let keys = self.store.with_value(|s| s.keys()).unwrap_or_default();
        let oldest = keys
            .into_iter()
            .filter(|k| k.starts_with(VERSION_ROOT))
            .min_by(|a, b| a.rsplit('/').next().cmp(&b.rsplit('/').next()));
        match oldest {
            Some(key) => self.store.with_value(|s| s.remove(&key)).is_ok(),
            None => false,
        }
    }

    /// Deletes the kept versions of a plan deleted for good.
    pub(crate) fn drop_versions(&self, id: PlanId) {
        for version in self.versions(id) {
            let _ = self.store.with_value(|s| s.remove(&version.key));
        }
    }

    /// Deletes every kept version of every plan but the newest of each, to
    /// free storage; returns how many were deleted.
    pub fn prune_versions(&self) -> usize {
        let ids: Vec<PlanId> = self
            .library
            .with_untracked(|l| l.plans.iter().map(|p| p.id).collect());
        let mut removed = 0;
        for id in ids {
            for old in self.versions(id).into_iter().skip(1) {
                if self.store.with_value(|s| s.remove(&old.key)).is_ok() {
                    removed += 1;
                }
            }
        }
        self.library.update(|_| {});
        removed
    }

    /// Restores a version as one undoable step; the current state is kept as
    /// a version first.
    pub fn restore_version(&self, version: &Version) {
        if let Some(plan) = self.read_version(version) {
            self.flush();
            self.keep_version_now();
            self.replace_plan(plan);
            self.flush();
        }
    }
}
