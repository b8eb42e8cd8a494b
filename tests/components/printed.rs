//! Printed totals (issue 15): a total cell holds the document's figure and
//! shows equal, within rounding or wrong; the rounding unit is set where the
//! table is; the status table takes a printed 증감 such as △21,634.

use std::rc::Rc;

use planner_core::Lang;
use wasm_bindgen_test::*;

use super::support::*;

fn class_of(root: &web_sys::HtmlElement, selector: &str) -> String {
    attr(root, selector, "class").unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_printed_column_total_is_equal_within_rounding_or_wrong() {
    let store = Rc::new(MemoryStore::default());
    let root = open("schedule/pledge-1", store.clone(), Lang::Ko).await;
    assert!(
        !exists(&root, "#pledge-1-total-y2018"),
        "no printed cells until asked for"
    );
    click(&root, "[data-testid=check-printed]");
    settle().await;
    let printed = input(&root, "#pledge-1-total-y2018");
    type_into(&printed, "598");
    settle().await;
    assert!(class_of(&root, "[data-total=total-y2018]").contains("printed-equal"));
    assert_eq!(text_of(&root, "[data-testid=total-y2018]"), "598");

    // One off, with the table exact: an error at the cell.
    type_into(&printed, "599");
    settle().await;
    assert!(class_of(&root, "[data-total=total-y2018]").contains("printed-wrong"));
    assert!(text_of(&root, "#pledge-1-total-y2018-msg").contains("오류"));

    // The document was printed in 백만원: the same difference is rounding.
    choose(&root, "[data-testid=grid-rounding]", "million");
    settle().await;
    assert!(class_of(&root, "[data-total=total-y2018]").contains("printed-rounding"));
    let message = text_of(&root, "#pledge-1-total-y2018-msg");
    assert!(
        message.contains("경고") && message.contains("반올림"),
        "{message}"
    );
    autosaved().await;
    let plan = store.saved_plan();
    assert_eq!(plan.pledges[0].schedule.printed.len(), 1);
    assert_eq!(
        plan.pledges[0].schedule.rounded_in,
        Some(planner_core::Unit::Million)
    );

    // Clearing the printed figure leaves nothing to check.
    type_into(&printed, "");
    settle().await;
    let class = class_of(&root, "[data-total=total-y2018]");
    assert!(!class.contains("printed-"), "{class}");
    drop(root);
}

#[wasm_bindgen_test]
async fn the_status_table_takes_a_printed_cut_as_its_hint_writes_it() {
    let store = Rc::new(MemoryStore::default());
    let root = open("status", store.clone(), Lang::Ko).await;
    click(&root, "[data-testid=status-check-printed]");
    settle().await;
    // 기본경비: 75,762 − 97,396 = △21,634.
    let change = input(&root, "#program-4-budget-change");
    type_into(&change, "△21,634");
    settle().await;
    assert!(!exists(&root, "#program-4-budget-change-msg"));
    let row = "tr[data-program=\"4\"] [data-total=row-change]";
    assert!(class_of(&root, row).contains("printed-equal"));
    type_into(&change, "△21,643");
    settle().await;
    assert!(class_of(&root, row).contains("printed-wrong"));
    assert!(text_of(&root, "#program-4-budget-change-msg").contains("21,634"));
    drop(root);
}

#[wasm_bindgen_test]
async fn the_average_column_appears_when_asked_for_and_foots() {
    let root = open(
        "schedule/pledge-1",
        Rc::new(MemoryStore::default()),
        Lang::En,
    )
    .await;
    assert!(!exists(&root, "[data-testid=grid-average]"));
    click(&root, "[data-testid=show-average]");
    settle().await;
    // 3,528 over the five years of the term: 705.6 → 706; city 2,450 → 490, district 1,078 → 215.6 → 216.
    assert_eq!(text_of(&root, "[data-testid=grid-average]"), "706");
    assert_eq!(text_of(&root, "[data-testid=row-city-average]"), "490");
    assert_eq!(text_of(&root, "[data-testid=row-district-average]"), "216");
    drop(root);
}
