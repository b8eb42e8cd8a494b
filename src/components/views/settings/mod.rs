//! Plan settings: the plan's title, organisation, unit and years, its list of
//! funding sources (add, rename, reorder; remove only when no figure uses it),
//! a summary, the JSON export a planner sends to colleagues, and the demo plan.

mod sources;
pub mod staffing;

use crate::components::controls::rounding_select::RoundingSelect;
use leptos::prelude::*;
use planner_core::change::edit::RoundingTable;
use planner_core::change::field::{Field, PlanYear};
use planner_core::fixtures::demo::demo_plan;
use planner_core::model::amount::format_figure;
use planner_core::model::plan::YearRange;
use planner_core::model::words::unit_caption;
use planner_core::rules::derive::status_total;
use planner_core::{Edit, Msg};

use crate::browser;
use crate::components::cells::figure::FigureCell;
use crate::components::cells::marked_text::MarkedText;
use crate::components::controls::unit_select::UnitSelect;
use crate::components::views::settings::staffing::StaffingTable;
use crate::state::{use_nav, use_session};

use sources::SourcesTable;

/// The plan's own settings, its sources and its file export.
#[component]
pub fn Settings() -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let t = move |m: Msg| m.text(nav.lang.get());
    let lang = move || nav.lang.get();
    let unit = move || session.unit.get();
    let export = move |_| {
        let name = session.plan.with_untracked(|p| {
            format!(
                "{}-{}.json",
                planner_core::render::names::file_stem(&p.title),
                browser::today()
            )
        });
        browser::download_json(&name, &session.plan_file());
    };
    // Dated like the JSON export, so a colleague's folder sorts by day.
    let dated = move |name: String| match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}-{}.{ext}", browser::today()),
        None => name,
    };
    let export_csv = move |_| {
        let (name, bytes) = session.plan.with_untracked(|p| {
            (
                planner_core::render::csv::csv_file_name(p),
                planner_core::render::csv::plan_csv(p, nav.lang.get_untracked()),
            )
        });
        browser::download_bytes(&dated(name), planner_core::render::csv::CSV_MIME, &bytes);
    };
    let export_xlsx = move |_| {
        let (name, bytes) = session.plan.with_untracked(|p| {
            (
                planner_core::render::xlsx::xlsx_file_name(p),
                planner_core::render::xlsx::plan_xlsx(p, nav.lang.get_untracked()),
            )
        });
        browser::download_bytes(&dated(name), planner_core::render::xlsx::XLSX_MIME, &bytes);
    };
    let reset = move |_| {
        if browser::confirm(t(Msg::ResetDemoConfirm)) {
            session.replace_plan(demo_plan());
        }
    };
    let total = move || {
        session
            .plan
            .with(|p| format_figure(p.unit.shown_figure(status_total(p).this_year)))
    };
    let years = Memo::new(move |_| session.plan.with(|p| p.years));

    view! {
        <section class="view details-view settings-view" aria-labelledby="settings-title">
            <h2 id="settings-title">{move || lang().pick("계획 설정", "Settings")}</h2>
            <div class="form-grid">
                <label for="plan-name">{move || t(Msg::PlanTitleLabel)}</label>
                <MarkedText
                    id="plan-name"
                    value=Signal::derive(move || session.plan.with(|p| p.title.clone()))
                    on_input=Callback::new(move |title| session.dispatch(Edit::SetTitle(title)))
                />
                <label for="plan-organisation">{move || t(Msg::OrganisationLabel)}</label>
                <input
                    id="plan-organisation"
                    type="text"
                    prop:value=move || session.plan.with(|p| p.organisation.clone())
                    on:input=move |ev| session.dispatch(Edit::SetOrganisation(event_target_value(&ev)))
                />
                <label for="plan-unit">{move || t(Msg::UnitLabel)}</label>
                <UnitSelect
                    id="plan-unit"
                    unit=Signal::derive(unit)
                    on_pick=Callback::new(move |u| session.dispatch(Edit::SetUnit(u)))
                />
                <YearField which=PlanYear::First label=("첫 연도", "First year")/>
                <YearField which=PlanYear::Last label=("마지막 연도", "Last year")/>
                <YearField which=PlanYear::Base label=("기준연도", "Base year")/>
            </div>
            <p class="hint">
                {move || {
                    lang()
                        .pick(
                            "연도는 네 자리를 다 쓰면 반영됩니다. 그 전까지는 칸에 입력한 대로 표시되고 계획은 이전 연도를 그대로 둡니다. 기준연도 이후의 실적은 오류로 표시됩니다.",
                            "A year takes effect once all four digits are typed; until then the field shows what you typed and the plan keeps its years. Actuals after the base year are marked as errors.",
                        )
                }}
            </p>
            <h3>{move || lang().pick("문서 대조", "Checking printed documents")}</h3>
            <div class="grid-options">
                <RoundingSelect table=RoundingTable::Plan testid="plan-rounding"/>
                <label class="share-decimals">
                    {move || lang().pick("비율 소수 자릿수", "Decimals of shares")}
                    <select
                        data-testid="plan-share-decimals"
                        on:change=move |ev| {
                            if let Ok(d) = event_target_value(&ev).parse::<u32>() {
                                session.dispatch(Edit::SetShareDecimals(d));
                            }
                        }
                        prop:value=move || session.plan.with(|p| p.share_decimals.to_string())
                    >
                        <option value="1" prop:selected=move || session.plan.with(|p| p.share_decimals == 1)>"1 (42.0%)"</option>
                        <option value="2" prop:selected=move || session.plan.with(|p| p.share_decimals == 2)>"2 (42.00%)"</option>
                    </select>
                </label>
            </div>
            <p class="hint">
                {move || lang().pick(
                    "원 단위 금액을 천원·백만원으로 반올림해 인쇄한 문서를 옮겨 적으면 합계가 1~2 단위 어긋납니다. 여기서 정한 단위는 표마다 따로 정하지 않은 모든 표에 적용되며, 그 단위의 반올림 범위 안의 차이는 오류가 아닌 경고(≈)로 표시됩니다.",
                    "A document that rounded won to KRW 1,000 or KRW 1,000,000 stops footing by a unit or two. The unit set here applies to every table that does not set its own; a difference within its rounding is a warning (≈), not an error.",
                )}
            </p>
            <SourcesTable/>
            <StaffingTable/>
            <h3>{move || t(Msg::PlanFacts)}</h3>
            <dl class="facts">
                <dt>{move || t(Msg::ProgramCount)}</dt>
                <dd>{move || session.plan.with(|p| p.budget_rows().count())}</dd>
                <dt>{move || t(Msg::GrandTotalThisYear)}</dt>
                <dd>
                    <span class="num">{total}</span>
                    " "
                    <span class="unit-caption">{move || unit_caption(unit(), nav.lang.get())}</span>
                </dd>
                <dt>{move || lang().pick("계획 기간", "Plan years")}</dt>
                <dd data-testid="plan-years">
                    {move || {
                        let YearRange { first, last } = years.get();
                        format!("{first}–{last}")
                    }}
                </dd>
            </dl>
            <div class="actions">
                <button type="button" class="primary" on:click=export>{move || t(Msg::ExportJson)}</button>
                <button type="button" on:click=export_csv>{move || lang().pick("CSV로 내보내기 (엑셀용)", "Export as CSV (for Excel)")}</button>
                <button type="button" on:click=export_xlsx>{move || lang().pick("XLSX로 내보내기 (공식 표)", "Export as XLSX (official tables)")}</button>
                <button type="button" on:click=reset>{move || t(Msg::ResetDemo)}</button>
            </div>
        </section>
    }
}

/// One of the plan's years: the one figure cell over it, with its label.
#[component]
fn YearField(
    /// Which year.
    which: PlanYear,
    /// Its label in Korean and English.
    label: (&'static str, &'static str),
) -> impl IntoView {
    let nav = use_nav();
    let field = Field::PlanYear(which);
    let id = field.cell_id();
    let text = Signal::derive(move || nav.lang.get().pick(label.0, label.1).to_string());
    view! {
        <label for=id>{move || text.get()}</label>
        <div class="year-editor">
            <FigureCell field label=text class="short"/>
        </div>
    }
}
