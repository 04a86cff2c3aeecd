//! `fairness`: targets distributed fairly between the sellers of a team.

use super::{Context, Param, Rule, RuleMeta};
use crate::analysis::rollup::{median, seller_target, value_of};
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::{Arg, Message, decimals_apart};
use crate::model::Potential;
use rust_decimal::Decimal;

pub struct Fairness;

static META: RuleMeta = RuleMeta {
    id: RuleId::FAIRNESS,
    default_level: Level::Warning,
    structural: false,
    params: &[Param {
        name: "max_deviation",
        ratio: true,
        default: "0.25",
    }],
};

struct Ratio {
    seller: usize,
    name: String,
    ratio: Decimal,
    pointer: String,
}

impl Rule for Fairness {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let plan = cx.plan;
        let max = cx.param("max_deviation");
        for team in &plan.teams {
            let sellers: Vec<_> = plan
                .sellers
                .iter()
                .filter(|s| s.data.team == team.id)
                .collect();
            let potential = |id: &str| -> Option<Decimal> {
                let customers: Vec<_> = cx
                    .analysis
                    .customers_of(id)
                    .map(|c| c.customer.customer)
                    .collect();
                if customers.is_empty() {
                    return None;
                }
                customers
                    .iter()
                    .map(|c| match c.potential {
                        Some(Potential::Amount(a)) => Some(a),
                        _ => None,
                    })
                    .sum()
            };
            let by_potential = sellers
                .iter()
                .all(|s| potential(&s.id).is_some_and(|p| p > Decimal::ZERO));
            let basis = if by_potential {
                "fairness-potential"
            } else {
                "fairness-baseline"
            };
            let ratios: Vec<Ratio> = sellers
                .iter()
                .filter_map(|s| {
                    let t = seller_target(&plan.metrics, &s.data, "revenue", None)?;
                    let base = if by_potential {
                        potential(&s.id)?
                    } else {
                        value_of(&plan.metrics, &s.data.baseline, "revenue")
                            .filter(|b| *b > Decimal::ZERO)?
                    };
                    Some(Ratio {
                        seller: s.file,
                        name: s.data.name.clone(),
                        ratio: t.value / base,
                        pointer: t.pointer,
                    })
                })
                .collect();
            if ratios.len() < 3 {
                continue;
            }
            let values: Vec<Decimal> = ratios.iter().map(|r| r.ratio).collect();
            let Some(med) = median(&values).filter(|m| !m.is_zero()) else {
                continue;
            };
            for r in &ratios {
                let deviation = ((r.ratio - med) / med).abs();
                if deviation > max {
                    let dp = decimals_apart(
                        deviation * Decimal::ONE_HUNDRED,
                        max * Decimal::ONE_HUNDRED,
                        1,
                        10,
                    );
                    out.push(
                        cx.found(
                            r.seller,
                            &r.pointer,
                            Message::new("fairness-deviation")
                                .text("name", &r.name)
                                .number_dp("ratio", r.ratio, 2)
                                .phrase("basis", Message::new(basis))
                                .number_dp("median", med, 2)
                                .arg(
                                    "deviation",
                                    Arg::Percent {
                                        value: deviation,
                                        dp,
                                    },
                                )
                                .arg("max", Arg::Percent { value: max, dp }),
                        )
                        .with_help(Message::new("fairness-help")),
                    );
                }
            }
        }
    }
}
