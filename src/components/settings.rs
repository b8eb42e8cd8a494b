//! Settings — helper B (placeholder until built).

use leptos::prelude::*;

/// Placeholder view.
#[component]
pub fn Settings() -> impl IntoView {
    view! { <section class="view"><p>"Settings — helper B"</p></section> }
}
