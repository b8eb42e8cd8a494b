//! 예산현황: the budget status table of DOMAIN.md §1.1, editable. The 계 row
//! and the 증(△)감 column are derived from the plan on every change.

use leptos::ev::ClipboardEvent;
use leptos::prelude::*;
use planner_core::change::edit::BudgetColumn;
use planner_core::change::field::Field;
use planner_core::model::plan::ProgramId;
use planner_core::model::words::unit_caption;
use planner_core::rules::derive::status_total;
use planner_core::views::paste::paste_status;
use planner_core::{Amount, Edit, Msg};

use crate::components::cells::figure::FigureCell;
use crate::components::cells::paste::{
    apply_paste, pasted_block, row_key, PasteNote, PasteOutcome,
};
use crate::components::cells::total::TotalCell;
use crate::components::controls::rounding_select::RoundingSelect;
use crate::components::controls::status_head::StatusHead;
use crate::state::{use_nav, use_session};
use planner_core::change::edit::{RoundingTable, StatusColumn};

/// From how many rows on the table renders only the rows in view.
pub const VIRTUAL_FROM: usize = 100;
/// The fixed height of a row of a long (windowed) table, in CSS pixels.
const ROW_PX: usize = 44;
/// Rows rendered above and below the visible ones.
const OVERSCAN: usize = 10;
/// Rows rendered at once in a long table: a tall screen's worth plus margins.
const WINDOW_ROWS: usize = 40;

/// The table with its unit caption, one editable row per unit program.
#[component]
pub fn StatusTable() -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let t = move |m: Msg| m.text(nav.lang.get());
    let total = Memo::new(move |_| session.plan.with(status_total));
    let program_ids = Memo::new(move |_| {
        session
            .plan
            .with(|p| p.budget_rows().map(|(p, _)| p.id).collect::<Vec<_>>())
    });
    // Past a few hundred rows only the rows in view (and a margin) are rendered.
    let scroller = NodeRef::<leptos::html::Div>::new();
    let scroll_top = RwSignal::new(0);
    let virtual_table = move || program_ids.with(|ids| ids.len() > VIRTUAL_FROM);
    let window = Memo::new(move |_| {
        let count = program_ids.with(Vec::len);
        if count <= VIRTUAL_FROM {
            return (0, count);
        }
        let first = (scroll_top.get() / ROW_PX).saturating_sub(OVERSCAN);
        (first.min(count), (first + WINDOW_ROWS).min(count))
    });
    let shown_ids = move || {
        let (first, end) = window.get();
        program_ids.with(|ids| ids[first..end].to_vec())
    };
    let rows_above = move || window.get().0 * ROW_PX;
    let rows_below = move || program_ids.with(Vec::len).saturating_sub(window.get().1) * ROW_PX;
    let on_scroll = move |_| {
        if let Some(div) = scroller.get() {
            scroll_top.set(usize::try_from(div.scroll_top()).unwrap_or(0));
        }
    };
    // A new row starts without a name (its field shows a placeholder), so
    // typing into it never appends to a made-up one.
    let add_program = move |_| {
        session.dispatch(Edit::AddProgram {
            name: String::new(),
            status_row: true,
        });
    };
    // A block copied from a spreadsheet fills rows × columns from the cell.
    let pasted = RwSignal::new(None::<PasteOutcome>);
    let on_paste = move |ev: ClipboardEvent| {
        let Some((block, input, column)) = pasted_block(&ev) else {
            return;
        };
        let row = row_key(&input, "data-program")
            .and_then(|id| id.parse::<ProgramId>().ok())
            .and_then(|id| program_ids.with_untracked(|ids| ids.iter().position(|p| *p == id)))
            .unwrap_or(0);
        let result = session
            .plan
            .with_untracked(|p| paste_status(p, &block, (row, column), p.unit));
        pasted.set(Some(apply_paste(session, result)));
    };

    // Printed figures (계 row, 증감) are typed while this is on; it opens on
    // when the plan already holds some.
    let checking_box = RwSignal::new(session.plan.with_untracked(|p| {
        !p.status_totals.is_empty() || p.budget_rows().any(|(_, b)| b.printed_change.is_some())
    }));
    let checking: Signal<bool> = checking_box.into();
    let cell_label = move |column: Msg| {
        Signal::derive(move || {
            format!(
                "{} · {} ({})",
                t(Msg::RowTotal),
                t(column),
                nav.lang.get().pick("문서", "as printed")
            )
        })
    };
    view! {
        <section class="view status-view" aria-labelledby="status-title">
            <div class="table-head">
                <h2 id="status-title">{move || t(Msg::StatusTitle)}</h2>
                <p class="unit-caption" data-testid="unit-caption">
                    {move || unit_caption(session.unit.get(), nav.lang.get())}
                </p>
            </div>
            <div class="grid-options">
                <RoundingSelect table=RoundingTable::Status testid="status-rounding"/>
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid="status-check-printed"
                        prop:checked=move || checking.get()
                        on:change=move |ev| checking_box.set(event_target_checked(&ev))
                    />
                    {move || nav.lang.get().pick("문서의 합계·증감 입력·대조", "Type and check the document's printed totals and changes")}
                </label>
            </div>
            <div
                class="table-scroll"
                class:virtual=virtual_table
                node_ref=scroller
                on:scroll=on_scroll
                tabindex=move || virtual_table().then_some("0")
                role=move || virtual_table().then_some("region")
                aria-label=move || virtual_table().then(|| t(Msg::StatusTableCaption))
            >
            <table class="official" id="status-table" data-paste-block="status" on:paste=on_paste>
                <StatusHead editable=true/>
                <tbody class="total-row">
                    <tr data-testid="total-row">
                        <th scope="row">{move || t(Msg::RowTotal)}</th>
                        <Printed amount=Signal::derive(move || total.get().this_year) testid="total-this-year" field=Field::StatusPrinted(StatusColumn::ThisYear) checking label=cell_label(Msg::ColThisYear)/>
                        <Printed amount=Signal::derive(move || total.get().prior_year) testid="total-prior-year" field=Field::StatusPrinted(StatusColumn::PriorYear) checking label=cell_label(Msg::ColPriorYear)/>
                        <Printed amount=Signal::derive(move || total.get().change) testid="total-change" field=Field::StatusPrinted(StatusColumn::Change) checking label=cell_label(Msg::ColChange)/>
                        <td></td>
                    </tr>
                </tbody>
                <tbody>
                    <Show when=move || { rows_above() > 0 }>
                        <tr class="spacer" aria-hidden="true"><td colspan="5" style:height=move || format!("{}px", rows_above())></td></tr>
                    </Show>
                    <For each=shown_ids key=|id| *id let(id)>
                        <ProgramRow id checking/>
                    </For>
                    <Show when=move || { rows_below() > 0 }>
                        <tr class="spacer" aria-hidden="true"><td colspan="5" style:height=move || format!("{}px", rows_below())></td></tr>
                    </Show>
                </tbody>
            </table>
            </div>
            <PasteNote outcome=pasted testid="status-message"/>
            <div class="table-actions">
                <button type="button" on:click=add_program>{move || t(Msg::AddProgram)}</button>
            </div>
            <p class="hint">{move || t(Msg::EditHint)}</p>
        </section>
    }
}

/// A derived figure that can hold the document's printed one (the 계 row, 증감).
#[component]
fn Printed(
    amount: Signal<Amount>,
    testid: &'static str,
    field: Field,
    checking: Signal<bool>,
    label: Signal<String>,
) -> impl IntoView {
    let session = use_session();
    let unit = Signal::derive(move || session.unit.get());
    let figure = Signal::derive(move || unit.get().shown_figure(amount.get()));
    view! {
        <TotalCell figure testid=testid.to_string() field input=true checking unit label/>
    }
}

/// One unit program: its name, this year's and last year's budget, the change.
#[component]
fn ProgramRow(id: ProgramId, checking: Signal<bool>) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let t = move |m: Msg| m.text(nav.lang.get());
    let program = Memo::new(move |_| session.plan.with(|p| p.program(id).cloned()));
    let name = move || program.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let budget = move || program.with(|p| p.as_ref().and_then(|p| p.budget).unwrap_or_default());
    // A row without a name yet is read out by its placeholder.
    let shown_name = move || {
        let n = name();
        if n.trim().is_empty() {
            t(Msg::NewProgramName).to_string()
        } else {
            n
        }
    };
    let cell_label =
        move |column: Msg| Signal::derive(move || format!("{} · {}", shown_name(), t(column)));
    let budget_field = move |column| Field::Budget {
        program: id,
        column,
    };
    let rename = move |ev| {
        session.dispatch(Edit::SetProgramName {
            program: id,
            name: event_target_value(&ev),
        })
    };
    let remove = move |_| session.dispatch(Edit::RemoveProgram { program: id });

    view! {
        <tr data-program=id>
            <th scope="row" data-col="0">
                <input
                    type="text"
                    class="name"
                    id=format!("program-{id}-name")
                    placeholder=move || t(Msg::NewProgramName)
                    aria-label=move || format!("{} · {}", t(Msg::ProgramNameLabel), shown_name())
                    prop:value=name
                    on:input=rename
                />
            </th>
            <td class="num" data-col="1">
                <FigureCell field=budget_field(BudgetColumn::ThisYear) label=cell_label(Msg::ColThisYear)/>
            </td>
            <td class="num" data-col="2">
                <FigureCell field=budget_field(BudgetColumn::PriorYear) label=cell_label(Msg::ColPriorYear)/>
            </td>
            <Printed
                amount=Signal::derive(move || budget().change())
                testid="row-change"
                field=Field::PrintedChange { program: id }
                checking
                label=cell_label(Msg::ColChange)
            />
            <td class="row-actions">
                <button
                    type="button"
                    class="remove"
                    aria-label=move || format!("{} · {}", t(Msg::RemoveProgram), shown_name())
                    on:click=remove
                >
                    "×"
                </button>
            </td>
        </tr>
    }
}
