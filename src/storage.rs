//! Where the plan is kept between visits: the browser's local storage, behind
//! the small [`PlanStore`] interface so that the rest of the app (and the
//! tests) never touch storage directly.
//!
//! Storage can be blocked (private mode, policy) or full. Neither may crash the
//! app or damage what was saved: every failure comes back as a [`SaveError`]
//! the UI can explain, and the previously saved value stays as it was.

use gloo_storage::{LocalStorage, Storage as _};
use planner_core::Lang;
use wasm_bindgen::{JsCast, JsValue};

/// The storage key of the current plan's file (format v1 envelope).
pub const PLAN_KEY: &str = "budget-planner/plan";
/// Where an unreadable plan entry is moved, so that it is never overwritten.
pub const QUARANTINE_KEY: &str = "budget-planner/quarantine";
/// The remembered UI language.
pub const LANG_KEY: &str = "budget-planner/lang";

/// Why a save did not happen. The last saved value is intact in every case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Storage is blocked altogether; the app works in memory only.
    Blocked,
    /// The storage quota is reached (every browser's way of saying so).
    QuotaExceeded,
    /// The browser refused for another reason, or the value read back differs.
    Other(String),
}

/// What loading the stored plan found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stored {
    /// Nothing is stored: a first visit.
    Nothing,
    /// The stored text of the plan file.
    Text(String),
}

/// The few things the app asks of storage.
pub trait PlanStore {
    /// Reads the stored plan file text, if any.
    fn load(&self, key: &str) -> Result<Stored, SaveError>;
    /// Writes `text` under `key` and reads it back; only a verified write is a save.
    fn save(&self, key: &str, text: &str) -> Result<(), SaveError>;
}

/// The browser's `localStorage`.
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserStore;

impl BrowserStore {
    /// True when `localStorage` can be used at all. gloo-storage's accessor
    /// panics when it is blocked, so this is asked first, every time.
    pub fn available() -> bool {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .is_some()
    }

    fn storage() -> Result<web_sys::Storage, SaveError> {
        if Self::available() {
            Ok(LocalStorage::raw())
        } else {
            Err(SaveError::Blocked)
        }
    }
}

impl PlanStore for BrowserStore {
    fn load(&self, key: &str) -> Result<Stored, SaveError> {
        let storage = Self::storage()?;
        match storage.get_item(key) {
            Ok(Some(text)) => Ok(Stored::Text(text)),
            Ok(None) => Ok(Stored::Nothing),
            Err(e) => Err(classify_js_error(&e)),
        }
    }

    fn save(&self, key: &str, text: &str) -> Result<(), SaveError> {
        let storage = Self::storage()?;
        storage
            .set_item(key, text)
            .map_err(|e| classify_js_error(&e))?;
        match storage.get_item(key) {
            Ok(Some(back)) if back == text => Ok(()),
            Ok(_) => Err(SaveError::Other("the value read back differs".into())),
            Err(e) => Err(classify_js_error(&e)),
        }
    }
}

/// Turns a storage exception into a [`SaveError`].
fn classify_js_error(error: &JsValue) -> SaveError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(dom) => classify_dom_error(&dom.name(), dom.code()),
        None => SaveError::Other(format!("{error:?}")),
    }
}

/// Chromium says `QuotaExceededError`, Firefox `NS_ERROR_DOM_QUOTA_REACHED`,
/// old WebKit only code 22: all of them mean the quota is reached.
pub fn classify_dom_error(name: &str, code: u16) -> SaveError {
    match (name, code) {
        ("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED", _) | (_, 22 | 1014) => {
            SaveError::QuotaExceeded
        }
        ("SecurityError", _) => SaveError::Blocked,
        (name, code) => SaveError::Other(format!("{name} ({code})")),
    }
}

/// The remembered UI language, if the user chose one before.
pub fn remembered_lang() -> Option<Lang> {
    if !BrowserStore::available() {
        return None;
    }
    LocalStorage::get::<String>(LANG_KEY)
        .ok()
        .and_then(|code| Lang::from_code(&code))
}

/// Remembers the user's language choice; failing to remember it is harmless.
pub fn remember_lang(lang: Lang) {
    if BrowserStore::available() {
        let _ = LocalStorage::set(LANG_KEY, lang.code());
    }
}
