//! The table import dialog (issue 19): a range pasted outside any table is
//! found as a table, its mapping can be changed, the preview follows, and
//! adding it to the open plan is one undoable step.

use std::rc::Rc;

use planner_core::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlSelectElement;

use super::support::*;

/// A paste on the page (not in a field), as a spreadsheet's copied range.
fn paste_on_page(text: &str) {
    js(
        "text",
        "const dt = new DataTransfer(); dt.setData('text/plain', text);\
         document.body.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));",
    )
    .call1(&wasm_bindgen::JsValue::NULL, &text.into())
    .unwrap();
}

#[wasm_bindgen_test]
async fn a_pasted_range_is_mapped_previewed_and_added_as_one_undo_step() {
    let store = Rc::new(MemoryStore::default());
    let root = open("#status", store.clone(), Lang::En).await;
    autosaved().await;
    let before = store.saved_plan();
    let first = before.programs[0].name.clone();
    paste_on_page(&format!("단위사업명\t예산액\t전년도 예산액\n{first}\t1,234\t1,000\n새 사업\t△5\t0\n계\t1,229\t1,000\n"));
    settle().await;
    assert_eq!(
        attr(&root, "[data-testid=import-table]", "data-kind").as_deref(),
        Some("status")
    );
    let summary = text_of(&root, "[data-testid=import-summary]");
    assert!(
        summary.contains("6 printed totals checked")
            || summary.contains("2 printed totals checked"),
        "{summary}"
    );
    assert!(summary.contains("in the tables: 0 errors"), "{summary}");
    let changes = text_of(&root, "[data-testid=import-changes]");
    assert!(
        changes.contains(&format!("{first} · this year"))
            && changes.contains("New program: 새 사업"),
        "{changes}"
    );
    assert_eq!(store.saved_plan(), before, "a preview changes nothing");

    // Said to be nothing, it imports nothing; the button says so.
    choose(&root, "[data-testid=import-kind]", "skip");
    settle().await;
    assert!(text_of(&root, "[data-testid=import-summary]").starts_with("0 changes"));
    let button: web_sys::HtmlButtonElement = root
        .query_selector("[data-testid=import-tables]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(button.disabled());
    // A column mapped away is not read.
    choose(&root, "[data-testid=import-kind]", "status");
    settle().await;
    let roles = root
        .query_selector_all("[data-testid=import-role]")
        .unwrap();
    assert_eq!(roles.length(), 3);
    let prior: HtmlSelectElement = roles.item(2).unwrap().unchecked_into();
    assert_eq!(prior.value(), "prior");
    prior.set_value("skip");
    prior
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    let changes = text_of(&root, "[data-testid=import-changes]");
    assert!(!changes.contains("prior year"), "{changes}");

    click(&root, "[data-testid=import-tables]");
    autosaved().await;
    let after = store.saved_plan();
    assert_eq!(after.programs.len(), before.programs.len() + 1);
    assert_eq!(
        after.programs[0].budget.unwrap().this_year,
        planner_core::Amount::won(1_234_000)
    );
    assert_eq!(
        after.programs[0].budget.unwrap().prior_year,
        before.programs[0].budget.unwrap().prior_year,
        "the skipped column is untouched"
    );
    assert!(!exists(&root, ".import-dialog"), "the dialog closes");
    // One undo gives the plan back exactly.
    key(&document().body().unwrap(), "z", "KeyZ", true, false);
    autosaved().await;
    assert_eq!(store.saved_plan(), before);
    drop(root);
}

#[wasm_bindgen_test]
async fn a_bad_file_gets_its_message_in_the_dialog() {
    let store = Rc::new(MemoryStore::default());
    let root = open("#plans", store.clone(), Lang::Ko).await;
    autosaved().await;
    let before = store.entries.borrow().clone();
    // A file dropped on the page, as the browser delivers it.
    js(
        "name",
        "const dt = new DataTransfer(); dt.items.add(new File([new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 0, 9])], name));\
         document.body.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));",
    )
    .call1(&wasm_bindgen::JsValue::NULL, &"깨진.xlsx".into())
    .unwrap();
    for _ in 0..50 {
        if exists(&root, "[data-testid=import-error]") {
            break;
        }
        sleep(20).await;
    }
    let error = text_of(&root, "[data-testid=import-error]");
    let error = error.trim_start_matches("⚠").trim();
    assert!(
        error.starts_with("깨진.xlsx:") && error.contains("아무것도 바뀌지 않았습니다"),
        "{error}"
    );
    assert_eq!(*store.entries.borrow(), before);
    drop(root);
}
