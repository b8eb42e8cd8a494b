//! A schedule as §1.3 prints it, for the overview and the print view: 구분 ·
//! 총계 · [연평균] · 기투자 · [임기 내: 소계 · years] · 장기, the 계 row first.
//! Where the document's printed total differs from the computed one, the
//! printed figure is shown under it, marked, so a reader sees both.

use leptos::prelude::*;
use planner_core::model::plan::Column;
use planner_core::model::words::{column_name, within_words};
use planner_core::views::document::{ScheduleDocument, ScheduleLine};
use planner_core::Lang;
use rust_decimal::Decimal;

/// A shown figure with the printed one under it; the test id on the whole cell.
fn cell(
    value: Decimal,
    printed: Option<Decimal>,
    testid: Option<String>,
    lang: Lang,
) -> impl IntoView {
    super::printed_cell(value, printed, testid, super::TestIdOn::Cell, lang)
}

/// The table of one schedule document; `pledge` words the year group as a term.
pub(super) fn schedule_table(
    s: &ScheduleDocument,
    source_names: &[(String, String)],
    table_id: String,
    testid: String,
    caption: String,
    pledge: bool,
    lang: Lang,
) -> impl IntoView {
    let p = |ko: &'static str, en: &'static str| lang.pick(ko, en);
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
        within_words(pledge, lang)
    } else {
        p("연차별", "By year")
    };
    let average = s.total.average.is_some();
    let year_heads = years
        .iter()
        .map(|(_, y)| view! { <th scope="col">{y.to_string()}</th> })
        .collect_view();
    let line = |line: &ScheduleLine, testid: Option<String>| {
        let printed_at =
            |i: Option<usize>| i.and_then(|i| line.printed_cells.get(i).copied().flatten());
        let pick_cell = |i: Option<usize>| i.map_or(Decimal::ZERO, |i| line.cells[i]);
        let year_cells = years
            .iter()
            .map(|(i, y)| {
                let id = testid.as_ref().map(|t| format!("{t}-y{y}"));
                cell(line.cells[*i], printed_at(Some(*i)), id, lang)
            })
            .collect_view();
        let average_cell = line.average.map(|a| {
            cell(
                a,
                None,
                testid.as_ref().map(|t| format!("{t}-average")),
                lang,
            )
        });
        view! {
            {cell(line.grand_total, line.printed_total, testid.clone(), lang)}
            {average_cell}
            {cell(pick_cell(before), printed_at(before), None, lang)}
            {cell(line.in_term, line.printed_in_term, testid.as_ref().map(|t| format!("{t}-in-term")), lang)}
            {year_cells}
            {cell(pick_cell(after), printed_at(after), None, lang)}
        }
    };
    let rows = s
        .rows
        .iter()
        .zip(source_names)
        .map(|(row, (ko, en))| {
            let name = lang.either(ko, en).clone();
            let id = row.source.as_ref().map(|src| format!("{testid}-{src}"));
            view! {
                <tr data-source=row.source.clone()>
                    <th scope="row">{name}</th>
                    {line(row, id)}
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="official doc-table schedule-doc" id=table_id>
            <caption class="visually-hidden">{caption}</caption>
            <thead>
                <tr>
                    <th scope="col" rowspan="2">{p("구분", "Source")}</th>
                    <th scope="col" rowspan="2">{p("총계", "Total")}</th>
                    {average.then(|| view! { <th scope="col" rowspan="2">{p("연평균", "Yearly average")}</th> })}
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
                    {line(&s.total, Some(format!("{testid}-total")))}
                </tr>
            </tbody>
            <tbody>{rows}</tbody>
        </table>
    }
}
