//! The briefing deck: the plan presented one topic a slide, full screen, for a
//! council briefing. Which slides, and what each shows (the overview's own
//! footed figures, charts drawn as SVG), come from `planner_core::views::deck` and
//! `planner_core::render::slide`; this component only frames them, follows the
//! presenter's keys and sends the deck's edits (arrangement, notes).

use std::time::Duration;

use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use planner_core::model::plan::DeckEntry;
use planner_core::render::slide::slide_html;
use planner_core::views::deck::{arrangement, entry_name, moved, slides, Slide};
use planner_core::{Edit, Owner};

use crate::browser;
use crate::components::chrome::header::SaveState;
use crate::state::{use_nav, use_session, View};

/// The deck: the current slide, the presenter's controls, notes and the
/// arrangement panel. Every slide has its frame in the page, drawn when it is
/// on screen or beside it, and all of them before printing, so that printing
/// gives one slide per landscape page.
#[component]
pub fn DeckView() -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    // The slide in the address (`#deck/3`), so a reload mid-briefing stays on it.
    let from_address = browser::location_fragment()
        .strip_prefix("deck/")
        .and_then(|n| n.parse::<usize>().ok())
        .map_or(0, |n| n.saturating_sub(1));
    let current = RwSignal::new(from_address);
    let show_table = RwSignal::new(false);
    let show_notes = RwSignal::new(false);
    let arranging = RwSignal::new(false);
    let deck = Memo::new(move |_| {
        let problems = session.problems.with(|p| p.len());
        session.plan.with(|p| slides(p, problems))
    });
    // One memo of the title for every slide's footer: a note keystroke
    // (a change of the plan) re-runs it once, not once per slide.
    let title = Memo::new(move |_| session.plan.with(|p| p.title.clone()));
    let count = move || deck.with(Vec::len);
    let at = move || current.get().min(count().saturating_sub(1));
    let go_to = move |index: usize| current.set(index.min(untrack(count).saturating_sub(1)));
    let step = move |by: isize| {
        let next = untrack(at) as isize + by;
        go_to(next.max(0) as usize);
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

    // The address follows the slide once the presenter pauses (250 ms):
    // replacing it costs Chromium more than drawing the step (issue 17).
    let address = StoredValue::new_local(None::<TimeoutHandle>);
    let stop_address = move || {
        if let Some(pending) = address.try_update_value(Option::take).flatten() {
            pending.clear();
        }
    };
    Effect::new(move |_| {
        let fragment = format!("#deck/{}", at() + 1);
        stop_address();
        // Only while the deck is still the page shown (never over a view
        // the presenter has left for).
        let replace = move || {
            if browser::location_fragment().starts_with("deck") {
                browser::replace_fragment(&fragment);
            }
        };
        address.set_value(set_timeout_with_handle(replace, Duration::from_millis(250)).ok());
    });

    let on_key = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let key = ev.key();
        // Esc works from any field: it closes the arrangement panel first,
        // then leaves full screen, and only then leaves the deck.
        if key == "Escape" {
            ev.prevent_default();
            if arranging.get_untracked() {
                arranging.set(false);
            } else if browser::is_full_screen() {
                browser::toggle_full_screen();
            } else {
                leave();
            }
            return;
        }
        let target = browser::target_tag(&ev);
        // Keys type text in a field; Space and Enter on a focused button press it.
        if matches!(target.as_str(), "INPUT" | "TEXTAREA" | "SELECT") {
            return;
        }
        let on_button = target == "BUTTON";
        match key.as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" => step(1),
            " " if !on_button => step(if ev.shift_key() { -1 } else { 1 }),
            "ArrowLeft" | "ArrowUp" | "PageUp" => step(-1),
            "Home" => go_to(0),
            "End" => go_to(usize::MAX),
            "f" | "F" => browser::toggle_full_screen(),
            "t" | "T" => show_table.update(|t| *t = !*t),
            "n" | "N" => show_notes.update(|n| *n = !*n),
            "d" | "D" => toggle_decimals(),
            _ => return,
        }
        ev.prevent_default();
    });
    // Printing (the button, Ctrl+P, save as PDF) draws every slide first; the
    // signal's effects run in the microtasks right after this event, before
    // the browser lays the pages out.
    let printing = RwSignal::new(false);
    let on_before_print = window_event_listener_untyped("beforeprint", move |_| printing.set(true));
    let on_after_print = window_event_listener_untyped("afterprint", move |_| printing.set(false));
    on_cleanup(move || {
        stop_address();
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

    view! {
        <div class="deck" role="region" aria-roledescription=move || lang().pick("발표 자료", "slide deck")
            aria-label=move || title.get()>
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
                                        let lang = lang();
                                        let table = show_table.get();
                                        // Drawn again when the figures change, not for a
                                        // note or the order (the plan itself is not tracked).
                                        session.figures.track();
                                        session.plan.with_untracked(|plan| {
                                            session.problems.with(|problems| slide_html(plan, slide, lang, table, problems).into_string())
                                        })
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
            <Show when=move || show_notes.get()>
                <NotesPanel slide=Signal::derive(move || deck.with(|d| d.get(at()).copied()))/>
            </Show>
            <Show when=move || arranging.get()>
                <ArrangePanel/>
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
                <button type="button" aria-keyshortcuts="T" aria-pressed=move || show_table.get().to_string()
                    on:click=move |_| show_table.update(|t| *t = !*t)>
                    {move || lang().pick("표 보기 (T)", "Table (T)")}
                </button>
                <button type="button" aria-keyshortcuts="N" aria-pressed=move || show_notes.get().to_string()
                    on:click=move |_| show_notes.update(|n| *n = !*n)>
                    {move || lang().pick("발표자 메모 (N)", "Notes (N)")}
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
