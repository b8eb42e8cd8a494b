//! The budget's stages: which one is being edited, each one's name, date,
//! note and lock; a new stage as a copy of the current one; any two stages
//! compared in the 추경 form (기정액, 경정액, 증감; unchanged rows folded),
//! footed in any unit; next year's plan copied forward from this one. The
//! overview's "changes between stages" section is here too (a part of its
//! own, loaded only for a plan with more than one stage).

use leptos::prelude::*;
use planner_core::change::forward::copy_forward;
use planner_core::model::amount::format_figure;
use planner_core::model::plan::{Stage, StageId};
use planner_core::model::words::{source_name, unit_caption};
use planner_core::views::stages::{
    compare_stages, latest_comparison, suggested_name, ComparedItems, ComparedTable,
    StageComparison,
};
use planner_core::{Edit, Lang, Unit};

use crate::components::controls::unit_select::UnitSelect;
use crate::state::{use_nav, use_plans, use_session};

/// The stages view.
#[component]
pub fn StagesView() -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let pick = move |ko: &'static str, en: &'static str| nav.lang.get().pick(ko, en);
    let stages = Memo::new(move |_| session.plan.with(|p| p.stages.list.clone()));
    let new_name = RwSignal::new(String::new());
    let suggested = Memo::new(move |_| {
        let lang = nav.lang.get();
        session.plan.with(|p| suggested_name(p, lang))
    });
    let add = move |_| {
        let typed = new_name.get_untracked();
        let name = if typed.trim().is_empty() {
            suggested.get_untracked()
        } else {
            typed.trim().to_string()
        };
        if session.dispatch_checked(Edit::AddStage { name }) {
            new_name.set(String::new());
        }
    };
    view! {
        <section class="view stages-view" aria-labelledby="stages-title">
            <h2 id="stages-title">{move || pick("예산 단계", "Budget stages")}</h2>
            <p class="hint">{move || pick(
                "예산은 부서 요구 → 편성안 → 본예산(확정) → 추경 순으로 바뀝니다. 각 단계는 금액(소요예산, 예산현황, 재원 분담, 산출기초, 인쇄된 합계)을 따로 가지며, 공약 실적과 브리핑 설정은 계획 전체에 속합니다. 확정한 단계는 잠가 두면 실수로 바뀌지 않습니다.",
                "A budget moves from the department's request to the proposal, the adoption (the adopted budget) and supplementary budgets. Each stage has its own money (schedules, the status table, splits, line items, printed totals); pledge actuals and the deck belong to the whole plan. Lock an adopted stage so it cannot change by accident.",
            )}</p>
            <div class="table-scroll">
            <table class="doc-table stages-table" data-testid="stages">
                <thead>
                    <tr>
                        <th scope="col">{move || pick("단계", "Stage")}</th>
                        <th scope="col">{move || pick("회계연도", "Fiscal year")}</th>
                        <th scope="col">{move || pick("날짜", "Date")}</th>
                        <th scope="col">{move || pick("비고", "Note")}</th>
                        <th scope="col">{move || pick("상태", "State")}</th>
                        <th scope="col">{move || pick("작업", "Actions")}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || stages.get() key=|s| (s.id, s.locked) let(stage)>
                        <StageRow stage=stage/>
                    </For>
                </tbody>
            </table>
            </div>
            <div class="add-stage">
                <label for="new-stage-name">{move || pick("새 단계 이름", "New stage name")}</label>
                <input
                    id="new-stage-name"
                    type="text"
                    data-testid="new-stage-name"
                    placeholder=move || suggested.get()
                    prop:value=move || new_name.get()
                    on:input=move |ev| new_name.set(event_target_value(&ev))
                />
                <button type="button" data-testid="add-stage" on:click=add>
                    {move || pick("현재 단계를 복사해 새 단계 시작", "Start a new stage from the current one")}
                </button>
            </div>
            <StageComparison/>
            <CopyForward/>
        </section>
    }
}

/// One stage: its name, year, date and note, whether it is the one being
/// edited, and its lock.
#[component]
fn StageRow(stage: Stage) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let pick = move |ko: &'static str, en: &'static str| nav.lang.get().pick(ko, en);
    let id = stage.id;
    let locked = stage.locked;
    let current = Memo::new(move |_| session.plan.with(|p| p.stages.current == id));
    let now = move || session.plan.with(|p| p.stages.stage(id).cloned());
    let set = move |change: &dyn Fn(&mut Stage)| {
        if let Some(mut s) = session.plan.with_untracked(|p| p.stages.stage(id).cloned()) {
            change(&mut s);
            session.dispatch(Edit::SetStage {
                stage: id,
                name: s.name,
                date: s.date,
                note: s.note,
                year: s.year,
            });
        }
    };
    let text = move |f: fn(&Stage) -> String| move || now().map(|s| f(&s)).unwrap_or_default();
    let testid = format!("stage-{id}");
    view! {
        <tr data-testid=testid class:current=move || current.get() aria-current=move || current.get().then_some("step")>
            <th scope="row">
                <input
                    type="text"
                    class="stage-name"
                    aria-label=move || pick("단계 이름", "Stage name")
                    prop:value=text(|s| s.name.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); set(&|s| s.name = v.clone()); }
                />
            </th>
            <td>
                <input
                    type="text"
                    class="short"
                    inputmode="numeric"
                    aria-label=move || pick("회계연도", "Fiscal year")
                    prop:value=text(|s| s.year.to_string())
                    on:change=move |ev| {
                        if let Ok(year) = event_target_value(&ev).trim().parse::<i32>() {
                            set(&|s| s.year = year);
                        }
                    }
                />
            </td>
            <td>
                <input
                    type="text"
                    class="stage-date"
                    placeholder="2026-11-20"
                    aria-label=move || pick("날짜", "Date")
                    prop:value=text(|s| s.date.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); set(&|s| s.date = v.clone()); }
                />
            </td>
            <td>
                <input
                    type="text"
                    class="stage-note"
                    aria-label=move || pick("비고", "Note")
                    prop:value=text(|s| s.note.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); set(&|s| s.note = v.clone()); }
                />
            </td>
            <td class="stage-state">
                {move || match (current.get(), locked) {
                    (true, true) => pick("편집 중 · 확정(잠김)", "editing · adopted (locked)"),
                    (true, false) => pick("편집 중", "editing"),
                    (false, true) => pick("확정(잠김)", "adopted (locked)"),
                    (false, false) => "",
                }}
            </td>
            <td class="stage-actions"><div class="stage-buttons">
                <Show when=move || !current.get()>
                    <button type="button" data-testid="switch-stage" on:click=move |_| session.dispatch(Edit::SwitchStage(id))>
                        {move || pick("이 단계 편집", "Edit this stage")}
                    </button>
                </Show>
                <button
                    type="button"
                    data-testid="lock-stage"
                    aria-pressed=if locked { "true" } else { "false" }
                    on:click=move |_| session.dispatch(Edit::SetStageLocked { stage: id, locked: !locked })
                >
                    {move || if locked { pick("잠금 풀기", "Unlock") } else { pick("확정(잠그기)", "Adopt (lock)") }}
                </button>
            </div></td>
        </tr>
    }
}

/// Two stages side by side in the 추경 form, in a unit the planner picks.
#[component]
fn StageComparison() -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let pick = move |ko: &'static str, en: &'static str| nav.lang.get().pick(ko, en);
    // By default the stage being edited against the one before it.
    let defaults = move || {
        session.plan.with(|p| {
            let after = p.stages.current;
            let before = p.stages.before(after).map_or(after, |s| s.id);
            (before, after)
        })
    };
    let before = RwSignal::new(None::<StageId>);
    let after = RwSignal::new(None::<StageId>);
    let unit = RwSignal::new(None::<Unit>);
    let chosen = move || {
        let (b, a) = defaults();
        let valid = |id: Option<StageId>, or: StageId| {
            id.filter(|id| session.plan.with(|p| p.stages.stage(*id).is_some()))
                .unwrap_or(or)
        };
        (valid(before.get(), b), valid(after.get(), a))
    };
    let shown_unit = move || unit.get().unwrap_or_else(|| session.unit.get());
    let comparison = Memo::new(move |_| {
        let (b, a) = chosen();
        let (unit, lang) = (shown_unit(), nav.lang.get());
        session.plan.with(|p| compare_stages(p, b, a, unit, lang))
    });
    let options = move |selected: Signal<StageId>| {
        session.plan.with(|p| {
            p.stages
                .list
                .iter()
                .map(|s| {
                    let id = s.id;
                    view! {
                        <option value=id.to_string() selected=move || selected.get() == id>{s.name.clone()}</option>
                    }
                })
                .collect_view()
        })
    };
    let parse = |ev: &leptos::ev::Event| event_target_value(ev).parse::<StageId>().ok();
    view! {
        <section class="stage-compare" aria-labelledby="compare-title">
            <h3 id="compare-title">{move || pick("단계 비교 (추경 양식)", "Compare stages (supplementary-budget form)")}</h3>
            <div class="compare-choice">
                <label>
                    {move || pick("기정 ", "Before ")}
                    <select data-testid="compare-before" on:change=move |ev| before.set(parse(&ev))>
                        {move || options(Signal::derive(move || chosen().0))}
                    </select>
                </label>
                <label>
                    {move || pick("경정 ", "Now ")}
                    <select data-testid="compare-after" on:change=move |ev| after.set(parse(&ev))>
                        {move || options(Signal::derive(move || chosen().1))}
                    </select>
                </label>
                <label>
                    {move || pick("단위 ", "Unit ")}
                    <UnitSelect unit=Signal::derive(shown_unit) on_pick=Callback::new(move |u| unit.set(Some(u)))/>
                </label>
            </div>
            {move || match comparison.get() {
                None => view! { <p>{pick("비교할 단계가 없습니다.", "No stages to compare.")}</p> }.into_any(),
                Some(c) if c.is_empty() => view! {
                    <p data-testid="compare-same">{move || match nav.lang.get() {
                        Lang::Ko => format!("‘{}’와 ‘{}’의 금액이 같습니다.", c.before, c.after),
                        Lang::En => format!("“{}” and “{}” hold the same money.", c.before, c.after),
                    }}</p>
                }.into_any(),
                Some(c) => view! { <ComparisonTable comparison=c unit=shown_unit()/> }.into_any(),
            }}
        </section>
    }
}

/// Next year's plan from this one, after a preview of what moves where.
#[component]
fn CopyForward() -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let plans = use_plans();
    let pick = move |ko: &'static str, en: &'static str| nav.lang.get().pick(ko, en);
    let preview = RwSignal::new(false);
    let lines = move || {
        let (unit, lang) = (session.unit.get(), nav.lang.get());
        session.plan.with(|p| copy_forward(p).1.lines(lang, unit))
    };
    let create = move |_| {
        let (next, _) = session.plan.with_untracked(copy_forward);
        preview.set(false);
        plans.add_plan(next);
    };
    view! {
        <section class="copy-forward" aria-labelledby="forward-title">
            <h3 id="forward-title">{move || pick("다음 연도로 이어 쓰기", "Start next year from this year")}</h3>
            <p class="hint">{move || pick(
                "확정(잠금)된 마지막 단계의 예산액을 새 계획의 전년도 예산액으로 삼고, 계획 기간을 한 해 뒤로 옮기며 기간 밖으로 나간 연도의 금액은 기투자로 옮깁니다. 이 계획은 그대로 남습니다.",
                "The last adopted (locked) stage's budget becomes the new plan's prior year; the plan's years move on by one and money in a year that falls out goes to Before the term. This plan stays as it is.",
            )}</p>
            <button type="button" data-testid="copy-forward" on:click=move |_| preview.set(true)>
                {move || pick("미리 보기", "Preview")}
            </button>
            <Show when=move || preview.get()>
                <div class="forward-preview" data-testid="forward-preview" role="region" aria-label=move || pick("이어 쓰기 미리 보기", "Copy-forward preview")>
                    <ul>
                        {move || lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                    </ul>
                    <button type="button" data-testid="forward-create" on:click=create>
                        {move || pick("새 계획 만들기", "Create the new plan")}
                    </button>
                    <button type="button" on:click=move |_| preview.set(false)>
                        {move || pick("취소", "Cancel")}
                    </button>
                </div>
            </Show>
        </section>
    }
}

/// The overview's section: the stage being edited against the one before it.
#[component]
pub fn StageChanges() -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let comparison = Memo::new(move |_| {
        let lang = nav.lang.get();
        session.plan.with(|p| {
            if p.stages.is_single() {
                None
            } else {
                latest_comparison(p, p.unit, lang)
            }
        })
    });
    move || {
        comparison.get().map(|c| {
            let unit = session.plan.with_untracked(|p| p.unit);
            let lang = nav.lang.get_untracked();
            view! {
                <section class="doc-section stages-section" aria-labelledby="stages-section-title">
                    <h3 id="stages-section-title">{lang.pick("단계별 변동", "Changes between stages")}</h3>
                    {if c.is_empty() {
                        view! { <p data-testid="overview-stages-same">{match lang {
                            Lang::Ko => format!("‘{}’와 ‘{}’의 금액이 같습니다.", c.before, c.after),
                            Lang::En => format!("“{}” and “{}” hold the same money.", c.before, c.after),
                        }}</p> }.into_any()
                    } else {
                        view! { <ComparisonTable comparison=c unit/> }.into_any()
                    }}
                </section>
            }
        })
    }
}

/// Two stages compared, in `unit`: the 예산액 part and the shares part.
#[component]
pub fn ComparisonTable(comparison: StageComparison, unit: Unit) -> impl IntoView {
    let nav = use_nav();
    let lang = nav.lang.get_untracked();
    let pick = move |ko: &'static str, en: &'static str| lang.pick(ko, en);
    view! {
        <table class="doc-table compare-table" data-testid="stage-compare">
            <caption>
                {format!("{} → {} ", comparison.before, comparison.after)}
                <span class="unit-caption">{unit_caption(unit, lang)}</span>
            </caption>
            <thead>
                <tr>
                    <th scope="col">{pick("사업명", "Program")}</th>
                    <th scope="col">{pick("재원", "Source")}</th>
                    <th scope="col">{pick("기정액", "Before (기정액)")}</th>
                    <th scope="col">{pick("경정액", "Now (경정액)")}</th>
                    <th scope="col">{pick("증감", "Change (증감)")}</th>
                </tr>
            </thead>
            <ComparedRows table=comparison.budget part="budget" title=pick("예산액 (예산현황)", "Budget (status table)")/>
            <ComparedRows table=comparison.shares part="shares" title=pick("재원별 사업비 (소요예산)", "Shares by source (schedules)")/>
        </table>
        <ComparedBasis items=comparison.items/>
    }
}

/// Each changed program's 산출기초 in both stages, side by side.
#[component]
fn ComparedBasis(items: Vec<ComparedItems>) -> impl IntoView {
    let nav = use_nav();
    let lang = nav.lang.get_untracked();
    let list = |lines: Vec<String>| {
        view! { <ul class="basis-lines">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }
    };
    let total = |t: Option<rust_decimal::Decimal>| t.map_or_else(|| "-".to_string(), format_figure);
    (!items.is_empty()).then(|| view! {
        <table class="doc-table compare-table compare-basis" data-testid="compare-basis">
            <caption>{lang.pick("산출기초 (기정 · 경정)", "Calculation basis (before · now)")}</caption>
            <thead>
                <tr>
                    <th scope="col">{lang.pick("사업명", "Program")}</th>
                    <th scope="col">{lang.pick("기정 산출기초", "Before")}</th>
                    <th scope="col">{lang.pick("경정 산출기초", "Now")}</th>
                </tr>
            </thead>
            <tbody>
                {items.into_iter().map(|item| view! {
                    <tr data-testid=format!("compare-basis-{}", item.key)>
                        <th scope="row">{item.name}</th>
                        <td>{list(item.before)}<p class="basis-total">{format!("{} {}", lang.pick("계", "Total"), total(item.totals.0))}</p></td>
                        <td>{list(item.after)}<p class="basis-total">{format!("{} {}", lang.pick("계", "Total"), total(item.totals.1))}</p></td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    })
}

/// One part of the comparison: a heading row, the changed rows, the folded
/// unchanged ones and the part's 계.
#[component]
fn ComparedRows(table: ComparedTable, part: &'static str, title: &'static str) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = nav.lang.get_untracked();
    let (before, after, change) = table.total;
    let changed = table
        .changed
        .into_iter()
        .map(|line| {
            let source = line
                .source
                .as_deref()
                .map(|s| session.plan.with_untracked(|p| source_name(p, s, lang)))
                .unwrap_or_default();
            let testid = match &line.source {
                Some(s) => format!("compare-{part}-{}-{s}", line.key),
                None => format!("compare-{part}-{}", line.key),
            };
            view! {
                <tr data-testid=testid class="changed">
                    <th scope="row">{line.name}</th>
                    <td>{source}</td>
                    <td class="num">{format_figure(line.before)}</td>
                    <td class="num">{format_figure(line.after)}</td>
                    <td class="num change" class:cut=line.change.is_sign_negative()>{format_figure(line.change)}</td>
                </tr>
            }
        })
        .collect_view();
    let (count, held) = table.unchanged;
    let folded = (count > 0).then(|| {
        let label = match lang {
            Lang::Ko => format!("변동 없음 {count}건"),
            Lang::En => format!("{count} unchanged"),
        };
        view! {
            <tr class="unchanged" data-testid=format!("compare-{part}-unchanged")>
                <th scope="row">{label}</th>
                <td></td>
                <td class="num">{format_figure(held)}</td>
                <td class="num">{format_figure(held)}</td>
                <td class="num">"-"</td>
            </tr>
        }
    });
    view! {
        <tbody data-testid=format!("compare-{part}")>
            <tr class="part-head"><th scope="rowgroup" colspan="5">{title}</th></tr>
            {changed}
            {folded}
            <tr class="total" data-testid=format!("compare-{part}-total")>
                <th scope="row">{lang.pick("계", "Total")}</th>
                <td></td>
                <td class="num">{format_figure(before)}</td>
                <td class="num">{format_figure(after)}</td>
                <td class="num change">{format_figure(change)}</td>
            </tr>
        </tbody>
    }
}
