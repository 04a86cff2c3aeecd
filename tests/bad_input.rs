//! Bad input never crashes the tool: each case is a located diagnostic, and
//! the other files are still checked.

mod common;
use common::{Plan, assert_at};
use serde_json::Value;

fn rules_in(json: &Value) -> Vec<(String, String, u64)> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["file"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn a_syntax_error_and_a_schema_error_in_two_files_are_both_reported() {
    let plan = Plan::new()
        .file("sellers/ola.yaml", "name: Ola\nteam: [salg-vest\n")
        .file(
            "sellers/ingrid.yaml",
            "name: Ingrid\nteam: salg-vest\nfavourite: blue\n",
        );
    let (code, json) = plan.check_json();
    assert_eq!(code, 1);
    let found = rules_in(&json);
    assert!(
        found.contains(&("yaml-syntax".into(), "sellers/ola.yaml".into(), 3)),
        "{found:?}"
    );
    assert!(
        found.contains(&("schema".into(), "sellers/ingrid.yaml".into(), 3)),
        "{found:?}"
    );
    assert_eq!(json["summary"]["errors"], 2);
}

#[test]
fn a_billion_laughs_alias_bomb_is_refused() {
    let mut text = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for i in 1..10u8 {
        let prev = char::from(b'a' + i - 1);
        let cur = char::from(b'a' + i);
        let refs = vec![format!("*{prev}"); 9].join(",");
        text.push_str(&format!("{cur}: &{cur} [{refs}]\n"));
    }
    let plan = Plan::new().file("sellers/bomb.yaml", &text);
    let d = plan.diagnostics("yaml-syntax");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0]["file"], "sellers/bomb.yaml");
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("alias"),
        "{:#}",
        d[0]
    );
    assert!(d[0]["line"].as_u64().unwrap_or(0) > 1);
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused() {
    let flow = format!("a: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let block = format!("{}x\n", "- ".repeat(10_000));
    let mapping: String =
        (0..10_000).map(|_| "{a: ").collect::<String>() + "1" + &"}".repeat(10_000) + "\n";
    let plan = Plan::new()
        .file("sellers/flow.yaml", &flow)
        .file("sellers/block.yaml", &block)
        .file("sellers/mapping.yaml", &mapping);
    let d = plan.diagnostics("yaml-syntax");
    let files: Vec<&str> = d.iter().filter_map(|d| d["file"].as_str()).collect();
    assert_eq!(
        files,
        [
            "sellers/block.yaml",
            "sellers/flow.yaml",
            "sellers/mapping.yaml"
        ],
        "{d:#?}"
    );
    for diag in &d {
        assert_eq!(diag["line"], 1);
        assert!(diag["column"].as_u64().unwrap_or(0) > 100, "{diag:#}");
    }
}

#[test]
fn non_utf8_bytes_are_located() {
    let plan = Plan::new().bytes("sellers/ola.yaml", b"name: Ola\nteam: salg-\xff\xfevest\n");
    let d = plan.diagnostics("yaml-syntax");
    assert_eq!(d.len(), 1);
    assert_at(&d[0], "yaml-syntax", "error", "sellers/ola.yaml", 2, 12);
}

#[test]
fn an_empty_file_is_a_diagnostic() {
    let plan = Plan::new()
        .file("sellers/ola.yaml", "")
        .file("teams/tom.yaml", "# only a comment\n");
    let d = plan.diagnostics("schema");
    assert_eq!(d.len(), 2, "{d:#?}");
    assert_at(&d[0], "schema", "error", "sellers/ola.yaml", 1, 1);
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("empty")
    );
}

#[test]
fn huge_numbers_are_diagnostics() {
    let plan = Plan::new()
        .file("sellers/ola.yaml", "name: Ola\nteam: salg-vest\ngoals:\n  - {id: a, metric: revenue, target: 1e400}\n")
        .file("sellers/ingrid.yaml", "name: Ingrid\nteam: salg-vest\ngoals:\n  - {id: a, metric: revenue, target: 99999999999999999999999999999999}\n")
        .file("sellers/per.yaml", "name: Per\nteam: salg-vest\ngoals:\n  - {id: a, metric: revenue, target: .inf}\n");
    let d = plan.diagnostics("schema");
    let at: Vec<(&str, u64, u64)> = d
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap_or_default(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        at,
        [
            ("sellers/ingrid.yaml", 4, 38),
            ("sellers/ola.yaml", 4, 38),
            ("sellers/per.yaml", 4, 38)
        ],
        "{d:#?}"
    );
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("too large"),
        "{:#}",
        d[0]
    );
}

#[test]
fn a_file_over_the_size_limit_is_not_read() {
    let plan = Plan::new()
        .file(
            "salgsmal.yaml",
            "version: 1\nperiod: 2027\nlimits: {max_file_bytes: 300}\n",
        )
        .file(
            "sellers/ola.yaml",
            &format!("name: Ola\nteam: salg-vest\n# {}\n", "x".repeat(400)),
        );
    let d = plan.diagnostics("yaml-syntax");
    assert_eq!(d.len(), 1);
    assert_at(&d[0], "yaml-syntax", "error", "sellers/ola.yaml", 1, 1);
}

#[test]
fn a_second_document_tags_and_odd_keys_do_not_crash() {
    let plan = Plan::new()
        .file(
            "sellers/ola.yaml",
            "name: Ola\nteam: salg-vest\n---\nname: Per\n",
        )
        .file(
            "sellers/per.yaml",
            "? [a, b]\n: 1\nname: !!str 5\nteam: salg-vest\n",
        )
        .file("sellers/anna.yaml", "name: Anna\nteam: *nothing\n");
    let (code, json) = plan.check_json();
    assert_eq!(code, 1);
    let found = rules_in(&json);
    assert!(
        found.contains(&("yaml-syntax".into(), "sellers/ola.yaml".into(), 3)),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(r, f, _)| r == "schema" && f == "sellers/per.yaml"),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(_, f, _)| f == "sellers/anna.yaml"),
        "{found:?}"
    );
}

#[test]
fn a_broken_config_is_a_diagnostic_and_the_rest_is_still_checked() {
    let plan = Plan::new()
        .file("salgsmal.yaml", "version: 1\nperiod: [2027\n")
        .file("sellers/ola.yaml", "name: Ola\nteam: salg-vets\n");
    let (code, json) = plan.check_json();
    assert_eq!(code, 1);
    let found = rules_in(&json);
    assert!(
        found
            .iter()
            .any(|(r, f, _)| r == "yaml-syntax" && f == "salgsmal.yaml"),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(r, f, _)| r == "unknown-reference" && f == "sellers/ola.yaml"),
        "{found:?}"
    );
}

#[test]
fn extreme_values_never_overflow_a_rule() {
    let seller = "name: Kari\nteam: salg-vest\nbaseline: {revenue: 0.0000000001, closing_rate: 0.0000000001}
goals:
  - {id: omsetning, metric: revenue, target: 1000000000000000}
  - {id: db, metric: contribution_margin, target: \"100000000000 %\"}
kpis:
  - {id: m, metric: qualified_meetings, target: 1000000000000000, per: day, supports: [omsetning], actions: [a]}
  - {id: closing, metric: closing_rate, target: \"1000000000000000 %\", supports: [omsetning, db], actions: [a]}
  - {id: p, metric: pipeline_value, target: 1000000000000000, actions: [a]}
assumptions: {meeting_to_offer_rate: \"1000000000000000 %\", average_deal_size: 1000000000000000}
";
    let plan = Plan::new()
        .file("salgsmal.yaml", "version: 1\nperiod: 2027\nworking_weeks: 1000000000000000\nhours_per_week: 0.0000001\n")
        .file("sellers/kari.yaml", seller)
        .file("sellers/ola.yaml", "name: Ola\nteam: salg-vest\ngoals:\n  - {id: omsetning, metric: revenue, target: 10000000000000000}\n");
    let run = plan.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 1);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let rules: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("d")
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .collect();
    assert!(!rules.is_empty());
    let too_large = json["diagnostics"]
        .as_array()
        .expect("d")
        .iter()
        .find(|d| d["file"] == "sellers/ola.yaml")
        .expect("ola's 10^16 is reported");
    assert!(
        too_large["message"]
            .as_str()
            .unwrap_or_default()
            .contains("too large"),
        "{too_large:#}"
    );
    assert_eq!(too_large["line"], 4);
}

#[test]
fn the_largest_values_anywhere_are_findings_not_a_crash() {
    // Every number at the limit (10^15 less a little), in every place the
    // analysis multiplies two of them: weighted means, baselines, actuals.
    let big = "900_000_000_000_000";
    let plan = Plan::empty()
        .file(
            "salgsmal.yaml",
            "version: 1\nperiod: 2027\nmetrics:\n  - {id: score_x, label: {en: X}, kind: money, rollup: weighted_mean, weight: revenue}\n",
        )
        .file(
            "teams/t.yaml",
            &format!("name: T\nstarting_point: {{date: 2026-12-31, values: {{score_x: {big}, revenue: {big}, contribution_margin: 0.2}}}}\nmilestones:\n  - {{id: d1, deadline: 2027-03-31, values: {{revenue: {big}}}}}\ngoals:\n  - {{id: x, metric: score_x, target: {big}}}\n  - {{id: r, metric: revenue, target: {big}, phasing: [{big}, {big}, {big}, {big}]}}\n  - {{id: db, metric: contribution_margin, target: 0.2}}\n"),
        )
        .file(
            "sellers/a.yaml",
            &format!("name: A\nteam: t\nbaseline: {{revenue: {big}, score_x: {big}, contribution_margin: 0.3, offers: {big}}}\ngoals:\n  - {{id: x, metric: score_x, target: {big}}}\n  - {{id: r, metric: revenue, target: {big}}}\n  - {{id: db, metric: contribution_margin, target: 0.2}}\nkpis:\n  - {{id: o, metric: offers, target: {big}, per: day, actions: [a]}}\n  - {{id: c, metric: closing_rate, target: 0.5, actions: [a]}}\n"),
        )
        .file(
            "sellers/b.yaml",
            &format!("name: B\nteam: t\nbaseline: {{revenue: {big}, score_x: {big}}}\ngoals:\n  - {{id: x, metric: score_x, target: {big}}}\n  - {{id: r, metric: revenue, target: {big}}}\n"),
        )
        .file(
            "customers/a.yaml",
            &format!("owner: a\ncustomers:\n  - {{id: c1, name: C1, revenue: {big}, margin: 0.5, potential: {big}}}\n  - {{id: c2, name: C2, revenue: {big}, margin: 0.1}}\n"),
        )
        .file(
            "actuals/2027-Q1.yaml",
            &format!("period: 2027-Q1\nsellers:\n  a: {{revenue: {big}, contribution: {big}, offers: {big}, offers_won: {big}}}\n  b: {{revenue: {big}}}\ncustomers:\n  c1: {{revenue: {big}, contribution: {big}}}\n"),
        );
    for args in [
        vec!["check", "--locale", "en"],
        vec!["render", "--out", "out"],
        vec!["render", "--dump-context"],
    ] {
        let run = plan.run(&args);
        assert!(
            run.code == 0 || run.code == 1,
            "salgsmal {args:?} exited {}:\n{}",
            run.code,
            run.stderr
        );
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
}
