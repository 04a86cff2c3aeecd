//! `portfolio-goals`: the desired customer platform against the current one.

use super::{Context, Param, Rule, RuleMeta};
use crate::analysis::portfolio::{Totals, team_value};
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::{Arg, Message, decimals_apart, decimals_nonzero};
use crate::model::{Bounds, Category, CategoryGoals, Entry, Team};
use rust_decimal::Decimal;

pub struct PortfolioGoals;

static META: RuleMeta = RuleMeta {
    id: RuleId::PORTFOLIO_GOALS,
    default_level: Level::Info,
    structural: false,
    params: &[] as &[Param],
};

impl Rule for PortfolioGoals {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let p = cx.portfolio();
        for (index, team) in cx.plan.teams.iter().enumerate() {
            let Some(goals) = &team.data.portfolio_goals else {
                continue;
            };
            let mine = &cx.analysis.team_customers[index];
            let totals = p.totals_of(mine);
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
                let parts: Vec<Message> = mins
                    .iter()
                    .map(|(c, m)| {
                        Message::new("part")
                            .text("name", c.id())
                            .arg("value", Arg::Percent { value: *m, dp: 10 })
                    })
                    .collect();
                out.push(
                    cx.found_at(
                        Level::Error,
                        team.file,
                        "/portfolio_goals",
                        Message::new("portfolio-goals-shares")
                            .arg("sum", Arg::Percent { value: sum, dp: 10 })
                            .arg("parts", Arg::List(parts, " + ")),
                    )
                    .with_help(Message::new("portfolio-goals-shares-help")),
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
                category(cx, team, cat, goal, t, mine, out);
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
            let show = |v: Decimal| match field {
                "new_customers" => Arg::number(v),
                "new_customer_revenue" => Arg::money(v),
                _ => Arg::Percent { value: v, dp: 10 },
            };
            out.push(
                cx.found_at(
                    Level::Error,
                    file,
                    &format!("/portfolio_goals/{}/{field}", cat.id()),
                    Message::new("portfolio-goals-contradiction")
                        .text("field", field)
                        .text("category", cat.id())
                        .arg("min", show(min.value))
                        .arg("max", show(max.value)),
                )
                .with_help(Message::new("portfolio-goals-contradiction-help")),
            );
        }
    }
}

/// How a number of one kind is shown with `dp` decimals.
type Show<'a> = &'a dyn Fn(Decimal, u32) -> Arg;

fn bounds_text(b: &Bounds, show: Show<'_>) -> Message {
    // Bounds as written (trailing zeros are not shown).
    match (b.min, b.max) {
        (Some(min), Some(max)) => Message::new("bounds-between")
            .arg("min", show(min.value, 10))
            .arg("max", show(max.value, 10)),
        (Some(min), None) => Message::new("bounds-at-least").arg("min", show(min.value, 10)),
        (None, Some(max)) => Message::new("bounds-at-most").arg("max", show(max.value, 10)),
        (None, None) => Message::new("bounds-none"),
    }
}

/// `met`, or the gap to the nearest bound, never shown as 0.
fn gap(b: &Bounds, current: Decimal, show: Show<'_>, scale: Decimal) -> Message {
    let shown = |gap: Decimal| show(gap, decimals_nonzero(gap * scale, 1, 10));
    if let Some(min) = b.min.filter(|m| current < m.value) {
        return Message::new("bounds-short").arg("gap", shown(min.value - current));
    }
    if let Some(max) = b.max.filter(|m| current > m.value) {
        return Message::new("bounds-over").arg("gap", shown(current - max.value));
    }
    Message::new("bounds-met")
}

/// The decimals the current value needs so as not to print equal to the
/// bound it misses.
fn decimals_for(b: &Bounds, current: Decimal, scale: Decimal) -> u32 {
    let missed = b
        .min
        .filter(|m| current < m.value)
        .or(b.max.filter(|m| current > m.value));
    missed.map_or(1, |bound| {
        decimals_apart(current * scale, bound.value * scale, 1, 10)
    })
}

fn category(
    cx: &Context<'_>,
    team: &Entry<Team>,
    cat: Category,
    goal: &CategoryGoals,
    t: &Totals,
    mine: &[usize],
    out: &mut Vec<Diagnostic>,
) {
    let name = Message::new(match cat {
        Category::Key => "customers-key",
        Category::Star => "customers-star",
        Category::Question => "customers-question",
        Category::PhaseOutNew => "customers-phase-out-new",
    });
    let base = format!("/portfolio_goals/{}", cat.id());
    let hundred = Decimal::ONE_HUNDRED;
    let pct = |value: Decimal, dp: u32| Arg::Percent { value, dp };
    let points = |v: Decimal, dp: u32| super::points(v, dp);
    let count = |value: Decimal, dp: u32| Arg::Number { value, dp };
    let money = |value: Decimal, dp: u32| Arg::Money { value, dp };
    // `sentence` states the current value; the goal and the gap follow.
    let mut say = |field: &str,
                   sentence: Message,
                   b: &Bounds,
                   current: Decimal,
                   show: Show<'_>,
                   gap_show: Show<'_>,
                   scale: Decimal| {
        out.push(
            cx.found(
                team.file,
                &format!("{base}/{field}"),
                Message::new("portfolio-goals-status")
                    .phrase("sentence", sentence)
                    .phrase("bounds", bounds_text(b, show))
                    .phrase("gap", gap(b, current, gap_show, scale)),
            ),
        );
    };
    if let Some(b) = &goal.revenue_share {
        say(
            "revenue_share",
            Message::new("portfolio-goals-share")
                .phrase("who", name.clone())
                .arg("share", pct(t.share, decimals_for(b, t.share, hundred))),
            b,
            t.share,
            &pct,
            &points,
            hundred,
        );
    }
    if let Some(b) = &goal.margin
        && t.revenue > Decimal::ZERO
    {
        say(
            "margin",
            Message::new("portfolio-goals-margin")
                .phrase("who", name.clone())
                .arg("margin", pct(t.margin, decimals_for(b, t.margin, hundred))),
            b,
            t.margin,
            &pct,
            &points,
            hundred,
        );
    }
    if let Some(b) = &goal.growth {
        // Growth: the customers' revenue targets against their revenue now.
        let p = cx.portfolio();
        let (now, planned) = mine
            .iter()
            .map(|i| &p.customers[*i])
            .filter(|c| c.category == cat)
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
                Message::new("portfolio-goals-growth")
                    .phrase("who", name.clone())
                    .arg("growth", pct(growth, decimals_for(b, growth, hundred))),
                b,
                growth,
                &pct,
                &points,
                hundred,
            );
        }
    }
    if let Some(b) = &goal.new_customers {
        let n = Decimal::from(t.prospects);
        say(
            "new_customers",
            Message::new("portfolio-goals-prospects").count("count", t.prospects),
            b,
            n,
            &count,
            &count,
            Decimal::ONE,
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
            Message::new("portfolio-goals-new-revenue")
                .arg("target", money(v, decimals_for(b, v, Decimal::ONE).max(2))),
            b,
            v,
            &money,
            &money,
            Decimal::ONE,
        );
    }
}
