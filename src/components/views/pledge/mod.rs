//! 공약 목표: a pledge card as the pledge book prints it (DOMAIN.md §1.4) —
//! number, title, term and classification, then each indicator's yearly
//! targets and actuals with 이행율, yearly and cumulative rates, a progress bar
//! and a note per year. Every figure is computed by
//! [`planner_core::views::worksheet`]; this view only shows it and sends edits.

mod indicator;

use leptos::prelude::*;
use planner_core::model::plan::{
    Actor, Classification, Completion, Horizon, Novelty, PledgeId, PledgeStatus,
};
use planner_core::model::words::{
    actor_word, budgetary_word, completion_word, horizon_word, novelty_word, pledge_label,
    sdg_name, status_word,
};
use planner_core::views::route::Subjects;
use planner_core::{Edit, Lang, Owner};

use crate::components::cells::figure::{cell_mark, CellMessage};
use crate::components::cells::marked_text::MarkedText;
use crate::components::controls::choice_group::ChoiceGroup;
use crate::components::controls::subject_view::{use_subject, SubjectView};
use crate::state::{use_nav, use_session, Session, View};

use indicator::IndicatorCard;

/// The pledge view: a pledge picker, the pledge's card and its indicators.
#[component]
pub fn PledgeTargets() -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    // The subject when it is a pledge the plan has, else the first pledge.
    let current = use_subject(Subjects::Pledges);
    let choices = Memo::new(move |_| {
        session.plan.with(|p| {
            p.pledges
                .iter()
                .map(|pl| (pl.id, pledge_label(&pl.number, &pl.title, lang())))
                .collect::<Vec<_>>()
        })
    });
    let pick = move |ev| {
        if let Ok(id) = event_target_value(&ev).parse::<PledgeId>() {
            nav.go(View::Pledge, Some(Owner::Pledge(id)));
        }
    };
    // A new pledge starts untitled (its field shows a placeholder).
    let add = move |_| {
        session.dispatch(Edit::AddPledge {
            title: String::new(),
        });
        let newest = session
            .plan
            .with_untracked(|p| p.pledges.iter().map(|p| p.id).max());
        if let Some(id) = newest {
            nav.go(View::Pledge, Some(Owner::Pledge(id)));
        }
    };
    let bar = move || {
        view! {
            <div class="picker-bar">
                <label for="pledge-picker">{move || lang().pick("공약 선택", "Pledge")}</label>
                <select id="pledge-picker" on:change=pick>
                    {move || {
                        choices
                            .get()
                            .into_iter()
                            .map(|(id, label)| {
                                view! {
                                    <option value=id.to_string() prop:selected=move || current.get() == Some(Owner::Pledge(id))>
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
                <button type="button" data-testid="add-pledge" on:click=add>{move || lang().pick("공약 추가", "Add pledge")}</button>
            </div>
        }
    };
    view! {
        <SubjectView
            class="pledge-view"
            title_id="pledge-view-title"
            title=("공약 목표와 실적", "Pledge targets")
            current
            empty=("이 계획에는 공약이 없습니다. 위의 ‘공약 추가’로 추가하세요.", "This plan has no pledges yet. Add one with ‘Add pledge’ above.")
            bar
            body=|owner| match owner {
                Owner::Pledge(id) => view! { <PledgeCard id/> }.into_any(),
                Owner::Program(_) => ().into_any(),
            }
        />
    }
}

/// One single-choice box of a pledge card (`card`: the session, the pledge
/// and its classification): the part of the classification it reads and sets.
fn class_choice<T>(
    (session, id, class): (Session, PledgeId, Memo<Classification>),
    legend: (&'static str, &'static str),
    what: &'static str,
    options: &'static [T],
    word: fn(T, Lang) -> &'static str,
    get: fn(&Classification) -> T,
    set: fn(&mut Classification, T),
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <ChoiceGroup
            legend
            name=format!("pledge-{id}-{what}")
            options=options.to_vec()
            word
            current=Signal::derive(move || class.with(get))
            on_pick=Callback::new(move |v| update_classification(session, id, |c| set(c, v)))
        />
    }
}

/// Applies a change to a pledge's classification as one edit.
fn update_classification(
    session: Session,
    pledge: PledgeId,
    change: impl FnOnce(&mut Classification),
) {
    let current = session
        .plan
        .with_untracked(|p| p.pledge(pledge).map(|p| p.classification.clone()));
    if let Some(mut classification) = current {
        change(&mut classification);
        session.dispatch(Edit::SetClassification {
            pledge,
            classification,
        });
    }
}

/// One pledge: its heading fields, classification and indicators.
#[component]
fn PledgeCard(id: PledgeId) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    let number = Memo::new(move |_| {
        session
            .plan
            .with(|p| p.pledge(id).map(|p| p.number.clone()).unwrap_or_default())
    });
    let title = Memo::new(move |_| {
        session
            .plan
            .with(|p| p.pledge(id).map(|p| p.title.clone()).unwrap_or_default())
    });
    let term = Memo::new(move |_| {
        session.plan.with(|p| {
            p.pledge(id)
                .map(|p| format!("{}–{}", p.term.first, p.term.last))
                .unwrap_or_default()
        })
    });
    let indicators = Memo::new(move |_| {
        session.plan.with(|p| {
            p.pledge(id)
                .map(|p| p.indicators.iter().map(|i| i.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    // A new indicator starts unnamed (its field shows a placeholder).
    let add_indicator = move |_| {
        session.dispatch(Edit::AddIndicator {
            pledge: id,
            name: String::new(),
            unit: lang().pick("건", "cases").to_string(),
        });
    };
    let remove_pledge = move |_| {
        session.dispatch(Edit::RemovePledge { pledge: id });
        nav.go(View::Pledge, None);
    };
    let prefix = format!("pledge-{id}");

    view! {
        <article class="pledge-card" data-pledge=id>
            <div class="form-grid pledge-head">
                <label for=format!("{prefix}-number")>{move || lang().pick("공약 번호", "Pledge number")}</label>
                <input
                    id=format!("{prefix}-number")
                    type="text"
                    class="short"
                    prop:value=move || number.get()
                    on:input=move |ev| session.dispatch(Edit::SetPledgeNumber { pledge: id, number: event_target_value(&ev) })
                />
                <label for=format!("{prefix}-name")>{move || lang().pick("공약명", "Pledge title")}</label>
                <MarkedText
                    id=format!("{prefix}-name")
                    value=Signal::derive(move || title.get())
                    placeholder=Signal::derive(move || lang().pick("새 공약", "New pledge").to_string())
                    on_input=Callback::new(move |title| session.dispatch(Edit::SetPledgeTitle { pledge: id, title }))
                />
                <span class="label">{move || lang().pick("임기", "Term")}</span>
                <span data-testid="pledge-term">{move || term.get()}</span>
            </div>
            <ClassificationChips id/>
            <h3>{move || lang().pick("공약달성 확인지표", "Indicators")}</h3>
            <For each=move || indicators.get() key=|i| *i let(indicator)>
                <IndicatorCard pledge=id indicator/>
            </For>
            <div class="actions">
                <button type="button" data-testid="add-indicator" on:click=add_indicator>{move || lang().pick("지표 추가", "Add indicator")}</button>
                <button type="button" class="danger" on:click=remove_pledge>
                    {move || lang().pick("이 공약 삭제", "Remove this pledge")}
                </button>
            </div>
        </article>
    }
}

/// The pledge card's classification boxes as keyboard-operable chips.
#[component]
fn ClassificationChips(id: PledgeId) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    let class = Memo::new(move |_| {
        session.plan.with(|p| {
            p.pledge(id)
                .map(|p| p.classification.clone())
                .unwrap_or_default()
        })
    });
    let card = (session, id, class);
    // An SDG outside 1–17 can only come from a file; validation says which.
    let sdg_message = cell_mark(session, nav.lang, format!("pledge-{id}-sdg"), move || {
        session.unit.get()
    });

    view! {
        <div class="classification">
            {class_choice(card, ("추진상황", "Status"), "status", &PledgeStatus::ALL, status_word, |c| c.status, |c, v| c.status = v)}
            {class_choice(card, ("사업완료 시점", "Completion"), "completion", &Completion::ALL, completion_word, |c| c.completion, |c, v| c.completion = v)}
            {class_choice(card, ("신규/계속", "New or continuing"), "novelty", &Novelty::ALL, novelty_word, |c| c.novelty, |c, v| c.novelty = v)}
            <fieldset class="chips">
                <legend>{move || lang().pick("사업주체 (복수 선택)", "Carried by (one or more)")}</legend>
                {Actor::ALL
                    .into_iter()
                    .map(|actor| {
                        let on = move || class.with(|c| c.actors.contains(&actor));
                        let toggle = move |_| {
                            update_classification(session, id, |c| {
                                if let Some(i) = c.actors.iter().position(|a| *a == actor) {
                                    c.actors.remove(i);
                                } else {
                                    c.actors.push(actor);
                                    c.actors.sort();
                                }
                            })
                        };
                        view! {
                            <button
                                type="button"
                                class="chip"
                                data-actor=format!("{actor:?}")
                                aria-pressed=move || if on() { "true" } else { "false" }
                                on:click=toggle
                            >
                                <span class="check" aria-hidden="true">{move || if on() { "✓" } else { "" }}</span>
                                {move || actor_word(actor, lang())}
                            </button>
                        }
                    })
                    .collect_view()}
            </fieldset>
            {class_choice(card, ("사업기간", "Horizon"), "horizon", &Horizon::ALL, horizon_word, |c| c.horizon, |c, v| c.horizon = v)}
            {class_choice(card, ("예산 여부", "Budget"), "budgetary", &[true, false], budgetary_word, |c| c.budgetary, |c, v| c.budgetary = v)}
            <fieldset class="chips sdgs" id=format!("pledge-{id}-sdg")>
                <legend>{move || lang().pick("지속가능발전목표 (SDGs)", "Sustainable Development Goals")}</legend>
                {(1u8..=17)
                    .map(|goal| {
                        let on = move || class.with(|c| c.sdgs.contains(&goal));
                        let toggle = move |_| {
                            update_classification(session, id, |c| {
                                if let Some(i) = c.sdgs.iter().position(|g| *g == goal) {
                                    c.sdgs.remove(i);
                                } else {
                                    c.sdgs.push(goal);
                                    c.sdgs.sort_unstable();
                                }
                            })
                        };
                        let sdg = move || sdg_name(goal, lang()).unwrap_or_default();
                        view! {
                            <button
                                type="button"
                                class="chip sdg"
                                data-sdg=goal
                                aria-pressed=move || if on() { "true" } else { "false" }
                                title=sdg
                                aria-label=move || format!("SDG {goal} · {}", sdg())
                                on:click=toggle
                            >
                                <span class="check" aria-hidden="true">{move || if on() { "✓" } else { "" }}</span>
                                {goal}
                            </button>
                        }
                    })
                    .collect_view()}
                <p class="chosen-sdgs" data-testid="chosen-sdgs">
                    {move || {
                        let l = lang();
                        let goals = class.with(|c| c.sdgs.clone());
                        if goals.is_empty() {
                            l.pick("선택한 목표 없음", "No goal chosen").to_string()
                        } else {
                            goals
                                .iter()
                                .filter(|g| (1..=17).contains(*g))
                                .filter_map(|g| sdg_name(*g, l).map(|name| format!("{g}. {name}")))
                                .collect::<Vec<_>>()
                                .join(" · ")
                        }
                    }}
                </p>
                <Show when=move || sdg_message.with(Option::is_some)>
                    <CellMessage id=format!("pledge-{id}-sdg-msg") message=sdg_message/>
                </Show>
            </fieldset>
        </div>
    }
}
