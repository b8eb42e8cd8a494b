//! Importing a plan file: from the file picker, a file dropped on the page,
//! or JSON pasted outside a cell. The file is checked first and shown as a
//! preview; nothing changes until the user adds it as a new plan or lets it
//! replace the open one (whose current state is kept as a version first).
//! A bad file gets a message with the JSON path, and nothing changes.
//! A spreadsheet, a CSV file or a range copied from one goes to the same
//! dialog, which reads and maps it (`file::import`) before anything changes.

use leptos::prelude::*;
use planner_core::file::{decode, FileError, MAX_FILE_BYTES};
use planner_core::rules::validate::{count_by_severity, validate};
use planner_core::views::route::View;
use planner_core::Plan;
use wasm_bindgen::JsCast;

use crate::state::nav::Nav;
use crate::state::plans::Plans;
use crate::state::session::Session;

/// A checked file waiting for the user's choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportPreview {
    /// Where it came from (file name, or "pasted").
    pub source: String,
    /// The plan the file holds.
    pub plan: Plan,
    /// Errors and warnings validation finds in it.
    pub problems: (usize, usize),
}

/// A spreadsheet, a CSV file or a copied range on its way in. It is read,
/// mapped and previewed in the import dialog's part (`file::import`), so that
/// the workbook reader is not in the first load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableFile {
    /// Where it came from (file name, or "pasted range").
    pub source: String,
    /// What came.
    pub input: TableInput,
}

/// The bytes of a file, or the text of a pasted range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableInput {
    /// A workbook or CSV file as it is on disk.
    Bytes(std::sync::Arc<[u8]>),
    /// Cells copied from a spreadsheet (tab-separated).
    Pasted(String),
    /// A file over the size limit, not read: its size in bytes.
    TooLarge(usize),
}

/// What the import dialog shows: a preview, or why the file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Checked {
    /// The file reads as a plan.
    Ready(ImportPreview),
    /// A table to map and preview.
    Table(TableFile),
    /// The file was refused; nothing changed.
    Refused { source: String, error: FileError },
}

/// A plan file on its way in. Cheap to copy: all fields are handles.
#[derive(Clone, Copy)]
pub struct Import {
    plans: Plans,
    session: Session,
    nav: Nav,
    /// The file being imported: its preview, or why it was refused.
    pub pending: RwSignal<Option<Checked>>,
}

impl Import {
    /// Nothing being imported yet.
    pub fn new(plans: Plans, session: Session, nav: Nav) -> Import {
        Import {
            plans,
            session,
            nav,
            pending: RwSignal::new(None),
        }
    }

    /// Checks a file's text and shows the preview (or the refusal).
    pub fn preview(&self, source: String, text: &str) {
        let result = match decode(text) {
            Ok(file) => {
                let problems = count_by_severity(&validate(&file.plan));
                Checked::Ready(ImportPreview {
                    source,
                    plan: file.plan,
                    problems,
                })
            }
            Err(error) => return self.refuse(source, error),
        };
        self.pending.set(Some(result));
    }

    /// Refuses a file it could not read, or one too large to read, without reading it.
    fn refuse(&self, source: String, error: FileError) {
        self.pending.set(Some(Checked::Refused { source, error }));
    }

    /// Adds the previewed plan as a new plan and opens it.
    pub fn as_new(&self) {
        let Some(Checked::Ready(preview)) = self.pending.get_untracked() else {
            return;
        };
        self.add_new(preview.plan);
    }

    /// Replaces the open plan with the previewed one, as one undoable step;
    /// the open plan's saved state is kept as a version first.
    pub fn replacing_open(&self) {
        let Some(Checked::Ready(preview)) = self.pending.get_untracked() else {
            return;
        };
        if self.session.id.get_untracked().is_none() {
            return;
        }
        self.session.replace_keeping_version(preview.plan);
        self.plans.started();
        self.pending.set(None);
        self.nav.go(View::Overview, None);
    }

    /// Adds an imported plan (a plan file's, or a table import's preview)
    /// as a new plan and opens it.
    pub fn add_new(&self, plan: Plan) {
        if self.plans.add_plan(plan).is_some() {
            self.pending.set(None);
            self.nav.go(View::Overview, None);
        }
    }

    /// Adds a table import to the open plan as one undoable step.
    pub fn table_into_open(&self, edit: planner_core::change::edit::Edit) {
        if self.session.dispatch_checked(edit) {
            self.plans.started();
            self.pending.set(None);
            self.nav.go(View::Overview, None);
        }
    }

    /// Shows a table (a file's bytes or a pasted range) for mapping.
    pub fn table(&self, source: String, input: TableInput) {
        self.pending
            .set(Some(Checked::Table(TableFile { source, input })));
    }

    /// Closes the dialog; nothing changes.
    pub fn cancel(&self) {
        self.pending.set(None);
    }

    /// Reads a picked or dropped file and previews it; a file over the size
    /// limit is refused before it is read.
    pub fn read_file(&self, file: web_sys::File) {
        let name = file.name();
        let size = file.size();
        // File sizes are whole bytes well inside f64's exact integer range.
        if size > MAX_FILE_BYTES as f64 && !name.to_lowercase().ends_with(".json") {
            // A spreadsheet: the table dialog says so in its words.
            self.table(name, TableInput::TooLarge(size as usize));
            return;
        }
        if size > MAX_FILE_BYTES as f64 {
            self.refuse(
                name,
                FileError::TooLarge {
                    bytes: size as usize,
                },
            );
            return;
        }
        let import = *self;
        leptos::task::spawn_local(async move {
            let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
            let Ok(buffer) = buffer else {
                import.refuse(name, FileError::NotAPlanFile);
                return;
            };
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            import.read_bytes(name, bytes);
        });
    }

    /// A plan file (JSON, by its name, or by its first character when the
    /// name is no spreadsheet's) is previewed as a plan; anything else is a
    /// table for the dialog to read.
    pub fn read_bytes(&self, name: String, bytes: Vec<u8>) {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        let lower = name.to_lowercase();
        let table = [".xlsx", ".xls", ".ods", ".csv", ".tsv", ".txt"]
            .iter()
            .any(|ext| lower.ends_with(ext));
        let json = lower.ends_with(".json")
            || !table && body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
        if json {
            match String::from_utf8(body.to_vec()) {
                Ok(text) => self.preview(name, &text),
                Err(_) => self.refuse(name, FileError::NotAPlanFile),
            }
        } else {
            self.table(name, TableInput::Bytes(bytes.into()));
        }
    }
}

/// Drag-and-drop of a file anywhere on the page, and JSON pasted outside a
/// text field, both open the import preview.
pub fn listen_for_files(import: Import) -> impl FnOnce() {
    let on_dragover = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let on_drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            import.read_file(file);
        }
    });
    let on_paste = window_event_listener(leptos::ev::paste, move |ev| {
        let in_field = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if in_field {
            return;
        }
        let Some(text) = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
        else {
            return;
        };
        if text.trim_start().starts_with('{') {
            ev.prevent_default();
            let source = import
                .nav
                .lang
                .get_untracked()
                .pick("붙여넣은 내용", "pasted text")
                .to_string();
            import.preview(source, &text);
        } else if text.contains('\t') {
            // A range copied from a spreadsheet, pasted outside any table.
            ev.prevent_default();
            let source = import
                .nav
                .lang
                .get_untracked()
                .pick("붙여넣은 표", "pasted range")
                .to_string();
            import.table(source, TableInput::Pasted(text));
        }
    });
    move || {
        on_dragover.remove();
        on_drop.remove();
        on_paste.remove();
    }
}
