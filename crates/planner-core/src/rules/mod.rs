//! What follows from a plan: derived totals, footing for display, 산출기초,
//! shares of a total, and validation (every problem, located).

pub mod basis;
pub mod derive;
pub mod foot;
pub mod shares;
pub mod validate;
