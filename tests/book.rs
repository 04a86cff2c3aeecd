//! The documentation book (`docs/book`, mdBook) cannot go stale: its rule
//! reference is the rules' own `explain` output (written by this test with
//! `UPDATE_SNAPSHOTS=1`), every chapter is in the summary, and every
//! relative link of the book and the README leads to a file of the
//! repository, and to a heading there when it names one.

mod common;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn book() -> PathBuf {
    root().join("docs/book/src")
}

/// The rule reference: every rule, in `explain`'s order, as it explains
/// itself.
fn rules_reference() -> String {
    let dir = root();
    let fixed = [("COLUMNS", "100")];
    let list = common::run_in_env(&dir, &["explain", "--locale", "en"], &fixed).stdout;
    let mut out = String::from(
        "# Every rule, as `explain` tells it\n\n\
         Generated from the rules themselves (`salgsmal explain RULE --locale en`; \
         `tests/book.rs` keeps this page in step). The examples are each rule's \
         real output on a small plan. `salgsmal explain RULE --locale nb` says the \
         same in Norwegian.\n",
    );
    for line in common::rule_lines(&list) {
        let id = line.split_whitespace().next().expect("id");
        let text = common::run_in_env(&dir, &["explain", id, "--locale", "en"], &fixed).stdout;
        out.push_str(&format!(
            "\n## `{id}`\n\n```text\n{}\n```\n",
            text.trim_end()
        ));
    }
    out
}

#[test]
fn the_rule_reference_is_the_rules_own_words() {
    let path = book().join("rules-reference.md");
    let actual = rules_reference();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &actual).expect("write");
        return;
    }
    let stored = std::fs::read_to_string(&path).expect("rules-reference.md");
    assert!(
        stored == actual,
        "docs/book/src/rules-reference.md is not what the rules say; run with UPDATE_SNAPSHOTS=1"
    );
    assert!(actual.contains("## `allocation`") && actual.contains("## `ownership`"));
}

#[test]
fn every_chapter_is_in_the_summary() {
    let summary = std::fs::read_to_string(book().join("SUMMARY.md")).expect("summary");
    let listed: HashSet<String> = links(&summary).into_iter().collect();
    for entry in std::fs::read_dir(book()).expect("book") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if name.ends_with(".md") && name != "SUMMARY.md" {
            assert!(listed.contains(&name), "{name} is not in SUMMARY.md");
        }
    }
    for chapter in &listed {
        assert!(book().join(chapter).is_file(), "SUMMARY.md lists {chapter}");
    }
}

/// The targets of the Markdown links and images in `text` (outside code).
fn links(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_code = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        // Inline code spans are not links.
        let mut plain = String::new();
        for (i, part) in line.split('`').enumerate() {
            if i % 2 == 0 {
                plain.push_str(part);
            }
        }
        let mut rest = plain.as_str();
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let Some(end) = after.find(')') else { break };
            out.push(after[..end].to_string());
            rest = &after[end..];
        }
    }
    out
}

/// GitHub's and mdBook's id of a heading: lowercase; letters, digits, `-`
/// and `_` kept, spaces made `-`, the rest dropped.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn anchors(file: &Path) -> HashSet<String> {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    let mut out = HashSet::new();
    let mut in_code = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        }
        if !in_code && line.starts_with('#') {
            out.insert(slug(line.trim_start_matches('#')));
        }
    }
    out
}

fn check_links(file: &Path, problems: &mut Vec<String>) {
    let text = std::fs::read_to_string(file).expect("read");
    let dir = file.parent().expect("dir");
    for link in links(&text) {
        if link.starts_with("http://")
            || link.starts_with("https://")
            || link.starts_with("mailto:")
        {
            continue;
        }
        let (path, anchor) = link
            .split_once('#')
            .map_or((link.as_str(), None), |(p, a)| (p, Some(a)));
        let target = if path.is_empty() {
            file.to_path_buf()
        } else {
            dir.join(path)
        };
        if !target.exists() {
            problems.push(format!(
                "{}: `{link}`: no {}",
                file.display(),
                target.display()
            ));
            continue;
        }
        if let Some(anchor) = anchor
            && target.extension().is_some_and(|e| e == "md")
            && !anchors(&target).contains(anchor)
        {
            problems.push(format!(
                "{}: `{link}`: no heading #{anchor}",
                file.display()
            ));
        }
    }
}

#[test]
fn every_link_of_the_book_and_the_readme_leads_somewhere() {
    let mut problems = Vec::new();
    check_links(&root().join("README.md"), &mut problems);
    for entry in std::fs::read_dir(book()).expect("book") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "md") {
            check_links(&path, &mut problems);
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
