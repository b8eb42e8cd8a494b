//! An editable money cell. It accepts what planners type (`1,234,567`,
//! `△21,634`, `-21634`), sends every readable figure to the plan as the user
//! types, and explains an unreadable one at the cell while the plan keeps the
//! last good value.

use leptos::prelude::*;
use planner_core::amount::{format_figure_for_editing, parse_amount, AmountError};
use planner_core::i18n::amount_error_message;
use planner_core::validate::Severity;
use planner_core::Amount;

use crate::state::use_state;

/// The message under a marked cell: a symbol and a word say error or warning
/// (not colour alone), then what is wrong. Its id is what the cell's
/// `aria-describedby` points at.
#[component]
pub fn CellMessage(
    /// The element id (`{cell id}-msg`).
    id: String,
    /// The severity and text, if the cell is marked.
    message: Signal<Option<(Severity, String)>>,
) -> impl IntoView {
    let state = use_state();
    let text = move || {
        message.get().map(|(severity, text)| {
            let lang = state.lang.get();
            let (symbol, word) = match severity {
                Severity::Error => ("⚠ ", lang.pick("오류", "Error")),
                Severity::Warning => ("ⓘ ", lang.pick("경고", "Warning")),
            };
            view! {
                <span class="marker" aria-hidden="true">{symbol}</span>
                <strong>{word}": "</strong>
                {text}
            }
        })
    };
    let class = move || match message.with(|m| m.as_ref().map(|m| m.0)) {
        Some(Severity::Warning) => "cell-message warning",
        _ => "cell-message",
    };
    view! { <span class=class id=id role="status">{text}</span> }
}

/// One money input, labelled for screen readers with its row and column.
#[component]
pub fn AmountCell(
    /// The input's element id; the message element is `{id}-msg`.
    #[prop(into)]
    id: String,
    /// "row · column", read out by screen readers.
    #[prop(into)]
    label: Signal<String>,
    /// The amount the plan holds now.
    #[prop(into)]
    value: Signal<Amount>,
    /// Called with every readable figure the user types.
    on_commit: Callback<Amount>,
) -> impl IntoView {
    let state = use_state();
    // What the user is typing, while it differs from the plan's formatted value.
    let draft = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<AmountError>);
    let message_id = format!("{id}-msg");

    // The typed text stays while it is being fixed or still means the plan's value;
    // when the value changes from elsewhere (undo, redo), the cell shows the new value.
    let shown_text = move || {
        let unit = state.plan.with(|p| p.unit);
        let typed = draft.get().filter(|text| {
            error.with(Option::is_some) || parse_amount(text, unit).ok() == Some(value.get())
        });
        typed.unwrap_or_else(|| format_figure_for_editing(unit.exact_figure(value.get())))
    };
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        let unit = state.plan.with_untracked(|p| p.unit);
        match parse_amount(&text, unit) {
            Ok(amount) => {
                error.set(None);
                draft.set(Some(text));
                if amount != value.get_untracked() {
                    on_commit.run(amount);
                }
            }
            Err(e) => {
                error.set(Some(e));
                draft.set(Some(text));
            }
        }
    };
    // Leaving a good entry shows it in the table's own format; a bad one stays
    // as typed, with its message, until the user fixes or abandons it (Esc).
    // A focused cell that is removed (its row deleted, the view changed) gets
    // a blur after its signals are gone: then there is nothing to do.
    let on_blur = move |_| {
        if let Some(None) = error.try_get_untracked() {
            draft.try_set(None);
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            error.set(None);
            draft.set(None);
        }
    };
    // A figure the plan holds may break a rule (validation marks it by this
    // cell's id); an unreadable entry is the more urgent message.
    let cell_id = id.clone();
    let problem = Memo::new(move |_| state.problem_at(&cell_id));
    let message = move || match error.get() {
        Some(e) => Some((Severity::Error, amount_error_message(&e, state.lang.get()))),
        None => problem.with(|p| {
            p.as_ref().map(|p| {
                (
                    p.severity,
                    p.message(state.lang.get(), state.plan.with(|plan| plan.unit)),
                )
            })
        }),
    };
    let marked = move || error.with(Option::is_some) || problem.with(Option::is_some);
    let severity = move || {
        if error.with(Option::is_some) {
            Some(Severity::Error)
        } else {
            problem.with(|p| p.as_ref().map(|p| p.severity))
        }
    };
    let described_by = message_id.clone();

    view! {
        <div
            class="cell-editor"
            class:invalid=move || severity() == Some(Severity::Error)
            class:warned=move || severity() == Some(Severity::Warning)
        >
            <input
                id=id
                type="text"
                inputmode="text"
                autocomplete="off"
                spellcheck="false"
                class="amount"
                aria-label=move || label.get()
                aria-invalid=move || if severity() == Some(Severity::Error) { "true" } else { "false" }
                aria-describedby=move || marked().then(|| described_by.clone())
                prop:value=shown_text
                on:input=on_input
                on:blur=on_blur
                on:keydown=on_keydown
            />
            <Show when=marked>
                <CellMessage id=message_id.clone() message=Signal::derive(message)/>
            </Show>
        </div>
    }
}
