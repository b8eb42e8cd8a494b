//! Where a problem is, in words and on screen: the problems panel names each
//! problem's place ("청년 창업 지원 · 시비 · 2019") and sends the user to the
//! sheet that holds its cell.

use crate::model::plan::Owner;
use crate::model::words::source_name;

use crate::model::plan::{Plan, PledgeId, ProgramId};
use crate::model::words::Lang;
use crate::rules::validate::{Col, Location, Place, Row};

/// The sheet (editing view) that holds a problem's cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sheet {
    /// The budget status table.
    Status,
    /// A program's or pledge's schedule grid.
    Schedule(Owner),
    /// A pledge's targets, classification and links.
    Pledge(PledgeId),
    /// A program's line items.
    LineItems(ProgramId),
    /// A program's funding split (shares, percentages, matching weights).
    Split(ProgramId),
    /// The plan's settings (title, years, sources).
    Settings,
}

/// The sheet where the user fixes a problem at `location`.
pub fn sheet_of(location: &Location) -> Sheet {
    match (&location.place, &location.row) {
        (Place::Plan, Some(Row::StatusTotal)) => Sheet::Status,
        (Place::Plan | Place::Source(_), _) => Sheet::Settings,
        (Place::Program(_), Some(Row::Budget)) => Sheet::Status,
        (Place::Program(id), Some(Row::LineItem(_) | Row::Items)) => Sheet::LineItems(*id),
        (Place::Program(id), Some(Row::Source(_) | Row::Total))
            if location.column == Some(Col::PrintedPercent) =>
        {
            Sheet::Split(*id)
        }
        // A source's whole share (where the matching ratio is checked), its
        // percentage and its weight are cells of the split.
        (Place::Program(id), Some(Row::Source(_)))
            if matches!(
                location.column,
                Some(Col::Total | Col::Percent | Col::Weight)
            ) =>
        {
            Sheet::Split(*id)
        }
        (Place::Program(id), _) => Sheet::Schedule(Owner::Program(*id)),
        (Place::Pledge(id), Some(Row::Source(_) | Row::Total)) => {
            Sheet::Schedule(Owner::Pledge(*id))
        }
        (Place::Pledge(id) | Place::Indicator(id, _), _) => Sheet::Pledge(*id),
    }
}

/// The problem's place in the planner's words: program or pledge, row, column.
pub fn describe(location: &Location, plan: &Plan, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::with_capacity(3);
    let untitled = lang.pick("(이름 없음)", "(untitled)");
    let named = |name: &str| {
        if name.trim().is_empty() {
            untitled.to_string()
        } else {
            name.to_string()
        }
    };
    match &location.place {
        Place::Plan => parts.push(lang.pick("계획", "Plan").into()),
        Place::Source(s) => parts.push(format!(
            "{} {}",
            lang.pick("재원", "Source"),
            source_name(plan, s, lang)
        )),
        Place::Program(id) => {
            parts.push(
                plan.program(*id)
                    .map_or_else(|| format!("#{id}"), |p| named(&p.name)),
            );
        }
        Place::Pledge(id) => parts.push(pledge_name(plan, *id, lang)),
        Place::Indicator(pledge, indicator) => {
            parts.push(pledge_name(plan, *pledge, lang));
            let name = plan
                .pledge(*pledge)
                .and_then(|p| p.indicators.iter().find(|i| i.id == *indicator))
                .map_or_else(|| format!("#{indicator}"), |i| named(&i.name));
            parts.push(name);
        }
    }
    if let Some(row) = &location.row {
        let text = match row {
            Row::Source(s) => source_name(plan, s, lang),
            Row::Total => lang.pick("계", "Total").into(),
            Row::Budget => lang.pick("예산", "Budget").into(),
            Row::LineItem(i) => format!("{} {}", lang.pick("산출기초", "Line item"), i + 1),
            Row::Target => lang.pick("목표", "Target").into(),
            Row::Actual => lang.pick("실적", "Actual").into(),
            Row::Name => lang.pick("이름", "Name").into(),
            Row::Period => lang.pick("기간", "Period").into(),
            Row::Link(i) => format!("{} {}", lang.pick("연결 사업", "Linked program"), i + 1),
            Row::Sdg => "SDG".into(),
            Row::Staffing(i) => format!("{} {}", lang.pick("인력", "Staffing row"), i + 1),
            Row::Items => lang.pick("산출기초 계", "Line items total").into(),
            Row::StatusTotal => lang.pick("예산현황 계", "Budget status total").into(),
        };
        parts.push(text);
    }
    if let Some(column) = &location.column {
        parts.push(column_name(*column, lang));
    }
    parts.join(" · ")
}

/// A column's heading as the tables print it.
pub fn column_name(column: Col, lang: Lang) -> String {
    match column {
        Col::Cell(column) => crate::model::words::column_name(column, lang),
        Col::Year(y) => y.to_string(),
        Col::Total => lang.pick("총계", "Total").into(),
        Col::ThisYear => lang.pick("예산액", "This year").into(),
        Col::PriorYear => lang.pick("전년도 예산액", "Prior year").into(),
        Col::Basis => lang.pick("산출기초", "Basis").into(),
        Col::Stated => lang.pick("명시 금액", "Stated amount").into(),
        Col::Percent => lang.pick("비율(%)", "Share (%)").into(),
        Col::Weight => lang.pick("매칭 비율", "Matching weight").into(),
        Col::Quota => lang.pick("정원", "Quota").into(),
        Col::Current => lang.pick("현원", "Current").into(),
        Col::FirstYear => lang.pick("첫 연도", "First year").into(),
        Col::LastYear => lang.pick("마지막 연도", "Last year").into(),
        Col::BaseYear => lang.pick("기준연도", "Base year").into(),
        Col::PrintedTotal => lang.pick("총계(문서)", "Grand total as printed").into(),
        Col::PrintedInTerm => lang.pick("소계(문서)", "Subtotal as printed").into(),
        Col::Change => lang.pick("증감", "Change").into(),
        Col::PrintedPercent => lang.pick("비율(문서)", "Share as printed").into(),
    }
}

fn pledge_name(plan: &Plan, id: PledgeId, lang: Lang) -> String {
    plan.pledge(id).map_or_else(
        || format!("#{id}"),
        |p| crate::model::words::pledge_label(&p.number, &p.title, lang),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::demo::demo_plan;
    use crate::model::plan::Column;

    #[test]
    fn a_schedule_cell_is_named_and_sent_to_its_grid() {
        let plan = demo_plan();
        let location = Location {
            place: Place::Pledge(1),
            row: Some(Row::Source("city".into())),
            column: Some(Col::Cell(Column::Year(2019))),
        };
        assert_eq!(sheet_of(&location), Sheet::Schedule(Owner::Pledge(1)));
        let text = describe(&location, &plan, Lang::Ko);
        assert!(text.ends_with(" · 시비 · 2019"), "{text}");
        assert!(text.starts_with("공약 17 "), "{text}");
        let budget = Location {
            place: Place::Program(4),
            row: Some(Row::Budget),
            column: Some(Col::ThisYear),
        };
        assert_eq!(sheet_of(&budget), Sheet::Status);
        assert_eq!(
            describe(&budget, &plan, Lang::En),
            "기본경비 · Budget · This year"
        );
        let indicator = Location {
            place: Place::Indicator(1, 1),
            row: Some(Row::Actual),
            column: Some(Col::Year(2020)),
        };
        assert_eq!(sheet_of(&indicator), Sheet::Pledge(1));
    }
}
