//! Arbitrary bytes as one file of the example plan, through the whole path
//! of `check` (and, when asked, of `render`): YAML or CSV reading, schema
//! validation, the typed model, the analysis, every rule, the human and
//! JSON renderers. Any panic is a bug; findings are expected.
//!
//! The first byte chooses the file (its low three bits), whether the
//! reports are rendered too (bit 3), the language (bit 4) and colour
//! (bit 5); the rest is the file's content.
#![no_main]

mod shared;

use libfuzzer_sys::fuzz_target;
use salgsmal::diag::{self, Style, Summary};
use salgsmal::i18n::{Locale, Localizer};
use salgsmal::load::{Files, load_from};
use salgsmal::report;
use salgsmal::rules;
use std::collections::HashMap;
use std::path::Path;

/// The file the input replaces (or adds), and the file it stands in for.
const ROLES: [(&str, Option<&str>); 8] = [
    ("sellers/kari.yaml", None),
    ("teams/salg-vest.yaml", None),
    ("salgsmal.yaml", None),
    ("customers/kari.yaml", None),
    ("actuals/2027-Q1.yaml", None),
    ("customers/kari.csv", Some("customers/kari.yaml")),
    ("actuals/2027-05.csv", None),
    ("sellers/fuzz.yaml", None),
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, content)) = data.split_first() else {
        return;
    };
    let (path, replaces) = ROLES[usize::from(first & 7)];
    let mut files = shared::example().clone();
    if let Some(old) = replaces {
        files.remove(old);
    }
    files.insert(path.to_string(), content.to_vec());
    let root = Path::new(shared::ROOT);
    let loaded = load_from(root, &Files::Memory(&files)).expect("memory never fails");
    let plan = &loaded.plan;
    let analysis = rules::analyse(plan);
    let outcome = rules::run_on(&analysis, loaded.diagnostics.clone());
    let summary = Summary::of(
        &outcome.diagnostics,
        outcome.accepted.len(),
        plan.files.len(),
    );
    let sources: HashMap<String, String> = plan
        .files
        .iter()
        .map(|f| (f.path.clone(), f.text.clone()))
        .collect();
    // One language an input (bit 4 of the first byte), for speed.
    let locale = if first & 16 == 0 {
        Locale::Nb
    } else {
        Locale::En
    };
    let loc = Localizer::new(locale, &plan.settings.fmt.currency);
    let json = diag::render_json(&outcome.diagnostics, &outcome.accepted, summary, &loc);
    let _: serde_json::Value = serde_json::from_str(&json).expect("the JSON output is JSON");
    diag::render_human(
        &outcome.diagnostics,
        &outcome.accepted,
        &sources,
        Some(summary),
        Style {
            color: first & 32 != 0,
        },
        &loc,
    );
    // Every finding points into a file of the plan, at a line it has (lines
    // end at `\n`, `\r\n` or a lone `\r`, as YAML counts them).
    for d in &outcome.diagnostics {
        let Some(text) = sources.get(&d.location.file) else {
            continue;
        };
        let lines = text
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .split('\n')
            .count();
        assert!(
            d.location.line >= 1 && d.location.line <= lines,
            "{} at line {} of {} lines",
            d.location.file,
            d.location.line,
            lines
        );
    }
    if first & 8 != 0 {
        let context = report::context::build(
            &analysis,
            &outcome.diagnostics,
            &outcome.accepted,
            plan.settings.fmt.locale,
        );
        let context = report::linked::link(context);
        let fmt = salgsmal::i18n::Fmt::new(plan.settings.fmt.locale, &plan.settings.fmt.currency);
        let env = report::render::environment(root, &fmt);
        for format in [report::render::Format::Md, report::render::Format::Html] {
            let options = report::render::Options {
                reports: vec![
                    report::render::Report::Team,
                    report::render::Report::Seller,
                    report::render::Report::Review,
                ],
                format,
                team: None,
                seller: None,
            };
            // A template error is a finding of its own; only a panic is a bug.
            let _ = report::render::render(&env, &context, root, &options);
        }
    }
});
