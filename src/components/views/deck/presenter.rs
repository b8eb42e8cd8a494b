//! The presenter's window of a briefing: the slide the room sees and the
//! next one, the notes (typed here, saved with the plan), the elapsed time
//! and the clock, and the slide list to jump to. The audience's window (the
//! deck) shows only slides; the two follow each other over the briefing's
//! link, and either one works alone when the other is closed.

use std::time::Duration;

use leptos::prelude::*;
use planner_core::views::deck::{slide_title, Slide};
use planner_core::views::presenter::{elapsed_text, DeckAction, Screen, Timer, Window};

use super::{slide_in_address, slide_markup, DeckState, KeyUse, NotesPanel};
use crate::browser;
use crate::state::{use_nav, use_session, View};

/// The presenter's screen (`#presenter/3`).
#[component]
pub fn PresenterView() -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    let state = DeckState::new(
        session,
        Window::Presenter,
        slide_in_address(View::Presenter.fragment()),
    );
    let title = Memo::new(move |_| session.plan.with(|p| p.title.clone()));
    let at = move || state.at();
    let count = move || state.count();
    let current = Memo::new(move |_| state.deck.with(|d| d.get(at()).copied()));
    let next = Memo::new(move |_| state.deck.with(|d| d.get(at() + 1).copied()));
    let at_end = move || next.get().is_none();
    super::follow_in_address(View::Presenter.fragment(), at);

    // The elapsed time counts from the window's opening; the clock and the
    // timer are read twice a second.
    let now = RwSignal::new(browser::now_ms());
    let timer = RwSignal::new(Timer::started(browser::now_ms()));
    let clock = RwSignal::new(browser::clock_text());
    let tick = set_interval_with_handle(
        move || {
            now.try_set(browser::now_ms());
            clock.try_set(browser::clock_text());
        },
        Duration::from_millis(500),
    )
    .ok();
    let toggle_timer = move || timer.update(|t| *t = t.toggled(browser::now_ms()));
    let reset_timer = move || timer.update(|t| *t = t.reset(browser::now_ms()));

    // Closing: the window a script opened closes; opened by hand (a
    // bookmark), it goes to the deck instead.
    let close = move || {
        if browser::is_full_screen() {
            browser::toggle_full_screen();
        }
        state.send(planner_core::views::presenter::Cue::Bye);
        if browser::has_opener() {
            browser::close_window();
        } else {
            nav.go(View::Deck, None);
        }
    };

    // Esc leaves full screen, then closes this window (the audience's deck
    // stays where it is); the notes are always here, and D and P belong to
    // the deck's window.
    let escape = move || {
        if browser::is_full_screen() {
            browser::toggle_full_screen();
        } else {
            close();
        }
    };
    let on_key = state.listen_for_keys(escape, |action| match action {
        DeckAction::Notes | DeckAction::Decimals | DeckAction::Presenter => KeyUse::Ignored,
        _ => KeyUse::Briefing,
    });
    // A closing window says goodbye, so the deck no longer shows it as open.
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| {
        state.send(planner_core::views::presenter::Cue::Bye);
    });
    on_cleanup(move || {
        on_key.remove();
        on_hide.remove();
        if let Some(tick) = tick {
            tick.clear();
        }
    });

    // The list: one button a slide; a step changes only the two buttons it
    // moves between.
    let on_screen = Selector::new(at);
    Effect::new(move |_| {
        let index = at();
        browser::scroll_into_view_nearest(&format!("presenter-item-{}", index + 1));
    });
    let screen_text = move || {
        let lang = lang();
        match state.screen.get() {
            Screen::Slides => String::new(),
            Screen::Black => lang
                .pick(
                    "청중 화면: 검은 화면 (B)",
                    "Audience sees: black screen (B)",
                )
                .into(),
            Screen::White => lang
                .pick("청중 화면: 흰 화면 (W)", "Audience sees: white screen (W)")
                .into(),
        }
    };
    let frame = move |slide: Memo<Option<Slide>>, number: Box<dyn Fn() -> usize + Send + Sync>| {
        view! {
            <div class="presenter-frame">
                <section class="slide current" data-slide=move || slide.get().map(Slide::key).unwrap_or_default()>
                    <div class="slide-body" inner_html=move || {
                        slide.get().map(|s| slide_markup(session, s, lang(), state.table.get())).unwrap_or_default()
                    }></div>
                    <footer class="slide-footer">
                        <span>{move || title.get()}</span>
                        <span class="slide-number">{move || number()}" / "{count}</span>
                    </footer>
                </section>
            </div>
        }
    };

    view! {
        <div class="presenter" role="region"
            aria-label=move || lang().pick("발표자 화면", "Presenter screen")>
            <header class="presenter-bar">
                <h1 class="presenter-title">{move || title.get()}</h1>
                <span class="deck-number" role="status" data-testid="presenter-number">
                    {move || format!("{} {} / {}", lang().pick("슬라이드", "Slide"), at() + 1, count())}
                </span>
                <span class="deck-typed" aria-live="polite" data-testid="deck-typed">{move || state.typed_text(lang())}</span>
                <span class="presenter-time">
                    <span class="presenter-label">{move || lang().pick("경과", "Elapsed")}</span>
                    <span role="timer" data-testid="presenter-timer">{move || elapsed_text(timer.get().elapsed(now.get()))}</span>
                    <button type="button" data-testid="presenter-pause" on:click=move |_| toggle_timer()>
                        {move || if timer.get().running() { lang().pick("일시정지", "Pause") } else { lang().pick("계속", "Resume") }}
                    </button>
                    <button type="button" on:click=move |_| reset_timer()>{move || lang().pick("초기화", "Reset")}</button>
                </span>
                <span class="presenter-time">
                    <span class="presenter-label">{move || lang().pick("시각", "Clock")}</span>
                    <span data-testid="presenter-clock">{move || clock.get()}</span>
                </span>
            </header>
            <div class="presenter-main">
                <section class="presenter-current" aria-labelledby="presenter-current-title">
                    <h2 class="presenter-heading" id="presenter-current-title">{move || lang().pick("현재 슬라이드", "Current slide")}</h2>
                    {frame(current, Box::new(move || at() + 1))}
                    <p class="presenter-screen" role="status" data-testid="presenter-screen">{screen_text}</p>
                </section>
                <div class="presenter-side">
                    <section class="presenter-next" aria-labelledby="presenter-next-title">
                        <h2 class="presenter-heading" id="presenter-next-title">{move || lang().pick("다음 슬라이드", "Next slide")}</h2>
                        <Show when=move || next.get().is_some()
                            fallback=move || view! { <p class="presenter-end">{move || lang().pick("마지막 슬라이드입니다.", "This is the last slide.")}</p> }>
                            {frame(next, Box::new(move || at() + 2))}
                        </Show>
                    </section>
                    <NotesPanel slide=Signal::derive(move || current.get())/>
                </div>
                <nav class="presenter-list" aria-label=move || lang().pick("슬라이드 목록", "Slide list")>
                    <ol>
                        {move || {
                            // Titles change with a rename, not with each keystroke of a note.
                            session.names.track();
                            let lang = lang();
                            let slides = state.deck.get();
                            session.plan.with_untracked(|plan| {
                                slides
                                    .into_iter()
                                    .enumerate()
                                    .map(|(index, slide)| {
                                        let on_screen = on_screen.clone();
                                        let label = slide_title(plan, slide, lang);
                                        view! {
                                            <li>
                                                <button type="button" id=format!("presenter-item-{}", index + 1)
                                                    aria-current=move || on_screen.selected(&index).then_some("true")
                                                    on:click=move |_| state.go_to(index)>
                                                    <span class="presenter-item-number">{index + 1}</span>
                                                    {label}
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            })
                        }}
                    </ol>
                </nav>
            </div>
            <nav class="deck-bar" aria-label=move || lang().pick("발표 조작", "Presentation controls")>
                <button type="button" aria-keyshortcuts="ArrowLeft PageUp" disabled=move || at() == 0
                    on:click=move |_| { state.act(DeckAction::Step(-1)); }>
                    <span aria-hidden="true">"◀ "</span>{move || lang().pick("이전", "Previous")}
                </button>
                <button type="button" aria-keyshortcuts="ArrowRight PageDown Space" disabled=at_end
                    on:click=move |_| { state.act(DeckAction::Step(1)); }>
                    {move || lang().pick("다음", "Next")}<span aria-hidden="true">" ▶"</span>
                </button>
                <button type="button" aria-keyshortcuts="B" aria-pressed=move || (state.screen.get() == Screen::Black).to_string()
                    on:click=move |_| { state.act(DeckAction::Blank(Screen::Black)); }>
                    {move || lang().pick("검은 화면 (B)", "Black screen (B)")}
                </button>
                <button type="button" aria-keyshortcuts="W" aria-pressed=move || (state.screen.get() == Screen::White).to_string()
                    on:click=move |_| { state.act(DeckAction::Blank(Screen::White)); }>
                    {move || lang().pick("흰 화면 (W)", "White screen (W)")}
                </button>
                <button type="button" aria-keyshortcuts="T" aria-pressed=move || state.table.get().to_string()
                    on:click=move |_| { state.act(DeckAction::Table); }>
                    {move || lang().pick("표 보기 (T)", "Table (T)")}
                </button>
                <button type="button" aria-keyshortcuts="F" on:click=move |_| browser::toggle_full_screen()>
                    {move || lang().pick("전체 화면 (F)", "Full screen (F)")}
                </button>
                <button type="button" aria-keyshortcuts="Escape" data-testid="presenter-close" on:click=move |_| close()>
                    {move || lang().pick("발표자 화면 닫기 (Esc)", "Close presenter screen (Esc)")}
                </button>
            </nav>
        </div>
    }
}
