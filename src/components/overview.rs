//! The overview: the whole plan as a document in the official table forms of
//! DOMAIN.md §1 (예산현황, 소요예산 lines, each pledge's card, schedule and
//! indicators, 인력), each with its unit caption. It is read-only and is also
//! what prints. The figures come from `planner_core::views::document`, which foots
//! every table in the display unit; the only edit sent from here is the unit.
//!
//! Large plans (200 programs, 50 pledges) render a first part of each long
//! section and more on request; printing renders everything.

use leptos::prelude::*;
use planner_core::model::amount::format_figure;
use planner_core::model::figure::{percent_text, quantity_text};
use planner_core::model::plan::{Classification, Column, PledgeId};
use planner_core::model::words::column_name;
use planner_core::model::words::{
    actor_word, budgetary_word, completion_word, horizon_word, novelty_word, pledge_label,
    status_word, unit_caption, unit_name, within_words,
};
use planner_core::views::document::{
    count_text, indicator_document, schedule_document, split_lines, staffing_document,
    status_document, IndicatorDocument, ScheduleDocument,
};
use planner_core::{Edit, Lang, Msg, Owner, Unit};
use rust_decimal::Decimal;

use crate::state::{use_state, View};

/// Status rows rendered before "show more".
const STATUS_STEP: usize = 100;
/// Split lines rendered before "show more".
const PROGRAM_STEP: usize = 50;
/// Pledges (each several tables) rendered before "show more".
const PLEDGE_STEP: usize = 5;

/// How many of a long section's items are on the page; printing shows all.
#[derive(Clone, Copy)]
struct Limits {
    status: RwSignal<usize>,
    programs: RwSignal<usize>,
    pledges: RwSignal<usize>,
}

impl Limits {
    fn new() -> Limits {
        Limits {
            status: RwSignal::new(STATUS_STEP),
            programs: RwSignal::new(PROGRAM_STEP),
            pledges: RwSignal::new(PLEDGE_STEP),
        }
    }

    fn show_all(self) {
        self.status.set(usize::MAX);
        self.programs.set(usize::MAX);
        self.pledges.set(usize::MAX);
    }
}

/// The document view of the whole plan, and the print view.
#[component]
pub fn Overview() -> impl IntoView {
    let state = use_state();
    let pick = move |ko: &'static str, en: &'static str| state.lang.get().pick(ko, en);
    let limits = Limits::new();
    // Ctrl+P prints the whole document, not only what was rendered so far.
    let on_before_print =
        window_event_listener(leptos::ev::beforeprint, move |_| limits.show_all());
    on_cleanup(move || on_before_print.remove());
    let print = move |_| {
        limits.show_all();
        // Printing waits for the rendered rows.
        request_animation_frame(|| {
            if let Some(window) = web_sys::window() {
                let _ = window.print();
            }
        });
    };
    let header = move || {
        state.plan.with(|p| {
            let lang = state.lang.get();
            (
                p.title.clone(),
                p.organisation.clone(),
                format!(
                    "{}: {}–{} · {}: {}",
                    lang.pick("계획 기간", "Term"),
                    p.years.first,
                    p.years.last,
                    lang.pick("기준연도", "Base year"),
                    p.base_year
                ),
            )
        })
    };

    view! {
        <section class="view overview" aria-labelledby="overview-title">
            <header class="doc-head">
                <div>
                    <h2 id="overview-title" data-testid="overview-title">{move || header().0}</h2>
                    <p class="doc-meta">
                        <span class="doc-organisation">{move || header().1}</span>
                        <span class="doc-term">{move || header().2}</span>
                    </p>
                </div>
                <div class="doc-tools">
                    <UnitSwitch/>
                    <button type="button" class="print-button" on:click=print>
                        {move || pick("인쇄", "Print")}
                    </button>
                </div>
            </header>
            <StatusSection limits/>
            <SplitSection limits/>
            <PledgeSection limits/>
            <StaffingSection/>
        </section>
    }
}

/// The display unit as a radio group; choosing one sends `Edit::SetUnit` and
/// every table re-renders in it, still footing.
#[component]
fn UnitSwitch() -> impl IntoView {
    let state = use_state();
    let unit = Memo::new(move |_| state.plan.with(|p| p.unit));
    view! {
        <fieldset class="unit-switch">
            <legend>{move || Msg::UnitLabel.text(state.lang.get())}</legend>
            {Unit::ALL
                .into_iter()
                .map(|u| {
                    view! {
                        <label>
                            <input
                                type="radio"
                                name="overview-unit"
                                value=u.code()
                                prop:checked=move || unit.get() == u
                                on:change=move |_| {
                                    if unit.get_untracked() != u {
                                        state.dispatch(Edit::SetUnit(u));
                                    }
                                }
                            />
                            <span>{move || unit_name(u, state.lang.get())}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// A shown figure in a table cell: `1,234`, `△21,634`, `-`.
fn figure_cell(value: Decimal, testid: Option<String>) -> impl IntoView {
    view! {
        <td class="num" class:negative=value.is_sign_negative() && !value.is_zero() data-testid=testid>
            {format_figure(value)}
        </td>
    }
}

/// The note under a table whose figures were rounded to the display unit.
#[component]
fn RoundingNote(rounded: Signal<bool>) -> impl IntoView {
    let state = use_state();
    view! {
        <Show when=move || rounded.get()>
            <p class="rounding-note" data-testid="rounding-note">
                <span aria-hidden="true">"※ "</span>
                {move || state.lang.get().pick(
                    "표시 단위로 반올림하여 합계를 맞춤",
                    "Rounded to the unit shown; totals foot",
                )}
            </p>
        </Show>
    }
}

/// "Showing n of m" with buttons for the next part and for all of it.
#[component]
fn MoreButtons(shown: RwSignal<usize>, total: Signal<usize>, step: usize) -> impl IntoView {
    let state = use_state();
    let pick = move |ko: &'static str, en: &'static str| state.lang.get().pick(ko, en);
    view! {
        <Show when=move || { total.get() > shown.get() }>
            <div class="show-more">
                <p>
                    {move || {
                        let (n, m) = (shown.get().min(total.get()), total.get());
                        match state.lang.get() {
                            Lang::Ko => format!("{m}개 중 {n}개 표시"),
                            Lang::En => format!("Showing {n} of {m}"),
                        }
                    }}
                </p>
                <button type="button" on:click=move |_| shown.update(|n| *n = n.saturating_add(step))>
                    {move || match state.lang.get() {
                        Lang::Ko => format!("{step}개 더 보기"),
                        Lang::En => format!("Show {step} more"),
                    }}
                </button>
                <button type="button" on:click=move |_| shown.set(usize::MAX)>
                    {move || pick("모두 보기", "Show all")}
                </button>
            </div>
        </Show>
    }
}

/// A section's unit caption, `(단위: 천원)`.
fn caption(state: crate::state::AppState) -> impl Fn() -> &'static str + Copy {
    move || unit_caption(state.plan.with(|p| p.unit), state.lang.get())
}

/// 1. 예산현황 (§1.1): 계 first, then each unit program; footed in the display unit.
#[component]
fn StatusSection(limits: Limits) -> impl IntoView {
    let state = use_state();
    let t = move |m: Msg| m.text(state.lang.get());
    let pick = move |ko: &'static str, en: &'static str| state.lang.get().pick(ko, en);
    let doc = Memo::new(move |_| state.plan.with(|p| status_document(p, p.unit)));
    let rows = move || {
        let limit = limits.status.get();
        doc.with(|d| {
            d.rows
                .iter()
                .take(limit)
                .map(|row| {
                    let f = row.figures;
                    view! {
                        <tr data-program=row.program>
                            <th scope="row">{row.name.clone()}</th>
                            {figure_cell(f.this_year, None)}
                            {figure_cell(f.prior_year, None)}
                            {figure_cell(f.change, None)}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let total = move || doc.with(|d| d.total);
    view! {
        <section class="doc-section" aria-labelledby="ov-status-title">
            <div class="table-head">
                <h3 id="ov-status-title">
                    "1. "{move || t(Msg::StatusTitle)}
                    <a class="edit-link" href=View::Status.href(None)>{move || pick("편집", "Edit")}</a>
                </h3>
                <p class="unit-caption" data-testid="ov-status-caption">{caption(state)}</p>
            </div>
            <table class="official doc-table status-doc" id="ov-status-table">
                <caption class="visually-hidden">{move || t(Msg::StatusTableCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || t(Msg::ColUnitProgram)}</th>
                        <th scope="col">{move || t(Msg::ColThisYear)}</th>
                        <th scope="col">{move || t(Msg::ColPriorYear)}</th>
                        <th scope="col">{move || t(Msg::ColChange)}</th>
                    </tr>
                </thead>
                <tbody class="total-row">
                    <tr data-testid="ov-status-total">
                        <th scope="row">{move || t(Msg::RowTotal)}</th>
                        {move || figure_cell(total().this_year, Some("ov-total-this-year".into()))}
                        {move || figure_cell(total().prior_year, Some("ov-total-prior-year".into()))}
                        {move || figure_cell(total().change, Some("ov-total-change".into()))}
                    </tr>
                </tbody>
                <tbody>{rows}</tbody>
            </table>
            <RoundingNote rounded=Signal::derive(move || doc.with(|d| d.rounded))/>
            <MoreButtons shown=limits.status total=Signal::derive(move || doc.with(|d| d.rows.len())) step=STATUS_STEP/>
        </section>
    }
}

/// 2. 소요예산 (§1.2): one inline split line per program with money in its schedule.
#[component]
fn SplitSection(limits: Limits) -> impl IntoView {
    let state = use_state();
    let pick = move |ko: &'static str, en: &'static str| state.lang.get().pick(ko, en);
    let lines = Memo::new(move |_| state.plan.with(|p| split_lines(p, p.unit)));
    let items = move || {
        let limit = limits.programs.get();
        let lang = state.lang.get();
        state.plan.with(|plan| {
            lines.with(|lines| {
                lines
                    .iter()
                    .take(limit)
                    .map(|line| {
                        let id = line.program;
                        let text = line.text(&plan.sources, plan.unit, lang);
                        let notes = line
                            .shares
                            .iter()
                            .filter(|s| !s.note.trim().is_empty())
                            .map(|s| {
                                let name = plan.source(&s.source).map_or_else(
                                    || s.source.clone(),
                                    |src| lang.pick_owned(&src.name_ko, &src.name_en),
                                );
                                view! {
                                    <li>{format!("{name} {}: {}", format_figure(s.figure), s.note)}</li>
                                }
                            })
                            .collect_view();
                        view! {
                            <li data-program=id>
                                <a class="subject" href=View::Split.href(Some(Owner::Program(id)))>
                                    {line.name.clone()}
                                </a>
                                " "
                                <span class="split-text" data-testid=format!("split-{id}")>{text}</span>
                                " "
                                <a class="edit-link" href=View::Schedule.href(Some(Owner::Program(id)))>
                                    {lang.pick("연차별 소요예산", "Schedule")}
                                </a>
                                <ul class="share-notes">{notes}</ul>
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <section class="doc-section" aria-labelledby="ov-split-title">
            <div class="table-head">
                <h3 id="ov-split-title">"2. "{move || pick("소요예산", "Funding by source")}</h3>
            </div>
            <Show
                when=move || lines.with(|l| !l.is_empty())
                fallback=move || view! { <p class="empty">{move || pick("소요예산이 있는 사업이 없습니다.", "No program has a schedule yet.")}</p> }
            >
                <ol class="split-lines">{items}</ol>
            </Show>
            <RoundingNote rounded=Signal::derive(move || lines.with(|l| l.iter().any(|l| l.rounded)))/>
            <MoreButtons shown=limits.programs total=Signal::derive(move || lines.with(Vec::len)) step=PROGRAM_STEP/>
        </section>
    }
}

/// Both names of a thing, picked by language.
trait PickOwned {
    fn pick_owned(self, ko: &str, en: &str) -> String;
}

impl PickOwned for Lang {
    fn pick_owned(self, ko: &str, en: &str) -> String {
        match self {
            Lang::Ko => ko.to_string(),
            Lang::En => en.to_string(),
        }
    }
}

/// 3. 공약: each pledge's card, schedule (§1.3) and indicators (§1.4).
#[component]
fn PledgeSection(limits: Limits) -> impl IntoView {
    let state = use_state();
    let pick = move |ko: &'static str, en: &'static str| state.lang.get().pick(ko, en);
    let ids = Memo::new(move |_| {
        state
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
                fallback=move || view! { <p class="empty">{move || pick("공약이 없습니다.", "No pledges yet.")}</p> }
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

/// One pledge: card, schedule table, indicator tables.
#[component]
fn PledgeDoc(id: PledgeId) -> impl IntoView {
    let state = use_state();
    let shown = Memo::new(move |_| {
        state.plan.with(|plan| {
            plan.pledges.iter().find(|p| p.id == id).map(|pledge| {
                let schedule =
                    schedule_document(&pledge.schedule, &plan.sources, pledge.term, plan.unit);
                let source_names = schedule
                    .rows
                    .iter()
                    .map(|row| {
                        let key = row.source.clone().unwrap_or_default();
                        plan.source(&key).map_or_else(
                            || (key.clone(), key.clone()),
                            |s| (s.name_ko.clone(), s.name_en.clone()),
                        )
                    })
                    .collect();
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
        let lang = state.lang.get();
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
                    <p class="unit-caption">{move || unit_caption(state.plan.with(|p| p.unit), lang)}</p>
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

/// The §1.3 table: 구분 · 총계 · 기투자 · [임기 내: 소계 · years] · 장기.
fn pledge_schedule_doc(id: PledgeId, doc: &PledgeShown, lang: Lang) -> impl IntoView {
    let p = |ko: &'static str, en: &'static str| lang.pick(ko, en);
    let s = &doc.schedule;
    let years: Vec<(usize, i32)> = s
        .columns
        .iter()
        .enumerate()
        .filter_map(|(i, c)| match c {
            Column::Year(y) => Some((i, *y)),
            _ => None,
        })
        .collect();
    let before = s.columns.iter().position(|c| *c == Column::Before);
    let after = s.columns.iter().position(|c| *c == Column::After);
    let all_in_term = years.iter().all(|(_, y)| s.term.contains(*y));
    let group = if all_in_term {
        within_words(true, lang)
    } else {
        p("연차별", "By year")
    };
    let year_heads = years
        .iter()
        .map(|(_, y)| view! { <th scope="col">{y.to_string()}</th> })
        .collect_view();
    let line = |line: &planner_core::views::document::ScheduleLine, testid: Option<String>| {
        let pick_cell = |i: Option<usize>| i.map_or(Decimal::ZERO, |i| line.cells[i]);
        let year_cells = years
            .iter()
            .map(|(i, _)| figure_cell(line.cells[*i], None))
            .collect_view();
        view! {
            {figure_cell(line.grand_total, testid)}
            {figure_cell(pick_cell(before), None)}
            {figure_cell(line.in_term, None)}
            {year_cells}
            {figure_cell(pick_cell(after), None)}
        }
    };
    let rows = s
        .rows
        .iter()
        .zip(&doc.source_names)
        .map(|(row, (ko, en))| {
            let name = lang.pick_owned(ko, en);
            view! {
                <tr data-source=row.source.clone()>
                    <th scope="row">{name}</th>
                    {line(row, None)}
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="official doc-table schedule-doc" id=format!("ov-pledge-{id}-schedule")>
            <caption class="visually-hidden">{format!("{} {}", doc.title, p("소요예산액", "schedule of funding"))}</caption>
            <thead>
                <tr>
                    <th scope="col" rowspan="2">{p("구분", "Source")}</th>
                    <th scope="col" rowspan="2">{p("총계", "Total")}</th>
                    <th scope="col" rowspan="2">{column_name(Column::Before, lang)}</th>
                    <th scope="colgroup" colspan=(years.len() + 1).to_string()>{group}</th>
                    <th scope="col" rowspan="2">{column_name(Column::After, lang)}</th>
                </tr>
                <tr>
                    <th scope="col">{p("소계", "Subtotal")}</th>
                    {year_heads}
                </tr>
            </thead>
            <tbody class="total-row">
                <tr>
                    <th scope="row">{p("계", "Total")}</th>
                    {line(&s.total, Some(format!("pledge-{id}-total")))}
                </tr>
            </tbody>
            <tbody>{rows}</tbody>
        </table>
    }
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
fn StaffingSection() -> impl IntoView {
    let state = use_state();
    let pick = move |ko: &'static str, en: &'static str| state.lang.get().pick(ko, en);
    let doc = Memo::new(move |_| state.plan.with(|p| staffing_document(&p.staffing)));
    let table = move || {
        let lang = state.lang.get();
        let p = |ko: &'static str, en: &'static str| lang.pick(ko, en);
        doc.with(|d| {
            if d.grades.is_empty() {
                return view! { <p class="empty">{p("인력 현황이 없습니다.", "No staffing table yet.")}</p> }
                    .into_any();
            }
            let groups = d
                .groups
                .iter()
                .map(|g| view! { <th scope="colgroup" colspan=g.span.to_string()>{g.name.clone()}</th> })
                .collect_view();
            let grades = d
                .grades
                .iter()
                .map(|g| view! { <th scope="col">{g.clone()}</th> })
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
