//! The budget planner's domain: what a plan is, how its figures are computed,
//! checked, written and read. Nothing here knows about the browser, so all of
//! it is tested natively with `cargo test`.
//!
//! The crate is in layers, each importing only those above it in this list
//! (a test, `tests/architecture.rs`, holds every source file to it):
//!
//! - [`model`]: what a plan is — amounts and units, figure kinds and their
//!   limits, the plan and its plain-data parts, and the words every label uses;
//! - [`rules`]: what follows from a plan — derived totals, footing, 산출기초,
//!   shares, and validation with the location of every problem;
//! - [`change`]: how a plan changes — edits, undo history, the fields figures
//!   are typed into;
//! - [`views`]: what the app shows of a plan — the official documents, the
//!   grid, worksheets, the deck's slides, places of problems, comparisons,
//!   pasted blocks;
//! - [`render`]: text made from views — formats, escaped HTML, SVG charts,
//!   slide bodies, CSV and XLSX;
//! - [`file`]: the wire format — plan files, the plans index, the JSON Schema;
//! - [`fixtures`]: the demo plan, and (feature `fixtures`) generated plans and
//!   the benchmarks' work.

pub mod change;
pub mod file;
pub mod fixtures;
pub mod model;
pub mod render;
pub mod rules;
pub mod views;

pub use change::edit::Edit;
pub use model::amount::{Amount, Unit};
pub use model::plan::{Owner, Plan, Program};
pub use model::words::{Lang, Msg};
