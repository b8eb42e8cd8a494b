//! The shell of a view that shows one subject (a program or a pledge): the
//! heading, what sits beside and below it (the picker), the subject's body,
//! or a hint when the plan has no subject the view takes.

use leptos::prelude::*;
use planner_core::views::route::{fitting_subject, Subjects};
use planner_core::Owner;

use crate::components::controls::empty_hint::{AddAt, EmptyHint};
use crate::state::{use_nav, use_session};

/// The subject a view shows, following the URL and the plan: the URL's when
/// the plan has it and the view takes it, else the first that fits.
pub fn use_subject(subjects: Subjects) -> Memo<Option<Owner>> {
    let nav = use_nav();
    let session = use_session();
    Memo::new(move |_| {
        let subject = nav.subject.get();
        // Which subjects exist changes only with the list of them.
        session.names.track();
        session
            .plan
            .with_untracked(|p| fitting_subject(p, subject, subjects))
    })
}

/// A section showing `current`'s body, or the `empty` hint.
#[component]
pub fn SubjectView(
    /// The section's own class, after `view`.
    class: &'static str,
    /// The heading's id, which names the section.
    title_id: &'static str,
    /// The heading in Korean and English.
    title: (&'static str, &'static str),
    /// The subject shown ([`use_subject`]).
    current: Memo<Option<Owner>>,
    /// What the view says when the plan has no subject for it.
    empty: (&'static str, &'static str),
    /// Where the missing subjects are added.
    #[prop(optional)]
    add_at: &'static [AddAt],
    /// The view of one subject (a plain function, so the shell is built
    /// once for every view rather than once per view).
    body: fn(Owner) -> AnyView,
    /// Beside the heading (a picker, a unit caption).
    #[prop(optional, into)]
    head: ViewFn,
    /// Below the heading (a picker bar).
    #[prop(optional, into)]
    bar: ViewFn,
    /// After the body (a hint).
    #[prop(optional, into)]
    after: ViewFn,
) -> impl IntoView {
    let nav = use_nav();
    let pick = move |(ko, en): (&'static str, &'static str)| nav.lang.get().pick(ko, en);
    view! {
        <section class=format!("view {class}") aria-labelledby=title_id>
            <div class="table-head">
                <h2 id=title_id>{move || pick(title)}</h2>
                {head.run()}
            </div>
            {bar.run()}
            {move || match current.get() {
                Some(owner) => body(owner),
                None => view! { <EmptyHint text=empty add_at/> }.into_any(),
            }}
            {after.run()}
        </section>
    }
}
