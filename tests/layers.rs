//! The layers of the crate read downwards only: source and i18n → diag →
//! model → load → analysis → rules → report → cli → commands. A module that
//! names a module of its own layer or one above it (`crate::report` in
//! `rules`, say) fails this test, so the module graph stays without cycles.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Each top-level module with its layer; a module may use only modules of a
/// lower layer.
const LAYERS: &[(&str, u32)] = &[
    ("source", 0),
    ("i18n", 0),
    ("diag", 1),
    ("model", 2),
    ("load", 3),
    ("analysis", 4),
    ("rules", 5),
    ("report", 6),
    ("cli", 7),
    ("commands", 8),
];

fn layer(module: &str) -> u32 {
    LAYERS
        .iter()
        .find(|(m, _)| *m == module)
        .map(|(_, l)| *l)
        .unwrap_or_else(|| panic!("module `{module}` has no layer: add it to LAYERS"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The crate modules a file names (`crate::x` anywhere in its code,
/// comments left out).
fn uses(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                // `crate::{load, report::render}`: each name at the top level.
                for part in top_level(group) {
                    let name = ident(part.trim_start());
                    if !name.is_empty() {
                        found.insert(name);
                    }
                }
            } else {
                let name = ident(rest);
                if !name.is_empty() {
                    found.insert(name);
                }
            }
        }
    }
    found
}

fn ident(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// The comma-separated parts of a `{…}` group, up to its closing brace.
fn top_level(group: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                parts.push(&group[start..i]);
                return parts;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&group[start..]);
    parts
}

#[test]
fn every_module_reads_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).expect("inside src");
        let first = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .expect("name");
        let module = first.trim_end_matches(".rs");
        if module == "lib" || module == "main" {
            continue;
        }
        let own = layer(module);
        let text = std::fs::read_to_string(file).expect("read");
        for used in uses(&text) {
            if used == module {
                continue;
            }
            if layer(&used) >= own {
                wrong.push(format!("{} uses crate::{used}", rel.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "modules that read a layer at or above their own:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_check_sees_a_use_of_a_higher_layer() {
    let found = uses(
        "use crate::report::context;\n// crate::commands in a comment\nlet x = crate::rules::all();\nuse crate::{load, model::{Plan, Seller}};",
    );
    assert_eq!(
        found.into_iter().collect::<Vec<_>>(),
        ["load", "model", "report", "rules"]
    );
}
