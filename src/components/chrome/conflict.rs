//! The choice a user makes when another tab saved the open plan while this
//! tab had unsaved edits. Until then nothing is written.

use leptos::prelude::*;

use crate::state::{use_nav, use_tabs};

/// A banner with the two choices; both keep the other version as a plan of its own.
#[component]
pub fn ConflictBanner() -> impl IntoView {
    let nav = use_nav();
    let tabs = use_tabs();
    let pick = move |ko: &'static str, en: &'static str| nav.lang.get().pick(ko, en);
    let when = move || {
        tabs.conflict().with(|c| {
            c.as_ref().map(|c| {
                crate::browser::local_date_time(&c.saved_at).unwrap_or_else(|| c.saved_at.clone())
            })
        })
    };
    view! {
        <Show when=move || tabs.conflict().with(Option::is_some)>
            <div class="notice conflict" role="alert" data-testid="conflict">
                <p>
                    <span aria-hidden="true">"⚠ "</span>
                    {move || pick(
                        "다른 탭에서 이 계획을 저장했습니다",
                        "Another tab saved this plan",
                    )}
                    " ("{when}"). "
                    {move || pick(
                        "이 탭의 수정 사항은 아직 저장되지 않았습니다. 어느 쪽을 이 계획으로 둘지 고르세요. 다른 쪽은 별도의 계획으로 보관됩니다.",
                        "This tab's edits are not saved yet. Choose which version stays as this plan; the other is kept as a separate plan.",
                    )}
                </p>
                <button type="button" class="primary" on:click=move |_| tabs.keep_mine()>
                    {move || pick("이 탭의 버전 유지", "Keep this tab's version")}
                </button>
                " "
                <button type="button" on:click=move |_| tabs.take_theirs()>
                    {move || pick("다른 탭의 버전 사용", "Use the other tab's version")}
                </button>
            </div>
        </Show>
    }
}
