//! Which screen a URL fragment names (`#schedule/pledge-1`), so that a
//! reload, a bookmark and the browser's back button land where the user was.

use crate::model::plan::{Owner, Plan};

/// The plan views the navigation switches between.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The plans home: every stored plan.
    Home,
    /// The document view of the whole plan (also the print view).
    Overview,
    /// 예산현황, the budget status table.
    Status,
    /// One program's or pledge's schedule grid.
    Schedule,
    /// One program's funding split.
    Split,
    /// One pledge's targets and actuals.
    Pledge,
    /// One program's line items and their calculation basis.
    LineItems,
    /// The budget's stages: which is edited, locked, compared, copied forward.
    Stages,
    /// Title, organisation, years, unit, funding sources, export.
    Settings,
    /// The kept versions of the plan, to compare and restore.
    History,
    /// The briefing deck: the plan presented slide by slide.
    Deck,
    /// The presenter's window of a briefing: current and next slide, notes,
    /// timer, slide list; the deck's window shows the audience only slides.
    Presenter,
}

impl View {
    /// Every view: those of the navigation, then the presenter's window.
    pub const ALL: [View; 12] = [
        View::Home,
        View::Overview,
        View::Status,
        View::Schedule,
        View::Split,
        View::Pledge,
        View::LineItems,
        View::Stages,
        View::Settings,
        View::History,
        View::Deck,
        View::Presenter,
    ];

    /// The views the navigation lists, in its order (the presenter's window
    /// is opened from the deck, not navigated to).
    pub fn navigation() -> impl Iterator<Item = View> {
        View::ALL.into_iter().filter(|v| *v != View::Presenter)
    }

    /// The URL fragment of the view, so a reload stays on it.
    pub fn fragment(self) -> &'static str {
        match self {
            View::Home => "plans",
            View::Overview => "overview",
            View::Status => "status",
            View::Schedule => "schedule",
            View::Split => "split",
            View::Pledge => "pledge",
            View::LineItems => "items",
            View::Stages => "stages",
            View::Settings => "settings",
            View::History => "history",
            View::Deck => "deck",
            View::Presenter => "presenter",
        }
    }

    /// The view and subject a fragment names (`#schedule/pledge-1`); the
    /// overview for anything unknown.
    pub fn from_fragment(fragment: &str) -> (View, Option<Owner>) {
        let fragment = fragment.trim_start_matches('#');
        let (name, subject) = fragment.split_once('/').unwrap_or((fragment, ""));
        let view = View::ALL
            .into_iter()
            .find(|v| v.fragment() == name)
            .unwrap_or(View::Overview);
        (view, Owner::parse(subject))
    }

    /// The fragment for a view showing `subject`.
    pub fn href(self, subject: Option<Owner>) -> String {
        match subject {
            Some(owner) => format!("#{}/{}", self.fragment(), owner.cell_prefix()),
            None => format!("#{}", self.fragment()),
        }
    }
}

/// Which subjects a view shows: the schedule takes programs and pledges, the
/// split and the line items programs, the targets pledges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subjects {
    /// Programs only (the split, the line items).
    Programs,
    /// Pledges only (the targets).
    Pledges,
    /// Both (the schedule).
    Both,
}

impl Subjects {
    fn take(self, owner: Owner) -> bool {
        matches!(
            (self, owner),
            (Subjects::Both, _)
                | (Subjects::Programs, Owner::Program(_))
                | (Subjects::Pledges, Owner::Pledge(_))
        )
    }
}

/// The subject a view shows: the URL's when the plan has it and the view
/// takes it, else the first program (or pledge) the view takes; `None` when
/// the plan has none.
pub fn fitting_subject(plan: &Plan, subject: Option<Owner>, subjects: Subjects) -> Option<Owner> {
    let has = |o: &Owner| match *o {
        Owner::Program(id) => plan.program(id).is_some(),
        Owner::Pledge(id) => plan.pledge(id).is_some(),
    };
    let first = plan
        .programs
        .iter()
        .map(|p| Owner::Program(p.id))
        .take(1)
        .chain(plan.pledges.iter().map(|p| Owner::Pledge(p.id)).take(1))
        .find(|o| subjects.take(*o));
    subject.filter(|o| subjects.take(*o) && has(o)).or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_view_and_subject_survives_its_own_fragment() {
        for view in View::ALL {
            for subject in [None, Some(Owner::Program(3)), Some(Owner::Pledge(17))] {
                assert_eq!(View::from_fragment(&view.href(subject)), (view, subject));
            }
        }
    }

    #[test]
    fn fragments_read_as_a_planner_would_bookmark_them() {
        assert_eq!(
            View::from_fragment("#schedule/pledge-1"),
            (View::Schedule, Some(Owner::Pledge(1)))
        );
        assert_eq!(
            View::from_fragment("split/program-12"),
            (View::Split, Some(Owner::Program(12)))
        );
        assert_eq!(View::from_fragment("#plans"), (View::Home, None));
        assert_eq!(View::from_fragment("#deck"), (View::Deck, None));
        assert_eq!(
            View::href(View::LineItems, Some(Owner::Program(2))),
            "#items/program-2"
        );
    }

    #[test]
    fn anything_unknown_opens_the_overview_without_a_subject() {
        for fragment in [
            "",
            "#",
            "#nowhere",
            "#status/pledge-",
            "#schedule/program-x",
            "#overview/",
            "#SCHEDULE",
        ] {
            let (view, subject) = View::from_fragment(fragment);
            assert!(subject.is_none(), "{fragment}");
            assert!(
                matches!(view, View::Overview | View::Status | View::Schedule),
                "{fragment}"
            );
        }
        assert_eq!(
            View::from_fragment("#nowhere/pledge-1"),
            (View::Overview, Some(Owner::Pledge(1)))
        );
        assert_eq!(View::from_fragment("#SCHEDULE").0, View::Overview);
    }

    #[test]
    fn a_view_shows_the_subject_it_takes_else_its_first() {
        let plan = crate::fixtures::demo::demo_plan();
        let first_program = Owner::Program(plan.programs[0].id);
        let first_pledge = Owner::Pledge(plan.pledges[0].id);
        let pledge = Some(first_pledge);
        assert_eq!(fitting_subject(&plan, pledge, Subjects::Both), pledge);
        assert_eq!(
            fitting_subject(&plan, pledge, Subjects::Programs),
            Some(first_program)
        );
        assert_eq!(fitting_subject(&plan, None, Subjects::Pledges), pledge);
        assert_eq!(
            fitting_subject(&plan, Some(first_program), Subjects::Pledges),
            pledge
        );
        assert_eq!(
            fitting_subject(&plan, Some(Owner::Program(999)), Subjects::Both),
            Some(first_program)
        );
        let mut empty = plan.clone();
        empty.programs.clear();
        assert_eq!(fitting_subject(&empty, None, Subjects::Both), pledge);
        assert_eq!(fitting_subject(&empty, None, Subjects::Programs), None);
        empty.pledges.clear();
        assert_eq!(fitting_subject(&empty, pledge, Subjects::Pledges), None);
    }
}
