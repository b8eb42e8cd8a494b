//! A one-line text box for a name (a source's, a staffing row's): its value
//! follows the plan, each keystroke is reported.

use leptos::prelude::*;

/// A text box whose value follows `value` and that reports every keystroke.
#[component]
pub fn TextBox(
    /// The input's id, when a label or a test names it.
    #[prop(optional)]
    id: Option<&'static str>,
    /// The input's class.
    #[prop(optional)]
    class: Option<&'static str>,
    /// The language of its text, when it is not the page's (a source's
    /// Korean name in the English page).
    #[prop(optional)]
    lang: Option<&'static str>,
    /// The example shown while it is empty.
    #[prop(into)]
    placeholder: Signal<String>,
    /// Its accessible name.
    #[prop(into)]
    label: Signal<String>,
    /// The text it shows.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the text after each keystroke.
    on_text: Callback<String>,
) -> impl IntoView {
    view! {
        <input
            type="text"
            id=id
            class=class
            lang=lang
            placeholder=move || placeholder.get()
            aria-label=move || label.get()
            prop:value=move || value.get()
            on:input=move |ev| on_text.run(event_target_value(&ev))
        />
    }
}
