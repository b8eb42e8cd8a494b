//! Plans home — me (placeholder until built).

use leptos::prelude::*;

/// Placeholder view.
#[component]
pub fn PlansHome() -> impl IntoView {
    view! { <section class="view"><p>"Plans home — me"</p></section> }
}
