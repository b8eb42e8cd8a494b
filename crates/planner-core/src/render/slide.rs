//! A slide's content as HTML text: heading, key figures, charts (or, with
//! the table switch, the same figures as tables). Built here rather than in
//! view code because the deck is seldom used and string building costs the
//! wasm bundle a fraction of what the equivalent view code would; and
//! because it is then tested natively like the rest of the domain. It is
//! [`Html`]: the plan's own text gets in only escaped.

use crate::model::words::{column_name, pledge_label, source_name};
use rust_decimal::Decimal;

use crate::model::amount::format_figure;
use crate::model::figure::percent_text;
use crate::render::chart::{diverging_bars, donut, stacked_bars, target_bars, Bar};
use crate::views::deck::{
    chart_columns, indicator_slide_table, pledge_slide, program_slide, schedule_slide_table,
    status_slide_table, summary_slide, Slide, SlideTable,
};
use crate::views::document::{amount_phrase, has_money, status_document, ScheduleDocument};

use crate::model::plan::Plan;
use crate::model::words::{unit_caption, Lang};
use crate::render::html::Html;
use crate::rules::validate::{Problem, Severity};
use crate::views::deck::PROBLEMS_PER_SLIDE;
use crate::views::locate::describe;
use crate::views::stages::compare_stages;

/// How many unit programs the changes chart draws; the table has them all.
pub const CHANGES_DRAWN: usize = 10;

/// The body of `slide` (without its footer): charts, or tables when `table`.
pub fn slide_html(
    plan: &Plan,
    slide: Slide,
    lang: Lang,
    table: bool,
    problems: &[Problem],
) -> Html {
    let caption = unit_caption(plan.unit, lang);
    match slide {
        Slide::Summary => summary(plan, lang, table, caption),
        Slide::Program(id) => program(plan, id, lang, table, caption),
        Slide::Pledge(id) => pledge(plan, id, lang, table, caption),
        Slide::Changes => changes(plan, lang, table, caption),
        Slide::Stages(id) => stages(plan, id, lang, table, caption),
        Slide::Problems(page) => problems_slide(plan, lang, problems, page),
    }
}

fn head(title: &str, sub: Html) -> Html {
    Html::element(
        "header",
        &[("class", "slide-head")],
        [
            Html::element("h2", &[], Html::text(title)),
            Html::element("p", &[("class", "slide-sub")], sub),
        ]
        .into_iter()
        .collect(),
    )
}

/// A subtitle's parts joined by ` · `, leaving out the empty ones (a plan
/// with no organisation, a program with no department), so no subtitle
/// starts or ends with a dot.
fn subtitle(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

fn chart_box(svg: Html) -> Html {
    Html::element("div", &[("class", "chart-box")], svg)
}

fn summary(plan: &Plan, lang: Lang, table: bool, caption: &str) -> Html {
    let summary = summary_slide(plan);
    let years = format!("{}–{}", plan.years.first, plan.years.last);
    let mut out = head(
        &plan.title,
        Html::text(&subtitle(&[&plan.organisation, &years, caption])),
    );
    // Key figures only when the status table has some: three dashes say
    // nothing (issue 18).
    let t = summary.status.total;
    if !summary.status.rows.is_empty() && !(t.this_year.is_zero() && t.prior_year.is_zero()) {
        out.push_markup("<div class=\"key-figures\">");
        for (label, value) in [
            (lang.pick("올해 예산액 계", "Budget this year"), t.this_year),
            (
                lang.pick("전년도 예산액 계", "Budget last year"),
                t.prior_year,
            ),
            (lang.pick("증(△)감", "Change (△)"), t.change),
        ] {
            out.push(Html::element(
                "div",
                &[("class", "key-figure")],
                [
                    Html::element("span", &[("class", "key-label")], Html::text(label)),
                    Html::element(
                        "span",
                        &[("class", "key-value"), ("data-testid", "key-figure")],
                        Html::text(&format_figure(value)),
                    ),
                ]
                .into_iter()
                .collect(),
            ));
        }
        out.push_markup("</div>");
    }
    let title = lang.pick(
        "사업별 소요예산 합계: 재원별·연도별",
        "All programs: money by source and year",
    );
    out.push(Html::element(
        "h3",
        &[("class", "chart-title")],
        Html::text(title),
    ));
    // A plan of only a 예산현황 has no schedule to draw: the slide says so
    // rather than showing an empty chart (issue 18).
    if !plan.programs.iter().any(|p| has_money(&p.schedule)) {
        out.push(Html::element(
            "p",
            &[("class", "slide-empty"), ("data-testid", "slide-empty")],
            Html::text(lang.pick(
                "사업의 연차별 소요예산이 아직 없습니다.",
                "No program has money in its schedule yet.",
            )),
        ));
    } else if table {
        out.push(table_html(&schedule_slide_table(
            plan,
            &summary.schedule,
            title,
            lang,
        )));
    } else {
        out.push(chart_box(schedule_chart(
            plan,
            &summary.schedule,
            title,
            lang,
        )));
    }
    out
}

fn program(plan: &Plan, id: u32, lang: Lang, table: bool, caption: &str) -> Html {
    let Some(program) = program_slide(plan, id) else {
        return Html::new();
    };
    let mut out = head(
        &program.name,
        Html::text(&subtitle(&[&program.owner, caption])),
    );
    out.push(Html::element(
        "p",
        &[("class", "split-line"), ("data-testid", "slide-split")],
        Html::text(&program.split.text(&plan.sources, plan.unit, lang)),
    ));
    if table {
        // The caption says what the table is; the heading already names
        // the program (issue 18: it was said twice).
        out.push(table_html(&schedule_slide_table(
            plan,
            &program.schedule,
            lang.pick("연차별 소요예산", "Schedule by year"),
            lang,
        )));
        return out;
    }
    let title = format!(
        "{} {}",
        program.name,
        lang.pick("재원 분담", "funding split")
    );
    out.push_markup("<div class=\"slide-charts\">");
    let ring: Vec<(usize, Decimal)> = program
        .split
        .shares
        .iter()
        .zip(&program.percents)
        .map(|(share, percent)| (source_index(plan, &share.source), *percent))
        .collect();
    match donut(&title, &format_figure(program.split.total), &ring) {
        Some(svg) => {
            out.push_markup("<div class=\"donut-with-legend\">");
            out.push(chart_box(svg));
            out.push_markup("<ul class=\"share-legend\">");
            for (i, share) in program.split.shares.iter().enumerate() {
                let swatch = format!("swatch s{}", source_index(plan, &share.source) % 6);
                let percent = program
                    .percents
                    .get(i)
                    .map(|p| percent_text(Some(*p)))
                    .unwrap_or_default();
                out.push(Html::element(
                    "li",
                    &[],
                    [
                        Html::element(
                            "span",
                            &[("class", &swatch), ("aria-hidden", "true")],
                            Html::new(),
                        ),
                        Html::element(
                            "span",
                            &[("class", "share-name")],
                            Html::text(&source_name(plan, &share.source, lang)),
                        ),
                        Html::element(
                            "span",
                            &[("class", "share-figure")],
                            Html::text(&format_figure(share.figure)),
                        ),
                        Html::element(
                            "span",
                            &[("class", "share-percent"), ("data-testid", "share-percent")],
                            Html::text(&percent),
                        ),
                    ]
                    .into_iter()
                    .collect(),
                ));
            }
            out.push_markup("</ul></div>");
        }
        // A negative share cannot be a slice of a ring: bars from zero instead.
        None => {
            let rows: Vec<(String, Decimal)> = program
                .split
                .shares
                .iter()
                .map(|s| (source_name(plan, &s.source, lang), s.figure))
                .collect();
            out.push(chart_box(diverging_bars(&title, &rows)));
        }
    }
    if chart_columns(&program.schedule).len() > 1 {
        out.push(chart_box(schedule_chart(
            plan,
            &program.schedule,
            &program.name,
            lang,
        )));
    }
    out.push_markup("</div>");
    out
}

fn pledge(plan: &Plan, id: u32, lang: Lang, table: bool, caption: &str) -> Html {
    let Some(pledge) = pledge_slide(plan, id) else {
        return Html::new();
    };
    let mut sub = Html::text(lang.pick("총사업비 ", "Total "));
    sub.push(Html::element(
        "strong",
        &[("data-testid", "slide-pledge-total")],
        Html::text(&amount_phrase(
            pledge.schedule.total.grand_total,
            plan.unit,
            lang,
        )),
    ));
    sub.push_text(&format!(" · {caption}"));
    let mut out = head(&pledge_label(&pledge.number, &pledge.title, lang), sub);
    let schedule_title = lang.pick("연차별 소요예산", "Schedule by year");
    if table {
        out.push(table_html(&schedule_slide_table(
            plan,
            &pledge.schedule,
            schedule_title,
            lang,
        )));
        for indicator in &pledge.indicators {
            out.push(table_html(&indicator_slide_table(indicator, lang)));
        }
        return out;
    }
    out.push(Html::open(
        "div",
        &[(
            "class",
            if pledge.indicators.len() > 1 {
                "slide-charts many"
            } else {
                "slide-charts"
            },
        )],
    ));
    out.push(Html::element(
        "figure",
        &[],
        [
            Html::element("figcaption", &[], Html::text(schedule_title)),
            chart_box(schedule_chart(plan, &pledge.schedule, schedule_title, lang)),
        ]
        .into_iter()
        .collect(),
    ));
    for doc in &pledge.indicators {
        let name = format!("{} ({})", doc.name, doc.unit);
        let years: Vec<String> = doc.years.iter().map(|y| y.to_string()).collect();
        let svg = target_bars(
            &name,
            (lang.pick("목표", "Target"), lang.pick("실적", "Actual")),
            &years,
            &doc.targets,
            &doc.actuals,
        );
        let mut achievement = Html::text(lang.pick("이행율 ", "Achievement "));
        achievement.push(Html::element(
            "strong",
            &[("data-testid", "slide-achievement")],
            Html::text(&percent_text(doc.achievement)),
        ));
        let mut figcaption = Html::text(&name);
        figcaption.push(Html::element(
            "span",
            &[("class", "achievement")],
            achievement,
        ));
        out.push(Html::element(
            "figure",
            &[("class", "indicator-chart")],
            [Html::element("figcaption", &[], figcaption), chart_box(svg)]
                .into_iter()
                .collect(),
        ));
    }
    out.push_markup("</div>");
    out
}

fn changes(plan: &Plan, lang: Lang, table: bool, caption: &str) -> Html {
    let status = status_document(plan, plan.unit);
    let title = lang.pick("전년 대비 증감", "Change against last year");
    let t = status.total;
    let mut sub = Html::text(&format!(
        "{}{}{}{}{}",
        lang.pick("예산액 계 ", "This year "),
        format_figure(t.this_year),
        lang.pick(" · 전년도 ", " · last year "),
        format_figure(t.prior_year),
        lang.pick(" · 증(△)감 ", " · change "),
    ));
    sub.push(Html::element(
        "strong",
        &[("data-testid", "slide-change-total")],
        Html::text(&format_figure(t.change)),
    ));
    sub.push_text(&format!(" · {caption}"));
    let mut out = head(title, sub);
    if table {
        out.push(table_html(&status_slide_table(&status, lang)));
        return out;
    }
    let (rows, left_out) = largest_changes(
        status
            .rows
            .iter()
            .map(|r| (r.name.clone(), r.figures.change))
            .collect(),
    );
    out.push(chart_box(diverging_bars(title, &rows)));
    if left_out > 0 {
        let note = match lang {
            Lang::Ko => format!(
                "증감이 큰 {CHANGES_DRAWN}개 단위사업. 나머지 {left_out}개는 표(T)에 있습니다."
            ),
            Lang::En => format!(
                "The {CHANGES_DRAWN} largest changes; the other {left_out} unit programs are in the table (T)."
            ),
        };
        out.push(Html::element(
            "p",
            &[("class", "slide-sub")],
            Html::text(&note),
        ));
    }
    out
}

/// One step of the budget, stage `id` against the one before it: the 예산액
/// 계 of both and the change, then every changed 예산액 and share as
/// diverging bars (the largest drawn), or as the 추경 table.
fn stages(plan: &Plan, id: u32, lang: Lang, table: bool, caption: &str) -> Html {
    let Some(c) = plan
        .stages
        .before(id)
        .and_then(|before| compare_stages(plan, before.id, id, plan.unit, lang))
    else {
        return Html::new();
    };
    let title = match lang {
        Lang::Ko => format!("단계별 변동: {} → {}", c.before, c.after),
        Lang::En => format!("What changed: {} → {}", c.before, c.after),
    };
    let (before, after, change) = c.budget.total;
    let mut sub = Html::text(&format!(
        "{}{} → {}{}",
        lang.pick("예산액 계 ", "Budget "),
        format_figure(before),
        format_figure(after),
        lang.pick(" · 증감 ", " · change "),
    ));
    sub.push(Html::element(
        "strong",
        &[("data-testid", "slide-stage-change")],
        Html::text(&format_figure(change)),
    ));
    sub.push_text(&format!(" · {caption}"));
    let mut out = head(&title, sub);
    let label = |line: &crate::views::stages::ComparedLine| match &line.source {
        Some(s) => format!("{} · {}", line.name, source_name(plan, s, lang)),
        None => line.name.clone(),
    };
    let lines: Vec<_> = c.budget.changed.iter().chain(&c.shares.changed).collect();
    if table {
        let mut rows: Vec<Vec<String>> = lines
            .iter()
            .map(|l| {
                vec![
                    label(l),
                    format_figure(l.before),
                    format_figure(l.after),
                    format_figure(l.change),
                ]
            })
            .collect();
        rows.insert(
            0,
            vec![
                lang.pick("예산액 계", "Budget total").to_string(),
                format_figure(before),
                format_figure(after),
                format_figure(change),
            ],
        );
        out.push(table_html(&SlideTable {
            caption: title.clone(),
            head: vec![
                lang.pick("사업", "Program").to_string(),
                lang.pick("기정액", "Before").to_string(),
                lang.pick("경정액", "Now").to_string(),
                lang.pick("증감", "Change").to_string(),
            ],
            rows,
        }));
        return out;
    }
    let (rows, left_out) = largest_changes(lines.iter().map(|l| (label(l), l.change)).collect());
    out.push(chart_box(diverging_bars(&title, &rows)));
    if left_out > 0 {
        let note = match lang {
            Lang::Ko => {
                format!("변동이 큰 {CHANGES_DRAWN}개. 나머지 {left_out}개는 표(T)에 있습니다.")
            }
            Lang::En => format!(
                "The {CHANGES_DRAWN} largest changes; the other {left_out} are in the table (T)."
            ),
        };
        out.push(Html::element(
            "p",
            &[("class", "slide-sub")],
            Html::text(&note),
        ));
    }
    out
}

/// A chart past a dozen rows is unreadable from the back of a room: the
/// [`CHANGES_DRAWN`] largest changes, in their order, and how many were left
/// out (the table, T, has every row).
fn largest_changes(rows: Vec<(String, Decimal)>) -> (Vec<(String, Decimal)>, usize) {
    let left_out = rows.len().saturating_sub(CHANGES_DRAWN);
    if left_out == 0 {
        return (rows, 0);
    }
    let mut ranked: Vec<(usize, (String, Decimal))> = rows.into_iter().enumerate().collect();
    ranked.sort_by(|a, b| b.1 .1.abs().cmp(&a.1 .1.abs()).then(a.0.cmp(&b.0)));
    ranked.truncate(CHANGES_DRAWN);
    ranked.sort_by_key(|r| r.0);
    (ranked.into_iter().map(|(_, row)| row).collect(), left_out)
}

/// One page of the open problems: [`PROBLEMS_PER_SLIDE`] of them, the
/// heading counting all, and a line saying the list goes on when it does.
fn problems_slide(plan: &Plan, lang: Lang, problems: &[Problem], page: u32) -> Html {
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let pages = problems.len().div_ceil(PROBLEMS_PER_SLIDE).max(1);
    let page = usize::try_from(page).unwrap_or(usize::MAX).min(pages - 1);
    let of_pages = if pages > 1 {
        format!(" · {}/{pages}", page + 1)
    } else {
        String::new()
    };
    let heading = match lang {
        Lang::Ko => format!(
            "확인이 필요한 문제 {}건 (오류 {errors}){of_pages}",
            problems.len()
        ),
        Lang::En => format!(
            "{} open problems ({errors} errors){of_pages}",
            problems.len()
        ),
    };
    let mut out = head(&heading, Html::new());
    let first = page * PROBLEMS_PER_SLIDE;
    let listed = problems.iter().skip(first).take(PROBLEMS_PER_SLIDE);
    let start = (first + 1).to_string();
    out.push(Html::element(
        "ol",
        &[("class", "slide-problems"), ("start", &start)],
        listed
            .map(|problem| {
                let mut item = Html::element(
                    "strong",
                    &[],
                    Html::text(&describe(&problem.location, plan, lang)),
                );
                item.push_text(&format!(" {}", problem.message(lang, plan.unit)));
                Html::element("li", &[], item)
            })
            .collect(),
    ));
    let after = problems.len().saturating_sub(first + PROBLEMS_PER_SLIDE);
    if after > 0 {
        let note = match lang {
            Lang::Ko => format!("다음 슬라이드에 계속 ({after}건)"),
            Lang::En => format!("Continued on the next slide ({after} more)"),
        };
        out.push(Html::element(
            "p",
            &[("class", "slide-sub"), ("data-testid", "problems-continue")],
            Html::text(&note),
        ));
    }
    out
}

/// A source's place in the plan's list, which picks its colour, so a
/// source keeps one colour on every slide.
fn source_index(plan: &Plan, source: &str) -> usize {
    plan.sources
        .iter()
        .position(|s| s.id == source)
        .unwrap_or(plan.sources.len())
}

/// Stacked bars of a shown schedule: one bar per column with money (and
/// each year of the term), one segment per source in the plan's order.
fn schedule_chart(plan: &Plan, doc: &ScheduleDocument, title: &str, lang: Lang) -> Html {
    let series: Vec<String> = doc
        .rows
        .iter()
        .map(|r| source_name(plan, r.source.as_deref().unwrap_or_default(), lang))
        .collect();
    let bars: Vec<Bar> = chart_columns(doc)
        .into_iter()
        .map(|c| Bar {
            label: column_name(doc.columns[c], lang),
            segments: doc.rows.iter().map(|r| r.cells[c]).collect(),
        })
        .collect();
    stacked_bars(title, &series, &bars)
}

/// A slide's table: the keystroke-away alternative to its chart.
fn table_html(table: &SlideTable) -> Html {
    let head: Html = table
        .head
        .iter()
        .map(|h| Html::element("th", &[("scope", "col")], Html::text(h)))
        .collect();
    let rows: Html = table
        .rows
        .iter()
        .map(|row| {
            let cells: Html = row
                .iter()
                .enumerate()
                .map(|(i, cell)| {
                    if i == 0 {
                        Html::element("th", &[("scope", "row")], Html::text(cell))
                    } else {
                        Html::element("td", &[], Html::text(cell))
                    }
                })
                .collect();
            Html::element("tr", &[], cells)
        })
        .collect();
    Html::element(
        "table",
        &[("class", "slide-table")],
        [
            Html::element("caption", &[], Html::text(&table.caption)),
            Html::element("thead", &[], Html::element("tr", &[], head)),
            Html::element("tbody", &[], rows),
        ]
        .into_iter()
        .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::demo::demo_plan;
    use crate::rules::validate::validate;

    #[test]
    fn the_summary_slide_leads_with_the_status_totals() {
        let plan = demo_plan();
        let html = slide_html(&plan, Slide::Summary, Lang::Ko, false, &[]).into_string();
        assert!(html.contains("data-testid=\"key-figure\">1,780,060<"));
        assert!(html.contains("data-testid=\"key-figure\">△21,634<") == false);
        assert!(html.contains("<svg"));
        let table = slide_html(&plan, Slide::Summary, Lang::Ko, true, &[]).into_string();
        assert!(table.contains("<table") && !table.contains("<svg"));
    }

    #[test]
    fn a_subtitle_leaves_out_what_the_plan_does_not_say() {
        let mut plan = demo_plan();
        plan.organisation = String::new();
        for program in &mut plan.programs {
            program.owner = " ".into();
        }
        for slide in [Slide::Summary, Slide::Program(6)] {
            let html = slide_html(&plan, slide, Lang::Ko, false, &[]).into_string();
            let sub = html
                .split("class=\"slide-sub\">")
                .nth(1)
                .unwrap_or_default();
            assert!(
                !sub.starts_with('·') && !sub.starts_with(" ·"),
                "{slide:?}: {sub}"
            );
            assert!(!sub.contains("· ·"), "{slide:?}: {sub}");
        }
        assert_eq!(
            subtitle(&["", "2020–2024", "(단위: 천원)"]),
            "2020–2024 · (단위: 천원)"
        );
    }

    #[test]
    fn no_table_slide_repeats_its_heading() {
        let plan = demo_plan();
        for slide in crate::views::deck::slides(&plan, 0) {
            for lang in [Lang::Ko, Lang::En] {
                let html = slide_html(&plan, slide, lang, true, &[]).into_string();
                let heading = html
                    .split("<h2>")
                    .nth(1)
                    .and_then(|x| x.split('<').next())
                    .unwrap_or_default();
                for caption in html
                    .split("<caption>")
                    .skip(1)
                    .filter_map(|x| x.split('<').next())
                {
                    assert_ne!(
                        caption, heading,
                        "{slide:?} ({lang:?}) says its heading twice"
                    );
                }
            }
        }
    }

    #[test]
    fn a_plan_of_only_a_status_table_has_no_empty_chart_and_no_figures_no_changes_slide() {
        let mut plan = demo_plan();
        for program in &mut plan.programs {
            program.schedule = crate::model::plan::Schedule::default();
        }
        for lang in [Lang::Ko, Lang::En] {
            for table in [false, true] {
                let html = slide_html(&plan, Slide::Summary, lang, table, &[]).into_string();
                assert!(!html.contains("<svg") && !html.contains("<table"), "{html}");
                assert!(html.contains("data-testid=\"slide-empty\""));
            }
        }
        assert!(crate::views::deck::slides(&plan, 0).contains(&Slide::Changes));
        // Status rows with no figure at all: no slide of dashes.
        for program in &mut plan.programs {
            if let Some(budget) = program.budget.as_mut() {
                budget.this_year = crate::Amount::ZERO;
                budget.prior_year = crate::Amount::ZERO;
            }
        }
        assert!(!crate::views::deck::slides(&plan, 0).contains(&Slide::Changes));
        let html = slide_html(&plan, Slide::Summary, Lang::En, false, &[]).into_string();
        assert!(
            !html.contains("key-figure"),
            "no key figures of dashes: {html}"
        );
    }

    #[test]
    fn a_program_slide_has_its_split_line_and_a_ring_whose_labels_add_to_100() {
        let plan = demo_plan();
        let html = slide_html(&plan, Slide::Program(6), Lang::En, false, &[]).into_string();
        assert!(html
            .contains("KRW 1,167,388 thousand (National 622,500, City 247,313, District 297,575)"));
        assert!(html.contains(">53.3%<") && html.contains(">21.2%<") && html.contains(">25.5%<"));
        // Program 5 has no national share: city keeps city's colour in ring and legend.
        let html = slide_html(&plan, Slide::Program(5), Lang::En, false, &[]).into_string();
        assert!(html.contains("<circle cx=\"21\" cy=\"21\" r=\"15.9155\" class=\"s1\""));
        assert!(html.contains("<span class=\"swatch s1\""));
    }

    #[test]
    fn a_negative_share_is_drawn_as_bars_not_a_ring() {
        let mut plan = demo_plan();
        plan.apply(crate::Edit::SetCell {
            owner: crate::Owner::Program(7),
            source: "district".into(),
            column: crate::model::plan::Column::Year(2019),
            amount: crate::Amount::won(-7_000_000),
        })
        .unwrap();
        let html = slide_html(&plan, Slide::Program(7), Lang::Ko, false, &[]).into_string();
        assert!(!html.contains("class=\"chart donut\""));
        assert!(html.contains("△7,000"));
    }

    #[test]
    fn a_long_status_table_draws_its_largest_changes_and_counts_the_rest() {
        let plan = crate::fixtures::generate::generated_plan(
            crate::fixtures::generate::Size::BENCHMARK,
            1,
        );
        let rows = plan.budget_rows().count();
        assert!(rows > CHANGES_DRAWN);
        let html = slide_html(&plan, Slide::Changes, Lang::En, false, &[]).into_string();
        assert_eq!(html.matches("class=\"row-label\"").count(), CHANGES_DRAWN);
        assert!(html.contains(&format!("the other {} unit programs", rows - CHANGES_DRAWN)));
        let table = slide_html(&plan, Slide::Changes, Lang::En, true, &[]).into_string();
        assert_eq!(
            table.matches("<tr>").count(),
            rows + 2,
            "head, 계 and every row"
        );
    }

    #[test]
    fn the_problems_slide_counts_and_lists_them() {
        let mut plan = demo_plan();
        plan.programs[5].stated_total = Some(crate::model::plan::Stated {
            amount: crate::Amount::won(1),
            unit: crate::Unit::Thousand,
        });
        let problems = validate(&plan);
        assert!(!problems.is_empty());
        let html = slide_html(&plan, Slide::Problems(0), Lang::Ko, false, &problems).into_string();
        assert!(html.contains(&format!("확인이 필요한 문제 {}건", problems.len())));
    }

    #[test]
    fn a_long_list_of_problems_continues_on_further_slides() {
        let mut plan = demo_plan();
        for program in plan.programs.iter_mut().take(8) {
            program.name = String::new();
            program.stated_total = Some(crate::model::plan::Stated {
                amount: crate::Amount::won(1),
                unit: crate::Unit::Thousand,
            });
        }
        let problems = validate(&plan);
        let pages = problems.len().div_ceil(PROBLEMS_PER_SLIDE);
        assert!(pages >= 2, "{} problems", problems.len());
        let mut listed = 0;
        for page in 0..pages {
            let html = slide_html(
                &plan,
                Slide::Problems(page as u32),
                Lang::En,
                false,
                &problems,
            )
            .into_string();
            listed += html.matches("<li>").count();
            assert!(html.contains(&format!(" · {}/{pages}", page + 1)), "{html}");
            assert_eq!(
                html.contains("Continued on the next slide"),
                page + 1 < pages
            );
            assert!(!html.contains(" more</p>") || page + 1 < pages);
        }
        assert_eq!(listed, problems.len(), "every problem is on a slide, once");
    }

    #[test]
    fn the_plans_own_text_is_escaped() {
        let mut plan = demo_plan();
        plan.title = "<script>alert(1)</script>".into();
        plan.programs[5].name = "<img src=x onerror=alert(1)>".into();
        let html = slide_html(&plan, Slide::Summary, Lang::Ko, false, &[]).into_string()
            + &slide_html(&plan, Slide::Program(6), Lang::Ko, true, &[]).into_string();
        assert!(!html.contains("<script") && !html.contains("<img"));
    }
}
