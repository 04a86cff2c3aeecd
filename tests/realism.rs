//! The roll-up and realism rules (SPEC 3, 4.2, 4.4): for each, a plan where
//! it fires and one where it does not, with rule, level, location and the
//! numbers in the message.

mod common;
use common::{Plan, assert_at_text, messages};

const CONFIG: &str = "version: 1\nperiod: 2027\nproducts: [{id: y, new: true}]\n";

fn team(goals: &str) -> String {
    format!("name: Salg Vest\nstarting_point: {{date: 2026-12-31}}\ngoals:\n{goals}")
}

fn seller(name: &str, body: &str) -> String {
    format!("name: {name}\nteam: salg-vest\n{body}")
}

/// A team with the given goals and sellers (file stem, name, body).
fn plan(team_goals: &str, sellers: &[(&str, &str, &str)]) -> Plan {
    let mut p = Plan::empty()
        .file("salgsmal.yaml", CONFIG)
        .file("teams/salg-vest.yaml", &team(team_goals));
    for (id, name, body) in sellers {
        p = p.file(&format!("sellers/{id}.yaml"), &seller(name, body));
    }
    p
}

fn revenue(target: &str) -> String {
    format!("goals:\n  - {{id: omsetning, metric: revenue, target: {target}}}\n")
}

const TEAM_REVENUE: &str = "  - {id: omsetning, metric: revenue, target: 60_000_000}\n";

#[test]
fn allocation_below_the_team_target_shows_the_arithmetic() {
    let p = plan(
        TEAM_REVENUE,
        &[
            ("kari", "Kari", &revenue("10_000_000")),
            ("ola", "Ola", &revenue("24_000_000")),
            ("ingrid", "Ingrid", &revenue("24_000_000")),
        ],
    );
    let d = p.diagnostics("allocation");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_at_text(
        &d[0],
        "allocation",
        "error",
        "teams/salg-vest.yaml",
        &team(TEAM_REVENUE),
        "60_000_000",
    );
    assert_eq!(
        d[0]["message"],
        "sum of individual revenue targets NOK 58,000,000 is NOK 2,000,000 below the team target NOK 60,000,000 (Ingrid 24,000,000 + Kari 10,000,000 + Ola 24,000,000)"
    );
    let related: Vec<&str> = d[0]["related"]
        .as_array()
        .expect("related")
        .iter()
        .filter_map(|r| r["file"].as_str())
        .collect();
    assert_eq!(
        related,
        [
            "sellers/ingrid.yaml",
            "sellers/kari.yaml",
            "sellers/ola.yaml"
        ]
    );
    assert_eq!(d[0]["related"][1]["message"], "Kari: NOK 10,000,000");
}

#[test]
fn allocation_over_assignment_at_19_and_21_percent() {
    // 60 M × 1.19 = 71.4 M: allowed. 60 M × 1.21 = 72.6 M: more than 20 % over.
    let at = |total: &str| {
        plan(
            TEAM_REVENUE,
            &[
                ("kari", "Kari", &revenue("30_000_000")),
                ("ola", "Ola", &revenue(total)),
            ],
        )
    };
    assert!(at("41_400_000").diagnostics("allocation").is_empty());
    let d = at("42_600_000").diagnostics("allocation");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["level"], "warning");
    assert!(
        d[0]["message"].as_str().unwrap_or_default().starts_with(
            "sum of individual revenue targets NOK 72,600,000 is 21% above the team target NOK 60,000,000, more than the allowed 20% over-assignment"
        ),
        "{:#}",
        d[0]
    );
}

#[test]
fn allocation_max_over_comes_from_the_team_file() {
    let goals = format!("{TEAM_REVENUE}allocation: {{max_over: 0.25}}\n");
    let p = Plan::empty()
        .file("salgsmal.yaml", CONFIG)
        .file(
            "teams/salg-vest.yaml",
            &format!("name: Salg Vest\ngoals:\n{goals}"),
        )
        .file("sellers/kari.yaml", &seller("Kari", &revenue("72_600_000")));
    assert!(p.diagnostics("allocation").is_empty());
}

#[test]
fn a_margin_that_passes_on_a_plain_mean_fails_on_the_revenue_weighted_one() {
    let goals = "  - {id: db, metric: contribution_margin, target: 0.20}\n";
    let body = |rev: &str, margin: &str| {
        format!(
            "goals:\n  - {{id: omsetning, metric: revenue, target: {rev}}}\n  - {{id: db, metric: contribution_margin, target: {margin}}}\n"
        )
    };
    // Plain mean (30 % + 15 %)/2 = 22.5 %; weighted (3 M + 4.5 M)/40 M = 18.75 %.
    let p = plan(
        goals,
        &[
            ("kari", "Kari", &body("10_000_000", "0.30")),
            ("ola", "Ola", &body("30_000_000", "\"15 %\"")),
        ],
    );
    let d = p.diagnostics("allocation");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(
        d[0]["message"],
        "contribution margin of individual targets, weighted by revenue targets, 18.8% is 1.3 points below the team target 20% (Kari 30% × 10,000,000, Ola 15% × 30,000,000)"
    );
    // With equal revenue targets the weighted mean is the plain mean: no finding.
    let even = plan(
        goals,
        &[
            ("kari", "Kari", &body("20_000_000", "0.30")),
            ("ola", "Ola", &body("20_000_000", "0.15")),
        ],
    );
    assert!(even.diagnostics("allocation").is_empty());
}

#[test]
fn a_missing_weight_falls_back_to_the_plain_mean_and_says_so() {
    let goals = "  - {id: db, metric: contribution_margin, target: 0.25}\n";
    let p = plan(
        goals,
        &[
            (
                "kari",
                "Kari",
                "goals:\n  - {id: omsetning, metric: revenue, target: 10}\n  - {id: db, metric: contribution_margin, target: 0.30}\n",
            ),
            (
                "ola",
                "Ola",
                "goals:\n  - {id: db, metric: contribution_margin, target: 0.15}\n",
            ),
        ],
    );
    let d = p.diagnostics("allocation");
    assert_eq!(d.len(), 1);
    let m = d[0]["message"].as_str().unwrap_or_default();
    assert!(
        m.starts_with("mean contribution margin of individual targets 22.5%"),
        "{m}"
    );
    assert!(
        m.ends_with("no weight for Ola: the plain mean is used"),
        "{m}"
    );
}

#[test]
fn weekly_and_monthly_activity_rates_are_combined_a_year() {
    // 10 a week + 40 a month are 440 + 480 = 920 a year (44 weeks), not 50.
    let goals = "  - {id: moter, metric: qualified_meetings, target: 30, per: week}\n";
    let kpi = |t: &str, per: &str| {
        format!(
            "kpis:\n  - {{id: moter, metric: qualified_meetings, target: {t}, per: {per}, actions: [Ringe]}}\n"
        )
    };
    let p = plan(
        goals,
        &[
            ("kari", "Kari", &kpi("10", "week")),
            ("ola", "Ola", &kpi("40", "month")),
        ],
    );
    let d = p.diagnostics("allocation");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(
        d[0]["message"],
        "sum of individual qualified customer meetings targets a year 920 is 400 below the team target 1,320 (30/week) (Kari 10/week × 44 = 440 + Ola 40/month × 12 = 480)"
    );
    let enough = plan(
        "  - {id: moter, metric: qualified_meetings, target: 20, per: week}\n",
        &[
            ("kari", "Kari", &kpi("10", "week")),
            ("ola", "Ola", &kpi("40", "month")),
        ],
    );
    assert!(enough.diagnostics("allocation").is_empty());
}

#[test]
fn tenths_of_a_krone_add_up_exactly() {
    // Ten times kr 100 000,10 is exactly kr 1 000 001; in binary floating
    // point it is 1 000 000,9999999999, below the target.
    let goals = "  - {id: nye, metric: new_customer_revenue, target: 1_000_001}\n";
    let body = "goals:\n  - {id: nye, metric: new_customer_revenue, target: 100_000.1}\n";
    let ids: Vec<String> = (0..10).map(|i| format!("s{i}")).collect();
    let sellers: Vec<(&str, &str, &str)> = ids.iter().map(|id| (id.as_str(), "S", body)).collect();
    let p = plan(goals, &sellers);
    assert!(
        p.diagnostics("allocation").is_empty(),
        "{:#?}",
        p.diagnostics("allocation")
    );
}

#[test]
fn product_revenue_rolls_up_per_product() {
    let config = "version: 1\nperiod: 2027\nproducts: [{id: y}, {id: z}]\n";
    let p = Plan::empty()
        .file("salgsmal.yaml", config)
        .file("teams/salg-vest.yaml", &team("  - {id: py, metric: product_revenue, product: y, target: 3_000_000}\n"))
        .file("sellers/kari.yaml", &seller("Kari", "goals:\n  - {id: pz, metric: product_revenue, product: z, target: 5_000_000}\n  - {id: py, metric: product_revenue, product: y, target: 2_000_000}\n"));
    let d = p.diagnostics("allocation");
    assert_eq!(d.len(), 1);
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("NOK 2,000,000 is NOK 1,000,000 below"),
        "{:#}",
        d[0]
    );
}

#[test]
fn child_teams_roll_up_into_their_parent() {
    let p = Plan::empty()
        .file("salgsmal.yaml", CONFIG)
        .file("teams/region.yaml", "name: Region\ngoals:\n  - {id: omsetning, metric: revenue, target: 100_000_000}\n")
        .file("teams/salg-vest.yaml", "name: Salg Vest\nparent: region\ngoals:\n  - {id: omsetning, metric: revenue, target: 60_000_000}\n")
        .file("teams/salg-nord.yaml", "name: Salg Nord\nparent: region\n")
        .file("sellers/kari.yaml", &seller("Kari", &revenue("60_000_000")))
        .file("sellers/per.yaml", "name: Per\nteam: salg-nord\ngoals:\n  - {id: omsetning, metric: revenue, target: 30_000_000}\n");
    let d = p.diagnostics("allocation");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0]["file"], "teams/region.yaml");
    assert_eq!(
        d[0]["message"],
        "sum of individual revenue targets NOK 90,000,000 is NOK 10,000,000 below the team target NOK 100,000,000 (Salg Nord 30,000,000 + Salg Vest 60,000,000)"
    );
}

#[test]
fn phasing_must_add_up_to_the_target() {
    let bad = "  - {id: omsetning, metric: revenue, target: 60_000_000, phasing: [13_000_000, 15_000_000, 15_000_000, 16_000_000]}\n";
    let p = plan(bad, &[("kari", "Kari", &revenue("60_000_000"))]);
    let d = p.diagnostics("phasing");
    assert_eq!(d.len(), 1);
    assert_at_text(
        &d[0],
        "phasing",
        "error",
        "teams/salg-vest.yaml",
        &team(bad),
        "[13_000_000",
    );
    assert_eq!(
        d[0]["message"],
        "quarterly phasing 13,000,000 + 15,000,000 + 15,000,000 + 16,000,000 = NOK 59,000,000 is NOK 1,000,000 below the annual target NOK 60,000,000"
    );
    let rounded = "  - {id: omsetning, metric: revenue, target: 60_000_000, phasing: {Q1: 13_000_000.5, Q2: 15_000_000, Q3: 15_000_000, Q4: 17_000_000}}\n";
    assert!(
        plan(rounded, &[("kari", "Kari", &revenue("60_000_000"))])
            .diagnostics("phasing")
            .is_empty()
    );
    let partial = "  - {id: omsetning, metric: revenue, target: 60_000_000, phasing: {Q1: 30_000_000, Q2: 30_000_000}}\n";
    let d = plan(partial, &[("kari", "Kari", &revenue("60_000_000"))]).diagnostics("phasing");
    assert_eq!(
        messages(&d),
        ["the phasing of `omsetning` names Q1, Q2; it needs Q1, Q2, Q3 and Q4 once each"]
    );
}

fn milestone_team(milestones: &str) -> String {
    format!(
        "name: Salg Vest\nmain_goal: {{statement: Vekst, values: {{revenue: 60_000_000}}}}\nstarting_point: {{date: 2026-12-31, values: {{revenue: 56_800_000}}}}\nmilestones:\n{milestones}goals:\n  - {{id: omsetning, metric: revenue, target: 60_000_000, phasing: [13_000_000, 15_000_000, 15_000_000, 17_000_000]}}\n"
    )
}

#[test]
fn milestones_in_order_moving_towards_the_main_goal() {
    let good = "  - {id: delmal-1, deadline: 2027-03-31, values: {revenue: 13_000_000}}\n  - {id: delmal-2, deadline: 2027-06-30, values: {revenue: 28_000_000}}\n  - {id: delmal-3, deadline: 2027-09-30, values: {revenue: 43_000_000}}\n";
    let p = Plan::empty()
        .file("salgsmal.yaml", CONFIG)
        .file("teams/salg-vest.yaml", &milestone_team(good))
        .file("sellers/kari.yaml", &seller("Kari", &revenue("60_000_000")));
    assert!(
        p.diagnostics("milestones").is_empty(),
        "{:#?}",
        p.diagnostics("milestones")
    );

    let bad = "  - {id: delmal-1, deadline: 2027-06-30, values: {revenue: 13_000_000}}\n  - {id: delmal-2, deadline: 2027-03-31, values: {revenue: 12_000_000}}\n  - {id: delmal-3, deadline: 2028-01-31, values: {revenue: 61_000_000}}\n";
    let text = milestone_team(bad);
    let p = Plan::empty()
        .file("salgsmal.yaml", CONFIG)
        .file("teams/salg-vest.yaml", &text)
        .file("sellers/kari.yaml", &seller("Kari", &revenue("60_000_000")));
    let d = p.diagnostics("milestones");
    let m = messages(&d);
    assert!(
        m.contains(
            &"delmal-2 (31 Mar 2027) comes before delmal-1 (30 Jun 2027) but is listed after it"
                .to_string()
        ),
        "{m:#?}"
    );
    assert!(m.contains(&"delmal-2 (31 Mar 2027) revenue NOK 12,000,000 goes backwards from delmal-1 (NOK 13,000,000)".to_string()), "{m:#?}");
    assert!(
        m.contains(&"delmal-3 is due 31 Jan 2028, outside the plan period 2027".to_string()),
        "{m:#?}"
    );
    assert!(m.contains(&"the last milestone's revenue NOK 61,000,000 passes the main goal's target NOK 60,000,000".to_string()), "{m:#?}");
    let back = d
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .unwrap_or_default()
                .contains("goes backwards")
        })
        .expect("backwards");
    assert_at_text(
        back,
        "milestones",
        "error",
        "teams/salg-vest.yaml",
        &text,
        "12_000_000",
    );
    // delmal-1 at 2027-06-30 against a phasing of 28 M by then: more than 10 %
    // apart; delmal-2's 12 M against 13 M by 2027-03-31 is within 10 %.
    let warn: Vec<_> = d.iter().filter(|d| d["level"] == "warning").collect();
    assert_eq!(warn.len(), 1, "{warn:#?}");
    assert_eq!(
        warn[0]["message"],
        "delmal-1 revenue NOK 13,000,000 differs by 53.6% from the cumulative phasing NOK 28,000,000 at 30 Jun 2027, more than 10%"
    );
}

#[test]
fn growth_over_the_baseline() {
    let body = "baseline: {revenue: 8_000_000}\ngoals:\n  - {id: omsetning, metric: revenue, target: 12_000_000}\n";
    let text = seller("Kari", body);
    let p = plan(TEAM_REVENUE, &[("kari", "Kari", body)]);
    let d = p.diagnostics("growth");
    assert_eq!(d.len(), 1);
    assert_at_text(
        &d[0],
        "growth",
        "warning",
        "sellers/kari.yaml",
        &text,
        "12_000_000",
    );
    assert_eq!(
        d[0]["message"],
        "revenue target NOK 12,000,000 is 50% over the baseline NOK 8,000,000, more than 30%"
    );
    let fine = plan(
        TEAM_REVENUE,
        &[(
            "kari",
            "Kari",
            "baseline: {revenue: 8_000_000}\ngoals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\n",
        )],
    );
    assert!(fine.diagnostics("growth").is_empty());
    let below = plan(
        TEAM_REVENUE,
        &[(
            "kari",
            "Kari",
            "baseline: {revenue: 8_000_000}\ngoals:\n  - {id: omsetning, metric: revenue, target: 7_000_000}\n",
        )],
    );
    let d = below.diagnostics("growth");
    assert_eq!(d[0]["level"], "info");
    assert_eq!(
        d[0]["message"],
        "revenue target NOK 7,000,000 is 12.5% below the baseline NOK 8,000,000"
    );
}

#[test]
fn rule_settings_change_parameters_and_levels() {
    let body = "baseline: {revenue: 8_000_000}\ngoals:\n  - {id: omsetning, metric: revenue, target: 12_000_000}\n";
    let with = |rules: &str| {
        plan(TEAM_REVENUE, &[("kari", "Kari", body)])
            .file("salgsmal.yaml", &format!("{CONFIG}rules:\n{rules}"))
    };
    assert!(
        with("  growth: {max: 0.60}\n")
            .diagnostics("growth")
            .is_empty()
    );
    assert!(
        with("  growth: {level: off}\n")
            .diagnostics("growth")
            .is_empty()
    );
    assert!(
        with("  growth: {level: false}\n")
            .diagnostics("growth")
            .is_empty()
    );
    let d = with("  growth: {level: error}\n").diagnostics("growth");
    assert_eq!(d[0]["level"], "error");
    let unknown = with("  growth: {maks: 0.6}\n").diagnostics("unknown-reference");
    assert_eq!(
        messages(&unknown),
        ["rule `growth` has no parameter `maks`"]
    );
    assert_eq!(unknown[0]["help"], "did you mean `max`?");
}

#[test]
fn deny_warnings_turns_a_warning_into_exit_1() {
    let body = "baseline: {revenue: 8_000_000}\ngoals:\n  - {id: omsetning, metric: revenue, target: 12_000_000}\n";
    let p = plan(
        "  - {id: omsetning, metric: revenue, target: 12_000_000}\n",
        &[("kari", "Kari", body)],
    );
    assert_eq!(p.run(&["check"]).code, 0);
    assert_eq!(p.run(&["check", "--deny", "warnings"]).code, 1);
}

const FUNNEL_BODY: &str = "baseline: {revenue: 8_000_000, closing_rate: 0.55}
goals:
  - {id: omsetning, metric: revenue, target: 14_000_000}
kpis:
  - {id: moter, metric: qualified_meetings, target: 4, per: week, supports: [omsetning], actions: [Ringe]}
  - {id: pipeline, metric: pipeline_value, target: 500_000, supports: [omsetning], actions: [Nettverk]}
assumptions: {meeting_to_offer_rate: 0.40, average_deal_size: 150_000}
";

#[test]
fn funnel_prints_the_whole_product() {
    let p = plan(
        "  - {id: omsetning, metric: revenue, target: 14_000_000}\n",
        &[("kari", "Kari", FUNNEL_BODY)],
    );
    let d = p.diagnostics("funnel");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_at_text(
        &d[0],
        "funnel",
        "warning",
        "sellers/kari.yaml",
        &seller("Kari", FUNNEL_BODY),
        "4, per",
    );
    assert_eq!(
        d[0]["message"],
        "4 meetings/week × 44 weeks × 40% to offer × 55% closing × NOK 150,000 = NOK 5,808,000 of new business a year, below the NOK 6,000,000 the goals need (revenue growth NOK 6,000,000 over the baseline)"
    );
    let more = FUNNEL_BODY.replace("target: 4, per", "target: 5, per");
    assert!(
        plan(
            "  - {id: omsetning, metric: revenue, target: 14_000_000}\n",
            &[("kari", "Kari", &more)]
        )
        .diagnostics("funnel")
        .is_empty()
    );
}

#[test]
fn funnel_counts_new_customers_and_new_products() {
    let body = "goals:\n  - {id: nye, metric: new_customer_revenue, target: 2_000_000}\n  - {id: py, metric: product_revenue, product: y, target: 1_500_000}\nkpis:\n  - {id: moter, metric: qualified_meetings, target: 1, per: week, supports: [nye], actions: [Ringe]}\n  - {id: closing, metric: closing_rate, target: 0.75, supports: [nye], actions: [Lytte]}\nassumptions: {meeting_to_offer_rate: 0.40, average_deal_size: 150_000}\n";
    let p = plan(
        "  - {id: nye, metric: new_customer_revenue, target: 2_000_000}\n",
        &[("kari", "Kari", body)],
    );
    let d = p.diagnostics("funnel");
    assert_eq!(
        messages(&d),
        [
            "1 meetings/week × 44 weeks × 40% to offer × 75% closing × NOK 150,000 = NOK 1,980,000 of new business a year, below the NOK 3,500,000 the goals need (new-customer and new-product revenue)"
        ]
    );
}

#[test]
fn a_funnel_missing_an_input_is_an_info() {
    let p = plan(
        TEAM_REVENUE,
        &[(
            "kari",
            "Kari",
            "baseline: {revenue: 8_000_000}\ngoals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\n",
        )],
    );
    let d = p.diagnostics("funnel");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["level"], "info");
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("a qualified_meetings KPI, a closing_rate KPI or baseline"),
        "{:#}",
        d[0]
    );
}

#[test]
fn pipeline_coverage() {
    let p = plan(
        "  - {id: omsetning, metric: revenue, target: 14_000_000}\n",
        &[("kari", "Kari", FUNNEL_BODY)],
    );
    let d = p.diagnostics("pipeline-coverage");
    assert_eq!(d.len(), 1);
    assert_at_text(
        &d[0],
        "pipeline-coverage",
        "warning",
        "sellers/kari.yaml",
        &seller("Kari", FUNNEL_BODY),
        "500_000",
    );
    assert_eq!(
        d[0]["message"],
        "pipeline NOK 500,000 × 55% closing = NOK 275,000 covers 4.6% of the NOK 6,000,000 new business required, less than 25%"
    );
    let big = FUNNEL_BODY.replace("target: 500_000", "target: 3_000_000");
    assert!(
        plan(TEAM_REVENUE, &[("kari", "Kari", &big)])
            .diagnostics("pipeline-coverage")
            .is_empty()
    );
}

#[test]
fn capacity_hours_and_customer_share() {
    let busy = "kpis:\n  - {id: moter, metric: qualified_meetings, target: 15, per: week, actions: [a]}\n  - {id: tlf, metric: customer_calls, target: 30, per: week, actions: [b]}\n  - {id: tilbud, metric: offers, target: 16, per: quarter, actions: [c]}\n";
    let p = plan(TEAM_REVENUE, &[("ola", "Ola", busy)]);
    let d = p.diagnostics("capacity");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_at_text(
        &d[0],
        "capacity",
        "error",
        "sellers/ola.yaml",
        &seller("Ola", busy),
        "15, per",
    );
    assert_eq!(
        d[0]["message"],
        "activity KPIs take 41.86 hours a week, more than the 37.5 available (qualified_meetings 15/week × 2 h = 30 h + customer_calls 30/week × 0.25 h = 7.5 h + offers 16/quarter × 4 ÷ 44 weeks × 3 h = 4.36 h)"
    );
    let desk = "kpis:\n  - {id: tilbud, metric: offers, target: 5, per: week, actions: [c]}\n  - {id: moter, metric: qualified_meetings, target: 2, per: week, actions: [a]}\n";
    let d = plan(TEAM_REVENUE, &[("ola", "Ola", desk)]).diagnostics("capacity");
    assert_eq!(
        messages(&d),
        [
            "time with customers is 4 h of the 37.5 h week (10.7%), below the 40% the method asks for"
        ]
    );
    assert_eq!(d[0]["level"], "warning");
    let fine =
        "kpis:\n  - {id: moter, metric: qualified_meetings, target: 10, per: week, actions: [a]}\n";
    assert!(
        plan(TEAM_REVENUE, &[("ola", "Ola", fine)])
            .diagnostics("capacity")
            .is_empty()
    );
}

#[test]
fn history_compares_kpis_with_the_baseline() {
    let body = |base: &str| {
        format!(
            "baseline: {{closing_rate: {base}}}\nkpis:\n  - {{id: closing, metric: closing_rate, target: 0.75, actions: [a]}}\n"
        )
    };
    assert!(
        plan(TEAM_REVENUE, &[("kari", "Kari", &body("0.55"))])
            .diagnostics("history")
            .is_empty()
    );
    let d = plan(TEAM_REVENUE, &[("kari", "Kari", &body("0.40"))]).diagnostics("history");
    assert_eq!(
        messages(&d),
        ["closing_rate target 75% is 1.88× the baseline 40%, more than 1.5×"]
    );
    assert_at_text(
        &d[0],
        "history",
        "warning",
        "sellers/kari.yaml",
        &seller("Kari", &body("0.40")),
        "0.75",
    );
}

#[test]
fn measurable_needs_targets_and_periods() {
    let body = "goals:\n  - {id: omsetning, metric: revenue}\nkpis:\n  - {id: moter, metric: qualified_meetings, target: 10, actions: [a]}\n";
    let text = seller("Kari", body);
    let d = plan(TEAM_REVENUE, &[("kari", "Kari", body)]).diagnostics("measurable");
    assert_eq!(
        messages(&d),
        [
            "goal `omsetning` has no numeric target",
            "KPI `moter` counts qualified_meetings but says not per what: add `per: week` (or day, month, quarter, year)"
        ]
    );
    assert_at_text(
        &d[0],
        "measurable",
        "error",
        "sellers/kari.yaml",
        &text,
        "{id: omsetning",
    );
}

#[test]
fn kpi_chain_from_goal_to_actions() {
    let body = "goals:\n  - {id: omsetning, metric: revenue, target: 1}\n  - {id: db, metric: contribution_margin, target: 0.2}\nkpis:\n  - {id: moter, metric: qualified_meetings, target: 10, per: week, supports: [omsetning]}\n";
    let text = seller("Kari", body);
    let d = plan(TEAM_REVENUE, &[("kari", "Kari", body)]).diagnostics("kpi-chain");
    assert_eq!(
        messages(&d),
        [
            "no KPI supports the goal `db`",
            "KPI `moter` has no actions (tiltak) that drive it"
        ]
    );
    assert_at_text(
        &d[0],
        "kpi-chain",
        "info",
        "sellers/kari.yaml",
        &text,
        "db, metric",
    );
    assert_at_text(
        &d[1],
        "kpi-chain",
        "warning",
        "sellers/kari.yaml",
        &text,
        "{id: moter",
    );
}

#[test]
fn alignment_of_individual_and_team_goals() {
    let goals = "  - {id: omsetning, metric: revenue, target: 10}\n  - {id: kti, metric: customer_satisfaction, target: 0.8}\n";
    let body = "goals:\n  - {id: omsetning, metric: revenue, target: 10}\n  - {id: cash, metric: cash_flow, target: 5}\n";
    let d = plan(goals, &[("kari", "Kari", body)]).diagnostics("alignment");
    assert_eq!(
        messages(&d),
        [
            "goal `cash` (cash_flow) has no team goal in Salg Vest to serve",
            "team goal `kti` (customer_satisfaction) has no seller or child team contributing a target"
        ]
    );
    assert_at_text(
        &d[0],
        "alignment",
        "warning",
        "sellers/kari.yaml",
        &seller("Kari", body),
        "cash_flow",
    );
}

#[test]
fn fairness_against_the_team_median() {
    let body = |base: &str, target: &str| {
        format!(
            "baseline: {{revenue: {base}}}\ngoals:\n  - {{id: omsetning, metric: revenue, target: {target}}}\n"
        )
    };
    let sellers = [
        ("kari", "Kari", body("8_000_000", "12_000_000")),
        ("ola", "Ola", body("20_000_000", "22_000_000")),
        ("ingrid", "Ingrid", body("30_000_000", "31_500_000")),
    ];
    let refs: Vec<(&str, &str, &str)> = sellers
        .iter()
        .map(|(a, b, c)| (*a, *b, c.as_str()))
        .collect();
    let d = plan(
        "  - {id: omsetning, metric: revenue, target: 65_500_000}\n",
        &refs,
    )
    .diagnostics("fairness");
    assert_eq!(
        messages(&d),
        [
            "Kari's revenue target is 1.5× the baseline; the team's median is 1.1× (36.4% away, more than 25%)"
        ]
    );
    assert_eq!(d[0]["file"], "sellers/kari.yaml");
    let fair = [
        ("kari", "Kari", body("8_000_000", "9_000_000")),
        ("ola", "Ola", body("20_000_000", "22_000_000")),
        ("ingrid", "Ingrid", body("30_000_000", "31_500_000")),
    ];
    let refs: Vec<(&str, &str, &str)> = fair.iter().map(|(a, b, c)| (*a, *b, c.as_str())).collect();
    assert!(
        plan(
            "  - {id: omsetning, metric: revenue, target: 62_500_000}\n",
            &refs
        )
        .diagnostics("fairness")
        .is_empty()
    );
}

fn growth_plan(accept: &str) -> Plan {
    let body = "baseline: {revenue: 8_000_000}\ngoals:\n  - {id: omsetning, metric: revenue, target: 12_000_000}\n";
    plan(
        "  - {id: omsetning, metric: revenue, target: 12_000_000}\n",
        &[("kari", "Kari", body)],
    )
    .file("salgsmal.yaml", &format!("{CONFIG}accept:\n{accept}"))
}

#[test]
fn an_accepted_finding_moves_to_accepted_with_its_reason() {
    let p = growth_plan(
        "  - {rule: growth, file: sellers/kari.yaml, reason: Ny rammeavtale signert i desember, until: 2027-06-30}\n",
    );
    let (code, json) = p.check_json_env(&[("SALGSMAL_TODAY", "2027-01-15")]);
    assert_eq!(code, 0);
    assert_eq!(json["summary"]["warnings"], 0, "{json:#}");
    assert_eq!(json["summary"]["accepted"], 1);
    let a = &json["accepted"][0];
    assert_eq!(a["rule"], "growth");
    assert_eq!(a["reason"], "Ny rammeavtale signert i desember");
    assert_eq!(a["until"], "2027-06-30");
    assert_eq!(a["file"], "sellers/kari.yaml");
    let human = p.run(&["check"]);
    assert!(
        human
            .stdout
            .contains("= reason: Ny rammeavtale signert i desember (until 2027-06-30)"),
        "{}",
        human.stdout
    );
}

#[test]
fn an_expired_acceptance_counts_again_and_is_itself_a_warning() {
    let text =
        format!("{CONFIG}accept:\n  - {{rule: growth, reason: Avtale, until: 2027-06-30}}\n");
    let p = growth_plan("  - {rule: growth, reason: Avtale, until: 2027-06-30}\n");
    let (_, json) = p.check_json_env(&[("SALGSMAL_TODAY", "2027-07-01")]);
    let rules: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("d")
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .filter(|r| ["accept", "growth"].contains(r))
        .collect();
    assert_eq!(rules, ["accept", "growth"], "{json:#}");
    assert_eq!(
        json["diagnostics"][0]["message"],
        "the acceptance of growth ran out on 30 Jun 2027: the finding counts again"
    );
    assert_at_text(
        &json["diagnostics"][0],
        "accept",
        "warning",
        "salgsmal.yaml",
        &text,
        "2027-06-30",
    );
    assert_eq!(json["accepted"], serde_json::json!([]));
}

#[test]
fn errors_cannot_be_accepted_and_empty_acceptances_are_reported() {
    let p = growth_plan("  - {rule: growth, reason: Avtale}\n  - {rule: allocation, reason: Vi vet}\n  - {rule: phasing, reason: Gammel}\n")
        .file("teams/salg-vest.yaml", &team("  - {id: omsetning, metric: revenue, target: 60_000_000}\n"));
    let (code, json) = p.check_json_env(&[]);
    assert_eq!(code, 1);
    let accept: Vec<String> = json["diagnostics"]
        .as_array()
        .expect("d")
        .iter()
        .filter(|d| d["rule"] == "accept")
        .map(|d| {
            format!(
                "{}: {}",
                d["level"].as_str().unwrap_or_default(),
                d["message"].as_str().unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(
        accept,
        [
            "warning: allocation is an error; errors cannot be accepted",
            "info: accepts nothing: there is no phasing finding any more"
        ]
    );
    assert!(
        json["diagnostics"]
            .as_array()
            .expect("d")
            .iter()
            .any(|d| d["rule"] == "allocation" && d["level"] == "error")
    );
}

#[test]
fn a_ratio_above_one_in_a_fixed_field_does_not_drop_the_file() {
    let body = "goals:\n  - {id: omsetning, metric: revenue, target: 14_000_000}\nkpis:\n  - {id: moter, metric: qualified_meetings, target: 4, per: week, supports: [omsetning], actions: [a]}\nassumptions: {meeting_to_offer_rate: 40, average_deal_size: 150_000}\n";
    let p = plan(
        "  - {id: omsetning, metric: revenue, target: 14_000_000}\n",
        &[("kari", "Kari", body)],
    );
    assert_eq!(
        messages(&p.diagnostics("ratio")),
        [
            "meeting_to_offer_rate is a ratio, and 40 is above 1: did you mean \"40 %\"? (write 0.25 or \"25 %\")"
        ]
    );
    assert!(
        p.diagnostics("allocation").is_empty(),
        "Kari still counts: {:#?}",
        p.diagnostics("allocation")
    );
}

#[test]
fn ratio_parameters_and_portfolio_goals_above_one() {
    let p = plan(TEAM_REVENUE, &[("kari", "Kari", &revenue("14_000_000"))])
        .file("salgsmal.yaml", &format!("{CONFIG}rules:\n  growth: {{max: 30}}\n  history: {{max_ratio: 2}}\n  fairness: {{level: warn}}\n"))
        .file("teams/salg-vest.yaml", "name: Salg Vest\ngoals:\n  - {id: omsetning, metric: revenue, target: 14_000_000}\nportfolio_goals:\n  key: {revenue_share: {min: 35}, loyalty: 0.9}\n");
    let d = p.diagnostics("ratio");
    assert_eq!(
        messages(&d),
        [
            "growth.max is a ratio, and 30 is above 1: did you mean \"30 %\"? (write 0.25 or \"25 %\")",
            "key.revenue_share is a ratio, and 35 is above 1: did you mean \"35 %\"? (write 0.25 or \"25 %\")"
        ]
    );
    // A misspelt level is a schema error, and the rest of salgsmal.yaml still applies.
    assert_eq!(p.diagnostics("schema").len(), 1);
    assert!(
        p.diagnostics("unknown-reference").is_empty(),
        "the product catalogue is still read"
    );
}

#[test]
fn activity_kpis_are_compared_with_a_yearly_baseline() {
    let body = |base: &str| {
        format!(
            "baseline: {{qualified_meetings: {base}}}\nkpis:\n  - {{id: m, metric: qualified_meetings, target: 10, per: week, actions: [a]}}\n"
        )
    };
    assert!(
        plan(TEAM_REVENUE, &[("kari", "Kari", &body("300"))])
            .diagnostics("history")
            .is_empty(),
        "440 a year against 300 is 1,47×"
    );
    let d = plan(TEAM_REVENUE, &[("kari", "Kari", &body("250"))]).diagnostics("history");
    assert_eq!(
        messages(&d),
        ["qualified_meetings target 440 a year is 1.76× the baseline 250, more than 1.5×"]
    );
}

#[test]
fn a_starting_point_that_is_not_the_sellers_baselines_is_an_info() {
    let team_goals = "  - {id: omsetning, metric: revenue, target: 20_000_000}\n  - {id: db, metric: contribution_margin, target: 0.20}\n";
    let team_text = |values: &str| {
        format!(
            "name: Salg Vest\nstarting_point: {{date: 2026-12-31, values: {{{values}}}}}\ngoals:\n{team_goals}"
        )
    };
    let seller_body = |revenue: &str, margin: &str| {
        format!(
            "baseline: {{revenue: {revenue}, contribution_margin: {margin}}}\ngoals:\n  - {{id: omsetning, metric: revenue, target: 10_000_000}}\n  - {{id: db, metric: contribution_margin, target: 0.20}}\n"
        )
    };
    let plan = |values: &str| {
        Plan::empty()
            .file("salgsmal.yaml", CONFIG)
            .file("teams/salg-vest.yaml", &team_text(values))
            .file(
                "sellers/kari.yaml",
                &seller("Kari", &seller_body("8_000_000", "0.25")),
            )
            .file(
                "sellers/ola.yaml",
                &seller("Ola", &seller_body("12_000_000", "0.15")),
            )
    };
    // 8 M + 12 M = 20 M, and (25 % × 8 M + 15 % × 12 M) ÷ 20 M = 19 %: they agree.
    assert!(
        plan("revenue: 20_000_000, contribution_margin: 0.19")
            .diagnostics("starting-point")
            .is_empty()
    );
    let p = plan("revenue: 21_000_000, contribution_margin: 0.20");
    let d = p.diagnostics("starting-point");
    assert_eq!(
        messages(&d),
        [
            "the starting point's revenue NOK 21,000,000 differs by NOK 1,000,000 from the sum of the sellers' baselines NOK 20,000,000 (Kari 8,000,000 + Ola 12,000,000)",
            "the starting point's contribution margin 20% differs by 1 point from the sellers' baselines weighted by their baseline revenue 19% (Kari 25% × 8,000,000, Ola 15% × 12,000,000)",
        ]
    );
    assert_eq!(d[0]["level"], "info");
    assert_eq!(d[0]["pointer"], "/starting_point/values/revenue");
    assert_eq!(d[0]["related"][0]["file"], "sellers/kari.yaml");
    // A seller without a baseline is named.
    let p = Plan::empty()
        .file("salgsmal.yaml", CONFIG)
        .file("teams/salg-vest.yaml", &team_text("revenue: 20_000_000"))
        .file(
            "sellers/kari.yaml",
            &seller("Kari", &seller_body("8_000_000", "0.25")),
        )
        .file(
            "sellers/ola.yaml",
            &seller(
                "Ola",
                "goals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\n",
            ),
        );
    let m = messages(&p.diagnostics("starting-point"));
    assert!(
        m[0].ends_with("(Kari 8,000,000); no baseline for Ola"),
        "{m:#?}"
    );
}
