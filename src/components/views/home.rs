//! The plans home: every plan in this browser with its years, grand total,
//! problem count and last save; create, open, rename, duplicate (to draft a
//! revision) and delete with undo.

use leptos::prelude::*;
use planner_core::file::library::{PlanId, PlanSummary};
use planner_core::fixtures::demo::demo_plan;
use planner_core::model::figure::{FigureFormat, FigureKind};
use planner_core::model::limits::span_fits;
use planner_core::model::plan::YearRange;
use planner_core::model::words::total_cost_words;
use planner_core::views::document::amount_phrase;
use planner_core::Unit;

use crate::components::chrome::import_button::ImportButton;
use crate::components::controls::unit_select::UnitSelect;
use crate::components::views::welcome::Welcome;
use crate::state::plans::new_plan_title;
use crate::state::{use_nav, use_plans, use_saver, use_session, View};
use crate::storage::{request_persistence, QUOTA_CHARS, QUOTA_WARNING_PERCENT};

/// The list of plans and the form for a new one.
#[component]
pub fn PlansHome() -> impl IntoView {
    let nav = use_nav();
    let plans = use_plans();
    let pick = move |ko: &'static str, en: &'static str| nav.lang.get().pick(ko, en);
    let ids = move || {
        plans
            .index()
            .with(|l| l.plans.iter().map(|p| p.id).collect::<Vec<_>>())
    };
    let deleted = move || {
        plans
            .index()
            .with(|l| l.deleted.as_ref().map(|p| p.title.clone()))
    };

    view! {
        <section class="view plans-home" aria-labelledby="plans-title">
            <Welcome/>
            <h2 id="plans-title">{move || pick("계획 목록", "Plans")}</h2>
            <p class="hint">
                {move || pick(
                    "계획은 이 브라우저에만 저장됩니다. 다른 사람에게는 계획 설정에서 JSON 파일로 내보내 전달하세요.",
                    "Plans are kept in this browser only. To pass one on, export it as a JSON file from Settings.",
                )}
            </p>
            <Show when=move || deleted().is_some()>
                <p class="toast" role="status" data-testid="deleted-toast">
                    {move || format!("“{}” {}", deleted().unwrap_or_default(), pick("계획을 삭제했습니다.", "was deleted."))}
                    " "
                    <button type="button" on:click=move |_| plans.undo_delete()>
                        {move || pick("삭제 취소", "Undo delete")}
                    </button>
                </p>
            </Show>
            <table class="official plans-table" data-testid="plans-table">
                <caption class="visually-hidden">{move || pick("저장된 계획", "Stored plans")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || pick("계획", "Plan")}</th>
                        <th scope="col">{move || pick("기간", "Years")}</th>
                        <th scope="col" title=move || total_cost_words(nav.lang.get()).1>
                            {move || total_cost_words(nav.lang.get()).0}
                        </th>
                        <th scope="col">{move || pick("문제", "Problems")}</th>
                        <th scope="col">{move || pick("마지막 저장", "Last saved")}</th>
                        <th scope="col">{move || pick("작업", "Actions")}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=ids key=|id| *id let(id)>
                        <PlanRow id/>
                    </For>
                </tbody>
            </table>
            <NewPlanForm/>
            <ImportButton/>
            <StorageUse/>
        </section>
    }
}

/// One plan of the list.
#[component]
fn PlanRow(id: PlanId) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let plans = use_plans();
    let pick = move |ko: &'static str, en: &'static str| nav.lang.get().pick(ko, en);
    let summary = Memo::new(move |_| plans.index().with(|l| l.get(id).cloned()));
    let field = move |f: fn(&PlanSummary) -> String| {
        move || summary.with(|s| s.as_ref().map(f).unwrap_or_default())
    };
    let title = field(|s| s.title.clone());
    let quarantined = move || summary.with(|s| s.as_ref().is_some_and(|s| s.quarantined));
    let is_open = move || session.id.get() == Some(id);
    let open = move |_| {
        plans.open_plan(id);
        if session.id.get_untracked() == Some(id) {
            nav.go(View::Overview, None);
        }
    };
    let rename = move |ev| plans.rename_plan(id, event_target_value(&ev));
    let duplicate = move |_| {
        if plans.duplicate_plan(id).is_some() {
            nav.go(View::Home, None);
        }
    };
    let delete = move |_| plans.delete_plan(id);
    let problems = move || {
        summary.with(|s| {
            s.as_ref().map(|s| {
                let lang = nav.lang.get();
                format!(
                    "{} {} · {} {}",
                    lang.pick("오류", "errors"),
                    s.errors,
                    lang.pick("경고", "warnings"),
                    s.warnings
                )
            })
        })
    };
    let clean = move || summary.with(|s| s.as_ref().is_some_and(|s| s.errors == 0));

    view! {
        <tr data-plan=id class:open=is_open>
            <th scope="row">
                <Show
                    when=move || !quarantined()
                    fallback=move || view! {
                        <span class="quarantined">
                            <span aria-hidden="true">"⚠ "</span>
                            {move || pick("읽을 수 없는 계획 (원본은 따로 보관됨)", "Unreadable plan (its entry is kept aside)")}
                        </span>
                    }
                >
                    <input
                        type="text"
                        class="name"
                        aria-label=move || format!("{} · {}", pick("계획 이름", "Plan name"), title())
                        prop:value=title
                        on:change=rename
                    />
                    <Show when=is_open>
                        <span class="open-badge">{move || pick("열려 있음", "open")}</span>
                    </Show>
                </Show>
            </th>
            <td>{move || summary.with(|s| s.as_ref().map(|s| format!("{}–{}", s.first_year, s.last_year)))}</td>
            <td class="num" data-testid="plan-total">{move || summary.with(|s| s.as_ref().map(|s| amount_phrase(s.unit.shown_figure(s.grand_total), s.unit, nav.lang.get())))}</td>
            <td class:has-errors=move || !clean()>
                <span aria-hidden="true">{move || if clean() { "✓ " } else { "⚠ " }}</span>
                {problems}
            </td>
            <td>{move || local_time(&field(|s| s.saved_at.clone())())}</td>
            <td class="row-actions">
                <Show when=move || !quarantined()>
                    <button type="button" on:click=open aria-label=move || format!("{} · {}", pick("열기", "Open"), title())>
                        {move || pick("열기", "Open")}
                    </button>
                    <button type="button" on:click=duplicate aria-label=move || format!("{} · {}", pick("복제", "Duplicate"), title())>
                        {move || pick("복제", "Duplicate")}
                    </button>
                </Show>
                <button type="button" class="remove" on:click=delete aria-label=move || format!("{} · {}", pick("삭제", "Delete"), title())>
                    {move || pick("삭제", "Delete")}
                </button>
            </td>
        </tr>
    }
}

/// The form for a new plan: title, years and unit.
#[component]
fn NewPlanForm() -> impl IntoView {
    let nav = use_nav();
    let plans = use_plans();
    let pick = move |ko: &'static str, en: &'static str| nav.lang.get().pick(ko, en);
    let this_year = crate::browser::today()
        .get(0..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or(2026);
    let title = RwSignal::new(String::new());
    let first = RwSignal::new(this_year.to_string());
    let last = RwSignal::new((this_year + 4).to_string());
    let unit = RwSignal::new(Unit::Thousand);
    let error = RwSignal::new(None::<&'static str>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = nav.lang.get_untracked();
        // Read as every year cell reads a year, and held to the same limits.
        let year = |text: String| {
            FigureFormat::required(FigureKind::Year)
                .parse(&text)
                .ok()
                .flatten()
                .and_then(|y| i32::try_from(y.mantissa()).ok())
        };
        let years = match (year(first.get_untracked()), year(last.get_untracked())) {
            (Some(f), Some(l)) if span_fits(f, l) => YearRange::new(f, l),
            _ => {
                error.set(Some(lang.pick(
                    "연도를 확인하세요: 1900–2200년 사이의 네 자리 연도로, 시작 연도가 끝 연도보다 늦지 않게, 50년 이내로 씁니다.",
                    "Check the years: four digits between 1900 and 2200, the first not after the last, at most 50 years.",
                )));
                return;
            }
        };
        error.set(None);
        let name = title.get_untracked();
        let name = if name.trim().is_empty() {
            new_plan_title(lang).to_string()
        } else {
            name
        };
        if plans
            .create_plan(&name, years, unit.get_untracked())
            .is_some()
        {
            title.set(String::new());
            nav.go(View::Settings, None);
        }
    };
    let add_demo = move |_| {
        if plans.add_plan(demo_plan()).is_some() {
            nav.go(View::Overview, None);
        }
    };

    view! {
        <form class="new-plan" on:submit=create aria-labelledby="new-plan-title">
            <h3 id="new-plan-title">{move || pick("새 계획", "New plan")}</h3>
            <label>
                {move || pick("제목", "Title")}
                <input type="text" id="new-plan-name" name="title" prop:value=title on:input=move |ev| title.set(event_target_value(&ev))
                    placeholder=move || new_plan_title(nav.lang.get())/>
            </label>
            <label>
                {move || pick("시작 연도", "First year")}
                <input type="text" inputmode="numeric" name="first-year" prop:value=first on:input=move |ev| first.set(event_target_value(&ev))/>
            </label>
            <label>
                {move || pick("끝 연도", "Last year")}
                <input type="text" inputmode="numeric" name="last-year" prop:value=last on:input=move |ev| last.set(event_target_value(&ev))/>
            </label>
            <label>
                {move || pick("단위", "Unit")}
                <UnitSelect name="unit" unit=unit on_pick=Callback::new(move |u| unit.set(u))/>
            </label>
            <button type="submit" class="primary">{move || pick("새 계획 만들기", "Create plan")}</button>
            <button type="button" on:click=add_demo>{move || pick("예시 계획 추가", "Add the demo plan")}</button>
            <Show when=move || error.get().is_some()>
                <p class="form-error" role="alert"><span aria-hidden="true">"⚠ "</span>{move || error.get()}</p>
            </Show>
        </form>
    }
}

/// `YYYY-MM-DD HH:MM` in the browser's time zone, from an ISO 8601 time.
fn local_time(iso: &str) -> String {
    crate::browser::local_date_time(iso)
        .unwrap_or_else(|| iso.get(0..16).unwrap_or(iso).replace('T', " "))
}

/// How full the browser's storage is, with a warning well before the limit,
/// and whether the browser promised to keep it.
#[component]
fn StorageUse() -> impl IntoView {
    let nav = use_nav();
    let saver = use_saver();
    let plans = use_plans();
    let pick = move |ko: &'static str, en: &'static str| nav.lang.get().pick(ko, en);
    // Recounted whenever the library changes (every save updates it).
    let used = Memo::new(move |_| {
        plans.index().track();
        saver.storage_used()
    });
    let percent = move || used.get().map(|u| u * 100 / QUOTA_CHARS);
    let mb = |chars: usize| {
        format!(
            "{}.{}",
            chars / 1_048_576,
            chars % 1_048_576 * 10 / 1_048_576
        )
    };
    let persisted = RwSignal::new(None::<Option<bool>>);
    leptos::task::spawn_local(async move {
        persisted.set(Some(request_persistence().await));
    });
    view! {
        <section class="storage-use" aria-labelledby="storage-title">
            <h3 id="storage-title">{move || pick("저장 공간", "Storage")}</h3>
            <Show
                when=move || used.get().is_some()
                fallback=move || view! { <p>{move || pick("이 브라우저는 저장소를 막고 있습니다. 작업은 이 탭에만 있습니다.", "This browser blocks storage; work lives in this tab only.")}</p> }
            >
                <p data-testid="storage-use">
                    <meter min="0" max="100" low=QUOTA_WARNING_PERCENT high="95" optimum="0" value=move || percent().unwrap_or(0)
                        aria-label=move || pick("저장 공간 사용률", "Storage used")></meter>
                    " "
                    {move || used.get().map(|u| format!("{} MB / {} MB ({}%)", mb(u), mb(QUOTA_CHARS), u * 100 / QUOTA_CHARS))}
                </p>
                <Show when=move || percent().is_some_and(|p| p >= QUOTA_WARNING_PERCENT)>
                    <p class="form-error" role="alert">
                        <span aria-hidden="true">"⚠ "</span>
                        {move || pick(
                            "저장 공간이 거의 찼습니다. 계획을 파일로 내보내고 쓰지 않는 계획을 삭제하세요.",
                            "Storage is almost full. Export plans to files and delete those you no longer need.",
                        )}
                    </p>
                </Show>
            </Show>
            <p data-testid="persistence">
                {move || match persisted.get() {
                    None => pick("영구 저장 요청 중…", "Asking for persistent storage…"),
                    Some(Some(true)) => pick("영구 저장: 허용됨. 브라우저가 공간이 부족해도 계획을 지우지 않습니다.", "Persistent storage: granted. The browser will not clear plans when space runs low."),
                    Some(Some(false)) => pick("영구 저장: 허용되지 않음. 공간이 부족하면 브라우저가 지울 수 있으니 파일로도 내보내 두세요.", "Persistent storage: not granted. The browser may clear storage when space runs low, so also export plans to files."),
                    Some(None) => pick("영구 저장: 이 브라우저는 답하지 않았습니다.", "Persistent storage: this browser gave no answer."),
                }}
            </p>
        </section>
    }
}
