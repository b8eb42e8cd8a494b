//! What a table says after a block was pasted into it: why it was refused
//! (nothing changed), or that it was taken and how many printed totals that
//! came with it were checked. Shared by every table that takes blocks.

use leptos::ev::ClipboardEvent;
use leptos::prelude::*;
use planner_core::views::paste::{Block, PasteError, Pasted};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use crate::components::cells::figure::clipboard_text;
use crate::state::{use_nav, use_session, Session};

/// The outcome of the last paste into a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasteOutcome {
    /// Taken as one step; this many printed totals were checked.
    Taken(usize),
    /// Refused whole, with the reason.
    Refused(PasteError),
}

/// A paste of several cells into a table: the block and where it starts
/// (the input it was pasted into, and that input's `data-col`), or `None`
/// for a single value (the cell takes it as typed).
pub fn pasted_block(ev: &ClipboardEvent) -> Option<(Block, HtmlInputElement, usize)> {
    let text = clipboard_text(ev)?;
    if !Block::is_block(&text) {
        return None;
    }
    let input = ev.target()?.dyn_into::<HtmlInputElement>().ok()?;
    let column = input
        .closest("[data-col]")
        .ok()
        .flatten()
        .and_then(|cell: Element| cell.get_attribute("data-col"))
        .and_then(|c| c.parse().ok())?;
    ev.prevent_default();
    Some((Block::from_tsv(&text), input, column))
}

/// The key of the table row that holds `input` (its `attribute`, such as
/// `data-program`), so a table finds the row a block starts in.
pub fn row_key(input: &HtmlInputElement, attribute: &str) -> Option<String> {
    input
        .closest(&format!("tr[{attribute}]"))
        .ok()
        .flatten()
        .and_then(|tr| tr.get_attribute(attribute))
}

/// Carries out a paste: dispatched as one step, or refused, and says which.
pub fn apply_paste(session: Session, result: Result<Pasted, PasteError>) -> PasteOutcome {
    match result {
        Ok(pasted) => {
            session.dispatch(pasted.edit);
            PasteOutcome::Taken(pasted.totals_checked)
        }
        Err(error) => PasteOutcome::Refused(error),
    }
}

/// What to say about a paste: `(refused, text)`, or nothing for a plain
/// paste that was taken (the figures on screen say it).
pub fn outcome_message(
    outcome: &PasteOutcome,
    plan: &planner_core::Plan,
    lang: planner_core::Lang,
) -> Option<(bool, String)> {
    match outcome {
        PasteOutcome::Refused(error) => Some((true, error.message(plan, lang))),
        PasteOutcome::Taken(0) => None,
        PasteOutcome::Taken(n) => Some((
            false,
            match lang {
                planner_core::Lang::Ko => format!(
                    "붙여넣었습니다(한 번에 실행 취소됩니다). 함께 붙여넣은 합계 {n}개는 금액 칸에 넣지 않고 확인했습니다: 모두 맞습니다."
                ),
                planner_core::Lang::En => format!(
                    "Pasted (one step to undo). The {n} printed total(s) that came with it were checked, not written into figure cells: they match."
                ),
            },
        )),
    }
}

/// The line under a table that says what the last paste did.
#[component]
pub fn PasteNote(
    /// The last paste's outcome, if any.
    outcome: RwSignal<Option<PasteOutcome>>,
    /// The test id of the line.
    testid: &'static str,
) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let said = move || {
        let lang = nav.lang.get();
        outcome
            .get()
            .and_then(|o| session.plan.with(|p| outcome_message(&o, p, lang)))
    };
    view! {
        <p class="grid-message" role="alert" data-testid=testid>
            {move || said().map(|(refused, text)| view! {
                <span class="marker" aria-hidden="true">{if refused { "⚠ " } else { "✓ " }}</span>
                <strong>{move || nav.lang.get().pick("붙여넣기", "Paste")}": "</strong>
                {text}
            })}
        </p>
    }
}
