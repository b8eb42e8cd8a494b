//! Overview — helper C (placeholder until built).

use leptos::prelude::*;

/// Placeholder view.
#[component]
pub fn Overview() -> impl IntoView {
    view! { <section class="view"><p>"Overview — helper C"</p></section> }
}
