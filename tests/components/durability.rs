//! Property: whatever sequence of edits, saves, failed writes and reloads a
//! user goes through, every edit the header showed as saved is there after a
//! reload, and nothing older comes back. Sequences are drawn from a seeded
//! generator, so a failure names its seed and replays exactly.

use super::*;

/// A small deterministic generator (xorshift64*), enough to draw steps.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The budget cells the steps type into: program 1–4 × this/prior year.
const CELLS: [&str; 8] = [
    "#program-1-budget-this-year",
    "#program-1-budget-prior-year",
    "#program-2-budget-this-year",
    "#program-2-budget-prior-year",
    "#program-3-budget-this-year",
    "#program-3-budget-prior-year",
    "#program-4-budget-this-year",
    "#program-4-budget-prior-year",
];

fn shown(root: &HtmlElement) -> Vec<String> {
    // Compared as figures: "318712" typed is "318,712" once formatted.
    CELLS
        .iter()
        .map(|c| input(root, c).value().replace(',', ""))
        .collect()
}

#[wasm_bindgen_test]
async fn no_edit_shown_as_saved_is_ever_lost() {
    for seed in 1..=20u64 {
        let mut draw = Draw(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let store = Rc::new(MemoryStore::default());
        let mut root = mount(store.clone(), Lang::En);
        settle().await;
        let mut last_saved = shown(&root);
        for step in 0..25 {
            match draw.below(10) {
                // Type a figure into a cell.
                0..=4 => {
                    let cell = input(&root, CELLS[draw.below(8) as usize]);
                    type_into(&cell, &draw.below(1_000_000).to_string());
                    settle().await;
                }
                // The next write fails, the way browsers fail.
                5 => {
                    let error = if draw.below(2) == 0 {
                        SaveError::QuotaExceeded
                    } else {
                        SaveError::Other("io".into())
                    };
                    *store.fail_with.borrow_mut() = Some(error);
                }
                // Storage works again.
                6 => *store.fail_with.borrow_mut() = None,
                // The page is hidden: waiting edits are written now.
                7 | 8 => {
                    page_hide();
                    settle().await;
                }
                // Reload: the page goes (writing what waits), a new one loads.
                _ => {
                    page_hide();
                    settle().await;
                    // A waiting edit written on the way out is saved too.
                    if text_of(&root, "[data-testid=save-state]").starts_with("✓ Saved") {
                        last_saved = shown(&root);
                    }
                    drop(root);
                    *store.fail_with.borrow_mut() = None;
                    root = mount(store.clone(), Lang::En);
                    settle().await;
                    assert_eq!(
                        shown(&root),
                        last_saved,
                        "seed {seed}, step {step}: reload lost a saved edit"
                    );
                }
            }
            if text_of(&root, "[data-testid=save-state]").starts_with("✓ Saved") {
                last_saved = shown(&root);
            }
        }
        drop(root);
    }
}
