//! UI components. They show state and send user intents ([`planner_core::Edit`])
//! through [`crate::state::Session::dispatch`]; they hold no domain logic.
//!
//! - [`cells`] — the figure cell and the marked text field;
//! - [`controls`] — choice group, unit picker, subject picker and view shell;
//! - [`chrome`] — header, problems panel, conflict banner, import dialog;
//! - [`views`] — one per navigation entry.

pub mod cells;
pub mod chrome;
pub mod controls;
pub mod views;
