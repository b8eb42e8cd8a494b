//! Controls shared by the views: a radio group of words, the unit picker,
//! the subject picker, a name's text box and the shell of a view that shows
//! one subject, an empty view's hint with its links, the status table's column heads, and a table's rounding unit.

pub mod choice_group;
pub mod empty_hint;
pub mod owner_picker;
pub mod rounding_select;
pub mod status_head;
pub mod subject_view;
pub mod text_box;
pub mod unit_select;
