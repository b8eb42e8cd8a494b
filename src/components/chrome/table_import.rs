//! The import dialog for tables (issue 19): a workbook, a CSV file or a
//! copied range read into sheets, the tables found in them with what each is,
//! its rows, unit, target and column mapping (all guessed, all changeable), and
//! a preview of every figure to be added or replaced and every problem found —
//! before anything changes. It adds to the open plan as one undoable step, or
//! creates a new plan. This is in the import dialog's part: the workbook
//! reader (calamine) is loaded only when a table is imported.

use leptos::prelude::*;
use planner_core::file::import::{
    find_tables, new_plan_for, preview, read_file, text_sheet, ImportError, Kind, Preview, Role,
    Severity, Table, Target,
};
use planner_core::file::table::TableError;
use planner_core::file::workbook::Sheet;
use planner_core::model::amount::Unit;
use planner_core::model::plan::{Plan, YearRange};
use planner_core::model::words::unit_name;
use planner_core::rules::validate::count_by_severity;
use planner_core::views::locate::describe;
use planner_core::Lang;

use crate::state::import::{TableFile, TableInput};
use crate::state::{use_import, use_nav, use_session};

/// Where the import goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Destination {
    NewPlan,
    OpenPlan,
}

/// The table import: the read file's tables to map, the preview, the choice.
#[component]
pub fn TableImport(
    /// The file or range being imported.
    file: TableFile,
) -> impl IntoView {
    let nav = use_nav();
    let import = use_import();
    let read = match &file.input {
        TableInput::Bytes(bytes) => read_file(&stem(&file.source), bytes),
        TableInput::Pasted(text) => text_sheet(&file.source, text).map(|s| vec![s]),
        TableInput::TooLarge(bytes) => {
            Err(ImportError::Table(TableError::TooLarge { bytes: *bytes }))
        }
    };
    match read {
        Err(error) => {
            let source = file.source.clone();
            view! {
                <h2 id="import-title">{move || nav.lang.get().pick("이 파일은 가져올 수 없습니다", "This file cannot be imported")}</h2>
                <p class="form-error" role="alert" data-testid="import-error">
                    <span aria-hidden="true">"⚠ "</span>
                    {move || format!("{source}: {}", error.message(nav.lang.get()))}
                </p>
                <div class="actions">
                    <button type="button" on:click=move |_| import.cancel()>{move || nav.lang.get().pick("닫기", "Close")}</button>
                </div>
            }
            .into_any()
        }
        Ok(sheets) => view! { <Mapping source=file.source.clone() sheets=sheets/> }.into_any(),
    }
}

/// A file name without its extension: the new plan's title, a CSV's sheet name.
fn stem(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.len() <= 5 => stem.to_string(),
        _ => name.to_string(),
    }
}

/// A table's cells as a spreadsheet names them: `A3:D9`.
fn range_of(table: &Table, sheet: &Sheet) -> String {
    use planner_core::file::import::cell_ref;
    let width = sheet.rows[table.header..=table.last.max(table.header)]
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(1);
    format!(
        "{}:{}",
        cell_ref(table.header, 0),
        cell_ref(table.last, width.saturating_sub(1))
    )
}

#[component]
fn Mapping(source: String, sheets: Vec<Sheet>) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let import = use_import();
    let has_open = session.id.get_untracked().is_some();
    let open_title = session.plan.with_untracked(|p| p.title.clone());
    let guess_plan = if has_open {
        session.plan.get_untracked()
    } else {
        Plan::new("", YearRange::new(2025, 2029), Unit::Thousand)
    };
    let found = find_tables(&sheets, &guess_plan);
    let count = found.len();
    let tables = RwSignal::new(found);
    // A workbook of hundreds of tables (a district's own export) lists them
    // folded, the first ones only until asked: each lists its columns' choices.
    let shown = RwSignal::new(count.min(SHOWN_TABLES));
    let app_csv = tables.with_untracked(|t| t.iter().any(|t| t.kind == Kind::AppCsv));
    let into = RwSignal::new(if has_open && !app_csv {
        Destination::OpenPlan
    } else {
        Destination::NewPlan
    });
    let title = stem(&source);
    let sheets = StoredValue::new(sheets);
    let base = move || -> Plan {
        match into.get() {
            Destination::OpenPlan => session.plan.get(),
            Destination::NewPlan => {
                tables.with(|t| sheets.with_value(|s| new_plan_for(s, t, &title, guess_plan.years)))
            }
        }
    };
    let result = Memo::new(move |_| {
        let lang = nav.lang.get();
        let base = base();
        tables.with(|t| sheets.with_value(|s| preview(&base, s, t, lang)))
    });
    let lang = move || nav.lang.get();
    let sheet_count = sheets.with_value(Vec::len);
    let summary = move || {
        let lang = lang();
        match lang {
            Lang::Ko => format!("{source}: 시트 {sheet_count}개에서 표 {count}개를 찾았습니다. 각 표가 무엇인지, 어느 행과 열을 읽을지 확인하세요. 아래 미리 보기를 보고 가져오기 전까지는 아무것도 바뀌지 않습니다."),
            Lang::En => format!("{source}: {count} tables found in {sheet_count} sheets. Check what each table is and which rows and columns are read. Nothing changes until you import below."),
        }
    };
    let act = move |_| {
        let preview = result.get_untracked();
        match into.get_untracked() {
            Destination::NewPlan => import.add_new(preview.plan),
            Destination::OpenPlan => import.table_into_open(preview.edit),
        }
    };
    let nothing = move || result.with(|p| p.changes.is_empty());
    view! {
        <h2 id="import-title">{move || lang().pick("표 가져오기", "Import a table")}</h2>
        <p class="hint">{summary}</p>
        {(count == 0).then(|| view! {
            <p class="form-error" role="alert" data-testid="import-error">
                {move || lang().pick(
                    "이 파일에서 표를 찾지 못했습니다: 제목 행 아래에 숫자가 있는 행이 있어야 합니다. 아무것도 바뀌지 않았습니다.",
                    "No table was found in this file: a table is a row of headings with rows of figures under it. Nothing changed.",
                )}
            </p>
        })}
        <div class="import-tables">
            {move || (0..shown.get()).map(|i| view! { <TableCard index=i open=count <= OPEN_TABLES tables=tables sheets=sheets/> }).collect_view()}
        </div>
        {move || (shown.get() < count).then(|| view! {
            <p>
                <button type="button" on:click=move |_| shown.set(count)>
                    {move || match lang() {
                        Lang::Ko => format!("표 {}개 더 보기 (보이지 않아도 설정대로 가져옵니다)", count - shown.get()),
                        Lang::En => format!("Show {} more tables (they import as set even when not shown)", count - shown.get()),
                    }}
                </button>
            </p>
        })}
        <PreviewPanel result=result/>
        <fieldset class="import-into">
            <legend>{move || lang().pick("가져올 곳", "Import into")}</legend>
            <label>
                <input type="radio" name="import-into" prop:checked=move || into.get() == Destination::NewPlan on:change=move |_| into.set(Destination::NewPlan)/>
                {move || lang().pick("새 계획", "A new plan")}
            </label>
            {has_open.then(|| view! {
                <label>
                    <input type="radio" name="import-into" prop:checked=move || into.get() == Destination::OpenPlan on:change=move |_| into.set(Destination::OpenPlan)/>
                    {let t = open_title.clone(); move || match lang() { Lang::Ko => format!("열린 계획 “{t}”"), Lang::En => format!("The open plan “{t}”") }}
                </label>
            })}
        </fieldset>
        <div class="actions">
            <button type="button" class="primary" data-testid="import-tables" prop:disabled=nothing on:click=act>
                {move || match into.get() {
                    Destination::NewPlan => lang().pick("새 계획으로 가져오기", "Import as a new plan"),
                    Destination::OpenPlan => lang().pick("이 계획에 추가 (한 번에 되돌리기)", "Add to this plan (one undo step)"),
                }}
            </button>
            <button type="button" on:click=move |_| import.cancel()>{move || lang().pick("취소", "Cancel")}</button>
        </div>
    }
}

/// One table found: include it, what it is, its rows, unit, target and columns.
#[component]
fn TableCard(
    index: usize,
    /// Whether its mapping shows at first (a file of many tables starts folded).
    open: bool,
    tables: RwSignal<Vec<Table>>,
    sheets: StoredValue<Vec<Sheet>>,
) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let lang = move || nav.lang.get();
    let get = move || tables.with(|t| t[index].clone());
    let edit = move |f: &dyn Fn(&mut Table)| tables.update(|t| f(&mut t[index]));
    let first = get();
    let (sheet_name, range, width, header_row) = sheets.with_value(|s| {
        let sheet = &s[first.sheet];
        let width = sheet.rows[first.header..=first.last.max(first.header)]
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(0);
        (
            sheet.name.clone(),
            range_of(&first, sheet),
            width,
            sheet.rows[first.header].clone(),
        )
    });
    let rows_in_sheet = sheets.with_value(|s| s[first.sheet].rows.len());
    let titles = first.titles.join(" · ");
    let header_cells = StoredValue::new(header_row.clone());
    let years = move || {
        let mut years: Vec<i32> = session.plan.with(|p| p.years.years().collect());
        years.extend(tables.with(|t| t[index].years().collect::<Vec<_>>()));
        header_cells.with_value(|cells| {
            years.extend(
                cells
                    .iter()
                    .filter_map(|c| planner_core::file::import::header_year(c)),
            )
        });
        years.sort_unstable();
        years.dedup();
        years
    };
    let header_for_guess = header_row.clone();
    let set_kind = move |key: String| {
        if let Some(kind) = Kind::from_key(&key) {
            let roles = planner_core::file::import::guess_roles(kind, &header_for_guess);
            edit(&|t: &mut Table| {
                t.kind = kind;
                t.include = kind != Kind::Skip;
                t.roles = roles.clone();
                t.roles.resize(width, Role::Skip);
            });
        }
    };
    let kind_options = move || {
        let lang = lang();
        let current = tables.with(|t| t[index].kind);
        Kind::ALL
            .into_iter()
            .filter(|k| *k != Kind::AppCsv || current == Kind::AppCsv)
            .map(|k| view! { <option value=k.key() prop:selected=k == current>{k.name(lang)}</option> })
            .collect_view()
    };
    let unit_options = move || {
        let lang = lang();
        let current = tables.with(|t| t[index].unit);
        [Unit::Won, Unit::Thousand, Unit::Million]
            .into_iter()
            .map(|u| view! { <option value=u.code() prop:selected=u == current>{unit_name(u, lang)}</option> })
            .collect_view()
    };
    let has_target = move || {
        tables.with(|t| {
            matches!(
                t[index].kind,
                Kind::Schedule | Kind::LineItems | Kind::Indicator
            )
        })
    };
    let named = first.target.clone();
    let target_options = move || {
        let lang = lang();
        let current = tables.with(|t| t[index].target.clone());
        let named_label = match (&named, lang) {
            (Target::Named(n), Lang::Ko) => format!("“{n}” (같은 이름이 없으면 새로 추가)"),
            (Target::Named(n), Lang::En) => {
                format!("“{n}” (added when the plan has none of that name)")
            }
            _ => String::new(),
        };
        let mut options = vec![(
            "named".to_string(),
            named_label,
            matches!(current, Target::Named(_)),
        )];
        session.plan.with(|p| {
            for program in &p.programs {
                options.push((
                    format!("p{}", program.id),
                    format!("{} {}", lang.pick("사업", "Program"), program.name),
                    current == Target::Program(program.id),
                ));
            }
            for pledge in &p.pledges {
                options.push((
                    format!("g{}", pledge.id),
                    format!(
                        "{} {}. {}",
                        lang.pick("공약", "Pledge"),
                        pledge.number,
                        pledge.title
                    ),
                    current == Target::Pledge(pledge.id),
                ));
            }
        });
        options
            .into_iter()
            .map(|(value, label, selected)| view! { <option value=value prop:selected=selected>{label}</option> })
            .collect_view()
    };
    let named_target = first.target.clone();
    let set_target = move |value: String| {
        let target = if let Some(id) = value.strip_prefix('p').and_then(|v| v.parse().ok()) {
            Target::Program(id)
        } else if let Some(id) = value.strip_prefix('g').and_then(|v| v.parse().ok()) {
            Target::Pledge(id)
        } else {
            named_target.clone()
        };
        edit(&|t: &mut Table| t.target = target.clone());
    };
    let sample: Vec<Vec<String>> = sheets.with_value(|s| {
        let sheet = &s[first.sheet];
        (first.first..=first.last.min(first.first + 3))
            .filter_map(|r| sheet.rows.get(r).cloned())
            .collect()
    });
    let role_select = move |column: usize| {
        let options = move || {
            let lang = lang();
            let (kind, current) = tables.with(|t| {
                (
                    t[index].kind,
                    t[index].roles.get(column).copied().unwrap_or(Role::Skip),
                )
            });
            let mut choices = Role::choices(kind, &years());
            if !choices.contains(&current) {
                choices.push(current);
            }
            choices
                .into_iter()
                .map(|r| view! { <option value=r.key() prop:selected=r == current>{r.name(lang)}</option> })
                .collect_view()
        };
        let label = move || match lang() {
            Lang::Ko => format!(
                "{}열이 담은 것",
                planner_core::file::import::cell_ref(0, column).trim_end_matches('1')
            ),
            Lang::En => format!(
                "What column {} holds",
                planner_core::file::import::cell_ref(0, column).trim_end_matches('1')
            ),
        };
        view! {
            <select aria-label=label data-testid="import-role" on:change=move |ev| {
                if let Some(role) = Role::from_key(&event_target_value(&ev)) {
                    edit(&|t: &mut Table| {
                        if t.roles.len() <= column {
                            t.roles.resize(column + 1, Role::Skip);
                        }
                        t.roles[column] = role;
                    });
                }
            }>{options}</select>
        }
    };
    let row_input = move |last: bool| {
        let value = move || {
            tables
                .with(|t| {
                    if last {
                        t[index].last + 1
                    } else {
                        t[index].first + 1
                    }
                })
                .to_string()
        };
        let label = move || match (last, lang()) {
            (false, Lang::Ko) => "첫 행",
            (false, Lang::En) => "First row",
            (true, Lang::Ko) => "마지막 행",
            (true, Lang::En) => "Last row",
        };
        view! {
            <label>{label}" "
                <input type="number" min="1" max=rows_in_sheet.to_string() class="row-number" prop:value=value on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).trim().parse::<usize>() {
                        let n = n.clamp(1, rows_in_sheet) - 1;
                        edit(&|t: &mut Table| if last { t.last = n.max(t.first) } else { t.first = n.min(t.last).max(t.header + 1) });
                    }
                }/>
            </label>
        }
    };
    let unit_hint = move || {
        tables.with(|t| t[index].unit_stated).then(|| view! {
        <span class="hint">{move || lang().pick("(표의 캡션에서 읽음)", "(read from the table's caption)")}</span>
    })
    };
    let expanded = RwSignal::new(open);
    let sample = StoredValue::new(sample);
    let details = move || {
        let target_options = target_options.clone();
        let set_target = set_target.clone();
        view! {
            <div class="import-settings">
                <Show when=has_target>
                    <label>{move || lang().pick("대상 ", "Belongs to ")}
                        <select data-testid="import-target" on:change={let set_target = set_target.clone(); move |ev| set_target(event_target_value(&ev))}>{target_options.clone()}</select>
                    </label>
                </Show>
                {row_input(false)}
                {row_input(true)}
            </div>
            <div class="table-scroll import-sample" tabindex="0" role="region" aria-label=move || lang().pick("표의 첫 행들", "The table's first rows")>
                <table>
                    <thead>
                        <tr>{(0..width).map(|c| view! { <th scope="col">{role_select(c)}</th> }).collect_view()}</tr>
                        <tr class="sheet-header">{(0..width).map(|c| view! { <th scope="col">{header_cells.with_value(|h| h.get(c).cloned().unwrap_or_default())}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {sample.get_value().into_iter().map(|row| view! {
                            <tr>{(0..width).map(|c| view! { <td>{row.get(c).cloned().unwrap_or_default()}</td> }).collect_view()}</tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    };
    view! {
        <fieldset class="import-table" data-testid="import-table" data-kind=move || tables.with(|t| t[index].kind.key())>
            <legend>{format!("{sheet_name} · {range}")}{(!titles.is_empty()).then(|| format!(" · {titles}"))}</legend>
            <div class="import-settings">
                <label>
                    <input type="checkbox" prop:checked=move || tables.with(|t| t[index].include) on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        edit(&|t: &mut Table| t.include = on);
                    }/>
                    {move || lang().pick(" 가져오기", " Import")}
                </label>
                <label>{move || lang().pick("무엇인가요 ", "What it is ")}
                    <select data-testid="import-kind" on:change=move |ev| set_kind(event_target_value(&ev))>{kind_options}</select>
                </label>
                <label>{move || lang().pick("단위 ", "Unit ")}
                    <select data-testid="import-unit" on:change=move |ev| {
                        if let Some(unit) = Unit::from_code(&event_target_value(&ev)) {
                            edit(&|t: &mut Table| t.unit = unit);
                        }
                    }>{unit_options}</select>
                    {unit_hint}
                </label>
                <button type="button" class="link-like" data-testid="import-mapping" aria-expanded=move || expanded.get().to_string() on:click=move |_| expanded.update(|e| *e = !*e)>
                    {move || match (expanded.get(), lang()) {
                        (false, Lang::Ko) => "대상·행·열 지정 보기",
                        (false, Lang::En) => "Show owner, rows and columns",
                        (true, Lang::Ko) => "지정 숨기기",
                        (true, Lang::En) => "Hide the mapping",
                    }}
                </button>
            </div>
            {move || expanded.get().then(|| details())}
        </fieldset>
    }
}

/// Up to this many tables, each shows its mapping at once.
const OPEN_TABLES: usize = 6;

/// The tables listed before "show more".
const SHOWN_TABLES: usize = 40;

/// The most changes listed; the count says how many more there are.
const CHANGES_SHOWN: usize = 300;

/// What the import would do: its changes, the totals checked, the problems in
/// the tables and what validation finds in the plan as it would be.
#[component]
fn PreviewPanel(result: Memo<Preview>) -> impl IntoView {
    let nav = use_nav();
    let lang = move || nav.lang.get();
    let summary = move || {
        let lang = lang();
        result.with(|p| {
            let errors = p.problems.iter().filter(|x| x.severity == Severity::Error).count();
            let warnings = p.problems.len() - errors;
            let (rule_errors, rule_warnings) = count_by_severity(&p.validation);
            match lang {
                Lang::Ko => format!(
                    "바뀌는 것 {}건 · 확인한 인쇄 합계 {}개 · 표의 문제: 오류 {errors}, 경고 {warnings} · 가져온 뒤 계획 검사: 오류 {rule_errors}, 경고 {rule_warnings}",
                    p.changes.len(), p.totals_checked
                ),
                Lang::En => format!(
                    "{} changes · {} printed totals checked · in the tables: {errors} errors, {warnings} warnings · the plan after import: {rule_errors} errors, {rule_warnings} warnings",
                    p.changes.len(), p.totals_checked
                ),
            }
        })
    };
    let problems = move || {
        result.with(|p| {
            p.problems
                .iter()
                .map(|x| {
                    let class = if x.severity == Severity::Error {
                        "error"
                    } else {
                        "warning"
                    };
                    let at = if x.cell.is_empty() {
                        x.sheet.clone()
                    } else {
                        format!("{}!{}", x.sheet, x.cell)
                    };
                    view! { <li class=class><strong>{at}</strong>": "{x.message.clone()}</li> }
                })
                .collect_view()
        })
    };
    let validation = move || {
        let lang = lang();
        result.with(|p| {
            p.validation
                .iter()
                .take(20)
                .map(|x| {
                    let class = x.severity.as_str();
                    let at = describe(&x.location, &p.plan, lang);
                    view! { <li class=class><strong>{at}</strong>": "{x.message(lang, p.plan.unit)}</li> }
                })
                .collect_view()
        })
    };
    let more = move || {
        let lang = lang();
        result.with(|p| {
            (p.changes.len() > CHANGES_SHOWN).then(|| match lang {
                Lang::Ko => format!("외 {}건", p.changes.len() - CHANGES_SHOWN),
                Lang::En => format!("and {} more", p.changes.len() - CHANGES_SHOWN),
            })
        })
    };
    let rows = move || {
        let lang = lang();
        result.with(|p| {
            p.changes
                .iter()
                .take(CHANGES_SHOWN)
                .map(|c| {
                    let before = c.before.clone().unwrap_or_else(|| lang.pick("(새로 추가)", "(new)").to_string());
                    view! { <tr><td>{c.from.clone()}</td><th scope="row">{c.what.clone()}</th><td class="num">{before}</td><td class="num">{c.after.clone()}</td></tr> }
                })
                .collect_view()
        })
    };
    view! {
        <section class="import-preview" data-testid="import-preview" aria-live="polite">
            <h3>{move || lang().pick("미리 보기", "Preview")}</h3>
            <p data-testid="import-summary">{summary}</p>
            <ul class="import-problems" data-testid="import-problems">{problems}</ul>
            <ul class="import-problems" data-testid="import-validation">{validation}</ul>
            <div class="table-scroll import-changes" tabindex="0" role="region" aria-label=move || lang().pick("바뀌는 것", "Changes")>
                <table data-testid="import-changes">
                    <thead><tr>
                        <th scope="col">{move || lang().pick("원본 칸", "From")}</th>
                        <th scope="col">{move || lang().pick("항목", "What")}</th>
                        <th scope="col">{move || lang().pick("지금", "Now")}</th>
                        <th scope="col">{move || lang().pick("가져온 뒤", "After import")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="hint">{more}</p>
        </section>
    }
}
