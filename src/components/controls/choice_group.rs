//! A single choice as a radio group (arrow keys move), its words from
//! `planner_core::model::words`: the pledge card's classification boxes.

use leptos::prelude::*;
use planner_core::model::words::Lang;

use crate::state::use_nav;

/// A single-choice box of the pledge card as a radio group (arrow keys move).
/// Generic only in how a value maps to its position: the group itself is
/// built once ([`radio_group`]) for every value type.
#[component]
pub fn ChoiceGroup<T>(
    /// The box's name in Korean and English.
    legend: (&'static str, &'static str),
    /// The radio group's name.
    name: String,
    /// Each value, in order.
    options: Vec<T>,
    /// A value's word (from `planner_core::model::words`).
    word: fn(T, Lang) -> &'static str,
    /// The value the plan holds.
    current: Signal<T>,
    /// Called with the value picked.
    on_pick: Callback<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let words = options
        .iter()
        .map(|&value| (word(value, Lang::Ko), word(value, Lang::En)))
        .collect();
    let values = options.clone();
    let checked = Signal::derive(move || {
        let now = current.get();
        values.iter().position(|v| *v == now)
    });
    let picked = Callback::new(move |at: usize| on_pick.run(options[at]));
    radio_group(legend, name, words, checked, picked)
}

/// The radio group of [`ChoiceGroup`]: options by position.
fn radio_group(
    legend: (&'static str, &'static str),
    name: String,
    words: Vec<(&'static str, &'static str)>,
    checked: Signal<Option<usize>>,
    on_pick: Callback<usize>,
) -> AnyView {
    let nav = use_nav();
    let lang = move || nav.lang.get();
    view! {
        <fieldset class="chips" role="radiogroup">
            <legend>{move || lang().pick(legend.0, legend.1)}</legend>
            {words
                .into_iter()
                .enumerate()
                .map(|(at, (ko, en))| {
                    let name = name.clone();
                    view! {
                        <label class="chip">
                            <input
                                type="radio"
                                name=name
                                prop:checked=move || checked.get() == Some(at)
                                on:change=move |_| on_pick.run(at)
                            />
                            {move || lang().pick(ko, en)}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
    .into_any()
}
