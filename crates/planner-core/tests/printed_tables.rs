//! Checking a printed table (issue 15): printed totals against the computed
//! ones, the rounding of the unit a document was printed in, line items as
//! 예산서 prints them, and shares with the decimals a document uses.

use planner_core::change::edit::{Edit, RoundingTable, StatusColumn};
use planner_core::change::field::Field;
use planner_core::model::amount::{Amount, Unit};
use planner_core::model::plan::{
    Column, LineItem, Plan, PrintedCell, Program, Schedule, Stated, YearBudget, YearRange,
};
use planner_core::rules::basis::{check_line, items_total, read_line, BasisErrorKind};
use planner_core::rules::shares::share_percents;
use planner_core::rules::validate::{rounding_slack, validate, Code, Problem, Severity};
use planner_core::views::grid::grid_model;
use planner_core::{Lang, Owner};
use rust_decimal::Decimal;

fn d(text: &str) -> Decimal {
    Decimal::from_str_exact(text).unwrap()
}

fn million(figure: i64) -> Amount {
    Unit::Million.to_amount(Decimal::from(figure))
}

fn thousand(figure: i64) -> Amount {
    Unit::Thousand.to_amount(Decimal::from(figure))
}

/// A multi-year estimate in 백만원 typed as printed: DOMAIN.md §2's 2018
/// column (1,566,173 + 177,748 + 48,730, printed subtotal 1,792,652) and two
/// years of our own; the national row's printed total is also 1 off.
fn printed_estimate() -> Plan {
    let mut plan = Plan::new(
        "국가 사업비 추정",
        YearRange::new(2018, 2020),
        Unit::Million,
    );
    let mut program = Program::new(1, "국가 사업", YearRange::new(2018, 2020));
    let rows = [
        ("national", [1_566_173, 1_600_000, 1_700_000]),
        ("city", [177_748, 180_000, 190_000]),
        ("district", [48_730, 50_000, 55_000]),
    ];
    let mut schedule = Schedule::default();
    for (source, figures) in rows {
        for (year, figure) in (2018..).zip(figures) {
            schedule.set(source, Column::Year(year), million(figure));
        }
    }
    let printed = [
        (PrintedCell::ColumnTotal(Column::Year(2018)), 1_792_652),
        (PrintedCell::ColumnTotal(Column::Year(2019)), 1_830_000),
        (PrintedCell::ColumnTotal(Column::Year(2020)), 1_945_000),
        (PrintedCell::RowTotal("national".into()), 4_866_174),
        (PrintedCell::RowTotal("city".into()), 547_748),
        (PrintedCell::RowTotal("district".into()), 153_730),
    ];
    for (cell, figure) in printed {
        schedule.printed.insert(cell, million(figure));
    }
    program.schedule = schedule;
    program.stated_total = Some(Stated {
        amount: million(5_567_651),
        unit: Unit::Million,
    });
    plan.programs.push(program);
    plan
}

fn codes(problems: &[Problem]) -> Vec<(&'static str, String)> {
    problems
        .iter()
        .map(|p| (p.code.as_str(), p.location.cell_id()))
        .collect()
}

#[test]
fn a_table_typed_as_printed_gives_only_rounding_warnings_once_its_unit_is_set() {
    let mut plan = printed_estimate();
    // Without a rounding setting every difference is an error.
    let exact = validate(&plan);
    assert_eq!(
        codes(&exact),
        vec![
            (
                "printed.mismatch",
                "program-1-source-national-printed-total".to_string()
            ),
            ("printed.mismatch", "program-1-total-y2018".to_string()),
        ]
    );
    plan.apply(Edit::SetRounding {
        table: RoundingTable::Schedule(Owner::Program(1)),
        unit: Some(Unit::Million),
    })
    .unwrap();
    let problems = validate(&plan);
    assert_eq!(
        codes(&problems),
        vec![
            (
                "printed.rounding",
                "program-1-source-national-printed-total".to_string()
            ),
            ("printed.rounding", "program-1-total-y2018".to_string()),
        ]
    );
    assert!(problems.iter().all(|p| p.severity == Severity::Warning));
    let message = problems[1].message(Lang::En, Unit::Million);
    assert_eq!(
        message,
        "the figures add to 1,792,651; the document prints 1,792,652: 1 short, within the rounding of KRW 1,000,000 (the document rounded from won)"
    );
    assert!(problems[1]
        .message(Lang::Ko, Unit::Million)
        .contains("백만원 단위 반올림"));

    // A figure off by 10 is beyond the rounding: an error, where it shows.
    plan.apply(Edit::SetCell {
        owner: Owner::Program(1),
        source: "city".into(),
        column: Column::Year(2019),
        amount: million(180_010),
    })
    .unwrap();
    let problems = validate(&plan);
    let errors: Vec<_> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| (p.code.as_str(), p.location.cell_id()))
        .collect();
    assert_eq!(
        errors,
        vec![
            ("shares.mismatch", "program-1-total-total".to_string()),
            (
                "printed.mismatch",
                "program-1-source-city-printed-total".to_string()
            ),
            ("printed.mismatch", "program-1-total-y2019".to_string()),
        ]
    );
}

#[test]
fn the_plan_default_rounding_applies_unless_a_table_says_exact() {
    let mut plan = printed_estimate();
    plan.apply(Edit::SetRounding {
        table: RoundingTable::Plan,
        unit: Some(Unit::Million),
    })
    .unwrap();
    assert!(validate(&plan)
        .iter()
        .all(|p| p.code == Code::PrintedRounding));
    plan.apply(Edit::SetRounding {
        table: RoundingTable::Schedule(Owner::Program(1)),
        unit: Some(Unit::Won),
    })
    .unwrap();
    assert!(validate(&plan)
        .iter()
        .all(|p| p.code == Code::PrintedMismatch));
}

#[test]
fn the_slack_is_one_unit_per_figure_summed_plus_half_the_printed_unit() {
    let per_unit = Unit::Million.won_per_unit();
    assert_eq!(
        rounding_slack(3, Some(Unit::Million), Unit::Million),
        per_unit * d("3.5")
    );
    assert_eq!(rounding_slack(3, None, Unit::Million), per_unit * d("0.5"));
    assert_eq!(rounding_slack(0, None, Unit::Won), d("0.5"));

    // A column of three figures printed 3 units off is rounding; 4 is not.
    let mut plan = printed_estimate();
    plan.rounded_in = Some(Unit::Million);
    let cell = PrintedCell::ColumnTotal(Column::Year(2019));
    for (printed, code) in [
        (1_830_003, Code::PrintedRounding),
        (1_830_004, Code::PrintedMismatch),
    ] {
        plan.programs[0]
            .schedule
            .printed
            .insert(cell.clone(), million(printed));
        let problem = validate(&plan)
            .into_iter()
            .find(|p| p.location.cell_id() == "program-1-total-y2019")
            .unwrap();
        assert_eq!(problem.code, code, "{printed}");
    }
}

#[test]
fn a_printed_in_term_subtotal_and_before_column_are_checked() {
    let mut plan = printed_estimate();
    let schedule = &mut plan.programs[0].schedule;
    schedule.set("national", Column::Before, million(10));
    schedule
        .printed
        .insert(PrintedCell::InTerm, million(5_567_651));
    schedule
        .printed
        .insert(PrintedCell::RowInTerm("city".into()), million(547_748));
    schedule
        .printed
        .insert(PrintedCell::ColumnTotal(Column::Before), million(11));
    let ids: Vec<_> = validate(&plan)
        .into_iter()
        .map(|p| p.location.cell_id())
        .collect();
    assert!(
        ids.contains(&"program-1-total-before".to_string()),
        "{ids:?}"
    );
    assert!(
        !ids.contains(&"program-1-total-printed-in-term".to_string()),
        "{ids:?}"
    );
    assert!(
        !ids.contains(&"program-1-source-city-printed-in-term".to_string()),
        "{ids:?}"
    );
}

#[test]
fn a_printed_cell_is_a_field_whose_id_is_its_problem_s_cell() {
    let plan = printed_estimate();
    let field = Field::Printed {
        owner: Owner::Program(1),
        cell: PrintedCell::ColumnTotal(Column::Year(2018)),
    };
    assert_eq!(field.cell_id(), "program-1-total-y2018");
    let edit = field.accept(&plan, Unit::Million, "").unwrap().unwrap();
    let mut cleared = plan.clone();
    cleared.apply(edit).unwrap();
    assert!(!cleared.programs[0]
        .schedule
        .printed
        .contains_key(&PrintedCell::ColumnTotal(Column::Year(2018))));
    let edit = field
        .accept(&cleared, Unit::Million, "1,792,651")
        .unwrap()
        .unwrap();
    cleared.apply(edit).unwrap();
    assert_eq!(codes(&validate(&cleared)).len(), 1);
}

#[test]
fn the_average_column_foots_like_every_other_column() {
    let mut plan = printed_estimate();
    plan.programs[0].schedule.average = true;
    let grid = grid_model(&plan, Owner::Program(1), Unit::Million).unwrap();
    let averages: Vec<Decimal> = grid.rows.iter().map(|r| r.average.unwrap()).collect();
    // 4,866,173 ÷ 3 = 1,622,057.67; 547,748 ÷ 3 = 182,582.67; 153,730 ÷ 3 = 51,243.33;
    // the total 5,567,651 ÷ 3 = 1,855,883.67 shows as 1,855,884 and the rows foot to it.
    assert_eq!(averages[..3], [d("1622058"), d("182583"), d("51243")]);
    assert_eq!(grid.average, Some(d("1855884")));
    assert_eq!(averages.iter().copied().sum::<Decimal>(), d("1855884"));
    plan.programs[0].schedule.average = false;
    let grid = grid_model(&plan, Owner::Program(1), Unit::Million).unwrap();
    assert_eq!(grid.average, None);
}

#[test]
fn a_line_is_read_as_the_budget_book_prints_it() {
    // Inside the formula amounts are in won; the result after `=` and a bare
    // amount are in the table's unit.
    let line = read_line("5,000원 × 300부 = 1,500", Unit::Thousand).unwrap();
    assert_eq!(line.evaluated, Some(Amount::won(1_500_000)));
    assert_eq!(line.result, Some(thousand(1_500)));
    let bare = read_line("3,000", Unit::Thousand).unwrap();
    assert_eq!((bare.evaluated, bare.result), (Some(thousand(3_000)), None));
    let savings = read_line("△500,000원 × 2", Unit::Thousand).unwrap();
    assert_eq!(savings.evaluated, Some(thousand(-1_000)));
    let named = read_line("1,000원 × 10 = 10천원", Unit::Million).unwrap();
    assert_eq!(named.result, Some(Amount::won(10_000)));
    assert_eq!(read_line("  ", Unit::Thousand).unwrap().evaluated, None);
    let error = read_line("5,000원 × 300부 = 1,5x0", Unit::Thousand).unwrap_err();
    assert_eq!(
        error.position, 18,
        "the comma of 1,5x0, counted in the whole line"
    );
    let error = read_line("5,000원 × 300부 =  ", Unit::Thousand).unwrap_err();
    assert_eq!(error.kind, BasisErrorKind::ExpectedNumber);
}

#[test]
fn an_empty_stated_amount_is_nothing_to_check_and_negative_lines_are_adjustments() {
    let item = |basis: &str, stated: Option<i64>| LineItem {
        name: "항목".into(),
        basis: basis.into(),
        stated: stated.map(thousand),
    };
    let unit = Unit::Thousand;
    assert_eq!(
        check_line(&item("5,000원 × 300부", None), unit).difference,
        None
    );
    assert_eq!(
        check_line(&item("5,000원 × 300부", None), unit).amount,
        thousand(1_500)
    );
    let savings = check_line(&item("△250,000원 × 2", Some(-500)), unit);
    assert_eq!(savings.difference, Some(Amount::ZERO));
    let off = check_line(&item("5,000원 × 300부 = 1,400", Some(1_500)), unit);
    assert_eq!(
        off.stated,
        Some(thousand(1_400)),
        "the result after = is the stated amount"
    );
    assert_eq!(off.difference, Some(thousand(-100)));

    let mut plan = Plan::new("산출기초", YearRange::new(2020, 2020), Unit::Thousand);
    let mut program = Program::new(1, "홍보", YearRange::new(2020, 2020));
    program.budget = Some(YearBudget {
        this_year: thousand(4_000),
        prior_year: Amount::ZERO,
        printed_change: None,
    });
    program.line_items = vec![
        item("5,000원 × 300부 = 1,500", None),
        item("△250,000원 × 2", Some(-500)),
        item("3,000", None),
    ];
    assert_eq!(
        items_total(&program.line_items, unit),
        Some(thousand(4_000))
    );
    plan.programs.push(program);
    assert_eq!(validate(&plan), vec![]);
    plan.programs[0].budget.as_mut().unwrap().this_year = thousand(4_100);
    let problems = validate(&plan);
    assert_eq!(
        codes(&problems),
        vec![("items.mismatch", "program-1-items-total".to_string())]
    );
    assert_eq!(
        problems[0].message(Lang::En, Unit::Thousand),
        "the line items add to 4,000; the 예산액 is 4,100: 100 short"
    );
}

#[test]
fn typing_a_stated_amount_writes_the_result_after_equals() {
    let mut plan = Plan::new("산출기초", YearRange::new(2020, 2020), Unit::Thousand);
    let mut program = Program::new(1, "홍보", YearRange::new(2020, 2020));
    program.line_items.push(LineItem {
        name: "홍보물".into(),
        basis: "5,000원 × 300부 = 1,400".into(),
        stated: None,
    });
    plan.programs.push(program);
    let field = Field::LineItemStated {
        program: 1,
        index: 0,
    };
    assert_eq!(field.read(&plan), Some(Some(d("1400000"))));
    let edit = field
        .accept(&plan, Unit::Thousand, "1,500")
        .unwrap()
        .unwrap();
    plan.apply(edit).unwrap();
    assert_eq!(
        plan.programs[0].line_items[0].basis,
        "5,000원 × 300부 = 1,500"
    );
    assert_eq!(validate(&plan), vec![]);
    let edit = field.accept(&plan, Unit::Thousand, "").unwrap().unwrap();
    plan.apply(edit).unwrap();
    assert_eq!(plan.programs[0].line_items[0].basis, "5,000원 × 300부");
    assert_eq!(plan.programs[0].line_items[0].stated, None);
}

/// Five shares of 1,000,000 whose exact shares (42.0000, 7.5555, 15.4650,
/// 22.2850, 12.6945) print, each rounded on its own, as DOMAIN.md §2's
/// 42.00 + 7.56 + 15.47 + 22.29 + 12.69 = 100.01.
fn five_source_split() -> Plan {
    let mut plan = Plan::new("재원 분담", YearRange::new(2020, 2020), Unit::Thousand);
    plan.sources
        .push(planner_core::model::plan::FundingSource::new(
            "fund", "기금", "Fund",
        ));
    let mut program = Program::new(1, "다섯 재원", YearRange::new(2020, 2020));
    program.schedule = Schedule::single_year(
        2020,
        &[
            ("national", thousand(420_000)),
            ("city", thousand(75_555)),
            ("district", thousand(154_650)),
            ("other", thousand(222_850)),
            ("fund", thousand(126_945)),
        ],
    );
    program.stated_total = Some(Stated {
        amount: thousand(1_000_000),
        unit: Unit::Thousand,
    });
    plan.programs.push(program);
    plan
}

#[test]
fn two_decimal_shares_foot_to_100_by_largest_remainder() {
    let plan = five_source_split();
    let shares: Vec<Amount> = plan.programs[0]
        .schedule
        .rows
        .iter()
        .map(|r| r.total())
        .collect();
    let (two, total) = share_percents(&shares, thousand(1_000_000), 2).unwrap();
    assert_eq!(
        two,
        ["42.00", "7.56", "15.46", "22.29", "12.69"].map(d).to_vec()
    );
    assert_eq!(total.to_string(), "100.00");
    let (one, total) = share_percents(&shares, thousand(1_000_000), 1).unwrap();
    assert_eq!(one, ["42.0", "7.5", "15.5", "22.3", "12.7"].map(d).to_vec());
    assert_eq!(total.to_string(), "100.0");
}

#[test]
fn printed_shares_adding_to_100_01_are_explained_as_rounding() {
    let mut plan = five_source_split();
    for (source, share) in [
        ("national", "42.00"),
        ("city", "7.56"),
        ("district", "15.47"),
        ("other", "22.29"),
        ("fund", "12.69"),
    ] {
        let field = Field::PrintedShare {
            program: 1,
            source: source.into(),
        };
        let edit = field.accept(&plan, Unit::Thousand, share).unwrap().unwrap();
        plan.apply(edit).unwrap();
    }
    let problems = validate(&plan);
    assert_eq!(
        codes(&problems),
        vec![(
            "shares.printed_rounding",
            "program-1-total-printed-percent".to_string()
        )]
    );
    assert_eq!(problems[0].severity, Severity::Warning);
    let message = problems[0].message(Lang::En, Unit::Thousand);
    assert!(
        message.starts_with("the printed shares add to 100.01%"),
        "{message}"
    );
    assert!(
        message.contains("7.5555%") && message.contains("22.285%"),
        "{message}"
    );

    // A printed share that is not its source's share rounded is an error there.
    plan.apply(Edit::SetPrintedShare {
        program: 1,
        source: "city".into(),
        share: Some(d("7.65")),
    })
    .unwrap();
    let problems = validate(&plan);
    assert_eq!(
        codes(&problems),
        vec![(
            "shares.printed_mismatch",
            "program-1-source-city-printed-percent".to_string()
        )]
    );
}

#[test]
fn the_status_table_s_printed_totals_and_changes_are_checked() {
    let mut plan = planner_core::fixtures::demo::demo_plan();
    assert_eq!(validate(&plan), vec![]);
    // The demo's status table adds to 3,103,466 (this year) and 2,125,846 (prior).
    let this_year: Amount = plan.budget_rows().map(|(_, b)| b.this_year).sum();
    let prior_year: Amount = plan.budget_rows().map(|(_, b)| b.prior_year).sum();
    for (column, amount) in [
        (StatusColumn::ThisYear, this_year),
        (StatusColumn::PriorYear, prior_year),
        (StatusColumn::Change, this_year - prior_year + thousand(1)),
    ] {
        plan.apply(Edit::SetStatusPrinted {
            column,
            amount: Some(amount),
        })
        .unwrap();
    }
    let id = plan.programs[0].id;
    let change = plan.programs[0].budget.unwrap().change();
    plan.apply(Edit::SetPrintedChange {
        program: id,
        amount: Some(change),
    })
    .unwrap();
    assert_eq!(
        codes(&validate(&plan)),
        vec![("printed.mismatch", "plan-status-total-change".to_string())]
    );
    plan.apply(Edit::SetRounding {
        table: RoundingTable::Status,
        unit: Some(Unit::Thousand),
    })
    .unwrap();
    assert_eq!(
        codes(&validate(&plan)),
        vec![("printed.rounding", "plan-status-total-change".to_string())]
    );
    // A negative printed change (△21,634) is what the status hint shows: it is taken.
    let field = Field::PrintedChange { program: id };
    assert!(field.accept(&plan, Unit::Thousand, "△21,634").is_ok());
}

#[test]
fn line_items_and_the_average_are_in_the_csv() {
    let mut plan = printed_estimate();
    plan.programs[0].schedule.average = true;
    plan.programs[0].line_items = vec![LineItem {
        name: "홍보물".into(),
        basis: "5,000원 × 300부".into(),
        stated: None,
    }];
    let csv = String::from_utf8(planner_core::render::csv::plan_csv(&plan, Lang::Ko)).unwrap();
    let item = csv
        .lines()
        .find(|l| l.starts_with("산출기초,"))
        .expect("a line item row");
    assert!(item.contains(",홍보물,"), "{item}");
    assert!(item.contains(",1500000,1.5,"), "{item}");
    assert!(item.ends_with(",\"5,000원 × 300부 = 1.5\""), "{item}");
    let average = csv
        .lines()
        .find(|l| l.contains(",연평균,national,"))
        .expect("an average row");
    // 4,866,173 백만원 ÷ 3 to the won.
    assert!(average.contains(",1622057666667,"), "{average}");
}

#[test]
fn every_hint_s_example_is_accepted_where_the_hint_shows_it() {
    use planner_core::change::edit::BudgetColumn;
    use planner_core::Msg;
    let plan = planner_core::fixtures::demo::demo_plan();
    for lang in [Lang::Ko, Lang::En] {
        // The status table: amounts for 예산액, cuts (△) for the printed 증감.
        let status = Msg::EditHint.text(lang);
        let budget = Field::Budget {
            program: 4,
            column: BudgetColumn::ThisYear,
        };
        for example in ["1,234,567", "1234567"] {
            assert!(status.contains(example), "{example}");
            let edit = budget
                .accept(&plan, Unit::Thousand, example)
                .unwrap()
                .unwrap();
            let mut taken = plan.clone();
            taken.apply(edit).unwrap();
            assert_eq!(validate(&taken), vec![], "{example} is a clean 예산액");
        }
        let change = Field::PrintedChange { program: 4 };
        for example in ["△21,634", "-21634"] {
            assert!(status.contains(example), "{example}");
            let edit = change
                .accept(&plan, Unit::Thousand, example)
                .unwrap()
                .unwrap();
            let mut taken = plan.clone();
            taken.apply(edit).unwrap();
            // 기본경비's change is exactly △21,634: the example is clean there.
            assert_eq!(validate(&taken), vec![], "{example} is the printed change");
        }
        // The line items: every example reads, in the table's unit.
        let items = Msg::ItemsHint.text(lang);
        let examples = match lang {
            Lang::Ko => [
                "5,000원 × 300부 = 1,500",
                "2,000,000원 × 3명 × 12개월",
                "(1,000원 + 500원) × 4회",
                "3,000",
                "△250,000원 × 2",
            ],
            Lang::En => [
                "5,000 won × 300 copies = 1,500",
                "2,000,000 won × 3 people × 12 months",
                "(1,000 won + 500 won) × 4 times",
                "3,000",
                "△250,000 won × 2",
            ],
        };
        for example in examples {
            assert!(items.contains(example), "{example}");
            let item = LineItem {
                name: "예".into(),
                basis: example.into(),
                stated: None,
            };
            let check = check_line(&item, Unit::Thousand);
            assert!(check.error.is_none(), "{example}: {:?}", check.error);
            assert!(
                check.difference.is_none_or(|d| d.is_zero()),
                "{example} states what it evaluates to"
            );
        }
    }
}

#[test]
fn a_slide_can_show_its_shares_with_other_decimals_than_the_plan() {
    let mut plan = five_source_split();
    let slide = planner_core::views::deck::program_slide(&plan, 1).unwrap();
    assert_eq!(
        slide.percents,
        ["42.0", "7.5", "15.5", "22.3", "12.7"].map(d).to_vec()
    );
    plan.apply(Edit::SetSlideShareDecimals {
        slide: "program-1".into(),
        decimals: Some(2),
    })
    .unwrap();
    let slide = planner_core::views::deck::program_slide(&plan, 1).unwrap();
    assert_eq!(
        slide
            .percents
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>(),
        ["42.00", "7.56", "15.46", "22.29", "12.69"]
    );
    // Kept in the file.
    let text = planner_core::file::encode(&plan, "test", "2026-12-01T00:00:00Z");
    let back = planner_core::file::decode(&text).unwrap();
    assert_eq!(back.plan.deck.share_decimals.get("program-1"), Some(&2));
}
