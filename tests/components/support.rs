//! What every component test shares: storage in memory, the mounted-app
//! guard that unmounts on drop, and the DOM gestures a user makes (focus,
//! type, paste, keys, clicks) sent the way the browser sends them.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Deref;
use std::rc::Rc;

use budget_planner::app::AppWith;
use budget_planner::storage::{plan_key, PlanStore, SaveError, Stored};
use leptos::prelude::*;
use planner_core::file::decode;
use planner_core::{Lang, Plan};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, EventTarget, HtmlElement, HtmlInputElement};

/// Storage in memory, with switches to make it fail the way browsers do.
#[derive(Default)]
pub struct MemoryStore {
    pub entries: RefCell<HashMap<String, String>>,
    pub fail_with: RefCell<Option<SaveError>>,
}

impl PlanStore for MemoryStore {
    fn load(&self, key: &str) -> Result<Stored, SaveError> {
        if let Some(SaveError::Blocked) = *self.fail_with.borrow() {
            return Err(SaveError::Blocked);
        }
        Ok(self
            .entries
            .borrow()
            .get(key)
            .cloned()
            .map_or(Stored::Nothing, Stored::Text))
    }
    fn save(&self, key: &str, text: &str) -> Result<(), SaveError> {
        if let Some(e) = self.fail_with.borrow().clone() {
            return Err(e);
        }
        self.entries
            .borrow_mut()
            .insert(key.to_string(), text.to_string());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), SaveError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, SaveError> {
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}

impl MemoryStore {
    /// The plan file plan `id`'s entry holds (inflated: storage keeps it packed).
    pub fn plan_text(&self, id: u32) -> Option<String> {
        let entry = self.plan_entry(id)?;
        Some(
            planner_core::file::stored::unpack(&entry)
                .ok()?
                .into_owned(),
        )
    }

    /// Plan `id`'s entry exactly as stored.
    pub fn plan_entry(&self, id: u32) -> Option<String> {
        self.entries.borrow().get(&plan_key(id)).cloned()
    }

    /// The first plan as it is stored now (waiting edits not written).
    pub fn stored_plan(&self) -> Plan {
        decode(&self.plan_text(1).expect("plan 1 is stored"))
            .expect("the stored plan reads")
            .plan
    }

    /// The first plan as stored once waiting edits are written, as when
    /// the page hides.
    pub fn saved_plan(&self) -> Plan {
        page_hide();
        self.stored_plan()
    }
}

/// A mounted app. Dropping it unmounts the app (its window listeners and
/// timers go with it), removes its container and clears the URL fragment,
/// so no test leaves anything behind for the next.
pub struct Mounted {
    root: HtmlElement,
    handle: Option<Box<dyn Any>>,
}

impl Deref for Mounted {
    type Target = HtmlElement;
    fn deref(&self) -> &HtmlElement {
        &self.root
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        drop(self.handle.take());
        self.root.remove();
        set_fragment("");
    }
}

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Sets the URL fragment, as following a link to `#fragment` would.
pub fn set_fragment(fragment: &str) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(fragment)
        .unwrap();
}

/// Mounts the app over `store` on the budget status table.
pub fn mount(store: Rc<MemoryStore>, lang: Lang) -> Mounted {
    mount_at(store, lang, "#status")
}

/// Mounts the app over `store` in a fresh container, at the view the URL
/// fragment names.
pub fn mount_at(store: Rc<MemoryStore>, lang: Lang, fragment: &str) -> Mounted {
    set_fragment(fragment);
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(
        root.clone(),
        move || view! { <AppWith store=store lang=lang/> },
    );
    Mounted {
        root,
        handle: Some(Box::new(handle)),
    }
}

/// Mounts `body` alone in a fresh container, under the app's state over `store`
/// (for a piece of the shell tested apart from the views).
pub fn mount_view<V: IntoView + 'static>(
    store: Rc<MemoryStore>,
    lang: Lang,
    body: impl FnOnce() -> V + 'static,
) -> Mounted {
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        budget_planner::state::provide(store, lang);
        body()
    });
    Mounted {
        root,
        handle: Some(Box::new(handle)),
    }
}

/// Mounts the app on a view (`schedule/pledge-1`) and lets it render.
pub async fn open(fragment: &str, store: Rc<MemoryStore>, lang: Lang) -> Mounted {
    let root = mount_at(store, lang, fragment);
    settle().await;
    root
}

fn element(root: &HtmlElement, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element {selector}"))
}

/// The trimmed text of the element `selector` names.
pub fn text_of(root: &HtmlElement, selector: &str) -> String {
    element(root, selector)
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_string()
}

pub fn input(root: &HtmlElement, selector: &str) -> HtmlInputElement {
    element(root, selector).unchecked_into()
}

pub fn exists(root: &HtmlElement, selector: &str) -> bool {
    root.query_selector(selector).unwrap().is_some()
}

pub fn attr(root: &HtmlElement, selector: &str, name: &str) -> Option<String> {
    element(root, selector).get_attribute(name)
}

pub fn click(root: &HtmlElement, selector: &str) {
    element(root, selector)
        .unchecked_into::<HtmlElement>()
        .click();
}

/// The id of the element that has the focus.
pub fn active_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

pub fn js(args: &str, body: &str) -> js_sys::Function {
    js_sys::Function::new_with_args(args, body)
}

/// Focus as a click or Tab gives it. Headless pages may not have window
/// focus: the focus is announced as the browser would.
pub fn focus(target: &HtmlInputElement) {
    target.focus().unwrap();
    js(
        "el",
        "el.dispatchEvent(new FocusEvent('focusin', {bubbles: true}));",
    )
    .call1(&JsValue::NULL, target)
    .unwrap();
}

/// A paste of `text` (as a spreadsheet puts it on the clipboard) into `target`.
pub fn paste(target: &HtmlInputElement, text: &str) {
    js(
        "el, text",
        "const dt = new DataTransfer(); dt.setData('text/plain', text);\
         el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));",
    )
    .call2(&JsValue::NULL, target, &text.into())
    .unwrap();
}

/// Picks `value` in the select `selector` names, as a user does: set, then `change`.
pub fn choose(root: &HtmlElement, selector: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = element(root, selector).unchecked_into();
    select.set_value(value);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

/// Types `value` into an input the way the browser reports it: set, then `input`.
pub fn type_into(field: &HtmlInputElement, value: &str) {
    field.set_value(value);
    field
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

/// A keydown as the browser sends it; true when the page did not cancel it.
pub fn key(target: &EventTarget, key: &str, code: &str, ctrl: bool, shift: bool) -> bool {
    let f = js(
        "el, key, code, ctrl, shift",
        "return el.dispatchEvent(new KeyboardEvent('keydown', {key, code, ctrlKey: ctrl, shiftKey: shift, bubbles: true, cancelable: true}));",
    );
    let args = js_sys::Array::of5(
        target,
        &key.into(),
        &code.into(),
        &ctrl.into(),
        &shift.into(),
    );
    f.apply(&JsValue::NULL, &args).unwrap().as_bool().unwrap()
}

/// A plain key (no modifier) pressed in `target`.
pub fn press(target: &EventTarget, name: &str) {
    key(target, name, "", false, false);
}

/// A key pressed with the focus on the page (as a presenter's clicker sends it).
pub fn press_on_page(name: &str) {
    press(&document().body().unwrap(), name);
}

/// The page is hidden (a tab switch, a closed window): waiting edits are written.
pub fn page_hide() {
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
        .unwrap();
}

/// Waits `ms` milliseconds of browser time (timers run meanwhile).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until the autosave has written the last edit.
pub async fn autosaved() {
    sleep(budget_planner::state::session::AUTOSAVE_MS as i32 + 50).await;
}

/// Lets effects, the microtask queue and one task turn run.
pub async fn settle() {
    sleep(0).await;
}
