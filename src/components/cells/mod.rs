//! Cells: the one figure cell every money, ratio and count field is, the
//! total cell that checks a printed figure, the marked text field, and what
//! a pasted block does and says.

pub mod figure;
pub mod marked_text;
pub mod paste;
pub mod total;
