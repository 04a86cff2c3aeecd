//! The customer platform (SPEC 2.4, 4.3): YAML and CSV customer lists, the
//! portfolio classification, and the customer rules.

mod common;
use common::{Plan, assert_at_text, messages};
use serde_json::Value;

/// The seed's ten customers: id, revenue, margin; `vik` has a sales cost.
const SEED: [(&str, &str, &str); 10] = [
    ("a", "22500000", "0.22"),
    ("b", "15600000", "0.12"),
    ("c", "12600000", "0.14"),
    ("d", "1800000", "0.19"),
    ("e", "1500000", "0.21"),
    ("f", "1200000", "0.34"),
    ("g", "700000", "0.24"),
    ("h", "500000", "0.36"),
    ("i", "300000", "0.23"),
    ("vik", "100000", "0.25"),
];

const SEED_CATEGORIES: [(&str, &str); 10] = [
    ("a", "key"),
    ("b", "star"),
    ("c", "star"),
    ("d", "question"),
    ("e", "question"),
    ("f", "question"),
    ("g", "question"),
    ("h", "question"),
    ("i", "question"),
    ("vik", "phase_out_new"),
];

fn seed_yaml() -> String {
    let mut s = String::from("owner: kari\ncustomers:\n");
    for (id, revenue, margin) in SEED {
        let cost = if id == "vik" {
            ", sales_cost: 40_000"
        } else {
            ""
        };
        s.push_str(&format!(
            "  - {{id: {id}, name: Kunde {id}, revenue: {revenue}, margin: {margin}{cost}}}\n"
        ));
    }
    s
}

/// The same customers as a Norwegian spreadsheet export: `;` separates,
/// `,` is the decimal mark, spaces group digits.
fn seed_csv_nb() -> String {
    let mut s = String::from("id;name;revenue;margin;sales_cost\n");
    for (id, revenue, margin) in SEED {
        let grouped: String = {
            let r: Vec<char> = revenue.chars().collect();
            let mut out = String::new();
            for (i, c) in r.iter().enumerate() {
                if i > 0 && (r.len() - i).is_multiple_of(3) {
                    out.push(' ');
                }
                out.push(*c);
            }
            out
        };
        let cost = if id == "vik" { "40 000" } else { "" };
        s.push_str(&format!(
            "{id};\"Kunde {id}\";{grouped};{};{cost}\n",
            margin.replace('.', ",")
        ));
    }
    s
}

fn context(plan: &Plan) -> Value {
    let run = plan.run(&["render", "--dump-context"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("context JSON")
}

fn categories(ctx: &Value) -> Vec<(String, String)> {
    ctx["customers"]
        .as_array()
        .expect("customers")
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap_or_default().to_string(),
                c["category"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn expected() -> Vec<(String, String)> {
    SEED_CATEGORIES
        .iter()
        .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
        .collect()
}

#[test]
fn the_seed_classifies_as_the_seed_does_with_the_default_thresholds() {
    let plan = Plan::new().file("customers/kari.yaml", &seed_yaml());
    let ctx = context(&plan);
    assert_eq!(categories(&ctx), expected());
    let t = &ctx["portfolio"]["thresholds"];
    assert_eq!(t["large_revenue"], 12_600_000.0);
    assert_eq!(t["large_revenue_source"], "default");
    assert!(
        (t["high_margin"].as_f64().unwrap_or_default() - 0.1777).abs() < 0.0001,
        "{t:#}"
    );
    let key = &ctx["portfolio"]["categories"][0];
    assert_eq!(key["category"], "key");
    assert_eq!(key["count"], 1);
    assert_eq!(key["revenue"], 22_500_000.0);
    assert_eq!(key["contribution"], 4_950_000.0);
    assert_eq!(key["label"], "Nøkkel");
    let vik = ctx["customers"]
        .as_array()
        .expect("c")
        .iter()
        .find(|c| c["id"] == "vik")
        .expect("vik");
    assert_eq!(vik["contribution"], -15_000.0);
}

#[test]
fn the_seed_classifies_as_the_seed_does_with_configured_thresholds() {
    let plan = Plan::new()
        .file("salgsmal.yaml", "version: 1\nperiod: 2027\nportfolio:\n  large_revenue: 5_000_000\n  high_margin: 0.20\n  min_contribution: 50_000\n")
        .file("customers/kari.yaml", &seed_yaml());
    let ctx = context(&plan);
    assert_eq!(categories(&ctx), expected());
    assert_eq!(
        ctx["portfolio"]["thresholds"]["large_revenue_source"],
        "configured"
    );
    assert_eq!(ctx["portfolio"]["thresholds"]["large_revenue"], 5_000_000.0);
}

#[test]
fn a_5m_customer_is_not_large_when_two_giants_carry_80_percent() {
    let list = "owner: kari\ncustomers:\n  - {id: a, name: A, revenue: 50_000_000, margin: 0.2}\n  - {id: b, name: B, revenue: 30_000_000, margin: 0.2}\n  - {id: c, name: C, revenue: 5_000_000, margin: 0.3}\n  - {id: d, name: D, revenue: 5_000_000, margin: 0.1}\n";
    let ctx = context(&Plan::new().file("customers/kari.yaml", list));
    let cats: Vec<String> = categories(&ctx).into_iter().map(|(_, c)| c).collect();
    assert_eq!(cats, ["key", "key", "question", "question"]);
}

#[test]
fn prospects_are_new_customers_and_sales_costs_count() {
    let list = "owner: kari\ncustomers:\n  - {id: a, name: A, revenue: 10_000_000, margin: 0.2}\n  - {id: b, name: B, revenue: 1_000_000, margin: 0.2, sales_cost: 200_000}\n  - {id: c, name: C, revenue: 1_000_000, margin: 0.2}\n  - {id: p, name: P, prospect: true, potential: high}\n";
    let ctx = context(&Plan::new().file("customers/kari.yaml", list));
    assert_eq!(
        categories(&ctx),
        [
            ("a", "key"),
            ("b", "phase_out_new"),
            ("c", "question"),
            ("p", "phase_out_new")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    let phase = &ctx["portfolio"]["categories"][3];
    assert_eq!(phase["prospects"], 1);
    assert_eq!(ctx["portfolio"]["priority"][3]["high"][0]["id"], "p");
}

#[test]
fn csv_and_yaml_lists_give_identical_models() {
    let yaml = context(&Plan::new().file("customers/kari.yaml", &seed_yaml()));
    let csv_nb = context(&Plan::new().file("customers/kari.csv", &seed_csv_nb()));
    let strip = |ctx: &Value| -> Vec<Value> {
        ctx["customers"]
            .as_array()
            .expect("c")
            .iter()
            .map(|c| {
                let mut c = c.clone();
                c["file"] = Value::Null;
                c
            })
            .collect()
    };
    assert_eq!(strip(&yaml), strip(&csv_nb));
    // The portfolio's priority lists the same customers (whose `file` differs).
    let without_files = |ctx: &Value| -> String {
        serde_json::to_string(&ctx["portfolio"])
            .expect("json")
            .replace("customers/kari.csv", "customers/kari.yaml")
    };
    assert_eq!(without_files(&yaml), without_files(&csv_nb));
    let csv_en = "id,name,revenue,margin,sales_cost\na,\"Kunde a\",22500000,0.22,\nvik,\"Kunde vik\",\"100,000\",0.25,40000\n";
    let ctx = context(&Plan::new().file("customers/kari.csv", csv_en));
    let vik = &ctx["customers"][1];
    assert_eq!(vik["revenue"], 100_000.0);
    assert_eq!(vik["contribution"], -15_000.0);
    assert_eq!(vik["owner"], "kari", "the owner comes from the file name");
}

#[test]
fn a_csv_owner_column_gives_each_row_its_owner() {
    let csv = "id,name,owner,revenue\na,A,kari,100\nb,B,ola,200\n";
    let plan = Plan::new()
        .file("sellers/ola.yaml", "name: Ola\nteam: salg-vest\n")
        .file("customers/alle.csv", csv);
    let ctx = context(&plan);
    let owners: Vec<&str> = ctx["customers"]
        .as_array()
        .expect("c")
        .iter()
        .filter_map(|c| c["owner"].as_str())
        .collect();
    assert_eq!(owners, ["kari", "ola"]);
    let (code, _) = plan.check_json();
    assert_eq!(code, 0);
}

#[test]
fn a_broken_csv_row_is_located() {
    let csv = "id;name;revenue\nfjordtre;Fjordtre AS;1 800 000\nvik;Vik;100 000;extra\n";
    let plan = Plan::new().file("customers/kari.csv", csv);
    let d = plan.diagnostics("csv-syntax");
    assert_eq!(
        messages(&d),
        ["this row has 4 cells, but the header names 3 columns; the row is not read"]
    );
    assert_at_text(
        &d[0],
        "csv-syntax",
        "error",
        "customers/kari.csv",
        csv,
        "extra",
    );
    let quote = "id,name\na,\"Open\n";
    let d = Plan::new()
        .file("customers/kari.csv", quote)
        .diagnostics("csv-syntax");
    assert_at_text(
        &d[0],
        "csv-syntax",
        "error",
        "customers/kari.csv",
        quote,
        "\"Open",
    );
}

#[test]
fn csv_cells_are_checked_like_yaml_values() {
    let csv = "id,name,revenu,margin\nfjordtre,Fjordtre,1800000,19\nvik,Vik,100000,abc\n";
    let plan = Plan::new().file("customers/kari.csv", csv);
    let schema = plan.diagnostics("schema");
    let m = messages(&schema);
    assert!(
        m.contains(&"unknown column `revenu`: did you mean `revenue`?".to_string()),
        "{m:#?}"
    );
    assert_at_text(
        &schema[0],
        "schema",
        "error",
        "customers/kari.csv",
        csv,
        "revenu",
    );
    let abc = schema
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .unwrap_or_default()
                .contains("\"abc\"")
        })
        .expect("abc");
    assert_at_text(abc, "schema", "error", "customers/kari.csv", csv, "abc");
    let ratio = plan.diagnostics("ratio");
    assert_eq!(ratio.len(), 1, "{ratio:#?}");
    assert_at_text(&ratio[0], "ratio", "error", "customers/kari.csv", csv, "19");
}

#[test]
fn one_customer_with_two_owners() {
    let plan = Plan::new()
        .file("sellers/ola.yaml", "name: Ola\nteam: salg-vest\n")
        .file("customers/kari.yaml", "owner: kari\ncustomers:\n  - {id: fjordtre, name: Fjordtre, revenue: 1}\n")
        .file("customers/ola.yaml", "owner: ola\ncustomers:\n  - {id: havbris, name: Havbris, revenue: 1}\n  - {id: fjordtre, name: Fjordtre AS, revenue: 1}\n");
    let d = plan.diagnostics("customer-owner");
    assert_eq!(
        messages(&d),
        ["customer `fjordtre` belongs to kari in customers/kari.yaml and to ola here"]
    );
    assert_eq!(d[0]["file"], "customers/ola.yaml");
    assert_eq!(d[0]["line"], 4);
    assert_eq!(d[0]["related"][0]["file"], "customers/kari.yaml");
}

#[test]
fn a_declared_category_that_the_numbers_do_not_bear_out() {
    let mut list = seed_yaml();
    list = list.replace(
        "{id: d, name: Kunde d, revenue: 1800000, margin: 0.19}",
        "{id: d, name: Kunde d, revenue: 1800000, margin: 0.19, category: key}",
    );
    list = list.replace(
        "{id: a, name: Kunde a, revenue: 22500000, margin: 0.22}",
        "{id: a, name: Kunde a, revenue: 22500000, margin: 0.22, category: key}",
    );
    let plan = Plan::new().file("customers/kari.yaml", &list);
    let d = plan.diagnostics("portfolio-category");
    assert_eq!(
        messages(&d),
        [
            "Kunde d is declared key but its numbers make it question (revenue NOK 1,800,000 is below the large-customer threshold NOK 12,600,000)"
        ]
    );
    let line = "  - {id: d, name: Kunde d, revenue: 1800000, margin: 0.19, category: key}";
    let column = line.find("key}").expect("key") as u64 + 1;
    common::assert_at(
        &d[0],
        "portfolio-category",
        "info",
        "customers/kari.yaml",
        6,
        column,
    );
}

#[test]
fn a_revenue_target_beyond_the_customers_potential() {
    let seller = "name: Kari\nteam: salg-vest\ngoals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\n  - {id: nye, metric: new_customer_revenue, target: 2_000_000}\n";
    let list = |p: &str| {
        format!(
            "owner: kari\ncustomers:\n  - {{id: a, name: A, revenue: 4_000_000, potential: {p}}}\n  - {{id: b, name: B, revenue: 2_000_000, potential: 2_500_000}}\n"
        )
    };
    let plan = Plan::new()
        .file("sellers/kari.yaml", seller)
        .file("customers/kari.yaml", &list("4_000_000"));
    let d = plan.diagnostics("potential");
    assert_eq!(
        messages(&d),
        [
            "revenue target NOK 10,000,000 is above the customers' potential NOK 6,500,000 + the new-customer target NOK 2,000,000 = NOK 8,500,000"
        ]
    );
    assert_at_text(
        &d[0],
        "potential",
        "warning",
        "sellers/kari.yaml",
        seller,
        "10_000_000",
    );
    let enough = Plan::new()
        .file("sellers/kari.yaml", seller)
        .file("customers/kari.yaml", &list("6_000_000"));
    assert!(enough.diagnostics("potential").is_empty());
    let levels = Plan::new()
        .file("sellers/kari.yaml", seller)
        .file("customers/kari.yaml", &list("high"));
    assert!(
        levels.diagnostics("potential").is_empty(),
        "levels are not amounts: not checked"
    );
}

#[test]
fn growth_planned_for_a_phase_out_customer() {
    let mut list = seed_yaml();
    list = list.replace(
        "sales_cost: 40_000}",
        "sales_cost: 40_000, target: {revenue: 300_000}}",
    );
    let d = Plan::new()
        .file("customers/kari.yaml", &list)
        .diagnostics("phase-out-target");
    assert_eq!(
        messages(&d),
        [
            "Kunde vik is a phase-out customer (contribution NOK -15,000) but its revenue target NOK 300,000 plans growth from NOK 100,000"
        ]
    );
    assert_at_text(
        &d[0],
        "phase-out-target",
        "warning",
        "customers/kari.yaml",
        &list,
        "300_000",
    );
}

#[test]
fn key_customers_without_planned_activity() {
    let mut list = seed_yaml();
    assert!(
        Plan::new()
            .file("customers/kari.yaml", &list)
            .diagnostics("key-customer-activity")
            .is_empty(),
        "activities not tied to customers"
    );
    list = list.replace(
        "margin: 0.12}",
        "margin: 0.12, target: {customer_visits: 12}}",
    );
    let d = Plan::new()
        .file("customers/kari.yaml", &list)
        .diagnostics("key-customer-activity");
    assert_eq!(
        messages(&d),
        [
            "Kunde a is a key customer with no planned activity (no activity target such as customer_visits)"
        ]
    );
}

#[test]
fn portfolio_goals_report_the_gap_and_impossible_shares() {
    let team = "name: Salg Vest\nportfolio_goals:\n  key: {revenue_share: {min: 0.60}}\n  star: {revenue_share: {min: 0.50}, margin: {min: 0.16}}\n";
    let plan = Plan::new()
        .file("teams/salg-vest.yaml", team)
        .file("customers/kari.yaml", &seed_yaml());
    let d = plan.diagnostics("portfolio-goals");
    let m = messages(&d);
    assert!(m.contains(&"the minimum revenue shares add up to 110% (key 60% + star 50%): they cannot all be met".to_string()), "{m:#?}");
    assert!(
        m.contains(
            &"key customers bring 39.6% of revenue; the goal is at least 60%: 20.4 points short"
                .to_string()
        ),
        "{m:#?}"
    );
    assert!(m.contains(&"star customers have a contribution margin of 12.9%; the goal is at least 16%: 3.1 points short".to_string()), "{m:#?}");
    let error = d.iter().find(|d| d["level"] == "error").expect("error");
    assert_at_text(
        error,
        "portfolio-goals",
        "error",
        "teams/salg-vest.yaml",
        team,
        "key: {",
    );
}

#[test]
fn actuals_may_be_a_csv_of_seller_metric_value() {
    let csv = "seller,metric,value\nkari,revenue,2150000\nkari,contribution_margin,0.24\nola,revenue,100\n";
    let plan = Plan::new().file("actuals/2027-Q1.csv", csv);
    let d = plan.diagnostics("unknown-reference");
    assert_eq!(messages(&d), ["seller `ola` does not exist"]);
    assert_at_text(
        &d[0],
        "unknown-reference",
        "error",
        "actuals/2027-Q1.csv",
        csv,
        "ola",
    );
    let dup = Plan::new()
        .file(
            "actuals/2027-Q1.csv",
            "seller,metric,value\nkari,revenue,1\nkari,revenue,2\n",
        )
        .diagnostics("duplicate-key");
    assert_eq!(dup.len(), 1);
    assert_eq!(dup[0]["line"], 3);
}
