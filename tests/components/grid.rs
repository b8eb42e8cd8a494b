//! The schedule grid and the funding split, driven through the DOM: typing,
//! keyboard moves, a pasted block, fill right, a refused paste, the ratio.

use std::rc::Rc;

use planner_core::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use super::support::*;

#[wasm_bindgen_test]
async fn the_pledge_schedule_shows_the_document_table_and_typing_updates_totals() {
    let root = open(
        "schedule/pledge-1",
        Rc::new(MemoryStore::default()),
        Lang::Ko,
    )
    .await;
    assert_eq!(
        text_of(&root, "[data-testid=grid-unit-caption]"),
        "(단위: 백만원)"
    );
    assert_eq!(text_of(&root, "[data-testid=grid-total]"), "3,528");
    assert_eq!(text_of(&root, "[data-testid=grid-in-term]"), "3,528");
    assert_eq!(text_of(&root, "[data-testid=total-y2018]"), "598");
    assert_eq!(text_of(&root, "[data-testid=row-city-total]"), "2,450");
    assert_eq!(text_of(&root, "[data-testid=row-district-total]"), "1,078");
    assert_eq!(text_of(&root, "[data-testid=row-national-total]"), "-");
    assert!(text_of(&root, "[data-testid=difference]").starts_with('-'));
    let cell = input(&root, "#pledge-1-source-city-y2018");
    assert_eq!(cell.value(), "440");
    assert_eq!(
        cell.get_attribute("aria-label").as_deref(),
        Some("시비 · 2018")
    );

    type_into(&cell, "1,000");
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=row-city-total]"), "3,010");
    assert_eq!(text_of(&root, "[data-testid=total-y2018]"), "1,158");
    assert_eq!(text_of(&root, "[data-testid=grid-total]"), "4,088");
    assert_eq!(text_of(&root, "[data-testid=difference]"), "560 (초과)");
    // Validation marks the stated total with the mismatch, at its cell.
    assert!(text_of(&root, "#pledge-1-total-total-msg").contains("560 초과"));

    type_into(&cell, "△60");
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=total-y2018]"), "98");
    assert_eq!(text_of(&root, "[data-testid=difference]"), "△500 (부족)");
    drop(root);
}

#[wasm_bindgen_test]
async fn arrows_tab_enter_move_and_esc_puts_the_figure_back() {
    let root = open(
        "schedule/pledge-1",
        Rc::new(MemoryStore::default()),
        Lang::En,
    )
    .await;
    let cell = input(&root, "#pledge-1-source-city-y2019");
    focus(&cell);
    assert!(!key(&cell, "ArrowDown", "ArrowDown", false, false));
    assert_eq!(active_id(), "pledge-1-source-district-y2019");
    let below = input(&root, "#pledge-1-source-district-y2019");
    // The whole figure is selected on entry, so → moves on.
    focus(&below);
    assert!(!key(&below, "ArrowRight", "ArrowRight", false, false));
    assert_eq!(active_id(), "pledge-1-source-district-y2020");
    let right = input(&root, "#pledge-1-source-district-y2020");
    focus(&right);
    // With the caret inside the figure, ← moves the caret, not the cell.
    right.set_selection_range(1, 1).unwrap();
    assert!(key(&right, "ArrowLeft", "ArrowLeft", false, false));
    assert!(!key(&right, "Tab", "Tab", false, true));
    assert_eq!(active_id(), "pledge-1-source-district-y2019");
    assert!(!key(&below, "Enter", "Enter", false, false));
    assert_eq!(active_id(), "pledge-1-source-other-y2019");

    // Esc abandons an entry: the cell and the totals are as before.
    let city = input(&root, "#pledge-1-source-city-y2019");
    focus(&city);
    type_into(&city, "9");
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=total-y2019]"), "194");
    key(&city, "Escape", "Escape", false, false);
    settle().await;
    assert_eq!(city.value(), "540");
    assert_eq!(text_of(&root, "[data-testid=total-y2019]"), "725");
    drop(root);
}

#[wasm_bindgen_test]
async fn a_pasted_block_fills_right_and_down_and_undoes_in_one_step() {
    let store = Rc::new(MemoryStore::default());
    let root = open("schedule/pledge-1", store.clone(), Lang::En).await;
    let cell = input(&root, "#pledge-1-source-city-y2019");
    focus(&cell);
    paste(&cell, "1,000\t△21\t-\r\n\t5\t7\r\n");
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=grid-message]"), "");
    assert_eq!(text_of(&root, "[data-testid=grid-total]"), "2,324");
    assert_eq!(cell.value(), "1,000");
    assert_eq!(input(&root, "#pledge-1-source-city-y2020").value(), "△21");
    assert_eq!(input(&root, "#pledge-1-source-city-y2021").value(), "0");
    assert_eq!(input(&root, "#pledge-1-source-district-y2019").value(), "0");
    assert_eq!(input(&root, "#pledge-1-source-district-y2021").value(), "7");
    // 440 + 1,000 − 21 + 0 + 480 = 1,899; 158 + 0 + 5 + 7 + 255 = 425.
    assert_eq!(text_of(&root, "[data-testid=row-city-total]"), "1,899");
    assert_eq!(text_of(&root, "[data-testid=row-district-total]"), "425");
    assert_eq!(text_of(&root, "[data-testid=grid-total]"), "2,324");
    assert_eq!(text_of(&root, "[data-testid=grid-message]"), "");

    click(&root, ".undo-redo button:first-child");
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=grid-total]"), "3,528");
    assert_eq!(cell.value(), "540");
    assert_eq!(
        input(&root, "#pledge-1-source-district-y2021").value(),
        "245"
    );
    drop(root);
}

#[wasm_bindgen_test]
async fn a_bad_paste_changes_nothing_and_says_which_cell() {
    let store = Rc::new(MemoryStore::default());
    let root = open("schedule/pledge-1", store.clone(), Lang::En).await;
    let cell = input(&root, "#pledge-1-source-city-y2019");
    focus(&cell);
    paste(&cell, "1\t2\n3\t4x\n");
    settle().await;
    let message = text_of(&root, "[data-testid=grid-message]");
    assert!(message.contains("“4x”"), "{message}");
    assert!(message.contains("row 2, column 2"), "{message}");
    assert!(message.contains("District · 2020"), "{message}");
    assert!(message.contains("Nothing changed"), "{message}");
    assert_eq!(cell.value(), "540");
    assert_eq!(text_of(&root, "[data-testid=grid-total]"), "3,528");
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
        .unwrap();
    let stored = planner_core::file::decode(&store.plan_text(1).unwrap())
        .unwrap()
        .plan;
    assert_eq!(
        stored,
        planner_core::fixtures::demo::demo_plan(),
        "nothing changed in storage"
    );
    // A block wider than the grid is refused too.
    let last = input(&root, "#pledge-1-source-city-y2022");
    paste(&last, "1\t2\t3");
    settle().await;
    assert!(text_of(&root, "[data-testid=grid-message]").contains("3 columns"));
    assert_eq!(text_of(&root, "[data-testid=grid-total]"), "3,528");
    drop(root);
}

#[wasm_bindgen_test]
async fn fill_right_copies_a_year_into_the_later_years() {
    let root = open(
        "schedule/pledge-1",
        Rc::new(MemoryStore::default()),
        Lang::En,
    )
    .await;
    let cell = input(&root, "#pledge-1-source-district-y2020");
    focus(&cell);
    // Ctrl+R is the grid's, not the browser's reload.
    assert!(!key(&cell, "r", "KeyR", true, false));
    settle().await;
    for year in [2021, 2022] {
        assert_eq!(
            input(&root, &format!("#pledge-1-source-district-y{year}")).value(),
            "235"
        );
    }
    assert_eq!(text_of(&root, "[data-testid=row-district-total]"), "1,048");
    click(&root, ".undo-redo button:first-child");
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=row-district-total]"), "1,078");

    // The button fills from the cell last entered.
    let city = input(&root, "#pledge-1-source-city-y2018");
    focus(&city);
    click(&root, "[data-testid=fill-right]");
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=row-city-total]"), "2,200");
    // From 기투자 there are no later years to fill: it says so.
    let before = input(&root, "#pledge-1-source-city-before");
    focus(&before);
    click(&root, "[data-testid=fill-right]");
    settle().await;
    assert!(text_of(&root, "[data-testid=grid-message]").contains("year cell"));
    drop(root);
}

#[wasm_bindgen_test]
async fn the_split_applies_a_matching_ratio_exactly() {
    let root = open("split/program-6", Rc::new(MemoryStore::default()), Lang::En).await;
    assert_eq!(text_of(&root, "[data-testid=shares-sum]"), "1,167,388");
    assert_eq!(
        input(&root, "#program-6-source-national-percent").value(),
        "53.3"
    );
    assert_eq!(text_of(&root, "[data-testid=split-percent-total]"), "100.0");
    assert!(text_of(&root, "[data-testid=split-gap]").contains("matches"));

    for (source, weight) in [("national", "50"), ("city", "30"), ("district", "20")] {
        type_into(
            &input(&root, &format!("#program-6-source-{source}-weight")),
            weight,
        );
        settle().await;
    }
    // Off the ratio: marked at the share cells.
    assert!(text_of(&root, "#program-6-source-city-total-msg").contains("matching ratio"));

    click(&root, "[data-testid=apply-ratio]");
    settle().await;
    assert_eq!(
        input(&root, "#program-6-source-national-total").value(),
        "583,694"
    );
    assert_eq!(
        input(&root, "#program-6-source-city-total").value(),
        "350,216"
    );
    assert_eq!(
        input(&root, "#program-6-source-district-total").value(),
        "233,478"
    );
    assert_eq!(text_of(&root, "[data-testid=shares-sum]"), "1,167,388");
    assert_eq!(text_of(&root, "[data-testid=split-percent-total]"), "100.0");
    assert!(root
        .query_selector("#program-6-source-city-total-msg")
        .unwrap()
        .is_none());

    // A percentage becomes an amount; the remainder goes to the chosen source.
    type_into(&input(&root, "#program-6-source-city-percent"), "25");
    settle().await;
    assert_eq!(
        input(&root, "#program-6-source-city-total").value(),
        "291,847"
    );
    assert!(text_of(&root, "[data-testid=split-gap]").contains("short"));
    assert!(text_of(&root, "#program-6-total-total-msg").contains("58,369 short"));
    click(&root, "[data-testid=remainder-district]");
    settle().await;
    assert_eq!(
        input(&root, "#program-6-source-district-total").value(),
        "291,847"
    );
    assert!(text_of(&root, "[data-testid=split-gap]").contains("matches"));
    drop(root);
}

/// The picker of a view's subject (issue 17: its options are one piece of
/// HTML): it shows the subject selected, a figure edit leaves its options as
/// they were (the same elements), a rename shows at once with the subject
/// still selected, and a name that looks like markup is text.
#[wasm_bindgen_test]
async fn the_picker_selects_the_subject_and_lists_names_only_again_when_they_change() {
    use budget_planner::components::controls::owner_picker::OwnerPicker;
    use budget_planner::state::{use_session, View};
    use leptos::prelude::*;
    use planner_core::model::amount::Amount;
    use planner_core::model::plan::Column;
    use planner_core::{Edit, Owner};

    let session = Rc::new(std::cell::Cell::new(None));
    let keep = session.clone();
    let root = mount_view(Rc::new(MemoryStore::default()), Lang::Ko, move || {
        keep.set(Some(use_session()));
        let current = Signal::derive(|| Some(Owner::Program(3)));
        view! { <OwnerPicker view=View::Schedule pledges_too=true current/> }
    });
    settle().await;
    let session = session.get().unwrap();
    let picker = || {
        root.query_selector("#schedule-picker")
            .unwrap()
            .unwrap()
            .dyn_into::<web_sys::HtmlSelectElement>()
            .unwrap()
    };
    assert_eq!(picker().value(), "program-3");
    let options = || root.query_selector_all("#schedule-picker option").unwrap();
    let count = options().length();
    assert!(count > 8, "programs and pledges listed: {count}");
    let first = options().item(0).unwrap();

    assert!(session.dispatch_checked(Edit::SetCell {
        owner: Owner::Program(3),
        source: "city".into(),
        column: Column::Year(2019),
        amount: Amount::won(1_234_000),
    }));
    settle().await;
    assert!(
        first.is_same_node(options().item(0).as_ref()),
        "a figure edit rebuilt the options"
    );
    assert_eq!(picker().value(), "program-3");

    assert!(session.dispatch_checked(Edit::SetProgramName {
        program: 3,
        name: "<b>새 이름</b> & co".into()
    }));
    settle().await;
    let listed: Vec<String> = (0..options().length())
        .map(|i| {
            options()
                .item(i)
                .unwrap()
                .text_content()
                .unwrap_or_default()
        })
        .collect();
    assert!(
        listed.contains(&"3. <b>새 이름</b> & co".to_string()),
        "{listed:?}"
    );
    assert_eq!(options().length(), count);
    assert_eq!(picker().value(), "program-3", "the subject stays selected");
    drop(root);
}
