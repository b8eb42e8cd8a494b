//! The briefing deck: which slides a plan presents, in what order, and what
//! each slide shows. The deck is part of the plan (its arrangement and the
//! presenter's notes travel in the plan file), and every figure on a slide
//! comes from [`crate::views::document`], the same footed tables the overview
//! prints, so the deck cannot drift from the plan.

use crate::model::words::{column_name, source_name};
use rust_decimal::Decimal;

use crate::model::amount::{format_figure, Amount};
use crate::rules::foot::percent_shares;
use crate::views::document::{
    has_money, indicator_document, schedule_document, split_line, status_document,
    IndicatorDocument, ScheduleDocument, SplitLine, StatusDocument,
};

use crate::model::figure::{percent_text, quantity_text};
use crate::model::plan::{Column, DeckEntry, Owner, Plan, Pledge, Program, Schedule};
use crate::model::words::{pledge_label, Lang};

/// One slide of a deck.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slide {
    /// The plan's totals by year and by source.
    Summary,
    /// One program: its schedule by year and its split over sources.
    Program(u32),
    /// One pledge: its schedule and its targets against actuals.
    Pledge(u32),
    /// Budget this year against last year, by unit program.
    Changes,
    /// What changed at one step of the budget: the stage with this id
    /// against the one before it.
    Stages(u32),
    /// The plan's open problems, so nobody presents a broken table unawares:
    /// page 0 and, for a long list, the pages that continue it
    /// ([`PROBLEMS_PER_SLIDE`] each).
    Problems(u32),
}

/// How many problems one problems slide lists; a longer list continues on
/// further slides rather than stopping at a count.
pub const PROBLEMS_PER_SLIDE: usize = 6;

impl Slide {
    /// The key presenter notes are stored under; stable across reorders.
    pub fn key(self) -> String {
        match self {
            Slide::Summary => "summary".into(),
            Slide::Program(id) => format!("program-{id}"),
            Slide::Pledge(id) => format!("pledge-{id}"),
            Slide::Changes => "changes".into(),
            Slide::Stages(id) => format!("stages-{id}"),
            // The first page keeps the key notes were stored under before
            // the list continued on further pages.
            Slide::Problems(0) => "problems".into(),
            Slide::Problems(page) => format!("problems-{}", page + 1),
        }
    }
}

/// What the presenter's slide list calls a slide: its heading, short.
pub fn slide_title(plan: &Plan, slide: Slide, lang: Lang) -> String {
    match slide {
        Slide::Summary => format!("{} · {}", lang.pick("요약", "Summary"), plan.title),
        Slide::Program(id) => entry_name(plan, Owner::Program(id), lang),
        Slide::Pledge(id) => entry_name(plan, Owner::Pledge(id), lang),
        Slide::Changes => lang
            .pick("전년 대비 증감", "Change against last year")
            .into(),
        Slide::Stages(id) => {
            let name = plan
                .stages
                .list
                .iter()
                .find(|s| s.id == id)
                .map_or("", |s| s.name.as_str());
            format!("{} · {name}", lang.pick("단계별 변동", "What changed"))
        }
        Slide::Problems(0) => lang.pick("확인이 필요한 문제", "Open problems").into(),
        Slide::Problems(page) => format!(
            "{} ({})",
            lang.pick("확인이 필요한 문제", "Open problems"),
            page.saturating_add(1)
        ),
    }
}

/// Whether a program has anything to present (money in its schedule).
fn presentable(program: &Program) -> bool {
    has_money(&program.schedule)
}

/// Whether `subject` still names something the deck can present.
fn exists(plan: &Plan, subject: Owner) -> bool {
    match subject {
        Owner::Program(id) => plan.programs.iter().any(|p| p.id == id && presentable(p)),
        Owner::Pledge(id) => plan.pledges.iter().any(|p| p.id == id),
    }
}

/// Every program and pledge the deck could present, in the planner's order:
/// the arranged ones first, then those added since, shown.
pub fn arrangement(plan: &Plan) -> Vec<DeckEntry> {
    let mut entries: Vec<DeckEntry> = Vec::new();
    for entry in &plan.deck.entries {
        if exists(plan, entry.subject) && !entries.iter().any(|e| e.subject == entry.subject) {
            entries.push(*entry);
        }
    }
    let unlisted = plan
        .programs
        .iter()
        .filter(|p| presentable(p))
        .map(|p| Owner::Program(p.id))
        .chain(plan.pledges.iter().map(|p| Owner::Pledge(p.id)))
        .filter(|subject| !entries.iter().any(|e| e.subject == *subject))
        .map(|subject| DeckEntry {
            subject,
            shown: true,
        })
        .collect::<Vec<_>>();
    entries.extend(unlisted);
    entries
}

/// What the arrangement lists an entry as: a program's name, a pledge's heading.
pub fn entry_name(plan: &Plan, subject: Owner, lang: Lang) -> String {
    match subject {
        Owner::Program(id) => plan.program(id).map(|p| p.name.clone()),
        Owner::Pledge(id) => plan
            .pledge(id)
            .map(|p| pledge_label(&p.number, &p.title, lang)),
    }
    .unwrap_or_default()
}

/// The arrangement with one entry moved by `by` places (−1 up, +1 down).
pub fn moved(entries: &[DeckEntry], index: usize, by: isize) -> Vec<DeckEntry> {
    let mut entries = entries.to_vec();
    let target = index as isize + by;
    if index < entries.len() && target >= 0 && (target as usize) < entries.len() {
        entries.swap(index, target as usize);
    }
    entries
}

/// The slides of the deck, in order: the summary, the shown programs and
/// pledges, the year-over-year changes when the plan's status table has figures, one
/// slide per step of the budget (up to the stage being presented) that
/// changed money, and the open problems when there are any.
pub fn slides(plan: &Plan, open_problems: usize) -> Vec<Slide> {
    let mut slides = vec![Slide::Summary];
    slides.extend(
        arrangement(plan)
            .into_iter()
            .filter(|e| e.shown)
            .map(|e| match e.subject {
                Owner::Program(id) => Slide::Program(id),
                Owner::Pledge(id) => Slide::Pledge(id),
            }),
    );
    // Only a status table with figures has changes to show: rows of zeros
    // would be a slide of dashes (issue 18).
    if plan
        .budget_rows()
        .any(|(_, b)| !b.this_year.is_zero() || !b.prior_year.is_zero())
    {
        slides.push(Slide::Changes);
    }
    // Each step of the budget up to the stage being presented that changed money.
    let steps = plan
        .stages
        .list
        .iter()
        .position(|s| s.id == plan.stages.current)
        .map_or(0, |i| i + 1);
    for pair in plan.stages.list[..steps].windows(2) {
        let compared =
            crate::views::stages::compare_stages(plan, pair[0].id, pair[1].id, plan.unit, Lang::Ko);
        if compared.is_some_and(|c| !c.is_empty()) {
            slides.push(Slide::Stages(pair[1].id));
        }
    }
    let pages = open_problems.div_ceil(PROBLEMS_PER_SLIDE);
    slides.extend((0..pages).map(|page| Slide::Problems(u32::try_from(page).unwrap_or(u32::MAX))));
    slides
}

/// Every program's schedule added up, cell by cell: the plan's money by
/// source and year.
pub fn programs_schedule(plan: &Plan) -> Schedule {
    let mut total = Schedule::default();
    for program in &plan.programs {
        for row in &program.schedule.rows {
            for (column, amount) in row.cells() {
                if amount.is_zero() {
                    continue;
                }
                let sum = total
                    .row(&row.source)
                    .map(|r| cell(r, column))
                    .unwrap_or(Amount::ZERO);
                total.set(&row.source, column, sum + amount);
            }
        }
    }
    total
}

fn cell(row: &crate::model::plan::ScheduleRow, column: Column) -> Amount {
    row.cells()
        .find(|(c, _)| *c == column)
        .map(|(_, a)| a)
        .unwrap_or(Amount::ZERO)
}

/// What the summary slide shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummarySlide {
    /// Every program's money by source and column, footed as the overview foots.
    pub schedule: ScheduleDocument,
    /// The budget status table's 계 row and rows (this year, last year, change).
    pub status: StatusDocument,
}

/// The summary slide in the plan's unit.
pub fn summary_slide(plan: &Plan) -> SummarySlide {
    SummarySlide {
        schedule: schedule_document(
            &programs_schedule(plan),
            &plan.sources,
            plan.years,
            plan.unit,
        ),
        status: status_document(plan, plan.unit),
    }
}

/// What a program's slide shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramSlide {
    /// The program's name.
    pub name: String,
    /// The team that carries it.
    pub owner: String,
    /// Its schedule by source and column, as the overview foots it.
    pub schedule: ScheduleDocument,
    /// Its split line, exactly as the overview writes it.
    pub split: SplitLine,
    /// Each share's percentage of the total, with the slide's (or the plan's)
    /// decimals, adding to 100.0 (or 100.00);
    /// empty when the total is zero.
    pub percents: Vec<Decimal>,
}

/// A program's slide in the plan's unit; `None` if the program is gone.
pub fn program_slide(plan: &Plan, id: u32) -> Option<ProgramSlide> {
    let program = plan.programs.iter().find(|p| p.id == id)?;
    let split = split_line(program, plan.unit);
    let figures: Vec<Decimal> = split.shares.iter().map(|s| s.figure).collect();
    // The slide's own decimals (set in the deck), else the plan's.
    let decimals = plan
        .deck
        .share_decimals
        .get(&format!("program-{id}"))
        .copied()
        .unwrap_or(plan.share_decimals);
    Some(ProgramSlide {
        name: program.name.clone(),
        owner: program.owner.clone(),
        schedule: schedule_document(&program.schedule, &plan.sources, program.period, plan.unit),
        percents: percent_shares(&figures, decimals)
            .into_iter()
            .map(|mut p| {
                p.rescale(decimals);
                p
            })
            .collect(),
        split,
    })
}

/// What a pledge's slide shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PledgeSlide {
    /// The pledge's number in the pledge book.
    pub number: String,
    /// Its title.
    pub title: String,
    /// Its schedule, as the overview foots it.
    pub schedule: ScheduleDocument,
    /// Its indicators: targets, actuals and achievement.
    pub indicators: Vec<IndicatorDocument>,
}

/// A pledge's slide in the plan's unit; `None` if the pledge is gone.
pub fn pledge_slide(plan: &Plan, id: u32) -> Option<PledgeSlide> {
    let pledge: &Pledge = plan.pledges.iter().find(|p| p.id == id)?;
    Some(PledgeSlide {
        number: pledge.number.clone(),
        title: pledge.title.clone(),
        schedule: schedule_document(&pledge.schedule, &plan.sources, pledge.term, plan.unit),
        indicators: pledge
            .indicators
            .iter()
            .map(|i| indicator_document(i, pledge.term))
            .collect(),
    })
}

/// The columns of a shown schedule worth a bar: those with money, and the
/// term's years even when empty (an empty year is news too).
pub fn chart_columns(doc: &ScheduleDocument) -> Vec<usize> {
    doc.columns
        .iter()
        .enumerate()
        .filter(|(i, column)| {
            let money = doc.rows.iter().any(|r| !r.cells[*i].is_zero());
            money || (doc.in_term(**column) && doc.term.len() <= 12)
        })
        .map(|(i, _)| i)
        .collect()
}

/// A slide's figures as a table, the keystroke-away alternative to its
/// chart: the first row is the 계 row where the table has one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SlideTable {
    /// What the table shows, for its caption.
    pub caption: String,
    /// Column headings, the row heading's column first.
    pub head: Vec<String>,
    /// Rows: the row's heading, then its figures as the overview writes them.
    pub rows: Vec<Vec<String>>,
}

/// A schedule as a table over the chart's columns, with 총계 last.
pub fn schedule_slide_table(
    plan: &Plan,
    doc: &ScheduleDocument,
    caption: &str,
    lang: Lang,
) -> SlideTable {
    let columns = chart_columns(doc);
    let mut head = vec![lang.pick("구분", "Source").to_string()];
    head.extend(columns.iter().map(|&c| column_name(doc.columns[c], lang)));
    head.push(lang.pick("총계", "Total").into());
    let line = |name: String, line: &crate::views::document::ScheduleLine| {
        let mut row = vec![name];
        row.extend(columns.iter().map(|&c| format_figure(line.cells[c])));
        row.push(format_figure(line.grand_total));
        row
    };
    let mut rows = vec![line(lang.pick("계", "Total").into(), &doc.total)];
    rows.extend(
        doc.rows
            .iter()
            .filter(|r| !r.grand_total.is_zero() || r.cells.iter().any(|c| !c.is_zero()))
            .map(|r| {
                let source = r.source.as_deref().unwrap_or_default();
                line(source_name(plan, source, lang), r)
            }),
    );
    SlideTable {
        caption: caption.into(),
        head,
        rows,
    }
}

/// An indicator's targets and actuals by year, with totals and 이행율.
pub fn indicator_slide_table(doc: &IndicatorDocument, lang: Lang) -> SlideTable {
    let mut head = vec![format!("{} ({})", doc.name, doc.unit)];
    head.extend(doc.years.iter().map(|y| y.to_string()));
    head.push(lang.pick("합계", "Total").into());
    head.push(lang.pick("이행율", "Achievement").into());
    let mut targets = vec![lang.pick("목표", "Target").to_string()];
    targets.extend(doc.targets.iter().map(|v| quantity_text(*v)));
    targets.push(quantity_text(Some(doc.target_total)));
    targets.push(percent_text(doc.achievement));
    let mut actuals = vec![lang.pick("실적", "Actual").to_string()];
    actuals.extend(doc.actuals.iter().map(|v| quantity_text(*v)));
    actuals.push(quantity_text(Some(doc.actual_total)));
    actuals.push(String::new());
    SlideTable {
        caption: doc.name.clone(),
        head,
        rows: vec![targets, actuals],
    }
}

/// The budget status table: 계 first, then each unit program.
pub fn status_slide_table(doc: &StatusDocument, lang: Lang) -> SlideTable {
    let row = |name: String, f: &crate::views::document::StatusFigures| {
        vec![
            name,
            format_figure(f.this_year),
            format_figure(f.prior_year),
            format_figure(f.change),
        ]
    };
    let mut rows = vec![row(lang.pick("계", "Total").into(), &doc.total)];
    rows.extend(doc.rows.iter().map(|r| row(r.name.clone(), &r.figures)));
    SlideTable {
        caption: lang.pick("예산현황", "Budget status").into(),
        head: vec![
            lang.pick("단위사업명", "Unit program").into(),
            lang.pick("예산액", "This year").into(),
            lang.pick("전년도 예산액", "Prior year").into(),
            lang.pick("증(△)감", "Change (△)").into(),
        ],
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::edit::Edit;
    use crate::fixtures::demo::demo_plan;

    #[test]
    fn the_demo_deck_presents_every_program_with_money_and_the_pledge() {
        let plan = demo_plan();
        let slides = slides(&plan, 0);
        assert_eq!(slides.first(), Some(&Slide::Summary));
        assert_eq!(slides.last(), Some(&Slide::Changes));
        let programs = slides
            .iter()
            .filter(|s| matches!(s, Slide::Program(_)))
            .count();
        assert_eq!(programs, 7, "programs 5 to 11 have schedules");
        assert!(slides.contains(&Slide::Pledge(1)));
        assert_eq!(super::slides(&plan, 2).last(), Some(&Slide::Problems(0)));
        // A long list continues: 13 problems on three slides of six.
        let pages: Vec<Slide> = super::slides(&plan, 13)
            .into_iter()
            .filter(|s| matches!(s, Slide::Problems(_)))
            .collect();
        assert_eq!(
            pages,
            [Slide::Problems(0), Slide::Problems(1), Slide::Problems(2)]
        );
        assert_eq!(Slide::Problems(0).key(), "problems");
        assert_eq!(Slide::Problems(2).key(), "problems-3");
    }

    #[test]
    fn the_slide_list_names_each_slide_once_in_both_languages() {
        let plan = demo_plan();
        for lang in [Lang::Ko, Lang::En] {
            let titles: Vec<String> = slides(&plan, 13)
                .into_iter()
                .map(|s| slide_title(&plan, s, lang))
                .collect();
            assert!(titles.iter().all(|t| !t.trim().is_empty()), "{titles:?}");
            let mut unique = titles.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), titles.len(), "{titles:?}");
        }
        assert_eq!(
            slide_title(&plan, Slide::Program(5), Lang::En),
            plan.program(5).map(|p| p.name.clone()).unwrap_or_default()
        );
    }

    #[test]
    fn an_arrangement_keeps_its_order_and_leaves_out_what_is_hidden() {
        let mut plan = demo_plan();
        let mut entries = arrangement(&plan);
        entries = moved(&entries, entries.len() - 1, -(entries.len() as isize - 1));
        entries[1].shown = false;
        plan.apply(Edit::SetDeckEntries(entries.clone())).unwrap();
        let slides = slides(&plan, 0);
        assert_eq!(slides[1], Slide::Pledge(1), "the pledge moved first");
        let hidden = match entries[1].subject {
            Owner::Program(id) => Slide::Program(id),
            Owner::Pledge(id) => Slide::Pledge(id),
        };
        assert!(!slides.contains(&hidden));
        // A program added later joins the deck at the end, shown.
        plan.apply(Edit::AddProgram {
            name: "새 사업".into(),
            status_row: false,
        })
        .unwrap();
        let id = plan.programs.last().unwrap().id;
        plan.apply(Edit::SetCell {
            owner: Owner::Program(id),
            source: "city".into(),
            column: Column::Year(2020),
            amount: Amount::won(1_000),
        })
        .unwrap();
        let after = super::slides(&plan, 0);
        assert_eq!(after[after.len() - 2], Slide::Program(id));
    }

    #[test]
    fn moving_past_either_end_changes_nothing() {
        let plan = demo_plan();
        let entries = arrangement(&plan);
        assert_eq!(moved(&entries, 0, -1), entries);
        assert_eq!(moved(&entries, entries.len() - 1, 1), entries);
    }

    #[test]
    fn the_summary_adds_every_program_and_foots() {
        let plan = demo_plan();
        let summary = summary_slide(&plan);
        // 533,073 + 1,167,388 + 228,000 + 477,250 + 1,000,000 + 1,119,000 + 8,000
        assert_eq!(summary.schedule.total.grand_total, Decimal::from(4_532_711));
        let by_source: Decimal = summary.schedule.rows.iter().map(|r| r.grand_total).sum();
        assert_eq!(by_source, summary.schedule.total.grand_total);
        assert_eq!(summary.status.total.this_year, Decimal::from(1_780_060));
        assert_eq!(summary.status.total.change, Decimal::from(1_125_346));
    }

    #[test]
    fn a_program_slide_writes_the_split_as_the_overview_and_percents_add_to_100() {
        let plan = demo_plan();
        let slide = program_slide(&plan, 6).unwrap();
        assert_eq!(
            slide.split.text(&plan.sources, plan.unit, crate::Lang::Ko),
            "1,167,388천원 (국 622,500, 시 247,313, 구비 297,575)"
        );
        let sum: Decimal = slide.percents.iter().copied().sum();
        assert_eq!(sum, Decimal::ONE_HUNDRED);
        assert_eq!(slide.percents[0], Decimal::new(533, 1));
    }

    #[test]
    fn the_pledge_slide_shows_the_seed_figures() {
        let mut plan = demo_plan();
        plan.unit = crate::Unit::Million;
        let slide = pledge_slide(&plan, 1).unwrap();
        assert_eq!(slide.schedule.total.grand_total, Decimal::from(3_528));
        assert_eq!(slide.indicators[0].achievement, Some(Decimal::new(647, 1)));
        let columns = chart_columns(&slide.schedule);
        assert_eq!(columns.len(), 5, "2018 to 2022");
    }

    #[test]
    fn tables_write_figures_as_the_overview_does() {
        let plan = demo_plan();
        let status = status_slide_table(&summary_slide(&plan).status, Lang::Ko);
        assert_eq!(status.rows[0], ["계", "1,780,060", "654,714", "1,125,346"]);
        assert_eq!(status.rows[4][3], "△21,634");
        let pledge = pledge_slide(&plan, 1).unwrap();
        let schedule = schedule_slide_table(&plan, &pledge.schedule, "", Lang::En);
        assert_eq!(schedule.head.first().map(String::as_str), Some("Source"));
        assert_eq!(
            schedule.rows[0].last().map(String::as_str),
            Some("3,528,000")
        );
        assert_eq!(
            schedule.rows.len(),
            3,
            "계, 시비, 구비: empty sources left out"
        );
        let indicator = indicator_slide_table(&pledge.indicators[0], Lang::Ko);
        assert_eq!(indicator.rows[0].last().map(String::as_str), Some("64.7%"));
        assert_eq!(indicator.rows[1][1..4], ["632", "967", "342"]);
        assert_eq!(indicator.rows[1][4], "-");
    }

    #[test]
    fn typing_a_note_is_one_undo_step_per_slide() {
        let mut plan = demo_plan();
        let mut history = crate::change::history::History::default();
        let original = plan.clone();
        for (slide, text) in [
            ("summary", "총"),
            ("summary", "총액"),
            ("summary", "총액 먼저"),
        ] {
            let edit = Edit::SetSlideNote {
                slide: slide.into(),
                note: text.into(),
            };
            let before = plan.clone();
            plan.apply(edit.clone()).unwrap();
            history.record(before, &edit);
        }
        let typed = plan.clone();
        let edit = Edit::SetSlideNote {
            slide: "pledge-1".into(),
            note: "64.7%".into(),
        };
        let before = plan.clone();
        plan.apply(edit.clone()).unwrap();
        history.record(before, &edit);
        assert_eq!(
            history.undo(plan.clone()),
            Some(typed),
            "the pledge's note is its own step"
        );
        assert_eq!(
            history.undo(plan),
            Some(original),
            "three keystrokes, one step"
        );
    }

    #[test]
    fn removing_a_program_drops_its_entry_and_note() {
        let mut plan = demo_plan();
        let mut entries = arrangement(&plan);
        entries.reverse();
        plan.apply(Edit::SetDeckEntries(entries)).unwrap();
        plan.apply(Edit::SetSlideNote {
            slide: "program-6".into(),
            note: "국비 확정".into(),
        })
        .unwrap();
        plan.apply(Edit::RemoveProgram { program: 6 }).unwrap();
        assert!(!plan
            .deck
            .entries
            .iter()
            .any(|e| e.subject == Owner::Program(6)));
        assert!(!plan.deck.notes.contains_key("program-6"));
    }
}
