//! Arbitrary bytes as a CRM export through `salgsmal import actuals`: the
//! decoding (UTF-8 or Windows-1252), the CSV reader, the columns and names
//! matched against the example plan, the sums, and the actuals file it
//! would write — which must read back as YAML with the same keys.
//!
//! The first byte chooses the mode: even, the rest is the export; odd, the
//! rest is split at its first NUL byte into a customer list in CSV (which
//! replaces a seller's in the plan, so customer ids are arbitrary too, and
//! goes through the plan's own CSV reader) and the export.
#![no_main]

mod shared;

use libfuzzer_sys::fuzz_target;
use salgsmal::commands::import::{self, Converted};
use salgsmal::load::{Files, load_from};
use salgsmal::model::Plan;
use salgsmal::model::period::Period;
use salgsmal::source::yaml;
use std::path::Path;
use std::sync::OnceLock;

/// The example plan, read once.
fn example_plan() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| {
        load_from(Path::new(shared::ROOT), &Files::Memory(shared::example()))
            .expect("memory never fails")
            .plan
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let custom;
    let (plan, export) = if first & 1 == 1 {
        let (list, export) = match rest.iter().position(|&b| b == 0) {
            Some(at) => (&rest[..at], &rest[at + 1..]),
            None => (rest, &[][..]),
        };
        let mut files = shared::example().clone();
        files.remove("customers/kari.yaml");
        files.insert("customers/kari.csv".to_string(), list.to_vec());
        custom = load_from(Path::new(shared::ROOT), &Files::Memory(&files))
            .expect("memory never fails")
            .plan;
        (&custom, export)
    } else {
        (example_plan(), rest)
    };
    let text = import::decode(export);
    let Ok(Converted {
        sums, customers, ..
    }) = import::convert(&text, plan)
    else {
        return;
    };
    let period = Period::parse("2027-06").expect("a month");
    let written = import::actuals_yaml("crm.csv", period, (&sums, &customers), first & 2 != 0);
    let parsed = yaml::parse(&written);
    assert!(
        parsed.issues.is_empty(),
        "the written actuals do not read back: {:?}\n{written}",
        parsed.issues
    );
    let tree = parsed.root.expect("a tree");
    let sellers = tree.get("sellers").expect("sellers");
    let read: Vec<String> = sellers
        .as_map()
        .unwrap_or_default()
        .iter()
        .filter_map(|(k, _)| k.key_text())
        .collect();
    let wrote: Vec<String> = sums.keys().cloned().collect();
    assert_eq!(read, wrote, "seller ids read back as written\n{written}");
    if !customers.is_empty() {
        let read: Vec<String> = tree
            .get("customers")
            .and_then(yaml::Node::as_map)
            .unwrap_or_default()
            .iter()
            .filter_map(|(k, _)| k.key_text())
            .collect();
        let wrote: Vec<String> = customers.keys().cloned().collect();
        assert_eq!(read, wrote, "customer ids read back as written\n{written}");
    }
});
