//! The picker of a view's subject: a labelled `<select>` of programs (and
//! pledges) that navigates to the one picked.

use leptos::prelude::*;
use planner_core::model::words::pledge_label;
use planner_core::render::html::escape;
use planner_core::Owner;

use crate::state::{use_nav, use_session, View};

/// A labelled `<select>` of programs (and pledges) that switches the view's
/// subject. Its options are one memo of names, rebuilt only when the list of
/// programs and pledges may have changed ([`crate::state::Session::names`]),
/// so a keystroke in a figure costs no list of 2,000.
#[component]
pub fn OwnerPicker(
    /// The view the picker navigates within.
    view: View,
    /// Whether pledges are offered besides programs.
    pledges_too: bool,
    /// The owner shown now.
    current: Signal<Option<Owner>>,
) -> impl IntoView {
    let nav = use_nav();
    let session = use_session();
    let options = Memo::new(move |_| {
        session.names.track();
        session.plan.with_untracked(|p| {
            let programs: Vec<(Owner, String)> = p
                .programs
                .iter()
                .map(|x| (Owner::Program(x.id), format!("{}. {}", x.id, x.name)))
                .collect();
            let pledges: Vec<(Owner, String)> = if pledges_too {
                p.pledges
                    .iter()
                    .map(|x| {
                        (
                            Owner::Pledge(x.id),
                            pledge_label(&x.number, &x.title, nav.lang.get()),
                        )
                    })
                    .collect()
            } else {
                Vec::new()
            };
            (programs, pledges)
        })
    });
    let select_id = format!("{}-picker", view.fragment());
    let on_change = move |ev| {
        if let Some(owner) = Owner::parse(&event_target_value(&ev)) {
            nav.go(view, Some(owner));
        }
    };
    let lang = move || nav.lang.get();
    // The options are written as one piece of HTML: a district's 2,500
    // programs and pledges as 2,500 components (each with its own effect)
    // took a tenth of its open (issue 17). The subject is then selected by
    // the select's value, set again whenever the subject or the options change.
    let select = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        let value = current.get().map(|o| o.cell_prefix()).unwrap_or_default();
        options.track();
        if let Some(select) = select.get() {
            select.set_value(&value);
        }
    });
    view! {
        <div class="owner-picker">
            <label for=select_id.clone()>
                {move || if pledges_too {
                    lang().pick("사업·공약 선택", "Program or pledge")
                } else {
                    lang().pick("사업 선택", "Program")
                }}
            </label>
            <select id=select_id node_ref=select on:change=on_change>
                <optgroup
                    label=move || lang().pick("사업", "Programs")
                    inner_html=move || options.with(|(programs, _)| options_html(programs))
                ></optgroup>
                <Show when=move || pledges_too>
                    <optgroup
                        label=move || lang().pick("공약", "Pledges")
                        inner_html=move || options.with(|(_, pledges)| options_html(pledges))
                    ></optgroup>
                </Show>
            </select>
        </div>
    }
}

/// The options of a picker's group, as HTML: each one's value is the
/// owner's fragment key (`program-5`), its text the name, escaped.
fn options_html(owners: &[(Owner, String)]) -> String {
    let mut html = String::new();
    for (owner, name) in owners {
        html.push_str("<option value=\"");
        html.push_str(&owner.cell_prefix());
        html.push_str("\">");
        html.push_str(&escape(name));
        html.push_str("</option>");
    }
    html
}
