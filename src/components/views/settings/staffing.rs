//! 인력: the organisation's staffing table (DOMAIN.md §1.5), editable — service
//! group and grade as text, 정원 and 현원 as figure cells; 과부족 (current less
//! quota, △ where staff are missing) and the totals are derived.

use leptos::prelude::*;
use planner_core::change::edit::StaffingColumn;
use planner_core::change::field::Field;
use planner_core::model::amount::format_figure;
use planner_core::rules::derive::staffing_totals;
use planner_core::Edit;
use rust_decimal::Decimal;

use crate::components::cells::figure::FigureCell;
use crate::components::controls::text_box::TextBox;
use crate::state::{use_nav, use_session};

/// The staffing table of the plan's settings.
#[component]
pub fn StaffingTable() -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    let count = Memo::new(move |_| session.plan.with(|p| p.staffing.len()));
    let totals = Memo::new(move |_| session.plan.with(|p| staffing_totals(&p.staffing)));
    let add = move |_| {
        session.dispatch(Edit::AddStaffingRow);
    };
    view! {
        <h3 id="staffing-title">{move || lang().pick("인력 (정원·현원)", "Staffing (quota and current)")}</h3>
        <div class="table-scroll">
        <table class="official staffing-table" aria-labelledby="staffing-title">
            <thead>
                <tr>
                    <th scope="col">{move || lang().pick("구분", "Service group")}</th>
                    <th scope="col">{move || lang().pick("직급", "Grade")}</th>
                    <th scope="col">{move || lang().pick("정원", "Quota")}</th>
                    <th scope="col">{move || lang().pick("현원", "Current")}</th>
                    <th scope="col">{move || lang().pick("과부족", "Difference")}</th>
                    <th scope="col"><span class="visually-hidden">{move || lang().pick("삭제", "Remove")}</span></th>
                </tr>
            </thead>
            <tbody class="total-row">
                <tr data-testid="staffing-total-row">
                    <th scope="row" colspan="2">{move || lang().pick("계", "Total")}</th>
                    <td class="num derived">{move || count_text(totals.get().quota)}</td>
                    <td class="num derived">{move || count_text(totals.get().current)}</td>
                    <td class="num derived">{move || format_figure(Decimal::from(totals.get().shortfall))}</td>
                    <td></td>
                </tr>
            </tbody>
            <tbody>
                <For each=move || 0..count.get() key=|i| *i let(row)>
                    <StaffingRowView row/>
                </For>
            </tbody>
        </table>
        </div>
        <div class="table-actions">
            <button type="button" data-testid="add-staffing-row" on:click=add>
                {move || lang().pick("직급 추가", "Add a grade")}
            </button>
        </div>
    }
}

fn count_text(n: u64) -> String {
    format_figure(Decimal::from(n))
}

/// One grade: group and grade names, quota and current staff, the difference.
#[component]
fn StaffingRowView(row: usize) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    let texts = Memo::new(move |_| {
        session.plan.with(|p| {
            p.staffing
                .get(row)
                .map(|r| (r.group.clone(), r.grade.clone(), r.shortfall()))
                .unwrap_or_default()
        })
    });
    let set_text = move |group: Option<String>, grade: Option<String>| {
        let (g, r, _) = texts.get_untracked();
        session.dispatch(Edit::SetStaffingText {
            row,
            group: group.unwrap_or(g),
            grade: grade.unwrap_or(r),
        });
    };
    let name = move || {
        let (group, grade, _) = texts.get();
        match (group.trim().is_empty(), grade.trim().is_empty()) {
            (true, true) => format!("{} {}", lang().pick("직급", "Grade"), row + 1),
            (true, false) => grade,
            (false, true) => group,
            (false, false) => format!("{group} {grade}"),
        }
    };
    let label = move |what: (&'static str, &'static str)| {
        Signal::derive(move || format!("{} · {}", name(), lang().pick(what.0, what.1)))
    };
    view! {
        <tr data-staffing=row>
            <th scope="row">
                <TextBox class="name" placeholder=Signal::derive(move || lang().pick("일반직", "General").to_string())
                    label=label(("구분", "Service group")) value=Signal::derive(move || texts.get().0)
                    on_text=Callback::new(move |t| set_text(Some(t), None))/>
            </th>
            <td>
                <TextBox class="name" placeholder=Signal::derive(move || lang().pick("5급", "Grade 5").to_string())
                    label=label(("직급", "Grade")) value=Signal::derive(move || texts.get().1)
                    on_text=Callback::new(move |t| set_text(None, Some(t)))/>
            </td>
            <td class="num">
                <FigureCell field=Field::Staffing { row, column: StaffingColumn::Quota } label=label(("정원", "Quota")) class="short"/>
            </td>
            <td class="num">
                <FigureCell field=Field::Staffing { row, column: StaffingColumn::Current } label=label(("현원", "Current")) class="short"/>
            </td>
            <td class="num derived">{move || format_figure(Decimal::from(texts.get().2))}</td>
            <td class="row-actions">
                <button
                    type="button"
                    class="remove"
                    aria-label=move || format!("{} · {}", lang().pick("삭제", "Remove"), name())
                    on:click=move |_| { session.dispatch(Edit::RemoveStaffingRow { row }); }
                >
                    "×"
                </button>
            </td>
        </tr>
    }
}
