//! `salgsmal allocate`: a fair split of a team goal, shown and written, on
//! real plan folders with the real binary.

mod common;
use common::{CONFIG, Plan};
use serde_json::Value;

const TEAM: &str = "\
name: Salg Vest
goals:
  - {id: omsetning, metric: revenue, target: 60_000_000, phasing: [12_000_000, 15_000_000, 15_000_000, 18_000_000]}
  - {id: db, metric: contribution_margin, target: 0.20}
allocation:
  max_over: 0.10
";

/// Kari's file, with comments, odd spacing, CRLF line ends, a block-style
/// goal with phasing as a map, and a KPI: every byte but the values marked
/// `{…}` must survive `--write`.
const KARI: &str = "# Kari – avtalt med salgssjefen\r\nname:   Kari Nordmann\r\nteam: salg-vest\r\nbaseline:\r\n  revenue: 8_000_000     # fjorår\r\n  contribution_margin: \"24 %\"\r\ngoals:\r\n  - id: omsetning\r\n    metric: revenue\r\n    target:    {T}   # må diskuteres\r\n    phasing:\r\n      Q1: {Q1}\r\n      Q2: {Q2}  # sommer\r\n      Q3: {Q3}\r\n      Q4: {Q4}\r\n  - {id: db, metric: contribution_margin, target: {M}}\r\nkpis:\r\n  - {id: moter, metric: qualified_meetings, target: 8, per: week, supports: [omsetning]}\r\n";

const OLA: &str = "name: Ola Berg\nteam: salg-vest\nbaseline: {revenue: 18_800_000, contribution_margin: 0.17}\ngoals:\n  - {id: omsetning, metric: revenue, target: 20_500_000}\n  - {id: db, metric: contribution_margin, target: 0.19}\n";

const INGRID: &str = "name: Ingrid Haugland\nteam: salg-vest\nbaseline: {revenue: 30_000_000, contribution_margin: 0.19}\ngoals:\n  - {id: omsetning, metric: revenue, target: 31500000}\n  - {id: db, metric: contribution_margin, target: 0.20}\n";

fn kari(t: &str, q: [&str; 4], m: &str) -> String {
    KARI.replace("{T}", t)
        .replace("{Q1}", q[0])
        .replace("{Q2}", q[1])
        .replace("{Q3}", q[2])
        .replace("{Q4}", q[3])
        .replace("{M}", m)
}

fn team() -> Plan {
    Plan::empty()
        .file("salgsmal.yaml", &format!("{CONFIG}locale: en\n"))
        .file("teams/salg-vest.yaml", TEAM)
        .file(
            "sellers/kari.yaml",
            &kari(
                "10_000_000",
                ["2_000_000", "2_500_000", "2_500_000", "3_000_000"],
                "\"25 %\"",
            ),
        )
        .file("sellers/ola.yaml", OLA)
        .file("sellers/ingrid.yaml", INGRID)
}

fn json(plan: &Plan, args: &[&str]) -> Value {
    let mut all = vec!["allocate", "salg-vest", "--format", "json"];
    all.extend_from_slice(args);
    let run = plan.run(&all);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

fn proposed(v: &Value, id: &str) -> i64 {
    let seller = v["sellers"]
        .as_array()
        .expect("sellers")
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {v:#}"));
    seller["proposed"].as_f64().expect("a number") as i64
}

/// The three seller files' text.
fn sellers(plan: &Plan) -> Vec<String> {
    [
        "sellers/kari.yaml",
        "sellers/ola.yaml",
        "sellers/ingrid.yaml",
    ]
    .iter()
    .map(|f| plan.read(f))
    .collect()
}

#[test]
fn a_split_by_baseline_adds_up_exactly_and_nothing_is_written_without_write() {
    let plan = team();
    let before = sellers(&plan);
    let v = json(&plan, &["--round", "100_000"]);
    let (k, o, i) = (
        proposed(&v, "kari"),
        proposed(&v, "ola"),
        proposed(&v, "ingrid"),
    );
    assert_eq!(k + o + i, 60_000_000, "{v:#}");
    // Exactly 60 M × 8 / 56.8, 18.8 / 56.8 and 30 / 56.8 (8.45…, 19.86…
    // and 31.69… M), rounded down to 100 000 with the two units left over
    // to the largest remainders (Ingrid's 0.090 and Ola's 0.059 M).
    assert_eq!((k, o, i), (8_400_000, 19_900_000, 31_700_000));
    assert!(
        v["findings"].as_array().expect("findings").is_empty(),
        "{v:#}"
    );
    assert_eq!(v["written"], serde_json::json!([]));
    let after = sellers(&plan);
    assert_eq!(before, after);

    let human = plan.run(&["allocate", "salg-vest", "--round", "100_000"]);
    assert_eq!(human.code, 0, "{}", human.stderr);
    assert!(human.stdout.contains("Kari Nordmann"), "{}", human.stdout);
    assert!(human.stdout.contains("NOK 8,400,000"), "{}", human.stdout);
    assert!(human.stdout.contains("NOK 60,000,000"), "{}", human.stdout);
    assert!(
        human
            .stdout
            .contains("allocation and fairness have nothing to say"),
        "{}",
        human.stdout
    );
    assert!(human.stdout.contains("add --write"), "{}", human.stdout);
}

#[test]
fn write_changes_only_the_targets_byte_for_byte() {
    let plan = team();
    let ola_before = plan.read("sellers/ola.yaml");
    let run = plan.run(&["allocate", "salg-vest", "--round", "100_000", "--write"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("wrote sellers/kari.yaml"),
        "{}",
        run.stdout
    );
    // Kari's new target is split by the team's phasing (12/15/15/18 of
    // 60: 1.68, 2.1, 2.1 and 2.52 M), rounded to the unit, adding up to her
    // target exactly.
    let expected = kari(
        "8_400_000",
        ["1_700_000", "2_100_000", "2_100_000", "2_500_000"],
        "\"25 %\"",
    );
    assert_eq!(plan.read("sellers/kari.yaml"), expected);
    // Ingrid's target was written without `_`: so is the new one.
    assert_eq!(
        plan.read("sellers/ingrid.yaml"),
        INGRID.replace("target: 31500000", "target: 31700000")
    );
    assert_eq!(
        plan.read("sellers/ola.yaml"),
        ola_before.replace("target: 20_500_000", "target: 19_900_000")
    );
    // The written plan passes the rules the proposal was checked with.
    for rule in ["allocation", "fairness", "phasing", "schema", "yaml-syntax"] {
        let found = plan.diagnostics(rule);
        assert!(found.is_empty(), "{rule}: {found:#?}");
    }
    // A second run has nothing left to write.
    let again = plan.run(&["allocate", "salg-vest", "--round", "100_000", "--write"]);
    assert!(
        again.stdout.contains("Nothing to write"),
        "{}",
        again.stdout
    );
}

#[test]
fn a_locked_target_is_kept_and_the_others_absorb_the_difference() {
    let plan = team().file(
        "sellers/ola.yaml",
        &OLA.replace("target: 20_500_000}", "target: 20_500_000, locked: true}"),
    );
    let v = json(&plan, &["--round", "1_000"]);
    assert_eq!(proposed(&v, "ola"), 20_500_000);
    let (k, i) = (proposed(&v, "kari"), proposed(&v, "ingrid"));
    assert_eq!(k + i, 60_000_000 - 20_500_000);
    // The rest follows the baselines of the free sellers, 8 : 30.
    let exact_k = 39_500_000.0 * 8.0 / 38.0;
    assert!((k as f64 - exact_k).abs() <= 1_000.0, "{k} vs {exact_k}");
    let ola = v["sellers"]
        .as_array()
        .expect("sellers")
        .iter()
        .find(|s| s["id"] == "ola")
        .expect("ola");
    assert_eq!(ola["locked"], true);
    // `locked` is a key the schema knows.
    assert!(plan.diagnostics("schema").is_empty());
}

#[test]
fn even_and_mixed_splits() {
    let plan = team();
    let even = json(&plan, &["--by", "even", "--round", "1"]);
    let values: Vec<i64> = ["kari", "ola", "ingrid"]
        .iter()
        .map(|id| proposed(&even, id))
        .collect();
    assert_eq!(values, [20_000_000, 20_000_000, 20_000_000]);
    // An even split of sellers with baselines of 8 and 30 M is not fair:
    // the fairness rule says so, and the table shows it.
    let said: Vec<&Value> = even["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "fairness")
        .collect();
    assert!(!said.is_empty(), "{even:#}");
    let table = plan.run(&["allocate", "salg-vest", "--by", "even"]);
    assert!(table.stdout.contains("fairness warns"), "{}", table.stdout);

    let mixed = json(&plan, &["--by", "baseline=0.5,even=0.5", "--round", "1"]);
    let k = proposed(&mixed, "kari") as f64;
    let exact = 60_000_000.0 * (0.5 * 8.0 / 56.8 + 0.5 / 3.0);
    assert!((k - exact).abs() <= 1.0, "{k} vs {exact}");
}

#[test]
fn over_assignment_is_at_most_max_over() {
    let plan = team();
    let v = json(&plan, &["--over", "5 %", "--round", "1_000"]);
    let sum: i64 = ["kari", "ola", "ingrid"]
        .iter()
        .map(|id| proposed(&v, id))
        .sum();
    assert_eq!(sum, 63_000_000);
    assert!(v["findings"].as_array().expect("findings").is_empty());
    let run = plan.run(&["allocate", "salg-vest", "--over", "0.2"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("max_over, 10%"), "{}", run.stderr);
}

#[test]
fn a_ratio_goal_is_split_so_the_weighted_roll_up_meets_it() {
    let plan = team();
    let v = json(&plan, &["--metric", "contribution_margin"]);
    let rolled = v["ratio_rollup"].as_f64().expect("roll-up");
    assert!((0.20..0.201).contains(&rolled), "{v:#}");
    let run = plan.run(&[
        "allocate",
        "salg-vest",
        "--metric",
        "contribution_margin",
        "--write",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Kari's margin was written as a percent: it stays one.
    let kari = plan.read("sellers/kari.yaml");
    let line = kari
        .lines()
        .find(|l| l.contains("id: db"))
        .expect("the margin goal");
    assert!(line.contains(" %}"), "{line}");
    assert!(plan.diagnostics("allocation").is_empty());
}

#[test]
fn potential_amounts_are_what_fairness_compares_with() {
    let customers = |owner: &str, potential: &str| {
        format!(
            "owner: {owner}\ncustomers:\n  - {{id: {owner}-a, name: A {owner}, revenue: 1_000_000, potential: {potential}}}\n"
        )
    };
    let plan = team()
        .file("customers/kari.yaml", &customers("kari", "12_000_000"))
        .file("customers/ola.yaml", &customers("ola", "18_000_000"))
        .file("customers/ingrid.yaml", &customers("ingrid", "30_000_000"));
    let v = json(&plan, &["--by", "potential", "--round", "1"]);
    assert_eq!(proposed(&v, "kari"), 12_000_000);
    assert_eq!(proposed(&v, "ola"), 18_000_000);
    assert_eq!(proposed(&v, "ingrid"), 30_000_000);
    assert!(
        v["findings"].as_array().expect("findings").is_empty(),
        "{v:#}"
    );
}

#[test]
fn sellers_without_a_target_are_left_out_and_child_teams_kept() {
    let plan = team()
        .file(
            "sellers/per.yaml",
            "name: Per Ny\nteam: salg-vest\nbaseline: {revenue: 5_000_000}\n",
        )
        .file(
            "teams/bergen.yaml",
            "name: Bergen\nparent: salg-vest\ngoals:\n  - {id: omsetning, metric: revenue, target: 6_000_000}\n",
        )
        .file(
            "sellers/siv.yaml",
            "name: Siv\nteam: bergen\nbaseline: {revenue: 5_000_000}\ngoals:\n  - {id: omsetning, metric: revenue, target: 6_000_000}\n",
        );
    let v = json(&plan, &["--round", "1"]);
    assert_eq!(v["left_out"], serde_json::json!(["Per Ny"]));
    assert_eq!(v["children"][0]["name"], "Bergen");
    let sum: i64 = ["kari", "ola", "ingrid"]
        .iter()
        .map(|id| proposed(&v, id))
        .sum();
    assert_eq!(sum, 54_000_000, "the child team's 6 M stays as it is");
}

#[test]
fn what_cannot_be_split_is_said() {
    let plan = team();
    let run = plan.run(&["allocate", "nord"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("salg-vest"), "{}", run.stderr);
    let run = plan.run(&["allocate", "salg-vest", "--by", "luck"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--by takes"), "{}", run.stderr);
    let run = plan.run(&["allocate", "salg-vest", "--metric", "offers"]);
    assert_eq!(run.code, 2);
    let no_baseline = team().file(
        "sellers/ola.yaml",
        "name: Ola Berg\nteam: salg-vest\ngoals:\n  - {id: omsetning, metric: revenue, target: 20_500_000}\n",
    );
    let run = no_baseline.run(&["allocate", "salg-vest"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("Ola Berg"), "{}", run.stderr);
    assert!(run.stderr.contains("--by even"), "{}", run.stderr);
    // Locked targets over the goal.
    let over = team()
        .file(
            "sellers/ola.yaml",
            &OLA.replace("target: 20_500_000}", "target: 50_000_000, locked: true}"),
        )
        .file(
            "sellers/ingrid.yaml",
            &INGRID.replace("target: 31500000}", "target: 31500000, locked: true}"),
        );
    let run = over.run(&["allocate", "salg-vest"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("NOK 81,500,000") || run.stderr.contains("81,500,000"),
        "{}",
        run.stderr
    );
}

#[test]
fn write_never_follows_a_link_or_clobbers_a_changed_file() {
    let plan = team();
    let outside = tempfile::tempdir().expect("temp dir");
    let secret = outside.path().join("ola.yaml");
    std::fs::write(&secret, OLA).expect("write");
    std::fs::remove_file(plan.path().join("sellers/ola.yaml")).expect("remove");
    std::os::unix::fs::symlink(&secret, plan.path().join("sellers/ola.yaml")).expect("link");
    let run = plan.run(&["allocate", "salg-vest", "--write"]);
    // The link leaves the plan: it is not read, so Ola is not in the split,
    // and nothing is written through it.
    assert_eq!(std::fs::read_to_string(&secret).expect("read"), OLA);
    assert!(!run.stdout.contains("Ola Berg"), "{}", run.stdout);
    assert!(
        std::fs::symlink_metadata(plan.path().join("sellers/ola.yaml"))
            .expect("link")
            .file_type()
            .is_symlink()
    );
}

#[test]
fn the_table_speaks_norwegian() {
    let plan = team().file("salgsmal.yaml", CONFIG);
    let run = plan.run(&["allocate", "salg-vest", "--round", "100_000"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("kr 8 400 000"), "{}", run.stdout);
    assert!(run.stdout.contains("Forslag"), "{}", run.stdout);
    assert!(run.stdout.contains("−kr 1 600 000"), "{}", run.stdout);
}

#[test]
fn a_goal_per_product_is_chosen_with_product() {
    let seller = |name: &str, y: &str, service: &str| {
        format!(
            "name: {name}\nteam: salg-vest\ngoals:\n  - {{id: y, metric: product_revenue, product: y, target: {y}}}\n  - {{id: s, metric: product_revenue, product: service, target: {service}}}\n"
        )
    };
    let plan = Plan::empty()
        .file(
            "salgsmal.yaml",
            &format!("{CONFIG}locale: en\nproducts:\n  - {{id: y, name: Y}}\n  - {{id: service, name: Service}}\n"),
        )
        .file(
            "teams/salg-vest.yaml",
            "name: Salg Vest\ngoals:\n  - {id: y, metric: product_revenue, product: y, target: 3_000_000}\n  - {id: s, metric: product_revenue, product: service, target: 900_000}\n",
        )
        .file("sellers/kari.yaml", &seller("Kari", "1_000_000", "100_000"))
        .file("sellers/ola.yaml", &seller("Ola", "1_000_000", "200_000"));
    let v = json(
        &plan,
        &[
            "--metric",
            "product_revenue",
            "--product",
            "service",
            "--by",
            "even",
        ],
    );
    assert_eq!(v["goal"], 900_000.0);
    assert_eq!(proposed(&v, "kari"), 450_000);
    assert_eq!(proposed(&v, "ola"), 450_000);
    let first = json(&plan, &["--metric", "product_revenue", "--by", "even"]);
    assert_eq!(
        first["goal"], 3_000_000.0,
        "without --product: the first goal"
    );
    assert_eq!(proposed(&first, "kari"), 1_500_000);
}

#[test]
fn plan_text_in_the_table_and_in_refusals_is_shown_escaped() {
    // A seller's name with an escape sequence and a line that would be a
    // GitHub annotation.
    let hostile = OLA.replace(
        "name: Ola Berg",
        "name: \"Ola\\e]0;owned\\a\\n::error::forged\"",
    );
    let plan = team().file("sellers/ola.yaml", &hostile);
    let run = plan.run(&["allocate", "salg-vest"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("Ola\\u{1b}]0;owned\\u{7}\\n::error::forged"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains('\u{1b}'));
    assert!(
        !run.stdout.lines().any(|l| l.starts_with("::")),
        "{}",
        run.stdout
    );
    // The same name in a refusal (no baseline), on stderr.
    let refused = team().file(
        "sellers/ola.yaml",
        "name: \"Ola\\e[31m\\n::error::forged\"\nteam: salg-vest\ngoals:\n  - {id: omsetning, metric: revenue, target: 1}\n",
    );
    let run = refused.run(&["allocate", "salg-vest"]);
    assert_eq!(run.code, 2);
    assert!(!run.stderr.contains('\u{1b}'), "{}", run.stderr);
    assert!(
        !run.stderr.lines().any(|l| l.starts_with("::")),
        "{}",
        run.stderr
    );
}

#[test]
fn potential_levels_count_as_points() {
    let list = |owner: &str, levels: &[&str]| {
        let mut text = format!("owner: {owner}\ncustomers:\n");
        for (i, level) in levels.iter().enumerate() {
            text.push_str(&format!(
                "  - {{id: {owner}-{i}, name: K {owner} {i}, revenue: 100_000, potential: {level}}}\n"
            ));
        }
        text
    };
    let plan = team()
        .file("customers/kari.yaml", &list("kari", &["high", "high"]))
        .file("customers/ola.yaml", &list("ola", &["medium"]))
        .file("customers/ingrid.yaml", &list("ingrid", &["low", "high"]));
    // high 3, medium 2, low 1: 6, 2 and 4 points of 12.
    let v = json(&plan, &["--by", "potential", "--round", "1"]);
    assert_eq!(proposed(&v, "kari"), 30_000_000);
    assert_eq!(proposed(&v, "ola"), 10_000_000);
    assert_eq!(proposed(&v, "ingrid"), 20_000_000);
    // high 5, medium 2, low 1: 10, 2 and 6 points of 18.
    let v = json(
        &plan,
        &[
            "--by",
            "potential",
            "--levels",
            "high=5,medium=2,low=1",
            "--round",
            "1",
        ],
    );
    assert_eq!(proposed(&v, "ola"), 6_666_667);
    assert_eq!(proposed(&v, "ingrid"), 20_000_000);
    assert_eq!(proposed(&v, "kari"), 33_333_333);
    // A ratio is not split by potential.
    let run = plan.run(&[
        "allocate",
        "salg-vest",
        "--metric",
        "contribution_margin",
        "--by",
        "potential",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("not by potential"), "{}", run.stderr);
    let run = plan.run(&["allocate", "salg-vest", "--levels", "huge=9"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--levels takes"), "{}", run.stderr);
}
