//! Where the plan is kept between visits: the browser's local storage, behind
//! the small [`PlanStore`] interface so that the rest of the app (and the
//! tests) never touch storage directly.
//!
//! Storage can be blocked (private mode, policy) or full. Neither may crash the
//! app or damage what was saved: every failure comes back as a [`SaveError`]
//! the UI can explain, and the previously saved value stays as it was.

use gloo_storage::{LocalStorage, Storage as _};
use planner_core::file::library::PlanId;
use planner_core::Lang;
use wasm_bindgen::{JsCast, JsValue};

/// The app version written into every stored entry and exported file.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The index of every plan ([`planner_core::file::library::Library`]).
pub const INDEX_KEY: &str = "budget-planner/index";
/// Where the one plan of the first release lived; migrated into the library on load.
pub const LEGACY_PLAN_KEY: &str = "budget-planner/plan";
/// The prefix of plan entries: `budget-planner/plan/7` holds plan 7's file.
pub const PLAN_PREFIX: &str = "budget-planner/plan/";
/// The prefix under which unreadable entries are set aside, never overwritten.
pub const QUARANTINE_PREFIX: &str = "budget-planner/quarantine/";
/// The remembered UI language.
pub const LANG_KEY: &str = "budget-planner/lang";
/// Present from a first visit until the user starts (a plan of their own,
/// an imported file, the demo explored): the plans home's welcome shows.
pub const WELCOME_KEY: &str = "budget-planner/welcome";
/// The prefix of a plan's drafts (typed figures the plan could not take).
pub const DRAFTS_PREFIX: &str = "budget-planner/drafts/";

/// Why a save did not happen. The last saved value is intact in every case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Storage is blocked altogether; the app works in memory only.
    Blocked,
    /// The storage quota is reached (every browser's way of saying so).
    QuotaExceeded,
    /// Another tab changed the plan since this tab read it: nothing was
    /// written until the user chooses which version to keep.
    ChangedElsewhere,
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

/// The storage key of a plan's entry.
pub fn plan_key(id: PlanId) -> String {
    format!("{PLAN_PREFIX}{id}")
}

/// The storage key of a plan's drafts ([`crate::state::drafts`]).
pub fn drafts_key(id: PlanId) -> String {
    format!("{DRAFTS_PREFIX}{id}")
}

/// The key an unreadable entry is set aside under (`index`, or a plan id).
pub fn quarantine_key(what: &str) -> String {
    format!("{QUARANTINE_PREFIX}{what}")
}

/// The few things the app asks of storage.
pub trait PlanStore {
    /// Reads the stored text under `key`, if any.
    fn load(&self, key: &str) -> Result<Stored, SaveError>;
    /// Writes `text` under `key` and reads it back; only a verified write is a save.
    fn save(&self, key: &str, text: &str) -> Result<(), SaveError>;
    /// Deletes `key` (nothing happens when it is absent).
    fn remove(&self, key: &str) -> Result<(), SaveError>;
    /// Every key in storage, to find plan entries an unreadable index lost.
    fn keys(&self) -> Result<Vec<String>, SaveError>;

    /// How much of the quota the stored keys and values take, in UTF-16
    /// code units (what browsers count against [`QUOTA_CHARS`]).
    fn used_chars(&self) -> Result<usize, SaveError> {
        let mut used = 0;
        for key in self.keys()? {
            used += key.encode_utf16().count();
            if let Stored::Text(text) = self.load(&key)? {
                used += text.encode_utf16().count();
            }
        }
        Ok(used)
    }
}

/// The local storage quota of an origin, in UTF-16 code units: 5 Mi in
/// Chromium (measured: 5,242,880 units of keys and values), Firefox and Safari.
pub const QUOTA_CHARS: usize = 5 * 1024 * 1024;

/// From what share of the quota the plans home warns, in percent.
pub const QUOTA_WARNING_PERCENT: usize = 80;

/// Asks the browser to keep this origin's storage under storage pressure;
/// resolves to its answer (`None`: the browser cannot say).
pub async fn request_persistence() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.persist().ok()?;
    let answer = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    answer.as_bool()
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

    fn remove(&self, key: &str) -> Result<(), SaveError> {
        Self::storage()?
            .remove_item(key)
            .map_err(|e| classify_js_error(&e))
    }

    fn keys(&self) -> Result<Vec<String>, SaveError> {
        let storage = Self::storage()?;
        let count = storage.length().map_err(|e| classify_js_error(&e))?;
        Ok((0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect())
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
