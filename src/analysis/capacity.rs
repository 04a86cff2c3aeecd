//! A seller's activity plan in hours: each activity KPI's rate × the hours
//! one activity takes, and the share of the week spent with customers
//! (SPEC 4.2 `capacity`). Computed once; the `capacity` rule judges it and
//! the seller report shows it.
//!
//! Hours are added up per year (rate × activities a year × hours), where
//! every step is a multiplication and so exact; a week's hours divide by
//! `working_weeks` once, for display.

use super::rollup::{per_year, usable};
use crate::model::{Per, Plan, Seller};
use rust_decimal::Decimal;

/// Activities that count as time with customers (face to face or on the phone).
pub const CUSTOMER_FACING: &[&str] = &["qualified_meetings", "customer_visits", "customer_calls"];

/// One activity KPI (or goal) of a seller.
#[derive(Clone, Debug)]
pub struct Activity {
    pub metric: String,
    /// The JSON Pointer of its target in the seller's file.
    pub pointer: String,
    pub target: Decimal,
    pub per: Per,
    /// Activities a year: `target × per_year(per)`, exact.
    pub per_year: Decimal,
    /// Activities a week (for display).
    pub per_week: Decimal,
    /// Hours one activity takes, where `activity_hours` names it.
    pub hours_each: Option<Decimal>,
    /// Hours a year, exact.
    pub hours_year: Option<Decimal>,
    /// Hours a week (for display).
    pub hours_week: Option<Decimal>,
    pub customer_facing: bool,
}

/// A seller's week, as the activity KPIs fill it.
#[derive(Clone, Debug)]
pub struct Capacity {
    pub activities: Vec<Activity>,
    pub hours_per_week: Decimal,
    pub working_weeks: Decimal,
    /// Hours a year of all activities with known hours, exact.
    pub hours_year: Decimal,
    /// Hours a year with customers, exact.
    pub customer_hours_year: Decimal,
    /// The smallest customer share the `capacity` rule asks for.
    pub min_customer_share: Decimal,
}

impl Capacity {
    /// Hours a year the seller has: `hours_per_week × working_weeks`.
    pub fn available_year(&self) -> Decimal {
        self.hours_per_week * self.working_weeks
    }

    /// Hours a week of all activities (for display).
    pub fn hours_week(&self) -> Decimal {
        self.hours_year / self.working_weeks
    }

    /// Hours a week with customers (for display).
    pub fn customer_hours_week(&self) -> Decimal {
        self.customer_hours_year / self.working_weeks
    }

    /// The share of the working week spent with customers.
    pub fn customer_share(&self) -> Decimal {
        let available = self.available_year();
        if available.is_zero() {
            Decimal::ZERO
        } else {
            self.customer_hours_year / available
        }
    }

    /// The activities take more hours than the seller has (exact).
    pub fn overbooked(&self) -> bool {
        self.hours_year > self.available_year()
    }

    /// Less time with customers than the minimum share (exact).
    pub fn too_little_with_customers(&self) -> bool {
        self.customer_hours_year < self.min_customer_share * self.available_year()
    }

    /// Where the activity plan starts in the seller's file.
    pub fn pointer(&self) -> Option<&str> {
        self.activities
            .iter()
            .find(|a| a.hours_year.is_some())
            .map(|a| a.pointer.as_str())
    }
}

/// The activity plan of one seller: KPIs first, then goals.
pub fn seller_capacity(plan: &Plan, seller: &Seller, min_customer_share: Decimal) -> Capacity {
    let settings = &plan.settings;
    let ww = settings.working_weeks;
    let mut activities = Vec::new();
    let kpis = seller.kpis.iter().enumerate().map(|(i, k)| (k, "kpis", i));
    let goals = seller
        .goals
        .iter()
        .enumerate()
        .map(|(i, g)| (g, "goals", i));
    for (k, list, i) in kpis.chain(goals) {
        let (Some(target), Some(metric)) = (k.target, plan.metrics.get(&k.metric)) else {
            continue;
        };
        if !metric.activity || !usable(&plan.metrics, &k.metric, target) {
            continue;
        }
        let Some(per) = k.per else {
            continue; // `measurable` reports an activity without `per`
        };
        let year = target.value * per_year(per, ww);
        let hours_each = settings.activity_hours.get(&k.metric).copied();
        let hours_year = hours_each.map(|h| year * h);
        activities.push(Activity {
            metric: k.metric.clone(),
            pointer: format!("/{list}/{i}/target"),
            target: target.value,
            per,
            per_year: year,
            per_week: year / ww,
            hours_each,
            hours_year,
            hours_week: hours_year.map(|h| h / ww),
            customer_facing: CUSTOMER_FACING.contains(&k.metric.as_str()),
        });
    }
    let hours_year = activities.iter().filter_map(|a| a.hours_year).sum();
    let customer_hours_year = activities
        .iter()
        .filter(|a| a.customer_facing)
        .filter_map(|a| a.hours_year)
        .sum();
    Capacity {
        activities,
        hours_per_week: settings.hours_per_week,
        working_weeks: ww,
        hours_year,
        customer_hours_year,
        min_customer_share,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn capacity(rates: &[(&str, i64, Per, i64)]) -> Capacity {
        let ww = Decimal::from(44);
        let activities: Vec<Activity> = rates
            .iter()
            .map(|(m, t, per, h)| {
                let year = Decimal::from(*t) * per_year(*per, ww);
                Activity {
                    metric: (*m).to_string(),
                    pointer: String::new(),
                    target: Decimal::from(*t),
                    per: *per,
                    per_year: year,
                    per_week: year / ww,
                    hours_each: Some(Decimal::from(*h)),
                    hours_year: Some(year * Decimal::from(*h)),
                    hours_week: Some(year * Decimal::from(*h) / ww),
                    customer_facing: CUSTOMER_FACING.contains(m),
                }
            })
            .collect();
        Capacity {
            hours_year: activities.iter().filter_map(|a| a.hours_year).sum(),
            customer_hours_year: activities
                .iter()
                .filter(|a| a.customer_facing)
                .filter_map(|a| a.hours_year)
                .sum(),
            activities,
            hours_per_week: Decimal::from(40),
            working_weeks: ww,
            min_customer_share: Decimal::new(4, 1),
        }
    }

    #[test]
    fn a_week_filled_exactly_is_not_overbooked() {
        // 484 meetings and 1 276 offers a year of 1 h each fill 1 760 h:
        // exactly 44 weeks × 40 h.
        let c = capacity(&[
            ("qualified_meetings", 484, Per::Year, 1),
            ("offers", 1276, Per::Year, 1),
        ]);
        assert_eq!(c.hours_year, Decimal::from(1760));
        assert!(!c.overbooked());
        // 484 of 1760 hours is 27.5 %: below 40 %.
        assert!(c.too_little_with_customers());
        assert_eq!(c.customer_share(), Decimal::new(275, 3));
    }

    #[test]
    fn a_share_equal_to_the_minimum_is_enough() {
        // 44 weeks × 40 h = 1 760 h, of which 704 h is exactly 40 %.
        let c = capacity(&[("customer_calls", 704, Per::Year, 1)]);
        assert!(!c.too_little_with_customers());
        let c = capacity(&[("customer_calls", 703, Per::Year, 1)]);
        assert!(c.too_little_with_customers());
    }
}
