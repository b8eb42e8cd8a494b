//! Component tests: the real components mounted in headless Chromium
//! (wasm-bindgen-test), driven through the DOM as the browser would.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use budget_planner::panic;
use budget_planner::storage::{
    classify_dom_error, plan_key, quarantine_key, SaveError, INDEX_KEY, LEGACY_PLAN_KEY,
    WELCOME_KEY,
};
use planner_core::file::decode;
use planner_core::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "components/deck.rs"]
mod deck;
#[path = "components/durability.rs"]
mod durability;
#[path = "components/figures.rs"]
mod figures;
#[path = "components/grid.rs"]
mod grid;
#[path = "components/home.rs"]
mod home;
#[path = "components/import.rs"]
mod import;
#[path = "components/overview.rs"]
mod overview;
#[path = "components/parts.rs"]
mod parts;
#[path = "components/pledge.rs"]
mod pledge;
#[path = "components/printed.rs"]
mod printed;
#[path = "components/stages.rs"]
mod stages;
#[path = "components/support.rs"]
mod support;

use support::*;

#[wasm_bindgen_test]
async fn first_visit_shows_the_seed_table() {
    let root = mount(Rc::new(MemoryStore::default()), Lang::Ko);
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=total-this-year]"), "1,780,060");
    assert_eq!(text_of(&root, "[data-testid=total-prior-year]"), "654,714");
    assert_eq!(text_of(&root, "[data-testid=total-change]"), "1,125,346");
    assert!(text_of(&root, "tr[data-program='4']").contains("△21,634"));
    assert_eq!(text_of(&root, "[data-testid=unit-caption]"), "(단위: 천원)");
    drop(root);
}

#[wasm_bindgen_test]
async fn typing_updates_totals_and_saves() {
    let store = Rc::new(MemoryStore::default());
    let root = mount(store.clone(), Lang::En);
    settle().await;
    let cell = input(&root, "#program-4-budget-this-year");
    type_into(&cell, "100,000");
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=total-this-year]"), "1,804,298");
    assert_eq!(text_of(&root, "[data-testid=total-change]"), "1,149,584");
    assert_eq!(text_of(&root, "[data-testid=save-state]"), "✎ Saving…");
    autosaved().await;
    let saved = decode(&store.plan_text(1).unwrap()).unwrap();
    assert_eq!(
        saved.plan.programs[3].budget.unwrap().this_year.to_string(),
        "100,000,000"
    );
    assert!(text_of(&root, "[data-testid=save-state]").starts_with("✓ Saved in this browser · "));
    drop(root);
}

#[wasm_bindgen_test]
async fn a_bad_entry_is_explained_and_the_plan_keeps_the_last_good_value() {
    let store = Rc::new(MemoryStore::default());
    let root = mount(store.clone(), Lang::En);
    settle().await;
    let stored = store.plan_text(1);
    let cell = input(&root, "#program-1-budget-prior-year");
    type_into(&cell, "14a");
    autosaved().await;
    assert_eq!(cell.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(text_of(&root, "#program-1-budget-prior-year-msg").contains("'a'"));
    assert_eq!(text_of(&root, "[data-testid=total-prior-year]"), "654,714");
    assert_eq!(
        store.plan_text(1),
        stored,
        "nothing was saved for a bad entry"
    );
    type_into(&cell, "△5");
    settle().await;
    // The figure is readable now; what remains is the rule it breaks.
    let message = text_of(&root, "#program-1-budget-prior-year-msg");
    assert!(!message.contains("'a'"), "{message}");
    assert!(message.contains("negative"), "{message}");
    assert_eq!(text_of(&root, "[data-testid=total-prior-year]"), "509,569");
    drop(root);
}

#[wasm_bindgen_test]
async fn a_full_quota_says_not_saved_and_keeps_the_previous_save() {
    let store = Rc::new(MemoryStore::default());
    let root = mount(store.clone(), Lang::En);
    settle().await;
    type_into(&input(&root, "#program-2-budget-this-year"), "1");
    autosaved().await;
    let before = store.plan_text(1);
    *store.fail_with.borrow_mut() = Some(SaveError::QuotaExceeded);
    type_into(&input(&root, "#program-2-budget-this-year"), "2");
    autosaved().await;
    assert!(text_of(&root, "[data-testid=save-state]").contains("storage is full"));
    assert_eq!(store.plan_text(1), before);
    drop(root);
}

#[wasm_bindgen_test]
async fn an_unreadable_stored_plan_is_set_aside_not_overwritten() {
    let store = Rc::new(MemoryStore::default());
    store
        .entries
        .borrow_mut()
        .insert(LEGACY_PLAN_KEY.into(), "{ not json".into());
    let root = mount(store.clone(), Lang::En);
    settle().await;
    assert!(text_of(&root, ".notice").contains("could not be read"));
    assert_eq!(
        store
            .entries
            .borrow()
            .get(&quarantine_key("legacy"))
            .map(String::as_str),
        Some("{ not json")
    );
    drop(root);
}

#[wasm_bindgen_test]
async fn blocked_storage_is_announced_and_the_app_still_works() {
    let store = Rc::new(MemoryStore::default());
    *store.fail_with.borrow_mut() = Some(SaveError::Blocked);
    let root = mount(store, Lang::Ko);
    settle().await;
    assert!(text_of(&root, ".notice").contains("저장소를 막고"));
    type_into(&input(&root, "#program-4-budget-this-year"), "0");
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=total-this-year]"), "1,704,298");
    drop(root);
}

#[wasm_bindgen_test]
fn every_browser_quota_error_counts_as_quota() {
    assert_eq!(
        classify_dom_error("QuotaExceededError", 22),
        SaveError::QuotaExceeded
    );
    assert_eq!(
        classify_dom_error("NS_ERROR_DOM_QUOTA_REACHED", 1014),
        SaveError::QuotaExceeded
    );
    assert_eq!(classify_dom_error("Error", 22), SaveError::QuotaExceeded);
    assert_eq!(classify_dom_error("SecurityError", 18), SaveError::Blocked);
}

#[wasm_bindgen_test]
fn the_panic_banner_offers_the_plan_and_a_reload() {
    panic::remember_lang(Lang::En);
    panic::remember_plan("{\"format\":\"budget-planner/plan\"}");
    panic::show_banner("panicked at src/example.rs:1:1");
    let banner = document().get_element_by_id(panic::BANNER_ID).unwrap();
    let text = banner.text_content().unwrap();
    assert!(text.contains("Something went wrong"), "{text}");
    assert!(text.contains("example.rs"));
    let link = banner.query_selector("a[download]").unwrap().unwrap();
    assert!(link.get_attribute("href").unwrap().starts_with("blob:"));
    banner.remove();
}

#[wasm_bindgen_test]
async fn undo_and_redo_restore_the_table_and_the_saved_plan() {
    let store = Rc::new(MemoryStore::default());
    let root = mount(store.clone(), Lang::En);
    settle().await;
    let cell = input(&root, "#program-4-budget-this-year");
    for typed in ["1", "10", "100"] {
        type_into(&cell, typed);
        settle().await;
    }
    assert_eq!(text_of(&root, "[data-testid=total-this-year]"), "1,704,398");
    let undo: HtmlElement = root
        .query_selector(".undo-redo button:first-child")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let redo: HtmlElement = root
        .query_selector(".undo-redo button:last-child")
        .unwrap()
        .unwrap()
        .unchecked_into();
    undo.click();
    settle().await;
    // Three keystrokes in one cell are one step.
    assert_eq!(text_of(&root, "[data-testid=total-this-year]"), "1,780,060");
    assert_eq!(cell.value(), "75,762");
    autosaved().await;
    let saved = decode(&store.plan_text(1).unwrap()).unwrap();
    assert_eq!(
        saved.plan.programs[3].budget.unwrap().this_year.to_string(),
        "75,762,000"
    );
    redo.click();
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=total-this-year]"), "1,704,398");
    assert_eq!(cell.value(), "100");
    drop(root);
}
