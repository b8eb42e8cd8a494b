//! One owner's schedule grid: the editable cells by source and year, the
//! keys that move between them (`planner_core::views::grid::grid_move`),
//! block paste, fill right, and the table's own unit.

use leptos::ev::{ClipboardEvent, FocusEvent, KeyboardEvent};
use leptos::prelude::*;
use planner_core::model::plan::{Column, Plan, SourceId};
use planner_core::model::words::unit_caption;
use planner_core::model::words::{column_name, pledge_label, within_words};
use planner_core::views::grid::{
    document_unit, fill_right_edits, grid_model, grid_move, Caret, GridKey, GridPos,
};
use planner_core::views::paste::paste_schedule;
use planner_core::{Amount, Owner, Unit};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};

use crate::components::cells::paste::{apply_paste, outcome_message, pasted_block, PasteOutcome};
use crate::components::controls::unit_select::UnitSelect;
use crate::state::{use_nav, use_session};

use super::rows::{column_key, derived, SourceRow, StatedTotal};
use crate::components::cells::total::TotalCell;
use crate::components::controls::rounding_select::RoundingSelect;
use planner_core::change::edit::RoundingTable;
use planner_core::change::field::Field;
use planner_core::model::plan::PrintedCell;
use planner_core::Edit;

/// The amount a schedule holds in one cell.
pub(super) fn cell_amount(plan: &Plan, owner: Owner, source: &str, column: Column) -> Amount {
    plan.schedule(owner)
        .and_then(|s| s.row(source))
        .map_or(Amount::ZERO, |r| r.cell(column))
}

fn pos_of(input: &HtmlInputElement) -> Option<GridPos> {
    let td = input.closest("td[data-col]").ok()??;
    let row = td.get_attribute("data-row")?.parse().ok()?;
    let col = td.get_attribute("data-col")?.parse().ok()?;
    Some((row, col))
}

/// What the grid has to say after a paste or a fill.
#[derive(Clone, Debug, PartialEq)]
enum GridNote {
    Paste(PasteOutcome),
    FillNeedsYear,
}

/// One owner's grid.
#[component]
pub(super) fn ScheduleGrid(owner: Owner) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    // The unit opens as the document's (a pledge card in 백만원) and can be
    // switched for this table only; the plan's unit is not touched.
    let chosen_unit = RwSignal::new(None::<Unit>);
    let opening_unit = session.plan.with_untracked(|p| document_unit(p, owner));
    let unit = Memo::new(move |_| chosen_unit.get().unwrap_or(opening_unit));
    let unit_signal: Signal<Unit> = unit.into();
    let model = Memo::new(move |_| session.plan.with(|p| grid_model(p, owner, unit.get())));
    // The grid's shape: re-rendered only when columns or sources change.
    let shape = Memo::new(move |_| {
        model.with(|m| {
            m.as_ref().map(|m| {
                (
                    m.columns.clone(),
                    m.rows
                        .iter()
                        .map(|r| (r.source.clone(), r.known))
                        .collect::<Vec<_>>(),
                    m.term,
                    m.average.is_some(),
                )
            })
        })
    });
    // Printed totals are typed under the computed ones while this is on; it
    // opens on when the schedule already holds some.
    let checking = RwSignal::new(
        session
            .plan
            .with_untracked(|p| p.schedule(owner).is_some_and(|s| !s.printed.is_empty())),
    );
    let checking_signal: Signal<bool> = checking.into();
    let average_on = Memo::new(move |_| {
        session
            .plan
            .with(|p| p.schedule(owner).is_some_and(|s| s.average))
    });
    let known_sources = move || {
        shape.with_untracked(|s| {
            s.as_ref()
                .map(|(_, rows, _, _)| {
                    rows.iter()
                        .filter(|(_, known)| *known)
                        .map(|(id, _)| id.clone())
                        .collect::<Vec<SourceId>>()
                })
                .unwrap_or_default()
        })
    };
    let columns_now = move || {
        shape.with_untracked(|s| s.as_ref().map(|(c, _, _, _)| c.clone()).unwrap_or_default())
    };
    let note = RwSignal::new(None::<GridNote>);
    let focused = RwSignal::new(None::<GridPos>);
    let table_ref = NodeRef::<leptos::html::Table>::new();

    let focus_cell = move |(row, col): GridPos| -> bool {
        let Some(table) = table_ref.get_untracked() else {
            return false;
        };
        let selector = format!("td[data-row=\"{row}\"][data-col=\"{col}\"] input");
        match table.query_selector(&selector) {
            Ok(Some(el)) => {
                let _ = el.unchecked_into::<HtmlElement>().focus();
                true
            }
            _ => false,
        }
    };
    let cell_at = move |(row, col): GridPos| -> Option<(SourceId, Column)> {
        let source = known_sources().get(row)?.clone();
        let column = *columns_now().get(col)?;
        Some((source, column))
    };
    let fill_right = move |pos: GridPos| {
        let Some((source, column)) = cell_at(pos) else {
            note.set(Some(GridNote::FillNeedsYear));
            return;
        };
        let (amount, term) = session.plan.with_untracked(|p| {
            (
                cell_amount(p, owner, &source, column),
                p.schedule_years(owner),
            )
        });
        match fill_right_edits(owner, &source, column, amount, term) {
            Some(edit) => {
                note.set(None);
                session.dispatch(edit);
            }
            None => note.set(Some(GridNote::FillNeedsYear)),
        }
    };

    let on_focusin = move |ev: FocusEvent| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(pos) = pos_of(&input) else { return };
        focused.set(Some(pos));
    };

    let on_keydown = move |ev: KeyboardEvent| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let Some((row, col)) = pos_of(&input) else {
            return;
        };
        let rows = known_sources().len();
        let last_col = columns_now().len(); // the note column
        let key = ev.key();
        let command = ev.ctrl_key() || ev.meta_key();
        if command && !ev.shift_key() && !ev.alt_key() && ev.code() == "KeyR" {
            ev.prevent_default();
            fill_right((row, col));
            return;
        }
        if command || ev.alt_key() {
            return;
        }
        let len = input.value().encode_utf16().count() as u32;
        let caret = Caret {
            start: input.selection_start().ok().flatten().unwrap_or(0),
            end: input.selection_end().ok().flatten().unwrap_or(len),
            len,
        };
        let target = GridKey::from_key(&key, ev.shift_key())
            .and_then(|key| grid_move(key, (row, col), rows, last_col, caret));
        if let Some(target) = target {
            if focus_cell(target) {
                ev.prevent_default();
            }
        }
    };

    let on_paste = move |ev: ClipboardEvent| {
        let Some((block, input, col)) = pasted_block(&ev) else {
            return;
        };
        let Some((row, _)) = pos_of(&input) else {
            return;
        };
        let result = paste_schedule(
            owner,
            &block,
            &known_sources(),
            &columns_now(),
            (row, col),
            unit.get_untracked(),
        );
        note.set(Some(GridNote::Paste(apply_paste(session, result))));
    };

    let note_text = move || {
        note.get().and_then(|n| match n {
            GridNote::Paste(outcome) => session
                .plan
                .with(|p| outcome_message(&outcome, p, lang()))
                .map(|(_, text)| text),
            GridNote::FillNeedsYear => Some(
                lang()
                    .pick(
                        "오른쪽 채우기는 연도 칸에서 합니다: 연도 칸을 선택하고 다시 누르세요.",
                        "Fill right works from a year cell: select a year cell and try again.",
                    )
                    .to_string(),
            ),
        })
    };

    let within = move || within_words(matches!(owner, Owner::Pledge(_)), lang());
    let name = move || {
        session.plan.with(|p| match owner {
            Owner::Program(id) => p.program(id).map(|x| x.name.clone()),
            Owner::Pledge(id) => p
                .pledge(id)
                .map(|x| pledge_label(&x.number, &x.title, lang())),
        })
    };

    let table = move || {
        shape.get().map(|(columns, rows, term, average)| {
            let year_count = columns.iter().filter(|c| matches!(c, Column::Year(_))).count();
            let note_col = columns.len();
            let header_years = columns
                .iter()
                .filter_map(|c| match c {
                    Column::Year(y) => Some(*y),
                    _ => None,
                })
                .map(|y| {
                    let outside = !term.contains(y);
                    view! {
                        <th scope="col" class:outside=outside>
                            {y}
                            {outside.then(|| view! {
                                <span class="outside-mark" title=move || lang().pick("기간 밖", "outside the years")>" †"</span>
                            })}
                        </th>
                    }
                })
                .collect_view();
            let total_cells = columns
                .iter()
                .enumerate()
                .map(|(c, column)| {
                    let testid = format!("total-{}", column_key(*column));
                    let is_year = matches!(column, Column::Year(_));
                    let column = *column;
                    let cell = view! {
                        <TotalCell
                            figure=Signal::derive(move || {
                                model.with(|m| m.as_ref().and_then(|m| m.column_totals.get(c).copied()).unwrap_or_default())
                            })
                            testid
                            field=Field::Printed { owner, cell: PrintedCell::ColumnTotal(column) }
                            input=true
                            checking=checking_signal
                            unit=unit_signal
                            label=Signal::derive(move || format!("{} · {} ({})", lang().pick("계", "Total"), column_name(column, lang()), lang().pick("문서", "as printed")))
                        />
                    };
                    (is_year, cell)
                })
                .collect::<Vec<_>>();
            let mut total_row = Vec::new();
            let mut before_cell = None;
            for (i, (is_year, cell)) in total_cells.into_iter().enumerate() {
                if i == 0 && !is_year {
                    before_cell = Some(cell);
                } else {
                    total_row.push(cell);
                }
            }
            let body = rows
                .iter()
                .enumerate()
                .map(|(r, (source, known))| {
                    view! {
                        <SourceRow
                            owner
                            source=source.clone()
                            known=*known
                            row=r
                            columns=columns.clone()
                            term
                            unit=unit_signal
                            model
                            note_col
                            checking=checking_signal
                            average
                        />
                    }
                })
                .collect_view();
            view! {
                <table
                    class="official schedule-grid"
                    node_ref=table_ref
                    data-paste-block="schedule"
                    on:keydown=on_keydown
                    on:paste=on_paste
                    on:focusin=on_focusin
                >
                    <caption class="visually-hidden">{name}</caption>
                    <thead>
                        <tr>
                            <th scope="col" rowspan="2">{move || lang().pick("구분", "Source")}</th>
                            <th scope="col" rowspan="2">{move || lang().pick("총계", "Grand total")}</th>
                            {average.then(|| view! {
                                <th scope="col" rowspan="2">{move || lang().pick("연평균", "Yearly average")}</th>
                            })}
                            <th scope="col" rowspan="2">{move || column_name(Column::Before, lang())}</th>
                            <th scope="colgroup" colspan=year_count + 1>{within}</th>
                            <th scope="col" rowspan="2">{move || column_name(Column::After, lang())}</th>
                            <th scope="col" rowspan="2">{move || lang().pick("비고", "Note")}</th>
                        </tr>
                        <tr>
                            <th scope="col">{move || lang().pick("소계", "Subtotal")}</th>
                            {header_years}
                        </tr>
                    </thead>
                    <tbody class="total-row">
                        <tr data-testid="grid-total-row">
                            <th scope="row">{move || lang().pick("계", "Total")}</th>
                            <TotalCell
                                figure=Signal::derive(move || model.with(|m| m.as_ref().map(|m| m.total).unwrap_or_default()))
                                testid="grid-total".to_string()
                                field=Field::StatedTotal { owner }
                                input=false
                                checking=checking_signal
                                unit=unit_signal
                                label=Signal::derive(move || lang().pick("총계(문서)", "Grand total as printed").to_string())
                            />
                            {average.then(|| derived(
                                Signal::derive(move || model.with(|m| m.as_ref().and_then(|m| m.average).unwrap_or_default())),
                                "grid-average".to_string(),
                            ))}
                            {before_cell}
                            <TotalCell
                                figure=Signal::derive(move || model.with(|m| m.as_ref().map(|m| m.in_term).unwrap_or_default()))
                                testid="grid-in-term".to_string()
                                field=Field::Printed { owner, cell: PrintedCell::InTerm }
                                input=true
                                checking=checking_signal
                                unit=unit_signal
                                label=Signal::derive(move || format!("{} · {}", lang().pick("계", "Total"), lang().pick("소계(문서)", "Subtotal as printed")))
                            />
                            {total_row}
                            <td></td>
                        </tr>
                    </tbody>
                    <tbody>{body}</tbody>
                </table>
            }
        })
    };

    let fill_button = move |_| match focused.get_untracked() {
        Some(pos) => {
            fill_right(pos);
            focus_cell(pos);
        }
        None => note.set(Some(GridNote::FillNeedsYear)),
    };

    view! {
        <div class="grid-head">
            <p class="unit-caption" data-testid="grid-unit-caption">
                {move || unit_caption(unit.get(), lang())}
            </p>
            <label class="grid-unit">
                {move || lang().pick("이 표의 단위", "Unit of this table")}
                <UnitSelect unit=unit_signal on_pick=Callback::new(move |u| chosen_unit.set(Some(u)))/>
            </label>
        </div>
        <div class="grid-options">
            <RoundingSelect table=RoundingTable::Schedule(owner) testid="grid-rounding"/>
            <label class="check">
                <input
                    type="checkbox"
                    data-testid="check-printed"
                    prop:checked=move || checking.get()
                    on:change=move |ev| checking.set(event_target_checked(&ev))
                />
                {move || lang().pick("문서의 합계 입력·대조", "Type and check the document's printed totals")}
            </label>
            <label class="check">
                <input
                    type="checkbox"
                    data-testid="show-average"
                    prop:checked=move || average_on.get()
                    on:change=move |ev| session.dispatch(Edit::SetAverage { owner, shown: event_target_checked(&ev) })
                />
                {move || lang().pick("연평균 열", "Yearly average column")}
            </label>
        </div>
        <StatedTotal owner unit=unit_signal model/>
        <div class="grid-scroll">{table}</div>
        <p class="grid-message" role="alert" data-testid="grid-message">
            {move || note_text().map(|t| {
                let taken = matches!(note.get(), Some(GridNote::Paste(PasteOutcome::Taken(_))));
                view! {
                    <span class="marker" aria-hidden="true">{if taken { "✓ " } else { "⚠ " }}</span>
                    <strong>{lang().pick("붙여넣기·채우기", "Paste or fill")}": "</strong>
                    {t}
                }
            })}
        </p>
        <div class="table-actions">
            <button type="button" data-testid="fill-right" on:click=fill_button>
                {move || lang().pick("오른쪽 채우기 (Ctrl+R)", "Fill right (Ctrl+R)")}
            </button>
        </div>
        <p class="hint">
            {move || lang().pick(
                "방향키·Tab·Enter로 칸을 옮기고 Esc로 입력을 취소합니다. 스프레드시트에서 복사한 칸들을 붙여넣으면 그 칸부터 오른쪽·아래로 채워지며(총계·소계 열은 건너뜀), 한 번에 실행 취소됩니다. Ctrl+R은 선택한 연도 금액을 이후 연도에 복사합니다.",
                "Move with the arrow keys, Tab and Enter; Esc abandons an entry. A block copied from a spreadsheet fills right and down from the cell it is pasted into (the derived Grand total and Subtotal columns are skipped) and undoes in one step. Ctrl+R copies the selected year's figure into the later years.",
            )}
        </p>
    }
}
