//! 공약 목표: a pledge card as the pledge book prints it (DOMAIN.md §1.4) —
//! number, title, term and classification, then each indicator's yearly
//! targets and actuals with 이행율, yearly and cumulative rates, a progress bar
//! and a note per year. Every figure is computed by
//! [`planner_core::views::worksheet`]; this view only shows it and sends edits.

use leptos::ev::ClipboardEvent;
use leptos::prelude::*;
use planner_core::change::edit::IndicatorRow;
use planner_core::change::field::Field;
use planner_core::model::figure::{percent_text, quantity_text};
use planner_core::model::plan::{
    Actor, Classification, Completion, Horizon, IndicatorId, Novelty, PledgeId, PledgeStatus,
    Quantity,
};
use planner_core::model::words::{
    actor_word, budgetary_word, completion_word, horizon_word, novelty_word, pledge_label,
    sdg_name, status_word, Lang,
};
use planner_core::rules::validate::{Code, Severity};
use planner_core::views::paste::paste_indicator;
use planner_core::views::worksheet::{indicator_table, progress_width, IndicatorTable};
use planner_core::{Edit, Owner};

use crate::components::figure_cell::{cell_mark, CellMessage, FigureCell};
use crate::components::paste_note::{apply_paste, pasted_block, row_key, PasteNote, PasteOutcome};
use crate::state::{use_state, AppState, View};

/// The pledge view: a picker, then the chosen pledge's card.
#[component]
pub fn PledgeTargets() -> impl IntoView {
    let state = use_state();
    let lang = move || state.lang.get();
    // The subject when it is a pledge the plan has, else the first pledge.
    let current = Memo::new(move |_| {
        let wanted = match state.subject.get() {
            Some(Owner::Pledge(id)) => Some(id),
            _ => None,
        };
        state.plan.with(|p| {
            wanted
                .filter(|id| p.pledge(*id).is_some())
                .or_else(|| p.pledges.first().map(|p| p.id))
        })
    });
    let choices = Memo::new(move |_| {
        state.plan.with(|p| {
            p.pledges
                .iter()
                .map(|pl| (pl.id, pledge_label(&pl.number, &pl.title, lang())))
                .collect::<Vec<_>>()
        })
    });
    let pick = move |ev| {
        if let Ok(id) = event_target_value(&ev).parse::<PledgeId>() {
            state.go(View::Pledge, Some(Owner::Pledge(id)));
        }
    };
    // A new pledge starts untitled (its field shows a placeholder).
    let add = move |_| {
        state.dispatch(Edit::AddPledge {
            title: String::new(),
        });
        let newest = state
            .plan
            .with_untracked(|p| p.pledges.iter().map(|p| p.id).max());
        if let Some(id) = newest {
            state.go(View::Pledge, Some(Owner::Pledge(id)));
        }
    };

    view! {
        <section class="view pledge-view" aria-labelledby="pledge-view-title">
            <div class="table-head">
                <h2 id="pledge-view-title">{move || lang().pick("공약 목표와 실적", "Pledge targets")}</h2>
            </div>
            <div class="picker-bar">
                <label for="pledge-picker">{move || lang().pick("공약 선택", "Pledge")}</label>
                <select id="pledge-picker" on:change=pick>
                    {move || {
                        choices
                            .get()
                            .into_iter()
                            .map(|(id, label)| {
                                view! {
                                    <option value=id.to_string() prop:selected=move || current.get() == Some(id)>
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
                <button type="button" data-testid="add-pledge" on:click=add>{move || lang().pick("공약 추가", "Add pledge")}</button>
            </div>
            {move || match current.get() {
                Some(id) => view! { <PledgeCard id/> }.into_any(),
                None => {
                    view! {
                        <p class="hint">
                            {move || lang().pick("이 계획에는 공약이 없습니다. 공약을 추가하세요.", "This plan has no pledges yet. Add one.")}
                        </p>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// Applies a change to a pledge's classification as one edit.
fn update_classification(
    state: AppState,
    pledge: PledgeId,
    change: impl FnOnce(&mut Classification),
) {
    let current = state
        .plan
        .with_untracked(|p| p.pledge(pledge).map(|p| p.classification.clone()));
    if let Some(mut classification) = current {
        change(&mut classification);
        state.dispatch(Edit::SetClassification {
            pledge,
            classification,
        });
    }
}

/// One pledge: its heading fields, classification and indicators.
#[component]
fn PledgeCard(id: PledgeId) -> impl IntoView {
    let state = use_state();
    let lang = move || state.lang.get();
    let number = Memo::new(move |_| {
        state
            .plan
            .with(|p| p.pledge(id).map(|p| p.number.clone()).unwrap_or_default())
    });
    let title = Memo::new(move |_| {
        state
            .plan
            .with(|p| p.pledge(id).map(|p| p.title.clone()).unwrap_or_default())
    });
    let term = Memo::new(move |_| {
        state.plan.with(|p| {
            p.pledge(id)
                .map(|p| format!("{}–{}", p.term.first, p.term.last))
                .unwrap_or_default()
        })
    });
    let indicators = Memo::new(move |_| {
        state.plan.with(|p| {
            p.pledge(id)
                .map(|p| p.indicators.iter().map(|i| i.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    // A new indicator starts unnamed (its field shows a placeholder).
    let add_indicator = move |_| {
        state.dispatch(Edit::AddIndicator {
            pledge: id,
            name: String::new(),
            unit: lang().pick("건", "cases").to_string(),
        });
    };
    let remove_pledge = move |_| {
        state.dispatch(Edit::RemovePledge { pledge: id });
        state.go(View::Pledge, None);
    };
    let prefix = format!("pledge-{id}");

    view! {
        <article class="pledge-card" data-pledge=id>
            <div class="form-grid pledge-head">
                <label for=format!("{prefix}-number")>{move || lang().pick("공약 번호", "Pledge number")}</label>
                <input
                    id=format!("{prefix}-number")
                    type="text"
                    class="short"
                    prop:value=move || number.get()
                    on:input=move |ev| state.dispatch(Edit::SetPledgeNumber { pledge: id, number: event_target_value(&ev) })
                />
                <label for=format!("{prefix}-name")>{move || lang().pick("공약명", "Pledge title")}</label>
                <MarkedText
                    id=format!("{prefix}-name")
                    value=Signal::derive(move || title.get())
                    placeholder=Signal::derive(move || lang().pick("새 공약", "New pledge").to_string())
                    on_input=Callback::new(move |title| state.dispatch(Edit::SetPledgeTitle { pledge: id, title }))
                />
                <span class="label">{move || lang().pick("임기", "Term")}</span>
                <span data-testid="pledge-term">{move || term.get()}</span>
            </div>
            <ClassificationChips id/>
            <h3>{move || lang().pick("공약달성 확인지표", "Indicators")}</h3>
            <For each=move || indicators.get() key=|i| *i let(indicator)>
                <IndicatorCard pledge=id indicator/>
            </For>
            <div class="actions">
                <button type="button" data-testid="add-indicator" on:click=add_indicator>{move || lang().pick("지표 추가", "Add indicator")}</button>
                <button type="button" class="danger" on:click=remove_pledge>
                    {move || lang().pick("이 공약 삭제", "Remove this pledge")}
                </button>
            </div>
        </article>
    }
}

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
    let state = use_state();
    let message_id = format!("{id}-msg");
    let message = cell_mark(state, id.clone(), move || state.plan.with(|p| p.unit));
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

/// The pledge card's classification boxes as keyboard-operable chips.
#[component]
fn ClassificationChips(id: PledgeId) -> impl IntoView {
    let state = use_state();
    let lang = move || state.lang.get();
    let class = Memo::new(move |_| {
        state.plan.with(|p| {
            p.pledge(id)
                .map(|p| p.classification.clone())
                .unwrap_or_default()
        })
    });
    let name = |what: &str| format!("pledge-{id}-{what}");
    // An SDG outside 1–17 can only come from a file; validation says which.
    let sdg_message = cell_mark(state, format!("pledge-{id}-sdg"), move || {
        state.plan.with(|p| p.unit)
    });

    view! {
        <div class="classification">
            <ChoiceGroup
                legend=("추진상황", "Status")
                name=name("status")
                options=PledgeStatus::ALL.to_vec()
                word=status_word
                current=Signal::derive(move || class.get().status)
                on_pick=Callback::new(move |v| update_classification(state, id, |c| c.status = v))
            />
            <ChoiceGroup
                legend=("사업완료 시점", "Completion")
                name=name("completion")
                options=Completion::ALL.to_vec()
                word=completion_word
                current=Signal::derive(move || class.get().completion)
                on_pick=Callback::new(move |v| update_classification(state, id, |c| c.completion = v))
            />
            <ChoiceGroup
                legend=("신규/계속", "New or continuing")
                name=name("novelty")
                options=Novelty::ALL.to_vec()
                word=novelty_word
                current=Signal::derive(move || class.get().novelty)
                on_pick=Callback::new(move |v| update_classification(state, id, |c| c.novelty = v))
            />
            <fieldset class="chips">
                <legend>{move || lang().pick("사업주체 (복수 선택)", "Carried by (one or more)")}</legend>
                {Actor::ALL
                    .into_iter()
                    .map(|actor| {
                        let on = move || class.with(|c| c.actors.contains(&actor));
                        let toggle = move |_| {
                            update_classification(state, id, |c| {
                                if let Some(i) = c.actors.iter().position(|a| *a == actor) {
                                    c.actors.remove(i);
                                } else {
                                    c.actors.push(actor);
                                    c.actors.sort();
                                }
                            })
                        };
                        view! {
                            <button
                                type="button"
                                class="chip"
                                data-actor=format!("{actor:?}")
                                aria-pressed=move || if on() { "true" } else { "false" }
                                on:click=toggle
                            >
                                <span class="check" aria-hidden="true">{move || if on() { "✓" } else { "" }}</span>
                                {move || actor_word(actor, lang())}
                            </button>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <ChoiceGroup
                legend=("사업기간", "Horizon")
                name=name("horizon")
                options=Horizon::ALL.to_vec()
                word=horizon_word
                current=Signal::derive(move || class.get().horizon)
                on_pick=Callback::new(move |v| update_classification(state, id, |c| c.horizon = v))
            />
            <ChoiceGroup
                legend=("예산 여부", "Budget")
                name=name("budgetary")
                options=vec![true, false]
                word=budgetary_word
                current=Signal::derive(move || class.get().budgetary)
                on_pick=Callback::new(move |v| update_classification(state, id, |c| c.budgetary = v))
            />
            <fieldset class="chips sdgs" id=format!("pledge-{id}-sdg")>
                <legend>{move || lang().pick("지속가능발전목표 (SDGs)", "Sustainable Development Goals")}</legend>
                {(1u8..=17)
                    .map(|goal| {
                        let on = move || class.with(|c| c.sdgs.contains(&goal));
                        let toggle = move |_| {
                            update_classification(state, id, |c| {
                                if let Some(i) = c.sdgs.iter().position(|g| *g == goal) {
                                    c.sdgs.remove(i);
                                } else {
                                    c.sdgs.push(goal);
                                    c.sdgs.sort_unstable();
                                }
                            })
                        };
                        let sdg = move || sdg_name(goal, lang()).unwrap_or_default();
                        view! {
                            <button
                                type="button"
                                class="chip sdg"
                                data-sdg=goal
                                aria-pressed=move || if on() { "true" } else { "false" }
                                title=sdg
                                aria-label=move || format!("SDG {goal} · {}", sdg())
                                on:click=toggle
                            >
                                <span class="check" aria-hidden="true">{move || if on() { "✓" } else { "" }}</span>
                                {goal}
                            </button>
                        }
                    })
                    .collect_view()}
                <p class="chosen-sdgs" data-testid="chosen-sdgs">
                    {move || {
                        let l = lang();
                        let goals = class.with(|c| c.sdgs.clone());
                        if goals.is_empty() {
                            l.pick("선택한 목표 없음", "No goal chosen").to_string()
                        } else {
                            goals
                                .iter()
                                .filter(|g| (1..=17).contains(*g))
                                .filter_map(|g| sdg_name(*g, l).map(|name| format!("{g}. {name}")))
                                .collect::<Vec<_>>()
                                .join(" · ")
                        }
                    }}
                </p>
                <Show when=move || sdg_message.with(Option::is_some)>
                    <CellMessage id=format!("pledge-{id}-sdg-msg") message=sdg_message/>
                </Show>
            </fieldset>
        </div>
    }
}

/// A single-choice box of the pledge card as a radio group (arrow keys move).
#[component]
fn ChoiceGroup<T>(
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
    let state = use_state();
    let lang = move || state.lang.get();
    view! {
        <fieldset class="chips" role="radiogroup">
            <legend>{move || lang().pick(legend.0, legend.1)}</legend>
            {options
                .into_iter()
                .map(|value| {
                    let name = name.clone();
                    view! {
                        <label class="chip">
                            <input
                                type="radio"
                                name=name
                                prop:checked=move || current.get() == value
                                on:change=move |_| on_pick.run(value)
                            />
                            {move || word(value, lang())}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// One indicator: name and unit, the §1.4 table, 이행율 with a bar, notes.
#[component]
fn IndicatorCard(pledge: PledgeId, indicator: IndicatorId) -> impl IntoView {
    let state = use_state();
    let lang = move || state.lang.get();
    let prefix = format!("pledge-{pledge}-indicator-{indicator}");
    let fields = Memo::new(move |_| {
        state.plan.with(|p| {
            p.pledge(pledge)
                .and_then(|pl| pl.indicators.iter().find(|i| i.id == indicator))
                .map(|i| (i.name.clone(), i.unit.clone()))
                .unwrap_or_default()
        })
    });
    let table = Memo::new(move |_| {
        state.plan.with(|p| {
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
        state.dispatch(Edit::RemoveIndicator { pledge, indicator });
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
        pasted.set(Some(apply_paste(state, result)));
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
                    on_input=Callback::new(move |name| state.dispatch(Edit::SetIndicatorName { pledge, indicator, name }))
                />
                <label for=format!("{prefix}-unit")>{move || lang().pick("단위", "Unit")}</label>
                <input
                    id=format!("{prefix}-unit")
                    type="text"
                    class="short"
                    prop:value=unit
                    on:input=move |ev| state.dispatch(Edit::SetIndicatorUnit { pledge, indicator, unit: event_target_value(&ev) })
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
                                on_use_sum=Callback::new(move |sum| state.dispatch(Edit::SetIndicatorStatedTotal { pledge, indicator, row: IndicatorRow::Target, value: Some(sum) }))
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
                                on_use_sum=Callback::new(move |sum| state.dispatch(Edit::SetIndicatorStatedTotal { pledge, indicator, row: IndicatorRow::Actual, value: Some(sum) }))
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
                                        state.dispatch(Edit::SetIndicatorNote { pledge, indicator, year, note })
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
    let state = use_state();
    let lang = move || state.lang.get();
    let message_id = format!("{id}-msg");
    let message = cell_mark(state, id.clone(), move || state.plan.with(|p| p.unit));
    let marked = move || message.with(Option::is_some);
    let cell_id = id.clone();
    let stated_differs =
        move || state.problem_at(&cell_id).map(|p| p.code) == Some(Code::IndicatorTotalMismatch);
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
