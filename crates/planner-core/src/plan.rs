//! The plan a planner edits, and the edits the UI may ask for.
//!
//! The UI never changes a [`Plan`] field by hand: it sends an [`Edit`], which
//! [`Plan::apply`] carries out or refuses. That keeps every change in one
//! place, ready for validation, saving and (later) undo.

use serde::{Deserialize, Serialize};

use crate::amount::{Amount, Unit};

/// Identifies a program within its plan, stable across renames and reorders,
/// so that a table row keeps its cell focus while the user types.
pub type ProgramId = u32;

/// One budget plan: what a planner keeps, exports and presents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The plan's name, shown in the header and used for file names.
    pub title: String,
    /// The office or council the plan belongs to (e.g. 사회적경제과).
    pub organisation: String,
    /// The unit the plan's tables are stated and shown in.
    pub unit: Unit,
    /// Unit programs (단위사업), in the order the tables list them.
    pub programs: Vec<Program>,
}

/// A unit program (단위사업): one row of the budget status table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// Stable identity within the plan.
    pub id: ProgramId,
    /// The program's name as the documents write it.
    pub name: String,
    /// This year's and last year's budget, for the 증(△)감 column.
    pub budget: YearBudget,
}

/// A program's budget this year against the prior year (예산액 / 전년도 예산액).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearBudget {
    /// 예산액
    pub this_year: Amount,
    /// 전년도 예산액
    pub prior_year: Amount,
}

impl YearBudget {
    /// 증(△)감: this year less the prior year; negative is a cut.
    pub fn change(self) -> Amount {
        self.this_year - self.prior_year
    }
}

/// Which of a program's two budget figures an edit sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BudgetColumn {
    /// 예산액
    ThisYear,
    /// 전년도 예산액
    PriorYear,
}

/// A user's intent, as the UI sends it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Rename the plan.
    SetTitle(String),
    /// Change the organisation.
    SetOrganisation(String),
    /// Show and enter figures in another unit (amounts stay as they are).
    SetUnit(Unit),
    /// Rename a program.
    SetProgramName { program: ProgramId, name: String },
    /// Set one budget figure of a program.
    SetBudget { program: ProgramId, column: BudgetColumn, amount: Amount },
    /// Append a program with the given name and empty budget.
    AddProgram { name: String },
    /// Remove a program.
    RemoveProgram { program: ProgramId },
}

/// Why an edit was refused; the plan is unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The edit names a program the plan no longer has (say, removed in another view).
    NoSuchProgram(ProgramId),
}

impl Plan {
    /// Carries out an edit, or refuses it and leaves the plan as it was.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        match edit {
            Edit::SetTitle(title) => self.title = title,
            Edit::SetOrganisation(organisation) => self.organisation = organisation,
            Edit::SetUnit(unit) => self.unit = unit,
            Edit::SetProgramName { program, name } => self.program_mut(program)?.name = name,
            Edit::SetBudget { program, column, amount } => {
                let budget = &mut self.program_mut(program)?.budget;
                match column {
                    BudgetColumn::ThisYear => budget.this_year = amount,
                    BudgetColumn::PriorYear => budget.prior_year = amount,
                }
            }
            Edit::AddProgram { name } => {
                let id = self.next_program_id();
                self.programs.push(Program { id, name, budget: YearBudget::default() });
            }
            Edit::RemoveProgram { program } => {
                let before = self.programs.len();
                self.programs.retain(|p| p.id != program);
                if self.programs.len() == before {
                    return Err(EditError::NoSuchProgram(program));
                }
            }
        }
        Ok(())
    }

    /// The program with this id, if the plan has it.
    pub fn program(&self, id: ProgramId) -> Option<&Program> {
        self.programs.iter().find(|p| p.id == id)
    }

    fn program_mut(&mut self, id: ProgramId) -> Result<&mut Program, EditError> {
        self.programs
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or(EditError::NoSuchProgram(id))
    }

    /// An id no program of this plan has.
    fn next_program_id(&self) -> ProgramId {
        self.programs.iter().map(|p| p.id).max().map_or(1, |m| m.saturating_add(1))
    }
}

/// One row of the budget status table (DOMAIN §1.1), derived from the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusRow {
    /// 예산액
    pub this_year: Amount,
    /// 전년도 예산액
    pub prior_year: Amount,
    /// 증(△)감
    pub change: Amount,
}

impl From<YearBudget> for StatusRow {
    fn from(b: YearBudget) -> Self {
        StatusRow { this_year: b.this_year, prior_year: b.prior_year, change: b.change() }
    }
}

/// The 계 row of the budget status table: each column summed over the programs,
/// so the table foots in every column.
pub fn status_total(plan: &Plan) -> StatusRow {
    let this_year: Amount = plan.programs.iter().map(|p| p.budget.this_year).sum();
    let prior_year: Amount = plan.programs.iter().map(|p| p.budget.prior_year).sum();
    StatusRow { this_year, prior_year, change: this_year - prior_year }
}
