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
//!   cell's own keys ([`crate::components::cells::figure`]).
//! - A block copied from a spreadsheet (tab-separated) pasted into a cell
//!   fills right and down from it, over the money columns (기투자, years,
//!   장기; 총계 and 소계 are derived and skipped), as one undo step. One
//!   unreadable figure refuses the whole block with a message naming it; a
//!   row's printed 합계 at its end is checked, not written into 장기.
//! - Ctrl+R (or the button) copies the focused year's figure into the later
//!   years of the row, as one undo step.

mod grid;
mod rows;

use leptos::prelude::*;
use planner_core::views::route::Subjects;

use crate::components::controls::empty_hint::{ADD_PLEDGE, ADD_PROGRAM};
use crate::components::controls::owner_picker::OwnerPicker;
use crate::components::controls::subject_view::{use_subject, SubjectView};
use crate::state::View;

use grid::ScheduleGrid;

/// The schedule view: a picker, the unit and stated total, and the grid.
#[component]
pub fn ScheduleView() -> impl IntoView {
    let owner = use_subject(Subjects::Both);
    view! {
        <SubjectView
            class="schedule-view"
            title_id="schedule-title"
            title=("연차별 소요예산", "Schedule by year and source")
            current=owner
            empty=("사업이나 공약이 아직 없습니다.", "The plan has no program or pledge yet.")
            add_at=&[ADD_PROGRAM, ADD_PLEDGE]
            head=move || view! { <OwnerPicker view=View::Schedule pledges_too=true current=owner.into()/> }
            body=|owner| view! { <ScheduleGrid owner/> }.into_any()
        />
    }
}
