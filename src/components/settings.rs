//! Plan settings: the plan's title, organisation, unit and years, its list of
//! funding sources (add, rename, reorder; remove only when no figure uses it),
//! a summary, the JSON export a planner sends to colleagues, and the demo plan.

use leptos::prelude::*;
use planner_core::change::field::{Field, PlanYear};
use planner_core::fixtures::demo::demo_plan;
use planner_core::model::amount::format_figure;
use planner_core::model::plan::YearRange;
use planner_core::model::words::{unit_caption, unit_name};
use planner_core::rules::derive::status_total;
use planner_core::{Edit, Msg, Unit};

use crate::browser;
use crate::components::figure_cell::FigureCell;
use crate::components::pledge_targets::MarkedText;
use crate::components::staffing::StaffingTable;
use crate::state::use_state;

/// The plan's own settings, its sources and its file export.
#[component]
pub fn Settings() -> impl IntoView {
    let state = use_state();
    let t = move |m: Msg| m.text(state.lang.get());
    let lang = move || state.lang.get();
    let unit = move || state.plan.with(|p| p.unit);
    let on_unit = move |ev| {
        let code = event_target_value(&ev);
        if let Some(unit) = Unit::ALL.into_iter().find(|u| u.code() == code) {
            state.dispatch(Edit::SetUnit(unit));
        }
    };
    let export = move |_| {
        let name = state.plan.with_untracked(|p| {
            format!(
                "{}-{}.json",
                planner_core::render::names::file_stem(&p.title),
                browser::today()
            )
        });
        browser::download_json(&name, &state.plan_file());
    };
    // Dated like the JSON export, so a colleague's folder sorts by day.
    let dated = move |name: String| match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}-{}.{ext}", browser::today()),
        None => name,
    };
    let export_csv = move |_| {
        let (name, bytes) = state.plan.with_untracked(|p| {
            (
                planner_core::render::csv::csv_file_name(p),
                planner_core::render::csv::plan_csv(p, state.lang.get_untracked()),
            )
        });
        browser::download_bytes(&dated(name), planner_core::render::csv::CSV_MIME, &bytes);
    };
    let export_xlsx = move |_| {
        let (name, bytes) = state.plan.with_untracked(|p| {
            (
                planner_core::render::xlsx::xlsx_file_name(p),
                planner_core::render::xlsx::plan_xlsx(p, state.lang.get_untracked()),
            )
        });
        browser::download_bytes(&dated(name), planner_core::render::xlsx::XLSX_MIME, &bytes);
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
    let years = Memo::new(move |_| state.plan.with(|p| p.years));

    view! {
        <section class="view details-view settings-view" aria-labelledby="settings-title">
            <h2 id="settings-title">{move || lang().pick("계획 설정", "Settings")}</h2>
            <div class="form-grid">
                <label for="plan-name">{move || t(Msg::PlanTitleLabel)}</label>
                <MarkedText
                    id="plan-name"
                    value=Signal::derive(move || state.plan.with(|p| p.title.clone()))
                    on_input=Callback::new(move |title| state.dispatch(Edit::SetTitle(title)))
                />
                <label for="plan-organisation">{move || t(Msg::OrganisationLabel)}</label>
                <input
                    id="plan-organisation"
                    type="text"
                    prop:value=move || state.plan.with(|p| p.organisation.clone())
                    on:input=move |ev| state.dispatch(Edit::SetOrganisation(event_target_value(&ev)))
                />
                <label for="plan-unit">{move || t(Msg::UnitLabel)}</label>
                <select id="plan-unit" on:change=on_unit prop:value=move || unit().code()>
                    {Unit::ALL
                        .into_iter()
                        .map(|u| {
                            view! {
                                <option value=u.code() selected=move || unit() == u>
                                    {move || unit_name(u, state.lang.get())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
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
            <SourcesTable/>
            <StaffingTable/>
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
    let state = use_state();
    let field = Field::PlanYear(which);
    let id = field.cell_id();
    let text = Signal::derive(move || state.lang.get().pick(label.0, label.1).to_string());
    view! {
        <label for=id>{move || text.get()}</label>
        <div class="year-editor">
            <FigureCell field label=text class="short"/>
        </div>
    }
}

/// The plan's funding sources: names in both languages, order, add, remove.
#[component]
fn SourcesTable() -> impl IntoView {
    let state = use_state();
    let lang = move || state.lang.get();
    let ids = Memo::new(move |_| {
        state
            .plan
            .with(|p| p.sources.iter().map(|s| s.id.clone()).collect::<Vec<_>>())
    });
    let new_ko = RwSignal::new(String::new());
    let new_en = RwSignal::new(String::new());
    let add_error = RwSignal::new(false);
    let add = move |_| {
        let (name_ko, name_en) = (new_ko.get_untracked(), new_en.get_untracked());
        if name_ko.trim().is_empty() && name_en.trim().is_empty() {
            add_error.set(true);
            return;
        }
        add_error.set(false);
        state.dispatch(Edit::AddSource {
            name_ko: name_ko.trim().to_string(),
            name_en: name_en.trim().to_string(),
        });
        new_ko.set(String::new());
        new_en.set(String::new());
    };

    view! {
        <h3 id="sources-title">{move || lang().pick("재원", "Funding sources")}</h3>
        <table class="official sources-table" aria-labelledby="sources-title">
            <thead>
                <tr>
                    <th scope="col">{move || lang().pick("순서", "Order")}</th>
                    <th scope="col">{move || lang().pick("재원명 (한국어)", "Name (Korean)")}</th>
                    <th scope="col">{move || lang().pick("재원명 (영어)", "Name (English)")}</th>
                    <th scope="col">{move || lang().pick("순서 바꾸기", "Move")}</th>
                    <th scope="col">{move || lang().pick("삭제", "Remove")}</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || ids.get() key=|id| id.clone() let(id)>
                    <SourceRow id ids/>
                </For>
                <tr class="add-row">
                    <th scope="row">{move || lang().pick("새 재원", "New source")}</th>
                    <td>
                        <input
                            type="text"
                            id="new-source-ko"
                            aria-label=move || lang().pick("새 재원 · 한국어 이름", "New source · Korean name")
                            placeholder="민간"
                            prop:value=move || new_ko.get()
                            on:input=move |ev| new_ko.set(event_target_value(&ev))
                        />
                    </td>
                    <td>
                        <input
                            type="text"
                            id="new-source-en"
                            aria-label=move || lang().pick("새 재원 · 영어 이름", "New source · English name")
                            placeholder="Private"
                            prop:value=move || new_en.get()
                            on:input=move |ev| new_en.set(event_target_value(&ev))
                        />
                    </td>
                    <td colspan="2">
                        <button type="button" data-testid="add-source" on:click=add>
                            {move || lang().pick("재원 추가", "Add source")}
                        </button>
                        <Show when=move || add_error.get()>
                            <span class="cell-message" id="new-source-msg" role="status">
                                <span class="marker" aria-hidden="true">"⚠ "</span>
                                {move || lang().pick("재원 이름을 한 가지 이상 쓰세요.", "Give the source a name first.")}
                            </span>
                        </Show>
                    </td>
                </tr>
            </tbody>
        </table>
        <p class="hint" id="sources-remove-hint">
            {move || {
                lang()
                    .pick(
                        "“사용 중”인 재원은 어느 사업이나 공약의 소요예산에 금액·비고가 있거나 매칭 비율에 쓰여 삭제할 수 없습니다. 먼저 그 금액을 지우세요. 이름을 바꾸거나 순서를 바꾸어도 금액은 그대로입니다.",
                        "A source “in use” has money or a note in some program's or pledge's schedule, or a matching ratio: it cannot be removed until those are cleared. Renaming or moving a source keeps every figure.",
                    )
            }}
        </p>
    }
}

/// One funding source of the list.
#[component]
fn SourceRow(id: String, ids: Memo<Vec<String>>) -> impl IntoView {
    let state = use_state();
    let lang = move || state.lang.get();
    let key = StoredValue::new(id);
    let names = Memo::new(move |_| {
        key.with_value(|id| {
            state.plan.with(|p| {
                p.source(id)
                    .map(|s| (s.name_ko.clone(), s.name_en.clone()))
                    .unwrap_or_default()
            })
        })
    });
    let in_use = Memo::new(move |_| key.with_value(|id| state.plan.with(|p| p.source_in_use(id))));
    let position =
        Memo::new(move |_| key.with_value(|id| ids.with(|ids| ids.iter().position(|i| i == id))));
    let count = move || ids.with(Vec::len);
    let shown_name = move || {
        let (ko, en) = names.get();
        match state.lang.get() {
            planner_core::Lang::Ko if !ko.is_empty() => ko,
            _ if !en.is_empty() => en,
            _ => ko,
        }
    };
    let rename = move |ko: bool, text: String| {
        let (name_ko, name_en) = names.get_untracked();
        let (name_ko, name_en) = if ko { (text, name_en) } else { (name_ko, text) };
        state.dispatch(Edit::RenameSource {
            source: key.get_value(),
            name_ko,
            name_en,
        });
    };
    let move_to = move |delta: isize| {
        if let Some(from) = position.get_untracked() {
            let to = from.saturating_add_signed(delta);
            if to != from && to < count() {
                state.dispatch(Edit::MoveSource {
                    source: key.get_value(),
                    to,
                });
            }
        }
    };
    let remove = move |_| {
        state.dispatch(Edit::RemoveSource {
            source: key.get_value(),
        })
    };
    let why_id = key.with_value(|id| format!("source-{id}-in-use"));
    let described = why_id.clone();

    view! {
        <tr data-source=move || key.get_value()>
            <th scope="row">{move || position.get().map(|p| p + 1)}</th>
            <td>
                <MarkedText
                    id=key.with_value(|id| format!("source-{id}-name"))
                    label=Signal::derive(move || format!("{} · {}", shown_name(), lang().pick("한국어 이름", "Korean name")))
                    value=Signal::derive(move || names.get().0)
                    on_input=Callback::new(move |text| rename(true, text))
                />
            </td>
            <td>
                <input
                    type="text"
                    id=key.with_value(|id| format!("source-{id}-name-en"))
                    aria-label=move || format!("{} · {}", shown_name(), lang().pick("영어 이름", "English name"))
                    prop:value=move || names.get().1
                    on:input=move |ev| rename(false, event_target_value(&ev))
                />
            </td>
            <td class="move-buttons">
                <button
                    type="button"
                    aria-label=move || format!("{} · {}", lang().pick("위로", "Move up"), shown_name())
                    disabled=move || position.get() == Some(0)
                    on:click=move |_| move_to(-1)
                >
                    "↑"
                </button>
                <button
                    type="button"
                    aria-label=move || format!("{} · {}", lang().pick("아래로", "Move down"), shown_name())
                    disabled=move || position.get().is_none_or(|p| p + 1 >= count())
                    on:click=move |_| move_to(1)
                >
                    "↓"
                </button>
            </td>
            <td class="remove-cell">
                <button
                    type="button"
                    class="remove"
                    aria-label=move || format!("{} · {}", lang().pick("삭제", "Remove"), shown_name())
                    disabled=move || in_use.get()
                    aria-describedby=move || in_use.get().then(|| format!("{described} sources-remove-hint"))
                    on:click=remove
                >
                    "×"
                </button>
                <Show when=move || in_use.get()>
                    <span class="in-use" id=why_id.clone()>
                        {move || lang().pick("사용 중", "In use")}
                    </span>
                </Show>
            </td>
        </tr>
    }
}
