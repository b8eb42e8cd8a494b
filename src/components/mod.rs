//! UI components. They show state and send user intents ([`planner_core::Edit`])
//! through [`crate::state::AppState::dispatch`]; they hold no domain logic.

pub mod amount_cell;
pub mod header;
pub mod plan_details;
pub mod status_table;
