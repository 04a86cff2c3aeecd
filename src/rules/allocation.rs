//! `allocation`: individual targets must add up to the team goal.

use super::{Context, Param, Rule, RuleMeta};
use crate::diag::{Diagnostic, Level};
use crate::model::metrics::{Better, Kind, Rollup as Method};
use crate::rollup::{Rolled, team_rollup};
use rust_decimal::Decimal;

pub struct Allocation;

static META: RuleMeta = RuleMeta {
    id: "allocation",
    default_level: Level::Error,
    structural: false,
    summary: "For each team goal whose metric adds up (revenue, contribution, new-customer \
revenue, product revenue per product, activities) or is a weighted mean (contribution margin \
weighted by revenue targets, closing rate by offers, KTI by revenue …), the roll-up of the \
sellers' and child teams' targets — from their goals and KPIs alike — is compared with the \
team target. Below it (above it, for a lower-is-better metric such as churn): error. More than \
`max_over` above it: warning, the team is over-assigned. Rates are converted to the team goal's \
`per` before they are added. The message lists every contribution, and for weighted metrics \
the weights.",
    principle: "From team goals to individual goals: the team goal is only reached if the \
individual goals add up to it. Assigning much more than the team goal makes individual goals \
unrealistic and unfair; the team file's `allocation.max_over` says how much is allowed.",
    params: &[Param {
        name: "max_over",
        ratio: true,
        default: "0.20",
        description: "How far the roll-up may exceed the team target before it is a warning; a \
team's own `allocation.max_over` takes precedence.",
    }],
    example: "error[allocation]: sum of individual revenue targets kr 58 000 000 is kr 2 000 000 below the team target kr 60 000 000 (Kari Nordmann 10 000 000 + Ola Berg 24 000 000 + Ingrid Haugland 24 000 000)\n  --> teams/salg-vest.yaml:21:49",
};

impl Rule for Allocation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let fmt = &cx.plan.settings.fmt;
        for team in &cx.plan.teams {
            let max_over = team
                .data
                .allocation
                .as_ref()
                .and_then(|a| a.max_over)
                .map_or_else(|| cx.param("max_over"), |r| r.0);
            for (i, goal) in team.data.goals.iter().enumerate() {
                let (Some(target), Some(metric)) = (goal.target, cx.plan.metrics.get(&goal.metric))
                else {
                    continue;
                };
                if matches!(metric.rollup, Method::Min | Method::Max | Method::None)
                    || !crate::rollup::usable(&cx.plan.metrics, &goal.metric, target)
                {
                    continue;
                }
                let Some(rolled) = team_rollup(cx.plan, &team.id, goal) else {
                    continue; // `alignment` reports a team goal nobody contributes to
                };
                let target = target.value;
                let label = metric.label_en.to_lowercase();
                let what = match (&rolled.weighted_by, metric.kind, &metric.rollup) {
                    (Some(w), _, _) => format!("{label} of individual targets, weighted by {w},"),
                    (
                        None,
                        _,
                        Method::Mean | Method::WeightedMean(_) | Method::WeightedByOffers,
                    ) => {
                        format!("mean {label} of individual targets")
                    }
                    (None, _, Method::SumOfRates) => format!(
                        "sum of individual {label} targets per {}",
                        per_word(goal.per)
                    ),
                    _ => format!("sum of individual {label} targets"),
                };
                let shown = |v: Decimal| fmt.value(metric.kind, v);
                let additive = matches!(
                    metric.rollup,
                    Method::Sum | Method::SumPerProduct | Method::SumOfRates
                );
                let parts = parts(&rolled, metric.kind, additive, fmt);
                let pointer = format!("/goals/{i}/target");
                let lower_better = metric.better == Better::Lower;
                let short = if lower_better {
                    rolled.value > target
                } else {
                    rolled.value < target
                };
                let limit = if lower_better {
                    target * (Decimal::ONE - max_over)
                } else {
                    target * (Decimal::ONE + max_over)
                };
                let over = if lower_better {
                    rolled.value < limit
                } else {
                    rolled.value > limit
                };
                let mut d = if short {
                    let gap = (rolled.value - target).abs();
                    let side = if lower_better { "above" } else { "below" };
                    cx.found_at(
                        Level::Error,
                        team.file,
                        &pointer,
                        format!(
                            "{what} {} is {} {side} the team target {} ({parts})",
                            shown(rolled.value),
                            shown_gap(metric.kind, gap, fmt),
                            shown(target)
                        ),
                    )
                    .with_help(if lower_better {
                        "lower individual targets or raise the team target"
                    } else {
                        "raise individual targets or lower the team target"
                    })
                } else if over && target.is_zero() {
                    cx.found_at(
                        Level::Warning,
                        team.file,
                        &pointer,
                        format!("the team target is {}, but the individual targets add up to {} ({parts})", shown(target), shown(rolled.value)),
                    )
                    .with_help("set the team target, or remove the individual targets")
                } else if over {
                    let share = ((rolled.value - target) / target).abs();
                    cx.found_at(
                        Level::Warning,
                        team.file,
                        &pointer,
                        format!(
                            "{what} {} is {} {} the team target {}, more than the allowed {} over-assignment ({parts})",
                            shown(rolled.value),
                            fmt.percent(share),
                            if lower_better { "below" } else { "above" },
                            shown(target),
                            fmt.percent(max_over)
                        ),
                    )
                    .with_help("individual targets far beyond the team goal are not realistic; lower them or raise `allocation.max_over`")
                } else {
                    continue;
                };
                for c in rolled
                    .contributions
                    .iter()
                    .filter(|c| !c.pointer.is_empty())
                {
                    let loc = cx.plan.locate(c.file, &c.pointer);
                    d = d.with_related(&loc, format!("{}: {}", c.name, shown(c.value)));
                }
                for c in &rolled.left_out {
                    let loc = cx.plan.locate(c.file, &c.pointer);
                    d = d.with_related(
                        &loc,
                        format!(
                            "{}'s target is left out: it breaks the `ratio` rule",
                            c.name
                        ),
                    );
                }
                for lost in lost_sellers(cx, &team.id) {
                    let loc = cx.plan.locate(lost.file, "/team");
                    d = d.with_related(
                        &loc,
                        format!(
                            "{}'s team `{}` does not exist, so the targets are not counted here",
                            lost.data.name, lost.data.team
                        ),
                    );
                }
                if !rolled.missing_weights.is_empty() {
                    let note = format!(
                        "no weight for {}: the plain mean is used",
                        rolled.missing_weights.join(", ")
                    );
                    d.message.push_str(&format!("; {note}"));
                }
                out.push(d);
            }
        }
    }
}

fn per_word(per: Option<crate::model::Per>) -> &'static str {
    use crate::model::Per;
    match per.unwrap_or(Per::Week) {
        Per::Day => "day",
        Per::Week => "week",
        Per::Month => "month",
        Per::Quarter => "quarter",
        Per::Year => "year",
    }
}

fn shown_gap(kind: Kind, gap: Decimal, fmt: &crate::format::Fmt) -> String {
    match kind {
        Kind::Ratio => format!("{} points", fmt.number_dp(gap * Decimal::ONE_HUNDRED, 1)),
        _ => fmt.value(kind, gap),
    }
}

/// `Kari 10 000 000 + Ola 24 000 000`, or for weighted means
/// `Kari 25 % × kr 10 000 000, …`.
fn parts(rolled: &Rolled, kind: Kind, additive: bool, fmt: &crate::format::Fmt) -> String {
    let plain = |v: Decimal| match kind {
        Kind::Ratio => fmt.percent(v),
        _ => fmt.number(v),
    };
    match &rolled.weighted_by {
        Some(_) => rolled
            .contributions
            .iter()
            .map(|c| {
                format!(
                    "{} {} × {}",
                    c.name,
                    plain(c.value),
                    c.weight.map_or_else(String::new, |w| fmt.number(w))
                )
            })
            .collect::<Vec<_>>()
            .join(", "),
        None if kind == Kind::Ratio || !additive => rolled
            .contributions
            .iter()
            .map(|c| format!("{} {}", c.name, plain(c.value)))
            .collect::<Vec<_>>()
            .join(", "),
        None => rolled
            .contributions
            .iter()
            .map(|c| format!("{} {}", c.name, plain(c.value)))
            .collect::<Vec<_>>()
            .join(" + "),
    }
}

/// Sellers whose `team` does not exist but looks like a misspelling of `team`.
fn lost_sellers<'a>(
    cx: &Context<'a>,
    team: &str,
) -> Vec<&'a crate::model::Entry<crate::model::Seller>> {
    let teams = cx.plan.ids_of(crate::model::FileKind::Team);
    cx.plan
        .sellers
        .iter()
        .filter(|s| !teams.contains(&s.data.team.as_str()))
        .filter(|s| crate::diag::did_you_mean(&s.data.team, teams.iter().copied()) == Some(team))
        .collect()
}
