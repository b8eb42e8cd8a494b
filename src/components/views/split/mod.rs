//! The funding split of one program (소요예산, DOMAIN.md §1.2): its stated
//! total, each source's share as an amount and as a percentage of it, the
//! matching ratio, and the difference to the stated total always in view.
//!
//! A share is the source's whole schedule total. Edits go through one year
//! of the schedule, the split year (see `planner_core::change::split`): for a
//! single-year program, which every §1.2 split is, the share IS that year's
//! cell; for a multi-year program the planner picks the year that absorbs a
//! change, and the other years stay as the schedule grid has them.
//! A typed percentage becomes an amount rounded half-up to a whole unit of
//! the plan (천원 in the demo).

mod share_row;

use leptos::ev::ClipboardEvent;
use leptos::prelude::*;
use planner_core::change::field::Field;
use planner_core::change::split::{apply_ratio_edit, default_split_year};
use planner_core::model::amount::format_figure;
use planner_core::model::figure::percent_figure;
use planner_core::model::plan::{ProgramId, SourceId, Year};
use planner_core::model::words::unit_caption;
use planner_core::rules::shares::{share_of, share_percents, split_total};
use planner_core::views::paste::paste_split;
use planner_core::views::route::Subjects;
use planner_core::{Amount, Owner};

use crate::components::cells::figure::{cell_mark, CellMessage, FigureCell};
use crate::components::cells::paste::{
    apply_paste, pasted_block, row_key, PasteNote, PasteOutcome,
};
use crate::components::controls::empty_hint::ADD_PROGRAM;
use crate::components::controls::owner_picker::OwnerPicker;
use crate::components::controls::rounding_select::RoundingSelect;
use crate::components::controls::subject_view::{use_subject, SubjectView};
use crate::state::{use_nav, use_session, View};
use planner_core::change::edit::RoundingTable;
use planner_core::rules::validate::Severity;
use planner_core::Edit;

use share_row::ShareRow;

/// The split view: a program picker and the program's split.
#[component]
pub fn SplitView() -> impl IntoView {
    let owner = use_subject(Subjects::Programs);
    view! {
        <SubjectView
            class="split-view"
            title_id="split-title"
            title=("재원별 분담", "Funding split")
            current=owner
            empty=("사업이 아직 없습니다.", "The plan has no program yet.")
            add_at=&[ADD_PROGRAM]
            head=move || view! { <OwnerPicker view=View::Split pledges_too=false current=owner.into()/> }
            body=|owner| match owner {
                Owner::Program(id) => view! { <Split program=id/> }.into_any(),
                Owner::Pledge(_) => ().into_any(),
            }
        />
    }
}

/// One program's split.
#[component]
fn Split(program: ProgramId) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    let owner = Owner::Program(program);
    let unit = Memo::new(move |_| session.unit.get());
    let years = Memo::new(move |_| {
        session
            .plan
            .with(|p| p.schedule_years(owner).years().collect::<Vec<Year>>())
    });
    let chosen_year = RwSignal::new(None::<Year>);
    let year = Memo::new(move |_| {
        let years = years.get();
        chosen_year
            .get()
            .filter(|y| years.contains(y))
            .unwrap_or_else(|| {
                session
                    .plan
                    .with_untracked(|p| default_split_year(p, program))
            })
    });
    let sources = Memo::new(move |_| {
        session.plan.with(|p| {
            p.sources
                .iter()
                .map(|s| s.id.clone())
                .collect::<Vec<SourceId>>()
        })
    });
    let shares = Memo::new(move |_| {
        session.plan.with(|p| {
            p.sources
                .iter()
                .map(|s| share_of(p, program, &s.id))
                .collect::<Vec<Amount>>()
        })
    });
    let stated = Memo::new(move |_| {
        session
            .plan
            .with(|p| p.stated_total(owner).map(|s| s.amount))
    });
    let total = Memo::new(move |_| session.plan.with(|p| split_total(p, program)));
    let shares_sum = Memo::new(move |_| shares.get().into_iter().sum::<Amount>());
    let decimals = Memo::new(move |_| session.plan.with(|p| p.share_decimals));
    let percents = Memo::new(move |_| share_percents(&shares.get(), total.get(), decimals.get()));
    let printed_sum = Memo::new(move |_| {
        session.plan.with(|p| {
            p.program(program)
                .filter(|x| !x.printed_shares.is_empty())
                .map(|x| {
                    x.printed_shares
                        .values()
                        .copied()
                        .sum::<rust_decimal::Decimal>()
                })
        })
    });
    let printed_id = format!("program-{program}-total-printed-percent");
    let printed_mark = cell_mark(session, nav.lang, printed_id.clone(), move || unit.get());
    let printed_msg_id = format!("{printed_id}-msg");
    let on_decimals = move |ev| {
        if let Ok(d) = event_target_value(&ev).parse::<u32>() {
            session.dispatch(Edit::SetShareDecimals(d));
        }
    };
    let weights = Memo::new(move |_| {
        session.plan.with(|p| {
            p.program(program)
                .map(|x| x.matching.clone())
                .unwrap_or_default()
        })
    });
    let has_ratio = move || weights.with(|w| w.iter().any(|r| r.weight > 0));
    let figure = move |a: Amount| format_figure(unit.get().exact_figure(a));

    let apply_ratio = move |_| {
        let edit = session
            .plan
            .with_untracked(|p| apply_ratio_edit(p, program, year.get_untracked(), p.unit));
        if let Some(edit) = edit {
            session.dispatch(edit);
        }
    };
    let on_year = move |ev| {
        if let Ok(y) = event_target_value(&ev).parse() {
            chosen_year.set(Some(y));
        }
    };
    let stated_label = Signal::derive(move || lang().pick("총사업비", "Stated total").to_string());
    let stated_field = Field::StatedTotal { owner };
    let stated_id = stated_field.cell_id();

    // The rows are drawn for the split year: their cells write through it.
    let rows = move || {
        let year = year.get();
        sources
            .get()
            .into_iter()
            .map(|source| view! { <ShareRow program source year/> })
            .collect_view()
    };
    let pasted = RwSignal::new(None::<PasteOutcome>);
    let on_paste = move |ev: ClipboardEvent| {
        let Some((block, input, column)) = pasted_block(&ev) else {
            return;
        };
        let row = row_key(&input, "data-source")
            .and_then(|s| sources.with_untracked(|all| all.iter().position(|x| *x == s)))
            .unwrap_or(0);
        let result = session.plan.with_untracked(|p| {
            paste_split(
                p,
                program,
                year.get_untracked(),
                &block,
                (row, column),
                p.unit,
            )
        });
        pasted.set(Some(apply_paste(session, result)));
    };

    view! {
        <div class="split-sticky" data-testid="split-difference" aria-live="polite">
            <span>{move || lang().pick("재원 합계", "Shares add to")}" "<strong data-testid="shares-sum">{move || figure(shares_sum.get())}</strong></span>
            <span>{move || lang().pick("총사업비", "Stated total")}" "<strong>{move || stated.get().map(figure).unwrap_or_else(|| lang().pick("없음", "none").to_string())}</strong></span>
            <span class="split-gap" class:off=move || stated.get().is_some_and(|s| s != shares_sum.get())>
                {move || lang().pick("차이", "Difference")}" "
                <strong data-testid="split-gap">
                    {move || match stated.get() {
                        None => "-".to_string(),
                        Some(s) => {
                            let d = shares_sum.get() - s;
                            if d.is_zero() {
                                format!("- ✓ {}", lang().pick("일치", "matches"))
                            } else if d.is_negative() {
                                format!("{} {}", figure(d), lang().pick("부족", "short"))
                            } else {
                                format!("{} {}", figure(d), lang().pick("초과", "over"))
                            }
                        }
                    }}
                </strong>
            </span>
        </div>
        <div class="grid-head">
            <p class="unit-caption" data-testid="split-unit-caption">{move || unit_caption(unit.get(), lang())}</p>
        </div>
        <div class="split-controls">
            <div class="stated-field">
                <label for=stated_id>{move || stated_label.get()}</label>
                <FigureCell field=stated_field label=stated_label/>
            </div>
            <RoundingSelect table=RoundingTable::Schedule(owner) testid="split-rounding"/>
            <label class="share-decimals">
                {move || lang().pick("비율 소수 자릿수", "Decimals of shares")}
                <select data-testid="share-decimals" on:change=on_decimals prop:value=move || decimals.get().to_string()>
                    <option value="1" prop:selected=move || decimals.get() == 1>"1 (42.0%)"</option>
                    <option value="2" prop:selected=move || decimals.get() == 2>"2 (42.00%)"</option>
                </select>
            </label>
            {move || {
                let ys = years.get();
                if ys.len() == 1 {
                    view! {
                        <p class="split-year">
                            {move || lang().pick("단년도 사업: 금액은 ", "A one-year program: shares are its ")}
                            <strong>{ys[0]}</strong>
                            {move || lang().pick("년 금액입니다.", " amounts.")}
                        </p>
                    }
                    .into_any()
                } else {
                    view! {
                        <label class="split-year">
                            {move || lang().pick("변경을 반영할 연도", "Year that takes the changes")}
                            <select on:change=on_year prop:value=move || year.get().to_string()>
                                {ys.iter().map(|y| view! { <option value=y.to_string()>{*y}</option> }).collect_view()}
                            </select>
                            <span class="hint">
                                {move || lang().pick(
                                    " 다른 연도·기투자·장기 금액은 그대로 둡니다.",
                                    " Other years, 기투자 and 장기 stay as they are.",
                                )}
                            </span>
                        </label>
                    }
                    .into_any()
                }
            }}
        </div>
        <table class="official split-table" data-paste-block="split" on:paste=on_paste>
            <caption class="visually-hidden">{move || lang().pick("재원별 분담액과 비율", "Shares by source, as amounts and percentages")}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || lang().pick("재원", "Source")}</th>
                    <th scope="col">{move || lang().pick("금액", "Amount")}</th>
                    <th scope="col">{move || lang().pick("비율(%)", "Share (%)")}</th>
                    <th scope="col">{move || lang().pick("문서의 비율(%)", "Share as printed (%)")}</th>
                    <th scope="col">{move || lang().pick("매칭 비율", "Matching ratio")}</th>
                    <th scope="col">{move || lang().pick("나머지", "Remainder")}</th>
                </tr>
            </thead>
            <tbody class="total-row">
                <tr>
                    <th scope="row">{move || lang().pick("계", "Total")}</th>
                    <td class="num derived" data-testid="split-total">{move || figure(shares_sum.get())}</td>
                    <td class="num derived" data-testid="split-percent-total">
                        {move || percents.get().map(|(_, t)| percent_figure(t)).unwrap_or_else(|| "-".into())}
                    </td>
                    <td
                        class="num derived printed"
                        id=printed_id.clone()
                        data-testid="split-printed-total"
                        class:printed-rounding=move || printed_mark.with(|m| m.as_ref().map(|m| m.0)) == Some(Severity::Warning)
                        class:printed-wrong=move || printed_mark.with(|m| m.as_ref().map(|m| m.0)) == Some(Severity::Error)
                    >
                        {move || printed_sum.get().map(percent_figure).unwrap_or_default()}
                        <Show when=move || printed_mark.with(Option::is_some)>
                            <CellMessage id=printed_msg_id.clone() message=printed_mark/>
                        </Show>
                    </td>
                    <td class="num derived">
                        {move || {
                            let sum: u64 = weights.get().iter().map(|r| u64::from(r.weight)).sum();
                            if sum == 0 { "-".to_string() } else { sum.to_string() }
                        }}
                    </td>
                    <td></td>
                </tr>
            </tbody>
            <tbody>{rows}</tbody>
        </table>
        <PasteNote outcome=pasted testid="split-message"/>
        <div class="table-actions">
            <button
                type="button"
                class="primary"
                data-testid="apply-ratio"
                on:click=apply_ratio
                disabled=move || !has_ratio()
            >
                {move || lang().pick("매칭 비율대로 나누기", "Apply the matching ratio")}
            </button>
        </div>
        <p class="hint">
            {move || lang().pick(
                "금액이나 비율(%)을 입력합니다. 비율은 총사업비에 곱해 표시 단위로 반올림(5 이상 올림)합니다. 비율은 나머지가 큰 재원부터 끝수를 배정해 합계가 100이 되게 보여 줍니다. 문서에 인쇄된 비율을 문서의 비율 열에 입력하면 재원별 정확한 비율과 대조하고, 합계가 100.01처럼 되면 반올림 때문인지 알려 줍니다. 매칭 비율대로 나누기는 총사업비를 비율대로 나누고 끝수는 나머지가 큰 재원부터 배정해 합계를 정확히 맞춥니다.",
                "Type an amount or a percentage. A percentage of the stated total is rounded half-up to the plan's unit. Shares are shown footing to 100 (the odd hundredths go to the largest remainders). Shares printed in a document go in the “as printed” column: each is checked against the exact share, and a printed total of 100.01 is explained when it comes from rounding. Applying the ratio splits the stated total by the weights and gives the odd units to the largest remainders, so the shares add up exactly.",
            )}
        </p>
    }
}
