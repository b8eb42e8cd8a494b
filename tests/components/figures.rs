//! The one figure cell, driven through the DOM: entering selects, the plan
//! holds only a complete text's value, a refused text is a draft that the
//! problems panel lists and that survives a view change and a reload, Esc
//! puts the entered value back; blocks pasted into the status table; an
//! index with an unreadable summary keeps every other plan.

use std::rc::Rc;

use planner_core::file::encode_compact;
use planner_core::file::library::{Library, PlanSummary};
use planner_core::fixtures::demo::demo_plan;
use planner_core::rules::validate::validate;
use planner_core::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

use super::support::*;
use budget_planner::storage::{drafts_key, plan_key, INDEX_KEY};

fn stored_budget(store: &MemoryStore, program: usize) -> String {
    let plan = planner_core::file::decode(&store.plan_text(1).unwrap())
        .unwrap()
        .plan;
    plan.programs[program].budget.unwrap().this_year.to_string()
}

#[wasm_bindgen_test]
async fn a_refused_text_keeps_the_entered_value_is_listed_and_survives_a_reload() {
    let store = Rc::new(MemoryStore::default());
    let root = mount_at(store.clone(), Lang::En, "#status");
    settle().await;
    let cell = input(&root, "#program-4-budget-this-year");
    focus(&cell);
    settle().await;
    // Entering selects the whole figure, as a spreadsheet does.
    let len = cell.value().encode_utf16().count() as u32;
    assert_eq!(cell.selection_start().unwrap(), Some(0));
    assert_eq!(cell.selection_end().unwrap(), Some(len));
    // A complete figure is taken as it is typed…
    type_into(&cell, "12,345");
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=total-this-year]"), "1,716,643");
    // …and the text after it, which cannot be read, is not: the plan goes back
    // to the value the cell was entered with, not to the last readable prefix.
    type_into(&cell, "12,3450");
    settle().await;
    assert_eq!(cell.value(), "12,3450");
    assert_eq!(cell.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(text_of(&root, "[data-testid=total-this-year]"), "1,780,060");
    let message = text_of(&root, "#program-4-budget-this-year-msg");
    assert!(
        message.contains("12,3450") && message.contains("75,762"),
        "{message}"
    );
    let panel = text_of(&root, "[data-testid=problems-panel]");
    assert!(panel.contains("errors 1"), "{panel}");
    assert!(panel.contains("기본경비 · Budget · This year"), "{panel}");
    assert!(root
        .query_selector("[data-testid=problems-panel] li[data-code='entry.unreadable'] a")
        .unwrap()
        .is_some());
    page_hide();
    assert_eq!(stored_budget(&store, 3), "75,762,000");
    assert!(store.entries.borrow().get(&drafts_key(1)).is_some());
    drop(root);

    // A reload: the draft is still in its cell, with its message and in the panel.
    let root = mount_at(store.clone(), Lang::En, "#status");
    settle().await;
    let cell = input(&root, "#program-4-budget-this-year");
    assert_eq!(cell.value(), "12,3450");
    assert!(text_of(&root, "#program-4-budget-this-year-msg").contains("cannot be taken"));
    assert_eq!(text_of(&root, "[data-testid=total-this-year]"), "1,780,060");
    // Esc puts back the value the cell was entered with and drops the draft.
    focus(&cell);
    press(&cell, "Escape");
    settle().await;
    assert_eq!(cell.value(), "75,762");
    assert!(text_of(&root, "[data-testid=problems-panel]").contains("No problems"));
    assert!(store.entries.borrow().get(&drafts_key(1)).is_none());
    drop(root);
}

#[wasm_bindgen_test]
async fn a_draft_outlives_a_view_change_and_a_fixed_text_is_taken() {
    let store = Rc::new(MemoryStore::default());
    let root = mount_at(store.clone(), Lang::En, "#schedule/pledge-1");
    settle().await;
    let cell = input(&root, "#pledge-1-source-city-y2019");
    focus(&cell);
    type_into(&cell, "5x0");
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=grid-total]"), "3,528");
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#overview")
        .unwrap();
    settle().await;
    settle().await;
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#schedule/pledge-1")
        .unwrap();
    settle().await;
    settle().await;
    let cell = input(&root, "#pledge-1-source-city-y2019");
    assert_eq!(cell.value(), "5x0");
    assert!(text_of(&root, "#pledge-1-source-city-y2019-msg").contains("'x'"));
    focus(&cell);
    type_into(&cell, "550");
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=grid-total]"), "3,538");
    assert!(root
        .query_selector("#pledge-1-source-city-y2019-msg")
        .unwrap()
        .is_none());
    drop(root);
}

#[wasm_bindgen_test]
async fn a_figure_beyond_its_limit_is_refused_and_never_reaches_the_totals() {
    let store = Rc::new(MemoryStore::default());
    let root = mount_at(store.clone(), Lang::En, "#status");
    settle().await;
    let cell = input(&root, "#program-4-budget-this-year");
    focus(&cell);
    // Typed digit by digit: every prefix up to the limit is taken, the rest not.
    let mut text = String::from("1");
    type_into(&cell, &text);
    for _ in 0..29 {
        text.push('0');
        type_into(&cell, &text);
    }
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=total-this-year]"), "1,780,060");
    assert!(text_of(&root, "#program-4-budget-this-year-msg").contains("too large"));
    page_hide();
    assert_eq!(stored_budget(&store, 3), "75,762,000");
    let index = Library::decode(store.entries.borrow().get(INDEX_KEY).unwrap()).unwrap();
    assert!(index.unreadable.is_empty());
    drop(root);
}

#[wasm_bindgen_test]
async fn a_block_pasted_into_the_status_table_fills_rows_and_columns() {
    let store = Rc::new(MemoryStore::default());
    let root = mount_at(store.clone(), Lang::En, "#status");
    settle().await;
    let name = input(&root, "tr[data-program='1'] input.name");
    paste(&name, "청년 일자리\t1,000\t500\r\n주민 참여\t2,000\t-\r\n");
    settle().await;
    assert_eq!(name.value(), "청년 일자리", "no tab lands in a name cell");
    assert_eq!(input(&root, "#program-1-budget-this-year").value(), "1,000");
    assert_eq!(input(&root, "#program-2-budget-prior-year").value(), "0");
    // A new row starts empty, with a placeholder, and its name is no problem yet.
    let add: HtmlElement = root
        .query_selector(".status-view .table-actions button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    add.click();
    settle().await;
    let newest = root
        .query_selector_all("tbody tr[data-program] input.name")
        .unwrap();
    let last: HtmlInputElement = newest.item(newest.length() - 1).unwrap().unchecked_into();
    assert_eq!(last.value(), "");
    assert_eq!(last.placeholder(), "New unit program");
    assert!(!text_of(&root, "[data-testid=problems-panel]").contains("name is empty"));
    drop(root);
}

#[wasm_bindgen_test]
async fn an_unreadable_summary_costs_no_other_plan_nor_a_deletion() {
    // An index as an earlier build wrote it: plan 2's summary holds a grand
    // total of 10^30, which no reader can take.
    let store = Rc::new(MemoryStore::default());
    let plan = demo_plan();
    let mut library = Library::new();
    for id in 1..=3 {
        let mut p = plan.clone();
        p.title = format!("plan {id}");
        store.entries.borrow_mut().insert(
            plan_key(id),
            encode_compact(&p, "0.1.0", "2026-11-30T00:00:00Z"),
        );
        library.upsert(PlanSummary::of(
            id,
            &p,
            &validate(&p),
            "2026-11-30T00:00:00Z",
        ));
    }
    library.open = Some(3);
    library.delete(1);
    let text = library.encode().replacen(
        "\"id\":2,\"title\":\"plan 2\",\"first_year\":2014,\"last_year\":2022,\"grand_total\":\"4532711000\"",
        "\"id\":2,\"title\":\"plan 2\",\"first_year\":2014,\"last_year\":2022,\"grand_total\":\"1000000000000000000000000000000\"",
        1,
    );
    assert!(text.contains("10000000000000000000000000"), "{text}");
    store.entries.borrow_mut().insert(INDEX_KEY.into(), text);
    let root = mount_at(store.clone(), Lang::En, "#plans");
    settle().await;
    // No quarantine, the open plan is still plan 3, plan 1 stays deleted.
    assert!(root.query_selector(".notice").unwrap().is_none());
    assert_eq!(text_of(&root, "[data-testid=plan-title]"), "plan 3");
    let index = Library::decode(store.entries.borrow().get(INDEX_KEY).unwrap()).unwrap();
    let ids: Vec<u32> = index.plans.iter().map(|p| p.id).collect();
    assert_eq!(ids, vec![3, 2]);
    assert_eq!(index.deleted.as_ref().map(|p| p.id), Some(1));
    assert_eq!(index.open, Some(3));
    // The broken summary was rebuilt from its entry.
    assert_eq!(index.plans[1].title, "plan 2");
    assert_eq!(index.plans[1].grand_total.to_string(), "4,532,711,000");
    drop(root);
}
