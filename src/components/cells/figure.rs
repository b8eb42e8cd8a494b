//! The one figure cell: every figure a planner types, in every view, is this
//! component over a [`Field`] of the plan. What it does (docs/ARCHITECTURE.md
//! states it as the cell's contract):
//!
//! - Entering it (a click anywhere in it, Tab, Enter from the cell above, a
//!   link from the problems panel) selects its whole text, as a spreadsheet
//!   does, so typing replaces the figure.
//! - The plan only ever holds the value of the cell's complete text. While
//!   the text cannot be taken (unreadable, beyond its limit), the plan keeps
//!   the value it had when the cell was entered, and the text is a draft
//!   ([`crate::state::drafts`]): shown in the cell with its message, listed in the
//!   problems panel, kept across view changes and reloads.
//! - Esc puts back the value the cell had when it was entered.
//! - Enter moves to the cell below (or shows the figure in its table format).
//! - A single pasted value is read like typed text (the line break a
//!   spreadsheet adds is dropped); a block goes to the table's own paste.
//!
//! Its id is the field's validation cell id, and its mark and message come
//! from the one list of problems ([`crate::state::Session::problem_at`]).

use leptos::ev::{ClipboardEvent, FocusEvent, KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use planner_core::change::field::{Draft, Field};
use planner_core::rules::validate::Severity;
use planner_core::views::paste::{single_value, Block};
use planner_core::Lang;
use planner_core::{Edit, Unit};
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use crate::state::{use_nav, use_session, Session};

/// The message under a marked cell: a symbol and a word say error or warning
/// (not colour alone), then what is wrong. Its id is what the cell's
/// `aria-describedby` points at.
#[component]
pub fn CellMessage(
    /// The element id (`{cell id}-msg`).
    id: String,
    /// The severity and text, if the cell is marked.
    message: Signal<Option<(Severity, String)>>,
) -> impl IntoView {
    let nav = use_nav();
    let text = move || {
        message.get().map(|(severity, text)| {
            let lang = nav.lang.get();
            let (symbol, word) = match severity {
                Severity::Error => ("⚠ ", lang.pick("오류", "Error")),
                Severity::Warning => ("ⓘ ", lang.pick("경고", "Warning")),
            };
            view! {
                <span class="marker" aria-hidden="true">{symbol}</span>
                <strong>{word}": "</strong>
                {text}
            }
        })
    };
    let class = move || match message.with(|m| m.as_ref().map(|m| m.0)) {
        Some(Severity::Warning) => "cell-message warning",
        _ => "cell-message",
    };
    view! { <span class=class id=id role="status">{text}</span> }
}

/// The mark of a cell: its worst problem's severity and message, from the
/// one list of problems, with money quoted in `unit`. Every marked input
/// (figure cells, names, bases, derived totals) takes its mark from here.
pub fn cell_mark(
    session: Session,
    lang: RwSignal<Lang>,
    cell_id: String,
    unit: impl Fn() -> Unit + Send + Sync + 'static,
) -> Signal<Option<(Severity, String)>> {
    let problem = Memo::new(move |_| session.problem_at(&cell_id));
    Signal::derive(move || {
        problem.with(|p| {
            p.as_ref()
                .map(|p| (p.severity, p.message(lang.get(), unit())))
        })
    })
}

/// One figure input, labelled for screen readers with its row and column.
#[component]
pub fn FigureCell(
    /// The figure it edits.
    field: Field,
    /// "row · column", read out by screen readers.
    #[prop(into)]
    label: Signal<String>,
    /// The unit money is typed and shown in, when a table shows another unit
    /// than the plan's (a pledge card in 백만원); the plan's otherwise.
    #[prop(optional, into)]
    unit: Option<Signal<Unit>>,
    /// Extra classes of the input (`percent`, `weight`, `quantity`, `short`).
    #[prop(optional)]
    class: &'static str,
    /// What an empty cell shows (a quantity not reported: `-`).
    #[prop(optional)]
    placeholder: &'static str,
) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let cell_id = field.cell_id();
    let message_id = format!("{cell_id}-msg");
    let unit_now = move || unit.map_or_else(|| session.unit.get(), |u| u.get());
    let unit_untracked = move || {
        unit.map_or_else(
            || session.plan.with_untracked(|p| p.unit),
            |u| u.get_untracked(),
        )
    };
    let field = StoredValue::new(field);
    // A figure's digits after the point are part of what the cell shows
    // (a share of 42.0 becomes 42.00 when the plan shows two decimals), so
    // the same number at another scale is a change too.
    let value = Memo::new_with_compare(
        move |_| {
            session
                .plan
                .with(|p| field.with_value(|f| f.read(p).flatten()))
        },
        |a, b| {
            let shown = |v: Option<&Option<Decimal>>| v.map(|v| v.map(|d| (d, d.scale())));
            shown(a) != shown(b)
        },
    );
    let draft = {
        let id = cell_id.clone();
        Memo::new(move |_| session.draft_at(&id))
    };
    // The text being typed while it means the plan's value, and the value the
    // plan held right after this cell's own last edit: a different value
    // means an undo or another view changed it, and the cell shows that.
    let typed = RwSignal::new(None::<String>);
    let own = RwSignal::new(None::<Option<Decimal>>);
    // What the plan held when the cell was entered, as the edit that puts it
    // back: what Esc and a refused text restore.
    let entered_with = StoredValue::new(None::<Edit>);
    let remember_entry = move || {
        let restore = session
            .plan
            .with_untracked(|p| field.with_value(|f| f.restore_edit(p)));
        entered_with.set_value(restore);
    };
    let just_entered = StoredValue::new(false);

    let shown_text = move || {
        if let Some(text) = draft.get() {
            return text;
        }
        let now = value.get();
        match typed.get() {
            Some(text) if own.get() == Some(now) => text,
            _ => field.with_value(|f| f.format(unit_now())).edit_text(now),
        }
    };

    let restore_entered = move || {
        let Some(before) = entered_with.get_value() else {
            return;
        };
        let now = session
            .plan
            .with_untracked(|p| field.with_value(|f| f.restore_edit(p)));
        if now.as_ref() != Some(&before) {
            session.dispatch(before);
        }
    };

    // The heart of the cell: the whole text is taken, or kept as a draft
    // while the plan goes back to the value the cell was entered with.
    let take_text = move |text: String| {
        if entered_with.with_value(Option::is_none) {
            remember_entry();
        }
        let unit = unit_untracked();
        let id = field.with_value(Field::cell_id);
        let accepted = session
            .plan
            .with_untracked(|p| field.with_value(|f| f.accept(p, unit, &text)));
        let taken = match accepted {
            Ok(None) => true,
            Ok(Some(edit)) => session.dispatch_checked(edit),
            Err(_) => false,
        };
        if taken {
            session.clear_draft(&id);
            typed.set(Some(text));
            own.set(Some(value.get_untracked()));
        } else {
            typed.set(None);
            restore_entered();
            session.set_draft(Draft {
                field: field.get_value(),
                text,
                unit,
            });
        }
    };

    // A locked (adopted) stage's money is read-only: a key that would type
    // says so instead.
    let read_only = Memo::new(move |_| {
        field.with_value(Field::is_stage_money) && session.plan.with(|p| p.stages.current_locked())
    });
    let on_input = move |ev| take_text(event_target_value(&ev));
    let on_focus = move |ev: FocusEvent| {
        remember_entry();
        just_entered.set_value(true);
        if let Some(input) = input_of(&ev) {
            input.select();
        }
    };
    // A cell entered by a click keeps its figure selected (typing replaces
    // it): the click's own mouseup would otherwise drop the selection.
    let on_mouseup = move |ev: MouseEvent| {
        if just_entered.get_value() {
            just_entered.set_value(false);
            ev.prevent_default();
        }
    };
    // Leaving a taken entry shows it in the table's own format; a draft stays
    // as typed. A focused cell that is removed (its row deleted, the view
    // changed) gets a blur after its signals are gone: then nothing is done.
    let on_blur = move |_| {
        typed.try_set(None);
        just_entered.try_set_value(false);
    };
    // The figure in its table form, selected (written at once, so the
    // selection is not lost when the view catches up).
    let show_selected = move |input: &HtmlInputElement| {
        typed.set(None);
        let text = session.plan.with_untracked(|p| {
            field.with_value(|f| f.format(unit_untracked()).edit_text(f.read(p).flatten()))
        });
        input.set_value(&text);
        input.select();
    };
    let on_keydown = move |ev: KeyboardEvent| {
        just_entered.set_value(false);
        let Some(input) = input_of(&ev) else { return };
        if read_only.get_untracked() {
            refuse_key(session, &ev);
            return;
        }
        match ev.key().as_str() {
            "Escape" => {
                session.clear_draft(&field.with_value(Field::cell_id));
                restore_entered();
                show_selected(&input);
            }
            "Enter" if !(ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.shift_key()) => {
                ev.prevent_default();
                if !focus_cell_below(&input) && draft.get_untracked().is_none() {
                    show_selected(&input);
                }
            }
            _ => {}
        }
    };
    let on_paste = move |ev: ClipboardEvent| {
        if read_only.get_untracked() {
            ev.prevent_default();
            session.refuse_locked();
            return;
        }
        let Some(text) = clipboard_text(&ev) else {
            return;
        };
        let Some(input) = input_of(&ev) else { return };
        // A block goes to the table that holds the cell, when it takes blocks.
        if Block::is_block(&text) && input.closest("[data-paste-block]").ok().flatten().is_some() {
            return;
        }
        ev.prevent_default();
        let pasted = if Block::is_block(&text) {
            text.trim_end_matches(['\r', '\n'])
        } else {
            single_value(&text)
        };
        // The pasted text replaces the selection, as typing it would.
        let now: Vec<u16> = input.value().encode_utf16().collect();
        let len = now.len() as u32;
        let start = input
            .selection_start()
            .ok()
            .flatten()
            .unwrap_or(len)
            .min(len) as usize;
        let end = input.selection_end().ok().flatten().unwrap_or(len).min(len) as usize;
        let (start, end) = (start.min(end), start.max(end));
        let mut next: Vec<u16> = now[..start].to_vec();
        next.extend(pasted.encode_utf16());
        let caret = next.len() as u32;
        next.extend_from_slice(&now[end..]);
        let text = String::from_utf16_lossy(&next);
        input.set_value(&text);
        let _ = input.set_selection_range(caret, caret);
        take_text(text);
    };

    let mark = cell_mark(session, nav.lang, cell_id.clone(), unit_now);
    let severity = move || mark.with(|m| m.as_ref().map(|m| m.0));
    let marked = move || severity().is_some();
    let described_by = message_id.clone();
    let input_class = format!("amount figure {class}");

    view! {
        <div
            class="cell-editor"
            class:invalid=move || severity() == Some(Severity::Error)
            class:warned=move || severity() == Some(Severity::Warning)
        >
            <input
                id=cell_id
                type="text"
                inputmode="text"
                autocomplete="off"
                spellcheck="false"
                class=input_class
                placeholder=placeholder
                readonly=move || read_only.get()
                aria-readonly=move || read_only.get().then_some("true")
                aria-label=move || label.get()
                aria-invalid=move || if severity() == Some(Severity::Error) { "true" } else { "false" }
                aria-describedby=move || marked().then(|| described_by.clone())
                prop:value=shown_text
                on:input=on_input
                on:focusin=on_focus
                on:mouseup=on_mouseup
                on:blur=on_blur
                on:keydown=on_keydown
                on:paste=on_paste
            />
            <Show when=marked>
                <CellMessage id=message_id.clone() message=mark/>
            </Show>
        </div>
    }
}

/// For a read-only text box of a locked stage's money (a line item's name or
/// basis, a share's note): a key that would type says the stage is locked.
pub fn refuse_if_locked(session: Session, ev: &KeyboardEvent) {
    if session.plan.with_untracked(|p| p.stages.current_locked()) {
        refuse_key(session, ev);
    }
}

/// In a read-only cell of a locked stage: a key that would change its text
/// is cancelled and the refusal said; moving keys (Tab, arrows) go on.
fn refuse_key(session: Session, ev: &KeyboardEvent) {
    let key = ev.key();
    let types = key.chars().count() == 1 && !(ev.ctrl_key() || ev.meta_key() || ev.alt_key());
    if types || key == "Backspace" || key == "Delete" {
        ev.prevent_default();
        session.refuse_locked();
    }
}

fn input_of(ev: &leptos::ev::Event) -> Option<HtmlInputElement> {
    ev.target()?.dyn_into::<HtmlInputElement>().ok()
}

/// The text of a paste event, read through the DOM (no extra web-sys features).
pub fn clipboard_text(ev: &ClipboardEvent) -> Option<String> {
    let data = js_sys::Reflect::get(ev, &"clipboardData".into()).ok()?;
    if data.is_null() || data.is_undefined() {
        return None;
    }
    let get_data: js_sys::Function = js_sys::Reflect::get(&data, &"getData".into())
        .ok()?
        .dyn_into()
        .ok()?;
    get_data
        .call1(&data, &"text/plain".into())
        .ok()?
        .as_string()
}

/// Moves the focus to the figure cell below `input` in its table (the same
/// column of the next row that has one), as Enter does in a spreadsheet.
fn focus_cell_below(input: &HtmlInputElement) -> bool {
    let Some(cell) = input.closest("td").ok().flatten() else {
        return false;
    };
    let Some(row) = cell.parent_element() else {
        return false;
    };
    let index = position_in(&row, &cell);
    let Some(table) = row.closest("table").ok().flatten() else {
        return false;
    };
    let Ok(rows) = table.query_selector_all("tr") else {
        return false;
    };
    let mut past = false;
    for i in 0..rows.length() {
        let Some(other) = rows.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if !past {
            past = other == row;
            continue;
        }
        let target = other
            .children()
            .item(index)
            .and_then(|c| c.query_selector("input.figure").ok().flatten());
        if let Some(target) = target {
            return target.unchecked_into::<HtmlElement>().focus().is_ok();
        }
    }
    false
}

/// The position of `child` among `parent`'s element children.
fn position_in(parent: &Element, child: &Element) -> u32 {
    let children = parent.children();
    (0..children.length())
        .find(|i| children.item(*i).as_ref() == Some(child))
        .unwrap_or(0)
}
