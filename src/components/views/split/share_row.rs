//! One source's share of a program's money in one year: the ratio typed,
//! the amount it means, and its note.

use leptos::prelude::*;
use planner_core::change::field::Field;
use planner_core::change::split::remainder_edit;
use planner_core::model::plan::{ProgramId, SourceId, Year};

use crate::components::cells::figure::FigureCell;
use crate::state::{use_nav, use_session};

/// One source: its share as an amount and a percentage, its matching weight,
/// and "give the remainder to it". Every figure is the one figure cell.
#[component]
pub(super) fn ShareRow(program: ProgramId, source: SourceId, year: Year) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    let name = session.source_name(nav, source.clone());
    let label = move |what: (&'static str, &'static str)| {
        Signal::derive(move || format!("{} · {}", name.get(), lang().pick(what.0, what.1)))
    };
    let share = Field::Share {
        program,
        source: source.clone(),
        year,
    };
    let percent = Field::SharePercent {
        program,
        source: source.clone(),
        year,
    };
    let printed = Field::PrintedShare {
        program,
        source: source.clone(),
    };
    let weight = Field::Weight {
        program,
        source: source.clone(),
    };
    let src = source.clone();
    let give_remainder = move |_| {
        let edit = session
            .plan
            .with_untracked(|p| remainder_edit(p, program, &src, year));
        if let Some(edit) = edit {
            session.dispatch(edit);
        }
    };

    view! {
        <tr data-source=source.clone()>
            <th scope="row">{move || name.get()}</th>
            <td class="num" data-col="0">
                <FigureCell field=share label=label(("금액", "Amount"))/>
            </td>
            <td class="num" data-col="1">
                <FigureCell field=percent label=label(("비율(%)", "Share (%)")) class="percent"/>
            </td>
            <td class="num printed">
                <FigureCell field=printed label=label(("문서의 비율(%)", "Share as printed (%)")) class="percent"/>
            </td>
            <td class="num" data-col="2">
                <FigureCell field=weight label=label(("매칭 비율", "Matching weight")) class="weight"/>
            </td>
            <td class="row-actions">
                <button
                    type="button"
                    class="remainder"
                    data-testid=format!("remainder-{source}")
                    aria-label=move || format!("{}: {}", name.get(), lang().pick("나머지를 이 재원에 배정", "give the remainder to this source"))
                    on:click=give_remainder
                >
                    {move || lang().pick("나머지 배정", "Give remainder")}
                </button>
            </td>
        </tr>
    }
}
