//! `allocation`: individual targets must add up to the team goal.

use super::{Context, Param, Rule, RuleMeta};
use crate::analysis::exact::Frac;
use crate::analysis::rollup::{Rolled, Weight, per_year};
use crate::diag::{Diagnostic, Level};
use crate::i18n::{Fmt, decimals_apart, decimals_nonzero};
use crate::model::Per;
use crate::model::metrics::{Better, Kind, Rollup as Method};
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
        for (t, team) in cx.plan.teams.iter().enumerate() {
            let max_over = cx.analysis.max_over[t];
            for (i, goal) in team.data.goals.iter().enumerate() {
                let (Some(target), Some(metric)) = (goal.target, cx.plan.metrics.get(&goal.metric))
                else {
                    continue;
                };
                if matches!(metric.rollup, Method::Min | Method::Max | Method::None)
                    || !crate::analysis::rollup::usable(&cx.plan.metrics, &goal.metric, target)
                {
                    continue;
                }
                let Some(rolled) = cx.analysis.rollup(t, i) else {
                    continue; // `alignment` reports a team goal nobody contributes to
                };
                if !rolled.unsure.is_empty() {
                    continue; // a contribution the schema rejected: that is the finding
                }
                let target = Frac::from(target.value);
                let label = metric.label_en.to_lowercase();
                let additive = matches!(
                    metric.rollup,
                    Method::Sum | Method::SumPerProduct | Method::SumOfRates
                );
                // Rates written in other units than the team goal's are
                // added up a year, where every term is a whole product.
                let to_per = goal.per.unwrap_or(Per::Week);
                let ww = cx.plan.settings.working_weeks;
                let yearly = matches!(metric.rollup, Method::SumOfRates)
                    && rolled
                        .contributions
                        .iter()
                        .any(|c| c.rate.is_none_or(|(_, per)| per != to_per));
                let scale = if yearly {
                    Frac::from(per_year(to_per, ww))
                } else {
                    Frac::from(Decimal::ONE)
                };
                let what = match (&rolled.weighted_by, &metric.rollup) {
                    (Some(w), _) => {
                        format!(
                            "{label} of individual targets, weighted by {},",
                            weight_words(w)
                        )
                    }
                    (None, Method::Mean | Method::WeightedMean(_) | Method::WeightedByOffers) => {
                        format!("mean {label} of individual targets")
                    }
                    (None, Method::SumOfRates) if yearly => {
                        format!("sum of individual {label} targets a year")
                    }
                    (None, Method::SumOfRates) => format!(
                        "sum of individual {label} targets per {}",
                        per_word(goal.per)
                    ),
                    _ => format!("sum of individual {label} targets"),
                };
                let pointer = format!("/goals/{i}/target");
                let lower_better = metric.better == Better::Lower;
                let value = rolled.value.times(scale);
                let target_per = target;
                let target = target.times(scale);
                let short = if lower_better {
                    value > target
                } else {
                    value < target
                };
                let limit = if lower_better {
                    target.times(Frac::from(Decimal::ONE - max_over))
                } else {
                    target.times(Frac::from(Decimal::ONE + max_over))
                };
                let over = if lower_better {
                    value < limit
                } else {
                    value > limit
                };
                // Show the roll-up and the target precisely enough to tell
                // them apart, and the gap so that it is not 0.
                let base = base_decimals(metric.kind);
                let dp = decimals_apart(
                    scaled(metric.kind, value.value()),
                    scaled(metric.kind, target.value()),
                    base,
                    12,
                );
                let shown = |v: Frac| show(fmt, metric.kind, v.value(), dp);
                let parts = if yearly {
                    yearly_parts(rolled, ww, fmt)
                } else {
                    parts(rolled, metric.kind, additive, fmt, dp)
                };
                let team_target = if yearly {
                    format!(
                        "{} ({}/{})",
                        shown(target),
                        fmt.number_dp(target_per.value(), 10),
                        per_word(goal.per)
                    )
                } else {
                    shown(target)
                };
                let mut d = if short {
                    let gap = value.minus(target).abs().value();
                    let gap_dp = decimals_nonzero(scaled(metric.kind, gap), base, 12);
                    let side = if lower_better { "above" } else { "below" };
                    cx.found_at(
                        Level::Error,
                        team.file,
                        &pointer,
                        format!(
                            "{what} {} is {} {side} the team target {team_target} ({parts})",
                            shown(value),
                            shown_gap(metric.kind, gap, gap_dp, fmt),
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
                        format!("the team target is {}, but the individual targets add up to {} ({parts})", shown(target), shown(value)),
                    )
                    .with_help("set the team target, or remove the individual targets")
                } else if over {
                    let share = value
                        .minus(target)
                        .checked_div(target)
                        .map_or(Decimal::ZERO, |s| s.abs().value());
                    // The share over is above `max_over`: show both with the
                    // decimals it takes for that to be visible.
                    let pdp = decimals_apart(
                        share * Decimal::ONE_HUNDRED,
                        max_over * Decimal::ONE_HUNDRED,
                        1,
                        12,
                    );
                    cx.found_at(
                        Level::Warning,
                        team.file,
                        &pointer,
                        format!(
                            "{what} {} is {} {} the team target {team_target}, more than the allowed {} over-assignment ({parts})",
                            shown(value),
                            fmt.percent_dp(share, pdp),
                            if lower_better { "below" } else { "above" },
                            fmt.percent_dp(max_over, pdp)
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
                    d = d.with_related(
                        &loc,
                        format!("{}: {}", c.name, fmt.value(metric.kind, c.value.value())),
                    );
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

/// What the weights of a weighted mean are, in words.
fn weight_words(w: &Weight) -> String {
    match w {
        Weight::Revenue => "revenue targets".to_string(),
        Weight::BaselineRevenue => "baseline revenue".to_string(),
        Weight::CustomerCount => "customer counts".to_string(),
        Weight::Offers => "offers a year".to_string(),
        Weight::Metric(m) => format!("{m} targets"),
    }
}

fn per_word(per: Option<Per>) -> &'static str {
    match per.unwrap_or(Per::Week) {
        Per::Day => "day",
        Per::Week => "week",
        Per::Month => "month",
        Per::Quarter => "quarter",
        Per::Year => "year",
    }
}

/// The decimals a kind is shown with at least: percents with one, money
/// and counts with none (øre and fractions appear when they are there).
fn base_decimals(kind: Kind) -> u32 {
    match kind {
        Kind::Ratio => 1,
        _ => 0,
    }
}

/// The number as it is printed: a ratio as a percent.
fn scaled(kind: Kind, v: Decimal) -> Decimal {
    match kind {
        Kind::Ratio => v * Decimal::ONE_HUNDRED,
        _ => v,
    }
}

/// A value with at least `dp` decimals where it has them (money keeps its
/// øre: at least two decimals once it has any).
fn show(fmt: &Fmt, kind: Kind, v: Decimal, dp: u32) -> String {
    match kind {
        Kind::Ratio => fmt.percent_dp(v, dp),
        Kind::Money if dp <= 2 => fmt.money(v),
        Kind::Money => fmt.money_dp(v, dp),
        _ => fmt.number_dp(v, dp.max(2)),
    }
}

fn shown_gap(kind: Kind, gap: Decimal, dp: u32, fmt: &Fmt) -> String {
    match kind {
        Kind::Ratio => format!("{} points", fmt.number_dp(gap * Decimal::ONE_HUNDRED, dp)),
        _ => show(fmt, kind, gap, dp),
    }
}

/// `Selger a 2/week × 44 = 88 + Selger c 219`: rates added up a year.
fn yearly_parts(rolled: &Rolled, ww: Decimal, fmt: &Fmt) -> String {
    rolled
        .contributions
        .iter()
        .map(|c| match c.rate {
            Some((v, Per::Year)) => format!("{} {}", c.name, fmt.number_dp(v, 10)),
            Some((v, per)) => format!(
                "{} {}/{} × {} = {}",
                c.name,
                fmt.number_dp(v, 10),
                per_word(Some(per)),
                fmt.number_dp(per_year(per, ww), 10),
                fmt.number_dp(v * per_year(per, ww), 10)
            ),
            None => format!(
                "{} {}",
                c.name,
                fmt.number_dp(
                    c.value.times(Frac::from(per_year(Per::Week, ww))).value(),
                    2
                )
            ),
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// `Kari 10 000 000 + Ola 24 000 000`, or for weighted means
/// `Kari 25 % × kr 10 000 000, …`; values with the decimals of the total.
fn parts(rolled: &Rolled, kind: Kind, additive: bool, fmt: &Fmt, dp: u32) -> String {
    let plain = |v: Frac| match kind {
        Kind::Ratio => fmt.percent_dp(v.value(), dp.max(1)),
        _ => fmt.number_dp(v.value(), dp.max(2)),
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
                    c.weight.map_or_else(String::new, |w| fmt.number(w.value()))
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
