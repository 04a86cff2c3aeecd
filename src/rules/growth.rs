//! `growth`: a target's growth over where the seller or team stands.

use super::{Context, Param, Rule, RuleMeta};
use crate::analysis::rollup::{usable, value_of};
use crate::diag::{Diagnostic, Level};
use crate::i18n::{decimals_apart, decimals_nonzero};
use crate::model::metrics::{Better, Kind};
use crate::model::{Goal, MetricValues};
use rust_decimal::Decimal;

pub struct Growth;

static META: RuleMeta = RuleMeta {
    id: "growth",
    default_level: Level::Warning,
    structural: false,
    summary: "A money or count target that grows more than `max` over the seller's baseline \
(last year's actuals) or the team's starting point for the same metric: warning. A revenue \
target below the baseline: info.",
    principle: "Goals must be realistic: growth far beyond where the seller stands is a wish, not \
a goal, unless something has changed — then accept the finding with the reason.",
    params: &[Param {
        name: "max",
        ratio: true,
        default: "0.30",
        description: "The largest growth over the baseline before a warning (0.30 = 30 %).",
    }],
    example: "warning[growth]: revenue target kr 12 000 000 is 50 % over the baseline kr 8 000 000, more than 30 %\n  --> sellers/kari.yaml:9:38",
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
                "baseline",
                out,
            );
            goals(
                cx,
                seller.file,
                "/kpis",
                &seller.data.kpis,
                base,
                "baseline",
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
                    "starting point",
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
    what: &str,
    out: &mut Vec<Diagnostic>,
) {
    let fmt = &cx.plan.settings.fmt;
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
                out.push(cx.found_at(
                    Level::Info,
                    file,
                    &pointer,
                    format!(
                        "{} target {} starts from a {what} of 0: its growth cannot be measured",
                        g.metric,
                        fmt.value(metric.kind, target.value)
                    ),
                ));
            }
            continue;
        }
        let label = &g.metric;
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
                cx.found(file, &pointer, format!(
                    "{label} target {} is {} over the {what} {}, more than {}",
                    fmt.value(metric.kind, target.value),
                    fmt.percent_dp(growth, dp),
                    fmt.value(metric.kind, b),
                    fmt.percent_dp(max, dp)
                ))
                .with_help("if something has changed (a new contract, a new area), accept the finding in salgsmal.yaml with the reason"),
            );
        } else if g.metric == "revenue" && target.value < b {
            let dp = decimals_nonzero(-growth * Decimal::ONE_HUNDRED, 1, 10);
            out.push(cx.found_at(
                Level::Info,
                file,
                &pointer,
                format!(
                    "{label} target {} is {} below the {what} {}",
                    fmt.value(metric.kind, target.value),
                    fmt.percent_dp(-growth, dp),
                    fmt.value(metric.kind, b)
                ),
            ));
        }
    }
}
