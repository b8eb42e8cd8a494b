//! The problems panel: every broken rule of the plan, counted by severity,
//! each a link that opens the sheet holding the cell and focuses it. It is
//! recomputed after every keystroke; there is no "validate" button.

use leptos::prelude::*;
use planner_core::rules::validate::{count_by_severity, Severity};
use planner_core::views::locate::{describe, sheet_of, Sheet};

use crate::browser;
use crate::state::{use_nav, use_session, Nav, View};

/// How many problems the panel lists; the rest are counted. A plan with
/// thousands of problems stays fast to edit.
pub const LISTED_PROBLEMS: usize = 200;

/// The panel beside every plan view.
#[component]
pub fn ProblemsPanel() -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let counts = Memo::new(move |_| session.problems.with(|p| count_by_severity(p)));
    let heading = move || {
        let lang = nav.lang.get();
        if !session.checked.get() {
            return format!(
                "{} · {}",
                lang.pick("문제", "Problems"),
                lang.pick("검사 중…", "checking…")
            );
        }
        let (errors, warnings) = counts.get();
        format!(
            "{} · {} {errors} · {} {warnings}",
            lang.pick("문제", "Problems"),
            lang.pick("오류", "errors"),
            lang.pick("경고", "warnings"),
        )
    };
    let items = move || {
        let lang = nav.lang.get();
        let problems = session.problems.get();
        session.plan.with(|plan| {
            problems
                .iter()
                .take(LISTED_PROBLEMS)
                .map(|problem| {
                    let place = describe(&problem.location, plan, lang);
                    let message = problem.message(lang, plan.unit);
                    let cell_id = problem.location.cell_id();
                    let sheet = sheet_of(&problem.location);
                    let (symbol, word, class) = match problem.severity {
                        Severity::Error => ("⚠", lang.pick("오류", "Error"), "problem error"),
                        Severity::Warning => ("ⓘ", lang.pick("경고", "Warning"), "problem warning"),
                    };
                    let go = move |ev: leptos::ev::MouseEvent| {
                        ev.prevent_default();
                        show_cell(nav, sheet, cell_id.clone());
                    };
                    view! {
                        <li class=class data-code=problem.code.as_str()>
                            <a href=sheet_href(sheet) on:click=go>
                                <span class="marker" aria-hidden="true">{symbol}" "</span>
                                <strong>{word}</strong>
                                " "
                                <span class="place">{place}</span>
                                <span class="message">{message}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let more = move || {
        let total = session.problems.with(|p| p.len());
        (total > LISTED_PROBLEMS).then(|| {
            let lang = nav.lang.get();
            format!(
                "{} {}",
                total - LISTED_PROBLEMS,
                lang.pick("건 더 있음", "more not listed")
            )
        })
    };

    view! {
        <aside class="problems-panel" aria-labelledby="problems-title" data-testid="problems-panel">
            <h2 id="problems-title" aria-live="polite">{heading}</h2>
            <Show
                when=move || session.problems.with(|p| !p.is_empty())
                fallback=move || view! {
                    <Show
                        when=move || session.checked.get()
                        fallback=move || view! {
                            <p class="checking">{move || nav.lang.get().pick("계획을 검사하고 있습니다…", "Checking the plan…")}</p>
                        }
                    >
                        <p class="no-problems">
                            <span aria-hidden="true">"✓ "</span>
                            {move || nav.lang.get().pick("문제가 없습니다. 모든 표가 맞습니다.", "No problems: every table foots.")}
                        </p>
                    </Show>
                }
            >
                <ul class="problem-list">{items}</ul>
                <p class="more">{more}</p>
            </Show>
        </aside>
    }
}

/// The URL of the sheet, so the link also works opened in a new tab.
fn sheet_href(sheet: Sheet) -> String {
    let (view, subject) = sheet_route(sheet);
    view.href(subject)
}

fn sheet_route(sheet: Sheet) -> (View, Option<planner_core::Owner>) {
    use planner_core::Owner;
    match sheet {
        Sheet::Status => (View::Status, None),
        Sheet::Schedule(owner) => (View::Schedule, Some(owner)),
        Sheet::Pledge(id) => (View::Pledge, Some(Owner::Pledge(id))),
        Sheet::LineItems(id) => (View::LineItems, Some(Owner::Program(id))),
        Sheet::Split(id) => (View::Split, Some(Owner::Program(id))),
        Sheet::Settings => (View::Settings, None),
    }
}

/// Opens the sheet and, once it has rendered, focuses the cell.
fn show_cell(nav: Nav, sheet: Sheet, cell_id: String) {
    let (view, subject) = sheet_route(sheet);
    nav.go(view, subject);
    request_animation_frame(move || {
        if !browser::focus_element(&cell_id) {
            // The cell may be a whole row or field without an input of its own.
            let _ = browser::focus_element("main");
        }
    });
}
