//! Numbers that agree with themselves: equal plans compare equal whatever
//! the `per` units, a finding never prints a gap of 0, a threshold is never
//! shown as exceeded by a value printed equal to it, and products and sums
//! add up as printed.

mod common;
use common::Plan;

const CONFIG: &str = "version: 1\nperiod: 2027\n";

fn plan(team_goals: &str, sellers: &[(&str, &str)]) -> Plan {
    let mut p = Plan::empty().file("salgsmal.yaml", CONFIG).file(
        "teams/t.yaml",
        &format!("name: T\nstarting_point: {{date: 2026-12-31}}\ngoals:\n{team_goals}"),
    );
    for (id, body) in sellers {
        p = p.file(
            &format!("sellers/{id}.yaml"),
            &format!("name: Selger {id}\nteam: t\n{body}"),
        );
    }
    p
}

fn kpis(lines: &[&str]) -> String {
    let mut s = String::from("kpis:\n");
    for l in lines {
        s.push_str(&format!("  - {{{l}, actions: [a]}}\n"));
    }
    s
}

#[test]
fn rates_in_other_units_that_add_up_compare_equal() {
    // 2 + 5 + 5 offers a week over 44 weeks are 528 a year: 44 a month.
    let p = plan(
        "  - {id: tilbud, metric: offers, target: 44, per: month}\n",
        &[
            (
                "a",
                &kpis(&["id: tilbud, metric: offers, target: 2, per: week"]),
            ),
            (
                "b",
                &kpis(&["id: tilbud, metric: offers, target: 5, per: week"]),
            ),
            (
                "c",
                &kpis(&["id: tilbud, metric: offers, target: 5, per: week"]),
            ),
        ],
    );
    assert_eq!(p.diagnostics("allocation"), Vec::<serde_json::Value>::new());
    // One offer a year less is below, by exactly one: the sum is shown a
    // year, where each term is a whole product.
    let p = plan(
        "  - {id: tilbud, metric: offers, target: 44, per: month}\n",
        &[
            (
                "a",
                &kpis(&["id: tilbud, metric: offers, target: 2, per: week"]),
            ),
            (
                "b",
                &kpis(&["id: tilbud, metric: offers, target: 5, per: week"]),
            ),
            (
                "c",
                &kpis(&["id: tilbud, metric: offers, target: 219, per: year"]),
            ),
        ],
    );
    let d = p.diagnostics("allocation");
    assert_eq!(
        d[0]["message"],
        "sum of individual offers targets a year 527 is 1 below the team target 528 (44/month) (Selger a 2/week × 44 = 88 + Selger b 5/week × 44 = 220 + Selger c 219)"
    );
}

#[test]
fn a_weighted_mean_of_equal_rates_equals_them() {
    // One seller: closing rate 35 % weighted by 1 offer a month.
    let p = plan(
        "  - {id: cr, metric: closing_rate, target: 0.35}\n",
        &[(
            "d",
            &kpis(&[
                "id: tilbud, metric: offers, target: 1, per: month",
                "id: cr, metric: closing_rate, target: 0.35",
            ]),
        )],
    );
    assert_eq!(p.diagnostics("allocation"), Vec::<serde_json::Value>::new());
    let run = p.run(&["render", "--dump-context"]);
    let context: serde_json::Value = serde_json::from_str(&run.stdout).expect("context");
    let goal = &context["teams"][0]["goals"][0];
    assert_eq!(goal["status"], "ok");
    assert_eq!(goal["gap"], 0.0);
}

#[test]
fn a_gap_smaller_than_the_printed_precision_is_printed_with_the_digits_it_takes() {
    // 0.19996 × 10 M + 0.2 × 10 M over 20 M = 19,998 %: below 20 %.
    let p = plan(
        "  - {id: omsetning, metric: revenue, target: 20_000_000}\n  - {id: db, metric: contribution_margin, target: 0.20}\n",
        &[
            (
                "a",
                "goals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\n  - {id: db, metric: contribution_margin, target: 0.19996}\n",
            ),
            (
                "b",
                "goals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\n  - {id: db, metric: contribution_margin, target: 0.20}\n",
            ),
        ],
    );
    let d = p.diagnostics("allocation");
    assert_eq!(d.len(), 1, "{d:#?}");
    let message = d[0]["message"].as_str().expect("message");
    assert!(
        message.starts_with("contribution margin of individual targets, weighted by revenue targets, 19.998% is 0.002 points below the team target 20% (Selger a 19.996% × 10,000,000, Selger b 20% × 10,000,000)"),
        "{message}"
    );
}

#[test]
fn growth_just_over_the_limit_is_shown_over_it() {
    // 13 000 400 over 10 000 000 is 30,004 %: more than 30 %.
    let p = plan(
        "  - {id: omsetning, metric: revenue, target: 13_000_400}\n",
        &[(
            "a",
            "baseline: {revenue: 10_000_000}\ngoals:\n  - {id: omsetning, metric: revenue, target: 13_000_400}\n",
        )],
    );
    let d = p.diagnostics("growth");
    let message = d[0]["message"].as_str().expect("message");
    assert_eq!(
        message,
        "revenue target NOK 13,000,400 is 30.004% over the baseline NOK 10,000,000, more than 30%"
    );
    // Exactly 30 % is allowed.
    let p = plan(
        "  - {id: omsetning, metric: revenue, target: 13_000_000}\n",
        &[(
            "a",
            "baseline: {revenue: 10_000_000}\ngoals:\n  - {id: omsetning, metric: revenue, target: 13_000_000}\n",
        )],
    );
    assert!(p.diagnostics("growth").is_empty());
}

#[test]
fn history_ratio_just_over_the_limit_is_shown_over_it() {
    // 60,06 % against 40 % is 1,5015×: more than 1,5×.
    let p = plan(
        "  - {id: cr, metric: closing_rate, target: 0.6006}\n",
        &[(
            "a",
            &format!(
                "baseline: {{closing_rate: 0.40}}\n{}",
                kpis(&["id: cr, metric: closing_rate, target: 0.6006"])
            ),
        )],
    );
    let d = p.diagnostics("history");
    assert_eq!(
        d[0]["message"],
        "closing_rate target 60.1% is 1.502× the baseline 40%, more than 1.5×"
    );
}

#[test]
fn a_lower_is_better_history_is_worded_as_an_improvement() {
    let p = plan(
        "  - {id: churn, metric: churn_rate, target: 0.05}\n",
        &[(
            "a",
            &format!(
                "baseline: {{churn_rate: 0.10}}\n{}",
                kpis(&["id: churn, metric: churn_rate, target: 0.05"])
            ),
        )],
    );
    let d = p.diagnostics("history");
    assert_eq!(
        d[0]["message"],
        "churn_rate target 5% is a 2× improvement on the baseline 10% (lower is better: 10% ÷ 5%), more than 1.5×"
    );
}

#[test]
fn capacity_terms_add_up_to_the_total_as_printed() {
    let p = plan(
        "  - {id: omsetning, metric: revenue, target: 1}\n",
        &[(
            "a",
            &kpis(&[
                "id: moter, metric: qualified_meetings, target: 15, per: week",
                "id: tlf, metric: customer_calls, target: 30, per: week",
                "id: tilbud, metric: offers, target: 16, per: quarter",
            ]),
        )],
    );
    let d = p.diagnostics("capacity");
    let message = d[0]["message"].as_str().expect("message");
    assert_eq!(
        message,
        "activity KPIs take 41.86 hours a week, more than the 37.5 available (qualified_meetings 15/week × 2 h = 30 h + customer_calls 30/week × 0.25 h = 7.5 h + offers 16/quarter × 4 ÷ 44 weeks × 3 h = 4.36 h)"
    );
    // The terms as printed add up to the total as printed.
    let terms: f64 = message
        .split(" h + ")
        .chain(std::iter::once(""))
        .filter_map(|t| t.rsplit("= ").next())
        .filter_map(|t| {
            t.trim_end_matches(" h)")
                .replace(',', ".")
                .parse::<f64>()
                .ok()
        })
        .sum();
    assert!((terms - 41.86).abs() < 1e-9, "{terms}");
}

#[test]
fn a_customer_share_equal_to_the_minimum_is_enough() {
    // 37,5 h × 40 % = 15 h: 7,5 meetings of 2 h a week is exactly 40 %.
    let p = plan(
        "  - {id: omsetning, metric: revenue, target: 1}\n",
        &[(
            "a",
            &kpis(&["id: moter, metric: qualified_meetings, target: 330, per: year"]),
        )],
    );
    assert!(p.diagnostics("capacity").is_empty());
}
