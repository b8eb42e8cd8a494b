//! Drafts: texts typed into figure cells that the plan cannot take (a letter,
//! a misplaced comma, a figure beyond its limit). The plan keeps the value
//! the cell had before its editing began; the draft keeps what was typed, so
//! that neither a view change nor a reload loses it without a word: it is
//! stored beside the plan (`budget-planner/drafts/<plan>`), shown in its cell
//! and listed in the problems panel until it is fixed or abandoned (Esc).

use std::collections::BTreeMap;

use leptos::prelude::*;
use planner_core::change::field::Draft;
use planner_core::file::library::PlanId;

use crate::state::AppState;
use crate::storage::{drafts_key, Stored};

/// The open plan's drafts by cell id.
pub type Drafts = BTreeMap<String, Draft>;

impl AppState {
    /// The draft typed into a cell, tracked: the cell re-renders when it changes.
    pub fn draft_at(&self, cell_id: &str) -> Option<String> {
        self.drafts.with(|d| d.get(cell_id).map(|d| d.text.clone()))
    }

    /// Keeps what was typed into a cell that the plan cannot take, and stores it.
    pub fn set_draft(&self, draft: Draft) {
        let id = draft.field.cell_id();
        let same = self.drafts.with_untracked(|d| d.get(&id) == Some(&draft));
        if !same {
            self.drafts.update(|d| {
                d.insert(id, draft);
            });
            self.store_drafts();
        }
    }

    /// Drops a cell's draft (fixed, or abandoned with Esc).
    pub fn clear_draft(&self, cell_id: &str) {
        if self.drafts.with_untracked(|d| d.contains_key(cell_id)) {
            self.drafts.update(|d| {
                d.remove(cell_id);
            });
            self.store_drafts();
        }
    }

    /// Drops drafts the plan no longer has a place for, or can now take
    /// (a year that was refused next to the other end of the range).
    pub(crate) fn prune_drafts(&self) {
        if self.drafts.with_untracked(BTreeMap::is_empty) {
            return;
        }
        let stale: Vec<String> = self.plan.with_untracked(|plan| {
            self.drafts.with_untracked(|d| {
                d.iter()
                    .filter(|(_, draft)| draft.error(plan).is_none())
                    .map(|(id, _)| id.clone())
                    .collect()
            })
        });
        if !stale.is_empty() {
            self.drafts.update(|d| {
                for id in &stale {
                    d.remove(id);
                }
            });
            self.store_drafts();
        }
    }

    /// Reads the drafts kept for a plan (none when nothing readable is stored).
    pub(crate) fn load_drafts(&self, id: PlanId) {
        let stored = self.store.with_value(|s| s.load(&drafts_key(id)));
        let drafts: Drafts = match stored {
            Ok(Stored::Text(text)) => serde_json::from_str::<Vec<Draft>>(&text)
                .unwrap_or_default()
                .into_iter()
                .map(|d| (d.field.cell_id(), d))
                .collect(),
            _ => Drafts::new(),
        };
        self.drafts.set(drafts);
        self.drafts_stored.set_value(true);
        self.prune_drafts();
    }

    /// Writes the open plan's drafts (or removes the entry when there are none).
    fn store_drafts(&self) {
        let Some(id) = self.plan_id.get_untracked() else {
            return;
        };
        if !self.writable.get_value() {
            self.drafts_stored.set_value(false);
            return;
        }
        let key = drafts_key(id);
        let result = self.drafts.with_untracked(|d| {
            if d.is_empty() {
                self.store.with_value(|s| s.remove(&key))
            } else {
                let list: Vec<&Draft> = d.values().collect();
                let text = serde_json::to_string(&list).unwrap_or_default();
                self.store.with_value(|s| s.save(&key, &text))
            }
        });
        self.drafts_stored.set_value(result.is_ok());
    }

    /// Whether leaving the page now would lose a draft (it could not be stored).
    pub fn drafts_at_risk(&self) -> bool {
        !self.drafts_stored.get_value() && self.drafts.with_untracked(|d| !d.is_empty())
    }

    /// Forgets a plan's drafts in storage (its entry is gone for good).
    pub(crate) fn drop_drafts(&self, id: PlanId) {
        let _ = self.store.with_value(|s| s.remove(&drafts_key(id)));
    }
}
