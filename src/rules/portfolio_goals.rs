//! `portfolio-goals`: the desired customer platform against the current one.

use super::{Context, Param, Rule, RuleMeta};
use crate::analysis::portfolio::{Totals, team_sellers, team_value};
use crate::diag::{Diagnostic, Level};
use crate::model::{Bounds, Category, CategoryGoals, Entry, Team};
use rust_decimal::Decimal;

pub struct PortfolioGoals;

static META: RuleMeta = RuleMeta {
    id: "portfolio-goals",
    default_level: Level::Info,
    structural: false,
    summary: "A team's `portfolio_goals` per category (revenue share min/max, margin, growth, new \
customers and their revenue) against the current portfolio of its sellers' customers: the \
current value and the gap (info). Minimum revenue shares that add up to more than 100 % cannot \
all be met: error.",
    principle: "Goals for the desired customer platform: each category has its strategy and its \
own goals (share of revenue for key and star customers, profitability, growth in development \
customers, the number and value of new customers).",
    params: &[] as &[Param],
    example: "info[portfolio-goals]: key customers bring 39,6 % of revenue; the goal is at least 35 %: met\n  --> teams/salg-vest.yaml:33:8",
};

impl Rule for PortfolioGoals {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let p = cx.portfolio();
        for team in &cx.plan.teams {
            let Some(goals) = &team.data.portfolio_goals else {
                continue;
            };
            let sellers = team_sellers(cx.plan, &team.id);
            let totals = p.totals(|placed| sellers.contains(&placed.customer.owner));
            let by_cat = [
                (Category::Key, &goals.key),
                (Category::Star, &goals.star),
                (Category::Question, &goals.question),
                (Category::PhaseOutNew, &goals.phase_out_new),
            ];
            let mins: Vec<(Category, Decimal)> = by_cat
                .iter()
                .filter_map(|(c, g)| g.as_ref()?.revenue_share?.min.map(|m| (*c, m.value)))
                .collect();
            let sum: Decimal = mins.iter().map(|(_, m)| *m).sum();
            if sum > Decimal::ONE {
                let fmt = &cx.plan.settings.fmt;
                let parts: Vec<String> = mins
                    .iter()
                    .map(|(c, m)| format!("{} {}", c.id(), fmt.percent(*m)))
                    .collect();
                out.push(
                    cx.found_at(
                        Level::Error,
                        team.file,
                        "/portfolio_goals",
                        format!(
                            "the minimum revenue shares add up to {} ({}): they cannot all be met",
                            fmt.percent(sum),
                            parts.join(" + ")
                        ),
                    )
                    .with_help("lower the minimum shares so that they add up to 100 % or less"),
                );
            }
            for (cat, goal) in by_cat {
                if let Some(g) = goal {
                    contradictions(cx, team.file, cat, g, out);
                }
                let (Some(goal), Some((_, t))) = (goal, totals.iter().find(|(c, _)| *c == cat))
                else {
                    continue;
                };
                category(cx, team, cat, goal, t, &sellers, out);
            }
        }
    }
}

/// Bounds whose minimum lies above their maximum cannot be met.
fn contradictions(
    cx: &Context<'_>,
    file: usize,
    cat: Category,
    g: &CategoryGoals,
    out: &mut Vec<Diagnostic>,
) {
    let fields = [
        ("revenue_share", &g.revenue_share),
        ("margin", &g.margin),
        ("loyalty", &g.loyalty),
        ("growth", &g.growth),
        ("new_customers", &g.new_customers),
        ("new_customer_revenue", &g.new_customer_revenue),
    ];
    for (field, bounds) in fields {
        if let Some(Bounds {
            min: Some(min),
            max: Some(max),
        }) = bounds
            && min.value > max.value
        {
            out.push(
                cx.found_at(
                    Level::Error,
                    file,
                    &format!("/portfolio_goals/{}/{field}", cat.id()),
                    format!(
                        "the {} goal for {} asks for at least {} and at most {}: it cannot be met",
                        field.replace('_', " "),
                        cat.id(),
                        min.value,
                        max.value
                    ),
                )
                .with_help("make the minimum the smaller of the two"),
            );
        }
    }
}

fn bounds_text(b: &Bounds, show: &dyn Fn(Decimal) -> String) -> String {
    match (b.min, b.max) {
        (Some(min), Some(max)) => format!("between {} and {}", show(min.value), show(max.value)),
        (Some(min), None) => format!("at least {}", show(min.value)),
        (None, Some(max)) => format!("at most {}", show(max.value)),
        (None, None) => "not set".to_string(),
    }
}

/// `met`, or the gap to the nearest bound.
fn gap(b: &Bounds, current: Decimal, show: &dyn Fn(Decimal) -> String) -> String {
    if let Some(min) = b.min.filter(|m| current < m.value) {
        return format!("{} short", show(min.value - current));
    }
    if let Some(max) = b.max.filter(|m| current > m.value) {
        return format!("{} over", show(current - max.value));
    }
    "met".to_string()
}

fn category(
    cx: &Context<'_>,
    team: &Entry<Team>,
    cat: Category,
    goal: &CategoryGoals,
    t: &Totals,
    sellers: &[&str],
    out: &mut Vec<Diagnostic>,
) {
    let fmt = &cx.plan.settings.fmt;
    let name = match cat {
        Category::Key => "key customers",
        Category::Star => "star customers",
        Category::Question => "question-mark customers",
        Category::PhaseOutNew => "phase-out/new customers",
    };
    let base = format!("/portfolio_goals/{}", cat.id());
    let points = |v: Decimal| format!("{} points", fmt.number_dp(v * Decimal::ONE_HUNDRED, 1));
    let pct = |v: Decimal| fmt.percent(v);
    let count = |v: Decimal| fmt.number(v);
    let money = |v: Decimal| fmt.money(v);
    // `sentence` states the current value; the goal and the gap follow.
    let mut say = |field: &str,
                   sentence: String,
                   b: &Bounds,
                   current: Decimal,
                   show: &dyn Fn(Decimal) -> String,
                   gap_show: &dyn Fn(Decimal) -> String| {
        out.push(cx.found(
            team.file,
            &format!("{base}/{field}"),
            format!(
                "{sentence}; the goal is {}: {}",
                bounds_text(b, show),
                gap(b, current, gap_show)
            ),
        ));
    };
    if let Some(b) = &goal.revenue_share {
        say(
            "revenue_share",
            format!("{name} bring {} of revenue", pct(t.share)),
            b,
            t.share,
            &pct,
            &points,
        );
    }
    if let Some(b) = &goal.margin
        && t.revenue > Decimal::ZERO
    {
        say(
            "margin",
            format!("{name} have a contribution margin of {}", pct(t.margin)),
            b,
            t.margin,
            &pct,
            &points,
        );
    }
    if let Some(b) = &goal.growth {
        // Growth: the customers' revenue targets against their revenue now.
        let p = cx.portfolio();
        let (now, planned) = p
            .customers
            .iter()
            .filter(|c| c.category == cat && sellers.contains(&c.customer.owner))
            .filter_map(|c| {
                c.customer
                    .customer
                    .target
                    .get("revenue")
                    .map(|q| (c.figures.revenue, q.value))
            })
            .fold((Decimal::ZERO, Decimal::ZERO), |(a, b), (n, p)| {
                (a + n, b + p)
            });
        if now > Decimal::ZERO {
            let growth = planned / now - Decimal::ONE;
            say(
                "growth",
                format!("{name} are planned to grow {}", pct(growth)),
                b,
                growth,
                &pct,
                &points,
            );
        }
    }
    if let Some(b) = &goal.new_customers {
        let n = Decimal::from(t.prospects);
        say(
            "new_customers",
            format!("the customer lists hold {} prospects", count(n)),
            b,
            n,
            &count,
            &count,
        );
    }
    if let Some(b) = &goal.new_customer_revenue
        && let Some(v) = team_value(
            cx.plan,
            &cx.analysis.index,
            &team.id,
            "new_customer_revenue",
            None,
        )
    {
        say(
            "new_customer_revenue",
            format!("the new-customer revenue target is {}", money(v)),
            b,
            v,
            &money,
            &money,
        );
    }
}
