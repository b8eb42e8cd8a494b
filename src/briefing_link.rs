//! The wire between the two windows of a briefing (the audience's deck and
//! the presenter's screen): a `BroadcastChannel` per plan on this origin, so
//! it works offline and needs no server. What travels is a
//! [`planner_core::views::presenter::Cue`] as text; the plan itself (notes
//! typed in the presenter window) travels through storage like any save.

use planner_core::file::library::PlanId;
use planner_core::views::presenter::{Cue, Window};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// One window's end of the wire. Dropping it closes the channel.
pub struct BriefingLink {
    channel: web_sys::BroadcastChannel,
    window: Window,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl BriefingLink {
    /// Joins the briefing of plan `plan` as `window`; `on_cue` hears which
    /// window says what. `None` where the browser has no `BroadcastChannel`:
    /// the deck then works in this window alone.
    pub fn join(
        plan: PlanId,
        window: Window,
        on_cue: impl Fn(Window, Cue) + 'static,
    ) -> Option<BriefingLink> {
        let channel =
            web_sys::BroadcastChannel::new(&format!("budget-planner/briefing/{plan}")).ok()?;
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                if let Some((from, cue)) = ev.data().as_string().and_then(|t| Cue::decode(&t)) {
                    on_cue(from, cue);
                }
            });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(BriefingLink {
            channel,
            window,
            _on_message: on_message,
        })
    }

    /// Tells the other window (a closed one hears nothing; that is fine).
    pub fn send(&self, cue: Cue) {
        let _ = self.channel.post_message(&cue.encode(self.window).into());
    }
}

impl Drop for BriefingLink {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}
