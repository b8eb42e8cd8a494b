//! The safety net: earlier saved versions of each plan, kept in storage
//! beside the plan (`budget-planner/version/<plan>/<saved at>`), up to
//! [`KEPT_VERSIONS`] or as many as fit. A version is kept when a plan is
//! opened, at most every [`VERSION_EVERY_MS`] while it is edited, and before
//! anything replaces it (an import, another tab's version). Keeping a
//! version never stands in the way of saving the plan itself: these are
//! plain operations on a [`PlanStore`], and the saver decides when. The
//! newest version is kept whole; each older one is its difference from the
//! next newer ([`planner_core::file::stored`]).

use planner_core::file::library::PlanId;
use planner_core::file::{decode, stored};
use planner_core::Plan;

use crate::storage::{plan_key, PlanStore, SaveError, Stored};

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

/// The kept versions of a plan, newest first.
pub fn list(store: &dyn PlanStore, id: PlanId) -> Vec<Version> {
    let prefix = version_prefix(id);
    let mut versions: Vec<Version> = store
        .keys()
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

/// The plan a version holds: a version kept as a difference is rebuilt
/// from the newer versions it is based on ([`stored::resolve`]).
pub fn read(store: &dyn PlanStore, version: &Version) -> Option<Plan> {
    let load = |key: &str| match store.load(key) {
        Ok(Stored::Text(text)) => Some(text),
        _ => None,
    };
    let text = stored::resolve(&version.key, &load).ok()?;
    decode(&text).ok().map(|f| f.plan)
}

/// Copies plan `id`'s stored entry to a version key, dropping the oldest
/// versions when there are too many or storage is full; true when a new
/// version was written. The new version is kept whole (packed, as the plan's
/// entry is) and the one that was newest becomes its difference from the new
/// one, so ten versions of a district's plan take little more than one.
pub fn keep(store: &dyn PlanStore, id: PlanId) -> bool {
    let Ok(Stored::Text(entry)) = store.load(&plan_key(id)) else {
        return false;
    };
    let Ok(text) = stored::unpack(&entry) else {
        return false;
    };
    // Only the envelope's time is needed: no need to build the whole plan.
    let Some(saved_at) = planner_core::file::saved_at(&text) else {
        return false;
    };
    let mut versions = list(store, id);
    if versions.first().is_some_and(|v| v.saved_at == saved_at) {
        return false;
    }
    let newest = versions.first().cloned();
    let key = format!("{}{}", version_prefix(id), saved_at);
    loop {
        match store.save(&key, &entry) {
            Ok(()) => break,
            Err(SaveError::QuotaExceeded) => match versions.pop() {
                // As many as fit: the oldest goes, then try again.
                Some(oldest) => {
                    let _ = store.remove(&oldest.key);
                }
                None => return false,
            },
            Err(_) => return false,
        }
    }
    // A difference is always based on a newer version, so dropping the
    // oldest never breaks a chain.
    if let Some(previous) = newest.filter(|v| v.saved_at < saved_at) {
        as_difference(store, &previous, &key, &text);
    }
    for old in list(store, id).into_iter().skip(KEPT_VERSIONS) {
        let _ = store.remove(&old.key);
    }
    true
}

/// Rewrites a version kept whole as its difference from the version under
/// `base_key` (whose plan file is `base`), when that is smaller. A failed
/// write leaves the whole version as it was.
fn as_difference(store: &dyn PlanStore, version: &Version, base_key: &str, base: &str) {
    let Ok(Stored::Text(entry)) = store.load(&version.key) else {
        return;
    };
    if stored::difference_base(&entry).is_some() {
        return;
    }
    let Ok(text) = stored::unpack(&entry) else {
        return;
    };
    let difference = stored::difference(base_key, base, &text);
    if difference.len() < entry.len() {
        let _ = store.save(&version.key, &difference);
    }
}

/// Deletes the oldest kept version of any plan, to make room for a plan
/// itself; false when there is none left.
pub fn drop_oldest(store: &dyn PlanStore) -> bool {
    let keys = store.keys().unwrap_or_default();
    let oldest = keys
        .into_iter()
        .filter(|k| k.starts_with(VERSION_ROOT))
        .min_by(|a, b| a.rsplit('/').next().cmp(&b.rsplit('/').next()));
    match oldest {
        Some(key) => store.remove(&key).is_ok(),
        None => false,
    }
}

/// Deletes the kept versions of a plan deleted for good.
pub fn drop_all(store: &dyn PlanStore, id: PlanId) {
    for version in list(store, id) {
        let _ = store.remove(&version.key);
    }
}

/// Deletes every kept version of these plans but the newest of each, to free
/// storage; returns how many were deleted.
pub fn prune(store: &dyn PlanStore, ids: &[PlanId]) -> usize {
    let mut removed = 0;
    for &id in ids {
        for old in list(store, id).into_iter().skip(1) {
            if store.remove(&old.key).is_ok() {
                removed += 1;
            }
        }
    }
    removed
}
