//! The pledge targets, line items and settings views, driven through the DOM.

use std::rc::Rc;

use planner_core::model::plan::{Actor, PledgeStatus};
use planner_core::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use super::support::*;

#[wasm_bindgen_test]
async fn typed_targets_and_actuals_show_the_achievement() {
    let store = Rc::new(MemoryStore::default());
    let root = open("#pledge/pledge-1", store.clone(), Lang::Ko).await;
    // The seed card: 3,000 target, 1,941 actual, 64.7%.
    assert_eq!(
        text_of(
            &root,
            "#pledge-1-indicator-1-target-total [data-testid=figure]"
        ),
        "3,000"
    );
    assert_eq!(
        text_of(
            &root,
            "#pledge-1-indicator-1-actual-total [data-testid=figure]"
        ),
        "1,941"
    );
    assert_eq!(text_of(&root, "[data-testid=achievement-1-1]"), "64.7%");
    assert_eq!(
        input(&root, "#pledge-1-indicator-1-actual-y2019").value(),
        "967"
    );
    assert_eq!(
        attr(&root, ".progress-fill", "style").as_deref(),
        Some("width: 64.7%;")
    );
    // A 2021 actual (the base year) raises the achievement: 2,591 / 3,000.
    type_into(&input(&root, "#pledge-1-indicator-1-actual-y2021"), "650");
    settle().await;
    assert_eq!(
        text_of(
            &root,
            "#pledge-1-indicator-1-actual-total [data-testid=figure]"
        ),
        "2,591"
    );
    assert_eq!(text_of(&root, "[data-testid=achievement-1-1]"), "86.4%");
    assert_eq!(
        store.saved_plan().pledges[0].indicators[0].years[&2021].actual,
        Some(rust_decimal::Decimal::from(650))
    );
    // The document stated 1,941: the total cell says so and offers the sum.
    assert!(text_of(&root, "#pledge-1-indicator-1-actual-total-msg").contains("1,941"));
    click(&root, "#pledge-1-indicator-1-actual-total button");
    settle().await;
    assert!(!exists(&root, "#pledge-1-indicator-1-actual-total-msg"));
    assert_eq!(
        store.saved_plan().pledges[0].indicators[0].stated_actual_total,
        Some(rust_decimal::Decimal::from(2_591))
    );

    // A new indicator, typed from scratch.
    click(&root, "[data-testid=add-indicator]");
    settle().await;
    assert!(exists(&root, "#pledge-1-indicator-2-target-y2018"));
    type_into(&input(&root, "#pledge-1-indicator-2-target-y2018"), "1,000");
    type_into(&input(&root, "#pledge-1-indicator-2-target-y2019"), "1,000");
    type_into(&input(&root, "#pledge-1-indicator-2-actual-y2018"), "1,941");
    settle().await;
    assert_eq!(
        text_of(
            &root,
            "#pledge-1-indicator-2-target-total [data-testid=figure]"
        ),
        "2,000"
    );
    assert_eq!(text_of(&root, "[data-testid=achievement-1-2]"), "97.1%");
    // Emptying a cell (or `-`) means "not reported", not zero.
    type_into(&input(&root, "#pledge-1-indicator-2-actual-y2018"), "-");
    settle().await;
    assert_eq!(
        store.saved_plan().pledges[0].indicators[1]
            .years
            .get(&2018)
            .and_then(|y| y.actual),
        None
    );
    drop(root);
}

#[wasm_bindgen_test]
async fn a_letter_in_a_quantity_cell_is_explained_and_the_plan_keeps_its_value() {
    let store = Rc::new(MemoryStore::default());
    let root = open("#pledge/pledge-1", store.clone(), Lang::En).await;
    let cell = input(&root, "#pledge-1-indicator-1-target-y2018");
    type_into(&cell, "50o");
    settle().await;
    assert_eq!(cell.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        cell.get_attribute("aria-describedby").as_deref(),
        Some("pledge-1-indicator-1-target-y2018-msg")
    );
    let message = text_of(&root, "#pledge-1-indicator-1-target-y2018-msg");
    assert!(message.contains("'o'"), "{message}");
    assert!(message.contains("Error"), "{message}");
    assert_eq!(cell.value(), "50o", "the typed text stays to be fixed");
    assert_eq!(
        text_of(
            &root,
            "#pledge-1-indicator-1-target-total [data-testid=figure]"
        ),
        "3,000"
    );
    assert_eq!(text_of(&root, "[data-testid=achievement-1-1]"), "64.7%");
    let indicator = store.saved_plan().pledges[0].indicators[0].clone();
    assert_eq!(
        indicator.years[&2018].target,
        Some(500.into()),
        "the stored plan keeps the last good value"
    );
    type_into(&cell, "500");
    settle().await;
    assert!(!exists(&root, "#pledge-1-indicator-1-target-y2018-msg"));
    drop(root);
}

#[wasm_bindgen_test]
async fn classification_chips_toggle_and_save() {
    let store = Rc::new(MemoryStore::default());
    let root = open("#pledge/pledge-1", store.clone(), Lang::Ko).await;
    assert_eq!(
        attr(&root, "button[data-sdg='8']", "aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        attr(&root, "button[data-sdg='3']", "aria-pressed").as_deref(),
        Some("false")
    );
    click(&root, "button[data-sdg='8']");
    click(&root, "button[data-sdg='3']");
    settle().await;
    assert_eq!(
        attr(&root, "button[data-sdg='8']", "aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(
        attr(&root, "button[data-sdg='3']", "aria-pressed").as_deref(),
        Some("true")
    );
    assert!(text_of(&root, "[data-testid=chosen-sdgs]").starts_with("3. 건강과 웰빙"));
    click(&root, "button[data-actor='City']");
    settle().await;
    // The 추진상황 radio group: pick 완료.
    let done: web_sys::HtmlInputElement = root
        .query_selector("fieldset.chips label:nth-of-type(2) input[name='pledge-1-status']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    done.click();
    settle().await;
    let class = store.saved_plan().pledges[0].classification.clone();
    assert_eq!(class.sdgs, vec![3, 12]);
    assert_eq!(class.actors, vec![Actor::City, Actor::District]);
    assert_eq!(class.status, PledgeStatus::Done);
    drop(root);
}

#[wasm_bindgen_test]
async fn a_basis_is_evaluated_next_to_the_stated_amount() {
    let store = Rc::new(MemoryStore::default());
    let root = open("#items/program-5", store.clone(), Lang::Ko).await;
    assert_eq!(
        text_of(&root, "[data-testid=items-unit-caption]"),
        "(단위: 천원)"
    );
    click(&root, "[data-testid=add-line-item]");
    settle().await;
    type_into(&input(&root, "#program-5-item-0-basis"), "5,000원 × 300부");
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=item-0-evaluated]"), "1,500");
    // Stated 1,400: 100 short of what the formula gives, flagged at the cell.
    type_into(&input(&root, "#program-5-item-0-stated"), "1,400");
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=item-0-difference]"), "≠ △100");
    let message = text_of(&root, "#program-5-item-0-stated-msg");
    assert!(
        message.contains("1,500") && message.contains("1,400"),
        "{message}"
    );
    // Units are optional.
    type_into(
        &input(&root, "#program-5-item-0-basis"),
        "(5,000 + 2,500) x 200",
    );
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=item-0-evaluated]"), "1,500");
    type_into(&input(&root, "#program-5-item-0-stated"), "1,500");
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=item-0-difference]"), "-");
    assert!(!exists(&root, "#program-5-item-0-stated-msg"));
    // An unreadable basis says where.
    type_into(&input(&root, "#program-5-item-0-basis"), "5,000원 × × 3");
    settle().await;
    assert!(text_of(&root, "#program-5-item-0-basis-msg").contains("번째"));
    let item = &store.saved_plan().programs[4].line_items[0];
    assert_eq!(item.basis, "5,000원 × × 3");
    drop(root);
}

#[wasm_bindgen_test]
async fn sources_are_added_renamed_reordered_and_removed_only_when_unused() {
    let store = Rc::new(MemoryStore::default());
    let root = open("#settings", store.clone(), Lang::En).await;
    // An empty title is marked at the field, as validation finds it.
    type_into(&input(&root, "#plan-name"), " ");
    settle().await;
    assert!(text_of(&root, "#plan-name-msg").contains("the name is empty"));
    type_into(&input(&root, "#plan-name"), "예산 계획");
    settle().await;
    assert!(!exists(&root, "#plan-name-msg"));
    // A source in use cannot be removed, and says why.
    assert!(attr(&root, "button[aria-label='Remove · City']", "disabled").is_some());
    assert!(text_of(&root, "#source-city-in-use").contains("In use"));
    assert!(text_of(&root, "#sources-remove-hint").contains("cannot be removed"));
    assert_eq!(
        attr(
            &root,
            "button[aria-label='Remove · City']",
            "aria-describedby"
        )
        .as_deref(),
        Some("source-city-in-use sources-remove-hint")
    );
    // Add.
    type_into(&input(&root, "#new-source-ko"), "민간");
    type_into(&input(&root, "#new-source-en"), "Private");
    click(&root, "[data-testid=add-source]");
    settle().await;
    assert!(exists(&root, "tr[data-source='private']"));
    // Rename.
    type_into(&input(&root, "#source-private-name-en"), "Private sector");
    settle().await;
    // Reorder: up one place, before 기타.
    click(&root, "button[aria-label='Move up · Private sector']");
    settle().await;
    let plan = store.saved_plan();
    let order: Vec<&str> = plan.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(order, ["national", "city", "district", "private", "other"]);
    assert_eq!(plan.sources[3].name_en, "Private sector");
    assert_eq!(plan.sources[3].name_ko, "민간");
    // An unused source goes.
    assert!(attr(
        &root,
        "button[aria-label='Remove · Private sector']",
        "disabled"
    )
    .is_none());
    click(&root, "button[aria-label='Remove · Private sector']");
    settle().await;
    assert!(!exists(&root, "tr[data-source='private']"));
    // Clicking the disabled button of a used source changes nothing.
    click(&root, "button[aria-label='Remove · City']");
    settle().await;
    assert!(exists(&root, "tr[data-source='city']"));
    // A year takes effect as typed; a reversed range is refused at the field.
    type_into(&input(&root, "#plan-last-year"), "2010");
    settle().await;
    assert!(text_of(&root, "#plan-last-year-msg").contains("before the first"));
    assert_eq!(text_of(&root, "[data-testid=plan-years]"), "2014–2022");
    type_into(&input(&root, "#plan-last-year"), "2024");
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=plan-years]"), "2014–2024");
    drop(root);
}
