//! The budget planner's browser app: Leptos components over the pure domain in
//! `planner-core`, with local storage behind [`storage::PlanStore`].

pub mod app;
pub mod briefing_link;
pub mod browser;
pub mod components;
pub mod panic;
pub mod parts;
pub mod state;
pub mod storage;

/// Starts the app: the panic hook first, then the app mounted on `<body>`.
pub fn start() {
    // The benchmark reads this mark: the module is downloaded and compiled.
    browser::performance_mark("app-start");
    panic::install();
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(app::App);
    // The benchmark reads this mark: storage read, plan decoded, view rendered.
    browser::performance_mark("app-mounted");
    browser::keep_offline_copy();
}
