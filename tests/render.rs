//! `salgsmal render`: the reports of the example plan (snapshots in both
//! languages), escaping, template safety, and atomic output.

mod common;
use common::{Plan, assert_snapshot};

fn render(plan: &Plan, args: &[&str]) -> common::Run {
    let mut all = vec!["render", "--out", "out"];
    all.extend_from_slice(args);
    plan.run(&all)
}

#[test]
fn the_example_reports_in_both_languages() {
    let plan = Plan::example();
    for locale in ["nb", "en"] {
        for format in ["md", "html"] {
            let run = render(&plan, &["--format", format, "--locale", locale]);
            assert_eq!(run.code, 0, "{}", run.stderr);
            for report in [
                "team-salg-vest",
                "seller-kari",
                "seller-ola",
                "seller-ingrid",
                "review-salg-vest",
            ] {
                assert!(
                    plan.path().join(format!("out/{report}.{format}")).is_file(),
                    "{report}.{format}"
                );
            }
            for report in ["team-salg-vest", "seller-kari"] {
                let text = plan.read(&format!("out/{report}.{format}"));
                assert_snapshot(&format!("{report}.{locale}.{format}"), &text);
            }
        }
    }
}

#[test]
fn reports_speak_the_locale() {
    let plan = Plan::example();
    render(&plan, &["--format", "md", "--locale", "en"]);
    let team = plan.read("out/team-salg-vest.md");
    assert!(
        team.contains("| Revenue | NOK 60,000,000 | NOK 62,000,000 | Adds up |"),
        "{team}"
    );
    assert!(team.contains("quadrant-1 \"KEY\""));
    render(&plan, &["--format", "md", "--locale", "nb"]);
    let team = plan.read("out/team-salg-vest.md");
    assert!(
        team.contains("| Omsetning | kr 60 000 000 | kr 62 000 000 | Går opp |"),
        "{team}"
    );
    assert!(team.contains("quadrant-1 \"NØKKEL\""));
    assert!(
        team.contains("| Dekningsgrad | 20 % | 20,5 % (vektet med omsetningsmålene) | Går opp |"),
        "{team}"
    );
}

#[test]
fn html_is_self_contained_with_inline_charts() {
    let plan = Plan::example();
    render(&plan, &["--format", "html"]);
    let team = plan.read("out/team-salg-vest.html");
    assert!(team.starts_with("<!doctype html>"));
    assert_eq!(
        team.matches("<svg").count(),
        7,
        "milestones, five allocation bars and the portfolio"
    );
    for outside in ["<script", "<link", "src=\"http", "url(http", "@import"] {
        assert!(!team.contains(outside), "{outside} in the HTML");
    }
    assert!(team.contains("@media print"));
    let md = {
        render(&plan, &["--format", "md"]);
        plan.read("out/team-salg-vest.md")
    };
    assert_eq!(
        md.matches("```mermaid").count(),
        2,
        "the milestone flowchart and the portfolio quadrant chart"
    );
    assert!(md.contains("quadrantChart"));
}

#[test]
fn names_are_escaped_in_html_and_markdown() {
    let evil = "<script>alert(1)</script> | AS";
    let plan = Plan::new().file(
        "customers/kari.yaml",
        &format!("owner: kari\ncustomers:\n  - {{id: evil, name: \"{evil}\", revenue: 1_000_000, margin: 0.2}}\n"),
    );
    render(&plan, &["--format", "html"]);
    let html = plan.read("out/team-salg-vest.html");
    assert!(!html.contains("<script>"), "raw script in the HTML");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;")
            || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "escaped name missing"
    );
    render(&plan, &["--format", "md"]);
    let md = plan.read("out/team-salg-vest.md");
    assert!(!md.contains("<script>"));
    assert!(
        md.contains("&lt;script&gt;alert(1)&lt;/script&gt; \\| AS"),
        "{md}"
    );
}

#[test]
fn a_template_cannot_leave_the_templates_folder() {
    let plan = Plan::new().file("secret.txt", "top secret").file(
        "templates/team.html",
        "<h1>{{ team.name }}</h1>\n{% include '../secret.txt' %}\n",
    );
    let run = render(&plan, &["--report", "team"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("templates/team.html:2"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("outside the templates folder"),
        "{}",
        run.stderr
    );
    assert!(!plan.path().join("out").exists(), "nothing is written");
}

#[test]
fn a_failing_render_leaves_the_previous_reports_intact() {
    let plan = Plan::new();
    assert_eq!(render(&plan, &["--format", "md"]).code, 0);
    let before = plan.read("out/team-salg-vest.md");
    let plan = plan.file(
        "templates/seller.md",
        "{{ seller.name }}\n{{ no_such_value.field }}\n",
    );
    let run = render(&plan, &["--format", "md"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("templates/seller.md:2"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("undefined"), "{}", run.stderr);
    assert_eq!(plan.read("out/team-salg-vest.md"), before);
    let leftovers: Vec<_> = std::fs::read_dir(plan.path().join("out"))
        .expect("out")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_plan_template_overrides_the_built_in_one() {
    let plan = Plan::new().file("templates/team.md", "Team {{ team.name }}: {{ team.goals[0].target | money }} / {{ team.goals[0].rollup | money }} ({{ period | period }})\n");
    assert_eq!(
        render(&plan, &["--format", "md", "--report", "team"]).code,
        0
    );
    assert_eq!(
        plan.read("out/team-salg-vest.md"),
        "Team Salg Vest: kr 10 000 000 / kr 10 000 000 (2027)\n"
    );
}

#[test]
fn a_runaway_template_runs_out_of_fuel() {
    let plan = Plan::new().file(
        "templates/team.md",
        "{% for a in range(10000) %}{% for b in range(10000) %}{% endfor %}{% endfor %}\n",
    );
    let run = render(&plan, &["--format", "md", "--report", "team"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("fuel"), "{}", run.stderr);
}

#[test]
fn choosing_reports_and_sellers() {
    let plan = Plan::example();
    let run = render(
        &plan,
        &["--report", "seller", "--seller", "kari", "--format", "md"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let files: Vec<String> = std::fs::read_dir(plan.path().join("out"))
        .expect("out")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != ".salgsmal-reports")
        .collect();
    assert_eq!(files, ["seller-kari.md"]);
    let unknown = render(&plan, &["--seller", "karl"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("did you mean `kari`?"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn render_writes_whatever_the_findings_and_deny_decides_the_exit() {
    let plan = Plan::new().file("sellers/kari.yaml", "name: Kari\nteam: salg-vest\ngoals:\n  - {id: omsetning, metric: revenue, target: 9_000_000}\n");
    let run = render(&plan, &["--format", "md", "--report", "team"]);
    assert_eq!(run.code, 0);
    let team = plan.read("out/team-salg-vest.md");
    assert!(
        team.contains("`allocation`"),
        "the report shows the findings: {team}"
    );
    assert_eq!(
        render(&plan, &["--format", "md", "--deny", "errors"]).code,
        1
    );
    assert!(plan.path().join("out/team-salg-vest.md").is_file());
    assert_eq!(
        render(&Plan::example(), &["--format", "md", "--deny", "errors"]).code,
        0
    );
}

#[test]
fn the_default_output_folder_is_build_in_the_plan() {
    let plan = Plan::example();
    let run = plan.run(&["render", "--format", "md", "--report", "team"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(plan.path().join("build/team-salg-vest.md").is_file());
}

#[test]
fn the_markdown_quadrants_are_the_categories() {
    let plan = Plan::example();
    render(&plan, &["--format", "md", "--report", "team"]);
    let md = plan.read("out/team-salg-vest.md");
    let point = |name: &str| -> (f64, f64) {
        let line = md
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("\"{name}\"")))
            .unwrap_or_else(|| panic!("{name}"));
        let xy = line
            .split('[')
            .nth(1)
            .and_then(|r| r.strip_suffix(']'))
            .expect("point");
        let mut it = xy.split(", ").map(|v| v.parse::<f64>().expect("number"));
        (it.next().expect("x"), it.next().expect("y"))
    };
    // quadrant-1 (top right) is key, 4 (bottom right) star, 2 (top left) question.
    let (x, y) = point("Bergen Bygg og Anlegg AS");
    assert!(x > 0.5 && y > 0.5, "key at {x},{y}");
    let (x, y) = point("Vestlandske Næringsmidler AS");
    assert!(x > 0.5 && y < 0.5, "star at {x},{y}");
    let (x, y) = point("Fjordtre AS");
    assert!(x < 0.5 && y > 0.5, "question mark at {x},{y}");
}

#[test]
fn kpis_that_support_no_goal_still_appear_on_the_steering_platform() {
    // The spec's seed seller has KPIs (kti, telefoner) without `supports`.
    let seller = "name: Kari\nteam: salg-vest\ngoals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\nkpis:\n  - {id: kti, metric: customer_satisfaction, target: 0.80, actions: [Kundeundersøkelse hvert kvartal]}\n  - {id: telefoner, metric: customer_calls, target: 25, per: week, actions: [Ringeliste hver mandag]}\n";
    let plan = Plan::new().file("sellers/kari.yaml", seller);
    for format in ["md", "html"] {
        render(&plan, &["--format", format, "--report", "seller"]);
        let text = plan.read(&format!("out/seller-kari.{format}"));
        assert!(
            text.contains("Kundeundersøkelse hvert kvartal"),
            "{format}: {text}"
        );
        assert!(text.contains("Ringeliste hver mandag"), "{format}");
    }
}

#[test]
fn a_plan_without_a_readable_config_still_renders() {
    let plan = Plan::new().file("salgsmal.yaml", "version: 1\nperiod: [2027\n");
    let run = render(&plan, &["--format", "md", "--report", "team"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = plan.read("out/team-salg-vest.md");
    assert!(!md.contains("none"), "{md}");
    assert!(md.contains("`yaml-syntax`"));
}

#[test]
fn a_large_portfolio_chart_draws_the_largest_customers_and_says_so() {
    let mut list = String::from("owner: kari\ncustomers:\n");
    for c in 0..200 {
        list.push_str(&format!(
            "  - {{id: c{c}, name: Kunde {c}, revenue: {}, margin: 0.2}}\n",
            10_000 + c * 1_000
        ));
    }
    let plan = Plan::new().file("customers/kari.yaml", &list);
    let run = render(&plan, &["--format", "html", "--report", "team"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = plan.read("out/team-salg-vest.html");
    assert_eq!(html.matches("<circle").count(), 150);
    assert!(
        html.contains("Viser de 150 største av 200 kunder"),
        "{html}"
    );
    assert!(html.contains("Kunde 199<"), "the largest is drawn");
    // The table still lists every customer.
    assert!(html.contains("<td>Kunde 0</td>"));
    render(&plan, &["--format", "md", "--report", "team"]);
    let md = plan.read("out/team-salg-vest.md");
    assert_eq!(md.matches("\": [").count(), 50, "{md}");
    assert!(md.contains("Viser de 50 største av 200 kunder"), "{md}");
}

#[test]
fn each_seller_and_team_carries_its_own_customers() {
    let plan = Plan::example();
    let run = plan.run(&["render", "--dump-context"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let context: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let kari = &context["sellers"][1];
    assert_eq!(kari["id"], "kari");
    let mine = kari["customer_list"].as_array().expect("customer_list");
    assert_eq!(mine.len(), kari["customers"].as_array().expect("ids").len());
    assert!(mine.iter().all(|c| c["owner"] == "kari"));
    let revenue: Vec<f64> = mine
        .iter()
        .map(|c| c["revenue"].as_f64().expect("revenue"))
        .collect();
    assert!(revenue.windows(2).all(|w| w[0] >= w[1]), "largest first");
    let team = &context["teams"][0];
    assert_eq!(
        team["customer_list"].as_array().expect("list").len(),
        context["customers"].as_array().expect("all").len()
    );
    assert_eq!(team["seller_list"].as_array().expect("sellers").len(), 3);
}

fn example_with_config(extra: &str) -> Plan {
    let config =
        std::fs::read_to_string(common::example_dir().join("salgsmal.yaml")).expect("config");
    Plan::example().file("salgsmal.yaml", &format!("{config}{extra}"))
}

#[test]
fn mermaid_labels_keep_the_percent_sign() {
    let plan = Plan::example();
    render(&plan, &["--format", "md", "--report", "team"]);
    let md = plan.read("out/team-salg-vest.md");
    assert!(md.contains("Dekningsgrad 17,8 #37;"), "{md}");
}

#[test]
fn product_goals_show_the_product_name() {
    let plan = Plan::example();
    for format in ["md", "html"] {
        render(&plan, &["--format", format]);
        for report in ["team-salg-vest", "seller-kari", "review-salg-vest"] {
            let text = plan.read(&format!("out/{report}.{format}"));
            assert!(text.contains("(Produktområde Y)"), "{report}.{format}");
            assert!(!text.contains("(y)"), "{report}.{format}");
        }
    }
}

#[test]
fn the_review_table_names_each_column_once() {
    let plan = Plan::example();
    render(&plan, &["--format", "md", "--report", "review"]);
    let md = plan.read("out/review-salg-vest.md");
    for line in md.lines().filter(|l| l.starts_with("| Mål")) {
        assert_eq!(line.matches("Mål |").count(), 1, "{line}");
    }
}

#[test]
fn the_milestone_chart_dates_follow_the_locale() {
    let plan = Plan::example();
    render(&plan, &["--format", "html", "--report", "team"]);
    let html = plan.read("out/team-salg-vest.html");
    assert!(!html.contains("2026-12-31"), "ISO date in the chart");
    assert_eq!(html.matches("31.12.2026").count(), 2, "chart and table");
    render(
        &plan,
        &["--format", "html", "--report", "team", "--locale", "en"],
    );
    let html = plan.read("out/team-salg-vest.html");
    assert_eq!(html.matches("31 Dec 2026").count(), 2, "chart and table");
}

#[test]
fn counts_agree_with_their_nouns() {
    let plan = Plan::new().file(
        "customers/kari.yaml",
        "owner: kari\ncustomers:\n  - {id: a, name: A AS, revenue: 1_000_000, margin: 0.2}\n  - {id: b, name: B AS, revenue: 0, prospect: true}\n",
    );
    render(&plan, &["--format", "html", "--report", "team"]);
    let html = plan.read("out/team-salg-vest.html");
    assert!(
        html.contains("1 kunde ·") || html.contains("1 kunde ("),
        "{html}"
    );
    assert!(html.contains("0 kunder ·"), "{html}");
    assert!(html.contains("(1 nytt emne)"), "{html}");
    assert!(!html.contains("1 kunder"), "{html}");
    render(
        &plan,
        &["--format", "html", "--report", "team", "--locale", "en"],
    );
    let html = plan.read("out/team-salg-vest.html");
    assert!(
        html.contains("1 customer ·") || html.contains("1 customer ("),
        "{html}"
    );
    assert!(html.contains("0 customers ·"), "{html}");
    assert!(html.contains("(1 prospect)"), "{html}");
}

#[test]
fn the_customer_time_minimum_is_the_capacity_rules() {
    for (min, shown) in [("0.25", "25 %"), ("25", "40 %"), ("0", "40 %")] {
        let plan = example_with_config(&format!("rules: {{capacity: {{min: {min}}}}}\n"));
        render(
            &plan,
            &["--format", "md", "--report", "seller", "--seller", "kari"],
        );
        let md = plan.read("out/seller-kari.md");
        assert!(
            md.contains(&format!("krever minst {shown}")),
            "min {min}: {md}"
        );
        render(
            &plan,
            &["--format", "html", "--report", "seller", "--seller", "kari"],
        );
        let html = plan.read("out/seller-kari.html");
        assert!(html.contains(&format!("krever minst {shown}")), "min {min}");
    }
}

#[test]
fn a_team_report_shows_the_findings_of_its_own_files() {
    // Two teams; the seller of `salg-nord` lacks a KPI chain and has an
    // unknown key: those findings belong in Nord's report, not in Vest's.
    let plan = Plan::new()
        .file("teams/salg-nord.yaml", "name: Salg Nord\ngoals:\n  - {id: omsetning, metric: revenue, target: 5_000_000}\n")
        .file(
            "sellers/nils.yaml",
            "name: Nils\nteam: salg-nord\ngoals:\n  - {id: omsetning, metric: revenue, target: 5_000_000, notat: x}\n",
        );
    let run = render(
        &plan,
        &["--report", "team", "--format", "md", "--locale", "en"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let nord = plan.read("out/team-salg-nord.md");
    let vest = plan.read("out/team-salg-vest.md");
    assert!(nord.contains("sellers/nils.yaml:4"), "{nord}");
    assert!(!vest.contains("notat"), "{vest}");
    assert!(!vest.contains("sellers/nils.yaml"), "{vest}");
}

/// The first quarter's actuals of the example, with two customers, one of
/// which (Vestlandske Næringsmidler, a star) moves to key by its actuals.
const Q1_ACTUALS: &str = "period: 2027-Q1
as_of: 2027-03-31
sellers:
  kari: {revenue: 2_150_000, contribution: 520_000, offers: 22, offers_won: 15, qualified_meetings: 104}
  ola: {revenue: 5_600_000, contribution: 1_000_000}
  ingrid: {revenue: 6_100_000, contribution: 1_250_000}
customers:
  vestlandske-naering: {revenue: 3_500_000, contribution: 700_000}
  bergen-bygg: {revenue: 5_000_000, contribution: 1_000_000}
notes: |
  Vestkraft signerte rammeavtale i februar. Kari har for få kundemøter <b>nå</b>.
";

#[test]
fn the_review_report_evaluates_the_actuals_in_both_languages() {
    let plan = Plan::example()
        .without("actuals")
        .file("actuals/2027-Q1.yaml", Q1_ACTUALS);
    let expect = [
        (
            "nb",
            [
                "I rute",
                "I faresonen",
                "Ikke i rute",
                "Nådd",
                "Underveis",
                "Per 31.03.2027",
                "Neste delmål",
            ],
            "Kunder som har skiftet kategori",
        ),
        (
            "en",
            [
                "On track",
                "At risk",
                "Off track",
                "Reached",
                "Pending",
                "As of 31 Mar 2027",
                "Next milestone",
            ],
            "Customers that moved category",
        ),
    ];
    for (locale, words, moved) in expect {
        for format in ["md", "html"] {
            let run = render(
                &plan,
                &["--format", format, "--locale", locale, "--report", "review"],
            );
            assert_eq!(run.code, 0, "{}", run.stderr);
            let text = plan.read(&format!("out/review-salg-vest.{format}"));
            for word in words {
                assert!(text.contains(word), "{locale} {format}: {word}\n{text}");
            }
            assert!(text.contains(moved), "{locale} {format}\n{text}");
            assert!(
                text.contains("Vestlandske Næringsmidler AS"),
                "{locale} {format}"
            );
            assert!(
                !text.contains("Bergen Bygg og Anlegg AS"),
                "a customer that kept its category is not listed"
            );
            assert!(
                text.contains(
                    "Vestkraft signerte rammeavtale i februar. Kari har for få kundemøter"
                )
            );
            assert!(!text.contains("<b>nå</b>"), "the note is escaped");
            assert!(
                !text.contains("Ingen faktiske tall") && !text.contains("No actuals yet"),
                "{locale} {format}"
            );
            assert_snapshot(&format!("review-actuals.{locale}.{format}"), &text);
        }
    }
    let md = plan.read("out/review-salg-vest.md");
    assert!(
        md.contains(
            "| Milestone 1 | 31 Mar 2027 | Revenue | NOK 13,000,000 | NOK 13,850,000 | Reached |"
        ),
        "{md}"
    );
    assert!(
        md.contains("| Revenue | NOK 10,000,000 | NOK 2,150,000 | NOK 2,452,107 | 87.7% | NOK 8,767,969 | Off track |"),
        "Kari's revenue\n{md}"
    );
    assert!(md.contains("> Vestkraft signerte"), "{md}");
    // The KPIs stand beneath the result goals they support.
    assert!(
        md.contains("| Revenue | NOK 10,000,000 | NOK 2,150,000 | NOK 2,452,107 | 87.7% | NOK 8,767,969 | Off track |\n| ↳ KPI: Pipeline value |"),
        "{md}"
    );
    let html = plan.read("out/review-salg-vest.html");
    assert!(html.contains(r#"<span class="chip at_risk">At risk</span>"#));
    assert!(html.contains(r#"<span class="chip reached">Reached</span>"#));
    assert!(html.contains("&lt;b&gt;nå&lt;&#x2f;b&gt;") || html.contains("&lt;b&gt;nå&lt;/b&gt;"));
}

/// The example's two quarters: milestone 1 (kr 13 000 000 by 31 March)
/// missed with 2 150 000 + 5 600 000 + 5 000 000; milestone 2 (kr 28 000 000
/// by 30 June) reached with 30 100 000; Kari behind, Ola ahead, and the team
/// ahead of its own phasing (13 + 15 of 60 million by June).
#[test]
fn the_example_review_shows_two_quarters() {
    let plan = Plan::example();
    render(
        &plan,
        &["--format", "md", "--locale", "en", "--report", "review"],
    );
    let md = plan.read("out/review-salg-vest.md");
    for row in [
        "| Milestone 1 | 31 Mar 2027 | Revenue | NOK 13,000,000 | NOK 12,750,000 | Missed |",
        "| Milestone 2 | 30 Jun 2027 | Revenue | NOK 28,000,000 | NOK 30,100,000 | Reached |",
        // 10 000 000 × 129/261 working days; 4 200 000 × 261/129.
        "| Revenue | NOK 10,000,000 | NOK 4,200,000 | NOK 4,942,529 | 85% | NOK 8,497,674 | Off track |",
        // 20 500 000 × 129/261; 11 500 000 × 261/129.
        "| Revenue | NOK 20,500,000 | NOK 11,500,000 | NOK 10,132,184 | 113.5% | NOK 23,267,442 | On track |",
        // The team against its phasing: 30 100 000 ÷ 28 000 000, × 60/28.
        "| Revenue | NOK 60,000,000 | NOK 30,100,000 | NOK 28,000,000 | 107.5% | NOK 64,500,000 | On track |",
    ] {
        assert!(md.contains(row), "{row}\n{md}");
    }
    // The activity plan as a rate: 196 meetings in 129/261 of 44 working
    // weeks is 9.01 a week (Kari, 10 a week); Ingrid's 195 is 8.97 (9 a week),
    // shown with the decimals that tell it from her target.
    assert!(
        md.contains("| 10 / week | 196 (9 / week) | 217.47 |"),
        "{md}"
    );
    assert!(
        md.contains("| 9 / week | 195 (8.97 / week) | 195.72 |"),
        "{md}"
    );
    // The portfolio on this year's numbers beside the plan: Bergen Bygg, the
    // one key customer, 3 300 000 + 6 200 000 of the 30 100 000 to date, at
    // (726 000 + 1 376 400) ÷ 9 500 000 = 22.1 %.
    assert!(
        md.contains(
            "| Key | 1 | NOK 22,500,000 | 39.6% | 22% | 1 | NOK 9,500,000 | 31.6% | 22.1% |"
        ),
        "{md}"
    );
    // Both quarters' notes, as written.
    assert!(
        md.contains("Delmål 1 (kr 13 000 000 innen 31. mars) ble ikke nådd"),
        "{md}"
    );
    assert!(
        md.contains("Delmål 2 (kr 28 000 000 innen 30. juni) er nådd"),
        "{md}"
    );
}

#[test]
fn the_review_report_without_actuals_says_so_and_shows_the_targets() {
    let plan = Plan::example().without("actuals");
    for (locale, none) in [("nb", "Ingen faktiske tall ennå"), ("en", "No actuals yet")] {
        for format in ["md", "html"] {
            render(
                &plan,
                &["--format", format, "--locale", locale, "--report", "review"],
            );
            let text = plan.read(&format!("out/review-salg-vest.{format}"));
            assert!(text.contains(none), "{locale} {format}\n{text}");
            assert!(!text.contains("chip on_track") && !text.contains("I rute"));
            assert_snapshot(&format!("review-salg-vest.{locale}.{format}"), &text);
        }
    }
}

/// The second quarter of the example: the sellers fall behind, so the
/// team misses milestone 2 (kr 28 000 000 by 30 June).
const Q2_ACTUALS: &str = "period: 2027-Q2
as_of: 2027-06-30
sellers:
  kari: {revenue: 2_000_000, contribution: 400_000}
  ola: {revenue: 5_000_000, contribution: 1_100_000}
  ingrid: {revenue: 5_500_000, contribution: 1_200_000}
";

fn dump(plan: &Plan) -> serde_json::Value {
    let run = plan.run(&["render", "--dump-context"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("json")
}

/// A team's path of one metric as `(date, actual)`.
fn path_of(context: &serde_json::Value, metric: &str) -> Vec<(String, f64)> {
    context["teams"][0]["path"]
        .as_array()
        .expect("path")
        .iter()
        .find(|p| p["metric"] == metric)
        .unwrap_or_else(|| panic!("no path of {metric}"))["points"]
        .as_array()
        .expect("points")
        .iter()
        .map(|p| {
            (
                p["date"].as_str().expect("date").to_string(),
                p["actual"].as_f64().expect("actual"),
            )
        })
        .collect()
}

#[test]
fn the_review_path_adds_up_the_actuals_and_marks_the_missed_milestone() {
    let plan = Plan::example()
        .file("actuals/2027-Q1.yaml", Q1_ACTUALS)
        .file("actuals/2027-Q2.yaml", Q2_ACTUALS);
    let context = dump(&plan);
    // Revenue from 0: Q1 2 150 000 + 5 600 000 + 6 100 000 = 13 850 000;
    // Q2 adds 2 000 000 + 5 000 000 + 5 500 000 = 12 500 000.
    assert_eq!(
        path_of(&context, "revenue"),
        [
            ("2027-01-01".to_string(), 0.0),
            ("2027-03-31".to_string(), 13_850_000.0),
            ("2027-06-30".to_string(), 26_350_000.0),
        ]
    );
    // The margin of the main goal from the sums: (520 000 + 1 000 000 +
    // 1 250 000) ÷ 13 850 000 = 0.2 in Q1; with Q2's 2 700 000,
    // 5 470 000 ÷ 26 350 000 = 0.20759…, not the mean of the quarters'
    // margins (0.2 + 0.216) ÷ 2 = 0.208.
    let margin = path_of(&context, "contribution_margin");
    assert_eq!(margin.len(), 2, "{margin:?}");
    assert_eq!(margin[0], ("2027-03-31".to_string(), 0.2));
    assert_eq!(margin[1].0, "2027-06-30");
    assert!((margin[1].1 - 5_470_000.0 / 26_350_000.0).abs() < 1e-12);
    assert_eq!(context["teams"][0]["path"][0]["kind"], "money");
    assert_eq!(context["teams"][0]["path"][1]["kind"], "ratio");

    render(&plan, &["--format", "html", "--report", "review"]);
    let html = plan.read("out/review-salg-vest.html");
    assert_eq!(html.matches(r#"<svg class="chart path""#).count(), 1);
    assert!(
        html.contains("<title>31.03.2027: kr 13 850 000</title>"),
        "{html}"
    );
    assert!(
        html.contains("<title>30.06.2027: kr 26 350 000</title>"),
        "{html}"
    );
    assert!(
        html.contains(r#"<g class="step missed"><title>Delmål 2 (30.06.2027): mål kr 28 000 000, resultat kr 26 350 000 — Ikke nådd</title>"#),
        "{html}"
    );
    assert!(html.contains(r#"<g class="step reached"><title>Delmål 1"#));
    assert!(html.contains(r#"<g class="step pending"><title>Delmål 3"#));
    assert!(!html.contains("NaN") && !html.contains("inf\""), "{html}");

    render(
        &plan,
        &["--format", "md", "--report", "review", "--locale", "en"],
    );
    let md = plan.read("out/review-salg-vest.md");
    for row in [
        "### Actuals against the milestones: Revenue",
        "| 31 Mar 2027 | Milestone 1 | NOK 13,000,000 | NOK 13,850,000 | Reached |",
        "| 30 Jun 2027 | Milestone 2 | NOK 28,000,000 | NOK 26,350,000 | Missed |",
        "| 30 Sep 2027 | Milestone 3 | NOK 43,000,000 |  | Pending |",
        "| 31 Dec 2027 | Main goal | NOK 60,000,000 |  |  |",
    ] {
        assert!(md.contains(row), "{row}\n{md}");
    }
}

#[test]
fn a_ratio_staircase_is_drawn_from_the_sums_and_may_pass_the_main_goal() {
    let team = "\
name: Salg Vest
main_goal: {statement: Lønnsom vekst, deadline: 2027-12-31, values: {contribution_margin: 0.20}}
starting_point: {date: 2026-12-31, values: {contribution_margin: 0.18}}
milestones:
  - {id: d1, deadline: 2027-06-30, values: {contribution_margin: 0.19}}
goals:
  - {id: db, metric: contribution_margin, target: 0.20}
";
    let seller = "\
name: Kari Nordmann
team: salg-vest
goals:
  - {id: omsetning, metric: revenue, target: 10_000_000}
  - {id: db, metric: contribution_margin, target: 0.20}
";
    let plan = Plan::new()
        .file("teams/salg-vest.yaml", team)
        .file("sellers/kari.yaml", seller)
        .file(
            "actuals/2027-Q1.yaml",
            "period: 2027-Q1\nsellers:\n  kari: {revenue: 1_000_000, contribution: 150_000}\n",
        )
        .file(
            "actuals/2027-Q2.yaml",
            "period: 2027-Q2\nsellers:\n  kari: {revenue: 3_000_000, contribution: 670_000}\n",
        );
    let context = dump(&plan);
    // No revenue in the staircase: the margin, Σ contribution ÷ Σ revenue:
    // 150 000 ÷ 1 000 000, then 820 000 ÷ 4 000 000 = 0.205 (the mean of
    // the quarters' margins would be 0.187).
    let margin = path_of(&context, "contribution_margin");
    assert_eq!(
        margin,
        [
            ("2027-03-31".to_string(), 0.15),
            ("2027-06-30".to_string(), 0.205)
        ]
    );
    assert_eq!(
        context["teams"][0]["path"].as_array().map(Vec::len),
        Some(1)
    );
    render(&plan, &["--format", "html", "--report", "review"]);
    let html = plan.read("out/review-salg-vest.html");
    assert!(html.contains("<title>30.06.2027: 20,5 %</title>"), "{html}");
    assert!(
        html.contains(r#"<g class="step reached"><title>Delmål 1 (30.06.2027): mål 19 %, resultat 20,5 % — Nådd</title>"#),
        "{html}"
    );
    // A ratio steps from its starting point (no dashed reference line).
    assert!(
        html.contains(r#"<g class="step plan"><title>Startpunkt (31.12.2026): mål 18 %</title>"#),
        "{html}"
    );
    assert!(!html.contains("NaN") && !html.contains("inf\""), "{html}");
    render(&plan, &["--format", "md", "--report", "review"]);
    let md = plan.read("out/review-salg-vest.md");
    assert!(
        md.contains("| 30.06.2027 | Delmål 1 | 19 % | 20,5 % | Nådd |"),
        "{md}"
    );
    assert!(
        md.contains("| 31.03.2027 | Resultat hittil |  | 15 % |  |"),
        "{md}"
    );
}

#[test]
fn without_actuals_there_is_no_path() {
    let plan = Plan::example().without("actuals");
    let context = dump(&plan);
    assert_eq!(context["teams"][0]["path"], serde_json::json!([]));
    for format in ["md", "html"] {
        render(&plan, &["--format", format, "--report", "review"]);
        let text = plan.read(&format!("out/review-salg-vest.{format}"));
        assert!(!text.contains("chart path"), "{text}");
        assert!(!text.contains("Resultat mot delmålene"), "{text}");
        assert!(!text.contains("class=\"gauge"), "{text}");
    }
}

#[test]
fn actuals_without_the_staircase_metric_leave_the_staircase_alone() {
    // The sellers report activities only: no revenue path, the plan still drawn.
    let plan = Plan::example().without("actuals").file(
        "actuals/2027-Q1.yaml",
        "period: 2027-Q1\nsellers:\n  kari: {qualified_meetings: 104}\n",
    );
    let context = dump(&plan);
    assert_eq!(context["teams"][0]["path"], serde_json::json!([]));
    render(&plan, &["--format", "html", "--report", "review"]);
    let html = plan.read("out/review-salg-vest.html");
    assert_eq!(html.matches(r#"<svg class="chart path""#).count(), 1);
    assert!(!html.contains(r#"class="actual""#), "{html}");
    assert!(!html.contains("NaN"), "{html}");
}

#[test]
fn seller_bars_mark_the_target_to_date() {
    let plan = Plan::example()
        .without("actuals")
        .file("actuals/2027-Q1.yaml", Q1_ACTUALS);
    render(&plan, &["--format", "html", "--report", "review"]);
    let html = plan.read("out/review-salg-vest.html");
    // Kari's revenue, scaled to her annual target kr 10 000 000 (above the
    // forecast): actual 2 150 000 → 21.5 %; target to date 64 of 261
    // working days, 2 452 107 → 24.5 %; forecast 8 767 969 → 87.7 %.
    assert!(
        html.contains(r#"<div class="gauge off_track" title="Resultat hittil kr 2 150 000 · Mål kr 10 000 000 · Mål hittil kr 2 452 107 · Prognose kr 8 767 969"><span class="fill" style="width:21.5%"></span><span class="due" style="left:24.5%"></span><span class="fc" style="left:87.7%"></span></div>"#),
        "{html}"
    );
    // One bar in each row of an evaluated goal or KPI (a chip with a
    // status), none in the others.
    let rows: Vec<&str> = html
        .lines()
        .filter(|l| l.trim_start().starts_with("<tr><td"))
        .collect();
    let evaluated = |l: &str| {
        ["on_track", "at_risk", "off_track"]
            .iter()
            .any(|st| l.contains(&format!(r#"<span class="chip {st}">"#)))
    };
    assert!(rows.iter().filter(|l| evaluated(l)).count() > 5);
    for row in &rows {
        let bars = row.matches(r#"<div class="gauge "#).count();
        let period_bars = row.matches(r#"<div class="gauge period "#).count();
        assert_eq!(bars - period_bars, usize::from(evaluated(row)), "{row}");
        assert!(period_bars <= bars - period_bars, "{row}");
    }
    // The period's own bar: Q1 alone against Q1's part of the target.
    assert!(
        html.contains(r#"<div class="gauge period off_track" title="2027-Q1: Resultat kr 2 150 000 · Mål kr 2 452 107">"#),
        "{html}"
    );
}

/// `--period P` reviews the actuals up to the end of P: the example as it
/// stood after Q1, and by default after its latest file (Q2), each with the
/// period's own result against the period's part of the target.
#[test]
fn the_review_of_a_period() {
    let plan = Plan::example();
    let review = |extra: &[&str]| {
        let mut args = vec!["--format", "md", "--locale", "en", "--report", "review"];
        args.extend_from_slice(extra);
        let run = render(&plan, &args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        plan.read("out/review-salg-vest.md")
    };
    let q1 = review(&["--period", "2027-Q1"]);
    for line in [
        "- **Review of Q1 2027 · As of 31 Mar 2027**",
        // The team's phasing gives Q1 13 000 000.
        "- **Q1 2027:** NOK 12,750,000 of NOK 13,000,000 = 98.1%",
        "| Milestone 1 | 31 Mar 2027 | Revenue | NOK 13,000,000 | NOK 12,750,000 | Missed |",
        "| Milestone 2 | 30 Jun 2027 | Revenue | NOK 28,000,000 | NOK 12,750,000 | Pending |",
    ] {
        assert!(q1.contains(line), "{line}\n{q1}");
    }
    assert!(q1.contains("Delmål 1 (kr 13 000 000"), "Q1's notes");
    assert!(
        !q1.contains("Delmål 2 (kr 28 000 000"),
        "not Q2's notes\n{q1}"
    );
    let latest = review(&[]);
    for line in [
        "- **Review of Q2 2027 · As of 30 Jun 2027**",
        // 2 050 000 + 5 900 000 + 9 400 000 against Q2's 15 000 000.
        "- **Q2 2027:** NOK 17,350,000 of NOK 15,000,000 = 115.7%",
    ] {
        assert!(latest.contains(line), "{line}\n{latest}");
    }
    // A seller without phasing: Q2 is 65 of 2027's 261 working days.
    let run = plan.run(&["render", "--dump-context"]);
    let context: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let kari = context["sellers"]
        .as_array()
        .expect("sellers")
        .iter()
        .find(|s| s["id"] == "kari")
        .expect("kari");
    let period = &kari["goals"][0]["evaluation"]["period"];
    assert_eq!(period["period"], "2027-Q2");
    assert_eq!(period["actual"].as_f64(), Some(2_050_000.0));
    let target = period["target"].as_f64().expect("target");
    assert!(
        (target - 10_000_000.0 * 65.0 / 261.0).abs() < 1e-6,
        "{target}"
    );
    // A period outside the plan year, or not a period.
    for (bad, says) in [
        ("2026-Q4", "2026-Q4 er utenfor planåret 2027"),
        (
            "Q5",
            "`Q5` er ikke en måned (2027-03), et kvartal (2027-Q1) eller et år (2027)",
        ),
    ] {
        let run = render(&plan, &["--report", "review", "--period", bad]);
        assert_eq!(run.code, 2);
        assert!(run.stderr.contains(says), "{}", run.stderr);
    }
}
