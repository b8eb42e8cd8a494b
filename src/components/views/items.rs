//! 산출기초: a program's line items with their calculation basis. The planner
//! types `5,000원 × 300부` and sees what the formula gives next to the stated
//! amount and the difference, as a reviewer re-computes it (DOMAIN.md §2).
//! The arithmetic is [`planner_core::views::worksheet::check_line_item`].

use leptos::prelude::*;
use planner_core::change::field::Field;
use planner_core::model::amount::format_figure;
use planner_core::model::plan::{LineItem, ProgramId};
use planner_core::model::words::unit_caption;
use planner_core::rules::basis::{check_line, items_total, with_result};
use planner_core::rules::validate::Severity;
use planner_core::views::route::Subjects;
use planner_core::{Amount, Edit, Msg, Owner};

use crate::components::cells::figure::{cell_mark, CellMessage, FigureCell};
use crate::components::controls::empty_hint::ADD_PROGRAM;
use crate::components::controls::subject_view::{use_subject, SubjectView};
use crate::state::{use_nav, use_session, Session, View};

/// The line-items view: a program picker and the program's items.
#[component]
pub fn LineItems() -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    let current = use_subject(Subjects::Programs);
    let choices = Memo::new(move |_| {
        session.plan.with(|p| {
            p.programs
                .iter()
                .map(|pr| (pr.id, pr.name.clone(), pr.line_items.len()))
                .collect::<Vec<_>>()
        })
    });
    let pick = move |ev| {
        if let Ok(id) = event_target_value(&ev).parse::<ProgramId>() {
            nav.go(View::LineItems, Some(Owner::Program(id)));
        }
    };
    let head = move || {
        view! {
            <p class="unit-caption" data-testid="items-unit-caption">
                {move || unit_caption(session.unit.get(), lang())}
            </p>
        }
    };
    let bar = move || {
        view! {
            <div class="picker-bar">
                <label for="items-program-picker">{move || lang().pick("사업 선택", "Program")}</label>
                <select id="items-program-picker" on:change=pick>
                    {move || {
                        choices
                            .get()
                            .into_iter()
                            .map(|(id, name, count)| {
                                view! {
                                    <option value=id.to_string() prop:selected=move || current.get() == Some(Owner::Program(id))>
                                        {format!("{name} ({count})")}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        }
    };
    let after = move || {
        view! {
            <p class="hint">
                {move || {
                    Msg::ItemsHint.text(lang())
                }}
            </p>
        }
    };
    view! {
        <SubjectView
            class="items-view"
            title_id="items-title"
            title=("산출기초", "Line items and calculation basis")
            current
            empty=("이 계획에는 사업이 없습니다.", "This plan has no programs yet.")
            add_at=&[ADD_PROGRAM]
            head
            bar
            after
            body=|owner| match owner {
                Owner::Program(id) => view! { <ItemsTable program=id/> }.into_any(),
                Owner::Pledge(_) => ().into_any(),
            }
        />
    }
}

/// One program's line items as a table.
#[component]
fn ItemsTable(program: ProgramId) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    let count = Memo::new(move |_| {
        session
            .plan
            .with(|p| p.program(program).map_or(0, |p| p.line_items.len()))
    });
    let name = Memo::new(move |_| {
        session.plan.with(|p| {
            p.program(program)
                .map(|p| p.name.clone())
                .unwrap_or_default()
        })
    });
    let add = move |_| session.dispatch(Edit::AddLineItem { program });

    // A wide table scrolls in its own box rather than run under the problems panel.
    view! {
        <div class="table-scroll">
        <table class="official items-table" data-program=program>
            <caption class="visually-hidden">
                {move || format!("{} · {}", name.get(), lang().pick("산출기초", "line items"))}
            </caption>
            <thead>
                <tr>
                    <th scope="col">{move || lang().pick("항목", "Item")}</th>
                    <th scope="col">{move || lang().pick("산출기초", "Calculation basis")}</th>
                    <th scope="col">{move || lang().pick("계산액", "Evaluated")}</th>
                    <th scope="col">{move || lang().pick("명시 금액", "Stated")}</th>
                    <th scope="col">{move || lang().pick("차이", "Difference")}</th>
                    <th scope="col"><span class="visually-hidden">{move || lang().pick("삭제", "Remove")}</span></th>
                </tr>
            </thead>
            <tbody>
                <For each=move || 0..count.get() key=|i| *i let(index)>
                    <ItemRow program index/>
                </For>
            </tbody>
            <Show when=move || count.get() != 0>
                <ItemsTotal program/>
            </Show>
        </table>
        </div>
        <Show when=move || count.get() == 0>
            <p class="hint">{move || lang().pick("항목이 없습니다. 항목을 추가하세요.", "No line items yet. Add one.")}</p>
        </Show>
        <div class="table-actions">
            <button type="button" data-testid="add-line-item" on:click=add>{move || lang().pick("항목 추가", "Add line item")}</button>
        </div>
    }
}

/// Replaces one field of a line item, keeping the others as the plan has them.
fn set_item(
    session: Session,
    program: ProgramId,
    index: usize,
    change: impl FnOnce(&mut LineItem),
) {
    let item = session.plan.with_untracked(|p| {
        p.program(program)
            .and_then(|p| p.line_items.get(index).cloned())
    });
    if let Some(mut item) = item {
        change(&mut item);
        session.dispatch(Edit::SetLineItem {
            program,
            index,
            item,
        });
    }
}

/// One line item: name, basis, evaluated, stated, difference.
#[component]
fn ItemRow(program: ProgramId, index: usize) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    let item = Memo::new(move |_| {
        session.plan.with(|p| {
            p.program(program)
                .and_then(|p| p.line_items.get(index).cloned())
                .unwrap_or_default()
        })
    });
    let check = Memo::new(move |_| {
        let unit = session.unit.get();
        item.with(|i| check_line(i, unit))
    });
    let prefix = format!("program-{program}-item-{index}");
    let item_name = move || item.with(|i| i.name.clone());
    let row_name = move || {
        let n = item_name();
        if n.trim().is_empty() {
            format!("{} {}", lang().pick("항목", "Item"), index + 1)
        } else {
            n
        }
    };
    let exact = move |amount: Amount| {
        session
            .plan
            .with(|p| format_figure(p.unit.exact_figure(amount)))
    };
    let evaluated = move || {
        check.with(|c| match (c.evaluated, &c.error) {
            (Some(a), _) => exact(a),
            (None, Some(_)) => lang().pick("계산 불가", "cannot read").to_string(),
            (None, None) => String::new(),
        })
    };
    let difference = move || check.with(|c| c.difference.map(exact).unwrap_or_default());
    let mismatched = move || check.with(|c| c.difference.is_some_and(|d| !d.is_zero()));
    let apply = move |_| {
        if let Some(evaluated) = check.get_untracked().evaluated {
            let unit = session.plan.with_untracked(|p| p.unit);
            set_item(session, program, index, |i| {
                i.stated = Some(evaluated);
                i.basis = with_result(&i.basis, &format_figure(unit.exact_figure(evaluated)));
            });
        }
    };
    // The basis cell shows validation's message for an unreadable basis.
    let basis_id = format!("{prefix}-basis");
    let basis_message = cell_mark(session, nav.lang, basis_id.clone(), move || {
        session.unit.get()
    });
    let basis_marked = move || basis_message.with(Option::is_some);
    let basis_msg_id = format!("{basis_id}-msg");
    let described = basis_msg_id.clone();

    view! {
        <tr data-item=index>
            <th scope="row">
                <input
                    type="text"
                    class="name"
                    id=format!("{prefix}-name")
                    aria-label=move || format!("{} · {}", lang().pick("항목명", "Item name"), index + 1)
                    prop:value=item_name
                    readonly=move || session.stage_locked()
                    on:keydown=move |ev| crate::components::cells::figure::refuse_if_locked(session, &ev)
                    on:input=move |ev| {
                        let name = event_target_value(&ev);
                        set_item(session, program, index, |i| i.name = name)
                    }
                />
            </th>
            <td class="basis">
                <div
                    class="cell-editor"
                    class:invalid=move || basis_message.with(|m| m.as_ref().map(|m| m.0)) == Some(Severity::Error)
                >
                    <input
                        type="text"
                        class="basis-input"
                        id=basis_id.clone()
                        autocomplete="off"
                        spellcheck="false"
                        aria-label=move || format!("{} · {}", row_name(), lang().pick("산출기초", "Calculation basis"))
                        aria-invalid=move || if basis_marked() { "true" } else { "false" }
                        aria-describedby=move || basis_marked().then(|| described.clone())
                        prop:value=move || item.with(|i| i.basis.clone())
                        readonly=move || session.stage_locked()
                        on:keydown=move |ev| crate::components::cells::figure::refuse_if_locked(session, &ev)
                        on:input=move |ev| {
                            let basis = event_target_value(&ev);
                            set_item(session, program, index, |i| i.basis = basis)
                        }
                    />
                    <Show when=basis_marked>
                        <CellMessage id=basis_msg_id.clone() message=basis_message/>
                    </Show>
                </div>
            </td>
            <td class="num derived" data-testid=format!("item-{index}-evaluated")>{evaluated}</td>
            <td class="num">
                <FigureCell
                    field=Field::LineItemStated { program, index }
                    label=Signal::derive(move || format!("{} · {}", row_name(), lang().pick("명시 금액", "Stated")))
                />
                <Show when=mismatched>
                    <button type="button" class="link-button" on:click=apply>
                        {move || lang().pick("계산액으로 맞추기", "Use the evaluated amount")}
                    </button>
                </Show>
            </td>
            <td class="num derived" class:mismatch=mismatched data-testid=format!("item-{index}-difference")>
                <Show when=mismatched>
                    <span class="marker" aria-hidden="true">"≠ "</span>
                </Show>
                {difference}
            </td>
            <td class="row-actions">
                <button
                    type="button"
                    class="remove"
                    aria-label=move || format!("{} · {}", lang().pick("삭제", "Remove"), row_name())
                    on:click=move |_| session.dispatch(Edit::RemoveLineItem { program, index })
                >
                    "×"
                </button>
            </td>
        </tr>
    }
}

/// The items' 계 row: what the lines add to, beside the program's 예산액 when
/// it is a row of the status table; validation marks a difference.
#[component]
fn ItemsTotal(program: ProgramId) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    let figures = Memo::new(move |_| {
        session.plan.with(|p| {
            let pr = p.program(program)?;
            Some((
                items_total(&pr.line_items, p.unit),
                pr.budget.map(|b| b.this_year),
            ))
        })
    });
    let exact = move |amount: Amount| {
        session
            .plan
            .with(|p| format_figure(p.unit.exact_figure(amount)))
    };
    let cell_id = format!("program-{program}-items-total");
    let mark = cell_mark(session, nav.lang, cell_id.clone(), move || {
        session.unit.get()
    });
    let marked = move || mark.with(Option::is_some);
    let total = move || {
        figures.get().map_or_else(String::new, |(total, _)| {
            total.map_or_else(|| lang().pick("너무 큼", "too large").to_string(), exact)
        })
    };
    let budget = move || figures.get().and_then(|(_, b)| b);
    let matches = move || figures.get().is_some_and(|(t, b)| b.is_some() && t == b);
    let msg_id = format!("{cell_id}-msg");
    view! {
        <tfoot class="total-row">
            <tr data-testid="items-total-row">
                <th scope="row" colspan="2">{move || lang().pick("계", "Total")}</th>
                <td class="num derived" id=cell_id.clone() data-testid="items-total" class:mismatch=marked>{total}</td>
                <td class="num derived" data-testid="items-budget" colspan="3">
                    {move || match budget() {
                        Some(b) => view! {
                            <span>{move || lang().pick("예산액 ", "예산액 (budget) ")}{exact(b)}</span>
                            <span class="marker" aria-hidden="true">{move || if matches() { " ✓" } else { " ≠" }}</span>
                            <span class="visually-hidden">{move || if matches() { lang().pick("일치", "matches") } else { lang().pick("불일치", "differs") }}</span>
                        }.into_any(),
                        None => view! {
                            <span class="hint-inline">{move || lang().pick("예산현황에 없는 사업: 대조할 예산액 없음", "Not a row of the budget status table: no 예산액 to check against")}</span>
                        }.into_any(),
                    }}
                    <Show when=marked>
                        <CellMessage id=msg_id.clone() message=mark/>
                    </Show>
                </td>
            </tr>
        </tfoot>
    }
}
