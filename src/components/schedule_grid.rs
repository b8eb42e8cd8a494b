//! The schedule grid (소요예산액, DOMAIN.md §1.3) of one program or pledge:
//! funding sources × (기투자, each year, 장기), with the 계 row first, 총계 and
//! 소계 derived and footed in the shown unit, the stated total and the
//! difference to it always in view.
//!
//! It works like a spreadsheet:
//! - ↑/↓ always move to the cell above/below. ←/→ move to the next cell when
//!   the caret is at that edge of the text, or when the whole figure is
//!   selected (as it is when a cell is entered), so a planner can walk the
//!   grid with arrows and still move the caret inside a figure being typed.
//! - Tab/Shift+Tab move right/left, wrapping to the next/previous row; from
//!   the grid's last cell Tab leaves the grid (the keyboard is never trapped).
//! - Enter moves down, Esc puts back the figure the cell had when it was
//!   entered, and a cell is entered with its figure selected: the one figure
//!   cell's own keys ([`crate::components::figure_cell`]).
//! - A block copied from a spreadsheet (tab-separated) pasted into a cell
//!   fills right and down from it, over the money columns (기투자, years,
//!   장기; 총계 and 소계 are derived and skipped), as one undo step. One
//!   unreadable figure refuses the whole block with a message naming it; a
//!   row's printed 합계 at its end is checked, not written into 장기.
//! - Ctrl+R (or the button) copies the focused year's figure into the later
//!   years of the row, as one undo step.

use leptos::ev::{ClipboardEvent, FocusEvent, KeyboardEvent};
use leptos::prelude::*;
use planner_core::change::field::Field;
use planner_core::model::amount::format_figure;
use planner_core::model::plan::{Column, Plan, SourceId, YearRange};
use planner_core::model::words::{column_name, pledge_label, source_name, within_words};
use planner_core::model::words::{unit_caption, unit_name};
use planner_core::views::grid::{document_unit, fill_right_edits, grid_model, GridModel};
use planner_core::views::paste::paste_schedule;
use planner_core::{Amount, Edit, Owner, Unit};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};

use crate::components::figure_cell::FigureCell;
use crate::components::paste_note::{apply_paste, outcome_message, pasted_block, PasteOutcome};
use crate::state::{use_state, View};

/// The amount a schedule holds in one cell.
fn cell_amount(plan: &Plan, owner: Owner, source: &str, column: Column) -> Amount {
    plan.schedule(owner)
        .and_then(|s| s.row(source))
        .map_or(Amount::ZERO, |r| r.cell(column))
}

/// The fragment key of an owner (`program-5`), for pickers.
fn owner_key(owner: Owner) -> String {
    owner.cell_prefix()
}

/// The owner a view shows: the URL's subject when the plan has it and the
/// view takes it, else the first program (or pledge) that fits.
pub fn fitting_owner(plan: &Plan, subject: Option<Owner>, pledges_too: bool) -> Option<Owner> {
    let fits = |o: Owner| match o {
        Owner::Program(id) => plan.program(id).is_some(),
        Owner::Pledge(id) => pledges_too && plan.pledge(id).is_some(),
    };
    subject.filter(|o| fits(*o)).or_else(|| {
        plan.programs
            .first()
            .map(|p| Owner::Program(p.id))
            .or_else(|| {
                plan.pledges
                    .first()
                    .filter(|_| pledges_too)
                    .map(|p| Owner::Pledge(p.id))
            })
    })
}

/// A labelled `<select>` of programs (and pledges) that switches the view's
/// subject. Its options are one memo of names, so 200 programs cost one list
/// that changes only when a name does.
#[component]
pub fn OwnerPicker(
    /// The view the picker navigates within.
    view: View,
    /// Whether pledges are offered besides programs.
    pledges_too: bool,
    /// The owner shown now.
    current: Signal<Option<Owner>>,
) -> impl IntoView {
    let state = use_state();
    let options = Memo::new(move |_| {
        state.plan.with(|p| {
            let programs: Vec<(String, String)> = p
                .programs
                .iter()
                .map(|x| {
                    (
                        owner_key(Owner::Program(x.id)),
                        format!("{}. {}", x.id, x.name),
                    )
                })
                .collect();
            let pledges: Vec<(String, String)> = if pledges_too {
                p.pledges
                    .iter()
                    .map(|x| {
                        (
                            owner_key(Owner::Pledge(x.id)),
                            (x.number.clone(), x.title.clone()),
                        )
                    })
                    .map(|(k, (n, t))| (k, format!("{n} {t}")))
                    .collect()
            } else {
                Vec::new()
            };
            (programs, pledges)
        })
    });
    let select_id = format!("{}-picker", view.fragment());
    let on_change = move |ev| {
        if let Some(owner) = Owner::parse(&event_target_value(&ev)) {
            state.go(view, Some(owner));
        }
    };
    let lang = move || state.lang.get();
    view! {
        <div class="owner-picker">
            <label for=select_id.clone()>
                {move || if pledges_too {
                    lang().pick("사업·공약 선택", "Program or pledge")
                } else {
                    lang().pick("사업 선택", "Program")
                }}
            </label>
            <select
                id=select_id
                on:change=on_change
            >
                <optgroup label=move || lang().pick("사업", "Programs")>
                    {move || {
                        options.with(|(programs, _)| {
                            programs
                                .iter()
                                .map(|(k, name)| picker_option(k, name, current))
                                .collect_view()
                        })
                    }}
                </optgroup>
                <Show when=move || pledges_too>
                    <optgroup label=move || lang().pick("공약", "Pledges")>
                        {move || {
                            options.with(|(_, pledges)| {
                                pledges
                                    .iter()
                                    .map(|(k, name)| {
                                        picker_option(k, name, current)
                                    })
                                    .collect_view()
                            })
                        }}
                    </optgroup>
                </Show>
            </select>
        </div>
    }
}

/// One option of the picker, selected while it is the view's subject (set per
/// option, so it holds however the options and the value are rendered).
fn picker_option(key: &str, name: &str, current: Signal<Option<Owner>>) -> impl IntoView {
    let key = key.to_string();
    let mine = key.clone();
    view! {
        <option value=key prop:selected=move || current.get().map(owner_key).as_deref() == Some(mine.as_str())>
            {name.to_string()}
        </option>
    }
}

/// The schedule view: a picker, the unit and stated total, and the grid.
#[component]
pub fn ScheduleView() -> impl IntoView {
    let state = use_state();
    let owner = Memo::new(move |_| {
        let subject = state.subject.get();
        state.plan.with(|p| fitting_owner(p, subject, true))
    });
    view! {
        <section class="view schedule-view" aria-labelledby="schedule-title">
            <div class="table-head">
                <h2 id="schedule-title">
                    {move || state.lang.get().pick("연차별 소요예산", "Schedule by year and source")}
                </h2>
                <OwnerPicker view=View::Schedule pledges_too=true current=owner.into()/>
            </div>
            {move || match owner.get() {
                Some(o) => view! { <ScheduleGrid owner=o/> }.into_any(),
                None => view! {
                    <p class="hint">
                        {move || state.lang.get().pick("사업이나 공약이 아직 없습니다.", "The plan has no program or pledge yet.")}
                    </p>
                }
                .into_any(),
            }}
        </section>
    }
}

/// A grid cell's position: row among the sources, column among the money
/// columns (the note column comes last).
type Pos = (usize, usize);

fn pos_of(input: &HtmlInputElement) -> Option<Pos> {
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
fn ScheduleGrid(owner: Owner) -> impl IntoView {
    let state = use_state();
    let lang = move || state.lang.get();
    // The unit opens as the document's (a pledge card in 백만원) and can be
    // switched for this table only; the plan's unit is not touched.
    let chosen_unit = RwSignal::new(None::<Unit>);
    let opening_unit = state.plan.with_untracked(|p| document_unit(p, owner));
    let unit = Memo::new(move |_| chosen_unit.get().unwrap_or(opening_unit));
    let unit_signal: Signal<Unit> = unit.into();
    let model = Memo::new(move |_| state.plan.with(|p| grid_model(p, owner, unit.get())));
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
                )
            })
        })
    });
    let known_sources = move || {
        shape.with_untracked(|s| {
            s.as_ref()
                .map(|(_, rows, _)| {
                    rows.iter()
                        .filter(|(_, known)| *known)
                        .map(|(id, _)| id.clone())
                        .collect::<Vec<SourceId>>()
                })
                .unwrap_or_default()
        })
    };
    let columns_now =
        move || shape.with_untracked(|s| s.as_ref().map(|(c, _, _)| c.clone()).unwrap_or_default());
    let note = RwSignal::new(None::<GridNote>);
    let focused = RwSignal::new(None::<Pos>);
    let table_ref = NodeRef::<leptos::html::Table>::new();

    let focus_cell = move |(row, col): Pos| -> bool {
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
    let cell_at = move |(row, col): Pos| -> Option<(SourceId, Column)> {
        let source = known_sources().get(row)?.clone();
        let column = *columns_now().get(col)?;
        Some((source, column))
    };
    let fill_right = move |pos: Pos| {
        let Some((source, column)) = cell_at(pos) else {
            note.set(Some(GridNote::FillNeedsYear));
            return;
        };
        let (amount, term) = state.plan.with_untracked(|p| {
            (
                cell_amount(p, owner, &source, column),
                p.schedule_years(owner),
            )
        });
        match fill_right_edits(owner, &source, column, amount, term) {
            Some(edit) => {
                note.set(None);
                state.dispatch(edit);
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
        let text_len = input.value().encode_utf16().count() as u32;
        let start = input.selection_start().ok().flatten().unwrap_or(0);
        let end = input.selection_end().ok().flatten().unwrap_or(text_len);
        let all_selected = start == 0 && end == text_len;
        let target = match key.as_str() {
            "ArrowUp" if row > 0 => Some((row - 1, col)),
            "ArrowDown" if row + 1 < rows => Some((row + 1, col)),
            "ArrowLeft" if col > 0 && (all_selected || (start == 0 && end == 0)) => {
                Some((row, col - 1))
            }
            "ArrowRight"
                if col < last_col && (all_selected || (start == text_len && end == text_len)) =>
            {
                Some((row, col + 1))
            }
            "Tab" if !ev.shift_key() => {
                if col < last_col {
                    Some((row, col + 1))
                } else if row + 1 < rows {
                    Some((row + 1, 0))
                } else {
                    None // leave the grid
                }
            }
            "Tab" => {
                if col > 0 {
                    Some((row, col - 1))
                } else if row > 0 {
                    Some((row - 1, last_col))
                } else {
                    None
                }
            }
            _ => None,
        };
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
        note.set(Some(GridNote::Paste(apply_paste(state, result))));
    };

    let note_text = move || {
        note.get().and_then(|n| match n {
            GridNote::Paste(outcome) => state
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
        state.plan.with(|p| match owner {
            Owner::Program(id) => p.program(id).map(|x| x.name.clone()),
            Owner::Pledge(id) => p
                .pledge(id)
                .map(|x| pledge_label(&x.number, &x.title, lang())),
        })
    };

    let on_unit = move |ev| {
        let value = event_target_value(&ev);
        if let Some(u) = Unit::ALL.into_iter().find(|u| u.code() == value) {
            chosen_unit.set(Some(u));
        }
    };

    let table = move || {
        shape.get().map(|(columns, rows, term)| {
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
                    let cell = derived(Signal::derive(move || {
                        model.with(|m| m.as_ref().and_then(|m| m.column_totals.get(c).copied()).unwrap_or_default())
                    }), testid);
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
                            {derived(
                                Signal::derive(move || model.with(|m| m.as_ref().map(|m| m.total).unwrap_or_default())),
                                "grid-total".to_string(),
                            )}
                            {before_cell}
                            {derived(
                                Signal::derive(move || model.with(|m| m.as_ref().map(|m| m.in_term).unwrap_or_default())),
                                "grid-in-term".to_string(),
                            )}
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
                <select on:change=on_unit prop:value=move || unit.get().code()>
                    {Unit::ALL
                        .into_iter()
                        .map(|u| view! {
                            <option value=u.code()>{move || unit_name(u, lang())}</option>
                        })
                        .collect_view()}
                </select>
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
                "Move with the arrow keys, Tab and Enter; Esc abandons an entry. A block copied from a spreadsheet fills right and down from the cell it is pasted into (the derived 총계 and 소계 columns are skipped) and undoes in one step. Ctrl+R copies the selected year's figure into the later years.",
            )}
        </p>
    }
}

/// A key for a column in test ids (`before`, `y2019`, `after`).
fn column_key(column: Column) -> String {
    match column {
        Column::Before => "before".into(),
        Column::After => "after".into(),
        Column::Year(y) => format!("y{y}"),
    }
}

/// A derived figure cell (already footed, in the shown unit).
fn derived(figure: Signal<rust_decimal::Decimal>, testid: String) -> impl IntoView {
    view! {
        <td class="num derived" class:negative=move || figure.get().is_sign_negative() && !figure.get().is_zero() data-testid=testid>
            {move || format_figure(figure.get())}
        </td>
    }
}

/// One source's row: its name, derived 총계 and 소계, its money cells and note.
#[component]
fn SourceRow(
    owner: Owner,
    source: SourceId,
    known: bool,
    row: usize,
    columns: Vec<Column>,
    term: YearRange,
    unit: Signal<Unit>,
    model: Memo<Option<GridModel>>,
    note_col: usize,
) -> impl IntoView {
    let state = use_state();
    let lang = move || state.lang.get();
    let src = source.clone();
    let name = Memo::new(move |_| {
        let lang = lang();
        state.plan.with(|p| source_name(p, &src, lang))
    });
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
                state
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
        state.plan.with(|p| {
            p.schedule(owner)
                .and_then(|s| s.row(&src))
                .map(|r| r.note.clone())
                .unwrap_or_default()
        })
    });
    let src = source.clone();
    let on_note = move |ev| {
        state.dispatch(Edit::SetShareNote {
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
            {derived(row_figure(|r| r.total), format!("row-{key}-total"))}
            {before}
            {derived(row_figure(|r| r.in_term), format!("row-{key}-in-term"))}
            {cells}
            <td class="note" data-row=row data-col=note_col>
                {known.then(|| view! {
                    <input
                        type="text"
                        id=note_id.clone()
                        class="note"
                        aria-label=move || format!("{} · {}", name.get(), lang().pick("비고", "Note"))
                        prop:value=move || note_value.get()
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
fn StatedTotal(owner: Owner, unit: Signal<Unit>, model: Memo<Option<GridModel>>) -> impl IntoView {
    let state = use_state();
    let lang = move || state.lang.get();
    let stated = Memo::new(move |_| state.plan.with(|p| p.stated_total(owner).map(|s| s.amount)));
    let sum =
        Memo::new(move |_| model.with(|m| m.as_ref().map(|m| m.exact_total).unwrap_or_default()));
    let difference = move || stated.get().map(|s| sum.get() - s);
    let clear = move |_| {
        state.dispatch(Edit::SetStatedTotal {
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
