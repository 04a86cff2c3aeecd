//! What-if: `--set` and `--scenario` change values in memory for `check`,
//! `render` and `diff`, never in the files; a change that names nothing is
//! a located error. Real plan folders, the real binary.

mod common;
use common::{Plan, pos};
use serde_json::Value;

/// The example plan, and its files' bytes to compare with afterwards.
fn example() -> (Plan, Vec<(String, Vec<u8>)>) {
    let plan = Plan::example();
    let mut files = Vec::new();
    for dir in ["", "teams", "sellers", "customers", "actuals"] {
        let path = plan.path().join(dir);
        for entry in std::fs::read_dir(&path).expect("read dir") {
            let entry = entry.expect("entry");
            if entry.path().is_file() {
                files.push((
                    entry.path().display().to_string(),
                    std::fs::read(entry.path()).expect("read"),
                ));
            }
        }
    }
    (plan, files)
}

fn unchanged(files: &[(String, Vec<u8>)]) {
    for (path, bytes) in files {
        assert_eq!(&std::fs::read(path).expect("read"), bytes, "{path} changed");
    }
}

fn context(plan: &Plan, args: &[&str]) -> Value {
    let mut all = vec!["render", "--dump-context"];
    all.extend_from_slice(args);
    let run = plan.run(&all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("context")
}

fn seller<'a>(c: &'a Value, id: &str) -> &'a Value {
    c["sellers"]
        .as_array()
        .expect("sellers")
        .iter()
        .find(|s| s["id"] == id)
        .expect("seller")
}

#[test]
fn set_changes_every_kind_of_value_in_memory_only() {
    let (plan, files) = example();
    let c = context(
        &plan,
        &[
            // an amount, written with `_`
            "--set",
            "sellers/kari.yaml:goals.omsetning.target=12_000_000",
            // a ratio as a percent
            "--set",
            "sellers/kari.yaml:goals.db.target=27 %",
            // text that is not a plain YAML scalar: quoted for you
            "--set",
            "sellers/kari.yaml:name=Kari: Nordmann",
            // a date in a list of milestones, by id
            "--set",
            "teams/salg-vest.yaml:milestones.delmal-1.deadline=2027-04-30",
            // a quarter of a phasing list, by index
            "--set",
            "teams/salg-vest.yaml:goals.omsetning.phasing.0=14_000_000",
            // a customer in a list, by id, in another file
            "--set",
            "customers/kari.yaml:customers.fjordtre.revenue=2_400_000",
            // a level
            "--set",
            "customers/kari.yaml:customers.vikvent.potential=high",
            // a plan setting
            "--set",
            "salgsmal.yaml:working_weeks=45",
        ],
    );
    let kari = seller(&c, "kari");
    assert_eq!(kari["goals"][0]["target"], 12_000_000.0);
    assert_eq!(kari["goals"][1]["target"], 0.27);
    assert_eq!(kari["name"], "Kari: Nordmann");
    let team = &c["teams"][0];
    assert_eq!(team["milestones"][0]["deadline"], "2027-04-30");
    let customers = c["customers"].as_array().expect("customers");
    let fjordtre = customers
        .iter()
        .find(|x| x["id"] == "fjordtre")
        .expect("fjordtre");
    assert_eq!(fjordtre["revenue"], 2_400_000.0);
    let vikvent = customers
        .iter()
        .find(|x| x["id"] == "vikvent")
        .expect("vikvent");
    assert_eq!(vikvent["potential"], "high");
    assert_eq!(c["working_weeks"], 45.0);
    let changes = c["scenario"]["changes"].as_array().expect("changes");
    assert_eq!(changes.len(), 8);
    assert_eq!(c["scenario"]["source"], "--set");
    let name = changes
        .iter()
        .find(|ch| ch["path"] == "name")
        .expect("name");
    assert_eq!(name["before"], "Kari Nordmann");
    assert_eq!(name["after"], "\"Kari: Nordmann\"");
    unchanged(&files);
}

#[test]
fn check_shows_the_what_if_and_points_into_the_changed_text() {
    let (plan, files) = example();
    let run = plan.run(&[
        "check",
        "--locale",
        "en",
        "--set",
        "sellers/kari.yaml:goals.omsetning.target=ti millioner",
    ]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.starts_with("What if (--set)"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("sellers/kari.yaml:10:46 goals.omsetning.target: 10_000_000 → ti millioner"),
        "{}",
        run.stdout
    );
    // The schema error is located in the changed line, which it shows.
    assert!(
        run.stdout.contains("--> sellers/kari.yaml:10:46"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("target: ti millioner}"),
        "{}",
        run.stdout
    );
    let json = plan.run(&[
        "check",
        "--format",
        "json",
        "--set",
        "sellers/kari.yaml:goals.omsetning.target=12_000_000",
    ]);
    let v: Value = serde_json::from_str(&json.stdout).expect("json");
    assert_eq!(v["scenario"]["changes"][0]["after"], "12_000_000");
    assert_eq!(v["scenario"]["changes"][0]["pointer"], "/goals/0/target");
    let growth: Vec<&Value> = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == "growth" && d["file"] == "sellers/kari.yaml")
        .collect();
    assert_eq!(growth.len(), 1, "12 M is 50 % over Kari's baseline of 8 M");
    unchanged(&files);
}

#[test]
fn a_path_that_does_not_exist_is_a_located_error() {
    let (plan, files) = example();
    let kari = plan.read("sellers/kari.yaml");
    let (line, column) = pos(&kari, "{id: omsetning");
    let run = plan.run(&[
        "check",
        "--locale",
        "en",
        "--set",
        "sellers/kari.yaml:goals.omsetnin.target=1",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(&format!(
            "sellers/kari.yaml:{}:{}: `goals` has no item with id `omsetnin`. Nearest: omsetning",
            line,
            column - 2
        )),
        "{}",
        run.stderr
    );
    let run = plan.run(&[
        "check",
        "--locale",
        "en",
        "--set",
        "sellers/kari.yaml:goals.omsetning.targt=1",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("`goals.omsetning` has no `targt`. Nearest: target"),
        "{}",
        run.stderr
    );
    for (arg, says) in [
        (
            "sellers/kari.yml:name=X",
            "is not a file of the plan. Nearest: sellers/kari.yaml",
        ),
        ("sellers/kari.yaml:goals=1", "is a list or a mapping"),
        (
            "sellers/kari.yaml:name.first=X",
            "is a value and has no `first`",
        ),
        ("sellers/kari.yaml", "--set takes FILE:PATH=VALUE"),
    ] {
        let run = plan.run(&["check", "--locale", "en", "--set", arg]);
        assert_eq!(run.code, 2, "{arg}");
        assert!(run.stderr.contains(says), "{arg}: {}", run.stderr);
    }
    unchanged(&files);
}

#[test]
fn a_scenario_file_overlays_the_plan_with_lists_by_id() {
    let (plan, files) = example();
    let scenario = tempfile::tempdir().expect("temp dir");
    let path = scenario.path().join("optimistisk.yaml");
    std::fs::write(
        &path,
        "# Hva om Kari tar Fjordtre?\nsellers/kari.yaml:\n  goals: {omsetning: {target: 12_000_000}}\ncustomers/kari.yaml:\n  customers: {fjordtre: {revenue: 2_400_000}}\n",
    )
    .expect("write");
    let shown = path.display().to_string();
    let c = context(&plan, &["--scenario", &shown]);
    assert_eq!(seller(&c, "kari")["goals"][0]["target"], 12_000_000.0);
    assert_eq!(c["scenario"]["source"], shown.as_str());
    assert_eq!(
        c["scenario"]["changes"].as_array().expect("changes").len(),
        2
    );
    // `--set` comes after the scenario and wins.
    let c = context(
        &plan,
        &[
            "--scenario",
            &shown,
            "--set",
            "sellers/kari.yaml:goals.omsetning.target=11_000_000",
        ],
    );
    assert_eq!(seller(&c, "kari")["goals"][0]["target"], 11_000_000.0);

    // Mistakes in the scenario are located in it.
    std::fs::write(
        &path,
        "sellers/kari.yaml:\n  goals:\n    - {id: omsetning, target: 1}\n",
    )
    .expect("write");
    let run = plan.run(&["check", "--locale", "en", "--scenario", &shown]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(&format!(
            "{shown}:3:5: in a scenario, lists are written as mappings by id"
        )),
        "{}",
        run.stderr
    );
    std::fs::write(
        &path,
        "sellers/kari.yaml:\n  goals: {omsetning: {taget: 1}}\n",
    )
    .expect("write");
    let run = plan.run(&["check", "--locale", "en", "--scenario", &shown]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("has no `taget`"), "{}", run.stderr);
    std::fs::write(&path, "sellers/kari.yaml: [\n").expect("write");
    let run = plan.run(&["check", "--locale", "en", "--scenario", &shown]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains(&format!("{shown}:")), "{}", run.stderr);
    unchanged(&files);
}

#[test]
fn reports_of_a_what_if_say_so_and_go_beside_the_plans_own() {
    let (plan, files) = example();
    let run = plan.run(&[
        "render",
        "--locale",
        "en",
        "--report",
        "team",
        "--format",
        "md",
        "--set",
        "sellers/kari.yaml:goals.omsetning.target=12_000_000",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("What if (--set)"), "{}", run.stdout);
    assert!(!plan.path().join("build/team-salg-vest.md").exists());
    let md = plan.read("build/what-if/team-salg-vest.md");
    let banner = md.lines().nth(2).expect("a third line");
    assert!(
        banner.starts_with(
            "> **Scenario** (--set): this report shows the plan with these values changed"
        ),
        "{md}"
    );
    assert!(
        md.contains("goals.omsetning.target: 10\\_000\\_000 → **12\\_000\\_000**"),
        "{md}"
    );
    // The team's sum in the report is the what-if's: 62 − 10 + 12 M.
    assert!(md.contains("NOK 64,000,000"), "{md}");

    let run = plan.run(&[
        "render",
        "--report",
        "team",
        "--scenario",
        "/nonexistent/scenario.yaml",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("/nonexistent/scenario.yaml"),
        "{}",
        run.stderr
    );

    let html = plan.run(&[
        "render",
        "--report",
        "team",
        "--out",
        "out",
        "--set",
        "sellers/kari.yaml:goals.omsetning.target=12_000_000",
    ]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    let page = plan.read("out/team-salg-vest.html");
    assert!(
        page.contains("<aside class=\"scenario\" role=\"note\">"),
        "{page}"
    );
    // Without a what-if there is no banner.
    let plain = plan.run(&["render", "--report", "team", "--out", "plain"]);
    assert_eq!(plain.code, 0);
    assert!(
        !plan
            .read("plain/team-salg-vest.html")
            .contains("class=\"scenario\"")
    );
    unchanged(&files);
}

#[test]
fn diff_shows_what_a_scenario_changes() {
    let (plan, files) = example();
    let scenario = plan.path().join("../scenario-for-diff.yaml");
    std::fs::write(
        &scenario,
        "sellers/kari.yaml:\n  goals: {omsetning: {target: 12_000_000}}\n",
    )
    .expect("write");
    let shown = scenario.display().to_string();
    let run = plan.run(&[
        "diff",
        "--locale",
        "en",
        "--format",
        "json",
        "--scenario",
        &shown,
    ]);
    std::fs::remove_file(&scenario).expect("remove");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).expect("json");
    let text = v.to_string();
    assert!(text.contains("12000000"), "{v:#}");
    assert!(text.contains("10000000"), "{v:#}");
    // No git repository is needed to compare a plan with a what-if of it.
    assert!(!plan.path().join(".git").exists());
    let run = plan.run(&[
        "diff",
        "HEAD",
        "main",
        "--set",
        "sellers/kari.yaml:goals.omsetning.target=1",
    ]);
    assert_eq!(run.code, 2);
    unchanged(&files);
}

#[test]
fn csv_lists_cannot_be_set() {
    let plan = Plan::new().file(
        "customers/kari.csv",
        "id,name,revenue\nfjordtre,Fjordtre AS,1000000\n",
    );
    let run = plan.run(&[
        "check",
        "--locale",
        "en",
        "--set",
        "customers/kari.csv:customers.fjordtre.revenue=2",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is a CSV list"), "{}", run.stderr);
}

#[test]
fn plan_text_in_a_refused_change_is_shown_escaped() {
    let plan = Plan::new().file(
        "sellers/kari.yaml",
        "name: Kari\nteam: salg-vest\ngoals:\n  - {id: \"om\\e[31m\\n::error::x\", metric: revenue, target: 1}\n",
    );
    let run = plan.run(&[
        "check",
        "--locale",
        "en",
        "--set",
        "sellers/kari.yaml:goals.nope.target=2",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("om\\u{1b}[31m\\n::error::x"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains('\u{1b}'));
    assert!(
        !run.stderr.lines().any(|l| l.starts_with("::")),
        "{}",
        run.stderr
    );
}

#[test]
fn diff_of_a_revision_with_a_scenario_reads_the_revision() {
    let (plan, _) = example();
    let who = ("Ola Hansen", "ola@nordlys.no");
    common::git_as(plan.path(), &["init", "-q", "-b", "main"], who, None);
    common::git_as(plan.path(), &["add", "-A"], who, None);
    common::git_as(plan.path(), &["commit", "-qm", "plan"], who, None);
    // The working tree says 11 M; the revision 10 M.
    let kari = plan.read("sellers/kari.yaml");
    std::fs::write(
        plan.path().join("sellers/kari.yaml"),
        kari.replace("target: 10_000_000}", "target: 11_000_000}"),
    )
    .expect("write");
    let run = plan.run(&[
        "diff",
        "HEAD",
        "--format",
        "json",
        "--set",
        "sellers/kari.yaml:goals.omsetning.target=12_000_000",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("12000000"), "{}", run.stdout);
    assert!(run.stdout.contains("10000000"), "{}", run.stdout);
    assert!(!run.stdout.contains("11000000"), "{}", run.stdout);
}
