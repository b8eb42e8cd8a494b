//! 산출기초 (line items) — helper B (placeholder until built).

use leptos::prelude::*;

/// Placeholder view.
#[component]
pub fn LineItems() -> impl IntoView {
    view! { <section class="view"><p>"산출기초 (line items) — helper B"</p></section> }
}
