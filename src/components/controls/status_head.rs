//! The 예산현황 table's caption and column heads, shared by the status view
//! (loaded on first use) and the overview (in the first load).

use leptos::prelude::*;
use planner_core::Msg;

use crate::state::use_nav;

/// The status table's caption and column heads, in the editor and in the
/// overview alike; the editor adds the column of remove buttons.
#[component]
pub fn StatusHead(editable: bool) -> impl IntoView {
    let nav = use_nav();
    let t = move |m: Msg| m.text(nav.lang.get());
    view! {
        <caption class="visually-hidden">{move || t(Msg::StatusTableCaption)}</caption>
        <thead>
            <tr>
                <th scope="col">{move || t(Msg::ColUnitProgram)}</th>
                <th scope="col">{move || t(Msg::ColThisYear)}</th>
                <th scope="col">{move || t(Msg::ColPriorYear)}</th>
                <th scope="col">{move || t(Msg::ColChange)}</th>
                {editable.then(|| view! {
                    <th scope="col"><span class="visually-hidden">{move || t(Msg::RemoveProgram)}</span></th>
                })}
            </tr>
        </thead>
    }
}
