//! Evaluation against the actuals (SPEC 4.5) and the `off-track` rule, on
//! real plan folders: year-to-date sums, the target to date by phasing or
//! pro rata, ratios from their sums, period boundaries, overlapping files.

mod common;
use common::Plan;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::Value;

const SELLER_PHASED: &str = "name: Kari Nordmann\nteam: salg-vest\ngoals:\n  - {id: omsetning, metric: revenue, target: 10_000_000, phasing: [2_400_000, 2_500_000, 2_500_000, 2_600_000]}\n";

fn actuals(period: &str, body: &str) -> String {
    format!("period: {period}\nsellers:\n{body}")
}

fn only(plan: &Plan, rule: &str) -> Vec<Value> {
    plan.diagnostics(rule)
}

fn arg(d: &Value, name: &str) -> f64 {
    d["args"][name]
        .as_f64()
        .unwrap_or_else(|| panic!("no number `{name}` in {d}"))
}

fn message(d: &Value) -> &str {
    d["message"].as_str().expect("message")
}

#[test]
fn the_year_to_date_is_the_sum_of_the_files() {
    let plan = Plan::new()
        .file(
            "actuals/2027-01.yaml",
            &actuals("2027-01", "  kari: {revenue: 700_000}\n"),
        )
        .file(
            "actuals/2027-02.yaml",
            &actuals("2027-02", "  kari: {revenue: 650_000}\n"),
        )
        .file(
            "actuals/2027-03.yaml",
            &actuals("2027-03", "  kari: {revenue: 800_000}\n"),
        );
    let d = only(&plan, "off-track");
    let seller: Vec<&Value> = d
        .iter()
        .filter(|d| d["file"] == "sellers/kari.yaml")
        .collect();
    assert_eq!(seller.len(), 1, "{d:?}");
    let d = seller[0];
    assert_eq!(d["level"], "warning");
    assert_eq!(d["pointer"], "/goals/0/target");
    assert_eq!(arg(d, "actual"), 2_150_000.0);
    // No phasing: 64 of 2027's 261 working days (Monday to Friday) pro
    // rata, 10 000 000 × 64/261.
    assert!(
        message(d).contains("64 of 261 working days pro rata"),
        "{}",
        message(d)
    );
    assert!(
        message(d).contains("NOK 2,150,000 of NOK 2,452,107"),
        "{}",
        message(d)
    );
    assert!(message(d).contains("below 90%"), "{}", message(d));
    // The message rounds to whole kroner; the JSON keeps the forecast as
    // computed: 2 150 000 × 261/64.
    assert!(
        message(d).contains("= NOK 8,767,969 against"),
        "{}",
        message(d)
    );
    assert_eq!(arg(d, "forecast"), 8_767_968.75);
}

#[test]
fn the_target_to_date_follows_the_phasing_and_prorates_the_current_quarter() {
    let plan = Plan::new()
        .file("sellers/kari.yaml", SELLER_PHASED)
        .file(
            "actuals/2027-Q1.yaml",
            &actuals("2027-Q1", "  kari: {revenue: 2_150_000}\n"),
        )
        .file(
            "actuals/2027-04.yaml",
            "period: 2027-04\nas_of: 2027-04-15\nsellers:\n  kari: {revenue: 100_000}\n",
        );
    let d = only(&plan, "off-track");
    let d = d
        .iter()
        .find(|d| d["file"] == "sellers/kari.yaml")
        .expect("a finding");
    // 2 400 000 + 2 500 000 × 11/65 working days = 2 823 076.92.
    assert!(
        message(d).contains("Q1 and 11 of 65 working days of Q2 by phasing"),
        "{}",
        message(d)
    );
    assert!(
        message(d).contains("of NOK 2,823,077 target to date"),
        "{}",
        message(d)
    );
    assert_eq!(arg(d, "actual"), 2_250_000.0);
}

#[test]
fn a_quarter_file_with_the_phasing_is_the_example() {
    let plan = Plan::new().file("sellers/kari.yaml", SELLER_PHASED).file(
        "actuals/2027-Q1.yaml",
        &actuals("2027-Q1", "  kari: {revenue: 2_150_000}\n"),
    );
    let d = only(&plan, "off-track");
    let d = d
        .iter()
        .find(|d| d["file"] == "sellers/kari.yaml")
        .expect("a finding");
    assert_eq!(
        message(d),
        "revenue to date NOK 2,150,000 of NOK 2,400,000 target to date (Q1 by phasing) = 89.6%; \
         year-end forecast NOK 2,150,000 ÷ 24% of the year = NOK 8,958,333 against NOK 10,000,000, below 90%"
    );
}

#[test]
fn the_forecast_at_period_boundaries() {
    // The first day of a quarter: Q1 done, 1 of 65 working days of Q2.
    let plan = Plan::new()
        .file("sellers/kari.yaml", SELLER_PHASED)
        .file(
            "actuals/2027-Q1.yaml",
            &actuals("2027-Q1", "  kari: {revenue: 1_000_000}\n"),
        )
        .file(
            "actuals/2027-04.yaml",
            "period: 2027-04\nas_of: 2027-04-01\nsellers:\n  kari: {revenue: 10_000}\n",
        );
    let d = only(&plan, "off-track");
    assert!(
        d.iter()
            .any(|d| message(d).contains("Q1 and 1 of 65 working days of Q2 by phasing")),
        "{d:?}"
    );
    // The last day of the year: the whole phasing, and the forecast is the actual.
    let plan = Plan::new().file("sellers/kari.yaml", SELLER_PHASED).file(
        "actuals/2027-Q4.yaml",
        &actuals("2027-Q4", "  kari: {revenue: 8_000_000}\n"),
    );
    let d = only(&plan, "off-track");
    let d = d
        .iter()
        .find(|d| d["file"] == "sellers/kari.yaml")
        .expect("a finding");
    assert!(message(d).contains("Q1–Q4 by phasing"), "{}", message(d));
    assert_eq!(arg(d, "forecast"), 8_000_000.0);
    // A leap year starting on a Saturday: February's file ends on the 29th,
    // working day 42 of 260.
    let plan = Plan::new()
        .file(
            "salgsmal.yaml",
            "version: 1\ncompany: Testfirma AS\nperiod: 2028\n",
        )
        .file(
            "actuals/2028-02.yaml",
            &actuals("2028-02", "  kari: {revenue: 1_000_000}\n"),
        );
    let d = only(&plan, "off-track");
    assert!(
        d.iter()
            .any(|d| message(d).contains("42 of 260 working days pro rata")),
        "{d:?}"
    );
}

#[test]
fn statuses_on_track_at_risk_off_track() {
    // 10 000 000 a year; Q4 ends the year: the forecast is the actual.
    let at = |revenue: &str| {
        let plan = Plan::new().file(
            "actuals/2027-Q4.yaml",
            &actuals("2027-Q4", &format!("  kari: {{revenue: {revenue}}}\n")),
        );
        only(&plan, "off-track")
            .iter()
            .filter(|d| d["file"] == "sellers/kari.yaml")
            .map(|d| d["level"].as_str().expect("level").to_string())
            .collect::<Vec<_>>()
    };
    // One file for the last quarter, as of its last day: the whole year.
    assert!(at("10_000_000").is_empty());
    assert_eq!(at("9_500_000"), ["info"]);
    assert_eq!(at("9_000_000"), ["info"], "exactly at 90 % is at risk");
    assert_eq!(at("8_999_999"), ["warning"]);
}

#[test]
fn the_threshold_is_a_parameter() {
    let plan = Plan::new()
        .file(
            "salgsmal.yaml",
            "version: 1\ncompany: Testfirma AS\nperiod: 2027\nrules:\n  off-track: {at_risk: 0.80}\n",
        )
        .file("actuals/2027-Q4.yaml", &actuals("2027-Q4", "  kari: {revenue: 8_500_000}\n"));
    let d = only(&plan, "off-track");
    let d = d
        .iter()
        .find(|d| d["file"] == "sellers/kari.yaml")
        .expect("a finding");
    assert_eq!(d["level"], "info");
}

#[test]
fn lower_is_better_is_reversed() {
    let at = |churn: &str| {
        let plan = Plan::new()
            .file(
                "sellers/kari.yaml",
                "name: Kari Nordmann\nteam: salg-vest\ngoals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\n  - {id: churn, metric: churn_rate, target: 0.10}\n",
            )
            .file("actuals/2027-Q4.yaml", &actuals("2027-Q4", &format!("  kari: {{revenue: 10_000_000, churn_rate: {churn}}}\n")));
        only(&plan, "off-track")
            .iter()
            .filter(|d| d["file"] == "sellers/kari.yaml")
            .map(|d| {
                (
                    d["level"].as_str().expect("level").to_string(),
                    message(d).to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert!(at("0.09").is_empty());
    let risk = at("0.105");
    assert_eq!(risk.len(), 1);
    assert_eq!(risk[0].0, "info");
    assert!(risk[0].1.contains("over the target"), "{}", risk[0].1);
    let off = at("0.12");
    assert_eq!(off[0].0, "warning");
    assert!(off[0].1.contains("over the target ÷ 90%"), "{}", off[0].1);
}

#[test]
fn a_team_margin_comes_from_the_sums() {
    let team = "name: Salg Vest\ngoals:\n  - {id: db, metric: contribution_margin, target: 0.25}\n";
    let seller = |name: &str| {
        format!(
            "name: {name}\nteam: salg-vest\ngoals:\n  - {{id: db, metric: contribution_margin, target: 0.25}}\n"
        )
    };
    let plan = Plan::new()
        .file("teams/salg-vest.yaml", team)
        .file("sellers/kari.yaml", &seller("Kari"))
        .file("sellers/ola.yaml", &seller("Ola"))
        .file("sellers/per.yaml", &seller("Per"))
        .file(
            "actuals/2027-Q1.yaml",
            // Kari reports the contribution, Ola the margin: 500 000 +
            // 0.10 × 1 000 000 over 3 000 000 = 20 % (the mean of the
            // margins would be 17.5 %). Per has not reported.
            &actuals(
                "2027-Q1",
                "  kari: {revenue: 2_000_000, contribution: 500_000}\n  ola: {revenue: 1_000_000, contribution_margin: 0.10}\n",
            ),
        );
    let d = only(&plan, "off-track");
    let team = d
        .iter()
        .find(|d| d["file"] == "teams/salg-vest.yaml")
        .expect("a team finding");
    assert_eq!(team["level"], "warning");
    assert!(message(team).contains("to date 20%"), "{}", message(team));
    assert!(
        message(team).contains("NOK 600,000 contribution ÷ NOK 3,000,000 revenue"),
        "{}",
        message(team)
    );
    assert!(
        message(team).contains("sellers reported: 2 of 3"),
        "{}",
        message(team)
    );
}

#[test]
fn overlapping_month_and_quarter_files_are_an_error() {
    let plan = Plan::new()
        .file(
            "actuals/2027-03.yaml",
            &actuals("2027-03", "  kari: {revenue: 800_000}\n"),
        )
        .file(
            "actuals/2027-Q1.yaml",
            &actuals("2027-Q1", "  kari: {revenue: 2_150_000}\n"),
        );
    let d = only(&plan, "period");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["level"], "error");
    assert_eq!(d[0]["file"], "actuals/2027-Q1.yaml");
    assert_eq!(d[0]["pointer"], "/sellers/kari");
    assert_eq!(d[0]["line"], 3);
    assert_eq!(d[0]["related"][0]["file"], "actuals/2027-03.yaml");
    // The first file counts: 800 000 to date.
    let off = only(&plan, "off-track");
    let kari = off
        .iter()
        .find(|d| d["file"] == "sellers/kari.yaml")
        .expect("a finding");
    assert_eq!(arg(kari, "actual"), 800_000.0);
    // Different sellers in overlapping files are fine.
    let plan = Plan::new()
        .file(
            "actuals/2027-03.yaml",
            &actuals("2027-03", "  kari: {revenue: 800_000}\n"),
        )
        .file(
            "actuals/2027-Q1.yaml",
            &actuals("2027-Q1", "  ola: {revenue: 2_150_000}\n"),
        );
    let d = only(&plan, "period");
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn without_actuals_nothing_is_evaluated() {
    let plan = Plan::new();
    assert!(only(&plan, "off-track").is_empty());
    // A metric nobody reported is not evaluated either.
    let plan = Plan::new().file(
        "actuals/2027-Q4.yaml",
        &actuals("2027-Q4", "  kari: {new_customer_revenue: 100}\n"),
    );
    assert!(only(&plan, "off-track").is_empty());
}

#[test]
fn the_report_context_carries_the_evaluation() {
    let plan = Plan::new().file("sellers/kari.yaml", SELLER_PHASED).file(
        "actuals/2027-Q1.yaml",
        &actuals("2027-Q1", "  kari: {revenue: 2_150_000}\n"),
    );
    let run = plan.run(&["render", "--dump-context"]);
    let context: Value = serde_json::from_str(&run.stdout).expect("context JSON");
    assert_eq!(context["as_of"], "2027-03-31");
    let e = &context["sellers"][0]["goals"][0]["evaluation"];
    assert_eq!(e["actual"], 2_150_000.0);
    assert_eq!(e["target_to_date"], 2_400_000.0);
    let forecast = e["forecast"].as_f64().expect("forecast");
    assert!((forecast - 8_958_333.333).abs() < 0.001, "{forecast}");
    assert_eq!(e["status"], "off_track");
    assert_eq!(e["method"], "phasing");
    let team = &context["teams"][0]["goals"][0]["evaluation"];
    assert_eq!(team["reported"], 1);
    assert_eq!(team["of"], 1);
    assert_eq!(team["status"], "off_track");
    // Without actuals: null.
    let run = Plan::new().run(&["render", "--dump-context"]);
    let context: Value = serde_json::from_str(&run.stdout).expect("context JSON");
    assert!(context["as_of"].is_null());
    assert!(context["sellers"][0]["goals"][0]["evaluation"].is_null());
}

/// Money with øre: up to kr 10 000 000,00.
fn money() -> impl Strategy<Value = Decimal> {
    (1i64..1_000_000_000).prop_map(|ore| Decimal::new(ore, 2))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// A team's margin to date is Σ contribution ÷ Σ revenue over its
    /// sellers' files, exactly.
    #[test]
    fn a_team_margin_is_total_contribution_over_total_revenue(
        rows in prop::collection::vec((money(), money(), money(), money()), 1..5),
    ) {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        for d in ["teams", "sellers", "actuals"] {
            std::fs::create_dir_all(root.join(d)).expect("mkdir");
        }
        std::fs::write(root.join("salgsmal.yaml"), "version: 1\nperiod: 2027\n").expect("config");
        std::fs::write(root.join("teams/t.yaml"), "name: T\ngoals:\n  - {id: db, metric: contribution_margin, target: 0.25}\n").expect("team");
        let mut q1 = String::from("period: 2027-Q1\nsellers:\n");
        let mut q2 = String::from("period: 2027-Q2\nsellers:\n");
        let (mut contribution, mut revenue) = (Decimal::ZERO, Decimal::ZERO);
        for (i, (r1, c1, r2, c2)) in rows.iter().enumerate() {
            let id = format!("s-{i}");
            std::fs::write(
                root.join(format!("sellers/{id}.yaml")),
                format!("name: {id}\nteam: t\ngoals:\n  - {{id: db, metric: contribution_margin, target: 0.25}}\n"),
            ).expect("seller");
            q1.push_str(&format!("  {id}: {{revenue: {r1}, contribution: {c1}}}\n"));
            q2.push_str(&format!("  {id}: {{revenue: {r2}, contribution: {c2}}}\n"));
            contribution += c1 + c2;
            revenue += r1 + r2;
        }
        std::fs::write(root.join("actuals/2027-Q1.yaml"), q1).expect("q1");
        std::fs::write(root.join("actuals/2027-Q2.yaml"), q2).expect("q2");
        let loaded = salgsmal::load::load(root).expect("load");
        let analysis = salgsmal::rules::analyse(&loaded.plan);
        let team = analysis.evaluation.teams[0][0].as_ref().expect("evaluated");
        prop_assert_eq!(team.sums, Some((contribution, revenue)));
        let exact = salgsmal::analysis::exact::Frac::new(contribution, revenue).expect("revenue");
        prop_assert_eq!(team.actual, exact);
        prop_assert_eq!(team.reported, rows.len());
    }
}

#[test]
fn milestones_are_reached_or_missed_by_their_dates() {
    // Delmål 1 (31 March): 2 000 000 reached by the Q1 file; delmål 2
    // (30 June): 5 000 000 missed (Q1 + Q2 = 4 300 000); delmål 3 (30
    // September) is still ahead on 30 June.
    let team = "name: Salg Vest\nstarting_point: {date: 2026-12-31, values: {revenue: 9_000_000}}\nmilestones:\n  - {id: delmal-1, deadline: 2027-03-31, values: {revenue: 2_000_000}}\n  - {id: delmal-2, deadline: 2027-06-30, values: {revenue: 5_000_000}}\n  - {id: delmal-3, deadline: 2027-09-30, values: {revenue: 7_500_000}}\ngoals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\n";
    let plan = Plan::new()
        .file("teams/salg-vest.yaml", team)
        .file(
            "actuals/2027-Q1.yaml",
            &actuals("2027-Q1", "  kari: {revenue: 2_150_000}\n"),
        )
        .file(
            "actuals/2027-Q2.yaml",
            &actuals("2027-Q2", "  kari: {revenue: 2_150_000}\n"),
        );
    let run = plan.run(&["render", "--dump-context"]);
    let context: Value = serde_json::from_str(&run.stdout).expect("context");
    let milestones = context["teams"][0]["milestones"]
        .as_array()
        .expect("milestones");
    let state = |i: usize| {
        let e = &milestones[i]["evaluation"][0];
        (
            e["state"].as_str().unwrap_or_default().to_string(),
            e["actual"].as_f64().unwrap_or_default(),
        )
    };
    assert_eq!(state(0), ("reached".to_string(), 2_150_000.0));
    assert_eq!(state(1), ("missed".to_string(), 4_300_000.0));
    assert_eq!(state(2), ("pending".to_string(), 4_300_000.0));
    assert_eq!(milestones[0]["evaluation"][0]["reported"], 1);
    // Without actuals there is nothing to evaluate.
    let run = Plan::new()
        .file("teams/salg-vest.yaml", team)
        .run(&["render", "--dump-context"]);
    let context: Value = serde_json::from_str(&run.stdout).expect("context");
    assert!(context["teams"][0]["milestones"][0]["evaluation"].is_null());
}

#[test]
fn customer_actuals_and_notes_reach_the_report_context() {
    let customers = "owner: kari\ncustomers:\n  - {id: vestkraft, name: Vestkraft AS, revenue: 22_500_000, margin: 0.22}\n  - {id: fjordtre, name: Fjordtre AS, revenue: 1_800_000, margin: 0.19}\n";
    let q1 = "period: 2027-Q1\nsellers:\n  kari: {revenue: 2_150_000}\ncustomers:\n  vestkraft: {revenue: 1_000_000, contribution: 120_000}\n  fjordtre: {revenue: 1_150_000, contribution: 250_000}\nnotes: |\n  Fjordtre signerte rammeavtale i februar.\n";
    let plan = Plan::new()
        .file("customers/kari.yaml", customers)
        .file("actuals/2027-Q1.yaml", q1);
    assert!(
        plan.diagnostics("schema").is_empty(),
        "{:#?}",
        plan.diagnostics("schema")
    );
    let run = plan.run(&["render", "--dump-context"]);
    let context: Value = serde_json::from_str(&run.stdout).expect("context");
    let by_id = |id: &str| -> Value {
        context["customers"]
            .as_array()
            .expect("customers")
            .iter()
            .find(|c| c["id"] == id)
            .cloned()
            .expect("customer")
    };
    let vestkraft = by_id("vestkraft");
    assert_eq!(vestkraft["actual_revenue"], 1_000_000.0);
    assert_eq!(vestkraft["actual_contribution"], 120_000.0);
    // Planned a key customer (22,5 M at 22 %); this year's Q1 annualised is
    // about 4 M at 12 %: no longer large.
    assert_eq!(vestkraft["category"], "key");
    assert_ne!(vestkraft["actual_category"], "key");
    assert_eq!(context["actuals"][0]["period"], "2027-Q1");
    assert_eq!(
        context["actuals"][0]["notes"],
        "Fjordtre signerte rammeavtale i februar.\n"
    );
    // A customer in no list is a located error.
    let plan = Plan::new().file("customers/kari.yaml", customers).file(
        "actuals/2027-Q1.yaml",
        "period: 2027-Q1\ncustomers:\n  fjordtr: {revenue: 1}\n",
    );
    let d = plan.diagnostics("unknown-reference");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0]["message"], "customer `fjordtr` is in no customer list");
    assert_eq!(d[0]["help"], "did you mean `fjordtre`?");
    assert_eq!(d[0]["line"], 3);
}

#[test]
fn customer_actuals_can_be_a_csv_beside_the_sellers_yaml() {
    let customers = "owner: kari\ncustomers:\n  - {id: vestkraft, name: Vestkraft AS, revenue: 22_500_000, margin: 0.22}\n  - {id: fjordtre, name: Fjordtre AS, revenue: 1_800_000, margin: 0.19}\n";
    let plan = Plan::new()
        .file("customers/kari.yaml", customers)
        .file(
            "actuals/2027-Q1.yaml",
            "period: 2027-Q1\nsellers:\n  kari: {revenue: 2_150_000}\n",
        )
        .file(
            "actuals/2027-Q1.csv",
            "customer;revenue;contribution\nvestkraft;1 000 000;120 000\nfjordtre;1 150 000,50;250 000\nfjordtre;1;1\n",
        );
    let (_, json) = plan.check_json();
    let found: Vec<(String, String, u64)> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["file"] == "actuals/2027-Q1.csv")
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["message"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [(
            "duplicate-key".to_string(),
            "customer `fjordtre` has a second row (first at line 3); the first is used".to_string(),
            4
        )]
    );
    let run = plan.run(&["render", "--dump-context"]);
    let context: Value = serde_json::from_str(&run.stdout).expect("context");
    let fjordtre = context["customers"]
        .as_array()
        .expect("customers")
        .iter()
        .find(|c| c["id"] == "fjordtre")
        .cloned()
        .expect("fjordtre");
    assert_eq!(fjordtre["actual_revenue"], 1_150_000.5);
    assert_eq!(fjordtre["actual_contribution"], 250_000.0);
}

/// A team's revenue is judged against its own target and phasing, not the
/// sum of its sellers' targets; when a seller has not reported, against the
/// reporting sellers' part of the team target.
#[test]
fn a_team_is_judged_against_its_own_target_and_phasing() {
    let team = "name: Salg Vest\ngoals:\n  - {id: omsetning, metric: revenue, target: 20_000_000, phasing: [4_000_000, 5_000_000, 5_000_000, 6_000_000]}\n";
    let seller = |name: &str, target: &str| {
        format!(
            "name: {name}\nteam: salg-vest\ngoals:\n  - {{id: omsetning, metric: revenue, target: {target}}}\n"
        )
    };
    // Sellers over-assigned to 24 000 000; the team made 4 100 000 in Q1.
    let plan = Plan::new()
        .file("teams/salg-vest.yaml", team)
        .file("sellers/kari.yaml", &seller("Kari Nordmann", "12_000_000"))
        .file("sellers/ola.yaml", &seller("Ola Berg", "12_000_000"))
        .file(
            "actuals/2027-Q1.yaml",
            &actuals(
                "2027-Q1",
                "  kari: {revenue: 2_000_000}\n  ola: {revenue: 2_100_000}\n",
            ),
        );
    let render = plan.run(&["render", "--dump-context"]);
    assert_eq!(render.code, 0, "{}", render.stderr);
    let context: Value = serde_json::from_str(&render.stdout).expect("json");
    let e = &context["teams"][0]["goals"][0]["evaluation"];
    // Q1 of the team's phasing: 4 000 000 of 20 000 000; 4 100 000 ÷ 20 %.
    assert_eq!(e["target_to_date"].as_f64(), Some(4_000_000.0), "{e}");
    assert_eq!(e["forecast"].as_f64(), Some(20_500_000.0), "{e}");
    assert_eq!(e["status"], "on_track");
    assert_eq!(e["method"], "phasing");
    assert!(
        only(&plan, "off-track")
            .iter()
            .all(|d| d["file"] != "teams/salg-vest.yaml"),
        "the team is on track"
    );
    // Ola has not reported: Kari's 12 of the sellers' 24 million is half the
    // team target, 10 000 000, and Q1 is 20 % of it.
    let plan = plan.file(
        "actuals/2027-Q1.yaml",
        &actuals("2027-Q1", "  kari: {revenue: 1_500_000}\n"),
    );
    let d = only(&plan, "off-track");
    let team = d
        .iter()
        .find(|d| d["file"] == "teams/salg-vest.yaml")
        .expect("a team finding");
    assert_eq!(team["level"], "warning");
    assert!(
        message(team).contains("NOK 1,500,000 of NOK 2,000,000 target to date (Q1 by phasing)"),
        "{}",
        message(team)
    );
    assert!(
        message(team).contains(
            "(sellers who reported: 1 of 2; NOK 10,000,000 is their part of the team target NOK 20,000,000)"
        ),
        "{}",
        message(team)
    );
}

/// Last year's actuals, when they cover the whole year, are the sellers'
/// baselines: flows summed, the margin from its sums; a written baseline
/// that differs is an info at its place, and a part of a year is not used.
#[test]
fn last_years_actuals_are_the_baseline() {
    let seller = "name: Kari Nordmann\nteam: salg-vest\nbaseline: {revenue: 8_000_000, contribution_margin: 0.24}\ngoals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\n";
    let quarter = |q: u8, revenue: &str, contribution: &str| {
        (
            format!("actuals/2026-Q{q}.yaml"),
            format!(
                "period: 2026-Q{q}\nsellers:\n  kari: {{revenue: {revenue}, contribution: {contribution}}}\n"
            ),
        )
    };
    let quarters = [
        quarter(1, "1_800_000", "400_000"),
        quarter(2, "2_000_000", "480_000"),
        quarter(3, "1_900_000", "450_000"),
        quarter(4, "2_200_000", "570_000"),
    ];
    let mut plan = Plan::new().file("sellers/kari.yaml", seller);
    for (path, text) in &quarters[..3] {
        plan = plan.file(path, text);
    }
    let context = |plan: &Plan| -> Value {
        let run = plan.run(&["render", "--dump-context"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        serde_json::from_str(&run.stdout).expect("json")
    };
    let baseline = |c: &Value, metric: &str| -> Option<f64> {
        c["sellers"][0]["baseline"]
            .as_array()
            .expect("baseline")
            .iter()
            .find(|b| b["metric"] == metric)
            .and_then(|b| b["value"].as_f64())
    };
    // Three quarters of 2026: not a year, the written baseline stands.
    assert!(
        only(&plan, "period").is_empty(),
        "{:?}",
        only(&plan, "period")
    );
    let in_seller = |plan: &Plan| {
        only(plan, "starting-point")
            .into_iter()
            .filter(|d| d["file"] == "sellers/kari.yaml")
            .collect::<Vec<_>>()
    };
    assert!(in_seller(&plan).is_empty());
    assert_eq!(baseline(&context(&plan), "revenue"), Some(8_000_000.0));
    // The fourth quarter completes the year: 7 900 000 and 1 900 000 ÷
    // 7 900 000 = 24.05 %.
    let (path, text) = &quarters[3];
    let plan = plan.file(path, text);
    let c = context(&plan);
    assert_eq!(baseline(&c, "revenue"), Some(7_900_000.0));
    let margin = baseline(&c, "contribution_margin").expect("margin");
    assert!(
        (margin - 1_900_000.0 / 7_900_000.0).abs() < 1e-12,
        "{margin}"
    );
    assert_eq!(
        c["sellers"][0]["baseline_from_actuals"],
        serde_json::json!(["contribution", "contribution_margin", "revenue"])
    );
    let d = in_seller(&plan);
    let revenue = d
        .iter()
        .find(|d| d["pointer"] == "/baseline/revenue")
        .expect("revenue");
    assert_eq!(revenue["file"], "sellers/kari.yaml");
    assert_eq!(revenue["level"], "info");
    assert_eq!(
        message(revenue),
        "Kari Nordmann's baseline revenue is written NOK 8,000,000, but last year's actuals give NOK 7,900,000 (a gap of NOK 100,000; actuals/2026-Q1.yaml, actuals/2026-Q2.yaml, actuals/2026-Q3.yaml, actuals/2026-Q4.yaml): the actuals are used"
    );
    let margin = d
        .iter()
        .find(|d| d["pointer"] == "/baseline/contribution_margin")
        .expect("margin");
    assert!(
        message(margin).contains("is written 24%, but last year's actuals give 24.1%"),
        "{}",
        message(margin)
    );
    // Last year's actuals are not this year's: nothing is evaluated.
    assert!(only(&plan, "off-track").is_empty());
    // Two years back is outside the plan period.
    let plan = plan.file(
        "actuals/2025-Q4.yaml",
        "period: 2025-Q4\nsellers:\n  kari: {revenue: 1}\n",
    );
    let d = only(&plan, "period");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["file"], "actuals/2025-Q4.yaml");
}
