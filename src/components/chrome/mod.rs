//! What stays around the views: the header (navigation, language, undo,
//! save state), the problems panel, the conflict banner, the import dialog.

pub mod conflict;
pub mod header;
pub mod import_button;
pub mod import_dialog;
pub mod problems_panel;
pub mod table_import;
