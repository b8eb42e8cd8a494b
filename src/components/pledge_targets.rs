//! Pledge targets — helper B (placeholder until built).

use leptos::prelude::*;

/// Placeholder view.
#[component]
pub fn PledgeTargets() -> impl IntoView {
    view! { <section class="view"><p>"Pledge targets — helper B"</p></section> }
}
