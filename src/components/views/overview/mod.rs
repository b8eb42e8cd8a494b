//! The overview: the whole plan as a document in the official table forms of
//! DOMAIN.md §1 (예산현황, 소요예산 lines, each pledge's card, schedule and
//! indicators, 인력), each with its unit caption. It is read-only and is also
//! what prints. The figures come from `planner_core::views::document`, which foots
//! every table in the display unit; the only edit sent from here is the unit.
//!
//! Large plans (200 programs, 50 pledges) render a first part of each long
//! section and more on request; printing renders everything.

mod pledges;
mod schedules;

use leptos::prelude::*;
use planner_core::model::amount::format_figure;
use planner_core::model::words::source_name;
use planner_core::model::words::{unit_caption, unit_name};
use planner_core::views::document::{
    basis_lines, owner_schedule_document, split_lines, status_document, wants_table, BasisLines,
    ScheduleDocument,
};
use planner_core::{Edit, Lang, Msg, Owner, Plan, Unit};
use rust_decimal::Decimal;

use crate::components::controls::empty_hint::{EmptyHint, ADD_PROGRAM, TYPE_SCHEDULE};
use crate::components::controls::status_head::StatusHead;
use crate::state::{use_nav, use_session, Nav, Session, View};

use pledges::{PledgeSection, StaffingSection};

/// Status rows rendered before "show more".
const STATUS_STEP: usize = 100;
/// Split lines rendered before "show more".
const PROGRAM_STEP: usize = 50;
/// Pledges (each several tables) rendered before "show more".
pub(super) const PLEDGE_STEP: usize = 5;

/// How many of a long section's items are on the page; printing shows all.
#[derive(Clone, Copy)]
pub(super) struct Limits {
    pub(super) status: RwSignal<usize>,
    pub(super) programs: RwSignal<usize>,
    pub(super) pledges: RwSignal<usize>,
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
    let nav = use_nav();
    let session = use_session();
    let pick = move |ko: &'static str, en: &'static str| nav.lang.get().pick(ko, en);
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
        session.plan.with(|p| {
            let lang = nav.lang.get();
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
            // A plan with stages shows the current one against the one before
            // (a part: most plans have one stage and never load it).
            {move || {
                let staged = session.plan.with(|p| !p.stages.is_single());
                staged.then(crate::parts::stage_changes::part)
            }}
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
    let nav = use_nav();
    let session = use_session();
    let unit = Memo::new(move |_| session.unit.get());
    view! {
        <fieldset class="unit-switch">
            <legend>{move || Msg::UnitLabel.text(nav.lang.get())}</legend>
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
                                        session.dispatch(Edit::SetUnit(u));
                                    }
                                }
                            />
                            <span>{move || unit_name(u, nav.lang.get())}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// A shown figure in a table cell: `1,234`, `△21,634`, `-`.
pub(super) fn figure_cell(value: Decimal, testid: Option<String>) -> impl IntoView {
    view! {
        <td class="num" class:negative=value.is_sign_negative() && !value.is_zero() data-testid=testid>
            {format_figure(value)}
        </td>
    }
}

/// A program's 산출기초 as lines under it, with the items' total against its 예산액.
pub(super) fn basis_list(program: u32, lines: &BasisLines, lang: Lang) -> impl IntoView {
    let items = lines
        .lines
        .iter()
        .map(|l| {
            let name = if l.name.trim().is_empty() {
                String::new()
            } else {
                format!("{}: ", l.name.trim())
            };
            view! { <li>{format!("{name}{}", l.text)}</li> }
        })
        .collect_view();
    let total = lines.total.map_or_else(|| "-".to_string(), format_figure);
    let check = match (lines.total, lines.budget) {
        (Some(t), Some(b)) if t == b => format!(
            " ({} {} ✓)",
            lang.pick("예산액", "예산액 (budget)"),
            format_figure(b)
        ),
        (_, Some(b)) => format!(
            " ({} {} ≠)",
            lang.pick("예산액", "예산액 (budget)"),
            format_figure(b)
        ),
        _ => String::new(),
    };
    view! {
        <div class="basis-doc" data-testid=format!("ov-items-{program}")>
            <span class="basis-title">{lang.pick("산출기초", "Calculation basis")}</span>
            <ul class="basis-lines">{items}</ul>
            <p class="basis-total" data-testid=format!("ov-items-{program}-total")>
                {format!("{} {total}{check}", lang.pick("계", "Total"))}
            </p>
        </div>
    }
}

/// Where a printed cell's test id goes: on the figure (its text is the figure
/// alone) or on the whole cell (figure and printed figure).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum TestIdOn {
    Figure,
    Cell,
}

/// A shown figure with the document's printed one under it where it differs.
pub(super) fn printed_cell(
    value: Decimal,
    printed: Option<Decimal>,
    testid: Option<String>,
    on: TestIdOn,
    lang: Lang,
) -> impl IntoView {
    let (cell_id, figure_id) = match on {
        TestIdOn::Cell => (testid, None),
        TestIdOn::Figure => (None, testid),
    };
    view! {
        <td
            class="num"
            class:negative=value.is_sign_negative() && !value.is_zero()
            class:printed-differs=printed.is_some()
            data-testid=cell_id
        >
            <span data-testid=figure_id>{format_figure(value)}</span>
            {printed.map(|p| view! {
                <span class="printed-figure">{format!("{} {}", lang.pick("문서", "printed"), format_figure(p))}</span>
            })}
        </td>
    }
}

/// The source names of a schedule document's rows, Korean and English
/// (a source the plan does not list goes by its key).
pub(super) fn source_names(plan: &Plan, doc: &ScheduleDocument) -> Vec<(String, String)> {
    doc.rows
        .iter()
        .map(|row| {
            let key = row.source.clone().unwrap_or_default();
            plan.source(&key).map_or_else(
                || (key.clone(), key.clone()),
                |s| (s.name_ko.clone(), s.name_en.clone()),
            )
        })
        .collect()
}

/// The note under a table whose figures were rounded to the display unit.
#[component]
fn RoundingNote(rounded: Signal<bool>) -> impl IntoView {
    let nav = use_nav();
    view! {
        <Show when=move || rounded.get()>
            <p class="rounding-note" data-testid="rounding-note">
                <span aria-hidden="true">"※ "</span>
                {move || nav.lang.get().pick(
                    "표시 단위로 반올림하여 합계를 맞춤",
                    "Rounded to the unit shown; totals foot",
                )}
            </p>
        </Show>
    }
}

/// "Showing n of m" with buttons for the next part and for all of it.
#[component]
pub(super) fn MoreButtons(
    shown: RwSignal<usize>,
    total: Signal<usize>,
    step: usize,
) -> impl IntoView {
    let nav = use_nav();
    let pick = move |ko: &'static str, en: &'static str| nav.lang.get().pick(ko, en);
    view! {
        <Show when=move || { total.get() > shown.get() }>
            <div class="show-more">
                <p>
                    {move || {
                        let (n, m) = (shown.get().min(total.get()), total.get());
                        match nav.lang.get() {
                            Lang::Ko => format!("{m}개 중 {n}개 표시"),
                            Lang::En => format!("Showing {n} of {m}"),
                        }
                    }}
                </p>
                <button type="button" on:click=move |_| shown.update(|n| *n = n.saturating_add(step))>
                    {move || match nav.lang.get() {
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
fn caption(session: Session, nav: Nav) -> impl Fn() -> &'static str + Copy {
    move || unit_caption(session.unit.get(), nav.lang.get())
}

/// 1. 예산현황 (§1.1): 계 first, then each unit program; footed in the display unit.
#[component]
fn StatusSection(limits: Limits) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let t = move |m: Msg| m.text(nav.lang.get());
    let pick = move |ko: &'static str, en: &'static str| nav.lang.get().pick(ko, en);
    let doc = Memo::new(move |_| session.plan.with(|p| status_document(p, p.unit)));
    let rows = move || {
        let limit = limits.status.get();
        doc.with(|d| {
            d.rows
                .iter()
                .take(limit)
                .map(|row| {
                    let f = row.figures;
                    let lines = session.plan.with(|p| {
                        p.program(row.program)
                            .filter(|pr| !pr.line_items.is_empty())
                            .map(|pr| basis_lines(pr, p.unit))
                    });
                    view! {
                        <tr data-program=row.program>
                            <th scope="row">{row.name.clone()}</th>
                            {figure_cell(f.this_year, None)}
                            {figure_cell(f.prior_year, None)}
                            {printed_cell(f.change, row.printed_change, None, TestIdOn::Figure, nav.lang.get())}
                        </tr>
                        {lines.map(|lines| view! {
                            <tr class="basis-row">
                                <td colspan="4">{basis_list(row.program, &lines, nav.lang.get())}</td>
                            </tr>
                        })}
                    }
                })
                .collect_view()
        })
    };
    let total = move || doc.with(|d| d.total);
    let printed = move || doc.with(|d| d.printed);
    view! {
        <section class="doc-section" aria-labelledby="ov-status-title">
            <div class="table-head">
                <h3 id="ov-status-title">
                    "1. "{move || t(Msg::StatusTitle)}
                    <a class="edit-link" href=View::Status.href(None)>{move || pick("편집", "Edit")}</a>
                </h3>
                <p class="unit-caption" data-testid="ov-status-caption">{caption(session, nav)}</p>
            </div>
            <table class="official doc-table status-doc" id="ov-status-table">
                <StatusHead editable=false/>
                <tbody class="total-row">
                    <tr data-testid="ov-status-total">
                        <th scope="row">{move || t(Msg::RowTotal)}</th>
                        {move || printed_cell(total().this_year, printed()[0], Some("ov-total-this-year".into()), TestIdOn::Figure, nav.lang.get())}
                        {move || printed_cell(total().prior_year, printed()[1], Some("ov-total-prior-year".into()), TestIdOn::Figure, nav.lang.get())}
                        {move || printed_cell(total().change, printed()[2], Some("ov-total-change".into()), TestIdOn::Figure, nav.lang.get())}
                    </tr>
                </tbody>
                <tbody>{rows}</tbody>
            </table>
            <Show when=move || doc.with(|d| d.rows.is_empty())>
                <EmptyHint text=("예산현황에 단위사업이 아직 없습니다.", "The budget status has no unit program yet.") add_at=&[ADD_PROGRAM]/>
            </Show>
            <RoundingNote rounded=Signal::derive(move || doc.with(|d| d.rounded))/>
            <MoreButtons shown=limits.status total=Signal::derive(move || doc.with(|d| d.rows.len())) step=STATUS_STEP/>
        </section>
    }
}

/// 2. 소요예산 (§1.2): one inline split line per program with money in its schedule.
#[component]
fn SplitSection(limits: Limits) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let pick = move |ko: &'static str, en: &'static str| nav.lang.get().pick(ko, en);
    let lines = Memo::new(move |_| session.plan.with(|p| split_lines(p, p.unit)));
    // A multi-year schedule (or one with 연평균 or printed totals) gets its table.
    let table = move |id: u32| {
        let lang = nav.lang.get();
        session.plan.with(|plan| {
            let program = plan.program(id)?;
            if !wants_table(&program.schedule) {
                return None;
            }
            let doc = owner_schedule_document(plan, Owner::Program(id), plan.unit)?;
            let names = source_names(plan, &doc);
            Some(schedules::schedule_table(
                &doc,
                &names,
                format!("ov-program-{id}-schedule"),
                format!("program-{id}"),
                format!(
                    "{} {}",
                    program.name,
                    lang.pick("연차별 소요예산", "schedule")
                ),
                false,
                lang,
            ))
        })
    };
    // Line items of a program outside the status table (those in it show there).
    let items = move |id: u32| {
        let lang = nav.lang.get();
        session.plan.with(|plan| {
            let program = plan.program(id)?;
            (program.budget.is_none() && !program.line_items.is_empty())
                .then(|| basis_list(id, &basis_lines(program, plan.unit), lang))
        })
    };
    let list = move || {
        let limit = limits.programs.get();
        let lang = nav.lang.get();
        session.plan.with(|plan| {
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
                                let name = source_name(plan, &s.source, lang);
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
                                {table(id)}
                                {items(id)}
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
                fallback=move || view! { <EmptyHint text=("소요예산이 있는 사업이 없습니다.", "No program has a schedule yet.") add_at=&[ADD_PROGRAM, TYPE_SCHEDULE]/> }
            >
                <ol class="split-lines">{list}</ol>
            </Show>
            <RoundingNote rounded=Signal::derive(move || lines.with(|l| l.iter().any(|l| l.rounded)))/>
            <MoreButtons shown=limits.programs total=Signal::derive(move || lines.with(Vec::len)) step=PROGRAM_STEP/>
        </section>
    }
}
