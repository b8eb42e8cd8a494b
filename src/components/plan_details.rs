//! Plan details: the plan's title, organisation and display unit, a summary,
//! and the JSON export a planner sends to colleagues.

use leptos::prelude::*;
use planner_core::amount::format_figure;
use planner_core::demo::demo_plan;
use planner_core::derive::status_total;
use planner_core::i18n::{unit_caption, unit_name};
use planner_core::{Edit, Msg, Unit};

use crate::browser;
use crate::state::use_state;

/// The plan's own settings and its file export.
#[component]
pub fn PlanDetails() -> impl IntoView {
    let state = use_state();
    let t = move |m: Msg| m.text(state.lang.get());
    let unit = move || state.plan.with(|p| p.unit);
    let on_unit = move |ev| {
        let code = event_target_value(&ev);
        if let Some(unit) = Unit::ALL.into_iter().find(|u| unit_code(*u) == code) {
            state.dispatch(Edit::SetUnit(unit));
        }
    };
    let export = move |_| {
        let name = state.plan.with_untracked(|p| {
            format!(
                "{}-{}.json",
                planner_core::file::file_stem(&p.title),
                browser::today()
            )
        });
        browser::download_json(&name, &state.plan_file());
    };
    let reset = move |_| {
        if browser::confirm(t(Msg::ResetDemoConfirm)) {
            state.replace_plan(demo_plan());
        }
    };
    let total = move || {
        state
            .plan
            .with(|p| format_figure(p.unit.shown_figure(status_total(p).this_year)))
    };

    view! {
        <section class="view details-view" aria-labelledby="details-title">
            <h2 id="details-title">{move || t(Msg::NavPlan)}</h2>
            <div class="form-grid">
                <label for="plan-title">{move || t(Msg::PlanTitleLabel)}</label>
                <input
                    id="plan-title"
                    type="text"
                    prop:value=move || state.plan.with(|p| p.title.clone())
                    on:input=move |ev| state.dispatch(Edit::SetTitle(event_target_value(&ev)))
                />
                <label for="plan-organisation">{move || t(Msg::OrganisationLabel)}</label>
                <input
                    id="plan-organisation"
                    type="text"
                    prop:value=move || state.plan.with(|p| p.organisation.clone())
                    on:input=move |ev| state.dispatch(Edit::SetOrganisation(event_target_value(&ev)))
                />
                <label for="plan-unit">{move || t(Msg::UnitLabel)}</label>
                <select id="plan-unit" on:change=on_unit prop:value=move || unit_code(unit())>
                    {Unit::ALL
                        .into_iter()
                        .map(|u| {
                            view! {
                                <option value=unit_code(u) selected=move || unit() == u>
                                    {move || unit_name(u, state.lang.get())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <h3>{move || t(Msg::PlanFacts)}</h3>
            <dl class="facts">
                <dt>{move || t(Msg::ProgramCount)}</dt>
                <dd>{move || state.plan.with(|p| p.budget_rows().count())}</dd>
                <dt>{move || t(Msg::GrandTotalThisYear)}</dt>
                <dd>
                    <span class="num">{total}</span>
                    " "
                    <span class="unit-caption">{move || unit_caption(unit(), state.lang.get())}</span>
                </dd>
            </dl>
            <div class="actions">
                <button type="button" class="primary" on:click=export>{move || t(Msg::ExportJson)}</button>
                <button type="button" on:click=reset>{move || t(Msg::ResetDemo)}</button>
            </div>
        </section>
    }
}

/// The `<option>` value of a unit.
fn unit_code(unit: Unit) -> &'static str {
    match unit {
        Unit::Won => "won",
        Unit::Thousand => "thousand",
        Unit::Million => "million",
    }
}
