//! Where the user is: the view on screen, the program or pledge it shows, and
//! the UI language. The URL fragment is the route ([`View::from_fragment`]),
//! so the back button and a reload follow.

use leptos::prelude::*;
use planner_core::views::route::View;
use planner_core::{Lang, Owner};

use crate::browser;
use crate::panic;
use crate::storage;

/// The navigation. Cheap to copy: all fields are handles.
#[derive(Clone, Copy)]
pub struct Nav {
    /// The UI language.
    pub lang: RwSignal<Lang>,
    /// The view on screen.
    pub view: RwSignal<View>,
    /// The program or pledge the view shows, when it shows one.
    pub subject: RwSignal<Option<Owner>>,
}

impl Nav {
    /// The overview, in `lang`.
    pub fn new(lang: Lang) -> Nav {
        Nav {
            lang: RwSignal::new(lang),
            view: RwSignal::new(View::Overview),
            subject: RwSignal::new(None),
        }
    }

    /// Shows a view (and its subject) by changing the URL fragment, so the
    /// browser's back button and a reload follow.
    pub fn go(&self, view: View, subject: Option<Owner>) {
        browser::set_location_fragment(&view.href(subject));
        self.show(view, subject);
    }

    /// Puts a view on screen; showing the view already there changes
    /// nothing (no rebuild, the focus stays where it is).
    pub fn show(&self, view: View, subject: Option<Owner>) {
        if self.view.get_untracked() != view {
            self.view.set(view);
        }
        if self.subject.get_untracked() != subject {
            self.subject.set(subject);
        }
    }

    /// Follows the URL fragment (on load and on `hashchange`).
    pub fn follow_fragment(&self) {
        let (view, subject) = View::from_fragment(&browser::location_fragment());
        self.show(view, subject);
    }

    /// Switches the UI language and remembers the choice.
    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        storage::remember_lang(lang);
        panic::remember_lang(lang);
        browser::set_document_lang(lang);
    }
}
