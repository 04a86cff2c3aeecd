//! The example in `salgsmal explain RULE` is the rule's real output: each
//! rule runs on a small plan here, in nb and en, and the finding it prints
//! is what `explain` shows (`src/rules/examples/{nb,en}.txt`, embedded in the
//! binary). `UPDATE_SNAPSHOTS=1` writes the files after a deliberate change;
//! otherwise the test fails when a stored example is not what the rule says.

mod common;
use common::Plan;

const CONFIG: &str = "version: 1\ncompany: Nordlys Industri AS\nperiod: 2027\nproducts: [{id: y, name: Produktområde Y, new: true}]\n";

const TEAM: &str = "name: Salg Vest\nstarting_point: {date: 2026-12-31, values: {revenue: 56_000_000}}\ngoals:\n  - {id: omsetning, metric: revenue, target: 60_000_000}\n";

fn seller(name: &str, body: &str) -> String {
    format!("name: {name}\nteam: salg-vest\n{body}")
}

const KARI: &str = "baseline: {revenue: 8_000_000, closing_rate: 0.55}\ngoals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\nkpis:\n  - {id: moter, metric: qualified_meetings, target: 10, per: week, supports: [omsetning], actions: [Ringe kunden]}\n";

/// The small plan of each rule: files on top of `salgsmal.yaml` (unless
/// given) and the team.
fn cases() -> Vec<(&'static str, Vec<(&'static str, String)>)> {
    let kari = |body: &str| ("sellers/kari.yaml", seller("Kari Nordmann", body));
    let team = |body: &str| ("teams/salg-vest.yaml", format!("name: Salg Vest\n{body}"));
    let three = |a: &str, b: &str, c: &str| {
        let g = |t: &str, base: &str| {
            format!(
                "baseline: {{revenue: {base}}}\ngoals:\n  - {{id: omsetning, metric: revenue, target: {t}}}\n"
            )
        };
        vec![
            (
                "sellers/kari.yaml",
                seller("Kari Nordmann", &g(a, "8_000_000")),
            ),
            ("sellers/ola.yaml", seller("Ola Berg", &g(b, "8_000_000"))),
            (
                "sellers/ingrid.yaml",
                seller("Ingrid Haugland", &g(c, "8_000_000")),
            ),
        ]
    };
    let seed = "owner: kari\ncustomers:\n  - {id: vestkraft, name: Vestkraft AS, revenue: 22_500_000, margin: 0.22}\n  - {id: fjordtre, name: Fjordtre AS, revenue: 1_800_000, margin: 0.19, potential: high}\n  - {id: vikvent, name: Vik Ventilasjon, revenue: 100_000, margin: 0.25}\n";
    vec![
        ("yaml-syntax", vec![kari("goals:\n  - {id: omsetning, metric: revenue, target: 10_000_000\n")]),
        ("schema", vec![kari("goals:\n  - {id: omsetning, metric: revenue, targt: 10_000_000}\n")]),
        ("duplicate-key", vec![kari("goals:\n  - {id: omsetning, metric: revenue, target: 10_000_000, target: 12_000_000}\n")]),
        ("csv-syntax", vec![
            kari(KARI),
            ("customers/kari.csv", "id,name,revenue,margin\nfjordtre,Fjordtre AS,1800000,0.19\nvikvent,\"Vik Ventilasjon,100000,0.25\n".to_string()),
        ]),
        ("duplicate-id", vec![kari("goals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\n  - {id: omsetning, metric: new_customer_revenue, target: 2_000_000}\n")]),
        ("unknown-reference", vec![("sellers/kari.yaml", "name: Kari Nordmann\nteam: salg-vets\ngoals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\n".to_string())]),
        ("period", vec![team("starting_point: {date: 2027-02-01, values: {revenue: 56_000_000}}\ngoals:\n  - {id: omsetning, metric: revenue, target: 60_000_000}\n"), kari(KARI)]),
        ("ratio", vec![kari("goals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\n  - {id: db, metric: contribution_margin, target: 25}\n")]),
        ("allocation", three("10_000_000", "24_000_000", "24_000_000")),
        ("phasing", vec![team("goals:\n  - {id: omsetning, metric: revenue, target: 60_000_000, phasing: [13_000_000, 15_000_000, 15_000_000, 16_000_000]}\n"), kari("goals:\n  - {id: omsetning, metric: revenue, target: 60_000_000}\n")]),
        ("milestones", vec![team("milestones:\n  - {id: delmal-1, deadline: 2027-06-30, values: {revenue: 28_000_000}}\n  - {id: delmal-2, deadline: 2027-03-31, values: {revenue: 13_000_000}}\ngoals:\n  - {id: omsetning, metric: revenue, target: 60_000_000}\n"), kari("goals:\n  - {id: omsetning, metric: revenue, target: 60_000_000}\n")]),
        ("growth", vec![kari("baseline: {revenue: 8_000_000}\ngoals:\n  - {id: omsetning, metric: revenue, target: 12_000_000}\n")]),
        ("funnel", vec![kari("baseline: {revenue: 8_000_000, closing_rate: 0.55}\nassumptions: {meeting_to_offer_rate: 0.40, average_deal_size: 150_000}\ngoals:\n  - {id: omsetning, metric: revenue, target: 14_000_000}\nkpis:\n  - {id: moter, metric: qualified_meetings, target: 4, per: week, supports: [omsetning], actions: [Ringe kunden]}\n")]),
        ("pipeline-coverage", vec![kari("baseline: {revenue: 8_000_000}\ngoals:\n  - {id: omsetning, metric: revenue, target: 11_500_000}\nkpis:\n  - {id: pipeline, metric: pipeline_value, target: 500_000, supports: [omsetning], actions: [Kartlegge kunder]}\n  - {id: closing, metric: closing_rate, target: 0.75, supports: [omsetning], actions: [Avdekke behov]}\n")]),
        ("capacity", vec![kari("goals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\nkpis:\n  - {id: moter, metric: qualified_meetings, target: 15, per: week, supports: [omsetning], actions: [a]}\n  - {id: tlf, metric: customer_calls, target: 30, per: week, actions: [b]}\n  - {id: tilbud, metric: offers, target: 16, per: quarter, actions: [c]}\n")]),
        ("history", vec![kari("baseline: {revenue: 8_000_000, closing_rate: 0.40}\ngoals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\nkpis:\n  - {id: closing, metric: closing_rate, target: 0.75, supports: [omsetning], actions: [Avdekke behov]}\n")]),
        ("measurable", vec![kari("goals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\nkpis:\n  - {id: moter, metric: qualified_meetings, target: 10, supports: [omsetning], actions: [Ringe kunden]}\n")]),
        ("kpi-chain", vec![kari("goals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\nkpis:\n  - {id: moter, metric: qualified_meetings, target: 10, per: week, supports: [omsetning]}\n")]),
        ("alignment", vec![team("goals:\n  - {id: omsetning, metric: revenue, target: 60_000_000}\n  - {id: kti, metric: customer_satisfaction, target: 0.80}\n"), kari("goals:\n  - {id: omsetning, metric: revenue, target: 60_000_000}\n")]),
        ("fairness", three("9_000_000", "9_200_000", "14_000_000")),
        ("customer-owner", vec![
            kari(KARI),
            ("sellers/ola.yaml", seller("Ola Berg", "goals:\n  - {id: omsetning, metric: revenue, target: 50_000_000}\n")),
            ("customers/kari.yaml", "owner: kari\ncustomers:\n  - {id: fjordtre, name: Fjordtre AS, revenue: 1_800_000, margin: 0.19}\n".to_string()),
            ("customers/ola.yaml", "owner: ola\ncustomers:\n  - {id: fjordtre, name: Fjordtre AS, revenue: 1_800_000, margin: 0.19}\n".to_string()),
        ]),
        ("portfolio-category", vec![kari(KARI), ("customers/kari.yaml", "owner: kari\ncustomers:\n  - {id: vestkraft, name: Vestkraft AS, revenue: 22_500_000, margin: 0.22}\n  - {id: fjordtre, name: Fjordtre AS, revenue: 1_800_000, margin: 0.19, category: key}\n".to_string())]),
        ("portfolio-goals", vec![team("portfolio_goals:\n  key: {revenue_share: {min: 0.35}}\ngoals:\n  - {id: omsetning, metric: revenue, target: 60_000_000}\n"), kari("goals:\n  - {id: omsetning, metric: revenue, target: 60_000_000}\n"), ("customers/kari.yaml", seed.to_string())]),
        ("potential", vec![kari("goals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\n  - {id: nye, metric: new_customer_revenue, target: 2_000_000}\n"), ("customers/kari.yaml", "owner: kari\ncustomers:\n  - {id: vestkraft, name: Vestkraft AS, revenue: 5_000_000, margin: 0.22, potential: 6_500_000}\n".to_string())]),
        ("phase-out-target", vec![kari(KARI), ("customers/kari.yaml", "owner: kari\ncustomers:\n  - {id: vestkraft, name: Vestkraft AS, revenue: 22_500_000, margin: 0.22}\n  - {id: vikvent, name: Vik Ventilasjon, revenue: 100_000, margin: 0.25, sales_cost: 40_000, target: {revenue: 300_000}}\n".to_string())]),
        ("key-customer-activity", vec![kari(KARI), ("customers/kari.yaml", "owner: kari\ncustomers:\n  - {id: vestkraft, name: Vestkraft AS, revenue: 22_500_000, margin: 0.22}\n  - {id: fjordtre, name: Fjordtre AS, revenue: 1_800_000, margin: 0.19, target: {customer_visits: 12}}\n".to_string())]),
        ("off-track", vec![
            kari("goals:\n  - {id: omsetning, metric: revenue, target: 10_000_000, phasing: [2_400_000, 2_500_000, 2_500_000, 2_600_000]}\n"),
            ("actuals/2027-Q1.yaml", "period: 2027-Q1\nas_of: 2027-03-31\nsellers:\n  kari: {revenue: 2_150_000}\n".to_string()),
        ]),
        ("starting-point", three("10_000_000", "24_000_000", "26_000_000")),
        // In a git repository whose last commit (by the manager) raised
        // Kari's target: see `examples`.
        ("ownership", vec![
            ("salgsmal.yaml", format!("{CONFIG}rules:\n  ownership: {{level: warning}}\n")),
            ("sellers/kari.yaml", seller("Kari Nordmann\nemail: kari@nordlys.no", "goals:\n  - {id: omsetning, metric: revenue, target: 12_000_000}\n")),
        ]),
        ("accept", vec![
            ("salgsmal.yaml", format!("{CONFIG}accept:\n  - {{rule: growth, file: sellers/kari.yaml, reason: Ny rammeavtale signert i desember, until: 2027-01-31}}\n")),
            kari("baseline: {revenue: 8_000_000}\ngoals:\n  - {id: omsetning, metric: revenue, target: 12_000_000}\n"),
        ]),
    ]
}

/// The first finding of `rule` as `check` prints it (human output).
fn first_finding(output: &str, rule: &str) -> Option<String> {
    output
        .split("\n\n")
        .find(|block| {
            block
                .lines()
                .next()
                .is_some_and(|l| l.contains(&format!("[{rule}]:")))
        })
        .map(|b| b.trim_end().to_string())
}

fn examples(locale: &str) -> String {
    let mut out = String::new();
    for (rule, files) in cases() {
        let mut plan = Plan::empty()
            .file("salgsmal.yaml", CONFIG)
            .file("teams/salg-vest.yaml", TEAM);
        for (path, text) in &files {
            plan = plan.file(path, text);
        }
        if rule == "ownership" {
            commit_as_the_manager(plan.path());
        }
        let run = common::run_in_env(
            plan.path(),
            &["check", "--locale", locale],
            &[("SALGSMAL_TODAY", "2027-03-01")],
        );
        let block = first_finding(&run.stdout, rule).unwrap_or_else(|| {
            panic!(
                "`{rule}` found nothing on its example plan:\n{}",
                run.stdout
            )
        });
        out.push_str(&format!("=== {rule}\n{block}\n"));
    }
    out
}

/// Commit the plan in a new repository, by the team's manager, at a fixed
/// time (the same commit id every run).
fn commit_as_the_manager(dir: &std::path::Path) {
    let manager = ("Ola Hansen", "ola.hansen@nordlys.no");
    let at = Some("2026-12-15T10:00:00Z");
    for args in [
        &["init", "-q", "-b", "main"][..],
        &["add", "-A"],
        &["commit", "-q", "-m", "Hever målet til Kari"],
    ] {
        common::git_as(dir, args, manager, at);
    }
}

#[test]
fn every_rule_has_an_example_from_its_own_output() {
    let ids: Vec<String> = {
        let run = common::run_in(std::path::Path::new("."), &["explain"]);
        common::rule_lines(&run.stdout)
            .iter()
            .filter_map(|l| l.split_whitespace().next().map(str::to_string))
            .collect()
    };
    let covered: Vec<&str> = cases().iter().map(|(r, _)| *r).collect();
    for id in &ids {
        assert!(covered.contains(&id.as_str()), "no example plan for `{id}`");
    }
    for locale in ["nb", "en"] {
        let actual = examples(locale);
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("src/rules/examples/{locale}.txt"));
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(&path, &actual).expect("write examples");
            continue;
        }
        let stored = std::fs::read_to_string(&path).expect("stored examples");
        assert!(
            stored == actual,
            "the examples in {} are not what the rules say; run with UPDATE_SNAPSHOTS=1:\n{actual}",
            path.display()
        );
    }
}

#[test]
fn explain_shows_the_example_in_the_locale() {
    let dir = tempfile::tempdir().expect("temp dir");
    let en = common::run_in(dir.path(), &["explain", "allocation", "--locale", "en"]);
    assert!(
        en.stdout
            .contains("error[allocation]: sum of individual revenue targets NOK 58,000,000"),
        "{}",
        en.stdout
    );
    let nb = common::run_in(dir.path(), &["explain", "allocation", "--locale", "nb"]);
    assert!(
        nb.stdout.contains(
            "error[allocation]: summen av de individuelle målene for omsetning kr 58 000 000"
        ),
        "{}",
        nb.stdout
    );
}
