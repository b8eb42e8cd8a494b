//! The picker of a view's subject: a labelled `<select>` of programs (and
//! pledges) that navigates to the one picked.

use leptos::prelude::*;
use planner_core::model::words::pledge_label;
use planner_core::Owner;

use crate::state::{use_nav, use_session, View};

/// A labelled `<select>` of programs (and pledges) that switches the view's
/// subject. Its options are one memo of names, so 200 programs cost one list
/// that changes only when a name does.
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
        session.plan.with(|p| {
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
    view! {
        <div class="owner-picker">
            <label for=select_id.clone()>
                {move || if pledges_too {
                    lang().pick("사업·공약 선택", "Program or pledge")
                } else {
                    lang().pick("사업 선택", "Program")
                }}
            </label>
            <select
                id=select_id
                on:change=on_change
            >
                <optgroup label=move || lang().pick("사업", "Programs")>
                    {move || {
                        options.with(|(programs, _)| {
                            programs
                                .iter()
                                .map(|(owner, name)| picker_option(*owner, name, current))
                                .collect_view()
                        })
                    }}
                </optgroup>
                <Show when=move || pledges_too>
                    <optgroup label=move || lang().pick("공약", "Pledges")>
                        {move || {
                            options.with(|(_, pledges)| {
                                pledges
                                    .iter()
                                    .map(|(owner, name)| picker_option(*owner, name, current))
                                    .collect_view()
                            })
                        }}
                    </optgroup>
                </Show>
            </select>
        </div>
    }
}

/// One option of the picker (its value the owner's fragment key, `program-5`),
/// selected while it is the view's subject (set per option, so it holds
/// however the options and the value are rendered).
fn picker_option(owner: Owner, name: &str, current: Signal<Option<Owner>>) -> impl IntoView {
    view! {
        <option value=owner.cell_prefix() prop:selected=move || current.get() == Some(owner)>
            {name.to_string()}
        </option>
    }
}
