//! How a plan changes: every edit as data and the one path that applies it,
//! the undo history, the fields figures are typed into, split edits, and
//! next year's plan copied forward from this one.

pub mod edit;
pub mod field;
pub mod forward;
pub mod history;
pub mod split;
