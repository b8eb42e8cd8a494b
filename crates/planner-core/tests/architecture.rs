//! The shape of the code, checked like rust-analyzer's tidy tests: each layer
//! of the core imports only the layers above it (model → rules → change →
//! views → render → file → fixtures), the core never names the browser, and
//! neither crate has a cycle between its modules; the app's state contexts
//! import only those above them (versions → saver → nav → drafts → session →
//! plans → tabs → import). The test reads the source
//! files' `crate::` paths (outside comments and `#[cfg(test)]` modules).

#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The core's layers, top first: a layer may use those before it.
const LAYERS: [&str; 7] = [
    "model", "rules", "change", "views", "render", "file", "fixtures",
];

/// The crate root's re-exports and the module each one is.
const ROOT_ITEMS: [(&str, &str); 8] = [
    ("Amount", "model::amount"),
    ("Unit", "model::amount"),
    ("Owner", "model::plan"),
    ("Plan", "model::plan"),
    ("Program", "model::plan"),
    ("Lang", "model::words"),
    ("Msg", "model::words"),
    ("Edit", "change::edit"),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without comments and without its test modules.
fn code_of(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            // Skip the item that follows, to its closing brace.
            let mut depth = 0i32;
            let mut opened = false;
            for next in lines.by_ref() {
                for c in next.chars() {
                    match c {
                        '{' => {
                            depth += 1;
                            opened = true;
                        }
                        '}' => depth -= 1,
                        _ => {}
                    }
                }
                if opened && depth <= 0 {
                    break;
                }
                if !opened && next.trim_end().ends_with(';') {
                    break;
                }
            }
            continue;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        let code = match line.find("//") {
            // A `//` inside a string (a URL) is rare in these files; keep the line then.
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        };
        out.push_str(code);
        out.push('\n');
    }
    out
}

/// Every module path a file's code names after `crate::`, as `a::b` (or `a`
/// for a top-level module), including those inside `use crate::{...}` groups.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for path in paths_after_crate(code) {
        let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
        if let Some(first) = segments.first() {
            if let Some((_, module)) = ROOT_ITEMS.iter().find(|(item, _)| item == first) {
                out.insert((*module).to_string());
            } else if segments.len() >= 2
                && segments[1].chars().next().is_some_and(char::is_lowercase)
            {
                out.insert(format!("{}::{}", segments[0], segments[1]));
            } else {
                out.insert((*first).to_string());
            }
        }
    }
    out
}

/// Each path a file's code names after `crate::`, as written (`a::b::C`).
fn paths_after_crate(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        let path: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        rest = &after[path.len().min(after.len())..];
        out.push(path);
    }
    out
}

/// The module a file is (`views::deck`, `file` for `file/mod.rs`).
fn module_of(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap().with_extension("");
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .filter(|p| p != "mod")
        .collect();
    parts.join("::")
}

/// A cycle in `graph`, if there is one (a module that reaches itself).
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        on_path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = on_path.iter().position(|n| n == node) {
            let mut cycle = on_path[start..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        on_path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if next != node {
                if let Some(cycle) = visit(next, graph, on_path, done) {
                    return Some(cycle);
                }
            }
        }
        on_path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(cycle) = visit(node, graph, &mut Vec::new(), &mut done) {
            return Some(cycle);
        }
    }
    None
}

/// The module graph of a crate's `src`, skipping the files `skip` names.
fn graph_of(root: &Path, skip: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(root, &mut files);
    let mut graph = BTreeMap::new();
    for path in files {
        let module = module_of(root, &path);
        if skip.contains(&module.as_str()) {
            continue;
        }
        let code = code_of(&std::fs::read_to_string(&path).unwrap());
        let uses = crate_paths(&code)
            .into_iter()
            // A path into a module's own items or its children is not an edge.
            .filter(|used| used != &module && !used.starts_with(&format!("{module}::")))
            .collect();
        graph.insert(module, uses);
    }
    // `panic::install` names a function, not a module: an edge goes to the
    // module that holds it.
    let modules: BTreeSet<String> = graph.keys().cloned().collect();
    for uses in graph.values_mut() {
        *uses = std::mem::take(uses as &mut BTreeSet<String>)
            .into_iter()
            .map(|used| match used.split_once("::") {
                Some((top, _)) if !modules.contains(&used) && modules.contains(top) => {
                    top.to_string()
                }
                _ => used,
            })
            .collect();
    }
    graph
}

fn core_src() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))
}

#[test]
fn each_layer_of_the_core_imports_only_the_layers_above_it() {
    let graph = graph_of(&core_src(), &["lib", "bin::plancheck"]);
    let layer = |module: &str| {
        let top = module.split("::").next().unwrap_or(module);
        LAYERS.iter().position(|l| *l == top)
    };
    let mut wrong = Vec::new();
    for (module, uses) in &graph {
        let Some(own) = layer(module) else {
            wrong.push(format!("{module} is in no layer"));
            continue;
        };
        for used in uses {
            match layer(used) {
                Some(other) if other <= own => {}
                Some(_) => wrong.push(format!("{module} uses {used}, a layer below it")),
                None => wrong.push(format!("{module} uses {used}, which is in no layer")),
            }
        }
    }
    assert!(wrong.is_empty(), "layers broken:\n{}", wrong.join("\n"));
}

#[test]
fn no_module_of_the_core_is_in_a_cycle() {
    let graph = graph_of(&core_src(), &["lib", "bin::plancheck"]);
    assert_eq!(
        find_cycle(&graph),
        None,
        "a cycle between the core's modules"
    );
}

#[test]
fn the_core_never_names_the_browser() {
    let mut files = Vec::new();
    rust_files(&core_src(), &mut files);
    for path in files {
        let code = code_of(&std::fs::read_to_string(&path).unwrap());
        for browser in ["web_sys", "wasm_bindgen", "js_sys", "leptos", "gloo"] {
            assert!(
                !code.contains(&format!("{browser}::")),
                "{} names {browser}",
                path.display()
            );
        }
    }
    let manifest =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap();
    let dependencies = manifest
        .split("[dependencies]")
        .nth(1)
        .and_then(|d| d.split("\n[").next())
        .unwrap_or_default();
    for browser in ["web-sys", "wasm-bindgen", "js-sys", "leptos", "gloo"] {
        assert!(
            !dependencies.contains(browser),
            "the core depends on {browser}"
        );
    }
}

fn app_src() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../src"))
}

/// The app's state modules, top first: each may use those before it (and
/// storage, the browser and the panic hook), never a component or the shell.
const STATE_LAYERS: [&str; 8] = [
    "state::versions",
    "state::saver",
    "state::nav",
    "state::drafts",
    "state::session",
    "state::plans",
    "state::tabs",
    "state::import",
];

#[test]
fn no_module_of_the_app_is_in_a_cycle() {
    let graph = graph_of(&app_src(), &["lib", "main"]);
    assert!(
        graph.contains_key("state::session"),
        "the app's source is not where the test looks"
    );
    assert_eq!(
        find_cycle(&graph),
        None,
        "a cycle between the app's modules"
    );
}

#[test]
fn the_app_state_contexts_import_only_those_above_them() {
    let graph = graph_of(&app_src(), &["lib", "main"]);
    let mut wrong = Vec::new();
    for (own, module) in STATE_LAYERS.iter().enumerate() {
        let Some(uses) = graph.get(*module) else {
            wrong.push(format!("{module} is missing"));
            continue;
        };
        for used in uses {
            let allowed = match STATE_LAYERS.iter().position(|l| l == used) {
                Some(other) => other < own,
                None => ["storage", "browser", "panic"].contains(&used.as_str()),
            };
            if !allowed {
                wrong.push(format!("{module} uses {used}"));
            }
        }
    }
    for (module, uses) in &graph {
        if module.starts_with("components") && uses.iter().any(|u| u == "app") {
            wrong.push(format!("{module} uses the app shell"));
        }
    }
    assert!(
        wrong.is_empty(),
        "the app's layers broken:\n{}",
        wrong.join("\n")
    );
}

/// Every path after `crate::` down to its last module-like (lowercase)
/// segment: `components::views::deck` for `crate::components::views::deck::DeckView`.
fn deep_paths(code: &str) -> BTreeSet<String> {
    paths_after_crate(code)
        .iter()
        .map(|path| {
            path.split("::")
                .take_while(|s| s.chars().next().is_some_and(char::is_lowercase))
                .collect::<Vec<_>>()
                .join("::")
        })
        .filter(|path| !path.is_empty())
        .collect()
}

/// The views the first load leaves out are named only in `parts.rs` (each a
/// split point loaded on first use): a module of the first load that used one
/// would make its code reachable from the start, and the split would keep it
/// in the first load without a word.
#[test]
fn the_parts_loaded_on_first_use_are_named_only_by_the_parts_module() {
    let root = app_src();
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let code: BTreeMap<String, String> = files
        .iter()
        .map(|f| {
            (
                module_of(&root, f),
                code_of(&std::fs::read_to_string(f).unwrap()),
            )
        })
        .collect();
    let lazy: Vec<String> = deep_paths(&code["parts"])
        .into_iter()
        .filter(|p| p.starts_with("components::"))
        .collect();
    assert!(lazy.len() >= 8, "parts.rs names too few views: {lazy:?}");
    let inside = |m: &str| {
        lazy.iter()
            .any(|l| m == l || m.starts_with(&format!("{l}::")))
    };
    let mut wrong = Vec::new();
    for (module, text) in &code {
        if module == "parts" || inside(module) {
            continue;
        }
        for used in deep_paths(text) {
            if inside(&used) {
                wrong.push(format!("{module} uses {used}, a part loaded on first use"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The test finds what it must: a use from below, and a cycle.
#[test]
fn the_checks_can_fail() {
    let code = code_of("use crate::views::deck::Slide;\n// use crate::file::x;\n#[cfg(test)]\nmod tests {\n    use crate::file::y;\n}\n");
    assert_eq!(
        crate_paths(&code),
        BTreeSet::from(["views::deck".to_string()])
    );
    let mut graph = BTreeMap::new();
    graph.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    graph.insert("b".to_string(), BTreeSet::from(["a".to_string()]));
    assert!(find_cycle(&graph).is_some());
}
