//! Storage entries (file::stored, issue 17): packed entries and differences
//! give back exactly the plan file they were made from, whatever the text;
//! damaged entries are errors, never panics; and a district's plan with ten
//! kept versions fits the local storage quota.

#![cfg(not(target_arch = "wasm32"))]

use planner_core::file::stored::{self, apply, delta, difference, pack, resolve, unpack};
use planner_core::file::{decode, decode_stored, encode_compact};
use planner_core::fixtures::generate::{generated_plan, Size};
use planner_core::model::amount::Amount;
use planner_core::model::plan::{Column, LineItem, Plan};
use proptest::prelude::*;

/// What local storage holds per origin, in UTF-16 code units (src/storage.rs).
const QUOTA_CHARS: usize = 5 * 1024 * 1024;

fn chars(text: &str) -> usize {
    text.encode_utf16().count()
}

/// Text with the pieces plan files are cut at (`},`), Korean and beyond the BMP.
fn plan_like_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("},".to_string()),
            Just("{\"id\":1,\"a\":\"2\"},".to_string()),
            "[a-z0-9\"{}:,]{0,12}",
            "\\PC{0,6}",
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

/// One step of a planner's work on a generated plan.
#[derive(Clone, Debug)]
enum Step {
    Figure {
        program: usize,
        year: usize,
        won: i64,
    },
    Rename {
        program: usize,
        name: String,
    },
    Remove {
        program: usize,
    },
    AddItem {
        program: usize,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0usize..64, 0usize..10, 0i64..1_000_000_000)
            .prop_map(|(program, year, won)| Step::Figure { program, year, won }),
        (0usize..64, "\\PC{0,8}").prop_map(|(program, name)| Step::Rename { program, name }),
        (0usize..64).prop_map(|program| Step::Remove { program }),
        (0usize..64).prop_map(|program| Step::AddItem { program }),
    ]
}

fn take(plan: &mut Plan, step: &Step) {
    let n = plan.programs.len().max(1);
    match step {
        Step::Figure { program, year, won } => {
            let first = plan.years.first;
            let source = plan.sources[0].id.clone();
            if let Some(p) = plan.programs.get_mut(program % n) {
                let year = first + i32::try_from(*year).unwrap_or(0);
                p.schedule
                    .set(&source, Column::Year(year), Amount::won(*won * 1_000));
            }
        }
        Step::Rename { program, name } => {
            if let Some(p) = plan.programs.get_mut(program % n) {
                p.name = name.clone();
            }
        }
        Step::Remove { program } => {
            if plan.programs.len() > 1 {
                plan.programs.remove(program % n);
            }
        }
        Step::AddItem { program } => {
            if let Some(p) = plan.programs.get_mut(program % n) {
                p.line_items.push(LineItem {
                    name: "추가".into(),
                    basis: "1천원 × 2회".into(),
                    stated: Some(Amount::won(2_000)),
                });
            }
        }
    }
}

proptest! {
    #[test]
    fn packed_entries_give_back_any_text(text in "\\PC{0,300}") {
        let entry = pack(&text);
        prop_assert!(stored::is_packed(&entry));
        prop_assert_eq!(unpack(&entry).unwrap(), text.as_str());
    }

    #[test]
    fn differences_rebuild_any_text(base in plan_like_text(), target in plan_like_text()) {
        prop_assert_eq!(apply(&base, &delta(&base, &target)).unwrap(), target.clone());
        let entry = difference("base", &base, &target);
        let packed_base = pack(&base);
        let load = |key: &str| match key {
            "base" => Some(packed_base.clone()),
            "it" => Some(entry.clone()),
            _ => None,
        };
        prop_assert_eq!(resolve("it", &load).unwrap(), target);
    }

    /// Damaged entries (any character changed, cut short or lengthened) are
    /// an error or some text, never a panic.
    #[test]
    fn damaged_entries_never_panic(text in "\\PC{0,80}", at in 0usize..200, c in any::<char>(), cut in 0usize..200) {
        let entry = pack(&text);
        let mut damaged: Vec<char> = entry.chars().collect();
        if !damaged.is_empty() {
            let i = at % damaged.len();
            damaged[i] = c;
        }
        let damaged: String = damaged.into_iter().collect();
        let _ = unpack(&damaged);
        let short: String = entry.chars().take(cut).collect();
        let _ = unpack(&short);
        let _ = apply(&text, damaged.as_bytes());
    }

    /// A chain of versions, each kept as the difference from the next newer,
    /// rebuilds every version exactly.
    #[test]
    fn a_chain_of_versions_rebuilds_each(steps in proptest::collection::vec(proptest::collection::vec(step(), 1..4), 1..8)) {
        let mut plan = generated_plan(Size { programs: 12, pledges: 3, ..Size::district(12) }, 5);
        let mut texts = vec![encode_compact(&plan, "t", "v0")];
        for (i, group) in steps.iter().enumerate() {
            for s in group {
                take(&mut plan, s);
            }
            texts.push(encode_compact(&plan, "t", &format!("v{}", i + 1)));
        }
        // Newest whole; each older one the difference from the next newer.
        let newest = texts.len() - 1;
        let mut entries = std::collections::HashMap::new();
        entries.insert(format!("k{newest}"), pack(&texts[newest]));
        for i in 0..newest {
            entries.insert(format!("k{i}"), difference(&format!("k{}", i + 1), &texts[i + 1], &texts[i]));
        }
        let load = |key: &str| entries.get(key).cloned();
        for (i, text) in texts.iter().enumerate() {
            let back = resolve(&format!("k{i}"), &load).unwrap();
            prop_assert_eq!(&back, text);
            prop_assert!(decode(&back).is_ok());
        }
    }
}

#[test]
fn a_difference_without_its_base_is_an_error() {
    let entry = difference("gone", "{\"a\":1},", "{\"a\":2},");
    assert!(resolve("it", &|k: &str| (k == "it").then(|| entry.clone())).is_err());
    assert!(unpack(&entry).is_err());
    // A cycle of differences ends.
    let cycle = difference("it", "{}", "{}");
    assert!(resolve("it", &|_: &str| Some(cycle.clone())).is_err());
}

#[test]
fn stored_entries_of_earlier_releases_read_as_they_are() {
    let plan = generated_plan(Size::district(3), 1);
    let text = encode_compact(&plan, "t", "t");
    assert_eq!(decode_stored(&text).unwrap().plan, plan);
    assert_eq!(decode_stored(&pack(&text)).unwrap().plan, plan);
    assert!(decode_stored("z1:3:\u{4000}").is_err());
}

/// The size the issue asks for: 2,000 programs with 10 line items each, the
/// plan's entry and ten kept versions (edits between each) within the quota,
/// with room to spare for a second plan.
#[test]
fn a_district_plan_with_ten_versions_fits_the_quota() {
    let mut plan = generated_plan(Size::district(2_000), 1);
    let json = encode_compact(&plan, "t", "t");
    assert!(
        chars(&json) > QUOTA_CHARS,
        "as JSON it does not even fit alone"
    );
    let mut texts = vec![json];
    for v in 1..=10 {
        for k in 0..20 {
            take(
                &mut plan,
                &Step::Figure {
                    program: v * 37 + k,
                    year: k % 10,
                    won: 1_234 + k as i64,
                },
            );
        }
        texts.push(encode_compact(&plan, "t", &format!("v{v}")));
    }
    let current = pack(&texts[10]);
    let newest_version = pack(&texts[10]);
    let older: usize = (0..10)
        .map(|i| {
            chars(&difference(
                "budget-planner/version/1/2026-12-01T00:00:00Z",
                &texts[i + 1],
                &texts[i],
            ))
        })
        .sum();
    let used = chars(&current) + chars(&newest_version) + older;
    println!(
        "2,000 programs: entry {} chars, newest version {} chars, 9+1 older versions {} chars: {} of {} ({:.0}%)",
        chars(&current),
        chars(&newest_version),
        older,
        used,
        QUOTA_CHARS,
        used as f64 * 100.0 / QUOTA_CHARS as f64
    );
    assert!(used < QUOTA_CHARS / 2, "{used} chars");
}
