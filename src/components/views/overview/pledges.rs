//! The overview's pledge sections: each pledge's card, schedule (§1.3) and
//! indicators (§1.4), and the staffing table.

use leptos::prelude::*;
use planner_core::model::amount::format_figure;
use planner_core::model::figure::{percent_text, quantity_text};
use planner_core::model::plan::{Classification, PledgeId};
use planner_core::model::words::{
    actor_word, budgetary_word, completion_word, horizon_word, novelty_word, pledge_label,
    status_word, unit_caption,
};
use planner_core::views::document::{
    count_text, indicator_document, schedule_document, staffing_document, IndicatorDocument,
    ScheduleDocument,
};
use planner_core::{Lang, Owner};
use rust_decimal::Decimal;

use crate::components::controls::empty_hint::{EmptyHint, ADD_PLEDGE, ADD_STAFFING};
use crate::state::{use_nav, use_session, View};
use planner_core::model::words::staffing_name;

use super::schedules::schedule_table;
use super::{source_names, Limits, MoreButtons, PLEDGE_STEP};

/// 3. 공약: each pledge's card, schedule (§1.3) and indicators (§1.4).
#[component]
pub(super) fn PledgeSection(limits: Limits) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let pick = move |ko: &'static str, en: &'static str| nav.lang.get().pick(ko, en);
    let ids = Memo::new(move |_| {
        session
            .plan
            .with(|p| p.pledges.iter().map(|p| p.id).collect::<Vec<_>>())
    });
    let visible = move || {
        let limit = limits.pledges.get();
        ids.with(|ids| ids.iter().take(limit).copied().collect::<Vec<_>>())
    };
    view! {
        <section class="doc-section pledges-section" aria-labelledby="ov-pledges-title">
            <div class="table-head">
                <h3 id="ov-pledges-title">"3. "{move || pick("공약 소요예산과 달성 지표", "Pledges: schedules and indicators")}</h3>
            </div>
            <Show
                when=move || ids.with(|ids| !ids.is_empty())
                fallback=move || view! { <EmptyHint text=("공약이 없습니다.", "No pledges yet.") add_at=&[ADD_PLEDGE]/> }
            >
                <For each=visible key=|id| *id let(id)>
                    <PledgeDoc id/>
                </For>
            </Show>
            <MoreButtons shown=limits.pledges total=Signal::derive(move || ids.with(Vec::len)) step=PLEDGE_STEP/>
        </section>
    }
}

/// The card's classification boxes as label–value pairs in `lang`: the
/// words are the ones the pledge card's chips use ([`planner_core::model::words`]).
fn classification_items(c: &Classification, lang: Lang) -> Vec<(&'static str, String)> {
    let p = |ko: &'static str, en: &'static str| lang.pick(ko, en);
    let listed = |words: Vec<String>| {
        if words.is_empty() {
            "-".to_string()
        } else {
            words.join(", ")
        }
    };
    vec![
        (
            p("추진상황", "Status"),
            status_word(c.status, lang).to_string(),
        ),
        (
            p("사업완료 시점", "Completion"),
            completion_word(c.completion, lang).to_string(),
        ),
        (
            p("신규·계속", "New or continuing"),
            novelty_word(c.novelty, lang).to_string(),
        ),
        (
            p("사업주체", "Carried by"),
            listed(
                c.actors
                    .iter()
                    .map(|a| actor_word(*a, lang).to_string())
                    .collect(),
            ),
        ),
        (
            p("사업기간", "Horizon"),
            horizon_word(c.horizon, lang).to_string(),
        ),
        (
            p("예산구분", "Budget"),
            budgetary_word(c.budgetary, lang).to_string(),
        ),
        (
            p("UN 지속가능발전목표", "UN SDGs"),
            listed(c.sdgs.iter().map(u8::to_string).collect()),
        ),
    ]
}

/// One pledge: card, schedule table, indicator tables.
#[component]
fn PledgeDoc(id: PledgeId) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let shown = Memo::new(move |_| {
        session.plan.with(|plan| {
            plan.pledges.iter().find(|p| p.id == id).map(|pledge| {
                let schedule =
                    schedule_document(&pledge.schedule, &plan.sources, pledge.term, plan.unit);
                let source_names = source_names(plan, &schedule);
                PledgeShown {
                    number: pledge.number.clone(),
                    title: pledge.title.clone(),
                    classification: pledge.classification.clone(),
                    schedule,
                    indicators: pledge
                        .indicators
                        .iter()
                        .map(|i| indicator_document(i, pledge.term))
                        .collect(),
                    source_names,
                }
            })
        })
    });
    let heading_id = format!("ov-pledge-{id}-title");
    let labelled_by = heading_id.clone();
    move || {
        let lang = nav.lang.get();
        let p = move |ko: &'static str, en: &'static str| lang.pick(ko, en);
        let Some(doc) = shown.get() else {
            return ().into_any();
        };
        let items = classification_items(&doc.classification, lang)
            .into_iter()
            .map(|(label, value)| view! { <div><dt>{label}</dt><dd>{value}</dd></div> })
            .collect_view();
        let schedule = pledge_schedule_doc(id, &doc, lang);
        let rounded = doc.schedule.rounded;
        let indicators = doc
            .indicators
            .iter()
            .map(|ind| indicator_doc(id, ind, lang))
            .collect_view();
        view! {
            <article class="pledge-doc" data-pledge=id aria-labelledby=labelled_by.clone()>
                <h4 id=heading_id.clone()>
                    <a class="subject" href=View::Pledge.href(Some(Owner::Pledge(id)))>
                        {pledge_label(&doc.number, &doc.title, lang)}
                    </a>
                </h4>
                <dl class="doc-classification">{items}</dl>
                <div class="table-head">
                    <h5>
                        {p("소요예산액", "Schedule of funding")}
                        <a class="edit-link" href=View::Schedule.href(Some(Owner::Pledge(id)))>{p("편집", "Edit")}</a>
                    </h5>
                    <p class="unit-caption">{move || unit_caption(session.unit.get(), lang)}</p>
                </div>
                {schedule}
                <Show when=move || rounded>
                    <p class="rounding-note">
                        <span aria-hidden="true">"※ "</span>
                        {p("표시 단위로 반올림하여 합계를 맞춤", "Rounded to the unit shown; totals foot")}
                    </p>
                </Show>
                <Show when={let empty = doc.indicators.is_empty(); move || !empty}>
                    <div class="table-head">
                        <h5>{p("공약달성 확인지표", "Indicators of the pledge")}</h5>
                    </div>
                </Show>
                {indicators}
            </article>
        }
        .into_any()
    }
}

/// The §1.3 table of a pledge.
fn pledge_schedule_doc(id: PledgeId, doc: &PledgeShown, lang: Lang) -> impl IntoView {
    schedule_table(
        &doc.schedule,
        &doc.source_names,
        format!("ov-pledge-{id}-schedule"),
        format!("pledge-{id}"),
        format!(
            "{} {}",
            doc.title,
            lang.pick("소요예산액", "schedule of funding")
        ),
        true,
        lang,
    )
}

/// The §1.4 table of one indicator: 목표 and 실적 with totals and 이행율.
fn indicator_doc(pledge: PledgeId, doc: &IndicatorDocument, lang: Lang) -> impl IntoView {
    let p = |ko: &'static str, en: &'static str| lang.pick(ko, en);
    let testid = format!("pledge-{pledge}-indicator-{}", doc.indicator);
    let year_heads = doc
        .years
        .iter()
        .map(|y| view! { <th scope="col">{y.to_string()}</th> })
        .collect_view();
    let cells = |values: &[Option<Decimal>]| {
        values
            .iter()
            .map(|v| view! { <td class="num">{quantity_text(*v)}</td> })
            .collect_view()
    };
    let targets = cells(&doc.targets);
    let actuals = cells(&doc.actuals);
    let with_unit = |v: Decimal| format!("{}{}", format_figure(v), doc.unit);
    let notes = doc
        .notes
        .iter()
        .map(|(year, note)| view! { <p class="table-note">{format!("※ {year}: {note}")}</p> })
        .collect_view();
    view! {
        <table class="official doc-table indicator-doc" data-testid=testid.clone()>
            <caption class="visually-hidden">{doc.name.clone()}</caption>
            <thead>
                <tr>
                    <th scope="col">{p("달성 지표", "Indicator")}</th>
                    <th scope="col">{p("단위", "Unit")}</th>
                    <th scope="col">{p("구분", "Row")}</th>
                    <th scope="col">{p("계", "Total")}</th>
                    {year_heads}
                    <th scope="col">{p("이행율", "Achievement")}</th>
                </tr>
            </thead>
            <tbody>
                <tr>
                    <th scope="rowgroup" rowspan="2" class="indicator-name">{doc.name.clone()}</th>
                    <td rowspan="2" class="center">{doc.unit.clone()}</td>
                    <th scope="row" class="center">{p("목표", "Target")}</th>
                    <td class="num" data-testid=format!("{testid}-target-total")>{with_unit(doc.target_total)}</td>
                    {targets}
                    <td rowspan="2" class="num achievement" data-testid=format!("{testid}-achievement")>
                        {percent_text(doc.achievement)}
                    </td>
                </tr>
                <tr>
                    <th scope="row" class="center">{p("실적", "Actual")}</th>
                    <td class="num" data-testid=format!("{testid}-actual-total")>{with_unit(doc.actual_total)}</td>
                    {actuals}
                </tr>
            </tbody>
        </table>
        {notes}
    }
}

/// 4. 인력 (§1.5), in seed 002's form: rows 정원 · 현원 · 과부족, columns 계 and each grade.
#[component]
pub(super) fn StaffingSection() -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let pick = move |ko: &'static str, en: &'static str| nav.lang.get().pick(ko, en);
    let doc = Memo::new(move |_| session.plan.with(|p| staffing_document(&p.staffing)));
    let table = move || {
        let lang = nav.lang.get();
        let p = |ko: &'static str, en: &'static str| lang.pick(ko, en);
        doc.with(|d| {
            if d.grades.is_empty() {
                return view! { <EmptyHint text=("인력 현황이 없습니다.", "No staffing table yet.") add_at=&[ADD_STAFFING]/> }
                    .into_any();
            }
            let groups = d
                .groups
                .iter()
                .map(|g| view! { <th scope="colgroup" colspan=g.span.to_string()>{staffing_name(&g.name, lang)}</th> })
                .collect_view();
            let grades = d
                .grades
                .iter()
                .map(|g| view! { <th scope="col">{staffing_name(g, lang)}</th> })
                .collect_view();
            let row = |label: &'static str, key: &'static str, total: i64, values: Vec<i64>| {
                let cells = values
                    .into_iter()
                    .map(|v| view! { <td class="num" class:negative=v < 0>{count_text(v)}</td> })
                    .collect_view();
                view! {
                    <tr data-row=key>
                        <th scope="row">{label}</th>
                        <td class="num total-cell" data-testid=format!("staffing-{key}-total")>{count_text(total)}</td>
                        {cells}
                    </tr>
                }
            };
            let quota = row(
                p("정원", "Quota"),
                "quota",
                i64::try_from(d.total.quota).unwrap_or(i64::MAX),
                d.quota.iter().map(|v| i64::from(*v)).collect(),
            );
            let current = row(
                p("현원", "Current"),
                "current",
                i64::try_from(d.total.current).unwrap_or(i64::MAX),
                d.current.iter().map(|v| i64::from(*v)).collect(),
            );
            let shortfall = row(
                p("과부족", "Over (△ short)"),
                "shortfall",
                d.total.shortfall,
                d.shortfall.clone(),
            );
            view! {
                <table class="official doc-table staffing-doc" id="ov-staffing-table">
                    <caption class="visually-hidden">{p("직급별 정원과 현원", "Quota and current staff by grade")}</caption>
                    <thead>
                        <tr>
                            <th scope="col" rowspan="2">{p("구분", "Row")}</th>
                            <th scope="col" rowspan="2">{p("계", "Total")}</th>
                            {groups}
                        </tr>
                        <tr>{grades}</tr>
                    </thead>
                    <tbody>{quota}{current}{shortfall}</tbody>
                </table>
            }
            .into_any()
        })
    };
    view! {
        <section class="doc-section" aria-labelledby="ov-staffing-title">
            <div class="table-head">
                <h3 id="ov-staffing-title">"4. "{move || pick("인력", "Staffing")}</h3>
                <p class="unit-caption">{move || pick("(단위: 명)", "(Unit: persons)")}</p>
            </div>
            {table}
        </section>
    }
}

/// What one pledge's part of the document shows.
#[derive(Clone, PartialEq, Eq)]
struct PledgeShown {
    number: String,
    title: String,
    classification: Classification,
    schedule: ScheduleDocument,
    indicators: Vec<IndicatorDocument>,
    /// Source names for the schedule's rows, in the current language's pair.
    source_names: Vec<(String, String)>,
}
