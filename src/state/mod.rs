//! The app's state, as small contexts (each a `Copy` handle with its own
//! job), each module importing only those listed before it:
//!
//! - [`versions`] — kept versions of each plan, plain operations on the store;
//! - [`saver`] — what is in storage and the one write path ([`Saver::write`]);
//! - [`nav`] — the view on screen, its subject, the UI language;
//! - [`drafts`] — typed figures the plan could not take, stored beside it;
//! - [`session`] — the open plan, its undo history and problems: every edit
//!   goes `Session::dispatch` → `Plan::apply` → history → autosave → `Saver::write`;
//! - [`plans`] — the plans home's operations on the library;
//! - [`tabs`] — other tabs' saves and the conflict between two versions;
//! - [`import`] — a plan file on its way in.

pub mod drafts;
pub mod import;
pub mod nav;
pub mod plans;
pub mod saver;
pub mod session;
pub mod tabs;
pub mod versions;

use std::rc::Rc;

use leptos::prelude::*;
use planner_core::Lang;

use crate::storage::PlanStore;

pub use import::Import;
pub use nav::Nav;
pub use planner_core::views::route::View;
pub use plans::Plans;
pub use saver::{SaveStatus, Saver, StorageNotice};
pub use session::Session;
pub use tabs::Tabs;

/// Every context. Provided as one value, so a component's `use_…` is one
/// lookup shared by all (six generic lookups cost 3 KiB of wasm); each
/// component still takes only the handle it needs.
#[derive(Clone, Copy)]
pub struct Contexts {
    /// Where the user is.
    pub nav: Nav,
    /// What is in storage.
    pub saver: Saver,
    /// The open plan.
    pub session: Session,
    /// Every plan.
    pub plans: Plans,
    /// Other tabs.
    pub tabs: Tabs,
    /// A file on its way in.
    pub import: Import,
}

/// Builds every context over `store`, provides them to the components below,
/// and opens the library (the plan that was open last, or the demo plan).
pub fn provide(store: Rc<dyn PlanStore>, lang: Lang) -> Contexts {
    let nav = Nav::new(lang);
    let saver = Saver::new(store);
    let session = Session::new(saver);
    let plans = Plans::new(saver, session, nav);
    let tabs = Tabs::new(saver, session, plans, nav);
    let import = Import::new(plans, session, nav);
    let contexts = Contexts {
        nav,
        saver,
        session,
        plans,
        tabs,
        import,
    };
    provide_context(contexts);
    plans.open_library();
    contexts
}

/// The contexts [`provide`] made. Panics only if a component is mounted
/// outside [`crate::app::App`] (a programming error, caught by tests).
#[inline(never)]
fn contexts() -> Contexts {
    expect_context::<Contexts>()
}

/// Where the user is: view, subject, language.
pub fn use_nav() -> Nav {
    contexts().nav
}

/// What is in storage: save status, notices, kept versions.
pub fn use_saver() -> Saver {
    contexts().saver
}

/// The open plan: edits, undo, problems, drafts.
pub fn use_session() -> Session {
    contexts().session
}

/// Every plan: the plans home's operations.
pub fn use_plans() -> Plans {
    contexts().plans
}

/// Other tabs: the conflict banner's choices.
pub fn use_tabs() -> Tabs {
    contexts().tabs
}

/// A plan file on its way in: the import dialog.
pub fn use_import() -> Import {
    contexts().import
}
