//! `phase-out-target`: growth planned for a customer the portfolio says to
//! phase out.

use super::{Context, Param, Rule, RuleMeta};
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::{Arg, Message};
use crate::model::Category;
use rust_decimal::Decimal;

pub struct PhaseOutTarget;

static META: RuleMeta = RuleMeta {
    id: RuleId::PHASE_OUT_TARGET,
    default_level: Level::Warning,
    structural: false,
    params: &[] as &[Param],
};

impl Rule for PhaseOutTarget {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for placed in &cx.portfolio().customers {
            let c = placed.customer.customer;
            if placed.category != Category::PhaseOutNew || c.prospect {
                continue;
            }
            let revenue_growth = c
                .target
                .get("revenue")
                .filter(|t| t.value > placed.figures.revenue);
            let growth = c
                .target
                .get("existing_customer_growth")
                .filter(|g| g.value > Decimal::ZERO);
            let (field, what) = match (revenue_growth, growth) {
                (Some(t), _) => (
                    "revenue",
                    Message::new("phase-out-target-revenue")
                        .arg("target", Arg::money(t.value))
                        .arg("revenue", Arg::money(placed.figures.revenue)),
                ),
                (None, Some(g)) => (
                    "existing_customer_growth",
                    Message::new("phase-out-target-growth").arg(
                        "growth",
                        Arg::Percent {
                            value: g.value,
                            dp: 10,
                        },
                    ),
                ),
                _ => continue,
            };
            out.push(
                cx.found(
                    placed.customer.file,
                    &placed.customer.pointer(&format!("target/{field}")),
                    Message::new("phase-out-target")
                        .text("customer", &c.name)
                        .arg("contribution", Arg::money(placed.figures.contribution()))
                        .phrase("what", what),
                )
                .with_help(Message::new("phase-out-target-help")),
            );
        }
    }
}
