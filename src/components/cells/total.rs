//! A derived total cell that can hold the figure as a document prints it:
//! the schedule grid's 총계, 소계 and 계 row, the status table's 계 row and 증감.

use leptos::prelude::*;
use planner_core::change::field::Field;
use planner_core::model::amount::format_figure;
use planner_core::rules::validate::Severity;
use planner_core::Unit;
use rust_decimal::Decimal;

use crate::components::cells::figure::FigureCell;
use crate::state::{use_nav, use_session};

/// How a printed total compares with the computed one: the three looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Look {
    Equal,
    Rounding,
    Wrong,
}

/// A derived total cell: the computed figure, and while printed totals are
/// checked the printed figure under it (the one figure cell over `field`,
/// unless `input` is false because the figure is typed elsewhere, as the
/// stated total is). Equal, within rounding or wrong each have their look,
/// taken from the one list of problems at the printed figure's cell.
#[component]
pub fn TotalCell(
    /// The computed figure, in the shown unit (footed).
    figure: Signal<Decimal>,
    /// The computed figure's test id (its text is the figure alone); the cell
    /// carries it as `data-total`.
    testid: String,
    /// The printed figure's field (its cell id is where validation marks it).
    field: Field,
    /// Whether the printed figure is typed here (not when typed elsewhere).
    input: bool,
    /// Whether printed figures are being typed and checked.
    checking: Signal<bool>,
    /// The unit the table is shown in.
    unit: Signal<Unit>,
    /// The printed figure's label for screen readers.
    label: Signal<String>,
) -> impl IntoView {
    let session = use_session();
    let nav = use_nav();
    let lang = move || nav.lang.get();
    let id = field.cell_id();
    let problem = Memo::new(move |_| session.problem_at(&id).map(|p| p.severity));
    let stored = StoredValue::new(field.clone());
    let printed = Memo::new(move |_| {
        session
            .plan
            .with(|p| stored.with_value(|f| f.read(p).flatten().is_some()))
    });
    let look = move || {
        printed.get().then(|| match problem.get() {
            Some(Severity::Error) => Look::Wrong,
            Some(Severity::Warning) => Look::Rounding,
            None => Look::Equal,
        })
    };
    let marker = move || match look() {
        Some(Look::Equal) => ("✓", lang().pick("문서와 일치", "matches the document")),
        Some(Look::Rounding) => ("≈", lang().pick("반올림 차이", "rounding difference")),
        Some(Look::Wrong) => ("≠", lang().pick("문서와 다름", "differs from the document")),
        None => ("", ""),
    };
    let total_id = testid.clone();
    view! {
        <td
            class="num derived total-cell"
            class:negative=move || figure.get().is_sign_negative() && !figure.get().is_zero()
            class:printed-equal=move || look() == Some(Look::Equal)
            class:printed-rounding=move || look() == Some(Look::Rounding)
            class:printed-wrong=move || look() == Some(Look::Wrong)
            data-total=total_id
        >
            <span class="computed" data-testid=testid>{move || format_figure(figure.get())}</span>
            <Show when=move || look().is_some()>
                <span class="printed-look" title=move || marker().1>
                    <span aria-hidden="true">{move || marker().0}</span>
                    <span class="visually-hidden">{move || marker().1}</span>
                </span>
            </Show>
            {input.then(|| view! {
                <Show when=move || checking.get()>
                    <div class="printed-input">
                        <FigureCell field=stored.get_value() label unit class="printed" placeholder=""/>
                    </div>
                </Show>
            })}
        </td>
    }
}
