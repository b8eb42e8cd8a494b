//! One indicator of a pledge: its name and unit, the §1.4 targets and
//! actuals by year, 이행율 with its bar, and its notes.

use leptos::ev::ClipboardEvent;
use leptos::prelude::*;
use planner_core::change::edit::IndicatorRow;
use planner_core::change::field::Field;
use planner_core::model::figure::{percent_text, quantity_text};
use planner_core::model::plan::{IndicatorId, PledgeId, Quantity};
use planner_core::rules::validate::Code;
use planner_core::views::paste::paste_indicator;
use planner_core::views::worksheet::{indicator_table, progress_width, IndicatorTable};
use planner_core::Edit;

use crate::components::cells::figure::{cell_mark, CellMessage, FigureCell};
use crate::components::cells::marked_text::MarkedText;
use crate::components::cells::paste::{
    apply_paste, pasted_block, row_key, PasteNote, PasteOutcome,
};
use crate::state::{use_nav, use_session};

/// One indicator: name and unit, the §1.4 table, 이행율 with a bar, notes.
#[component]
pub(super) fn IndicatorCard(pledge: PledgeId, indicator: IndicatorId) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    let prefix = format!("pledge-{pledge}-indicator-{indicator}");
    let fields = Memo::new(move |_| {
        session.plan.with(|p| {
            p.pledge(pledge)
                .and_then(|pl| pl.indicators.iter().find(|i| i.id == indicator))
                .map(|i| (i.name.clone(), i.unit.clone()))
                .unwrap_or_default()
        })
    });
    let table = Memo::new(move |_| {
        session.plan.with(|p| {
            p.pledge(pledge).and_then(|pl| {
                pl.indicators
                    .iter()
                    .find(|i| i.id == indicator)
                    .map(|i| indicator_table(i, pl.term))
            })
        })
    });
    let years = Memo::new(move |_| {
        table.with(|t| {
            t.as_ref()
                .map(|t| t.columns.iter().map(|c| c.year).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let name = move || fields.with(|f| f.0.clone());
    let unit = move || fields.with(|f| f.1.clone());
    let with_table = move |f: fn(&IndicatorTable) -> String| {
        table.with(|t| t.as_ref().map(f).unwrap_or_default())
    };
    let achievement = Memo::new(move |_| table.with(|t| t.as_ref().and_then(|t| t.achievement)));
    let achievement_text = move || {
        achievement
            .get()
            .map(|r| percent_text(Some(r)))
            .unwrap_or_else(|| lang().pick("실적 없음", "no actuals").to_string())
    };
    let remove = move |_| {
        session.dispatch(Edit::RemoveIndicator { pledge, indicator });
    };
    let row_label = move |row: IndicatorRow| match row {
        IndicatorRow::Target => lang().pick("목표", "Target"),
        IndicatorRow::Actual => lang().pick("실적", "Actual"),
    };
    let figure_row = move |row: IndicatorRow| {
        view! {
            <For each=move || years.get().into_iter().enumerate() key=|(_, y)| *y let((col, year))>
                {
                    let label = Signal::derive(move || format!("{} · {} · {year}", name(), row_label(row)));
                    let field = Field::Indicator { pledge, indicator, year, row };
                    view! {
                        <td class="num" data-col=col>
                            <FigureCell field label class="quantity" placeholder="-"/>
                        </td>
                    }
                }
            </For>
        }
    };
    // A block copied from a spreadsheet fills targets and actuals by year; a
    // row's printed 계 (first or last) is checked, not written.
    let pasted = RwSignal::new(None::<PasteOutcome>);
    let on_paste = move |ev: ClipboardEvent| {
        let Some((block, input, column)) = pasted_block(&ev) else {
            return;
        };
        let row = row_key(&input, "data-row")
            .and_then(|r| r.parse().ok())
            .unwrap_or(0);
        let result = paste_indicator(
            pledge,
            indicator,
            &years.get_untracked(),
            &block,
            (row, column),
        );
        pasted.set(Some(apply_paste(session, result)));
    };
    let rate_row = move |cumulative: bool| {
        view! {
            <For each=move || years.get() key=|y| *y let(year)>
                <td class="num derived rate">
                    {move || {
                        table
                            .with(|t| {
                                t.as_ref()
                                    .and_then(|t| t.columns.iter().find(|c| c.year == year))
                                    .and_then(|c| if cumulative { c.cumulative } else { c.yearly })
                            })
                            .map(|r| percent_text(Some(r)))
                            .unwrap_or_else(|| "-".into())
                    }}
                </td>
            </For>
        }
    };
    let total_id = |row: &str| format!("{prefix}-{row}-total");
    let bar_label = format!("{prefix}-bar-label");

    view! {
        <section class="indicator-card" data-indicator=indicator aria-label=name>
            <div class="form-grid indicator-head">
                <label for=format!("{prefix}-name")>{move || lang().pick("지표명", "Indicator")}</label>
                <MarkedText
                    id=format!("{prefix}-name")
                    value=Signal::derive(name)
                    placeholder=Signal::derive(move || lang().pick("새 지표", "New indicator").to_string())
                    on_input=Callback::new(move |name| session.dispatch(Edit::SetIndicatorName { pledge, indicator, name }))
                />
                <label for=format!("{prefix}-unit")>{move || lang().pick("단위", "Unit")}</label>
                <input
                    id=format!("{prefix}-unit")
                    type="text"
                    class="short"
                    prop:value=unit
                    on:input=move |ev| session.dispatch(Edit::SetIndicatorUnit { pledge, indicator, unit: event_target_value(&ev) })
                />
            </div>
            <p class="unit-caption">
                {move || format!("({}: {})", lang().pick("단위", "Unit"), unit())}
            </p>
            <div class="table-scroll">
                <table class="official indicator-table" data-paste-block="indicator" on:paste=on_paste>
                    <caption class="visually-hidden">{move || format!("{} · {}", name(), lang().pick("연도별 목표와 실적", "targets and actuals by year"))}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || lang().pick("구분", "Row")}</th>
                            <th scope="col">{move || lang().pick("계", "Total")}</th>
                            <For each=move || years.get() key=|y| *y let(year)>
                                <th scope="col">{year}</th>
                            </For>
                            <th scope="col">{move || lang().pick("이행율", "Achievement")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr class="target-row" data-row="0">
                            <th scope="row">{move || row_label(IndicatorRow::Target)}</th>
                            <TotalCell
                                id=total_id("target")
                                sum=Signal::derive(move || table.with(|t| t.as_ref().map(|t| t.target_total).unwrap_or_default()))
                                on_use_sum=Callback::new(move |sum| session.dispatch(Edit::SetIndicatorStatedTotal { pledge, indicator, row: IndicatorRow::Target, value: Some(sum) }))
                            />
                            {figure_row(IndicatorRow::Target)}
                            <td rowspan="2" class="achievement">
                                <span class="achievement-rate" data-testid=format!("achievement-{pledge}-{indicator}")>
                                    {achievement_text}
                                </span>
                                <div
                                    class="progress-track"
                                    role="progressbar"
                                    aria-labelledby=bar_label.clone()
                                    aria-valuemin="0"
                                    aria-valuemax="100"
                                    aria-valuenow=move || progress_width(achievement.get()).trim_end_matches('%').to_string()
                                    aria-valuetext=achievement_text
                                >
                                    <div class="progress-fill" style:width=move || progress_width(achievement.get())></div>
                                </div>
                                <span class="visually-hidden" id=bar_label.clone()>
                                    {move || format!("{} · {}", name(), lang().pick("이행율", "achievement"))}
                                </span>
                                <span class="achievement-detail">
                                    {move || with_table(|t| format!("{} / {}", quantity_text(Some(t.actual_total)), quantity_text(Some(t.target_total))))}
                                    " "
                                    {unit}
                                </span>
                            </td>
                        </tr>
                        <tr class="actual-row" data-row="1">
                            <th scope="row">{move || row_label(IndicatorRow::Actual)}</th>
                            <TotalCell
                                id=total_id("actual")
                                sum=Signal::derive(move || table.with(|t| t.as_ref().map(|t| t.actual_total).unwrap_or_default()))
                                on_use_sum=Callback::new(move |sum| session.dispatch(Edit::SetIndicatorStatedTotal { pledge, indicator, row: IndicatorRow::Actual, value: Some(sum) }))
                            />
                            {figure_row(IndicatorRow::Actual)}
                        </tr>
                        <tr class="rate-row">
                            <th scope="row">{move || lang().pick("연도별 달성률", "Yearly rate")}</th>
                            <td class="num derived"></td>
                            {rate_row(false)}
                            <td></td>
                        </tr>
                        <tr class="rate-row">
                            <th scope="row">{move || lang().pick("누적 달성률", "Cumulative rate")}</th>
                            <td class="num derived"></td>
                            {rate_row(true)}
                            <td></td>
                        </tr>
                    </tbody>
                </table>
            </div>
            <PasteNote outcome=pasted testid="indicator-message"/>
            <table class="official notes-table">
                <caption class="notes-caption">{move || lang().pick("연도별 비고", "Notes by year")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || lang().pick("연도", "Year")}</th>
                        <th scope="col">{move || lang().pick("비고 (실적 사유 등)", "Note (why the year went as it did)")}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || years.get() key=|y| *y let(year)>
                        <tr>
                            <th scope="row">{year}</th>
                            <td>
                                <MarkedText
                                    id=format!("pledge-{pledge}-indicator-{indicator}-note-y{year}")
                                    label=Signal::derive(move || format!("{} · {year}", lang().pick("비고", "Note")))
                                    value=Signal::derive(move || {
                                        table.with(|t| {
                                            t.as_ref()
                                                .and_then(|t| t.columns.iter().find(|c| c.year == year))
                                                .map(|c| c.note.clone())
                                                .unwrap_or_default()
                                        })
                                    })
                                    on_input=Callback::new(move |note| {
                                        session.dispatch(Edit::SetIndicatorNote { pledge, indicator, year, note })
                                    })
                                />
                            </td>
                        </tr>
                    </For>
                </tbody>
            </table>
            <div class="actions">
                <button type="button" class="danger" on:click=remove aria-label=move || format!("{} · {}", lang().pick("지표 삭제", "Remove indicator"), name())>
                    {move || lang().pick("지표 삭제", "Remove indicator")}
                </button>
            </div>
        </section>
    }
}

/// A derived total with the validation problem marked at its cell id. When
/// the document's stated total differs from the years' sum, a button makes
/// the stated total the sum.
#[component]
fn TotalCell(
    /// The validation cell id (`pledge-1-indicator-1-target-total`).
    id: String,
    /// The sum of the row.
    sum: Signal<Quantity>,
    /// Called with the sum when the planner takes it as the stated total.
    on_use_sum: Callback<Quantity>,
) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    let message_id = format!("{id}-msg");
    let message = cell_mark(session, nav.lang, id.clone(), move || session.unit.get());
    let marked = move || message.with(Option::is_some);
    let cell_id = id.clone();
    let stated_differs =
        move || session.problem_at(&cell_id).map(|p| p.code) == Some(Code::IndicatorTotalMismatch);
    view! {
        <td class="num derived total" id=id class:invalid=marked>
            <span data-testid="figure">{move || quantity_text(Some(sum.get()))}</span>
            <Show when=marked>
                <CellMessage id=message_id.clone() message=message/>
            </Show>
            <Show when=stated_differs>
                <button type="button" class="link-button" on:click=move |_| on_use_sum.run(sum.get_untracked())>
                    {move || lang().pick("명시 합계를 연도별 합계로", "Make the sum the stated total")}
                </button>
            </Show>
        </td>
    }
}
