//! The header every view shares: the plan's name, the save state, the language
//! switch and the navigation between the plan's views.

use leptos::prelude::*;
use planner_core::{Lang, Msg};

use crate::state::{use_nav, use_saver, use_session, SaveStatus, StorageNotice, View};
use crate::storage::SaveError;

/// `HH:MM` in the browser's time zone of an ISO 8601 time, for "saved at".
fn clock_time(iso: &str) -> Option<String> {
    crate::browser::local_date_time(iso).and_then(|t| t.get(11..16).map(str::to_string))
}

/// Plan name, save state, language switch and view navigation.
#[component]
pub fn Header() -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let saver = use_saver();
    let t = move |m: Msg| m.text(nav.lang.get());
    let notice = move || {
        saver.notice.get().map(|n| match n {
            StorageNotice::Blocked => t(Msg::StorageBlockedBanner),
            StorageNotice::Quarantined => t(Msg::StoredPlanUnreadable),
            StorageNotice::Full => nav.lang.get().pick(
                "저장 공간이 가득 차서 방금 한 수정은 반영되지 않았습니다. 저장된 계획은 그대로입니다. 계획 설정에서 파일로 내보내거나, 계획 목록에서 쓰지 않는 계획을 삭제하세요.",
                "Storage is full, so the last edit was not kept. The saved plan is intact. Export the plan to a file from Settings, or delete plans you no longer need from Plans.",
            ),
            StorageNotice::NewerVersion => nav.lang.get().pick(
                "이 저장소는 더 새 버전의 앱이 쓴 것입니다. 이 탭은 저장하지 않습니다. 앱을 새로 고치세요.",
                "Storage was written by a newer version of the app. This tab will not save: reload the app.",
            ),
        })
    };

    view! {
        <header class="app-header">
            <div class="title-block">
                <p class="app-name">{move || t(Msg::AppName)}</p>
                <h1 data-testid="plan-title">{move || session.plan.with(|p| p.title.clone())}</h1>
                <p class="organisation">{move || session.plan.with(|p| p.organisation.clone())}</p>
                <StageBar/>
            </div>
            <div class="header-tools">
                <SaveState/>
                <div class="undo-redo" role="group" aria-label=move || t(Msg::EditHistory)>
                    {[(true, Msg::Undo, "↶ ", "Control+Z"), (false, Msg::Redo, "↷ ", "Control+Shift+Z Control+Y")]
                        .into_iter()
                        .map(|(undo, label, icon, shortcuts)| {
                            let possible = move || {
                                let (can_undo, can_redo) = session.can_undo_redo.get();
                                if undo { can_undo } else { can_redo }
                            };
                            view! {
                                <button
                                    type="button"
                                    aria-keyshortcuts=shortcuts
                                    disabled=move || !possible()
                                    on:click=move |_| if undo { session.undo() } else { session.redo() }
                                >
                                    <span aria-hidden="true">{icon}</span>
                                    {move || t(label)}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
                <div class="lang-switch" role="group" aria-label=move || t(Msg::LanguageLabel)>
                    {Lang::ALL
                        .into_iter()
                        .map(|lang| {
                            view! {
                                <button
                                    type="button"
                                    lang=lang.code()
                                    aria-pressed=move || if nav.lang.get() == lang { "true" } else { "false" }
                                    on:click=move |_| nav.set_lang(lang)
                                >
                                    {lang.native_name()}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            </div>
            <nav class="views" aria-label=move || t(Msg::NavLabel)>
                {View::navigation()
                    .map(|view| {
                        // Only the plans home is there while no plan is open.
                        let shown = move || view == View::Home || session.id.get().is_some();
                        let label = move || {
                            let lang = nav.lang.get();
                            match view {
                                View::Home => lang.pick("계획 목록", "Plans"),
                                View::Overview => lang.pick("개요", "Overview"),
                                View::Status => t(Msg::NavStatus),
                                View::Schedule => lang.pick("연차별 소요예산", "Schedule"),
                                View::Split => lang.pick("재원 분담", "Funding split"),
                                View::Pledge => lang.pick("공약 목표", "Pledge targets"),
                                View::LineItems => lang.pick("산출기초", "Line items"),
                                View::Stages => lang.pick("예산 단계", "Stages"),
                                View::Settings => lang.pick("계획 설정", "Settings"),
                                View::History => lang.pick("버전 기록", "History"),
                                View::Deck => lang.pick("브리핑", "Briefing"),
                                View::Presenter => lang.pick("발표자 화면", "Presenter screen"),
                            }
                        };
                        view! {
                            <a
                                class:hidden=move || !shown()
                                href=format!("#{}", view.fragment())
                                aria-current=move || (nav.view.get() == view).then_some("page")
                            >
                                {label}
                            </a>
                        }
                    })
                    .collect_view()}
            </nav>
        </header>
        <Show when=move || notice().is_some()>
            <p class="notice" role="alert">{notice}</p>
        </Show>
        <LockedNotice/>
    }
}

/// The budget stage being edited, and whether it is locked (adopted), with a
/// link to the stages view: every money figure on screen is that stage's.
#[component]
fn StageBar() -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let stage = move || {
        session.plan.with(|p| {
            p.stages
                .current_stage()
                .map(|s| (s.name.clone(), s.locked))
                .unwrap_or_default()
        })
    };
    view! {
        <Show when=move || session.id.get().is_some()>
            <p class="stage-bar" class:locked=move || stage().1 data-testid="stage-bar">
                {move || nav.lang.get().pick("예산 단계: ", "Budget stage: ")}
                <a href="#stages" data-testid="stage-name">{move || stage().0}</a>
                {move || {
                    stage()
                        .1
                        .then(|| nav.lang.get().pick(" · 확정(잠김)", " · adopted (locked)"))
                }}
            </p>
        </Show>
    }
}

/// Said where the user is looking after an edit the locked stage refused:
/// nothing changed, and how to change it on purpose.
#[component]
fn LockedNotice() -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let text = move || {
        let stage = session.locked_refusal.get()?;
        let name = session
            .plan
            .with(|p| p.stages.stage(stage).map(|s| s.name.clone()))
            .unwrap_or_default();
        Some(match nav.lang.get() {
            Lang::Ko => format!(
                "‘{name}’ 단계는 확정되어 잠겨 있으므로 금액을 고치지 않았습니다. 고치려면 예산 단계 화면에서 잠금을 푸세요."
            ),
            Lang::En => format!(
                "“{name}” is adopted and locked, so the figure was not changed. To change it, unlock the stage in Stages."
            ),
        })
    };
    view! {
        <Show when=move || text().is_some()>
            <p class="notice locked-notice" role="alert" data-testid="locked-notice">
                <span aria-hidden="true">"⚠ "</span>
                {text}
                " "
                <a href="#stages">{move || nav.lang.get().pick("예산 단계", "Stages")}</a>
            </p>
        </Show>
    }
}

/// Whether the last edit is stored, and when: the header shows it, and so
/// does the deck's notes panel, where the header is out of sight.
#[component]
pub fn SaveState() -> impl IntoView {
    let nav = use_nav();
    let saver = use_saver();
    let t = move |m: Msg| m.text(nav.lang.get());
    let save_text = move || {
        let msg = match saver.status.get() {
            SaveStatus::Saved(_) => Msg::SavedLocally,
            SaveStatus::Pending => return nav.lang.get().pick("저장 중…", "Saving…").to_string(),
            SaveStatus::NotSaved(SaveError::Blocked) => Msg::NotSavedStorageBlocked,
            SaveStatus::NotSaved(SaveError::QuotaExceeded) => Msg::NotSavedQuota,
            SaveStatus::NotSaved(SaveError::Other(_)) => Msg::NotSavedOther,
            SaveStatus::NotSaved(SaveError::ChangedElsewhere) => {
                return nav
                    .lang
                    .get()
                    .pick(
                        "저장 보류: 다른 탭에서 이 계획이 바뀌었습니다",
                        "Not saved: another tab changed this plan",
                    )
                    .to_string()
            }
        };
        let saved_at = saver.status.with(|s| match s {
            SaveStatus::Saved(at) => clock_time(at),
            _ => None,
        });
        match saved_at {
            Some(time) => format!("{} · {time}", t(msg)),
            None => t(msg).to_string(),
        }
    };
    let saved = move || saver.status.with(|s| !matches!(s, SaveStatus::NotSaved(_)));
    view! {
        <p class="save-state" class:not-saved=move || !saved() role="status" aria-live="polite" data-testid="save-state">
            <span aria-hidden="true">
                {move || saver.status.with(|s| match s {
                    SaveStatus::Saved(_) => "✓ ",
                    SaveStatus::Pending => "✎ ",
                    SaveStatus::NotSaved(_) => "⚠ ",
                })}
            </span>
            {save_text}
        </p>
    }
}
