//! `portfolio-category`: a declared category that the numbers do not bear out.

use super::{Context, Param, Rule, RuleMeta};
use crate::diag::{Diagnostic, Level};

pub struct PortfolioCategory;

static META: RuleMeta = RuleMeta {
    id: "portfolio-category",
    default_level: Level::Info,
    structural: false,
    summary: "A customer's declared `category` differs from the one its revenue, margin and sales \
cost give under the portfolio thresholds (configured under `portfolio:` in salgsmal.yaml, or \
the defaults: Pareto 80 % for large, the revenue-weighted mean margin, 0.5 % of the total \
contribution).",
    principle: "Categorise and prioritise customers: the strategy for a customer follows its \
place in the portfolio, so the place should follow from the numbers.",
    params: &[] as &[Param],
    example: "info[portfolio-category]: Fjordtre AS is declared key but its numbers make it question (revenue kr 1 800 000 is below the large-customer threshold kr 12 600 000)\n  --> customers/kari.yaml:3:93",
};

impl Rule for PortfolioCategory {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let fmt = &cx.plan.settings.fmt;
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
                "a prospect is a new customer".to_string()
            } else if !large {
                match t.large_revenue {
                    Some(l) => format!(
                        "revenue {} is below the large-customer threshold {}",
                        fmt.money(f.revenue),
                        fmt.money(l)
                    ),
                    None => "no customer has revenue yet".to_string(),
                }
            } else {
                format!(
                    "revenue {} is large, and margin {} is {} the high-margin threshold {}",
                    fmt.money(f.revenue),
                    fmt.percent(f.margin),
                    if f.margin >= t.high_margin {
                        "at or above"
                    } else {
                        "below"
                    },
                    fmt.percent(t.high_margin)
                )
            };
            out.push(
                cx.found(
                    placed.customer.file,
                    &placed.customer.pointer("category"),
                    format!(
                        "{} is declared {} but its numbers make it {} ({why})",
                        c.name,
                        declared.id(),
                        placed.category.id()
                    ),
                )
                .with_help("update the category, or the customer's revenue and margin"),
            );
        }
    }
}
