//! `history`: a KPI target far beyond the seller's own track record.

use super::{Context, Param, Rule, RuleMeta, value_arg};
use crate::analysis::rollup::{usable, value_of};
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::Message;
use crate::i18n::decimals_apart;
use crate::model::metrics::Better;
use rust_decimal::Decimal;

pub struct History;

static META: RuleMeta = RuleMeta {
    id: RuleId::HISTORY,
    default_level: Level::Warning,
    structural: false,
    params: &[Param {
        name: "max_ratio",
        ratio: false,
        default: "1.5",
    }],
};

impl Rule for History {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let max = cx.param("max_ratio");
        for seller in &cx.plan.sellers {
            for (i, k) in seller.data.kpis.iter().enumerate() {
                let (Some(target), Some(metric), Some(base)) = (
                    k.target,
                    cx.plan.metrics.get(&k.metric),
                    value_of(&cx.plan.metrics, &seller.data.baseline, &k.metric),
                ) else {
                    continue;
                };
                if !usable(&cx.plan.metrics, &k.metric, target)
                    || base <= Decimal::ZERO
                    || target.value <= Decimal::ZERO
                {
                    continue;
                }
                // An activity's baseline is last year's total: compare the
                // KPI's rate over the year with it.
                let (target_value, unit) = match k.per.filter(|_| metric.activity) {
                    Some(per) => (
                        crate::analysis::rollup::convert_rate(
                            target.value,
                            per,
                            crate::model::Per::Year,
                            cx.plan.settings.working_weeks,
                        ),
                        Message::new("history-a-year"),
                    ),
                    None => (target.value, Message::new("empty")),
                };
                let lower = metric.better == Better::Lower;
                // Exact: target > max × baseline (baseline > max × target
                // for a lower-is-better metric, where a smaller target is
                // the bigger step).
                let (big, small) = if lower {
                    (base, target_value)
                } else {
                    (target_value, base)
                };
                if big <= max * small {
                    continue;
                }
                let ratio = big / small;
                let dp = decimals_apart(ratio, max, 2, 10);
                let message = Message::new(if lower {
                    "history-lower"
                } else {
                    "history-higher"
                })
                .text("metric", &k.metric)
                .arg("target", value_arg(metric.kind, target_value))
                .phrase("unit", unit)
                .arg("baseline", value_arg(metric.kind, base))
                .number_dp("ratio", ratio, dp)
                .number_dp("max", max, dp);
                out.push(
                    cx.found(seller.file, &format!("/kpis/{i}/target"), message)
                        .with_help(Message::new("history-help")),
                );
            }
        }
    }
}
