//! A panic must never leave a blank page. The hook logs the panic, then puts a
//! banner on top of the page (built with plain DOM calls, since the app itself
//! may be broken) that says what happened and offers the plan as a download.

use std::cell::{Cell, RefCell};

use planner_core::{Lang, Msg};

use crate::browser;

thread_local! {
    /// The current plan as a plan file, refreshed after every edit.
    static PLAN_SNAPSHOT: RefCell<String> = const { RefCell::new(String::new()) };
    /// The UI language, for the banner's words.
    static BANNER_LANG: Cell<Lang> = const { Cell::new(Lang::Ko) };
}

/// The id of the banner element, for tests and styling.
pub const BANNER_ID: &str = "panic-banner";

/// Installs the hook; call once, first thing at start-up.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_banner(&info.to_string());
    }));
}

/// Keeps the text the banner offers for download up to date: a plan file,
/// or a stored entry (unpacked only if the banner is ever shown).
pub fn remember_plan(plan_file: &str) {
    PLAN_SNAPSHOT.with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            s.clear();
            s.push_str(plan_file);
        }
    });
}

/// Keeps the banner's language in step with the UI.
pub fn remember_lang(lang: Lang) {
    BANNER_LANG.with(|l| l.set(lang));
}

/// Shows the panic banner (once) with `detail`, a download link for the plan
/// and a reload button. Never panics itself: every step may fail quietly.
pub fn show_banner(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(BANNER_ID).is_some() {
        return;
    }
    let lang = BANNER_LANG.with(Cell::get);
    let snapshot = PLAN_SNAPSHOT.with(|s| s.try_borrow().map(|s| s.clone()).unwrap_or_default());
    // The entry a plan was opened from may be packed as storage keeps it.
    let snapshot = match planner_core::file::stored::unpack(&snapshot) {
        Ok(text) => text.into_owned(),
        Err(_) => snapshot,
    };
    let Some(body) = document.body() else { return };
    let Ok(banner) = document.create_element("div") else {
        return;
    };
    banner.set_id(BANNER_ID);
    let _ = banner.set_attribute("role", "alert");
    let add = |parent: &web_sys::Element, tag: &str, text: &str| -> Option<web_sys::Element> {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        parent.append_child(&el).ok()?;
        Some(el)
    };
    add(&banner, "h2", Msg::PanicTitle.text(lang));
    add(&banner, "p", Msg::PanicBody.text(lang));
    if !snapshot.is_empty() {
        if let (Some(link), Some(url)) = (
            add(&banner, "a", Msg::PanicDownload.text(lang)),
            browser::json_blob_url(&snapshot),
        ) {
            let _ = link.set_attribute("href", &url);
            let _ = link.set_attribute("download", "plan-recovered.json");
            let _ = link.set_attribute("class", "button");
        }
    }
    // A plain link reloads even if the wasm module can no longer run.
    if let Some(link) = add(&banner, "a", Msg::PanicReload.text(lang)) {
        let _ = link.set_attribute("href", "./");
        let _ = link.set_attribute("class", "button");
    }
    add(&banner, "pre", detail);
    let _ = body.prepend_with_node_1(&banner);
}
