//! Drafts: texts typed into figure cells that the plan cannot take (a letter,
//! a misplaced comma, a figure beyond its limit). The plan keeps the value
//! the cell had before its editing began; the draft keeps what was typed, so
//! that neither a view change nor a reload loses it without a word: it is
//! stored beside the plan (`budget-planner/drafts/<plan>`), shown in its cell
//! and listed in the problems panel until it is fixed or abandoned (Esc).

use std::collections::BTreeMap;

use leptos::prelude::*;
use planner_core::change::field::Draft;
use planner_core::file::drafts::{decode_drafts, encode_drafts};
use planner_core::file::library::PlanId;
use planner_core::Plan;

use crate::state::saver::Saver;
use crate::storage::{drafts_key, Stored};

/// The open plan's drafts by cell id.
pub type Drafts = BTreeMap<String, Draft>;

/// The drafts of the plan on screen, and whether storage has them.
#[derive(Clone, Copy)]
pub struct DraftBook {
    saver: Saver,
    /// The drafts by cell id.
    pub texts: RwSignal<Drafts>,
    /// Whether the drafts as they are now are in storage.
    stored: StoredValue<bool>,
}

impl DraftBook {
    /// An empty book that stores through `saver`.
    pub fn new(saver: Saver) -> DraftBook {
        DraftBook {
            saver,
            texts: RwSignal::new(Drafts::new()),
            stored: StoredValue::new(true),
        }
    }

    /// The draft typed into a cell, tracked: the cell re-renders when it changes.
    pub fn at(&self, cell_id: &str) -> Option<String> {
        self.texts.with(|d| d.get(cell_id).map(|d| d.text.clone()))
    }

    /// Keeps what was typed into a cell of plan `id`, and stores it.
    pub fn set(&self, id: Option<PlanId>, draft: Draft) {
        let cell = draft.field.cell_id();
        let same = self.texts.with_untracked(|d| d.get(&cell) == Some(&draft));
        if !same {
            self.texts.update(|d| {
                d.insert(cell, draft);
            });
            self.store(id);
        }
    }

    /// Drops a cell's draft (fixed, or abandoned with Esc).
    pub fn clear(&self, id: Option<PlanId>, cell_id: &str) {
        if self.texts.with_untracked(|d| d.contains_key(cell_id)) {
            self.texts.update(|d| {
                d.remove(cell_id);
            });
            self.store(id);
        }
    }

    /// Drops drafts the plan no longer has a place for, or can now take
    /// (a year that was refused next to the other end of the range).
    pub fn prune(&self, id: Option<PlanId>, plan: &Plan) {
        if self.texts.with_untracked(BTreeMap::is_empty) {
            return;
        }
        let stale: Vec<String> = self.texts.with_untracked(|d| {
            d.iter()
                .filter(|(_, draft)| draft.error(plan).is_none())
                .map(|(cell, _)| cell.clone())
                .collect()
        });
        if !stale.is_empty() {
            self.texts.update(|d| {
                for cell in &stale {
                    d.remove(cell);
                }
            });
            self.store(id);
        }
    }

    /// Reads the drafts kept for plan `id` (none when nothing readable is stored).
    pub fn load(&self, id: PlanId, plan: &Plan) {
        let drafts: Drafts = match self.saver.load(&drafts_key(id)) {
            Ok(Stored::Text(text)) => decode_drafts(&text)
                .into_iter()
                .map(|d| (d.field.cell_id(), d))
                .collect(),
            _ => Drafts::new(),
        };
        self.texts.set(drafts);
        self.stored.set_value(true);
        self.prune(Some(id), plan);
    }

    /// Forgets the drafts on screen (no plan is open any more).
    pub fn close(&self) {
        self.texts.set(Drafts::new());
    }

    /// Writes plan `id`'s drafts (or removes the entry when there are none).
    fn store(&self, id: Option<PlanId>) {
        let Some(id) = id else {
            return;
        };
        if !self.saver.writable() {
            self.stored.set_value(false);
            return;
        }
        let key = drafts_key(id);
        let result = self.texts.with_untracked(|d| {
            if d.is_empty() {
                self.saver.with_store(|s| s.remove(&key))
            } else {
                let text = encode_drafts(d.values());
                self.saver.with_store(|s| s.save(&key, &text))
            }
        });
        self.stored.set_value(result.is_ok());
    }

    /// Whether leaving the page now would lose a draft (it could not be stored).
    pub fn at_risk(&self) -> bool {
        !self.stored.get_value() && self.texts.with_untracked(|d| !d.is_empty())
    }

    /// Forgets plan `id`'s drafts in storage (its entry is gone for good).
    pub fn forget(&self, id: PlanId) {
        let _ = self.saver.with_store(|s| s.remove(&drafts_key(id)));
    }
}
