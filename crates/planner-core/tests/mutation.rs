//! A seeded, structure-aware mutation test of the reader and of everything the
//! app draws from what it reads: thousands of mutated plan files per run (bytes
//! flipped, spans duplicated or cut, figures replaced by boundary values, deep
//! nesting, odd Unicode, keys renamed). Every file is either refused with a
//! short message or read — and then validated, derived, documented, drawn as
//! slides and exported — without a panic, each within a time bound.
//!
//! `MUTATION_CASES` sets the number of files (default 5,000), `MUTATION_SEED`
//! replays a run; the seed is printed on failure.

#![cfg(not(target_arch = "wasm32"))]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use planner_core::file::{decode, encode, encode_compact};
use planner_core::fixtures::bench::everything;
use planner_core::fixtures::demo::demo_plan;
use planner_core::fixtures::generate::{generated_plan, Size};

mod common;
use common::Rng;

/// Values at and beyond every limit, and of every wrong type.
const BOUNDARIES: &[&str] = &[
    "\"79228162514264337593543950335\"",
    "\"-79228162514264337593543950335\"",
    "\"70000000000000000000000000000\"",
    "\"1000000000000000\"",
    "\"-1000000000000000\"",
    "\"1000000000000001\"",
    "\"0.000001\"",
    "\"0.0000001\"",
    "\"-0\"",
    "\"00\"",
    "\"1.50\"",
    "\"1e5\"",
    "\"\"",
    "\"2200\"",
    "\"1899\"",
    "4294967295",
    "4294967296",
    "1000000",
    "1000001",
    "-1",
    "2.0",
    "1e999",
    "-2147483649",
    "255",
    "256",
    "0",
    "null",
    "true",
    "[]",
    "{}",
    "[[[[[[[[[[]]]]]]]]]]",
];

/// Odd Unicode and escapes to drop into the text.
const ODD: &[&str] = &[
    "\u{feff}", "\u{2028}", "\\ud800", "\\udc00", "\\u0000", "\u{0}", "𝟘", "٢٠١٩", "\u{202e}",
    "＝", "\\\"", "\"", "\\",
];

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let len = bytes.len().max(1);
    match rng.below(8) {
        0 => {
            // Flip bytes.
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(len);
                if at < bytes.len() {
                    bytes[at] = (rng.next() & 0xff) as u8;
                }
            }
        }
        1 => {
            // Duplicate a span somewhere.
            let a = rng.below(len);
            let b = (a + 1 + rng.below(400)).min(bytes.len());
            let span = bytes[a..b].to_vec();
            let at = rng.below(len).min(bytes.len());
            bytes.splice(at..at, span);
        }
        2 => {
            // Cut a span.
            let a = rng.below(len);
            let b = (a + 1 + rng.below(200)).min(bytes.len());
            bytes.drain(a..b);
        }
        3 | 4 => {
            // Replace a value (what follows a `": `) by a boundary value.
            let positions: Vec<usize> = text.match_indices("\": ").map(|(i, _)| i + 3).collect();
            if let Some(&start) = positions.get(rng.below(positions.len())) {
                let rest = &text[start..];
                let end = rest
                    .find(|c: char| matches!(c, ',' | '\n' | '}' | ']'))
                    .unwrap_or(rest.len());
                let value = if rest.starts_with('{') || rest.starts_with('[') {
                    0
                } else {
                    end
                };
                let mut out = String::with_capacity(text.len() + 40);
                out.push_str(&text[..start]);
                out.push_str(*rng.pick(BOUNDARIES));
                out.push_str(&text[start + value..]);
                return out;
            }
        }
        5 => {
            // Nest deeply somewhere.
            let at = rng.below(len).min(bytes.len());
            let depth = 10 + rng.below(100);
            let open = if rng.below(2) == 0 { "[" } else { "{\"a\":" };
            bytes.splice(at..at, open.repeat(depth).into_bytes());
        }
        6 => {
            // Odd Unicode.
            let at = rng.below(len);
            let mut out = String::from_utf8_lossy(&bytes).into_owned();
            let mut at = at.min(out.len());
            while !out.is_char_boundary(at) {
                at -= 1;
            }
            out.insert_str(at, *rng.pick(ODD));
            return out;
        }
        _ => {
            // Rename a key by one character.
            let positions: Vec<usize> = text.match_indices("\": ").map(|(i, _)| i).collect();
            if let Some(&at) = positions.get(rng.below(positions.len())) {
                if at > 0 && at <= bytes.len() {
                    bytes[at - 1] = b'a' + (rng.next() % 26) as u8;
                }
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// How long one file may take, read and (if read) drawn in every way, in a
/// debug build: far more than any real file needs.
const BOUND: Duration = Duration::from_secs(2);

fn run(seed: u64, cases: usize) {
    let bases = [
        encode(&demo_plan(), "0.1.0", "2026-12-01T00:00:00Z"),
        encode_compact(&demo_plan(), "0.1.0", "2026-12-01T00:00:00Z"),
        // A generated plan of its own shape (more sources, several indicators), small.
        encode(
            &generated_plan(
                Size {
                    programs: 8,
                    years: 6,
                    sources: 5,
                    pledges: 3,
                    indicators: 2,
                    line_items: 2,
                },
                3,
            ),
            "0.1.0",
            "t",
        ),
    ];
    let mut rng = Rng(seed.max(1));
    let mut read = 0;
    let started = Instant::now();
    for case in 0..cases {
        let mut text = rng.pick(&bases).clone();
        for _ in 0..1 + rng.below(3) {
            text = mutate(&mut rng, &text);
        }
        let began = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| match decode(&text) {
            Ok(file) => Ok(everything(&file.plan)),
            Err(e) => Err(e.to_string()),
        }));
        let took = began.elapsed();
        match outcome {
            Err(_) => panic!(
                "mutation test: a panic on case {case} (MUTATION_SEED={seed}); the file begins {:?}",
                text.chars().take(300).collect::<String>()
            ),
            Ok(Err(message)) => assert!(
                message.len() < 1024,
                "case {case} (MUTATION_SEED={seed}): a message of {} bytes",
                message.len()
            ),
            Ok(Ok(_)) => read += 1,
        }
        assert!(
            took < BOUND,
            "case {case} (MUTATION_SEED={seed}) took {took:?}"
        );
    }
    eprintln!(
        "mutation test: {cases} files from seed {seed}, {read} read and drawn, in {:?}",
        started.elapsed()
    );
}

#[test]
fn no_mutated_file_panics_stalls_or_says_too_much() {
    let seed = std::env::var("MUTATION_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    let cases = std::env::var("MUTATION_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5_000);
    run(seed, cases);
}

/// Plans at every limit at once are read and drawn in every way.
#[test]
fn a_plan_at_every_limit_is_drawn_without_a_panic() {
    let mut text = encode(&demo_plan(), "0.1.0", "2026-12-01T00:00:00Z");
    for figure in ["\"622500000\"", "\"247313000\"", "\"500\"", "\"632\""] {
        text = text.replace(figure, "\"1000000000000000\"");
    }
    text = text.replacen("\"matching\": []", "\"matching\": [{\"source\": \"national\", \"weight\": 1000000}, {\"source\": \"city\", \"weight\": 1}]", 1);
    let file = decode(&text).unwrap();
    everything(&file.plan);
    let negative = text.replace("\"1000000000000000\"", "\"-1000000000000000\"");
    everything(&decode(&negative).unwrap().plan);
}
