//! Parts of the app loaded on first use.
//!
//! The release build is split (scripts/build-app.sh): the first load carries the
//! shell, the plans home, the overview and the schedule grid; every view named
//! here is a separate wasm file fetched the first time it is opened. A part's
//! function is a split point of `wasm_split_helpers` (the mechanism behind
//! Leptos's `#[lazy]`), declared `fallible`: a part that fails to download is an
//! error the view shows with a retry, never a panic (`#[lazy]` expects success).
//!
//! Without the `split` feature (the component tests, `cargo check`) a part is an
//! ordinary call, so the same views are tested unsplit.

use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
use leptos::task::spawn_local;
use planner_core::Lang;

use crate::state::use_nav;

/// A part's download failed (offline before it was cached, or a server error).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartUnavailable;

impl From<leptos::wasm_split::SplitLoaderError> for PartUnavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PartUnavailable
    }
}

/// A part's download, as the view awaits it.
pub type PartLoad = Pin<Box<dyn Future<Output = Result<(), PartUnavailable>>>>;

/// Declares parts: each a module with the view-building split function, its
/// `preload` (download only), `show` (build, once loaded) and `part` (the
/// `Part` that shows it where the view goes).
macro_rules! parts {
    ($( $(#[$doc:meta])* $module:ident => $body:expr; )*) => {
        $(
            $(#[$doc])*
            pub mod $module {
                use leptos::prelude::*;

                #[cfg(feature = "split")]
                #[leptos::wasm_split::wasm_split($module, fallible, wasm_split_path = ::leptos::wasm_split, preload(download))]
                fn build() -> Result<AnyView, super::PartUnavailable> {
                    Ok($body)
                }

                #[cfg(not(feature = "split"))]
                async fn build() -> Result<AnyView, super::PartUnavailable> {
                    Ok($body)
                }

                #[cfg(not(feature = "split"))]
                async fn download() -> Result<(), super::PartUnavailable> {
                    Ok(())
                }

                /// Downloads the part (at once when it is here).
                pub fn preload() -> super::PartLoad {
                    Box::pin(async { download().await.map_err(super::PartUnavailable::from) })
                }

                /// The part's view, when its code is here.
                pub fn show() -> Option<AnyView> {
                    match super::poll_once(build()) {
                        Some(Ok(view)) => Some(view),
                        _ => None,
                    }
                }

                /// The part where its view goes: "loading…", the view, or a retry.
                pub fn part() -> AnyView {
                    view! { <super::Part preload=preload show=show/> }.into_any()
                }
            }
        )*
    };
}

parts! {
    /// The import dialog (a dropped or chosen file, before it is added).
    import_dialog => view! { <crate::components::chrome::import_dialog::ImportDialog/> }.into_any();
    /// The 예산현황 status table.
    status => view! { <crate::components::views::status::StatusTable/> }.into_any();
    /// The funding split by source.
    split => view! { <crate::components::views::split::SplitView/> }.into_any();
    /// Pledge targets and actuals.
    pledge => view! { <crate::components::views::pledge::PledgeTargets/> }.into_any();
    /// Line items (산출기초).
    line_items => view! { <crate::components::views::items::LineItems/> }.into_any();
    /// Plan settings, sources, staffing and the CSV/XLSX exports.
    settings => view! { <crate::components::views::settings::Settings/> }.into_any();
    /// The budget's stages, their comparison and copy forward.
    stages => view! { <crate::components::views::stages::StagesView/> }.into_any();
    /// The overview's changes between the current stage and the one before.
    stage_changes => view! { <crate::components::views::stages::StageChanges/> }.into_any();
    /// Kept versions and their comparison.
    history => view! { <crate::components::views::history::HistoryView/> }.into_any();
    /// The briefing: the deck (slides, charts, printing) and the presenter's screen.
    deck => view! { <crate::components::views::deck::BriefingView/> }.into_any();
}

/// Polls a future once: a loaded part's call resolves at once (its loader is a
/// finished once-cell), so its view is built synchronously, under the caller's
/// reactive owner.
fn poll_once<T>(future: impl Future<Output = T>) -> Option<T> {
    match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(value) => Some(value),
        Poll::Pending => None,
    }
}

/// Where a part stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Load {
    Loading,
    Ready,
    Failed,
}

impl From<Result<(), PartUnavailable>> for Load {
    fn from(result: Result<(), PartUnavailable>) -> Self {
        if result.is_ok() {
            Load::Ready
        } else {
            Load::Failed
        }
    }
}

/// Shows a part: "loading…" while its file downloads, the view once here, and a
/// message with a retry where the view would be when the download failed.
#[component]
pub fn Part(
    /// Downloads the part.
    preload: fn() -> PartLoad,
    /// Builds the part's view once loaded.
    show: fn() -> Option<AnyView>,
) -> impl IntoView {
    let nav = use_nav();
    let state = RwSignal::new(Load::Loading);
    let start = move || {
        let mut load = preload();
        // Polled here first, so a part already loaded shows with no "loading…" flash.
        match load.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(result) => state.set(result.into()),
            Poll::Pending => {
                state.set(Load::Loading);
                spawn_local(async move { state.set(load.await.into()) });
            }
        }
    };
    start();
    move || {
        let lang = nav.lang.get();
        match state.get() {
            Load::Ready => show().unwrap_or_else(|| loading(lang)),
            Load::Loading => loading(lang),
            Load::Failed => view! {
                <div class="part-state part-failed" role="alert">
                    <p>{lang.pick(
                        "이 화면을 불러오지 못했습니다. 네트워크 연결을 확인한 뒤 다시 시도하세요. 그사이 앱이 새 버전으로 바뀌었다면 페이지를 새로 고치세요. 저장된 계획은 그대로입니다.",
                        "This view could not be loaded. Check the network connection and try again; if the app was updated meanwhile, reload the page. Your saved plans are unchanged.",
                    )}</p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| start()>{lang.pick("다시 시도", "Try again")}</button>
                        // A part of an older build is gone once a new build is served:
                        // the page's own files must then be the new build's.
                        <button type="button" on:click=move |_| crate::browser::reload_page()>{lang.pick("페이지 새로 고침", "Reload the page")}</button>
                    </div>
                </div>
            }
            .into_any(),
        }
    }
}

fn loading(lang: Lang) -> AnyView {
    view! {
        <div class="part-state part-loading" aria-busy="true">
            <p class="hint">{lang.pick("불러오는 중…", "Loading…")}</p>
        </div>
    }
    .into_any()
}
