//! Issue 13's "done when", end to end with the real binary and real git:
//! from last year's workbook to a plan repository, a fair split of the
//! team goal written into it, two scenarios tried in the meeting, and a
//! workbook for finance — every number exact all the way.

mod common;
use common::{git_as, run_in};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::path::Path;

/// Every seller's and team's targets, exactly as the plan holds them:
/// (file, metric, product) → target.
fn targets(root: &Path) -> BTreeMap<(String, String, Option<String>), Decimal> {
    let loaded = salgsmal::load::load(root).expect("a plan");
    let plan = &loaded.plan;
    let mut out = BTreeMap::new();
    for s in &plan.sellers {
        for g in s.data.goals.iter().chain(&s.data.kpis) {
            if let Some(t) = g.target {
                out.insert(
                    (
                        format!("sellers/{}", s.id),
                        g.metric.clone(),
                        g.product.clone(),
                    ),
                    t.value,
                );
            }
        }
    }
    for t in &plan.teams {
        for g in &t.data.goals {
            if let Some(v) = g.target {
                out.insert(
                    (
                        format!("teams/{}", t.id),
                        g.metric.clone(),
                        g.product.clone(),
                    ),
                    v.value,
                );
            }
        }
    }
    out
}

fn findings(root: &Path, args: &[&str], rule: &str) -> (i32, Vec<serde_json::Value>) {
    let mut all = vec!["check", "--format", "json", "--locale", "en"];
    all.extend_from_slice(args);
    let run = run_in(root, &all);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let found = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == rule)
        .cloned()
        .collect();
    (run.code, found)
}

#[test]
fn from_a_workbook_to_a_fair_split_two_scenarios_and_a_workbook_for_finance() {
    let work = tempfile::tempdir().expect("temp dir");
    let dir = work.path();
    let book = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/salgsplan.xlsx");

    // Last year's spreadsheet → a plan repository in git.
    let run = run_in(
        dir,
        &[
            "import",
            "plan",
            book.to_str().expect("utf-8"),
            "--out",
            "plan",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let root = dir.join("plan");
    let who = ("Ola Hansen", "ola.hansen@nordlys.no");
    git_as(&root, &["init", "-q", "-b", "main"], who, None);
    git_as(&root, &["add", "-A"], who, None);
    git_as(
        &root,
        &["commit", "-qm", "Plan from last year's workbook"],
        who,
        None,
    );

    // A fair split of the team goal, written into the seller files.
    let run = run_in(
        &root,
        &["allocate", "salg-vest", "--round", "100_000", "--write"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let split = targets(&root);
    let goal = split[&("teams/salg-vest".into(), "revenue".into(), None)];
    let sellers: Decimal = split
        .iter()
        .filter(|((file, metric, _), _)| file.starts_with("sellers/") && metric == "revenue")
        .map(|(_, v)| *v)
        .sum();
    assert_eq!(sellers, goal, "the split adds up to the goal to the øre");
    for rule in ["allocation", "fairness"] {
        let (_, found) = findings(&root, &[], rule);
        assert!(found.is_empty(), "{rule}: {found:#?}");
    }
    git_as(
        &root,
        &["commit", "-qam", "Fair split of the team goal"],
        who,
        None,
    );
    let diff = run_in(&root, &["diff", "HEAD~1", "HEAD", "--format", "json"]);
    assert_eq!(diff.code, 0, "{}", diff.stderr);
    assert!(diff.stdout.contains("revenue"), "{}", diff.stdout);

    // Two scenarios in the meeting; the files stay as they are.
    let optimistic = dir.join("optimistisk.yaml");
    std::fs::write(
        &optimistic,
        "sellers/kari.yaml:\n  goals: {revenue: {target: 10_700_000}}\n",
    )
    .expect("write");
    let careful = dir.join("forsiktig.yaml");
    std::fs::write(
        &careful,
        "sellers/ola.yaml:\n  goals: {revenue: {target: 15_000_000}}\n",
    )
    .expect("write");
    let (code, found) = findings(
        &root,
        &["--scenario", optimistic.to_str().expect("utf-8")],
        "allocation",
    );
    assert_eq!(code, 0);
    assert!(found.is_empty(), "2 M over is within max_over: {found:#?}");
    let (code, found) = findings(
        &root,
        &["--scenario", careful.to_str().expect("utf-8")],
        "allocation",
    );
    assert_eq!(code, 1, "Ola 5.5 M lower leaves the team short");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["file"], "teams/salg-vest.yaml");
    let shown = run_in(
        &root,
        &[
            "diff",
            "--locale",
            "en",
            "--scenario",
            careful.to_str().expect("utf-8"),
        ],
    );
    assert!(shown.stdout.contains("1 new error"), "{}", shown.stdout);
    assert_eq!(targets(&root), split, "a scenario writes nothing");
    let status = git_as(&root, &["status", "--porcelain"], who, None);
    assert_eq!(status.trim(), "", "the working tree is clean");

    // A workbook for finance, and back: every target exact.
    let run = run_in(&root, &["export", "../finans.xlsx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = run_in(dir, &["import", "plan", "finans.xlsx", "--out", "tilbake"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(targets(&dir.join("tilbake")), split);
}
