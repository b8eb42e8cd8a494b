//! The plan's funding sources: names in both languages, order, and which
//! are added or removed.

use leptos::prelude::*;
use planner_core::Edit;

use crate::components::cells::marked_text::MarkedText;
use crate::components::controls::text_box::TextBox;
use crate::state::{use_nav, use_session};

/// The plan's funding sources: names in both languages, order, add, remove.
#[component]
pub(super) fn SourcesTable() -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    let ids = Memo::new(move |_| {
        session
            .plan
            .with(|p| p.sources.iter().map(|s| s.id.clone()).collect::<Vec<_>>())
    });
    let new_ko = RwSignal::new(String::new());
    let new_en = RwSignal::new(String::new());
    let add_error = RwSignal::new(false);
    let add = move |_| {
        let (name_ko, name_en) = (new_ko.get_untracked(), new_en.get_untracked());
        if name_ko.trim().is_empty() && name_en.trim().is_empty() {
            add_error.set(true);
            return;
        }
        add_error.set(false);
        session.dispatch(Edit::AddSource {
            name_ko: name_ko.trim().to_string(),
            name_en: name_en.trim().to_string(),
        });
        new_ko.set(String::new());
        new_en.set(String::new());
    };

    view! {
        <h3 id="sources-title">{move || lang().pick("재원", "Funding sources")}</h3>
        <table class="official sources-table" aria-labelledby="sources-title">
            <thead>
                <tr>
                    <th scope="col">{move || lang().pick("순서", "Order")}</th>
                    <th scope="col">{move || lang().pick("재원명 (한국어)", "Name (Korean)")}</th>
                    <th scope="col">{move || lang().pick("재원명 (영어)", "Name (English)")}</th>
                    <th scope="col">{move || lang().pick("순서 바꾸기", "Move")}</th>
                    <th scope="col">{move || lang().pick("삭제", "Remove")}</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || ids.get() key=|id| id.clone() let(id)>
                    <SourceRow id ids/>
                </For>
                <tr class="add-row">
                    <th scope="row">{move || lang().pick("새 재원", "New source")}</th>
                    <td>
                        <TextBox id="new-source-ko" lang="ko" placeholder="민간" label=Signal::derive(move || lang().pick("새 재원 · 한국어 이름", "New source · Korean name").to_string())
                            value=new_ko on_text=Callback::new(move |t| new_ko.set(t))/>
                    </td>
                    <td>
                        <TextBox id="new-source-en" placeholder="Private" label=Signal::derive(move || lang().pick("새 재원 · 영어 이름", "New source · English name").to_string())
                            value=new_en on_text=Callback::new(move |t| new_en.set(t))/>
                    </td>
                    <td colspan="2">
                        <button type="button" data-testid="add-source" on:click=add>
                            {move || lang().pick("재원 추가", "Add source")}
                        </button>
                        <Show when=move || add_error.get()>
                            <span class="cell-message" id="new-source-msg" role="status">
                                <span class="marker" aria-hidden="true">"⚠ "</span>
                                {move || lang().pick("재원 이름을 한 가지 이상 쓰세요.", "Give the source a name first.")}
                            </span>
                        </Show>
                    </td>
                </tr>
            </tbody>
        </table>
        <p class="hint" id="sources-remove-hint">
            {move || {
                lang()
                    .pick(
                        "“사용 중”인 재원은 어느 사업이나 공약의 소요예산에 금액·비고가 있거나 매칭 비율에 쓰여 삭제할 수 없습니다. 먼저 그 금액을 지우세요. 이름을 바꾸거나 순서를 바꾸어도 금액은 그대로입니다.",
                        "A source “in use” has money or a note in some program's or pledge's schedule, or a matching ratio: it cannot be removed until those are cleared. Renaming or moving a source keeps every figure.",
                    )
            }}
        </p>
    }
}

/// One funding source of the list.
#[component]
fn SourceRow(id: String, ids: Memo<Vec<String>>) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    let key = StoredValue::new(id);
    let names = Memo::new(move |_| {
        key.with_value(|id| {
            session.plan.with(|p| {
                p.source(id)
                    .map(|s| (s.name_ko.clone(), s.name_en.clone()))
                    .unwrap_or_default()
            })
        })
    });
    let in_use =
        Memo::new(move |_| key.with_value(|id| session.plan.with(|p| p.source_in_use(id))));
    let position =
        Memo::new(move |_| key.with_value(|id| ids.with(|ids| ids.iter().position(|i| i == id))));
    let count = move || ids.with(Vec::len);
    let shown_name = move || {
        let (ko, en) = names.get();
        match nav.lang.get() {
            planner_core::Lang::Ko if !ko.is_empty() => ko,
            _ if !en.is_empty() => en,
            _ => ko,
        }
    };
    let rename = move |ko: bool, text: String| {
        let (name_ko, name_en) = names.get_untracked();
        let (name_ko, name_en) = if ko { (text, name_en) } else { (name_ko, text) };
        session.dispatch(Edit::RenameSource {
            source: key.get_value(),
            name_ko,
            name_en,
        });
    };
    let move_to = move |delta: isize| {
        if let Some(from) = position.get_untracked() {
            let to = from.saturating_add_signed(delta);
            if to != from && to < count() {
                session.dispatch(Edit::MoveSource {
                    source: key.get_value(),
                    to,
                });
            }
        }
    };
    let remove = move |_| {
        session.dispatch(Edit::RemoveSource {
            source: key.get_value(),
        })
    };
    let why_id = key.with_value(|id| format!("source-{id}-in-use"));
    let described = why_id.clone();

    view! {
        <tr data-source=move || key.get_value()>
            <th scope="row">{move || position.get().map(|p| p + 1)}</th>
            <td>
                <MarkedText
                    id=key.with_value(|id| format!("source-{id}-name"))
                    label=Signal::derive(move || format!("{} · {}", shown_name(), lang().pick("한국어 이름", "Korean name")))
                    value=Signal::derive(move || names.get().0)
                    on_input=Callback::new(move |text| rename(true, text))
                />
            </td>
            <td>
                <input
                    type="text"
                    id=key.with_value(|id| format!("source-{id}-name-en"))
                    aria-label=move || format!("{} · {}", shown_name(), lang().pick("영어 이름", "English name"))
                    prop:value=move || names.get().1
                    on:input=move |ev| rename(false, event_target_value(&ev))
                />
            </td>
            <td class="move-buttons">
                <button
                    type="button"
                    aria-label=move || format!("{} · {}", lang().pick("위로", "Move up"), shown_name())
                    disabled=move || position.get() == Some(0)
                    on:click=move |_| move_to(-1)
                >
                    "↑"
                </button>
                <button
                    type="button"
                    aria-label=move || format!("{} · {}", lang().pick("아래로", "Move down"), shown_name())
                    disabled=move || position.get().is_none_or(|p| p + 1 >= count())
                    on:click=move |_| move_to(1)
                >
                    "↓"
                </button>
            </td>
            <td class="remove-cell">
                <button
                    type="button"
                    class="remove"
                    aria-label=move || format!("{} · {}", lang().pick("삭제", "Remove"), shown_name())
                    disabled=move || in_use.get()
                    aria-describedby=move || in_use.get().then(|| format!("{described} sources-remove-hint"))
                    on:click=remove
                >
                    "×"
                </button>
                <Show when=move || in_use.get()>
                    <span class="in-use" id=why_id.clone()>
                        {move || lang().pick("사용 중", "In use")}
                    </span>
                </Show>
            </td>
        </tr>
    }
}
