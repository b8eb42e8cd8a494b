//! The plans home, the library in storage, autosave and the problems panel.

use super::*;
use planner_core::file::library::Library;

fn library(store: &MemoryStore) -> Library {
    Library::decode(store.entries.borrow().get(INDEX_KEY).unwrap()).unwrap()
}

fn button_named(root: &HtmlElement, label: &str) -> HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|b| b.unchecked_into::<HtmlElement>())
        .find(|b| {
            b.get_attribute("aria-label").as_deref() == Some(label)
                || b.text_content().unwrap_or_default().trim() == label
        })
        .unwrap_or_else(|| panic!("no button {label}"))
}

#[wasm_bindgen_test]
async fn a_first_visit_stores_the_demo_plan_in_the_library_and_opens_it() {
    let store = Rc::new(MemoryStore::default());
    let root = mount_at(store.clone(), Lang::En, "");
    settle().await;
    let index = library(&store);
    assert_eq!(index.plans.len(), 1);
    assert_eq!(index.open, Some(1));
    assert_eq!(index.plans[0].title, "사회적경제 예산·공약 계획 (예시)");
    assert!(store.plan_text(1).is_some());
    assert!(text_of(&root, "[data-testid=plan-title]").contains("(예시)"));
    drop(root);
}

#[wasm_bindgen_test]
async fn the_first_release_plan_is_moved_into_the_library() {
    let store = Rc::new(MemoryStore::default());
    let mut plan = planner_core::fixtures::demo::demo_plan();
    plan.title = "옛 계획".into();
    let text = planner_core::file::encode(&plan, "0.1.0", "2026-11-01T00:00:00Z");
    store
        .entries
        .borrow_mut()
        .insert(LEGACY_PLAN_KEY.into(), text.clone());
    let root = mount(store.clone(), Lang::Ko);
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=plan-title]"), "옛 계획");
    assert_eq!(store.plan_text(1), Some(text), "moved byte for byte");
    assert!(store.entries.borrow().get(LEGACY_PLAN_KEY).is_none());
    assert_eq!(library(&store).plans[0].title, "옛 계획");
    drop(root);
}

#[wasm_bindgen_test]
async fn plans_are_created_duplicated_renamed_deleted_and_brought_back() {
    let store = Rc::new(MemoryStore::default());
    let root = mount_at(store.clone(), Lang::En, "#plans");
    settle().await;
    // Create
    type_into(
        &input(&root, "form.new-plan input[name=title]"),
        "Youth plan 2027",
    );
    type_into(
        &input(&root, "form.new-plan input[name=first-year]"),
        "2027",
    );
    type_into(&input(&root, "form.new-plan input[name=last-year]"), "2030");
    let form: web_sys::HtmlFormElement = root
        .query_selector("form.new-plan")
        .unwrap()
        .unwrap()
        .unchecked_into();
    form.request_submit().unwrap();
    settle().await;
    assert_eq!(
        text_of(&root, "[data-testid=plan-title]"),
        "Youth plan 2027"
    );
    let index = library(&store);
    assert_eq!(index.plans.len(), 2);
    assert_eq!(index.open, Some(2));
    assert_eq!(
        (
            index.get(2).unwrap().first_year,
            index.get(2).unwrap().last_year
        ),
        (2027, 2030)
    );

    // Back home: both listed with years and problems.
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#plans")
        .unwrap();
    sleep(20).await;
    let rows = root
        .query_selector_all("[data-testid=plans-table] tbody tr")
        .unwrap();
    assert_eq!(rows.length(), 2);
    assert!(text_of(&root, "tr[data-plan='2']").contains("2027–2030"));
    // The one total (issue 18): every program's schedule, in the plan's own
    // unit, its meaning in the header's tooltip.
    assert_eq!(
        text_of(&root, "tr[data-plan='1'] [data-testid=plan-total]"),
        "KRW 4,532,711 thousand",
        "the demo's total cost in its unit"
    );
    assert!(attr(
        &root,
        "[data-testid=plans-table] thead th:nth-child(3)",
        "title"
    )
    .is_some_and(|t| t.contains("schedule")));

    // Duplicate the demo: a third plan, opened, titled as a copy.
    button_named(&root, "Duplicate · 사회적경제 예산·공약 계획 (예시)").click();
    settle().await;
    assert_eq!(library(&store).plans.len(), 3);
    assert_eq!(
        text_of(&root, "[data-testid=plan-title]"),
        "사회적경제 예산·공약 계획 (예시) (copy)"
    );

    // Rename the 2027 plan from the list (it is not open).
    let name = input(&root, "tr[data-plan='2'] input.name");
    name.set_value("Youth plan 2027–2030");
    name.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(
        library(&store).get(2).unwrap().title,
        "Youth plan 2027–2030"
    );
    assert_eq!(
        decode(&store.plan_text(2).unwrap()).unwrap().plan.title,
        "Youth plan 2027–2030"
    );

    // Delete it, then undo.
    button_named(&root, "Delete · Youth plan 2027–2030").click();
    settle().await;
    assert!(root.query_selector("tr[data-plan='2']").unwrap().is_none());
    assert!(text_of(&root, "[data-testid=deleted-toast]").contains("Youth plan 2027–2030"));
    assert!(
        store.plan_text(2).is_some(),
        "kept until undo is no longer possible"
    );
    click(&root, "[data-testid=deleted-toast] button");
    settle().await;
    assert!(root.query_selector("tr[data-plan='2']").unwrap().is_some());
    assert_eq!(library(&store).plans.len(), 3);
    drop(root);
}

#[wasm_bindgen_test]
async fn an_unreadable_plan_is_set_aside_while_the_others_load() {
    let store = Rc::new(MemoryStore::default());
    let root = mount_at(store.clone(), Lang::En, "");
    settle().await;
    drop(root);
    // A second plan, then its entry is damaged.
    let mut index = library(&store);
    let mut second = index.plans[0].clone();
    second.id = 2;
    second.title = "Broken".into();
    index.plans.push(second);
    index.open = Some(2);
    store
        .entries
        .borrow_mut()
        .insert(INDEX_KEY.into(), index.encode());
    store
        .entries
        .borrow_mut()
        .insert(plan_key(2), "{\"format\":\"budget-planner/plan\",".into());
    let root = mount_at(store.clone(), Lang::En, "");
    settle().await;
    assert!(text_of(&root, ".notice").contains("could not be read"));
    assert_eq!(
        store
            .entries
            .borrow()
            .get(&quarantine_key("2"))
            .map(String::as_str),
        Some("{\"format\":\"budget-planner/plan\",")
    );
    assert!(text_of(&root, "tr[data-plan='2']").contains("Unreadable plan"));
    // The demo still opens.
    button_named(&root, "Open · 사회적경제 예산·공약 계획 (예시)").click();
    settle().await;
    assert!(text_of(&root, "[data-testid=plan-title]").contains("(예시)"));
    drop(root);
}

#[wasm_bindgen_test]
async fn autosave_waits_for_a_burst_of_keys_and_pagehide_writes_at_once() {
    let store = Rc::new(MemoryStore::default());
    let root = mount(store.clone(), Lang::En);
    settle().await;
    let before = store.plan_text(1);
    type_into(&input(&root, "#program-3-budget-this-year"), "1");
    settle().await;
    assert_eq!(store.plan_text(1), before, "not yet written");
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
        .unwrap();
    let saved = decode(&store.plan_text(1).unwrap()).unwrap();
    assert_eq!(
        saved.plan.programs[2].budget.unwrap().this_year.to_string(),
        "1,000"
    );
    settle().await;
    let state = text_of(&root, "[data-testid=save-state]");
    assert!(state.starts_with("✓ Saved"), "{state}");
    drop(root);
}

#[wasm_bindgen_test]
async fn a_problem_appears_at_the_cell_and_in_the_panel_and_goes_when_fixed() {
    let store = Rc::new(MemoryStore::default());
    let root = mount(store.clone(), Lang::En);
    settle().await;
    assert!(text_of(&root, "[data-testid=problems-panel]").contains("No problems"));
    // A negative budget breaks a rule: the cell is marked and the panel lists it.
    let cell = input(&root, "#program-2-budget-this-year");
    type_into(&cell, "△5");
    settle().await;
    assert_eq!(cell.get_attribute("aria-invalid").as_deref(), Some("true"));
    let message = text_of(&root, "#program-2-budget-this-year-msg");
    assert!(message.starts_with("⚠ Error:"), "{message}");
    let panel = text_of(&root, "[data-testid=problems-panel]");
    assert!(
        panel.contains("Problems · errors 1 · warnings 0"),
        "{panel}"
    );
    assert!(
        panel.contains("구정의 민관협치 활성화 · Budget · This year"),
        "{panel}"
    );
    // The panel's link focuses the cell.
    cell.blur().unwrap();
    click(&root, "[data-testid=problems-panel] li a");
    sleep(50).await;
    let active = document().active_element().unwrap();
    assert_eq!(active.id(), "program-2-budget-this-year");
    type_into(&cell, "262,000");
    settle().await;
    assert_eq!(cell.get_attribute("aria-invalid").as_deref(), Some("false"));
    assert!(text_of(&root, "[data-testid=problems-panel]").contains("No problems"));
    drop(root);
}

/// A store holding one plan, opened on the next mount.
pub(crate) fn store_with(plan: &planner_core::Plan) -> Rc<MemoryStore> {
    let store = Rc::new(MemoryStore::default());
    let mut index = Library::new();
    index
        .plans
        .push(planner_core::file::library::PlanSummary::of(
            1,
            plan,
            &[],
            "2026-11-23T00:00:00Z",
        ));
    index.open = Some(1);
    store
        .entries
        .borrow_mut()
        .insert(INDEX_KEY.into(), index.encode());
    store.entries.borrow_mut().insert(
        plan_key(1),
        planner_core::file::encode(plan, "test", "2026-11-23T00:00:00Z"),
    );
    store
}

#[wasm_bindgen_test]
async fn a_table_of_hundreds_of_rows_renders_only_what_is_in_view() {
    use planner_core::fixtures::generate::{generated_plan, Size};
    let plan = generated_plan(Size::BENCHMARK, 1);
    let root = mount(store_with(&plan), Lang::En);
    settle().await;
    let rendered = root
        .query_selector_all("#status-table tr[data-program]")
        .unwrap()
        .length();
    assert!(
        rendered > 0 && rendered <= 40,
        "{rendered} rows rendered of 200"
    );
    // The total still covers every row.
    let total = planner_core::rules::derive::status_total(&plan).this_year;
    assert_eq!(
        text_of(&root, "[data-testid=total-this-year]"),
        planner_core::model::amount::format_figure(plan.unit.shown_figure(total))
    );
    // Scrolling to the end brings the last rows in.
    let scroller: HtmlElement = root
        .query_selector(".table-scroll")
        .unwrap()
        .unwrap()
        .unchecked_into();
    // The tests load no style sheet: give the box the height style/main.css gives it.
    scroller
        .style()
        .set_property("max-height", "400px")
        .unwrap();
    scroller.style().set_property("overflow-y", "auto").unwrap();
    scroller.set_scroll_top(1_000_000);
    scroller
        .dispatch_event(&web_sys::Event::new("scroll").unwrap())
        .unwrap();
    settle().await;
    let last = plan.programs.last().unwrap().id;
    assert!(root
        .query_selector(&format!("tr[data-program='{last}']"))
        .unwrap()
        .is_some());
    drop(root);
}

#[wasm_bindgen_test]
async fn an_imported_file_is_previewed_then_added_and_a_bad_one_changes_nothing() {
    let store = Rc::new(MemoryStore::default());
    let root = mount_at(store.clone(), Lang::En, "#plans");
    settle().await;
    // The version the open keeps comes just after the plan is shown (a
    // timer): wait for it, so that only the preview could change storage.
    for _ in 0..100 {
        if store
            .entries
            .borrow()
            .keys()
            .any(|k| k.starts_with("budget-planner/version/"))
        {
            break;
        }
        sleep(20).await;
    }
    let before = store.entries.borrow().clone();
    // A damaged file: message with its JSON path; storage untouched.
    let paste = |text: &str| {
        let data = web_sys::DataTransfer::new().unwrap();
        data.set_data("text/plain", text).unwrap();
        let init = web_sys::ClipboardEventInit::new();
        init.set_clipboard_data(Some(&data));
        init.set_bubbles(true);
        let event = web_sys::ClipboardEvent::new_with_event_init_dict("paste", &init).unwrap();
        document().body().unwrap().dispatch_event(&event).unwrap();
    };
    let good = planner_core::file::encode(
        &planner_core::fixtures::demo::demo_plan(),
        "test",
        "2026-11-23T00:00:00Z",
    );
    let bad = good.replacen(
        "\"this_year\": \"625648000\"",
        "\"this_year\": 625648000",
        1,
    );
    assert_ne!(bad, good);
    paste(&bad);
    settle().await;
    let error = text_of(&root, "[data-testid=import-error]");
    assert!(
        error.contains("$.plan.programs[0].budget.this_year"),
        "{error}"
    );
    assert_eq!(*store.entries.borrow(), before, "nothing changed");
    click(&root, ".import-dialog button");
    settle().await;
    // A good one: preview, then added as a new plan.
    paste(&good);
    settle().await;
    let preview = text_of(&root, "[data-testid=import-preview]");
    assert!(
        preview.contains("2014–2022")
            && preview.contains("KRW 4,532,711 thousand")
            && preview.contains("errors 0"),
        "{preview}"
    );
    assert_eq!(*store.entries.borrow(), before, "a preview changes nothing");
    click(&root, ".import-dialog button.primary");
    settle().await;
    assert_eq!(library(&store).plans.len(), 2);
    assert_eq!(library(&store).open, Some(2));
    drop(root);
}

#[wasm_bindgen_test]
async fn another_tabs_save_appears_and_a_clash_asks_before_anything_is_overwritten() {
    let store = Rc::new(MemoryStore::default());
    let root = mount(store.clone(), Lang::En);
    settle().await;
    let storage_event = |key: &str, value: &str| {
        let init = web_sys::StorageEventInit::new();
        init.set_key(Some(key));
        init.set_new_value(Some(value));
        let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
        web_sys::window().unwrap().dispatch_event(&event).unwrap();
    };
    // The other tab saves: nothing unsaved here, so its version shows.
    let mut theirs = decode(&store.plan_text(1).unwrap()).unwrap().plan;
    theirs.programs[3].budget.as_mut().unwrap().this_year = planner_core::Amount::won(1_000_000);
    let text = planner_core::file::encode(&theirs, "test", "2026-11-23T10:00:00Z");
    store.entries.borrow_mut().insert(plan_key(1), text.clone());
    storage_event(&plan_key(1), &text);
    settle().await;
    assert_eq!(input(&root, "#program-4-budget-this-year").value(), "1,000");
    // Both change it: this tab types, the other saves before the autosave.
    type_into(&input(&root, "#program-1-budget-this-year"), "1");
    theirs.programs[1].budget.as_mut().unwrap().this_year = planner_core::Amount::won(2_000_000);
    let text2 = planner_core::file::encode(&theirs, "test", "2026-11-23T10:01:00Z");
    store
        .entries
        .borrow_mut()
        .insert(plan_key(1), text2.clone());
    storage_event(&plan_key(1), &text2);
    autosaved().await;
    assert!(text_of(&root, "[data-testid=conflict]").contains("Another tab saved this plan"));
    assert_eq!(
        store.plan_text(1),
        Some(text2.clone()),
        "nothing overwritten while the user decides"
    );
    // Keep this tab's version: the other one becomes a plan of its own.
    click(&root, "[data-testid=conflict] button.primary");
    settle().await;
    let mine = decode(&store.plan_text(1).unwrap()).unwrap().plan;
    assert_eq!(
        mine.programs[0].budget.unwrap().this_year.to_string(),
        "1,000"
    );
    let index = library(&store);
    let copy = index
        .plans
        .iter()
        .find(|p| p.title.ends_with("(other tab's version)"))
        .expect("kept");
    let kept = decode(&store.plan_text(copy.id).unwrap()).unwrap().plan;
    assert_eq!(
        kept.programs[1].budget.unwrap().this_year.to_string(),
        "2,000,000"
    );
    assert!(root
        .query_selector("[data-testid=conflict]")
        .unwrap()
        .is_none());
    drop(root);
}

#[wasm_bindgen_test]
async fn at_the_quota_the_edit_is_refused_and_the_saved_plan_stays() {
    let store = Rc::new(MemoryStore::default());
    let root = mount(store.clone(), Lang::En);
    settle().await;
    let before = store.plan_text(1);
    *store.fail_with.borrow_mut() = Some(SaveError::QuotaExceeded);
    let cell = input(&root, "#program-2-budget-this-year");
    type_into(&cell, "5");
    autosaved().await;
    assert!(text_of(&root, ".notice").contains("the last edit was not kept"));
    cell.blur().unwrap();
    settle().await;
    assert_eq!(
        cell.value(),
        "262,000",
        "the screen shows the saved plan again"
    );
    assert_eq!(store.plan_text(1), before);
    drop(root);
}

#[wasm_bindgen_test]
async fn undo_after_a_refused_save_never_brings_the_refused_edits_back() {
    let store = Rc::new(MemoryStore::default());
    let root = mount(store.clone(), Lang::En);
    settle().await;
    let cells = [1, 2, 3].map(|p| input(&root, &format!("#program-{p}-budget-this-year")));
    let original: Vec<String> = cells.iter().map(|c| c.value()).collect();
    // A saved edit, then two edits in other cells that storage refuses.
    type_into(&cells[0], "11");
    cells[0].blur().unwrap();
    autosaved().await;
    let saved = store.plan_text(1);
    *store.fail_with.borrow_mut() = Some(SaveError::QuotaExceeded);
    type_into(&cells[1], "22");
    cells[1].blur().unwrap();
    type_into(&cells[2], "33");
    cells[2].blur().unwrap();
    autosaved().await;
    assert!(text_of(&root, ".notice").contains("the last edit was not kept"));
    let shown = || cells.iter().map(|c| c.value()).collect::<Vec<_>>();
    assert_eq!(
        shown(),
        ["11", &original[1], &original[2]],
        "the stored plan is on screen"
    );
    // Storage has room again: undo takes back the saved edit, redo brings it
    // again, and neither ever shows a refused figure.
    *store.fail_with.borrow_mut() = None;
    let step: fn(&HtmlElement, &str) -> HtmlElement = |root, which| {
        root.query_selector(which)
            .unwrap()
            .unwrap()
            .unchecked_into()
    };
    let undo = step(&root, ".undo-redo button:first-child");
    let redo = step(&root, ".undo-redo button:last-child");
    undo.click();
    settle().await;
    assert_eq!(
        shown(),
        original,
        "one undo goes back before the saved edit"
    );
    undo.click();
    settle().await;
    assert_eq!(shown(), original, "nothing older to undo");
    redo.click();
    settle().await;
    assert_eq!(shown(), ["11", &original[1], &original[2]]);
    redo.click();
    settle().await;
    assert_eq!(
        shown(),
        ["11", &original[1], &original[2]],
        "no refused edit to redo"
    );
    autosaved().await;
    assert_eq!(
        store.plan_text(1).map(|t| decode(&t).unwrap().plan),
        saved.map(|t| decode(&t).unwrap().plan)
    );
    drop(root);
}

#[wasm_bindgen_test]
async fn a_version_is_kept_on_open_and_can_be_compared_and_restored() {
    let store = Rc::new(MemoryStore::default());
    let root = mount(store.clone(), Lang::En);
    settle().await;
    type_into(&input(&root, "#program-4-budget-this-year"), "80,000");
    autosaved().await;
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#history")
        .unwrap();
    sleep(20).await;
    let versions = root
        .query_selector_all("[data-testid=versions] li")
        .unwrap()
        .length();
    assert_eq!(versions, 1, "the state the plan opened in");
    click(&root, "[data-testid=versions] li button");
    settle().await;
    let compare = text_of(&root, "[data-testid=versions] li");
    assert!(
        compare.contains("기본경비 · this year")
            && compare.contains("75,762")
            && compare.contains("80,000"),
        "{compare}"
    );
    button_named(&root, "Restore this version").click();
    settle().await;
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#status")
        .unwrap();
    sleep(20).await;
    assert_eq!(
        input(&root, "#program-4-budget-this-year").value(),
        "75,762"
    );
    // Restoring kept the state before it as a version too.
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#history")
        .unwrap();
    sleep(20).await;
    assert_eq!(
        root.query_selector_all("[data-testid=versions] li")
            .unwrap()
            .length(),
        2
    );
    drop(root);
}

/// Issue 17: kept versions are stored as differences. The newest is whole
/// (packed like the plan's entry), each older one the difference from the
/// next newer; every version reads back as the plan it was, also after the
/// oldest are dropped or pruned, and the chain takes far less than copies.
#[wasm_bindgen_test]
async fn kept_versions_are_differences_that_read_back_exactly() {
    use budget_planner::state::versions;
    use budget_planner::storage::PlanStore;
    use planner_core::file::{encode_compact, stored};
    use planner_core::fixtures::demo::demo_plan;

    let store = MemoryStore::default();
    let mut plan = demo_plan();
    let mut kept = Vec::new();
    for i in 0..6 {
        plan.programs[0].name = format!("사업 {i}");
        plan.title = format!("판 {i}");
        let saved_at = format!("2026-12-01T00:00:0{i}Z");
        let text = encode_compact(&plan, "t", &saved_at);
        store.save(&plan_key(1), &stored::pack(&text)).unwrap();
        assert!(versions::keep(&store, 1), "version {i} kept");
        assert!(!versions::keep(&store, 1), "the same state is kept once");
        kept.push(plan.clone());
    }
    let list = versions::list(&store, 1);
    assert_eq!(list.len(), 6);
    let entry = |key: &str| store.entries.borrow().get(key).cloned().unwrap();
    assert!(
        entry(&list[0].key).starts_with("z1:"),
        "the newest is whole"
    );
    for v in &list[1..] {
        assert!(
            entry(&v.key).starts_with("d1:"),
            "{} is a difference",
            v.key
        );
        assert!(entry(&v.key).len() * 4 < entry(&list[0].key).len());
    }
    for (v, plan) in list.iter().zip(kept.iter().rev()) {
        assert_eq!(versions::read(&store, v).as_ref(), Some(plan), "{}", v.key);
    }
    // Dropping the oldest (storage full) never breaks a chain.
    assert!(versions::drop_oldest(&store));
    assert!(versions::drop_oldest(&store));
    let list = versions::list(&store, 1);
    assert_eq!(list.len(), 4);
    for (v, plan) in list.iter().zip(kept.iter().rev()) {
        assert_eq!(versions::read(&store, v).as_ref(), Some(plan));
    }
    assert_eq!(versions::prune(&store, &[1]), 3);
    let list = versions::list(&store, 1);
    assert_eq!(versions::read(&store, &list[0]).as_ref(), kept.last());
}

/// Issue 17: a district's plan is shown first and checked whole right
/// after: its grid is there at once, the problems panel says it is
/// checking (never "no problems" before it knows), then lists what the
/// check found.
#[wasm_bindgen_test]
async fn a_large_plan_is_checked_right_after_it_is_shown() {
    use planner_core::file::encode_compact;
    use planner_core::file::library::PlanSummary;
    use planner_core::fixtures::generate::{generated_plan, Size};
    use planner_core::rules::validate::validate;

    let mut plan = generated_plan(
        Size {
            programs: 300,
            years: 3,
            sources: 2,
            pledges: 0,
            indicators: 0,
            line_items: 0,
        },
        1,
    );
    // One error for the check to find: a program with figures and no name.
    plan.programs[0].name.clear();
    let store = Rc::new(MemoryStore::default());
    store.entries.borrow_mut().insert(
        plan_key(1),
        encode_compact(&plan, "0.1.0", "2026-12-01T00:00:00Z"),
    );
    let mut library = Library::new();
    library.upsert(PlanSummary::of(
        1,
        &plan,
        &validate(&plan),
        "2026-12-01T00:00:00Z",
    ));
    library.open = Some(1);
    store
        .entries
        .borrow_mut()
        .insert(INDEX_KEY.into(), library.encode());
    let root = mount_at(store.clone(), Lang::En, "#schedule/program-2");
    let heading = || text_of(&root, "[data-testid=problems-panel] h2");
    assert_eq!(heading(), "Problems · checking…");
    assert!(
        root.query_selector(".no-problems").unwrap().is_none(),
        "no all-clear before the check"
    );
    assert!(
        root.query_selector("main input.amount").unwrap().is_some(),
        "the grid is usable"
    );
    // The check runs in the task after the next frame.
    sleep(100).await;
    assert_eq!(heading(), "Problems · errors 1 · warnings 0");
    drop(root);
}

#[wasm_bindgen_test]
async fn a_first_visit_is_welcomed_until_the_user_starts_and_not_again() {
    let store = Rc::new(MemoryStore::default());
    let root = mount_at(store.clone(), Lang::En, "");
    settle().await;
    // The demo's overview says what it is and where to start.
    assert!(
        exists(&root, "[data-testid=welcome-line]"),
        "the overview points to the welcome"
    );
    assert_eq!(
        attr(&root, "[data-testid=welcome-line] a", "href").as_deref(),
        Some("#plans")
    );
    set_fragment("#plans");
    settle().await;
    let welcome = text_of(&root, "[data-testid=welcome]");
    for words in [
        "stays in this browser",
        "Start a new plan",
        "Import a file",
        "Explore the demo plan",
    ] {
        assert!(welcome.contains(words), "{words:?} in {welcome:?}");
    }
    assert!(
        !exists(&root, "[data-testid=welcome-line]"),
        "the plans home shows the welcome itself"
    );
    // "Start a new plan" goes to the form's title; "Import a file" opens the picker.
    button_named(&root, "Start a new plan").click();
    assert_eq!(active_id(), "new-plan-name");
    assert!(
        store.entries.borrow().contains_key(WELCOME_KEY),
        "still shown until the user starts"
    );
    // Exploring the demo is a start: the welcome goes, in storage too.
    button_named(&root, "Explore the demo plan").click();
    settle().await;
    assert!(!exists(&root, "[data-testid=welcome]"));
    assert!(!exists(&root, "[data-testid=welcome-line]"));
    assert!(!store.entries.borrow().contains_key(WELCOME_KEY));
    assert!(
        exists(&root, "section.view.overview"),
        "the demo's overview"
    );
    drop(root);
    let again = mount_at(store.clone(), Lang::En, "#plans");
    settle().await;
    assert!(
        !exists(&again, "[data-testid=welcome]"),
        "a later visit is not welcomed"
    );
    drop(again);
}

#[wasm_bindgen_test]
async fn creating_a_plan_is_a_start_and_its_empty_views_link_to_where_things_are_added() {
    let store = Rc::new(MemoryStore::default());
    let root = mount_at(store.clone(), Lang::Ko, "#plans");
    settle().await;
    assert!(exists(&root, "[data-testid=welcome]"));
    button_named(&root, "새 계획 시작하기").click();
    let form = root.query_selector("form.new-plan").unwrap().unwrap();
    form.unchecked_into::<web_sys::HtmlFormElement>()
        .request_submit()
        .unwrap();
    settle().await;
    assert!(
        !store.entries.borrow().contains_key(WELCOME_KEY),
        "a plan of one's own is a start"
    );
    // Every empty view of the new plan says what is missing and links to where it is added.
    for (view, links) in [
        (
            "#overview",
            vec!["#status", "#schedule", "#pledge", "#settings"],
        ),
        ("#schedule", vec!["#status", "#pledge"]),
        ("#split", vec!["#status"]),
        ("#items", vec!["#status"]),
    ] {
        set_fragment(view);
        settle().await;
        let hints = root
            .query_selector_all("[data-testid=empty-hint] a")
            .unwrap();
        let hrefs: Vec<String> = (0..hints.length())
            .filter_map(|i| hints.item(i))
            .filter_map(|a| a.unchecked_into::<web_sys::Element>().get_attribute("href"))
            .collect();
        for link in links {
            assert!(
                hrefs.iter().any(|h| h == link),
                "{view}: a link to {link} in {hrefs:?}"
            );
        }
    }
    // The link to the status table lands where a program is added.
    set_fragment("#status");
    settle().await;
    assert!(button_named(&root, "단위사업 추가").is_connected());
    drop(root);
}
