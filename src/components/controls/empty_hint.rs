//! What an empty view says: what is missing, and a link to the view where it
//! is added, so a first plan never meets a dead end.

use leptos::prelude::*;

use crate::state::{use_nav, View};

/// A view where something is added, and the link's words (Korean, English).
pub type AddAt = (View, &'static str, &'static str);

/// Where programs are added: the budget status table.
pub const ADD_PROGRAM: AddAt = (
    View::Status,
    "예산현황에서 단위사업 추가",
    "Add a unit program in Budget status",
);

/// Where pledges are added: the pledge targets.
pub const ADD_PLEDGE: AddAt = (
    View::Pledge,
    "공약 목표에서 공약 추가",
    "Add a pledge in Pledge targets",
);

/// Where a schedule is typed.
pub const TYPE_SCHEDULE: AddAt = (
    View::Schedule,
    "연차별 소요예산에서 금액 입력",
    "Type the amounts in Schedule",
);

/// Where the staffing table is filled in.
pub const ADD_STAFFING: AddAt = (
    View::Settings,
    "계획 설정에서 인력 추가",
    "Add staff in Settings",
);

/// "Nothing yet" with the links to where it is added.
#[component]
pub fn EmptyHint(
    /// What is missing, in Korean and English.
    text: (&'static str, &'static str),
    /// Where to add it.
    #[prop(optional)]
    add_at: &'static [AddAt],
) -> impl IntoView {
    let nav = use_nav();
    let pick = move |(ko, en): (&'static str, &'static str)| nav.lang.get().pick(ko, en);
    view! {
        <p class="hint empty empty-hint" data-testid="empty-hint">
            {move || pick(text)}
            {add_at
                .iter()
                .enumerate()
                .map(|(i, &(view, ko, en))| view! {
                    {if i == 0 { " " } else { " · " }}
                    <a href=view.href(None)>{move || pick((ko, en))}</a>
                })
                .collect_view()}
        </p>
    }
}
