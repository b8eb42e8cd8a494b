//! UI components. They show state and send user intents ([`planner_core::Edit`])
//! through [`crate::state::AppState::dispatch`]; they hold no domain logic.

pub mod conflict;
pub mod deck;
pub mod figure_cell;
pub mod header;
pub mod history;
pub mod import_dialog;
pub mod line_items;
pub mod overview;
pub mod paste_note;
pub mod plans_home;
pub mod pledge_targets;
pub mod problems_panel;
pub mod schedule_grid;
pub mod settings;
pub mod split;
pub mod staffing;
pub mod status_table;
