//! The import dialog: the checked file's preview (title, years, totals,
//! problems) and the choice to add it or let it replace the open plan; or,
//! for a bad file, what is wrong and where (its JSON path). Nothing changes
//! before the user chooses.

use leptos::prelude::*;
use planner_core::file::library::grand_total;
use planner_core::model::words::total_cost_words;
use planner_core::views::document::amount_phrase;

use crate::state::import::Checked;
use crate::state::{use_import, use_nav, use_session};

/// The dialog, shown while a file is being imported.
#[component]
pub fn ImportDialog() -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let import = use_import();
    let body = move || {
        let lang = nav.lang.get();
        import.pending.get().map(|checked| match checked {
            Checked::Ready(preview) => {
                let plan = &preview.plan;
                let (errors, warnings) = preview.problems;
                let facts = [
                    (lang.pick("파일", "File"), preview.source.clone()),
                    (lang.pick("제목", "Title"), plan.title.clone()),
                    (lang.pick("기간", "Years"), format!("{}–{}", plan.years.first, plan.years.last)),
                    (lang.pick("사업 / 공약", "Programs / pledges"), format!("{} / {}", plan.programs.len(), plan.pledges.len())),
                    (total_cost_words(lang).0, amount_phrase(plan.unit.shown_figure(grand_total(plan)), plan.unit, lang)),
                    (lang.pick("문제", "Problems"), format!("{} {errors} · {} {warnings}", lang.pick("오류", "errors"), lang.pick("경고", "warnings"))),
                ];
                let open_title = session.plan.with_untracked(|p| p.title.clone());
                let can_replace = session.id.get_untracked().is_some();
                view! {
                    <h2 id="import-title">{lang.pick("가져올 계획 미리 보기", "Plan to import")}</h2>
                    <dl class="facts" data-testid="import-preview">
                        {facts.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                    </dl>
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| import.as_new()>
                            {lang.pick("새 계획으로 추가", "Add as a new plan")}
                        </button>
                        {can_replace.then(|| view! {
                            <button type="button" on:click=move |_| import.replacing_open()>
                                {format!("“{open_title}” {}", lang.pick("대신하기 (지금 상태는 버전 기록에 보관)", "— replace it (its current state is kept in its history)"))}
                            </button>
                        })}
                        <button type="button" on:click=move |_| import.cancel()>{lang.pick("취소", "Cancel")}</button>
                    </div>
                }
                .into_any()
            }
            // Shown below, outside this closure: a language switch must not start the mapping over.
            Checked::Table(_) => ().into_any(),
            Checked::Refused { source, error } => view! {
                <h2 id="import-title">{lang.pick("이 파일은 가져올 수 없습니다", "This file cannot be imported")}</h2>
                <p class="form-error" role="alert" data-testid="import-error">
                    <span aria-hidden="true">"⚠ "</span>
                    {format!("{source}: {}", error.message(lang))}
                </p>
                <p>{lang.pick("아무것도 바뀌지 않았습니다.", "Nothing was changed.")}</p>
                <div class="actions">
                    <button type="button" on:click=move |_| import.cancel()>{lang.pick("닫기", "Close")}</button>
                </div>
            }
            .into_any(),
        })
    };
    let table = Memo::new(move |_| match import.pending.get() {
        Some(Checked::Table(file)) => Some(file),
        _ => None,
    });
    let table = move || {
        table
            .get()
            .map(|file| view! { <crate::components::chrome::table_import::TableImport file=file/> })
    };
    // Mounted only while a file is pending (the shell's `Show` loads this part then).
    view! {
        <div class="import-dialog" role="dialog" aria-modal="false" aria-labelledby="import-title">
            {body}
            {table}
        </div>
    }
}
