//! Schedule grid — helper A (placeholder until built).

use leptos::prelude::*;

/// Placeholder view.
#[component]
pub fn ScheduleView() -> impl IntoView {
    view! { <section class="view"><p>"Schedule grid — helper A"</p></section> }
}
