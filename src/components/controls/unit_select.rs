//! The unit picker (원 / 천원 / 백만원) of the new-plan form, the settings and
//! a schedule grid: one list of units, one code per unit (`Unit::code`).

use leptos::prelude::*;
use planner_core::model::words::unit_name;
use planner_core::Unit;

use crate::state::use_nav;

/// A `<select>` of every unit, showing `unit` and calling `on_pick` with the one picked.
#[component]
pub fn UnitSelect(
    /// The select's id, for a `<label for>`.
    #[prop(optional)]
    id: Option<&'static str>,
    /// The select's form name.
    #[prop(optional)]
    name: Option<&'static str>,
    /// The unit shown.
    #[prop(into)]
    unit: Signal<Unit>,
    /// Called with the unit picked.
    on_pick: Callback<Unit>,
) -> impl IntoView {
    let nav = use_nav();
    let on_change = move |ev| {
        if let Some(u) = Unit::from_code(&event_target_value(&ev)) {
            on_pick.run(u);
        }
    };
    view! {
        <select id=id name=name on:change=on_change prop:value=move || unit.get().code()>
            {Unit::ALL
                .into_iter()
                .map(|u| {
                    view! {
                        <option value=u.code() selected=move || unit.get() == u>
                            {move || unit_name(u, nav.lang.get())}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}
