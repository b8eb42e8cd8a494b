//! The overview (document view): the demo's figures in the official forms,
//! the unit switch re-rendering every table still footing, and how long a
//! benchmark-size plan takes to render.

use std::rc::Rc;

use planner_core::file::{decode, encode};
use planner_core::fixtures::generate::{generated_plan, Size};
use planner_core::{Lang, Unit};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

use super::support::*;
use budget_planner::storage::LEGACY_PLAN_KEY;

/// Mounts the app over `store` on the overview.
fn mount_overview(store: Rc<MemoryStore>, lang: Lang) -> Mounted {
    mount_at(store, lang, "#overview")
}

/// A figure as the tables print it (`1,234`, `△21`, `-`) as a number.
fn figure(text: &str) -> i64 {
    let text = text.trim();
    if text == "-" {
        return 0;
    }
    let (negative, digits) = match text.strip_prefix('△') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let value: i64 = digits.replace(',', "").parse().unwrap_or_else(|_| {
        panic!("not a figure: {text:?}");
    });
    if negative {
        -value
    } else {
        value
    }
}

/// Every element under `root` that matches (querySelectorAll, through JS so
/// that the app needs no extra web-sys feature).
fn all(root: &HtmlElement, selector: &str) -> Vec<HtmlElement> {
    let query: js_sys::Function = js_sys::Reflect::get(root, &"querySelectorAll".into())
        .unwrap()
        .unchecked_into();
    let list = query.call1(root, &selector.into()).unwrap();
    js_sys::Array::from(&list)
        .iter()
        .map(JsCast::unchecked_into)
        .collect()
}

fn texts(root: &HtmlElement, selector: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .map(|e| e.text_content().unwrap_or_default().trim().to_string())
        .collect()
}

/// The status table's rows as shown: [this year, prior year, change].
fn status_rows(root: &HtmlElement) -> Vec<[i64; 3]> {
    all(root, "#ov-status-table tr[data-program]")
        .iter()
        .map(|row| {
            let cells = texts(row, "td");
            [figure(&cells[0]), figure(&cells[1]), figure(&cells[2])]
        })
        .collect()
}

fn status_total(root: &HtmlElement) -> [i64; 3] {
    [
        figure(&text_of(root, "[data-testid=ov-total-this-year]")),
        figure(&text_of(root, "[data-testid=ov-total-prior-year]")),
        figure(&text_of(root, "[data-testid=ov-total-change]")),
    ]
}

/// Every shown row adds up to the shown 계, in every column.
fn assert_status_foots(root: &HtmlElement) {
    let rows = status_rows(root);
    let total = status_total(root);
    for c in 0..3 {
        let sum: i64 = rows.iter().map(|r| r[c]).sum();
        assert_eq!(sum, total[c], "column {c} foots");
    }
    for r in rows.iter().chain(std::iter::once(&total)) {
        assert_eq!(r[0] - r[1], r[2], "change is this year less prior year");
    }
}

fn choose_unit(root: &HtmlElement, code: &str) {
    let radio: HtmlInputElement = root
        .query_selector(&format!("input[name=overview-unit][value={code}]"))
        .unwrap()
        .unwrap()
        .unchecked_into();
    radio.set_checked(true);
    radio
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

fn now_ms() -> f64 {
    let performance =
        js_sys::Reflect::get(&js_sys::global(), &"performance".into()).expect("performance");
    let now: js_sys::Function = js_sys::Reflect::get(&performance, &"now".into())
        .unwrap()
        .unchecked_into();
    now.call0(&performance).unwrap().as_f64().unwrap()
}

#[wasm_bindgen_test]
async fn the_demo_overview_shows_the_documents_figures() {
    let root = mount_overview(Rc::new(MemoryStore::default()), Lang::Ko);
    settle().await;
    assert_eq!(
        text_of(&root, "[data-testid=overview-title]"),
        "사회적경제 예산·공약 계획 (예시)"
    );
    // §1.1
    assert_eq!(
        text_of(&root, "[data-testid=ov-status-caption]"),
        "(단위: 천원)"
    );
    assert_eq!(status_total(&root), [1_780_060, 654_714, 1_125_346]);
    assert!(text_of(&root, "#ov-status-table tr[data-program='4']").contains("△21,634"));
    assert_status_foots(&root);
    // The 계 row comes first.
    let first_row = root
        .query_selector("#ov-status-table tbody tr")
        .unwrap()
        .unwrap();
    assert_eq!(
        first_row.get_attribute("data-testid").as_deref(),
        Some("ov-status-total")
    );
    // §1.2
    assert_eq!(
        text_of(&root, "[data-testid=split-6]"),
        "1,167,388천원 (국 622,500, 시 247,313, 구비 297,575)"
    );
    assert_eq!(
        text_of(&root, "[data-testid=split-9]"),
        "1,000,000천원 (시비)"
    );
    let link = root
        .query_selector("li[data-program='6'] a.subject")
        .unwrap()
        .unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("#split/program-6")
    );
    // §1.3 in the plan's unit (천원) and §1.4
    assert_eq!(text_of(&root, "[data-testid=pledge-1-total]"), "3,528,000");
    assert_eq!(
        text_of(&root, "[data-testid=pledge-1-indicator-1-achievement]"),
        "64.7%"
    );
    assert_eq!(
        text_of(&root, "[data-testid=pledge-1-indicator-1-target-total]"),
        "3,000건"
    );
    assert_eq!(
        text_of(&root, "[data-testid=pledge-1-indicator-1-actual-total]"),
        "1,941건"
    );
    // The pledge's one label, as the card, the grid and the deck write it.
    assert!(text_of(&root, "article[data-pledge='1'] h4").starts_with("공약 17 · "));
    assert!(text_of(&root, "article[data-pledge='1'] dl").contains("이행 후 계속추진"));
    let pledge_link = root
        .query_selector("article[data-pledge='1'] h4 a")
        .unwrap()
        .unwrap();
    assert_eq!(
        pledge_link.get_attribute("href").as_deref(),
        Some("#pledge/pledge-1")
    );
    // §1.5
    assert_eq!(text_of(&root, "[data-testid=staffing-quota-total]"), "16");
    assert_eq!(text_of(&root, "[data-testid=staffing-current-total]"), "16");
    assert_eq!(
        text_of(&root, "[data-testid=staffing-shortfall-total]"),
        "-"
    );
    assert!(text_of(&root, "tr[data-row=shortfall]").contains("△1"));
    // Nothing is rounded in the unit the plan was entered in.
    assert_eq!(texts(&root, "[data-testid=rounding-note]").len(), 0);
    drop(root);
}

#[wasm_bindgen_test]
async fn switching_to_millions_re_renders_every_table_still_footing() {
    let store = Rc::new(MemoryStore::default());
    let root = mount_overview(store.clone(), Lang::En);
    settle().await;
    assert_eq!(
        text_of(&root, "[data-testid=split-6]"),
        "KRW 1,167,388 thousand (National 622,500, City 247,313, District 297,575)"
    );
    choose_unit(&root, "million");
    settle().await;
    assert_eq!(
        text_of(&root, "[data-testid=ov-status-caption]"),
        "(Unit: KRW 1,000,000)"
    );
    // Rounded cell by cell the rows would add to 1,781 and 654.
    assert_eq!(status_total(&root), [1_780, 655, 1_125]);
    assert_status_foots(&root);
    assert_eq!(
        text_of(&root, "[data-testid=split-6]"),
        "KRW 1,167 million (National 622, City 247, District 298)"
    );
    assert_eq!(text_of(&root, "[data-testid=pledge-1-total]"), "3,528");
    // The schedule foots down every column.
    let total_cells: Vec<i64> = texts(&root, "#ov-pledge-1-schedule tbody.total-row td")
        .iter()
        .map(|t| figure(t))
        .collect();
    let mut sums = vec![0i64; total_cells.len()];
    for row in all(&root, "#ov-pledge-1-schedule tr[data-source]") {
        for (c, t) in texts(&row, "td").iter().enumerate() {
            sums[c] += figure(t);
        }
    }
    assert_eq!(sums, total_cells);
    // The reader is told why 625 is not 626.
    assert!(texts(&root, "[data-testid=rounding-note]")
        .iter()
        .any(|t| t.contains("Rounded to the unit shown; totals foot")));
    // The unit is an edit like any other: saved with the plan.
    autosaved().await;
    let saved = store.plan_text(1).unwrap();
    assert_eq!(decode(&saved).unwrap().plan.unit, Unit::Million);
    choose_unit(&root, "won");
    settle().await;
    assert_eq!(
        status_total(&root),
        [1_780_060_000, 654_714_000, 1_125_346_000]
    );
    assert_status_foots(&root);
    drop(root);
}

#[wasm_bindgen_test]
async fn a_benchmark_plan_renders_in_parts_and_all_on_request() {
    let plan = generated_plan(Size::BENCHMARK, 42);
    let store = Rc::new(MemoryStore::default());
    // Stored the way the first release kept its one plan: opened on start.
    store.entries.borrow_mut().insert(
        LEGACY_PLAN_KEY.to_string(),
        encode(&plan, "test", "2026-01-01T00:00:00Z"),
    );
    let started = now_ms();
    let root = mount_overview(store, Lang::Ko);
    settle().await;
    let first = now_ms() - started;
    assert_eq!(status_rows(&root).len(), 100);
    assert_eq!(texts(&root, "ol.split-lines > li").len(), 50);
    assert_eq!(texts(&root, "article.pledge-doc").len(), 5);
    assert_status_foots_partially(&root);

    let started = now_ms();
    choose_unit(&root, "million");
    settle().await;
    let unit_switch = now_ms() - started;

    let started = now_ms();
    for button in all(&root, ".show-more button") {
        if button
            .text_content()
            .unwrap_or_default()
            .contains("모두 보기")
        {
            button.click();
        }
    }
    settle().await;
    let everything = now_ms() - started;
    assert_eq!(status_rows(&root).len(), 200);
    assert_eq!(texts(&root, "ol.split-lines > li").len(), 200);
    assert_eq!(texts(&root, "article.pledge-doc").len(), 50);
    assert_status_foots(&root);
    web_sys::console::log_1(
        &format!(
            "overview of the benchmark plan (200 programs, 50 pledges): first render {first:.1} ms, \
             unit switch {unit_switch:.1} ms, everything shown {everything:.1} ms"
        )
        .into(),
    );
    drop(root);
}

/// With only part of the rows shown, the shown rows are at most the total.
fn assert_status_foots_partially(root: &HtmlElement) {
    let rows = status_rows(root);
    let total = status_total(root);
    assert!(rows.iter().map(|r| r[0]).sum::<i64>() <= total[0]);
}
