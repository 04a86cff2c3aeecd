//! `potential`: a revenue target beyond what the seller's customers can buy.

use super::{Context, Param, Rule, RuleMeta};
use crate::analysis::rollup::seller_target;
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::{Arg, Message};
use crate::model::Potential;
use rust_decimal::Decimal;

pub struct PotentialRule;

static META: RuleMeta = RuleMeta {
    id: RuleId::POTENTIAL,
    default_level: Level::Warning,
    structural: false,
    params: &[] as &[Param],
};

impl Rule for PotentialRule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let plan = cx.plan;
        for seller in &plan.sellers {
            let mine: Vec<_> = cx
                .analysis
                .customers_of(&seller.id)
                .map(|c| c.customer)
                .collect();
            if mine.is_empty() {
                continue;
            }
            let amounts: Option<Decimal> = mine
                .iter()
                .map(|c| match c.customer.potential {
                    Some(Potential::Amount(a)) => Some(a),
                    _ => None,
                })
                .sum();
            let (Some(potential), Some(target)) = (
                amounts,
                seller_target(&plan.metrics, &seller.data, "revenue", None),
            ) else {
                continue;
            };
            let ncr = seller_target(&plan.metrics, &seller.data, "new_customer_revenue", None)
                .map_or(Decimal::ZERO, |t| t.value);
            let reachable = potential + ncr;
            if target.value > reachable {
                out.push(
                    cx.found(
                        seller.file,
                        &target.pointer,
                        Message::new("potential-above")
                            .arg("target", Arg::money(target.value))
                            .arg("potential", Arg::money(potential))
                            .arg("new", Arg::money(ncr))
                            .arg("reachable", Arg::money(reachable)),
                    )
                    .with_help(Message::new("potential-help")),
                );
            }
        }
    }
}
