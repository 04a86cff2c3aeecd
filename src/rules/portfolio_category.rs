//! `portfolio-category`: a declared category that the numbers do not bear out.

use super::{Context, Param, Rule, RuleMeta};
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::{Arg, Message, decimals_apart};
use rust_decimal::Decimal;

pub struct PortfolioCategory;

static META: RuleMeta = RuleMeta {
    id: RuleId::PORTFOLIO_CATEGORY,
    default_level: Level::Info,
    structural: false,
    params: &[] as &[Param],
};

impl Rule for PortfolioCategory {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let p = cx.portfolio();
        let t = &p.thresholds;
        for placed in &p.customers {
            let c = placed.customer.customer;
            let Some(declared) = c.category.filter(|d| *d != placed.category) else {
                continue;
            };
            let f = &placed.figures;
            let large = t.large_revenue.is_some_and(|l| f.revenue >= l);
            let why = if f.prospect {
                Message::new("portfolio-category-prospect")
            } else if !large {
                match t.large_revenue {
                    Some(l) => {
                        let dp = decimals_apart(f.revenue, l, 0, 10);
                        Message::new("portfolio-category-small")
                            .arg(
                                "revenue",
                                Arg::Money {
                                    value: f.revenue,
                                    dp,
                                },
                            )
                            .arg("threshold", Arg::Money { value: l, dp })
                    }
                    None => Message::new("portfolio-category-no-revenue"),
                }
            } else {
                let dp = decimals_apart(
                    f.margin * Decimal::ONE_HUNDRED,
                    t.high_margin * Decimal::ONE_HUNDRED,
                    1,
                    10,
                );
                Message::new(if f.margin >= t.high_margin {
                    "portfolio-category-high-margin"
                } else {
                    "portfolio-category-low-margin"
                })
                .arg("revenue", Arg::money(f.revenue))
                .arg(
                    "margin",
                    Arg::Percent {
                        value: f.margin,
                        dp,
                    },
                )
                .arg(
                    "threshold",
                    Arg::Percent {
                        value: t.high_margin,
                        dp,
                    },
                )
            };
            out.push(
                cx.found(
                    placed.customer.file,
                    &placed.customer.pointer("category"),
                    Message::new("portfolio-category")
                        .text("customer", &c.name)
                        .text("declared", declared.id())
                        .text("computed", placed.category.id())
                        .phrase("why", why),
                )
                .with_help(Message::new("portfolio-category-help")),
            );
        }
    }
}
