//! `allocation`: individual targets must add up to the team goal.

use super::{Context, Param, Rule, RuleMeta, as_printed, kind_arg, least_decimals, unit};
use crate::analysis::exact::Frac;
use crate::analysis::rollup::{Rolled, Weight, per_year};
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::{Arg, Message, decimals_apart, decimals_nonzero};
use crate::model::Per;
use crate::model::metrics::{Better, Kind, Metric, Rollup as Method};
use rust_decimal::Decimal;

pub struct Allocation;

static META: RuleMeta = RuleMeta {
    id: RuleId::ALLOCATION,
    default_level: Level::Error,
    structural: false,
    params: &[Param {
        name: "max_over",
        ratio: true,
        default: "0.20",
    }],
};

impl Rule for Allocation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
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
                if let Some(d) = judge(
                    cx,
                    team.file,
                    i,
                    goal,
                    Frac::from(target.value),
                    metric,
                    rolled,
                    max_over,
                ) {
                    out.push(d);
                }
            }
        }
    }
}

/// The finding for one team goal, if its roll-up is short of the target or
/// too far over it.
#[allow(clippy::too_many_arguments)]
fn judge(
    cx: &Context<'_>,
    file: usize,
    i: usize,
    goal: &crate::model::Goal,
    target: Frac,
    metric: &Metric,
    rolled: &Rolled,
    max_over: Decimal,
) -> Option<Diagnostic> {
    let ww = cx.plan.settings.working_weeks;
    let kind = metric.kind;
    // Rates written in other units than the team goal's are added up a
    // year, where every term is a whole product.
    let to_per = goal.per.unwrap_or(Per::Week);
    let yearly = matches!(metric.rollup, Method::SumOfRates)
        && rolled
            .contributions
            .iter()
            .any(|c| c.rate.is_none_or(|(_, per)| per != to_per));
    let scale = Frac::from(if yearly {
        per_year(to_per, ww)
    } else {
        Decimal::ONE
    });
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
    if !short && !over {
        return None;
    }
    // Show the roll-up and the target precisely enough to tell them apart,
    // and the gap so that it is not 0.
    let base = least_decimals(kind);
    let dp = decimals_apart(
        as_printed(kind, value.value()),
        as_printed(kind, target.value()),
        base,
        12,
    );
    let what = what(rolled, metric, goal.per, yearly);
    let shown_target = if yearly {
        Message::new("allocation-target-rate")
            .arg("year", kind_arg(kind, target.value(), dp))
            .number_dp("rate", target_per.value(), 10)
            .phrase("unit", unit(to_per))
    } else {
        Message::new("value").arg("value", kind_arg(kind, target.value(), dp))
    };
    let parts = if yearly {
        yearly_parts(rolled, ww)
    } else {
        parts(rolled, kind, &metric.rollup, dp)
    };
    let note = if rolled.missing_weights.is_empty() {
        Message::new("empty")
    } else {
        Message::new("allocation-no-weight").text("names", rolled.missing_weights.join(", "))
    };
    let pointer = format!("/goals/{i}/target");
    let message = if short {
        let gap = value.minus(target).abs().value();
        let gap_dp = decimals_nonzero(as_printed(kind, gap), base, 12);
        let id = if lower_better {
            "allocation-above"
        } else {
            "allocation-below"
        };
        Message::new(id).arg("gap", gap_arg(kind, gap, gap_dp))
    } else if target.is_zero() {
        Message::new("allocation-zero-target")
    } else {
        let share = value
            .minus(target)
            .checked_div(target)
            .map_or(Decimal::ZERO, |s| s.abs().value());
        // The share over is above `max_over`: show both with the decimals it
        // takes for that to be visible.
        let pdp = decimals_apart(
            share * Decimal::ONE_HUNDRED,
            max_over * Decimal::ONE_HUNDRED,
            1,
            12,
        );
        let id = if lower_better {
            "allocation-over-lower"
        } else {
            "allocation-over"
        };
        Message::new(id)
            .arg(
                "share",
                Arg::Percent {
                    value: share,
                    dp: pdp,
                },
            )
            .arg(
                "max",
                Arg::Percent {
                    value: max_over,
                    dp: pdp,
                },
            )
    };
    let message = message
        .phrase("what", what)
        .arg("value", kind_arg(kind, value.value(), dp))
        .phrase("target", shown_target)
        .arg("parts", parts)
        .phrase("note", note);
    let help = match (short, lower_better, target.is_zero()) {
        (true, false, _) => "allocation-help-raise",
        (true, true, _) => "allocation-help-lower",
        (false, _, true) => "allocation-help-zero",
        (false, _, false) => "allocation-help-over",
    };
    let mut d = cx
        .found_at(
            if short { Level::Error } else { Level::Warning },
            file,
            &pointer,
            message,
        )
        .with_help(Message::new(help));
    for c in rolled
        .contributions
        .iter()
        .filter(|c| !c.pointer.is_empty())
    {
        let loc = cx.plan.locate(c.file, &c.pointer);
        d = d.with_related(
            &loc,
            Message::new("allocation-related")
                .text("name", &c.name)
                .arg("value", kind_arg(kind, c.value.value(), dp)),
        );
    }
    for c in &rolled.left_out {
        let loc = cx.plan.locate(c.file, &c.pointer);
        d = d.with_related(
            &loc,
            Message::new("allocation-left-out").text("name", &c.name),
        );
    }
    for lost in lost_sellers(cx, &cx.plan.teams.iter().find(|t| t.file == file)?.id) {
        let loc = cx.plan.locate(lost.file, "/team");
        d = d.with_related(
            &loc,
            Message::new("allocation-lost-seller")
                .text("name", &lost.data.name)
                .text("team", &lost.data.team),
        );
    }
    Some(d)
}

/// What is compared: `sum of individual revenue targets`, `contribution
/// margin of individual targets, weighted by revenue targets,` …
fn what(rolled: &Rolled, metric: &Metric, per: Option<Per>, yearly: bool) -> Message {
    let m = match (&rolled.weighted_by, &metric.rollup) {
        (Some(w), _) => Message::new("allocation-what-weighted").phrase("weights", weights(w)),
        (None, Method::Mean | Method::WeightedMean(_) | Method::WeightedByOffers) => {
            Message::new("allocation-what-mean")
        }
        (None, Method::SumOfRates) if yearly => Message::new("allocation-what-sum-year"),
        (None, Method::SumOfRates) => {
            Message::new("allocation-what-sum-per").phrase("unit", unit(per.unwrap_or(Per::Week)))
        }
        _ => Message::new("allocation-what-sum"),
    };
    m.arg("metric", metric.label())
}

/// What the weights of a weighted mean are.
fn weights(w: &Weight) -> Message {
    match w {
        Weight::Revenue => Message::new("weights-revenue"),
        Weight::BaselineRevenue => Message::new("weights-baseline-revenue"),
        Weight::CustomerCount => Message::new("weights-customer-count"),
        Weight::Offers => Message::new("weights-offers"),
        Weight::Metric(m) => Message::new("weights-metric").text("metric", m),
    }
}

/// A gap: percentage points for ratios, else the value's kind.
fn gap_arg(kind: Kind, gap: Decimal, dp: u32) -> Arg {
    match kind {
        Kind::Ratio => super::points(gap, dp),
        _ => kind_arg(kind, gap, dp),
    }
}

/// `Selger a 2/week × 44 = 88 + Selger c 219`: rates added up a year.
fn yearly_parts(rolled: &Rolled, ww: Decimal) -> Arg {
    let items = rolled
        .contributions
        .iter()
        .map(|c| match c.rate {
            Some((v, Per::Year)) => Message::new("part")
                .text("name", &c.name)
                .number_dp("value", v, 10),
            Some((v, per)) => Message::new("part-rate")
                .text("name", &c.name)
                .number_dp("rate", v, 10)
                .phrase("unit", unit(per))
                .number_dp("factor", per_year(per, ww), 10)
                .number_dp("year", v * per_year(per, ww), 10),
            None => Message::new("part").text("name", &c.name).number(
                "value",
                c.value.times(Frac::from(per_year(Per::Week, ww))).value(),
            ),
        })
        .collect();
    Arg::List(items, " + ")
}

/// `Kari 10 000 000 + Ola 24 000 000`, or for weighted means
/// `Kari 25 % × 10 000 000, …`; values with the decimals of the total.
fn parts(rolled: &Rolled, kind: Kind, method: &Method, dp: u32) -> Arg {
    let plain = |v: Frac| match kind {
        Kind::Ratio => Arg::Percent {
            value: v.value(),
            dp: dp.max(1),
        },
        _ => Arg::Number {
            value: v.value(),
            dp: dp.max(2),
        },
    };
    let additive = matches!(
        method,
        Method::Sum | Method::SumPerProduct | Method::SumOfRates
    );
    let items = rolled.contributions.iter().map(|c| {
        let m = Message::new(if rolled.weighted_by.is_some() {
            "part-weighted"
        } else {
            "part"
        })
        .text("name", &c.name)
        .arg("value", plain(c.value));
        match (&rolled.weighted_by, c.weight) {
            (Some(_), Some(w)) => m.number("weight", w.value()),
            (Some(_), None) => m.text("weight", ""),
            _ => m,
        }
    });
    let separator = if rolled.weighted_by.is_none() && kind != Kind::Ratio && additive {
        " + "
    } else {
        ", "
    };
    Arg::List(items.collect(), separator)
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
        .filter(|s| teams.binary_search(&s.data.team.as_str()).is_err())
        .filter(|s| crate::diag::did_you_mean(&s.data.team, teams.iter().copied()) == Some(team))
        .collect()
}
