//! Thin wrappers over the browser APIs the app needs beyond storage. Each one
//! tolerates a missing window or document (tests, odd embedding) instead of
//! panicking.

use planner_core::Lang;
use wasm_bindgen::JsCast;

/// The current time as ISO 8601 UTC, for the `saved_at` of plan files.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Today's date as `YYYY-MM-DD` (local time), for export file names.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// The browser's preferred language tag, such as `ko-KR`.
pub fn browser_language() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
}

/// Sets `<html lang>` so screen readers and fonts follow the UI language.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// Sets the tab's title.
pub fn set_document_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// Loads the page again (the view stays in the fragment; a waiting edit is
/// written on `pagehide`).
pub fn reload_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// The URL fragment without `#`.
pub fn location_fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_string()
}

/// A `blob:` URL holding `text` as JSON, for a download link.
pub fn json_blob_url(text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Offers `text` as a JSON file download named `file_name`.
pub fn download_json(file_name: &str, text: &str) {
    if let Some(url) = json_blob_url(text) {
        download_url(file_name, &url);
    }
}

/// Offers `bytes` (CSV, XLSX) as a file download of type `mime`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let url = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .ok()
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob).ok());
    if let Some(url) = url {
        download_url(file_name, &url);
    }
}

fn download_url(file_name: &str, url: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(anchor) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        anchor.set_href(url);
        anchor.set_download(file_name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(url);
}

/// Asks the user to confirm a destructive step; `false` when no window.
pub fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// Sets the URL fragment (`#schedule/program-5`) without a page load; the
/// hashchange listener then follows it.
pub fn set_location_fragment(fragment: &str) {
    if let Some(window) = web_sys::window() {
        if window.location().hash().ok().as_deref() != Some(fragment) {
            let _ = window.location().set_hash(fragment);
        }
    }
}

/// True when the page is hidden (another tab, minimised, closing).
pub fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// Focuses the element with this id and scrolls it into view; false when
/// there is none.
pub fn focus_element(id: &str) -> bool {
    let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    element.scroll_into_view_with_bool(false);
    element.focus().is_ok()
}

/// Clicks the element with `id` (the welcome's "import a file" opens the
/// plans home's file picker; a click the user made allows it).
pub fn click_element(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        element.click();
    }
}

/// `YYYY-MM-DD HH:MM` in the browser's time zone for an ISO 8601 time.
pub fn local_date_time(iso: &str) -> Option<String> {
    if iso.is_empty() {
        return None;
    }
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return None;
    }
    Some(format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    ))
}

/// Records a performance mark (visible in the browser's profiler and read by
/// `scripts/bench-editor.mjs`).
pub fn performance_mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Whether the page is showing full screen (the deck's F key toggles it).
pub fn is_full_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.fullscreen_element())
        .is_some()
}

/// Enters or leaves full screen; browsers allow it only on a user's key or
/// click, which is when the deck asks.
pub fn toggle_full_screen() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    } else if let Some(root) = document.document_element() {
        let _ = root.request_fullscreen();
    }
}

/// Opens this page at `fragment` in a window of its own named `name` (the
/// same window again when one of that name is open), sized for a laptop's
/// screen; `false` when the browser blocked it.
pub fn open_window(fragment: &str, name: &str) -> bool {
    web_sys::window()
        .and_then(|w| {
            w.open_with_url_and_target_and_features(fragment, name, "popup,width=1280,height=800")
                .ok()
                .flatten()
        })
        .is_some()
}

/// Whether a script opened this window (the deck opening the presenter's),
/// so that closing it is allowed.
pub fn has_opener() -> bool {
    web_sys::window()
        .and_then(|w| w.opener().ok())
        .is_some_and(|o| !o.is_null() && !o.is_undefined())
}

/// Scrolls the element with `id` into its list's view, as little as needed.
pub fn scroll_into_view_nearest(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Closes this window (browsers allow it for a window a script opened).
pub fn close_window() {
    if let Some(window) = web_sys::window() {
        let _ = window.close();
    }
}

/// Milliseconds since the epoch, for the presenter's timer (whole
/// milliseconds: nothing here is money).
pub fn now_ms() -> u64 {
    let ms = js_sys::Date::now();
    if ms.is_finite() && ms > 0.0 {
        ms as u64
    } else {
        0
    }
}

/// The local time as a presenter's clock shows it (`14:05`).
pub fn clock_text() -> String {
    let d = js_sys::Date::new_0();
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// Opens the browser's print dialog (print or save as PDF).
pub fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// The tag name (`INPUT`, `BUTTON`…) of the element an event came from, so
/// that page-wide shortcuts can leave fields and buttons their own keys.
pub fn target_tag(ev: &web_sys::Event) -> String {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|e| e.tag_name())
        .unwrap_or_default()
}

/// Replaces the URL fragment without a new history entry or a hashchange:
/// the deck keeps its slide number in the address so a reload stays there.
pub fn replace_fragment(fragment: &str) {
    if let Some(window) = web_sys::window() {
        if window.location().hash().ok().as_deref() == Some(fragment) {
            return;
        }
        if let Ok(history) = window.history() {
            let _ =
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(fragment));
        }
    }
}

/// Registers the service worker (`sw.js`, written at build time) that keeps
/// the app in the browser's cache, so the planner opens without a network.
/// Where service workers are unavailable (an insecure origin, a test page)
/// nothing happens; a failed registration only costs the offline copy.
pub fn keep_offline_copy() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = js_sys::Reflect::get(&window.navigator(), &"serviceWorker".into())
        .unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
    if container.is_undefined() {
        return;
    }
    let register = js_sys::Reflect::get(&container, &"register".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(register) = register {
        if let Ok(promise) = register.call1(&container, &"./sw.js".into()) {
            if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                // A refusal is not the user's problem: keep it out of the console.
                let ignore =
                    wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|_| {});
                let _ = promise.catch(&ignore);
                ignore.forget();
            }
        }
    }
}
