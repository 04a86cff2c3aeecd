//! The customers on this year's numbers: each customer's actual revenue and
//! contribution over the plan year's actuals files, and the portfolio
//! category those numbers give — annualised by the share of the year that
//! has passed, and judged by the plan's thresholds — beside the plan's.

use super::portfolio::{Figures, Portfolio, classify};
use crate::model::period::{Date, Period};
use crate::model::{Category, Plan};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// One customer's actuals to date.
#[derive(Clone, Debug)]
pub struct CustomerActual {
    pub revenue: Decimal,
    pub contribution: Decimal,
    /// The category of the numbers annualised (revenue and contribution ÷
    /// the share of the year), by the plan's thresholds.
    pub category: Category,
}

/// Every customer with actuals, by id. A customer's values from a file
/// whose period overlaps one already counted are left out (as for sellers).
pub fn customer_actuals(
    plan: &Plan,
    portfolio: &Portfolio<'_>,
    as_of: Option<Date>,
) -> HashMap<String, CustomerActual> {
    let (Some(plan_period), Some(as_of)) = (plan.period(), as_of) else {
        return HashMap::new();
    };
    let year = Period::Year(plan_period.year());
    let mut sums: HashMap<&str, (Vec<Period>, Decimal, Decimal)> = HashMap::new();
    for a in &plan.actuals {
        let period = a.data.period;
        if !year.covers(period) {
            continue;
        }
        for (id, c) in &a.data.customers {
            let entry = sums.entry(id.as_str()).or_default();
            if entry.0.iter().any(|p| p.overlaps(period)) {
                continue;
            }
            entry.0.push(period);
            entry.1 += c.revenue.map_or(Decimal::ZERO, |q| q.value);
            entry.2 += c.contribution.map_or(Decimal::ZERO, |q| q.value);
        }
    }
    // The share of the year that has passed, to compare a part of the year
    // with thresholds set for twelve months.
    // Working days, as the evaluation counts them.
    let days = Decimal::from(year.start().working_days_to(year.end()).max(1));
    let elapsed = Decimal::from(year.start().working_days_to(as_of.min(year.end())).max(1));
    let share = elapsed / days;
    let prospects: HashMap<&str, bool> = portfolio
        .customers
        .iter()
        .map(|p| {
            (
                p.customer.customer.id.as_str(),
                p.customer.customer.prospect,
            )
        })
        .collect();
    sums.into_iter()
        .map(|(id, (_, revenue, contribution))| {
            let annual = revenue / share;
            let margin = if revenue.is_zero() {
                Decimal::ZERO
            } else {
                contribution / revenue
            };
            let figures = Figures {
                revenue: annual,
                margin,
                sales_cost: Decimal::ZERO,
                // A prospect that bought this year is a customer now.
                prospect: prospects.get(id).copied().unwrap_or(false) && revenue.is_zero(),
            };
            (
                id.to_string(),
                CustomerActual {
                    revenue,
                    contribution,
                    category: classify(&figures, &portfolio.thresholds),
                },
            )
        })
        .collect()
}

/// The portfolio on this year's numbers: per category (by the actuals), the
/// customers with actuals among `ids` (indexes into `portfolio.customers`),
/// their revenue and contribution to date, the share of the revenue and
/// the margin (Σ contribution ÷ Σ revenue).
pub fn totals_of(
    actuals: &HashMap<String, CustomerActual>,
    portfolio: &Portfolio<'_>,
    ids: &[usize],
) -> Vec<(Category, super::portfolio::Totals)> {
    let chosen: Vec<&CustomerActual> = ids
        .iter()
        .filter_map(|&i| actuals.get(&portfolio.customers[i].customer.customer.id))
        .collect();
    let total: Decimal = chosen.iter().map(|a| a.revenue).sum();
    super::portfolio::CATEGORIES
        .iter()
        .map(|&cat| {
            let mine: Vec<&&CustomerActual> = chosen.iter().filter(|a| a.category == cat).collect();
            let revenue: Decimal = mine.iter().map(|a| a.revenue).sum();
            let contribution: Decimal = mine.iter().map(|a| a.contribution).sum();
            let ratio = |n: Decimal, d: Decimal| if d.is_zero() { Decimal::ZERO } else { n / d };
            (
                cat,
                super::portfolio::Totals {
                    count: mine.len(),
                    revenue,
                    contribution,
                    share: ratio(revenue, total),
                    margin: ratio(contribution, revenue),
                    prospects: 0,
                },
            )
        })
        .collect()
}
