//! The history panel: the kept versions of the open plan, each with what
//! differs from the current state, and a restore (undoable; the current state
//! is kept as a version first).

use leptos::prelude::*;
use planner_core::views::compare::differences;

use crate::state::versions::Version;
use crate::state::{use_nav, use_plans, use_saver, use_session};

/// The open plan's kept versions, newest first.
#[component]
pub fn HistoryView() -> impl IntoView {
    let nav = use_nav();
    let saver = use_saver();
    let plans = use_plans();
    let session = use_session();
    let pick = move |ko: &'static str, en: &'static str| nav.lang.get().pick(ko, en);
    // Recounted after every save (the library changes with each).
    let versions = Memo::new(move |_| {
        plans.index().track();
        session
            .id
            .get()
            .map(|id| saver.versions(id))
            .unwrap_or_default()
    });
    let compared = RwSignal::new(None::<String>);
    view! {
        <section class="view history-view" aria-labelledby="history-title">
            <h2 id="history-title">{move || pick("버전 기록", "Version history")}</h2>
            <p class="hint">{move || pick(
                "계획을 열 때, 편집 중 5분마다, 다른 내용으로 바꾸기 전에 저장된 상태를 보관합니다(최대 20개, 공간이 허락하는 만큼).",
                "The saved state is kept when the plan opens, every 5 minutes of editing, and before anything replaces it (up to 20, as many as fit).",
            )}</p>
            <Show when=move || versions.with(Vec::is_empty)>
                <p>{move || pick("보관된 버전이 없습니다.", "No versions kept yet.")}</p>
            </Show>
            <ol class="versions" data-testid="versions">
                <For each=move || versions.get() key=|v| v.key.clone() let(version)>
                    <VersionItem version=version compared/>
                </For>
            </ol>
            <button type="button" on:click=move |_| { saver.prune_versions(); }>
                {move || pick("오래된 버전 정리 (각 계획의 최신 버전만 남김)", "Prune old versions (keep each plan's newest)")}
            </button>
        </section>
    }
}

#[component]
fn VersionItem(version: Version, compared: RwSignal<Option<String>>) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let saver = use_saver();
    let pick = move |ko: &'static str, en: &'static str| nav.lang.get().pick(ko, en);
    let when = crate::browser::local_date_time(&version.saved_at)
        .unwrap_or_else(|| version.saved_at.clone());
    let key = StoredValue::new(version.key.clone());
    let is_compared =
        move || compared.with(|c| key.with_value(|k| c.as_deref() == Some(k.as_str())));
    let key2 = version.key.clone();
    let toggle = move |_| {
        compared.update(|c| {
            *c = if c.as_deref() == Some(key2.as_str()) {
                None
            } else {
                Some(key2.clone())
            }
        })
    };
    let v2 = version.clone();
    let diff = move || {
        let old = saver.read_version(&v2)?;
        let lang = nav.lang.get();
        let rows = session.plan.with(|now| differences(&old, now, lang));
        Some(if rows.is_empty() {
            view! { <p>{lang.pick("지금 상태와 같습니다.", "Same as the current state.")}</p> }
                .into_any()
        } else {
            view! {
                <table class="official compare">
                    <thead><tr>
                        <th scope="col">{lang.pick("항목", "Item")}</th>
                        <th scope="col">{lang.pick("이 버전", "This version")}</th>
                        <th scope="col">{lang.pick("지금", "Now")}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|d| view! { <tr><th scope="row">{d.what}</th><td class="num">{d.before}</td><td class="num">{d.after}</td></tr> }).collect_view()}
                    </tbody>
                </table>
            }
            .into_any()
        })
    };
    let v3 = version.clone();
    view! {
        <li>
            <span class="when">{when.clone()}</span>
            " "
            <button type="button" aria-expanded=move || if is_compared() { "true" } else { "false" } on:click=toggle
                aria-label=move || format!("{} · {when}", pick("지금과 비교", "Compare with now"))>
                {move || pick("지금과 비교", "Compare with now")}
            </button>
            " "
            <button type="button" on:click=move |_| session.restore_version(&v3)>
                {move || pick("이 버전으로 되돌리기", "Restore this version")}
            </button>
            <Show when=is_compared>{diff.clone()}</Show>
        </li>
    }
}
