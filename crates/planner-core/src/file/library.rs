//! The library: the list of a user's plans as the plans home shows it, kept
//! as one small index beside one storage entry per plan. The index holds a
//! summary of each plan (title, years, grand total, problem counts, last
//! save) so the home can list a hundred plans without reading any of them.

use serde::{Deserialize, Serialize};

use crate::model::amount::{Amount, Unit};
use crate::model::plan::{Plan, Year};
use crate::rules::validate::{count_by_severity, Problem};

/// Identifies a plan in the library, stable across renames.
pub type PlanId = u32;

/// The version of the index layout; a tab that finds a newer one stops writing.
pub const LIBRARY_VERSION: u32 = 1;

/// What the plans home shows of one plan, without opening it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSummary {
    /// The plan's id (its storage entry's key ends in it).
    pub id: PlanId,
    /// The title when last saved.
    pub title: String,
    /// First year of the plan's term.
    pub first_year: Year,
    /// Last year of the plan's term.
    pub last_year: Year,
    /// The plan's total cost ([`grand_total`]), in won. A sum of many
    /// figures, so it may exceed the limit of one ([`crate::model::limits`]).
    #[serde(with = "crate::model::amount::any_size")]
    pub grand_total: Amount,
    /// The plan's own unit, which the plans home shows the total in (an
    /// index written before it was kept reads as 천원, the default).
    #[serde(default)]
    pub unit: Unit,
    /// How many errors validation found at the last save.
    pub errors: usize,
    /// How many warnings.
    pub warnings: usize,
    /// When the plan was last saved (ISO 8601, UTC).
    pub saved_at: String,
    /// The plan file format version of its entry.
    pub format_version: u32,
    /// The entry could not be read and was set aside; the plan cannot be opened.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub quarantined: bool,
}

/// The index of every plan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Library {
    /// Layout version ([`LIBRARY_VERSION`]).
    pub version: u32,
    /// The plans, in the order the home lists them (newest first when created).
    pub plans: Vec<PlanSummary>,
    /// The plan that was open last, to reopen on the next visit.
    pub open: Option<PlanId>,
    /// A deleted plan kept for undo: its summary (its entry stays in storage).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<PlanSummary>,
    /// Plans (listed or deleted) whose stored summary could not be read: their
    /// place is kept by [`PlanSummary::placeholder`] until the app rebuilds
    /// the summary from the plan's entry. Never stored.
    #[serde(skip)]
    pub unreadable: Vec<PlanId>,
}

/// The plan's total cost, for the plans home: every program's schedule
/// (기투자, each year, 장기) added up — the 계 of the summary slide's table
/// of all programs, one figure with one meaning (issue 18: it used to add
/// this year's status budget of rows without a schedule, a figure printed
/// nowhere). Pledges' schedules are not added: they finance programs.
pub fn grand_total(plan: &Plan) -> Amount {
    plan.programs
        .iter()
        .flat_map(|p| &p.schedule.rows)
        .map(|r| r.total())
        .sum()
}

impl PlanSummary {
    /// A summary that only knows its plan's id: for a summary that could not
    /// be read, until it is rebuilt, and for an entry that cannot be read.
    pub fn placeholder(id: PlanId) -> PlanSummary {
        PlanSummary {
            id,
            title: String::new(),
            first_year: 0,
            last_year: 0,
            grand_total: Amount::ZERO,
            unit: Unit::Thousand,
            errors: 0,
            warnings: 0,
            saved_at: String::new(),
            format_version: 0,
            quarantined: false,
        }
    }

    /// The summary of `plan` saved at `saved_at`, with its problems counted.
    pub fn of(id: PlanId, plan: &Plan, problems: &[Problem], saved_at: &str) -> PlanSummary {
        let (errors, warnings) = count_by_severity(problems);
        PlanSummary {
            id,
            title: plan.title.clone(),
            first_year: plan.years.first,
            last_year: plan.years.last,
            grand_total: grand_total(plan),
            unit: plan.unit,
            errors,
            warnings,
            saved_at: saved_at.into(),
            format_version: crate::file::FORMAT_VERSION,
            quarantined: false,
        }
    }
}

/// Why an index could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LibraryError {
    /// The text is not an index this build understands.
    Unreadable(String),
    /// The index was written by a newer version of the app.
    Newer(u32),
}

impl Library {
    /// An empty library of the current layout.
    pub fn new() -> Library {
        Library {
            version: LIBRARY_VERSION,
            ..Library::default()
        }
    }

    /// The index as stored.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored index. One summary that cannot be read (for whatever
    /// reason) does not make the index unreadable: it is kept as a
    /// [`PlanSummary::placeholder`], listed in [`Library::unreadable`], so
    /// the other plans, the open plan and the deleted plan all survive.
    /// Only text that is not an index at all is [`LibraryError::Unreadable`].
    pub fn decode(text: &str) -> Result<Library, LibraryError> {
        let loose: LooseLibrary =
            serde_json::from_str(text).map_err(|e| LibraryError::Unreadable(e.to_string()))?;
        if loose.version > LIBRARY_VERSION {
            return Err(LibraryError::Newer(loose.version));
        }
        Ok(loose.into_library())
    }

    /// What can be read of an index from a newer app, for a tab that only
    /// reads: the summaries that still parse.
    pub fn decode_lenient(text: &str) -> Library {
        serde_json::from_str::<LooseLibrary>(text)
            .map(LooseLibrary::into_library)
            .unwrap_or_default()
    }

    /// An id no plan (nor the deleted one) has.
    pub fn next_id(&self) -> PlanId {
        self.plans
            .iter()
            .chain(&self.deleted)
            .map(|p| p.id)
            .max()
            .map_or(1, |m| m.saturating_add(1))
    }

    /// The summary of a plan.
    pub fn get(&self, id: PlanId) -> Option<&PlanSummary> {
        self.plans.iter().find(|p| p.id == id)
    }

    /// Puts a plan's summary in the list: replaced in place, or added first.
    pub fn upsert(&mut self, summary: PlanSummary) {
        match self.plans.iter_mut().find(|p| p.id == summary.id) {
            Some(slot) => *slot = summary,
            None => self.plans.insert(0, summary),
        }
    }

    /// Takes a plan off the list, keeping it for undo. Returns the plan whose
    /// entry may now be dropped for good (the one deleted before), if any.
    pub fn delete(&mut self, id: PlanId) -> Option<PlanId> {
        let index = self.plans.iter().position(|p| p.id == id)?;
        let summary = self.plans.remove(index);
        if self.open == Some(id) {
            self.open = None;
        }
        self.deleted.replace(summary).map(|old| old.id)
    }

    /// Puts the last deleted plan back on the list.
    pub fn undelete(&mut self) -> Option<PlanId> {
        let summary = self.deleted.take()?;
        let id = summary.id;
        self.plans.insert(0, summary);
        Some(id)
    }
}

/// An index read field by field, so that one bad summary spoils nothing else.
#[derive(Deserialize)]
struct LooseLibrary {
    version: u32,
    #[serde(default)]
    plans: Vec<serde_json::Value>,
    #[serde(default)]
    open: serde_json::Value,
    #[serde(default)]
    deleted: Option<serde_json::Value>,
}

impl LooseLibrary {
    fn into_library(self) -> Library {
        let mut unreadable = Vec::new();
        let mut read = |value: serde_json::Value| -> Option<PlanSummary> {
            let id = value
                .get("id")
                .and_then(serde_json::Value::as_u64)
                .and_then(|id| PlanId::try_from(id).ok());
            match PlanSummary::deserialize(value) {
                Ok(summary) => Some(summary),
                Err(_) => {
                    let id = id?;
                    unreadable.push(id);
                    Some(PlanSummary::placeholder(id))
                }
            }
        };
        let mut plans: Vec<PlanSummary> = self.plans.into_iter().filter_map(&mut read).collect();
        let deleted = self.deleted.and_then(&mut read);
        // A plan listed twice keeps its first summary.
        let mut seen = std::collections::HashSet::new();
        plans.retain(|p| seen.insert(p.id));
        let open = self.open.as_u64().and_then(|id| PlanId::try_from(id).ok());
        Library {
            version: self.version,
            plans,
            open,
            deleted,
            unreadable,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::demo::demo_plan;
    use crate::rules::validate::validate;

    #[test]
    fn the_demo_summary_counts_its_money_and_problems() {
        let plan = demo_plan();
        let summary = PlanSummary::of(1, &plan, &validate(&plan), "2026-11-23T00:00:00Z");
        assert_eq!((summary.first_year, summary.last_year), (2014, 2022));
        assert_eq!((summary.errors, summary.warnings), (0, 0));
        // The §1.2 splits (533,073 + 1,167,388 + 228,000 + 477,250 + 1,119,000
        // + 1,000,000 + 8,000 천원): the programs' schedules, not the status
        // budgets of the rows without one.
        assert_eq!(summary.grand_total, Amount::won(4_532_711_000));
        assert_eq!(summary.unit, Unit::Thousand);
    }

    #[test]
    fn an_index_of_an_earlier_release_reads_its_totals_as_thousands() {
        let mut library = Library::new();
        let mut plan = demo_plan();
        plan.unit = Unit::Million;
        library.upsert(PlanSummary::of(library.next_id(), &plan, &[], "t"));
        let text = library.encode();
        assert!(text.contains("\"unit\":\"million\""));
        assert_eq!(Library::decode(&text).unwrap().plans[0].unit, Unit::Million);
        let earlier = text.replace(",\"unit\":\"million\"", "");
        assert_eq!(
            Library::decode(&earlier).unwrap().plans[0].unit,
            Unit::Thousand
        );
    }

    #[test]
    fn the_index_round_trips_and_a_newer_one_is_refused() {
        let mut library = Library::new();
        let plan = demo_plan();
        library.upsert(PlanSummary::of(library.next_id(), &plan, &[], "t"));
        library.upsert(PlanSummary::of(library.next_id(), &plan, &[], "t"));
        library.open = Some(2);
        assert_eq!(Library::decode(&library.encode()), Ok(library.clone()));
        let newer = library.encode().replace("\"version\":1", "\"version\":9");
        assert_eq!(Library::decode(&newer), Err(LibraryError::Newer(9)));
        assert!(matches!(
            Library::decode("[1, 2]"),
            Err(LibraryError::Unreadable(_))
        ));
    }

    #[test]
    fn one_unreadable_summary_spoils_nothing_else() {
        let mut library = Library::new();
        let plan = demo_plan();
        for _ in 0..3 {
            let id = library.next_id();
            library.upsert(PlanSummary::of(id, &plan, &[], "t"));
        }
        library.open = Some(2);
        library.delete(1);
        // A grand total of 10^30 (what an earlier build could write), and a
        // summary that is not a summary at all.
        let text = library
            .encode()
            .replacen(
                "\"grand_total\":\"4532711000\"",
                "\"grand_total\":\"1000000000000000000000000000000\"",
                1,
            )
            .replacen("{\"id\":2,\"title\":", "{\"id\":2,\"title\":7,\"was\":", 1);
        let read = Library::decode(&text).unwrap();
        assert_eq!(read.open, Some(2));
        assert_eq!(
            read.plans.iter().map(|p| p.id).collect::<Vec<_>>(),
            vec![3, 2]
        );
        assert_eq!(
            read.deleted.as_ref().map(|p| p.id),
            Some(1),
            "the deleted plan stays deleted"
        );
        assert_eq!(
            read.unreadable,
            vec![3, 2],
            "only the broken summaries need rebuilding"
        );
        assert_eq!(read.plans[0], PlanSummary::placeholder(3));
        // A sum beyond one figure's limit (but within Decimal's) is read as it is.
        let large = library.encode().replacen(
            "\"grand_total\":\"4532711000\"",
            "\"grand_total\":\"100000000000000000000\"",
            1,
        );
        let read = Library::decode(&large).unwrap();
        assert!(read.unreadable.is_empty());
        assert_eq!(
            read.plans[0].grand_total.as_decimal().to_string(),
            "100000000000000000000"
        );
        let garbage = "{\"version\":1,\"plans\":[{},{\"id\":5}],\"open\":\"x\"}";
        let read = Library::decode(garbage).unwrap();
        assert_eq!(read.plans.len(), 1);
        assert_eq!(read.unreadable, vec![5]);
        assert_eq!(read.open, None);
    }

    #[test]
    fn delete_keeps_one_plan_for_undo() {
        let mut library = Library::new();
        let plan = demo_plan();
        for _ in 0..3 {
            let id = library.next_id();
            library.upsert(PlanSummary::of(id, &plan, &[], "t"));
        }
        library.open = Some(3);
        assert_eq!(library.delete(3), None);
        assert_eq!(library.open, None);
        assert_eq!(
            library.next_id(),
            4,
            "a deleted plan's id is not reused while it can come back"
        );
        assert_eq!(
            library.delete(1),
            Some(3),
            "the plan deleted before can now be dropped"
        );
        assert_eq!(library.undelete(), Some(1));
        assert_eq!(
            library.plans.iter().map(|p| p.id).collect::<Vec<_>>(),
            vec![1, 2]
        );
        assert_eq!(library.undelete(), None);
    }
}
