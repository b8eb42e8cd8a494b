//! A part of the app loaded on first use (src/parts.rs): "loading…" while its
//! file downloads, a message and a retry where the view would be when the
//! download fails, and the view once its code is here.

use std::cell::Cell;

use budget_planner::parts::{Part, PartLoad, PartUnavailable};
use leptos::prelude::*;

use super::*;

thread_local! {
    static ATTEMPTS: Cell<u32> = const { Cell::new(0) };
}

/// A download that takes a moment and fails the first time (a dropped
/// connection), then succeeds.
fn flaky_download() -> PartLoad {
    let attempt = ATTEMPTS.with(|a| {
        a.set(a.get() + 1);
        a.get()
    });
    Box::pin(async move {
        sleep(40).await;
        if attempt == 1 {
            Err(PartUnavailable)
        } else {
            Ok(())
        }
    })
}

fn the_view() -> Option<AnyView> {
    Some(view! { <p data-testid="part-body">"the view"</p> }.into_any())
}

/// A part already here (a second visit to the view in one session).
fn no_download() -> PartLoad {
    Box::pin(async { Ok(()) })
}

#[wasm_bindgen_test]
async fn a_part_that_fails_to_load_says_so_and_loads_on_retry() {
    let root = mount_view(Rc::new(MemoryStore::default()), Lang::En, || {
        view! { <Part preload=flaky_download show=the_view/> }
    });
    assert_eq!(text_of(&root, ".part-loading"), "Loading…");
    assert_eq!(
        attr(&root, ".part-loading", "aria-busy").as_deref(),
        Some("true")
    );
    sleep(120).await;
    assert!(!exists(&root, "[data-testid=part-body]"));
    assert_eq!(
        attr(&root, ".part-failed", "role").as_deref(),
        Some("alert")
    );
    assert_eq!(
        text_of(&root, ".part-failed p"),
        "This view could not be loaded. Check the network connection and try again; if the app was updated meanwhile, reload the page. Your saved plans are unchanged."
    );
    click(&root, ".part-failed button.primary");
    // The view re-renders on the next tick; the second download takes 40 ms.
    sleep(5).await;
    assert_eq!(text_of(&root, ".part-loading"), "Loading…");
    sleep(120).await;
    assert_eq!(text_of(&root, "[data-testid=part-body]"), "the view");
    assert!(!exists(&root, ".part-failed"));
    assert_eq!(ATTEMPTS.with(Cell::get), 2);
}

#[wasm_bindgen_test]
async fn a_part_already_loaded_shows_at_once_with_no_loading_state() {
    let root = mount_view(Rc::new(MemoryStore::default()), Lang::Ko, || {
        view! { <Part preload=no_download show=the_view/> }
    });
    // Synchronously, before any task ran: no "loading…" flash.
    assert_eq!(text_of(&root, "[data-testid=part-body]"), "the view");
    assert!(!exists(&root, ".part-loading"));
}
