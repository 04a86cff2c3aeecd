//! `growth`: a target's growth over where the seller or team stands.

use super::{Context, Param, Rule, RuleMeta, value_arg};
use crate::analysis::rollup::{usable, value_of};
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::{Arg, Message};
use crate::i18n::{decimals_apart, decimals_nonzero};
use crate::model::metrics::{Better, Kind};
use crate::model::{Goal, MetricValues};
use rust_decimal::Decimal;

pub struct Growth;

static META: RuleMeta = RuleMeta {
    id: RuleId::GROWTH,
    default_level: Level::Warning,
    structural: false,
    params: &[Param {
        name: "max",
        ratio: true,
        default: "0.30",
    }],
};

impl Rule for Growth {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for seller in &cx.plan.sellers {
            let base = &seller.data.baseline;
            goals(
                cx,
                seller.file,
                "/goals",
                &seller.data.goals,
                base,
                "growth-baseline",
                out,
            );
            goals(
                cx,
                seller.file,
                "/kpis",
                &seller.data.kpis,
                base,
                "growth-baseline",
                out,
            );
        }
        for team in &cx.plan.teams {
            if let Some(sp) = &team.data.starting_point {
                goals(
                    cx,
                    team.file,
                    "/goals",
                    &team.data.goals,
                    &sp.values,
                    "growth-starting-point",
                    out,
                );
            }
        }
    }
}

fn goals(
    cx: &Context<'_>,
    file: usize,
    base: &str,
    goals: &[Goal],
    baseline: &MetricValues,
    what: &'static str,
    out: &mut Vec<Diagnostic>,
) {
    let max = cx.param("max");
    for (i, g) in goals.iter().enumerate() {
        let (Some(target), Some(metric)) = (g.target, cx.plan.metrics.get(&g.metric)) else {
            continue;
        };
        if !usable(&cx.plan.metrics, &g.metric, target) {
            continue;
        }
        if g.product.is_some()
            || !matches!(metric.kind, Kind::Money | Kind::Count)
            || metric.activity
        {
            continue;
        }
        let Some(b) = value_of(&cx.plan.metrics, baseline, &g.metric) else {
            continue;
        };
        let pointer = format!("{base}/{i}/target");
        if b.is_zero() {
            if target.value > Decimal::ZERO && metric.better == Better::Higher {
                out.push(
                    cx.found_at(
                        Level::Info,
                        file,
                        &pointer,
                        Message::new("growth-from-zero")
                            .arg("metric", metric.label())
                            .arg("target", value_arg(metric.kind, target.value))
                            .phrase("base", Message::new(what)),
                    ),
                );
            }
            continue;
        }
        let label = metric.label();
        let higher = metric.better == Better::Higher;
        if b < Decimal::ZERO {
            continue; // growth from a loss is not a percentage anyone plans by
        }
        // Exact: growth above `max` ⇔ target > baseline × (1 + max).
        let over = target.value > b * (Decimal::ONE + max);
        let growth = (target.value - b) / b;
        if higher && over {
            let dp = decimals_apart(
                growth * Decimal::ONE_HUNDRED,
                max * Decimal::ONE_HUNDRED,
                1,
                10,
            );
            out.push(
                cx.found(
                    file,
                    &pointer,
                    Message::new("growth-over")
                        .arg("metric", label.clone())
                        .arg("target", value_arg(metric.kind, target.value))
                        .arg("growth", Arg::Percent { value: growth, dp })
                        .phrase("base", Message::new(what))
                        .arg("baseline", value_arg(metric.kind, b))
                        .arg("max", Arg::Percent { value: max, dp }),
                )
                .with_help(Message::new("growth-help")),
            );
        } else if g.metric == "revenue" && target.value < b {
            let dp = decimals_nonzero(-growth * Decimal::ONE_HUNDRED, 1, 10);
            out.push(
                cx.found_at(
                    Level::Info,
                    file,
                    &pointer,
                    Message::new("growth-below")
                        .arg("metric", label)
                        .arg("target", value_arg(metric.kind, target.value))
                        .arg("drop", Arg::Percent { value: -growth, dp })
                        .phrase("base", Message::new(what))
                        .arg("baseline", value_arg(metric.kind, b)),
                ),
            );
        }
    }
}
