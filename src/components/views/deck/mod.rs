//! The briefing deck: the plan presented one topic a slide, full screen, for a
//! council briefing. Which slides, and what each shows (the overview's own
//! footed figures, charts drawn as SVG), come from `planner_core::views::deck` and
//! `planner_core::render::slide`; this component only frames them, follows the
//! presenter's keys and sends the deck's edits (arrangement, notes).

use std::time::Duration;

use leptos::leptos_dom::helpers::{TimeoutHandle, WindowListenerHandle};
use leptos::prelude::*;
use planner_core::model::plan::DeckEntry;
use planner_core::render::slide::slide_html;
use planner_core::views::deck::{arrangement, entry_name, moved, slides, Slide};
use planner_core::views::presenter::{
    moved_to, read_key, Briefing, Cue, DeckAction, Screen, Window,
};
use planner_core::{Edit, Lang, Owner};

use crate::briefing_link::BriefingLink;
use crate::browser;
use crate::components::chrome::header::SaveState;
use crate::state::{use_nav, use_session, Session, View};

pub mod presenter;

/// The name of the presenter's window, so that opening it again brings the
/// open one forward rather than a second.
const PRESENTER_WINDOW: &str = "budget-planner-presenter";

/// Where a briefing stands in this window, kept equal with the other window
/// of the briefing (the audience's deck, the presenter's screen) over a
/// [`BriefingLink`]. Cheap to copy: all fields are handles.
#[derive(Clone, Copy)]
struct DeckState {
    /// The slides of the open plan.
    deck: Memo<Vec<Slide>>,
    /// The slide on screen (0-based; may pass the end after slides were
    /// removed: [`DeckState::at`] keeps it inside).
    slide: RwSignal<usize>,
    /// Slides, black or white (B, W).
    screen: RwSignal<Screen>,
    /// Figures as tables (T).
    table: RwSignal<bool>,
    /// The slide number being typed (a number, then Enter).
    typed: RwSignal<String>,
    /// Whether the other kind of window (the deck's presenter, the
    /// presenter's deck) has spoken since it last said goodbye.
    partner: RwSignal<bool>,
    /// Which window this is.
    window: Window,
    link: StoredValue<Option<BriefingLink>, LocalStorage>,
}

impl DeckState {
    /// The briefing of the open plan in `window`, on slide `from_address`
    /// (the address's, so a reload stays on it), joined to the other window.
    fn new(session: Session, window: Window, from_address: usize) -> DeckState {
        let deck = Memo::new(move |_| {
            let problems = session.problems.with(|p| p.len());
            session.plan.with(|p| slides(p, problems))
        });
        let state = DeckState {
            deck,
            slide: RwSignal::new(from_address),
            screen: RwSignal::new(Screen::Slides),
            table: RwSignal::new(false),
            typed: RwSignal::new(String::new()),
            partner: RwSignal::new(false),
            window,
            link: StoredValue::new_local(None),
        };
        if let Some(plan) = session.id.get_untracked() {
            state
                .link
                .set_value(BriefingLink::join(plan, window, move |from, cue| {
                    state.hear(from, cue)
                }));
            state.send(Cue::Hello);
        }
        on_cleanup(move || {
            // Closes the channel: nothing arrives once this view is gone.
            if let Some(link) = state.link.try_update_value(Option::take).flatten() {
                drop(link);
            }
        });
        state
    }

    /// The number of slides.
    fn count(self) -> usize {
        self.deck.with(Vec::len)
    }

    /// The slide on screen, inside the deck.
    fn at(self) -> usize {
        self.slide.get().min(self.count().saturating_sub(1))
    }

    /// Where the briefing stands, untracked (to tell the other window).
    fn briefing(self) -> Option<Briefing> {
        Some(Briefing {
            slide: self.slide.try_get_untracked()?,
            screen: self.screen.try_get_untracked()?,
            table: self.table.try_get_untracked()?,
        })
    }

    fn send(self, cue: Cue) {
        self.link.with_value(|link| {
            if let Some(link) = link {
                link.send(cue);
            }
        });
    }

    /// What another window said.
    fn hear(self, from: Window, cue: Cue) {
        let partner = from != self.window;
        match cue {
            Cue::Hello => {
                if partner {
                    self.partner.try_set(true);
                }
                if let Some(now) = self.briefing() {
                    self.send(Cue::At(now));
                }
            }
            Cue::At(b) => {
                if partner {
                    self.partner.try_set(true);
                }
                if self.briefing() != Some(b) {
                    self.slide.try_set(b.slide);
                    self.screen.try_set(b.screen);
                    self.table.try_set(b.table);
                }
            }
            Cue::Bye => {
                if partner {
                    self.partner.try_set(false);
                }
            }
        }
    }

    /// Changes the briefing here and tells the other window.
    fn change(self, change: impl FnOnce(&mut Briefing)) {
        let Some(mut next) = self.briefing() else {
            return;
        };
        change(&mut next);
        if Some(next) == self.briefing() {
            return;
        }
        self.slide.set(next.slide);
        self.screen.set(next.screen);
        self.table.set(next.table);
        self.send(Cue::At(next));
    }

    /// Shows slide `index` (0-based, kept inside the deck).
    fn go_to(self, index: usize) {
        let last = untrack(move || self.count()).saturating_sub(1);
        self.change(|b| b.slide = index.min(last));
    }

    /// Does what a key asks of the briefing itself (steps, jumps, blanks,
    /// tables); `false` for what each window does its own way.
    fn act(self, action: DeckAction) -> bool {
        let (at, count) = untrack(move || (self.at(), self.count()));
        match action {
            DeckAction::Typing => {}
            DeckAction::Blank(blank) => self.change(|b| b.screen = b.screen.toggled(blank)),
            DeckAction::Table => self.change(|b| b.table = !b.table),
            _ => match moved_to(action, at, count) {
                Some(to) => self.go_to(to),
                None => return false,
            },
        }
        true
    }

    /// Reads a key press into `typed` and the action it asks for.
    fn read(self, key: &str, shift: bool) -> Option<DeckAction> {
        let mut typed = self.typed.get_untracked();
        let action = read_key(key, shift, &mut typed);
        if typed != self.typed.get_untracked() {
            self.typed.set(typed);
        }
        action
    }

    /// The number being typed, as the deck's bar shows it (`→ 12`).
    fn typed_text(self, lang: Lang) -> String {
        let typed = self.typed.get();
        if typed.is_empty() {
            String::new()
        } else {
            format!("{} {typed} ⏎", lang.pick("이동", "Go to"))
        }
    }
}

/// What a window does with a key's action beside what every window does.
enum KeyUse {
    /// This window did it.
    Taken,
    /// Not this window's key: the browser keeps it.
    Ignored,
    /// A step, jump, blank or table switch: the briefing's, in both windows.
    Briefing,
}

impl DeckState {
    /// The presenter's keys on this window (either window of a briefing):
    /// Esc from any field forgets a typed number, else does `escape` (each
    /// window leaves its own way); other keys type text in a field, and
    /// Space and Enter press a focused button. F is full screen everywhere;
    /// `own` does this window's actions, the rest move the briefing.
    fn listen_for_keys(
        self,
        escape: impl Fn() + 'static,
        own: impl Fn(DeckAction) -> KeyUse + 'static,
    ) -> WindowListenerHandle {
        window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                return;
            }
            let key = ev.key();
            let typing = !self.typed.get_untracked().is_empty();
            if key == "Escape" {
                ev.prevent_default();
                if typing {
                    self.typed.set(String::new());
                } else {
                    escape();
                }
                return;
            }
            let target = browser::target_tag(&ev);
            if matches!(target.as_str(), "INPUT" | "TEXTAREA" | "SELECT") {
                return;
            }
            if target == "BUTTON" && (key == " " || (key == "Enter" && !typing)) {
                return;
            }
            let Some(action) = self.read(&key, ev.shift_key()) else {
                return;
            };
            if action == DeckAction::FullScreen {
                browser::toggle_full_screen();
            } else {
                match own(action) {
                    KeyUse::Taken => {}
                    KeyUse::Ignored => return,
                    KeyUse::Briefing => {
                        self.act(action);
                    }
                }
            }
            ev.prevent_default();
        })
    }
}

/// The markup of `slide`, drawn again when the figures change (not for a
/// note or the order: the plan itself is not tracked).
fn slide_markup(session: Session, slide: Slide, lang: Lang, table: bool) -> String {
    session.figures.track();
    session.plan.with_untracked(|plan| {
        session
            .problems
            .with(|problems| slide_html(plan, slide, lang, table, problems).into_string())
    })
}

/// The slide the address names (`#deck/3`, `#presenter/3`), counted from 0.
fn slide_in_address(view: &str) -> usize {
    browser::location_fragment()
        .strip_prefix(view)
        .and_then(|rest| rest.strip_prefix('/'))
        .and_then(|n| n.parse::<usize>().ok())
        .map_or(0, |n| n.saturating_sub(1))
}

/// Keeps the address on the slide once the presenter pauses (250 ms):
/// replacing it costs Chromium more than drawing the step (issue 17). Only
/// while `view` is still the page shown (never over a view the presenter
/// has left for).
fn follow_in_address(view: &'static str, at: impl Fn() -> usize + 'static) {
    let address = StoredValue::new_local(None::<TimeoutHandle>);
    let stop_address = move || {
        if let Some(pending) = address.try_update_value(Option::take).flatten() {
            pending.clear();
        }
    };
    Effect::new(move |_| {
        let fragment = format!("#{view}/{}", at() + 1);
        stop_address();
        let replace = move || {
            if browser::location_fragment().starts_with(view) {
                browser::replace_fragment(&fragment);
            }
        };
        address.set_value(set_timeout_with_handle(replace, Duration::from_millis(250)).ok());
    });
    on_cleanup(stop_address);
}

/// The briefing's part: the audience's deck, or the presenter's screen when
/// the address says `#presenter`.
#[component]
pub fn BriefingView() -> impl IntoView {
    let nav = use_nav();
    let presenter = Memo::new(move |_| nav.view.get() == View::Presenter);
    move || {
        if presenter.get() {
            view! { <presenter::PresenterView/> }.into_any()
        } else {
            view! { <DeckView/> }.into_any()
        }
    }
}

/// The audience's deck: the current slide, the presenter's controls, notes
/// and the arrangement panel. Every slide has its frame in the page, drawn
/// when it is on screen or beside it, and all of them before printing, so
/// that printing gives one slide per landscape page.
#[component]
pub fn DeckView() -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    let state = DeckState::new(session, Window::Deck, slide_in_address("deck"));
    let show_table = state.table;
    let show_notes = RwSignal::new(false);
    let arranging = RwSignal::new(false);
    let popup_blocked = RwSignal::new(false);
    let deck = state.deck;
    // One memo of the title for every slide's footer: a note keystroke
    // (a change of the plan) re-runs it once, not once per slide.
    let title = Memo::new(move |_| session.plan.with(|p| p.title.clone()));
    let count = move || state.count();
    let at = move || state.at();
    let step = move |by: isize| {
        state.act(DeckAction::Step(by));
    };
    let at_end = move || at() + 1 >= count();
    // Which slide is on screen and which are beside it, as selectors: a step
    // notifies only the slides that come into or leave them, so stepping
    // costs the same in a deck of 20 slides or 2,500 (issue 17).
    let on_screen = Selector::new(at);
    let beside = Selector::new_with_fn(at, |slide: &usize, at: &usize| slide.abs_diff(*at) <= 1);
    // A program slide's shares: 1 or 2 decimals for this chart (D).
    let program_slide = move || {
        deck.with(|d| d.get(at()).copied())
            .filter(|s| matches!(s, Slide::Program(_)))
    };
    let slide_decimals = move || {
        program_slide().map(|s| {
            session.plan.with(|p| {
                p.deck
                    .share_decimals
                    .get(&s.key())
                    .copied()
                    .unwrap_or(p.share_decimals)
            })
        })
    };
    let toggle_decimals = move || {
        let (Some(slide), Some(now)) = (untrack(program_slide), untrack(slide_decimals)) else {
            return;
        };
        let plan_default = session.plan.with_untracked(|p| p.share_decimals);
        let next = if now == 1 { 2 } else { 1 };
        session.dispatch(Edit::SetSlideShareDecimals {
            slide: slide.key(),
            decimals: (next != plan_default).then_some(next),
        });
    };
    let leave = move || {
        if browser::is_full_screen() {
            browser::toggle_full_screen();
        }
        nav.go(View::Overview, None);
    };
    // The presenter's window, at this slide (a key or click allows the popup).
    let open_presenter = move || {
        let fragment = format!("#{}/{}", View::Presenter.fragment(), untrack(at) + 1);
        popup_blocked.set(!browser::open_window(&fragment, PRESENTER_WINDOW));
    };

    follow_in_address(View::Deck.fragment(), at);

    // Esc closes the arrangement panel first, then leaves full screen, and
    // only then leaves the deck.
    let escape = move || {
        if arranging.get_untracked() {
            arranging.set(false);
        } else if browser::is_full_screen() {
            browser::toggle_full_screen();
        } else {
            leave();
        }
    };
    let on_key = state.listen_for_keys(escape, move |action| {
        match action {
            DeckAction::Notes => show_notes.update(|n| *n = !*n),
            DeckAction::Decimals => toggle_decimals(),
            DeckAction::Presenter => open_presenter(),
            _ => return KeyUse::Briefing,
        }
        KeyUse::Taken
    });
    // Printing (the button, Ctrl+P, save as PDF) draws every slide first; the
    // signal's effects run in the microtasks right after this event, before
    // the browser lays the pages out.
    let printing = RwSignal::new(false);
    let on_before_print = window_event_listener_untyped("beforeprint", move |_| printing.set(true));
    let on_after_print = window_event_listener_untyped("afterprint", move |_| printing.set(false));
    on_cleanup(move || {
        on_key.remove();
        on_before_print.remove();
        on_after_print.remove();
    });

    let number = move || {
        let lang = lang();
        format!(
            "{} {} / {}",
            lang.pick("슬라이드", "Slide"),
            at() + 1,
            count()
        )
    };
    let blank = move || match state.screen.get() {
        Screen::Slides => None,
        Screen::Black => Some("deck-blank black"),
        Screen::White => Some("deck-blank white"),
    };

    view! {
        <div class="deck" role="region" aria-roledescription=move || lang().pick("발표 자료", "slide deck")
            aria-label=move || title.get() class:with-presenter=move || state.partner.get()>
            <div class="deck-stage">
                {move || {
                    let total = count();
                    deck.get()
                        .into_iter()
                        .enumerate()
                        .map(|(index, slide)| {
                            // Whether this slide is drawn: a memo, so stepping re-draws
                            // only the slides that come into or leave the neighbourhood.
                            let (on_screen, beside) = (on_screen.clone(), beside.clone());
                            let drawn = Memo::new(move |_| printing.get() || beside.selected(&index));
                            let current = Memo::new(move |_| on_screen.selected(&index));
                            view! {
                                <section
                                    class="slide"
                                    class:current=move || current.get()
                                    id=format!("slide-{}", index + 1)
                                    data-slide=slide.key()
                                    aria-hidden=move || if current.get() { "false" } else { "true" }
                                    aria-label=move || format!("{} {} / {total}", lang().pick("슬라이드", "Slide"), index + 1)
                                >
                                    <div class="slide-body" inner_html=move || {
                                        // Only the slides on or beside the screen are drawn, and
                                        // every slide while printing.
                                        if !drawn.get() {
                                            return String::new();
                                        }
                                        slide_markup(session, slide, lang(), show_table.get())
                                    }></div>
                                    <footer class="slide-footer">
                                        <span>{move || title.get()}</span>
                                        <span class="slide-number">{index + 1}" / "{total}</span>
                                    </footer>
                                </section>
                            }
                        })
                        .collect_view()
                }}
            </div>
            // B or W: the room sees a black or white screen; the same key shows the slide again.
            {move || blank().map(|class| view! {
                <div class=class data-testid="deck-blank" role="img"
                    aria-label=move || lang().pick("빈 화면 (B 또는 W로 돌아가기)", "Blank screen (B or W to return)")
                    on:click=move |_| state.change(|b| b.screen = Screen::Slides)></div>
            })}
            <Show when=move || show_notes.get()>
                <NotesPanel slide=Signal::derive(move || deck.with(|d| d.get(at()).copied()))/>
            </Show>
            <Show when=move || arranging.get()>
                <ArrangePanel/>
            </Show>
            <Show when=move || popup_blocked.get()>
                <p class="deck-alert" role="alert">{move || lang().pick(
                    "브라우저가 발표자 화면 창을 막았습니다. 이 사이트의 팝업을 허용한 뒤 다시 누르세요.",
                    "The browser blocked the presenter window. Allow pop-ups for this site, then press again.",
                )}</p>
            </Show>
            <nav class="deck-bar" aria-label=move || lang().pick("발표 조작", "Presentation controls")>
                <button type="button" aria-keyshortcuts="ArrowLeft PageUp" on:click=move |_| step(-1)
                    disabled=move || at() == 0>
                    <span aria-hidden="true">"◀ "</span>{move || lang().pick("이전", "Previous")}
                </button>
                <span class="deck-number" role="status" aria-live="polite" data-testid="slide-number">{number}</span>
                <button type="button" aria-keyshortcuts="ArrowRight PageDown Space" on:click=move |_| step(1)
                    disabled=at_end>
                    {move || lang().pick("다음", "Next")}<span aria-hidden="true">" ▶"</span>
                </button>
                <span class="deck-typed" aria-live="polite" data-testid="deck-typed">{move || state.typed_text(lang())}</span>
                <button type="button" aria-keyshortcuts="T" aria-pressed=move || show_table.get().to_string()
                    on:click=move |_| { state.act(DeckAction::Table); }>
                    {move || lang().pick("표 보기 (T)", "Table (T)")}
                </button>
                <button type="button" aria-keyshortcuts="N" aria-pressed=move || show_notes.get().to_string()
                    on:click=move |_| show_notes.update(|n| *n = !*n)>
                    {move || lang().pick("발표자 메모 (N)", "Notes (N)")}
                </button>
                <button type="button" aria-keyshortcuts="P" data-testid="open-presenter"
                    aria-pressed=move || state.partner.get().to_string()
                    on:click=move |_| open_presenter()>
                    {move || lang().pick("발표자 화면 (P)", "Presenter screen (P)")}
                </button>
                <Show when=move || program_slide().is_some()>
                    <button type="button" aria-keyshortcuts="D" data-testid="slide-decimals"
                        on:click=move |_| toggle_decimals()>
                        {move || match slide_decimals() {
                            Some(2) => lang().pick("비율 소수 둘째 자리 (D)", "Shares to 0.01 (D)"),
                            _ => lang().pick("비율 소수 첫째 자리 (D)", "Shares to 0.1 (D)"),
                        }}
                    </button>
                </Show>
                <button type="button" aria-pressed=move || arranging.get().to_string()
                    on:click=move |_| arranging.update(|a| *a = !*a)>
                    {move || lang().pick("슬라이드 구성", "Arrange slides")}
                </button>
                <button type="button" on:click=move |_| browser::print_page()>
                    {move || lang().pick("인쇄·PDF", "Print / PDF")}
                </button>
                <button type="button" aria-keyshortcuts="F" on:click=move |_| browser::toggle_full_screen()>
                    {move || lang().pick("전체 화면 (F)", "Full screen (F)")}
                </button>
                <button type="button" aria-keyshortcuts="Escape" on:click=move |_| leave()>
                    {move || lang().pick("나가기 (Esc)", "Leave (Esc)")}
                </button>
            </nav>
        </div>
    }
}

/// The presenter's note for the slide on screen: typed here, saved with the
/// plan like any edit (and undone like one).
#[component]
fn NotesPanel(slide: Signal<Option<Slide>>) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    let key = move || slide.get().map(Slide::key).unwrap_or_default();
    let note = move || {
        let key = key();
        session
            .plan
            .with(|p| p.deck.notes.get(&key).cloned().unwrap_or_default())
    };
    view! {
        <div class="deck-notes">
            <label id="deck-notes-label" for="deck-notes">{move || lang().pick("발표자 메모", "Presenter notes")}</label>
            <textarea
                id="deck-notes"
                rows="4"
                prop:value=note
                on:input=move |ev| {
                    let slide = key();
                    if !slide.is_empty() {
                        session.dispatch(Edit::SetSlideNote { slide, note: event_target_value(&ev) });
                    }
                }
            ></textarea>
            <SaveState/>
        </div>
    }
}

/// Which programs and pledges the deck shows, and in what order.
#[component]
fn ArrangePanel() -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    let entries = Memo::new(move |_| session.plan.with(arrangement));
    let set = move |entries: Vec<DeckEntry>| session.dispatch(Edit::SetDeckEntries(entries));
    let name = move |subject: Owner| session.plan.with(|p| entry_name(p, subject, lang()));
    view! {
        <section class="deck-arrange" aria-labelledby="deck-arrange-title">
            <h2 id="deck-arrange-title">{move || lang().pick("슬라이드 구성", "Arrange slides")}</h2>
            <p>{move || lang().pick(
                "표시할 사업과 공약을 고르고 순서를 정하세요. 요약은 처음, 증감과 문제는 끝에 옵니다. 계획과 함께 저장됩니다.",
                "Choose the programs and pledges to present and their order. The summary comes first; changes and problems close. Saved with the plan.",
            )}</p>
            <ol>
                {move || {
                    let list = entries.get();
                    let last = list.len().saturating_sub(1);
                    list.iter()
                        .enumerate()
                        .map(|(index, entry)| {
                            let entry = *entry;
                            let label = name(entry.subject);
                            let id = format!("arrange-{}", entry.subject.cell_prefix());
                            view! {
                                <li>
                                    <input
                                        type="checkbox"
                                        id=id.clone()
                                        prop:checked=entry.shown
                                        on:change=move |_| {
                                            let mut list = entries.get_untracked();
                                            if let Some(e) = list.get_mut(index) {
                                                e.shown = !e.shown;
                                            }
                                            set(list);
                                        }
                                    />
                                    <label for=id>{label.clone()}</label>
                                    <button type="button" disabled=index == 0
                                        aria-label=format!("{} {}", label, lang().pick("위로", "up"))
                                        on:click=move |_| set(moved(&entries.get_untracked(), index, -1))>"↑"</button>
                                    <button type="button" disabled=index == last
                                        aria-label=format!("{} {}", label, lang().pick("아래로", "down"))
                                        on:click=move |_| set(moved(&entries.get_untracked(), index, 1))>"↓"</button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}
