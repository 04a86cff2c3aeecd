//! Edge cases found by probing the tool: each pins a behaviour a user relies
//! on (nothing silently wrong, nothing silently dropped).

mod common;
use common::{Plan, messages};
use serde_json::Value;

fn context(plan: &Plan) -> Value {
    let run = plan.run(&["render", "--dump-context"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("context")
}

#[test]
fn a_csv_number_in_the_other_convention_is_reported_not_rescaled() {
    let csv = "id;name;revenue;margin\na;A;1.5;0,2\nb;B;1 500;0.2\n";
    let plan = Plan::new().file("customers/kari.csv", csv);
    let d = plan.diagnostics("schema");
    let at: Vec<(u64, u64)> = d
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(at, [(2, 5), (3, 11)], "{d:#?}");
    let ctx = context(&plan);
    let revenues: Vec<&Value> = ctx["customers"]
        .as_array()
        .expect("c")
        .iter()
        .map(|c| &c["revenue"])
        .collect();
    assert_eq!(revenues[1], 1_500.0, "the valid cell still counts");
    assert_eq!(revenues[0], 0.0, "1.5 is not read as 15");
}

#[test]
fn one_bad_value_in_salgsmal_yaml_does_not_discard_the_rest() {
    let plan = Plan::new()
        .file(
            "salgsmal.yaml",
            "version: 1\nperiod: 2027\nlocale: nn\nproducts: [{id: y}]\n",
        )
        .file(
            "teams/salg-vest.yaml",
            "name: Salg\ngoals:\n  - {id: py, metric: product_revenue, product: y, target: 1}\n",
        );
    let (_, json) = plan.check_json();
    let rules: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("d")
        .iter()
        .filter(|d| d["level"] == "error")
        .filter_map(|d| d["rule"].as_str())
        .collect();
    assert_eq!(rules, ["schema"], "{json:#}");
}

#[test]
fn a_value_the_schema_rejects_is_not_used() {
    let plan = Plan::new().file(
        "sellers/kari.yaml",
        "name: Kari\nteam: salg-vest\ngoals:\n  - {id: omsetning, metric: revenue, target: \"10000000\"}\n  - {id: db, metric: contribution_margin, target: 0.25}\n",
    );
    let d = plan.diagnostics("schema");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["pointer"], "/goals/0/target");
    // The schema error is the root cause: `measurable` does not repeat it.
    assert!(plan.diagnostics("measurable").is_empty());
    let ctx = context(&plan);
    let kari = &ctx["sellers"][0];
    assert!(kari["goals"][0]["target"].is_null());
    assert_eq!(
        kari["goals"][1]["target"], 0.25,
        "the rest of the file still counts"
    );
}

#[test]
fn a_seller_in_two_files_is_counted_once() {
    let plan = Plan::new().file("sellers/kari.yml", "name: Kari\nteam: salg-vest\ngoals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\n");
    assert_eq!(plan.diagnostics("duplicate-id").len(), 1);
    assert!(
        plan.diagnostics("allocation").is_empty(),
        "10 M + 10 M would be over-assigned"
    );
}

#[test]
fn a_team_target_of_zero_with_contributions_is_a_warning() {
    let plan = Plan::new().file(
        "teams/salg-vest.yaml",
        "name: Salg\ngoals:\n  - {id: omsetning, metric: revenue, target: 0}\n",
    );
    let d = plan.diagnostics("allocation");
    assert_eq!(
        messages(&d),
        [
            "the team target is NOK 0, but the individual targets add up to NOK 10,000,000 (Kari Nordmann 10,000,000)"
        ]
    );
    assert_eq!(d[0]["level"], "warning");
}

#[test]
fn accept_paths_are_normalised_and_checked() {
    let seller = "name: Kari\nteam: salg-vest\nbaseline: {revenue: 5_000_000}\ngoals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\n";
    let plan = Plan::new().file("sellers/kari.yaml", seller).file(
        "salgsmal.yaml",
        "version: 1\nperiod: 2027\naccept:\n  - {rule: growth, file: ./sellers/kari.yaml, reason: Avtale}\n  - {rule: growth, file: sellers/nobody.yaml, reason: Feil}\n",
    );
    let (_, json) = plan.check_json();
    assert_eq!(json["summary"]["accepted"], 1, "{json:#}");
    assert_eq!(
        messages(&plan.diagnostics("accept")),
        ["accepts findings in sellers/nobody.yaml, which is not a file of the plan"]
    );
}

#[test]
fn a_csv_row_without_an_owner_is_reported_at_its_row() {
    let csv = "id,name,revenue,owner\nnew1,Ny1,100,kari\nnew2,Ny2,100,\n";
    let plan = Plan::new().file("customers/misc.csv", csv);
    let d = plan.diagnostics("unknown-reference");
    assert_eq!(
        messages(&d),
        ["customer `new2` has no owner, and the file name `misc` is not a seller id"]
    );
    assert_eq!(d[0]["line"], 3);
}

#[test]
fn english_reports_format_the_findings_in_english() {
    let plan = Plan::new().file("sellers/kari.yaml", "name: Kari\nteam: salg-vest\ngoals:\n  - {id: omsetning, metric: revenue, target: 9_000_000}\n");
    let run = plan.run(&[
        "render", "--format", "md", "--locale", "en", "--report", "team", "--out", "out",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = plan.read("out/team-salg-vest.md");
    assert!(
        md.contains("NOK 9,000,000 is NOK 1,000,000 below the team target NOK 10,000,000"),
        "{md}"
    );
}

#[test]
fn a_line_break_in_a_name_does_not_break_the_mermaid_chart() {
    let plan = Plan::new().file("customers/kari.yaml", "owner: kari\ncustomers:\n  - {id: a, name: \"Line1\\nLine2\", revenue: 100, margin: 0.2}\n");
    let run = plan.run(&[
        "render", "--format", "md", "--report", "team", "--out", "out",
    ]);
    assert_eq!(run.code, 0);
    let md = plan.read("out/team-salg-vest.md");
    let point = md.lines().find(|l| l.contains("Line1")).expect("point");
    assert!(
        point.contains("Line2") && point.trim_end().ends_with(']'),
        "{point}"
    );
}

#[test]
fn sarif_uris_are_encoded() {
    let plan = Plan::new().file("sellers/a b.yaml", "name: Kari\nteam: salg-vest\n");
    let run = plan.run(&["check", "--format", "sarif"]);
    let doc: Value = serde_json::from_str(&run.stdout).expect("SARIF");
    assert_eq!(doc["runs"][0]["columnKind"], "unicodeCodePoints");
    let uris: Vec<&str> = doc["runs"][0]["results"]
        .as_array()
        .expect("r")
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    assert!(uris.contains(&"sellers/a%20b.yaml"), "{uris:?}");
}

#[test]
fn cr_only_line_endings_still_show_the_source_line() {
    let plan = Plan::new().file("sellers/kari.yaml", "name: Kari\rteam: salg-vets\r");
    let run = plan.run(&["check"]);
    assert!(run.stdout.contains("2 | team: salg-vets"), "{}", run.stdout);
}

#[test]
fn contradictory_portfolio_bounds_and_non_positive_parameters() {
    let plan = Plan::new()
        .file(
            "teams/salg-vest.yaml",
            "name: Salg\nportfolio_goals:\n  key: {revenue_share: {min: 0.60, max: 0.5}}\n",
        )
        .file(
            "salgsmal.yaml",
            "version: 1\nperiod: 2027\nrules:\n  history: {max_ratio: -1}\n",
        );
    let goals = messages(&plan.diagnostics("portfolio-goals"));
    assert!(goals.contains(&"the revenue_share goal for key asks for at least 60% and at most 50%: it cannot be met".to_string()), "{goals:#?}");
    assert_eq!(
        messages(&plan.diagnostics("unknown-reference")),
        ["`history.max_ratio` must be above 0; the default applies"]
    );
}

#[test]
fn growth_from_a_zero_baseline_is_an_info() {
    let plan = Plan::new().file("sellers/kari.yaml", "name: Kari\nteam: salg-vest\nbaseline: {revenue: 0}\ngoals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\n");
    let d = plan.diagnostics("growth");
    assert_eq!(
        messages(&d),
        [
            "revenue target NOK 10,000,000 starts from a baseline of 0: its growth cannot be measured"
        ]
    );
    assert_eq!(d[0]["level"], "info");
}

#[test]
fn csv_header_problems_are_reported_once_at_the_header() {
    let twice = "id,name,margin,margin\na,A,0.2,0.3\n";
    let d = Plan::new()
        .file("customers/kari.csv", twice)
        .diagnostics("csv-syntax");
    assert_eq!(
        messages(&d),
        ["column `margin` is named twice; the second one is not read"]
    );
    assert_eq!(
        (d[0]["line"].as_u64(), d[0]["column"].as_u64()),
        (Some(1), Some(16))
    );
    let no_id = "name,revenue\nA,1\nB,2\n";
    let d = Plan::new()
        .file("customers/kari.csv", no_id)
        .diagnostics("schema");
    assert_eq!(messages(&d), ["the header has no `id` column"]);
}

#[test]
fn every_malformed_csv_row_is_reported_and_the_others_are_read() {
    let csv = "id,name,revenue\na,A,1\nb,B\nc,C,3,x\nd,D,4\n";
    let plan = Plan::new().file("customers/kari.csv", csv);
    let d = plan.diagnostics("csv-syntax");
    let lines: Vec<u64> = d.iter().filter_map(|d| d["line"].as_u64()).collect();
    assert_eq!(lines, [3, 4]);
    let run = plan.run(&["render", "--dump-context"]);
    let ctx: Value = serde_json::from_str(&run.stdout).expect("context");
    let ids: Vec<&str> = ctx["customers"]
        .as_array()
        .expect("c")
        .iter()
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert_eq!(ids, ["a", "d"]);
}
