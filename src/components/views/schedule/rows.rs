//! The grid's rows and cells: one funding source's row of money cells and
//! derived totals, and the stated total the document prints beside the grid.

use leptos::prelude::*;
use planner_core::change::field::Field;
use planner_core::model::amount::format_figure;
use planner_core::model::plan::{Column, PrintedCell, SourceId, YearRange};
use planner_core::model::words::column_name;
use planner_core::views::grid::GridModel;
use planner_core::{Amount, Edit, Owner, Unit};

use crate::components::cells::figure::FigureCell;
use crate::components::cells::total::TotalCell;
use crate::state::{use_nav, use_session};

use super::grid::cell_amount;

/// A key for a column in test ids (`before`, `y2019`, `after`).
pub(super) fn column_key(column: Column) -> String {
    match column {
        Column::Before => "before".into(),
        Column::After => "after".into(),
        Column::Year(y) => format!("y{y}"),
    }
}

/// A derived figure cell (already footed, in the shown unit).
pub(super) fn derived(figure: Signal<rust_decimal::Decimal>, testid: String) -> impl IntoView {
    view! {
        <td class="num derived" class:negative=move || figure.get().is_sign_negative() && !figure.get().is_zero() data-testid=testid>
            {move || format_figure(figure.get())}
        </td>
    }
}

/// One source's row: its name, derived 총계 and 소계, its money cells and note.
#[component]
pub(super) fn SourceRow(
    owner: Owner,
    source: SourceId,
    known: bool,
    row: usize,
    columns: Vec<Column>,
    term: YearRange,
    unit: Signal<Unit>,
    model: Memo<Option<GridModel>>,
    note_col: usize,
    checking: Signal<bool>,
    average: bool,
) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    let name = session.source_name(nav, source.clone());
    let row_figure =
        move |pick: fn(&planner_core::views::grid::GridRow) -> rust_decimal::Decimal| {
            Signal::derive(move || {
                model.with(|m| {
                    m.as_ref()
                        .and_then(|m| m.rows.get(row))
                        .map(pick)
                        .unwrap_or_default()
                })
            })
        };
    let key = source.clone();
    let mut cells = Vec::new();
    let mut before = None;
    for (c, column) in columns.iter().copied().enumerate() {
        let label =
            Signal::derive(move || format!("{} · {}", name.get(), column_name(column, lang())));
        let cell = if known {
            view! { <MoneyCell owner source=source.clone() column row col=c term unit label/> }
                .into_any()
        } else {
            let src = source.clone();
            let figure = Signal::derive(move || {
                session
                    .plan
                    .with(|p| unit.get().shown_figure(cell_amount(p, owner, &src, column)))
            });
            derived(figure, format!("row-{}-{}", key, column_key(column))).into_any()
        };
        if c == 0 && column == Column::Before {
            before = Some(cell);
        } else {
            cells.push(cell);
        }
    }
    let note_id = format!("{}-source-{}-note", owner.cell_prefix(), source);
    let src = source.clone();
    let note_value = Memo::new(move |_| {
        session.plan.with(|p| {
            p.schedule(owner)
                .and_then(|s| s.row(&src))
                .map(|r| r.note.clone())
                .unwrap_or_default()
        })
    });
    let src = source.clone();
    let on_note = move |ev| {
        session.dispatch(Edit::SetShareNote {
            owner,
            source: src.clone(),
            note: event_target_value(&ev),
        })
    };
    view! {
        <tr data-source=source.clone()>
            <th scope="row">
                {move || name.get()}
                {(!known).then(|| view! {
                    <span class="unknown-source">{move || lang().pick(" (목록에 없는 재원)", " (not in the plan's sources)")}</span>
                })}
            </th>
            <TotalCell
                figure=row_figure(|r| r.total)
                testid=format!("row-{key}-total")
                field=Field::Printed { owner, cell: PrintedCell::RowTotal(source.clone()) }
                input=known
                checking
                unit
                label=Signal::derive(move || format!("{} · {}", name.get(), lang().pick("총계(문서)", "Grand total as printed")))
            />
            {average.then(|| derived(row_figure(|r| r.average.unwrap_or_default()), format!("row-{key}-average")))}
            {before}
            <TotalCell
                figure=row_figure(|r| r.in_term)
                testid=format!("row-{key}-in-term")
                field=Field::Printed { owner, cell: PrintedCell::RowInTerm(source.clone()) }
                input=known
                checking
                unit
                label=Signal::derive(move || format!("{} · {}", name.get(), lang().pick("소계(문서)", "Subtotal as printed")))
            />
            {cells}
            <td class="note" data-row=row data-col=note_col>
                {known.then(|| view! {
                    <input
                        type="text"
                        id=note_id.clone()
                        class="note"
                        aria-label=move || format!("{} · {}", name.get(), lang().pick("비고", "Note"))
                        prop:value=move || note_value.get()
                        readonly=move || session.stage_locked()
                        on:keydown=move |ev| crate::components::cells::figure::refuse_if_locked(session, &ev)
                        on:input=on_note.clone()
                    />
                })}
            </td>
        </tr>
    }
}

/// An editable money cell of the grid: the one figure cell over the
/// schedule's cell, in the table's unit.
#[component]
fn MoneyCell(
    owner: Owner,
    source: SourceId,
    column: Column,
    row: usize,
    col: usize,
    term: YearRange,
    unit: Signal<Unit>,
    label: Signal<String>,
) -> impl IntoView {
    let outside = matches!(column, Column::Year(y) if !term.contains(y));
    let field = Field::Cell {
        owner,
        source,
        column,
    };
    view! {
        <td class="num" class:outside=outside data-row=row data-col=col>
            <FigureCell field label unit/>
        </td>
    }
}

/// The stated total (editable) beside what the schedule adds to and the
/// difference (schedule − stated), always in view.
#[component]
pub(super) fn StatedTotal(
    owner: Owner,
    unit: Signal<Unit>,
    model: Memo<Option<GridModel>>,
) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    let stated = Memo::new(move |_| {
        session
            .plan
            .with(|p| p.stated_total(owner).map(|s| s.amount))
    });
    let sum =
        Memo::new(move |_| model.with(|m| m.as_ref().map(|m| m.exact_total).unwrap_or_default()));
    let difference = move || stated.get().map(|s| sum.get() - s);
    let clear = move |_| {
        session.dispatch(Edit::SetStatedTotal {
            owner,
            total: None,
            unit: unit.get_untracked(),
        });
    };
    let field = Field::StatedTotal { owner };
    let input_id = field.cell_id();
    let exact = move |a: Amount| format_figure(unit.get().exact_figure(a));
    let label = Signal::derive(move || lang().pick("명시된 총사업비", "Stated total").to_string());
    view! {
        <div class="stated-total" data-testid="stated-total">
            <div class="stated-field">
                <label for=input_id>{move || label.get()}</label>
                <FigureCell field label unit/>
                <Show when=move || stated.get().is_some()>
                    <button type="button" class="remove" on:click=clear>
                        {move || lang().pick("지우기", "Clear")}
                    </button>
                </Show>
            </div>
            <dl class="difference">
                <dt>{move || lang().pick("연차별 합계", "Schedule adds to")}</dt>
                <dd data-testid="schedule-sum">{move || exact(sum.get())}</dd>
                <dt>{move || lang().pick("차이 (합계 − 명시)", "Difference (sum − stated)")}</dt>
                <dd
                    data-testid="difference"
                    class:off=move || difference().is_some_and(|d| !d.is_zero())
                >
                    {move || match difference() {
                        Some(d) if d.is_zero() => format!("- ({})", lang().pick("일치", "matches")),
                        Some(d) => format!("{} ({})", exact(d), if d.is_negative() {
                            lang().pick("부족", "short")
                        } else {
                            lang().pick("초과", "over")
                        }),
                        None => lang().pick("명시된 총액 없음", "no stated total").to_string(),
                    }}
                </dd>
            </dl>
        </div>
    }
}
