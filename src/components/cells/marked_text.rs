//! A text input that carries its validation mark (an empty or duplicate
//! name), the way figure cells do: one look for every marked field.

use leptos::prelude::*;
use planner_core::rules::validate::Severity;

use crate::components::cells::figure::{cell_mark, CellMessage};
use crate::state::{use_nav, use_session};

/// A text input that shows the validation problem marked at its id (an
/// empty or duplicate name), as figure cells do.
#[component]
pub fn MarkedText(
    /// The input's id, which validation's cell id names.
    #[prop(into)]
    id: String,
    /// An accessible name when no `<label for>` names the input.
    #[prop(optional, into)]
    label: Option<Signal<String>>,
    /// What the empty field shows (a new row's name to be).
    #[prop(optional, into)]
    placeholder: Option<Signal<String>>,
    /// The text the plan holds.
    value: Signal<String>,
    /// Called with every keystroke's text.
    on_input: Callback<String>,
) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let message_id = format!("{id}-msg");
    let message = cell_mark(session, nav.lang, id.clone(), move || session.unit.get());
    let severity = move || message.with(|m| m.as_ref().map(|m| m.0));
    let described_by = message_id.clone();
    view! {
        <div
            class="cell-editor text-editor"
            class:invalid=move || severity() == Some(Severity::Error)
            class:warned=move || severity() == Some(Severity::Warning)
        >
            <input
                id=id
                type="text"
                aria-label=move || label.map(|l| l.get())
                placeholder=move || placeholder.map(|p| p.get())
                aria-invalid=move || if severity() == Some(Severity::Error) { "true" } else { "false" }
                aria-describedby=move || severity().is_some().then(|| described_by.clone())
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
            <Show when=move || severity().is_some()>
                <CellMessage id=message_id.clone() message=message/>
            </Show>
        </div>
    }
}
