//! The plans home's button that opens the file picker; the file goes to the
//! import state, whose dialog (src/components/chrome/import_dialog.rs) is
//! loaded with the first file.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::{use_import, use_nav};

/// The button that opens the file picker (and says drop and paste work too).
#[component]
pub fn ImportButton() -> impl IntoView {
    let nav = use_nav();
    let import = use_import();
    let pick = move |ko: &'static str, en: &'static str| nav.lang.get().pick(ko, en);
    let on_change = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                import.read_file(file);
            }
            input.set_value("");
        }
    };
    view! {
        <div class="import-file">
            <label class="button-like">
                {move || pick("계획 파일 가져오기…", "Import a plan file…")}
                <input type="file" id="import-file-input" accept=".json,application/json,.xlsx,.xls,.ods,.csv,.tsv,.txt,text/csv" class="visually-hidden" on:change=on_change data-testid="import-input"/>
            </label>
            <span class="hint">{move || pick("엑셀·LibreOffice 표(XLSX, XLS, ODS)와 CSV도 가져옵니다. 파일을 이 페이지에 끌어다 놓거나, 파일 내용이나 복사한 표를 붙여넣어도 됩니다.", "Spreadsheets (XLSX, XLS, ODS) and CSV files import too. You can also drop a file on this page, or paste a file's contents or a copied range.")}</span>
        </div>
    }
}
