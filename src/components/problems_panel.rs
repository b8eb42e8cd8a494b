//! Problems panel — me (placeholder until built).

use leptos::prelude::*;

/// Placeholder view.
#[component]
pub fn ProblemsPanel() -> impl IntoView {
    view! { <section class="view"><p>"Problems panel — me"</p></section> }
}
