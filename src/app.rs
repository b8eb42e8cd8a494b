//! The app shell: loads the state, provides it to the components, follows the
//! URL fragment between views, and keeps the document's title and language.

use std::rc::Rc;

use leptos::prelude::*;
use planner_core::{Lang, Msg};

use crate::browser;
use crate::components::chrome::conflict::ConflictBanner;
use crate::components::chrome::header::Header;
use crate::components::chrome::problems_panel::ProblemsPanel;
use crate::components::views::home::PlansHome;
use crate::components::views::overview::Overview;
use crate::components::views::schedule::ScheduleView;
use crate::components::views::welcome::WelcomeLine;
use crate::parts;
use crate::state::{self, use_nav, use_session, View};
use crate::storage::{self, BrowserStore, PlanStore};

/// The language of a visit: the one the user chose before, else the browser's.
pub fn initial_lang() -> Lang {
    storage::remembered_lang()
        .unwrap_or_else(|| Lang::from_browser_tag(&browser::browser_language()))
}

/// The whole app over browser storage.
#[component]
pub fn App() -> impl IntoView {
    let store: Rc<dyn PlanStore> = Rc::new(BrowserStore);
    view! { <AppWith store lang=initial_lang()/> }
}

/// The app over any store, so tests can mount it on an in-memory one.
#[component]
pub fn AppWith(store: Rc<dyn PlanStore>, lang: Lang) -> impl IntoView {
    let state::Contexts {
        nav,
        session,
        tabs,
        import,
        ..
    } = state::provide(store, lang);
    crate::panic::remember_lang(lang);
    browser::set_document_lang(lang);
    nav.follow_fragment();
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| nav.follow_fragment());
    // Ctrl+Z undoes a plan edit, Ctrl+Shift+Z and Ctrl+Y redo it, wherever the focus is
    // (a cell's own text undo would not reach the plan, its totals or storage).
    let on_key = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
            return;
        }
        // Compared by hand: `to_lowercase` would pull Unicode case tables into the bundle.
        match (ev.key().as_str(), ev.shift_key()) {
            ("z" | "Z", false) => {
                ev.prevent_default();
                session.undo();
            }
            ("z" | "Z", true) | ("y" | "Y", false) => {
                ev.prevent_default();
                session.redo();
            }
            _ => {}
        }
    });
    // A hidden or closing page writes a waiting edit at once.
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| session.flush());
    // Drafts (typed figures the plan could not take) are stored beside the
    // plan; if storage refused them, leaving the page asks first.
    let on_leave = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if session.drafts.at_risk() {
            ev.prevent_default();
            ev.set_return_value("unsaved");
        }
    });
    // `visibilitychange` is fired at the document and bubbles to the window.
    let on_visibility = window_event_listener_untyped("visibilitychange", move |_| {
        if browser::page_hidden() {
            session.flush();
        }
    });
    // Another tab's save.
    let on_storage = window_event_listener(leptos::ev::storage, move |ev| {
        tabs.on_storage_change(ev.key(), ev.new_value());
    });
    let stop_file_listeners = state::import::listen_for_files(import);
    on_cleanup(move || {
        session.stop();
        stop_file_listeners();
        on_storage.remove();
        on_hash.remove();
        on_key.remove();
        on_hide.remove();
        on_leave.remove();
        on_visibility.remove();
    });
    Effect::new(move |_| {
        let title = session.plan.with(|p| p.title.clone());
        browser::set_document_title(&format!("{title} · {}", Msg::AppName.text(nav.lang.get())));
    });
    let presenting = move || {
        matches!(nav.view.get(), View::Deck | View::Presenter) && session.id.get().is_some()
    };
    view! {
        <div class="app" data-ready="true" lang=move || nav.lang.get().code()>
            // The deck fills the screen: no header or panel beside it.
            <Show when=move || !presenting()>
                <Header/>
            </Show>
            <ConflictBanner/>
            <div class="workspace">
                <main id="main" tabindex="-1">
                    // Loaded with the first file dropped, pasted or chosen.
                    <Show when=move || import.pending.with(Option::is_some)>
                        {parts::import_dialog::part()}
                    </Show>
                    <Show when=move || nav.view.get() != View::Home && !presenting() && session.id.get().is_some()>
                        <WelcomeLine/>
                    </Show>
                    <CurrentView/>
                </main>
                <Show when=move || nav.view.get() != View::Home && !presenting() && session.id.get().is_some()>
                    <ProblemsPanel/>
                </Show>
            </div>
        </div>
    }
}

/// The view the navigation selected.
#[component]
fn CurrentView() -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    move || match nav.view.get() {
        // With no plan open, only the plans home has something to show.
        _ if session.id.get().is_none() => view! { <PlansHome/> }.into_any(),
        View::Home => view! { <PlansHome/> }.into_any(),
        View::Overview => view! { <Overview/> }.into_any(),
        View::Status => parts::status::part(),
        View::Schedule => view! { <ScheduleView/> }.into_any(),
        View::Split => parts::split::part(),
        View::Pledge => parts::pledge::part(),
        View::LineItems => parts::line_items::part(),
        View::Stages => parts::stages::part(),
        View::Settings => parts::settings::part(),
        View::History => parts::history::part(),
        View::Deck | View::Presenter => parts::deck::part(),
    }
}
