//! Importing a plan file: from the file picker, a file dropped on the page,
//! or JSON pasted outside a cell. The file is checked first and shown as a
//! preview; nothing changes until the user adds it as a new plan or lets it
//! replace the open one (whose current state is kept as a version first).
//! A bad file gets a message with the JSON path, and nothing changes.

use leptos::prelude::*;
use planner_core::file::{decode, FileError, MAX_FILE_BYTES};
use planner_core::rules::validate::{count_by_severity, validate};
use planner_core::Plan;
use wasm_bindgen::JsCast;

use crate::state::{AppState, View};

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

/// What the import dialog shows: a preview, or why the file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Import {
    /// The file reads as a plan.
    Ready(ImportPreview),
    /// The file was refused; nothing changed.
    Refused { source: String, error: FileError },
}

impl AppState {
    /// Checks a file's text and shows the preview (or the refusal).
    pub fn preview_import(&self, source: String, text: &str) {
        let result = match decode(text) {
            Ok(file) => {
                let problems = count_by_severity(&validate(&file.plan));
                Import::Ready(ImportPreview {
                    source,
                    plan: file.plan,
                    problems,
                })
            }
            Err(error) => Import::Refused { source, error },
        };
        self.import.set(Some(result));
    }

    /// Refuses a file too large to read, without reading it.
    pub fn refuse_large_file(&self, source: String, bytes: usize) {
        self.import.set(Some(Import::Refused {
            source,
            error: FileError::TooLarge { bytes },
        }));
    }

    /// Adds the previewed plan as a new plan and opens it.
    pub fn import_as_new(&self) {
        let Some(Import::Ready(preview)) = self.import.get_untracked() else {
            return;
        };
        if self.add_plan(preview.plan).is_some() {
            self.import.set(None);
            self.go(View::Overview, None);
        }
    }

    /// Replaces the open plan with the previewed one, as one undoable step;
    /// the open plan's saved state is kept as a version first.
    pub fn import_replacing_open(&self) {
        let Some(Import::Ready(preview)) = self.import.get_untracked() else {
            return;
        };
        if self.plan_id.get_untracked().is_none() {
            return;
        }
        self.flush();
        self.keep_version_now();
        self.replace_plan(preview.plan);
        self.import.set(None);
        self.flush();
        self.go(View::Overview, None);
    }

    /// Closes the dialog; nothing changes.
    pub fn cancel_import(&self) {
        self.import.set(None);
    }
}

/// Reads a picked or dropped file and previews it; a file over the size limit
/// is refused before it is read.
pub fn read_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    let size = file.size();
    // File sizes are whole bytes well inside f64's exact integer range.
    if size > MAX_FILE_BYTES as f64 {
        state.refuse_large_file(name, size as usize);
        return;
    }
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        match text.ok().and_then(|t| t.as_string()) {
            Some(text) => state.preview_import(name, &text),
            None => state.import.set(Some(Import::Refused {
                source: name,
                error: FileError::NotAPlanFile,
            })),
        }
    });
}

/// Drag-and-drop of a file anywhere on the page, and JSON pasted outside a
/// text field, both open the import preview.
pub fn listen_for_files(state: AppState) -> impl FnOnce() {
    let on_dragover = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let on_drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            read_file(state, file);
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
            let source = state
                .lang
                .get_untracked()
                .pick("붙여넣은 내용", "pasted text")
                .to_string();
            state.preview_import(source, &text);
        }
    });
    move || {
        on_dragover.remove();
        on_drop.remove();
        on_paste.remove();
    }
}
