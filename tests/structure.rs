//! The structure rules (SPEC 4.1), run through the real binary.

mod common;
use common::{Plan, assert_at};

#[test]
fn the_example_plan_passes() {
    let (code, json) = Plan::example().check_json();
    assert_eq!(json["summary"]["errors"], 0, "{json:#}");
    assert_eq!(json["summary"]["files"], 10);
    assert_eq!(code, 0);
}

#[test]
fn a_small_valid_plan_passes() {
    let run = Plan::new().run(&["check", "--locale", "en"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout.contains("check passed: 0 errors"),
        "{}",
        run.stdout
    );
}

#[test]
fn yaml_syntax_error_is_located() {
    let plan = Plan::new().file("sellers/ola.yaml", "name: [Ola\nteam: salg-vest\n");
    let d = plan.diagnostics("yaml-syntax");
    assert_eq!(d.len(), 1);
    assert_at(&d[0], "yaml-syntax", "error", "sellers/ola.yaml", 2, 5);
    assert!(
        d[0].get("pointer").is_none(),
        "syntax diagnostics have no pointer"
    );
}

#[test]
fn unknown_key_is_a_schema_error_with_a_suggestion() {
    let plan = Plan::new().file(
        "sellers/kari.yaml",
        "name: Kari\nteam: salg-vest\ngoals:\n  - {id: omsetning, metric: revenue, targt: 10_000_000}\n",
    );
    let d = plan.diagnostics("schema");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_at(&d[0], "schema", "error", "sellers/kari.yaml", 4, 38);
    assert_eq!(d[0]["pointer"], "/goals/0/targt");
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("did you mean `target`?"),
        "{:#}",
        d[0]
    );
}

#[test]
fn missing_and_mistyped_values_are_schema_errors() {
    let plan = Plan::new().file("sellers/kari.yaml", "name: Kari\ngoals: 5\n");
    let d = plan.diagnostics("schema");
    let messages: Vec<&str> = d.iter().filter_map(|d| d["message"].as_str()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("missing the required key `team`")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("expected a list, found 5")),
        "{messages:?}"
    );
    let typed = d.iter().find(|d| d["pointer"] == "/goals").expect("goals");
    assert_at(typed, "schema", "error", "sellers/kari.yaml", 2, 8);
}

#[test]
fn a_malformed_id_date_or_period_is_a_schema_error() {
    let plan = Plan::new()
        .file("salgsmal.yaml", "version: 1\nperiod: 2027-Q5\n")
        .file(
            "teams/salg-vest.yaml",
            "name: Salg\nstarting_point: {date: 31.12.2026}\n",
        );
    let d = plan.diagnostics("schema");
    let config = d
        .iter()
        .find(|d| d["file"] == "salgsmal.yaml")
        .expect("config");
    assert_at(config, "schema", "error", "salgsmal.yaml", 2, 9);
    assert!(
        config["message"]
            .as_str()
            .unwrap_or_default()
            .contains("a period"),
        "{config:#}"
    );
    let team = d
        .iter()
        .find(|d| d["file"] == "teams/salg-vest.yaml")
        .expect("team");
    assert_at(team, "schema", "error", "teams/salg-vest.yaml", 2, 24);
}

#[test]
fn an_id_that_differs_from_the_file_name_is_an_error() {
    let plan = Plan::new().file(
        "sellers/kari.yaml",
        "id: kari-n\nname: Kari\nteam: salg-vest\n",
    );
    let d = plan.diagnostics("schema");
    assert_eq!(d.len(), 1);
    assert_at(&d[0], "schema", "error", "sellers/kari.yaml", 1, 5);
}

#[test]
fn duplicate_key_points_at_the_repeat_and_the_first() {
    let plan = Plan::new().file(
        "sellers/kari.yaml",
        "name: Kari\nteam: salg-vest\ngoals:\n  - id: omsetning\n    metric: revenue\n    target: 10\n    target: 20\n",
    );
    let d = plan.diagnostics("duplicate-key");
    assert_eq!(d.len(), 1);
    assert_at(&d[0], "duplicate-key", "error", "sellers/kari.yaml", 7, 5);
    assert_eq!(d[0]["related"][0]["line"], 6);
}

#[test]
fn duplicate_ids_within_a_file_and_across_files() {
    let plan = Plan::new()
        .file(
            "sellers/kari.yaml",
            "name: Kari\nteam: salg-vest\ngoals:\n  - {id: omsetning, metric: revenue, target: 1}\nkpis:\n  - {id: omsetning, metric: qualified_meetings, target: 10, per: week}\n",
        )
        .file("teams/salg-vest.yml", "name: Kopi\n");
    let d = plan.diagnostics("duplicate-id");
    assert_eq!(d.len(), 2, "{d:#?}");
    let seller = d
        .iter()
        .find(|d| d["file"] == "sellers/kari.yaml")
        .expect("seller");
    assert_at(seller, "duplicate-id", "error", "sellers/kari.yaml", 6, 10);
    assert_eq!(seller["related"][0]["line"], 4);
    assert!(
        d.iter().any(|d| d["file"] == "teams/salg-vest.yml"),
        "{d:#?}"
    );
}

#[test]
fn duplicate_customer_of_one_owner() {
    let plan = Plan::new().file(
        "customers/kari.yaml",
        "owner: kari\ncustomers:\n  - {id: fjordtre, name: Fjordtre AS, revenue: 1}\n  - {id: fjordtre, name: Fjordtre, revenue: 2}\n",
    );
    let d = plan.diagnostics("duplicate-id");
    assert_eq!(d.len(), 1);
    assert_at(&d[0], "duplicate-id", "error", "customers/kari.yaml", 4, 10);
}

#[test]
fn a_finding_in_a_csv_list_without_findings_of_its_own_is_located() {
    // A clean CSV list lets its tree go after it is read; the rule's finding
    // builds it again from the text, at the same line and column.
    let plan = Plan::new().file(
        "customers/kari.csv",
        "id,name,revenue\nfjordtre,Fjordtre AS,1\nfjordtre,Fjordtre,2\n",
    );
    let d = plan.diagnostics("duplicate-id");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_at(&d[0], "duplicate-id", "error", "customers/kari.csv", 3, 1);
}

#[test]
fn unknown_references_are_named_with_a_suggestion() {
    let plan = Plan::new()
        .file(
            "sellers/kari.yaml",
            "name: Kari\nteam: salg-vets\nbaseline: {revenu: 1}\ngoals:\n  - {id: omsetning, metric: revenue, target: 10}\nkpis:\n  - {id: moter, metric: qualified_meetings, target: 10, per: week, supports: [omsetnig]}\n",
        )
        .file("customers/liste.yaml", "owner: karl\ncustomers: []\n")
        .file("actuals/2027-Q1.yaml", "period: 2027-Q1\nsellers:\n  ola: {revenue: 5}\n");
    let d = plan.diagnostics("unknown-reference");
    let find = |ptr: &str| {
        d.iter()
            .find(|d| d["pointer"] == ptr)
            .unwrap_or_else(|| panic!("{ptr} in {d:#?}"))
    };
    let team = find("/team");
    assert_at(
        team,
        "unknown-reference",
        "error",
        "sellers/kari.yaml",
        2,
        7,
    );
    assert_eq!(team["help"], "did you mean `salg-vest`?");
    assert_at(
        find("/baseline/revenu"),
        "unknown-reference",
        "error",
        "sellers/kari.yaml",
        3,
        12,
    );
    assert_eq!(find("/baseline/revenu")["help"], "did you mean `revenue`?");
    assert_at(
        find("/kpis/0/supports/0"),
        "unknown-reference",
        "error",
        "sellers/kari.yaml",
        7,
        79,
    );
    assert_at(
        find("/owner"),
        "unknown-reference",
        "error",
        "customers/liste.yaml",
        1,
        8,
    );
    assert_at(
        find("/sellers/ola"),
        "unknown-reference",
        "error",
        "actuals/2027-Q1.yaml",
        3,
        3,
    );
}

#[test]
fn unknown_metric_product_and_rule_settings() {
    let plan = Plan::new()
        .file("salgsmal.yaml", "version: 1\nperiod: 2027\nproducts: [{id: y}]\nrules:\n  allocaton: {level: warning}\n")
        .file(
            "teams/salg-vest.yaml",
            "name: Salg\ngoals:\n  - {id: a, metric: revenu, target: 1}\n  - {id: b, metric: product_revenue, product: z, target: 1}\n",
        );
    let d = plan.diagnostics("unknown-reference");
    assert_eq!(d.len(), 3, "{d:#?}");
    let messages: Vec<&str> = d.iter().filter_map(|d| d["message"].as_str()).collect();
    assert!(
        messages.contains(&"metric `revenu` does not exist"),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"product `z` is not in the catalogue"),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"rule `allocaton` does not exist"),
        "{messages:?}"
    );
}

#[test]
fn a_parent_chain_that_loops_is_reported() {
    let plan = Plan::new()
        .file("teams/salg-vest.yaml", "name: Vest\nparent: region\n")
        .file("teams/region.yaml", "name: Region\nparent: salg-vest\n");
    let d = plan.diagnostics("unknown-reference");
    assert_eq!(d.len(), 2, "{d:#?}");
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("loops")
    );
}

#[test]
fn dates_outside_the_period() {
    let plan = Plan::new()
        .file(
            "teams/salg-vest.yaml",
            "name: Salg\nmain_goal: {statement: Vekst, deadline: 2028-01-31}\nstarting_point: {date: 2027-02-01}\n",
        )
        // 2025 is neither the plan year nor last year (whose actuals are
        // the baseline).
        .file("actuals/2027-Q2.yaml", "period: 2025-Q4\nas_of: 2027-01-15\n");
    let d = plan.diagnostics("period");
    let find = |ptr: &str, file: &str| {
        d.iter()
            .find(|d| d["pointer"] == ptr && d["file"] == file)
            .unwrap_or_else(|| panic!("{ptr} in {d:#?}"))
    };
    assert_at(
        find("/starting_point/date", "teams/salg-vest.yaml"),
        "period",
        "error",
        "teams/salg-vest.yaml",
        3,
        24,
    );
    assert_at(
        find("/main_goal/deadline", "teams/salg-vest.yaml"),
        "period",
        "error",
        "teams/salg-vest.yaml",
        2,
        41,
    );
    assert_at(
        find("/as_of", "actuals/2027-Q2.yaml"),
        "period",
        "error",
        "actuals/2027-Q2.yaml",
        2,
        8,
    );
    let period_findings = d.iter().filter(|d| d["pointer"] == "/period").count();
    assert_eq!(
        period_findings, 2,
        "outside the plan, and not the file's name: {d:#?}"
    );
}

#[test]
fn a_ratio_written_as_a_number_above_one() {
    let plan = Plan::new().file(
        "sellers/kari.yaml",
        "name: Kari\nteam: salg-vest\ngoals:\n  - {id: db, metric: contribution_margin, target: 25}\n  - {id: db2, metric: contribution_margin, target: \"25 %\"}\n  - {id: omsetning, metric: revenue, target: \"10 %\"}\n",
    );
    let d = plan.diagnostics("ratio");
    assert_eq!(d.len(), 2, "{d:#?}");
    assert_at(&d[0], "ratio", "error", "sellers/kari.yaml", 4, 51);
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("did you mean \"25 %\"?"),
        "{:#}",
        d[0]
    );
    assert_at(&d[1], "ratio", "error", "sellers/kari.yaml", 6, 46);
}

#[test]
fn a_fixed_ratio_field_above_one() {
    let plan = Plan::new().file(
        "customers/kari.yaml",
        "owner: kari\ncustomers:\n  - {id: a, name: A, revenue: 1_000, margin: 19}\n",
    );
    let d = plan.diagnostics("ratio");
    assert_eq!(d.len(), 1, "{:#?}", plan.check_json().1);
    assert_at(&d[0], "ratio", "error", "customers/kari.yaml", 3, 46);
}

#[test]
fn numbers_may_group_digits_and_use_exponents() {
    let plan = Plan::new().file(
        "sellers/kari.yaml",
        "name: Kari\nteam: salg-vest\ngoals:\n  - {id: a, metric: revenue, target: 10_000_000}\n  - {id: b, metric: new_customer_revenue, target: 1.0e6}\n  - {id: c, metric: contribution_margin, target: \"25%\"}\n",
    );
    let (code, json) = plan.check_json();
    assert_eq!(code, 0, "{json:#}");
}

#[test]
fn structure_rules_cannot_be_turned_off() {
    let plan = Plan::new().file(
        "salgsmal.yaml",
        "version: 1\nperiod: 2027\nrules:\n  schema: {level: off}\n",
    );
    let d = plan.diagnostics("unknown-reference");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_at(&d[0], "unknown-reference", "error", "salgsmal.yaml", 4, 19);
}

#[test]
fn a_file_name_must_be_an_id() {
    let plan = Plan::new().file("sellers/Kari N.yaml", "name: Kari\nteam: salg-vest\n");
    let d = plan.diagnostics("schema");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_at(&d[0], "schema", "error", "sellers/Kari N.yaml", 1, 1);
    assert!(
        d[0].get("pointer").is_none(),
        "a whole-file finding has no pointer"
    );
}

#[test]
fn a_weighted_custom_metric_needs_its_weight() {
    let plan = Plan::new().file(
        "salgsmal.yaml",
        "version: 1\nperiod: 2027\nmetrics:\n  - {id: nps, kind: ratio, rollup: weighted_mean}\n",
    );
    let d = plan.diagnostics("unknown-reference");
    assert_eq!(d.len(), 1);
    assert_eq!(
        d[0]["message"],
        "metric `nps` rolls up by weighted_mean but names no `weight`"
    );
}

/// All findings of `check --format json` as (rule, file) pairs.
fn findings(plan: &Plan) -> Vec<(String, String, String)> {
    let (_, json) = plan.check_json();
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["file"].as_str().unwrap_or_default().to_string(),
                d["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_misspelt_or_rejected_value_gives_exactly_one_finding() {
    let team = "name: T\ngoals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\n";
    let kpi = "kpis:\n  - {id: m, metric: qualified_meetings, target: 10, per: week, supports: [omsetning], actions: [a]}\n";
    let cases = [
        (
            team.to_string(),
            format!("name: K\nteam: t\ngoals:\n  - {{id: omsetning, metric: revenue, targt: 10_000_000}}\n{kpi}"),
            "sellers/k.yaml",
            "unknown key `targt` in a goal: did you mean `target`?",
        ),
        (
            team.to_string(),
            format!("name: K\nteam: t\ngoals:\n  - {{id: omsetning, metrc: revenue, target: 10_000_000}}\n{kpi}"),
            "sellers/k.yaml",
            "unknown key `metrc` in a goal: did you mean `metric`?",
        ),
        (
            team.to_string(),
            "name: K\nteam: t\ngoals:\n  - {id: omsetning, metric: revenue, target: \"ti millioner\"}\n".to_string(),
            "sellers/k.yaml",
            "expected a number (10_000_000, 0.25) or a percent string such as \"25 %\", found \"ti millioner\"",
        ),
        (
            "name: T\ngoals:\n  - {id: omsetning, metric: revenue, targett: 10_000_000}\n".to_string(),
            format!("name: K\nteam: t\ngoals:\n  - {{id: omsetning, metric: revenue, target: 10_000_000}}\n{kpi}"),
            "teams/t.yaml",
            "unknown key `targett` in a goal: did you mean `target`?",
        ),
    ];
    for (team, seller, file, message) in cases {
        let plan = Plan::empty()
            .file("salgsmal.yaml", "version: 1\nperiod: 2027\n")
            .file("teams/t.yaml", &team)
            .file("sellers/k.yaml", &seller);
        assert_eq!(
            findings(&plan),
            [("schema".to_string(), file.to_string(), message.to_string())],
            "team:\n{team}\nseller:\n{seller}"
        );
    }
}

#[test]
fn goals_without_ids_are_the_schema_s_findings_only() {
    let plan = Plan::empty()
        .file("salgsmal.yaml", "version: 1\nperiod: 2027\n")
        .file(
            "teams/t.yaml",
            "name: T\ngoals:\n  - {metric: revenue, target: 1}\n  - {metric: offers, target: 1, per: week}\n",
        );
    let found = findings(&plan);
    assert_eq!(
        found
            .iter()
            .map(|(rule, _, _)| rule.as_str())
            .collect::<Vec<_>>(),
        ["schema", "schema"],
        "{found:#?}"
    );
}

/// One plan, read in both languages: the message follows `--locale`, while
/// `message_id` and `args` stay the same for programs that read the JSON.
#[test]
fn findings_speak_the_readers_language_with_the_same_id_and_args() {
    let plan = Plan::new().file(
        "sellers/ola.yaml",
        "name: Ola\nteam: salg-vets\ngoals:\n  - {id: omsetning, metric: revenue, targt: 10_000_000}\n",
    );
    let found = |locale: &str| {
        let run = plan.run(&["check", "--format", "json", "--locale", locale]);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        let of = |rule: &str| {
            json["diagnostics"]
                .as_array()
                .expect("diagnostics")
                .iter()
                .find(|d| d["rule"] == rule && d["file"] == "sellers/ola.yaml")
                .cloned()
                .unwrap_or_else(|| panic!("no {rule} finding in {json:#}"))
        };
        (of("unknown-reference"), of("schema"))
    };
    let (team_nb, key_nb) = found("nb");
    let (team_en, key_en) = found("en");

    assert_eq!(team_nb["message"], "laget `salg-vets` finnes ikke");
    assert_eq!(team_nb["help"], "mente du `salg-vest`?");
    assert_eq!(team_en["message"], "team `salg-vets` does not exist");
    assert_eq!(team_en["help"], "did you mean `salg-vest`?");
    for team in [&team_nb, &team_en] {
        assert_eq!(team["message_id"], "unknown-reference-team");
        assert_eq!(team["args"], serde_json::json!({"team": "salg-vets"}));
    }

    assert_eq!(
        key_nb["message"],
        "ukjent nøkkel `targt` i et mål: mente du `target`?"
    );
    assert!(
        key_nb["help"]
            .as_str()
            .is_some_and(|h| h.starts_with("tillatte nøkler: id, metric, target")),
        "{key_nb:#}"
    );
    assert_eq!(
        key_en["message"],
        "unknown key `targt` in a goal: did you mean `target`?"
    );
    assert!(
        key_en["help"]
            .as_str()
            .is_some_and(|h| h.starts_with("allowed keys: id, metric, target")),
        "{key_en:#}"
    );
    for key in [&key_nb, &key_en] {
        assert_eq!(key["message_id"], "schema-unknown-key-suggest");
        assert_eq!(key["args"]["key"], "targt");
        assert_eq!(key["args"]["suggestion"], "target");
        assert_eq!(key["pointer"], "/goals/0/targt");
    }
    assert_eq!(key_nb["args"]["where"], "i et mål");
    assert_eq!(key_en["args"]["where"], "in a goal");
}
