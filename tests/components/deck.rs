//! The briefing deck: the presenter's keys move between slides, T swaps a
//! chart for its table, a typed note and a rearranged deck are saved with
//! the plan, and an open problem adds the closing slide.

use std::rc::Rc;

use planner_core::file::encode;
use planner_core::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

use super::support::*;
use budget_planner::storage::LEGACY_PLAN_KEY;

/// The key (`summary`, `program-5`…) of the slide on screen in `root`.
fn on_screen(root: &HtmlElement) -> String {
    root.query_selector("section.slide.current")
        .unwrap()
        .expect("a slide is on screen")
        .get_attribute("data-slide")
        .unwrap_or_default()
}

/// Opens the presenter's notes (N) and gives their text area.
async fn open_notes(root: &HtmlElement) -> web_sys::HtmlTextAreaElement {
    press_on_page("n");
    settle().await;
    root.query_selector("#deck-notes")
        .unwrap()
        .expect("N opens the notes")
        .unchecked_into()
}

fn slide_keys(root: &HtmlElement) -> Vec<String> {
    let list = root.query_selector_all("section.slide").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| {
            n.unchecked_into::<web_sys::Element>()
                .get_attribute("data-slide")
                .unwrap_or_default()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_presenters_keys_move_between_slides_and_t_shows_the_table() {
    let store = Rc::new(MemoryStore::default());
    let root = mount_at(store, Lang::Ko, "#deck");
    settle().await;
    let keys = slide_keys(&root);
    assert_eq!(keys.first().map(String::as_str), Some("summary"));
    assert_eq!(keys.last().map(String::as_str), Some("changes"));
    assert_eq!(on_screen(&root), "summary");
    press_on_page("ArrowRight");
    settle().await;
    assert_eq!(on_screen(&root), keys[1]);
    press_on_page(" ");
    press_on_page("PageDown");
    settle().await;
    assert_eq!(on_screen(&root), keys[3]);
    press_on_page("PageUp");
    settle().await;
    assert_eq!(on_screen(&root), keys[2]);
    press_on_page("End");
    settle().await;
    assert_eq!(on_screen(&root), "changes");
    press_on_page("ArrowRight");
    settle().await;
    assert_eq!(on_screen(&root), "changes", "the last slide stays");
    let number = root
        .query_selector("[data-testid=slide-number]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(number, format!("슬라이드 {} / {}", keys.len(), keys.len()));

    let current = || {
        root.query_selector("section.slide.current")
            .unwrap()
            .unwrap()
    };
    assert!(current().query_selector("svg").unwrap().is_some());
    press_on_page("t");
    settle().await;
    let table = current().query_selector("table.slide-table").unwrap();
    assert!(table.is_some(), "T shows the chart's table");
    assert!(current().query_selector("svg").unwrap().is_none());
    assert!(current().text_content().unwrap().contains("△21,634"));
    press_on_page("t");
    settle().await;
    assert!(current().query_selector("svg").unwrap().is_some());
    press_on_page("Home");
    settle().await;
    assert_eq!(on_screen(&root), "summary");
}

#[wasm_bindgen_test]
async fn a_note_and_a_new_order_are_saved_with_the_plan() {
    let store = Rc::new(MemoryStore::default());
    let root = mount_at(store.clone(), Lang::En, "#deck");
    settle().await;
    let notes = open_notes(&root).await;
    notes.set_value("Start with the total");
    notes
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    autosaved().await;
    assert_eq!(
        store
            .stored_plan()
            .deck
            .notes
            .get("summary")
            .map(String::as_str),
        Some("Start with the total")
    );

    // Arrange: move the second entry up, leave the first program out.
    let buttons = root.query_selector_all(".deck-bar button").unwrap();
    let arrange: HtmlElement = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().contains("Arrange"))
        .unwrap();
    arrange.click();
    settle().await;
    let up: HtmlElement = root
        .query_selector(".deck-arrange li:nth-child(2) button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    up.click();
    settle().await;
    let first_box: HtmlElement = root
        .query_selector(".deck-arrange li:nth-child(2) input[type=checkbox]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    first_box.click();
    settle().await;
    autosaved().await;
    let keys = slide_keys(&root);
    assert_eq!(keys[1], "program-6", "program 6 moved first");
    assert!(
        !keys.contains(&"program-5".to_string()),
        "program 5 left out"
    );
    let plan = store.stored_plan();
    assert_eq!(planner_core::views::deck::slides(&plan, 0), {
        let mut expected = vec![planner_core::views::deck::Slide::Summary];
        expected.extend(keys[1..].iter().filter_map(|k| match k.split_once('-') {
            Some(("program", id)) => Some(planner_core::views::deck::Slide::Program(
                id.parse().unwrap(),
            )),
            Some(("pledge", id)) => Some(planner_core::views::deck::Slide::Pledge(
                id.parse().unwrap(),
            )),
            _ => None,
        }));
        expected.push(planner_core::views::deck::Slide::Changes);
        expected
    });
}

#[wasm_bindgen_test]
async fn an_open_problem_adds_the_closing_slide() {
    let mut plan = planner_core::fixtures::demo::demo_plan();
    plan.programs[5].stated_total = Some(planner_core::model::plan::Stated {
        amount: planner_core::Amount::won(1_000),
        unit: planner_core::Unit::Thousand,
    });
    let store = Rc::new(MemoryStore::default());
    store.entries.borrow_mut().insert(
        LEGACY_PLAN_KEY.to_string(),
        encode(&plan, "test", "2026-01-01T00:00:00Z"),
    );
    let root = mount_at(store, Lang::Ko, "#deck");
    settle().await;
    assert_eq!(
        slide_keys(&root).last().map(String::as_str),
        Some("problems")
    );
    press_on_page("End");
    settle().await;
    let slide = root
        .query_selector("section.slide.current")
        .unwrap()
        .unwrap();
    let text = slide.text_content().unwrap();
    assert!(text.contains("확인이 필요한 문제"), "{text}");
    assert!(text.contains("사회적경제기업 육성 및 역량 강화"), "{text}");
}

/// A note keystroke redraws no slide (the drawn chart stays the same DOM);
/// toggling the table (a change of what the slide shows) draws it again.
#[wasm_bindgen_test]
async fn typing_a_note_redraws_no_slide() {
    let store = Rc::new(MemoryStore::default());
    let root = mount_at(store, Lang::En, "#deck");
    settle().await;
    let body = || {
        root.query_selector("section.slide.current .slide-body")
            .unwrap()
            .expect("the slide on screen is drawn")
            .first_element_child()
            .expect("the slide has content")
    };
    let drawn = body();
    let notes = open_notes(&root).await;
    for text in ["S", "St", "Sta"] {
        notes.set_value(text);
        notes
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        settle().await;
    }
    assert!(drawn.is_connected(), "a note keystroke redrew the slide");
    let _ = notes.blur();
    press_on_page("t");
    settle().await;
    assert!(!drawn.is_connected(), "T draws the slide again");
    assert!(body().is_connected());
}

/// The cues a second window of plan 1's briefing hears, and a way to speak.
struct OtherWindow {
    channel: web_sys::BroadcastChannel,
    heard: Rc<std::cell::RefCell<Vec<String>>>,
    _listen: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl OtherWindow {
    fn join() -> OtherWindow {
        let channel = web_sys::BroadcastChannel::new("budget-planner/briefing/1").unwrap();
        let heard = Rc::new(std::cell::RefCell::new(Vec::new()));
        let into = heard.clone();
        let listen = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |ev: web_sys::MessageEvent| {
                into.borrow_mut()
                    .push(ev.data().as_string().unwrap_or_default())
            },
        );
        channel.set_onmessage(Some(listen.as_ref().unchecked_ref()));
        OtherWindow {
            channel,
            heard,
            _listen: listen,
        }
    }

    fn say(&self, cue: &str) {
        self.channel.post_message(&cue.into()).unwrap();
    }

    fn last(&self) -> String {
        self.heard.borrow().last().cloned().unwrap_or_default()
    }
}

impl Drop for OtherWindow {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}

/// Waits for a message between windows to arrive (a task of its own).
async fn delivered() {
    sleep(30).await;
}

#[wasm_bindgen_test]
async fn the_presenter_screen_shows_this_slide_the_next_and_the_list_and_tells_the_other_window() {
    let other = OtherWindow::join();
    let store = Rc::new(MemoryStore::default());
    let root = mount_at(store, Lang::En, "#presenter/2");
    settle().await;
    delivered().await;
    assert_eq!(
        other.last(),
        "cue1 presenter hello",
        "a new window asks where the briefing stands: {:?}",
        other.heard.borrow()
    );
    let slide_of = |frame: &str| {
        attr(&root, &format!("{frame} section.slide"), "data-slide").unwrap_or_default()
    };
    let plan = planner_core::fixtures::demo::demo_plan();
    let keys: Vec<String> = planner_core::views::deck::slides(&plan, 0)
        .into_iter()
        .map(|s| s.key())
        .collect();
    assert_eq!(
        slide_of(".presenter-current"),
        keys[1],
        "the address's slide"
    );
    assert_eq!(slide_of(".presenter-next"), keys[2]);
    assert_eq!(
        root.query_selector_all(".presenter-list li")
            .unwrap()
            .length() as usize,
        keys.len()
    );
    assert_eq!(
        attr(&root, "#presenter-item-2", "aria-current").as_deref(),
        Some("true")
    );
    assert!(exists(&root, "#deck-notes"), "the notes are always there");
    assert!(text_of(&root, ".presenter-list").contains(&plan.program(5).unwrap().name));

    // A step and a blank here are told to the other window.
    press_on_page("ArrowRight");
    settle().await;
    delivered().await;
    assert_eq!(other.last(), "cue1 presenter at 2 slides charts");
    assert_eq!(slide_of(".presenter-current"), keys[2]);
    press_on_page("b");
    settle().await;
    delivered().await;
    assert_eq!(other.last(), "cue1 presenter at 2 black charts");
    assert_eq!(
        text_of(&root, "[data-testid=presenter-screen]"),
        "Audience sees: black screen (B)"
    );

    // What the other window says moves this one, without an echo.
    let told = other.heard.borrow().len();
    other.say("cue1 deck at 4 slides table");
    delivered().await;
    settle().await;
    assert_eq!(slide_of(".presenter-current"), keys[4]);
    assert!(
        exists(&root, ".presenter-current table.slide-table"),
        "T travels too"
    );
    assert_eq!(text_of(&root, "[data-testid=presenter-screen]"), "");
    assert_eq!(
        other.heard.borrow().len(),
        told,
        "a cue heard is not sent back"
    );
    other.say("cue1 deck hello");
    delivered().await;
    assert_eq!(
        other.last(),
        "cue1 presenter at 4 slides table",
        "a hello is answered"
    );
    other.say("not a cue");
    other.say("cue1 deck at 1 grey charts");
    delivered().await;
    assert_eq!(
        slide_of(".presenter-current"),
        keys[4],
        "a stray message changes nothing"
    );

    // A number then Enter jumps; the list's entry follows.
    press_on_page("2");
    press_on_page("Enter");
    settle().await;
    assert_eq!(slide_of(".presenter-current"), keys[1]);
    assert_eq!(
        attr(&root, "#presenter-item-2", "aria-current").as_deref(),
        Some("true")
    );
    assert_eq!(attr(&root, "#presenter-item-5", "aria-current"), None);
}

#[wasm_bindgen_test]
async fn the_deck_window_blanks_and_follows_the_presenter_window() {
    let other = OtherWindow::join();
    let store = Rc::new(MemoryStore::default());
    let root = mount_at(store, Lang::Ko, "#deck");
    settle().await;
    delivered().await;
    assert_eq!(other.last(), "cue1 deck hello");
    assert_eq!(
        attr(&root, "[data-testid=open-presenter]", "aria-pressed").as_deref(),
        Some("false")
    );
    // Another deck of the plan (a second tab) steps with it but is no presenter.
    other.say("cue1 deck at 1 slides charts");
    delivered().await;
    settle().await;
    assert_eq!(
        attr(&root, "[data-testid=open-presenter]", "aria-pressed").as_deref(),
        Some("false")
    );
    other.say("cue1 presenter at 3 black charts");
    delivered().await;
    settle().await;
    assert_eq!(
        attr(&root, "[data-testid=open-presenter]", "aria-pressed").as_deref(),
        Some("true"),
        "a window that speaks is the presenter's"
    );
    let keys = slide_keys(&root);
    assert_eq!(on_screen(&root), keys[3]);
    assert!(attr(&root, "[data-testid=deck-blank]", "class")
        .unwrap_or_default()
        .contains("black"));
    press_on_page("b");
    settle().await;
    delivered().await;
    assert!(
        !exists(&root, "[data-testid=deck-blank]"),
        "B again shows the slide"
    );
    assert_eq!(other.last(), "cue1 deck at 3 slides charts");
    other.say("cue1 presenter bye");
    delivered().await;
    settle().await;
    assert_eq!(
        attr(&root, "[data-testid=open-presenter]", "aria-pressed").as_deref(),
        Some("false")
    );
    press_on_page("ArrowRight");
    settle().await;
    assert_eq!(on_screen(&root), keys[4], "the deck steps alone");
}
