//! What a plan is: amounts and units, the kinds of figure and their limits,
//! the plan and its parts as plain data, and the words of every label.

pub mod amount;
pub mod figure;
pub mod limits;
pub mod plan;
pub mod words;
