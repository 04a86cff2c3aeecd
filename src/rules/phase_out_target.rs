//! `phase-out-target`: growth planned for a customer the portfolio says to
//! phase out.

use super::{Context, Param, Rule, RuleMeta};
use crate::diag::{Diagnostic, Level};
use crate::model::Category;
use rust_decimal::Decimal;

pub struct PhaseOutTarget;

static META: RuleMeta = RuleMeta {
    id: "phase-out-target",
    default_level: Level::Warning,
    structural: false,
    summary: "A customer (not a prospect) classified phase_out_new whose `target` plans growth: a \
revenue target above its revenue, or a positive existing_customer_growth.",
    principle: "Each category has its strategy: unprofitable relations are to be phased out, so \
growing one contradicts the customer strategy (or its numbers are out of date).",
    params: &[] as &[Param],
    example: "warning[phase-out-target]: Vik Ventilasjon is a phase-out customer (contribution kr -15 000) but its revenue target kr 300 000 plans growth from kr 100 000\n  --> customers/kari.yaml:7:93",
};

impl Rule for PhaseOutTarget {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let fmt = &cx.plan.settings.fmt;
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
                    format!(
                        "its revenue target {} plans growth from {}",
                        fmt.money(t.value),
                        fmt.money(placed.figures.revenue)
                    ),
                ),
                (None, Some(g)) => (
                    "existing_customer_growth",
                    format!("it has a growth target of {}", fmt.percent(g.value)),
                ),
                _ => continue,
            };
            out.push(
                cx.found(placed.customer.file, &placed.customer.pointer(&format!("target/{field}")), format!(
                    "{} is a phase-out customer (contribution {}) but {what}",
                    c.name,
                    fmt.money(placed.figures.contribution())
                ))
                .with_help("phase the relation out, make it profitable first, or update the customer's numbers"),
            );
        }
    }
}
