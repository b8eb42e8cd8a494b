//! Funding split — helper A (placeholder until built).

use leptos::prelude::*;

/// Placeholder view.
#[component]
pub fn SplitView() -> impl IntoView {
    view! { <section class="view"><p>"Funding split — helper A"</p></section> }
}
