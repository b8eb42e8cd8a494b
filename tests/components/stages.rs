//! Budget stages (issue 16): a new stage starts as a copy and the header names
//! it; a locked stage's figure cells are read-only and a key typed into one is
//! refused with a message; the compare view shows the changed cell.

use std::rc::Rc;

use planner_core::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use super::support::*;

#[wasm_bindgen_test]
async fn a_locked_stage_refuses_a_typed_figure_and_says_so() {
    let store = Rc::new(MemoryStore::default());
    let root = open("stages", store.clone(), Lang::Ko).await;
    assert_eq!(text_of(&root, "[data-testid=stage-name]"), "부서 요구");
    click(&root, "[data-testid=add-stage]");
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=stage-name]"), "편성안");
    click(&root, "[data-testid=stage-2] [data-testid=lock-stage]");
    settle().await;
    assert!(text_of(&root, "[data-testid=stage-bar]").contains("확정"));

    set_fragment("status");
    settle().await;
    let cell = input(&root, "#program-1-budget-this-year");
    assert!(cell.read_only(), "a locked stage's figure is read-only");
    assert!(!exists(&root, "[data-testid=locked-notice]"));
    let typed = key(cell.unchecked_ref(), "7", "Digit7", false, false);
    settle().await;
    assert!(!typed, "the key is cancelled");
    let notice = text_of(&root, "[data-testid=locked-notice]");
    assert!(notice.contains("‘편성안’ 단계는 확정되어 잠겨"), "{notice}");
    assert_eq!(cell.value(), "625,648");
    // An indicator is not stage money: it stays editable.
    set_fragment("pledge/pledge-1");
    settle().await;
    let target = root
        .query_selector("input.quantity")
        .unwrap()
        .map(|e| e.unchecked_into::<web_sys::HtmlInputElement>());
    assert!(target.is_some_and(|t| !t.read_only()));
    autosaved().await;
    let plan = store.saved_plan();
    assert!(plan.stages.current_locked());
    assert_eq!(plan.stages.list.len(), 2);
    drop(root);
}

#[wasm_bindgen_test]
async fn the_compare_view_shows_the_changed_budget() {
    let store = Rc::new(MemoryStore::default());
    let root = open("stages", store.clone(), Lang::Ko).await;
    click(&root, "[data-testid=add-stage]");
    settle().await;
    set_fragment("status");
    settle().await;
    type_into(&input(&root, "#program-4-budget-this-year"), "70,000");
    settle().await;
    set_fragment("stages");
    settle().await;
    let row = text_of(&root, "[data-testid=compare-budget-program-4]");
    assert!(
        row.contains("75,762") && row.contains("70,000") && row.contains("△5,762"),
        "{row}"
    );
    let total = text_of(&root, "[data-testid=compare-budget-total]");
    assert!(
        total.contains("1,780,060") && total.contains("1,774,298"),
        "{total}"
    );
    assert!(!exists(&root, "[data-testid=compare-basis]"));

    // A line item added in the new stage: both stages' 산출기초 side by side.
    set_fragment("items/program-4");
    settle().await;
    click(&root, "[data-testid=add-line-item]");
    settle().await;
    type_into(
        &input(&root, "#program-4-item-0-basis"),
        "5,000원 × 300부 = 1,500",
    );
    settle().await;
    set_fragment("stages");
    settle().await;
    let basis = text_of(&root, "[data-testid=compare-basis-program-4]");
    assert!(
        basis.contains("5,000원 × 300부 = 1,500") && basis.contains("계 1,500"),
        "{basis}"
    );
    drop(root);
}
