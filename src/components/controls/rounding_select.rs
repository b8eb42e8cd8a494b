//! "Figures copied from a document printed in 천원/백만원": the rounding
//! setting of one table (or the plan's default), where the table is. A
//! difference within that unit's rounding is then a warning, not an error.

use leptos::prelude::*;
use planner_core::change::edit::RoundingTable;
use planner_core::model::words::unit_name;
use planner_core::{Edit, Unit};

use crate::state::{use_nav, use_session};

/// The select of a table's rounding unit: the plan's default (tables only),
/// exact, or a unit of the document.
#[component]
pub fn RoundingSelect(
    /// The table it sets.
    table: RoundingTable,
    /// The test id of the select.
    testid: &'static str,
) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    let own = move || {
        session.plan.with(|p| match table {
            RoundingTable::Plan => p.rounded_in,
            RoundingTable::Status => p.status_totals.rounded_in,
            RoundingTable::Schedule(owner) => p.schedule(owner).and_then(|s| s.rounded_in),
        })
    };
    let code = move || own().map_or("", Unit::code);
    let default_word = move || {
        let plan_default = session.plan.with(|p| p.rounded_in);
        match plan_default.filter(|u| *u != Unit::Won) {
            Some(u) => format!(
                "{} ({})",
                lang().pick("계획 기본값", "plan default"),
                unit_name(u, lang())
            ),
            None => format!(
                "{} ({})",
                lang().pick("계획 기본값", "plan default"),
                lang().pick("정확히", "exact")
            ),
        }
    };
    let on_change = move |ev| {
        let value = event_target_value(&ev);
        let unit =
            Unit::from_code(&value).filter(|u| !(table == RoundingTable::Plan && *u == Unit::Won));
        session.dispatch(Edit::SetRounding { table, unit });
    };
    let units = [Unit::Thousand, Unit::Million];
    view! {
        <label class="rounding-select">
            <span>{move || lang().pick("문서의 인쇄 단위", "Figures copied from a document printed in")}</span>
            <select data-testid=testid on:change=on_change prop:value=code>
                {(table != RoundingTable::Plan).then(|| view! {
                    <option value="" selected=move || own().is_none()>{default_word}</option>
                })}
                <option value=Unit::Won.code() selected=move || matches!(own(), Some(Unit::Won)) || (table == RoundingTable::Plan && own().is_none())>
                    {move || lang().pick("정확히 (원 단위, 반올림 없음)", "exact (won, no rounding)")}
                </option>
                {units.into_iter().map(|u| view! {
                    <option value=u.code() selected=move || own() == Some(u)>
                        {move || unit_name(u, lang())}
                    </option>
                }).collect_view()}
            </select>
        </label>
    }
}
