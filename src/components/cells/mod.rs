//! Cells: the one figure cell every money, ratio and count field is, the
//! marked text field, and what a pasted block does and says.

pub mod figure;
pub mod marked_text;
pub mod paste;
